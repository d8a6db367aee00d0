/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-cell-block.h"
#include "jx-document.h"
#include "jx-indicator.h"

G_BEGIN_DECLS

/* A project's indicator rows as a clerk moves them around in the table:
 * several rows at once, in and out through the clipboard, filled down.
 *
 * indicators is the project's list (a GListStore of JxIndicator). Columns
 * are named by the indicator's text properties ("level1", "level2",
 * "name", "description", "value", "basis", and the stages' texts such as
 * "monitoring-actual"): the table passes the columns it shows, in the
 * order it shows them, so a column added to the table is copied and
 * pasted with no change here. Each change is one undo step (jx_document_begin_action) when a
 * document is given.
 *
 * Typed numbering ("1、", "（一）") is left as it is: the printed indicator
 * table numbers nothing, so a number a clerk typed there is text. */

/* A new row under above (NULL: at the top of an empty table) in its
 * category, the rest empty, as the table's "Add Row" makes it. */
JxIndicator *jx_indicator_new_below         (JxIndicator        *above);

/* Whether the property is a text the table can show, copy and paste. */
gboolean     jx_indicator_column_is_text    (const char         *column);
/* The cell's text (never NULL; a new string). */
char        *jx_indicator_get_cell          (JxIndicator        *self,
                                             const char         *column);

/* The cells of rows (positions, in the order given) × columns. */
JxCellBlock *jx_indicators_copy_cells       (GListModel         *indicators,
                                             const guint        *rows,
                                             guint               n_rows,
                                             const char * const *columns);

typedef struct
{
  guint first_row;        /* the first row pasted into */
  guint n_rows;           /* rows pasted into, counting those added */
  guint n_added;          /* rows added at the end */
  guint n_columns;        /* columns filled */
  guint n_cut;            /* columns of the block right of the table's last */
} JxPasteResult;

/* Pastes block into the table with its top left cell at row and
 * columns[0]: each row of the block fills columns rightwards, the rows go
 * downwards from row; rows are added at the end as needed, each in the
 * category of the row above it, or, in a table that was empty, of the
 * suggested row at its place (jx_categories_suggested_rows) unless the
 * block gives one. Cells past the end of a shorter row of the block are
 * left as they were. Cells that would go right of the last column are not
 * pasted: result->n_cut says how many columns were left out. FALSE, with
 * nothing changed, when the table would have more than JX_MAX_ROWS rows or
 * the block has no cells. */
gboolean     jx_indicators_paste            (JxDocument         *document,
                                             GListStore         *indicators,
                                             guint               row,
                                             const char * const *columns,
                                             const JxCellBlock  *block,
                                             JxPasteResult      *result,
                                             GError            **error);

/* Fill down, as Ctrl+D in a spreadsheet: the column's cell in the first
 * of rows is copied into the others; with one row, the cell of the row
 * above it is copied into it. rows must be in ascending order. Returns
 * the number of cells changed (0: nothing to fill). */
guint        jx_indicators_fill_down        (JxDocument         *document,
                                             GListModel         *indicators,
                                             const char         *column,
                                             const guint        *rows,
                                             guint               n_rows);

/* Removes the rows (ascending positions). */
guint        jx_indicators_delete_rows      (JxDocument         *document,
                                             GListStore         *indicators,
                                             const guint        *rows,
                                             guint               n_rows);
/* Inserts copies of the rows (ascending positions), in their order, right
 * after the last of them. Returns the position of the first copy. */
guint        jx_indicators_duplicate_rows   (JxDocument         *document,
                                             GListStore         *indicators,
                                             const guint        *rows,
                                             guint               n_rows);
/* Moves the rows (ascending positions) one place up (step -1) or down
 * (+1), keeping their order; FALSE, with nothing changed, when one of them
 * is already at that end of the table. */
gboolean     jx_indicators_move_rows        (JxDocument         *document,
                                             GListStore         *indicators,
                                             const guint        *rows,
                                             guint               n_rows,
                                             int                 step);

G_END_DECLS
