/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jx-checks-private.h"

/* The rules on one 指标值. They run in a chain and the first that fires
 * ends it: one clear finding per value, not three about the same words. */

static const char * const rate_words[] = { "率", "比例", "占比", NULL };

static gboolean
names_growth (const char *name)
{
  static const char * const words[] = { "增长", "增幅", "增加", "提高", "提升", "同比", "比上年",
                                        "倍", NULL };

  return jx_text_contains_any (name, words);
}

static gboolean
check_percent (JxChecker *c, const char *suffix, const char *name, const JxValueInfo *info)
{
  if (info->max_percent <= 100 || names_growth (name))
    return FALSE;
  jx_checker_report (c, RULE_PERCENT_OVER_100, suffix,
                     _("%g%% is more than the whole: a share, rate or degree cannot exceed 100%%. "
                       "Correct the value."), info->max_percent);
  return TRUE;
}

static gboolean
check_year (JxChecker *c, const char *suffix, const JxValueInfo *info)
{
  if (info->foreign_year == 0)
    return FALSE;
  jx_checker_report (c, RULE_DATE_OUTSIDE_YEAR, suffix,
                     _("The value names the year %u, but this is the %u budget: a target must be "
                       "met within the budget year. Correct the date."),
                     info->foreign_year, c->year);
  return TRUE;
}

static gboolean
check_time (JxChecker *c, const char *suffix, const char *name, const JxValueInfo *info)
{
  static const char * const timely[] = { "率", "比例", "占比", "及时", "按时", "按期", "准时",
                                         NULL };

  if (info->dated || (info->percent && jx_text_contains_any (name, timely)))
    return FALSE;
  jx_checker_report (c, RULE_TIME_NOT_DATE, suffix,
                     _("A 时效指标 must give a date or deadline, not this value: write e.g. "
                       "“%u年12月31日前完成” or “≤30天”, or name the indicator as a rate "
                       "(e.g. “按时完成率”) if a percentage is meant."), c->year);
  return TRUE;
}

static gboolean
check_cost (JxChecker *c, const char *suffix, const char *name, const JxValueInfo *info)
{
  g_autofree char *budget = jx_money_format (c->total);

  if (info->money && info->money_known && c->total > 0 &&
      info->max_money > jx_money_to_double (c->total) * (1 + 1e-9))
    {
      jx_checker_report (c, RULE_COST_OVER_BUDGET, suffix,
                         _("The cost target is more than the project’s budget of %s %s: "
                           "lower it or correct the funds."), budget, c->unit);
      return TRUE;
    }
  if (info->money || (info->percent && jx_text_contains_any (name, rate_words)))
    return FALSE;
  jx_checker_report (c, RULE_COST_NOT_AMOUNT, suffix,
                     _("A 成本指标 must give an amount of money, not this value: write e.g. "
                       "“≤%s%s”."), budget, c->unit);
  return TRUE;
}

static gboolean
check_units (JxChecker *c, const char *suffix, const char *name, const JxValueInfo *info)
{
  static const char * const counts[] = { "次数", "个数", "人数", "件数", "户数", "场次", "人次",
                                         "项数", "篇数", "家数", "数量", NULL };
  static const char * const not_rates[] = { "频率", "效率", "功率", "速率", NULL };
  static const char * const money[] = { "成本", "金额", "费用", "经费", "造价", "单价", "价格",
                                        NULL };
  static const char * const not_money[] = { "率", "比", "性", "时", "期", "次数", "个数", "人数",
                                            "数量", NULL };
  gboolean rate = jx_text_contains_any (name, rate_words) &&
                  !jx_text_contains_any (name, not_rates);

  if (!rate && info->percent && jx_text_contains_any (name, counts))
    jx_checker_report (c, RULE_UNIT_MISMATCH, suffix,
                       _("“%s” counts something, but the value is a percentage: give the number "
                         "with its unit, e.g. “≥10次”."), name);
  else if (rate && info->has_number && !info->percent)
    jx_checker_report (c, RULE_UNIT_MISMATCH, suffix,
                       _("“%s” is a rate, but the value is not a percentage: write it as e.g. "
                         "“≥95%%”."), name);
  else if (jx_text_contains_any (name, money) && !jx_text_contains_any (name, not_money) &&
           info->has_number && !info->money)
    jx_checker_report (c, RULE_UNIT_MISMATCH, suffix,
                       _("“%s” is an amount of money, but the value is not: give it in %s, "
                         "e.g. “≤10%s”."), name, c->unit, c->unit);
  else
    return FALSE;
  return TRUE;
}

static gboolean
check_measurable (JxChecker *c, const char *suffix, const JxValueInfo *info)
{
  if (info->unitless)
    {
      jx_checker_report (c, RULE_VALUE_UNMEASURABLE, suffix,
                         _("The value is a number without a unit, so it does not say what is "
                           "counted: add the unit, e.g. “≥90%%”, “≥90分” or “≥10次”."));
      return TRUE;
    }
  if (info->has_number || info->grade || info->dated)
    return FALSE;
  jx_checker_report (c, RULE_VALUE_UNMEASURABLE, suffix,
                     _("The value is neither a number with a unit nor a grade, so nobody can tell "
                       "afterwards whether it was met: write e.g. “≥95%%”, “≥10次” or a grade such "
                       "as “好”, “较好”, “达标”."));
  return TRUE;
}

static gboolean
check_clause (JxChecker *c, const char *suffix, const char *clause, gsize length)
{
  g_autofree char *text = g_strndup (clause, length);
  const char *at = strstr (text, "≥");
  g_autofree char *name = NULL;
  JxValueInfo info;

  if (at == NULL)
    at = strstr (text, "≤");
  if (at == NULL || at == text)
    return FALSE;
  name = g_strndup (text, at - text);
  jx_indicator_value_analyze (at, c->unit, c->year, &info);
  return check_units (c, suffix, g_strstrip (name), &info);
}

/* Part 1 lists indicators in running text: "调研、视察及时率≥95%；关注民生
 * 工作落实率≥95%。" Each clause with a comparator is a name and a value. */
void
jx_checks_summary_units (JxChecker  *c,
                         const char *text,
                         const char *suffix)
{
  static const char *separators = "；;。，,、：:";
  const char *clause = text;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch != 0 && g_utf8_strchr (separators, -1, ch) == NULL)
        continue;
      if (check_clause (c, suffix, clause, p - clause) || ch == 0)
        return;
      clause = g_utf8_next_char (p);
    }
}

void
jx_checks_indicator_value (JxChecker   *c,
                           JxIndicator *indicator,
                           const char  *suffix)
{
  const char *value = jx_indicator_get_value (indicator);
  const char *name = jx_indicator_get_name (indicator);
  const char *level2 = jx_indicator_get_level2 (indicator);
  JxTextMemo *memo;
  JxValueInfo info;

  if (jx_text_is_blank (value))
    {
      jx_checker_report (c, RULE_VALUE_MISSING, suffix,
                         _("The 指标值 is empty: write the target, e.g. “≥95%%”, “≤3万元” or "
                           "“%u年12月31日前”."), c->year);
      return;
    }
  memo = jx_checker_memo (c, value);
  if (memo == NULL)
    jx_indicator_value_analyze (value, c->unit, c->year, &info);
  else
    {
      /* The unit and the year are the run's: a value's reading is its own. */
      if (!(memo->known & MEMO_VALUE))
        jx_indicator_value_analyze (value, c->unit, c->year, &memo->value);
      memo->known |= MEMO_VALUE;
      info = memo->value;
    }
  if (check_percent (c, suffix, name, &info) || check_year (c, suffix, &info))
    return;
  if (strstr (level2, "时效") != NULL && check_time (c, suffix, name, &info))
    return;
  if ((g_str_equal (level2, "成本指标") || g_str_equal (level2, "经济成本指标")) &&
      check_cost (c, suffix, name, &info))
    return;
  if (check_units (c, suffix, name, &info))
    return;
  check_measurable (c, suffix, &info);
}
