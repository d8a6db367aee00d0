/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A block of cells as spreadsheets and word processors put it on the
 * clipboard, and as the indicator table puts its rows there: rows of
 * texts, not all necessarily as long as the widest.
 *
 * Two forms are read and written:
 * - tab-separated text, as Excel, WPS and LibreOffice Calc copy it: cells
 *   separated by tabs, rows by line ends (CRLF, LF or CR), a cell holding
 *   a line break, a tab or a leading quote written in double quotes with
 *   its quotes doubled ("第一行\n第二行" → "\"第一行\n第二行\"");
 * - an HTML table, as the same programs, Word and browsers copy it: a
 *   cell merged down (rowspan) gives its text to every row it covers, as
 *   a 一级指标 merged over its rows means; a cell merged across (colspan)
 *   fills its first column and leaves the others empty; <br> and
 *   paragraphs are line breaks in a cell.
 *
 * No GTK: the indicator table reads the clipboard and hands its bytes
 * here, and the command line or a test can do the same. */

typedef struct _JxCellBlock JxCellBlock;

#define JX_TYPE_CELL_BLOCK (jx_cell_block_get_type ())
GType jx_cell_block_get_type (void) G_GNUC_CONST;

/* No table of a budget document is this wide; more is not cells. */
#define JX_CELL_BLOCK_MAX_COLUMNS 256

#define JX_CELL_BLOCK_ERROR (jx_cell_block_error_quark ())
GQuark jx_cell_block_error_quark (void);

typedef enum
{
  JX_CELL_BLOCK_ERROR_TOO_LARGE,   /* more rows than a table may have, or columns */
  JX_CELL_BLOCK_ERROR_NO_TABLE,    /* HTML without a table */
} JxCellBlockError;

JxCellBlock *jx_cell_block_new            (void);
JxCellBlock *jx_cell_block_ref            (JxCellBlock       *self);
void         jx_cell_block_unref          (JxCellBlock       *self);

/* Appends a row of n cells (copied), or up to a NULL when n is -1. */
void         jx_cell_block_append_row     (JxCellBlock       *self,
                                           const char * const *cells,
                                           int                n);
guint        jx_cell_block_get_n_rows     (const JxCellBlock *self);
/* The length of the longest row. */
guint        jx_cell_block_get_n_columns  (const JxCellBlock *self);
guint        jx_cell_block_get_row_length (const JxCellBlock *self,
                                           guint              row);
/* The cell's text, or NULL past the end of its row. */
const char  *jx_cell_block_get_cell       (const JxCellBlock *self,
                                           guint              row,
                                           guint              column);
/* One cell, or none: what a paste puts into the focused cell as text. */
gboolean     jx_cell_block_is_single      (const JxCellBlock *self);

/* Reads tab-separated text (UTF-8). A final line end ends the last row and
 * starts no new one. A quote that does not close a quoted cell right before
 * a tab or a line end is an ordinary character: "“智慧人大”系统" copied as
 * "\"智慧人大\"系统经费" stays as it is. Refuses more than JX_MAX_ROWS rows
 * or JX_CELL_BLOCK_MAX_COLUMNS columns. */
JxCellBlock *jx_cell_block_parse_tsv      (const char        *text,
                                           gsize              length,
                                           GError           **error);
/* Reads the first table of an HTML text: UTF-8, UTF-16 (with or without a
 * byte order mark, as some browsers copy it) or the charset its <meta>
 * names; a Windows clipboard header ("Version:0.9 StartHTML:…") before it
 * is skipped. Refuses HTML without a table, and the sizes parse_tsv
 * refuses. */
JxCellBlock *jx_cell_block_parse_html     (const char        *data,
                                           gsize              length,
                                           GError           **error);
/* Tab-separated text in the form parse_tsv reads and Excel writes, rows
 * ending in "\n" but the last. */
char        *jx_cell_block_to_tsv         (const JxCellBlock *self);
/* A UTF-8 HTML document of one table, every cell text ("001" stays 001 in
 * Excel) and line breaks kept inside their cell. */
char        *jx_cell_block_to_html        (const JxCellBlock *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxCellBlock, jx_cell_block_unref)

G_END_DECLS
