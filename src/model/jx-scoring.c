/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "jx-indicator-value.h"
#include "jx-money-text.h"
#include "jx-scoring.h"

/* Scores are points to two decimals, as the forms print them; each row is
 * rounded before the rows are added, so the printed rows add up to the
 * printed total. */
static double
round2 (double points)
{
  return round (points * 100) / 100;
}

double
jx_score_by_rule (JxScoreRule   rule,
                  double        weight,
                  double        target,
                  double        actual,
                  JxAchievement achievement)
{
  double share = 0;

  switch (rule)
    {
    case JX_SCORE_RULE_AT_LEAST:
      /* Nothing short of a positive target can be missed. */
      share = target <= 0 ? 1 : CLAMP (actual / target, 0, 1);
      break;
    case JX_SCORE_RULE_AT_MOST:
      share = actual <= target ? 1 : (actual > 0 ? CLAMP (target / actual, 0, 1) : 0);
      break;
    case JX_SCORE_RULE_EQUAL:
      share = fabs (actual - target) <= 1e-9 * MAX (1, fabs (target)) ? 1 : 0;
      break;
    case JX_SCORE_RULE_QUALITATIVE:
    default:
      share = achievement == JX_ACHIEVEMENT_MET ? 1 : achievement == JX_ACHIEVEMENT_PARTIAL ? 0.5 : 0;
      break;
    }
  return round2 (share * weight);
}

double
jx_score_execution (double rate)
{
  if (rate <= 0)
    return 0;
  return round2 (MIN (rate / 100, 1) * JX_SCORE_EXECUTION_POINTS);
}

JxScoreGroup
jx_score_group_of (const char *level1,
                   const char *level2)
{
  if (strstr (level1, "满意") != NULL || strstr (level2, "满意") != NULL)
    return JX_SCORE_GROUP_SATISFACTION;
  /* 成本指标 is an output second level in the older layout and a first level
   * of its own in 财预〔2021〕101号; either way it measures what was produced. */
  if (strstr (level1, "产出") != NULL || strstr (level1, "成本") != NULL)
    return JX_SCORE_GROUP_OUTPUT;
  if (strstr (level1, "效益") != NULL || strstr (level1, "效果") != NULL)
    return JX_SCORE_GROUP_BENEFIT;
  return JX_SCORE_GROUP_NONE;
}

double
jx_score_group_points (JxScoreGroup group)
{
  switch (group)
    {
    case JX_SCORE_GROUP_OUTPUT: return 50;
    case JX_SCORE_GROUP_BENEFIT: return 30;
    case JX_SCORE_GROUP_SATISFACTION: return 10;
    default: return 0;
    }
}

static JxScoreRule
rule_of (JxValueOperator op)
{
  switch (op)
    {
    case JX_VALUE_AT_LEAST:
    case JX_VALUE_MORE:
      return JX_SCORE_RULE_AT_LEAST;
    case JX_VALUE_AT_MOST:
    case JX_VALUE_LESS:
      return JX_SCORE_RULE_AT_MOST;
    case JX_VALUE_EQUAL:
      return JX_SCORE_RULE_EQUAL;
    case JX_VALUE_QUALITATIVE:
    default:
      return JX_SCORE_RULE_QUALITATIVE;
    }
}

/* The number of a split value, as written: digits with an optional sign,
 * decimal part and thousands commas. */
static double
number_of (const JxIndicatorValue *value)
{
  g_autofree char *digits = g_strdup (value->number != NULL ? value->number : "0");
  char *q = digits;

  for (const char *p = digits; *p; p++)
    if (*p != ',')
      *q++ = *p;
  *q = '\0';
  return g_ascii_strtod (digits, NULL);
}

/* How many of the target's unit one of the actual's unit is, or 0 when the
 * two cannot be compared. No unit on either side means the other's. */
static double
unit_factor (const char *target, const char *actual, const char *money_unit)
{
  int from, to;

  if (g_str_equal (target, actual) || target[0] == '\0' || actual[0] == '\0')
    return 1;
  from = jx_money_unit_exponent (actual);
  to = jx_money_unit_exponent (target);
  if (from >= 0 && to >= 0)
    return pow (10, from - to);
  return 0;
}

static void
score_quantitative (JxRowScore             *score,
                    const JxIndicatorValue *target,
                    const char             *actual_text,
                    const char             *money_unit)
{
  JxIndicatorValue actual = { 0 };
  double factor;

  score->target = number_of (target);
  jx_indicator_value_parse (actual_text, &actual);
  g_strlcpy (score->unit, target->unit != NULL ? target->unit : "", sizeof score->unit);
  g_strlcpy (score->actual_unit, actual.unit != NULL ? actual.unit : "", sizeof score->actual_unit);
  score->actual_typed = number_of (&actual);
  if (actual.op == JX_VALUE_QUALITATIVE)
    score->status = JX_SCORE_NO_ACTUAL;
  else if ((factor = unit_factor (target->unit, actual.unit, money_unit)) == 0)
    score->status = JX_SCORE_UNIT_MISMATCH;
  else
    {
      score->actual = number_of (&actual) * factor;
      score->status = JX_SCORE_OK;
    }
  jx_indicator_value_clear (&actual);
}

void
jx_score_row (JxIndicator *indicator,
              double       weight,
              const char  *money_unit,
              JxRowScore  *score)
{
  JxIndicatorValue target = { 0 };
  double typed;

  g_return_if_fail (JX_IS_INDICATOR (indicator));
  g_return_if_fail (score != NULL);

  typed = jx_indicator_get_evaluation_score (indicator);
  memset (score, 0, sizeof *score);
  score->weight = weight;
  score->group = jx_score_group_of (jx_indicator_get_level1 (indicator),
                                    jx_indicator_get_level2 (indicator));
  jx_indicator_value_parse (jx_indicator_get_value (indicator), &target);
  score->rule = rule_of (target.op);
  score->achievement = jx_indicator_get_evaluation_achievement (indicator);
  if (score->rule == JX_SCORE_RULE_QUALITATIVE)
    score->status = score->achievement == JX_ACHIEVEMENT_NONE ? JX_SCORE_NO_CHOICE : JX_SCORE_OK;
  else
    score_quantitative (score, &target, jx_indicator_get_evaluation_actual (indicator),
                        money_unit != NULL ? money_unit : "");
  if (score->status == JX_SCORE_OK)
    score->computed = jx_score_by_rule (score->rule, weight, score->target, score->actual,
                                        score->achievement);
  score->overridden = typed >= 0;
  score->score = score->overridden ? round2 (typed) : score->computed;
  jx_indicator_value_clear (&target);
}

/* ---- The project ---- */

/* A group's points shared by its rows in whole hundredths, as the form
 * prints each 分值: the first rows get a hundredth more where the points
 * do not divide evenly (50 among 3: 16.67, 16.67, 16.66), so that the
 * printed 分值 add up to exactly 90 and a table met in full scores 100,
 * not 100.01. */
static void
default_weights (JxProjectScore *self, GListModel *indicators)
{
  guint counts[JX_SCORE_GROUP_NONE + 1] = { 0 };
  guint seen[JX_SCORE_GROUP_NONE + 1] = { 0 };
  JxScoreGroup *groups = g_new (JxScoreGroup, MAX (self->n_rows, 1));

  for (guint i = 0; i < self->n_rows; i++)
    {
      g_autoptr(JxIndicator) indicator = g_list_model_get_item (indicators, i);

      groups[i] = jx_score_group_of (jx_indicator_get_level1 (indicator),
                                     jx_indicator_get_level2 (indicator));
      counts[groups[i]]++;
    }
  for (guint i = 0; i < self->n_rows; i++)
    {
      guint count = counts[groups[i]];
      guint64 cents = (guint64) llround (jx_score_group_points (groups[i]) * 100);
      guint64 share = count > 0 ? cents / count : 0;

      if (count > 0 && seen[groups[i]]++ < cents % count)
        share++;
      self->rows[i].weight = (double) share / 100;
      self->rows[i].shared_by = count;
    }
  g_free (groups);
}

static void
score_execution (JxProjectScore *self, JxProject *project)
{
  double typed = jx_project_get_evaluation_execution_score (project);

  self->budget = jx_project_get_evaluation_full_budget (project);
  self->executed = jx_project_get_evaluation_executed (project);
  self->rate = jx_project_get_evaluation_rate (project);
  self->execution_computed = jx_score_execution (self->rate);
  self->execution_overridden = typed >= 0;
  self->execution_score = self->execution_overridden ? round2 (typed) : self->execution_computed;
}

JxProjectScore *
jx_project_score_new (JxProject  *project,
                      const char *money_unit)
{
  GListModel *indicators;
  JxProjectScore *self;

  g_return_val_if_fail (JX_IS_PROJECT (project), NULL);

  indicators = jx_project_get_indicators (project);
  self = g_new0 (JxProjectScore, 1);
  self->n_rows = g_list_model_get_n_items (indicators);
  self->rows = g_new0 (JxRowScore, MAX (self->n_rows, 1));
  self->weights_default = TRUE;
  for (guint i = 0; i < self->n_rows; i++)
    {
      g_autoptr(JxIndicator) indicator = g_list_model_get_item (indicators, i);

      if (jx_indicator_get_evaluation_weight (indicator) >= 0)
        self->weights_default = FALSE;
    }
  if (self->weights_default)
    default_weights (self, indicators);

  for (guint i = 0; i < self->n_rows; i++)
    {
      g_autoptr(JxIndicator) indicator = g_list_model_get_item (indicators, i);
      double weight = self->weights_default ? self->rows[i].weight
                                            : MAX (jx_indicator_get_evaluation_weight (indicator), 0);
      guint shared_by = self->rows[i].shared_by;

      jx_score_row (indicator, weight, money_unit, &self->rows[i]);
      self->rows[i].weight_default = self->weights_default;
      self->rows[i].shared_by = shared_by;
      self->weights_total += weight;
      self->rows_total += self->rows[i].score;
    }
  self->rows_total = round2 (self->rows_total);
  self->weights_total = round2 (self->weights_total);
  score_execution (self, project);
  self->total = round2 (self->execution_score + self->rows_total);
  return self;
}

void
jx_project_score_free (JxProjectScore *score)
{
  if (score == NULL)
    return;
  g_free (score->rows);
  g_free (score);
}

double
jx_document_get_score (JxDocument *document)
{
  GListModel *projects;
  const char *unit;
  double weighted = 0;
  JxMoney budgets = 0;

  g_return_val_if_fail (JX_IS_DOCUMENT (document), -1);

  projects = jx_document_get_projects (document);
  unit = jx_document_get_money_unit (document);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);
      g_autoptr(JxProjectScore) score = jx_project_score_new (project, unit);

      /* A large project's score counts for more: the money is the point. */
      weighted += score->total * (double) score->budget;
      budgets += score->budget;
    }
  return budgets > 0 ? round2 (weighted / (double) budgets) : -1;
}

/* ---- Words ---- */

char *
jx_score_format (double points)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gsize n;

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", round2 (points) + 0.0);
  n = strlen (buffer);
  while (n > 0 && buffer[n - 1] == '0')
    buffer[--n] = '\0';
  if (n > 0 && buffer[n - 1] == '.')
    buffer[--n] = '\0';
  return g_strdup (strcmp (buffer, "-0") == 0 ? "0" : buffer);
}

gboolean
jx_score_parse (const char *text,
                double     *points)
{
  JxIndicatorValue value = { 0 };
  gboolean ok;

  g_return_val_if_fail (text != NULL, FALSE);
  /* The one reader of numbers as clerks type them: full-width digits,
   * thousands commas and a trailing 分 are read as the plain number. */
  jx_indicator_value_parse (text, &value);
  ok = value.op == JX_VALUE_EQUAL && (value.unit[0] == '\0' || g_str_equal (value.unit, "分"));
  if (ok && points != NULL)
    *points = number_of (&value);
  jx_indicator_value_clear (&value);
  return ok;
}

const char *
jx_score_grade (double total)
{
  if (total >= 90)
    return "优";
  if (total >= 80)
    return "良";
  if (total >= 60)
    return "中";
  return "差";
}

static char *
explain_rule (const JxRowScore *s)
{
  g_autofree char *weight = jx_score_format (s->weight);
  g_autofree char *target = jx_score_format (s->target);
  g_autofree char *actual = jx_score_format (s->actual);
  g_autofree char *computed = jx_score_format (s->computed);

  switch (s->status)
    {
    case JX_SCORE_NO_ACTUAL:
      return g_strdup (_("The actual value has no number to compare with the target: 0 points "
                         "until it is entered."));
    case JX_SCORE_UNIT_MISMATCH:
      return g_strdup (_("The actual value is in another unit than the target: write it in the "
                         "target’s unit. 0 points until then."));
    case JX_SCORE_NO_CHOICE:
      return g_strdup (_("A qualitative target: choose 达成, 部分达成 or 未达成. 0 points until "
                         "then."));
    case JX_SCORE_OK:
    default:
      break;
    }
  switch (s->rule)
    {
    case JX_SCORE_RULE_AT_LEAST:
      /* TRANSLATORS: actual, target, weight, result */
      return g_strdup_printf (_("At least the target: min (1, actual %s ÷ target %s) × %s = %s."),
                              actual, target, weight, computed);
    case JX_SCORE_RULE_AT_MOST:
      /* TRANSLATORS: target, actual, weight, result */
      return g_strdup_printf (_("At most the target: min (1, target %s ÷ actual %s) × %s = %s."),
                              target, actual, weight, computed);
    case JX_SCORE_RULE_EQUAL:
      if (s->computed > 0 || s->weight == 0)
        return g_strdup_printf (_("Equal to the target: the actual %s is the target, the whole %s."),
                                actual, weight);
      return g_strdup_printf (_("Equal to the target: the actual %s is not the target %s, so 0."),
                              actual, target);
    case JX_SCORE_RULE_QUALITATIVE:
    default:
      if (s->achievement == JX_ACHIEVEMENT_MET)
        return g_strdup_printf (_("Qualitative, 达成: the whole %s."), weight);
      if (s->achievement == JX_ACHIEVEMENT_PARTIAL)
        return g_strdup_printf (_("Qualitative, 部分达成: half of %s = %s."), weight, computed);
      return g_strdup (_("Qualitative, 未达成: 0."));
    }
}

/* How the actual was read when it was not written in the target's unit:
 * without a unit it is taken in the target's, which turns 0.98 against
 * ≥95% into 0.98%, not the 98% a clerk may have meant. */
static void
explain_reading (GString *text, const JxRowScore *s)
{
  g_autofree char *typed = jx_score_format (s->actual_typed);
  g_autofree char *actual = jx_score_format (s->actual);

  if (s->status != JX_SCORE_OK || s->rule == JX_SCORE_RULE_QUALITATIVE || s->unit[0] == '\0' ||
      g_str_equal (s->unit, s->actual_unit))
    return;
  if (s->actual_unit[0] != '\0')
    {
      /* TRANSLATORS: the actual with its unit, then in the target's unit */
      g_string_append_printf (text, _(" The actual %s%s is %s%s."), typed, s->actual_unit, actual,
                              s->unit);
      return;
    }
  /* TRANSLATORS: the number, then the number and the target's unit */
  g_string_append_printf (text, _(" The actual %s has no unit, so it is read as %s%s."), typed,
                          actual, s->unit);
  if (g_str_equal (s->unit, "%") && s->actual > 0 && s->actual <= 1 && s->target > 1)
    {
      g_autofree char *share = jx_score_format (s->actual * 100);

      g_string_append_printf (text, _(" If it is a share, write it as %s%%."), share);
    }
}

char *
jx_row_score_explain (const JxRowScore *score)
{
  g_autofree char *rule = NULL;
  g_autofree char *weight = NULL;
  g_autofree char *typed = NULL;
  GString *text;

  g_return_val_if_fail (score != NULL, NULL);

  rule = explain_rule (score);
  text = g_string_new (NULL);
  if (score->overridden)
    {
      typed = jx_score_format (score->score);
      /* TRANSLATORS: the typed score, then how the rule would score the row */
      g_string_append_printf (text, _("Entered by hand: %s. The rule gives: %s"), typed, rule);
    }
  else
    g_string_append (text, rule);
  explain_reading (text, score);
  if (score->weight_default)
    {
      g_autofree char *points = jx_score_format (jx_score_group_points (score->group));

      weight = jx_score_format (score->weight);
      if (score->group == JX_SCORE_GROUP_NONE)
        g_string_append (text, _(" No 分值 is set, and the row is neither 产出, 效益 nor 满意度, so "
                                 "it has no default share."));
      else if (score->shared_by == 1)
        /* "shared by its 1 row" reads badly, in Chinese too */
        g_string_append_printf (text, _(" 分值 %s: no 分值 is set, and the row is the only one of "
                                        "its group, so it has all of its %s points."),
                                weight, points);
      else
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                   " 分值 %s: no 分值 is set, so the %s points of "
                                                   "its group go to its %u row.",
                                                   " 分值 %s: no 分值 is set, so the %s points of "
                                                   "its group are shared by its %u rows.",
                                                   score->shared_by),
                                weight, points, score->shared_by);
    }
  return g_string_free (text, FALSE);
}

char *
jx_project_score_explain_execution (const JxProjectScore *score)
{
  g_autofree char *rate = NULL;
  g_autofree char *computed = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *rule = NULL;

  g_return_val_if_fail (score != NULL, NULL);

  computed = jx_score_format (score->execution_computed);
  if (score->rate < 0)
    rule = g_strdup (score->executed < 0
                       ? _("No 全年执行数 is entered: 0 points until it is.")
                       : _("The 全年预算数 is zero, so there is no 执行率: 0 points."));
  else
    {
      rate = jx_score_format (score->rate);
      /* TRANSLATORS: the execution rate in percent, then the points */
      rule = g_strdup_printf (_("执行率 %s%% ÷ 10 = %s (at most 10)."), rate, computed);
    }
  if (!score->execution_overridden)
    return g_steal_pointer (&rule);
  typed = jx_score_format (score->execution_score);
  return g_strdup_printf (_("Entered by hand: %s. The rule gives: %s"), typed, rule);
}
