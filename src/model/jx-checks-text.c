/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-checks-private.h"

/* Reading of the free text clerks type: numbers with their units, dates,
 * grades, punctuation. Heuristics lean towards silence: a check that cries
 * wolf on correct text is worse than one that misses a rare case. */

static gboolean
has_prefix (const char *p, const char *prefix)
{
  return strncmp (p, prefix, strlen (prefix)) == 0;
}

gboolean
jx_text_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000)
        return FALSE;
    }
  return TRUE;
}

gboolean
jx_text_contains_any (const char         *text,
                      const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (text, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Byte-wise: this runs on every text of every project as the clerk types. */
static gboolean
is_space_at (const char *p, gsize *length)
{
  if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v')
    {
      *length = 1;
      return TRUE;
    }
  if ((guchar) p[0] == 0xE3 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0x80)   /* U+3000 */
    {
      *length = 3;
      return TRUE;
    }
  return FALSE;
}

char *
jx_text_squash (const char *text)
{
  char *out = g_malloc (strlen (text) + 1);
  char *q = out;
  gsize length;

  for (const char *p = text; *p;)
    if (is_space_at (p, &length))
      p += length;
    else
      *q++ = *p++;
  *q = '\0';
  return out;
}

/* Full-width ASCII forms (％, ０–９, ．) read as their ASCII selves;
 * spaces go, so that "≥ 95 %" reads like "≥95%". */
static char *
normalize (const char *text)
{
  char *out = g_malloc (strlen (text) + 1);
  char *q = out;
  gsize length;

  for (const char *p = text; *p;)
    {
      gunichar c;

      if (is_space_at (p, &length))
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

static gboolean
is_chinese (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN ||
         (c >= 0x3000 && c <= 0x303F) ||   /* CJK punctuation: 、。《》「」 */
         (c >= 0xFF01 && c <= 0xFF65);     /* full-width forms: ，；：（） */
}

static gunichar
char_before (const char *text, const char *p)
{
  return p > text ? g_utf8_get_char (g_utf8_prev_char (p)) : 0;
}

static gboolean
is_ascii_mark (char c)
{
  switch (c)
    {
    case ',': case ';': case ':': case '?': case '!': case '.': case '(': case ')':
      return TRUE;
    default:
      return FALSE;
    }
}

gunichar
jx_text_halfwidth_punct (const char *text)
{
  for (const char *p = text; *p; p++)
    {
      gunichar before, after;

      if (!is_ascii_mark (*p))
        continue;
      before = char_before (text, p);
      after = p[1] ? g_utf8_get_char (p + 1) : 0;
      switch (*p)
        {
        case '(':
          if (is_chinese (after))
            return '(';
          break;
        case ')':
          if (is_chinese (before))
            return ')';
          break;
        case '.':
          /* A full stop after Chinese; "1.5" and "www.x.cn" stay alone. */
          if (is_chinese (before) && (after == 0 || g_unichar_isspace (after) || is_chinese (after)))
            return '.';
          break;
        default:
          if (is_chinese (before) || is_chinese (after))
            return (gunichar) *p;
        }
    }
  return 0;
}

const char *
jx_text_leftover (const char *text)
{
  /* TeX and HTML from conversions, typed comparators, the replacement
   * character of a broken encoding, and a template's placeholders. */
  static const char * const tokens[] = {
    "$", "\\geq", "\\leq", "\\ge", "\\le", "\\%", "\\times", "&gt;", "&lt;", "&amp;",
    "&nbsp;", ">=", "<=", "\xEF\xBF\xBD", "XX", "××", "{{", "}}", NULL
  };

  /* One pass, stopping only at bytes that can start a token. */
  for (const char *p = text; (p = strpbrk (p, "$\\&<>X{}\xC3\xEF")) != NULL; p++)
    for (guint i = 0; tokens[i] != NULL; i++)
      if (has_prefix (p, tokens[i]))
        return tokens[i];
  return NULL;
}

static guint
read_year (const char *p)
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

/* A year after 较/比 ("比2023年增长") compares; after 至/- it ends a range. */
static gboolean
year_is_excused (const char *text, const char *p, guint found, guint year)
{
  static const gunichar before_words[] = { 0x8F83 /* 较 */, 0x6BD4 /* 比 */, 0x4E0E /* 与 */,
                                           0x81EA /* 自 */, 0x4ECE /* 从 */, 0x81F3 /* 至 */,
                                           0x5230 /* 到 */, 0x6B62 /* 止 */, '-', '~',
                                           0x2014, 0x2013, 0xFF5E, 0xFF0D };
  gunichar before = char_before (text, p);
  const char *after = p + 4 + strlen ("年");
  guint end;

  for (guint i = 0; i < G_N_ELEMENTS (before_words); i++)
    if (before == before_words[i])
      return TRUE;
  if (g_ascii_isdigit (*after))
    return FALSE;
  /* "2021年至2025年", "2021年-2025年": a range that covers the year. */
  if (*after != '\0')
    {
      const char *next = g_utf8_next_char (after);

      end = read_year (next);
      if (end != 0 && found <= year && year <= end)
        return TRUE;
    }
  return FALSE;
}

guint
jx_text_foreign_year (const char *text,
                      guint       year)
{
  int titles = 0;

  for (const char *p = text; *p; p++)
    {
      guint found;

      /* 《 and 》 are E3 80 8A and E3 80 8B in UTF-8. */
      if ((guchar) *p == 0xE3 && has_prefix (p, "《"))
        titles++;
      else if ((guchar) *p == 0xE3 && has_prefix (p, "》") && titles > 0)
        titles--;
      if (titles > 0 || !g_ascii_isdigit (*p) || (p > text && g_ascii_isdigit (p[-1])))
        continue;
      found = read_year (p);
      if (found == 0 || found == year || strncmp (p + 4, "年", strlen ("年")) != 0)
        continue;
      if (!year_is_excused (text, p, found, year))
        return found;
    }
  return 0;
}

/* Reads digits with an optional decimal part and thousands commas. */
static const char *
read_number (const char *p, double *value)
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
      else if (*p == ',' && !point && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
               g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]))
        continue;
      else
        break;
    }
  *value = g_ascii_strtod (digits->str, NULL);
  return p;
}

/* How many yuan one of the money unit is; 0 for an unknown unit. */
static double
yuan_per_unit (const char *unit)
{
  if (g_str_equal (unit, "元"))
    return 1;
  if (g_str_equal (unit, "千元"))
    return 1e3;
  if (g_str_equal (unit, "万元"))
    return 1e4;
  if (g_str_equal (unit, "亿元"))
    return 1e8;
  return 0;
}

/* The money unit at p, longest first so that 万元 is not read as 元. */
static const char *
money_unit_at (const char *p)
{
  static const char * const units[] = { "亿元", "万元", "千元", "元", NULL };

  for (guint i = 0; units[i] != NULL; i++)
    if (has_prefix (p, units[i]))
      return units[i];
  return NULL;
}

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
  if (read_year (p) == 0 || p[4] == '\0' || strchr ("-./", p[4]) == NULL ||
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
  guint found_year = unit_at - start == 4 ? read_year (start) : 0;

  info->has_number = TRUE;
  if (*unit_at == '%' || has_prefix (unit_at, "‰"))
    {
      info->percent = TRUE;
      if (*unit_at == '%')
        info->max_percent = MAX (info->max_percent, number);
    }
  else if (money != NULL)
    {
      double per = yuan_per_unit (money_unit);

      info->money = TRUE;
      if (per > 0)
        {
          info->max_money = MAX (info->max_money, number * yuan_per_unit (money) / per);
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

  return jx_text_contains_any (text, words);
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

/* "≥90", "100": a comparator and a number, with no unit to say what of. */
static gboolean
is_unitless (const char *text)
{
  static const char * const comparators[] = {
    "≥", "≤", "≧", "≦", ">=", "<=", ">", "<", "=", "大于等于", "小于等于", "不低于", "不少于",
    "不高于", "不超过", "不多于", "大于", "小于", "高于", "低于", "至少", "达到", "超过", "约",
    NULL
  };
  const char *p = text;
  gboolean digits = FALSE;

  for (guint i = 0; comparators[i] != NULL; i++)
    if (has_prefix (p, comparators[i]))
      {
        p += strlen (comparators[i]);
        break;
      }
  for (; *p; p++)
    {
      if (!g_ascii_isdigit (*p) && *p != '.' && *p != ',')
        return FALSE;
      digits |= g_ascii_isdigit (*p);
    }
  return digits;
}

void
jx_value_analyze (const char  *value,
                  const char  *money_unit,
                  guint        year,
                  JxValueInfo *info)
{
  g_autofree char *text = normalize (value);

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
          note_date (info, read_year (p), year);
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

guint
jx_text_distance (const char *a,
                  const char *b)
{
  g_autofree gunichar *x = g_utf8_to_ucs4_fast (a, -1, NULL);
  g_autofree gunichar *y = g_utf8_to_ucs4_fast (b, -1, NULL);
  guint n = 0, m = 0;
  g_autofree guint *row = NULL;

  while (x[n]) n++;
  while (y[m]) m++;
  row = g_new (guint, m + 1);
  for (guint j = 0; j <= m; j++)
    row[j] = j;
  for (guint i = 1; i <= n; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (guint j = 1; j <= m; j++)
        {
          guint above = row[j];
          guint best = MIN (row[j] + 1, row[j - 1] + 1);

          row[j] = MIN (best, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1));
          diagonal = above;
        }
    }
  return row[m];
}
