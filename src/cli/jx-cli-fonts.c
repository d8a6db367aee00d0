/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-cli-private.h"
#include "jx-page-fonts.h"

int
jx_cli_fonts (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— show the fonts the document is printed with"));
  PangoContext *pango;

  g_option_context_set_summary (context,
    _("For each font role prints the size, the families asked for (preferred first) "
      "and the font this machine really uses for Chinese text."));
  if (!jx_cli_parse_options (context, &argc, &argv))
    return 2;
  if (argc != 1)
    {
      g_printerr ("%s\n", _("jixiao-cli fonts: takes no file"));
      return 2;
    }

  pango = jx_page_context_new ();
  for (guint role = 0; role < JX_N_FONT_ROLES; role++)
    {
      const JxFontRoleInfo *info = jx_font_role_get_info (role);
      g_autofree char *real = jx_font_role_resolve (pango, role);
      g_autoptr(PangoFontDescription) used = jx_font_role_description (pango, role, FALSE);
      gboolean bold = pango_font_description_get_weight (used) >= PANGO_WEIGHT_BOLD;

      g_print ("%-12s %4.1f pt  %s%s\n", info->id, info->size, real, bold ? " Bold" : "");
      g_print ("%-12s %s %s\n", "", _("asked for:"), info->families);
    }
  g_object_unref (pango);
  return 0;
}
