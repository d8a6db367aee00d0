/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "jx-document.h"
#include "jx-indicator.h"

G_BEGIN_DECLS

/* The three stages of a budget year that one document carries: the goals
 * set before the year (目标), the mid-year 绩效运行监控 (监控) and the 绩效自评
 * after it (自评). Monitoring and evaluation add columns to the goal table's
 * rows; they never change its goals. */
typedef enum
{
  JX_STAGE_GOALS,
  JX_STAGE_MONITORING,
  JX_STAGE_EVALUATION,
} JxStage;

/* 完成目标可能性 of an indicator at the monitoring. */
typedef enum
{
  JX_LIKELIHOOD_NONE,        /* not given */
  JX_LIKELIHOOD_CERTAIN,     /* 确定能 */
  JX_LIKELIHOOD_POSSIBLE,    /* 有可能 */
  JX_LIKELIHOOD_IMPOSSIBLE,  /* 不可能 */
} JxLikelihood;

/* 偏差原因 of an indicator at the monitoring: any of the five the budget
 * systems list. */
typedef enum
{
  JX_CAUSE_NONE      = 0,
  JX_CAUSE_FUNDS     = 1 << 0,  /* 经费保障 */
  JX_CAUSE_RULES     = 1 << 1,  /* 制度保障 */
  JX_CAUSE_STAFF     = 1 << 2,  /* 人员保障 */
  JX_CAUSE_EQUIPMENT = 1 << 3,  /* 硬件条件保障 */
  JX_CAUSE_OTHER     = 1 << 4,  /* 其他 */
} JxCauses;

#define JX_CAUSE_ALL  (JX_CAUSE_FUNDS | JX_CAUSE_RULES | JX_CAUSE_STAFF | JX_CAUSE_EQUIPMENT | \
                       JX_CAUSE_OTHER)
#define JX_N_CAUSES   5

/* How far a qualitative (定性) indicator was achieved, by the clerk's choice:
 * full, half or no score. */
typedef enum
{
  JX_ACHIEVEMENT_NONE,       /* not given */
  JX_ACHIEVEMENT_MET,        /* 达成 */
  JX_ACHIEVEMENT_PARTIAL,    /* 部分达成 */
  JX_ACHIEVEMENT_NOT_MET,    /* 未达成 */
} JxAchievement;

/* An amount of a stage that has not been entered (the properties' default). */
#define JX_AMOUNT_UNSET ((gint64) -1)
/* A 分值 or an overriding 得分 that has not been entered. */
#define JX_SCORE_UNSET  (-1.0)
/* The most points anything can be worth. */
#define JX_SCORE_MAX    100.0

#define JX_TYPE_STAGE        (jx_stage_get_type ())
#define JX_TYPE_LIKELIHOOD   (jx_likelihood_get_type ())
#define JX_TYPE_CAUSES       (jx_causes_get_type ())
#define JX_TYPE_ACHIEVEMENT  (jx_achievement_get_type ())
GType jx_stage_get_type       (void) G_GNUC_CONST;
GType jx_likelihood_get_type  (void) G_GNUC_CONST;
GType jx_causes_get_type      (void) G_GNUC_CONST;
GType jx_achievement_get_type (void) G_GNUC_CONST;

/* The words the document file uses ("monitoring", "possible", "funds",
 * "partial"); NULL for NONE. The parsers return FALSE for an unknown word. */
const char *jx_stage_to_string        (JxStage        stage);
gboolean    jx_stage_from_string      (const char    *text,
                                       JxStage       *stage);
const char *jx_likelihood_to_string   (JxLikelihood   likelihood);
gboolean    jx_likelihood_from_string (const char    *text,
                                       JxLikelihood  *likelihood);
/* One cause (a single bit). */
const char *jx_cause_to_string        (JxCauses       cause);
gboolean    jx_cause_from_string      (const char    *text,
                                       JxCauses      *cause);
const char *jx_achievement_to_string  (JxAchievement  achievement);
gboolean    jx_achievement_from_string (const char   *text,
                                        JxAchievement *achievement);

/* The words of the printed forms, the same in every language because they
 * are part of the document: "监控", "有可能", "经费保障", "部分达成"; "" for
 * NONE. */
const char *jx_stage_to_label         (JxStage        stage);
const char *jx_likelihood_to_label    (JxLikelihood   likelihood);
const char *jx_cause_to_label         (JxCauses       cause);
const char *jx_achievement_to_label   (JxAchievement  achievement);
/* The causes set, in the forms' order, joined with "、" (newly allocated). */
char       *jx_causes_to_label        (JxCauses       causes);
/* The months a monitoring at the end of month reports on, as the forms
 * head their columns: "1–6月", but "1月" for January alone (newly
 * allocated). */
char       *jx_stage_period_label     (guint          month);

/* ---- The document: which stage it is in ----
 *
 * Properties (read-write, notify): "stage" (JxStage, default GOALS) and
 * "monitoring-month" (guint 1–12, default 6): the X of 1–X月, the month-end
 * the monitoring reports at. The review checks and the printed forms follow
 * the document's stage. */
JxStage      jx_document_get_stage             (JxDocument  *self);
void         jx_document_set_stage             (JxDocument  *self,
                                                JxStage      stage);
guint        jx_document_get_monitoring_month  (JxDocument  *self);
void         jx_document_set_monitoring_month  (JxDocument  *self,
                                                guint        month);
/* Forgets every monitoring and evaluation entry of every project and
 * indicator and goes back to the goals stage, e.g. for next year's
 * document. */
void         jx_document_clear_stages          (JxDocument  *self);
/* Clears the stages as jx_document_clear_stages does and forgets that the
 * file had any stage members, so that it is written as a goal-only file
 * (without empty "monitoring" objects or a "stage": "goals"). Undo does
 * not bring back what the file had: for a new document made from this
 * one, such as next year's. */
void         jx_document_drop_stages           (JxDocument  *self);

/* ---- A project's monitoring and evaluation ----
 *
 * Properties (read-write, notify; amounts are JxMoney, JX_AMOUNT_UNSET when
 * not entered):
 *   "monitoring-adjusted-budget"  调整后预算数 (the 预算数 when not entered)
 *   "monitoring-executed"         1–X月执行数
 *   "monitoring-expected"         全年预计执行数
 *   "evaluation-budget"           全年预算数 (the adjusted budget, else the
 *                                 预算数, when not entered)
 *   "evaluation-executed"         全年执行数
 *   "evaluation-execution-score"  the 预算执行率 score typed over the computed
 *                                 one (0–10), JX_SCORE_UNSET for computed
 *   "evaluation-conclusion"       评价结论
 *   "evaluation-problems"         存在问题
 *   "evaluation-improvements"     改进措施
 * Read-only, notify when they change:
 *   "monitoring-rate"   1–X月执行率 in percent, -1 when it cannot be computed
 *   "evaluation-rate"   执行率 in percent, -1 likewise
 * The 年初预算数 is the project's "total". */
JxMoney      jx_project_get_monitoring_adjusted_budget (JxProject  *self);
void         jx_project_set_monitoring_adjusted_budget (JxProject  *self,
                                                        JxMoney     amount);
JxMoney      jx_project_get_monitoring_executed        (JxProject  *self);
void         jx_project_set_monitoring_executed        (JxProject  *self,
                                                        JxMoney     amount);
JxMoney      jx_project_get_monitoring_expected        (JxProject  *self);
void         jx_project_set_monitoring_expected        (JxProject  *self,
                                                        JxMoney     amount);
JxMoney      jx_project_get_evaluation_budget          (JxProject  *self);
void         jx_project_set_evaluation_budget          (JxProject  *self,
                                                        JxMoney     amount);
JxMoney      jx_project_get_evaluation_executed        (JxProject  *self);
void         jx_project_set_evaluation_executed        (JxProject  *self,
                                                        JxMoney     amount);
double       jx_project_get_evaluation_execution_score (JxProject  *self);
void         jx_project_set_evaluation_execution_score (JxProject  *self,
                                                        double      score);
const char  *jx_project_get_evaluation_conclusion      (JxProject  *self);
void         jx_project_set_evaluation_conclusion      (JxProject  *self,
                                                        const char *text);
const char  *jx_project_get_evaluation_problems        (JxProject  *self);
void         jx_project_set_evaluation_problems        (JxProject  *self,
                                                        const char *text);
const char  *jx_project_get_evaluation_improvements    (JxProject  *self);
void         jx_project_set_evaluation_improvements    (JxProject  *self,
                                                        const char *text);
/* The budgets the rates are of: the entered one or what stands for it. */
JxMoney      jx_project_get_monitoring_budget          (JxProject  *self);
JxMoney      jx_project_get_evaluation_full_budget     (JxProject  *self);
double       jx_project_get_monitoring_rate            (JxProject  *self);
double       jx_project_get_evaluation_rate            (JxProject  *self);
/* Whether anything of the stage has been entered for the project or any
 * of its indicators. */
gboolean     jx_project_has_stage_data                 (JxProject  *self,
                                                        JxStage     stage);
/* The spending plan's cumulative percent by the end of month: that of its
 * last checkpoint not after month, 0 before the first. checkpoint_month
 * (may be NULL) receives that checkpoint's month, 0 when there is none.
 * The 1–X月执行率 is compared with it. */
double       jx_project_get_planned_percent            (JxProject  *self,
                                                        guint       month,
                                                        guint      *checkpoint_month);
/* 全年预计执行率: 全年预计执行数 ÷ 调整后预算数 in percent, -1 when it cannot
 * be computed. */
double       jx_project_get_monitoring_expected_rate   (JxProject  *self);

/* ---- The department's sums of a stage ----
 *
 * Over all projects, as the summary table and the chart show them. The
 * budget is the stage's: 调整后预算数 (monitoring) or 全年预算数
 * (evaluation). A rate is of the budgets of the projects that have the
 * amount entered, -1 when none has. */
typedef struct
{
  guint   n_projects;
  JxMoney total;             /* Σ 年初预算数 */
  JxMoney budget;            /* Σ the stage's budget */
  JxMoney planned;           /* monitoring: Σ 年初预算数 × the plan's share by month X */
  double  planned_percent;   /* planned ÷ total, -1 without a budget */
  guint   n_executed;        /* projects with the 执行数 entered */
  JxMoney executed;          /* Σ their 1–X月执行数 or 全年执行数 */
  JxMoney executed_budget;   /* Σ their budgets */
  double  rate;              /* executed ÷ executed_budget */
  guint   n_expected;        /* monitoring: projects with the 全年预计执行数 */
  JxMoney expected;
  JxMoney expected_budget;
  double  expected_rate;
} JxStageTotals;

/* Nothing added yet: no budget, no rates. */
#define JX_STAGE_TOTALS_INIT { .planned_percent = -1, .rate = -1, .expected_rate = -1 }

/* stage: MONITORING or EVALUATION. */
void         jx_document_get_stage_totals              (JxDocument    *document,
                                                        JxStage        stage,
                                                        JxStageTotals *totals);
/* Adds one project to totals (started with JX_STAGE_TOTALS_INIT), for sums
 * over some projects only, such as a chart's; month is the monitoring's X. */
void         jx_stage_totals_add                       (JxStageTotals *totals,
                                                        JxProject     *project,
                                                        JxStage        stage,
                                                        guint          month);

/* ---- An indicator's monitoring and evaluation ----
 *
 * Properties (read-write, notify):
 *   "monitoring-actual"       1–X月完成值（执行情况）
 *   "monitoring-expected"     全年预计完成情况
 *   "monitoring-likelihood"   JxLikelihood 完成目标可能性
 *   "monitoring-causes"       JxCauses 偏差原因
 *   "monitoring-cause-note"   原因说明
 *   "monitoring-measures"     改进措施
 *   "evaluation-actual"       实际完成值
 *   "evaluation-weight"       分值 (0–100), JX_SCORE_UNSET for the default
 *   "evaluation-achievement"  JxAchievement, for a qualitative row
 *   "evaluation-score"        得分 typed over the computed one (0–100),
 *                             JX_SCORE_UNSET for computed
 *   "evaluation-analysis"     偏差原因分析及改进措施 */
const char   *jx_indicator_get_monitoring_actual      (JxIndicator  *self);
void          jx_indicator_set_monitoring_actual      (JxIndicator  *self,
                                                       const char   *text);
const char   *jx_indicator_get_monitoring_expected    (JxIndicator  *self);
void          jx_indicator_set_monitoring_expected    (JxIndicator  *self,
                                                       const char   *text);
JxLikelihood  jx_indicator_get_monitoring_likelihood  (JxIndicator  *self);
void          jx_indicator_set_monitoring_likelihood  (JxIndicator  *self,
                                                       JxLikelihood  likelihood);
JxCauses      jx_indicator_get_monitoring_causes      (JxIndicator  *self);
void          jx_indicator_set_monitoring_causes      (JxIndicator  *self,
                                                       JxCauses      causes);
const char   *jx_indicator_get_monitoring_cause_note  (JxIndicator  *self);
void          jx_indicator_set_monitoring_cause_note  (JxIndicator  *self,
                                                       const char   *text);
const char   *jx_indicator_get_monitoring_measures    (JxIndicator  *self);
void          jx_indicator_set_monitoring_measures    (JxIndicator  *self,
                                                       const char   *text);
const char   *jx_indicator_get_evaluation_actual      (JxIndicator  *self);
void          jx_indicator_set_evaluation_actual      (JxIndicator  *self,
                                                       const char   *text);
double        jx_indicator_get_evaluation_weight      (JxIndicator  *self);
void          jx_indicator_set_evaluation_weight      (JxIndicator  *self,
                                                       double        weight);
JxAchievement jx_indicator_get_evaluation_achievement (JxIndicator  *self);
void          jx_indicator_set_evaluation_achievement (JxIndicator  *self,
                                                       JxAchievement achievement);
double        jx_indicator_get_evaluation_score       (JxIndicator  *self);
void          jx_indicator_set_evaluation_score       (JxIndicator  *self,
                                                       double        score);
const char   *jx_indicator_get_evaluation_analysis    (JxIndicator  *self);
void          jx_indicator_set_evaluation_analysis    (JxIndicator  *self,
                                                       const char   *text);
gboolean      jx_indicator_has_stage_data             (JxIndicator  *self,
                                                       JxStage       stage);

G_END_DECLS
