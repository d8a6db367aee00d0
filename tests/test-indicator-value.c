/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>

#include "jx-indicator-value.h"

/* The printed 指标值 and its split spelling (计算符号, number, 计量单位)
 * read into each other as the budget systems and the printed table
 * expect. */

typedef struct
{
  const char     *printed;
  JxValueOperator op;
  const char     *number;
  const char     *unit;
  const char     *formatted;   /* NULL: the same as printed */
} Case;

static const Case cases[] = {
  { "≥95%", JX_VALUE_AT_LEAST, "95", "%", NULL },
  { "10辆", JX_VALUE_EQUAL, "10", "辆", NULL },
  { "≤620万/月", JX_VALUE_AT_MOST, "620", "万/月", NULL },
  { "1346.0088万平方米", JX_VALUE_EQUAL, "1346.0088", "万平方米", NULL },
  { "=10辆", JX_VALUE_EQUAL, "10", "辆", "10辆" },
  { "100", JX_VALUE_EQUAL, "100", "", NULL },
  { "100.0%", JX_VALUE_EQUAL, "100.0", "%", NULL },
  { ">0", JX_VALUE_MORE, "0", "", NULL },
  { "<5次", JX_VALUE_LESS, "5", "次", NULL },
  { "≥1,200平方米", JX_VALUE_AT_LEAST, "1,200", "平方米", NULL },
  { "≤625元/人", JX_VALUE_AT_MOST, "625", "元/人", NULL },
  { "≥ 95 %", JX_VALUE_AT_LEAST, "95", "%", "≥95%" },
  { "≥９５％", JX_VALUE_AT_LEAST, "95", "%", "≥95%" },
  { ">=90分", JX_VALUE_AT_LEAST, "90", "分", "≥90分" },
  { "≧3次", JX_VALUE_AT_LEAST, "3", "次", "≥3次" },
  { "-5%", JX_VALUE_EQUAL, "-5", "%", NULL },
  { "2023.07-2024.01", JX_VALUE_QUALITATIVE, NULL, NULL, NULL },
  { "优良", JX_VALUE_QUALITATIVE, NULL, NULL, NULL },
  { "2024年12月31日前", JX_VALUE_QUALITATIVE, NULL, NULL, NULL },
  { "会议于2024年1月24日前完成", JX_VALUE_QUALITATIVE, NULL, NULL, NULL },
  { "不低于95%", JX_VALUE_QUALITATIVE, NULL, NULL, NULL },
  { "95%以上，力争100%", JX_VALUE_QUALITATIVE, NULL, NULL, NULL },
  { "3个工作日内完成全部审核和归档工作", JX_VALUE_QUALITATIVE, NULL, NULL, NULL },
  { ".5", JX_VALUE_QUALITATIVE, NULL, NULL, NULL },
  { "1,23个", JX_VALUE_QUALITATIVE, NULL, NULL, NULL },
  { "", JX_VALUE_QUALITATIVE, NULL, NULL, NULL },
  { " 优 良 ", JX_VALUE_QUALITATIVE, NULL, NULL, NULL },
};

static void
test_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      JxIndicatorValue value;
      g_autofree char *formatted = NULL;

      g_test_message ("%s", c->printed);
      jx_indicator_value_parse (c->printed, &value);
      g_assert_cmpint (value.op, ==, c->op);
      g_assert_cmpstr (value.number, ==, c->number);
      g_assert_cmpstr (value.unit, ==, c->unit);
      if (c->op == JX_VALUE_QUALITATIVE)
        g_assert_cmpstr (value.text, ==, c->printed);
      else
        g_assert_null (value.text);
      formatted = jx_indicator_value_format (&value);
      g_assert_cmpstr (formatted, ==, c->formatted != NULL ? c->formatted : c->printed);
      jx_indicator_value_clear (&value);
    }
}

/* A value written and read again is the same value. */
static void
test_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      JxIndicatorValue first, second, third;
      g_autofree char *printed = NULL;
      g_autofree char *again = NULL;

      jx_indicator_value_parse (cases[i].printed, &first);
      printed = jx_indicator_value_format (&first);
      jx_indicator_value_parse (printed, &second);
      g_assert_true (jx_indicator_value_equal (&first, &second));
      again = jx_indicator_value_format (&second);
      g_assert_cmpstr (again, ==, printed);
      /* And the split cells, as a sheet has them, join to it too. */
      g_assert_true (jx_indicator_value_from_parts (jx_value_operator_symbol (first.op),
                                                    first.op == JX_VALUE_QUALITATIVE
                                                      ? first.text : first.number,
                                                    first.unit, &third, NULL));
      g_assert_true (jx_indicator_value_equal (&first, &third));
      jx_indicator_value_clear (&first);
      jx_indicator_value_clear (&second);
      jx_indicator_value_clear (&third);
    }
}

typedef struct
{
  const char *symbol, *number, *unit;
  const char *printed;   /* NULL: refused */
} Parts;

static const Parts parts[] = {
  { "≥", "95", "%", "≥95%" },
  { ">=", "95", "%", "≥95%" },
  { "大于等于", "95", "%", "≥95%" },
  { "＞", "0", "", ">0" },
  { "=", "10", "辆", "10辆" },
  { "等于", "10", "辆", "10辆" },
  { "≥", "≥95", "%", "≥95%" },
  { "≥", "95%", "%", "≥95%" },
  { "≥", "95%", "", "≥95%" },
  { "≤", " 620 ", " 万/月 ", "≤620万/月" },
  { "定性", "优良", "", "优良" },
  { "定性", "2024年12月31日前", NULL, "2024年12月31日前" },
  { "定量", "≥90", "分", "≥90分" },
  { "定量", "90", "分", "90分" },
  { "", "≥95%", "", "≥95%" },
  { NULL, "95", "%", "95%" },
  { NULL, "优良", NULL, "优良" },
  { NULL, "", NULL, "" },
  { "≥", "优良", "", NULL },
  { "≥", "≤95", "%", NULL },
  { "≥", "95次", "%", NULL },
  { "≥", "95", "2024年", NULL },
  { "约", "95", "%", NULL },
  { "定量", "优良", "", NULL },
};

static void
test_from_parts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const Parts *p = &parts[i];
      g_autoptr(GError) error = NULL;
      JxIndicatorValue value;
      g_autofree char *printed = NULL;
      gboolean ok;

      g_test_message ("%s | %s | %s", p->symbol, p->number, p->unit);
      ok = jx_indicator_value_from_parts (p->symbol, p->number, p->unit, &value, &error);
      if (p->printed == NULL)
        {
          g_assert_false (ok);
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
          g_test_message ("  %s", error->message);
          continue;
        }
      g_assert_no_error (error);
      g_assert_true (ok);
      printed = jx_indicator_value_format (&value);
      g_assert_cmpstr (printed, ==, p->printed);
      jx_indicator_value_clear (&value);
    }
}

static void
test_operators (void)
{
  const char *symbols[] = { "≥", "≤", "=", ">", "<", "定性" };
  JxValueOperator op;

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    {
      g_assert_true (jx_value_operator_parse (symbols[i], &op));
      g_assert_cmpstr (jx_value_operator_symbol (op), ==, symbols[i]);
    }
  g_assert_true (jx_value_operator_parse ("≦", &op));
  g_assert_cmpint (op, ==, JX_VALUE_AT_MOST);
  g_assert_true (jx_value_operator_parse (" ＜ ", &op));
  g_assert_cmpint (op, ==, JX_VALUE_LESS);
  g_assert_false (jx_value_operator_parse ("≥95", &op));
  g_assert_false (jx_value_operator_parse ("", &op));
  g_assert_false (jx_value_operator_parse ("约", &op));

  g_assert_true (jx_value_is_number ("1346.0088"));
  g_assert_true (jx_value_is_number ("-3"));
  g_assert_true (jx_value_is_number ("1,234,567.5"));
  g_assert_true (jx_value_is_number ("１２"));
  g_assert_false (jx_value_is_number ("12%"));
  g_assert_false (jx_value_is_number ("1,23"));
  g_assert_false (jx_value_is_number (""));
}

/* The checks' reading of a value: what kind of target it names. */
static void
test_analyze (void)
{
  JxValueInfo info;

  jx_indicator_value_analyze ("≥95%", "万元", 2024, &info);
  g_assert_true (info.percent);
  g_assert_cmpfloat (info.max_percent, ==, 95);
  jx_indicator_value_analyze ("≤3万元", "万元", 2024, &info);
  g_assert_true (info.money && info.money_known);
  g_assert_cmpfloat (info.max_money, ==, 3);
  jx_indicator_value_analyze ("≤30000元", "万元", 2024, &info);
  g_assert_cmpfloat (info.max_money, ==, 3);
  jx_indicator_value_analyze ("2025年12月31日前", "万元", 2024, &info);
  g_assert_true (info.dated);
  g_assert_cmpuint (info.foreign_year, ==, 2025);
  jx_indicator_value_analyze ("2024-12-31", "万元", 2024, &info);
  g_assert_true (info.dated);
  g_assert_cmpuint (info.foreign_year, ==, 0);
  jx_indicator_value_analyze ("明显提升", "万元", 2024, &info);
  g_assert_true (info.grade);
  g_assert_false (info.has_number);
  jx_indicator_value_analyze ("两次", "万元", 2024, &info);
  g_assert_true (info.has_number);
  jx_indicator_value_analyze ("≥90", "万元", 2024, &info);
  g_assert_true (info.unitless);
  jx_indicator_value_analyze ("不低于90", "万元", 2024, &info);
  g_assert_true (info.unitless);
  jx_indicator_value_analyze ("约1,000", "万元", 2024, &info);
  g_assert_true (info.unitless);
  jx_indicator_value_analyze ("≥90分", "万元", 2024, &info);
  g_assert_false (info.unitless);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/indicator-value/parse", test_parse);
  g_test_add_func ("/indicator-value/round-trip", test_round_trip);
  g_test_add_func ("/indicator-value/from-parts", test_from_parts);
  g_test_add_func ("/indicator-value/operators", test_operators);
  g_test_add_func ("/indicator-value/analyze", test_analyze);
  return g_test_run ();
}
