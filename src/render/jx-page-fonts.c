/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-page-fonts.h"
#include "jx-render.h"

/* 22 lines of 3号 text fill the 225 mm text block (GB/T 9704-2012 7.1). */
#define BODY_PITCH (225.0 / 25.4 * 72.0 / 22.0)

static const JxFontRoleInfo roles[JX_N_FONT_ROLES] = {
  [JX_FONT_TITLE] = { "title",
    "方正小标宋简体, 方正小标宋_GBK, FZXiaoBiaoSong-B05S, 华文中宋, STZhongsong, Noto Serif CJK SC",
    22.0, 36.0, PANGO_WEIGHT_BOLD },
  [JX_FONT_HEADING] = { "heading",
    "黑体, SimHei, FandolHei, Noto Sans CJK SC",
    16.0, BODY_PITCH, PANGO_WEIGHT_NORMAL },
  [JX_FONT_BODY] = { "body",
    "仿宋_GB2312, 仿宋, FangSong, FandolFang, Noto Serif CJK SC",
    16.0, BODY_PITCH, PANGO_WEIGHT_NORMAL },
  [JX_FONT_TABLE] = { "table",
    "仿宋_GB2312, 仿宋, FangSong, FandolFang, Noto Serif CJK SC",
    10.5, 15.0, PANGO_WEIGHT_NORMAL },
  [JX_FONT_NARROW] = { "table-narrow",
    "仿宋_GB2312, 仿宋, FangSong, FandolFang, Noto Serif CJK SC",
    9.0, 13.0, PANGO_WEIGHT_NORMAL },
  [JX_FONT_FOLIO] = { "page-number",
    "宋体, SimSun, FandolSong, Noto Serif CJK SC",
    14.0, 20.0, PANGO_WEIGHT_NORMAL },
};

/* Families the user chose in the preferences, tried before the built-in list. */
static char *chosen[JX_N_FONT_ROLES];
static char *families[JX_N_FONT_ROLES];
static gint8 fallback_cache[JX_N_FONT_ROLES];   /* 0 unknown, 1 office font, 2 fallback */

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
  fallback_cache[role] = 0;
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
jx_font_role_resolve (PangoContext *context,
                      JxFontRole    role)
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
  /* 中: what a Chinese character is really drawn with. */
  font = pango_fontset_get_font (fontset, 0x4E2D);
  g_object_unref (fontset);
  if (font == NULL)
    return g_strdup ("");
  found = pango_font_describe (font);
  return g_strdup (pango_font_description_get_family (found));
}

static gboolean
is_fallback (PangoContext *context,
             JxFontRole    role)
{
  gint8 *cache = fallback_cache;

  if (cache[role] == 0)
    {
      g_autofree char *family = jx_font_role_resolve (context, role);
      const char *list = roles[role].families;
      const char *last = strrchr (list, ',');

      last = last != NULL ? last + 1 : list;
      while (*last == ' ')
        last++;
      cache[role] = g_ascii_strcasecmp (family, last) == 0 ? 2 : 1;
    }
  return cache[role] == 2;
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
  else if (is_fallback (context, role))
    pango_font_description_set_weight (desc, roles[role].fallback_weight);
  return desc;
}
