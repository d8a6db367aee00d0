/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-text-diff.h"
#include "jx-year-text.h"

#define YEAR_MIN 1900
#define YEAR_MAX 2100

static gboolean
has_prefix (const char *p, const char *prefix)
{
  return strncmp (p, prefix, strlen (prefix)) == 0;
}

static gunichar
char_before (const char *text, const char *p)
{
  return p > text ? g_utf8_get_char (g_utf8_prev_char (p)) : 0;
}

/* 〇 ○ 零 and 一 … 九 as the digits of a year written in Chinese. */
static int
chinese_digit (gunichar c)
{
  static const gunichar digits[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                     0x516D, 0x4E03, 0x516B, 0x4E5D };

  if (c == 0x3007 || c == 0x25CB || c == 0x96F6)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    if (c == digits[i])
      return (int) i + 1;
  return -1;
}

static guint
read_arabic_year (const char *text, const char *p, gsize *length)
{
  guint year = 0;

  if (p > text && (g_ascii_isdigit (p[-1]) || g_ascii_isalpha (p[-1]) || p[-1] == '.'))
    return 0;
  for (int i = 0; i < 4; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return 0;
      year = year * 10 + (guint) (p[i] - '0');
    }
  if (g_ascii_isdigit (p[4]) || year < YEAR_MIN || year > YEAR_MAX)
    return 0;
  *length = 4;
  return year;
}

/* "二〇二五年": four Chinese digits, only ever a year when 年 follows. */
static guint
read_chinese_year (const char *text, const char *p, gsize *length)
{
  const char *q = p;
  guint year = 0;

  /* Most characters of a text are not digits: look at this one before the
   * one before it. */
  if (chinese_digit (g_utf8_get_char (p)) < 0 || chinese_digit (char_before (text, p)) >= 0)
    return 0;
  for (int i = 0; i < 4; i++)
    {
      int digit = chinese_digit (g_utf8_get_char (q));

      if (digit < 0)
        return 0;
      year = year * 10 + (guint) digit;
      q = g_utf8_next_char (q);
    }
  if (!has_prefix (q, "年") || year < YEAR_MIN || year > YEAR_MAX)
    return 0;
  *length = q - p;
  return year;
}

/* After "2025": ".07", "-12-31", "/3" — a month (and day) of that year.
 * "2024.5万元" is an amount, so a month after a full stop has two digits. */
static gsize
date_tail (const char *p)
{
  char separator = *p;
  const char *q = p + 1;
  guint month = 0;
  int digits = 0;

  if (separator != '.' && separator != '-' && separator != '/')
    return 0;
  while (g_ascii_isdigit (*q) && digits < 3)
    month = month * 10 + (guint) (*q++ - '0'), digits++;
  if (digits == 0 || digits > 2 || month < 1 || month > 12)
    return 0;
  if (separator == '.' && digits != 2 && *q != '.')
    return 0;
  if (*q == separator && g_ascii_isdigit (q[1]))
    for (q++; g_ascii_isdigit (*q); q++)
      ;
  if (has_prefix (q, "万") || has_prefix (q, "亿") || has_prefix (q, "千") ||
      has_prefix (q, "元") || *q == '%')
    return 0;
  return q - p;
}

/* "12月", "12月31日" after a year's 年, before a range's connector. */
static const char *
skip_month_day (const char *p)
{
  const char *q = p;

  while (g_ascii_isdigit (*q))
    q++;
  if (q == p || !has_prefix (q, "月"))
    return p;
  q += strlen ("月");
  p = q;
  while (g_ascii_isdigit (*q))
    q++;
  if (q > p && has_prefix (q, "日"))
    return q + strlen ("日");
  return p;
}

static gsize
connector_length (const char *p)
{
  static const char * const connectors[] = { "至", "到", "-", "~", "—", "–", "～", "－", NULL };

  for (guint i = 0; connectors[i] != NULL; i++)
    if (has_prefix (p, connectors[i]))
      return strlen (connectors[i]);
  return 0;
}

static guint
read_year (const char *text, const char *p, gsize *length)
{
  guint year = g_ascii_isdigit (*p) ? read_arabic_year (text, p, length) : 0;

  if (year == 0 && (guchar) *p >= 0xE0)
    year = read_chinese_year (text, p, length);
  return year;
}

static gboolean
is_open_bracket (gunichar c)
{
  return c == 0x3014 /* 〔 */ || c == '[' || c == 0x3010 /* 【 */ || c == 0xFF08 /* （ */ ||
         c == '(' || c == 0xFF3B /* ［ */;
}

static gboolean
is_close_bracket (const char *p)
{
  return has_prefix (p, "〕") || *p == ']' || has_prefix (p, "】") || has_prefix (p, "）") ||
         *p == ')' || has_prefix (p, "］");
}

static gboolean
unichar_in (gunichar c, const char *set)
{
  return c != 0 && g_utf8_strchr (set, -1, c) != NULL;
}

typedef struct
{
  const char *text;
  GArray     *mentions;
  int         titles;
  int         range_from;   /* the mention whose range the next one ends, or -1 */
} Scan;

/* What the year is to the sentence, from the words around it. */
static JxYearRole
role_of (Scan *scan, const JxYearMention *m, const char *after, gboolean range_follows)
{
  if (scan->titles > 0)
    return JX_YEAR_TITLE;
  if (is_open_bracket (m->before) && is_close_bracket (after))
    return JX_YEAR_NUMBER;
  if (scan->range_from >= 0)
    return JX_YEAR_RANGE_END;
  if (range_follows)
    return JX_YEAR_RANGE_START;
  if (unichar_in (m->before, "较比与"))
    return JX_YEAR_COMPARISON;
  if (unichar_in (m->before, "自从"))
    return JX_YEAR_ORIGIN;
  if (unichar_in (m->before, "至到止-~—–～－"))
    return JX_YEAR_DEADLINE;
  return JX_YEAR_DATE;
}

static const char *
scan_year (Scan *scan, const char *p, guint year, gsize length)
{
  const char *after = p + length;
  const char *tail;
  JxYearMention m = { 0 };
  gsize date, connector;
  gsize dummy;
  gboolean range_follows;

  m.start = p - scan->text;
  m.length = length;
  m.year = year;
  m.before = char_before (scan->text, p);
  m.with_nian = has_prefix (after, "年");
  m.other = -1;
  date = m.with_nian ? 0 : date_tail (after);
  tail = m.with_nian ? skip_month_day (after + strlen ("年")) : after + date;
  connector = connector_length (tail);
  range_follows = scan->titles == 0 && connector > 0 &&
                  read_year (scan->text, tail + connector, &dummy) != 0;
  m.role = role_of (scan, &m, after, range_follows);
  if (m.role == JX_YEAR_RANGE_END)
    {
      m.other = scan->range_from;
      g_array_index (scan->mentions, JxYearMention, scan->range_from).other =
        (int) scan->mentions->len;
      scan->range_from = -1;
    }
  else if (!m.with_nian && date == 0 && !range_follows && m.role != JX_YEAR_NUMBER)
    return after;   /* a bare number */
  if (m.role == JX_YEAR_RANGE_START)
    scan->range_from = (int) scan->mentions->len;
  g_array_append_val (scan->mentions, m);
  return after;
}

GArray *
jx_year_text_scan (const char *text)
{
  Scan scan = { text, g_array_new (FALSE, FALSE, sizeof (JxYearMention)), 0, -1 };

  g_return_val_if_fail (text != NULL, scan.mentions);

  for (const char *p = text; *p;)
    {
      guint year;
      gsize length = 0;

      /* 《 and 》 are E3 80 8A and E3 80 8B in UTF-8. */
      if (has_prefix (p, "《"))
        scan.titles++;
      else if (has_prefix (p, "》") && scan.titles > 0)
        scan.titles--;
      year = read_year (text, p, &length);
      if (year != 0)
        p = scan_year (&scan, p, year, length);
      else
        p = g_utf8_next_char (p);
    }
  return scan.mentions;
}

guint
jx_year_text_foreign (const char *text,
                      guint       year)
{
  g_autoptr(GArray) mentions = NULL;

  g_return_val_if_fail (text != NULL, 0);

  /* Most texts have no digits at all, and only a year followed by 年 is
   * reported: skip the scan. */
  if (strpbrk (text, "0123456789") == NULL || strstr (text, "年") == NULL)
    return 0;
  mentions = jx_year_text_scan (text);
  for (guint i = 0; i < mentions->len; i++)
    {
      const JxYearMention *m = &g_array_index (mentions, JxYearMention, i);

      if (!m->with_nian || m->year == year)
        continue;
      if (m->role == JX_YEAR_DATE)
        return m->year;
      if (m->role == JX_YEAR_RANGE_START && !unichar_in (m->before, "较比与自从至到止") &&
          m->other >= 0 &&
          !(m->year <= year && year <= g_array_index (mentions, JxYearMention, m->other).year))
        return m->year;
    }
  return 0;
}

gboolean
jx_year_mention_moves (GArray *mentions,
                       guint   i,
                       guint   from)
{
  const JxYearMention *m;

  g_return_val_if_fail (mentions != NULL && i < mentions->len, FALSE);

  m = &g_array_index (mentions, JxYearMention, i);
  switch (m->role)
    {
    case JX_YEAR_DATE:
    case JX_YEAR_DEADLINE:
    case JX_YEAR_RANGE_START:
      return m->year == from;
    case JX_YEAR_RANGE_END:
      return m->other >= 0 && g_array_index (mentions, JxYearMention, m->other).year == from;
    default:
      return FALSE;
    }
}

/* Writes year over the digits at p in the script they were in: ASCII, or
 * Chinese numerals keeping the text's own zero (〇, ○ or 零). */
static void
write_year (char *p, gsize length, guint year)
{
  static const char * const numerals[] = { NULL, "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  char zero[8] = "〇";
  char digits[5];

  g_snprintf (digits, sizeof digits, "%04u", year);
  if (length == 4)
    {
      memcpy (p, digits, 4);
      return;
    }
  for (const char *q = p; q < p + length; q = g_utf8_next_char (q))
    if (chinese_digit (g_utf8_get_char (q)) == 0)
      {
        memcpy (zero, q, g_utf8_next_char (q) - q);
        zero[g_utf8_next_char (q) - q] = '\0';
        break;
      }
  /* Every numeral is three bytes in UTF-8: the length stays. */
  for (int i = 0; i < 4; i++, p += 3)
    memcpy (p, digits[i] == '0' ? zero : numerals[digits[i] - '0'], 3);
}

char *
jx_year_text_shift (const char  *text,
                    guint        from,
                    guint        to,
                    GArray     **spans)
{
  g_autoptr(GArray) mentions = NULL;
  char *shifted = NULL;
  int delta = (int) to - (int) from;

  g_return_val_if_fail (text != NULL, NULL);

  if (spans != NULL)
    *spans = g_array_new (FALSE, FALSE, sizeof (JxTextSpan));
  if (delta == 0 || (strpbrk (text, "0123456789") == NULL && strstr (text, "年") == NULL))
    return NULL;
  mentions = jx_year_text_scan (text);
  for (guint i = 0; i < mentions->len; i++)
    {
      const JxYearMention *m = &g_array_index (mentions, JxYearMention, i);
      int year = (int) m->year + delta;
      JxTextSpan span = { m->start, m->start + m->length };

      if (!jx_year_mention_moves (mentions, i, from) || year < 1000 || year > 9999)
        continue;
      if (shifted == NULL)
        shifted = g_strdup (text);
      write_year (shifted + m->start, m->length, (guint) year);
      if (spans != NULL)
        g_array_append_val (*spans, span);
    }
  return shifted;
}

int
jx_year_code_segment (const char *code)
{
  g_return_val_if_fail (code != NULL, -1);

  for (int i = 0; i < 8; i++)
    if (!g_ascii_isdigit (code[i]))
      return -1;
  /* The project type after the year is a capital letter (P for 项目). */
  if (!g_ascii_isupper (code[8]))
    return -1;
  return (code[6] - '0') * 10 + (code[7] - '0');
}
