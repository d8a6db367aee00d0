/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-document-session.h"

G_BEGIN_DECLS

/* The document as a file for other programs: a Word document shaped like
 * the printout (jx-docx-export.h) or an Excel workbook (jx-xlsx.h). */
typedef enum
{
  JX_EXPORT_WORD,
  JX_EXPORT_EXCEL,
} JxExportFormat;

/* The file name a chooser proposes: the document file's own name, or the
 * year and department as clerks name these files, with the format's
 * extension. */
char     *jx_export_suggest_name  (JxDocumentSession   *session,
                                   JxExportFormat       format);
/* Adds the chooser filter of the format ("Word documents (*.docx)"). */
void      jx_export_add_filter    (GtkFileChooser      *chooser,
                                   JxExportFormat       format);

/* Writes the session's document as it is now to file, in a worker
 * thread: the document may be edited meanwhile, the file gets the state it
 * had when the export began. The pages are counted first, in this thread,
 * for the 目录 of a Word file (as printing does). file is replaced only
 * once the new one is complete; on failure the old file is as it was and
 * the error (G_IO_ERROR) names file and the reason. */
void      jx_export_write_async   (JxDocumentSession   *session,
                                   JxExportFormat       format,
                                   GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
gboolean  jx_export_write_finish  (GAsyncResult        *result,
                                   GError             **error);

G_END_DECLS
