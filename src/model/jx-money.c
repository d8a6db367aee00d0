/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "jx-error.h"
#include "jx-money.h"

/* A decimal with at most 6 places maps to the double nearest to it, and
 * micro / 1e6 computed in double rounds to that same double; so the amount
 * came from at most 6 decimals exactly when the round trip is lossless. */
gboolean
jx_money_from_double (double   value,
                      JxMoney *out)
{
  double scaled;
  gint64 micro;

  if (!isfinite (value) || value < 0 || value > (double) JX_MONEY_MAX / JX_MONEY_SCALE)
    return FALSE;

  scaled = value * (double) JX_MONEY_SCALE;
  micro = (gint64) llround (scaled);
  if (micro > JX_MONEY_MAX || (double) micro / (double) JX_MONEY_SCALE != value)
    return FALSE;

  *out = micro;
  return TRUE;
}

double
jx_money_to_double (JxMoney amount)
{
  return (double) amount / (double) JX_MONEY_SCALE;
}

/* Two decimals, rounded half away from zero, as clerks print amounts. */
char *
jx_money_format (JxMoney amount)
{
  gboolean negative = amount < 0;
  guint64 a = negative ? (guint64) -(amount + 1) + 1 : (guint64) amount;
  guint64 cents = (a + 5000) / 10000;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", negative ? "-" : "",
                          cents / 100, (guint) (cents % 100));
}

/* All significant decimals and no more: 0.1, 3, 123.456789. */
char *
jx_money_format_exact (JxMoney amount)
{
  gboolean negative = amount < 0;
  guint64 a = negative ? (guint64) -(amount + 1) + 1 : (guint64) amount;
  guint64 whole = a / JX_MONEY_SCALE;
  guint frac = (guint) (a % JX_MONEY_SCALE);
  char digits[8];
  int len;

  if (frac == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, negative ? "-" : "", whole);

  g_snprintf (digits, sizeof digits, "%06u", frac);
  for (len = 6; digits[len - 1] == '0'; len--)
    ;
  digits[len] = '\0';
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%s", negative ? "-" : "", whole, digits);
}

/* Reads what a clerk types: "3", "3.5", "1,234.56", " 60.00 ", full-width
 * digits too. Refuses anything else with a reason. */
gboolean
jx_money_parse (const char  *text,
                JxMoney     *out,
                GError     **error)
{
  guint64 whole = 0;
  guint64 frac = 0;
  int frac_digits = 0;
  gboolean seen_digit = FALSE;
  gboolean seen_point = FALSE;
  const char *p;

  g_return_val_if_fail (text != NULL, FALSE);

  for (p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)   /* full-width digits */
        c = '0' + (c - 0xFF10);
      else if (c == 0xFF0E)              /* full-width full stop */
        c = '.';

      if (g_unichar_isspace (c) || c == ',' || c == 0xFF0C)
        {
          if (c != ',' && c != 0xFF0C)
            continue;
          if (seen_point || !seen_digit)
            goto not_amount;
          continue;
        }

      if (c == '.')
        {
          if (seen_point)
            goto not_amount;
          seen_point = TRUE;
          continue;
        }

      if (c < '0' || c > '9')
        {
          if (c == '-')
            {
              g_set_error (error, JX_DOCUMENT_ERROR, JX_DOCUMENT_ERROR_CONTENT,
                           _("An amount cannot be negative"));
              return FALSE;
            }
          goto not_amount;
        }

      seen_digit = TRUE;
      if (seen_point)
        {
          if (++frac_digits > 6)
            {
              g_set_error (error, JX_DOCUMENT_ERROR, JX_DOCUMENT_ERROR_CONTENT,
                           _("An amount has at most 6 decimal places"));
              return FALSE;
            }
          frac = frac * 10 + (guint) (c - '0');
        }
      else
        {
          whole = whole * 10 + (guint) (c - '0');
          if (whole > (guint64) (JX_MONEY_MAX / JX_MONEY_SCALE))
            goto too_large;
        }
    }

  if (!seen_digit)
    goto not_amount;

  for (; frac_digits < 6; frac_digits++)
    frac *= 10;

  *out = (JxMoney) (whole * JX_MONEY_SCALE + frac);
  return TRUE;

not_amount:
  g_set_error (error, JX_DOCUMENT_ERROR, JX_DOCUMENT_ERROR_CONTENT,
               _("“%s” is not an amount: write a number such as 12.50"), text);
  return FALSE;

too_large:
  g_set_error (error, JX_DOCUMENT_ERROR, JX_DOCUMENT_ERROR_CONTENT,
               _("An amount must be less than 1,000,000,000"));
  return FALSE;
}

/* The part of an amount that a percentage means, rounded to the nearest
 * micro-unit; exact for the amounts a document can hold. */
JxMoney
jx_money_percent_of (JxMoney amount,
                     double  percent)
{
  long double v = (long double) amount * (long double) percent / 100.0L;

  return (JxMoney) llroundl (v);
}
