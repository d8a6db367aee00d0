/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "jx-checkpoint.h"
#include "jx-document-io.h"
#include "jx-indicator.h"
#include "jx-measure.h"
#include "jx-page-draw.h"
#include "jx-page-layout.h"
#include "jx-page-layout-private.h"
#include "jx-page-shaped.h"
#include "jx-pdf.h"
#include "jx-templates.h"
#include "jx-test-utils.h"
#include "jx-text-item.h"

#define SLACK 0.5

static guint
layout_lines (JxPageLayout *layout, const JxBox *box)
{
  JxBox all = *box;
  PangoLayout *text;
  guint n;

  all.first_line = 0;
  text = jx_page_layout_create_text (layout, &all);
  n = pango_layout_get_line_count (text);
  g_object_unref (text);
  return n;
}

/* Nothing but the page number leaves the 156 × 225 mm text block. */
static void
assert_inside_block (JxPageLayout *layout)
{
  for (guint p = 0; p < jx_page_layout_get_n_pages (layout); p++)
    {
      guint n;
      const JxBox *boxes = jx_page_layout_get_boxes (layout, p, &n);

      for (guint i = 0; i < n; i++)
        {
          if (boxes[i].kind == JX_BOX_FOLIO)
            {
              g_assert_cmpfloat (boxes[i].y, >=, JX_BLOCK_HEIGHT + JX_FOLIO_GAP - SLACK);
              g_assert_cmpfloat (boxes[i].y + boxes[i].h, <=, JX_PAGE_HEIGHT - JX_BLOCK_TOP);
              continue;
            }
          g_assert_cmpfloat (boxes[i].x, >=, -SLACK);
          g_assert_cmpfloat (boxes[i].y, >=, -SLACK);
          g_assert_cmpfloat (boxes[i].x + boxes[i].w, <=, JX_BLOCK_WIDTH + SLACK);
          g_assert_cmpfloat (boxes[i].y + boxes[i].h, <=, JX_BLOCK_HEIGHT + SLACK);
        }
    }
}

/* Every line of a text box fits its width, and a cell's text stays inside
 * a cell frame on its page. */
static void
assert_no_overflow (JxPageLayout *layout)
{
  for (guint p = 0; p < jx_page_layout_get_n_pages (layout); p++)
    {
      guint n;
      const JxBox *boxes = jx_page_layout_get_boxes (layout, p, &n);

      for (guint i = 0; i < n; i++)
        {
          const JxBox *box = &boxes[i];
          PangoLayout *text;
          gboolean framed = FALSE;

          if (box->kind != JX_BOX_TEXT)
            continue;
          text = jx_page_layout_create_text (layout, box);
          for (guint l = box->first_line; l < (guint) box->first_line + box->n_lines; l++)
            {
              PangoRectangle logical;

              pango_layout_line_get_extents (pango_layout_get_line_readonly (text, l), NULL, &logical);
              g_assert_cmpfloat ((double) logical.width / PANGO_SCALE, <=, box->w + SLACK);
            }
          g_object_unref (text);
          if (!(box->flags & JX_BOX_CELL))
            continue;
          for (guint f = 0; f < n && !framed; f++)
            framed = boxes[f].kind == JX_BOX_FRAME &&
                     boxes[f].x <= box->x && boxes[f].x + boxes[f].w >= box->x + box->w &&
                     boxes[f].y <= box->y + SLACK && boxes[f].y + boxes[f].h >= box->y + box->h - SLACK;
          g_assert_true (framed);
        }
    }
}

/* The pieces of each text cover all its lines: nothing is cut away. */
static void
assert_all_lines_shown (JxPageLayout *layout)
{
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint p = 0; p < jx_page_layout_get_n_pages (layout); p++)
    {
      guint n;
      const JxBox *boxes = jx_page_layout_get_boxes (layout, p, &n);

      for (guint i = 0; i < n; i++)
        {
          const JxBox *box = &boxes[i];
          char *key;
          guint sum;

          if (box->kind != JX_BOX_TEXT)
            continue;
          if (box->first_line == 0 && box->n_lines == layout_lines (layout, box))
            continue;
          key = g_strdup_printf ("%p/%u/%.1f", box->text, box->source, box->x);
          sum = GPOINTER_TO_UINT (g_hash_table_lookup (shown, key));
          /* A piece continues exactly where the last one stopped. */
          g_assert_cmpuint (sum, ==, box->first_line);
          g_hash_table_insert (shown, key, GUINT_TO_POINTER (sum + box->n_lines));
        }
    }
}

/* 目录 numbers are the printed numbers of the pages their links go to, and
 * the heading is on that page. */
static void
assert_toc_matches (JxPageLayout *layout)
{
  guint n_entries, n, checked = 0;
  const JxOutlineEntry *entries = jx_page_layout_get_outline (layout, &n_entries);

  for (guint p = 0; p < jx_page_layout_get_n_pages (layout); p++)
    {
      const JxBox *boxes = jx_page_layout_get_boxes (layout, p, &n);

      if (jx_page_layout_get_page_number (layout, p) != 0)
        continue;
      for (guint i = 0; i < n; i++)
        if (boxes[i].link >= 0 && boxes[i].align == PANGO_ALIGN_RIGHT)
          {
            guint number = jx_page_layout_get_page_number (layout, boxes[i].link);

            g_assert_cmpuint (number, >, 0);
            g_assert_cmpuint (number, ==, g_ascii_strtoull (boxes[i].text, NULL, 10));
            checked++;
          }
    }
  for (guint e = 0; e < n_entries; e++)
    {
      const JxBox *boxes = jx_page_layout_get_boxes (layout, entries[e].page, &n);
      gboolean found = FALSE;

      for (guint i = 0; i < n && !found; i++)
        found = boxes[i].kind == JX_BOX_TEXT && g_str_equal (boxes[i].text, entries[e].title) &&
                boxes[i].first_line == 0 && ABS (boxes[i].y - entries[e].y) < SLACK;
      g_assert_true (found);
      if (entries[e].level > 0)
        g_assert_cmpuint (entries[e].number, ==, jx_page_layout_get_page_number (layout, entries[e].page));
    }
  g_assert_cmpuint (checked, ==, n_entries - 2);
}

static void
assert_invariants (JxPageLayout *layout)
{
  assert_inside_block (layout);
  assert_no_overflow (layout);
  assert_all_lines_shown (layout);
  assert_toc_matches (layout);
}

static void
test_example (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxPageLayout) layout = jx_page_layout_new (document);
  guint n;
  const JxBox *boxes;
  gboolean has_draft = FALSE;

  assert_invariants (layout);
  /* Cover, 目录, Part 1 and seven tables: the seed runs to some 19 pages. */
  g_assert_cmpuint (jx_page_layout_get_n_pages (layout), >=, 12);
  g_assert_cmpuint (jx_page_layout_get_page_number (layout, 0), ==, 0);
  g_assert_cmpuint (jx_page_layout_get_page_number (layout, 2), ==, 1);
  boxes = jx_page_layout_get_boxes (layout, 0, &n);
  for (guint i = 0; i < n; i++)
    has_draft |= g_strcmp0 (boxes[i].text, "（草案）") == 0;
  g_assert_true (has_draft);
  jx_page_layout_get_outline (layout, &n);
  g_assert_cmpuint (n, ==, 2 + 3 + 7);
}

/* Odd page numbers right, even ones left, each "— N —". */
static void
test_folios (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxPageLayout) layout = jx_page_layout_new (document);

  for (guint p = 0; p < jx_page_layout_get_n_pages (layout); p++)
    {
      guint n, number = jx_page_layout_get_page_number (layout, p);
      const JxBox *boxes = jx_page_layout_get_boxes (layout, p, &n);
      guint folios = 0;

      for (guint i = 0; i < n; i++)
        if (boxes[i].kind == JX_BOX_FOLIO)
          {
            g_autofree char *expected = g_strdup_printf ("— %u —", number);

            g_assert_cmpstr (boxes[i].text, ==, expected);
            g_assert_cmpint (boxes[i].align, ==, number % 2 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
            folios++;
          }
      g_assert_cmpuint (folios, ==, number > 0 ? 1 : 0);
    }
}

static JxProject *
make_project (const char *name,
              guint       n_checkpoints,
              guint       n_indicators,
              const char *long_text)
{
  g_autofree char *code = g_strdup_printf ("P%02u%03u", n_checkpoints, n_indicators);
  JxProject *project = jx_project_new (code, name);
  GListStore *plan = G_LIST_STORE (jx_project_get_spending_plan (project));
  GListStore *indicators = G_LIST_STORE (jx_project_get_indicators (project));
  GListStore *goals = G_LIST_STORE (jx_project_get_goals (project));
  static const char *level1[] = { "产出指标", "效益指标", "满意度指标" };
  static const char *level2[] = { "数量指标", "质量指标", "时效指标", "社会效益指标",
                                  "服务对象满意度指标" };

  jx_project_set_fiscal (project, 1234567 * JX_MONEY_SCALE / 100);
  jx_project_set_usage (project, long_text);
  for (guint m = 1; m <= n_checkpoints; m++)
    {
      g_autoptr(JxCheckpoint) point = jx_checkpoint_new (m, 100.0 * m / n_checkpoints);

      g_list_store_append (plan, point);
    }
  for (guint g = 0; g < 3; g++)
    {
      g_autoptr(JxTextItem) goal = jx_text_item_new (g == 1 ? long_text : "完成年度工作任务。");

      g_list_store_append (goals, goal);
    }
  for (guint i = 0; i < n_indicators; i++)
    {
      g_autofree char *item = g_strdup_printf ("%s第%u项", code, i + 1);
      g_autofree char *value = g_strdup_printf ("≥%u%%", 50 + i % 50);
      g_autoptr(JxIndicator) indicator =
        jx_indicator_new (level1[(i / 20) % 3], level2[(i / 4) % 5], item,
                          i % 7 == 3 ? long_text : "按期完成并通过验收的比例",
                          value, "依据年度工作计划和相关政策标准");

      g_list_store_append (indicators, indicator);
    }
  return project;
}

static char *
long_text (guint repeats)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < repeats; i++)
    g_string_append (text, "围绕中心工作，深入开展调查研究，广泛听取各方意见，切实提高履职质量和工作实效。");
  return g_string_free (text, FALSE);
}

static JxDocument *
make_document (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  GListStore *projects = G_LIST_STORE (jx_document_get_projects (document));
  g_autofree char *some = long_text (3);
  g_autofree char *much = long_text (60);
  g_autoptr(JxProject) big = make_project ("六十项指标", 12, 60, some);
  g_autoptr(JxProject) none = make_project ("没有支出计划的项目", 0, 3, some);
  g_autoptr(JxProject) huge = make_project ("很长文字的项目", 4, 9, much);
  g_autoptr(JxProject) wide = make_project ("一个名称非常长以至于在绩效目标表的标题中必须换行显示的预算项目名称示例（含多个子项目）", 6, 8, some);

  g_list_store_append (projects, big);
  g_list_store_append (projects, none);
  g_list_store_append (projects, huge);
  g_list_store_append (projects, wide);
  jx_document_set_summary (document, much);
  return g_steal_pointer (&document);
}

static gboolean
page_has_text (const JxBox *boxes, guint n, const char *text, gboolean cell)
{
  for (guint i = 0; i < n; i++)
    if (boxes[i].kind == JX_BOX_TEXT && g_strcmp0 (boxes[i].text, text) == 0 &&
        (!cell || (boxes[i].flags & JX_BOX_CELL)))
      return TRUE;
  return FALSE;
}

/* Each indicator row appears once (its 三级指标 begins once); every page
 * with indicator rows starts them under a header row and repeats the
 * merged 一级/二级 labels of the rows it shows. */
static void
check_indicators (JxPageLayout *layout,
                  JxProject    *project)
{
  GListModel *indicators = jx_project_get_indicators (project);
  guint n_ind = g_list_model_get_n_items (indicators);
  g_autofree guint *starts = g_new0 (guint, n_ind + 1);
  guint first_page = G_MAXUINT, last_page = 0;

  for (guint p = 0; p < jx_page_layout_get_n_pages (layout); p++)
    {
      guint n;
      const JxBox *boxes = jx_page_layout_get_boxes (layout, p, &n);
      float header_y = G_MAXFLOAT, row_y = G_MAXFLOAT;
      gboolean mine = FALSE;

      for (guint i = 0; i < n; i++)
        {
          const JxBox *box = &boxes[i];
          g_autoptr(JxIndicator) ind = NULL;

          if (box->kind != JX_BOX_TEXT || box->source == 0 || box->source > n_ind)
            continue;
          ind = g_list_model_get_item (indicators, box->source - 1);
          if (!g_str_equal (box->text, jx_indicator_get_name (ind)) || box->x > 70 * JX_MM)
            continue;
          mine = TRUE;
          if (box->first_line == 0)
            starts[box->source]++;
          row_y = MIN (row_y, box->y);
          g_assert_true (page_has_text (boxes, n, jx_indicator_get_level1 (ind), TRUE));
          g_assert_true (page_has_text (boxes, n, jx_indicator_get_level2 (ind), TRUE));
        }
      if (!mine)
        continue;
      first_page = MIN (first_page, p);
      last_page = MAX (last_page, p);
      for (guint i = 0; i < n; i++)
        if (boxes[i].kind == JX_BOX_TEXT && (boxes[i].flags & JX_BOX_HEADER))
          header_y = MIN (header_y, boxes[i].y);
      g_assert_cmpfloat (header_y, <, row_y);
    }
  for (guint i = 1; i <= n_ind; i++)
    g_assert_cmpuint (starts[i], ==, 1);
  if (n_ind >= 60)
    g_assert_cmpuint (last_page, >, first_page);
}

static void
test_generated (void)
{
  g_autoptr(JxDocument) document = make_document ();
  g_autoptr(JxPageLayout) layout = jx_page_layout_new (document);
  GListModel *projects = jx_document_get_projects (document);

  assert_invariants (layout);
  /* The generated projects follow the example's seven. */
  for (guint i = 7; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);

      check_indicators (layout, project);
    }
}

/* The same drawing serves every surface: a page draws onto an image
 * without cairo errors and puts ink inside the text block only. */
static void
test_draw_image (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxPageLayout) layout = jx_page_layout_new (document);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, JX_PAGE_WIDTH, JX_PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  unsigned char *data;
  int stride, inked = 0;

  jx_page_draw (layout, 2, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < (int) JX_PAGE_HEIGHT; y++)
    for (int x = 0; x < (int) JX_PAGE_WIDTH; x++)
      if (data[y * stride + x] > 0)
        {
          gboolean in_block = x >= JX_BLOCK_LEFT - 1 && x <= JX_BLOCK_LEFT + JX_BLOCK_WIDTH + 1 &&
                              y >= JX_BLOCK_TOP - 1 && y <= JX_BLOCK_TOP + JX_BLOCK_HEIGHT + 1;
          gboolean in_folio = y >= JX_BLOCK_TOP + JX_BLOCK_HEIGHT + JX_FOLIO_GAP - 1;

          g_assert_true (in_block || in_folio);
          inked++;
        }
  g_assert_cmpint (inked, >, 1000);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Absurd input still ends: a 一级指标 label longer than a page. */
static void
test_huge_label (void)
{
  g_autoptr(JxDocument) document = jx_document_new ();
  g_autofree char *label = long_text (40);
  g_autoptr(JxProject) project = jx_project_new ("X1", "超长标签");
  g_autoptr(JxIndicator) a = jx_indicator_new (label, "数量指标", "甲", "", "1", "");
  g_autoptr(JxIndicator) b = jx_indicator_new (label, "数量指标", "乙", "", "2", "");
  g_autoptr(JxPageLayout) layout = NULL;

  g_list_store_append (G_LIST_STORE (jx_project_get_indicators (project)), a);
  g_list_store_append (G_LIST_STORE (jx_project_get_indicators (project)), b);
  g_list_store_append (G_LIST_STORE (jx_document_get_projects (document)), project);
  layout = jx_page_layout_new (document);
  assert_inside_block (layout);
  assert_no_overflow (layout);
  g_assert_cmpuint (jx_page_layout_get_n_pages (layout), <, 20);
}

/* Page 1 falls on a right-hand (odd) sheet however long the 目录 is. */
static void
test_page_one_recto (void)
{
  for (guint count = 0; count <= 40; count += 20)
    {
      g_autoptr(JxDocument) document = jx_document_new ();
      GListStore *projects = G_LIST_STORE (jx_document_get_projects (document));
      g_autoptr(JxPageLayout) layout = NULL;
      guint first = G_MAXUINT;

      for (guint i = 0; i < count; i++)
        {
          g_autofree char *code = g_strdup_printf ("C%u", i);
          g_autoptr(JxProject) project = jx_project_new (code, "项目");

          g_list_store_append (projects, project);
        }
      layout = jx_page_layout_new (document);
      for (guint p = 0; p < jx_page_layout_get_n_pages (layout) && first == G_MAXUINT; p++)
        if (jx_page_layout_get_page_number (layout, p) == 1)
          first = p;
      g_assert_cmpuint (first % 2, ==, 0);
      if (count == 40)
        g_assert_cmpuint (first, >=, 4);
    }
}

/* A new, empty document still prints: a cover, a 目录 and the part titles. */
static void
test_empty (void)
{
  g_autoptr(JxDocument) document = jx_document_new ();
  g_autoptr(JxPageLayout) layout = jx_page_layout_new (document);

  assert_invariants (layout);
  g_assert_cmpuint (jx_page_layout_get_n_pages (layout), ==, 4);
}

/* The lines of the 目录 a clerk reads, the page numbers left out. */
static GPtrArray *
toc_titles (JxPageLayout *layout)
{
  GPtrArray *titles = g_ptr_array_new ();

  for (guint p = 1; p < jx_page_layout_get_n_pages (layout) &&
                    jx_page_layout_get_page_number (layout, p) == 0; p++)
    {
      guint n;
      const JxBox *boxes = jx_page_layout_get_boxes (layout, p, &n);

      for (guint i = 0; i < n; i++)
        if (boxes[i].kind == JX_BOX_TEXT && boxes[i].link >= 0 &&
            boxes[i].align == PANGO_ALIGN_LEFT)
          g_ptr_array_add (titles, (gpointer) boxes[i].text);
    }
  return titles;
}

static gboolean
has_title (GPtrArray  *titles,
           const char *title)
{
  for (guint i = 0; i < titles->len; i++)
    if (g_str_equal (g_ptr_array_index (titles, i), title))
      return TRUE;
  return FALSE;
}

/* A new document's project without a name yet is named in the 目录, the
 * title of its table and the bookmarks as the project list names it in
 * Chinese, whatever the interface's language: the printout is a Chinese
 * document. */
static void
assert_unnamed_entry (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2025, 9, 1, 9, 0, 0);
  g_autoptr(JxDocument) document = jx_template_new_document (now);
  g_autoptr(JxPageLayout) layout = jx_page_layout_new (document);
  g_autoptr(GPtrArray) titles = toc_titles (layout);
  const char *wanted = "1.（未命名项目）绩效目标表";
  g_autoptr(JxProject) project = g_list_model_get_item (jx_document_get_projects (document), 0);
  guint n;
  const JxOutlineEntry *entries = jx_page_layout_get_outline (layout, &n);

  g_assert_cmpstr (jx_project_get_name (project), ==, "");
  assert_invariants (layout);
  g_assert_false (has_title (titles, "1.绩效目标表"));
  g_assert_true (has_title (titles, wanted));
  g_assert_cmpstr (entries[n - 1].title, ==, wanted);

  /* Blank is unnamed too, and a name is printed as it is. */
  jx_project_set_name (project, " 　");
  {
    g_autoptr(JxPageLayout) blank = jx_page_layout_new (document);
    g_autoptr(GPtrArray) blank_titles = toc_titles (blank);

    g_assert_true (has_title (blank_titles, wanted));
  }
  jx_project_set_name (project, "代表履职培训");
  {
    g_autoptr(JxPageLayout) named = jx_page_layout_new (document);
    g_autoptr(GPtrArray) named_titles = toc_titles (named);

    g_assert_true (has_title (named_titles, "1.代表履职培训绩效目标表"));
  }
}

static void
test_unnamed_project_toc (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autoptr(JxProject) project = jx_project_new ("", "");

  /* The interface names it in its own language; the printout in Chinese. */
  g_assert_cmpstr (jx_project_get_shown_name (project), ==, "(unnamed project)");
  assert_unnamed_entry ();
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed");
      return;
    }
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_cmpstr (jx_project_get_shown_name (project), ==, "（未命名项目）");
  assert_unnamed_entry ();
  g_setenv ("LANGUAGE", "", TRUE);
  setlocale (LC_ALL, saved);
}

/* The printed 资金支出计划（%） heads a month as the form and the
 * comparison name it in Chinese. */
static void
test_plan_month_words (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxPageLayout) layout = jx_page_layout_new (document);
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *month = NULL;
  guint found = 0;

  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed");
      return;
    }
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  month = jx_checkpoint_describe_month (6);
  for (guint p = 0; p < jx_page_layout_get_n_pages (layout); p++)
    {
      guint n;
      const JxBox *boxes = jx_page_layout_get_boxes (layout, p, &n);

      for (guint i = 0; i < n; i++)
        found += boxes[i].kind == JX_BOX_TEXT && g_strcmp0 (boxes[i].text, month) == 0;
    }
  g_assert_cmpstr (month, ==, "6月底");
  g_assert_cmpuint (found, >, 0);
  g_setenv ("LANGUAGE", "", TRUE);
  setlocale (LC_ALL, saved);
}

#define APPENDIX_TITLE "附件：部门资金支出计划"

static JxPageLayout *
layout_with_charts (JxDocument *document)
{
  JxPageOptions options = { .with_charts = TRUE };

  return jx_page_layout_new_full (document, &options);
}

static guint
count_charts (JxPageLayout *layout,
              guint         page)
{
  guint n, charts = 0;
  const JxBox *boxes = jx_page_layout_get_boxes (layout, page, &n);

  for (guint i = 0; i < n; i++)
    charts += boxes[i].kind == JX_BOX_CHART;
  return charts;
}

/* The appendix is the last page, numbered on from Part 2, and the 目录
 * line that names it shows that number and links to it. */
static void
assert_appendix (JxPageLayout *layout)
{
  guint n_pages = jx_page_layout_get_n_pages (layout);
  guint last = n_pages - 1, n_entries, n, toc_lines = 0;
  const JxOutlineEntry *entries = jx_page_layout_get_outline (layout, &n_entries);
  const JxOutlineEntry *entry = &entries[n_entries - 1];
  g_autofree char *digits = NULL;

  g_assert_cmpstr (entry->title, ==, APPENDIX_TITLE);
  g_assert_cmpuint (entry->level, ==, 0);
  g_assert_cmpuint (entry->page, ==, last);
  g_assert_cmpuint (jx_page_layout_get_page_number (layout, last), ==,
                    jx_page_layout_get_page_number (layout, last - 1) + 1);
  g_assert_cmpuint (entry->number, ==, jx_page_layout_get_page_number (layout, last));
  g_assert_cmpuint (count_charts (layout, last), ==, 2);
  for (guint p = 0; p < last; p++)
    g_assert_cmpuint (count_charts (layout, p), ==, 0);

  digits = g_strdup_printf ("%u", entry->number);
  for (guint p = 1; jx_page_layout_get_page_number (layout, p) == 0; p++)
    {
      const JxBox *boxes = jx_page_layout_get_boxes (layout, p, &n);

      for (guint i = 0; i < n; i++)
        if (boxes[i].link == (int) last)
          {
            g_assert_true (g_str_equal (boxes[i].text, APPENDIX_TITLE) ||
                           g_str_equal (boxes[i].text, digits));
            toc_lines++;
          }
    }
  g_assert_cmpuint (toc_lines, ==, 2);
}

static void
test_appendix (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxPageLayout) plain = jx_page_layout_new (document);
  g_autoptr(JxPageLayout) off = jx_page_layout_new_full (document, &(JxPageOptions) { 0 });
  g_autoptr(JxPageLayout) null_options = jx_page_layout_new_full (document, NULL);
  g_autoptr(JxPageLayout) layout = layout_with_charts (document);
  guint n;

  g_assert_cmpuint (jx_page_layout_get_n_pages (layout), ==, jx_page_layout_get_n_pages (plain) + 1);
  g_assert_cmpuint (jx_page_layout_get_n_pages (off), ==, jx_page_layout_get_n_pages (plain));
  g_assert_cmpuint (jx_page_layout_get_n_pages (null_options), ==, jx_page_layout_get_n_pages (plain));
  for (guint p = 0; p < jx_page_layout_get_n_pages (plain); p++)
    g_assert_cmpuint (count_charts (plain, p), ==, 0);
  jx_page_layout_get_outline (plain, &n);
  g_assert_cmpuint (n, ==, 2 + 3 + 7);
  jx_page_layout_get_outline (layout, &n);
  g_assert_cmpuint (n, ==, 2 + 3 + 7 + 1);
  assert_invariants (layout);
  assert_appendix (layout);
}

/* Long tables before it move the appendix on; its number follows. */
static void
test_appendix_generated (void)
{
  g_autoptr(JxDocument) document = make_document ();
  g_autoptr(JxPageLayout) layout = layout_with_charts (document);

  assert_invariants (layout);
  assert_appendix (layout);
}

/* No projects: nothing to chart, no appendix. Projects without plans: an
 * appendix whose charts say so. */
static void
test_appendix_empty (void)
{
  g_autoptr(JxDocument) document = jx_document_new ();
  g_autoptr(JxPageLayout) empty = layout_with_charts (document);
  g_autoptr(JxPageLayout) plain = jx_page_layout_new (document);
  g_autoptr(JxProject) project = jx_project_new ("A1", "没有计划的项目");
  g_autoptr(JxPageLayout) unplanned = NULL;
  guint n, n_plain;

  g_assert_cmpuint (jx_page_layout_get_n_pages (empty), ==, 4);
  jx_page_layout_get_outline (empty, &n);
  jx_page_layout_get_outline (plain, &n_plain);
  g_assert_cmpuint (n, ==, n_plain);
  assert_invariants (empty);

  g_list_store_append (G_LIST_STORE (jx_document_get_projects (document)), project);
  unplanned = layout_with_charts (document);
  assert_invariants (unplanned);
  assert_appendix (unplanned);
}

/* The appendix page is drawn on white paper: ink inside the text block and
 * the page number only, and colour (the plan's bands) in both charts. */
static void
test_appendix_draw (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxPageLayout) layout = layout_with_charts (document);
  guint last = jx_page_layout_get_n_pages (layout) - 1, n;
  const JxBox *boxes = jx_page_layout_get_boxes (layout, last, &n);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, JX_PAGE_WIDTH, JX_PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  guint32 *data;
  int stride, inked = 0, folio_ink = 0;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  jx_page_draw (layout, last, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  data = (guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  for (int y = 0; y < (int) JX_PAGE_HEIGHT; y++)
    for (int x = 0; x < (int) JX_PAGE_WIDTH; x++)
      if ((data[y * stride + x] & 0xffffff) != 0xffffff)
        {
          gboolean in_block = x >= JX_BLOCK_LEFT - 1 && x <= JX_BLOCK_LEFT + JX_BLOCK_WIDTH + 1 &&
                              y >= JX_BLOCK_TOP - 1 && y <= JX_BLOCK_TOP + JX_BLOCK_HEIGHT + 1;
          gboolean in_folio = y >= JX_BLOCK_TOP + JX_BLOCK_HEIGHT + JX_FOLIO_GAP - 1;

          g_assert_true (in_block || in_folio);
          folio_ink += in_folio;
          inked++;
        }
  g_assert_cmpint (folio_ink, >, 0);
  for (guint i = 0; i < n; i++)
    {
      int coloured = 0;

      if (boxes[i].kind != JX_BOX_CHART)
        continue;
      for (int y = JX_BLOCK_TOP + boxes[i].y; y < JX_BLOCK_TOP + boxes[i].y + boxes[i].h; y++)
        for (int x = JX_BLOCK_LEFT + boxes[i].x; x < JX_BLOCK_LEFT + boxes[i].x + boxes[i].w; x++)
          {
            guint32 pixel = data[y * stride + x];
            int r = pixel >> 16 & 0xff, g = pixel >> 8 & 0xff, b = pixel & 0xff;

            /* Not grey: a band, not text or grid. */
            coloured += MAX (MAX (ABS (r - g), ABS (g - b)), ABS (r - b)) > 40;
          }
      g_assert_cmpint (coloured, >, (int) (boxes[i].w * boxes[i].h / 20));
    }
  g_assert_cmpint (inked, >, 10000);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}


/* Every text is drawn from the glyphs shaped when it was measured. The
 * page must look exactly as Pango itself would draw the text laid out
 * again: each text box of the example, drawn both ways on its own. */
static cairo_surface_t *
box_image (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, (int) JX_PAGE_WIDTH * 2,
                                                         (int) JX_PAGE_HEIGHT * 2);
  return surface;
}

static void
draw_box_with_pango (JxPageLayout *layout, const JxBox *box, cairo_t *cr)
{
  g_autoptr(PangoLayout) text = jx_page_layout_create_text (layout, box);
  PangoLayoutIter *iter = pango_layout_get_iter (text);
  double pitch = jx_font_role_get_info (box->role)->pitch;
  guint line = 0;

  do
    {
      PangoRectangle extents, logical;

      if (line < box->first_line)
        continue;
      if (line >= box->first_line + box->n_lines)
        break;
      pango_layout_iter_get_line_extents (iter, NULL, &extents);
      pango_layout_line_get_extents (pango_layout_iter_get_line_readonly (iter), NULL, &logical);
      cairo_move_to (cr, box->x + (double) extents.x / PANGO_SCALE,
                     box->y + (line - box->first_line) * pitch +
                     (pitch - (double) logical.height / PANGO_SCALE) / 2 -
                     (double) logical.y / PANGO_SCALE);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (line++, pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
test_shaped_like_pango (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxPageLayout) layout = jx_page_layout_new (document);
  guint compared = 0;

  for (guint p = 0; p < jx_page_layout_get_n_pages (layout); p++)
    {
      guint n;
      const JxBox *boxes = jx_page_layout_get_boxes (layout, p, &n);

      for (guint i = 0; i < n; i++)
        {
          const JxBox *box = &boxes[i];
          cairo_surface_t *ours, *pango;
          cairo_t *cr;
          const JxShapedText *shaped;
          double pitch;
          guint end;

          if ((box->kind != JX_BOX_TEXT && box->kind != JX_BOX_FOLIO) || box->n_lines == 0)
            continue;
          shaped = jx_page_layout_get_shaped (layout, box);
          pitch = jx_font_role_get_info (box->role)->pitch;
          end = box->first_line + box->n_lines;

          ours = box_image ();
          cr = cairo_create (ours);
          cairo_scale (cr, 2, 2);
          cairo_translate (cr, JX_BLOCK_LEFT, JX_BLOCK_TOP);
          g_assert_true (jx_shaped_text_draw_lines (shaped, cr, box->first_line, end, box->x, box->y, pitch));
          cairo_destroy (cr);

          pango = box_image ();
          cr = cairo_create (pango);
          cairo_scale (cr, 2, 2);
          cairo_translate (cr, JX_BLOCK_LEFT, JX_BLOCK_TOP);
          draw_box_with_pango (layout, box, cr);
          cairo_destroy (cr);

          cairo_surface_flush (ours);
          cairo_surface_flush (pango);
          {
            int stride = cairo_image_surface_get_stride (ours);
            int height = cairo_image_surface_get_height (ours);
            const guchar *a = cairo_image_surface_get_data (ours);
            const guchar *b = cairo_image_surface_get_data (pango);
            guint differ = 0, inked = 0;

            for (int k = 0; k < stride * height; k++)
              {
                differ += a[k] != b[k] && ABS ((int) a[k] - (int) b[k]) > 8;
                inked += b[k] > 0;
              }
            /* At a tie a glyph may be rounded to the next pixel: a few pixels
             * of a box, never a glyph out of place (a whole advance) or one
             * missing. */
            if (differ * 20 > inked)
              g_error ("page %u, box %u (“%.30s”): %u of %u inked pixels differ", p, i, box->text,
                       differ, inked);
            g_assert_cmpuint (inked, >, 0);
          }
          cairo_surface_destroy (ours);
          cairo_surface_destroy (pango);
          compared++;
        }
    }
  g_assert_cmpuint (compared, >, 100);
}

static guint
count_entries (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* An export killed before its rename (kill -9, the power gone) leaves its
 * temp file beside the PDF; the next export into that file removes it,
 * though it prints something else (here the monitoring report, then the
 * goals, whose PDFs differ from their 16th byte on). */
static void
test_pdf_killed_export_cleaned (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "部门.pdf", NULL);
  g_autoptr(JxDocument) document = jx_test_load ("tests/fixtures/valid/stages-2024.json");
  g_autoptr(JxPageLayout) goals = jx_page_layout_new (document);
  g_autoptr(JxPageLayout) monitoring = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  struct utimbuf times;
  const char *name;
  int status;
  pid_t pid;

  monitoring = jx_page_layout_new_full (document, &(JxPageOptions) { .stage = JX_STAGE_MONITORING });
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      JxPdfExport *export = jx_pdf_export_new (monitoring, path, NULL);

      if (export == NULL)
        _exit (1);
      while (jx_pdf_export_step (export))
        ;
      kill (getpid (), SIGKILL);
      _exit (2);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  /* Left a minute ago. */
  listing = g_dir_open (dir, 0, NULL);
  times.actime = times.modtime = time (NULL) - 60;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *leftover = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_utime (leftover, &times), ==, 0);
    }

  g_assert_true (jx_pdf_write (goals, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_entries (dir), ==, 1);
  jx_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JIXIAO_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_add_func ("/pages/example", test_example);
  g_test_add_func ("/pages/folios", test_folios);
  g_test_add_func ("/pages/generated", test_generated);
  g_test_add_func ("/pages/empty", test_empty);
  g_test_add_func ("/pages/unnamed-project-toc", test_unnamed_project_toc);
  g_test_add_func ("/pages/plan-month-words", test_plan_month_words);
  g_test_add_func ("/pages/page-one-recto", test_page_one_recto);
  g_test_add_func ("/pages/huge-label", test_huge_label);
  g_test_add_func ("/pages/draw-image", test_draw_image);
  g_test_add_func ("/pages/shaped-like-pango", test_shaped_like_pango);
  g_test_add_func ("/pages/appendix", test_appendix);
  g_test_add_func ("/pages/appendix-generated", test_appendix_generated);
  g_test_add_func ("/pages/appendix-empty", test_appendix_empty);
  g_test_add_func ("/pages/appendix-draw", test_appendix_draw);
  g_test_add_func ("/pages/pdf-killed-export-cleaned", test_pdf_killed_export_cleaned);
  return g_test_run ();
}
