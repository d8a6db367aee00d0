/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-numbering.h"

/* The forms clerks type, from Word habits and the 党政机关公文格式 levels:
 *   1、 1. 1． 1） 1) 1.1、 (1) （1） 一、 一． （一） (一)） ① ⑴ ⒈ ㈠ Ⅰ、
 *   第一， 第一、 第1，
 * each perhaps followed by spaces. Text that merely begins with a number
 * stays as it is: "1.5万元", "2024年", "1、2月完成", "一、二季度", "Ⅲ类水质",
 * "第一季度". Leaning towards keeping text: stripping a word the clerk
 * meant is worse than leaving a number to strip by hand. */

#define MAX_DIGITS 3
#define MAX_CHINESE 3

static gunichar
char_at (const char *p)
{
  return *p ? g_utf8_get_char (p) : 0;
}

static gboolean
is_digit (gunichar c)
{
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

static gboolean
is_chinese_numeral (gunichar c)
{
  static const gunichar numerals[] = {
    0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,   /* 一二三四五 */
    0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341,   /* 六七八九十 */
    0x58F9, 0x8D30, 0x53C1, 0x8086, 0x4F0D,   /* 壹贰叁肆伍 */
    0x9646, 0x67D2, 0x634C, 0x7396, 0x62FE,   /* 陆柒捌玖拾 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (numerals); i++)
    if (c == numerals[i])
      return TRUE;
  return FALSE;
}

/* Characters that are a number and its mark in one: ① ⑴ ⒈ ㈠ ❶ ➀ ➊ ㉑ ㊱. */
static gboolean
is_enclosed_number (gunichar c)
{
  return (c >= 0x2460 && c <= 0x249B) ||
         (c >= 0x2776 && c <= 0x2793) ||
         (c >= 0x3220 && c <= 0x3229) ||
         (c >= 0x3251 && c <= 0x325F) ||
         (c >= 0x32B1 && c <= 0x32BF);
}

static gboolean
is_roman_numeral (gunichar c)
{
  return (c >= 0x2160 && c <= 0x216B) || (c >= 0x2170 && c <= 0x217B);
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0;
}

static const char *
skip_spaces (const char *p)
{
  while (*p && is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

/* A run of 1..max characters of one kind; NULL when there is none or it
 * is longer (a year, an amount). */
static const char *
skip_run (const char *p,
          gboolean  (*is_kind) (gunichar),
          guint      max)
{
  guint n = 0;

  while (*p && is_kind (g_utf8_get_char (p)))
    {
      p = g_utf8_next_char (p);
      n++;
    }
  return n >= 1 && n <= max ? p : NULL;
}

static const char *
skip_number (const char *p)
{
  const char *end = skip_run (p, is_digit, MAX_DIGITS);

  return end != NULL ? end : skip_run (p, is_chinese_numeral, MAX_CHINESE);
}

static gboolean
same_kind (gunichar a,
           gunichar b)
{
  return (is_digit (a) && is_digit (b)) ||
         (is_chinese_numeral (a) && is_chinese_numeral (b));
}

/* One of the characters of marks, or NULL. */
static const char *
skip_any (const char *p,
          const char *marks)
{
  gunichar c = char_at (p);

  if (c == 0)
    return NULL;
  for (const char *m = marks; *m; m = g_utf8_next_char (m))
    if (g_utf8_get_char (m) == c)
      return g_utf8_next_char (p);
  return NULL;
}

static const char *
skip_optional (const char *p,
               const char *marks)
{
  const char *end = skip_any (p, marks);

  return end != NULL ? end : p;
}

static const char *match_one (const char *p,
                              guint       depth);

/* After "1", "一" or "第一": the mark that makes it numbering. "1.5",
 * "1、2月" and "第一、二季度" go on with a number of the same kind: an
 * amount or a list of numbers, unless that is numbering again, as in
 * "1、1、加强" copied from a printout that numbered the list twice. */
static const char *
after_number (const char *start,
              const char *p,
              const char *marks,
              guint       depth)
{
  const char *end = skip_any (p, marks);

  if (end == NULL)
    return NULL;
  if (same_kind (char_at (start), char_at (end)) &&
      (depth == 0 || match_one (end, depth - 1) == NULL))
    return NULL;
  return end;
}

/* "1.1、", "1.2.3．": levels of an outline, always with a closing mark, so
 * that "1.5 万元" stays an amount. */
static const char *
after_outline (const char *p)
{
  gboolean levels = FALSE;

  while (*p == '.' && skip_run (p + 1, is_digit, MAX_DIGITS) != NULL)
    {
      p = skip_run (p + 1, is_digit, MAX_DIGITS);
      levels = TRUE;
    }
  if (!levels)
    return NULL;
  p = skip_any (p, "、.．）)");
  if (p == NULL || is_digit (char_at (p)))
    return NULL;
  return p;
}

static const char *
match_plain (const char *p,
             guint       depth)
{
  const char *end = skip_number (p);
  const char *outline;

  if (end == NULL)
    return NULL;
  if (is_digit (char_at (p)) && (outline = after_outline (end)) != NULL)
    return outline;
  return after_number (p, end, "、.．）)", depth);
}

static const char *
match_bracketed (const char *p)
{
  const char *end = skip_any (p, "(（");

  if (end == NULL || (end = skip_number (end)) == NULL)
    return NULL;
  if ((end = skip_any (end, ")）")) == NULL)
    return NULL;
  return skip_optional (end, "、.．");
}

static const char *
match_enclosed (const char *p)
{
  gunichar c = char_at (p);
  const char *end;

  if (!is_enclosed_number (c) && !is_roman_numeral (c))
    return NULL;
  end = g_utf8_next_char (p);
  /* "Ⅲ类水质" is a grade, "①加强" is numbering. */
  if (is_roman_numeral (c))
    return skip_any (end, "、.．");
  return skip_optional (end, "、.．");
}

/* "第一，", "第二、", "第3：" — but not "第一季度", "第一批". */
static const char *
match_ordinal (const char *p,
               guint       depth)
{
  const char *number, *end;

  if (char_at (p) != 0x7B2C)   /* 第 */
    return NULL;
  number = g_utf8_next_char (p);
  if ((end = skip_number (number)) == NULL)
    return NULL;
  return after_number (number, end, "，、：,:", depth);
}

static const char *
match_one (const char *p,
           guint       depth)
{
  const char *end;

  if ((end = match_bracketed (p)) != NULL ||
      (end = match_enclosed (p)) != NULL ||
      (end = match_ordinal (p, depth)) != NULL ||
      (end = match_plain (p, depth)) != NULL)
    return end;
  return NULL;
}

/* The numbering at the start of text: [*start, *end) without spaces;
 * returns the length with them. Numbering typed twice ("（一）1、") is one. */
static gsize
scan (const char  *text,
      const char **start,
      const char **end)
{
  const char *p, *next;

  *start = *end = NULL;
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return 0;

  p = skip_spaces (text);
  while ((next = match_one (p, 1)) != NULL)
    {
      if (*start == NULL)
        *start = p;
      *end = next;
      p = skip_spaces (next);
    }
  return *start != NULL ? (gsize) (p - text) : 0;
}

/**
 * jx_numbering_length:
 * @text: (nullable): a point, goal or measure as the clerk typed it
 *
 * Returns: the length in bytes of the typed numbering at the start of
 * @text, with the spaces around it, or 0 when it has none.
 */
gsize
jx_numbering_length (const char *text)
{
  const char *start, *end;

  return scan (text, &start, &end);
}

gboolean
jx_numbering_has (const char *text)
{
  return jx_numbering_length (text) > 0;
}

/**
 * jx_numbering_marker:
 *
 * Returns: (nullable): the typed numbering of @text without the spaces
 * around it ("1、"), to name it in a message; %NULL when there is none.
 */
char *
jx_numbering_marker (const char *text)
{
  const char *start, *end;

  if (scan (text, &start, &end) == 0)
    return NULL;
  return g_strndup (start, end - start);
}

/**
 * jx_numbering_strip:
 *
 * Returns: @text without its typed numbering; a copy of @text when it has
 * none. An item that was nothing but numbering becomes "".
 */
char *
jx_numbering_strip (const char *text)
{
  if (text == NULL)
    return NULL;
  return g_strdup (text + jx_numbering_length (text));
}

/* "1." → "", "."; "（1）" → "（", "）": what stands around the number. */
static gboolean
split_marker (const char *marker, char **before, char **after)
{
  const char *one = strchr (marker, '1');

  if (one == NULL || g_ascii_isdigit (one[1]) || (one > marker && g_ascii_isdigit (one[-1])))
    return FALSE;
  *before = g_strndup (marker, one - marker);
  *after = g_strdup (one + 1);
  return TRUE;
}

/* The separators an item ends with before the next number. */
static gsize
separator_before (const char *text, const char *at)
{
  static const char *separators[] = { "；", ";", "。", " ", "　" };

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      gsize n = strlen (separators[i]);

      if ((gsize) (at - text) >= n && strncmp (at - n, separators[i], n) == 0)
        return n;
    }
  return 0;
}

static void
add_item (GPtrArray *items, const char *start, const char *end)
{
  g_autofree char *item = g_strndup (start, end - start);

  /* The "；" between items is no part of them; a "。" is. */
  g_strstrip (item);
  if (g_str_has_suffix (item, "；"))
    item[strlen (item) - strlen ("；")] = '\0';
  else if (g_str_has_suffix (item, ";"))
    item[strlen (item) - 1] = '\0';
  g_ptr_array_add (items, g_strdup (g_strstrip (item)));
}

char **
jx_numbering_split_inline (const char *text)
{
  g_autofree char *marker = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const char *start;
  guint next = 2;

  g_return_val_if_fail (text != NULL, NULL);

  marker = jx_numbering_marker (text);
  if (marker == NULL || !split_marker (marker, &before, &after))
    return NULL;
  items = g_ptr_array_new_with_free_func (g_free);
  start = text + jx_numbering_length (text);
  for (const char *p = start; *p; p = g_utf8_next_char (p))
    {
      g_autofree char *number = g_strdup_printf ("%s%u%s", before, next, after);
      gsize n = strlen (number);

      /* "2.5万" is a number in the text, not the next item. */
      if (strncmp (p, number, n) != 0 || g_ascii_isdigit (p[n]) || separator_before (start, p) == 0)
        continue;
      add_item (items, start, p);
      start = p + n;
      p = start;
      next++;
      if (*p == '\0')
        break;
    }
  if (items->len == 0)
    return NULL;
  add_item (items, start, start + strlen (start));
  g_ptr_array_add (items, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&items), FALSE);
}

/* Spaces around a line copied from a document: Word's indents are often
 * full-width spaces. */
static char *
trim (const char *start,
      const char *end)
{
  const char *p = skip_spaces (start);

  while (end > p)
    {
      const char *last = g_utf8_find_prev_char (p, end);
      gunichar c = g_utf8_get_char (last);

      if (!is_space (c) && !g_unichar_isspace (c))
        break;
      end = last;
    }
  return g_strndup (p, end - p);
}

char **
jx_numbering_split_lines (const char *text)
{
  GPtrArray *items = g_ptr_array_new ();
  const char *line = text;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    line = "";
  while (*line)
    {
      const char *end = line;
      g_autofree char *trimmed = NULL;

      /* \n, \r\n, \r and the Unicode line and paragraph separators. */
      while (*end && *end != '\n' && *end != '\r' &&
             !g_str_has_prefix (end, "\xe2\x80\xa8") && !g_str_has_prefix (end, "\xe2\x80\xa9"))
        end = g_utf8_next_char (end);
      trimmed = trim (line, end);
      if (trimmed[0] != '\0')
        {
          char *item = jx_numbering_strip (trimmed);

          if (item[0] != '\0')
            g_ptr_array_add (items, item);
          else
            g_free (item);
        }
      line = *end == '\0' ? end : g_utf8_next_char (end);
    }
  g_ptr_array_add (items, NULL);
  return (char **) g_ptr_array_free (items, FALSE);
}
