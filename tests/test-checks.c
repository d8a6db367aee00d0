/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-checkpoint.h"
#include "jx-checks.h"
#include "jx-member-path.h"
#include "jx-document-io.h"
#include "jx-indicator.h"
#include "jx-test-utils.h"
#include "jx-text-item.h"

/* Every rule fires on a small change to a clean document, and stays quiet
 * on a near miss: the wording a careful clerk would use. */

static JxDocument *
load (const char *relative)
{
  return jx_test_load (relative);
}

static JxDocument *
clean (void)
{
  return load ("tests/fixtures/checks/clean.json");
}

static JxProject *
project (JxDocument *document, guint index)
{
  JxProject *p = g_list_model_get_item (jx_document_get_projects (document), index);

  g_object_unref (p);   /* the document keeps it */
  return p;
}

static JxIndicator *
indicator (JxDocument *document, guint p, guint index)
{
  JxIndicator *i = g_list_model_get_item (jx_project_get_indicators (project (document, p)), index);

  g_object_unref (i);
  return i;
}

static JxCheckpoint *
checkpoint (JxDocument *document, guint p, guint index)
{
  JxCheckpoint *c = g_list_model_get_item (jx_project_get_spending_plan (project (document, p)),
                                           index);

  g_object_unref (c);
  return c;
}

static void
set_goal (JxDocument *document, guint p, guint index, const char *text)
{
  g_autoptr(JxTextItem) goal = g_list_model_get_item (jx_project_get_goals (project (document, p)),
                                                      index);

  jx_text_item_set_text (goal, text);
}

static void
set_value (JxDocument *document, guint p, guint index, const char *value)
{
  jx_indicator_set_value (indicator (document, p, index), value);
}

static void
set_plan (JxDocument *document, guint p, const guint *months, const double *percents, guint n)
{
  GListStore *plan = G_LIST_STORE (jx_project_get_spending_plan (project (document, p)));

  g_list_store_remove_all (plan);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxCheckpoint) point = jx_checkpoint_new (months[i], percents[i]);

      g_list_store_append (plan, point);
    }
}

static guint
count_rule (GPtrArray *findings, const char *rule, const char *path, JxFinding **found)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      JxFinding *finding = g_ptr_array_index (findings, i);

      if (g_str_equal (jx_finding_get_rule_id (finding), rule) &&
          (path == NULL || g_str_equal (jx_finding_get_path (finding), path)))
        {
          if (found != NULL && n == 0)
            *found = finding;
          n++;
        }
    }
  return n;
}

static void
dump (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      JxFinding *f = g_ptr_array_index (findings, i);

      g_test_message ("%s: %s: %s [%s]", jx_finding_get_path (f),
                      jx_severity_to_string (jx_finding_get_severity (f)),
                      jx_finding_get_message (f), jx_finding_get_rule_id (f));
    }
}

/* Fires exactly once at path; returns the message for further asserts. */
static char *
assert_fires (JxDocument *document, const char *rule, const char *path)
{
  g_autoptr(GPtrArray) findings = jx_checks_run (document);
  JxFinding *found = NULL;
  guint n = count_rule (findings, rule, path, &found);

  dump (findings);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (jx_finding_get_severity (found), ==, jx_checks_find_rule (rule)->severity);
  g_assert_cmpint (jx_finding_get_project (found), ==, jx_checks_path_project (path));
  return g_strdup (jx_finding_get_message (found));
}

static void
assert_quiet (JxDocument *document, const char *rule)
{
  g_autoptr(GPtrArray) findings = jx_checks_run (document);

  dump (findings);
  g_assert_cmpuint (count_rule (findings, rule, NULL, NULL), ==, 0);
}

static void
test_clean (void)
{
  g_autoptr(JxDocument) document = clean ();
  g_autoptr(GPtrArray) findings = jx_checks_run (document);

  dump (findings);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_funds_zero (void)
{
  g_autoptr(JxDocument) document = clean ();

  jx_project_set_fiscal (project (document, 1), 0);
  jx_project_set_usage (project (document, 1), "主要用于举办干部培训班。");
  assert_quiet (document, "funds-zero");   /* 其他资金 alone is a budget */
  jx_project_set_other (project (document, 1), 0);
  g_free (assert_fires (document, "funds-zero", "projects[1].funds"));
}

static void
test_funds_usage (void)
{
  g_autoptr(JxDocument) document = clean ();
  g_autofree char *message = NULL;

  jx_project_set_fiscal (project (document, 0), 60 * JX_MONEY_SCALE);
  message = assert_fires (document, "funds-usage-mismatch", "projects[0].usage");
  g_assert_nonnull (strstr (message, "60.00"));
  /* In 元 and agreeing; or saying no amount at all. */
  jx_project_set_usage (project (document, 0), "预算数600000元，主要用于办公楼屋面防水维修。");
  assert_quiet (document, "funds-usage-mismatch");
  jx_project_set_usage (project (document, 0), "主要用于办公楼屋面防水维修。");
  assert_quiet (document, "funds-usage-mismatch");
  /* Other amounts under similar words: a multi-year total, a higher level's share. */
  jx_project_set_usage (project (document, 0), "项目总预算数200万元，本年上级财政资金30万元。");
  assert_quiet (document, "funds-usage-mismatch");
  jx_project_set_usage (project (document, 0), "预算数60万元，其中：财政资金50万元。");
  g_free (assert_fires (document, "funds-usage-mismatch", "projects[0].usage"));
}

static void
test_plan_missing (void)
{
  g_autoptr(JxDocument) document = clean ();

  assert_quiet (document, "plan-missing");
  set_plan (document, 0, NULL, NULL, 0);
  g_free (assert_fires (document, "plan-missing", "projects[0].spending_plan"));
}

static void
test_plan_month_order (void)
{
  g_autoptr(JxDocument) document = clean ();

  assert_quiet (document, "plan-month-order");
  jx_checkpoint_set_month (checkpoint (document, 0, 2), 5);
  g_free (assert_fires (document, "plan-month-order", "projects[0].spending_plan[2].month"));
}

static void
test_plan_decreasing (void)
{
  g_autoptr(JxDocument) document = clean ();
  const guint months[] = { 3, 6, 9, 12 };
  const double steady[] = { 50, 50, 100, 100 };
  const double falling[] = { 50, 60, 40, 100 };

  set_plan (document, 0, months, steady, 4);   /* no spending in spring: fine */
  assert_quiet (document, "plan-decreasing");
  set_plan (document, 0, months, falling, 4);
  g_free (assert_fires (document, "plan-decreasing", "projects[0].spending_plan[2].percent"));
}

static void
test_plan_flat (void)
{
  g_autoptr(JxDocument) document = clean ();
  const guint months[] = { 3, 6, 10, 12 };
  const double pauses[] = { 60, 60, 100, 100 };
  const double flat[] = { 30, 30, 30, 30 };

  set_plan (document, 0, months, pauses, 4);
  assert_quiet (document, "plan-flat");
  set_plan (document, 0, months, flat, 4);
  g_free (assert_fires (document, "plan-flat", "projects[0].spending_plan"));
}

static void
test_plan_incomplete (void)
{
  g_autoptr(JxDocument) document = clean ();
  const guint early[] = { 3, 10 };
  const double early_percents[] = { 40, 100 };

  set_plan (document, 1, early, early_percents, 2);   /* all spent by October */
  assert_quiet (document, "plan-incomplete");
  jx_checkpoint_set_percent (checkpoint (document, 0, 3), 90);
  g_free (assert_fires (document, "plan-incomplete", "projects[0].spending_plan[3].percent"));
}

static void
test_goals_missing (void)
{
  g_autoptr(JxDocument) document = clean ();
  GListStore *goals = G_LIST_STORE (jx_project_get_goals (project (document, 1)));

  g_list_store_remove (goals, 0);
  assert_quiet (document, "goals-missing");
  set_goal (document, 1, 0, "  ");
  g_free (assert_fires (document, "goals-missing", "projects[1].goals"));
}

static void
test_overview_missing (void)
{
  g_autoptr(JxDocument) document = clean ();
  JxProject *p = project (document, 0);

  jx_project_set_overview_goal (p, "");
  jx_project_set_overview_indicator_summary (p, "");
  assert_quiet (document, "overview-missing");
  jx_project_set_overview_description (p, "");
  g_free (assert_fires (document, "overview-missing", "projects[0].overview"));
}

static void
test_indicators_missing (void)
{
  g_autoptr(JxDocument) document = clean ();

  assert_quiet (document, "indicators-missing");
  g_list_store_remove_all (G_LIST_STORE (jx_project_get_indicators (project (document, 0))));
  g_free (assert_fires (document, "indicators-missing", "projects[0].indicators"));
  /* No pile of category findings on top of it. */
  assert_quiet (document, "indicator-level1-missing");
}

static void
test_level1_missing (void)
{
  g_autoptr(JxDocument) document = clean ();
  g_autofree char *message = NULL;

  assert_quiet (document, "indicator-level1-missing");
  g_list_store_remove (G_LIST_STORE (jx_project_get_indicators (project (document, 0))), 5);
  message = assert_fires (document, "indicator-level1-missing", "projects[0].indicators");
  g_assert_nonnull (strstr (message, "满意度指标"));
}

static void
test_output_level2_missing (void)
{
  g_autoptr(JxDocument) document = clean ();
  g_autofree char *message = NULL;

  /* Project 1 has its cost as a 一级 成本指标, the 2021 layout. */
  assert_quiet (document, "indicator-output-level2-missing");
  g_list_store_remove (G_LIST_STORE (jx_project_get_indicators (project (document, 0))), 2);
  message = assert_fires (document, "indicator-output-level2-missing", "projects[0].indicators");
  g_assert_nonnull (strstr (message, "时效指标"));
  g_assert_null (strstr (message, "数量指标"));
}

static void
test_category_unknown (void)
{
  g_autoptr(JxDocument) document = clean ();
  g_autofree char *message = NULL;
  g_autofree char *message1 = NULL;

  assert_quiet (document, "indicator-category-unknown");
  jx_indicator_set_level2 (indicator (document, 0, 4), "社会效益");
  message = assert_fires (document, "indicator-category-unknown", "projects[0].indicators[4].level2");
  g_assert_nonnull (strstr (message, "“社会效益指标”"));
  jx_indicator_set_level2 (indicator (document, 0, 4), "社会效益指标");
  jx_indicator_set_level1 (indicator (document, 0, 5), "满意指标");
  message1 = assert_fires (document, "indicator-category-unknown", "projects[0].indicators[5].level1");
  g_assert_nonnull (strstr (message1, "“满意度指标”"));
}

static void
test_category_misplaced (void)
{
  g_autoptr(JxDocument) document = clean ();

  jx_indicator_set_level1 (indicator (document, 1, 3), "成本指标");
  jx_indicator_set_level2 (indicator (document, 1, 3), "成本指标");
  assert_quiet (document, "indicator-category-misplaced");
  jx_indicator_set_level1 (indicator (document, 0, 0), "效益指标");
  g_free (assert_fires (document, "indicator-category-misplaced", "projects[0].indicators[0].level2"));
}

/* 效果指标 of the former framework: the current form's name is given, and
 * its rows still count as benefit and satisfaction, misplaced nowhere. */
static void
test_category_former (void)
{
  g_autoptr(JxDocument) document = clean ();
  g_autofree char *benefit = NULL;
  g_autofree char *satisfaction = NULL;

  jx_indicator_set_level1 (indicator (document, 0, 4), "效果指标");
  jx_indicator_set_level1 (indicator (document, 0, 5), "效果指标");
  benefit = assert_fires (document, "indicator-category-unknown", "projects[0].indicators[4].level1");
  g_assert_nonnull (strstr (benefit, "“效益指标”"));
  satisfaction = assert_fires (document, "indicator-category-unknown", "projects[0].indicators[5].level1");
  g_assert_nonnull (strstr (satisfaction, "“满意度指标”"));
  assert_quiet (document, "indicator-category-misplaced");
  assert_quiet (document, "indicator-level1-missing");
}

static void
test_name_duplicate (void)
{
  g_autoptr(JxDocument) document = clean ();

  /* The same indicator in two projects is normal. */
  jx_indicator_set_name (indicator (document, 1, 0), "维修面积");
  assert_quiet (document, "indicator-name-duplicate");
  jx_indicator_set_name (indicator (document, 0, 1), "维修面积");
  g_free (assert_fires (document, "indicator-name-duplicate", "projects[0].indicators[1].name"));
}

static void
test_value_missing (void)
{
  g_autoptr(JxDocument) document = clean ();

  assert_quiet (document, "indicator-value-missing");
  set_value (document, 0, 0, " ");
  g_free (assert_fires (document, "indicator-value-missing", "projects[0].indicators[0].value"));
  assert_quiet (document, "indicator-value-unmeasurable");
}

static void
test_value_unmeasurable (void)
{
  g_autoptr(JxDocument) document = clean ();
  const char *grades[] = { "较好", "有效提升", "符合国家相关标准", "达标", "两次", "社会效益显著" };

  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    {
      set_value (document, 0, 4, grades[i]);
      assert_quiet (document, "indicator-value-unmeasurable");
    }
  set_value (document, 0, 4, "依据相关政策标准");
  g_free (assert_fires (document, "indicator-value-unmeasurable", "projects[0].indicators[4].value"));
  /* A number alone does not say what is counted. */
  set_value (document, 0, 4, "明显改善");
  set_value (document, 0, 5, "≥90");
  g_free (assert_fires (document, "indicator-value-unmeasurable", "projects[0].indicators[5].value"));
}

static void
test_time_not_date (void)
{
  g_autoptr(JxDocument) document = clean ();
  const char *deadlines[] = { "≤30个工作日", "年底前完成", "2024-10-31", "10月底前", "全年",
                              "每季度1次" };

  for (guint i = 0; i < G_N_ELEMENTS (deadlines); i++)
    {
      set_value (document, 0, 2, deadlines[i]);
      assert_quiet (document, "indicator-time-not-date");
    }
  jx_indicator_set_name (indicator (document, 0, 2), "按时完工率");
  set_value (document, 0, 2, "100%");
  assert_quiet (document, "indicator-time-not-date");
  jx_indicator_set_name (indicator (document, 0, 2), "完工时间");
  set_value (document, 0, 2, "≥95%");
  g_free (assert_fires (document, "indicator-time-not-date", "projects[0].indicators[2].value"));
}

static void
test_cost_not_amount (void)
{
  g_autoptr(JxDocument) document = clean ();
  g_autofree char *message = NULL;

  jx_indicator_set_name (indicator (document, 0, 3), "成本节约率");
  set_value (document, 0, 3, "≥5%");
  assert_quiet (document, "indicator-cost-not-amount");
  jx_indicator_set_name (indicator (document, 0, 3), "维修工程成本");
  set_value (document, 0, 3, "≥95%");
  message = assert_fires (document, "indicator-cost-not-amount", "projects[0].indicators[3].value");
  g_assert_nonnull (strstr (message, "≤50.00万元"));
  /* Only the economic cost is money: social costs may be described. */
  set_value (document, 0, 3, "≤50万元");
  jx_indicator_set_level2 (indicator (document, 1, 3), "社会成本指标");
  set_value (document, 1, 3, "无");
  assert_quiet (document, "indicator-cost-not-amount");
}

static void
test_cost_over_budget (void)
{
  g_autoptr(JxDocument) document = clean ();

  set_value (document, 0, 3, "≤500000元");   /* exactly the 50万元 budget */
  assert_quiet (document, "indicator-cost-over-budget");
  set_value (document, 0, 3, "≤80万元");
  g_free (assert_fires (document, "indicator-cost-over-budget", "projects[0].indicators[3].value"));
}

static void
test_percent_over_100 (void)
{
  g_autoptr(JxDocument) document = clean ();

  jx_indicator_set_name (indicator (document, 0, 4), "收入增长率");
  set_value (document, 0, 4, "≥120%");
  assert_quiet (document, "indicator-percent-over-100");
  set_value (document, 0, 1, "≥120%");
  g_free (assert_fires (document, "indicator-percent-over-100", "projects[0].indicators[1].value"));
}

static void
test_date_outside_year (void)
{
  g_autoptr(JxDocument) document = clean ();
  g_autofree char *message = NULL;

  set_value (document, 0, 2, "2024.10.31");
  assert_quiet (document, "indicator-date-outside-year");
  /* A value that ends in a year is a number, not a date; it was read past
   * its end (AddressSanitizer: heap-buffer-overflow). */
  set_value (document, 0, 2, "2025");
  assert_quiet (document, "indicator-date-outside-year");
  set_value (document, 0, 2, "≥2024");
  assert_quiet (document, "indicator-date-outside-year");
  set_value (document, 0, 2, "2025年3月31日前");
  message = assert_fires (document, "indicator-date-outside-year", "projects[0].indicators[2].value");
  g_assert_nonnull (strstr (message, "2025"));
}

static void
test_unit_mismatch (void)
{
  g_autoptr(JxDocument) document = clean ();

  jx_indicator_set_name (indicator (document, 0, 0), "女性干部人数占比");
  set_value (document, 0, 0, "≥30%");
  assert_quiet (document, "indicator-unit-mismatch");
  jx_indicator_set_name (indicator (document, 0, 0), "检查频率");
  set_value (document, 0, 0, "每月1次");
  assert_quiet (document, "indicator-unit-mismatch");
  jx_indicator_set_name (indicator (document, 0, 0), "参与政府决策活动次数");
  set_value (document, 0, 0, "≥95%");
  g_free (assert_fires (document, "indicator-unit-mismatch", "projects[0].indicators[0].value"));
  set_value (document, 0, 0, "≥3次");
  set_value (document, 0, 1, "≥5个");
  g_free (assert_fires (document, "indicator-unit-mismatch", "projects[0].indicators[1].value"));
  set_value (document, 0, 1, "100%");
  jx_indicator_set_name (indicator (document, 0, 4), "维修金额");
  set_value (document, 0, 4, "≥5次");
  g_free (assert_fires (document, "indicator-unit-mismatch", "projects[0].indicators[4].value"));
}

/* Part 1 names indicators in running text; the same rule reads them. */
static void
test_unit_mismatch_part1 (void)
{
  g_autoptr(JxDocument) document = clean ();
  JxProject *p = project (document, 0);

  jx_project_set_overview_indicator_summary (p, "加强监督。督办率≥95%；上报人数≥30人。");
  assert_quiet (document, "indicator-unit-mismatch");
  jx_project_set_overview_indicator_summary (p, "加强监督。督办率≥95%；上报建议和意见数量≥95%。");
  g_free (assert_fires (document, "indicator-unit-mismatch", "projects[0].overview.indicator_summary"));
}

static void
test_copy_goal (void)
{
  g_autoptr(JxDocument) document = clean ();
  g_autofree char *message = NULL;

  set_goal (document, 0, 1, "按计划完成。");
  set_goal (document, 1, 1, "按计划完成。");   /* a set phrase, too short to judge */
  assert_quiet (document, "copy-goal");
  set_goal (document, 1, 0, "完成办公楼屋面防水维修1200平方米，消除漏雨隐患。");
  message = assert_fires (document, "copy-goal", "projects[1].goals[0]");
  g_assert_nonnull (strstr (message, "Project 1 “办公楼屋面维修” · Performance goal 1"));
}

static void
test_copy_overview (void)
{
  g_autoptr(JxDocument) document = clean ();
  JxProject *p = project (document, 1);

  /* Repeating oneself inside one project is not copying. */
  jx_project_set_overview_goal (p, jx_project_get_overview_description (p));
  assert_quiet (document, "copy-overview");
  jx_project_set_overview_goal (p, jx_project_get_overview_goal (project (document, 0)));
  g_free (assert_fires (document, "copy-overview", "projects[1].overview.goal"));
}

static void
copy_rows (JxDocument *document, guint from, guint to, guint n)
{
  GListStore *target = G_LIST_STORE (jx_project_get_indicators (project (document, to)));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxIndicator) copy = jx_indicator_copy (indicator (document, from, i));

      g_list_store_splice (target, i, 1, (gpointer *) &copy, 1);
    }
}

static void
test_copy_indicators (void)
{
  g_autoptr(JxDocument) document = clean ();
  g_autoptr(JxIndicator) satisfaction = jx_indicator_copy (indicator (document, 0, 5));
  GListStore *rows = G_LIST_STORE (jx_project_get_indicators (project (document, 1)));

  /* Two shared rows and the satisfaction row are normal. */
  copy_rows (document, 0, 1, 2);
  g_list_store_splice (rows, 5, 1, (gpointer *) &satisfaction, 1);
  assert_quiet (document, "copy-indicators");
  copy_rows (document, 0, 1, 4);
  g_free (assert_fires (document, "copy-indicators", "projects[1].indicators"));
}

static void
test_project_name_duplicate (void)
{
  g_autoptr(JxDocument) document = clean ();

  assert_quiet (document, "project-name-duplicate");
  jx_project_set_name (project (document, 1), "办公楼屋面维修");
  g_free (assert_fires (document, "project-name-duplicate", "projects[1].name"));
}

static void
test_project_code_duplicate (void)
{
  g_autoptr(JxDocument) document = clean ();

  assert_quiet (document, "project-code-duplicate");
  jx_project_set_code (project (document, 1), "201001P0001");
  g_free (assert_fires (document, "project-code-duplicate", "projects[1].code"));
}

/* What a draft has not filled in yet: reported once, not as a misspelling
 * and not as a duplicate of another empty one. */
static void
test_project_name_missing (void)
{
  g_autoptr(JxDocument) document = clean ();

  assert_quiet (document, "project-name-missing");
  jx_project_set_name (project (document, 0), " ");
  jx_project_set_name (project (document, 1), "");
  g_free (assert_fires (document, "project-name-missing", "projects[0].name"));
  g_free (assert_fires (document, "project-name-missing", "projects[1].name"));
  assert_quiet (document, "project-name-duplicate");
}

static void
test_project_code_missing (void)
{
  g_autoptr(JxDocument) document = clean ();

  assert_quiet (document, "project-code-missing");
  jx_project_set_code (project (document, 0), "");
  jx_project_set_code (project (document, 1), "");
  g_free (assert_fires (document, "project-code-missing", "projects[0].code"));
  g_free (assert_fires (document, "project-code-missing", "projects[1].code"));
  assert_quiet (document, "project-code-duplicate");
}

static void
test_category_missing (void)
{
  g_autoptr(JxDocument) document = clean ();
  g_autofree char *message = NULL;

  assert_quiet (document, "indicator-category-missing");
  jx_indicator_set_level1 (indicator (document, 0, 1), "");
  g_free (assert_fires (document, "indicator-category-missing", "projects[0].indicators[1].level1"));
  assert_quiet (document, "indicator-category-unknown");
  jx_indicator_set_level1 (indicator (document, 0, 1), "产出指标");
  jx_indicator_set_level2 (indicator (document, 0, 1), "");
  message = assert_fires (document, "indicator-category-missing", "projects[0].indicators[1].level2");
  g_assert_nonnull (strstr (message, "产出指标"));
  assert_quiet (document, "indicator-category-unknown");
}

static void
test_indicator_name_missing (void)
{
  g_autoptr(JxDocument) document = clean ();

  assert_quiet (document, "indicator-name-missing");
  jx_indicator_set_name (indicator (document, 0, 1), "");
  jx_indicator_set_name (indicator (document, 0, 2), "");
  g_free (assert_fires (document, "indicator-name-missing", "projects[0].indicators[1].name"));
  g_free (assert_fires (document, "indicator-name-missing", "projects[0].indicators[2].name"));
  assert_quiet (document, "indicator-name-duplicate");
}

static void
test_text_year (void)
{
  g_autoptr(JxDocument) document = clean ();

  /* The clean document compares with 2023, spans 2021–2025 and cites a
   * 2019 regulation by title: none of that is a stale year. */
  assert_quiet (document, "text-year");
  set_goal (document, 0, 1, "2023年底前改善机关办公环境。");
  g_free (assert_fires (document, "text-year", "projects[0].goals[1]"));
}

static void
test_text_punctuation (void)
{
  g_autoptr(JxDocument) document = clean ();
  g_autofree char *message = NULL;

  set_goal (document, 0, 1, "(1)资金1.5万元，详见www.example.gov.cn。");
  assert_quiet (document, "text-punctuation");
  set_goal (document, 0, 1, "改善机关办公环境,保障日常工作正常运转。");
  message = assert_fires (document, "text-punctuation", "projects[0].goals[1]");
  g_assert_nonnull (strstr (message, "，"));
  set_goal (document, 0, 1, "改善机关办公环境。");
  jx_indicator_set_description (indicator (document, 0, 0), "发挥主体作用.");
  g_free (assert_fires (document, "text-punctuation", "projects[0].indicators[0].description"));
}

static void
test_text_leftover (void)
{
  g_autoptr(JxDocument) document = clean ();

  assert_quiet (document, "text-leftover");
  jx_project_set_overview_indicator_summary (project (document, 0), "合格率 $\\geq 95\\%$ 。");
  g_free (assert_fires (document, "text-leftover", "projects[0].overview.indicator_summary"));
  jx_project_set_overview_indicator_summary (project (document, 0), "合格率≥95%。");
  set_goal (document, 1, 0, "举办培训班XX期。");
  g_free (assert_fires (document, "text-leftover", "projects[1].goals[0]"));
}

/* The bundled example is a real department's document: these are its
 * real problems, and nothing else. */
static void
test_example (void)
{
  static const char * const expected[][2] = {
    { "projects[0].overview.indicator_summary", "indicator-unit-mismatch" },
    { "projects[0].indicators[4].value", "indicator-unit-mismatch" },
    { "projects[1].indicators[3].value", "indicator-cost-not-amount" },
    { "projects[3].overview.goal", "copy-overview" },
    { "projects[3].overview.indicator_summary", "copy-overview" },
    { "projects[3].indicators[2].value", "indicator-time-not-date" },
    { "projects[3].indicators[2].description", "text-punctuation" },
    { "projects[3].indicators[3].value", "indicator-cost-not-amount" },
    { "projects[3].indicators[3].description", "text-punctuation" },
    { "projects[4].overview.goal", "copy-overview" },
    { "projects[4].overview.indicator_summary", "copy-overview" },
    { "projects[5].spending_plan", "plan-flat" },
    { "projects[5].spending_plan[3].percent", "plan-incomplete" },
  };
  g_autoptr(JxDocument) document = load ("data/examples/zunhua-renda-2024.json");
  g_autoptr(GPtrArray) findings = jx_checks_run (document);
  guint errors, warnings, hints;

  dump (findings);
  g_assert_cmpuint (findings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < findings->len; i++)
    {
      JxFinding *finding = g_ptr_array_index (findings, i);

      g_assert_cmpstr (jx_finding_get_path (finding), ==, expected[i][0]);
      g_assert_cmpstr (jx_finding_get_rule_id (finding), ==, expected[i][1]);
    }
  g_assert_nonnull (strstr (jx_finding_get_message (g_ptr_array_index (findings, 0)),
                            "上报建议和意见数量"));
  g_assert_nonnull (strstr (jx_finding_get_message (g_ptr_array_index (findings, 1)),
                            "参与政府决策活动次数"));
  g_assert_nonnull (strstr (jx_finding_get_message (g_ptr_array_index (findings, 3)),
                            "人大代表活动经费"));
  g_assert_nonnull (strstr (jx_finding_get_message (g_ptr_array_index (findings, 9)),
                            "人大八届四次会议费"));

  jx_checks_count (findings, &errors, &warnings, &hints);
  g_assert_cmpuint (errors, ==, 1);
  g_assert_cmpuint (warnings, ==, 10);
  g_assert_cmpuint (hints, ==, 2);
  g_assert_cmpint (jx_checks_worst_for_project (findings, 5), ==, JX_SEVERITY_ERROR);
  g_assert_cmpint (jx_checks_worst_for_project (findings, 3), ==, JX_SEVERITY_WARNING);
  g_assert_cmpint (jx_checks_worst_for_project (findings, 2), ==, JX_SEVERITY_NONE);
  g_assert_cmpint (jx_checks_worst_for_project (findings, 6), ==, JX_SEVERITY_NONE);
}

static void
test_path_project (void)
{
  g_assert_cmpint (jx_checks_path_project ("projects[12].indicators[2].value"), ==, 12);
  g_assert_cmpint (jx_checks_path_project ("projects[0]"), ==, 0);
  g_assert_cmpint (jx_checks_path_project ("overall.points[1]"), ==, -1);
  g_assert_cmpint (jx_checks_path_project ("projects[x]"), ==, -1);
  g_assert_cmpint (jx_checks_path_project ("projects[99999999999]"), ==, -1);
}

static void
test_describe_path (void)
{
  g_autoptr(JxDocument) document = clean ();
  const char *cases[][2] = {
    { "projects[1].goals[1]", "Project 2 “干部教育培训” · Performance goal 2" },
    { "projects[0].indicators[3].value", "Project 1 “办公楼屋面维修” · Indicator row 4 “维修工程成本” · Target value" },
    { "projects[0].indicators[3].level2", "Project 1 “办公楼屋面维修” · Indicator row 4 “维修工程成本” · Level 2" },
    { "projects[0].indicators", "Project 1 “办公楼屋面维修” · Indicators" },
    { "projects[0].overview.goal", "Project 1 “办公楼屋面维修” · Part 1 entry · Goal" },
    { "projects[0].spending_plan[3].percent", "Project 1 “办公楼屋面维修” · Spending plan row 4 · Share spent" },
    { "projects[1]", "Project 2 “干部教育培训”" },
    { "overall.points[1]", "Overall goals · Point 2" },
    { "measures[0].body", "Guarantee measure 1 · Text" },
    { "projects[7].goals[0]", "Project 8 · Performance goal 1" },
    { "nonsense[", "nonsense[" },
    /* Numbers past an int are not places, and must not overflow. */
    { "measures[2147483647]", "measures[2147483647]" },
    { "overall.points[2147483647]", "overall.points[2147483647]" },
    { "overall.points[99999999999]", "overall.points[99999999999]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *described = jx_member_path_describe_string (cases[i][0], document);

      g_assert_cmpstr (described, ==, cases[i][1]);
    }
}

/* docs/checks.md documents every rule the engine has, under its id. */
static void
test_rules_documented (void)
{
  g_autofree char *path = jx_test_source_path ("docs/checks.md");
  g_autofree char *docs = jx_test_read_file (path, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;
  const JxRule *rules = jx_checks_get_rules (&n);

  g_assert_cmpuint (n, >=, 30);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *heading = g_strdup_printf ("### `%s`", rules[i].id);

      g_assert_false (g_hash_table_contains (seen, rules[i].id));
      g_hash_table_add (seen, (gpointer) rules[i].id);
      g_assert_true (rules[i].severity >= JX_SEVERITY_HINT);
      g_assert_true (jx_checks_find_rule (rules[i].id) == &rules[i]);
      if (strstr (docs, heading) == NULL)
        g_error ("docs/checks.md lacks %s", heading);
    }
  g_assert_null (jx_checks_find_rule ("no-such-rule"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checks/clean", test_clean);
  g_test_add_func ("/checks/funds-zero", test_funds_zero);
  g_test_add_func ("/checks/funds-usage-mismatch", test_funds_usage);
  g_test_add_func ("/checks/plan-missing", test_plan_missing);
  g_test_add_func ("/checks/plan-month-order", test_plan_month_order);
  g_test_add_func ("/checks/plan-decreasing", test_plan_decreasing);
  g_test_add_func ("/checks/plan-flat", test_plan_flat);
  g_test_add_func ("/checks/plan-incomplete", test_plan_incomplete);
  g_test_add_func ("/checks/goals-missing", test_goals_missing);
  g_test_add_func ("/checks/overview-missing", test_overview_missing);
  g_test_add_func ("/checks/indicators-missing", test_indicators_missing);
  g_test_add_func ("/checks/indicator-level1-missing", test_level1_missing);
  g_test_add_func ("/checks/indicator-output-level2-missing", test_output_level2_missing);
  g_test_add_func ("/checks/indicator-category-unknown", test_category_unknown);
  g_test_add_func ("/checks/indicator-category-misplaced", test_category_misplaced);
  g_test_add_func ("/checks/indicator-name-duplicate", test_name_duplicate);
  g_test_add_func ("/checks/indicator-category-former", test_category_former);
  g_test_add_func ("/checks/indicator-category-missing", test_category_missing);
  g_test_add_func ("/checks/indicator-name-missing", test_indicator_name_missing);
  g_test_add_func ("/checks/project-name-missing", test_project_name_missing);
  g_test_add_func ("/checks/project-code-missing", test_project_code_missing);
  g_test_add_func ("/checks/indicator-value-missing", test_value_missing);
  g_test_add_func ("/checks/indicator-value-unmeasurable", test_value_unmeasurable);
  g_test_add_func ("/checks/indicator-time-not-date", test_time_not_date);
  g_test_add_func ("/checks/indicator-cost-not-amount", test_cost_not_amount);
  g_test_add_func ("/checks/indicator-cost-over-budget", test_cost_over_budget);
  g_test_add_func ("/checks/indicator-percent-over-100", test_percent_over_100);
  g_test_add_func ("/checks/indicator-date-outside-year", test_date_outside_year);
  g_test_add_func ("/checks/indicator-unit-mismatch", test_unit_mismatch);
  g_test_add_func ("/checks/indicator-unit-mismatch-part1", test_unit_mismatch_part1);
  g_test_add_func ("/checks/copy-goal", test_copy_goal);
  g_test_add_func ("/checks/copy-overview", test_copy_overview);
  g_test_add_func ("/checks/copy-indicators", test_copy_indicators);
  g_test_add_func ("/checks/project-name-duplicate", test_project_name_duplicate);
  g_test_add_func ("/checks/project-code-duplicate", test_project_code_duplicate);
  g_test_add_func ("/checks/text-year", test_text_year);
  g_test_add_func ("/checks/text-punctuation", test_text_punctuation);
  g_test_add_func ("/checks/text-leftover", test_text_leftover);
  g_test_add_func ("/checks/example", test_example);
  g_test_add_func ("/checks/path-project", test_path_project);
  g_test_add_func ("/checks/describe-path", test_describe_path);
  g_test_add_func ("/checks/rules-documented", test_rules_documented);

  return g_test_run ();
}
