/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A 指标值 has two spellings: printed, as the document and the printed table
 * have it ("≥95%", "10辆", "2024年12月31日前"), and split, as the budget
 * systems' sheets keep it: 计算符号 (≥ ≤ = > < or 定性), 指标值 (a number) and
 * 计量单位. This is the one place that reads one into the other. */

typedef enum
{
  JX_VALUE_QUALITATIVE,  /* 定性: words, a date, a range: kept as written */
  JX_VALUE_EQUAL,        /* = (printed without the sign) */
  JX_VALUE_AT_LEAST,     /* ≥ */
  JX_VALUE_AT_MOST,      /* ≤ */
  JX_VALUE_MORE,         /* > */
  JX_VALUE_LESS,         /* < */
} JxValueOperator;

typedef struct
{
  JxValueOperator op;
  char *number;  /* the digits as written ("1346.0088", "100"); NULL when qualitative */
  char *unit;    /* "万平方米", "%", or ""; NULL when qualitative */
  char *text;    /* the whole value when qualitative, else NULL */
} JxIndicatorValue;

/* The longest unit read as a 计量单位; longer tails make the value 定性. */
#define JX_VALUE_UNIT_MAX_CHARS 10

/* Splits a printed value. Never fails: what is not an operator, a number
 * and a short unit is qualitative. Full-width forms (９５％) and spaces
 * around the parts are read as their plain selves. */
void        jx_indicator_value_parse      (const char             *printed,
                                           JxIndicatorValue       *value);
/* The printed form: "≥95%", "10辆" (no "=" for equal), or the text. */
char       *jx_indicator_value_format     (const JxIndicatorValue *value);
void        jx_indicator_value_clear      (JxIndicatorValue       *value);
gboolean    jx_indicator_value_equal      (const JxIndicatorValue *a,
                                           const JxIndicatorValue *b);
/* Joins the three cells of a sheet row into a value. symbol may be NULL or
 * empty (then number may be a whole printed value, "≥95%"), an operator in
 * any usual spelling (≥, >=, 大于等于, ＞…) or 定性; unit may be NULL.
 * Fails with G_IO_ERROR_INVALID_DATA when an operator is given but number
 * is not a number, when the number's own sign or unit contradicts symbol
 * or unit, or when symbol is not a 计算符号. */
gboolean    jx_indicator_value_from_parts (const char             *symbol,
                                           const char             *number,
                                           const char             *unit,
                                           JxIndicatorValue       *value,
                                           GError                **error);

/* "≥", "≤", "=", ">", "<" or "定性": the 计算符号 as the budget systems write it. */
const char *jx_value_operator_symbol      (JxValueOperator         op);
/* Reads a 计算符号 in any usual spelling; FALSE for anything else. */
gboolean    jx_value_operator_parse       (const char             *symbol,
                                           JxValueOperator        *op);
/* Whether text is a number as a 指标值 cell holds it: digits with an
 * optional sign, decimal part and thousands commas. */
gboolean    jx_value_is_number            (const char             *text);

/* What the numbers and words of a value say, for the review checks. */
typedef struct
{
  gboolean has_number;   /* Arabic digits, or a Chinese numeral with a unit */
  gboolean percent;      /* a number followed by % or ‰ */
  double   max_percent;  /* the largest number before % */
  gboolean money;        /* a number followed by 元, 千元, 万元 or 亿元 */
  double   max_money;    /* the largest such amount, in the document's unit */
  gboolean money_known;  /* max_money could be converted */
  gboolean dated;        /* a date, a duration or a deadline word */
  guint    foreign_year; /* the first year in it other than the budget year */
  gboolean grade;        /* a recognised qualitative grade */
  gboolean unitless;     /* nothing but a comparator and a number */
} JxValueInfo;

void        jx_indicator_value_analyze    (const char             *value,
                                           const char             *money_unit,
                                           guint                   year,
                                           JxValueInfo            *info);

/* Readers shared with the checks of running text. */

/* The length in bytes of the space at p (ASCII white space or the
 * ideographic space U+3000), or 0. */
gsize       jx_value_space_length         (const char             *p);

/* Full-width ASCII forms (％, ０–９, ．) as their ASCII selves, spaces gone. */
char       *jx_value_normalize            (const char             *text);
/* A year 1900–2100 of exactly four digits at p, or 0. */
guint       jx_value_read_year            (const char             *p);

G_END_DECLS
