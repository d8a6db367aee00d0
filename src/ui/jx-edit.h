/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One user action made of several model changes (a move is a remove and an
 * insert) becomes one undo step: the forms bracket such changes with these,
 * and the window that holds the widget groups them on its undo stack. */
void     jx_edit_begin          (GtkWidget  *widget,
                                 const char *label);
void     jx_edit_end            (GtkWidget  *widget);

/* Moves an item of a GListStore as one undo step. */
void     jx_edit_move_item      (GtkWidget  *widget,
                                 GListStore *store,
                                 guint       from,
                                 guint       to);
/* Inserts and removes (each one undo step by itself). */
void     jx_edit_insert_item    (GtkWidget  *widget,
                                 GListStore *store,
                                 guint       position,
                                 gpointer    item);
void     jx_edit_remove_item    (GtkWidget  *widget,
                                 GListStore *store,
                                 guint       position);

/* Turns off the entry's or buffer's own undo, so that Ctrl+Z always means
 * the document's undo (see README, "Editing"). */
void     jx_edit_disable_undo   (GtkWidget  *editable_or_text_view);

/* Gives a control a name a screen reader speaks, and the same name to the
 * parts GTK builds inside it (a drop-down's button, a combo box's entry),
 * which otherwise are known only by their class names. */
void       jx_edit_set_name      (GtkWidget   *widget,
                                  const char  *name);

/* Sets the tooltip (NULL or "" for none) and the accessible description,
 * as gtk_widget_set_tooltip_text does, but without asking the display where
 * the pointer is: GTK does that on every call, a round trip to the X server
 * that rows bound by the dozen would pay each time. The text is handed to
 * GTK only when a tooltip is about to show. */
void       jx_edit_set_tooltip   (GtkWidget   *widget,
                                  const char  *text);

/* Scrolls the form around widget, once it is laid out, so that all of it
 * shows (a row just added is allocated only at the next frame). */
void       jx_edit_scroll_into_view (GtkWidget *widget);

/* Focuses the descendant of root whose widget name is name. */
/* The widget below root (or root) with this widget name, or NULL. */
GtkWidget *jx_edit_find_named    (GtkWidget   *root,
                                  const char  *name);
gboolean   jx_edit_focus_named   (GtkWidget   *root,
                                  const char  *name);
/* Reads "[N]" at *path, moving past it. */
gboolean   jx_edit_parse_index   (const char **path,
                                  guint       *index);

/* A framed multi-line text field; its buffer is the text view's. */
GtkWidget *jx_edit_text_area_new (GtkWidget **text_view,
                                  int         min_lines);


/* Form layout shared by the pages: a scrolled page whose column of
 * sections is returned in *column; a section heading; a labelled row of a
 * two-column grid (the label is the field's mnemonic and accessible name). */
GtkWidget *jx_edit_page_new      (GtkWidget  **column);
GtkWidget *jx_edit_heading_new   (const char  *text);
GtkWidget *jx_edit_grid_new      (void);
void       jx_edit_grid_add      (GtkWidget   *grid,
                                  const char  *label,
                                  GtkWidget   *field);
GtkWidget *jx_edit_entry_new     (void);

/* Escape and Ctrl+W close a secondary window (help, preferences, charts):
 * the application's Ctrl+W reaches only document windows. */
GtkEventController *jx_edit_close_keys (void);

G_END_DECLS
