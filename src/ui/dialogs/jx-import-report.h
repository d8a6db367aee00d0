/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-import.h"

G_BEGIN_DECLS

/* What an import could not place, for the clerk to check against the file
 * it came from: one note a line, its place in the file and what was there,
 * in text the clerk can select and copy, with a button that copies it all.
 * It belongs to the window that shows the imported document (transient,
 * not modal): closing hides it, and the window's notice brings it back. */
#define JX_TYPE_IMPORT_REPORT_WINDOW (jx_import_report_window_get_type ())
G_DECLARE_FINAL_TYPE (JxImportReportWindow, jx_import_report_window, JX, IMPORT_REPORT_WINDOW,
                      GtkWindow)

/* file_name is the imported file's name as shown; n_projects how many
 * projects the new document got. */
JxImportReportWindow *jx_import_report_window_new      (GtkWindow      *parent,
                                                        const char     *file_name,
                                                        guint           n_projects,
                                                        JxImportReport *report);
/* The report of parent's imported document, if there is one. */
JxImportReportWindow *jx_import_report_window_find     (GtkWindow      *parent);
/* The text the copy button puts on the clipboard. */
char                 *jx_import_report_window_get_text (JxImportReportWindow *self);

G_END_DECLS
