/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The application's settings, or NULL when its schema is not installed (an
 * uninstalled build run by hand): then the built-in defaults apply. */
GSettings *jx_settings_get          (void);
/* Makes the printed fonts follow the font-* keys, now and on every change. */
void       jx_settings_follow_fonts (GSettings *settings);

G_END_DECLS
