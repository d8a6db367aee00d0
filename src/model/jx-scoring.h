/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-stage.h"

G_BEGIN_DECLS

/* The 自评 score of a project, as the usual self-evaluation forms compute
 * it (after 财预〔2020〕10号《项目支出绩效评价管理办法》): 预算执行率 10 points
 * (执行率 × 10, at most 10) and the indicators 90 points, split by each
 * row's 分值. Everything here is computed from the model on demand; nothing
 * is stored but what the clerk typed (分值, 达成, an overriding 得分). */

#define JX_SCORE_EXECUTION_POINTS  10.0
#define JX_SCORE_INDICATOR_POINTS  90.0

/* How a row's score follows from its target. */
typedef enum
{
  JX_SCORE_RULE_QUALITATIVE,  /* 定性: full, half or none by 达成 / 部分达成 / 未达成 */
  JX_SCORE_RULE_AT_LEAST,     /* ≥ (or >): min (1, 实际 ÷ 目标) × 分值 */
  JX_SCORE_RULE_AT_MOST,      /* ≤ (or <): min (1, 目标 ÷ 实际) × 分值 */
  JX_SCORE_RULE_EQUAL,        /* =: the whole 分值 when met, else nothing */
} JxScoreRule;

/* Whether the rule had what it needs. A row that is not OK scores 0 until
 * it is completed (or its score is typed). */
typedef enum
{
  JX_SCORE_OK,
  JX_SCORE_NO_ACTUAL,         /* no number in 实际完成值 for a quantitative row */
  JX_SCORE_UNIT_MISMATCH,     /* 实际完成值 in a unit other than the target's */
  JX_SCORE_NO_CHOICE,         /* a qualitative row without 达成 / 部分达成 / 未达成 */
} JxScoreStatus;

/* The default share of the 90 points a row belongs to. */
typedef enum
{
  JX_SCORE_GROUP_OUTPUT,        /* 产出 (成本指标 with it): 50 */
  JX_SCORE_GROUP_BENEFIT,       /* 效益: 30 */
  JX_SCORE_GROUP_SATISFACTION,  /* 满意度: 10 */
  JX_SCORE_GROUP_NONE,          /* none of them: no default 分值 */
} JxScoreGroup;

typedef struct
{
  JxScoreRule   rule;
  JxScoreStatus status;
  JxScoreGroup  group;
  double        weight;          /* the 分值 the row is worth */
  gboolean      weight_default;  /* from the default split, none being set */
  guint         shared_by;       /* default split: rows sharing the group's points */
  double        target;          /* quantitative rules: the numbers compared, */
  double        actual;          /* in the target's unit */
  JxAchievement achievement;     /* the qualitative rule's choice */
  double        computed;        /* by the rule, to 0.01 */
  double        score;           /* computed, or the clerk's own */
  gboolean      overridden;
  /* How the 实际完成值 was read, for the explanation: */
  char          unit[48];        /* the target's unit ("%"), "" without one */
  double        actual_typed;    /* the actual's number as written */
  char          actual_unit[48]; /* its own unit, "" when it had none */
} JxRowScore;

typedef struct
{
  JxMoney     budget;            /* 全年预算数, entered or standing in */
  JxMoney     executed;          /* 全年执行数, JX_AMOUNT_UNSET when missing */
  double      rate;              /* 执行率 in percent, -1 when unknown */
  double      execution_computed;
  double      execution_score;
  gboolean    execution_overridden;
  guint       n_rows;
  JxRowScore *rows;              /* one per indicator, in table order */
  gboolean    weights_default;   /* no row has a 分值: the default split */
  double      weights_total;     /* Σ 分值 */
  double      rows_total;        /* Σ row scores */
  double      total;             /* 总分: execution + rows */
} JxProjectScore;

/* The pure rule: the score of a row worth weight points. target and actual
 * are the numbers for the quantitative rules; achievement the choice for the
 * qualitative one. Rounded to 0.01; never more than weight, never less
 * than 0. */
double          jx_score_by_rule            (JxScoreRule    rule,
                                             double         weight,
                                             double         target,
                                             double         actual,
                                             JxAchievement  achievement);
/* 执行率 (percent) → its points: rate ÷ 10, at most 10. */
double          jx_score_execution          (double         rate);
/* The group of a row from its 一级/二级指标. */
JxScoreGroup    jx_score_group_of           (const char    *level1,
                                             const char    *level2);
/* The points a group shares by default (50, 30, 10, 0). */
double          jx_score_group_points       (JxScoreGroup   group);

/* Scores one indicator row with a given 分值 (the caller decides on the
 * defaults); money_unit is the document's, for amounts in 元 and 万元. */
void            jx_score_row                (JxIndicator   *indicator,
                                             double         weight,
                                             const char    *money_unit,
                                             JxRowScore    *score);
/* The whole project, default 分值 included. */
JxProjectScore *jx_project_score_new        (JxProject     *project,
                                             const char    *money_unit);
void            jx_project_score_free       (JxProjectScore *score);
/* The department's 自评 score: each project's 总分 weighed by its 全年预算数
 * (to 0.01); -1 when no project has a budget. */
double          jx_document_get_score       (JxDocument    *document);

/* How a score was reached, in a sentence for the form (translated). */
char           *jx_row_score_explain        (const JxRowScore     *score);
char           *jx_project_score_explain_execution (const JxProjectScore *score);
/* 优 (90 and more), 良 (80), 中 (60), 差: the grade the evaluation rules
 * give a total. Part of the document: the same in every language. */
const char     *jx_score_grade              (double         total);
/* Reads a 分值 or 得分 as a clerk types it: "9.5", "９.５", "9.5分" (a sign
 * too: the caller says what range it takes). FALSE for anything else,
 * an empty text included. */
gboolean        jx_score_parse              (const char    *text,
                                             double        *points);
/* A score as the forms print it: "9.5", "10", "8.33". */
char           *jx_score_format             (double         points);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxProjectScore, jx_project_score_free)

G_END_DECLS
