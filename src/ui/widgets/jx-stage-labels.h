/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The months a monitoring reports on, in the interface's language, for the
 * labels of its fields and columns: "1–6月" (or "1月" at the first month)
 * in Chinese. capitalised: at the start of a label ("Months 1–6"), else
 * inside one ("Spent in months 1–6"). Newly allocated. */
char *jx_stage_months_text (guint    month,
                            gboolean capitalised);

/* A label with the months put in: format has one %s, e.g. _("Spent in %s"). */
char *jx_stage_months_label (const char *format,
                             guint       month);

/* A rate as the forms print it, "95%", "99.27%"; "—" when it cannot be
 * computed (negative). */
char *jx_stage_percent_text (double percent);

G_END_DECLS
