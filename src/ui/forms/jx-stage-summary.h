/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-document.h"

G_BEGIN_DECLS

/* The department's sums at the document's stage, as the printed summary
 * has them (jx_document_get_stage_totals): budgets, spending and its rate
 * beside the plan's share at the monitoring, and at the self-evaluation
 * the department's score weighed by each project's budget. Hidden at the
 * goals stage; brought up to date shortly after the document changes,
 * while it shows. */
#define JX_TYPE_STAGE_SUMMARY (jx_stage_summary_get_type ())
G_DECLARE_FINAL_TYPE (JxStageSummary, jx_stage_summary, JX, STAGE_SUMMARY, GtkWidget)

GtkWidget *jx_stage_summary_new          (void);
void       jx_stage_summary_set_document (JxStageSummary *self,
                                          JxDocument     *document);

G_END_DECLS
