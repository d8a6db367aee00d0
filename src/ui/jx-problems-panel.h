/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-checks.h"
#include "jx-document.h"

G_BEGIN_DECLS

/* The review findings of a document as a list: severity icon, message and
 * place. It rechecks a moment after the document stops changing, so that
 * typing never waits for the checks. Choosing a finding emits
 * "finding-activated" (const char *path, int project) with the member path
 * of the finding and the index of its project (-1 for Part 1). */
#define JX_TYPE_PROBLEMS_PANEL (jx_problems_panel_get_type ())
G_DECLARE_FINAL_TYPE (JxProblemsPanel, jx_problems_panel, JX, PROBLEMS_PANEL, GtkWidget)

/* How long the document must stay still before it is checked again. */
#define JX_PROBLEMS_RECHECK_DELAY_MS 400

GtkWidget  *jx_problems_panel_new               (void);
JxDocument *jx_problems_panel_get_document      (JxProblemsPanel *self);
void        jx_problems_panel_set_document      (JxProblemsPanel *self,
                                                 JxDocument      *document);
/* A GListModel of JxFinding, in document order; replaced as a whole after
 * each check ("items-changed"). */
GListModel *jx_problems_panel_get_findings      (JxProblemsPanel *self);
/* Runs the checks now instead of after the delay. */
void        jx_problems_panel_recheck           (JxProblemsPanel *self);
/* While held, a new document's checks wait (its findings are empty) and
 * run when the hold is let go: a window holds them until its first frame. */
void        jx_problems_panel_hold_checks       (JxProblemsPanel *self,
                                                 gboolean         hold);
/* FALSE while the document's checks wait for the hold to go: it has no
 * findings yet, which is not the same as none. */
gboolean    jx_problems_panel_get_checked       (JxProblemsPanel *self);
void        jx_problems_panel_count             (JxProblemsPanel *self,
                                                 guint           *errors,
                                                 guint           *warnings,
                                                 guint           *hints);
/* The worst severity of a project's findings, for a mark in a project list;
 * JX_SEVERITY_NONE for a project without findings. */
JxSeverity  jx_problems_panel_worst_for_project (JxProblemsPanel *self,
                                                 guint            project);

/* The icon name for a severity; NULL for JX_SEVERITY_NONE. */
const char *jx_problems_severity_icon           (JxSeverity       severity);
/* The header-bar badge: the number to show ("" when there is nothing to
 * show) and a tooltip such as "1 error, 9 warnings, 2 hints". */
char       *jx_problems_badge_text              (guint            errors,
                                                 guint            warnings,
                                                 guint            hints,
                                                 char           **tooltip);

G_END_DECLS
