/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-cli-private.h"
#include "jx-xlsx.h"

int
jx_cli_export_xlsx (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("FILE — write the document as an Excel workbook"));
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = NULL;
  g_autofree char *output = NULL;
  g_autofree char *stage_name = NULL;
  JxStage stage;
  const GOptionEntry entries[] = {
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage_name,
      N_("goals (the goal columns alone), monitoring or evaluation (their columns after the "
         "goal columns); default the document's stage"), N_("STAGE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the workbook to OUT (replaced only when complete)"), N_("OUT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Writes FILE as an .xlsx workbook for Excel, WPS and the budget systems: sheet "
      "绩效指标 has one row per indicator with the value split into 计算符号, 指标值 and "
      "计量单位; sheet 项目 one row per project with its funds, usage, spending plan, "
      "goals and Part 1 entry; sheet 部门 the cover and Part 1. “jixiao-cli import” "
      "reads the workbook back as the same document.\n\n"
      "A document in its monitoring or self-evaluation gets that stage's columns after the "
      "goal columns, as the printed 绩效监控表 and 绩效自评表 have them: the 完成值, "
      "完成目标可能性 and 偏差原因 or the 实际完成值, 分值 and 得分 of each indicator, each "
      "project's spending, rates and scores."));
  if (!jx_cli_parse_options (context, &argc, &argv))
    return 2;
  if (argc != 2 || output == NULL)
    {
      g_printerr ("%s\n",
                  _("jixiao-cli export-xlsx: name one file and the output with -o OUT.xlsx"));
      return 2;
    }

  if (!jx_cli_parse_stage ("export-xlsx", stage_name, &stage))
    return 2;

  document = jx_document_load_file (argv[1], &error);
  if (document == NULL)
    {
      jx_cli_print_load_error (argv[1], error);
      return 1;
    }
  if (stage_name == NULL)
    stage = jx_document_get_stage (document);
  if (!jx_xlsx_export_stage (document, stage, output, &error))
    {
      g_printerr ("jixiao-cli: %s\n", error->message);
      return 1;
    }
  return 0;
}
