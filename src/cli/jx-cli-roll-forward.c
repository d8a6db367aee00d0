/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jx-cli-private.h"
#include "jx-roll-forward.h"
#include "jx-year-file.h"

/* Whether two names are one file: the same path, a link, another spelling. */
static gboolean
same_file (const char *a, const char *b)
{
  GStatBuf x, y;

  if (g_stat (a, &x) != 0 || g_stat (b, &y) != 0)
    return FALSE;
  return x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

/* Last year's file, or a file that is not a document, is only replaced
 * when asked for: one wrong -o must not cost a year's work. */
static gboolean
may_replace (const char *output, guint year, gboolean force)
{
  guint there = 0;

  switch (jx_year_file_check (output, year, &there))
    {
    case JX_YEAR_FILE_OTHER_YEAR:
      if (force)
        return TRUE;
      g_printerr (_("jixiao-cli roll-forward: “%s” is the %u document: name another file, or "
                    "add --force to replace it\n"), output, there);
      return FALSE;
    case JX_YEAR_FILE_NOT_DOCUMENT:
      if (force)
        return TRUE;
      g_printerr (_("jixiao-cli roll-forward: “%s” exists and is not a document: name another "
                    "file, or add --force to replace it\n"), output);
      return FALSE;
    default:
      return TRUE;
    }
}

static int
roll (const char *input, const char *output, JxRollForwardFlags flags, gboolean force)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = jx_document_load_file (input, &error);
  g_autoptr(JxRollForward) roll = NULL;
  g_autofree char *report = NULL;

  if (document == NULL)
    {
      jx_cli_print_load_error (input, error);
      return 1;
    }
  roll = jx_roll_forward_new (document, flags, &error);
  if (roll == NULL)
    {
      g_printerr ("%s: %s\n", input, error->message);
      return 1;
    }
  if (!may_replace (output, jx_document_get_year (jx_roll_forward_get_document (roll)), force))
    return 1;
  if (!jx_document_save_file (jx_roll_forward_get_document (roll), output, &error))
    {
      g_printerr ("jixiao-cli: %s\n", error->message);
      return 1;
    }
  report = jx_roll_forward_to_text (roll);
  g_print ("%s", report);
  return 0;
}

int
jx_cli_roll_forward (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("FILE -o NEXT.jixiao.json — start next year’s document"));
  g_autofree char *output = NULL;
  gboolean clear_amounts = FALSE, clear_plans = FALSE, force = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write next year’s document to NEXT"), N_("NEXT") },
    { "clear-amounts", 0, 0, G_OPTION_ARG_NONE, &clear_amounts,
      N_("Start every budget (财政资金, 其他资金) at zero instead of last year’s"), NULL },
    { "clear-plans", 0, 0, G_OPTION_ARG_NONE, &clear_plans,
      N_("Start every spending plan empty instead of last year’s"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace NEXT even when it is another year’s document or not a document"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Makes next year’s document from FILE: the year one on, （草案） on, projects, goals, "
      "Part 1 and indicators kept, and the years in texts that name the budget year moved "
      "with it (“2024年12月31日前” becomes “2025年12月31日前”; comparisons such as "
      "“比2023年” and the years of cited documents stay). Prints every text that changed, "
      "for checking. Project codes are kept: the finance system issues the new ones. FILE "
      "itself is never written."));
  if (!jx_cli_parse_options (context, &argc, &argv))
    return 2;
  if (argc != 2)
    {
      g_printerr ("%s\n", _("jixiao-cli roll-forward: name exactly one file"));
      return 2;
    }
  if (output == NULL)
    {
      g_autoptr(JxDocument) document = jx_document_load_file (argv[1], NULL);

      g_printerr ("%s\n", _("jixiao-cli roll-forward: name the new file with -o NEXT.jixiao.json"));
      if (document != NULL && jx_document_get_year (document) < JX_YEAR_MAX)
        {
          g_autofree char *proposal = NULL;

          jx_document_set_year (document, jx_document_get_year (document) + 1);
          proposal = jx_year_file_propose (document, argv[1]);
          g_printerr (_("For example: -o “%s”\n"), proposal);
        }
      return 2;
    }
  if (g_str_equal (output, argv[1]) || same_file (output, argv[1]))
    {
      g_printerr (_("jixiao-cli roll-forward: “%s” is the file being carried over: name another "
                    "file for next year’s document\n"), output);
      return 2;
    }
  return roll (argv[1], output,
               (clear_amounts ? JX_ROLL_FORWARD_CLEAR_AMOUNTS : 0) |
               (clear_plans ? JX_ROLL_FORWARD_CLEAR_PLANS : 0), force);
}
