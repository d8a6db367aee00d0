/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-document.h"
#include "jx-stage.h"

G_BEGIN_DECLS

/* The numbers behind a spending-plan chart, computed once from the model
 * (per change, never per frame) so that drawing only reads them.
 *
 * Columns are the month-ends that appear in any plan (the union), sorted.
 * Where a project states nothing for a column, its last stated share
 * before it carries forward (0 before its first checkpoint): a plan is a
 * promise "by this month-end at least", so nothing is invented between
 * checkpoints. All amounts are exact JxMoney: the share of a project at a
 * checkpoint is jx_money_percent_of (total, percent), and every sum below
 * is an integer sum of those. */

#define JX_CHART_MAX_COLUMNS 12
/* Up to this many projects get a band each; with more, the largest
 * JX_CHART_MAX_BANDS - 1 do and the rest share one "其他" band. It matches
 * the palette: seven hues a colour-blind reader tells apart, and grey. */
#define JX_CHART_MAX_BANDS   7

typedef enum
{
  JX_CHART_FLAG_NONE        = 0,
  JX_CHART_FLAG_EMPTY_PLAN  = 1 << 0,  /* no checkpoint at all */
  JX_CHART_FLAG_INCOMPLETE  = 1 << 1,  /* the last checkpoint is below 100% */
  JX_CHART_FLAG_DECREASING  = 1 << 2,  /* a checkpoint lower than the one before */
  JX_CHART_FLAG_ZERO_BUDGET = 1 << 3,  /* 预算数 is 0: no amount to plan */
  JX_CHART_FLAG_UNORDERED   = 1 << 4,  /* months repeated or out of order */
} JxChartFlags;

#define JX_CHART_N_FLAGS 5

typedef struct
{
  guint   month;
  double  percent;
  JxMoney amount;
} JxChartPoint;

typedef struct
{
  JxProject    *project;        /* a reference */
  char         *code;
  char         *name;
  JxMoney       total;
  JxChartFlags  flags;
  /* The plan as stated, in the file's order. */
  guint         n_points;
  JxChartPoint *points;
  /* Per column: carried-forward cumulative amount and percent. */
  JxMoney       cumulative[JX_CHART_MAX_COLUMNS];
  double        percent[JX_CHART_MAX_COLUMNS];
  /* The first column where the plan goes down, or -1. */
  int           decrease_column;
} JxChartProject;

typedef struct
{
  char    *label;        /* the project's name, or "其他" */
  int      project;      /* index into projects, or -1 for "其他" */
  guint    n_members;
  guint    colour;       /* index into the palette's band colours */
  JxMoney  total;
  JxMoney  cumulative[JX_CHART_MAX_COLUMNS];
  JxMoney  period[JX_CHART_MAX_COLUMNS];
} JxChartBand;

typedef struct _JxChartSeries JxChartSeries;

struct _JxChartSeries
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public, read-only >*/
  guint           year;
  char           *department;
  char           *unit;
  gboolean        single_project;  /* built for one project's view */
  guint           n_columns;
  guint           months[JX_CHART_MAX_COLUMNS];
  guint           n_projects;
  JxChartProject *projects;        /* in the document's order */
  guint           n_bands;
  JxChartBand    *bands;           /* stacking order, bottom first */
  JxMoney         total;           /* the annual budget of the shown projects */
  JxMoney         cumulative[JX_CHART_MAX_COLUMNS];  /* the total line */
  JxMoney         period[JX_CHART_MAX_COLUMNS];
  guint           flag_counts[JX_CHART_N_FLAGS];

  /* The stage's spending, drawn on the plan: at the monitoring the amount
   * spent by the end of actual_month and the amount expected by the year's
   * end, at the evaluation the year's spending at 12. Sums over the
   * projects that have an entry; percents are of those projects' budgets
   * (the adjusted ones where entered), as the 执行率 is. */
  JxStage         stage;
  guint           actual_month;    /* 0 at the goals stage */
  guint           n_actual;        /* projects with the amount spent */
  guint           n_missing;       /* projects without it */
  JxMoney         actual;
  double          actual_percent;
  gboolean        has_expected;
  JxMoney         expected;
  double          expected_percent;
};

/* project NULL: the department view of all projects; else one project.
 * The stage's spending is that of the document's stage. */
JxChartSeries *jx_chart_series_new             (JxDocument    *document,
                                                JxProject     *project);
/* The same with the spending of stage (GOALS: the plan alone). */
JxChartSeries *jx_chart_series_new_for_stage   (JxDocument    *document,
                                                JxProject     *project,
                                                JxStage        stage);
JxChartSeries *jx_chart_series_ref             (JxChartSeries *self);
void           jx_chart_series_unref           (JxChartSeries *self);
/* The percent of the annual budget the total line reaches at a column. */
double         jx_chart_series_total_percent   (JxChartSeries *self,
                                                guint          column);
/* "3月底" */
char          *jx_chart_series_month_label     (JxChartSeries *self,
                                                guint          column);
/* "1–3月", the months of the period that ends at the column. */
char          *jx_chart_series_period_label    (JxChartSeries *self,
                                                guint          column);
/* The projects carrying a flag (bit), or 0 for none; for notes. */
guint          jx_chart_series_count_flag      (JxChartSeries *self,
                                                JxChartFlags   flag);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxChartSeries, jx_chart_series_unref)

G_END_DECLS
