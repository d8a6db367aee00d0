/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-checks.h"
#include "jx-member-path.h"
#include "jx-stage.h"
#include "jx-test-utils.h"

/* The review rules of the monitoring and the evaluation, on the example
 * with stage entries made in each test. */

#define M(x) ((JxMoney) ((x) * 1000000))

/* 人大代表活动经费: 61万元, plan 30% by 3月底, 60% by 6月底, …; six indicators,
 * the third (完成时间 2024年12月31日前完成) qualitative. */
#define PROJECT 2

static GPtrArray *
findings_of (JxDocument *document, const char *rule)
{
  g_autoptr(GPtrArray) all = jx_checks_run (document);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < all->len; i++)
    if (g_str_equal (jx_finding_get_rule_id (g_ptr_array_index (all, i)), rule))
      g_ptr_array_add (found, g_object_ref (g_ptr_array_index (all, i)));
  return found;
}

static guint
count_stage_findings (JxDocument *document)
{
  g_autoptr(GPtrArray) all = jx_checks_run (document);
  guint n = 0;

  for (guint i = 0; i < all->len; i++)
    {
      const char *rule = jx_finding_get_rule_id (g_ptr_array_index (all, i));

      n += g_str_has_prefix (rule, "monitoring-") || g_str_has_prefix (rule, "evaluation-");
    }
  return n;
}

static JxFinding *
only_finding (JxDocument *document, const char *rule, const char *path)
{
  g_autoptr(GPtrArray) found = findings_of (document, rule);

  if (found->len != 1)
    g_error ("%u findings of %s, expected one", found->len, rule);
  g_assert_cmpstr (jx_finding_get_path (g_ptr_array_index (found, 0)), ==, path);
  return g_object_ref (g_ptr_array_index (found, 0));
}

static void
assert_none (JxDocument *document, const char *rule)
{
  g_autoptr(GPtrArray) found = findings_of (document, rule);

  if (found->len > 0)
    g_error ("unexpected %s at %s: %s", rule, jx_finding_get_path (g_ptr_array_index (found, 0)),
             jx_finding_get_message (g_ptr_array_index (found, 0)));
}

/* Every project but one fully monitored and on plan, so that a test sees
 * only what it sets up. */
static JxDocument *
monitored (JxStage stage)
{
  JxDocument *document = jx_test_load_example ();
  GListModel *projects = jx_document_get_projects (document);

  jx_document_set_stage (document, stage);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      JxProject *project = jx_test_project_at (document, i);
      GListModel *indicators = jx_project_get_indicators (project);
      JxMoney total = jx_project_get_total (project);

      jx_project_set_monitoring_executed (project, total * 6 / 10);
      jx_project_set_monitoring_expected (project, total);
      jx_project_set_evaluation_executed (project, total);
      jx_project_set_evaluation_conclusion (project, "完成年度目标。");
      for (guint k = 0; k < g_list_model_get_n_items (indicators); k++)
        {
          JxIndicator *indicator = jx_test_indicator_at (project, k);

          jx_indicator_set_monitoring_actual (indicator, jx_indicator_get_value (indicator));
          jx_indicator_set_monitoring_likelihood (indicator, JX_LIKELIHOOD_CERTAIN);
          jx_indicator_set_evaluation_actual (indicator, jx_indicator_get_value (indicator));
          jx_indicator_set_evaluation_achievement (indicator, JX_ACHIEVEMENT_MET);
        }
    }
  return document;
}

static gboolean
no_extension_b (gunichar c, gpointer data)
{
  return c < 0x20000;
}

static guint
count_at (GPtrArray *findings, const char *rule, const char *path)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += g_str_equal (jx_finding_get_rule_id (g_ptr_array_index (findings, i)), rule) &&
         g_str_equal (jx_finding_get_path (g_ptr_array_index (findings, i)), path);
  return n;
}

/* The stage's texts print in its report and get the checks of printed
 * text: half-width punctuation, leftovers, characters no font has; not
 * other years (改进措施 speak of next year). Texts of another stage than
 * the document's are not its business. */
static void
test_stage_texts (void)
{
  g_autoptr(JxDocument) document = monitored (JX_STAGE_MONITORING);
  JxProject *project = jx_test_project_at (document, PROJECT);
  JxIndicator *indicator = jx_test_indicator_at (project, 0);
  g_autoptr(GPtrArray) findings = NULL;

  jx_indicator_set_monitoring_likelihood (indicator, JX_LIKELIHOOD_POSSIBLE);
  jx_indicator_set_monitoring_causes (indicator, JX_CAUSE_FUNDS);
  jx_indicator_set_monitoring_cause_note (indicator, "资金未及时到位,活动推迟.");
  jx_indicator_set_monitoring_measures (indicator, "2025年起按季度组织活动。");
  jx_indicator_set_monitoring_expected (indicator, ">=10次");
  jx_indicator_set_evaluation_analysis (indicator, "完成率$\\geq 95\\%$。");
  jx_project_set_evaluation_problems (project, "𠀀村调研推迟。");
  jx_project_set_evaluation_improvements (project, "XX月前完成。");

  findings = jx_checks_run_with_fonts (document, no_extension_b, NULL);
  g_assert_cmpuint (count_at (findings, "text-punctuation",
                              "projects[2].indicators[0].monitoring.note"), ==, 1);
  g_assert_cmpuint (count_at (findings, "text-leftover",
                              "projects[2].indicators[0].monitoring.expected"), ==, 1);
  g_assert_cmpuint (count_at (findings, "text-year",
                              "projects[2].indicators[0].monitoring.measures"), ==, 0);
  /* The evaluation's texts wait for the evaluation. */
  g_assert_cmpuint (count_at (findings, "text-leftover",
                              "projects[2].indicators[0].evaluation.analysis"), ==, 0);
  g_assert_cmpuint (count_at (findings, "text-glyph-missing", "projects[2].evaluation.problems"),
                    ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  jx_document_set_stage (document, JX_STAGE_EVALUATION);
  findings = jx_checks_run_with_fonts (document, no_extension_b, NULL);
  g_assert_cmpuint (count_at (findings, "text-leftover",
                              "projects[2].indicators[0].evaluation.analysis"), ==, 1);
  g_assert_cmpuint (count_at (findings, "text-leftover", "projects[2].evaluation.improvements"),
                    ==, 1);
  g_assert_cmpuint (count_at (findings, "text-glyph-missing", "projects[2].evaluation.problems"),
                    ==, 1);
  g_assert_cmpuint (count_at (findings, "text-punctuation",
                              "projects[2].indicators[0].monitoring.note"), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  jx_document_set_stage (document, JX_STAGE_GOALS);
  findings = jx_checks_run_with_fonts (document, no_extension_b, NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      const char *path = jx_finding_get_path (g_ptr_array_index (findings, i));

      g_assert_null (strstr (path, "monitoring"));
      g_assert_null (strstr (path, "evaluation"));
    }
}

static void
test_clean (void)
{
  g_autoptr(JxDocument) monitoring = monitored (JX_STAGE_MONITORING);
  g_autoptr(JxDocument) evaluation = monitored (JX_STAGE_EVALUATION);

  g_assert_cmpuint (count_stage_findings (monitoring), ==, 0);
  g_assert_cmpuint (count_stage_findings (evaluation), ==, 0);
}

/* A goal document, even with half-entered stage data, gets no stage rule. */
static void
test_goal_stage_silent (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  JxIndicator *indicator = jx_test_indicator_at (jx_test_project_at (document, 0), 0);

  jx_indicator_set_monitoring_likelihood (indicator, JX_LIKELIHOOD_IMPOSSIBLE);
  g_assert_cmpuint (count_stage_findings (document), ==, 0);
  jx_document_set_stage (document, JX_STAGE_MONITORING);
  g_assert_cmpuint (count_stage_findings (document), >, 0);
}

static void
test_behind_plan (void)
{
  g_autoptr(JxDocument) document = monitored (JX_STAGE_MONITORING);
  JxProject *project = jx_test_project_at (document, PROJECT);
  g_autoptr(JxFinding) finding = NULL;

  /* 21.35 of 61: 35%, where the plan has 60% by 6月底. */
  jx_project_set_monitoring_executed (project, M (21.35));
  finding = only_finding (document, "monitoring-behind-plan", "projects[2].monitoring.executed");
  g_assert_cmpint (jx_finding_get_severity (finding), ==, JX_SEVERITY_WARNING);
  g_assert_nonnull (strstr (jx_finding_get_message (finding), "60%"));
  g_assert_nonnull (strstr (jx_finding_get_message (finding), "35%"));
  g_assert_nonnull (strstr (jx_finding_get_message (finding), "6月"));

  /* At 7月 the plan still says 60% (its next checkpoint is 10月). */
  jx_document_set_monitoring_month (document, 7);
  g_clear_object (&finding);
  finding = only_finding (document, "monitoring-behind-plan", "projects[2].monitoring.executed");
  g_assert_nonnull (strstr (jx_finding_get_message (finding), "1–7月"));

  /* With the budget cut to 35.5, 21.35 is 60.1%: on plan. */
  jx_project_set_monitoring_adjusted_budget (project, M (35.5));
  assert_none (document, "monitoring-behind-plan");

  /* Before the first checkpoint nothing was planned. */
  jx_project_set_monitoring_adjusted_budget (project, JX_AMOUNT_UNSET);
  jx_document_set_monitoring_month (document, 2);
  assert_none (document, "monitoring-behind-plan");
}

static void
test_execution_missing_and_over (void)
{
  g_autoptr(JxDocument) document = monitored (JX_STAGE_MONITORING);
  JxProject *project = jx_test_project_at (document, PROJECT);
  g_autoptr(JxFinding) missing = NULL;
  g_autoptr(JxFinding) over = NULL;
  g_autoptr(JxFinding) expected = NULL;

  jx_project_set_monitoring_executed (project, JX_AMOUNT_UNSET);
  missing = only_finding (document, "monitoring-execution-missing", "projects[2].monitoring.executed");
  g_assert_cmpint (jx_finding_get_severity (missing), ==, JX_SEVERITY_ERROR);
  jx_project_set_monitoring_executed (project, M (62));
  over = only_finding (document, "monitoring-over-budget", "projects[2].monitoring.executed");
  g_assert_nonnull (strstr (jx_finding_get_message (over), "62.00"));
  jx_project_set_monitoring_executed (project, M (40));
  jx_project_set_monitoring_expected (project, JX_AMOUNT_UNSET);
  expected = only_finding (document, "monitoring-expected-missing", "projects[2].monitoring.expected");
  g_assert_cmpint (jx_finding_get_severity (expected), ==, JX_SEVERITY_WARNING);
}

static void
test_actual_missing (void)
{
  g_autoptr(JxDocument) document = monitored (JX_STAGE_MONITORING);
  JxProject *project = jx_test_project_at (document, PROJECT);
  g_autoptr(JxFinding) finding = NULL;

  jx_indicator_set_monitoring_actual (jx_test_indicator_at (project, 0), "");
  /* The qualitative 完成时间 needs no value to date. */
  jx_indicator_set_monitoring_actual (jx_test_indicator_at (project, 2), "");
  finding = only_finding (document, "monitoring-actual-missing",
                          "projects[2].indicators[0].monitoring.actual");
  g_assert_nonnull (strstr (jx_finding_get_message (finding), "≥10次"));
}

static void
test_cause_missing (void)
{
  g_autoptr(JxDocument) document = monitored (JX_STAGE_MONITORING);
  JxIndicator *indicator = jx_test_indicator_at (jx_test_project_at (document, PROJECT), 1);
  g_autoptr(JxFinding) both = NULL;
  g_autoptr(JxFinding) note = NULL;
  g_autoptr(JxFinding) causes = NULL;

  jx_indicator_set_monitoring_likelihood (indicator, JX_LIKELIHOOD_POSSIBLE);
  both = only_finding (document, "monitoring-cause-missing",
                       "projects[2].indicators[1].monitoring.causes");
  g_assert_cmpint (jx_finding_get_severity (both), ==, JX_SEVERITY_ERROR);
  g_assert_nonnull (strstr (jx_finding_get_message (both), "有可能"));

  jx_indicator_set_monitoring_causes (indicator, JX_CAUSE_STAFF);
  note = only_finding (document, "monitoring-cause-missing",
                       "projects[2].indicators[1].monitoring.note");
  jx_indicator_set_monitoring_causes (indicator, JX_CAUSE_NONE);
  jx_indicator_set_monitoring_cause_note (indicator, "调研人员抽调参加专项工作。");
  jx_indicator_set_monitoring_likelihood (indicator, JX_LIKELIHOOD_IMPOSSIBLE);
  causes = only_finding (document, "monitoring-cause-missing",
                         "projects[2].indicators[1].monitoring.causes");
  g_assert_nonnull (strstr (jx_finding_get_message (causes), "不可能"));
  jx_indicator_set_monitoring_causes (indicator, JX_CAUSE_STAFF | JX_CAUSE_OTHER);
  assert_none (document, "monitoring-cause-missing");

  jx_indicator_set_monitoring_likelihood (indicator, JX_LIKELIHOOD_NONE);
  g_object_unref (only_finding (document, "monitoring-likelihood-missing",
                                "projects[2].indicators[1].monitoring.likelihood"));
}

static void
test_evaluation_rows (void)
{
  g_autoptr(JxDocument) document = monitored (JX_STAGE_EVALUATION);
  JxProject *project = jx_test_project_at (document, PROJECT);
  g_autoptr(JxFinding) unit = NULL;

  jx_indicator_set_evaluation_actual (jx_test_indicator_at (project, 0), "");
  g_object_unref (only_finding (document, "evaluation-actual-missing",
                                "projects[2].indicators[0].evaluation.actual"));
  jx_indicator_set_evaluation_actual (jx_test_indicator_at (project, 0), "12人");
  unit = only_finding (document, "evaluation-actual-unit",
                       "projects[2].indicators[0].evaluation.actual");
  g_assert_nonnull (strstr (jx_finding_get_message (unit), "12人"));
  jx_indicator_set_evaluation_actual (jx_test_indicator_at (project, 0), "12次");

  /* A typed 得分 scores the row: an actual in words is the clerk's to judge,
   * but an empty one still leaves the form's column blank, and the message
   * does not pretend the row cannot be scored. */
  jx_indicator_set_evaluation_score (jx_test_indicator_at (project, 1), 10);
  jx_indicator_set_evaluation_actual (jx_test_indicator_at (project, 1), "基本完成");
  assert_none (document, "evaluation-actual-missing");
  jx_indicator_set_evaluation_actual (jx_test_indicator_at (project, 1), "");
  {
    g_autoptr(JxFinding) typed = only_finding (document, "evaluation-actual-missing",
                                               "projects[2].indicators[1].evaluation.actual");

    g_assert_nonnull (strstr (jx_finding_get_message (typed), "typed"));
  }
  jx_indicator_set_evaluation_actual (jx_test_indicator_at (project, 1), "5篇");
  jx_indicator_set_evaluation_score (jx_test_indicator_at (project, 1), JX_SCORE_UNSET);

  jx_indicator_set_evaluation_achievement (jx_test_indicator_at (project, 2), JX_ACHIEVEMENT_NONE);
  g_object_unref (only_finding (document, "evaluation-achievement-missing",
                                "projects[2].indicators[2].evaluation.achievement"));
  /* A typed score judges the row too. */
  jx_indicator_set_evaluation_score (jx_test_indicator_at (project, 2), 10);
  assert_none (document, "evaluation-achievement-missing");
  /* The default 分值 of an 产出 row here is 50 ÷ 4 = 12.5. */
  jx_indicator_set_evaluation_score (jx_test_indicator_at (project, 2), 13);
  g_object_unref (only_finding (document, "evaluation-score-over-weight",
                                "projects[2].indicators[2].evaluation.score"));
}

static void
test_weights (void)
{
  g_autoptr(JxDocument) document = monitored (JX_STAGE_EVALUATION);
  JxProject *project = jx_test_project_at (document, PROJECT);
  GListModel *indicators = jx_project_get_indicators (project);
  g_autoptr(JxFinding) sum = NULL;
  g_autoptr(JxFinding) missing = NULL;
  g_autoptr(JxFinding) total = NULL;

  for (guint k = 0; k < 6; k++)
    jx_indicator_set_evaluation_weight (jx_test_indicator_at (project, k), 15);
  assert_none (document, "evaluation-weights-not-90");
  jx_indicator_set_evaluation_weight (jx_test_indicator_at (project, 5), 5);
  sum = only_finding (document, "evaluation-weights-not-90", "projects[2].indicators");
  g_assert_nonnull (strstr (jx_finding_get_message (sum), "80"));

  /* 95 points of indicators, all met, and 10 for the budget: 105. */
  jx_indicator_set_evaluation_weight (jx_test_indicator_at (project, 5), 20);
  total = only_finding (document, "evaluation-total-over-100", "projects[2].evaluation");
  g_assert_nonnull (strstr (jx_finding_get_message (total), "105"));

  /* Default split without a 满意度 row: 80 of 90. */
  for (guint k = 0; k < 6; k++)
    jx_indicator_set_evaluation_weight (jx_test_indicator_at (project, k), JX_SCORE_UNSET);
  g_list_store_remove (G_LIST_STORE (indicators), 5);
  missing = only_finding (document, "evaluation-weights-not-90", "projects[2].indicators");
  g_assert_nonnull (strstr (jx_finding_get_message (missing), "满意度指标"));
}

static void
test_evaluation_project (void)
{
  g_autoptr(JxDocument) document = monitored (JX_STAGE_EVALUATION);
  JxProject *project = jx_test_project_at (document, PROJECT);

  jx_project_set_evaluation_executed (project, JX_AMOUNT_UNSET);
  jx_project_set_evaluation_conclusion (project, "  ");
  g_object_unref (only_finding (document, "evaluation-execution-missing",
                                "projects[2].evaluation.executed"));
  g_object_unref (only_finding (document, "evaluation-conclusion-missing",
                                "projects[2].evaluation.conclusion"));
}

static void
test_describe (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  const char *cases[][2] = {
    { "projects[2].monitoring.executed", "Project 3 “人大代表活动经费” · Monitoring · 1–6月执行数" },
    { "projects[2].indicators[1].monitoring.causes", "Project 3 “人大代表活动经费” · Indicator row 2 “调研报告完成数” · Monitoring · 偏差原因" },
    { "projects[2].indicators[0].evaluation.actual", "Project 3 “人大代表活动经费” · Indicator row 1 “开展代表活动次数” · Self-evaluation · 实际完成值" },
    { "projects[2].evaluation", "Project 3 “人大代表活动经费” · Self-evaluation" },
    { "projects[2].evaluation.conclusion", "Project 3 “人大代表活动经费” · Self-evaluation · 评价结论" },
  };

  jx_document_set_monitoring_month (document, 6);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *described = jx_member_path_describe_string (cases[i][0], document);

      g_assert_cmpstr (described, ==, cases[i][1]);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/checks-stage/clean", test_clean);
  g_test_add_func ("/checks-stage/goal-stage-silent", test_goal_stage_silent);
  g_test_add_func ("/checks-stage/monitoring-behind-plan", test_behind_plan);
  g_test_add_func ("/checks-stage/monitoring-execution", test_execution_missing_and_over);
  g_test_add_func ("/checks-stage/monitoring-actual-missing", test_actual_missing);
  g_test_add_func ("/checks-stage/monitoring-cause-missing", test_cause_missing);
  g_test_add_func ("/checks-stage/evaluation-rows", test_evaluation_rows);
  g_test_add_func ("/checks-stage/evaluation-weights", test_weights);
  g_test_add_func ("/checks-stage/evaluation-project", test_evaluation_project);
  g_test_add_func ("/checks-stage/describe", test_describe);
  g_test_add_func ("/checks-stage/stage-texts", test_stage_texts);
  return g_test_run ();
}
