/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "jx-chart-series.h"

G_BEGIN_DECLS

/* The one drawing code of the spending-plan charts: the screen, the printed
 * appendix, the exported files and the CLI all call it. All text in a chart
 * is part of the document (Chinese in every locale), like the printout.
 *
 * A department series draws as stacked cumulative 万元 with the total line
 * (cumulative) or stacked bars per period (period); a one-project series as
 * its cumulative percent against the even pace (cumulative) or its bars. */
typedef enum
{
  JX_CHART_MODE_CUMULATIVE,
  JX_CHART_MODE_PERIOD,
} JxChartMode;

#define JX_TYPE_CHART_MODE (jx_chart_mode_get_type ())
GType jx_chart_mode_get_type (void) G_GNUC_CONST;

typedef struct
{
  double red, green, blue, alpha;
} JxChartColour;

#define JX_CHART_N_COLOURS 8

/* Colours chosen by the caller: the screen passes the theme's light or dark
 * palette, print and export pass white. bands[7] is "其他". */
typedef struct
{
  JxChartColour background;  /* alpha 0 leaves the surface as it is */
  JxChartColour text;
  JxChartColour muted;
  JxChartColour grid;
  JxChartColour separator;   /* between stacked bands */
  JxChartColour warning;
  JxChartColour highlight;
  JxChartColour bands[JX_CHART_N_COLOURS];
} JxChartPalette;

const JxChartPalette *jx_chart_palette_light (void);
const JxChartPalette *jx_chart_palette_dark  (void);
/* Opaque white paper. */
const JxChartPalette *jx_chart_palette_print (void);

/* What is under a point. */
typedef struct
{
  int      band;       /* index into series->bands, -1 for the total line */
  int      project;    /* index into series->projects, -1 for 其他 or total */
  guint    column;
  JxMoney  amount;     /* cumulative (cumulative mode) or within the period */
  double   percent;    /* of the band's (or department's) annual budget */
} JxChartHit;

/* Positions of everything in a chart of a given size: built once per
 * change of series or size, then drawn and hit-tested as often as needed. */
typedef struct _JxChartLayout JxChartLayout;

typedef enum
{
  JX_CHART_LABEL_TITLE,
  JX_CHART_LABEL_SUBTITLE,
  JX_CHART_LABEL_TICK,       /* y-axis tick values and the unit */
  JX_CHART_LABEL_MONTH,      /* "3月底", "1–3月" */
  JX_CHART_LABEL_VALUE,      /* amounts at points and on bars */
  JX_CHART_LABEL_LEGEND,
  JX_CHART_LABEL_NOTE,       /* the marks of odd data */
  JX_CHART_LABEL_MESSAGE,    /* "nothing to draw" in the plot */
} JxChartLabelKind;

typedef struct
{
  double x, y, width, height;
} JxChartRect;

/* cr only measures text; it may be any context with the target's fonts. */
JxChartLayout *jx_chart_layout_new        (cairo_t          *cr,
                                           JxChartSeries    *series,
                                           JxChartMode       mode,
                                           double            width,
                                           double            height);
void           jx_chart_layout_free       (JxChartLayout    *self);
JxChartSeries *jx_chart_layout_get_series (JxChartLayout    *self);
JxChartMode    jx_chart_layout_get_mode   (JxChartLayout    *self);
/* highlight_band: a band to outline (hover), or -1. */
void           jx_chart_layout_draw       (JxChartLayout    *self,
                                           cairo_t          *cr,
                                           const JxChartPalette *palette,
                                           int               highlight_band);
gboolean       jx_chart_layout_hit_test   (JxChartLayout    *self,
                                           double            x,
                                           double            y,
                                           JxChartHit       *hit);
guint          jx_chart_layout_get_n_labels (JxChartLayout  *self);
const char    *jx_chart_layout_get_label  (JxChartLayout    *self,
                                           guint             index,
                                           JxChartLabelKind *kind,
                                           JxChartRect      *rect);
/* The drawn plot area, for tests and pointer mapping. */
void           jx_chart_layout_get_plot   (JxChartLayout    *self,
                                           JxChartRect      *rect);
/* Where the stage's spending is drawn (expected FALSE) or the spending
 * expected by the year's end (TRUE); FALSE when the chart shows none. */
gboolean       jx_chart_layout_get_actual_point (JxChartLayout *self,
                                                 gboolean       expected,
                                                 double        *x,
                                                 double        *y);

/* Draws a chart into (0, 0, width, height) of cr in one call, e.g. the
 * department chart on an appendix page: translate cr to the rectangle. */
void           jx_chart_draw              (cairo_t          *cr,
                                           JxChartSeries    *series,
                                           JxChartMode       mode,
                                           double            width,
                                           double            height,
                                           const JxChartPalette *palette);

typedef enum
{
  JX_CHART_FORMAT_PNG,
  JX_CHART_FORMAT_SVG,
  JX_CHART_FORMAT_PDF,
} JxChartFormat;

/* The format named by a file name's extension (case-insensitive). */
gboolean       jx_chart_format_from_path  (const char       *path,
                                           JxChartFormat    *format);
/* Renders the chart (white paper) and replaces path atomically: a failed
 * export leaves any old file as it was. width/height: pixels for PNG,
 * points for SVG and PDF. SVG carries the labels as (transparent) text
 * over the drawn glyphs, so the file can be searched and copied from. */
gboolean       jx_chart_export            (JxChartSeries    *series,
                                           JxChartMode       mode,
                                           const char       *path,
                                           double            width,
                                           double            height,
                                           GError          **error);
GBytes        *jx_chart_render            (JxChartSeries    *series,
                                           JxChartMode       mode,
                                           JxChartFormat     format,
                                           double            width,
                                           double            height,
                                           GError          **error);

/* Round tick values covering [lo, hi] with at most max_ticks intervals:
 * steps of 1, 2, 2.5 or 5 times a power of ten. */
void           jx_chart_nice_ticks        (double            lo,
                                           double            hi,
                                           guint             max_ticks,
                                           double           *first,
                                           double           *step,
                                           guint            *n_ticks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxChartLayout, jx_chart_layout_free)

G_END_DECLS
