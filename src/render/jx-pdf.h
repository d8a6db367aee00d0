/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-page-layout.h"

G_BEGIN_DECLS

/* Writing a laid-out document as PDF, a page at a time so that a window can
 * show progress and stop. The file appears only when it is complete: pages
 * go through a checked stream (JxAtomicFile) to a temporary file beside it
 * that replaces it at the end, synced. A full disk, a file size limit or a
 * read-only disk fails jx_pdf_export_finish with the target's name and the
 * reason, and the old file stays as it was. */
typedef struct _JxPdfExport JxPdfExport;

JxPdfExport *jx_pdf_export_new       (JxPageLayout  *layout,
                                      const char    *path,
                                      GError       **error);
/* Draws the next page; FALSE once every page is drawn. */
gboolean     jx_pdf_export_step      (JxPdfExport   *self);
guint        jx_pdf_export_get_done  (JxPdfExport   *self);
/* Completes the file; frees self. */
gboolean     jx_pdf_export_finish    (JxPdfExport   *self,
                                      GError       **error);
/* Removes the temporary file; frees self. */
void         jx_pdf_export_cancel    (JxPdfExport   *self);

/* All of the above at once. */
gboolean     jx_pdf_write            (JxPageLayout  *layout,
                                      const char    *path,
                                      GError       **error);

G_END_DECLS
