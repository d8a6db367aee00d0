/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Years written in a clerk's text, and which of them name the budget year.
 * The one place these rules live: the review's "names another year" check,
 * the roll-forward that moves a document to the next year and the
 * comparison of two years' documents all read years through here. */

typedef enum
{
  JX_YEAR_DATE,         /* a date or period of that year: 2025年, 2025年度, 2025.07, 2025-12-31 */
  JX_YEAR_DEADLINE,     /* after 至/到/止 with no range before it: 截至2025年底 */
  JX_YEAR_RANGE_START,  /* the first year of a range: 2025.07-2026.01, 2021年至2025年 */
  JX_YEAR_RANGE_END,    /* the last year of that range */
  JX_YEAR_COMPARISON,   /* a year compared with: 比2023年增长, 较2023年 */
  JX_YEAR_ORIGIN,       /* a starting point: 自2021年以来, 从2019年起 */
  JX_YEAR_TITLE,        /* inside 《》: the name of a document */
  JX_YEAR_NUMBER,       /* a document number: 冀财预〔2019〕15号 */
} JxYearRole;

typedef struct
{
  gsize      start;      /* byte offset of the year in the text */
  gsize      length;     /* bytes of the year: 4 digits or 4 Chinese numerals */
  guint      year;
  JxYearRole role;
  gunichar   before;     /* the character before the year, or 0 */
  gboolean   with_nian;  /* 年 follows */
  int        other;      /* a range's other end (index into the mentions), else -1 */
} JxYearMention;

/* The years named in text, in order (JxYearMention). Four digits 1900–2100
 * count as a year when 年 or a month follows ("2025年", "2025.07",
 * "2025-12-31"), when they start or end a range, or as a document number's
 * year; "二〇二五年" counts too. Bare numbers ("2025份") do not. */
GArray   *jx_year_text_scan       (const char          *text);

/* The first "YYYY年" other than year that is not a comparison, a starting
 * point, the end of a range, a range covering year, or inside a 《title》;
 * 0 when none. What the review reports as a stale year. */
guint     jx_year_text_foreign    (const char          *text,
                                   guint                year);

/* Whether mention i names the budget year from, so that it moves when the
 * document moves on to another year: a date or deadline in that year, a
 * range that starts in it (both ends move). Comparisons, starting points,
 * titles, document numbers and every other year stay. */
gboolean  jx_year_mention_moves   (GArray              *mentions,
                                   guint                i,
                                   guint                from);

/* text with every year that names the budget year from moved by
 * (to − from): "2024年12月31日前" → "2025年12月31日前" from 2024 to 2025.
 * The result has the same length in bytes. NULL when nothing moves. spans
 * (may be NULL) receives the byte ranges that changed (JxTextSpan). */
char     *jx_year_text_shift      (const char          *text,
                                   guint                from,
                                   guint                to,
                                   GArray             **spans);

/* The year segment of a project code from the budget systems, which
 * follows the six-digit area code: 13028124P00094210001M is area 130281,
 * year 24, then the project. 0–99, or -1 for a code not of that form. */
int       jx_year_code_segment    (const char          *code);

G_END_DECLS
