/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Small things every part of the window does to its widgets. */

/* Turns off the entry's or buffer's own undo, so that Ctrl+Z always means
 * the document's undo (see README, "Editing"). */
void                jx_widget_disable_undo     (GtkWidget   *editable_or_text_view);

/* Gives a control a name a screen reader speaks, and the same name to the
 * parts GTK builds inside it (a drop-down's button, a combo box's entry),
 * which otherwise are known only by their class names. */
void                jx_widget_set_name         (GtkWidget   *widget,
                                                const char  *name);

/* Sets the tooltip (NULL or "" for none) and the accessible description,
 * as gtk_widget_set_tooltip_text does, but without asking the display where
 * the pointer is: GTK does that on every call, a round trip to the X server
 * that rows bound by the dozen would pay each time. The text is handed to
 * GTK only when a tooltip is about to show. */
void                jx_widget_set_tooltip      (GtkWidget   *widget,
                                                const char  *text);

/* Scrolls the scrolled window around widget, once it is laid out, so that
 * all of it shows (a row just added is allocated only at the next frame). */
void                jx_widget_scroll_into_view (GtkWidget   *widget);

/* The widget below root (or root) with this widget name, or NULL. */
GtkWidget          *jx_widget_find_named       (GtkWidget   *root,
                                                const char  *name);
/* Focuses it and scrolls it into view; FALSE when there is none. */
gboolean            jx_widget_focus_named      (GtkWidget   *root,
                                                const char  *name);

/* Escape and Ctrl+W close a secondary window (help, preferences, charts):
 * the application's Ctrl+W reaches only document windows. */
GtkEventController *jx_widget_close_keys       (void);

G_END_DECLS
