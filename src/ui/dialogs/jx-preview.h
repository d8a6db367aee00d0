/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-document-session.h"
#include "jx-page-layout.h"
#include "jx-print-notice.h"

G_BEGIN_DECLS

/* The print preview: a session's document as it will be printed, page by
 * page, drawn by the same renderer as the printout and the PDF, laid out
 * again shortly after each edit and for a newly opened document. It is
 * transient for the window whose document it shows. */
#define JX_TYPE_PREVIEW (jx_preview_get_type ())
G_DECLARE_FINAL_TYPE (JxPreview, jx_preview, JX, PREVIEW, GtkWindow)

JxPreview *jx_preview_new          (GtkWindow          *parent,
                                    JxDocumentSession  *session);
/* The preview of parent's document, if it is open (not that of a layout). */
JxPreview *jx_preview_find         (GtkWindow          *parent);
/* Shows it, making it first if needed. */
JxPreview *jx_preview_present      (GtkWindow          *parent,
                                    JxDocumentSession  *session);
/* A preview of pages laid out elsewhere (the 修改对照表 of a comparison),
 * titled title; its Print button prints them as they are. A window has one
 * of these besides its document's: presenting again shows the new layout. */
JxPreview *jx_preview_present_layout (GtkWindow        *parent,
                                      JxPageLayout     *layout,
                                      const char       *title);
JxPreview *jx_preview_find_layout  (GtkWindow          *parent);
void       jx_preview_set_layout   (JxPreview          *self,
                                    JxPageLayout       *layout);
/* The bars above the pages: open errors, fonts that stand in. */
JxPrintNotice *jx_preview_get_notice (JxPreview *self);
guint      jx_preview_get_page     (JxPreview *self);
guint      jx_preview_get_n_pages  (JxPreview *self);
void       jx_preview_set_page     (JxPreview *self,
                                    guint      page);
double     jx_preview_get_zoom     (JxPreview *self);
void       jx_preview_set_zoom     (JxPreview *self,
                                    double     zoom);

/* Shows the pages with or without the appendix of charts, and remembers
 * the choice for printing and export. */
gboolean   jx_preview_get_with_charts (JxPreview *self);
void       jx_preview_set_with_charts (JxPreview *self,
                                       gboolean   with_charts);

G_END_DECLS
