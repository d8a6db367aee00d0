/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-chart.h"
#include "jx-cli-private.h"
#include "jx-stage.h"

typedef struct
{
  char *project;
  char *view;
  char *stage;
  char *output;
  int   width;
  int   height;
} ChartOptions;

static void
chart_options_clear (ChartOptions *options)
{
  g_free (options->project);
  g_free (options->view);
  g_free (options->stage);
  g_free (options->output);
}

static gboolean
parse_view (const char  *view,
            JxChartMode *mode)
{
  if (view == NULL || g_str_equal (view, "cumulative"))
    *mode = JX_CHART_MODE_CUMULATIVE;
  else if (g_str_equal (view, "period"))
    *mode = JX_CHART_MODE_PERIOD;
  else
    return FALSE;
  return TRUE;
}

static int
draw_chart (const char         *file,
            const ChartOptions *options,
            JxChartMode         mode,
            JxStage             stage)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = jx_document_load_file (file, &error);
  g_autoptr(JxChartSeries) series = NULL;
  JxProject *project = NULL;

  if (document == NULL)
    {
      jx_cli_print_load_error (file, error);
      return 1;
    }
  if (options->project != NULL)
    {
      project = jx_document_find_project (document, options->project, NULL);
      if (project == NULL)
        {
          g_printerr (_("%s: no project with the code “%s”\n"), file, options->project);
          return 1;
        }
    }
  series = options->stage == NULL ? jx_chart_series_new (document, project)
                                  : jx_chart_series_new_for_stage (document, project, stage);
  if (!jx_chart_export (series, mode, options->output, options->width, options->height, &error))
    {
      g_printerr ("jixiao-cli: %s\n", error->message);
      return 1;
    }
  return 0;
}

int
jx_cli_chart (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — draw the spending-plan chart"));
  ChartOptions options = { NULL, NULL, NULL, NULL, 960, 600 };
  JxChartMode mode;
  JxStage stage = JX_STAGE_GOALS;
  int status;
  const GOptionEntry entries[] = {
    { "project", 0, 0, G_OPTION_ARG_STRING, &options.project,
      N_("Chart the project with this code instead of the department"), N_("CODE") },
    { "view", 0, 0, G_OPTION_ARG_STRING, &options.view,
      N_("cumulative (by month-end, the default) or period (amount within each period)"), N_("VIEW") },
    { "stage", 0, 0, G_OPTION_ARG_STRING, &options.stage,
      N_("Draw the spending of this stage on the plan: goals (the plan alone), monitoring or "
         "evaluation; default the document's stage"), N_("STAGE") },
    { "width", 0, 0, G_OPTION_ARG_INT, &options.width,
      N_("Width in pixels (PNG) or points (SVG, PDF); default 960"), N_("W") },
    { "height", 0, 0, G_OPTION_ARG_INT, &options.height,
      N_("Height in pixels (PNG) or points (SVG, PDF); default 600"), N_("H") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("Write the chart to OUT; .png, .svg or .pdf chooses the format"), N_("OUT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Draws the department’s spending plan (stacked by project, with the total line) "
      "or one project’s plan against the even pace, without a display. In the monitoring "
      "and evaluation stages the cumulative view shows the amount spent (and the amount "
      "expected by the year’s end) on the plan."));
  if (!jx_cli_parse_options (context, &argc, &argv))
    status = 2;
  else if (argc != 2 || options.output == NULL)
    {
      g_printerr ("%s\n", _("jixiao-cli chart: name one file and the output with -o OUT"));
      status = 2;
    }
  else if (!parse_view (options.view, &mode))
    {
      g_printerr (_("jixiao-cli chart: unknown view “%s” (use cumulative or period)\n"), options.view);
      status = 2;
    }
  else if (!jx_cli_parse_stage ("chart", options.stage, &stage))
    status = 2;
  else
    status = draw_chart (argv[1], &options, mode, stage);
  chart_options_clear (&options);
  return status;
}
