/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-cli-private.h"

int
jx_cli_check (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("FILE… — check that documents load"));
  int failed = 0;

  g_option_context_set_summary (context,
    _("Loads each file as the application would and prints one line for it. "
      "Errors go to standard error as FILE:LINE:COL: message (JSON syntax) or "
      "FILE: member.path: message (content). The exit status is 0 when every file loads."));
  if (!jx_cli_parse_options (context, &argc, &argv))
    return 2;
  if (argc < 2)
    {
      g_printerr ("%s\n", _("jixiao-cli check: name at least one file"));
      return 2;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JxDocument) document = jx_document_load_file (argv[i], &error);
      g_autofree char *total = NULL;
      guint n;

      if (document == NULL)
        {
          jx_cli_print_load_error (argv[i], error);
          failed++;
          continue;
        }
      n = g_list_model_get_n_items (jx_document_get_projects (document));
      total = jx_money_format (jx_document_get_total (document));
      g_print (g_dngettext (GETTEXT_PACKAGE, "%s: ok, %u project, total %s %s\n",
                            "%s: ok, %u projects, total %s %s\n", n),
               argv[i], n, total, jx_document_get_money_unit (document));
    }
  return failed > 0 ? 1 : 0;
}
