/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-checks.h"
#include "jx-indicator.h"
#include "jx-indicator-value.h"

G_BEGIN_DECLS

/* Indices into the rule table of jx-checks.c; the order is the table's. */
typedef enum
{
  RULE_FUNDS_ZERO,
  RULE_FUNDS_USAGE_MISMATCH,
  RULE_PLAN_MISSING,
  RULE_PLAN_MONTH_ORDER,
  RULE_PLAN_DECREASING,
  RULE_PLAN_FLAT,
  RULE_PLAN_INCOMPLETE,
  RULE_GOALS_MISSING,
  RULE_OVERVIEW_MISSING,
  RULE_INDICATORS_MISSING,
  RULE_LEVEL1_MISSING,
  RULE_OUTPUT_LEVEL2_MISSING,
  RULE_CATEGORY_UNKNOWN,
  RULE_CATEGORY_MISPLACED,
  RULE_NAME_DUPLICATE,
  RULE_VALUE_MISSING,
  RULE_VALUE_UNMEASURABLE,
  RULE_TIME_NOT_DATE,
  RULE_COST_NOT_AMOUNT,
  RULE_COST_OVER_BUDGET,
  RULE_PERCENT_OVER_100,
  RULE_DATE_OUTSIDE_YEAR,
  RULE_UNIT_MISMATCH,
  RULE_COPY_GOAL,
  RULE_COPY_OVERVIEW,
  RULE_COPY_INDICATORS,
  RULE_PROJECT_NAME_DUPLICATE,
  RULE_PROJECT_CODE_DUPLICATE,
  RULE_TEXT_YEAR,
  RULE_TEXT_PUNCTUATION,
  RULE_TEXT_LEFTOVER,
  RULE_PROJECT_NAME_MISSING,
  RULE_PROJECT_CODE_MISSING,
  RULE_CATEGORY_MISSING,
  RULE_INDICATOR_NAME_MISSING,
  /* jx-checks-part1.c: Part 1, the cover, typed numbering, amounts in texts */
  RULE_SUMMARY_MISSING,
  RULE_POINTS_MISSING,
  RULE_POINT_EMPTY,
  RULE_MEASURES_MISSING,
  RULE_MEASURE_BODY_MISSING,
  RULE_COVER_INCOMPLETE,
  RULE_COVER_REVIEWER_MISSING,
  RULE_OVERVIEW_INCOMPLETE,
  RULE_TEXT_NUMBERING,
  RULE_OVERVIEW_AMOUNT_MISMATCH,
  RULE_PART1_TOTAL_MISMATCH,
  RULE_TEXT_GLYPH_MISSING,
  /* jx-checks-stage.c */
  RULE_MONITORING_EXECUTION_MISSING,
  RULE_MONITORING_BEHIND_PLAN,
  RULE_MONITORING_OVER_BUDGET,
  RULE_MONITORING_EXPECTED_MISSING,
  RULE_MONITORING_ACTUAL_MISSING,
  RULE_MONITORING_LIKELIHOOD_MISSING,
  RULE_MONITORING_CAUSE_MISSING,
  RULE_EVALUATION_EXECUTION_MISSING,
  RULE_EVALUATION_ACTUAL_MISSING,
  RULE_EVALUATION_ACTUAL_UNIT,
  RULE_EVALUATION_ACHIEVEMENT_MISSING,
  RULE_EVALUATION_SCORE_OVER_WEIGHT,
  RULE_EVALUATION_WEIGHTS_NOT_90,
  RULE_EVALUATION_TOTAL_OVER_100,
  RULE_EVALUATION_CONCLUSION_MISSING,
  /* jx-checks-year.c: a document carried over from last year */
  RULE_PROJECT_CODE_YEAR,
  N_RULES
} JxRuleId;

/* State of one run: where we are (path, project) and what earlier
 * projects said, for the rules that compare projects. */
typedef struct
{
  JxDocument *document;
  guint       year;
  const char *unit;
  JxMoney     total;       /* of the current project */
  GPtrArray  *findings;
  GString    *path;
  int         project;
  GHashTable *names;       /* project name → index + 1 */
  GHashTable *codes;       /* project code → index + 1 */
  GHashTable *texts;       /* goal or overview text → path of first use */
  GHashTable *rows;        /* indicator row key → index + 1 of first project */
  struct _JxStrPool *said; /* the findings' rule ids and messages, each kept once */
  JxGlyphCoverFunc covers; /* NULL: fonts are not checked */
  gpointer    covers_data;
} JxChecker;

/* Adds a finding at the current path followed by suffix (may be NULL). */
void jx_checker_report (JxChecker  *c,
                        JxRuleId    rule,
                        const char *suffix,
                        const char *format,
                        ...) G_GNUC_PRINTF (4, 5);

/* jx-checks-part1.c: the document's own parts, then one project. */
void jx_checks_part1         (JxChecker  *c);
void jx_checks_part1_project (JxChecker  *c,
                              JxProject  *project);
/* jx-checks-year.c: one project. */
void jx_checks_year_project (JxChecker  *c,
                             JxProject  *project);

void jx_checks_indicator_value (JxChecker   *c,
                                JxIndicator *indicator,
                                const char  *suffix);
void jx_checks_summary_units   (JxChecker   *c,
                                const char  *text,
                                const char  *suffix);
/* text-punctuation and text-leftover on a text at suffix, as on the goal
 * table's values (jx-checks.c). */
void jx_checks_text_marks      (JxChecker   *c,
                                const char  *suffix,
                                const char  *text);
/* text-glyph-missing on a text at suffix (jx-checks-part1.c). */
void jx_checks_glyphs          (JxChecker   *c,
                                const char  *suffix,
                                const char  *text);
/* The rules of the document's stage (monitoring or evaluation) on a project. */
void jx_checks_stage           (JxChecker   *c,
                                JxProject   *project);

gboolean  jx_text_is_blank        (const char  *text);
gboolean  jx_text_contains_any    (const char  *text,
                                   const char * const *words);
/* The first ASCII , ; : ? ! . ( ) used inside Chinese text, or 0. */
gunichar  jx_text_halfwidth_punct (const char  *text);
/* The first leftover of markup or a template ("$\geq", "&gt;", "XX"), or NULL. */
const char *jx_text_leftover      (const char  *text);
/* The first "YYYY年" other than year that is not a comparison, a range
 * covering year, or inside a 《title》; 0 when none. */
guint     jx_text_foreign_year    (const char  *text,
                                   guint        year);
guint     jx_text_distance        (const char  *a,
                                   const char  *b);
/* Text with whitespace removed, for word-for-word comparison. */
char     *jx_text_squash          (const char  *text);

G_END_DECLS
