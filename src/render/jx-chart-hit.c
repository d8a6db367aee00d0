/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "jx-chart-private.h"

/* Pointer slack around thin things (a line, a point), in user units. */
#define SLACK(self) ((self)->base * 0.8)

static void
fill_band_hit (JxChartSeries *s,
               guint          band,
               guint          column,
               gboolean       period,
               JxChartHit    *hit)
{
  JxChartBand *b = &s->bands[band];

  hit->band = (int) band;
  hit->project = b->project;
  hit->column = column;
  hit->amount = period ? b->period[column] : b->cumulative[column];
  hit->percent = b->total != 0 ? 100.0 * (double) hit->amount / (double) b->total : 0;
  if (b->project >= 0 && !period)
    hit->percent = s->projects[b->project].percent[column];
}

static void
fill_total_hit (JxChartSeries *s,
                guint          column,
                gboolean       period,
                JxChartHit    *hit)
{
  hit->band = -1;
  hit->project = -1;
  hit->column = column;
  hit->amount = period ? s->period[column] : s->cumulative[column];
  hit->percent = s->total != 0 ? 100.0 * (double) hit->amount / (double) s->total : 0;
}

static guint
nearest_column (JxChartLayout *self,
                double         x)
{
  JxChartSeries *s = self->series;
  guint best = 0;

  for (guint c = 1; c < s->n_columns; c++)
    if (fabs (jx_chart_month_x (self, s->months[c]) - x) <
        fabs (jx_chart_month_x (self, s->months[best]) - x))
      best = c;
  return best;
}

/* A band's bounds at x, along the straight segments it is drawn with. */
static void
band_bounds_at (JxChartLayout *self,
                guint          band,
                double         x,
                double        *lo,
                double        *hi)
{
  JxChartSeries *s = self->series;
  double x0 = jx_chart_month_x (self, 0), lo0 = 0, hi0 = 0;

  for (guint c = 0; c < s->n_columns; c++)
    {
      double x1 = jx_chart_month_x (self, s->months[c]);
      double lo1 = jx_chart_money_value (jx_chart_stack_below (s, band, c));
      double hi1 = lo1 + jx_chart_money_value (s->bands[band].cumulative[c]);

      if (x <= x1 || c == s->n_columns - 1)
        {
          double t = x1 > x0 ? CLAMP ((x - x0) / (x1 - x0), 0, 1) : 1;

          *lo = lo0 + t * (lo1 - lo0);
          *hi = hi0 + t * (hi1 - hi0);
          return;
        }
      x0 = x1;
      lo0 = lo1;
      hi0 = hi1;
    }
  *lo = *hi = 0;
}

static gboolean
hit_stack (JxChartLayout *self,
           double         x,
           double         y,
           JxChartHit    *hit)
{
  JxChartSeries *s = self->series;
  guint column = nearest_column (self, x);
  double last_x = jx_chart_month_x (self, s->months[s->n_columns - 1]);
  double top = jx_chart_value_y (self, jx_chart_money_value (s->cumulative[column]));

  if (x > last_x + SLACK (self))
    return FALSE;
  if (fabs (x - jx_chart_month_x (self, s->months[column])) <= SLACK (self) &&
      fabs (y - top) <= SLACK (self))
    {
      fill_total_hit (s, column, FALSE, hit);
      return TRUE;
    }
  for (guint b = 0; b < s->n_bands; b++)
    {
      double lo, hi;

      band_bounds_at (self, b, x, &lo, &hi);
      if (hi > lo && y <= jx_chart_value_y (self, lo) && y >= jx_chart_value_y (self, hi))
        {
          fill_band_hit (s, b, column, FALSE, hit);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
hit_bars (JxChartLayout *self,
          double         x,
          double         y,
          JxChartHit    *hit)
{
  JxChartSeries *s = self->series;
  double half = jx_chart_bar_width (self) / 2;

  for (guint c = 0; c < s->n_columns; c++)
    {
      if (fabs (x - jx_chart_bar_x (self, c)) > half)
        continue;
      for (guint b = 0; b < s->n_bands; b++)
        {
          double base = jx_chart_money_value (jx_chart_period_base (s, b, c));
          double end = base + jx_chart_money_value (s->bands[b].period[c]);
          double y0 = jx_chart_value_y (self, MIN (base, end));
          double y1 = jx_chart_value_y (self, MAX (base, end));

          if (y1 < y0 && y <= y0 && y >= y1)
            {
              fill_band_hit (s, b, c, TRUE, hit);
              return TRUE;
            }
        }
      return FALSE;
    }
  return FALSE;
}

/* The project view: the checkpoint nearest the pointer, by its column. */
static gboolean
hit_points (JxChartLayout *self,
            double         x,
            double         y,
            JxChartHit    *hit)
{
  JxChartSeries *s = self->series;
  guint column = nearest_column (self, x);
  double px = jx_chart_month_x (self, s->months[column]);
  double spacing = self->plot.width / 24;

  if (fabs (x - px) > MAX (spacing, SLACK (self)))
    return FALSE;
  fill_band_hit (s, 0, column, FALSE, hit);
  return TRUE;
}

gboolean
jx_chart_layout_hit_test (JxChartLayout *self,
                          double         x,
                          double         y,
                          JxChartHit    *hit)
{
  JxChartHit none = { -1, -1, 0, 0, 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  *hit = none;
  if (!self->has_data || self->series->n_bands == 0 ||
      x < self->plot.x - SLACK (self) || x > self->plot.x + self->plot.width + SLACK (self) ||
      y < self->plot.y - SLACK (self) || y > self->plot.y + self->plot.height + SLACK (self))
    return FALSE;
  if (self->mode == JX_CHART_MODE_PERIOD)
    return hit_bars (self, x, y, hit);
  if (self->percent_axis)
    return hit_points (self, x, y, hit);
  return hit_stack (self, x, y, hit);
}
