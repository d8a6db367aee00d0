/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "jx-chart-private.h"

static void
set_colour (cairo_t             *cr,
            const JxChartColour *colour)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
}

static const JxChartColour *
role_colour (const JxChartPalette *palette,
             JxChartRole           role)
{
  switch (role)
    {
    case ROLE_MUTED: return &palette->muted;
    case ROLE_WARNING: return &palette->warning;
    case ROLE_TEXT:
    default: return &palette->text;
    }
}

/* 1-unit lines on pixel centres stay sharp on screen. */
static double
crisp (double v)
{
  return floor (v) + 0.5;
}

static void
draw_grid (JxChartLayout        *self,
           cairo_t              *cr,
           const JxChartPalette *palette)
{
  double left = self->plot.x, right = self->plot.x + self->plot.width;
  double bottom = self->plot.y + self->plot.height;

  cairo_set_line_width (cr, 1);
  set_colour (cr, &palette->grid);
  for (guint i = 0; i < self->n_ticks; i++)
    {
      double y = crisp (jx_chart_value_y (self, self->tick_first + i * self->tick_step));

      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
    }
  cairo_stroke (cr);

  set_colour (cr, &palette->muted);
  cairo_move_to (cr, crisp (left), self->plot.y);
  cairo_line_to (cr, crisp (left), bottom);
  cairo_move_to (cr, left, crisp (jx_chart_value_y (self, MAX (self->lo, 0))));
  cairo_line_to (cr, right, crisp (jx_chart_value_y (self, MAX (self->lo, 0))));
  if (self->mode == JX_CHART_MODE_CUMULATIVE)
    for (guint m = 1; m <= 12; m++)
      {
        double x = crisp (jx_chart_month_x (self, m));

        cairo_move_to (cr, x, bottom);
        cairo_line_to (cr, x, bottom + self->base * 0.3);
      }
  cairo_stroke (cr);
}

static void
band_edge (JxChartLayout *self,
           cairo_t       *cr,
           guint          band,
           gboolean       upper)
{
  JxChartSeries *s = self->series;

  cairo_move_to (cr, jx_chart_month_x (self, 0), jx_chart_value_y (self, 0));
  for (guint c = 0; c < s->n_columns; c++)
    {
      JxMoney v = jx_chart_stack_below (s, band, c) + (upper ? s->bands[band].cumulative[c] : 0);

      cairo_line_to (cr, jx_chart_month_x (self, s->months[c]), jx_chart_value_y (self, jx_chart_money_value (v)));
    }
}

static void
band_path (JxChartLayout *self,
           cairo_t       *cr,
           guint          band)
{
  JxChartSeries *s = self->series;

  band_edge (self, cr, band, TRUE);
  for (guint c = s->n_columns; c-- > 0;)
    {
      JxMoney v = jx_chart_stack_below (s, band, c);

      cairo_line_to (cr, jx_chart_month_x (self, s->months[c]), jx_chart_value_y (self, jx_chart_money_value (v)));
    }
  cairo_close_path (cr);
}

static void
draw_stack (JxChartLayout        *self,
            cairo_t              *cr,
            const JxChartPalette *palette,
            int                   highlight)
{
  JxChartSeries *s = self->series;

  for (guint b = 0; b < s->n_bands; b++)
    {
      band_path (self, cr, b);
      set_colour (cr, &palette->bands[s->bands[b].colour]);
      cairo_fill (cr);
      band_edge (self, cr, b, TRUE);
      set_colour (cr, &palette->separator);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  if (highlight >= 0 && (guint) highlight < s->n_bands)
    {
      band_path (self, cr, (guint) highlight);
      set_colour (cr, &palette->highlight);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
}

static void
draw_dot (cairo_t *cr,
          double   x,
          double   y,
          double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
}

static void
draw_total_line (JxChartLayout        *self,
                 cairo_t              *cr,
                 const JxChartPalette *palette)
{
  JxChartSeries *s = self->series;
  double dash = self->base * 0.5;

  if (self->budget > 0)
    {
      cairo_set_dash (cr, &dash, 1, 0);
      set_colour (cr, &palette->muted);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, self->plot.x, jx_chart_value_y (self, self->budget));
      cairo_line_to (cr, self->plot.x + self->plot.width, jx_chart_value_y (self, self->budget));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  set_colour (cr, &palette->text);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, jx_chart_month_x (self, 0), jx_chart_value_y (self, 0));
  for (guint c = 0; c < s->n_columns; c++)
    cairo_line_to (cr, jx_chart_month_x (self, s->months[c]),
                   jx_chart_value_y (self, jx_chart_money_value (s->cumulative[c])));
  cairo_stroke (cr);
  for (guint c = 0; c < s->n_columns; c++)
    draw_dot (cr, jx_chart_month_x (self, s->months[c]),
              jx_chart_value_y (self, jx_chart_money_value (s->cumulative[c])), self->base * 0.25);
  cairo_fill (cr);
}

static void
draw_bars (JxChartLayout        *self,
           cairo_t              *cr,
           const JxChartPalette *palette,
           int                   highlight)
{
  JxChartSeries *s = self->series;
  double width = jx_chart_bar_width (self);

  for (guint c = 0; c < s->n_columns; c++)
    for (guint b = 0; b < s->n_bands; b++)
      {
        double base = jx_chart_money_value (jx_chart_period_base (s, b, c));
        double end = base + jx_chart_money_value (s->bands[b].period[c]);
        double x = jx_chart_bar_x (self, c) - width / 2;
        double y0 = jx_chart_value_y (self, MAX (base, end));
        double y1 = jx_chart_value_y (self, MIN (base, end));

        if (s->bands[b].period[c] == 0)
          continue;
        cairo_rectangle (cr, x, y0, width, y1 - y0);
        set_colour (cr, &palette->bands[s->bands[b].colour]);
        cairo_fill_preserve (cr);
        set_colour (cr, (int) b == highlight ? &palette->highlight : &palette->separator);
        cairo_set_line_width (cr, (int) b == highlight ? 2 : 1);
        cairo_stroke (cr);
      }
}

static void
draw_plan (JxChartLayout        *self,
           cairo_t              *cr,
           const JxChartPalette *palette)
{
  JxChartSeries *s = self->series;
  const JxChartColour *colour = &palette->bands[0];
  double dash = self->base * 0.5;

  cairo_set_dash (cr, &dash, 1, 0);
  set_colour (cr, &palette->muted);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, jx_chart_month_x (self, 0), jx_chart_value_y (self, 0));
  cairo_line_to (cr, jx_chart_month_x (self, 12), jx_chart_value_y (self, 100));
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  cairo_move_to (cr, jx_chart_month_x (self, 0), jx_chart_value_y (self, 0));
  for (guint c = 0; c < s->n_columns; c++)
    cairo_line_to (cr, jx_chart_month_x (self, s->months[c]), jx_chart_value_y (self, jx_chart_point_value (self, c)));
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, 1);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
  for (guint c = 0; c < s->n_columns; c++)
    draw_dot (cr, jx_chart_month_x (self, s->months[c]), jx_chart_value_y (self, jx_chart_point_value (self, c)),
              self->base * 0.3);
  cairo_fill (cr);
}

/* A triangle with "!", drawn rather than typed: not every font has ⚠. */
static void
draw_warning_sign (cairo_t              *cr,
                   const JxChartRect    *r,
                   const JxChartPalette *palette)
{
  double cx = r->x + r->width / 2;

  cairo_move_to (cr, cx, r->y);
  cairo_line_to (cr, r->x + r->width, r->y + r->height);
  cairo_line_to (cr, r->x, r->y + r->height);
  cairo_close_path (cr);
  set_colour (cr, &palette->warning);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, MAX (r->width * 0.12, 1));
  cairo_move_to (cr, cx, r->y + r->height * 0.35);
  cairo_line_to (cr, cx, r->y + r->height * 0.7);
  cairo_stroke (cr);
  draw_dot (cr, cx, r->y + r->height * 0.84, r->width * 0.07);
  cairo_fill (cr);
}

static void
draw_swatches (JxChartLayout        *self,
               cairo_t              *cr,
               const JxChartPalette *palette)
{
  double dash = self->base * 0.25;

  for (guint i = 0; i < self->swatches->len; i++)
    {
      JxChartSwatch *sw = &g_array_index (self->swatches, JxChartSwatch, i);
      JxChartRect *r = &sw->rect;
      const JxChartColour *colour = sw->colour >= 0 ? &palette->bands[sw->colour] :
                                    sw->style == SWATCH_DASHED ? &palette->muted : &palette->text;

      set_colour (cr, colour);
      switch (sw->style)
        {
        case SWATCH_AREA:
          cairo_rectangle (cr, r->x, r->y, r->width, r->height);
          cairo_fill (cr);
          break;
        case SWATCH_LINE:
        case SWATCH_DASHED:
          cairo_set_line_width (cr, sw->style == SWATCH_LINE ? 2 : 1.5);
          if (sw->style == SWATCH_DASHED)
            cairo_set_dash (cr, &dash, 1, 0);
          cairo_move_to (cr, r->x, r->y + r->height / 2);
          cairo_line_to (cr, r->x + r->width, r->y + r->height / 2);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          break;
        case SWATCH_ACTUAL:
        case SWATCH_EXPECTED:
          jx_chart_draw_diamond (cr, r->x + r->width / 2, r->y + r->height / 2, r->width * 0.45,
                                 sw->style == SWATCH_ACTUAL, palette);
          break;
        case SWATCH_WARNING:
        default:
          draw_warning_sign (cr, r, palette);
          break;
        }
    }
}

static void
draw_marks (JxChartLayout        *self,
            cairo_t              *cr,
            const JxChartPalette *palette)
{
  set_colour (cr, &palette->warning);
  cairo_set_line_width (cr, 2);
  for (guint i = 0; i + 1 < self->marks->len; i += 2)
    {
      draw_dot (cr, g_array_index (self->marks, double, i), g_array_index (self->marks, double, i + 1),
                self->base * 0.65);
      cairo_stroke (cr);
    }
}

static void
draw_labels (JxChartLayout        *self,
             cairo_t              *cr,
             const JxChartPalette *palette)
{
  for (guint i = 0; i < self->labels->len; i++)
    {
      JxChartLabel *label = &g_array_index (self->labels, JxChartLabel, i);

      /* Values sit on lines and bands: a halo keeps them readable. */
      if (label->kind == JX_CHART_LABEL_VALUE || label->kind == JX_CHART_LABEL_MESSAGE)
        {
          cairo_set_source_rgba (cr, palette->background.red, palette->background.green,
                                 palette->background.blue, 0.85);
          cairo_rectangle (cr, label->rect.x - 2, label->rect.y, label->rect.width + 4, label->rect.height);
          cairo_fill (cr);
        }
      set_colour (cr, role_colour (palette, label->role));
      cairo_move_to (cr, label->rect.x, label->rect.y);
      pango_cairo_update_layout (cr, label->layout);
      pango_cairo_show_layout (cr, label->layout);
    }
}

void
jx_chart_draw_layout (JxChartLayout        *self,
                      cairo_t              *cr,
                      const JxChartPalette *palette,
                      int                   highlight_band)
{
  cairo_save (cr);
  if (palette->background.alpha > 0)
    {
      set_colour (cr, &palette->background);
      cairo_rectangle (cr, 0, 0, self->width, self->height);
      cairo_fill (cr);
    }
  draw_grid (self, cr, palette);
  if (self->has_data)
    {
      cairo_save (cr);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      if (self->mode == JX_CHART_MODE_PERIOD)
        draw_bars (self, cr, palette, highlight_band);
      else if (self->percent_axis)
        draw_plan (self, cr, palette);
      else
        {
          draw_stack (self, cr, palette, highlight_band);
          draw_total_line (self, cr, palette);
        }
      cairo_restore (cr);
      jx_chart_draw_actual (self, cr, palette);
      draw_marks (self, cr, palette);
    }
  draw_swatches (self, cr, palette);
  draw_labels (self, cr, palette);
  cairo_restore (cr);
}
