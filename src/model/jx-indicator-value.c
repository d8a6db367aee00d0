/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "jx-indicator-value.h"
#include "jx-money-text.h"

/* Reading of 指标值: splitting a printed value into its parts and back,
 * and what the review checks need to know about the numbers and words in
 * one. Heuristics lean towards silence: a check that cries wolf on correct
 * text is worse than one that misses a rare case. */

static gboolean
has_prefix (const char *p, const char *prefix)
{
  return strncmp (p, prefix, strlen (prefix)) == 0;
}

/* ---- Shared readers ---- */

/* Byte-wise: the checks run this on every text as the clerk types. */
gsize
jx_value_space_length (const char *p)
{
  if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v')
    return 1;
  if ((guchar) p[0] == 0xE3 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0x80)   /* U+3000 */
    return 3;
  return 0;
}

char *
jx_value_normalize (const char *text)
{
  char *out = g_malloc (strlen (text) + 1);
  char *q = out;
  gsize length;

  for (const char *p = text; *p;)
    {
      gunichar c;

      if ((length = jx_value_space_length (p)) > 0)
        {
          p += length;
          continue;
        }
      if ((guchar) *p != 0xEF)
        {
          *q++ = *p++;
          continue;
        }
      c = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
      if (c >= 0xFF01 && c <= 0xFF5E)
        *q++ = (char) (c - 0xFEE0);
      else
        q += g_unichar_to_utf8 (c, q);
    }
  *q = '\0';
  return out;
}

/* "1,234" but not "1,23" or "1,2345": a comma is a thousands separator only
 * before exactly three digits. */
static gboolean
is_thousands_comma (const char *p)
{
  return *p == ',' && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
         g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]);
}

/* Digits with an optional decimal part and thousands commas at p; returns
 * the end. */
static const char *
read_number (const char *p, double *number)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean point = FALSE;

  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == '.' && !point && g_ascii_isdigit (p[1]))
        {
          point = TRUE;
          g_string_append_c (digits, '.');
        }
      else if (!point && is_thousands_comma (p))
        continue;
      else
        break;
    }
  *number = g_ascii_strtod (digits->str, NULL);
  return p;
}

guint
jx_value_read_year (const char *p)
{
  guint year = 0;

  for (int i = 0; i < 4; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return 0;
      year = year * 10 + (guint) (p[i] - '0');
    }
  if (g_ascii_isdigit (p[4]) || year < 1900 || year > 2100)
    return 0;
  return year;
}

/* The money unit at p, longest first so that 万元 is not read as 元. */
static const char *
money_unit_at (const char *p)
{
  static const char * const units[] = { "百万元", "千万元", "亿元", "万元", "千元", "元", NULL };

  for (guint i = 0; units[i] != NULL; i++)
    if (has_prefix (p, units[i]))
      return units[i];
  return NULL;
}

/* ---- Operators ---- */

typedef struct
{
  const char     *spelling;
  JxValueOperator op;
  gboolean        printed;   /* read at the start of a printed value */
} Spelling;

/* Longest first, so that ">=" is not read as ">". Full-width forms
 * (＞＝, ＜, ＝) are normalized to these before the look-up. */
static const Spelling spellings[] = {
  { "≥", JX_VALUE_AT_LEAST, TRUE }, { "≧", JX_VALUE_AT_LEAST, TRUE },
  { ">=", JX_VALUE_AT_LEAST, TRUE }, { "≤", JX_VALUE_AT_MOST, TRUE },
  { "≦", JX_VALUE_AT_MOST, TRUE }, { "<=", JX_VALUE_AT_MOST, TRUE },
  { ">", JX_VALUE_MORE, TRUE }, { "<", JX_VALUE_LESS, TRUE }, { "=", JX_VALUE_EQUAL, TRUE },
  { "大于等于", JX_VALUE_AT_LEAST, FALSE }, { "大于或等于", JX_VALUE_AT_LEAST, FALSE },
  { "不低于", JX_VALUE_AT_LEAST, FALSE }, { "不少于", JX_VALUE_AT_LEAST, FALSE },
  { "至少", JX_VALUE_AT_LEAST, FALSE }, { "小于等于", JX_VALUE_AT_MOST, FALSE },
  { "小于或等于", JX_VALUE_AT_MOST, FALSE }, { "不高于", JX_VALUE_AT_MOST, FALSE },
  { "不超过", JX_VALUE_AT_MOST, FALSE }, { "不多于", JX_VALUE_AT_MOST, FALSE },
  { "至多", JX_VALUE_AT_MOST, FALSE }, { "大于", JX_VALUE_MORE, FALSE },
  { "高于", JX_VALUE_MORE, FALSE }, { "超过", JX_VALUE_MORE, FALSE },
  { "小于", JX_VALUE_LESS, FALSE }, { "低于", JX_VALUE_LESS, FALSE },
  { "等于", JX_VALUE_EQUAL, FALSE },
};

/* The operator spelled at p (symbols only when printed_only); its length
 * in bytes, 0 when none. */
static gsize
operator_at (const char *p, gboolean printed_only, JxValueOperator *op)
{
  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    if ((spellings[i].printed || !printed_only) && has_prefix (p, spellings[i].spelling))
      {
        *op = spellings[i].op;
        return strlen (spellings[i].spelling);
      }
  return 0;
}

const char *
jx_value_operator_symbol (JxValueOperator op)
{
  switch (op)
    {
    case JX_VALUE_EQUAL: return "=";
    case JX_VALUE_AT_LEAST: return "≥";
    case JX_VALUE_AT_MOST: return "≤";
    case JX_VALUE_MORE: return ">";
    case JX_VALUE_LESS: return "<";
    case JX_VALUE_QUALITATIVE:
    default: return "定性";
    }
}

gboolean
jx_value_operator_parse (const char      *symbol,
                         JxValueOperator *op)
{
  g_autofree char *plain = NULL;
  gsize length;

  g_return_val_if_fail (symbol != NULL && op != NULL, FALSE);

  plain = jx_value_normalize (symbol);
  if (g_str_equal (plain, "定性"))
    {
      *op = JX_VALUE_QUALITATIVE;
      return TRUE;
    }
  length = operator_at (plain, FALSE, op);
  return length > 0 && plain[length] == '\0';
}

/* ---- Splitting and joining ---- */

/* Digits, thousands commas and a decimal part at p, with an optional
 * minus; returns the end, or p when there is no number. */
static const char *
number_end (const char *p)
{
  const char *q = p + (*p == '-');
  const char *digits = q;

  while (g_ascii_isdigit (*q))
    q++;
  if (q == digits)
    return p;
  if (q - digits <= 3)
    while (is_thousands_comma (q))
      q += 4;
  if (*q == '.' && g_ascii_isdigit (q[1]))
    for (q++; g_ascii_isdigit (*q); q++)
      ;
  return q;
}

gboolean
jx_value_is_number (const char *text)
{
  g_autofree char *plain = NULL;
  const char *end;

  g_return_val_if_fail (text != NULL, FALSE);

  plain = jx_value_normalize (text);
  end = number_end (plain);
  return end != plain && *end == '\0';
}

/* A 计量单位 is a short word: "万平方米", "%", "元/人", "人·次". Digits, a
 * second comparator or punctuation of a sentence make the value a date, a
 * range or a phrase, which is qualitative. */
static gboolean
is_unit (const char *unit)
{
  static const char *forbidden = "，,。；;：:、！!？?（）()《》“”\"'‘’—～~-+=<>≥≤≧≦[]【】{}|\\";

  if (g_utf8_strlen (unit, -1) > JX_VALUE_UNIT_MAX_CHARS)
    return FALSE;
  for (const char *p = unit; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c) || g_unichar_iscntrl (c) || g_utf8_strchr (forbidden, -1, c))
        return FALSE;
    }
  return TRUE;
}

static void
set_qualitative (JxIndicatorValue *value, const char *text)
{
  value->op = JX_VALUE_QUALITATIVE;
  value->number = NULL;
  value->unit = NULL;
  value->text = g_strdup (text);
}

/* Splits an already normalized "[op]number[unit]"; FALSE if it is not one. */
static gboolean
split_plain (const char *plain, JxValueOperator default_op, JxIndicatorValue *value)
{
  JxValueOperator op = default_op;
  const char *p = plain + operator_at (plain, TRUE, &op);
  const char *end = number_end (p);

  if (end == p || !is_unit (end))
    return FALSE;
  value->op = op;
  value->number = g_strndup (p, end - p);
  value->unit = g_strdup (end);
  value->text = NULL;
  return TRUE;
}

void
jx_indicator_value_parse (const char       *printed,
                          JxIndicatorValue *value)
{
  g_autofree char *plain = NULL;

  g_return_if_fail (value != NULL);

  if (printed == NULL)
    printed = "";
  plain = jx_value_normalize (printed);
  if (!split_plain (plain, JX_VALUE_EQUAL, value))
    set_qualitative (value, printed);
}

char *
jx_indicator_value_format (const JxIndicatorValue *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  if (value->op == JX_VALUE_QUALITATIVE)
    return g_strdup (value->text != NULL ? value->text : "");
  return g_strconcat (value->op == JX_VALUE_EQUAL ? "" : jx_value_operator_symbol (value->op),
                      value->number, value->unit, NULL);
}

void
jx_indicator_value_clear (JxIndicatorValue *value)
{
  g_return_if_fail (value != NULL);

  g_clear_pointer (&value->number, g_free);
  g_clear_pointer (&value->unit, g_free);
  g_clear_pointer (&value->text, g_free);
  value->op = JX_VALUE_QUALITATIVE;
}

gboolean
jx_indicator_value_equal (const JxIndicatorValue *a,
                          const JxIndicatorValue *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->op != b->op)
    return FALSE;
  if (a->op == JX_VALUE_QUALITATIVE)
    return g_strcmp0 (a->text, b->text) == 0;
  return g_strcmp0 (a->number, b->number) == 0 && g_strcmp0 (a->unit, b->unit) == 0;
}

/* The unit cell joined to the value's own unit: either may be empty, and
 * when both are given they must agree. */
static gboolean
merge_unit (JxIndicatorValue *value, const char *unit, const char *number, GError **error)
{
  g_autofree char *plain = jx_value_normalize (unit);

  if (plain[0] == '\0' || g_str_equal (plain, value->unit))
    return TRUE;
  if (value->unit[0] != '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("the 指标值 “%s” has its own unit, which is not the 计量单位 “%s”"),
                   number, unit);
      return FALSE;
    }
  if (!is_unit (plain))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a 计量单位: a unit is a short word such as “%%”, “次” or "
                     "“万元”, without digits"), unit);
      return FALSE;
    }
  g_free (value->unit);
  value->unit = g_steal_pointer (&plain);
  return TRUE;
}

/* 计算符号 ≥ (or 定量) with 指标值 "95", "≥95" or "95%". */
static gboolean
from_operator (const char *symbol, JxValueOperator op, gboolean any_op, const char *number,
               const char *unit, JxIndicatorValue *value, GError **error)
{
  g_autofree char *plain = jx_value_normalize (number);
  JxValueOperator own = op;

  if (operator_at (plain, TRUE, &own) > 0 && own != op && !any_op)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("the 计算符号 is “%s”, but the 指标值 “%s” says “%s”"),
                   symbol, number, jx_value_operator_symbol (own));
      return FALSE;
    }
  if (!split_plain (plain, op, value))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("the 计算符号 is “%s”, so the 指标值 must be a number, not “%s”"),
                   symbol, number);
      return FALSE;
    }
  if (merge_unit (value, unit, number, error))
    return TRUE;
  jx_indicator_value_clear (value);
  return FALSE;
}

gboolean
jx_indicator_value_from_parts (const char       *symbol,
                               const char       *number,
                               const char       *unit,
                               JxIndicatorValue *value,
                               GError          **error)
{
  g_autofree char *sign = g_strstrip (g_strdup (symbol != NULL ? symbol : ""));
  /* Words are kept as written; the parts of a number may have spaces. */
  const char *text = number != NULL ? number : "";
  g_autofree char *tail = g_strstrip (g_strdup (unit != NULL ? unit : ""));
  g_autofree char *printed = NULL;
  JxValueOperator op;

  g_return_val_if_fail (value != NULL, FALSE);

  memset (value, 0, sizeof *value);
  if (g_str_equal (sign, "定量"))
    return from_operator (sign, JX_VALUE_EQUAL, TRUE, text, tail, value, error);
  if (sign[0] != '\0' && !jx_value_operator_parse (sign, &op))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a 计算符号: write ≥, ≤, =, >, < or 定性"), sign);
      return FALSE;
    }
  if (sign[0] != '\0' && op != JX_VALUE_QUALITATIVE)
    return from_operator (sign, op, FALSE, text, tail, value, error);
  /* 定性, or no sign at all: the value is what the cells say together. */
  printed = g_str_has_suffix (text, tail) ? g_strdup (text) : g_strconcat (text, tail, NULL);
  if (sign[0] != '\0')
    set_qualitative (value, printed);
  else
    jx_indicator_value_parse (printed, value);
  return TRUE;
}

/* ---- What the checks read in a value ---- */

static gboolean
is_duration_or_date_unit (const char *p, double number)
{
  static const char * const durations[] = { "天", "个工作日", "工作日", "小时", "个月", "周",
                                            "分钟", "日", "号", NULL };

  if (has_prefix (p, "月") && number >= 1 && number <= 12)
    return TRUE;
  for (guint i = 0; durations[i] != NULL; i++)
    if (has_prefix (p, durations[i]))
      return TRUE;
  return FALSE;
}

/* "2024-12-31", "2024/12/31", "2024.12.31" (not "2024.5万元"). */
static gboolean
is_numeric_date (const char *p)
{
  const char *q = p + 5;

  /* strchr finds the terminating NUL too: a text that ends in a year has
   * no separator, and nothing to read after it. */
  if (jx_value_read_year (p) == 0 || p[4] == '\0' || strchr ("-./", p[4]) == NULL ||
      !g_ascii_isdigit (*q))
    return FALSE;
  while (g_ascii_isdigit (*q))
    q++;
  return *q == p[4] || (p[4] != '.' && q - p <= 7);
}

static void
note_date (JxValueInfo *info, guint found_year, guint year)
{
  info->has_number = TRUE;
  info->dated = TRUE;
  if (found_year != year && info->foreign_year == 0)
    info->foreign_year = found_year;
}

static void
note_number (JxValueInfo *info, const char *start, const char *unit_at, double number,
             const char *money_unit, guint year)
{
  const char *money = money_unit_at (unit_at);
  guint found_year = unit_at - start == 4 ? jx_value_read_year (start) : 0;

  info->has_number = TRUE;
  if (*unit_at == '%' || has_prefix (unit_at, "‰"))
    {
      info->percent = TRUE;
      if (*unit_at == '%')
        info->max_percent = MAX (info->max_percent, number);
    }
  else if (money != NULL)
    {
      int exponent = jx_money_unit_exponent (money_unit);

      info->money = TRUE;
      if (exponent >= 0)
        {
          double amount = number * pow (10, jx_money_unit_exponent (money) - exponent);

          info->max_money = MAX (info->max_money, amount);
          info->money_known = TRUE;
        }
    }
  else if (found_year != 0 && has_prefix (unit_at, "年"))
    note_date (info, found_year, year);
  else if (is_duration_or_date_unit (unit_at, number))
    info->dated = TRUE;
}

static gboolean
is_chinese_numeral (gunichar c)
{
  return c != 0 && g_utf8_strchr ("一二两三四五六七八九十百千", -1, c) != NULL;
}

/* "两次", "一套": a Chinese numeral followed by a counting word. */
static gboolean
has_chinese_count (const char *text)
{
  static const char *measure_words = "次个人项件套场篇期批台家份户名座条本册天";

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);

      if (is_chinese_numeral (g_utf8_get_char (p)) && *next &&
          g_utf8_strchr (measure_words, -1, g_utf8_get_char (next)) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_deadline_word (const char *text)
{
  static const char * const words[] = {
    "年底", "年末", "年内", "年前", "月底", "月末", "月前", "季度", "上半年", "下半年",
    "当年", "当月", "当日", "按时", "按期", "及时", "限期", "前完成", "全年", "年度内",
    "本年度", "常年", "每年", "每季", "每月", "每周", "每日", "每天", NULL
  };

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (text, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Grades in the sense of the 2021 guideline's qualitative indicators
 * (好/较好/一般/较差/差 and the like), and the usual wordings of a
 * direction of change or of meeting a standard. */
static gboolean
is_grade (const char *text)
{
  static const char * const grades[] = {
    "好", "较好", "一般", "较差", "差", "优", "良", "中", "优秀", "良好", "中等", "合格",
    "达标", "是", "否", "有", "无", "高", "较高", "低", "较低", "显著", "明显", "有效",
    "完成", "全部完成", "按时完成", "按期完成", "如期完成", "已完成", "全覆盖", "满意",
    "较满意", "基本满意", "稳定", "正常", "安全", "合规", "规范", "无事故", "零事故",
    "无投诉", "长期", "持续", NULL
  };
  static const char * const adverbs[] = {
    "有效", "明显", "显著", "稳步", "持续", "逐步", "不断", "进一步", "大幅", "有所", "逐年",
    "全面", "切实", "基本", "得到", "不断", "", NULL
  };
  static const char * const verbs[] = {
    "提高", "提升", "改善", "增强", "增加", "加强", "降低", "减少", "下降", "好转", "优化",
    "完善", "保障", "促进", "推进", "落实", "发挥", NULL
  };
  static const char * const endings[] = {
    "显著", "明显", "良好", "较好", "达标", "合格", "有效", "提升", "提高", "改善", "增强", NULL
  };
  g_autofree char *plain = g_strdup (text);
  glong length;

  if (g_str_has_suffix (plain, "。"))
    plain[strlen (plain) - strlen ("。")] = '\0';
  length = g_utf8_strlen (plain, -1);
  if (g_strv_contains (grades, plain))
    return TRUE;
  if ((g_str_has_prefix (plain, "符合") || g_str_has_prefix (plain, "满足") ||
       g_str_has_prefix (plain, "达到")) &&
      (g_str_has_suffix (plain, "要求") || g_str_has_suffix (plain, "标准") ||
       g_str_has_suffix (plain, "规定") || g_str_has_suffix (plain, "规范")))
    return TRUE;
  if (length > 12)
    return FALSE;
  /* "社会效益显著", "服务质量良好": a short statement ending in a grade. */
  for (guint i = 0; endings[i] != NULL; i++)
    if (g_str_has_suffix (plain, endings[i]))
      return TRUE;
  for (guint a = 0; adverbs[a] != NULL; a++)
    {
      if (!g_str_has_prefix (plain, adverbs[a]))
        continue;
      for (guint v = 0; verbs[v] != NULL; v++)
        if (g_str_has_prefix (plain + strlen (adverbs[a]), verbs[v]))
          return TRUE;
    }
  return FALSE;
}

/* "≥90", "不低于90", "100": a comparator and a number, with no unit to say
 * what of. "约" and "达到" are no 计算符号 but say as little. */
static gboolean
is_unitless (const char *text)
{
  const char *p = text;
  JxValueOperator op;
  gboolean digits = FALSE;

  if (has_prefix (p, "约"))
    p += strlen ("约");
  else if (has_prefix (p, "达到"))
    p += strlen ("达到");
  else
    p += operator_at (p, FALSE, &op);
  for (; *p; p++)
    {
      if (!g_ascii_isdigit (*p) && *p != '.' && *p != ',')
        return FALSE;
      digits |= g_ascii_isdigit (*p);
    }
  return digits;
}

void
jx_indicator_value_analyze (const char  *value,
                            const char  *money_unit,
                            guint        year,
                            JxValueInfo *info)
{
  g_autofree char *text = jx_value_normalize (value);

  memset (info, 0, sizeof *info);
  for (const char *p = text; *p;)
    {
      const char *start = p;
      double number;

      if (!g_ascii_isdigit (*p))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      if (is_numeric_date (p))
        {
          note_date (info, jx_value_read_year (p), year);
          while (g_ascii_isdigit (*p) || *p == '-' || *p == '.' || *p == '/')
            p++;
          continue;
        }
      p = read_number (p, &number);
      note_number (info, start, p, number, money_unit, year);
    }
  if (!info->has_number)
    info->has_number = has_chinese_count (text);
  if (has_deadline_word (text))
    info->dated = TRUE;
  info->grade = is_grade (text);
  info->unitless = is_unitless (text);
}
