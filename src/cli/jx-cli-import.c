/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "jx-cli-private.h"
#include "jx-import-plan.h"
#include "jx-import.h"

static void
print_report (const char *file, JxImportReport *report)
{
  guint n = jx_import_report_get_n_notes (report);

  for (guint i = 0; i < n; i++)
    g_printerr ("%s: %s: %s\n", file, jx_import_report_get_place (report, i),
                jx_import_report_get_text (report, i));
}

static gboolean
write_stdout (JxDocument *document)
{
  gsize length;
  g_autofree char *data = jx_document_to_data (document, &length);

  return fwrite (data, 1, length, stdout) == length && fflush (stdout) == 0;
}

/* --into DOC: the rows go into DOC's projects; the plan is printed on
 * standard error (or, with --preview, on standard output and nothing is
 * written). */
static int
import_into (const char *file, const char *into, const char *output, gboolean preview)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = jx_document_load_file (into, &error);
  g_autoptr(JxImportPlan) plan = NULL;
  g_autofree char *text = NULL;
  guint added, replaced, same;

  if (document == NULL)
    {
      jx_cli_print_load_error (into, error);
      return 1;
    }
  plan = jx_import_plan_new (file, document, &error);
  if (plan == NULL)
    {
      g_printerr ("%s: %s\n", file, error->message);
      return 1;
    }
  text = jx_import_plan_to_text (plan);
  if (preview)
    {
      g_print ("%s", text);
      return 0;
    }
  g_printerr ("%s", text);
  if (!jx_import_plan_apply (plan, &error) ||
      (output != NULL ? !jx_document_save_file (document, output, &error)
                      : !write_stdout (document)))
    {
      g_printerr ("jixiao-cli: %s\n", error != NULL ? error->message
                                                    : _("could not write to standard output"));
      return 1;
    }
  jx_import_plan_count (plan, &added, &replaced, &same);
  /* TRANSLATORS: the file; indicator rows added, replaced, already there */
  g_printerr (_("%s: %u indicators added, %u replaced, %u unchanged\n"), file, added, replaced,
              same);
  return 0;
}

int
jx_cli_import (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("FILE — turn a Word or Excel file into a document"));
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = NULL;
  g_autoptr(JxImportReport) report = jx_import_report_new ();
  g_autofree char *output = NULL;
  g_autofree char *into = NULL;
  gboolean preview = FALSE;
  guint n, notes;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the document to OUT (replaced safely) instead of standard output"), N_("OUT") },
    { "into", 0, 0, G_OPTION_ARG_FILENAME, &into,
      N_("Put the indicator rows of an .xlsx or .csv FILE into the projects of DOC"), N_("DOC") },
    { "preview", 0, 0, G_OPTION_ARG_NONE, &preview,
      N_("With --into: show what would change, write nothing"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Reads FILE — recognised by its content, not its name — and writes it as a "
      "document file. Whatever could not be placed is listed on standard error as "
      "FILE: place: what was there. The exit status is 0 when a document was written, "
      "even with such notes, and 1 when the file could not be imported.\n\n"
      "With --into DOC, the indicator rows of an Excel workbook or CSV file go into the "
      "projects of DOC instead: each row to the project of its 项目编码 or 项目名称, "
      "replacing the indicator of the same 三级指标 or added to the project; projects DOC "
      "does not have are added. What changes is listed first; --preview lists it and "
      "writes nothing."));
  if (!jx_cli_parse_options (context, &argc, &argv))
    return 2;
  if (argc != 2 || (preview && into == NULL))
    {
      g_printerr ("%s\n", argc != 2 ? _("jixiao-cli import: name exactly one file")
                                    : _("jixiao-cli import: --preview needs --into DOC"));
      return 2;
    }
  if (into != NULL)
    return import_into (argv[1], into, output, preview);

  document = jx_import_file (argv[1], report, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }
  print_report (argv[1], report);

  if (output != NULL ? !jx_document_save_file (document, output, &error)
                     : !write_stdout (document))
    {
      g_printerr ("jixiao-cli: %s\n", error != NULL ? error->message
                                                    : _("could not write to standard output"));
      return 1;
    }
  n = g_list_model_get_n_items (jx_document_get_projects (document));
  notes = jx_import_report_get_n_notes (report);
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "%s: imported %u project", "%s: imported %u projects", n),
              argv[1], n);
  if (notes > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "; %u note above", "; %u notes above", notes), notes);
  g_printerr ("\n");
  return 0;
}
