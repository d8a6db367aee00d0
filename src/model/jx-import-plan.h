/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-document.h"
#include "jx-import.h"

G_BEGIN_DECLS

/* Importing the indicator rows of a workbook or CSV file into an open
 * document, in two steps: a plan says what would change — the projects
 * the rows belong to and how each was found, the rows that replace an
 * indicator or are added, the rows that could not be placed and why — and
 * nothing changes until the plan is applied. Applying is one document
 * action ("Import Indicators"): the undo history keeps it as one step. */

/* How the rows of a project found it. */
typedef enum
{
  JX_IMPORT_MATCH_CODE,   /* the rows' 项目编码 */
  JX_IMPORT_MATCH_NAME,   /* the rows' 项目名称 */
  JX_IMPORT_MATCH_LABEL,  /* "项目编码：…" or "项目名称：…" above the header */
  JX_IMPORT_MATCH_SHEET,  /* the sheet is named like the project */
  JX_IMPORT_MATCH_ONLY,   /* the document's only project */
  JX_IMPORT_MATCH_NEW,    /* not in the document: it is added */
} JxImportMatch;

/* How the rows found their project, in a clerk's words ("found by its
 * 项目编码"). */
const char        *jx_import_match_describe           (JxImportMatch    match);

typedef enum
{
  JX_IMPORT_ROW_ADD,      /* a new indicator */
  JX_IMPORT_ROW_REPLACE,  /* replaces the project's indicator of the same 三级指标 */
  JX_IMPORT_ROW_SAME,     /* the project has this indicator already, as it is */
} JxImportRowAction;

typedef struct _JxImportPlan JxImportPlan;

#define JX_TYPE_IMPORT_PLAN (jx_import_plan_get_type ())
GType              jx_import_plan_get_type            (void) G_GNUC_CONST;

/* Reads path (an .xlsx workbook or a .csv file, recognised by its content)
 * and plans its indicator rows into document, which is not changed. Fails
 * with a JX_IMPORT_ERROR whose message names the sheet, row and column of
 * bad content. */
JxImportPlan      *jx_import_plan_new                 (const char      *path,
                                                       JxDocument      *document,
                                                       GError         **error);
/* The same in two steps, for an application that reads the file in a
 * worker thread and plans in the thread the document lives in. Reading
 * touches no document; it fails as jx_import_plan_new does, with
 * JX_IMPORT_ERROR_UNSUPPORTED for a file whose rows cannot go into a
 * document — a Word file, which imports only as a new one (jx_import_file). */
typedef struct _JxImportRows JxImportRows;

/* Cancelling cancellable (may be NULL), from any thread, stops the reading
 * within a fraction of a second: NULL with G_IO_ERROR_CANCELLED. */
JxImportRows      *jx_import_rows_read                (const char      *path,
                                                       GCancellable    *cancellable,
                                                       GError         **error);
void               jx_import_rows_free                (JxImportRows    *rows);
/* Plans rows into document, which is not changed; the plan takes rows
 * (freed here, whatever the outcome). */
JxImportPlan      *jx_import_plan_new_for_rows        (JxImportRows    *rows,
                                                       JxDocument      *document,
                                                       GError         **error);

JxImportPlan      *jx_import_plan_ref                 (JxImportPlan    *self);
void               jx_import_plan_unref               (JxImportPlan    *self);

JxDocument        *jx_import_plan_get_document        (JxImportPlan    *self);
/* The projects that get rows, in the order the rows came. */
guint              jx_import_plan_get_n_projects      (JxImportPlan    *self);
const char        *jx_import_plan_get_project_code    (JxImportPlan    *self,
                                                       guint            project);
const char        *jx_import_plan_get_project_name    (JxImportPlan    *self,
                                                       guint            project);
JxImportMatch      jx_import_plan_get_project_match   (JxImportPlan    *self,
                                                       guint            project);
guint              jx_import_plan_get_n_rows          (JxImportPlan    *self,
                                                       guint            project);
JxImportRowAction  jx_import_plan_get_row_action      (JxImportPlan    *self,
                                                       guint            project,
                                                       guint            row);
/* "sheet “绩效指标”, row 12" and the row's 三级指标. */
const char        *jx_import_plan_get_row_place       (JxImportPlan    *self,
                                                       guint            project,
                                                       guint            row);
const char        *jx_import_plan_get_row_name        (JxImportPlan    *self,
                                                       guint            project,
                                                       guint            row);
/* What the row changes, one field a line: for a row that replaces an
 * indicator the fields that differ ("指标值: ≥10次 → ≥12次"), for a new
 * one its 指标值; "" for a row the project has already. */
char              *jx_import_plan_describe_row        (JxImportPlan    *self,
                                                       guint            project,
                                                       guint            row);
/* Rows of all projects by what they do; any pointer may be NULL. */
void               jx_import_plan_count               (JxImportPlan    *self,
                                                       guint           *added,
                                                       guint           *replaced,
                                                       guint           *same);
/* Rows and sheets that could not be placed: where, and why. */
JxImportReport    *jx_import_plan_get_skipped         (JxImportPlan    *self);
/* The whole plan in words, one project a line and the skipped rows after,
 * for the command line and a dialog. */
char              *jx_import_plan_to_text             (JxImportPlan    *self);

/* Makes the planned changes. Fails, changing nothing, when the document
 * changed since the plan was made so that a project or indicator it
 * replaces is gone, or when the plan was applied already. */
gboolean           jx_import_plan_apply               (JxImportPlan    *self,
                                                       GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxImportPlan, jx_import_plan_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxImportRows, jx_import_rows_free)

G_END_DECLS
