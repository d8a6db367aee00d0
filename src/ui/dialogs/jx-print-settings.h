/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The printer settings (NULL when none were kept) and the page setup (A4
 * portrait when none was kept) the last print used. */
void     jx_print_settings_load             (GtkPrintSettings **settings,
                                             GtkPageSetup     **setup);
void     jx_print_settings_save             (GtkPrintSettings  *settings,
                                             GtkPageSetup      *setup,
                                             gboolean           with_charts);
/* Whether the printout, the preview and the exported PDF end with the
 * appendix of spending-plan charts. */
gboolean jx_print_settings_get_with_charts  (void);
void     jx_print_settings_set_with_charts  (gboolean           with_charts);

G_END_DECLS
