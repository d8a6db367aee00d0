/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-report-table.h"

G_BEGIN_DECLS

/* Building the tables of jx-report-table.h and jx-stage-report.h: rows of
 * cells that follow one another from where the row starts. */

#define JX_REPORT_BLOCK_W 156.0
/* The label column of the project tables and the rest of the block. */
#define JX_REPORT_LABEL_W 22.0
#define JX_REPORT_REST_W  (JX_REPORT_BLOCK_W - JX_REPORT_LABEL_W)

typedef struct
{
  JxReportTable *table;    /* being built */
  double         x;        /* where the current row's next cell goes */
} JxReportBuilder;

/* A new table, owning title (may be NULL). */
JxReportTable *jx_report_builder_start (JxReportBuilder *b,
                                        char            *title);
/* A row whose first cell is at x (mm), right of labels spanning it;
 * indicator: the indicator's number + 1, else 0. Returns its index. */
guint          jx_report_builder_row   (JxReportBuilder *b,
                                        double           x,
                                        guint            indicator);
/* A cell after the row's last one; _take owns text. */
JxReportCell  *jx_report_builder_add   (JxReportBuilder *b,
                                        double           w,
                                        const char      *text,
                                        JxReportAlign    align);
JxReportCell  *jx_report_builder_take  (JxReportBuilder *b,
                                        double           w,
                                        char            *text,
                                        JxReportAlign    align);
/* A label over this row and the rows - 1 below it, owning text. */
void           jx_report_builder_label (JxReportBuilder *b,
                                        double           w,
                                        char            *text,
                                        guint            rows);
/* A row of column titles at x. Returns its index. */
guint          jx_report_builder_titles (JxReportBuilder    *b,
                                         double              x,
                                         const double       *widths,
                                         const char * const *titles,
                                         guint               n);

/* 项目编码 | code | 项目名称 | name, as every project table starts. */
void           jx_report_add_identity_row  (JxReportBuilder *b,
                                            JxProject       *project);
/* 绩效目标 | the goals numbered. */
void           jx_report_add_goal_row      (JxReportBuilder *b,
                                            JxProject       *project);
/* Starts indicator i's row with the 一级 and 二级 labels where their runs
 * start (columns w[0] and w[1] wide); its other cells follow. */
void           jx_report_add_indicator_row (JxReportBuilder *b,
                                            const double    *w,
                                            GListModel      *indicators,
                                            guint            i);

G_END_DECLS
