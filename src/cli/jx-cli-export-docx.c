/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-cli-private.h"
#include "jx-docx-export.h"

int
jx_cli_export_docx (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — write the document as a Word file"));
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = NULL;
  g_autofree char *output = NULL;
  g_autofree char *stage_name = NULL;
  JxStage stage;
  const GOptionEntry entries[] = {
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage_name,
      N_("goals (the document), monitoring (the 绩效监控表) or evaluation (the 绩效自评表); "
         "default the document's stage, as it prints"), N_("STAGE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the Word file to OUT (replaced only when complete)"), N_("OUT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Writes FILE as a Word document (.docx) with the content, order and numbering "
      "of the printout — cover, 目录, Part 1 and one table per project — in paragraph "
      "and table styles a clerk can change. The 目录 is a real table of contents "
      "whose page numbers are those of the printout. Word, WPS and LibreOffice open it.\n\n"
      "A document in its monitoring or self-evaluation is written, as it prints, as that "
      "stage's report: the department's summary and one 项目支出绩效监控表 or "
      "项目支出绩效自评表 per project, the stage's columns beside the targets."));
  if (!jx_cli_parse_options (context, &argc, &argv))
    return 2;
  if (argc != 2 || output == NULL)
    {
      g_printerr ("%s\n", _("jixiao-cli export-docx: name one file and the output with -o OUT.docx"));
      return 2;
    }

  if (!jx_cli_parse_stage ("export-docx", stage_name, &stage))
    return 2;

  document = jx_document_load_file (argv[1], &error);
  if (document == NULL)
    {
      jx_cli_print_load_error (argv[1], error);
      return 1;
    }
  if (stage_name == NULL)
    stage = jx_document_get_stage (document);
  if (!jx_docx_export_stage_file (document, stage, output, &error))
    {
      g_printerr ("jixiao-cli: %s\n", error->message);
      return 1;
    }
  return 0;
}
