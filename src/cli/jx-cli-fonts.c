/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-cli-private.h"
#include "jx-page-fonts.h"

/* 𠀀, the first character of CJK Extension B: rare characters of names of
 * people and places come from the same fonts. */
#define EXTENSION_B_SAMPLE 0x20000

/* What the clerk reads for each role; in English the role's own name, as
 * the preferences and the docs use it. */
static const char *
role_label (JxFontRole role)
{
  switch (role)
    {
    case JX_FONT_TITLE: return C_("font role", "title");
    case JX_FONT_HEADING: return C_("font role", "heading");
    case JX_FONT_BODY: return C_("font role", "body");
    case JX_FONT_TABLE: return C_("font role", "table");
    case JX_FONT_NARROW: return C_("font role", "table-narrow");
    case JX_FONT_FOLIO: return C_("font role", "page-number");
    case JX_N_FONT_ROLES:
    default: g_return_val_if_reached ("");
    }
}

/* text and spaces up to width columns (a Chinese character takes two), so
 * that the columns line up in a terminal in any language. */
static char *
pad (const char *text,
     guint       width)
{
  GString *padded = g_string_new (text);
  guint columns = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    columns += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  while (columns++ < width)
    g_string_append_c (padded, ' ');
  return g_string_free (padded, FALSE);
}

static void
print_role (PangoContext *pango,
            JxFontRole    role)
{
  const JxFontRoleInfo *info = jx_font_role_get_info (role);
  g_autofree char *real = jx_font_role_resolve (pango, role);
  g_autofree char *stand_in = jx_font_role_get_stand_in (pango, role);
  g_autofree char *rare = jx_font_role_resolve_char (pango, role, EXTENSION_B_SAMPLE);
  g_autoptr(PangoFontDescription) used = jx_font_role_description (pango, role, FALSE);
  gboolean bold = pango_font_description_get_weight (used) >= PANGO_WEIGHT_BOLD;
  g_autofree char *label = pad (role_label (role), 12);
  g_autofree char *asked = g_strdup_printf (_("asked for: %s"), info->families);

  g_print ("%s %4.1f pt  %s%s\n", label, info->size, real, bold ? " Bold" : "");
  g_print ("%-12s %s\n", "", asked);
  if (stand_in != NULL)
    {
      /* TRANSLATORS: "stands in for 仿宋_GB2312, which is not installed" */
      g_autofree char *line = g_strdup_printf (_("stands in for %s, which is not installed"),
                                               jx_font_role_get_office_family (role));

      g_print ("%-12s %s\n", "", line);
    }
  if (rare[0] != '\0')
    {
      /* TRANSLATORS: the font that draws rare characters */
      g_autofree char *line = g_strdup_printf (_("rare characters (𠀀): %s"), rare);

      g_print ("%-12s %s\n", "", line);
    }
  else
    g_print ("%-12s %s\n", "", _("rare characters (𠀀): no installed font has them"));
}

int
jx_cli_fonts (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— show the fonts the document is printed with"));
  PangoContext *pango;

  g_option_context_set_summary (context,
    _("For each font role prints the size, the font this machine really uses for "
      "Chinese text, the families asked for (preferred first), the office font it "
      "stands in for when that one is not installed, and the font that draws rare "
      "characters (CJK Extension B, as in names of people and places)."));
  if (!jx_cli_parse_options (context, &argc, &argv))
    return 2;
  if (argc != 1)
    {
      g_printerr ("%s\n", _("jixiao-cli fonts: takes no file"));
      return 2;
    }

  pango = jx_page_context_new ();
  for (guint role = 0; role < JX_N_FONT_ROLES; role++)
    print_role (pango, role);
  g_object_unref (pango);
  return 0;
}
