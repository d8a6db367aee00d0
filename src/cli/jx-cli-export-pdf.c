/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-checks.h"
#include "jx-cli-private.h"
#include "jx-page-layout.h"
#include "jx-pdf.h"
#include "jx-stage.h"

/* Printed all the same: a draft goes round for discussion. The review is
 * of what is printed: the 自评表 of a document still in its monitoring is
 * reviewed as a self-evaluation, the goals of a finished year as goals. */
static void
note_open_findings (const char *file,
                    JxDocument *document,
                    JxStage     printed)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *open = NULL;

  jx_document_set_stage (document, printed);
  findings = jx_checks_run (document);
  open = jx_checks_describe_open (findings);

  if (open != NULL)
    /* TRANSLATORS: the file, what the review finds, the file again */
    g_printerr (_("jixiao-cli export-pdf: %s: %s “jixiao-cli validate %s” lists them.\n"),
                file, open, file);
}

int
jx_cli_export_pdf (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — write the printed document as PDF"));
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = NULL;
  g_autoptr(JxPageLayout) layout = NULL;
  g_autofree char *output = NULL;
  g_autofree char *stage = NULL;
  JxPageOptions options = { 0 };
  const GOptionEntry entries[] = {
    { "with-charts", 0, 0, G_OPTION_ARG_NONE, &options.with_charts,
      N_("Add the department's spending-plan chart as an appendix page"), NULL },
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage,
      N_("goals (the document), monitoring (the 绩效监控表) or evaluation (the 绩效自评表); "
         "default the document's stage, as it prints"), N_("STAGE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the PDF to OUT (replaced only when complete)"), N_("OUT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Lays FILE out on A4 pages exactly as the application prints it — cover, "
      "目录, Part 1 and one table per project — and writes a PDF with the fonts "
      "embedded, bookmarks and clickable 目录 entries. With --with-charts an "
      "appendix page after Part 2 shows the department's spending plan as charts.\n\n"
      "A document in its monitoring or self-evaluation is written, as it prints, as that "
      "stage's report: the department's summary and one 项目支出绩效监控表 or "
      "项目支出绩效自评表 per project; --with-charts adds the spending chart with the "
      "stage's execution on the plan. --stage writes another stage's report of the same "
      "file (--stage goals the document itself)."));
  if (!jx_cli_parse_options (context, &argc, &argv))
    return 2;
  if (argc != 2 || output == NULL)
    {
      g_printerr ("%s\n", _("jixiao-cli export-pdf: name one file and the output with -o OUT.pdf"));
      return 2;
    }
  if (!jx_cli_parse_stage ("export-pdf", stage, &options.stage))
    return 2;

  document = jx_document_load_file (argv[1], &error);
  if (document == NULL)
    {
      jx_cli_print_load_error (argv[1], error);
      return 1;
    }
  if (stage == NULL)
    options.stage = jx_document_get_stage (document);
  layout = jx_page_layout_new_full (document, &options);
  if (!jx_pdf_write (layout, output, &error))
    {
      g_printerr ("jixiao-cli: %s\n", error->message);
      return 1;
    }
  note_open_findings (argv[1], document, options.stage);
  return 0;
}
