/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "jx-checkpoint.h"
#include "jx-indicator.h"
#include "jx-scoring.h"
#include "jx-report-private.h"
#include "jx-stage-report.h"

/* The rows, columns and words of the monitoring and self-evaluation
 * tables, once: the printout (jx-page-stage.c) and the Word file
 * (jx-docx-stage.c) draw them. The widths are those of the forms laid on
 * the 156 mm block, with the 22 mm label column of the goal table. */

#define LABEL_W JX_REPORT_LABEL_W
#define REST_W  JX_REPORT_REST_W

typedef struct
{
  JxDocument     *document;
  JxStage         stage;
  guint           month;    /* monitoring: the X of 1–X月 */
  char           *period;   /* "1–X月", "1月" for January */
  const char     *unit;
  JxReportBuilder rows;
} Builder;

static char *
amount_text (JxMoney amount)
{
  return amount < 0 ? g_strdup ("") : jx_money_format (amount);
}

static char *
rate_text (double rate)
{
  return rate < 0 ? g_strdup ("") : jx_checkpoint_format_percent (round (rate * 100) / 100);
}

static char *
planned_text (JxProject *project, guint month)
{
  return jx_checkpoint_format_percent (jx_project_get_planned_percent (project, month, NULL));
}

static JxReportCell *
take (Builder *b, double w, char *text, JxReportAlign align)
{
  return jx_report_builder_take (&b->rows, w, text, align);
}

static JxReportCell *
add (Builder *b, double w, const char *text, JxReportAlign align)
{
  return jx_report_builder_add (&b->rows, w, text, align);
}

static void
centre_take (Builder *b, double w, char *text)
{
  take (b, w, text, JX_REPORT_ALIGN_CENTRE);
}

static void
add_text_row (Builder *b, const char *label, const char *text)
{
  jx_report_builder_row (&b->rows, 0, 0);
  add (b, LABEL_W, label, JX_REPORT_ALIGN_CENTRE);
  add (b, REST_W, text, JX_REPORT_ALIGN_LEFT);
}

/* An indicator's row up to its 年度指标值: the labels where their runs
 * start, the 三级指标 and the value. */
static void
add_indicator_start (Builder *b, const double *w, GListModel *indicators, guint i)
{
  g_autoptr(JxIndicator) ind = g_list_model_get_item (indicators, i);

  jx_report_add_indicator_row (&b->rows, w, indicators, i);
  add (b, w[2], jx_indicator_get_name (ind), JX_REPORT_ALIGN_LEFT);
  add (b, w[3], jx_indicator_get_value (ind), JX_REPORT_ALIGN_CENTRE);
}

/* ---- 项目支出绩效监控表 ------------------------------------------------------ */

static const double monitoring_widths[9] = { 15, 16, 21, 16, 16, 16, 14, 16, 26 };

static void
add_monitoring_funds (Builder *b, JxProject *project)
{
  const double w = REST_W / 7, widths[7] = { w, w, w, w, w, w, w };
  g_autofree char *plan = g_strdup_printf ("%u月底计划支出进度", b->month);
  g_autofree char *executed = g_strconcat (b->period, "执行数", NULL);
  g_autofree char *rate = g_strconcat (b->period, "执行率", NULL);
  const char *titles[7] = { "年初预算数", "调整后预算数", plan, executed, rate,
                            "全年预计执行数", "全年预计执行率" };

  jx_report_builder_row (&b->rows, 0, 0);
  jx_report_builder_label (&b->rows, LABEL_W, g_strdup_printf ("预算执行情况（%s）", b->unit), 2);
  for (guint c = 0; c < 7; c++)
    add (b, widths[c], titles[c], JX_REPORT_ALIGN_CENTRE)->title = TRUE;
  jx_report_builder_row (&b->rows, LABEL_W, 0);
  centre_take (b, w, amount_text (jx_project_get_total (project)));
  /* Without an adjustment the adjusted budget is the year's first one. */
  centre_take (b, w, amount_text (jx_project_get_monitoring_budget (project)));
  centre_take (b, w, planned_text (project, b->month));
  centre_take (b, w, amount_text (jx_project_get_monitoring_executed (project)));
  centre_take (b, w, rate_text (jx_project_get_monitoring_rate (project)));
  centre_take (b, w, amount_text (jx_project_get_monitoring_expected (project)));
  centre_take (b, w, rate_text (jx_project_get_monitoring_expected_rate (project)));
}

static char *
monitoring_note (JxIndicator *indicator)
{
  const char *note = jx_indicator_get_monitoring_cause_note (indicator);
  const char *measures = jx_indicator_get_monitoring_measures (indicator);

  if (measures[0] == '\0')
    return g_strdup (note);
  if (note[0] == '\0')
    return g_strconcat ("改进措施：", measures, NULL);
  return g_strconcat (note, "\n改进措施：", measures, NULL);
}

static void
add_monitoring_indicators (Builder *b, JxProject *project)
{
  GListModel *indicators = jx_project_get_indicators (project);
  const double *w = monitoring_widths;
  g_autofree char *actual = g_strconcat (b->period, "完成值", NULL);
  const char *titles[9] = { "一级指标", "二级指标", "三级指标", "年度指标值", actual,
                            "全年预计完成情况", "完成目标可能性", "偏差原因",
                            "原因说明及改进措施" };

  b->rows.table->header = jx_report_builder_titles (&b->rows, 0, w, titles, 9);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(JxIndicator) ind = g_list_model_get_item (indicators, i);

      add_indicator_start (b, w, indicators, i);
      add (b, w[4], jx_indicator_get_monitoring_actual (ind), JX_REPORT_ALIGN_CENTRE);
      add (b, w[5], jx_indicator_get_monitoring_expected (ind), JX_REPORT_ALIGN_CENTRE);
      add (b, w[6], jx_likelihood_to_label (jx_indicator_get_monitoring_likelihood (ind)),
           JX_REPORT_ALIGN_CENTRE);
      centre_take (b, w[7], jx_causes_to_label (jx_indicator_get_monitoring_causes (ind)));
      take (b, w[8], monitoring_note (ind), JX_REPORT_ALIGN_LEFT);
    }
}

static void
add_monitoring_table (Builder *b, JxProject *project, char *title)
{
  jx_report_builder_start (&b->rows, title);
  jx_report_add_identity_row (&b->rows, project);
  add_monitoring_funds (b, project);
  jx_report_add_goal_row (&b->rows, project);
  add_monitoring_indicators (b, project);
}

/* ---- 项目支出绩效自评表 ------------------------------------------------------ */

static const double evaluation_widths[8] = { 16, 18, 24, 18, 18, 12, 12, 38 };

static void
add_evaluation_funds (Builder *b, JxProject *project, const JxProjectScore *score)
{
  const double w = REST_W / 6, widths[6] = { w, w, w, w, w, w };
  const char *titles[6] = { "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分" };

  jx_report_builder_row (&b->rows, 0, 0);
  jx_report_builder_label (&b->rows, LABEL_W, g_strdup_printf ("项目资金（%s）", b->unit), 2);
  for (guint c = 0; c < 6; c++)
    add (b, widths[c], titles[c], JX_REPORT_ALIGN_CENTRE)->title = TRUE;
  jx_report_builder_row (&b->rows, LABEL_W, 0);
  centre_take (b, w, amount_text (jx_project_get_total (project)));
  centre_take (b, w, amount_text (score->budget));
  centre_take (b, w, amount_text (score->executed));
  centre_take (b, w, jx_score_format (JX_SCORE_EXECUTION_POINTS));
  centre_take (b, w, rate_text (score->rate));
  centre_take (b, w, jx_score_format (score->execution_score));
}

static void
add_evaluation_indicators (Builder *b, JxProject *project, const JxProjectScore *score)
{
  GListModel *indicators = jx_project_get_indicators (project);
  const double *w = evaluation_widths;
  const char *titles[8] = { "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                            "分值", "得分", "偏差原因分析及改进措施" };

  b->rows.table->header = jx_report_builder_titles (&b->rows, 0, w, titles, 8);
  b->rows.table->header_last = b->rows.table->header + score->n_rows;
  for (guint i = 0; i < score->n_rows; i++)
    {
      g_autoptr(JxIndicator) ind = g_list_model_get_item (indicators, i);

      add_indicator_start (b, w, indicators, i);
      add (b, w[4], jx_indicator_get_evaluation_actual (ind), JX_REPORT_ALIGN_CENTRE);
      centre_take (b, w[5], jx_score_format (score->rows[i].weight));
      centre_take (b, w[6], jx_score_format (score->rows[i].score));
      add (b, w[7], jx_indicator_get_evaluation_analysis (ind), JX_REPORT_ALIGN_LEFT);
    }
}

static void
add_total_row (Builder *b, const JxProjectScore *score)
{
  const double *w = evaluation_widths;

  jx_report_builder_row (&b->rows, 0, 0);
  add (b, w[0] + w[1] + w[2] + w[3] + w[4], "总分", JX_REPORT_ALIGN_CENTRE);
  add (b, w[5], "100", JX_REPORT_ALIGN_CENTRE);
  centre_take (b, w[6], jx_score_format (score->total));
  centre_take (b, w[7], g_strdup_printf ("评价等级：%s", jx_score_grade (score->total)));
}

static void
add_evaluation_table (Builder *b, JxProject *project, char *title)
{
  g_autoptr(JxProjectScore) score = jx_project_score_new (project, b->unit);

  jx_report_builder_start (&b->rows, title);
  jx_report_add_identity_row (&b->rows, project);
  add_evaluation_funds (b, project, score);
  jx_report_add_goal_row (&b->rows, project);
  add_evaluation_indicators (b, project, score);
  add_total_row (b, score);
  add_text_row (b, "评价结论", jx_project_get_evaluation_conclusion (project));
  add_text_row (b, "存在问题", jx_project_get_evaluation_problems (project));
  add_text_row (b, "改进措施", jx_project_get_evaluation_improvements (project));
}

/* ---- the department's summary ---------------------------------------------- */

static const double monitoring_summary_widths[8] = { 9, 34, 17, 17, 16, 17, 16, 30 };

static void
add_monitoring_summary_row (Builder *b, guint index, JxProject *project)
{
  const double *w = monitoring_summary_widths;

  jx_report_builder_row (&b->rows, 0, 0);
  centre_take (b, w[0], g_strdup_printf ("%u", index + 1));
  add (b, w[1], jx_project_get_name (project), JX_REPORT_ALIGN_LEFT);
  centre_take (b, w[2], amount_text (jx_project_get_total (project)));
  centre_take (b, w[3], amount_text (jx_project_get_monitoring_budget (project)));
  centre_take (b, w[4], planned_text (project, b->month));
  centre_take (b, w[5], amount_text (jx_project_get_monitoring_executed (project)));
  centre_take (b, w[6], rate_text (jx_project_get_monitoring_rate (project)));
  centre_take (b, w[7], amount_text (jx_project_get_monitoring_expected (project)));
}

static void
add_monitoring_summary (Builder *b)
{
  GListModel *projects = jx_document_get_projects (b->document);
  const double *w = monitoring_summary_widths;
  g_autofree char *plan = g_strdup_printf ("%u月底计划支出进度", b->month);
  g_autofree char *executed = g_strconcat (b->period, "执行数", NULL);
  g_autofree char *rate = g_strconcat (b->period, "执行率", NULL);
  const char *titles[8] = { "序号", "项目名称", "年初预算数", "调整后预算数", plan, executed, rate,
                            "全年预计执行数" };
  JxStageTotals sums;

  jx_report_builder_start (&b->rows, g_strdup ("部门项目支出绩效监控汇总表"));
  b->rows.table->header = jx_report_builder_titles (&b->rows, 0, w, titles, 8);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);

      add_monitoring_summary_row (b, i, project);
    }
  jx_document_get_stage_totals (b->document, JX_STAGE_MONITORING, &sums);
  jx_report_builder_row (&b->rows, 0, 0);
  add (b, w[0] + w[1], "合计", JX_REPORT_ALIGN_CENTRE);
  centre_take (b, w[2], amount_text (sums.total));
  centre_take (b, w[3], amount_text (sums.budget));
  centre_take (b, w[4], rate_text (sums.planned_percent));
  centre_take (b, w[5], amount_text (sums.n_executed > 0 ? sums.executed : -1));
  centre_take (b, w[6], rate_text (sums.rate));
  centre_take (b, w[7], amount_text (sums.n_expected > 0 ? sums.expected : -1));
}

static const double evaluation_summary_widths[7] = { 10, 60, 20, 20, 16, 16, 14 };

static void
add_evaluation_summary_row (Builder *b, guint index, JxProject *project)
{
  const double *w = evaluation_summary_widths;
  g_autoptr(JxProjectScore) score = jx_project_score_new (project, b->unit);

  jx_report_builder_row (&b->rows, 0, 0);
  centre_take (b, w[0], g_strdup_printf ("%u", index + 1));
  add (b, w[1], jx_project_get_name (project), JX_REPORT_ALIGN_LEFT);
  centre_take (b, w[2], amount_text (score->budget));
  centre_take (b, w[3], amount_text (score->executed));
  centre_take (b, w[4], rate_text (score->rate));
  centre_take (b, w[5], jx_score_format (score->total));
  add (b, w[6], jx_score_grade (score->total), JX_REPORT_ALIGN_CENTRE);
}

static void
add_evaluation_summary (Builder *b)
{
  GListModel *projects = jx_document_get_projects (b->document);
  const double *w = evaluation_summary_widths;
  const char *titles[7] = { "序号", "项目名称", "全年预算数", "全年执行数", "执行率", "自评得分",
                            "评价等级" };
  JxStageTotals sums;
  double score;

  jx_report_builder_start (&b->rows, g_strdup ("部门项目支出绩效自评汇总表"));
  b->rows.table->header = jx_report_builder_titles (&b->rows, 0, w, titles, 7);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);

      add_evaluation_summary_row (b, i, project);
    }
  jx_document_get_stage_totals (b->document, JX_STAGE_EVALUATION, &sums);
  /* The department's score weighs each project by its money. */
  score = jx_document_get_score (b->document);
  jx_report_builder_row (&b->rows, 0, 0);
  add (b, w[0] + w[1], "合计（得分按全年预算数加权平均）", JX_REPORT_ALIGN_CENTRE);
  centre_take (b, w[2], amount_text (sums.budget));
  centre_take (b, w[3], amount_text (sums.n_executed > 0 ? sums.executed : -1));
  centre_take (b, w[4], rate_text (sums.rate));
  centre_take (b, w[5], score >= 0 ? jx_score_format (score) : g_strdup (""));
  add (b, w[6], score >= 0 ? jx_score_grade (score) : "", JX_REPORT_ALIGN_CENTRE);
}

/* ---- the report ---------------------------------------------------------- */

static const char *
form_name (JxStage stage)
{
  return stage == JX_STAGE_MONITORING ? "项目支出绩效监控表" : "项目支出绩效自评表";
}

JxStageReport *
jx_stage_report_new (JxDocument *document,
                     JxStage     stage)
{
  JxDepartment *department = jx_document_get_department (document);
  GListModel *projects = jx_document_get_projects (document);
  guint year = jx_document_get_year (document);
  JxStageReport *report;
  Builder b = { 0 };

  g_return_val_if_fail (stage == JX_STAGE_MONITORING || stage == JX_STAGE_EVALUATION, NULL);

  b.document = document;
  b.stage = stage;
  b.month = jx_document_get_monitoring_month (document);
  b.period = jx_stage_period_label (b.month);
  b.unit = jx_document_get_money_unit (document);

  report = g_new0 (JxStageReport, 1);
  report->stage = stage;
  report->department = g_strdup (jx_department_get_name (department));
  report->title = g_strdup_printf ("%u年%s", year, form_name (stage));
  report->period = stage == JX_STAGE_MONITORING ? g_strdup_printf ("（%u年%s）", year, b.period)
                                                : g_strdup_printf ("（%u年度）", year);
  report->unit_line = g_strdup_printf ("%s %s", jx_department_get_unit_code (department),
                                       jx_department_get_unit_name (department));
  report->unit = g_strdup (b.unit);
  report->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) jx_report_table_free);

  if (stage == JX_STAGE_MONITORING)
    add_monitoring_summary (&b);
  else
    add_evaluation_summary (&b);
  g_ptr_array_add (report->tables, b.rows.table);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);
      char *title = g_strdup_printf ("%u.%s%s", i + 1, jx_project_get_printed_name (project),
                                     form_name (stage));

      if (stage == JX_STAGE_MONITORING)
        add_monitoring_table (&b, project, title);
      else
        add_evaluation_table (&b, project, title);
      g_ptr_array_add (report->tables, b.rows.table);
    }
  g_free (b.period);
  return report;
}

void
jx_stage_report_free (JxStageReport *report)
{
  if (report == NULL)
    return;
  g_free (report->department);
  g_free (report->title);
  g_free (report->period);
  g_free (report->unit_line);
  g_free (report->unit);
  g_ptr_array_unref (report->tables);
  g_free (report);
}
