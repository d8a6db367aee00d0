/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "jx-checkpoint.h"
#include "jx-docx-private.h"
#include "jx-indicator.h"
#include "jx-scoring.h"

/* The Word file of a document in its monitoring or its self-evaluation:
 * the report the printout has at that stage, with the same columns and
 * words (those of the forms of 财预〔2019〕136号 and 财预〔2020〕10号) and
 * the same widths in mm: the department's summary, then per project its
 * goal rows with the stage's columns beside the targets. */

#define LABEL_W JX_DOCX_LABEL_W
#define REST_W  JX_DOCX_REST_W
#define CENTRE  JX_DOCX_STYLE_CELL_CENTRE
#define HEAD    JX_DOCX_STYLE_CELL_HEAD

typedef struct
{
  JxDocxWriter *w;
  JxDocument   *document;
  JxStage       stage;
  guint         month;      /* monitoring: the X of 1–X月 */
  char         *period;     /* "1–X月" */
  const char   *unit;
} Report;

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

/* Column titles, bold; copied, as some are made for the month and the
 * table is written after they are gone. */
static void
add_titles (JxDocxRow *row, const double *widths, const char * const *titles, guint n)
{
  for (guint c = 0; c < n; c++)
    jx_docx_row_take (row, widths[c], g_strdup (titles[c]), HEAD);
}

static JxDocxRow *
title_row (JxDocxTable *t, const double *widths, const char * const *titles, guint n)
{
  JxDocxRow *row = jx_docx_table_add_row (t);

  add_titles (row, widths, titles, n);
  return row;
}

/* The label cell of a block of two rows, and its continuation. */
static void
label_rows (JxDocxRow *first, JxDocxRow *second, char *label)
{
  JxDocxCell *cell = jx_docx_row_take (first, LABEL_W, label, CENTRE);

  cell->merge = JX_DOCX_MERGE_START;
  jx_docx_row_add (second, LABEL_W, NULL, CENTRE)->merge = JX_DOCX_MERGE_CONTINUE;
}

static void
add_level_cells (JxDocxRow *row, const double *w, GListModel *indicators, guint i)
{
  guint n = g_list_model_get_n_items (indicators);
  g_autoptr(JxIndicator) ind = g_list_model_get_item (indicators, i);
  g_autoptr(JxIndicator) previous = i > 0 ? g_list_model_get_item (indicators, i - 1) : NULL;
  g_autoptr(JxIndicator) next = i + 1 < n ? g_list_model_get_item (indicators, i + 1) : NULL;

  jx_docx_row_add (row, w[0], jx_indicator_get_level1 (ind), CENTRE)->merge =
    jx_docx_level_merge (previous, ind, next, FALSE);
  jx_docx_row_add (row, w[1], jx_indicator_get_level2 (ind), CENTRE)->merge =
    jx_docx_level_merge (previous, ind, next, TRUE);
  jx_docx_row_add (row, w[2], jx_indicator_get_name (ind), JX_DOCX_STYLE_CELL);
  jx_docx_row_add (row, w[3], jx_indicator_get_value (ind), CENTRE);
}

static void
table_title (Report *r, const char *title)
{
  g_autofree char *caption = NULL;
  JxDepartment *department = jx_document_get_department (r->document);

  caption = g_strdup_printf ("%s %s\t单位：%s", jx_department_get_unit_code (department),
                             jx_department_get_unit_name (department), r->unit);
  jx_docx_heading (r->w, JX_DOCX_STYLE_TABLE_TITLE, title);
  jx_docx_para (r->w, JX_DOCX_STYLE_TABLE_CAPTION, caption);
}

/* The project part and the indicator part are two Word tables, as in the
 * goal table: only a table's first row can repeat on a new page. */
static void
write_tables (Report *r, JxDocxTable *head, JxDocxTable *indicators)
{
  jx_docx_table_write (r->w, head, TRUE);
  jx_docx_para_start (r->w, JX_DOCX_STYLE_TABLE_JOIN, 0, FALSE);
  jx_docx_end (r->w);
  jx_docx_table_write (r->w, indicators, FALSE);
  jx_docx_table_free (head);
  jx_docx_table_free (indicators);
}

/* ---- 项目支出绩效监控表 ---- */

static const double monitoring_widths[9] = { 15, 16, 21, 16, 16, 16, 14, 16, 26 };

static void
add_monitoring_funds (Report *r, JxDocxTable *t, JxProject *project)
{
  const double w = REST_W / 7, widths[7] = { w, w, w, w, w, w, w };
  g_autofree char *plan = g_strdup_printf ("%u月底计划支出进度", r->month);
  g_autofree char *executed = g_strconcat (r->period, "执行数", NULL);
  g_autofree char *rate = g_strconcat (r->period, "执行率", NULL);
  const char *titles[7] = { "年初预算数", "调整后预算数", plan, executed, rate,
                            "全年预计执行数", "全年预计执行率" };
  JxDocxRow *first = jx_docx_table_add_row (t);
  JxDocxRow *second = jx_docx_table_add_row (t);

  label_rows (first, second, g_strdup_printf ("预算执行情况（%s）", r->unit));
  add_titles (first, widths, titles, 7);
  jx_docx_row_take (second, w, amount_text (jx_project_get_total (project)), CENTRE);
  jx_docx_row_take (second, w, amount_text (jx_project_get_monitoring_budget (project)), CENTRE);
  jx_docx_row_take (second, w, planned_text (project, r->month), CENTRE);
  jx_docx_row_take (second, w, amount_text (jx_project_get_monitoring_executed (project)), CENTRE);
  jx_docx_row_take (second, w, rate_text (jx_project_get_monitoring_rate (project)), CENTRE);
  jx_docx_row_take (second, w, amount_text (jx_project_get_monitoring_expected (project)), CENTRE);
  jx_docx_row_take (second, w, rate_text (jx_project_get_monitoring_expected_rate (project)),
                    CENTRE);
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
add_monitoring_indicators (Report *r, JxDocxTable *t, JxProject *project)
{
  GListModel *indicators = jx_project_get_indicators (project);
  const double *w = monitoring_widths;
  g_autofree char *actual = g_strconcat (r->period, "完成值", NULL);
  const char *titles[9] = { "一级指标", "二级指标", "三级指标", "年度指标值", actual,
                            "全年预计完成情况", "完成目标可能性", "偏差原因",
                            "原因说明及改进措施" };

  title_row (t, w, titles, 9)->header = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(JxIndicator) ind = g_list_model_get_item (indicators, i);
      JxDocxRow *row = jx_docx_table_add_row (t);

      add_level_cells (row, w, indicators, i);
      jx_docx_row_add (row, w[4], jx_indicator_get_monitoring_actual (ind), CENTRE);
      jx_docx_row_add (row, w[5], jx_indicator_get_monitoring_expected (ind), CENTRE);
      jx_docx_row_add (row, w[6],
                       jx_likelihood_to_label (jx_indicator_get_monitoring_likelihood (ind)),
                       CENTRE);
      jx_docx_row_take (row, w[7], jx_causes_to_label (jx_indicator_get_monitoring_causes (ind)),
                        CENTRE);
      jx_docx_row_take (row, w[8], monitoring_note (ind), JX_DOCX_STYLE_CELL);
    }
}

static void
write_monitoring_table (Report *r, JxProject *project)
{
  JxDocxTable *head = jx_docx_table_new ();
  JxDocxTable *indicators = jx_docx_table_new ();

  jx_docx_add_identity_row (head, project);
  add_monitoring_funds (r, head, project);
  jx_docx_add_goal_row (head, project);
  add_monitoring_indicators (r, indicators, project);
  write_tables (r, head, indicators);
}

/* ---- 项目支出绩效自评表 ---- */

static const double evaluation_widths[8] = { 16, 18, 24, 18, 18, 12, 12, 38 };

static void
add_evaluation_funds (Report *r, JxDocxTable *t, JxProject *project,
                      const JxProjectScore *score)
{
  const double w = REST_W / 6, widths[6] = { w, w, w, w, w, w };
  const char *titles[6] = { "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分" };
  JxDocxRow *first = jx_docx_table_add_row (t);
  JxDocxRow *second = jx_docx_table_add_row (t);

  label_rows (first, second, g_strdup_printf ("项目资金（%s）", r->unit));
  add_titles (first, widths, titles, 6);
  jx_docx_row_take (second, w, amount_text (jx_project_get_total (project)), CENTRE);
  jx_docx_row_take (second, w, amount_text (score->budget), CENTRE);
  jx_docx_row_take (second, w, amount_text (score->executed), CENTRE);
  jx_docx_row_take (second, w, jx_score_format (JX_SCORE_EXECUTION_POINTS), CENTRE);
  jx_docx_row_take (second, w, rate_text (score->rate), CENTRE);
  jx_docx_row_take (second, w, jx_score_format (score->execution_score), CENTRE);
}

static void
add_text_row (JxDocxTable *t, const char *label, const char *text)
{
  JxDocxRow *row = jx_docx_table_add_row (t);

  jx_docx_row_add (row, LABEL_W, label, CENTRE);
  jx_docx_row_add (row, REST_W, text, JX_DOCX_STYLE_CELL);
}

static void
add_evaluation_indicators (JxDocxTable *t, JxProject *project, const JxProjectScore *score)
{
  GListModel *indicators = jx_project_get_indicators (project);
  const double *w = evaluation_widths;
  const char *titles[8] = { "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                            "分值", "得分", "偏差原因分析及改进措施" };
  g_autofree char *grade = g_strdup_printf ("评价等级：%s", jx_score_grade (score->total));
  JxDocxRow *row;

  title_row (t, w, titles, 8)->header = TRUE;
  for (guint i = 0; i < score->n_rows; i++)
    {
      g_autoptr(JxIndicator) ind = g_list_model_get_item (indicators, i);

      row = jx_docx_table_add_row (t);
      add_level_cells (row, w, indicators, i);
      jx_docx_row_add (row, w[4], jx_indicator_get_evaluation_actual (ind), CENTRE);
      jx_docx_row_take (row, w[5], jx_score_format (score->rows[i].weight), CENTRE);
      jx_docx_row_take (row, w[6], jx_score_format (score->rows[i].score), CENTRE);
      jx_docx_row_add (row, w[7], jx_indicator_get_evaluation_analysis (ind), JX_DOCX_STYLE_CELL);
    }
  row = jx_docx_table_add_row (t);
  jx_docx_row_add (row, w[0] + w[1] + w[2] + w[3] + w[4], "总分", CENTRE);
  jx_docx_row_add (row, w[5], "100", CENTRE);
  jx_docx_row_take (row, w[6], jx_score_format (score->total), CENTRE);
  jx_docx_row_take (row, w[7], g_steal_pointer (&grade), CENTRE);
  add_text_row (t, "评价结论", jx_project_get_evaluation_conclusion (project));
  add_text_row (t, "存在问题", jx_project_get_evaluation_problems (project));
  add_text_row (t, "改进措施", jx_project_get_evaluation_improvements (project));
}

static void
write_evaluation_table (Report *r, JxProject *project)
{
  g_autoptr(JxProjectScore) score = jx_project_score_new (project, r->unit);
  JxDocxTable *head = jx_docx_table_new ();
  JxDocxTable *indicators = jx_docx_table_new ();

  jx_docx_add_identity_row (head, project);
  add_evaluation_funds (r, head, project, score);
  jx_docx_add_goal_row (head, project);
  add_evaluation_indicators (indicators, project, score);
  write_tables (r, head, indicators);
}

/* ---- The department's summary ---- */

static const double monitoring_summary_widths[8] = { 9, 34, 17, 17, 16, 17, 16, 30 };

static void
add_monitoring_summary (Report *r, JxDocxTable *t)
{
  GListModel *projects = jx_document_get_projects (r->document);
  const double *w = monitoring_summary_widths;
  g_autofree char *plan = g_strdup_printf ("%u月底计划支出进度", r->month);
  g_autofree char *executed = g_strconcat (r->period, "执行数", NULL);
  g_autofree char *rate = g_strconcat (r->period, "执行率", NULL);
  const char *titles[8] = { "序号", "项目名称", "年初预算数", "调整后预算数", plan, executed, rate,
                            "全年预计执行数" };
  JxStageTotals sums;
  JxDocxRow *row;

  title_row (t, w, titles, 8)->header = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);

      row = jx_docx_table_add_row (t);
      jx_docx_row_take (row, w[0], g_strdup_printf ("%u", i + 1), CENTRE);
      jx_docx_row_add (row, w[1], jx_project_get_name (project), JX_DOCX_STYLE_CELL);
      jx_docx_row_take (row, w[2], amount_text (jx_project_get_total (project)), CENTRE);
      jx_docx_row_take (row, w[3], amount_text (jx_project_get_monitoring_budget (project)),
                        CENTRE);
      jx_docx_row_take (row, w[4], planned_text (project, r->month), CENTRE);
      jx_docx_row_take (row, w[5], amount_text (jx_project_get_monitoring_executed (project)),
                        CENTRE);
      jx_docx_row_take (row, w[6], rate_text (jx_project_get_monitoring_rate (project)), CENTRE);
      jx_docx_row_take (row, w[7], amount_text (jx_project_get_monitoring_expected (project)),
                        CENTRE);
    }
  jx_document_get_stage_totals (r->document, JX_STAGE_MONITORING, &sums);
  row = jx_docx_table_add_row (t);
  jx_docx_row_add (row, w[0] + w[1], "合计", CENTRE);
  jx_docx_row_take (row, w[2], amount_text (sums.total), CENTRE);
  jx_docx_row_take (row, w[3], amount_text (sums.budget), CENTRE);
  jx_docx_row_take (row, w[4], rate_text (sums.planned_percent), CENTRE);
  jx_docx_row_take (row, w[5], amount_text (sums.n_executed > 0 ? sums.executed : -1), CENTRE);
  jx_docx_row_take (row, w[6], rate_text (sums.rate), CENTRE);
  jx_docx_row_take (row, w[7], amount_text (sums.n_expected > 0 ? sums.expected : -1), CENTRE);
}

static const double evaluation_summary_widths[7] = { 10, 60, 20, 20, 16, 16, 14 };

static void
add_evaluation_summary (Report *r, JxDocxTable *t)
{
  GListModel *projects = jx_document_get_projects (r->document);
  const double *w = evaluation_summary_widths;
  const char *titles[7] = { "序号", "项目名称", "全年预算数", "全年执行数", "执行率", "自评得分",
                            "评价等级" };
  JxStageTotals sums;
  JxDocxRow *row;
  double total;

  title_row (t, w, titles, 7)->header = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);
      g_autoptr(JxProjectScore) score = jx_project_score_new (project, r->unit);

      row = jx_docx_table_add_row (t);
      jx_docx_row_take (row, w[0], g_strdup_printf ("%u", i + 1), CENTRE);
      jx_docx_row_add (row, w[1], jx_project_get_name (project), JX_DOCX_STYLE_CELL);
      jx_docx_row_take (row, w[2], amount_text (score->budget), CENTRE);
      jx_docx_row_take (row, w[3], amount_text (score->executed), CENTRE);
      jx_docx_row_take (row, w[4], rate_text (score->rate), CENTRE);
      jx_docx_row_take (row, w[5], jx_score_format (score->total), CENTRE);
      jx_docx_row_add (row, w[6], jx_score_grade (score->total), CENTRE);
    }
  jx_document_get_stage_totals (r->document, JX_STAGE_EVALUATION, &sums);
  /* The department's score weighs each project by its money. */
  total = jx_document_get_score (r->document);
  row = jx_docx_table_add_row (t);
  jx_docx_row_add (row, w[0] + w[1], "合计（得分按全年预算数加权平均）", CENTRE);
  jx_docx_row_take (row, w[2], amount_text (sums.budget), CENTRE);
  jx_docx_row_take (row, w[3], amount_text (sums.n_executed > 0 ? sums.executed : -1), CENTRE);
  jx_docx_row_take (row, w[4], rate_text (sums.rate), CENTRE);
  jx_docx_row_take (row, w[5], total >= 0 ? jx_score_format (total) : g_strdup (""), CENTRE);
  jx_docx_row_add (row, w[6], total >= 0 ? jx_score_grade (total) : "", CENTRE);
}

/* ---- The report ---- */

static const char *
form_name (JxStage stage)
{
  return stage == JX_STAGE_MONITORING ? "项目支出绩效监控表" : "项目支出绩效自评表";
}

static void
write_front (Report *r)
{
  guint year = jx_document_get_year (r->document);
  g_autofree char *title = g_strdup_printf ("%u年%s", year, form_name (r->stage));
  g_autofree char *period = r->stage == JX_STAGE_MONITORING
    ? g_strdup_printf ("（%u年%s）", year, r->period)
    : g_strdup_printf ("（%u年度）", year);
  JxDocxTable *t = jx_docx_table_new ();

  jx_docx_para (r->w, JX_DOCX_STYLE_COVER_NOTE,
                jx_department_get_name (jx_document_get_department (r->document)));
  jx_docx_para (r->w, JX_DOCX_STYLE_TITLE, title);
  jx_docx_para (r->w, JX_DOCX_STYLE_COVER_NOTE, period);
  table_title (r, r->stage == JX_STAGE_MONITORING ? "部门项目支出绩效监控汇总表"
                                                  : "部门项目支出绩效自评汇总表");
  if (r->stage == JX_STAGE_MONITORING)
    add_monitoring_summary (r, t);
  else
    add_evaluation_summary (r, t);
  jx_docx_table_write (r->w, t, FALSE);
  jx_docx_table_free (t);
}

void
jx_docx_write_stage_body (JxDocxWriter *w,
                          JxDocument   *document,
                          JxStage       stage)
{
  GListModel *projects = jx_document_get_projects (document);
  Report r = { 0 };

  g_return_if_fail (stage == JX_STAGE_MONITORING || stage == JX_STAGE_EVALUATION);

  r.w = w;
  r.document = document;
  r.stage = stage;
  r.month = jx_document_get_monitoring_month (document);
  r.period = jx_stage_period_label (r.month);
  r.unit = jx_document_get_money_unit (document);

  write_front (&r);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);
      g_autofree char *title = g_strdup_printf ("%u.%s%s", i + 1, jx_project_get_printed_name (project),
                                                form_name (stage));

      table_title (&r, title);
      if (stage == JX_STAGE_MONITORING)
        write_monitoring_table (&r, project);
      else
        write_evaluation_table (&r, project);
    }
  jx_docx_write_section (w, TRUE);
  g_free (r.period);
}
