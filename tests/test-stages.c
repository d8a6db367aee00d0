/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-checkpoint.h"
#include "jx-document-io.h"
#include "jx-error.h"
#include "jx-scoring.h"
#include "jx-stage.h"
#include "jx-test-utils.h"
#include "jx-undo.h"

/* The monitoring and evaluation members of the model: defaults, setters,
 * notifications a form binds to, copies, undo and clearing. */

#define M(x) ((JxMoney) ((x) * 1000000))

static void
count_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static guint
notify_count (gpointer object, const char *name, guint *count)
{
  g_autofree char *signal = g_strconcat ("notify::", name, NULL);

  *count = 0;
  return g_signal_connect (object, signal, G_CALLBACK (count_cb), count);
}

static void
test_defaults (void)
{
  g_autoptr(JxDocument) document = jx_document_new ();
  g_autoptr(JxProject) project = jx_project_new ("P1", "项目");
  g_autoptr(JxIndicator) indicator = jx_indicator_new ("产出指标", "数量指标", "次数", "", "≥10次", "");

  g_assert_cmpint (jx_document_get_stage (document), ==, JX_STAGE_GOALS);
  g_assert_cmpuint (jx_document_get_monitoring_month (document), ==, 6);
  g_assert_cmpint (jx_project_get_monitoring_executed (project), ==, JX_AMOUNT_UNSET);
  g_assert_cmpint (jx_project_get_monitoring_adjusted_budget (project), ==, JX_AMOUNT_UNSET);
  g_assert_cmpint (jx_project_get_evaluation_executed (project), ==, JX_AMOUNT_UNSET);
  g_assert_cmpfloat (jx_project_get_monitoring_rate (project), ==, -1);
  g_assert_cmpfloat (jx_project_get_evaluation_execution_score (project), ==, JX_SCORE_UNSET);
  g_assert_cmpstr (jx_project_get_evaluation_conclusion (project), ==, "");
  g_assert_false (jx_project_has_stage_data (project, JX_STAGE_MONITORING));
  g_assert_false (jx_project_has_stage_data (project, JX_STAGE_EVALUATION));

  g_assert_cmpstr (jx_indicator_get_monitoring_actual (indicator), ==, "");
  g_assert_cmpint (jx_indicator_get_monitoring_likelihood (indicator), ==, JX_LIKELIHOOD_NONE);
  g_assert_cmpint (jx_indicator_get_monitoring_causes (indicator), ==, JX_CAUSE_NONE);
  g_assert_cmpfloat (jx_indicator_get_evaluation_weight (indicator), ==, JX_SCORE_UNSET);
  g_assert_cmpfloat (jx_indicator_get_evaluation_score (indicator), ==, JX_SCORE_UNSET);
  g_assert_cmpint (jx_indicator_get_evaluation_achievement (indicator), ==, JX_ACHIEVEMENT_NONE);
  g_assert_false (jx_indicator_has_stage_data (indicator, JX_STAGE_MONITORING));
}

static void
test_words (void)
{
  JxStage stage;
  JxLikelihood likelihood;
  JxCauses cause;
  JxAchievement achievement;
  g_autofree char *causes = jx_causes_to_label (JX_CAUSE_OTHER | JX_CAUSE_FUNDS);

  g_assert_cmpstr (jx_stage_to_string (JX_STAGE_EVALUATION), ==, "evaluation");
  g_assert_true (jx_stage_from_string ("monitoring", &stage));
  g_assert_cmpint (stage, ==, JX_STAGE_MONITORING);
  g_assert_false (jx_stage_from_string ("Monitoring", &stage));
  g_assert_true (jx_likelihood_from_string ("impossible", &likelihood));
  g_assert_cmpint (likelihood, ==, JX_LIKELIHOOD_IMPOSSIBLE);
  g_assert_false (jx_likelihood_from_string ("none", &likelihood));
  g_assert_null (jx_likelihood_to_string (JX_LIKELIHOOD_NONE));
  g_assert_true (jx_cause_from_string ("equipment", &cause));
  g_assert_cmpint (cause, ==, JX_CAUSE_EQUIPMENT);
  g_assert_cmpstr (jx_cause_to_string (JX_CAUSE_STAFF), ==, "staff");
  g_assert_null (jx_cause_to_string (JX_CAUSE_STAFF | JX_CAUSE_RULES));
  g_assert_true (jx_achievement_from_string ("not-met", &achievement));
  g_assert_cmpint (achievement, ==, JX_ACHIEVEMENT_NOT_MET);
  g_assert_cmpstr (jx_likelihood_to_label (JX_LIKELIHOOD_POSSIBLE), ==, "有可能");
  g_assert_cmpstr (jx_achievement_to_label (JX_ACHIEVEMENT_PARTIAL), ==, "部分达成");
  /* In the forms' order, whatever order they were chosen in. */
  g_assert_cmpstr (causes, ==, "经费保障、其他");
}

/* A form bound to the rates sees them change with the amounts they come
 * from, the project's own budget included. */
static void
test_rates_follow (void)
{
  g_autoptr(JxProject) project = jx_project_new ("P1", "项目");
  guint rate_changes, executed_changes;

  jx_project_set_fiscal (project, M (60));
  notify_count (project, "monitoring-rate", &rate_changes);
  notify_count (project, "monitoring-executed", &executed_changes);

  jx_project_set_monitoring_executed (project, M (21));
  g_assert_cmpuint (executed_changes, ==, 1);
  g_assert_cmpuint (rate_changes, ==, 1);
  g_assert_cmpfloat_with_epsilon (jx_project_get_monitoring_rate (project), 35, 1e-9);
  jx_project_set_monitoring_executed (project, M (21));
  g_assert_cmpuint (executed_changes, ==, 1);

  /* The adjusted budget replaces the 预算数 as the base. */
  jx_project_set_monitoring_adjusted_budget (project, M (70));
  g_assert_cmpuint (rate_changes, ==, 2);
  g_assert_cmpfloat_with_epsilon (jx_project_get_monitoring_rate (project), 30, 1e-9);
  jx_project_set_monitoring_adjusted_budget (project, JX_AMOUNT_UNSET);
  g_assert_cmpuint (rate_changes, ==, 3);
  jx_project_set_other (project, M (10));
  g_assert_cmpuint (rate_changes, ==, 4);
  g_assert_cmpfloat_with_epsilon (jx_project_get_monitoring_rate (project), 30, 1e-9);

  /* The full year's budget falls back to the adjusted one, then the 预算数. */
  jx_project_set_evaluation_executed (project, M (56));
  g_assert_cmpfloat_with_epsilon (jx_project_get_evaluation_rate (project), 80, 1e-9);
  jx_project_set_monitoring_adjusted_budget (project, M (80));
  g_assert_cmpfloat_with_epsilon (jx_project_get_evaluation_rate (project), 70, 1e-9);
  jx_project_set_evaluation_budget (project, M (56));
  g_assert_cmpfloat_with_epsilon (jx_project_get_evaluation_rate (project), 100, 1e-9);
  g_assert_cmpint (jx_project_get_evaluation_full_budget (project), ==, M (56));
}

static void
test_zero_budget_rate (void)
{
  g_autoptr(JxProject) project = jx_project_new ("P1", "项目");

  jx_project_set_monitoring_executed (project, M (1));
  g_assert_cmpfloat (jx_project_get_monitoring_rate (project), ==, -1);
}

static JxProject *
planned_project (const char *code, double budget, const guint *months, const double *percents,
                 guint n)
{
  JxProject *project = jx_project_new (code, "项目");
  GListStore *plan = G_LIST_STORE (jx_project_get_spending_plan (project));

  jx_project_set_fiscal (project, M (budget));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxCheckpoint) point = jx_checkpoint_new (months[i], percents[i]);

      g_list_store_append (plan, point);
    }
  return project;
}

/* The plan's share by a month-end is its last checkpoint not after it. */
static void
test_planned_percent (void)
{
  const guint months[] = { 3, 6, 10, 12 };
  const double percents[] = { 30, 60, 90, 100 };
  g_autoptr(JxProject) project = planned_project ("P1", 61, months, percents, 4);
  guint at = 99;

  g_assert_cmpfloat (jx_project_get_planned_percent (project, 2, &at), ==, 0);
  g_assert_cmpuint (at, ==, 0);
  g_assert_cmpfloat (jx_project_get_planned_percent (project, 3, &at), ==, 30);
  g_assert_cmpuint (at, ==, 3);
  g_assert_cmpfloat (jx_project_get_planned_percent (project, 7, &at), ==, 60);
  g_assert_cmpuint (at, ==, 6);
  g_assert_cmpfloat (jx_project_get_planned_percent (project, 12, NULL), ==, 100);

  g_assert_cmpfloat (jx_project_get_monitoring_expected_rate (project), ==, -1);
  jx_project_set_monitoring_expected (project, M (30.5));
  g_assert_cmpfloat_with_epsilon (jx_project_get_monitoring_expected_rate (project), 50, 1e-9);
  jx_project_set_monitoring_adjusted_budget (project, M (50));
  g_assert_cmpfloat_with_epsilon (jx_project_get_monitoring_expected_rate (project), 61, 1e-9);
}

/* The department's sums: a rate is of the budgets of the projects that
 * reported the amount; the planned share is weighed by the 预算数. */
static void
test_stage_totals (void)
{
  g_autoptr(JxDocument) document = jx_document_new ();
  GListStore *projects = G_LIST_STORE (jx_document_get_projects (document));
  const guint months[] = { 6, 12 };
  const double early[] = { 60, 100 }, late[] = { 20, 100 };
  g_autoptr(JxProject) a = planned_project ("A", 100, months, early, 2);
  g_autoptr(JxProject) b = planned_project ("B", 300, months, late, 2);
  JxStageTotals totals;

  g_list_store_remove_all (projects);
  g_list_store_append (projects, a);
  g_list_store_append (projects, b);
  jx_document_get_stage_totals (document, JX_STAGE_MONITORING, &totals);
  g_assert_cmpuint (totals.n_projects, ==, 2);
  g_assert_cmpint (totals.total, ==, M (400));
  /* 60 + 60 of 400 */
  g_assert_cmpint (totals.planned, ==, M (120));
  g_assert_cmpfloat_with_epsilon (totals.planned_percent, 30, 1e-9);
  g_assert_cmpuint (totals.n_executed, ==, 0);
  g_assert_cmpfloat (totals.rate, ==, -1);
  g_assert_cmpfloat (totals.expected_rate, ==, -1);

  /* A reported 50 of 100; B reported nothing but expects 240 of its 300,
   * adjusted to 250. */
  jx_project_set_monitoring_executed (a, M (50));
  jx_project_set_monitoring_adjusted_budget (b, M (250));
  jx_project_set_monitoring_expected (b, M (240));
  jx_document_get_stage_totals (document, JX_STAGE_MONITORING, &totals);
  g_assert_cmpint (totals.budget, ==, M (350));
  g_assert_cmpint (totals.executed, ==, M (50));
  g_assert_cmpint (totals.executed_budget, ==, M (100));
  g_assert_cmpfloat_with_epsilon (totals.rate, 50, 1e-9);
  g_assert_cmpint (totals.expected, ==, M (240));
  g_assert_cmpfloat_with_epsilon (totals.expected_rate, 96, 1e-9);

  /* The evaluation's budget stands in from the adjusted one. */
  jx_project_set_evaluation_executed (b, M (200));
  jx_document_get_stage_totals (document, JX_STAGE_EVALUATION, &totals);
  g_assert_cmpint (totals.budget, ==, M (350));
  g_assert_cmpuint (totals.n_executed, ==, 1);
  g_assert_cmpfloat_with_epsilon (totals.rate, 80, 1e-9);
}

/* The department's score weighs each project's 总分 by its 全年预算数. */
static void
test_document_score (void)
{
  g_autoptr(JxDocument) document = jx_document_new ();
  GListStore *projects = G_LIST_STORE (jx_document_get_projects (document));
  g_autoptr(JxProject) a = jx_project_new ("A", "项目");
  g_autoptr(JxProject) b = jx_project_new ("B", "项目");

  g_list_store_remove_all (projects);
  g_assert_cmpfloat (jx_document_get_score (document), ==, -1);
  g_list_store_append (projects, a);
  g_list_store_append (projects, b);
  /* No budget anywhere: no department score. */
  g_assert_cmpfloat (jx_document_get_score (document), ==, -1);
  /* No indicators: each scores its 预算执行率 alone, A 10 and B 5. */
  jx_project_set_fiscal (a, M (100));
  jx_project_set_evaluation_executed (a, M (100));
  jx_project_set_fiscal (b, M (300));
  jx_project_set_evaluation_executed (b, M (150));
  /* (10 × 100 + 5 × 300) ÷ 400 */
  g_assert_cmpfloat (jx_document_get_score (document), ==, 6.25);
}

static void
test_indicator_setters (void)
{
  g_autoptr(JxIndicator) indicator = jx_indicator_new ("产出指标", "数量指标", "次数", "", "≥10次", "");
  g_autofree char *text = NULL;
  JxCauses causes;
  guint actual_changes, causes_changes, weight_changes;

  notify_count (indicator, "monitoring-actual", &actual_changes);
  notify_count (indicator, "monitoring-causes", &causes_changes);
  notify_count (indicator, "evaluation-weight", &weight_changes);

  /* Clearing what was never set is no change. */
  jx_indicator_set_monitoring_actual (indicator, "");
  g_assert_cmpuint (actual_changes, ==, 0);
  jx_indicator_set_monitoring_actual (indicator, "6次");
  jx_indicator_set_monitoring_actual (indicator, "6次");
  g_assert_cmpuint (actual_changes, ==, 1);
  g_assert_true (jx_indicator_has_stage_data (indicator, JX_STAGE_MONITORING));
  g_assert_false (jx_indicator_has_stage_data (indicator, JX_STAGE_EVALUATION));

  g_object_set (indicator, "monitoring-causes", JX_CAUSE_FUNDS | JX_CAUSE_OTHER, NULL);
  g_object_get (indicator, "monitoring-causes", &causes, "monitoring-actual", &text, NULL);
  g_assert_cmpuint (causes_changes, ==, 1);
  g_assert_cmpint (causes, ==, JX_CAUSE_FUNDS | JX_CAUSE_OTHER);
  g_assert_cmpstr (text, ==, "6次");

  jx_indicator_set_evaluation_weight (indicator, 12.5);
  g_assert_cmpuint (weight_changes, ==, 1);
  g_assert_cmpfloat (jx_indicator_get_evaluation_weight (indicator), ==, 12.5);
  g_assert_true (jx_indicator_has_stage_data (indicator, JX_STAGE_EVALUATION));

  jx_indicator_set_monitoring_actual (indicator, NULL);
  g_assert_cmpuint (actual_changes, ==, 2);
  g_assert_cmpstr (jx_indicator_get_monitoring_actual (indicator), ==, "");
}

static void
test_setters_refuse (void)
{
  g_autoptr(JxIndicator) indicator = jx_indicator_new ("产出指标", "数量指标", "次数", "", "≥10次", "");
  g_autoptr(JxProject) project = jx_project_new ("P1", "项目");

  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*valid_points*");
  jx_indicator_set_evaluation_weight (indicator, 101);
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*amount*");
  jx_project_set_monitoring_executed (project, -5);
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*score*");
  jx_project_set_evaluation_execution_score (project, 10.5);
  g_test_assert_expected_messages ();
  g_assert_cmpfloat (jx_indicator_get_evaluation_weight (indicator), ==, JX_SCORE_UNSET);
  g_assert_cmpint (jx_project_get_monitoring_executed (project), ==, JX_AMOUNT_UNSET);
}

static void
fill_stages (JxProject *project)
{
  JxIndicator *indicator = jx_test_indicator_at (project, 0);

  jx_project_set_monitoring_executed (project, M (1.5));
  jx_project_set_evaluation_conclusion (project, "较好完成年度目标。");
  jx_indicator_set_monitoring_likelihood (indicator, JX_LIKELIHOOD_POSSIBLE);
  jx_indicator_set_evaluation_actual (indicator, "1套");
  jx_indicator_set_evaluation_score (indicator, 8);
}

static void
test_copy (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  JxProject *project = jx_test_project_at (document, 0);
  g_autoptr(JxProject) copy = NULL;
  JxIndicator *indicator;

  fill_stages (project);
  copy = jx_project_copy (project);
  indicator = jx_test_indicator_at (copy, 0);
  g_assert_cmpint (jx_project_get_monitoring_executed (copy), ==, M (1.5));
  g_assert_cmpstr (jx_project_get_evaluation_conclusion (copy), ==, "较好完成年度目标。");
  g_assert_cmpint (jx_indicator_get_monitoring_likelihood (indicator), ==, JX_LIKELIHOOD_POSSIBLE);
  g_assert_cmpstr (jx_indicator_get_evaluation_actual (indicator), ==, "1套");
  g_assert_cmpfloat (jx_indicator_get_evaluation_score (indicator), ==, 8);

  /* A copy, not a share. */
  jx_indicator_set_evaluation_actual (indicator, "2套");
  g_assert_cmpstr (jx_indicator_get_evaluation_actual (jx_test_indicator_at (project, 0)), ==, "1套");
}

static void
test_undo (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxUndoStack) stack = jx_undo_stack_new (document);
  JxProject *project = jx_test_project_at (document, 1);
  JxIndicator *indicator = jx_test_indicator_at (project, 2);

  jx_indicator_set_monitoring_actual (indicator, "12次");
  g_assert_cmpstr (jx_undo_stack_get_undo_label (stack), ==, "Edit Value to Date");
  jx_undo_stack_seal (stack);
  jx_document_set_stage (document, JX_STAGE_MONITORING);
  g_assert_cmpstr (jx_undo_stack_get_undo_label (stack), ==, "Edit Stage");
  jx_undo_stack_seal (stack);
  jx_project_set_monitoring_executed (project, M (3));
  g_assert_cmpstr (jx_undo_stack_get_undo_label (stack), ==, "Edit Spending to Date");
  jx_undo_stack_seal (stack);
  jx_indicator_set_monitoring_causes (indicator, JX_CAUSE_STAFF);
  g_assert_true (jx_undo_stack_get_modified (stack));

  g_assert_true (jx_undo_stack_undo (stack));
  g_assert_cmpint (jx_indicator_get_monitoring_causes (indicator), ==, JX_CAUSE_NONE);
  g_assert_true (jx_undo_stack_undo (stack));
  g_assert_cmpint (jx_project_get_monitoring_executed (project), ==, JX_AMOUNT_UNSET);
  g_assert_cmpfloat (jx_project_get_monitoring_rate (project), ==, -1);
  g_assert_true (jx_undo_stack_undo (stack));
  g_assert_cmpint (jx_document_get_stage (document), ==, JX_STAGE_GOALS);
  g_assert_true (jx_undo_stack_undo (stack));
  g_assert_cmpstr (jx_indicator_get_monitoring_actual (indicator), ==, "");
  g_assert_false (jx_undo_stack_get_modified (stack));
  g_assert_true (jx_undo_stack_redo (stack));
  g_assert_cmpstr (jx_indicator_get_monitoring_actual (indicator), ==, "12次");
}

/* Next year's document starts from the goals again, as one undo step. */
static void
test_clear (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxUndoStack) stack = jx_undo_stack_new (document);
  JxProject *project = jx_test_project_at (document, 0);

  fill_stages (project);
  jx_document_set_stage (document, JX_STAGE_EVALUATION);
  jx_undo_stack_mark_saved (stack);
  jx_undo_stack_begin_group (stack, "Clear");
  jx_document_clear_stages (document);
  jx_undo_stack_end_group (stack);
  g_assert_cmpint (jx_document_get_stage (document), ==, JX_STAGE_GOALS);
  g_assert_false (jx_project_has_stage_data (project, JX_STAGE_MONITORING));
  g_assert_false (jx_project_has_stage_data (project, JX_STAGE_EVALUATION));
  g_assert_cmpstr (jx_indicator_get_name (jx_test_indicator_at (project, 0)), !=, "");

  g_assert_true (jx_undo_stack_undo (stack));
  g_assert_false (jx_undo_stack_get_modified (stack));
  g_assert_true (jx_project_has_stage_data (project, JX_STAGE_EVALUATION));
  g_assert_cmpint (jx_document_get_stage (document), ==, JX_STAGE_EVALUATION);
}


/* ---- The file ---- */

#define FIXTURE "tests/fixtures/valid/stages-2024.json"

static void
test_file_values (void)
{
  g_autoptr(JxDocument) document = jx_test_load (FIXTURE);
  JxProject *project = jx_test_project_at (document, 2);
  JxIndicator *first = jx_test_indicator_at (project, 0);
  JxIndicator *last = jx_test_indicator_at (project, 5);

  g_assert_cmpint (jx_document_get_stage (document), ==, JX_STAGE_EVALUATION);
  g_assert_cmpuint (jx_document_get_monitoring_month (document), ==, 6);
  g_assert_cmpint (jx_project_get_monitoring_executed (project), ==, M (21.35));
  g_assert_cmpint (jx_project_get_monitoring_adjusted_budget (project), ==, JX_AMOUNT_UNSET);
  g_assert_cmpint (jx_project_get_monitoring_adjusted_budget (jx_test_project_at (document, 1)), ==,
                   M (55));
  g_assert_cmpfloat (jx_project_get_evaluation_execution_score (project), ==, 9.5);
  g_assert_cmpstr (jx_indicator_get_monitoring_actual (first), ==, "6次");
  g_assert_cmpint (jx_indicator_get_monitoring_likelihood (first), ==, JX_LIKELIHOOD_POSSIBLE);
  g_assert_cmpint (jx_indicator_get_monitoring_causes (first), ==, JX_CAUSE_FUNDS | JX_CAUSE_OTHER);
  g_assert_cmpstr (jx_indicator_get_monitoring_measures (first), ==, "下半年每月组织两次活动。");
  g_assert_cmpint (jx_indicator_get_evaluation_achievement (jx_test_indicator_at (project, 2)), ==,
                   JX_ACHIEVEMENT_PARTIAL);
  g_assert_cmpfloat (jx_indicator_get_evaluation_score (last), ==, 8);
  g_assert_cmpfloat (jx_indicator_get_evaluation_weight (jx_test_indicator_at (jx_test_project_at (document, 1), 4)),
                     ==, 25);
}

static void
assert_round_trip (const char *relative)
{
  g_autofree char *path = jx_test_source_path (relative);
  g_autofree char *bytes = jx_test_read_file (path, NULL);
  g_autoptr(JxDocument) document = jx_test_load (relative);
  g_autofree char *written = jx_document_to_data (document, NULL);

  g_assert_cmpstr (written, ==, bytes);
}

/* A file with both stages, and one with the goals only, come back byte for
 * byte; so does the fixture's member that this version does not know. */
static void
test_round_trip (void)
{
  g_autofree char *path = jx_test_source_path (FIXTURE);
  g_autofree char *bytes = jx_test_read_file (path, NULL);
  g_autofree char *example_path = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  g_autofree char *example = jx_test_read_file (example_path, NULL);

  assert_round_trip (FIXTURE);
  assert_round_trip ("data/examples/zunhua-renda-2024.json");
  g_assert_nonnull (strstr (bytes, "\"reviewer_note\": \"kept by other tools\""));
  g_assert_null (strstr (example, "monitoring"));
}

/* Entered in the program, saved, read back: the same entries, and the
 * same bytes when saved again. */
static void
test_entered_and_read_back (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  JxProject *project = jx_test_project_at (document, 0);
  JxIndicator *indicator = jx_test_indicator_at (project, 1);
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  g_autoptr(JxDocument) read = NULL;
  g_autoptr(GError) error = NULL;
  JxIndicator *read_indicator;

  jx_document_set_stage (document, JX_STAGE_MONITORING);
  jx_document_set_monitoring_month (document, 7);
  jx_project_set_monitoring_executed (project, M (1.234567));
  jx_project_set_evaluation_problems (project, "“引号”\n与换行");
  jx_indicator_set_monitoring_causes (indicator, JX_CAUSE_EQUIPMENT | JX_CAUSE_RULES);
  jx_indicator_set_monitoring_likelihood (indicator, JX_LIKELIHOOD_IMPOSSIBLE);
  jx_indicator_set_evaluation_weight (indicator, 12.5);
  jx_indicator_set_evaluation_achievement (indicator, JX_ACHIEVEMENT_NOT_MET);
  data = jx_document_to_data (document, NULL);
  g_assert_nonnull (strstr (data, "\"causes\": [\n"));
  g_assert_nonnull (strstr (data, "\"rules\""));
  g_assert_nonnull (strstr (data, "\"weight\": 12.5"));
  g_assert_nonnull (strstr (data, "\"achievement\": \"not-met\""));
  g_assert_nonnull (strstr (data, "\"monitoring_month\": 7"));

  read = jx_document_load_data (data, strlen (data), &error);
  g_assert_no_error (error);
  read_indicator = jx_test_indicator_at (jx_test_project_at (read, 0), 1);
  g_assert_cmpint (jx_document_get_stage (read), ==, JX_STAGE_MONITORING);
  g_assert_cmpuint (jx_document_get_monitoring_month (read), ==, 7);
  g_assert_cmpint (jx_project_get_monitoring_executed (jx_test_project_at (read, 0)), ==, M (1.234567));
  g_assert_cmpstr (jx_project_get_evaluation_problems (jx_test_project_at (read, 0)), ==, "“引号”\n与换行");
  g_assert_cmpint (jx_indicator_get_monitoring_causes (read_indicator), ==,
                   JX_CAUSE_EQUIPMENT | JX_CAUSE_RULES);
  g_assert_cmpint (jx_indicator_get_monitoring_likelihood (read_indicator), ==, JX_LIKELIHOOD_IMPOSSIBLE);
  g_assert_cmpfloat (jx_indicator_get_evaluation_weight (read_indicator), ==, 12.5);
  g_assert_cmpint (jx_indicator_get_evaluation_achievement (read_indicator), ==, JX_ACHIEVEMENT_NOT_MET);
  again = jx_document_to_data (read, NULL);
  g_assert_cmpstr (again, ==, data);
}

/* Stage entries made and undone leave the goal-only file as it was. */
static void
test_undo_restores_bytes (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxUndoStack) stack = jx_undo_stack_new (document);
  g_autofree char *before = jx_document_to_data (document, NULL);
  g_autofree char *after = NULL;

  fill_stages (jx_test_project_at (document, 3));
  jx_document_set_stage (document, JX_STAGE_EVALUATION);
  jx_document_set_monitoring_month (document, 7);
  while (jx_undo_stack_undo (stack))
    ;
  after = jx_document_to_data (document, NULL);
  g_assert_cmpstr (after, ==, before);
}

static const char template[] =
  "{\"format\": \"budget-performance-document\", \"version\": 1, \"year\": 2024, %s"
  "\"department\": {\"name\": \"单位\", \"unit_code\": \"\", \"unit_name\": \"\"},"
  "\"overall\": {\"summary\": \"\", \"points\": []}, \"measures\": [],"
  "\"projects\": [{\"code\": \"P\", \"name\": \"项目\", \"funds\": {\"fiscal\": 1, \"other\": 0},"
  "\"spending_plan\": [], \"goals\": [], %s \"indicators\": [{\"level1\": \"产出指标\","
  "\"level2\": \"数量指标\", \"name\": \"次数\", \"value\": \"≥1次\" %s}]}]}";

static void
assert_refused (const char *top, const char *project, const char *indicator, const char *place)
{
  g_autofree char *data = g_strdup_printf (template, top, project, indicator);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = jx_document_load_data (data, strlen (data), &error);

  g_assert_null (document);
  g_assert_error (error, JX_DOCUMENT_ERROR, JX_DOCUMENT_ERROR_CONTENT);
  if (!g_str_has_prefix (error->message, place))
    g_error ("“%s” does not start with “%s”", error->message, place);
}

static void
test_refused (void)
{
  g_autofree char *good = g_strdup_printf (template, "", "", "");
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = jx_document_load_data (good, strlen (good), &error);

  g_assert_no_error (error);
  assert_refused ("\"stage\": \"later\",", "", "", "stage: ");
  assert_refused ("\"stage\": 2,", "", "", "stage: ");
  assert_refused ("\"monitoring_month\": 13,", "", "", "monitoring_month: ");
  assert_refused ("", "\"monitoring\": [],", "", "projects[0].monitoring: ");
  assert_refused ("", "\"monitoring\": {\"executed\": -1},", "", "projects[0].monitoring.executed: ");
  assert_refused ("", "\"evaluation\": {\"executed\": \"3\"},", "", "projects[0].evaluation.executed: ");
  assert_refused ("", "\"evaluation\": {\"execution_score\": 11},", "",
                  "projects[0].evaluation.execution_score: ");
  assert_refused ("", "\"evaluation\": {\"conclusion\": 1},", "", "projects[0].evaluation.conclusion: ");
  assert_refused ("", "", ", \"monitoring\": {\"likelihood\": \"maybe\"}",
                  "projects[0].indicators[0].monitoring.likelihood: ");
  assert_refused ("", "", ", \"monitoring\": {\"causes\": [\"funds\", \"money\"]}",
                  "projects[0].indicators[0].monitoring.causes[1]: ");
  assert_refused ("", "", ", \"monitoring\": {\"causes\": \"funds\"}",
                  "projects[0].indicators[0].monitoring.causes: ");
  assert_refused ("", "", ", \"evaluation\": {\"weight\": 120}",
                  "projects[0].indicators[0].evaluation.weight: ");
  assert_refused ("", "", ", \"evaluation\": {\"score\": -1}",
                  "projects[0].indicators[0].evaluation.score: ");
  assert_refused ("", "", ", \"evaluation\": {\"achievement\": \"none\"}",
                  "projects[0].indicators[0].evaluation.achievement: ");
}

/* An empty stage object, and an unknown member in one, are written back. */
static void
test_empty_and_unknown_kept (void)
{
  g_autofree char *data = g_strdup_printf (template, "\"stage\": \"goals\",",
                                           "\"monitoring\": {},",
                                           ", \"evaluation\": {\"x-note\": [1, 2]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = jx_document_load_data (data, strlen (data), &error);
  g_autofree char *written = NULL;

  g_assert_no_error (error);
  written = jx_document_to_data (document, NULL);
  g_assert_nonnull (strstr (written, "\"stage\": \"goals\""));
  g_assert_nonnull (strstr (written, "\"monitoring\": {}"));
  g_assert_nonnull (strstr (written, "\"x-note\": ["));
  g_assert_null (strstr (written, "monitoring_month"));
}

/* Next year's document starts at its goals: dropping the stages leaves a
 * goal-only file, without the empty stage objects, the members the file
 * had or those other tools wrote inside them — the same bytes as the file
 * without its stages. */
static void
test_drop_stages (void)
{
  g_autoptr(JxDocument) document = jx_test_load (FIXTURE);
  g_autoptr(JxDocument) plain = NULL;
  g_autofree char *written = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *projects;

  jx_document_drop_stages (document);
  written = jx_document_to_data (document, NULL);
  g_assert_null (strstr (written, "\"monitoring\""));
  g_assert_null (strstr (written, "\"evaluation\""));
  g_assert_null (strstr (written, "\"stage\""));
  g_assert_null (strstr (written, "\"monitoring_month\""));
  g_assert_null (strstr (written, "kept by other tools"));
  /* The goals are all there, and the written file reads back the same. */
  projects = jx_document_get_projects (document);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 3);
  g_assert_cmpstr (jx_indicator_get_name (jx_test_indicator_at (jx_test_project_at (document, 2), 0)),
                   ==, "开展代表活动次数");
  plain = jx_document_load_data (written, strlen (written), &error);
  g_assert_no_error (error);
  again = jx_document_to_data (plain, NULL);
  g_assert_cmpstr (again, ==, written);

  /* Clearing alone keeps what the file had, for undo to give back the
   * same bytes. */
  g_clear_object (&document);
  document = jx_test_load (FIXTURE);
  jx_document_clear_stages (document);
  g_free (written);
  written = jx_document_to_data (document, NULL);
  g_assert_nonnull (strstr (written, "kept by other tools"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stages/defaults", test_defaults);
  g_test_add_func ("/stages/words", test_words);
  g_test_add_func ("/stages/rates-follow", test_rates_follow);
  g_test_add_func ("/stages/zero-budget-rate", test_zero_budget_rate);
  g_test_add_func ("/stages/planned-percent", test_planned_percent);
  g_test_add_func ("/stages/stage-totals", test_stage_totals);
  g_test_add_func ("/stages/document-score", test_document_score);
  g_test_add_func ("/stages/indicator-setters", test_indicator_setters);
  g_test_add_func ("/stages/setters-refuse", test_setters_refuse);
  g_test_add_func ("/stages/copy", test_copy);
  g_test_add_func ("/stages/undo", test_undo);
  g_test_add_func ("/stages/clear", test_clear);
  g_test_add_func ("/stages/file-values", test_file_values);
  g_test_add_func ("/stages/round-trip", test_round_trip);
  g_test_add_func ("/stages/entered-and-read-back", test_entered_and_read_back);
  g_test_add_func ("/stages/undo-restores-bytes", test_undo_restores_bytes);
  g_test_add_func ("/stages/refused", test_refused);
  g_test_add_func ("/stages/empty-and-unknown-kept", test_empty_and_unknown_kept);
  g_test_add_func ("/stages/drop-stages", test_drop_stages);
  return g_test_run ();
}
