/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The font family of each printed role, chosen from the installed fonts
 * that print Chinese, with a live sample and the font this machine really
 * uses for it (a missing office font said plainly, with what prints
 * instead), a button to add a font file, and how soon unsaved changes are
 * kept as a draft. Changes apply at once. */
GtkWindow *jx_preferences_window_new          (GtkWindow  *parent,
                                               GSettings  *settings);
/* What the "Add Font File…" button does once a file is chosen: installs
 * it for the user (the rows, the preview, the printout and the review
 * follow at once) and says so in the window, or why not. */
gboolean   jx_preferences_window_add_font_file (GtkWindow  *window,
                                                const char *path);

G_END_DECLS
