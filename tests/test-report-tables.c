/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-stage-report.h"
#include "jx-test-utils.h"

/* The project tables as the model describes them for the printout and the
 * Word file (the 项目绩效目标表, the monitoring and self-evaluation
 * report): the rows a reviewer sees in each table, their words, the labels
 * spanning rows and the column titles. */

#define FIXTURE "tests/fixtures/valid/stages-2024.json"

/* A table as lines of cells: "[title]" for a column title, "text↓n" for a
 * label over n rows, "<text" for a cell aligned left, "=text" justified,
 * "text·" in the narrow type; a line's cells are only those the row
 * starts, and a line break in a cell is "/". */
static char *
dump (const JxReportTable *table)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < table->rows->len; r++)
    {
      const JxReportRow *row = &g_array_index (table->rows, JxReportRow, r);

      for (guint c = 0; c < row->cells->len; c++)
        {
          const JxReportCell *cell = &g_array_index (row->cells, JxReportCell, c);
          g_autofree char *text = g_strdelimit (g_strdup (cell->text), "\n", '/');

          if (c > 0)
            g_string_append (out, " | ");
          if (cell->title)
            g_string_append_printf (out, "[%s]", text);
          else if (cell->narrow)
            g_string_append_printf (out, "%s·", text);
          else if (cell->label)
            g_string_append_printf (out, "%s↓%u", text, cell->rows);
          else
            g_string_append_printf (out, "%s%s",
                                    cell->align == JX_REPORT_ALIGN_LEFT ? "<"
                                    : cell->align == JX_REPORT_ALIGN_JUSTIFY ? "=" : "",
                                    text);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static const JxReportTable *
table_at (JxStageReport *report, guint i)
{
  g_assert_cmpuint (i, <, report->tables->len);
  return g_ptr_array_index (report->tables, i);
}

/* Every row, with the labels of the rows above that span it, fills the
 * 156 mm of the block from its left edge without a gap or an overlap. */
static void
assert_rows_fill_block (const JxReportTable *table)
{
  double span_x[16], span_w[16];
  guint left[16] = { 0 };
  guint n_spans = 0;

  for (guint r = 0; r < table->rows->len; r++)
    {
      const JxReportRow *row = &g_array_index (table->rows, JxReportRow, r);
      double covered[64][2];
      guint n = 0;
      double edge = 0;

      for (guint s = 0; s < n_spans; s++)
        if (left[s] > 0)
          {
            covered[n][0] = span_x[s];
            covered[n++][1] = span_w[s];
            left[s]--;
          }
      for (guint c = 0; c < row->cells->len; c++)
        {
          const JxReportCell *cell = &g_array_index (row->cells, JxReportCell, c);

          g_assert_cmpuint (cell->rows, >=, 1);
          g_assert_true (cell->rows == 1 || cell->label);
          covered[n][0] = cell->x;
          covered[n++][1] = cell->w;
          if (cell->rows > 1)
            {
              g_assert_cmpuint (n_spans, <, G_N_ELEMENTS (span_x));
              span_x[n_spans] = cell->x;
              span_w[n_spans] = cell->w;
              left[n_spans++] = cell->rows - 1;
            }
        }
      /* In order from the left: the spanning labels come first. */
      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpfloat_with_epsilon (covered[i][0], edge, 1e-9);
          edge += covered[i][1];
        }
      g_assert_cmpfloat_with_epsilon (edge, 156.0, 1e-9);
    }
  for (guint s = 0; s < n_spans; s++)
    g_assert_cmpuint (left[s], ==, 0);
}

static void
test_monitoring (void)
{
  g_autoptr(JxDocument) document = jx_test_load (FIXTURE);
  g_autoptr(JxStageReport) report = jx_stage_report_new (document, JX_STAGE_MONITORING);
  g_autofree char *summary = NULL;
  g_autofree char *project = NULL;

  g_assert_cmpstr (report->title, ==, "2024年项目支出绩效监控表");
  g_assert_cmpstr (report->period, ==, "（2024年1–6月）");
  g_assert_cmpuint (report->tables->len, ==, 4);

  summary = dump (table_at (report, 0));
  g_assert_cmpstr (table_at (report, 0)->title, ==, "部门项目支出绩效监控汇总表");
  g_assert_cmpstr (summary, ==,
                   "[序号] | [项目名称] | [年初预算数] | [调整后预算数] | [6月底计划支出进度] | [1–6月执行数] | [1–6月执行率] | [全年预计执行数]\n"
                   "1 | <“智慧人大”系统经费 | 3.00 | 3.00 | 60% | 0.90 | 30% | 3.00\n"
                   "2 | <人大八届四次会议费 | 60.00 | 55.00 | 60% | 52.00 | 94.55% | 55.00\n"
                   "3 | <人大代表活动经费 | 61.00 | 61.00 | 60% | 21.35 | 35% | 58.00\n"
                   "合计 | 124.00 | 119.00 | 60% | 74.25 | 62.39% | 116.00\n");

  project = dump (table_at (report, 1));
  g_assert_cmpstr (table_at (report, 1)->title, ==, "1.“智慧人大”系统经费项目支出绩效监控表");
  g_assert_cmpstr (project, ==,
                   "项目编码 | 13028124P00094210001M | 项目名称 | “智慧人大”系统经费\n"
                   "预算执行情况（万元）↓2 | [年初预算数] | [调整后预算数] | [6月底计划支出进度] | [1–6月执行数] | [1–6月执行率] | [全年预计执行数] | [全年预计执行率]\n"
                   "3.00 | 3.00 | 60% | 0.90 | 30% | 3.00 | 100%\n"
                   "绩效目标 | <1.建设并完善平台主要功能。/2.做好平台应用培训工作。\n"
                   "[一级指标] | [二级指标] | [三级指标] | [年度指标值] | [1–6月完成值] | [全年预计完成情况] | [完成目标可能性] | [偏差原因] | [原因说明及改进措施]\n"
                   "产出指标↓4 | 数量指标↓1 | <软件设备数量 | 1套 | 1套 | 1套 | 确定能 |  | <\n"
                   "质量指标↓1 | <软件质量高，满足业务管理要求 | ≥95% | 95% | ≥95% | 确定能 |  | <\n"
                   "时效指标↓1 | <平台业务完成时限 | 2024年12月31日前 | 平台已上线试运行 | 2024年12月31日前 | 确定能 |  | <\n"
                   "成本指标↓1 | <预算控制数 | ≤3万元 | 3万元 | ≤3万元 | 确定能 |  | <\n"
                   "效益指标↓1 | 社会效益指标↓1 | <参与政府决策活动次数 | ≥95% | 95% | ≥95% | 确定能 |  | <\n"
                   "满意度指标↓1 | 服务对象满意度指标↓1 | <参训人员满意率 | ≥95% | 95% | ≥95% | 确定能 |  | <\n");
  g_assert_cmpuint (table_at (report, 1)->header, ==, 4);
  g_assert_cmpuint (table_at (report, 1)->header_last, ==, G_MAXUINT);

  for (guint i = 0; i < report->tables->len; i++)
    assert_rows_fill_block (table_at (report, i));
}

static void
test_evaluation (void)
{
  g_autoptr(JxDocument) document = jx_test_load (FIXTURE);
  g_autoptr(JxStageReport) report = jx_stage_report_new (document, JX_STAGE_EVALUATION);
  g_autofree char *summary = NULL;
  g_autofree char *project = NULL;

  g_assert_cmpstr (report->title, ==, "2024年项目支出绩效自评表");
  g_assert_cmpstr (report->period, ==, "（2024年度）");
  g_assert_cmpuint (report->tables->len, ==, 4);

  summary = dump (table_at (report, 0));
  g_assert_cmpstr (table_at (report, 0)->title, ==, "部门项目支出绩效自评汇总表");
  g_assert_cmpstr (summary, ==,
                   "[序号] | [项目名称] | [全年预算数] | [全年执行数] | [执行率] | [自评得分] | [评价等级]\n"
                   "1 | <“智慧人大”系统经费 | 3.00 | 2.85 | 95% | 99.5 | 优\n"
                   "2 | <人大八届四次会议费 | 55.00 | 54.60 | 99.27% | 99.93 | 优\n"
                   "3 | <人大代表活动经费 | 61.00 | 57.34 | 94% | 88.12 | 良\n"
                   "合计（得分按全年预算数加权平均） | 119.00 | 114.79 | 96.46% | 93.87 | 优\n");

  project = dump (table_at (report, 1));
  g_assert_cmpstr (project, ==,
                   "项目编码 | 13028124P00094210001M | 项目名称 | “智慧人大”系统经费\n"
                   "项目资金（万元）↓2 | [年初预算数] | [全年预算数] | [全年执行数] | [分值] | [执行率] | [得分]\n"
                   "3.00 | 3.00 | 2.85 | 10 | 95% | 9.5\n"
                   "绩效目标 | <1.建设并完善平台主要功能。/2.做好平台应用培训工作。\n"
                   "[一级指标] | [二级指标] | [三级指标] | [年度指标值] | [实际完成值] | [分值] | [得分] | [偏差原因分析及改进措施]\n"
                   "产出指标↓4 | 数量指标↓1 | <软件设备数量 | 1套 | 1套 | 12.5 | 12.5 | <\n"
                   "质量指标↓1 | <软件质量高，满足业务管理要求 | ≥95% | 95% | 12.5 | 12.5 | <\n"
                   "时效指标↓1 | <平台业务完成时限 | 2024年12月31日前 | 2024年11月完成 | 12.5 | 12.5 | <\n"
                   "成本指标↓1 | <预算控制数 | ≤3万元 | 2.85万元 | 12.5 | 12.5 | <\n"
                   "效益指标↓1 | 社会效益指标↓1 | <参与政府决策活动次数 | ≥95% | 95% | 30 | 30 | <\n"
                   "满意度指标↓1 | 服务对象满意度指标↓1 | <参训人员满意率 | ≥95% | 95% | 10 | 10 | <\n"
                   "总分 | 100 | 99.5 | 评价等级：优\n"
                   "评价结论 | <平台主要功能建成并投入使用，较好完成年度绩效目标。\n"
                   "存在问题 | <培训次数少于计划。\n"
                   "改进措施 | <下一年度增加操作培训。\n");
  /* The column titles repeat over the indicators, not over the total and
   * the conclusions below them. */
  g_assert_cmpuint (table_at (report, 1)->header, ==, 4);
  g_assert_cmpuint (table_at (report, 1)->header_last, ==, 4 + 6);

  for (guint i = 0; i < report->tables->len; i++)
    assert_rows_fill_block (table_at (report, i));
}

/* Runs of equal 二级 inside a run of equal 一级 share a label too, and an
 * indicator's row starts right of the labels that span it. */
static void
test_nested_runs (void)
{
  g_autoptr(JxDocument) document = jx_test_load (FIXTURE);
  JxProject *project = jx_test_project_at (document, 0);
  g_autoptr(JxStageReport) report = NULL;
  const JxReportTable *table;
  const JxReportRow *row;

  jx_indicator_set_level2 (jx_test_indicator_at (project, 1), "数量指标");
  jx_indicator_set_level2 (jx_test_indicator_at (project, 2), "数量指标");
  report = jx_stage_report_new (document, JX_STAGE_MONITORING);
  table = table_at (report, 1);
  assert_rows_fill_block (table);

  row = &g_array_index (table->rows, JxReportRow, table->header + 1);
  g_assert_cmpuint (row->indicator, ==, 1);
  g_assert_cmpstr (g_array_index (row->cells, JxReportCell, 0).text, ==, "产出指标");
  g_assert_cmpuint (g_array_index (row->cells, JxReportCell, 0).rows, ==, 4);
  g_assert_cmpstr (g_array_index (row->cells, JxReportCell, 1).text, ==, "数量指标");
  g_assert_cmpuint (g_array_index (row->cells, JxReportCell, 1).rows, ==, 3);
  g_assert_cmpstr (g_array_index (row->cells, JxReportCell, 2).text, ==, "软件设备数量");

  row = &g_array_index (table->rows, JxReportRow, table->header + 2);
  g_assert_cmpuint (row->indicator, ==, 2);
  g_assert_cmpfloat (g_array_index (row->cells, JxReportCell, 0).x, ==, 15 + 16);
  g_assert_cmpstr (g_array_index (row->cells, JxReportCell, 0).text, ==,
                   "软件质量高，满足业务管理要求");

  row = &g_array_index (table->rows, JxReportRow, table->header + 4);
  g_assert_cmpfloat (g_array_index (row->cells, JxReportCell, 0).x, ==, 15);
  g_assert_cmpstr (g_array_index (row->cells, JxReportCell, 0).text, ==, "成本指标");
  g_assert_cmpuint (g_array_index (row->cells, JxReportCell, 0).rows, ==, 1);
  g_assert_true (g_array_index (row->cells, JxReportCell, 0).label);
}

static void
test_goals (void)
{
  g_autoptr(JxDocument) document = jx_test_load ("tests/fixtures/valid/full-year.json");
  g_autoptr(JxReportTable) table = jx_report_table_new_goals (jx_test_project_at (document, 0));
  g_autofree char *text = dump (table);

  g_assert_cmpstr (text, ==,
                   "项目编码 | 13028124P00094210002M | 项目名称 | 人大代表履职经费\n"
                   "预算规模及资金用途↓2 | 预算数 | 49.75 | 其中：财政资金 | 48.50 | 其他资金 | 1.25\n"
                   "=主要用于代表培训、视察调研和代表之家日常运转。\n"
                   "资金支出计划（%）↓2 | 1月底· | 2月底· | 3月底· | 4月底· | 5月底· | 6月底· | 7月底· | 8月底· | 9月底· | 10月底· | 11月底· | 12月底·\n"
                   "8.5%· | 16.5%· | 25%· | 33.5%· | 41.5%· | 50%· | 58.5%· | 66.5%· | 75%· | 83.5%· | 91.5%· | 100%·\n"
                   "绩效目标 | <1.组织代表培训不少于2期。/2.保障代表视察调研活动。/3.代表满意度达到95%以上。\n"
                   "[一级指标] | [二级指标] | [三级指标] | [绩效指标描述] | [指标值] | [指标值确定依据]\n"
                   "产出指标↓4 | 数量指标↓2 | <代表培训期数 | <全年组织代表培训的期数 | ≥2期 | <年度工作计划\n"
                   "<视察调研次数 | <组织代表视察调研的次数 | ≥4次 | <年度工作计划\n"
                   "质量指标↓1 | <培训合格率 | <参训代表考核合格的比例 | ≥95% | <历史标准\n"
                   "时效指标↓1 | <完成时间 | <各项活动完成时间 | 2024年12月31日前 | <年度工作计划\n"
                   "成本指标↓1 | 经济成本指标↓1 | <培训成本 | <每期培训的费用 | ≤3万元 | <相关开支标准\n"
                   "效益指标↓3 | 社会效益指标↓2 | <代表履职能力 | <代表履职能力提升情况 | 明显提升 | <依据相关政策标准\n"
                   "<建议办理质量 | <代表建议办理质量 | 逐步提高 | <依据相关政策标准\n"
                   "可持续影响指标↓1 | <代表之家运转 | <代表之家持续发挥作用 | 长期 | <依据相关政策标准\n"
                   "满意度指标↓2 | 服务对象满意度指标↓2 | <代表满意度 | <人大代表对服务保障的满意程度 | ≥95% | <满意度调查\n"
                   "<群众满意度 | <选民对代表履职的满意程度 | ≥90% | <满意度调查\n");
  g_assert_cmpuint (table->header, ==, 6);
  g_assert_cmpuint (table->header_last, ==, G_MAXUINT);
  assert_rows_fill_block (table);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-tables/goals", test_goals);
  g_test_add_func ("/report-tables/stage-monitoring", test_monitoring);
  g_test_add_func ("/report-tables/stage-evaluation", test_evaluation);
  g_test_add_func ("/report-tables/stage-nested-runs", test_nested_runs);
  return g_test_run ();
}
