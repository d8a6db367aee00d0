/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "jx-categories.h"
#include "jx-checkpoint.h"
#include "jx-checks-private.h"
#include "jx-model-private.h"
#include "jx-measure.h"
#include "jx-member-path.h"
#include "jx-money-text.h"
#include "jx-text-item.h"

/* The review rules. docs/checks.md explains each one and what it rests on;
 * keep the two in step. Ids are stable: output, tests and clerks' notes
 * refer to them. */
static const JxRule rules[N_RULES] = {
  [RULE_FUNDS_ZERO] = { "funds-zero", JX_SEVERITY_ERROR,
    N_("The project’s budget is zero") },
  [RULE_FUNDS_USAGE_MISMATCH] = { "funds-usage-mismatch", JX_SEVERITY_WARNING,
    N_("An amount in the usage text disagrees with the funds") },
  [RULE_PLAN_MISSING] = { "plan-missing", JX_SEVERITY_WARNING,
    N_("The spending plan is empty") },
  [RULE_PLAN_MONTH_ORDER] = { "plan-month-order", JX_SEVERITY_ERROR,
    N_("Spending plan months are not in calendar order") },
  [RULE_PLAN_DECREASING] = { "plan-decreasing", JX_SEVERITY_ERROR,
    N_("The cumulative spending plan goes down") },
  [RULE_PLAN_FLAT] = { "plan-flat", JX_SEVERITY_WARNING,
    N_("The spending plan never grows after its first month") },
  [RULE_PLAN_INCOMPLETE] = { "plan-incomplete", JX_SEVERITY_ERROR,
    N_("The spending plan does not reach 100%") },
  [RULE_GOALS_MISSING] = { "goals-missing", JX_SEVERITY_ERROR,
    N_("The project has no performance goals") },
  [RULE_OVERVIEW_MISSING] = { "overview-missing", JX_SEVERITY_WARNING,
    N_("The project has no entry in Part 1") },
  [RULE_INDICATORS_MISSING] = { "indicators-missing", JX_SEVERITY_ERROR,
    N_("The project has no indicators") },
  [RULE_LEVEL1_MISSING] = { "indicator-level1-missing", JX_SEVERITY_ERROR,
    N_("An output, benefit or satisfaction indicator is missing") },
  [RULE_OUTPUT_LEVEL2_MISSING] = { "indicator-output-level2-missing", JX_SEVERITY_WARNING,
    N_("Quantity, quality, time or cost output indicators are missing") },
  [RULE_CATEGORY_UNKNOWN] = { "indicator-category-unknown", JX_SEVERITY_WARNING,
    N_("An indicator category is not a standard name") },
  [RULE_CATEGORY_MISPLACED] = { "indicator-category-misplaced", JX_SEVERITY_WARNING,
    N_("A second-level indicator is under the wrong first level") },
  [RULE_NAME_DUPLICATE] = { "indicator-name-duplicate", JX_SEVERITY_WARNING,
    N_("The same indicator appears twice in a project") },
  [RULE_VALUE_MISSING] = { "indicator-value-missing", JX_SEVERITY_ERROR,
    N_("An indicator has no target value") },
  [RULE_VALUE_UNMEASURABLE] = { "indicator-value-unmeasurable", JX_SEVERITY_WARNING,
    N_("A target value is neither quantified nor a grade") },
  [RULE_TIME_NOT_DATE] = { "indicator-time-not-date", JX_SEVERITY_WARNING,
    N_("A time indicator is not a date or deadline") },
  [RULE_COST_NOT_AMOUNT] = { "indicator-cost-not-amount", JX_SEVERITY_WARNING,
    N_("A cost indicator is not an amount of money") },
  [RULE_COST_OVER_BUDGET] = { "indicator-cost-over-budget", JX_SEVERITY_ERROR,
    N_("A cost indicator exceeds the project’s budget") },
  [RULE_PERCENT_OVER_100] = { "indicator-percent-over-100", JX_SEVERITY_WARNING,
    N_("A percentage is over 100%") },
  [RULE_DATE_OUTSIDE_YEAR] = { "indicator-date-outside-year", JX_SEVERITY_WARNING,
    N_("A target date is outside the budget year") },
  [RULE_UNIT_MISMATCH] = { "indicator-unit-mismatch", JX_SEVERITY_WARNING,
    N_("A value’s unit contradicts the indicator’s name") },
  [RULE_COPY_GOAL] = { "copy-goal", JX_SEVERITY_WARNING,
    N_("A goal is word for word the same as another project’s") },
  [RULE_COPY_OVERVIEW] = { "copy-overview", JX_SEVERITY_WARNING,
    N_("A Part 1 entry is word for word the same as another project’s") },
  [RULE_COPY_INDICATORS] = { "copy-indicators", JX_SEVERITY_WARNING,
    N_("Indicator rows are word for word another project’s") },
  [RULE_PROJECT_NAME_DUPLICATE] = { "project-name-duplicate", JX_SEVERITY_WARNING,
    N_("Two projects have the same name") },
  [RULE_PROJECT_CODE_DUPLICATE] = { "project-code-duplicate", JX_SEVERITY_ERROR,
    N_("Two projects have the same code") },
  [RULE_TEXT_YEAR] = { "text-year", JX_SEVERITY_HINT,
    N_("The text names a year other than the budget year") },
  [RULE_TEXT_PUNCTUATION] = { "text-punctuation", JX_SEVERITY_HINT,
    N_("Half-width punctuation inside Chinese text") },
  [RULE_TEXT_LEFTOVER] = { "text-leftover", JX_SEVERITY_WARNING,
    N_("Leftover markup or template placeholder in the text") },
  [RULE_PROJECT_NAME_MISSING] = { "project-name-missing", JX_SEVERITY_ERROR,
    N_("A project has no name") },
  [RULE_PROJECT_CODE_MISSING] = { "project-code-missing", JX_SEVERITY_ERROR,
    N_("A project has no project code") },
  [RULE_CATEGORY_MISSING] = { "indicator-category-missing", JX_SEVERITY_ERROR,
    N_("An indicator row has no first or second level") },
  [RULE_INDICATOR_NAME_MISSING] = { "indicator-name-missing", JX_SEVERITY_ERROR,
    N_("An indicator row has no third-level name") },
  [RULE_SUMMARY_MISSING] = { "summary-missing", JX_SEVERITY_ERROR,
    N_("The 总体绩效目标 is empty") },
  [RULE_POINTS_MISSING] = { "points-missing", JX_SEVERITY_WARNING,
    N_("Part 1 lists no points under the 总体绩效目标") },
  [RULE_POINT_EMPTY] = { "point-empty", JX_SEVERITY_ERROR,
    N_("A point of Part 1 is empty") },
  [RULE_MEASURES_MISSING] = { "measures-missing", JX_SEVERITY_ERROR,
    N_("There are no guarantee measures") },
  [RULE_MEASURE_BODY_MISSING] = { "measure-body-missing", JX_SEVERITY_WARNING,
    N_("A guarantee measure has no text") },
  [RULE_COVER_INCOMPLETE] = { "cover-incomplete", JX_SEVERITY_ERROR,
    N_("The department’s name, unit code or unit name is empty") },
  [RULE_COVER_REVIEWER_MISSING] = { "cover-reviewer-missing", JX_SEVERITY_WARNING,
    N_("The reviewing finance bureau is not named") },
  [RULE_OVERVIEW_INCOMPLETE] = { "overview-incomplete", JX_SEVERITY_WARNING,
    N_("A project’s Part 1 entry lacks its description, goal or indicators") },
  [RULE_TEXT_NUMBERING] = { "text-numbering", JX_SEVERITY_WARNING,
    N_("A numbered item starts with numbering of its own") },
  [RULE_OVERVIEW_AMOUNT_MISMATCH] = { "overview-amount-mismatch", JX_SEVERITY_WARNING,
    N_("An amount in a project’s Part 1 entry disagrees with its funds") },
  [RULE_PART1_TOTAL_MISMATCH] = { "part1-total-mismatch", JX_SEVERITY_WARNING,
    N_("Part 1 states a project total other than the projects’ sum") },
  [RULE_TEXT_GLYPH_MISSING] = { "text-glyph-missing", JX_SEVERITY_HINT,
    N_("Characters that no installed font has") },
  /* Monitoring and evaluation, in the document's stage only */
  [RULE_MONITORING_EXECUTION_MISSING] = { "monitoring-execution-missing", JX_SEVERITY_ERROR, N_("The spending to date is missing") },
  [RULE_MONITORING_BEHIND_PLAN] = { "monitoring-behind-plan", JX_SEVERITY_WARNING, N_("Spending is behind the spending plan") },
  [RULE_MONITORING_OVER_BUDGET] = { "monitoring-over-budget", JX_SEVERITY_WARNING, N_("Spending is more than the budget") },
  [RULE_MONITORING_EXPECTED_MISSING] = { "monitoring-expected-missing", JX_SEVERITY_WARNING, N_("The expected spending for the year is missing") },
  [RULE_MONITORING_ACTUAL_MISSING] = { "monitoring-actual-missing", JX_SEVERITY_WARNING, N_("A quantified indicator has no value to date") },
  [RULE_MONITORING_LIKELIHOOD_MISSING] = { "monitoring-likelihood-missing", JX_SEVERITY_WARNING, N_("An indicator does not say whether its target will be met") },
  [RULE_MONITORING_CAUSE_MISSING] = { "monitoring-cause-missing", JX_SEVERITY_ERROR, N_("A target at risk has no cause of deviation or explanation") },
  [RULE_EVALUATION_EXECUTION_MISSING] = { "evaluation-execution-missing", JX_SEVERITY_ERROR, N_("The spending for the year is missing") },
  [RULE_EVALUATION_ACTUAL_MISSING] = { "evaluation-actual-missing", JX_SEVERITY_ERROR, N_("A quantified indicator has no actual value") },
  [RULE_EVALUATION_ACTUAL_UNIT] = { "evaluation-actual-unit", JX_SEVERITY_WARNING, N_("An actual value is in another unit than its target") },
  [RULE_EVALUATION_ACHIEVEMENT_MISSING] = { "evaluation-achievement-missing", JX_SEVERITY_ERROR, N_("A qualitative indicator is not judged") },
  [RULE_EVALUATION_SCORE_OVER_WEIGHT] = { "evaluation-score-over-weight", JX_SEVERITY_ERROR, N_("A typed score is more than the row’s weight") },
  [RULE_EVALUATION_WEIGHTS_NOT_90] = { "evaluation-weights-not-90", JX_SEVERITY_ERROR, N_("The indicators’ weights do not add up to 90") },
  [RULE_EVALUATION_TOTAL_OVER_100] = { "evaluation-total-over-100", JX_SEVERITY_ERROR, N_("The scores add up to more than 100") },
  [RULE_EVALUATION_CONCLUSION_MISSING] = { "evaluation-conclusion-missing", JX_SEVERITY_WARNING, N_("The evaluation has no conclusion") },
  [RULE_PROJECT_CODE_YEAR] = { "project-code-year", JX_SEVERITY_HINT,
    N_("A project code carries last year’s year segment") },
};

/* Texts shorter than this are set phrases that may well repeat. */
#define COPY_MIN_CHARS 10
/* A table shares this many rows with one earlier project, and at least half. */
#define COPY_MIN_ROWS 3

const JxRule *
jx_checks_get_rules (guint *n_rules)
{
  if (n_rules != NULL)
    *n_rules = N_RULES;
  return rules;
}

const JxRule *
jx_checks_find_rule (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < N_RULES; i++)
    if (g_str_equal (rules[i].id, id))
      return &rules[i];
  return NULL;
}

gboolean
jx_checks_rule_is_blank (const char *id)
{
  static const JxRuleId blank_rules[] = {
    RULE_COVER_INCOMPLETE, RULE_COVER_REVIEWER_MISSING, RULE_SUMMARY_MISSING, RULE_POINTS_MISSING,
    RULE_MEASURES_MISSING, RULE_PROJECT_NAME_MISSING, RULE_PROJECT_CODE_MISSING, RULE_FUNDS_ZERO,
    RULE_PLAN_MISSING, RULE_GOALS_MISSING, RULE_OVERVIEW_MISSING, RULE_INDICATORS_MISSING,
  };

  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (blank_rules); i++)
    if (g_str_equal (rules[blank_rules[i]].id, id))
      return TRUE;
  return FALSE;
}

void
jx_checker_report (JxChecker  *c,
                   JxRuleId    rule,
                   const char *suffix,
                   const char *format,
                   ...)
{
  g_autofree char *message = NULL;
  g_autofree char *path = g_strconcat (c->path->str, suffix, NULL);
  const char *shown = path[0] == '.' ? path + 1 : path;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Thousands of findings of a big document say the same few things. */
  g_ptr_array_add (c->findings,
                   jx_finding_new_take (jx_str_pool_get (c->said, rules[rule].id, strlen (rules[rule].id)),
                                        rules[rule].severity, jx_str_new (shown, strlen (shown)),
                                        c->project,
                                        jx_str_pool_get (c->said, message, strlen (message))));
}

/* ---- Text anywhere in the document ---- */

typedef enum
{
  TEXT_PUNCTUATION = 1 << 0,
  TEXT_LEFTOVER = 1 << 1,
  TEXT_YEAR = 1 << 2,
  TEXT_ALL = TEXT_PUNCTUATION | TEXT_LEFTOVER | TEXT_YEAR,
} TextRules;

static const char *
full_width_of (gunichar mark)
{
  switch (mark)
    {
    case ',': return "，";
    case ';': return "；";
    case ':': return "：";
    case '?': return "？";
    case '!': return "！";
    case '.': return "。";
    case '(': return "（";
    case ')': return "）";
    default: return "";
    }
}

static void
check_text (JxChecker *c, const char *suffix, const char *text, TextRules which)
{
  const char *leftover;
  gunichar mark;
  guint year;

  if ((which & TEXT_LEFTOVER) && (leftover = jx_text_leftover (text)) != NULL)
    jx_checker_report (c, RULE_TEXT_LEFTOVER, suffix,
                       _("“%s” is left over from a conversion or a template: replace it with what "
                         "is meant (e.g. “≥” for “$\\geq”, a real number for “XX”)."), leftover);
  if ((which & TEXT_PUNCTUATION) && (mark = jx_text_halfwidth_punct (text)) != 0)
    jx_checker_report (c, RULE_TEXT_PUNCTUATION, suffix,
                       _("Half-width “%c” inside Chinese text: use the full-width “%s”."),
                       (char) mark, full_width_of (mark));
  if ((which & TEXT_YEAR) && (year = jx_text_foreign_year (text, c->year)) != 0)
    jx_checker_report (c, RULE_TEXT_YEAR, suffix,
                       _("The text names %u年, but this is the %u budget: check that it was not "
                         "carried over from another year’s document."), year, c->year);
}

void
jx_checks_text_marks (JxChecker  *c,
                      const char *suffix,
                      const char *text)
{
  check_text (c, suffix, text, TEXT_PUNCTUATION | TEXT_LEFTOVER);
}

static gsize
push_path (JxChecker *c, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gsize
push_path (JxChecker *c, const char *format, ...)
{
  gsize mark = c->path->len;
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (c->path, format, args);
  va_end (args);
  return mark;
}

static void
pop_path (JxChecker *c, gsize mark)
{
  g_string_truncate (c->path, mark);
}

static void
check_overall (JxChecker *c)
{
  GListModel *points = jx_document_get_points (c->document);
  GListModel *measures = jx_document_get_measures (c->document);

  check_text (c, "overall.summary", jx_document_get_summary (c->document), TEXT_ALL);
  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(JxTextItem) point = g_list_model_get_item (points, i);
      g_autofree char *suffix = g_strdup_printf ("overall.points[%u]", i);

      check_text (c, suffix, jx_text_item_get_text (point), TEXT_ALL);
    }
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(JxMeasure) measure = g_list_model_get_item (measures, i);
      g_autofree char *heading = g_strdup_printf ("measures[%u].heading", i);
      g_autofree char *body = g_strdup_printf ("measures[%u].body", i);

      check_text (c, heading, jx_measure_get_heading (measure), TEXT_ALL);
      check_text (c, body, jx_measure_get_body (measure), TEXT_ALL);
    }
}

/* ---- Funds and spending plan ---- */

static void
check_usage_amount (JxChecker *c, JxProject *project, const char *label, JxMoney expected,
                    gboolean *reported)
{
  g_autofree char *written = NULL;
  g_autofree char *actual = NULL;
  JxMoney in_text;

  if (*reported ||
      !jx_money_text_after (jx_project_get_usage (project), label, c->unit, &in_text, &written) ||
      in_text == expected)
    return;
  actual = jx_money_format (expected);
  jx_checker_report (c, RULE_FUNDS_USAGE_MISMATCH, ".usage",
                     _("The usage text says %s %s, but the funds give %s %s: make the text "
                       "and the amounts agree."), label, written, actual, c->unit);
  *reported = TRUE;
}

static void
check_funds (JxChecker *c, JxProject *project)
{
  gboolean reported = FALSE;

  if (jx_project_get_total (project) == 0)
    jx_checker_report (c, RULE_FUNDS_ZERO, ".funds",
                       _("The budget (预算数) is zero: enter the project’s 财政资金 and 其他资金."));
  check_usage_amount (c, project, "预算数", jx_project_get_total (project), &reported);
  check_usage_amount (c, project, "财政资金", jx_project_get_fiscal (project), &reported);
  check_usage_amount (c, project, "其他资金", jx_project_get_other (project), &reported);
}

static void
check_plan_steps (JxChecker *c, GListModel *plan, gboolean *flat)
{
  guint n = g_list_model_get_n_items (plan);
  guint last_month = 0;
  double last_percent = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxCheckpoint) point = g_list_model_get_item (plan, i);
      guint month = jx_checkpoint_get_month (point);
      double percent = jx_checkpoint_get_percent (point);
      g_autofree char *suffix = NULL;

      if (i > 0 && month <= last_month)
        {
          suffix = g_strdup_printf (".spending_plan[%u].month", i);
          jx_checker_report (c, RULE_PLAN_MONTH_ORDER, suffix,
                             _("Month %u comes after month %u: list the months in calendar "
                               "order, each once."), month, last_month);
        }
      else if (i > 0 && percent < last_percent - 1e-9)
        {
          suffix = g_strdup_printf (".spending_plan[%u].percent", i);
          jx_checker_report (c, RULE_PLAN_DECREASING, suffix,
                             _("The plan falls from %g%% to %g%% by month %u, but money spent "
                               "cannot be unspent: each figure is the total so far."),
                             last_percent, percent, month);
        }
      if (i > 0 && fabs (percent - last_percent) > 1e-9)
        *flat = FALSE;
      last_month = month;
      last_percent = percent;
    }
}

static void
check_plan (JxChecker *c, JxProject *project)
{
  GListModel *plan = jx_project_get_spending_plan (project);
  guint n = g_list_model_get_n_items (plan);
  g_autoptr(JxCheckpoint) first = NULL;
  g_autoptr(JxCheckpoint) last = NULL;
  g_autofree char *suffix = NULL;
  gboolean flat = TRUE;

  if (n == 0)
    {
      jx_checker_report (c, RULE_PLAN_MISSING, ".spending_plan",
                         _("No spending plan: give the share of the budget spent by the end of "
                           "e.g. March, June, October and December, reaching 100%%."));
      return;
    }
  check_plan_steps (c, plan, &flat);
  first = g_list_model_get_item (plan, 0);
  last = g_list_model_get_item (plan, n - 1);
  if (n > 1 && flat && jx_checkpoint_get_percent (last) < 100)
    jx_checker_report (c, RULE_PLAN_FLAT, ".spending_plan",
                       _("The plan stays at %g%% from month %u on: each figure is the total spent "
                         "so far, so it must grow as the money is spent."),
                       jx_checkpoint_get_percent (last),
                       jx_checkpoint_get_month (first));
  if (jx_checkpoint_get_percent (last) < 100)
    {
      suffix = g_strdup_printf (".spending_plan[%u].percent", n - 1);
      jx_checker_report (c, RULE_PLAN_INCOMPLETE, suffix,
                         _("The plan ends at %g%% by month %u: the whole budget must be spent "
                           "within the year, so the last figure is 100%%."),
                         jx_checkpoint_get_percent (last), jx_checkpoint_get_month (last));
    }
}

/* ---- Copy-paste between projects ---- */

typedef struct
{
  char *path;
  int   project;
} TextSource;

static void
text_source_free (gpointer data)
{
  TextSource *source = data;

  g_free (source->path);
  g_free (source);
}

static void
check_copy (JxChecker *c, JxRuleId rule, const char *suffix, const char *text, JxProject *project)
{
  g_autofree char *key = jx_text_squash (text);
  g_autofree char *where = NULL;
  TextSource *source;

  if (g_utf8_strlen (key, -1) < COPY_MIN_CHARS)
    return;
  source = g_hash_table_lookup (c->texts, key);
  if (source == NULL)
    {
      source = g_new0 (TextSource, 1);
      source->path = g_strconcat (c->path->str, suffix, NULL);
      source->project = c->project;
      g_hash_table_insert (c->texts, g_steal_pointer (&key), source);
      return;
    }
  if (source->project == c->project)
    return;
  where = jx_member_path_describe_string (source->path, c->document);
  jx_checker_report (c, rule, suffix,
                     _("Word for word the same as %s: reviewers return templated text. "
                       "Write what this project itself does and achieves."), where);
}

/* ---- Goals, Part 1 entry ---- */

static void
check_goals (JxChecker *c, JxProject *project)
{
  GListModel *goals = jx_project_get_goals (project);
  gboolean any = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(JxTextItem) goal = g_list_model_get_item (goals, i);
      const char *text = jx_text_item_get_text (goal);
      g_autofree char *suffix = g_strdup_printf (".goals[%u]", i);

      any = any || !jx_text_is_blank (text);
      check_copy (c, RULE_COPY_GOAL, suffix, text, project);
      check_text (c, suffix, text, TEXT_ALL);
    }
  if (!any)
    jx_checker_report (c, RULE_GOALS_MISSING, ".goals",
                       _("No performance goals (绩效目标): state what the money will achieve this "
                         "year, specifically and measurably."));
}

static void
check_overview (JxChecker *c, JxProject *project)
{
  const char *texts[] = {
    jx_project_get_overview_description (project),
    jx_project_get_overview_goal (project),
    jx_project_get_overview_indicator_summary (project),
  };
  const char *suffixes[] = {
    ".overview.description", ".overview.goal", ".overview.indicator_summary",
  };
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      any = any || !jx_text_is_blank (texts[i]);
      check_copy (c, RULE_COPY_OVERVIEW, suffixes[i], texts[i], project);
      check_text (c, suffixes[i], texts[i], TEXT_ALL);
    }
  jx_checks_summary_units (c, texts[2], suffixes[2]);
  if (!any)
    jx_checker_report (c, RULE_OVERVIEW_MISSING, ".overview",
                       _("The project has no entry in Part 1 (二、分项绩效目标): describe it, its "
                         "goal and its main indicators there."));
}

/* ---- Indicator categories ---- */

/* Every standard second level once, in the table's order. */
static GPtrArray *
all_level2 (const char *under)
{
  const char * const *level1 = jx_categories_level1 ();
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; level1[i] != NULL; i++)
    {
      const char * const *level2 = jx_categories_level2 (level1[i]);

      if (under != NULL && !g_str_equal (under, level1[i]))
        continue;
      for (guint j = 0; level2[j] != NULL; j++)
        if (!g_ptr_array_find_with_equal_func (names, level2[j], g_str_equal, NULL))
          g_ptr_array_add (names, (gpointer) level2[j]);
    }
  return names;
}

static const char *
closest (const char *name, GPtrArray *candidates)
{
  const char *best = g_ptr_array_index (candidates, 0);
  guint best_distance = G_MAXUINT;

  for (guint i = 0; i < candidates->len; i++)
    {
      guint distance = jx_text_distance (name, g_ptr_array_index (candidates, i));

      if (distance < best_distance)
        {
          best = g_ptr_array_index (candidates, i);
          best_distance = distance;
        }
    }
  return best;
}

static void
check_level2 (JxChecker *c, const char *prefix, const char *level1, const char *level2)
{
  g_autofree char *suffix = g_strconcat (prefix, ".level2", NULL);
  const char *home = jx_categories_home (level2);

  if (home == NULL)
    {
      /* Suggest from the first level's own list when it is a standard one. */
      g_autoptr(GPtrArray) candidates = all_level2 (jx_categories_is_level1 (level1) ? level1 : NULL);

      jx_checker_report (c, RULE_CATEGORY_UNKNOWN, suffix,
                         _("“%s” is not a standard 二级指标: did you mean “%s”?"),
                         level2, closest (level2, candidates));
    }
  else if (jx_categories_is_level1 (level1) && !jx_categories_fits (level1, level2))
    jx_checker_report (c, RULE_CATEGORY_MISPLACED, suffix,
                       _("“%s” belongs under “%s”, not under “%s”: correct the 一级指标 or "
                         "the 二级指标."), level2, home, level1);
}

/* 效果指标 of the former framework split into 效益指标 and 满意度指标: the
 * row's second level says which of the two it is. */
static void
report_former_level1 (JxChecker *c, const char *suffix, const char *level1, const char *level2)
{
  const char *home = jx_categories_home (level2);

  if (g_strcmp0 (home, "效益指标") == 0 || g_strcmp0 (home, "满意度指标") == 0)
    jx_checker_report (c, RULE_CATEGORY_UNKNOWN, suffix,
                       _("“%s” is the first level of the former framework; the current form "
                         "puts “%s” under “%s”."), level1, level2, home);
  else
    jx_checker_report (c, RULE_CATEGORY_UNKNOWN, suffix,
                       _("“%s” is the first level of the former framework; the current form "
                         "has 效益指标 and 满意度指标 in its place."), level1);
}

/* An empty category is a row still being written, not a misspelt one. */
static gboolean
check_category_filled (JxChecker *c, const char *prefix, JxIndicator *indicator)
{
  const char *level1 = jx_indicator_get_level1 (indicator);
  g_autofree char *suffix = NULL;

  if (jx_text_is_blank (level1))
    {
      suffix = g_strconcat (prefix, ".level1", NULL);
      jx_checker_report (c, RULE_CATEGORY_MISSING, suffix,
                         _("The row has no 一级指标: choose 产出指标, 效益指标 or 满意度指标."));
      return FALSE;
    }
  if (jx_text_is_blank (jx_indicator_get_level2 (indicator)))
    {
      suffix = g_strconcat (prefix, ".level2", NULL);
      jx_checker_report (c, RULE_CATEGORY_MISSING, suffix,
                         _("The row has no 二级指标: choose one of those under “%s”."), level1);
      return FALSE;
    }
  return TRUE;
}

static void
check_category (JxChecker *c, const char *prefix, JxIndicator *indicator)
{
  const char *level1 = jx_indicator_get_level1 (indicator);
  const char *level2 = jx_indicator_get_level2 (indicator);
  g_autofree char *suffix = g_strconcat (prefix, ".level1", NULL);

  if (!check_category_filled (c, prefix, indicator))
    return;
  if (jx_categories_is_former (level1))
    report_former_level1 (c, suffix, level1, level2);
  else if (!jx_categories_is_level1 (level1))
    {
      g_autoptr(GPtrArray) candidates = g_ptr_array_new ();

      for (const char * const *l = jx_categories_level1 (); *l != NULL; l++)
        g_ptr_array_add (candidates, (gpointer) *l);
      jx_checker_report (c, RULE_CATEGORY_UNKNOWN, suffix,
                         _("“%s” is not a standard 一级指标: did you mean “%s”?"), level1,
                         closest (level1, candidates));
    }
  check_level2 (c, prefix, level1, level2);
}

typedef struct
{
  gboolean output, benefit, satisfaction;
  gboolean quantity, quality, time, cost;
} Coverage;

static void
note_coverage (Coverage *seen, JxIndicator *indicator)
{
  const char *level1 = jx_indicator_get_level1 (indicator);
  const char *level2 = jx_indicator_get_level2 (indicator);
  gboolean output = strstr (level1, "产出") != NULL;

  gboolean satisfaction = strstr (level1, "满意") != NULL || strstr (level2, "满意") != NULL;

  seen->output |= output;
  seen->benefit |= strstr (level1, "效益") != NULL ||
                   (strstr (level1, "效果") != NULL && !satisfaction);
  seen->satisfaction |= satisfaction;
  seen->quantity |= output && strstr (level2, "数量") != NULL;
  seen->quality |= output && strstr (level2, "质量") != NULL;
  seen->time |= output && strstr (level2, "时效") != NULL;
  seen->cost |= (output && strstr (level2, "成本") != NULL) || strstr (level1, "成本") != NULL;
}

static void
report_coverage (JxChecker *c, const Coverage *seen)
{
  const struct { gboolean have; const char *name; } level1[] = {
    { seen->output, "产出指标" }, { seen->benefit, "效益指标" }, { seen->satisfaction, "满意度指标" },
  };
  const struct { gboolean have; const char *name; } level2[] = {
    { seen->quantity, "数量指标" }, { seen->quality, "质量指标" }, { seen->time, "时效指标" },
    { seen->cost, "成本指标" },
  };
  g_autoptr(GString) missing = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (level1); i++)
    if (!level1[i].have)
      jx_checker_report (c, RULE_LEVEL1_MISSING, ".indicators",
                         _("No %s: every project table needs output, benefit and satisfaction "
                           "indicators. Add at least one %s row."), level1[i].name, level1[i].name);
  if (!seen->output)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (level2); i++)
    if (!level2[i].have)
      g_string_append_printf (missing, "%s%s", missing->len > 0 ? "、" : "", level2[i].name);
  if (missing->len > 0)
    jx_checker_report (c, RULE_OUTPUT_LEVEL2_MISSING, ".indicators",
                       _("The 产出指标 lack %s: output is measured by quantity, quality, time and "
                         "cost. Add the missing rows."), missing->str);
}

/* ---- Indicator table ---- */

static char *
row_key (JxIndicator *indicator)
{
  g_autofree char *key = g_strjoin ("\x1f", jx_indicator_get_level1 (indicator),
                                    jx_indicator_get_level2 (indicator),
                                    jx_indicator_get_name (indicator),
                                    jx_indicator_get_description (indicator),
                                    jx_indicator_get_value (indicator), NULL);

  return jx_text_squash (key);
}

/* Satisfaction rows ("群众满意度 ≥95%") are the same everywhere by nature;
 * only the rest of a table shows whether it was written for the project. */
static void
check_copied_rows (JxChecker *c, GListModel *indicators)
{
  g_autoptr(GHashTable) tally = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (indicators);
  gpointer best = NULL;
  guint best_count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxIndicator) indicator = g_list_model_get_item (indicators, i);
      gpointer first;
      guint count;

      if (strstr (jx_indicator_get_level1 (indicator), "满意") != NULL)
        continue;
      g_ptr_array_add (keys, row_key (indicator));
      first = g_hash_table_lookup (c->rows, g_ptr_array_index (keys, keys->len - 1));
      if (first == NULL)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (tally, first)) + 1;
      g_hash_table_insert (tally, first, GUINT_TO_POINTER (count));
      if (count > best_count)
        {
          best = first;
          best_count = count;
        }
    }
  if (best_count >= COPY_MIN_ROWS && best_count * 2 >= keys->len)
    {
      g_autoptr(JxProject) source =
        g_list_model_get_item (jx_document_get_projects (c->document), GPOINTER_TO_UINT (best) - 1);

      jx_checker_report (c, RULE_COPY_INDICATORS, ".indicators",
                         _("%u of these indicator rows are word for word those of “%s”: set "
                           "indicators that measure this project."),
                         best_count, jx_project_get_name (source));
    }
  for (guint i = 0; i < keys->len; i++)
    if (!g_hash_table_contains (c->rows, g_ptr_array_index (keys, i)))
      g_hash_table_insert (c->rows, g_strdup (g_ptr_array_index (keys, i)),
                           GINT_TO_POINTER (c->project + 1));
}

static void
check_indicator (JxChecker *c, JxIndicator *indicator, guint index, GHashTable *names)
{
  g_autofree char *prefix = g_strdup_printf (".indicators[%u]", index);
  g_autofree char *name_path = g_strconcat (prefix, ".name", NULL);
  g_autofree char *value_path = g_strconcat (prefix, ".value", NULL);
  g_autofree char *description_path = g_strconcat (prefix, ".description", NULL);
  g_autofree char *basis_path = g_strconcat (prefix, ".basis", NULL);
  g_autofree char *name = jx_text_squash (jx_indicator_get_name (indicator));
  gpointer first;

  check_category (c, prefix, indicator);
  if (name[0] == '\0')
    jx_checker_report (c, RULE_INDICATOR_NAME_MISSING, name_path,
                       _("The row has no 三级指标: name what it measures, such as “培训人次”."));
  else if (g_hash_table_lookup_extended (names, name, NULL, &first))
    jx_checker_report (c, RULE_NAME_DUPLICATE, name_path,
                       _("The 三级指标 “%s” is already row %u of this table: merge the two rows or "
                         "name what each one measures."), jx_indicator_get_name (indicator),
                       GPOINTER_TO_UINT (first) + 1);
  else
    g_hash_table_insert (names, g_steal_pointer (&name), GUINT_TO_POINTER (index));
  jx_checks_indicator_value (c, indicator, value_path);
  check_text (c, name_path, jx_indicator_get_name (indicator), TEXT_ALL);
  check_text (c, description_path, jx_indicator_get_description (indicator), TEXT_ALL);
  /* A value's year is the value rule's business, and a basis cites
   * documents of earlier years by nature. */
  check_text (c, value_path, jx_indicator_get_value (indicator), TEXT_PUNCTUATION | TEXT_LEFTOVER);
  check_text (c, basis_path, jx_indicator_get_basis (indicator), TEXT_PUNCTUATION | TEXT_LEFTOVER);
}

static void
check_indicators (JxChecker *c, JxProject *project)
{
  GListModel *indicators = jx_project_get_indicators (project);
  guint n = g_list_model_get_n_items (indicators);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Coverage seen = { FALSE, };

  if (n == 0)
    {
      jx_checker_report (c, RULE_INDICATORS_MISSING, ".indicators",
                         _("No indicators: add output (产出), benefit (效益) and satisfaction "
                           "(满意度) indicators with measurable targets."));
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxIndicator) indicator = g_list_model_get_item (indicators, i);

      note_coverage (&seen, indicator);
      check_indicator (c, indicator, i, names);
    }
  report_coverage (c, &seen);
  check_copied_rows (c, indicators);
}

/* ---- Projects ---- */

static void
check_identity (JxChecker *c, JxProject *project)
{
  const char *name = jx_project_get_name (project);
  const char *code = jx_project_get_code (project);
  guint first;

  if (jx_text_is_blank (name))
    jx_checker_report (c, RULE_PROJECT_NAME_MISSING, ".name",
                       _("The project has no name: enter its 项目名称 as in the budget."));
  if (jx_text_is_blank (code))
    jx_checker_report (c, RULE_PROJECT_CODE_MISSING, ".code",
                       _("The project has no 项目编码: enter the code the budget system gave "
                         "it before handing the document in."));

  first = GPOINTER_TO_UINT (g_hash_table_lookup (c->names, name));
  if (first != 0)
    jx_checker_report (c, RULE_PROJECT_NAME_DUPLICATE, ".name",
                       _("Project %u in the list has the same name: give each project its "
                         "own name, or merge the two."), first);
  else if (!jx_text_is_blank (name))
    g_hash_table_insert (c->names, (gpointer) name, GUINT_TO_POINTER (c->project + 1));

  first = GPOINTER_TO_UINT (g_hash_table_lookup (c->codes, code));
  if (first != 0)
    jx_checker_report (c, RULE_PROJECT_CODE_DUPLICATE, ".code",
                       _("Project %u in the list has the same 项目编码: every project has its "
                         "own code from the budget system."), first);
  else if (!jx_text_is_blank (code))
    g_hash_table_insert (c->codes, (gpointer) code, GUINT_TO_POINTER (c->project + 1));
}

static void
check_project (JxChecker *c, JxProject *project)
{
  c->total = jx_project_get_total (project);
  check_identity (c, project);
  check_text (c, ".name", jx_project_get_name (project), TEXT_PUNCTUATION | TEXT_LEFTOVER);
  check_funds (c, project);
  check_text (c, ".usage", jx_project_get_usage (project), TEXT_ALL);
  check_plan (c, project);
  check_goals (c, project);
  check_overview (c, project);
  check_indicators (c, project);
  jx_checks_stage (c, project);
  jx_checks_year_project (c, project);
}

GPtrArray *
jx_checks_run (JxDocument *document)
{
  return jx_checks_run_with_fonts (document, NULL, NULL);
}

GPtrArray *
jx_checks_run_with_fonts (JxDocument       *document,
                          JxGlyphCoverFunc  covers,
                          gpointer          user_data)
{
  GListModel *projects;
  JxChecker c = { 0, };

  g_return_val_if_fail (JX_IS_DOCUMENT (document), NULL);

  projects = jx_document_get_projects (document);
  c.document = document;
  c.year = jx_document_get_year (document);
  c.unit = jx_document_get_money_unit (document);
  c.findings = g_ptr_array_new_with_free_func (g_object_unref);
  c.path = g_string_new (NULL);
  c.project = -1;
  /* Keys borrow the projects' strings: the document holds them, and
   * nothing edits it during a run. */
  c.names = g_hash_table_new (g_str_hash, g_str_equal);
  c.codes = g_hash_table_new (g_str_hash, g_str_equal);
  c.texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, text_source_free);
  c.rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c.said = jx_str_pool_new ();
  c.covers = covers;
  c.covers_data = user_data;

  check_overall (&c);
  jx_checks_part1 (&c);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);
      gsize mark = push_path (&c, "projects[%u]", i);

      c.project = (int) i;
      check_project (&c, project);
      jx_checks_part1_project (&c, project);
      pop_path (&c, mark);
    }

  g_string_free (c.path, TRUE);
  g_hash_table_unref (c.names);
  g_hash_table_unref (c.codes);
  g_hash_table_unref (c.texts);
  g_hash_table_unref (c.rows);
  jx_str_pool_free (c.said);
  return c.findings;
}

void
jx_checks_count (GPtrArray *findings,
                 guint     *errors,
                 guint     *warnings,
                 guint     *hints)
{
  guint counts[JX_SEVERITY_ERROR + 1] = { 0, };

  g_return_if_fail (findings != NULL);

  for (guint i = 0; i < findings->len; i++)
    counts[jx_finding_get_severity (g_ptr_array_index (findings, i))]++;
  if (errors != NULL)
    *errors = counts[JX_SEVERITY_ERROR];
  if (warnings != NULL)
    *warnings = counts[JX_SEVERITY_WARNING];
  if (hints != NULL)
    *hints = counts[JX_SEVERITY_HINT];
}

JxSeverity
jx_checks_worst_for_project (GPtrArray *findings,
                             guint      project)
{
  JxSeverity worst = JX_SEVERITY_NONE;

  g_return_val_if_fail (findings != NULL, JX_SEVERITY_NONE);

  for (guint i = 0; i < findings->len; i++)
    {
      JxFinding *finding = g_ptr_array_index (findings, i);

      if (jx_finding_get_project (finding) == (int) project)
        worst = MAX (worst, jx_finding_get_severity (finding));
    }
  return worst;
}

int
jx_checks_path_project (const char *path)
{
  g_autoptr(JxMemberPath) parsed = NULL;

  g_return_val_if_fail (path != NULL, -1);
  parsed = jx_member_path_parse (path);
  return parsed != NULL ? jx_member_path_get_project (parsed) : -1;
}
