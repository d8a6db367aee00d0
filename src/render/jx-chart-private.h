/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "jx-chart.h"

G_BEGIN_DECLS

typedef enum
{
  ROLE_TEXT,
  ROLE_MUTED,
  ROLE_WARNING,
} JxChartRole;

typedef struct
{
  PangoLayout      *layout;
  JxChartLabelKind  kind;
  JxChartRole       role;
  JxChartRect       rect;
} JxChartLabel;

typedef enum
{
  SWATCH_AREA,     /* a band: filled square */
  SWATCH_LINE,     /* the total or plan line */
  SWATCH_DASHED,   /* a reference line */
  SWATCH_WARNING,  /* the odd-data triangle */
  SWATCH_ACTUAL,   /* the stage's spending: a filled diamond */
  SWATCH_EXPECTED, /* the expected spending by the year's end: a hollow one */
} JxChartSwatchStyle;

typedef struct
{
  JxChartRect        rect;
  JxChartSwatchStyle style;
  int                colour;  /* a band colour, or -1 for text/muted */
} JxChartSwatch;

struct _JxChartLayout
{
  JxChartSeries *series;
  JxChartMode    mode;
  double         width;
  double         height;
  double         base;          /* font size in user units */
  JxChartRect    plot;
  double         lo, hi;        /* the y axis range, in units or percent */
  double         tick_first;
  double         tick_step;
  guint          n_ticks;
  gboolean       percent_axis;  /* the project's cumulative view */
  gboolean       has_data;      /* there are columns to draw */
  double         budget;        /* the reference line, in units; 0 for none */
  GArray        *labels;        /* JxChartLabel */
  GArray        *swatches;      /* JxChartSwatch */
  GArray        *marks;         /* double pairs: warning rings at points */
};

/* Geometry shared by drawing and hit-testing. */
double  jx_chart_money_value  (JxMoney        amount);
double  jx_chart_value_y      (JxChartLayout *self,
                               double         value);
double  jx_chart_month_x      (JxChartLayout *self,
                               double         month);
/* Period view: the centre of a column's bar and the bar's width. */
double  jx_chart_bar_x        (JxChartLayout *self,
                               guint          column);
double  jx_chart_bar_width    (JxChartLayout *self);
/* Cumulative value (units) of the bands below band at a column. */
JxMoney jx_chart_stack_below  (JxChartSeries *series,
                               guint          band,
                               guint          column);
/* Period view: the bottom of band's segment at a column, from the zero
 * line, positive segments up and negative ones down. */
JxMoney jx_chart_period_base  (JxChartSeries *series,
                               guint          band,
                               guint          column);
/* The plan's value the project view plots: percent. */
double  jx_chart_point_value  (JxChartLayout *self,
                               guint          column);

void    jx_chart_draw_layout  (JxChartLayout        *self,
                               cairo_t              *cr,
                               const JxChartPalette *palette,
                               int                   highlight_band);

/* Label helpers of jx-chart-layout.c, for the labels of jx-chart-actual.c. */
JxChartLabel jx_chart_layout_measure_label (JxChartLayout    *self,
                                            cairo_t          *cr,
                                            const char       *text,
                                            JxChartLabelKind  kind);
/* Places the label unless it covers another or leaves the chart. */
gboolean     jx_chart_layout_place_if_free (JxChartLayout    *self,
                                            JxChartLabel     *label,
                                            double            x,
                                            double            y);

/* The stage's spending on the plan (jx-chart-actual.c). */
void     jx_chart_series_fill_actual (JxChartSeries        *series,
                                      JxDocument           *document,
                                      JxStage               stage);
/* Whether the layout draws it: the cumulative view of a later stage. */
gboolean jx_chart_shows_actual       (JxChartLayout        *self);
/* The largest value it puts on the y axis (units or percent). */
double   jx_chart_actual_max         (JxChartLayout        *self);
/* Legend texts: "1–6月实际执行", "全年预计执行". */
char    *jx_chart_actual_legend      (JxChartSeries        *series,
                                      gboolean              expected);
/* The note on projects without an entry, added to notes. */
void     jx_chart_actual_notes       (JxChartSeries        *series,
                                      GPtrArray            *notes);
void     jx_chart_add_actual_labels  (JxChartLayout        *self,
                                      cairo_t              *cr);
void     jx_chart_draw_actual        (JxChartLayout        *self,
                                      cairo_t              *cr,
                                      const JxChartPalette *palette);
/* A diamond of half-width r centred on (x, y). */
void     jx_chart_draw_diamond       (cairo_t              *cr,
                                      double                x,
                                      double                y,
                                      double                r,
                                      gboolean              filled,
                                      const JxChartPalette *palette);
/* The plotted positions of the spending (and FALSE when none). */
gboolean jx_chart_actual_point       (JxChartLayout        *self,
                                      gboolean              expected,
                                      double               *x,
                                      double               *y);

G_END_DECLS
