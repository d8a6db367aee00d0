/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One cell of an editable table, a GtkEditable as an entry is that shows all of its text, as 自动换行 in
 * a spreadsheet: wrapped at the column's width, as tall as its lines, and
 * edited in place with the same wrapping, so that the text does not move
 * when editing starts and a row grows with a line typed into it.
 *
 * Shown, the cell draws its text itself (a row of a long table is cheap);
 * edited, a text view takes its place. The cell decides nothing about its
 * table: what is typed is told with GtkEditable's "changed" and the table writes it to
 * the model, which then shows it back with jx_table_cell_set_text. A cell
 * may offer choices (一级/二级指标) from a button at its end; choosing one
 * is like typing it. A gray hint shows while the text is empty. */
#define JX_TYPE_TABLE_CELL (jx_table_cell_get_type ())
G_DECLARE_FINAL_TYPE (JxTableCell, jx_table_cell, JX, TABLE_CELL, GtkWidget)

/* title: the column's, as a screen reader names the cell. */
GtkWidget   *jx_table_cell_new            (const char         *title);
const char  *jx_table_cell_get_text       (JxTableCell        *self);
/* Shows text (the model's): no "changed". */
void         jx_table_cell_set_text       (JxTableCell        *self,
                                           const char         *text);
/* Text typed at the cursor, over the text selected (editing starts at the
 * end when the cell was not being edited). */
void         jx_table_cell_insert_at_cursor (JxTableCell      *self,
                                           const char         *text);
/* Text as if the clerk typed it over the cell's: "changed" follows. */
void         jx_table_cell_enter_text     (JxTableCell        *self,
                                           const char         *text);
void         jx_table_cell_set_hint       (JxTableCell        *self,
                                           const char         *hint);
const char  *jx_table_cell_get_hint       (JxTableCell        *self);
/* NULL-terminated, kept (not copied: the categories table's lists live as
 * long as the program), or NULL for none. */
void         jx_table_cell_set_choices    (JxTableCell        *self,
                                           const char * const *choices);
gboolean     jx_table_cell_has_choices    (JxTableCell        *self);
void         jx_table_cell_popup_choices  (JxTableCell        *self);

/* Editing in place: the text view takes the focus with the cursor at
 * position (characters; -1: all of the text selected, as a field reached
 * with Tab selects its text). FALSE when it cannot take the focus. */
gboolean     jx_table_cell_start_editing  (JxTableCell        *self,
                                           int                 position);
/* As a click at x, y (in the cell) starts it: the cursor there. */
gboolean     jx_table_cell_start_editing_at (JxTableCell      *self,
                                           double              x,
                                           double              y);
void         jx_table_cell_stop_editing   (JxTableCell        *self);
/* The text view while editing, or NULL. */
GtkTextView *jx_table_cell_get_editor     (JxTableCell        *self);
/* The cursor's position in characters, or -1 when not editing. */
int          jx_table_cell_get_position   (JxTableCell        *self);
/* Whether the cursor is on the first or last line as shown (always, when
 * not editing): there ↑ and ↓ leave the cell. */
gboolean     jx_table_cell_cursor_on_edge (JxTableCell        *self,
                                           gboolean            last);
/* Text selected in the editor. */
gboolean     jx_table_cell_has_selection  (JxTableCell        *self);
/* Whether the whole text shows in the height it has (a test's question). */
gboolean     jx_table_cell_shows_all      (JxTableCell        *self);
/* The lines the text takes at the width the cell has. */
int          jx_table_cell_get_n_lines    (JxTableCell        *self);

G_END_DECLS
