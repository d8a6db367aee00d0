/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-application.h"
#include "jx-document.h"

G_BEGIN_DECLS

#define JX_TYPE_WINDOW (jx_window_get_type ())
G_DECLARE_FINAL_TYPE (JxWindow, jx_window, JX, WINDOW, GtkApplicationWindow)

JxWindow   *jx_window_new          (JxApplication *application);
JxDocument *jx_window_get_document (JxWindow      *self);
GFile      *jx_window_get_file     (JxWindow      *self);
void        jx_window_set_document (JxWindow      *self,
                                    JxDocument    *document,
                                    GFile         *file);
/* Loads the file; on failure shows the loader's message and keeps the
 * document that was open. Returns whether it loaded. */
gboolean    jx_window_open_file    (JxWindow      *self,
                                    GFile         *file);
/* TRUE for a window showing a new, untouched document. */
gboolean    jx_window_is_blank     (JxWindow      *self);

G_END_DECLS
