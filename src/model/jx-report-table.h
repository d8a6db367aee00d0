/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "jx-project.h"

G_BEGIN_DECLS

/* A project table of the printed forms as the printout and the Word file
 * both show it: rows of cells with the forms' words, their widths in mm
 * (the text block is 156 mm wide) and the rows they span. How they are
 * drawn is the writers' business. The 项目绩效目标表 is one; the tables of
 * the later stages are in jx-stage-report.h. */

typedef enum
{
  JX_REPORT_ALIGN_LEFT,
  JX_REPORT_ALIGN_CENTRE,
  JX_REPORT_ALIGN_JUSTIFY,   /* a paragraph of prose, flush on both sides */
} JxReportAlign;

typedef struct
{
  char         *text;
  double        x, w;      /* mm from the table's left edge */
  guint         rows;      /* the rows it spans from its own down: 1 or more */
  JxReportAlign align;
  gboolean      title;     /* a column title: bold, centred */
  /* It names the run of rows it spans (a block's label, the 一级 and 二级
   * of indicators), even a run of one row. */
  gboolean      label;
  /* Set smaller: a dozen month columns leave a cell too narrow for
   * "12月底" at 五号. */
  gboolean      narrow;
  GListModel   *goals;     /* the 绩效目标 the text numbers "1.…", else NULL */
} JxReportCell;

typedef struct
{
  GArray *cells;           /* JxReportCell from the left; not those of rows above spanning it */
  guint   indicator;       /* an indicator's row: its number + 1, else 0 */
} JxReportRow;

typedef struct
{
  char   *title;           /* "1.…项目支出绩效监控表", "部门项目支出绩效监控汇总表"; NULL */
  GArray *rows;            /* JxReportRow */
  /* The row of column titles repeated on a further page of the table's
   * rows up to header_last (G_MAXUINT: to the end). The rows above it, if
   * any, are the project's part and start on one page. */
  guint   header;
  guint   header_last;
} JxReportTable;

/* The project's 项目绩效目标表: code and name, budget and usage, spending
 * plan, goals, then the indicators under their column titles. */
JxReportTable *jx_report_table_new_goals (JxProject     *project);
void           jx_report_table_free      (JxReportTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxReportTable, jx_report_table_free)

G_END_DECLS
