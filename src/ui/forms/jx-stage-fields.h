/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-document.h"

G_BEGIN_DECLS

/* A project's budget execution at the document's stage, for the project
 * form: at the monitoring the 调整后预算数, 1–X月执行数 and 全年预计执行数
 * with the 执行率 computed beside the plan's share for month X; at the
 * self-evaluation the 全年预算数 and 全年执行数, the 预算执行率 score (computed,
 * or typed over) and the project's total score with how it was reached.
 * Hidden at the goals stage. Amounts are exact (JxAmountEntry); an empty
 * one is not entered, and what stands in for it shows as a gray hint. */
#define JX_TYPE_STAGE_FIELDS (jx_stage_fields_get_type ())
G_DECLARE_FINAL_TYPE (JxStageFields, jx_stage_fields, JX, STAGE_FIELDS, GtkWidget)

GtkWidget *jx_stage_fields_new          (void);
void       jx_stage_fields_set_document (JxStageFields *self,
                                         JxDocument    *document);
void       jx_stage_fields_set_project  (JxStageFields *self,
                                         JxProject     *project);
/* Focuses the field of a place inside the project: "monitoring.executed",
 * "evaluation.execution_score"; FALSE when it is not one shown now. */
gboolean   jx_stage_fields_focus        (JxStageFields *self,
                                         const char    *member);

G_END_DECLS
