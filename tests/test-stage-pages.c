/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "jx-chart.h"
#include "jx-chart-private.h"
#include "jx-indicator.h"
#include "jx-page-layout.h"
#include "jx-scoring.h"
#include "jx-stage.h"
#include "jx-test-utils.h"

/* The printed reports of the monitoring and the evaluation, and the
 * spending drawn on the plan's chart. */

#define M(x) ((JxMoney) ((x) * 1000000))
#define SLACK 0.5

/* The example with both stages entered: project i spent (30 + 7i)% by 6月
 * (project 3 nothing entered), expects (90 + i)%, and spent (85 + 2i)% in
 * the year. */
static JxDocument *
filled_example (void)
{
  JxDocument *document = jx_test_load_example ();
  GListModel *projects = jx_document_get_projects (document);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      JxProject *project = jx_test_project_at (document, i);
      GListModel *indicators = jx_project_get_indicators (project);
      JxMoney total = jx_project_get_total (project);

      if (i != 3)
        jx_project_set_monitoring_executed (project, total * (30 + 7 * i) / 100);
      jx_project_set_monitoring_expected (project, total * (90 + i) / 100);
      jx_project_set_evaluation_executed (project, total * (85 + 2 * i) / 100);
      jx_project_set_evaluation_conclusion (project, "较好完成年度绩效目标。");
      jx_project_set_evaluation_problems (project, "支出进度偏慢。");
      for (guint k = 0; k < g_list_model_get_n_items (indicators); k++)
        {
          JxIndicator *indicator = jx_test_indicator_at (project, k);

          jx_indicator_set_monitoring_actual (indicator, k == 0 ? "2次" : "90%");
          jx_indicator_set_monitoring_likelihood (indicator, k == 1 ? JX_LIKELIHOOD_POSSIBLE
                                                                   : JX_LIKELIHOOD_CERTAIN);
          jx_indicator_set_evaluation_actual (indicator, "96%");
          jx_indicator_set_evaluation_achievement (indicator, JX_ACHIEVEMENT_PARTIAL);
        }
      jx_indicator_set_monitoring_causes (jx_test_indicator_at (project, 1),
                                          JX_CAUSE_OTHER | JX_CAUSE_FUNDS);
      jx_indicator_set_monitoring_cause_note (jx_test_indicator_at (project, 1), "资金拨付滞后。");
    }
  return document;
}

static JxPageLayout *
stage_layout (JxDocument *document, JxStage stage, gboolean with_charts)
{
  JxPageOptions options = { 0 };

  options.stage = stage;
  options.with_charts = with_charts;
  return jx_page_layout_new_full (document, &options);
}

/* Every box stays in the text block (the folio below it), and every cell's
 * text inside a cell frame. */
static void
assert_well_placed (JxPageLayout *layout)
{
  for (guint p = 0; p < jx_page_layout_get_n_pages (layout); p++)
    {
      guint n;
      const JxBox *boxes = jx_page_layout_get_boxes (layout, p, &n);

      for (guint i = 0; i < n; i++)
        {
          const JxBox *box = &boxes[i];
          gboolean framed = FALSE;

          if (box->kind == JX_BOX_FOLIO)
            continue;
          g_assert_cmpfloat (box->x, >=, -SLACK);
          g_assert_cmpfloat (box->y, >=, -SLACK);
          g_assert_cmpfloat (box->x + box->w, <=, JX_BLOCK_WIDTH + SLACK);
          g_assert_cmpfloat (box->y + box->h, <=, JX_BLOCK_HEIGHT + SLACK);
          if (box->kind != JX_BOX_TEXT || !(box->flags & JX_BOX_CELL))
            continue;
          for (guint f = 0; f < n && !framed; f++)
            framed = boxes[f].kind == JX_BOX_FRAME && boxes[f].x <= box->x &&
                     boxes[f].x + boxes[f].w >= box->x + box->w &&
                     boxes[f].y <= box->y + SLACK && boxes[f].y + boxes[f].h >= box->y + box->h - SLACK;
          g_assert_true (framed);
        }
    }
}

/* The page the text is first on, or -1. */
static int
find_text (JxPageLayout *layout, const char *text, guint8 flags)
{
  for (guint p = 0; p < jx_page_layout_get_n_pages (layout); p++)
    {
      guint n;
      const JxBox *boxes = jx_page_layout_get_boxes (layout, p, &n);

      for (guint i = 0; i < n; i++)
        if (boxes[i].kind == JX_BOX_TEXT && g_strcmp0 (boxes[i].text, text) == 0 &&
            (boxes[i].flags & flags) == flags)
          return (int) p;
    }
  return -1;
}

static void
assert_text (JxPageLayout *layout, const char *text)
{
  if (find_text (layout, text, 0) < 0)
    g_error ("“%s” is not printed", text);
}

static void
assert_outline (JxPageLayout *layout, const char *title)
{
  guint n;
  const JxOutlineEntry *entries = jx_page_layout_get_outline (layout, &n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (entries[i].title, title))
      return;
  g_error ("no bookmark “%s”", title);
}

static void
test_monitoring_report (void)
{
  g_autoptr(JxDocument) document = filled_example ();
  g_autoptr(JxPageLayout) layout = stage_layout (document, JX_STAGE_MONITORING, FALSE);

  /* No cover and no 目录: numbered from the first page. */
  g_assert_cmpuint (jx_page_layout_get_page_number (layout, 0), ==, 1);
  g_assert_cmpuint (jx_page_layout_get_n_pages (layout), >=, 4);
  assert_well_placed (layout);
  g_assert_nonnull (strstr (jx_page_layout_get_title (layout), "2024年项目支出绩效监控表"));
  assert_outline (layout, "2024年项目支出绩效监控表");
  assert_outline (layout, "部门项目支出绩效监控汇总表");
  assert_outline (layout, "3.人大代表活动经费项目支出绩效监控表");
  g_assert_cmpint (find_text (layout, "部门项目支出绩效监控汇总表", 0), ==, 0);
  assert_text (layout, "（2024年1–6月）");
  assert_text (layout, "1–6月执行数");
  assert_text (layout, "1–6月完成值");
  /* 人大代表活动经费: 61 × 44% = 26.84, of its plan's 60% by 6月底. */
  assert_text (layout, "26.84");
  assert_text (layout, "44%");
  assert_text (layout, "60%");
  assert_text (layout, "有可能");
  assert_text (layout, "经费保障、其他");
  assert_text (layout, "资金拨付滞后。");
  assert_text (layout, "合计");
}

static void
test_monitoring_month (void)
{
  g_autoptr(JxDocument) document = filled_example ();
  g_autoptr(JxPageLayout) layout = NULL;

  jx_document_set_monitoring_month (document, 7);
  layout = stage_layout (document, JX_STAGE_MONITORING, FALSE);
  assert_text (layout, "1–7月执行数");
  assert_text (layout, "7月底计划支出进度");
  g_assert_cmpint (find_text (layout, "1–6月执行数", 0), <, 0);
}

static void
test_evaluation_report (void)
{
  g_autoptr(JxDocument) document = filled_example ();
  g_autoptr(JxPageLayout) layout = stage_layout (document, JX_STAGE_EVALUATION, FALSE);
  JxProject *project = jx_test_project_at (document, 2);
  g_autoptr(JxProjectScore) score = jx_project_score_new (project, "万元");
  g_autofree char *total = jx_score_format (score->total);
  g_autofree char *grade = g_strdup_printf ("评价等级：%s", jx_score_grade (score->total));

  assert_well_placed (layout);
  assert_outline (layout, "部门项目支出绩效自评汇总表");
  assert_outline (layout, "3.人大代表活动经费项目支出绩效自评表");
  assert_text (layout, "（2024年度）");
  assert_text (layout, "偏差原因分析及改进措施");
  assert_text (layout, "总分");
  assert_text (layout, total);
  assert_text (layout, grade);
  assert_text (layout, "评价结论");
  assert_text (layout, "较好完成年度绩效目标。");
  assert_text (layout, "支出进度偏慢。");
  /* 61 × 89% */
  assert_text (layout, "54.29");
  assert_text (layout, "合计（得分按全年预算数加权平均）");
}

/* A table longer than a page goes on with its indicator header. */
static void
test_header_repeated (void)
{
  g_autoptr(JxDocument) document = filled_example ();
  JxProject *project = jx_test_project_at (document, 0);
  GListStore *rows = G_LIST_STORE (jx_project_get_indicators (project));
  g_autoptr(JxPageLayout) layout = NULL;
  guint headers = 0;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("指标%u", i);
      g_autoptr(JxIndicator) row = jx_indicator_new ("效益指标", "社会效益指标", name, "", "≥95%", "");

      jx_indicator_set_monitoring_actual (row, "90%");
      g_list_store_append (rows, row);
    }
  layout = stage_layout (document, JX_STAGE_MONITORING, FALSE);
  assert_well_placed (layout);
  for (guint p = 0; p < jx_page_layout_get_n_pages (layout); p++)
    {
      guint n;
      const JxBox *boxes = jx_page_layout_get_boxes (layout, p, &n);

      for (guint i = 0; i < n; i++)
        if (boxes[i].kind == JX_BOX_TEXT && (boxes[i].flags & JX_BOX_HEADER) &&
            g_str_equal (boxes[i].text, "1–6月完成值"))
          headers++;
    }
  /* Once per table, and again on the pages the long one goes on to. */
  g_assert_cmpuint (headers, >, 7);
}

/* The chart's title as the page draws it: "2024年遵化市人民代表大会常务委员会
 * 资金支出计划与执行（按月末累计）" is wider than the text block, and is
 * printed whole, the kind of chart on a second line, rather than cut with
 * "…". */
static void
assert_title_whole (JxChartSeries *series, JxChartMode mode, double width, double height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  JxChartLayout *chart = jx_chart_layout_new (cr, series, mode, width, height);
  guint titles = 0;

  for (guint i = 0; i < chart->labels->len; i++)
    {
      JxChartLabel *label = &g_array_index (chart->labels, JxChartLabel, i);

      if (label->kind != JX_CHART_LABEL_TITLE)
        continue;
      titles++;
      g_assert_true (g_str_has_suffix (pango_layout_get_text (label->layout),
                                       "资金支出计划与执行\n（按月末累计）"));
      g_assert_false (pango_layout_is_ellipsized (label->layout));
      g_assert_cmpint (pango_layout_get_line_count (label->layout), ==, 2);
      g_assert_cmpfloat (label->rect.x + label->rect.width, <=, width + SLACK);
    }
  g_assert_cmpuint (titles, ==, 1);
  jx_chart_layout_free (chart);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_appendix (void)
{
  g_autoptr(JxDocument) document = filled_example ();
  g_autoptr(JxPageLayout) layout = stage_layout (document, JX_STAGE_MONITORING, TRUE);
  guint last = jx_page_layout_get_n_pages (layout) - 1;
  guint n, charts = 0;
  const JxBox *boxes = jx_page_layout_get_boxes (layout, last, &n);

  assert_outline (layout, "附件：部门资金支出计划与执行");
  for (guint i = 0; i < n; i++)
    if (boxes[i].kind == JX_BOX_CHART)
      {
        JxChartMode mode;
        JxChartSeries *series = jx_page_layout_get_chart (layout, &boxes[i], &mode);

        charts++;
        g_assert_cmpint (mode, ==, JX_CHART_MODE_CUMULATIVE);
        g_assert_cmpint (series->stage, ==, JX_STAGE_MONITORING);
        g_assert_cmpuint (series->n_actual, ==, 6);
        assert_title_whole (series, mode, boxes[i].w, boxes[i].h);
      }
  g_assert_cmpuint (charts, ==, 1);
}

/* The goal document's appendix shows the plan alone, whatever the stage. */
static void
test_goal_appendix_plain (void)
{
  g_autoptr(JxDocument) document = filled_example ();
  g_autoptr(JxPageLayout) layout = NULL;
  JxPageOptions options = { .with_charts = TRUE };
  guint last, n;
  const JxBox *boxes;

  jx_document_set_stage (document, JX_STAGE_MONITORING);
  layout = jx_page_layout_new_full (document, &options);
  last = jx_page_layout_get_n_pages (layout) - 1;
  boxes = jx_page_layout_get_boxes (layout, last, &n);
  for (guint i = 0; i < n; i++)
    if (boxes[i].kind == JX_BOX_CHART)
      g_assert_cmpuint (jx_page_layout_get_chart (layout, &boxes[i], NULL)->actual_month, ==, 0);
}

static void
test_series (void)
{
  g_autoptr(JxDocument) document = filled_example ();
  g_autoptr(JxChartSeries) goals = jx_chart_series_new (document, NULL);
  g_autoptr(JxChartSeries) monitoring = NULL;
  g_autoptr(JxChartSeries) evaluation = NULL;
  JxMoney spent = 0, expected = 0, budget = 0;

  /* A goal document's chart is the plan's. */
  g_assert_cmpuint (goals->actual_month, ==, 0);
  g_assert_cmpuint (goals->n_actual, ==, 0);

  jx_document_set_stage (document, JX_STAGE_MONITORING);
  monitoring = jx_chart_series_new (document, NULL);
  for (guint i = 0; i < 7; i++)
    {
      JxProject *project = jx_test_project_at (document, i);

      /* Project 3 has an expected year end but no 执行数: it counts in the
       * expected sum, as in the summary table's 合计, not in the spent. */
      expected += jx_project_get_monitoring_expected (project);
      if (i == 3)
        continue;
      spent += jx_project_get_monitoring_executed (project);
      budget += jx_project_get_total (project);
    }
  g_assert_cmpuint (monitoring->actual_month, ==, 6);
  g_assert_cmpuint (monitoring->n_actual, ==, 6);
  g_assert_cmpuint (monitoring->n_missing, ==, 1);
  g_assert_cmpint (monitoring->actual, ==, spent);
  g_assert_cmpint (monitoring->expected, ==, expected);
  g_assert_cmpfloat_with_epsilon (monitoring->actual_percent, 100.0 * spent / budget, 1e-9);

  evaluation = jx_chart_series_new_for_stage (document, NULL, JX_STAGE_EVALUATION);
  g_assert_cmpuint (evaluation->actual_month, ==, 12);
  g_assert_cmpuint (evaluation->n_actual, ==, 7);
  g_assert_false (evaluation->has_expected);
}

static guint32
pixel_at (cairo_surface_t *surface, double x, double y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(guint32 *) (data + (int) y * stride + (int) x * 4) & 0xffffff;
}

/* Whether a dark pixel (an outline) lies up to width to the left. */
static gboolean
dark_left_of (cairo_surface_t *surface, double x, double y, guint width)
{
  for (guint d = 1; d <= width; d++)
    {
      guint32 rgb = pixel_at (surface, x - d, y);

      if ((rgb >> 16 & 0xff) < 0x40 && (rgb >> 8 & 0xff) < 0x40 && (rgb & 0xff) < 0x40)
        return TRUE;
    }
  return FALSE;
}

static JxChartLayout *
draw (JxChartSeries *series, cairo_surface_t *surface)
{
  cairo_t *cr = cairo_create (surface);
  JxChartLayout *layout = jx_chart_layout_new (cr, series, JX_CHART_MODE_CUMULATIVE, 960, 600);

  jx_chart_layout_draw (layout, cr, jx_chart_palette_print (), -1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return layout;
}

/* A project's 执行率 sits on the percent axis at its month, the expected
 * year end at 12月底, and both are drawn there. */
static void
test_project_points (void)
{
  g_autoptr(JxDocument) document = filled_example ();
  JxProject *project = jx_test_project_at (document, 2);
  g_autoptr(JxChartSeries) series = jx_chart_series_new_for_stage (document, project,
                                                                   JX_STAGE_MONITORING);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 960, 600);
  g_autoptr(JxChartLayout) layout = draw (series, surface);
  JxChartRect plot;
  double x, y, ex, ey;
  gboolean labelled = FALSE;

  jx_chart_layout_get_plot (layout, &plot);
  g_assert_true (jx_chart_layout_get_actual_point (layout, FALSE, &x, &y));
  g_assert_true (jx_chart_layout_get_actual_point (layout, TRUE, &ex, &ey));
  g_assert_cmpfloat_with_epsilon (x, plot.x + plot.width * 6 / 12, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, plot.y + plot.height * (1 - 44.0 / 100), 1e-6);
  g_assert_cmpfloat_with_epsilon (ex, plot.x + plot.width, 1e-6);
  g_assert_cmpfloat_with_epsilon (ey, plot.y + plot.height * (1 - 92.0 / 100), 1e-6);
  /* The filled diamond is black paper-side up; the hollow one white inside. */
  g_assert_cmphex (pixel_at (surface, x, y), ==, 0x000000);
  g_assert_cmphex (pixel_at (surface, ex, ey), ==, 0xffffff);
  g_assert_true (dark_left_of (surface, ex, ey, 10));
  for (guint i = 0; i < jx_chart_layout_get_n_labels (layout); i++)
    labelled |= g_str_has_prefix (jx_chart_layout_get_label (layout, i, NULL, NULL), "1–6月实际 44%");
  g_assert_true (labelled);
  cairo_surface_destroy (surface);
}

/* The department's sums are amounts: their heights above the axis are in
 * the ratio of the amounts. */
static void
test_department_points (void)
{
  g_autoptr(JxDocument) document = filled_example ();
  g_autoptr(JxChartSeries) series = jx_chart_series_new_for_stage (document, NULL,
                                                                   JX_STAGE_MONITORING);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 960, 600);
  g_autoptr(JxChartLayout) layout = draw (series, surface);
  JxChartRect plot;
  double x, y, ex, ey, bottom;

  jx_chart_layout_get_plot (layout, &plot);
  bottom = plot.y + plot.height;
  g_assert_true (jx_chart_layout_get_actual_point (layout, FALSE, &x, &y));
  g_assert_true (jx_chart_layout_get_actual_point (layout, TRUE, &ex, &ey));
  g_assert_cmpfloat_with_epsilon ((bottom - y) / (bottom - ey),
                                  (double) series->actual / (double) series->expected, 1e-6);
  g_assert_cmphex (pixel_at (surface, x, y), ==, 0x000000);
  cairo_surface_destroy (surface);
}

/* Nothing entered: the plan alone, and a note saying why. */
static void
test_nothing_entered (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxChartSeries) series = jx_chart_series_new_for_stage (document, NULL,
                                                                   JX_STAGE_MONITORING);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 960, 600);
  g_autoptr(JxChartLayout) layout = draw (series, surface);
  double x, y;
  gboolean noted = FALSE;

  g_assert_false (jx_chart_layout_get_actual_point (layout, FALSE, &x, &y));
  for (guint i = 0; i < jx_chart_layout_get_n_labels (layout); i++)
    noted |= g_strcmp0 (jx_chart_layout_get_label (layout, i, NULL, NULL),
                        "各项目均未填写1–6月执行数") == 0;
  g_assert_true (noted);
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stage-pages/monitoring", test_monitoring_report);
  g_test_add_func ("/stage-pages/monitoring-month", test_monitoring_month);
  g_test_add_func ("/stage-pages/evaluation", test_evaluation_report);
  g_test_add_func ("/stage-pages/header-repeated", test_header_repeated);
  g_test_add_func ("/stage-pages/appendix", test_appendix);
  g_test_add_func ("/stage-pages/goal-appendix-plain", test_goal_appendix_plain);
  g_test_add_func ("/stage-chart/series", test_series);
  g_test_add_func ("/stage-chart/project-points", test_project_points);
  g_test_add_func ("/stage-chart/department-points", test_department_points);
  g_test_add_func ("/stage-chart/nothing-entered", test_nothing_entered);
  return g_test_run ();
}
