/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-money-text.h"

/* Digits of a written amount: more than a document can hold is not an
 * amount but a code or a telephone number. */
#define MAX_DIGITS 18

typedef struct
{
  const char *name;
  int         exponent;
} Unit;

/* Longest first, so that 万元 is not read as 元. */
static const Unit units[] = {
  { "百万元", 6 }, { "千万元", 7 }, { "亿元", 8 }, { "万元", 4 }, { "千元", 3 }, { "元", 0 },
};

int
jx_money_unit_exponent (const char *unit)
{
  g_return_val_if_fail (unit != NULL, -1);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_str_equal (unit, units[i].name))
      return units[i].exponent;
  return -1;
}

/* A character as an ASCII digit or mark when it is the full-width form of
 * one (０–９, ．, ，), else itself. */
static gunichar
plain_char (const char *p)
{
  gunichar c = *p ? g_utf8_get_char (p) : 0;

  return c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c;
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

static gboolean
digit_at (const char *p)
{
  gunichar c = plain_char (p);

  return c >= '0' && c <= '9';
}

/* "1,234,567": a comma followed by exactly three digits. */
static gboolean
thousands_comma_at (const char *p)
{
  const char *q;

  if (*p != ',')
    return FALSE;
  q = p + 1;
  for (int i = 0; i < 3; i++)
    {
      if (!digit_at (q))
        return FALSE;
      q = g_utf8_next_char (q);
    }
  return !digit_at (q);
}

typedef struct
{
  guint64 mantissa;
  int     decimals;
  guint   digits;
} Number;

static const char *
read_digits (const char *p, Number *n, gboolean fraction)
{
  while (*p)
    {
      if (digit_at (p))
        {
          if (++n->digits > MAX_DIGITS)
            return NULL;
          n->mantissa = n->mantissa * 10 + (plain_char (p) - '0');
          n->decimals += fraction ? 1 : 0;
        }
      else if (fraction || !thousands_comma_at (p))
        break;
      p = g_utf8_next_char (p);
    }
  return p;
}

static const char *
read_number (const char *p, Number *n)
{
  memset (n, 0, sizeof *n);
  if (!digit_at (p) || (p = read_digits (p, n, FALSE)) == NULL)
    return NULL;
  if (plain_char (p) == '.' && digit_at (g_utf8_next_char (p)))
    p = read_digits (g_utf8_next_char (p), n, TRUE);
  return p;
}

static const Unit *
unit_at (const char *p)
{
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (strncmp (p, units[i].name, strlen (units[i].name)) == 0)
      return &units[i];
  return NULL;
}

/* mantissa × 10^shift, exactly, within JX_MONEY_MAX. */
static gboolean
scale (guint64 mantissa, int shift, JxMoney *out)
{
  for (; shift > 0; shift--)
    {
      if (mantissa > (guint64) JX_MONEY_MAX / 10)
        return FALSE;
      mantissa *= 10;
    }
  for (; shift < 0; shift++)
    {
      if (mantissa % 10 != 0)
        return FALSE;
      mantissa /= 10;
    }
  if (mantissa > (guint64) JX_MONEY_MAX)
    return FALSE;
  *out = (JxMoney) mantissa;
  return TRUE;
}

gboolean
jx_money_text_read (const char *p,
                    const char *money_unit,
                    JxMoney    *amount,
                    gsize      *length)
{
  int target = jx_money_unit_exponent (money_unit);
  const char *start = p;
  const Unit *unit;
  Number n;

  g_return_val_if_fail (p != NULL, FALSE);

  if (target < 0 || (p = read_number (p, &n)) == NULL)
    return FALSE;
  p = skip_spaces (p);
  if ((unit = unit_at (p)) == NULL)
    return FALSE;
  /* JxMoney counts millionths of the document's unit. */
  if (!scale (n.mantissa, 6 + unit->exponent - target - n.decimals, amount))
    return FALSE;
  if (length != NULL)
    *length = (gsize) (p + strlen (unit->name) - start);
  return TRUE;
}

static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

static gboolean
ends_with (const char *text, const char *at, const char *word)
{
  gsize n = strlen (word);

  return (gsize) (at - text) >= n && strncmp (at - n, word, n) == 0;
}

/* The label starts the text or a clause, or follows 其中 or 项目
 * ("本项目预算数"); after other characters ("总预算数", "上级财政资金")
 * it names another amount. */
static gboolean
label_stands_alone (const char *text, const char *at)
{
  if (at == text || !is_han (g_utf8_get_char (g_utf8_prev_char (at))))
    return TRUE;
  return ends_with (text, at, "其中") || ends_with (text, at, "项目");
}

static char *
squashed (const char *start, gsize length)
{
  GString *out = g_string_sized_new (length);

  for (const char *p = start; p < start + length; p = g_utf8_next_char (p))
    if (!is_space (g_utf8_get_char (p)))
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
  return g_string_free (out, FALSE);
}

/* "预算数：61万元", "预算数为61万元": at most two marks before the number. */
static gboolean
read_after (const char *p, const char *money_unit, JxMoney *amount, char **written)
{
  gsize length;

  p = skip_spaces (p);
  for (int skipped = 0; *p && !digit_at (p) && skipped < 2; skipped++)
    p = skip_spaces (g_utf8_next_char (p));
  if (!jx_money_text_read (p, money_unit, amount, &length))
    return FALSE;
  if (written != NULL)
    *written = squashed (p, length);
  return TRUE;
}

gboolean
jx_money_text_after (const char  *text,
                     const char  *label,
                     const char  *money_unit,
                     JxMoney     *amount,
                     char       **written)
{
  g_return_val_if_fail (label != NULL && label[0] != '\0', FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *at = strstr (text, label); at != NULL; at = strstr (at + 1, label))
    if (label_stands_alone (text, at) &&
        read_after (at + strlen (label), money_unit, amount, written))
      return TRUE;
  return FALSE;
}
