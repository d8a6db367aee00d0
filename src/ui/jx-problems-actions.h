/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-problems-panel.h"
#include "jx-window.h"

G_BEGIN_DECLS

/* Gives a window its review findings: a problems panel that follows the
 * window's document, a badge button at the end of the header bar that opens
 * it in a popover, and the action win.show-problems (Ctrl+Shift+M) that does
 * the same. Choosing a finding closes the popover and activates
 * win.focus-path with the finding's member path, for the window to select
 * the project and focus the field. Call once, from the window's init. */
void             jx_problems_install_actions (JxWindow *window);
JxProblemsPanel *jx_problems_get_panel       (JxWindow *window);
/* The badge button, for a window that places it itself. */
GtkWidget       *jx_problems_get_button      (JxWindow *window);

G_END_DECLS
