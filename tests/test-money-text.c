/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-money-text.h"

#define M(x) ((JxMoney) ((x) * JX_MONEY_SCALE))

static void
assert_read (const char *text, const char *unit, JxMoney expected, gsize expected_length)
{
  JxMoney amount = -1;
  gsize length = 0;

  g_test_message ("%s in %s", text, unit);
  g_assert_true (jx_money_text_read (text, unit, &amount, &length));
  g_assert_cmpint (amount, ==, expected);
  g_assert_cmpuint (length, ==, expected_length);
}

static void
assert_not_read (const char *text, const char *unit)
{
  JxMoney amount = 42;

  g_test_message ("%s in %s", text, unit);
  g_assert_false (jx_money_text_read (text, unit, &amount, NULL));
  g_assert_cmpint (amount, ==, 42);
}

static void
test_read (void)
{
  assert_read ("3万元，其中", "万元", M (3), strlen ("3万元"));
  assert_read ("30000元", "万元", M (3), strlen ("30000元"));
  assert_read ("30,000元", "万元", M (3), strlen ("30,000元"));
  assert_read ("1.5亿元", "万元", M (15000), strlen ("1.5亿元"));
  assert_read ("0.1万元", "万元", 100000, strlen ("0.1万元"));
  assert_read ("1元", "万元", 100, strlen ("1元"));
  assert_read ("3 万元", "万元", M (3), strlen ("3 万元"));
  assert_read ("６０万元", "万元", M (60), strlen ("６０万元"));
  assert_read ("3万元", "元", M (30000), strlen ("3万元"));
  assert_read ("12.5千元", "万元", 1250000, strlen ("12.5千元"));
  /* 0.0001元 is a millionth of a 万元 less than what the unit can hold. */
  assert_read ("0.01元", "万元", 1, strlen ("0.01元"));
  assert_not_read ("0.001元", "万元");
  assert_not_read ("3万", "万元");
  assert_not_read ("3个", "万元");
  assert_not_read ("万元", "万元");
  assert_not_read ("3万元", "美元");
  assert_not_read ("1234567890123456789元", "万元");
  assert_not_read ("99999999999亿元", "万元");
}

static void
assert_after (const char *text, const char *label, JxMoney expected, const char *written)
{
  JxMoney amount = -1;
  g_autofree char *as_written = NULL;

  g_test_message ("%s: %s", label, text);
  g_assert_true (jx_money_text_after (text, label, "万元", &amount, &as_written));
  g_assert_cmpint (amount, ==, expected);
  g_assert_cmpstr (as_written, ==, written);
}

static void
assert_not_after (const char *text, const char *label)
{
  JxMoney amount = 42;
  /* The test log is UTF-8 (TAP): a text with a broken byte is shown with
   * the replacement character. */
  g_autofree char *shown = g_utf8_make_valid (text != NULL ? text : "(null)", -1);

  g_test_message ("%s: %s", label, shown);
  g_assert_false (jx_money_text_after (text, label, "万元", &amount, NULL));
}

static void
test_after (void)
{
  const char *usage = "预算数3万元，其中：财政资金2万元，其他资金1万元。";

  assert_after (usage, "预算数", M (3), "3万元");
  assert_after (usage, "财政资金", M (2), "2万元");
  assert_after (usage, "其他资金", M (1), "1万元");
  assert_after ("预算数：61万元", "预算数", M (61), "61万元");
  assert_after ("预算数为 61 万元", "预算数", M (61), "61万元");
  assert_after ("本项目预算数为600000元", "预算数", M (60), "600000元");
  assert_not_after ("项目总预算数200万元", "预算数");
  assert_not_after ("本年上级财政资金30万元", "财政资金");
  assert_not_after ("预算数待定", "预算数");
  assert_not_after ("", "预算数");
  assert_not_after (NULL, "预算数");
  assert_not_after ("预算数\xff" "3万元", "预算数");
  /* The second use of the label is the form's. */
  assert_after ("总预算数200万元，预算数60万元", "预算数", M (60), "60万元");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/money-text/read", test_read);
  g_test_add_func ("/money-text/after", test_after);
  return g_test_run ();
}
