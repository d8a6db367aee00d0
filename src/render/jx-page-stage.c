/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "jx-indicator.h"
#include "jx-page-table-private.h"
#include "jx-scoring.h"
#include "jx-text-item.h"

/* The reports of the later stages of the year, laid out like the goal
 * tables (A4, the same fonts, header rows repeated, merged labels): the
 * department's summary, then per project the 项目支出绩效监控表 after the
 * monitoring forms of 财预〔2019〕136号, or the 项目支出绩效自评表 after those
 * of 财预〔2020〕10号. The words in them are the forms' own. */

#define LABEL_W (22.0 * JX_MM)
#define REST_W  (JX_BLOCK_WIDTH - LABEL_W)

typedef struct
{
  JxPageLayout *layout;
  JxDocument   *document;
  JxStage       stage;
  guint         month;       /* monitoring: the X of 1–X月 */
  char         *period;     /* "1–X月", "1月" for January */
  const char   *unit;
  char         *unit_line;   /* "{unit_code} {unit_name}" above each table */
} Report;

static char *
amount_text (JxMoney amount)
{
  return amount < 0 ? g_strdup ("") : jx_money_format (amount);
}

static char *
rate_text (double rate)
{
  return rate < 0 ? g_strdup ("") : jx_page_format_percent (round (rate * 100) / 100);
}

static void
cell (JxPageTable *t, double w, const char *text, PangoAlignment align)
{
  jx_page_table_add_cell (t, w, text, align, 0);
}

static void
cell_take (JxPageTable *t, double w, char *text, PangoAlignment align)
{
  jx_page_table_add_cell (t, w, text, align, 0);
  g_free (text);
}

/* A row of column titles: bold, centred, as the forms print them. */
static guint
title_row (JxPageTable *t, double x, const double *widths, const char * const *titles, guint n)
{
  guint row = jx_page_table_add_row (t, x, 0);

  for (guint c = 0; c < n; c++)
    jx_page_table_add_cell (t, widths[c] * JX_MM, titles[c], PANGO_ALIGN_CENTER, JX_BOX_BOLD);
  return row;
}

static void
add_goal_row (JxPageTable *t, JxProject *project)
{
  GListModel *goals = jx_project_get_goals (project);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(JxTextItem) goal = g_list_model_get_item (goals, i);

      g_string_append_printf (text, "%s%u.%s", i > 0 ? "\n" : "", i + 1,
                              jx_text_item_get_text (goal));
    }
  jx_page_table_add_row (t, 0, 0);
  cell (t, LABEL_W, "绩效目标", PANGO_ALIGN_CENTER);
  cell (t, REST_W, text->str, PANGO_ALIGN_LEFT);
}

static void
add_text_row (JxPageTable *t, const char *label, const char *text)
{
  jx_page_table_add_row (t, 0, 0);
  cell (t, LABEL_W, label, PANGO_ALIGN_CENTER);
  cell (t, REST_W, text, PANGO_ALIGN_LEFT);
}

/* ---- 项目支出绩效监控表 ------------------------------------------------------ */

static const double monitoring_widths[9] = { 15, 16, 21, 16, 16, 16, 14, 16, 26 };

static void
add_monitoring_funds (Report *r, JxPageTable *t, JxProject *project)
{
  double w = REST_W / 7 / JX_MM;
  const double widths[7] = { w, w, w, w, w, w, w };
  g_autofree char *plan = g_strdup_printf ("%u月底计划支出进度", r->month);
  g_autofree char *executed = g_strconcat (r->period, "执行数", NULL);
  g_autofree char *rate = g_strconcat (r->period, "执行率", NULL);
  const char *titles[7] = { "年初预算数", "调整后预算数", plan, executed, rate,
                            "全年预计执行数", "全年预计执行率" };
  JxMoney budget = jx_project_get_monitoring_budget (project);
  guint first = title_row (t, LABEL_W, widths, titles, 7);
  g_autofree char *label = NULL;

  jx_page_table_add_row (t, LABEL_W, 0);
  cell_take (t, w * JX_MM, amount_text (jx_project_get_total (project)), PANGO_ALIGN_CENTER);
  /* Without an adjustment the adjusted budget is the year's first one. */
  cell_take (t, w * JX_MM, amount_text (budget), PANGO_ALIGN_CENTER);
  cell_take (t, w * JX_MM,
             jx_page_format_percent (jx_project_get_planned_percent (project, r->month, NULL)),
             PANGO_ALIGN_CENTER);
  cell_take (t, w * JX_MM, amount_text (jx_project_get_monitoring_executed (project)),
             PANGO_ALIGN_CENTER);
  cell_take (t, w * JX_MM, rate_text (jx_project_get_monitoring_rate (project)), PANGO_ALIGN_CENTER);
  cell_take (t, w * JX_MM, amount_text (jx_project_get_monitoring_expected (project)),
             PANGO_ALIGN_CENTER);
  cell_take (t, w * JX_MM, rate_text (jx_project_get_monitoring_expected_rate (project)),
             PANGO_ALIGN_CENTER);
  label = g_strdup_printf ("预算执行情况（%s）", r->unit);
  jx_page_table_merge (t, 0, LABEL_W, label, first, first + 1);
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
add_monitoring_indicators (Report *r, JxPageTable *t, JxProject *project)
{
  GListModel *indicators = jx_project_get_indicators (project);
  const double *w = monitoring_widths;
  g_autofree char *actual = g_strconcat (r->period, "完成值", NULL);
  const char *titles[9] = { "一级指标", "二级指标", "三级指标", "年度指标值", actual,
                            "全年预计完成情况", "完成目标可能性", "偏差原因",
                            "原因说明及改进措施" };
  double x = (w[0] + w[1]) * JX_MM;
  guint header = title_row (t, 0, w, titles, 9);
  guint n = g_list_model_get_n_items (indicators);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxIndicator) ind = g_list_model_get_item (indicators, i);

      jx_page_table_add_row (t, x, i + 1);
      cell (t, w[2] * JX_MM, jx_indicator_get_name (ind), PANGO_ALIGN_LEFT);
      cell (t, w[3] * JX_MM, jx_indicator_get_value (ind), PANGO_ALIGN_CENTER);
      cell (t, w[4] * JX_MM, jx_indicator_get_monitoring_actual (ind), PANGO_ALIGN_CENTER);
      cell (t, w[5] * JX_MM, jx_indicator_get_monitoring_expected (ind), PANGO_ALIGN_CENTER);
      cell (t, w[6] * JX_MM, jx_likelihood_to_label (jx_indicator_get_monitoring_likelihood (ind)),
            PANGO_ALIGN_CENTER);
      cell_take (t, w[7] * JX_MM, jx_causes_to_label (jx_indicator_get_monitoring_causes (ind)),
                 PANGO_ALIGN_CENTER);
      cell_take (t, w[8] * JX_MM, monitoring_note (ind), PANGO_ALIGN_LEFT);
    }
  jx_page_table_merge_levels (t, indicators, header + 1, w[0] * JX_MM, w[1] * JX_MM);
  jx_page_table_set_header (t, header, G_MAXUINT);
}

static void
add_monitoring_table (Report *r, JxProject *project, const char *title)
{
  g_autoptr(JxPageTable) t = jx_page_table_new (r->layout);

  jx_page_table_add_identity (t, project);
  add_monitoring_funds (r, t, project);
  add_goal_row (t, project);
  add_monitoring_indicators (r, t, project);
  jx_page_table_place (t, title, r->unit_line, r->unit);
}

/* ---- 项目支出绩效自评表 ------------------------------------------------------ */

static const double evaluation_widths[8] = { 16, 18, 24, 18, 18, 12, 12, 38 };

static void
add_evaluation_funds (Report *r, JxPageTable *t, JxProject *project, const JxProjectScore *score)
{
  double w = REST_W / 6 / JX_MM;
  const double widths[6] = { w, w, w, w, w, w };
  const char *titles[6] = { "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分" };
  guint first = title_row (t, LABEL_W, widths, titles, 6);
  g_autofree char *label = NULL;

  jx_page_table_add_row (t, LABEL_W, 0);
  cell_take (t, w * JX_MM, amount_text (jx_project_get_total (project)), PANGO_ALIGN_CENTER);
  cell_take (t, w * JX_MM, amount_text (score->budget), PANGO_ALIGN_CENTER);
  cell_take (t, w * JX_MM, amount_text (score->executed), PANGO_ALIGN_CENTER);
  cell_take (t, w * JX_MM, jx_score_format (JX_SCORE_EXECUTION_POINTS), PANGO_ALIGN_CENTER);
  cell_take (t, w * JX_MM, rate_text (score->rate), PANGO_ALIGN_CENTER);
  cell_take (t, w * JX_MM, jx_score_format (score->execution_score), PANGO_ALIGN_CENTER);
  label = g_strdup_printf ("项目资金（%s）", r->unit);
  jx_page_table_merge (t, 0, LABEL_W, label, first, first + 1);
}

static void
add_evaluation_indicators (JxPageTable *t, JxProject *project, const JxProjectScore *score)
{
  GListModel *indicators = jx_project_get_indicators (project);
  const double *w = evaluation_widths;
  const char *titles[8] = { "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                            "分值", "得分", "偏差原因分析及改进措施" };
  double x = (w[0] + w[1]) * JX_MM;
  guint header = title_row (t, 0, w, titles, 8);

  for (guint i = 0; i < score->n_rows; i++)
    {
      g_autoptr(JxIndicator) ind = g_list_model_get_item (indicators, i);

      jx_page_table_add_row (t, x, i + 1);
      cell (t, w[2] * JX_MM, jx_indicator_get_name (ind), PANGO_ALIGN_LEFT);
      cell (t, w[3] * JX_MM, jx_indicator_get_value (ind), PANGO_ALIGN_CENTER);
      cell (t, w[4] * JX_MM, jx_indicator_get_evaluation_actual (ind), PANGO_ALIGN_CENTER);
      cell_take (t, w[5] * JX_MM, jx_score_format (score->rows[i].weight), PANGO_ALIGN_CENTER);
      cell_take (t, w[6] * JX_MM, jx_score_format (score->rows[i].score), PANGO_ALIGN_CENTER);
      cell (t, w[7] * JX_MM, jx_indicator_get_evaluation_analysis (ind), PANGO_ALIGN_LEFT);
    }
  jx_page_table_merge_levels (t, indicators, header + 1, w[0] * JX_MM, w[1] * JX_MM);
  jx_page_table_set_header (t, header, header + score->n_rows);
}

static void
add_total_row (JxPageTable *t, const JxProjectScore *score)
{
  const double *w = evaluation_widths;
  g_autofree char *grade = g_strdup_printf ("评价等级：%s", jx_score_grade (score->total));

  jx_page_table_add_row (t, 0, 0);
  cell (t, (w[0] + w[1] + w[2] + w[3] + w[4]) * JX_MM, "总分", PANGO_ALIGN_CENTER);
  cell (t, w[5] * JX_MM, "100", PANGO_ALIGN_CENTER);
  cell_take (t, w[6] * JX_MM, jx_score_format (score->total), PANGO_ALIGN_CENTER);
  cell (t, w[7] * JX_MM, grade, PANGO_ALIGN_CENTER);
}

static void
add_evaluation_table (Report *r, JxProject *project, const char *title)
{
  g_autoptr(JxPageTable) t = jx_page_table_new (r->layout);
  g_autoptr(JxProjectScore) score = jx_project_score_new (project, r->unit);

  jx_page_table_add_identity (t, project);
  add_evaluation_funds (r, t, project, score);
  add_goal_row (t, project);
  add_evaluation_indicators (t, project, score);
  add_total_row (t, score);
  add_text_row (t, "评价结论", jx_project_get_evaluation_conclusion (project));
  add_text_row (t, "存在问题", jx_project_get_evaluation_problems (project));
  add_text_row (t, "改进措施", jx_project_get_evaluation_improvements (project));
  jx_page_table_place (t, title, r->unit_line, r->unit);
}

/* ---- the department's summary ---------------------------------------------- */

static const double monitoring_summary_widths[8] = { 9, 34, 17, 17, 16, 17, 16, 30 };

static void
add_monitoring_summary_row (Report *r, JxPageTable *t, guint index, JxProject *project)
{
  const double *w = monitoring_summary_widths;

  jx_page_table_add_row (t, 0, 0);
  cell_take (t, w[0] * JX_MM, g_strdup_printf ("%u", index + 1), PANGO_ALIGN_CENTER);
  cell (t, w[1] * JX_MM, jx_project_get_name (project), PANGO_ALIGN_LEFT);
  cell_take (t, w[2] * JX_MM, amount_text (jx_project_get_total (project)), PANGO_ALIGN_CENTER);
  cell_take (t, w[3] * JX_MM, amount_text (jx_project_get_monitoring_budget (project)),
             PANGO_ALIGN_CENTER);
  cell_take (t, w[4] * JX_MM,
             jx_page_format_percent (jx_project_get_planned_percent (project, r->month, NULL)),
             PANGO_ALIGN_CENTER);
  cell_take (t, w[5] * JX_MM, amount_text (jx_project_get_monitoring_executed (project)),
             PANGO_ALIGN_CENTER);
  cell_take (t, w[6] * JX_MM, rate_text (jx_project_get_monitoring_rate (project)), PANGO_ALIGN_CENTER);
  cell_take (t, w[7] * JX_MM, amount_text (jx_project_get_monitoring_expected (project)),
             PANGO_ALIGN_CENTER);
}

static void
add_monitoring_summary (Report *r, JxPageTable *t)
{
  GListModel *projects = jx_document_get_projects (r->document);
  const double *w = monitoring_summary_widths;
  g_autofree char *plan = g_strdup_printf ("%u月底计划支出进度", r->month);
  g_autofree char *executed = g_strconcat (r->period, "执行数", NULL);
  g_autofree char *rate = g_strconcat (r->period, "执行率", NULL);
  const char *titles[8] = { "序号", "项目名称", "年初预算数", "调整后预算数", plan, executed, rate,
                            "全年预计执行数" };
  guint header = title_row (t, 0, w, titles, 8);
  JxStageTotals sums;

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);

      add_monitoring_summary_row (r, t, i, project);
    }
  jx_page_table_set_header (t, header, G_MAXUINT);
  jx_document_get_stage_totals (r->document, JX_STAGE_MONITORING, &sums);
  jx_page_table_add_row (t, 0, 0);
  cell (t, (w[0] + w[1]) * JX_MM, "合计", PANGO_ALIGN_CENTER);
  cell_take (t, w[2] * JX_MM, amount_text (sums.total), PANGO_ALIGN_CENTER);
  cell_take (t, w[3] * JX_MM, amount_text (sums.budget), PANGO_ALIGN_CENTER);
  cell_take (t, w[4] * JX_MM, rate_text (sums.planned_percent), PANGO_ALIGN_CENTER);
  cell_take (t, w[5] * JX_MM, amount_text (sums.n_executed > 0 ? sums.executed : -1),
             PANGO_ALIGN_CENTER);
  cell_take (t, w[6] * JX_MM, rate_text (sums.rate), PANGO_ALIGN_CENTER);
  cell_take (t, w[7] * JX_MM, amount_text (sums.n_expected > 0 ? sums.expected : -1),
             PANGO_ALIGN_CENTER);
}

static const double evaluation_summary_widths[7] = { 10, 60, 20, 20, 16, 16, 14 };

static void
add_evaluation_summary_row (Report *r, JxPageTable *t, guint index, JxProject *project)
{
  const double *w = evaluation_summary_widths;
  g_autoptr(JxProjectScore) score = jx_project_score_new (project, r->unit);

  jx_page_table_add_row (t, 0, 0);
  cell_take (t, w[0] * JX_MM, g_strdup_printf ("%u", index + 1), PANGO_ALIGN_CENTER);
  cell (t, w[1] * JX_MM, jx_project_get_name (project), PANGO_ALIGN_LEFT);
  cell_take (t, w[2] * JX_MM, amount_text (score->budget), PANGO_ALIGN_CENTER);
  cell_take (t, w[3] * JX_MM, amount_text (score->executed), PANGO_ALIGN_CENTER);
  cell_take (t, w[4] * JX_MM, rate_text (score->rate), PANGO_ALIGN_CENTER);
  cell_take (t, w[5] * JX_MM, jx_score_format (score->total), PANGO_ALIGN_CENTER);
  cell (t, w[6] * JX_MM, jx_score_grade (score->total), PANGO_ALIGN_CENTER);
}

static void
add_evaluation_summary (Report *r, JxPageTable *t)
{
  GListModel *projects = jx_document_get_projects (r->document);
  const double *w = evaluation_summary_widths;
  const char *titles[7] = { "序号", "项目名称", "全年预算数", "全年执行数", "执行率", "自评得分",
                            "评价等级" };
  guint header = title_row (t, 0, w, titles, 7);
  JxStageTotals sums;
  double score;

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);

      add_evaluation_summary_row (r, t, i, project);
    }
  jx_page_table_set_header (t, header, G_MAXUINT);
  jx_document_get_stage_totals (r->document, JX_STAGE_EVALUATION, &sums);
  /* The department's score weighs each project by its money. */
  score = jx_document_get_score (r->document);
  jx_page_table_add_row (t, 0, 0);
  cell (t, (w[0] + w[1]) * JX_MM, "合计（得分按全年预算数加权平均）", PANGO_ALIGN_CENTER);
  cell_take (t, w[2] * JX_MM, amount_text (sums.budget), PANGO_ALIGN_CENTER);
  cell_take (t, w[3] * JX_MM, amount_text (sums.n_executed > 0 ? sums.executed : -1),
             PANGO_ALIGN_CENTER);
  cell_take (t, w[4] * JX_MM, rate_text (sums.rate), PANGO_ALIGN_CENTER);
  cell_take (t, w[5] * JX_MM, score >= 0 ? jx_score_format (score) : g_strdup (""),
             PANGO_ALIGN_CENTER);
  cell (t, w[6] * JX_MM, score >= 0 ? jx_score_grade (score) : "", PANGO_ALIGN_CENTER);
}

/* ---- the report ---------------------------------------------------------- */

static void
add_centered (JxPageLayout *layout, const char *text, JxFontRole role)
{
  JxBox box = jx_page_layout_text_box (jx_page_layout_intern (layout, text), role, 0,
                                       JX_BLOCK_WIDTH, PANGO_ALIGN_CENTER);

  jx_page_layout_measure (layout, &box);
  box.y = layout->y;
  box.h = box.n_lines * jx_page_layout_pitch (role);
  jx_page_layout_add_box (layout, &box);
  layout->y += box.h;
}

static const char *
form_name (JxStage stage)
{
  return stage == JX_STAGE_MONITORING ? "项目支出绩效监控表" : "项目支出绩效自评表";
}

static void
add_front (Report *r)
{
  JxDepartment *department = jx_document_get_department (r->document);
  guint year = jx_document_get_year (r->document);
  g_autofree char *title = g_strdup_printf ("%u年%s", year, form_name (r->stage));
  g_autofree char *period = r->stage == JX_STAGE_MONITORING
    ? g_strdup_printf ("（%u年%s）", year, r->period)
    : g_strdup_printf ("（%u年度）", year);

  jx_page_layout_new_page (r->layout);
  jx_page_layout_add_outline (r->layout, title, 0);
  add_centered (r->layout, jx_department_get_name (department), JX_FONT_HEADING);
  add_centered (r->layout, title, JX_FONT_TITLE);
  add_centered (r->layout, period, JX_FONT_BODY);
  r->layout->y += jx_page_layout_pitch (JX_FONT_TABLE);
}

static void
add_summary (Report *r)
{
  g_autoptr(JxPageTable) t = jx_page_table_new (r->layout);
  const char *title = r->stage == JX_STAGE_MONITORING ? "部门项目支出绩效监控汇总表"
                                                       : "部门项目支出绩效自评汇总表";

  if (r->stage == JX_STAGE_MONITORING)
    add_monitoring_summary (r, t);
  else
    add_evaluation_summary (r, t);
  jx_page_table_place (t, title, r->unit_line, r->unit);
}

static void
add_project_tables (Report *r)
{
  GListModel *projects = jx_document_get_projects (r->document);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);
      g_autofree char *title = g_strdup_printf ("%u.%s%s", i + 1, jx_project_get_printed_name (project),
                                                form_name (r->stage));

      r->layout->y += jx_page_layout_pitch (JX_FONT_BODY);
      if (r->stage == JX_STAGE_MONITORING)
        add_monitoring_table (r, project, title);
      else
        add_evaluation_table (r, project, title);
    }
}

#define APPENDIX_TITLE "附件：部门资金支出计划与执行"

/* The department's cumulative plan with the stage's spending on it. */
static void
add_appendix (Report *r)
{
  g_autoptr(JxChartSeries) series = NULL;
  JxBox box;

  if (g_list_model_get_n_items (jx_document_get_projects (r->document)) == 0)
    return;
  series = jx_chart_series_new_for_stage (r->document, NULL, r->stage);
  jx_page_layout_new_page (r->layout);
  jx_page_layout_add_outline (r->layout, APPENDIX_TITLE, 0);
  box = jx_page_layout_text_box (jx_page_layout_intern (r->layout, APPENDIX_TITLE),
                                 JX_FONT_HEADING, 0, JX_BLOCK_WIDTH, PANGO_ALIGN_LEFT);
  jx_page_layout_measure (r->layout, &box);
  box.h = box.n_lines * jx_page_layout_pitch (JX_FONT_HEADING);
  jx_page_layout_add_box (r->layout, &box);
  r->layout->y += box.h + 6 * JX_MM;
  jx_page_layout_add_chart (r->layout, series, JX_CHART_MODE_CUMULATIVE,
                            floor ((JX_BLOCK_HEIGHT - r->layout->y) * 0.7));
}

void
jx_page_layout_add_stage_report (JxPageLayout        *self,
                                 JxDocument          *document,
                                 const JxPageOptions *options)
{
  JxDepartment *department = jx_document_get_department (document);
  Report r = { 0 };

  r.layout = self;
  r.document = document;
  r.stage = options->stage;
  r.month = jx_document_get_monitoring_month (document);
  r.period = jx_stage_period_label (r.month);
  r.unit = jx_document_get_money_unit (document);
  r.unit_line = g_strdup_printf ("%s %s", jx_department_get_unit_code (department),
                                 jx_department_get_unit_name (department));
  g_free (self->title);
  self->title = g_strdup_printf ("%s%u年%s", jx_department_get_name (department),
                                 jx_document_get_year (document), form_name (r.stage));

  add_front (&r);
  add_summary (&r);
  add_project_tables (&r);
  if (options->with_charts)
    add_appendix (&r);
  g_free (r.unit_line);
  g_free (r.period);
}
