/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The font family of each printed role, with a live sample and the font
 * this machine really uses for it, and how soon unsaved changes are kept
 * as a draft. Changes apply at once. */
GtkWindow *jx_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

G_END_DECLS
