/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jx-file.h"
#include "jx-fonts.h"

struct _JxFontCoverage
{
  FcCharSet *chars;
};

/* ---- Coverage ---- */

JxFontCoverage *
jx_font_coverage_new (void)
{
  JxFontCoverage *self = g_new0 (JxFontCoverage, 1);
  FcPattern *pattern = FcPatternCreate ();
  FcObjectSet *objects = FcObjectSetBuild (FC_CHARSET, NULL);
  FcFontSet *fonts = FcFontList (NULL, pattern, objects);

  self->chars = FcCharSetCreate ();
  for (int i = 0; fonts != NULL && i < fonts->nfont; i++)
    {
      FcCharSet *chars;

      if (FcPatternGetCharSet (fonts->fonts[i], FC_CHARSET, 0, &chars) == FcResultMatch)
        FcCharSetMerge (self->chars, chars, NULL);
    }
  if (fonts != NULL)
    FcFontSetDestroy (fonts);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);
  return self;
}

void
jx_font_coverage_free (JxFontCoverage *self)
{
  if (self == NULL)
    return;
  FcCharSetDestroy (self->chars);
  g_free (self);
}

gboolean
jx_font_coverage_covers (gunichar c,
                         gpointer coverage)
{
  JxFontCoverage *self = coverage;

  g_return_val_if_fail (self != NULL, TRUE);
  return FcCharSetHasChar (self->chars, c);
}

/* ---- Families ---- */

gboolean
jx_fonts_have_family (const char *family)
{
  FcPattern *pattern;
  FcObjectSet *objects;
  FcFontSet *fonts;
  gboolean found;

  g_return_val_if_fail (family != NULL, FALSE);

  pattern = FcPatternBuild (NULL, FC_FAMILY, FcTypeString, (const FcChar8 *) family, (char *) NULL);
  objects = FcObjectSetBuild (FC_FAMILY, NULL);
  fonts = FcFontList (NULL, pattern, objects);
  found = fonts != NULL && fonts->nfont > 0;
  if (fonts != NULL)
    FcFontSetDestroy (fonts);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);
  return found;
}

/* A font's first family name, the one the preferences store and Pango
 * matches. */
static const char *
first_family (FcPattern *font)
{
  FcChar8 *family;

  return FcPatternGetString (font, FC_FAMILY, 0, &family) == FcResultMatch ? (const char *) family
                                                                              : NULL;
}

static gint
by_name (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

GStrv
jx_fonts_list_chinese (void)
{
  FcPattern *pattern = FcPatternCreate ();
  FcLangSet *langs = FcLangSetCreate ();
  FcObjectSet *objects = FcObjectSetBuild (FC_FAMILY, NULL);
  FcFontSet *fonts;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) families = g_ptr_array_new ();

  FcLangSetAdd (langs, (const FcChar8 *) "zh-cn");
  FcPatternAddLangSet (pattern, FC_LANG, langs);
  fonts = FcFontList (NULL, pattern, objects);
  for (int i = 0; fonts != NULL && i < fonts->nfont; i++)
    {
      const char *family = first_family (fonts->fonts[i]);

      if (family != NULL && g_hash_table_add (seen, (gpointer) family))
        g_ptr_array_add (families, g_strdup (family));
    }
  g_ptr_array_sort (families, by_name);
  g_ptr_array_add (families, NULL);
  if (fonts != NULL)
    FcFontSetDestroy (fonts);
  FcObjectSetDestroy (objects);
  FcLangSetDestroy (langs);
  FcPatternDestroy (pattern);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&families), FALSE);
}

/* ---- Installing a font file ---- */

static gboolean
file_error (GError **error, const char *path, int saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not read the font file “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

/* The whole file, refusing what is not a regular file (a FIFO would block,
 * a device never end) or is larger than a font. */
static char *
read_font_file (const char *path, gsize *length, GError **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *data = NULL;
  struct stat st;
  gsize done = 0;
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);

  if (fd < 0)
    return file_error (error, path, errno), NULL;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size == 0 ||
      (guint64) st.st_size > JX_FONT_FILE_MAX_SIZE)
    {
      gboolean regular = S_ISREG (st.st_mode);

      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   regular ? _("“%s” is not a font file: it is empty or larger than any font")
                           : _("“%s” is not a font file"), display);
      return NULL;
    }
  data = g_malloc (st.st_size);
  while (done < (gsize) st.st_size)
    {
      gssize n = read (fd, data + done, st.st_size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = n < 0 ? errno : EIO;

          close (fd);
          return file_error (error, path, saved), NULL;
        }
      done += n;
    }
  close (fd);
  *length = done;
  return g_steal_pointer (&data);
}

/* The families of every face in the file; NULL when FreeType cannot read
 * it as a font. */
static GStrv
font_file_families (const char *path)
{
  FcFontSet *set = FcFontSetCreate ();
  int count = 0;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;

  FcFreeTypeQueryAll ((const FcChar8 *) path, -1, NULL, &count, set);
  for (int i = 0; i < set->nfont; i++)
    {
      FcChar8 *family;

      for (int k = 0; FcPatternGetString (set->fonts[i], FC_FAMILY, k, &family) == FcResultMatch; k++)
        if (g_hash_table_add (seen, g_strdup ((const char *) family)))
          {
            g_strv_builder_add (builder, (const char *) family);
            n++;
          }
    }
  FcFontSetDestroy (set);
  return n > 0 ? g_strv_builder_end (builder) : NULL;
}

char *
jx_fonts_get_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "fonts", NULL);
}

static gboolean
same_contents (const char *path, const char *data, gsize length)
{
  g_autofree char *existing = NULL;
  gsize existing_length;

  return g_file_get_contents (path, &existing, &existing_length, NULL) &&
         existing_length == length && memcmp (existing, data, length) == 0;
}

/* dir/NAME, or dir/NAME-2.EXT … when another file of that name is there. */
static char *
destination (const char *dir, const char *source, const char *data, gsize length)
{
  g_autofree char *base = g_path_get_basename (source);
  const char *dot = strrchr (base, '.');
  g_autofree char *stem = g_strndup (base, dot != NULL ? (gsize) (dot - base) : strlen (base));
  const char *ext = dot != NULL ? dot : "";

  for (guint i = 1; i < 1000; i++)
    {
      g_autofree char *name = i == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u%s", stem, i, ext);
      char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS) || same_contents (path, data, length))
        return path;
      g_free (path);
    }
  return NULL;
}

static void
use_at_once (const char *path)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();

  FcConfigAppFontAddFile (NULL, (const FcChar8 *) path);
  if (PANGO_IS_FC_FONT_MAP (map))
    pango_fc_font_map_config_changed (PANGO_FC_FONT_MAP (map));
  jx_fonts_changed ();
}

GStrv
jx_fonts_install_file (const char  *path,
                       GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *data = NULL;
  g_autofree char *dir = jx_fonts_get_user_dir ();
  g_autofree char *target = NULL;
  g_auto(GStrv) families = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  if ((data = read_font_file (path, &length, error)) == NULL)
    return NULL;
  if ((families = font_file_families (path)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a font file that can be used (TrueType or OpenType)"), display);
      return NULL;
    }
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;
      g_autofree char *shown = g_filename_display_name (dir);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the font folder “%s”: %s"), shown, g_strerror (saved));
      return NULL;
    }
  target = destination (dir, path, data, length);
  if (target == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("The font folder already holds too many files named like “%s”"), display);
      return NULL;
    }
  if (!same_contents (target, data, length) &&
      !jx_file_replace_contents (target, data, length, error))
    return NULL;
  use_at_once (target);
  return g_steal_pointer (&families);
}
