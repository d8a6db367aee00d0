/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-change-table.h"
#include "jx-diff.h"
#include "jx-indicator.h"
#include "jx-page-draw.h"
#include "jx-test-utils.h"
#include "jx-text-item.h"

/* The 修改对照表 on paper: inside the text block, the header on every page,
 * every change once with its number, long rows broken between lines. */

#define SLACK 0.5

static JxDiff *
edited_diff (void)
{
  g_autoptr(JxDocument) old = jx_test_load_example ();
  g_autoptr(JxDocument) edited = jx_test_load_example ();
  JxProject *first = jx_test_project_at (edited, 0);

  jx_project_set_name (first, "“智慧人大”平台经费");
  jx_project_set_fiscal (first, 5 * JX_MONEY_SCALE);
  jx_indicator_set_value (jx_test_indicator_at (first, 1), "≥98%");
  jx_department_set_reviewer (jx_document_get_department (edited), "遵化市财政局预算科");
  return jx_diff_new (old, edited);
}

static gboolean
page_has_text (JxPageLayout *layout, guint page, const char *text)
{
  guint n;
  const JxBox *boxes = jx_page_layout_get_boxes (layout, page, &n);

  for (guint i = 0; i < n; i++)
    if (boxes[i].kind == JX_BOX_TEXT && g_str_equal (boxes[i].text, text))
      return TRUE;
  return FALSE;
}

static void
assert_sound (JxPageLayout *layout)
{
  for (guint p = 0; p < jx_page_layout_get_n_pages (layout); p++)
    {
      guint n;
      const JxBox *boxes = jx_page_layout_get_boxes (layout, p, &n);

      g_assert_true (page_has_text (layout, p, "序号"));
      g_assert_cmpuint (jx_page_layout_get_page_number (layout, p), ==, p + 1);
      for (guint i = 0; i < n; i++)
        {
          if (boxes[i].kind == JX_BOX_FOLIO)
            continue;
          g_assert_cmpfloat (boxes[i].x, >=, -SLACK);
          g_assert_cmpfloat (boxes[i].y, >=, -SLACK);
          g_assert_cmpfloat (boxes[i].x + boxes[i].w, <=, JX_BLOCK_WIDTH + SLACK);
          g_assert_cmpfloat (boxes[i].y + boxes[i].h, <=, JX_BLOCK_HEIGHT + SLACK);
          if (boxes[i].kind == JX_BOX_TEXT)
            {
              g_autoptr(PangoLayout) text = jx_page_layout_create_text (layout, &boxes[i]);
              PangoRectangle logical;

              pango_layout_get_extents (text, NULL, &logical);
              g_assert_cmpfloat ((double) logical.width / PANGO_SCALE, <=, boxes[i].w + SLACK);
            }
        }
    }
}

/* The lines of every text with the given prefix, counted over all pages. */
static guint
lines_shown (JxPageLayout *layout, const char *prefix, guint *total)
{
  guint shown = 0;

  *total = 0;
  for (guint p = 0; p < jx_page_layout_get_n_pages (layout); p++)
    {
      guint n;
      const JxBox *boxes = jx_page_layout_get_boxes (layout, p, &n);

      for (guint i = 0; i < n; i++)
        if (boxes[i].kind == JX_BOX_TEXT && g_str_has_prefix (boxes[i].text, prefix))
          {
            g_autoptr(PangoLayout) text = jx_page_layout_create_text (layout, &boxes[i]);

            shown += boxes[i].n_lines;
            *total = pango_layout_get_line_count (text);
          }
    }
  return shown;
}

static void
test_example (void)
{
  g_autoptr(JxDiff) diff = edited_diff ();
  g_autoptr(JxPageLayout) layout = jx_change_table_new (diff, "2024.json", "2024-returned.json");
  guint n_changes = g_list_model_get_n_items (jx_diff_get_changes (diff));
  gboolean struck = FALSE, added = FALSE;
  guint n;
  const JxBox *boxes;

  g_assert_cmpuint (n_changes, ==, 4);
  g_assert_cmpuint (jx_page_layout_get_n_pages (layout), ==, 1);
  assert_sound (layout);
  g_assert_true (page_has_text (layout, 0, "修改对照表"));
  g_assert_true (page_has_text (layout, 0, "一、封面与部门"));
  g_assert_true (page_has_text (layout, 0, "三、第二部分　预算项目绩效目标"));
  g_assert_true (page_has_text (layout, 0, "4"));
  g_assert_false (page_has_text (layout, 0, "5"));
  boxes = jx_page_layout_get_boxes (layout, 0, &n);
  for (guint i = 0; i < n; i++)
    if (boxes[i].kind == JX_BOX_TEXT && (boxes[i].flags & JX_BOX_MARKUP))
      {
        struck |= strstr (boxes[i].text, "<s>系统</s>") != NULL;
        added |= strstr (boxes[i].text, "<b><u>平台</u></b>") != NULL;
      }
  g_assert_true (struck);
  g_assert_true (added);
  g_assert_cmpstr (jx_page_layout_get_title (layout), ==,
                   "遵化市人民代表大会常务委员会2024年部门预算绩效文本修改对照表");
}

/* Many changes over many pages, and a row longer than a page. */
static void
test_long (void)
{
  g_autoptr(JxDocument) old = jx_test_load_example ();
  g_autoptr(JxDocument) edited = jx_test_load_example ();
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(JxTextItem) point = NULL;
  g_autoptr(JxDiff) diff = NULL;
  g_autoptr(JxPageLayout) layout = NULL;
  guint total, shown;

  for (guint p = 0; p < 7; p++)
    {
      JxProject *project = jx_test_project_at (edited, p);
      GListModel *rows = jx_project_get_indicators (project);

      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        jx_indicator_set_basis (jx_test_indicator_at (project, i), "依据本年度工作计划和相关标准确定");
    }
  for (guint i = 0; i < 40; i++)
    g_string_append (long_text, "新增的保障措施段落，内容较长，用于检验一行跨越多页时的断行。");
  point = jx_text_item_new (long_text->str);
  g_list_store_append (G_LIST_STORE (jx_document_get_points (edited)), point);
  diff = jx_diff_new (old, edited);
  layout = jx_change_table_new (diff, NULL, NULL);
  g_assert_cmpuint (jx_page_layout_get_n_pages (layout), >=, 4);
  assert_sound (layout);
  /* The added paragraph is shown whole, broken between pages. */
  shown = lines_shown (layout, "<b>新增：</b>新增的保障措施段落", &total);
  g_assert_cmpuint (total, >, 60);
  g_assert_cmpuint (shown, ==, total);
}

static void
test_identical (void)
{
  g_autoptr(JxDocument) old = jx_test_load_example ();
  g_autoptr(JxDiff) diff = jx_diff_new (old, old);
  g_autoptr(JxPageLayout) layout = jx_change_table_new (diff, NULL, NULL);

  g_assert_cmpuint (jx_page_layout_get_n_pages (layout), ==, 1);
  g_assert_true (page_has_text (layout, 0, "两份文本内容相同，没有修改。"));
}

/* Texts are the clerk's, not markup: "<", ">" and "&" print as they are. */
static void
test_escaped (void)
{
  g_autoptr(JxDocument) old = jx_test_load_example ();
  g_autoptr(JxDocument) edited = jx_test_load_example ();
  g_autoptr(JxDiff) diff = NULL;
  g_autoptr(JxPageLayout) layout = NULL;
  gboolean found = FALSE;
  guint n;
  const JxBox *boxes;

  jx_indicator_set_value (jx_test_indicator_at (jx_test_project_at (old, 0), 1), "<95% & >90%");
  jx_indicator_set_value (jx_test_indicator_at (jx_test_project_at (edited, 0), 1), "<98% & >90%");
  diff = jx_diff_new (old, edited);
  layout = jx_change_table_new (diff, NULL, NULL);
  boxes = jx_page_layout_get_boxes (layout, 0, &n);
  for (guint i = 0; i < n; i++)
    if (boxes[i].kind == JX_BOX_TEXT && (boxes[i].flags & JX_BOX_MARKUP) &&
        strstr (boxes[i].text, "&amp;") != NULL)
      {
        g_autoptr(PangoLayout) text = jx_page_layout_create_text (layout, &boxes[i]);

        found = TRUE;
        g_assert_true (g_str_equal (pango_layout_get_text (text), "<95% & >90%") ||
                       g_str_equal (pango_layout_get_text (text), "<98% & >90%"));
      }
  g_assert_true (found);
}

static void
test_draw (void)
{
  g_autoptr(JxDiff) diff = edited_diff ();
  g_autoptr(JxPageLayout) layout = jx_change_table_new (diff, NULL, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 420);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, 300 / JX_PAGE_WIDTH, 420 / JX_PAGE_HEIGHT);
  jx_page_draw (layout, 0, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/change-table/example", test_example);
  g_test_add_func ("/change-table/long", test_long);
  g_test_add_func ("/change-table/identical", test_identical);
  g_test_add_func ("/change-table/escaped", test_escaped);
  g_test_add_func ("/change-table/draw", test_draw);
  return g_test_run ();
}
