/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "jx-checkpoint.h"
#include "jx-chart-private.h"

#define OTHER_LABEL  "其他"
#define OTHER_COLOUR 7

static guint
flag_index (JxChartFlags flag)
{
  return (guint) g_bit_nth_lsf ((gulong) flag, -1);
}

static void
read_points (JxChartProject *p)
{
  GListModel *plan = jx_project_get_spending_plan (p->project);

  p->n_points = g_list_model_get_n_items (plan);
  p->points = g_new0 (JxChartPoint, MAX (p->n_points, 1));
  for (guint i = 0; i < p->n_points; i++)
    {
      g_autoptr(JxCheckpoint) checkpoint = g_list_model_get_item (plan, i);

      p->points[i].month = jx_checkpoint_get_month (checkpoint);
      p->points[i].percent = jx_checkpoint_get_percent (checkpoint);
      p->points[i].amount = jx_money_percent_of (p->total, p->points[i].percent);
      if (i > 0 && p->points[i].month <= p->points[i - 1].month)
        p->flags |= JX_CHART_FLAG_UNORDERED;
    }
  if (p->n_points == 0)
    p->flags |= JX_CHART_FLAG_EMPTY_PLAN;
  if (p->total == 0)
    p->flags |= JX_CHART_FLAG_ZERO_BUDGET;
}

/* The stated share at a month-end: the last checkpoint in the file for the
 * latest month not after it, so a repeated month means its later entry. */
static const JxChartPoint *
point_at (const JxChartProject *p,
          guint                 month)
{
  const JxChartPoint *best = NULL;

  for (guint i = 0; i < p->n_points; i++)
    if (p->points[i].month <= month &&
        (best == NULL || p->points[i].month >= best->month))
      best = &p->points[i];
  return best;
}

static void
fill_columns (JxChartSeries  *self,
              JxChartProject *p)
{
  p->decrease_column = -1;
  for (guint c = 0; c < self->n_columns; c++)
    {
      const JxChartPoint *point = point_at (p, self->months[c]);

      p->cumulative[c] = point != NULL ? point->amount : 0;
      p->percent[c] = point != NULL ? point->percent : 0;
      if (c > 0 && p->percent[c] < p->percent[c - 1] && p->decrease_column < 0)
        p->decrease_column = (int) c;
    }
  if (p->decrease_column >= 0)
    p->flags |= JX_CHART_FLAG_DECREASING;
  if (p->n_points > 0 && self->n_columns > 0 && p->percent[self->n_columns - 1] < 100)
    p->flags |= JX_CHART_FLAG_INCOMPLETE;
}

static void
collect_months (JxChartSeries *self)
{
  gboolean used[13] = { FALSE };

  for (guint i = 0; i < self->n_projects; i++)
    for (guint k = 0; k < self->projects[i].n_points; k++)
      used[CLAMP (self->projects[i].points[k].month, 1, 12)] = TRUE;
  self->n_columns = 0;
  for (guint m = 1; m <= 12; m++)
    if (used[m])
      self->months[self->n_columns++] = m;
}

static void
init_project (JxChartProject *p,
              JxProject      *project)
{
  p->project = g_object_ref (project);
  p->code = g_strdup (jx_project_get_code (project));
  p->name = g_strdup (jx_project_get_name (project));
  p->total = jx_project_get_total (project);
  read_points (p);
}

static const JxChartSeries *sort_series;

static int
compare_by_total (gconstpointer a,
                  gconstpointer b)
{
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  JxMoney ta = sort_series->projects[ia].total, tb = sort_series->projects[ib].total;

  if (ta != tb)
    return ta > tb ? -1 : 1;
  return ia < ib ? -1 : (ia > ib ? 1 : 0);
}

static void
add_to_band (JxChartSeries  *self,
             JxChartBand    *band,
             JxChartProject *p)
{
  band->n_members++;
  band->total += p->total;
  for (guint c = 0; c < self->n_columns; c++)
    band->cumulative[c] += p->cumulative[c];
}

static void
compute_periods (guint          n_columns,
                 const JxMoney *cumulative,
                 JxMoney       *period)
{
  for (guint c = 0; c < n_columns; c++)
    period[c] = cumulative[c] - (c > 0 ? cumulative[c - 1] : 0);
}

/* Largest at the bottom, where the eye reads the stack from; the tail of
 * small projects on top as one band. */
static void
build_bands (JxChartSeries *self)
{
  g_autofree guint *order = g_new (guint, MAX (self->n_projects, 1));
  gboolean grouped = self->n_projects > JX_CHART_MAX_BANDS;
  guint n_single = grouped ? JX_CHART_MAX_BANDS - 1 : self->n_projects;

  for (guint i = 0; i < self->n_projects; i++)
    order[i] = i;
  /* qsort has no user data in C11; the series is not shared while built. */
  sort_series = self;
  qsort (order, self->n_projects, sizeof (guint), compare_by_total);
  sort_series = NULL;

  self->n_bands = n_single + (grouped ? 1 : 0);
  self->bands = g_new0 (JxChartBand, MAX (self->n_bands, 1));
  for (guint b = 0; b < self->n_bands; b++)
    {
      JxChartBand *band = &self->bands[b];

      band->project = b < n_single ? (int) order[b] : -1;
      band->label = g_strdup (b < n_single ? self->projects[order[b]].name : OTHER_LABEL);
      band->colour = b < n_single ? b : OTHER_COLOUR;
    }
  for (guint i = 0; i < self->n_projects; i++)
    add_to_band (self, &self->bands[MIN (i, self->n_bands - 1)], &self->projects[order[i]]);
  for (guint b = 0; b < self->n_bands; b++)
    compute_periods (self->n_columns, self->bands[b].cumulative, self->bands[b].period);
}

static void
sum_totals (JxChartSeries *self)
{
  for (guint i = 0; i < self->n_projects; i++)
    {
      JxChartProject *p = &self->projects[i];

      self->total += p->total;
      for (guint c = 0; c < self->n_columns; c++)
        self->cumulative[c] += p->cumulative[c];
      for (guint f = 0; f < JX_CHART_N_FLAGS; f++)
        if (p->flags & (1u << f))
          self->flag_counts[f]++;
    }
  compute_periods (self->n_columns, self->cumulative, self->period);
}

JxChartSeries *
jx_chart_series_new (JxDocument *document,
                     JxProject  *project)
{
  g_return_val_if_fail (JX_IS_DOCUMENT (document), NULL);
  return jx_chart_series_new_for_stage (document, project, jx_document_get_stage (document));
}

JxChartSeries *
jx_chart_series_new_for_stage (JxDocument *document,
                               JxProject  *project,
                               JxStage     stage)
{
  GListModel *projects;
  JxChartSeries *self;

  g_return_val_if_fail (JX_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (project == NULL || JX_IS_PROJECT (project), NULL);

  projects = jx_document_get_projects (document);
  self = g_new0 (JxChartSeries, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->year = jx_document_get_year (document);
  self->department = g_strdup (jx_department_get_name (jx_document_get_department (document)));
  self->unit = g_strdup (jx_document_get_money_unit (document));
  self->single_project = project != NULL;
  self->n_projects = project != NULL ? 1 : g_list_model_get_n_items (projects);
  self->projects = g_new0 (JxChartProject, MAX (self->n_projects, 1));

  for (guint i = 0; i < self->n_projects; i++)
    {
      g_autoptr(JxProject) item = project != NULL ? g_object_ref (project)
                                                  : g_list_model_get_item (projects, i);
      init_project (&self->projects[i], item);
    }
  collect_months (self);
  for (guint i = 0; i < self->n_projects; i++)
    fill_columns (self, &self->projects[i]);
  sum_totals (self);
  build_bands (self);
  jx_chart_series_fill_actual (self, document, stage);
  return self;
}

JxChartSeries *
jx_chart_series_ref (JxChartSeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
jx_chart_series_unref (JxChartSeries *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint i = 0; i < self->n_projects; i++)
    {
      g_object_unref (self->projects[i].project);
      g_free (self->projects[i].code);
      g_free (self->projects[i].name);
      g_free (self->projects[i].points);
    }
  for (guint b = 0; b < self->n_bands; b++)
    g_free (self->bands[b].label);
  g_free (self->projects);
  g_free (self->bands);
  g_free (self->department);
  g_free (self->unit);
  g_free (self);
}

double
jx_chart_series_total_percent (JxChartSeries *self,
                               guint          column)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (column < self->n_columns, 0);
  if (self->total == 0)
    return 0;
  return 100.0 * (double) self->cumulative[column] / (double) self->total;
}

char *
jx_chart_series_month_label (JxChartSeries *self,
                             guint          column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return g_strdup_printf ("%u月底", self->months[column]);
}

char *
jx_chart_series_period_label (JxChartSeries *self,
                              guint          column)
{
  guint first;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  first = column > 0 ? self->months[column - 1] + 1 : 1;
  if (first == self->months[column])
    return g_strdup_printf ("%u月", first);
  return g_strdup_printf ("%u–%u月", first, self->months[column]);
}

guint
jx_chart_series_count_flag (JxChartSeries *self,
                            JxChartFlags   flag)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (flag != 0 && (flag & (flag - 1)) == 0, 0);
  return self->flag_counts[flag_index (flag)];
}
