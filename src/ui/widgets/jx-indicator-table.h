/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-cell-block.h"
#include "jx-document.h"

G_BEGIN_DECLS

typedef enum
{
  JX_INDICATOR_COLUMN_LEVEL1,
  JX_INDICATOR_COLUMN_LEVEL2,
  JX_INDICATOR_COLUMN_NAME,
  JX_INDICATOR_COLUMN_DESCRIPTION,
  JX_INDICATOR_COLUMN_VALUE,
  JX_INDICATOR_COLUMN_BASIS,
  JX_INDICATOR_N_COLUMNS
} JxIndicatorColumn;

/* A project's indicator table, as a clerk reads it in print: every cell
 * shows its whole text, wrapped, and a row is as tall as its tallest cell,
 * while reading and while editing (jx-table-cell.h). 一级/二级 are chosen
 * from the standard categories (F4 opens the list) or typed freely.
 *
 * Keys: Tab, Shift+Tab and Enter move between cells, Shift+Enter or
 * Ctrl+Enter break a line in one, ↑ and ↓ leave a cell from its first or
 * last line; Shift+click, Ctrl+click and Shift+↑/↓ select rows; Ctrl+C
 * copies the selected rows (tab-separated text and an HTML table, which
 * WPS and Excel paste as cells), Ctrl+V pastes cells copied from WPS,
 * Excel, LibreOffice or Word from the focused cell rightwards and
 * downwards, Ctrl+Shift+V pastes text into the cell, Ctrl+D fills down.
 * Every change of several cells or rows is one undo step (the model's
 * jx-indicator-rows.h does them).
 *
 * 一级/二级 fit their longest standard name; widening a column scrolls
 * the table sideways, and the widths a clerk sets are remembered
 * (jx_indicator_table_remember_widths). An empty table offers the usual
 * categories as rows of gray hints; typing into one makes them the
 * project's rows (one undo step). */
#define JX_TYPE_INDICATOR_TABLE (jx_indicator_table_get_type ())
G_DECLARE_FINAL_TYPE (JxIndicatorTable, jx_indicator_table, JX, INDICATOR_TABLE, GtkWidget)

GtkWidget   *jx_indicator_table_new           (void);
void         jx_indicator_table_set_model     (JxIndicatorTable *self,
                                               GListModel       *indicators);
/* The row the toolbar acts on, or GTK_INVALID_LIST_POSITION. */
guint        jx_indicator_table_get_current   (JxIndicatorTable *self);
void         jx_indicator_table_set_current   (JxIndicatorTable *self,
                                               guint             position);
/* Selects rows first..last (in either order), last becoming current. */
void         jx_indicator_table_select_rows   (JxIndicatorTable *self,
                                               guint             first,
                                               guint             last);
/* The selected rows (guint), ascending; the current one when none is. */
GArray      *jx_indicator_table_get_selected  (JxIndicatorTable *self);
/* What Ctrl+V does once it has read the clipboard: the block from row and
 * column rightwards and downwards, one undo step. */
gboolean     jx_indicator_table_paste_block   (JxIndicatorTable *self,
                                               JxCellBlock      *block,
                                               guint             row,
                                               JxIndicatorColumn column);
/* The message under the toolbar after a copy, paste or fill, or NULL. */
const char  *jx_indicator_table_get_notice    (JxIndicatorTable *self);
/* Every indicator table keeps the widths a clerk gives its columns in
 * this key of settings (a{si}: column → pixels), and starts with them. */
void         jx_indicator_table_remember_widths (GSettings      *settings,
                                                 const char     *key);
/* The width of a column now, in pixels. */
int          jx_indicator_table_get_column_width (JxIndicatorTable *self,
                                                  JxIndicatorColumn column);
void         jx_indicator_table_set_column_width (JxIndicatorTable *self,
                                                  JxIndicatorColumn column,
                                                  int               width);
/* The cell widget of a shown cell (a JxTableCell, which is a GtkEditable),
 * or NULL. */
GtkWidget   *jx_indicator_table_get_cell      (JxIndicatorTable *self,
                                               guint             row,
                                               JxIndicatorColumn column);
gboolean     jx_indicator_table_focus_cell    (JxIndicatorTable *self,
                                               guint             row,
                                               JxIndicatorColumn column);

/* The stages: the document whose stage decides the columns after the goal
 * columns, and the project (the model's owner) whose rows are scored. At a
 * later stage the goal columns and the rows are read-only. */
void         jx_indicator_table_set_stage_project (JxIndicatorTable *self,
                                                   JxDocument       *document,
                                                   JxProject        *project);
/* The JxStageCell of a stage member ("monitoring.actual") at a row, or
 * NULL when that column or row is not shown. */
GtkWidget   *jx_indicator_table_get_stage_cell    (JxIndicatorTable *self,
                                                   guint             row,
                                                   const char       *member);
gboolean     jx_indicator_table_focus_stage_cell  (JxIndicatorTable *self,
                                                   guint             row,
                                                   const char       *member);


G_END_DECLS
