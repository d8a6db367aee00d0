/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "jx-scoring.h"
#include "jx-test-utils.h"

/* The 自评 scores on constructed rows of every kind, and the project's total
 * with and without 分值. */

#define M(x) ((JxMoney) ((x) * 1000000))

static JxIndicator *
row (const char *level1, const char *level2, const char *value, const char *actual)
{
  JxIndicator *indicator = jx_indicator_new (level1, level2, "指标", "", value, "");

  jx_indicator_set_evaluation_actual (indicator, actual);
  return indicator;
}

static JxRowScore
score_of (JxIndicator *indicator, double weight)
{
  JxRowScore score;

  jx_score_row (indicator, weight, "万元", &score);
  return score;
}

static void
assert_row (const char *value, const char *actual, double weight, double expected,
            JxScoreRule rule, JxScoreStatus status)
{
  g_autoptr(JxIndicator) indicator = row ("产出指标", "数量指标", value, actual);
  JxRowScore score = score_of (indicator, weight);

  if (score.status != status || score.rule != rule ||
      !G_APPROX_VALUE (score.score, expected, 1e-9))
    g_error ("“%s” with actual “%s” worth %g: rule %d status %d score %g, expected rule %d "
             "status %d score %g", value, actual, weight, score.rule, score.status, score.score,
             rule, status, expected);
}

static void
test_at_least (void)
{
  assert_row ("≥95%", "96%", 10, 10, JX_SCORE_RULE_AT_LEAST, JX_SCORE_OK);
  assert_row ("≥95%", "95%", 10, 10, JX_SCORE_RULE_AT_LEAST, JX_SCORE_OK);
  /* 80 ÷ 95 × 10 = 8.421… */
  assert_row ("≥95%", "80%", 10, 8.42, JX_SCORE_RULE_AT_LEAST, JX_SCORE_OK);
  /* Over-achieved: capped at the 分值. */
  assert_row ("≥10次", "25次", 6, 6, JX_SCORE_RULE_AT_LEAST, JX_SCORE_OK);
  /* Zero actual: nothing. */
  assert_row ("≥10次", "0次", 6, 0, JX_SCORE_RULE_AT_LEAST, JX_SCORE_OK);
  /* No unit in the actual means the target's. */
  assert_row ("≥10次", "5", 6, 3, JX_SCORE_RULE_AT_LEAST, JX_SCORE_OK);
  /* > scores like ≥. */
  assert_row (">1,000人次", "500人次", 8, 4, JX_SCORE_RULE_AT_LEAST, JX_SCORE_OK);
  /* A target of 0 cannot be missed. */
  assert_row ("≥0次", "0次", 5, 5, JX_SCORE_RULE_AT_LEAST, JX_SCORE_OK);
}

static void
test_at_most (void)
{
  assert_row ("≤3万元", "2.5万元", 10, 10, JX_SCORE_RULE_AT_MOST, JX_SCORE_OK);
  assert_row ("≤3万元", "3万元", 10, 10, JX_SCORE_RULE_AT_MOST, JX_SCORE_OK);
  /* 3 ÷ 4 × 10 */
  assert_row ("≤3万元", "4万元", 10, 7.5, JX_SCORE_RULE_AT_MOST, JX_SCORE_OK);
  /* The same amount in 元: 40,000元 = 4万元. */
  assert_row ("≤3万元", "40000元", 10, 7.5, JX_SCORE_RULE_AT_MOST, JX_SCORE_OK);
  /* Zero actual on a ceiling: met. */
  assert_row ("≤5%", "0%", 4, 4, JX_SCORE_RULE_AT_MOST, JX_SCORE_OK);
  /* A ceiling of 0 with something spent: nothing. */
  assert_row ("≤0起", "2起", 4, 0, JX_SCORE_RULE_AT_MOST, JX_SCORE_OK);
  assert_row ("<10天", "20天", 6, 3, JX_SCORE_RULE_AT_MOST, JX_SCORE_OK);
}

static void
test_equal (void)
{
  assert_row ("1套", "1套", 10, 10, JX_SCORE_RULE_EQUAL, JX_SCORE_OK);
  assert_row ("=100%", "100%", 10, 10, JX_SCORE_RULE_EQUAL, JX_SCORE_OK);
  assert_row ("1套", "2套", 10, 0, JX_SCORE_RULE_EQUAL, JX_SCORE_OK);
  assert_row ("1套", "0套", 10, 0, JX_SCORE_RULE_EQUAL, JX_SCORE_OK);
}

static void
test_missing_and_mismatch (void)
{
  assert_row ("≥95%", "", 10, 0, JX_SCORE_RULE_AT_LEAST, JX_SCORE_NO_ACTUAL);
  assert_row ("≥95%", "基本完成", 10, 0, JX_SCORE_RULE_AT_LEAST, JX_SCORE_NO_ACTUAL);
  assert_row ("≥10次", "12人", 10, 0, JX_SCORE_RULE_AT_LEAST, JX_SCORE_UNIT_MISMATCH);
  assert_row ("≤3万元", "2%", 10, 0, JX_SCORE_RULE_AT_MOST, JX_SCORE_UNIT_MISMATCH);
}

static void
test_qualitative (void)
{
  static const struct { JxAchievement choice; double score; JxScoreStatus status; } cases[] = {
    { JX_ACHIEVEMENT_MET, 8, JX_SCORE_OK },
    { JX_ACHIEVEMENT_PARTIAL, 4, JX_SCORE_OK },
    { JX_ACHIEVEMENT_NOT_MET, 0, JX_SCORE_OK },
    { JX_ACHIEVEMENT_NONE, 0, JX_SCORE_NO_CHOICE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JxIndicator) indicator = row ("产出指标", "时效指标", "2024年12月31日前", "按期完成");
      JxRowScore score;

      jx_indicator_set_evaluation_achievement (indicator, cases[i].choice);
      score = score_of (indicator, 8);
      g_assert_cmpint (score.rule, ==, JX_SCORE_RULE_QUALITATIVE);
      g_assert_cmpint (score.status, ==, cases[i].status);
      g_assert_cmpfloat (score.score, ==, cases[i].score);
    }
  /* A grade is qualitative too, whatever the actual says. */
  {
    g_autoptr(JxIndicator) indicator = row ("效益指标", "社会效益指标", "好", "好");
    g_assert_cmpint (score_of (indicator, 5).status, ==, JX_SCORE_NO_CHOICE);
  }
}

static void
test_override (void)
{
  g_autoptr(JxIndicator) indicator = row ("产出指标", "数量指标", "≥10次", "5次");
  JxRowScore score;
  g_autofree char *why = NULL;

  jx_indicator_set_evaluation_score (indicator, 4.5);
  score = score_of (indicator, 6);
  g_assert_true (score.overridden);
  g_assert_cmpfloat (score.computed, ==, 3);
  g_assert_cmpfloat (score.score, ==, 4.5);
  why = jx_row_score_explain (&score);
  g_assert_nonnull (strstr (why, "4.5"));
  g_assert_nonnull (strstr (why, "5 ÷ target 10"));
}

static void
test_explanations (void)
{
  g_autoptr(JxIndicator) indicator = row ("产出指标", "质量指标", "≥95%", "80%");
  JxRowScore score = score_of (indicator, 10);
  g_autofree char *why = jx_row_score_explain (&score);

  g_assert_cmpstr (why, ==, "At least the target: min (1, actual 80 ÷ target 95) × 10 = 8.42.");
}

/* An actual without a unit is read in the target's: the explanation says
 * so, and for a share written as a fraction how to write it. */
static void
test_explain_reading (void)
{
  g_autoptr(JxIndicator) share = row ("产出指标", "质量指标", "≥95%", "0.98");
  g_autoptr(JxIndicator) plain = row ("产出指标", "数量指标", "≥10次", "12");
  g_autoptr(JxIndicator) money = row ("产出指标", "成本指标", "≤3万元", "28500元");
  JxRowScore score = score_of (share, 10);
  g_autofree char *why = jx_row_score_explain (&score);
  g_autofree char *why_plain = NULL;
  g_autofree char *why_money = NULL;

  g_assert_cmpfloat (score.computed, ==, 0.1);
  g_assert_cmpstr (why, ==, "At least the target: min (1, actual 0.98 ÷ target 95) × 10 = 0.1. "
                   "The actual 0.98 has no unit, so it is read as 0.98%. If it is a share, "
                   "write it as 98%.");
  score = score_of (plain, 10);
  why_plain = jx_row_score_explain (&score);
  g_assert_nonnull (strstr (why_plain, "read as 12次."));
  g_assert_null (strstr (why_plain, "share"));
  score = score_of (money, 10);
  why_money = jx_row_score_explain (&score);
  g_assert_nonnull (strstr (why_money, "The actual 28500元 is 2.85万元."));
}

static void
test_pure_rule (void)
{
  g_assert_cmpfloat (jx_score_by_rule (JX_SCORE_RULE_AT_LEAST, 9, 3, 1, 0), ==, 3);
  g_assert_cmpfloat (jx_score_by_rule (JX_SCORE_RULE_AT_LEAST, 10, 3, -1, 0), ==, 0);
  g_assert_cmpfloat (jx_score_by_rule (JX_SCORE_RULE_AT_MOST, 10, 3, 0, 0), ==, 10);
  g_assert_cmpfloat (jx_score_by_rule (JX_SCORE_RULE_QUALITATIVE, 5, 0, 0, JX_ACHIEVEMENT_PARTIAL),
                     ==, 2.5);
  g_assert_cmpfloat (jx_score_execution (58), ==, 5.8);
  g_assert_cmpfloat (jx_score_execution (120), ==, 10);
  g_assert_cmpfloat (jx_score_execution (-1), ==, 0);
  g_assert_cmpstr (jx_score_grade (90), ==, "优");
  g_assert_cmpstr (jx_score_grade (89.99), ==, "良");
  g_assert_cmpstr (jx_score_grade (60), ==, "中");
  g_assert_cmpstr (jx_score_grade (59.5), ==, "差");
}

static void
test_format (void)
{
  static const struct { double points; const char *text; } cases[] = {
    { 10, "10" }, { 9.5, "9.5" }, { 8.333333, "8.33" }, { 0, "0" }, { 16.666666, "16.67" },
    { 0.004, "0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = jx_score_format (cases[i].points);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* What a clerk types in a 分值 or 得分 cell. */
static void
test_parse (void)
{
  static const struct { const char *text; gboolean ok; double points; } cases[] = {
    { "9.5", TRUE, 9.5 }, { " 12 ", TRUE, 12 }, { "９．５", TRUE, 9.5 }, { "8分", TRUE, 8 },
    { "0", TRUE, 0 }, { "-1", TRUE, -1 }, { "", FALSE, 0 }, { "  ", FALSE, 0 },
    { "≥9", FALSE, 0 }, { "9%", FALSE, 0 }, { "九", FALSE, 0 }, { "9.5次", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double points = 1234;

      g_assert_cmpint (jx_score_parse (cases[i].text, &points), ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpfloat_with_epsilon (points, cases[i].points, 1e-9);
    }
}

static JxProject *
project_with_rows (void)
{
  JxProject *project = jx_project_new ("P1", "项目");
  GListStore *rows = G_LIST_STORE (jx_project_get_indicators (project));
  JxIndicator *indicators[] = {
    row ("产出指标", "数量指标", "≥10次", "10次"),
    row ("产出指标", "质量指标", "≥95%", "95%"),
    row ("产出指标", "时效指标", "2024年12月31日前", ""),
    row ("效益指标", "社会效益指标", "≥90%", "45%"),
    row ("满意度指标", "服务对象满意度指标", "≥90%", "99%"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    {
      g_list_store_append (rows, indicators[i]);
      g_object_unref (indicators[i]);
    }
  jx_indicator_set_evaluation_achievement (indicators[2], JX_ACHIEVEMENT_MET);
  jx_project_set_fiscal (project, M (100));
  jx_project_set_evaluation_executed (project, M (95));
  return project;
}

/* Without 分值: 产出 50 over its three rows, 效益 30, 满意度 10. */
static void
test_default_weights (void)
{
  g_autoptr(JxProject) project = project_with_rows ();
  g_autoptr(JxProjectScore) score = jx_project_score_new (project, "万元");
  g_autofree char *why = NULL;

  g_assert_true (score->weights_default);
  g_assert_cmpuint (score->n_rows, ==, 5);
  /* 50 among three rows, in hundredths as printed: 16.67 + 16.67 + 16.66. */
  g_assert_cmpfloat (score->rows[0].weight, ==, 16.67);
  g_assert_cmpfloat (score->rows[1].weight, ==, 16.67);
  g_assert_cmpfloat (score->rows[2].weight, ==, 16.66);
  g_assert_cmpfloat (score->rows[3].weight, ==, 30);
  g_assert_cmpfloat (score->rows[4].weight, ==, 10);
  g_assert_cmpfloat (score->weights_total, ==, 90);
  g_assert_cmpfloat (score->rows[0].score, ==, 16.67);
  g_assert_cmpfloat (score->rows[2].score, ==, 16.66);
  g_assert_cmpfloat (score->rows[3].score, ==, 15);
  /* 16.67 + 16.67 + 16.66 + 15 + 10 */
  g_assert_cmpfloat (score->rows_total, ==, 75);
  g_assert_cmpfloat (score->rate, ==, 95);
  g_assert_cmpfloat (score->execution_score, ==, 9.5);
  g_assert_cmpfloat (score->total, ==, 84.5);
  g_assert_cmpstr (jx_score_grade (score->total), ==, "良");
  why = jx_row_score_explain (&score->rows[0]);
  g_assert_nonnull (strstr (why, "50 points of its group are shared by its 3 rows"));
  g_free (why);
  /* The only 效益 row is not "shared by its 1 row". */
  why = jx_row_score_explain (&score->rows[3]);
  g_assert_nonnull (strstr (why, "the only one of its group, so it has all of its 30 points"));
}

/* Every target met, no 分值 set, groups that do not divide evenly (50 among
 * 3, 30 among 7, 10 among 6): the 分值 add up to 90 and the total is 100,
 * never 100.01, which the checks would call more than 100. */
static void
test_default_weights_full_marks (void)
{
  g_autoptr(JxProject) project = jx_project_new ("P1", "项目");
  GListStore *rows = G_LIST_STORE (jx_project_get_indicators (project));
  const struct { const char *level1, *level2; guint n; } groups[] = {
    { "产出指标", "数量指标", 3 }, { "效益指标", "社会效益指标", 7 },
    { "满意度指标", "服务对象满意度指标", 6 },
  };
  g_autoptr(JxProjectScore) score = NULL;
  double weights = 0;

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint i = 0; i < groups[g].n; i++)
      {
        g_autoptr(JxIndicator) indicator = row (groups[g].level1, groups[g].level2, "≥10次",
                                                "10次");

        g_list_store_append (rows, indicator);
      }
  jx_project_set_fiscal (project, M (100));
  jx_project_set_evaluation_executed (project, M (100));
  score = jx_project_score_new (project, "万元");
  g_assert_true (score->weights_default);
  for (guint i = 0; i < score->n_rows; i++)
    {
      /* Whole hundredths, as the 分值 column prints them. */
      g_assert_cmpfloat_with_epsilon (score->rows[i].weight * 100,
                                      round (score->rows[i].weight * 100), 1e-6);
      g_assert_cmpfloat (score->rows[i].score, ==, score->rows[i].weight);
      weights += score->rows[i].weight;
    }
  g_assert_cmpfloat_with_epsilon (weights, 90, 1e-9);
  g_assert_cmpfloat (score->weights_total, ==, 90);
  g_assert_cmpfloat (score->rows_total, ==, 90);
  g_assert_cmpfloat (score->total, ==, 100);
  /* 30 among 7: 4.29 for the first four rows, 4.28 for the other three. */
  g_assert_cmpfloat (score->rows[3].weight, ==, 4.29);
  g_assert_cmpfloat (score->rows[9].weight, ==, 4.28);
}

/* Once any row has a 分值, the rest count for nothing (the checks say so). */
static void
test_set_weights (void)
{
  g_autoptr(JxProject) project = project_with_rows ();
  g_autoptr(JxProjectScore) score = NULL;

  jx_indicator_set_evaluation_weight (jx_test_indicator_at (project, 0), 20);
  jx_indicator_set_evaluation_weight (jx_test_indicator_at (project, 3), 40);
  score = jx_project_score_new (project, "万元");
  g_assert_false (score->weights_default);
  g_assert_cmpfloat (score->rows[0].weight, ==, 20);
  g_assert_cmpfloat (score->rows[1].weight, ==, 0);
  g_assert_cmpfloat (score->weights_total, ==, 60);
  g_assert_cmpfloat (score->rows_total, ==, 40);
}

static void
test_execution (void)
{
  g_autoptr(JxProject) project = project_with_rows ();
  g_autofree char *why = NULL;

  {
    g_autoptr(JxProjectScore) score = NULL;

    /* Spending more than the budget earns no more than 10. */
    jx_project_set_evaluation_executed (project, M (130));
    score = jx_project_score_new (project, "万元");
    g_assert_cmpfloat (score->execution_score, ==, 10);
  }
  {
    g_autoptr(JxProjectScore) score = NULL;

    jx_project_set_evaluation_executed (project, JX_AMOUNT_UNSET);
    score = jx_project_score_new (project, "万元");
    g_assert_cmpfloat (score->rate, ==, -1);
    g_assert_cmpfloat (score->execution_score, ==, 0);
    why = jx_project_score_explain_execution (score);
    g_assert_nonnull (strstr (why, "全年执行数"));
  }
  {
    g_autoptr(JxProjectScore) score = NULL;

    jx_project_set_evaluation_execution_score (project, 7);
    score = jx_project_score_new (project, "万元");
    g_assert_true (score->execution_overridden);
    g_assert_cmpfloat (score->execution_score, ==, 7);
  }
}

static void
test_groups (void)
{
  g_assert_cmpint (jx_score_group_of ("成本指标", "经济成本指标"), ==, JX_SCORE_GROUP_OUTPUT);
  g_assert_cmpint (jx_score_group_of ("效果指标", "服务对象满意度指标"), ==, JX_SCORE_GROUP_SATISFACTION);
  g_assert_cmpint (jx_score_group_of ("效果指标", "社会效益指标"), ==, JX_SCORE_GROUP_BENEFIT);
  g_assert_cmpint (jx_score_group_of ("其他指标", "其他"), ==, JX_SCORE_GROUP_NONE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scoring/at-least", test_at_least);
  g_test_add_func ("/scoring/at-most", test_at_most);
  g_test_add_func ("/scoring/equal", test_equal);
  g_test_add_func ("/scoring/missing-and-mismatch", test_missing_and_mismatch);
  g_test_add_func ("/scoring/qualitative", test_qualitative);
  g_test_add_func ("/scoring/override", test_override);
  g_test_add_func ("/scoring/explanations", test_explanations);
  g_test_add_func ("/scoring/explain-reading", test_explain_reading);
  g_test_add_func ("/scoring/pure-rule", test_pure_rule);
  g_test_add_func ("/scoring/format", test_format);
  g_test_add_func ("/scoring/parse", test_parse);
  g_test_add_func ("/scoring/default-weights", test_default_weights);
  g_test_add_func ("/scoring/default-weights-full-marks", test_default_weights_full_marks);
  g_test_add_func ("/scoring/set-weights", test_set_weights);
  g_test_add_func ("/scoring/execution", test_execution);
  g_test_add_func ("/scoring/groups", test_groups);
  return g_test_run ();
}
