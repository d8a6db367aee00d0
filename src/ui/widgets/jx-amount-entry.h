/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-money.h"

G_BEGIN_DECLS

/* An entry for an amount of money. What parses is the "amount" at once;
 * what does not stays in the entry, marked, with the reason shown under it,
 * and the amount keeps its last good value. Left empty means 0, or, when
 * "optional" is set, that nothing is entered: JX_AMOUNT_UNSET (jx-stage.h),
 * shown as an empty entry with its placeholder. */
#define JX_TYPE_AMOUNT_ENTRY (jx_amount_entry_get_type ())
G_DECLARE_FINAL_TYPE (JxAmountEntry, jx_amount_entry, JX, AMOUNT_ENTRY, GtkWidget)

GtkWidget  *jx_amount_entry_new        (void);
JxMoney     jx_amount_entry_get_amount (JxAmountEntry *self);
void        jx_amount_entry_set_amount (JxAmountEntry *self,
                                        JxMoney        amount);
/* The entry itself, for focus and for tests. */
GtkWidget  *jx_amount_entry_get_entry  (JxAmountEntry *self);
/* The reason the text is refused, or NULL when it is an amount. */
const char *jx_amount_entry_get_error  (JxAmountEntry *self);
gboolean    jx_amount_entry_get_optional (JxAmountEntry *self);
void        jx_amount_entry_set_optional (JxAmountEntry *self,
                                          gboolean       optional);
/* The gray hint an empty entry shows, e.g. the amount standing in. */
void        jx_amount_entry_set_placeholder (JxAmountEntry *self,
                                             const char    *text);

G_END_DECLS
