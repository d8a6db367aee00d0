/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-import-private.h"

G_BEGIN_DECLS

/* Reading the rows of spreadsheets written by other programs: .xlsx
 * workbooks (Excel, WPS, LibreOffice, the budget systems) and .csv text.
 * Rows are handed over one at a time, so memory stays bounded however long
 * a sheet is; the limits below refuse what no real sheet needs. */

/* The file's size and what a workbook may unpack to are limited by the
 * import's budget (jx-import-private.h). */
/* Rows with content in one sheet, and sheets in one workbook. */
#define JX_SHEET_MAX_ROWS        100000
#define JX_SHEET_MAX_SHEETS      256
/* Columns read; cells further right are ignored. */
#define JX_SHEET_MAX_COLUMNS     256
/* Shared strings of a workbook, and merged ranges of a sheet. */
#define JX_SHEET_MAX_STRINGS     1000000
#define JX_SHEET_MAX_MERGES      100000

typedef enum
{
  JX_CELL_EMPTY,
  JX_CELL_TEXT,
  JX_CELL_NUMBER,
  JX_CELL_BOOLEAN,
  JX_CELL_ERROR,
} JxCellKind;

typedef struct
{
  JxCellKind  kind;
  /* What the cell shows: the text; a number as its format shows it
   * ("95%", "1,200", "0.3" — never 0.30000000000000004), a date as
   * "2024年12月31日" or "2024-12-31"; "TRUE"/"FALSE"; "#N/A". "" when
   * empty. A formula gives its cached value. */
  const char *text;
  double      number;   /* JX_CELL_NUMBER: the stored value */
  /* The cell lies in a merged range below its first cell, in its first
   * column, and repeats that cell's value (the other columns of a range
   * are empty). */
  gboolean    merged;
} JxCell;

typedef struct
{
  /* A sheet starts; name is its tab's name (a CSV file's base name). */
  gboolean (*sheet) (const char  *name,
                     gpointer     user_data,
                     GError     **error);
  /* A row with at least one cell that is not empty; row counts from 1 as
   * the program showing the sheet does. cells[n_cells - 1] is the last
   * cell with content. Returning FALSE stops reading with error. */
  gboolean (*row)   (guint         row,
                     const JxCell *cells,
                     guint         n_cells,
                     gpointer      user_data,
                     GError      **error);
} JxSheetCallbacks;

/* Reads every visible sheet of a workbook, in tab order, counting what it
 * unpacks against budget (whose cancellable stops it). Errors are
 * JX_IMPORT_ERROR and say in a clerk's words what is wrong, or
 * G_IO_ERROR_CANCELLED; the callbacks' own errors are passed on. */
gboolean      jx_sheet_read_xlsx      (GsfInfile               *zip,
                                       JxImportBudget          *budget,
                                       const JxSheetCallbacks  *callbacks,
                                       gpointer                 user_data,
                                       GError                 **error);
/* Reads comma-, tab- or semicolon-separated text in UTF-8 (with or without
 * a byte order mark), UTF-16 with a byte order mark, or GB18030/GBK, the
 * encoding told by the bytes, as one sheet named sheet_name. Every cell
 * is text. Cancelling cancellable (may be NULL) stops it with
 * G_IO_ERROR_CANCELLED. */
gboolean      jx_sheet_read_csv       (const char              *data,
                                       gsize                    length,
                                       const char              *sheet_name,
                                       const JxSheetCallbacks  *callbacks,
                                       gpointer                 user_data,
                                       GCancellable            *cancellable,
                                       GError                 **error);

/* The text a number shows under an Excel number format (its code, e.g.
 * "0.00%", "#,##0", "General", "yyyy\"年\"m\"月\"d\"日\""). */
char         *jx_sheet_format_number  (double                   number,
                                       const char              *format_code);
/* "C" → 2, "AA" → 26 (0-based); -1 for what is not a column. */
int           jx_sheet_column_index   (const char              *letters);
/* 2 → "C". */
char         *jx_sheet_column_name    (guint                    column);

G_END_DECLS
