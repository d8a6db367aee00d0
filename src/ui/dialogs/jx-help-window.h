/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The help page: what the application does, how a document file is laid
 * out, and the command-line tool. It needs no browser or help viewer, which
 * clerks' machines often lack. */
GtkWindow *jx_help_window_new (GtkWindow *parent);

G_END_DECLS
