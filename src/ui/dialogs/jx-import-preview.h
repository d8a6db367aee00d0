/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-import-plan.h"

G_BEGIN_DECLS

/* What importing the indicator rows of a workbook or CSV file into the
 * open document would change, before anything does (jx-import-plan.h):
 * each project the rows belong to and how it was found, each row adding
 * or replacing an indicator or already there, and the rows that could not
 * be placed and why. Modal for the window of the document.
 *
 * "Import" applies the plan, one undo step, and emits "applied"; "Open as
 * New Document" emits "open-as-new" for the window to import the file as
 * a document of its own; "Cancel", Escape or closing change nothing. Each
 * ends the dialog. An apply that fails (the document changed meanwhile)
 * says why and changes nothing. */
#define JX_TYPE_IMPORT_PREVIEW (jx_import_preview_get_type ())
G_DECLARE_FINAL_TYPE (JxImportPreview, jx_import_preview, JX, IMPORT_PREVIEW, GtkWindow)

/* file_name is the file's name as shown. */
JxImportPreview *jx_import_preview_new       (GtkWindow       *parent,
                                              JxImportPlan    *plan,
                                              const char      *file_name);
/* The preview open for parent's document, if any. */
JxImportPreview *jx_import_preview_find      (GtkWindow       *parent);
JxImportPlan    *jx_import_preview_get_plan  (JxImportPreview *self);
/* The tree the dialog lists: one row per project with its indicator rows
 * below, then one for the rows left out (GtkTreeListRow items). */
GListModel      *jx_import_preview_get_rows  (JxImportPreview *self);
/* What the buttons do. */
gboolean         jx_import_preview_apply     (JxImportPreview *self);
void             jx_import_preview_open_as_new (JxImportPreview *self);

G_END_DECLS
