/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-document-session.h"

G_BEGIN_DECLS

/* What a clerk should know before an export, asked once the export is
 * chosen and before the file is: the review's open errors, and for a PDF
 * the office fonts that are missing. It never refuses — drafts are
 * exported for discussion — and offers to show the problems or choose the
 * fonts instead. With nothing to say it goes on at once.
 *
 * settings (may be NULL) remembers the fonts the clerk asked not to be
 * told about again (key "font-notice-dismissed"); the print dialog and the
 * preview still name them. go_label is the button that goes on
 * ("_Export…"); go (parent, session) is the export. */
typedef void (*JxExportFunc) (GtkWindow         *parent,
                              JxDocumentSession *session);

void jx_export_notice_run (GtkWindow         *parent,
                           JxDocumentSession *session,
                           GSettings         *settings,
                           gboolean           about_fonts,
                           const char        *go_label,
                           JxExportFunc       go);

G_END_DECLS
