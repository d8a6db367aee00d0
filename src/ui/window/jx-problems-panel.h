/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-review.h"

G_BEGIN_DECLS

/* The findings of a review (jx-review.h) as a list: severity icon, message
 * and the place in a clerk's words. The review decides when to check; the
 * panel only shows. Choosing a finding emits "finding-activated"
 * (const char *path, int project) with the member path of the finding and
 * the index of its project (-1 for Part 1). Property "review". */
#define JX_TYPE_PROBLEMS_PANEL (jx_problems_panel_get_type ())
G_DECLARE_FINAL_TYPE (JxProblemsPanel, jx_problems_panel, JX, PROBLEMS_PANEL, GtkWidget)

GtkWidget  *jx_problems_panel_new          (void);
JxReview   *jx_problems_panel_get_review   (JxProblemsPanel *self);
void        jx_problems_panel_set_review   (JxProblemsPanel *self,
                                            JxReview        *review);

/* The icon name for a severity; NULL for JX_SEVERITY_NONE. */
const char *jx_problems_severity_icon      (JxSeverity       severity);
/* The header-bar badge: the number to show beside the worst severity's
 * icon, which counts the findings of that severity ("" when there is
 * nothing to show), and a tooltip such as "1 error, 9 warnings, 2 hints". */
char       *jx_problems_badge_text         (guint            errors,
                                            guint            warnings,
                                            guint            hints,
                                            char           **tooltip);
/* What the review says in a line, as the badge's tooltip and the panel's
 * heading: the open findings ("1 error, 9 warnings, 2 hints") and how many
 * places of parts not started are still to fill in. */
char       *jx_problems_summary_text       (JxReview        *review);
/* The icon of the fields still to fill in. */
#define JX_PROBLEMS_TO_FILL_IN_ICON "document-edit-symbolic"

G_END_DECLS
