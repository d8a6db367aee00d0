/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "jx-document.h"
#include "jx-stage.h"

G_BEGIN_DECLS

/* The report of a document at its monitoring or its self-evaluation, as
 * the printout and the Word file both show it: the front lines, the
 * department's summary, then per project the 项目支出绩效监控表 (after the
 * forms of 财预〔2019〕136号) or the 项目支出绩效自评表 (财预〔2020〕10号).
 * Each table is rows of cells with the forms' words, their widths in mm
 * (the text block is 156 mm wide) and the rows they span; how they are
 * drawn is the writers' business. */

typedef enum
{
  JX_REPORT_ALIGN_LEFT,
  JX_REPORT_ALIGN_CENTRE,
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
  GListModel   *goals;     /* the 绩效目标 the text numbers "1.…", else NULL */
} JxReportCell;

typedef struct
{
  GArray *cells;           /* JxReportCell from the left; not those of rows above spanning it */
  guint   indicator;       /* an indicator's row: its number + 1, else 0 */
} JxReportRow;

typedef struct
{
  char   *title;           /* "1.…项目支出绩效监控表", "部门项目支出绩效监控汇总表" */
  GArray *rows;            /* JxReportRow */
  /* The row of column titles repeated on a further page of the table's
   * rows up to header_last (G_MAXUINT: to the end). The rows above it, if
   * any, are the project's part and start on one page. */
  guint   header;
  guint   header_last;
} JxReportTable;

typedef struct
{
  JxStage    stage;
  char      *department;   /* the department's name above the title */
  char      *title;        /* "2024年项目支出绩效监控表" */
  char      *period;       /* "（2024年1–6月）", "（2024年度）" */
  char      *unit_line;    /* "{unit code} {unit name}" above each table */
  char      *unit;         /* the money unit, 单位：… */
  GPtrArray *tables;       /* JxReportTable: the summary, then one per project */
} JxStageReport;

/* stage: JX_STAGE_MONITORING or JX_STAGE_EVALUATION. */
JxStageReport *jx_stage_report_new  (JxDocument    *document,
                                     JxStage        stage);
void           jx_stage_report_free (JxStageReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxStageReport, jx_stage_report_free)

G_END_DECLS
