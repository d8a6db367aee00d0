/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-checks-private.h"
#include "jx-indicator-value.h"
#include "jx-year-text.h"

/* Reading of the free text clerks type: years, amounts after a label,
 * punctuation (indicator values are read in jx-indicator-value.c).
 * Heuristics lean towards silence: a check that cries wolf on correct text
 * is worse than one that misses a rare case. */

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

char *
jx_text_squash (const char *text)
{
  char *out = g_malloc (strlen (text) + 1);
  char *q = out;
  gsize length;

  for (const char *p = text; *p;)
    if ((length = jx_value_space_length (p)) > 0)
      p += length;
    else
      *q++ = *p++;
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
      if (tokens[i][0] == *p && has_prefix (p, tokens[i]))
        return tokens[i];
  return NULL;
}

/* The rules of which years a text may name are jx-year-text.c's. */
guint
jx_text_foreign_year (const char *text,
                      guint       year)
{
  return jx_year_text_foreign (text, year);
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
