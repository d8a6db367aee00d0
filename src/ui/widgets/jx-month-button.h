/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The month of a spending-plan row: a button showing "3月底" that opens a
 * grid of the twelve months, a quarter a line. The grid opens with the
 * focus on the row's month; the arrows move it, Enter or Space chooses the
 * month that has the focus (the pointer only points: hovering chooses
 * nothing). Months other rows have are offered dimmed.
 *
 * Property "month" (1–12). Signal "month-chosen" (guint month): the clerk
 * chose a month other than the one shown; the button does not change
 * until its "month" is set. */
#define JX_TYPE_MONTH_BUTTON (jx_month_button_get_type ())
G_DECLARE_FINAL_TYPE (JxMonthButton, jx_month_button, JX, MONTH_BUTTON, GtkWidget)

GtkWidget *jx_month_button_new       (void);
guint      jx_month_button_get_month (JxMonthButton *self);
void       jx_month_button_set_month (JxMonthButton *self,
                                      guint          month);
/* taken[m] for the months 1–12 that other rows already have. */
void       jx_month_button_set_taken (JxMonthButton *self,
                                      const gboolean taken[13]);
void       jx_month_button_popup     (JxMonthButton *self);
void       jx_month_button_popdown   (JxMonthButton *self);

G_END_DECLS
