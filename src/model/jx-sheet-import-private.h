/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gsf/gsf.h>

#include "jx-document.h"
#include "jx-import-plan.h"
#include "jx-import.h"

G_BEGIN_DECLS

/* What the sheets of a workbook or CSV file say, before it is placed in a
 * document: the indicator rows, and — for a workbook Jixiao exported — the
 * document its 部门 and 项目 sheets describe. */

/* The header row must be within this many rows from the top. */
#define JX_SHEET_HEADER_ROWS 20

/* A row's texts live in the data's string chunk, repeated ones (codes,
 * categories, a project's basis) once. */
typedef struct
{
  const char *place;        /* "sheet “绩效指标”, row 12", for notes */
  const char *sheet;        /* the sheet's name */
  const char *label_code;   /* "项目编码：…" above the header, or NULL */
  const char *label_name;   /* "项目名称：…" above the header, or NULL */
  const char *code;         /* 项目编码 after filling down, "" when none */
  const char *project;      /* 项目名称 after filling down, "" when none */
  const char *level1;
  const char *level2;
  const char *name;
  const char *value;        /* the printed 指标值 */
  const char *description;
  const char *basis;
  /* The sheet has these columns: a row replacing an indicator leaves the
   * fields of missing columns as they were. */
  gboolean has_description;
  gboolean has_basis;
} JxSheetRow;

typedef struct
{
  GPtrArray      *rows;      /* JxSheetRow */
  GStringChunk   *strings;   /* the rows' texts */
  JxImportReport *skipped;   /* sheets and rows that are not indicators */
  /* Reading a whole document: the document of the 部门 and 项目 sheets
   * (an empty new one when there are none). NULL when reading rows into
   * a document. */
  JxDocument     *document;
} JxSheetData;

void        jx_sheet_data_init       (JxSheetData     *data,
                                      gboolean         whole_document);
void        jx_sheet_data_clear      (JxSheetData     *data);
/* cancellable (may be NULL) stops the reading, with G_IO_ERROR_CANCELLED. */
gboolean    jx_sheet_data_read_xlsx  (JxSheetData     *data,
                                      GsfInfile       *zip,
                                      guint64          file_size,
                                      GCancellable    *cancellable,
                                      GError         **error);
gboolean    jx_sheet_data_read_csv   (JxSheetData     *data,
                                      const char      *text,
                                      gsize            length,
                                      const char      *sheet_name,
                                      GCancellable    *cancellable,
                                      GError         **error);
/* Reads bytes, an .xlsx workbook or CSV text, telling them apart by their
 * content; name is the file's name (a CSV file's sheet is named after it),
 * or NULL. */
gboolean    jx_sheet_data_read       (JxSheetData     *data,
                                      GBytes          *bytes,
                                      const char      *name,
                                      GCancellable    *cancellable,
                                      GError         **error);

/* Plans data's rows into document; data is emptied (the plan keeps what
 * it needs). */
JxImportPlan *jx_import_plan_new_from_data (JxSheetData    *data,
                                            JxDocument     *document,
                                            GError        **error);

/* A whole document from data: data->document with the rows placed in its
 * projects. What could not be placed goes to report. */
JxDocument *jx_sheet_import_document (JxSheetData     *data,
                                      JxImportReport  *report,
                                      GError         **error);

G_END_DECLS
