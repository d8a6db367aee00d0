/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "jx-error.h"
#include "jx-money.h"

static JxMoney
from (double v)
{
  JxMoney m = -1;

  g_assert_true (jx_money_from_double (v, &m));
  return m;
}

static void
assert_refused (double v)
{
  JxMoney m = 42;

  g_assert_false (jx_money_from_double (v, &m));
  g_assert_cmpint (m, ==, 42);
}

static void
test_from_double (void)
{
  g_assert_cmpint (from (0), ==, 0);
  g_assert_cmpint (from (0.1), ==, 100000);
  g_assert_cmpint (from (0.2), ==, 200000);
  /* 0.1 + 0.2 is 0.30000000000000004 in doubles; in money it is 0.3. */
  g_assert_cmpint (from (0.1) + from (0.2), ==, from (0.3));
  g_assert_cmpint (from (123.456789), ==, 123456789);
  g_assert_cmpint (from (999999999.999999), ==, JX_MONEY_MAX);
  g_assert_cmpint (from (0.000001), ==, 1);
  g_assert_cmpint (from (60), ==, 60000000);

  assert_refused (0.1234567);          /* seven decimals */
  assert_refused (1e-7);
  assert_refused (-0.5);
  assert_refused (1e9);
  assert_refused (NAN);
  assert_refused (INFINITY);
}

static void
test_format (void)
{
  const struct { JxMoney m; const char *two; const char *exact; } cases[] = {
    { 0, "0.00", "0" },
    { 270000000, "270.00", "270" },
    { 100000, "0.10", "0.1" },
    { 5000, "0.01", "0.005" },           /* half a cent rounds up */
    { 4999, "0.00", "0.004999" },
    { 1234567, "1.23", "1.234567" },
    { 999999999999999, "1000000000.00", "999999999.999999" },
    { -1500000, "-1.50", "-1.5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *two = jx_money_format (cases[i].m);
      g_autofree char *exact = jx_money_format_exact (cases[i].m);

      g_assert_cmpstr (two, ==, cases[i].two);
      g_assert_cmpstr (exact, ==, cases[i].exact);
    }
}

static void
test_parse (void)
{
  const struct { const char *text; JxMoney m; } good[] = {
    { "3", 3000000 },
    { "3.00", 3000000 },
    { " 60.5 ", 60500000 },
    { "1,234.56", 1234560000 },
    { "０.１", 100000 },                 /* full-width, as a Chinese input method types */
    { "123.456789", 123456789 },
    { ".5", 500000 },
  };
  const char *bad[] = { "", "abc", "1.2.3", "-5", "1.1234567", "12元", "1e3", ",5", "1000000000" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      JxMoney m = -1;

      g_assert_true (jx_money_parse (good[i].text, &m, &error));
      g_assert_no_error (error);
      g_assert_cmpint (m, ==, good[i].m);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      JxMoney m = 7;

      g_assert_false (jx_money_parse (bad[i], &m, &error));
      g_assert_error (error, JX_DOCUMENT_ERROR, JX_DOCUMENT_ERROR_CONTENT);
      g_assert_cmpint (m, ==, 7);
    }
}

static void
test_percent_of (void)
{
  g_assert_cmpint (jx_money_percent_of (60000000, 30), ==, 18000000);
  g_assert_cmpint (jx_money_percent_of (3000000, 100), ==, 3000000);
  g_assert_cmpint (jx_money_percent_of (1, 50), ==, 1);        /* rounds half away */
  g_assert_cmpint (jx_money_percent_of (JX_MONEY_MAX, 100), ==, JX_MONEY_MAX);
  g_assert_cmpint (jx_money_percent_of (10000000, 33.3), ==, 3330000);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/money/from-double", test_from_double);
  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/parse", test_parse);
  g_test_add_func ("/money/percent-of", test_percent_of);
  return g_test_run ();
}
