/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-money.h"

G_BEGIN_DECLS

/* Amounts of money written in a clerk's text: "3万元", "600,000元",
 * "1.5亿元", "６０万元". Read exactly (decimal digits, no floating point)
 * and converted into the document's money unit, so that "30000元" in a
 * 万元 document is exactly 3. */

/* The amount at the start of p (digits, an optional decimal part, then a
 * money unit, spaces allowed between). FALSE when p holds no amount with
 * a unit, or one that the unit cannot hold exactly (0.0000001万元).
 * *length receives the bytes read. */
gboolean  jx_money_text_read  (const char  *p,
                               const char  *money_unit,
                               JxMoney     *amount,
                               gsize       *length);

/* The amount written after label where the form's own wording uses it: at
 * the start of the text or of a clause, or after 其中 ("预算数60万元，其中：
 * 财政资金60万元") or 项目 ("本项目预算数"), with at most a mark or two between ("预算数：61万元",
 * "预算数为61万元"). "总预算数" or "上级财政资金" name other amounts and
 * are not read. written (may be NULL) receives the amount as written,
 * "61万元". FALSE when there is no such amount. */
gboolean  jx_money_text_after (const char  *text,
                               const char  *label,
                               const char  *money_unit,
                               JxMoney     *amount,
                               char       **written);

/* The power of ten that one of unit is in yuan (元 0, 千元 3, 万元 4,
 * 百万元 6, 亿元 8), or -1 for a unit that is not money. */
int       jx_money_unit_exponent (const char *unit);

G_END_DECLS
