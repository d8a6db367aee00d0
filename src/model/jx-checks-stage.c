/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "jx-checks-private.h"
#include "jx-scoring.h"
#include "jx-stage.h"

/* The rules of the 运行监控 and the 自评: they run only in the document's
 * stage, because a mid-year document is not to be told that its year-end
 * results are missing, nor a goal document either. docs/checks.md explains
 * each rule. */

/* Shares are compared as printed, to two decimals. */
#define PERCENT_SLACK 0.005

static char *
percent_text (double percent)
{
  g_autofree char *number = jx_score_format (percent);

  return g_strdup_printf ("%s%%", number);
}

static void
check_behind_plan (JxChecker *c, JxProject *project, guint month)
{
  double rate = jx_project_get_monitoring_rate (project);
  guint at;
  double planned = jx_project_get_planned_percent (project, month, &at);
  g_autofree char *planned_text = NULL;
  g_autofree char *rate_text = NULL;
  g_autofree char *period = NULL;

  if (rate < 0 || at == 0 || rate + PERCENT_SLACK >= planned)
    return;
  planned_text = percent_text (planned);
  rate_text = percent_text (rate);
  period = jx_stage_period_label (month);
  /* TRANSLATORS: the plan's percent, its month, the months reported on
   * ("1–6月", "1月"), the rate */
  jx_checker_report (c, RULE_MONITORING_BEHIND_PLAN, ".monitoring.executed",
                     _("The spending plan has %s spent by the end of %u月, but the %s执行率 "
                       "is %s: spending is behind the plan. Explain the delay in the indicators’ "
                       "偏差原因, or correct the amount."),
                     planned_text, at, period, rate_text);
}

static void
check_monitoring_funds (JxChecker *c, JxProject *project, guint month)
{
  JxMoney budget = jx_project_get_monitoring_budget (project);
  JxMoney executed = jx_project_get_monitoring_executed (project);
  JxMoney expected = jx_project_get_monitoring_expected (project);
  g_autofree char *budget_text = jx_money_format (budget);
  g_autofree char *period = jx_stage_period_label (month);

  if (executed < 0)
    /* TRANSLATORS: the months reported on ("1–6月", "1月"), the last of them */
    jx_checker_report (c, RULE_MONITORING_EXECUTION_MISSING, ".monitoring.executed",
                       _("No %s执行数: enter what was spent by the end of %u月 (0 when "
                         "nothing was)."), period, month);
  else if (executed > budget)
    {
      g_autofree char *amount = jx_money_format (executed);

      jx_checker_report (c, RULE_MONITORING_OVER_BUDGET, ".monitoring.executed",
                         _("The %s执行数 of %s %s is more than the budget of %s %s: correct "
                           "the amount or enter the 调整后预算数."),
                         period, amount, c->unit, budget_text, c->unit);
    }
  else
    check_behind_plan (c, project, month);

  if (expected < 0)
    jx_checker_report (c, RULE_MONITORING_EXPECTED_MISSING, ".monitoring.expected",
                       _("No 全年预计执行数: estimate what will have been spent by the end of "
                         "the year."));
  else if (expected > budget)
    {
      g_autofree char *amount = jx_money_format (expected);

      jx_checker_report (c, RULE_MONITORING_OVER_BUDGET, ".monitoring.expected",
                         _("The 全年预计执行数 of %s %s is more than the budget of %s %s: correct "
                           "the amount or enter the 调整后预算数."),
                         amount, c->unit, budget_text, c->unit);
    }
}

/* The stage's own texts print in its report as the goal table's values
 * do: checked for half-width punctuation, leftovers and missing glyphs.
 * Not for other years: a 改进措施 speaks of next year and a 存在问题 of
 * earlier ones by nature. */
static void
check_stage_text (JxChecker *c, const char *suffix, const char *text)
{
  jx_checks_text_marks (c, suffix, text);
  jx_checks_glyphs (c, suffix, text);
}

static void
check_stage_texts (JxChecker *c, const char *prefix, const char * const *members,
                   const char * const *texts, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *suffix = g_strconcat (prefix, members[i], NULL);

      check_stage_text (c, suffix, texts[i]);
    }
}

static gboolean
is_quantitative (JxIndicator *indicator)
{
  JxIndicatorValue value = { 0 };
  gboolean quantitative;

  jx_indicator_value_parse (jx_indicator_get_value (indicator), &value);
  quantitative = value.op != JX_VALUE_QUALITATIVE;
  jx_indicator_value_clear (&value);
  return quantitative;
}

static void
check_monitoring_row (JxChecker *c, JxIndicator *indicator, guint index, guint month)
{
  g_autofree char *prefix = g_strdup_printf (".indicators[%u].monitoring", index);
  g_autofree char *actual = g_strconcat (prefix, ".actual", NULL);
  g_autofree char *likelihood = g_strconcat (prefix, ".likelihood", NULL);
  g_autofree char *causes = g_strconcat (prefix, ".causes", NULL);
  g_autofree char *note = g_strconcat (prefix, ".note", NULL);
  JxLikelihood chance = jx_indicator_get_monitoring_likelihood (indicator);
  gboolean no_causes = jx_indicator_get_monitoring_causes (indicator) == JX_CAUSE_NONE;
  gboolean no_note = jx_text_is_blank (jx_indicator_get_monitoring_cause_note (indicator));
  const char * const members[] = { ".actual", ".expected", ".note", ".measures" };
  const char * const texts[] = {
    jx_indicator_get_monitoring_actual (indicator), jx_indicator_get_monitoring_expected (indicator),
    jx_indicator_get_monitoring_cause_note (indicator), jx_indicator_get_monitoring_measures (indicator),
  };

  if (is_quantitative (indicator) && jx_text_is_blank (jx_indicator_get_monitoring_actual (indicator)))
    {
      g_autofree char *period = jx_stage_period_label (month);

      jx_checker_report (c, RULE_MONITORING_ACTUAL_MISSING, actual,
                         _("No %s完成值 for the target “%s”: enter what was reached by the end "
                           "of %u月, in the target’s unit."),
                         period, jx_indicator_get_value (indicator), month);
    }
  if (chance == JX_LIKELIHOOD_NONE)
    jx_checker_report (c, RULE_MONITORING_LIKELIHOOD_MISSING, likelihood,
                       _("No 完成目标可能性: choose 确定能, 有可能 or 不可能."));
  else if (chance != JX_LIKELIHOOD_CERTAIN && (no_causes || no_note))
    jx_checker_report (c, RULE_MONITORING_CAUSE_MISSING, no_causes ? causes : note,
                       no_causes && no_note
                         ? _("The target is marked “%s”: choose the 偏差原因 and explain them in "
                             "原因说明, as the budget system requires.")
                         : no_causes
                         ? _("The target is marked “%s”: choose the 偏差原因 (经费保障, 制度保障, "
                             "人员保障, 硬件条件保障 or 其他), as the budget system requires.")
                         : _("The target is marked “%s”: explain the 偏差原因 in 原因说明, as the "
                             "budget system requires."),
                       jx_likelihood_to_label (chance));
  check_stage_texts (c, prefix, members, texts, G_N_ELEMENTS (members));
}

static void
check_monitoring (JxChecker *c, JxProject *project)
{
  GListModel *indicators = jx_project_get_indicators (project);
  guint month = jx_document_get_monitoring_month (c->document);

  check_monitoring_funds (c, project, month);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(JxIndicator) indicator = g_list_model_get_item (indicators, i);

      check_monitoring_row (c, indicator, i, month);
    }
}

/* ---- 自评 ---- */

static void
check_evaluation_row (JxChecker *c, JxIndicator *indicator, const JxRowScore *row, guint index)
{
  g_autofree char *prefix = g_strdup_printf (".indicators[%u].evaluation", index);
  g_autofree char *actual = g_strconcat (prefix, ".actual", NULL);
  g_autofree char *achievement = g_strconcat (prefix, ".achievement", NULL);
  g_autofree char *score = g_strconcat (prefix, ".score", NULL);
  const char * const members[] = { ".actual", ".analysis" };
  const char * const texts[] = {
    jx_indicator_get_evaluation_actual (indicator), jx_indicator_get_evaluation_analysis (indicator),
  };

  /* A typed 得分 scores the row: what is still missing then is the
   * 实际完成值 the form prints beside the target, if nothing is written. */
  if (row->status == JX_SCORE_NO_ACTUAL && !row->overridden)
    jx_checker_report (c, RULE_EVALUATION_ACTUAL_MISSING, actual,
                       _("No 实际完成值 to score against the target “%s”: enter what was reached, "
                         "as a number in the target’s unit."), jx_indicator_get_value (indicator));
  else if (row->status == JX_SCORE_NO_ACTUAL &&
           jx_text_is_blank (jx_indicator_get_evaluation_actual (indicator)))
    jx_checker_report (c, RULE_EVALUATION_ACTUAL_MISSING, actual,
                       _("The 得分 is typed, but no 实际完成值 is entered: the 自评表 shows what "
                         "was reached beside the target “%s”."), jx_indicator_get_value (indicator));
  else if (row->status == JX_SCORE_UNIT_MISMATCH)
    jx_checker_report (c, RULE_EVALUATION_ACTUAL_UNIT, actual,
                       _("The 实际完成值 “%s” is not in the unit of the target “%s”, so it cannot "
                         "be scored: write it in the target’s unit."),
                       jx_indicator_get_evaluation_actual (indicator),
                       jx_indicator_get_value (indicator));
  else if (row->status == JX_SCORE_NO_CHOICE && !row->overridden)
    jx_checker_report (c, RULE_EVALUATION_ACHIEVEMENT_MISSING, achievement,
                       _("The target “%s” is qualitative: choose 达成, 部分达成 or 未达成 to "
                         "score it."), jx_indicator_get_value (indicator));
  if (row->overridden && row->score > row->weight + PERCENT_SLACK)
    {
      g_autofree char *typed = jx_score_format (row->score);
      g_autofree char *weight = jx_score_format (row->weight);

      jx_checker_report (c, RULE_EVALUATION_SCORE_OVER_WEIGHT, score,
                         _("The 得分 %s is more than the row’s 分值 of %s: a row cannot score more "
                           "than it is worth."), typed, weight);
    }
  check_stage_texts (c, prefix, members, texts, G_N_ELEMENTS (members));
}

/* Which default groups have no row, for the message about the 90 points. */
static char *
missing_groups (const JxProjectScore *score)
{
  static const char * const names[] = { "产出指标", "效益指标", "满意度指标" };
  gboolean seen[JX_SCORE_GROUP_NONE + 1] = { FALSE };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < score->n_rows; i++)
    seen[score->rows[i].group] = TRUE;
  for (guint g = 0; g < G_N_ELEMENTS (names); g++)
    if (!seen[g])
      g_string_append_printf (text, "%s%s", text->len > 0 ? "、" : "", names[g]);
  return g_string_free (text, FALSE);
}

static void
check_weights (JxChecker *c, const JxProjectScore *score)
{
  g_autofree char *total = jx_score_format (score->weights_total);
  g_autofree char *missing = NULL;

  if (score->n_rows == 0 || fabs (score->weights_total - JX_SCORE_INDICATOR_POINTS) <= PERCENT_SLACK)
    return;
  missing = missing_groups (score);
  if (score->weights_default && missing[0] != '\0')
    jx_checker_report (c, RULE_EVALUATION_WEIGHTS_NOT_90, ".indicators",
                       _("No 分值 is set, and the default split gives only %s of the 90 points "
                         "because the table has no %s: set each row’s 分值 so that they add up "
                         "to 90."), total, missing);
  else
    jx_checker_report (c, RULE_EVALUATION_WEIGHTS_NOT_90, ".indicators",
                       _("The indicators’ 分值 add up to %s, not 90: with the 10 points of "
                         "budget execution the total must be 100. Correct the 分值."), total);
}

static void
check_evaluation (JxChecker *c, JxProject *project)
{
  GListModel *indicators = jx_project_get_indicators (project);
  g_autoptr(JxProjectScore) score = jx_project_score_new (project, c->unit);
  const char * const members[] = { ".conclusion", ".problems", ".improvements" };
  const char * const texts[] = {
    jx_project_get_evaluation_conclusion (project), jx_project_get_evaluation_problems (project),
    jx_project_get_evaluation_improvements (project),
  };

  if (jx_project_get_evaluation_executed (project) < 0)
    jx_checker_report (c, RULE_EVALUATION_EXECUTION_MISSING, ".evaluation.executed",
                       _("No 全年执行数: enter what was spent in the year; the 预算执行率 is "
                         "worth 10 points."));
  for (guint i = 0; i < score->n_rows; i++)
    {
      g_autoptr(JxIndicator) indicator = g_list_model_get_item (indicators, i);

      check_evaluation_row (c, indicator, &score->rows[i], i);
    }
  check_weights (c, score);
  if (score->total > 100 + PERCENT_SLACK)
    {
      g_autofree char *total = jx_score_format (score->total);

      jx_checker_report (c, RULE_EVALUATION_TOTAL_OVER_100, ".evaluation",
                         _("The scores add up to %s, more than 100: correct the 分值 or the typed "
                           "得分."), total);
    }
  if (jx_text_is_blank (jx_project_get_evaluation_conclusion (project)))
    jx_checker_report (c, RULE_EVALUATION_CONCLUSION_MISSING, ".evaluation.conclusion",
                       _("No 评价结论: sum up in a sentence or two how far the project met its "
                         "goals."));
  check_stage_texts (c, ".evaluation", members, texts, G_N_ELEMENTS (members));
}

void
jx_checks_stage (JxChecker *c,
                 JxProject *project)
{
  switch (jx_document_get_stage (c->document))
    {
    case JX_STAGE_MONITORING:
      check_monitoring (c, project);
      break;
    case JX_STAGE_EVALUATION:
      check_evaluation (c, project);
      break;
    case JX_STAGE_GOALS:
    default:
      break;
    }
}

