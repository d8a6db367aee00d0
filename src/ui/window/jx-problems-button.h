/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-problems-panel.h"

G_BEGIN_DECLS

/* The review's badge at the end of the header bar: the worst severity and
 * the number of findings of that severity, opening the problems panel in a popover. Before
 * the review has checked its document it claims no result. Choosing a
 * finding closes the popover and emits "finding-activated" (const char
 * *path), for the window to show the place. */
#define JX_TYPE_PROBLEMS_BUTTON (jx_problems_button_get_type ())
G_DECLARE_FINAL_TYPE (JxProblemsButton, jx_problems_button, JX, PROBLEMS_BUTTON, GtkWidget)

GtkWidget       *jx_problems_button_new        (void);
void             jx_problems_button_set_review (JxProblemsButton *self,
                                                JxReview         *review);
JxProblemsPanel *jx_problems_button_get_panel  (JxProblemsButton *self);
void             jx_problems_button_popup      (JxProblemsButton *self);
void             jx_problems_button_popdown    (JxProblemsButton *self);
/* The popover the panel shows in: a window of its own for the keys. */
GtkWidget       *jx_problems_button_get_popover (JxProblemsButton *self);
/* Whether the panel shows (its popover is open). */
gboolean         jx_problems_button_is_open    (JxProblemsButton *self);

G_END_DECLS
