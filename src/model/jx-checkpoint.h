/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One column of 资金支出计划（%）: the cumulative share of the budget spent
 * by the end of a month. */
#define JX_TYPE_CHECKPOINT (jx_checkpoint_get_type ())
G_DECLARE_FINAL_TYPE (JxCheckpoint, jx_checkpoint, JX, CHECKPOINT, GObject)

JxCheckpoint *jx_checkpoint_new         (guint         month,
                                         double        percent);
guint         jx_checkpoint_get_month   (JxCheckpoint *self);
void          jx_checkpoint_set_month   (JxCheckpoint *self,
                                         guint         month);
double        jx_checkpoint_get_percent (JxCheckpoint *self);
void          jx_checkpoint_set_percent (JxCheckpoint *self,
                                         double        percent);
JxCheckpoint *jx_checkpoint_copy        (JxCheckpoint *self);
/* The percent as printed in 资金支出计划（%）: "30%", or "33.33%" when it
 * has a fraction (two decimals at most, trailing zeros dropped). */
char         *jx_checkpoint_format_percent (double     percent);
/* A month of the spending plan as the form, the comparison and diff name
 * it: "End of month 6", in Chinese "6月底", as the printed 资金支出计划（%）
 * heads its column. */
char         *jx_checkpoint_describe_month (guint      month);

G_END_DECLS
