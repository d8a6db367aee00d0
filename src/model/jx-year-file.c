/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "jx-document-io.h"
#include "jx-year-file.h"

#define SUFFIX ".jixiao.json"
/* Most file systems allow 255 bytes in a name. */
#define NAME_MAX_BYTES 255

static gboolean
is_refused (gunichar c)
{
  return c < 0x20 || c == 0x7F || strchr ("/\\:*?\"<>|", (int) c) != NULL;
}

/* The department's name as a file name part, cut on a character boundary
 * so that year, name and suffix fit in one name. */
static void
append_safe (GString *out, const char *text, gsize limit)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  for (const char *p = stripped; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize length = g_utf8_next_char (p) - p;

      if (out->len + length > limit)
        break;
      if (c < 0x80 && is_refused (c))
        g_string_append_c (out, '_');
      else
        g_string_append_len (out, p, length);
    }
}

char *
jx_year_file_name (JxDocument *document)
{
  const char *department;
  GString *name;

  g_return_val_if_fail (JX_IS_DOCUMENT (document), NULL);

  department = jx_department_get_name (jx_document_get_department (document));
  name = g_string_new (NULL);
  g_string_append_printf (name, "%u", jx_document_get_year (document));
  append_safe (name, department, NAME_MAX_BYTES - strlen (SUFFIX) - strlen ("（2）"));
  if (name->len == 4)
    append_safe (name, jx_document_get_title (document),
                 NAME_MAX_BYTES - strlen (SUFFIX) - strlen ("（2）"));
  g_string_append (name, SUFFIX);
  return g_string_free (name, FALSE);
}

char *
jx_year_file_propose (JxDocument *document,
                      const char *old_path)
{
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *old_name = NULL;

  g_return_val_if_fail (JX_IS_DOCUMENT (document), NULL);

  name = jx_year_file_name (document);
  if (old_path == NULL)
    return g_steal_pointer (&name);
  folder = g_path_get_dirname (old_path);
  old_name = g_path_get_basename (old_path);
  if (g_str_equal (name, old_name))
    {
      /* The old file has this year's name already: never offer it. */
      g_autofree char *stem = g_strndup (name, strlen (name) - strlen (SUFFIX));

      g_free (name);
      name = g_strconcat (stem, "（2）", SUFFIX, NULL);
    }
  return g_build_filename (folder, name, NULL);
}

JxYearFileKind
jx_year_file_check (const char *path,
                    guint       year,
                    guint      *file_year)
{
  g_autoptr(JxDocument) there = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, JX_YEAR_FILE_NOT_DOCUMENT);

  if (file_year != NULL)
    *file_year = 0;
  if (g_stat (path, &st) != 0)
    return JX_YEAR_FILE_NEW;
  if (!S_ISREG (st.st_mode))
    return JX_YEAR_FILE_NOT_DOCUMENT;
  there = jx_document_load_file (path, NULL);
  if (there == NULL)
    return JX_YEAR_FILE_NOT_DOCUMENT;
  if (file_year != NULL)
    *file_year = jx_document_get_year (there);
  return jx_document_get_year (there) == year ? JX_YEAR_FILE_SAME_YEAR : JX_YEAR_FILE_OTHER_YEAR;
}
