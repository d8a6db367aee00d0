/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-test-utils.h"

G_BEGIN_DECLS

/* Waiting in tests that show windows, always for something to happen and
 * never for a time: under load a frame takes as long as it takes.
 *
 * Lets everything due in the main loop run, then has every window that
 * shows draw a frame: after it the windows are laid out (list rows bound,
 * sizes known) as a clerk would see them. */
void     jx_test_settle          (void);
/* Has widget's window draw a frame after this call. FALSE when it does not
 * show (nothing would draw) or no frame came within 30 seconds. */
gboolean jx_test_wait_frame      (GtkWidget *widget);
/* Until widget is mapped, 30 seconds at most. */
gboolean jx_test_wait_mapped     (GtkWidget *widget);
/* The toplevel window with this widget name that shows, or NULL. */
GtkWidget *jx_test_find_toplevel (const char *name);

/* Lets the warning GTK 4.8 gives when a row of a list grows while a text
 * view in it is edited pass (a frame without that row, not an error of
 * ours): see jx-test-gtk.c. */
void     jx_test_allow_edited_row_frame (void);

G_END_DECLS
