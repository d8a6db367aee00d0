/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-window.h"

G_BEGIN_DECLS

/* Adds win.print (Ctrl+P), win.export-pdf (Ctrl+Shift+E) and
 * win.print-preview (Ctrl+Shift+P) to the window. */
void               jx_print_install_actions (JxWindow    *window);
/* A print operation that lays out the window's document when it begins
 * and draws its pages with the one page renderer; page setup and printer
 * settings are remembered between runs. */
GtkPrintOperation *jx_print_operation_new   (JxWindow    *window);
/* Starts writing the window's document to path, a few pages at a time,
 * with a cancellable progress window for long documents. */
gboolean           jx_print_export_pdf      (JxWindow    *window,
                                             const char  *path,
                                             GError     **error);

/* Whether the printout, the preview and the exported PDF end with the
 * appendix of spending-plan charts; remembered with the page setup. */
gboolean           jx_print_get_with_charts (void);
void               jx_print_set_with_charts (gboolean     with_charts);

G_END_DECLS
