/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An amount of money as a whole number of millionths of the document's
 * money unit (万元 by default), so that sums and comparisons are exact. */
typedef gint64 JxMoney;

#define JX_MONEY_SCALE G_GINT64_CONSTANT (1000000)
/* 15 significant digits with 6 decimals: the most a double carries exactly. */
#define JX_MONEY_MAX   G_GINT64_CONSTANT (999999999999999)

gboolean  jx_money_from_double   (double       value,
                                  JxMoney     *out);
double    jx_money_to_double     (JxMoney      amount);
char     *jx_money_format        (JxMoney      amount);
char     *jx_money_format_exact  (JxMoney      amount);
gboolean  jx_money_parse         (const char  *text,
                                  JxMoney     *out,
                                  GError     **error);
JxMoney   jx_money_percent_of    (JxMoney      amount,
                                  double       percent);

G_END_DECLS
