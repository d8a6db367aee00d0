/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The layout every form shares: a scrolled page whose column of sections
 * is returned in *column; a section heading; a two-column grid of labelled
 * fields (the label is the field's mnemonic and accessible name); an entry
 * without an undo of its own. */
GtkWidget *jx_form_page_new    (GtkWidget  **column);
GtkWidget *jx_form_heading_new (const char  *text);
GtkWidget *jx_form_grid_new    (void);
void       jx_form_grid_add    (GtkWidget   *grid,
                                const char  *label,
                                GtkWidget   *field);
GtkWidget *jx_form_entry_new   (void);

G_END_DECLS
