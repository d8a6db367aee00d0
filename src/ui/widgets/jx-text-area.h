/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A multi-line text field as tall as its text at the width it is given.
 * GTK 4.8's GtkTextView reports only the lines it has already laid out, so
 * outside a scrolled window it stays a line high and cuts the rest: this
 * one measures its text itself, height for width. Wraps at words or
 * characters, takes no Tab, keeps no undo of its own. */
#define JX_TYPE_TEXT_AREA (jx_text_area_get_type ())
G_DECLARE_FINAL_TYPE (JxTextArea, jx_text_area, JX, TEXT_AREA, GtkTextView)

GtkWidget *jx_text_area_new        (int          min_lines);
/* A text area in a frame, the way the forms show one; the text area itself
 * in *text_view. */
GtkWidget *jx_text_area_new_framed (GtkWidget  **text_view,
                                    int          min_lines);

/* A gray hint shown while the text is empty (NULL for none), as an entry's
 * placeholder text. */
void       jx_text_area_set_placeholder (JxTextArea *self,
                                         const char *hint);

G_END_DECLS
