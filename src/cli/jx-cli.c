/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "jx-cli-private.h"
#include "jx-error.h"

typedef struct
{
  const char *name;
  JxCliCommand run;
  const char *summary;
} Command;

static const Command commands[] = {
  { "check", jx_cli_check, N_("Load documents and report any that break the file format") },
  { "normalize", jx_cli_normalize, N_("Load a document and write it back in the standard layout") },
  { "validate", jx_cli_validate, N_("Review documents for what the finance bureau would send back") },
  { "chart", jx_cli_chart, N_("Draw the spending-plan chart as PNG, SVG or PDF") },
  { "export-pdf", jx_cli_export_pdf, N_("Write a document as a PDF laid out as it is printed") },
  { "export-xlsx", jx_cli_export_xlsx, N_("Write a document as an Excel workbook of indicators and projects") },
  { "export-docx", jx_cli_export_docx, N_("Write a document as a Word file shaped like the printout") },
  { "import", jx_cli_import, N_("Turn a Word or Excel file into a document file") },
  { "score", jx_cli_score, N_("Show the self-evaluation scores and how each was reached") },
  { "fonts", jx_cli_fonts, N_("Show the real font each printed role uses on this machine") },
  { "roll-forward", jx_cli_roll_forward, N_("Start next year’s document from this year’s") },
  { "diff", jx_cli_diff, N_("Show what changed between two versions of a document") },
};

gboolean
jx_cli_parse_options (GOptionContext   *context,
                      int              *argc,
                      char           ***argv)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;
  g_printerr ("jixiao-cli: %s\n", error->message);
  return FALSE;
}

char *
jx_cli_format_load_error (const char   *file,
                          const GError *error)
{
  /* Syntax errors carry "LINE:COL: " already, in the compiler convention. */
  gboolean located = error->domain == JX_DOCUMENT_ERROR &&
                     (error->code == JX_DOCUMENT_ERROR_SYNTAX ||
                      error->code == JX_DOCUMENT_ERROR_ENCODING ||
                      error->code == JX_DOCUMENT_ERROR_TOO_DEEP);

  return g_strdup_printf ("%s:%s%s", file, located ? "" : " ", error->message);
}

gboolean
jx_cli_parse_stage (const char *command,
                    const char *name,
                    JxStage    *stage)
{
  if (name == NULL || jx_stage_from_string (name, stage))
    return TRUE;
  /* TRANSLATORS: the command ("export-pdf") and the word given to --stage */
  g_printerr (_("jixiao-cli %s: unknown stage “%s” (use goals, monitoring or evaluation)\n"),
              command, name);
  return FALSE;
}

void
jx_cli_print_load_error (const char   *file,
                         const GError *error)
{
  g_autofree char *line = jx_cli_format_load_error (file, error);

  g_printerr ("%s\n", line);
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: jixiao-cli COMMAND [OPTION…] FILE…"));
  fprintf (out, "\n%s\n", _("Check, convert and print budget performance documents without a display."));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “jixiao-cli COMMAND --help” for a command’s options."));
  fprintf (out, "%s\n", _("  --version    Show the program’s version"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* JIXIAO_LOCALEDIR lets an uninstalled build (make run, the tests) use
   * the translations it just compiled. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JIXIAO_LOCALEDIR") != NULL
                                     ? g_getenv ("JIXIAO_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* Huge pages speed up drawing a PDF; a command that only reads and
   * reviews documents gains nothing from them, and its memory would be
   * counted in whole 2 MB pages. */
  if (argc < 2 || (strcmp (argv[1], "check") != 0 && strcmp (argv[1], "validate") != 0 &&
                   strcmp (argv[1], "normalize") != 0))
    jx_cli_tune_memory ();
  /* A file size limit must fail the save with an error, not kill us. */
  signal (SIGXFSZ, SIG_IGN);
  g_set_prgname ("jixiao-cli");

  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("jixiao-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      {
        /* GOption's usage line starts with the program name: make it the
         * whole command a user has to type. */
        g_autofree char *prgname = g_strdup_printf ("jixiao-cli %s", commands[i].name);

        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }

  g_printerr (_("jixiao-cli: unknown command “%s”\n"), argv[1]);
  print_usage (stderr);
  return 2;
}
