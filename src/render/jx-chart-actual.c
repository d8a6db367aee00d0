/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "jx-chart-private.h"
#include "jx-stage.h"

/* The stage's spending drawn on the cumulative plan: at the monitoring the
 * amount spent by the end of month X (a filled diamond) and the amount
 * expected by the year's end (a hollow one, joined to it by a dotted
 * line); at the evaluation the year's spending at 12月底. The department's
 * chart shows the sums in the money unit, a project's chart its 执行率 on
 * the percent axis, both as the review checks compare them with the plan. */

#define NAMES_IN_NOTE 3

static JxMoney
spent (JxProject *project, JxStage stage)
{
  return stage == JX_STAGE_MONITORING ? jx_project_get_monitoring_executed (project)
                                      : jx_project_get_evaluation_executed (project);
}

/* The sums as the summary table has them (jx_stage_totals_add), over the
 * chart's projects. */
void
jx_chart_series_fill_actual (JxChartSeries *self,
                             JxDocument    *document,
                             JxStage        stage)
{
  JxStageTotals totals = JX_STAGE_TOTALS_INIT;

  self->stage = stage;
  if (stage == JX_STAGE_GOALS)
    return;
  self->actual_month = stage == JX_STAGE_MONITORING ? jx_document_get_monitoring_month (document) : 12;
  for (guint i = 0; i < self->n_projects; i++)
    jx_stage_totals_add (&totals, self->projects[i].project, stage,
                         jx_document_get_monitoring_month (document));
  self->n_actual = totals.n_executed;
  self->n_missing = totals.n_projects - totals.n_executed;
  self->actual = totals.executed;
  self->actual_percent = MAX (totals.rate, 0);
  self->has_expected = totals.n_expected > 0;
  self->expected = totals.expected;
  self->expected_percent = MAX (totals.expected_rate, 0);
}

gboolean
jx_chart_shows_actual (JxChartLayout *self)
{
  return self->mode == JX_CHART_MODE_CUMULATIVE && self->has_data &&
         self->series->actual_month > 0 && self->series->n_actual > 0;
}

static double
value_of (JxChartLayout *self, gboolean expected)
{
  JxChartSeries *s = self->series;

  if (self->percent_axis)
    return expected ? s->expected_percent : s->actual_percent;
  return jx_chart_money_value (expected ? s->expected : s->actual);
}

double
jx_chart_actual_max (JxChartLayout *self)
{
  if (!jx_chart_shows_actual (self))
    return 0;
  return MAX (value_of (self, FALSE), self->series->has_expected ? value_of (self, TRUE) : 0);
}

gboolean
jx_chart_actual_point (JxChartLayout *self,
                       gboolean       expected,
                       double        *x,
                       double        *y)
{
  if (!jx_chart_shows_actual (self) || (expected && !self->series->has_expected))
    return FALSE;
  *x = jx_chart_month_x (self, expected ? 12 : self->series->actual_month);
  *y = jx_chart_value_y (self, value_of (self, expected));
  return TRUE;
}

/* "1–6月执行数", "1月执行数": the months of the monitoring, then word. */
static char *
period_word (guint month, const char *word)
{
  g_autofree char *period = jx_stage_period_label (month);

  return g_strconcat (period, word, NULL);
}

char *
jx_chart_actual_legend (JxChartSeries *series,
                        gboolean       expected)
{
  if (expected)
    return g_strdup ("全年预计执行");
  if (series->stage == JX_STAGE_EVALUATION)
    return g_strdup ("全年实际执行");
  return period_word (series->actual_month, "实际执行");
}

static char *
missing_names (JxChartSeries *s)
{
  GString *text = g_string_new (NULL);
  guint shown = 0;

  for (guint i = 0; i < s->n_projects && shown < NAMES_IN_NOTE; i++)
    {
      JxChartProject *p = &s->projects[i];

      if (spent (p->project, s->stage) >= 0)
        continue;
      g_string_append_printf (text, "%s%s", shown++ > 0 ? "、" : "",
                              p->name[0] != '\0' ? p->name : p->code);
    }
  if (s->n_missing > shown)
    g_string_append (text, "等");
  return g_string_free (text, FALSE);
}

void
jx_chart_actual_notes (JxChartSeries *series,
                       GPtrArray     *notes)
{
  g_autofree char *what = NULL;
  g_autofree char *names = NULL;

  if (series->actual_month == 0 || series->n_missing == 0 || series->n_projects == 0)
    return;
  what = series->stage == JX_STAGE_EVALUATION ? g_strdup ("全年执行数")
                                              : period_word (series->actual_month, "执行数");
  if (series->single_project)
    {
      g_ptr_array_add (notes, g_strdup_printf ("未填写%s", what));
      return;
    }
  names = missing_names (series);
  if (series->n_actual == 0)
    g_ptr_array_add (notes, g_strdup_printf ("各项目均未填写%s", what));
  else
    g_ptr_array_add (notes, g_strdup_printf ("%u个项目未填写%s，未计入执行：%s",
                                             series->n_missing, what, names));
}

static char *
format_percent (double percent)
{
  char *text = g_strdup_printf ("%.1f", percent);

  if (g_str_has_suffix (text, ".0"))
    text[strlen (text) - 2] = '\0';
  return text;
}

static char *
label_text (JxChartLayout *self, gboolean expected)
{
  JxChartSeries *s = self->series;
  g_autofree char *what = expected ? g_strdup ("全年预计")
                        : s->stage == JX_STAGE_EVALUATION ? g_strdup ("全年实际")
                        : period_word (s->actual_month, "实际");
  g_autofree char *amount = jx_money_format (expected ? s->expected : s->actual);
  g_autofree char *percent = format_percent (expected ? s->expected_percent : s->actual_percent);

  if (self->percent_axis)
    return g_strdup_printf ("%s %s%%（%s%s）", what, percent, amount, s->unit);
  return g_strdup_printf ("%s %s（%s%%）", what, amount, percent);
}

/* Beside its point, where no other label is: right of it first, away from
 * the plan that runs up on its left. */
static void
add_label (JxChartLayout *self, cairo_t *cr, gboolean expected)
{
  g_autofree char *text = NULL;
  double px, py, gap = self->base * 0.6;

  if (!jx_chart_actual_point (self, expected, &px, &py))
    return;
  text = label_text (self, expected);
  for (guint i = 0; i < 6; i++)
    {
      JxChartLabel label = jx_chart_layout_measure_label (self, cr, text, JX_CHART_LABEL_VALUE);
      double w = label.rect.width, h = label.rect.height;
      const double xy[6][2] = {
        { px + gap, py - h / 2 }, { px + gap, py + gap * 0.5 }, { px + gap, py - h - gap * 0.5 },
        { px - w - gap, py + gap * 0.5 }, { px - w - gap, py - h - gap * 0.5 },
        { px - w / 2, py + gap },
      };

      if (jx_chart_layout_place_if_free (self, &label, xy[i][0], xy[i][1]))
        return;
    }
}

void
jx_chart_add_actual_labels (JxChartLayout *self,
                            cairo_t       *cr)
{
  add_label (self, cr, FALSE);
  add_label (self, cr, TRUE);
}

static void
set_colour (cairo_t *cr, const JxChartColour *colour)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
}

void
jx_chart_draw_diamond (cairo_t              *cr,
                       double                x,
                       double                y,
                       double                r,
                       gboolean              filled,
                       const JxChartPalette *palette)
{
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
  set_colour (cr, filled ? &palette->text : &palette->background);
  cairo_fill_preserve (cr);
  /* A filled one is ringed in the paper's colour, to stand off the lines. */
  set_colour (cr, filled ? &palette->background : &palette->text);
  cairo_set_line_width (cr, filled ? 1 : 2);
  cairo_stroke (cr);
}

void
jx_chart_draw_actual (JxChartLayout        *self,
                      cairo_t              *cr,
                      const JxChartPalette *palette)
{
  double ax, ay, ex, ey;
  double dash = self->base * 0.3;

  if (!jx_chart_actual_point (self, FALSE, &ax, &ay))
    return;
  cairo_save (cr);
  if (jx_chart_actual_point (self, TRUE, &ex, &ey))
    {
      cairo_set_dash (cr, &dash, 1, 0);
      set_colour (cr, &palette->text);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, ax, ay);
      cairo_line_to (cr, ex, ey);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      jx_chart_draw_diamond (cr, ex, ey, self->base * 0.45, FALSE, palette);
    }
  jx_chart_draw_diamond (cr, ax, ay, self->base * 0.55, TRUE, palette);
  cairo_restore (cr);
}

gboolean
jx_chart_layout_get_actual_point (JxChartLayout *self,
                                  gboolean       expected,
                                  double        *x,
                                  double        *y)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);
  return jx_chart_actual_point (self, expected, x, y);
}
