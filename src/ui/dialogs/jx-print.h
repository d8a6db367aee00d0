/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-document-session.h"
#include "jx-page-layout.h"

G_BEGIN_DECLS

/* Printing and PDF export of a session's document, with the one page
 * renderer, from a window (parent). Page setup and printer settings are
 * remembered between runs. */

/* A print operation that lays out the document when it begins. */
GtkPrintOperation *jx_print_operation_new   (GtkWindow          *parent,
                                             JxDocumentSession  *session);
/* The print dialog, then the printing, in the background. */
void               jx_print_run             (GtkWindow          *parent,
                                             JxDocumentSession  *session);
/* Starts writing the document to path, a few pages at a time, with a
 * cancellable progress window for long documents. */
gboolean           jx_print_export_pdf      (GtkWindow          *parent,
                                             JxDocumentSession  *session,
                                             const char         *path,
                                             GError            **error);
/* Asks where, then exports. */
void               jx_print_choose_pdf      (GtkWindow          *parent,
                                             JxDocumentSession  *session);

/* The same for pages laid out elsewhere (the 修改对照表 of a comparison),
 * printed and exported as they are; title names the print job. */
void               jx_print_run_layout      (GtkWindow          *parent,
                                             JxPageLayout       *layout,
                                             const char         *title);
gboolean           jx_print_export_layout_pdf (GtkWindow        *parent,
                                             JxPageLayout       *layout,
                                             const char         *path,
                                             GError            **error);
/* Asks where, proposing name in folder (NULL: the chooser's own), then
 * exports. */
void               jx_print_choose_layout_pdf (GtkWindow        *parent,
                                             JxPageLayout       *layout,
                                             const char         *name,
                                             GFile              *folder);

G_END_DECLS
