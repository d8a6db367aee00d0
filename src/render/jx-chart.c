/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "jx-chart-private.h"
#include "jx-render.h"

G_DEFINE_ENUM_TYPE (JxChartMode, jx_chart_mode,
  G_DEFINE_ENUM_VALUE (JX_CHART_MODE_CUMULATIVE, "cumulative"),
  G_DEFINE_ENUM_VALUE (JX_CHART_MODE_PERIOD, "period"))

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1 }

/* Okabe and Ito's colours, which readers with any common colour-vision
 * deficiency still tell apart, ordered so that neighbours in a stack
 * differ in lightness too; grey is kept for "其他". */
#define OKABE_ITO \
  { RGB (0x0072b2), RGB (0xe69f00), RGB (0x009e73), RGB (0xd55e00), \
    RGB (0x56b4e9), RGB (0xcc79a7), RGB (0xf0e442), RGB (0xa0a0a0) }

static const JxChartPalette light_palette = {
  .background = RGB (0xffffff),
  .text = RGB (0x1e1e1e),
  .muted = RGB (0x5e5e5e),
  .grid = { 0, 0, 0, 0.12 },
  .separator = { 1, 1, 1, 0.9 },
  .warning = RGB (0xb3261e),
  .highlight = RGB (0x000000),
  .bands = OKABE_ITO,
};

static const JxChartPalette dark_palette = {
  .background = RGB (0x1e1e1e),
  .text = RGB (0xf0f0f0),
  .muted = RGB (0xb8b8b8),
  .grid = { 1, 1, 1, 0.16 },
  .separator = { 0.14, 0.14, 0.14, 0.9 },
  .warning = RGB (0xff8a80),
  .highlight = RGB (0xffffff),
  .bands = OKABE_ITO,
};

static const JxChartPalette print_palette = {
  .background = RGB (0xffffff),
  .text = RGB (0x000000),
  .muted = RGB (0x4a4a4a),
  .grid = { 0, 0, 0, 0.15 },
  .separator = RGB (0xffffff),
  .warning = RGB (0xb3261e),
  .highlight = RGB (0x000000),
  .bands = OKABE_ITO,
};

const JxChartPalette *
jx_chart_palette_light (void)
{
  return &light_palette;
}

const JxChartPalette *
jx_chart_palette_dark (void)
{
  return &dark_palette;
}

const JxChartPalette *
jx_chart_palette_print (void)
{
  return &print_palette;
}

void
jx_chart_nice_ticks (double  lo,
                     double  hi,
                     guint   max_ticks,
                     double *first,
                     double *step,
                     guint  *n_ticks)
{
  static const double multiples[] = { 1, 2, 2.5, 5 };
  double magnitude, last;

  g_return_if_fail (first != NULL && step != NULL && n_ticks != NULL);
  if (!(hi > lo))
    hi = lo + 1;
  max_ticks = MAX (max_ticks, 1);
  magnitude = pow (10, floor (log10 ((hi - lo) / max_ticks)));
  /* The smallest round step whose rounded-out range still fits; the small
   * epsilon keeps a bound that is already a tick from adding an interval. */
  for (guint i = 0;; i++)
    {
      if (i == G_N_ELEMENTS (multiples))
        {
          i = 0;
          magnitude *= 10;
        }
      *step = multiples[i] * magnitude;
      *first = floor (lo / *step + 1e-9) * *step;
      last = ceil (hi / *step - 1e-9) * *step;
      *n_ticks = (guint) lround ((last - *first) / *step) + 1;
      if (*n_ticks - 1 <= max_ticks)
        break;
    }
}

double
jx_chart_money_value (JxMoney amount)
{
  return (double) amount / (double) JX_MONEY_SCALE;
}

double
jx_chart_value_y (JxChartLayout *self,
                  double         value)
{
  return self->plot.y + self->plot.height * (1 - (value - self->lo) / (self->hi - self->lo));
}

double
jx_chart_month_x (JxChartLayout *self,
                  double         month)
{
  return self->plot.x + self->plot.width * month / 12;
}

double
jx_chart_bar_x (JxChartLayout *self,
                guint          column)
{
  double slot = self->plot.width / MAX (self->series->n_columns, 1);

  return self->plot.x + slot * (column + 0.5);
}

double
jx_chart_bar_width (JxChartLayout *self)
{
  double slot = self->plot.width / MAX (self->series->n_columns, 1);

  return MIN (slot * 0.6, self->base * 7);
}

JxMoney
jx_chart_stack_below (JxChartSeries *series,
                      guint          band,
                      guint          column)
{
  JxMoney sum = 0;

  for (guint b = 0; b < band; b++)
    sum += series->bands[b].cumulative[column];
  return sum;
}

JxMoney
jx_chart_period_base (JxChartSeries *series,
                      guint          band,
                      guint          column)
{
  gboolean up = series->bands[band].period[column] >= 0;
  JxMoney sum = 0;

  for (guint b = 0; b < band; b++)
    if ((series->bands[b].period[column] >= 0) == up)
      sum += series->bands[b].period[column];
  return sum;
}

double
jx_chart_point_value (JxChartLayout *self,
                      guint          column)
{
  return self->series->projects[0].percent[column];
}

JxChartSeries *
jx_chart_layout_get_series (JxChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->series;
}

JxChartMode
jx_chart_layout_get_mode (JxChartLayout *self)
{
  g_return_val_if_fail (self != NULL, JX_CHART_MODE_CUMULATIVE);
  return self->mode;
}

guint
jx_chart_layout_get_n_labels (JxChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->labels->len;
}

const char *
jx_chart_layout_get_label (JxChartLayout    *self,
                           guint             index,
                           JxChartLabelKind *kind,
                           JxChartRect      *rect)
{
  JxChartLabel *label;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->labels->len, NULL);
  label = &g_array_index (self->labels, JxChartLabel, index);
  if (kind != NULL)
    *kind = label->kind;
  if (rect != NULL)
    *rect = label->rect;
  return pango_layout_get_text (label->layout);
}

void
jx_chart_layout_get_plot (JxChartLayout *self,
                          JxChartRect   *rect)
{
  g_return_if_fail (self != NULL && rect != NULL);
  *rect = self->plot;
}

void
jx_chart_layout_draw (JxChartLayout        *self,
                      cairo_t              *cr,
                      const JxChartPalette *palette,
                      int                   highlight_band)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (palette != NULL);
  jx_chart_draw_layout (self, cr, palette, highlight_band);
}

void
jx_chart_draw (cairo_t              *cr,
               JxChartSeries        *series,
               JxChartMode           mode,
               double                width,
               double                height,
               const JxChartPalette *palette)
{
  g_autoptr(JxChartLayout) layout = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (series != NULL);
  g_return_if_fail (palette != NULL);
  layout = jx_chart_layout_new (cr, series, mode, width, height);
  jx_chart_draw_layout (layout, cr, palette, -1);
}
