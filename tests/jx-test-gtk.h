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

/* Until GTK's file chooser dialog has read the folder it shows: it has a
 * folder, its file list has its files and its busy cursor is gone. A
 * clerk answers it once the files show; GTK 4.8 also loses what it was
 * reading when it is closed before (tests/sanitize/lsan.supp). FALSE
 * after 30 seconds. */
gboolean jx_test_wait_chooser_read (GtkWidget *chooser);

/* Adds a test that shows GTK's file chooser dialog. GTK 4.8's chooser
 * loses memory each time it shows a folder (its path bar: see
 * tests/sanitize/gtk-chooser-leak.c), in frames that have no names, so
 * the sanitizer run cannot forgive that by name: built with
 * AddressSanitizer, such a test runs in a process of its own that does
 * not count leaks. Memory errors and undefined behaviour still stop it;
 * elsewhere it is an ordinary test. */
void     jx_test_add_chooser_func (const char *path,
                                   GTestFunc   func);

/* Writes widget as it is drawn now to $JX_SCREENSHOT_DIR/NAME.png when
 * that is set: pictures for looking at the layout, never asserted on.
 * Settles first, so the picture shows what a clerk would see. */
void     jx_test_screenshot      (gpointer    widget,
                                  const char *name);

/* Lets the warning GTK 4.8 gives when a row of a list grows while a text
 * view in it is edited pass (a frame without that row, not an error of
 * ours): see jx-test-gtk.c. */
void     jx_test_allow_edited_row_frame (void);

G_END_DECLS
