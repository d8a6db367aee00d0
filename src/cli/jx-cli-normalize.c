/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "jx-cli-private.h"

int
jx_cli_normalize (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — rewrite a document"));
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = NULL;
  g_autofree char *output = NULL;
  g_autofree char *data = NULL;
  gsize length;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT (replaced safely) instead of standard output"), N_("OUT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Loads FILE and writes it back as the application saves it: pretty-printed, "
      "members in their order, unknown members kept."));
  if (!jx_cli_parse_options (context, &argc, &argv))
    return 2;
  if (argc != 2)
    {
      g_printerr ("%s\n", _("jixiao-cli normalize: name exactly one file"));
      return 2;
    }

  document = jx_document_load_file (argv[1], &error);
  if (document == NULL)
    {
      jx_cli_print_load_error (argv[1], error);
      return 1;
    }

  if (output != NULL)
    {
      if (!jx_document_save_file (document, output, &error))
        {
          g_printerr ("jixiao-cli: %s\n", error->message);
          return 1;
        }
      return 0;
    }

  data = jx_document_to_data (document, &length);
  if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      g_printerr ("jixiao-cli: %s\n", _("could not write to standard output"));
      return 1;
    }
  return 0;
}
