/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "jx-checkpoint.h"
#include "jx-chart.h"
#include "jx-document-io.h"
#include "jx-test-utils.h"

#define WAN(x) ((JxMoney) (x) * JX_MONEY_SCALE)

/* plan: pairs of month and percent, ended by 0. */
static JxProject *
add_project (JxDocument *document,
             const char *code,
             JxMoney     fiscal,
             const int  *plan)
{
  g_autoptr(JxProject) project = jx_project_new (code, code);
  GListStore *store = G_LIST_STORE (jx_project_get_spending_plan (project));

  jx_project_set_fiscal (project, fiscal);
  for (guint i = 0; plan != NULL && plan[i] != 0; i += 2)
    {
      g_autoptr(JxCheckpoint) checkpoint = jx_checkpoint_new (plan[i], plan[i + 1]);
      g_list_store_append (store, checkpoint);
    }
  g_list_store_append (G_LIST_STORE (jx_document_get_projects (document)), project);
  return project;
}

static JxDocument *
generated_document (guint n)
{
  JxDocument *document = jx_document_new ();
  static const int plan[] = { 3, 25, 6, 50, 9, 75, 12, 100, 0 };

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *code = g_strdup_printf ("P%04u", i);
      add_project (document, code, WAN (1 + i % 97), plan);
    }
  return document;
}

static int
find_code (JxChartSeries *s,
           const char    *suffix)
{
  for (guint i = 0; i < s->n_projects; i++)
    if (g_str_has_suffix (s->projects[i].code, suffix))
      return (int) i;
  g_assert_not_reached ();
}

static void
assert_stacking (JxChartSeries *s)
{
  JxMoney total = 0;

  for (guint b = 0; b < s->n_bands; b++)
    total += s->bands[b].total;
  g_assert_cmpint (total, ==, s->total);
  for (guint c = 0; c < s->n_columns; c++)
    {
      JxMoney cumulative = 0, period = 0;

      for (guint b = 0; b < s->n_bands; b++)
        {
          cumulative += s->bands[b].cumulative[c];
          period += s->bands[b].period[c];
        }
      g_assert_cmpint (cumulative, ==, s->cumulative[c]);
      g_assert_cmpint (period, ==, s->period[c]);
    }
}

static void
test_series_example (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxChartSeries) s = jx_chart_series_new (document, NULL);
  static const guint months[] = { 3, 6, 10, 12 };
  static const JxMoney cumulative[] = { WAN (81), WAN (159), WAN (237), WAN (263) };
  static const JxMoney period[] = { WAN (81), WAN (78), WAN (78), WAN (26) };
  int smart = find_code (s, "94210001M");
  int veterans = find_code (s, "85710001H");

  g_assert_cmpuint (s->n_projects, ==, 7);
  g_assert_cmpint (s->total, ==, WAN (270));
  g_assert_cmpuint (s->n_columns, ==, 4);
  for (guint c = 0; c < 4; c++)
    {
      g_assert_cmpuint (s->months[c], ==, months[c]);
      g_assert_cmpint (s->cumulative[c], ==, cumulative[c]);
      g_assert_cmpint (s->period[c], ==, period[c]);
    }
  /* 30% of 3万元 is exactly 0.9万元, not 0.8999…. */
  g_assert_cmpint (s->projects[smart].cumulative[0], ==, 900000);
  g_assert_cmpint (s->projects[smart].points[2].amount, ==, 2700000);
  g_assert_cmpint (s->projects[veterans].cumulative[3], ==, WAN (3));
  g_assert_cmpfloat_with_epsilon (jx_chart_series_total_percent (s, 3), 100.0 * 263 / 270, 1e-9);

  /* Largest at the bottom, equal budgets in the file's order. */
  g_assert_cmpuint (s->n_bands, ==, 7);
  g_assert_cmpint (s->bands[0].total, ==, WAN (63));
  g_assert_cmpstr (s->bands[2].label, ==, "人大八届四次会议费");
  g_assert_cmpstr (s->bands[3].label, ==, "人大代表培训及考察工作经费");
  g_assert_cmpint (s->bands[6].total, ==, WAN (3));
  assert_stacking (s);

  g_assert_cmpuint (s->projects[veterans].flags, ==, JX_CHART_FLAG_INCOMPLETE);
  g_assert_cmpuint (jx_chart_series_count_flag (s, JX_CHART_FLAG_INCOMPLETE), ==, 1);
  g_assert_cmpuint (jx_chart_series_count_flag (s, JX_CHART_FLAG_DECREASING), ==, 0);
}

static void
test_series_labels (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxChartSeries) s = jx_chart_series_new (document, NULL);
  g_autofree char *month = jx_chart_series_month_label (s, 0);
  g_autofree char *first = jx_chart_series_period_label (s, 0);
  g_autofree char *third = jx_chart_series_period_label (s, 2);

  g_assert_cmpstr (month, ==, "3月底");
  g_assert_cmpstr (first, ==, "1–3月");
  g_assert_cmpstr (third, ==, "7–10月");
}

/* A month one plan names and another does not: the other's last stated
 * share carries forward, and nothing is spent before the first one. */
static void
test_series_carry_forward (void)
{
  g_autoptr(JxDocument) document = jx_document_new ();
  static const int a[] = { 3, 40, 12, 100, 0 };
  static const int b[] = { 6, 50, 12, 100, 0 };
  g_autoptr(JxChartSeries) s = NULL;

  add_project (document, "A", WAN (10), a);
  add_project (document, "B", WAN (20), b);
  s = jx_chart_series_new (document, NULL);
  g_assert_cmpuint (s->n_columns, ==, 3);
  g_assert_cmpint (s->projects[0].cumulative[1], ==, WAN (4));
  g_assert_cmpint (s->projects[1].cumulative[0], ==, 0);
  g_assert_cmpint (s->cumulative[0], ==, WAN (4));
  g_assert_cmpint (s->cumulative[1], ==, WAN (14));
  g_assert_cmpint (s->cumulative[2], ==, WAN (30));
  assert_stacking (s);
}

static void
test_series_odd (void)
{
  g_autoptr(JxDocument) document = jx_document_new ();
  static const int down[] = { 3, 50, 6, 40, 12, 100, 0 };
  static const int low[] = { 12, 80, 0 };
  static const int unordered[] = { 6, 50, 3, 30, 12, 100, 0 };
  JxProject *project;
  g_autoptr(JxChartSeries) s = NULL;
  g_autoptr(JxChartSeries) one = NULL;

  add_project (document, "empty", WAN (5), NULL);
  add_project (document, "down", WAN (10), down);
  add_project (document, "zero", 0, low);
  project = add_project (document, "unordered", WAN (10), unordered);
  s = jx_chart_series_new (document, NULL);

  g_assert_cmpuint (s->projects[0].flags, ==, JX_CHART_FLAG_EMPTY_PLAN);
  g_assert_cmpuint (s->projects[1].flags, ==, JX_CHART_FLAG_DECREASING);
  g_assert_cmpuint (s->projects[2].flags, ==, JX_CHART_FLAG_ZERO_BUDGET | JX_CHART_FLAG_INCOMPLETE);
  g_assert_cmpuint (s->projects[3].flags, ==, JX_CHART_FLAG_UNORDERED);
  /* Read by month whatever the order in the file. */
  g_assert_cmpint (s->projects[3].cumulative[0], ==, WAN (3));
  g_assert_cmpint (s->projects[3].cumulative[1], ==, WAN (5));
  assert_stacking (s);
  /* The plan going down gives a negative period: drawn as given. */
  g_assert_cmpint (s->bands[0].project, ==, 1);
  g_assert_cmpint (s->bands[0].period[1], ==, -WAN (1));

  one = jx_chart_series_new (document, project);
  g_assert_true (one->single_project);
  g_assert_cmpuint (one->n_projects, ==, 1);
  g_assert_cmpuint (one->n_columns, ==, 3);
}

static void
test_series_many (void)
{
  g_autoptr(JxDocument) document = generated_document (2000);
  g_autoptr(JxChartSeries) s = jx_chart_series_new (document, NULL);

  g_assert_cmpuint (s->n_bands, ==, JX_CHART_MAX_BANDS);
  g_assert_cmpint (s->bands[JX_CHART_MAX_BANDS - 1].project, ==, -1);
  g_assert_cmpstr (s->bands[JX_CHART_MAX_BANDS - 1].label, ==, "其他");
  g_assert_cmpuint (s->bands[JX_CHART_MAX_BANDS - 1].n_members, ==, 2000 - (JX_CHART_MAX_BANDS - 1));
  for (guint b = 1; b + 1 < s->n_bands; b++)
    g_assert_cmpint (s->bands[b - 1].total, >=, s->bands[b].total);
  assert_stacking (s);
  g_assert_cmpint (s->cumulative[s->n_columns - 1], ==, s->total);
}

static void
assert_ticks (double lo, double hi, guint max, double first, double step, guint n)
{
  double f, st;
  guint count;

  jx_chart_nice_ticks (lo, hi, max, &f, &st, &count);
  g_assert_cmpfloat_with_epsilon (f, first, 1e-9);
  g_assert_cmpfloat_with_epsilon (st, step, 1e-9);
  g_assert_cmpuint (count, ==, n);
}

static void
test_ticks (void)
{
  GRand *rand = g_rand_new_with_seed (7);

  assert_ticks (0, 270, 6, 0, 50, 7);
  assert_ticks (0, 100, 5, 0, 20, 6);
  assert_ticks (0, 0.9, 5, 0, 0.2, 6);
  assert_ticks (0, 20, 8, 0, 2.5, 9);
  assert_ticks (-26, 81, 6, -50, 25, 7);
  assert_ticks (0, 0, 5, 0, 0.2, 6);
  for (guint i = 0; i < 1000; i++)
    {
      double lo = g_rand_int_range (rand, 0, 2) ? 0 : -g_rand_double_range (rand, 0, 1e4);
      double hi = g_rand_double_range (rand, 1e-3, 1e7);
      guint max = g_rand_int_range (rand, 2, 11);
      double first, step, mantissa;
      guint n;

      jx_chart_nice_ticks (lo, hi, max, &first, &step, &n);
      mantissa = step / pow (10, floor (log10 (step) + 1e-9));
      g_assert_true (fabs (mantissa - 1) < 1e-6 || fabs (mantissa - 2) < 1e-6 ||
                     fabs (mantissa - 2.5) < 1e-6 || fabs (mantissa - 5) < 1e-6);
      g_assert_cmpfloat (first, <=, lo + 1e-9 * step);
      g_assert_cmpfloat (first + (n - 1) * step, >=, hi - 1e-9 * step);
      g_assert_cmpuint (n - 1, <=, max);
    }
  g_rand_free (rand);
}

static JxChartLayout *
layout_for (JxChartSeries *series,
            JxChartMode    mode,
            double         width,
            double         height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cairo_t *cr = cairo_create (surface);
  JxChartLayout *layout = jx_chart_layout_new (cr, series, mode, width, height);

  jx_chart_layout_draw (layout, cr, jx_chart_palette_print (), -1);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return layout;
}

static void
assert_no_overlap (JxChartLayout *layout,
                   double         width,
                   double         height)
{
  guint n = jx_chart_layout_get_n_labels (layout);

  for (guint i = 0; i < n; i++)
    {
      JxChartRect a;
      const char *text = jx_chart_layout_get_label (layout, i, NULL, &a);

      if (a.x < -0.01 || a.y < -0.01 || a.x + a.width > width + 0.01 || a.y + a.height > height + 0.01)
        g_error ("“%s” leaves the %gx%g chart", text, width, height);
      for (guint j = i + 1; j < n; j++)
        {
          JxChartRect b;
          const char *other = jx_chart_layout_get_label (layout, j, NULL, &b);

          if (a.x < b.x + b.width - 0.01 && b.x < a.x + a.width - 0.01 &&
              a.y < b.y + b.height - 0.01 && b.y < a.y + a.height - 0.01)
            g_error ("“%s” (%g,%g %gx%g) overlaps “%s” (%g,%g %gx%g) at %gx%g", text, a.x, a.y, a.width, a.height, other, b.x, b.y, b.width, b.height, width, height);
        }
    }
}

static gboolean
has_label (JxChartLayout    *layout,
           JxChartLabelKind  kind,
           const char       *part)
{
  for (guint i = 0; i < jx_chart_layout_get_n_labels (layout); i++)
    {
      JxChartLabelKind k;
      const char *text = jx_chart_layout_get_label (layout, i, &k, NULL);

      if (k == kind && strstr (text, part) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
check_all_sizes (JxChartSeries *series)
{
  static const double sizes[][2] = {
    { 320, 240 }, { 480, 320 }, { 640, 400 }, { 960, 600 }, { 1600, 1000 }, { 842, 595 }, { 400, 700 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (JxChartMode mode = JX_CHART_MODE_CUMULATIVE; mode <= JX_CHART_MODE_PERIOD; mode++)
      {
        g_autoptr(JxChartLayout) layout = layout_for (series, mode, sizes[i][0], sizes[i][1]);
        assert_no_overlap (layout, sizes[i][0], sizes[i][1]);
      }
}

static void
test_labels_never_overlap (void)
{
  g_autoptr(JxDocument) example = jx_test_load_example ();
  g_autoptr(JxDocument) monthly = jx_document_new ();
  g_autoptr(JxDocument) many = generated_document (2000);
  static const int every_month[] = { 1, 8, 2, 16, 3, 25, 4, 33, 5, 41, 6, 50, 7, 58, 8, 66, 9, 75,
                                     10, 83, 11, 91, 12, 100, 0 };
  JxDocument *documents[] = { example, monthly, many };
  JxProject *project;

  project = add_project (monthly, "M", WAN (123456), every_month);
  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      g_autoptr(JxChartSeries) series = jx_chart_series_new (documents[d], NULL);
      check_all_sizes (series);
    }
  {
    g_autoptr(JxChartSeries) series = jx_chart_series_new (monthly, project);
    g_autoptr(JxChartLayout) layout = layout_for (series, JX_CHART_MODE_CUMULATIVE, 1600, 1000);

    check_all_sizes (series);
    /* Wide enough: every month-end and the year's end value are shown. */
    g_assert_true (has_label (layout, JX_CHART_LABEL_MONTH, "1月底"));
    g_assert_true (has_label (layout, JX_CHART_LABEL_MONTH, "12月底"));
    g_assert_true (has_label (layout, JX_CHART_LABEL_VALUE, "123456.00万元（100%）"));
  }
}

typedef struct
{
  const char       *name;
  const int        *plan;
  JxMoney           fiscal;
  JxChartLabelKind  kind;
  const char       *project_mark;
  const char       *department_mark;
} OddCase;

static void
test_odd_data_marked (void)
{
  static const int down[] = { 3, 50, 6, 40, 12, 100, 0 };
  static const int low[] = { 3, 10, 12, 80, 0 };
  static const int full[] = { 6, 50, 12, 100, 0 };
  static const int unordered[] = { 6, 50, 3, 30, 12, 100, 0 };
  static const OddCase cases[] = {
    { "empty", NULL, WAN (5), JX_CHART_LABEL_MESSAGE, "未填写资金支出计划", "各项目均未填写资金支出计划" },
    { "low", low, WAN (5), JX_CHART_LABEL_NOTE, "未达100%", "1个项目计划累计未达100%：low（80%）" },
    { "down", down, WAN (5), JX_CHART_LABEL_NOTE, "6月底计划累计比例低于前一节点（50%→40%）", "比例出现下降：down" },
    { "zero", full, 0, JX_CHART_LABEL_NOTE, "预算数为0", "预算数为0，无金额：zero" },
    { "unordered", unordered, WAN (5), JX_CHART_LABEL_NOTE, "顺序颠倒", "顺序颠倒" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JxDocument) document = jx_document_new ();
      JxProject *project = add_project (document, cases[i].name, cases[i].fiscal, cases[i].plan);
      g_autoptr(JxChartSeries) department = jx_chart_series_new (document, NULL);
      g_autoptr(JxChartSeries) one = jx_chart_series_new (document, project);

      for (JxChartMode mode = JX_CHART_MODE_CUMULATIVE; mode <= JX_CHART_MODE_PERIOD; mode++)
        {
          g_autoptr(JxChartLayout) a = layout_for (one, mode, 800, 500);
          g_autoptr(JxChartLayout) b = layout_for (department, mode, 800, 500);

          if (!has_label (a, cases[i].kind, cases[i].project_mark))
            g_error ("%s: the project chart does not say “%s”", cases[i].name, cases[i].project_mark);
          if (!has_label (b, cases[i].kind, cases[i].department_mark))
            g_error ("%s: the department chart does not say “%s”", cases[i].name, cases[i].department_mark);
          assert_no_overlap (a, 800, 500);
          assert_no_overlap (b, 800, 500);
        }
    }
  {
    /* No project at all is not an error either. */
    g_autoptr(JxDocument) document = jx_document_new ();
    g_autoptr(JxChartSeries) series = jx_chart_series_new (document, NULL);
    g_autoptr(JxChartLayout) layout = layout_for (series, JX_CHART_MODE_CUMULATIVE, 800, 500);

    g_assert_true (has_label (layout, JX_CHART_LABEL_MESSAGE, "还没有项目"));
  }
}

static void
test_example_labels (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxChartSeries) series = jx_chart_series_new (document, NULL);
  g_autoptr(JxChartLayout) layout = layout_for (series, JX_CHART_MODE_CUMULATIVE, 960, 600);
  g_autoptr(JxChartLayout) period = layout_for (series, JX_CHART_MODE_PERIOD, 960, 600);

  g_assert_true (has_label (layout, JX_CHART_LABEL_TITLE, "2024年遵化市人民代表大会常务委员会资金支出计划"));
  g_assert_true (has_label (layout, JX_CHART_LABEL_SUBTITLE, "预算合计 270.00万元"));
  g_assert_true (has_label (layout, JX_CHART_LABEL_VALUE, "263.00（97.4%）"));
  g_assert_true (has_label (layout, JX_CHART_LABEL_MONTH, "10月底"));
  g_assert_true (has_label (layout, JX_CHART_LABEL_LEGEND, "人大代表之家联络站活动经费"));
  g_assert_true (has_label (layout, JX_CHART_LABEL_TICK, "万元"));
  g_assert_true (has_label (period, JX_CHART_LABEL_MONTH, "11–12月"));
  g_assert_true (has_label (period, JX_CHART_LABEL_VALUE, "26.00（9.6%）"));
}

/* A project just added has no code: its chart names the budget alone. */
static void
test_no_code_subtitle (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  JxProject *project = jx_test_project_at (document, 0);
  g_autoptr(JxChartSeries) series = NULL;
  g_autoptr(JxChartLayout) layout = NULL;

  jx_project_set_code (project, "");
  series = jx_chart_series_new (document, project);
  layout = layout_for (series, JX_CHART_MODE_CUMULATIVE, 960, 600);
  g_assert_true (has_label (layout, JX_CHART_LABEL_SUBTITLE, "预算数 3.00万元"));
  g_assert_false (has_label (layout, JX_CHART_LABEL_SUBTITLE, "项目编码"));
}

static void
test_hit (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxChartSeries) series = jx_chart_series_new (document, NULL);
  g_autoptr(JxChartLayout) layout = layout_for (series, JX_CHART_MODE_CUMULATIVE, 960, 600);
  g_autoptr(JxChartLayout) bars = layout_for (series, JX_CHART_MODE_PERIOD, 960, 600);
  JxChartRect plot;
  JxChartHit hit;
  double x, bottom;

  jx_chart_layout_get_plot (layout, &plot);
  x = plot.x + plot.width * 10 / 12;
  bottom = plot.y + plot.height;
  /* Just above the axis at 10月底: the bottom band, the largest project. */
  g_assert_true (jx_chart_layout_hit_test (layout, x, bottom - 3, &hit));
  g_assert_cmpint (hit.band, ==, 0);
  g_assert_cmpstr (series->projects[hit.project].name, ==, "人大代表之家联络站活动经费");
  g_assert_cmpuint (hit.column, ==, 2);
  g_assert_cmpint (hit.amount, ==, jx_money_percent_of (WAN (63), 90));
  g_assert_cmpfloat (hit.percent, ==, 90);
  /* Far above the stack, and outside the plot: nothing. */
  g_assert_false (jx_chart_layout_hit_test (layout, x, plot.y + 1, &hit));
  g_assert_false (jx_chart_layout_hit_test (layout, 2, 2, &hit));

  jx_chart_layout_get_plot (bars, &plot);
  g_assert_true (jx_chart_layout_hit_test (bars, plot.x + plot.width * 3.5 / 4, plot.y + plot.height - 3, &hit));
  g_assert_cmpuint (hit.column, ==, 3);
  g_assert_cmpint (hit.amount, ==, WAN (63) / 10);
}

static void
test_svg_has_text (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxChartSeries) series = jx_chart_series_new (document, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = jx_chart_render (series, JX_CHART_MODE_CUMULATIVE, JX_CHART_FORMAT_SVG,
                                           842, 595, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  g_assert_true (g_str_has_prefix (text, "<?xml"));
  g_assert_nonnull (strstr (text, "<title>2024年遵化市人民代表大会常务委员会资金支出计划"));
  g_assert_nonnull (strstr (text, ">3月底</text>"));
  g_assert_nonnull (strstr (text, ">人大代表活动经费</text>"));
  g_assert_nonnull (strstr (text, ">万元</text>"));
  g_assert_true (g_str_has_suffix (g_strchomp (text), "</svg>"));
}

static void
test_png_export (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxChartSeries) series = jx_chart_series_new (document, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  cairo_surface_t *image;
  guint non_white = 0;
  int stride;
  guchar *data;

  g_assert_true (jx_chart_export (series, JX_CHART_MODE_CUMULATIVE, path, 800, 500, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 500);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < 500; y++)
    for (int x = 0; x < 800; x++)
      {
        guint32 pixel = *(guint32 *) (data + y * stride + x * 4);

        non_white += (pixel & 0xffffff) != 0xffffff;
        g_hash_table_add (colours, GUINT_TO_POINTER (pixel));
      }
  /* Seven bands, text and lines: far from a blank page. */
  g_assert_cmpuint (non_white, >, 800 * 500 / 5);
  g_assert_cmpuint (g_hash_table_size (colours), >, 8);
  cairo_surface_destroy (image);
  jx_test_remove_tree (dir);
}

static void
test_export_errors (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxChartSeries) series = jx_chart_series_new (document, NULL);
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *bad = g_build_filename (dir, "chart.jpg", NULL);
  g_autofree char *kept = g_build_filename (dir, "kept.pdf", NULL);
  g_autofree char *pdf = NULL;
  GError *error = NULL;

  g_assert_false (jx_chart_export (series, JX_CHART_MODE_CUMULATIVE, bad, 800, 500, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (kept, "old", -1, NULL));
  g_assert_false (jx_chart_export (series, JX_CHART_MODE_PERIOD, kept, 20, 500, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  pdf = jx_test_read_file (kept, NULL);
  g_assert_cmpstr (pdf, ==, "old");

  g_assert_true (jx_chart_export (series, JX_CHART_MODE_PERIOD, kept, 842, 595, &error));
  g_assert_no_error (error);
  g_free (pdf);
  pdf = jx_test_read_file (kept, NULL);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  jx_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/series/example", test_series_example);
  g_test_add_func ("/chart/series/labels", test_series_labels);
  g_test_add_func ("/chart/series/carry-forward", test_series_carry_forward);
  g_test_add_func ("/chart/series/odd", test_series_odd);
  g_test_add_func ("/chart/series/many", test_series_many);
  g_test_add_func ("/chart/ticks", test_ticks);
  g_test_add_func ("/chart/labels/never-overlap", test_labels_never_overlap);
  g_test_add_func ("/chart/labels/example", test_example_labels);
  g_test_add_func ("/chart/labels/no-code", test_no_code_subtitle);
  g_test_add_func ("/chart/odd-data-marked", test_odd_data_marked);
  g_test_add_func ("/chart/hit", test_hit);
  g_test_add_func ("/chart/export/svg-text", test_svg_has_text);
  g_test_add_func ("/chart/export/png", test_png_export);
  g_test_add_func ("/chart/export/errors", test_export_errors);
  return g_test_run ();
}
