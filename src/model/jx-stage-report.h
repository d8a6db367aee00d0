/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "jx-document.h"
#include "jx-report-table.h"
#include "jx-stage.h"

G_BEGIN_DECLS

/* The report of a document at its monitoring or its self-evaluation, as
 * the printout and the Word file both show it: the front lines, the
 * department's summary, then per project the 项目支出绩效监控表 (after the
 * forms of 财预〔2019〕136号) or the 项目支出绩效自评表 (财预〔2020〕10号).
 * Each table is a JxReportTable (jx-report-table.h). */

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
