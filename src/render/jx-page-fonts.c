/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jx-fonts.h"
#include "jx-page-fonts.h"
#include "jx-render.h"

/* 22 lines of 3号 text fill the 225 mm text block (GB/T 9704-2012 7.1). */
#define BODY_PITCH (225.0 / 25.4 * 72.0 / 22.0)

/* Every role ends with fonts that cover CJK Extension B (𠀀, U+20000, and
 * the rare characters of names of people and places), so that no
 * character prints as a box: BabelStone Han, then HanaMinB for what it
 * lacks. Both come after the role's own fonts, which draw everything
 * else in the role's style. */
#define EXTENSION_B ", BabelStone Han, HanaMinB"

#define TITLE_OFFICE   "方正小标宋简体, 方正小标宋_GBK, FZXiaoBiaoSong-B05S, 华文中宋, STZhongsong"
#define HEADING_OFFICE "黑体, SimHei"
#define BODY_OFFICE    "仿宋_GB2312, 仿宋, FangSong"
#define FOLIO_OFFICE   "宋体, SimSun"

static const JxFontRoleInfo roles[JX_N_FONT_ROLES] = {
  [JX_FONT_TITLE] = { "title",
    TITLE_OFFICE ", Noto Serif CJK SC" EXTENSION_B,
    22.0, 36.0, PANGO_WEIGHT_BOLD, TITLE_OFFICE },
  [JX_FONT_HEADING] = { "heading",
    HEADING_OFFICE ", FandolHei, Noto Sans CJK SC" EXTENSION_B,
    16.0, BODY_PITCH, PANGO_WEIGHT_NORMAL, HEADING_OFFICE },
  [JX_FONT_BODY] = { "body",
    BODY_OFFICE ", FandolFang, Noto Serif CJK SC" EXTENSION_B,
    16.0, BODY_PITCH, PANGO_WEIGHT_NORMAL, BODY_OFFICE },
  [JX_FONT_TABLE] = { "table",
    BODY_OFFICE ", FandolFang, Noto Serif CJK SC" EXTENSION_B,
    10.5, 15.0, PANGO_WEIGHT_NORMAL, BODY_OFFICE },
  [JX_FONT_NARROW] = { "table-narrow",
    BODY_OFFICE ", FandolFang, Noto Serif CJK SC" EXTENSION_B,
    9.0, 13.0, PANGO_WEIGHT_NORMAL, BODY_OFFICE },
  [JX_FONT_FOLIO] = { "page-number",
    FOLIO_OFFICE ", FandolSong, Noto Serif CJK SC" EXTENSION_B,
    14.0, 20.0, PANGO_WEIGHT_NORMAL, FOLIO_OFFICE },
};

/* Families the user chose in the preferences, tried before the built-in list. */
static char *chosen[JX_N_FONT_ROLES];
static char *families[JX_N_FONT_ROLES];
static gint8 own_cache[JX_N_FONT_ROLES];   /* 0 unknown, 1 own font installed, 2 stand-in */

static const char *
role_families (JxFontRole role)
{
  return families[role] != NULL ? families[role] : roles[role].families;
}

void
jx_font_role_set_family (JxFontRole  role,
                         const char *family)
{
  g_return_if_fail (role < JX_N_FONT_ROLES);

  g_clear_pointer (&chosen[role], g_free);
  g_clear_pointer (&families[role], g_free);
  if (family != NULL && family[0] != '\0')
    {
      chosen[role] = g_strdup (family);
      families[role] = g_strconcat (family, ", ", roles[role].families, NULL);
    }
  own_cache[role] = 0;
}

const char *
jx_font_role_get_family (JxFontRole role)
{
  g_return_val_if_fail (role < JX_N_FONT_ROLES, NULL);
  return chosen[role];
}

const JxFontRoleInfo *
jx_font_role_get_info (JxFontRole role)
{
  g_return_val_if_fail (role < JX_N_FONT_ROLES, NULL);
  return &roles[role];
}

PangoContext *
jx_page_context_new (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Hinted metrics depend on the device; paper and PDF must match screen. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  jx_render_prepare_context (context);
  return context;
}

static PangoFontDescription *
plain_description (JxFontRole role)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, role_families (role));
  pango_font_description_set_size (desc, (int) (roles[role].size * PANGO_SCALE));
  return desc;
}

char *
jx_font_role_resolve_char (PangoContext *context,
                           JxFontRole    role,
                           gunichar      c)
{
  g_autoptr(PangoFontDescription) desc = NULL;
  PangoFontset *fontset;
  g_autoptr(PangoFont) font = NULL;
  g_autoptr(PangoFontDescription) found = NULL;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (role < JX_N_FONT_ROLES, NULL);

  desc = plain_description (role);
  fontset = pango_context_load_fontset (context, desc, pango_language_from_string ("zh-cn"));
  if (fontset == NULL)
    return g_strdup ("");
  font = pango_fontset_get_font (fontset, c);
  g_object_unref (fontset);
  if (font == NULL || !pango_font_has_char (font, c))
    return g_strdup ("");
  found = pango_font_describe (font);
  return g_strdup (pango_font_description_get_family (found));
}

char *
jx_font_role_resolve (PangoContext *context,
                      JxFontRole    role)
{
  /* 中: what a Chinese character is really drawn with. */
  return jx_font_role_resolve_char (context, role, 0x4E2D);
}

/* Whether one of a comma-separated list of families is installed. */
static gboolean
have_any (const char *list)
{
  g_auto(GStrv) names = g_strsplit (list, ",", -1);

  for (guint i = 0; names[i] != NULL; i++)
    if (jx_fonts_have_family (g_strstrip (names[i])))
      return TRUE;
  return FALSE;
}

/* The office font or the chosen one is installed. Asked of fontconfig by
 * name, because the family Pango reports is often the font's English name
 * ("FangSong_GB2312" for 仿宋_GB2312). */
static gboolean
has_own_font (JxFontRole role)
{
  if (own_cache[role] == 0)
    own_cache[role] = (chosen[role] != NULL && jx_fonts_have_family (chosen[role])) ||
                      have_any (roles[role].office) ? 1 : 2;
  return own_cache[role] == 1;
}

const char *
jx_font_role_get_office_family (JxFontRole role)
{
  static char *first[JX_N_FONT_ROLES];

  g_return_val_if_fail (role < JX_N_FONT_ROLES, NULL);

  if (g_once_init_enter (&first[role]))
    g_once_init_leave (&first[role], g_strndup (roles[role].office,
                                                strcspn (roles[role].office, ",")));
  return first[role];
}

char *
jx_font_role_get_stand_in (PangoContext *context,
                           JxFontRole    role)
{
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (role < JX_N_FONT_ROLES, NULL);

  if (has_own_font (role))
    return NULL;
  return jx_font_role_resolve (context, role);
}

char *
jx_fonts_describe_stand_ins (PangoContext *context)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GHashTable) said = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  for (guint role = 0; role < JX_N_FONT_ROLES; role++)
    {
      const char *office = jx_font_role_get_office_family (role);
      g_autofree char *stand_in = jx_font_role_get_stand_in (context, role);

      /* The body, table and narrow roles share one office font. */
      if (stand_in == NULL || !g_hash_table_add (said, (gpointer) office))
        continue;
      if (text->len > 0)
        g_string_append (text, _("; "));
      /* TRANSLATORS: "仿宋_GB2312 is not installed: Noto Serif CJK SC prints instead" */
      g_string_append_printf (text, _("%s is not installed: %s prints instead"), office, stand_in);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

void
jx_fonts_changed (void)
{
  memset (own_cache, 0, sizeof own_cache);
}

PangoFontDescription *
jx_font_role_description (PangoContext *context,
                          JxFontRole    role,
                          gboolean      bold)
{
  PangoFontDescription *desc;

  g_return_val_if_fail (role < JX_N_FONT_ROLES, NULL);

  desc = plain_description (role);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  else if (!has_own_font (role))
    pango_font_description_set_weight (desc, roles[role].fallback_weight);
  return desc;
}
