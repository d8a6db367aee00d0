/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The indicator table as a clerk reads and fills it: whole texts wrapped
 * at every window size, rows out to the clipboard as text and as an HTML
 * table, cells in from WPS, Excel and LibreOffice, fill down and several
 * rows at once, each one undo step, widths remembered. */
#include "config.h"

#include <gtk/gtk.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "jx-application.h"
#include "jx-cell-block.h"
#include "jx-document-io.h"
#include "jx-document-session.h"
#include "jx-indicator.h"
#include "jx-indicator-rows.h"
#include "jx-indicator-table.h"
#include "jx-project-form.h"
#include "jx-table-cell.h"
#include "jx-test-gtk.h"
#include "jx-undo.h"
#include "jx-window.h"

static JxApplication *app;

static const char *all_columns[] = { "level1", "level2", "name", "description", "value", "basis", NULL };

static JxWindow *
open_example (int width,
              int height)
{
  g_autofree char *path = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JxWindow *window = jx_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (jx_window_open_file (window, file));
  jx_test_settle ();
  return window;
}

static void
close_window (JxWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  jx_test_settle ();
}

static JxIndicatorTable *
table_of (JxWindow *window)
{
  return JX_INDICATOR_TABLE (jx_project_form_get_indicator_table (JX_PROJECT_FORM (jx_window_get_project_form (window))));
}

static JxProject *
project_at (JxWindow *window,
            guint     i)
{
  return jx_test_project_at (jx_window_get_document (window), i);
}

static JxUndoStack *
undo_of (JxWindow *window)
{
  return jx_document_session_get_undo (jx_window_get_session (window));
}

typedef struct
{
  JxIndicatorTable *table;
  guint row;
  JxIndicatorColumn column;
} CellAt;

static gboolean
cell_shown (gpointer data)
{
  CellAt *at = data;
  GtkWidget *cell = jx_indicator_table_get_cell (at->table, at->row, at->column);

  return cell != NULL && gtk_widget_get_mapped (cell) && gtk_widget_get_height (cell) > 0;
}

/* Shows the project and waits for its first row laid out. */
static JxIndicatorTable *
show (JxWindow *window,
      guint     project)
{
  CellAt at = { NULL, 0, JX_INDICATOR_COLUMN_NAME };

  jx_window_show_project (window, project_at (window, project));
  at.table = table_of (window);
  g_assert_true (jx_test_wait_for (cell_shown, &at, 30000));
  return at.table;
}

static JxTableCell *
cell_at (JxIndicatorTable  *table,
         guint              row,
         JxIndicatorColumn  column)
{
  GtkWidget *cell = jx_indicator_table_get_cell (table, row, column);

  g_assert_nonnull (cell);
  return JX_TABLE_CELL (cell);
}

static char *
document_data (JxWindow *window)
{
  return jx_document_to_data (jx_window_get_document (window), NULL);
}

/* Undo once: the document is as it was, byte for byte. */
static void
assert_one_undo_step (JxWindow   *window,
                      const char *before)
{
  g_autofree char *after = NULL;

  g_assert_true (jx_undo_stack_undo (undo_of (window)));
  after = document_data (window);
  g_assert_cmpstr (after, ==, before);
}

/* ---- Reading whole ---- */

typedef struct
{
  JxTableCell *cell;
  int lines;
} Lines;

static gboolean
laid_out_taller (gpointer data)
{
  Lines *lines = data;

  return jx_table_cell_get_n_lines (lines->cell) >= lines->lines && jx_table_cell_shows_all (lines->cell);
}

/* Every cell of the project's table shows the whole of its text, at the
 * height its row has: nothing cut, nothing hidden behind an ellipsis. */
static void
assert_all_cells_whole (JxIndicatorTable *table,
                        JxProject        *project)
{
  guint n = g_list_model_get_n_items (jx_project_get_indicators (project));

  for (guint row = 0; row < n; row++)
    for (guint column = 0; column < JX_INDICATOR_N_COLUMNS; column++)
      {
        JxTableCell *cell = cell_at (table, row, column);

        g_assert_true (jx_table_cell_shows_all (cell));
        g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (cell)), >, 0);
      }
}

/* A long description wraps onto several lines and its row grows to show
 * them, at 1024 × 700 and 1280 × 800; so does every other cell of the
 * seed's projects. */
static void
test_long_cell_whole (void)
{
  const int sizes[][2] = { { 1024, 700 }, { 1280, 800 } };
  const char *long_text = "组织人大代表开展集中视察、专题调研和执法检查，形成调研报告不少于3篇，"
                          "并就代表所提建议逐件督办答复，办结率达到100%";

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      JxWindow *window = open_example (sizes[s][0], sizes[s][1]);
      JxIndicatorTable *table = show (window, 3);
      JxIndicator *indicator = jx_test_indicator_at (project_at (window, 3), 1);
      JxTableCell *description = cell_at (table, 1, JX_INDICATOR_COLUMN_DESCRIPTION);
      JxTableCell *name = cell_at (table, 1, JX_INDICATOR_COLUMN_NAME);
      Lines lines = { description, 3 };
      g_autofree char *picture = g_strdup_printf ("indicators-long-%dx%d", sizes[s][0], sizes[s][1]);
      g_autoptr(PangoLayout) line = NULL;
      int one_line;

      for (guint p = 0; p < 7; p++)
        {
          jx_window_show_project (window, project_at (window, p));
          jx_test_settle ();
          assert_all_cells_whole (table_of (window), project_at (window, p));
        }
      table = show (window, 3);
      description = lines.cell = cell_at (table, 1, JX_INDICATOR_COLUMN_DESCRIPTION);
      name = cell_at (table, 1, JX_INDICATOR_COLUMN_NAME);
      jx_indicator_set_description (indicator, long_text);
      g_assert_true (jx_test_wait_for (laid_out_taller, &lines, 30000));
      /* The row grew: its short name cell is as tall as the long text. */
      line = gtk_widget_create_pango_layout (GTK_WIDGET (description), "测");
      pango_layout_get_pixel_size (line, NULL, &one_line);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (description)), >=, 3 * one_line);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (name)), ==,
                       gtk_widget_get_height (GTK_WIDGET (description)));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (description)), ==, long_text);

      /* Editing it keeps it whole, and a line typed in grows the row. */
      g_assert_true (jx_indicator_table_focus_cell (table, 1, JX_INDICATOR_COLUMN_DESCRIPTION));
      g_assert_nonnull (jx_table_cell_get_editor (description));
      gtk_editable_set_position (GTK_EDITABLE (description), -1);
      jx_table_cell_insert_at_cursor (description, "\n另起一行");
      g_assert_true (g_str_has_suffix (jx_indicator_get_description (indicator), "\n另起一行"));
      lines.lines = jx_table_cell_get_n_lines (description);
      g_assert_true (jx_test_wait_for (laid_out_taller, &lines, 30000));
      jx_test_screenshot (window, picture);
      close_window (window);
    }
}

/* ---- The clipboard ---- */

typedef struct
{
  char *text;
  GBytes *html;
  gboolean done;
} Read;

static void
text_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Read *read = data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static void
html_spliced_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  Read *read = data;

  g_assert_cmpint (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, NULL), >, 0);
  read->html = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source));
  read->done = TRUE;
}

static void
html_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GInputStream) stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, NULL);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_nonnull (stream);
  g_output_stream_splice_async (out, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, html_spliced_cb, data);
}

static gboolean
read_done (gpointer data)
{
  return ((Read *) data)->done;
}

static gboolean
notice_shown (gpointer data)
{
  return jx_indicator_table_get_notice (data) != NULL;
}

/* Two rows selected and copied: the clipboard has them as tab-separated
 * text and as an HTML table, both the rows' six cells in order. */
static void
test_copy_two_rows (void)
{
  JxWindow *window = open_example (1280, 800);
  JxIndicatorTable *table = show (window, 3);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (table));
  GListModel *indicators = jx_project_get_indicators (project_at (window, 3));
  const guint rows[] = { 1, 2 };
  g_autoptr(JxCellBlock) expected = jx_indicators_copy_cells (indicators, rows, 2, all_columns);
  g_autofree char *expected_tsv = jx_cell_block_to_tsv (expected);
  g_autoptr(JxCellBlock) from_html = NULL;
  g_autoptr(GArray) selected = NULL;
  GdkContentFormats *formats;
  Read text = { 0 }, html = { 0 };

  jx_indicator_table_select_rows (table, 1, 2);
  selected = jx_indicator_table_get_selected (table);
  g_assert_cmpuint (selected->len, ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "indicators.copy", NULL));
  g_assert_true (jx_test_wait_for (notice_shown, table, 30000));

  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/html"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/plain;charset=utf-8"));
  gdk_clipboard_read_text_async (clipboard, NULL, text_read_cb, &text);
  g_assert_true (jx_test_wait_for (read_done, &text, 30000));
  g_assert_cmpstr (text.text, ==, expected_tsv);
  g_assert_nonnull (strstr (text.text, jx_indicator_get_name (jx_test_indicator_at (project_at (window, 3), 2))));
  g_assert_nonnull (strchr (text.text, '\t'));

  gdk_clipboard_read_async (clipboard, (const char *[]) { "text/html", NULL }, G_PRIORITY_DEFAULT, NULL,
                            html_read_cb, &html);
  g_assert_true (jx_test_wait_for (read_done, &html, 30000));
  from_html = jx_cell_block_parse_html (g_bytes_get_data (html.html, NULL), g_bytes_get_size (html.html), NULL);
  g_assert_nonnull (from_html);
  g_assert_cmpuint (jx_cell_block_get_n_rows (from_html), ==, 2);
  g_assert_cmpuint (jx_cell_block_get_n_columns (from_html), ==, 6);
  for (guint r = 0; r < 2; r++)
    for (guint c = 0; c < 6; c++)
      g_assert_cmpstr (jx_cell_block_get_cell (from_html, r, c), ==, jx_cell_block_get_cell (expected, r, c));
  g_free (text.text);
  g_bytes_unref (html.html);
  close_window (window);
}

typedef struct
{
  JxIndicator *indicator;
  const char *name;
} NameIs;

static gboolean
name_is (gpointer data)
{
  NameIs *is = data;

  return g_strcmp0 (jx_indicator_get_name (is->indicator), is->name) == 0;
}

typedef struct
{
  GListModel *list;
  guint n;
} NRows;

static gboolean
n_rows_is (gpointer data)
{
  NRows *rows = data;

  return g_list_model_get_n_items (rows->list) == rows->n;
}

/* Three rows × four columns copied from Excel (a quoted cell with a line
 * break, CRLF, the last line ended) pasted at 三级指标 of the second row:
 * rows 2–4 get their 三级指标 to 确定依据, nothing else changes, one undo
 * step puts all back; the next row down is added when the block needs it. */
static void
test_paste_tsv_block (void)
{
  JxWindow *window = open_example (1280, 800);
  JxIndicatorTable *table = show (window, 3);
  JxProject *project = project_at (window, 3);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (table));
  g_autofree char *before = document_data (window);
  g_autofree char *level2 = g_strdup (jx_indicator_get_level2 (jx_test_indicator_at (project, 2)));
  const char *excel = "代表培训人次\t\"组织代表培训\r\n分两期\"\t≥300人次\t年度工作计划\r\n"
                      "视察次数\t集中视察\t≥4次\t常委会工作要点\r\n"
                      "调研报告\t形成报告\t≥3篇\t\"\"\"智慧人大\"\"通知\"\r\n";
  const char *expected[3][4] = {
    { "代表培训人次", "组织代表培训\r\n分两期", "≥300人次", "年度工作计划" },
    { "视察次数", "集中视察", "≥4次", "常委会工作要点" },
    { "调研报告", "形成报告", "≥3篇", "\"智慧人大\"通知" },
  };
  NameIs done = { jx_test_indicator_at (project, 3), "调研报告" };
  guint n = g_list_model_get_n_items (jx_project_get_indicators (project));
  NRows rows;

  gdk_clipboard_set_text (clipboard, excel);
  g_assert_true (jx_indicator_table_focus_cell (table, 1, JX_INDICATOR_COLUMN_NAME));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "indicators.paste", NULL));
  g_assert_true (jx_test_wait_for (name_is, &done, 30000));
  for (guint r = 0; r < 3; r++)
    {
      JxIndicator *indicator = jx_test_indicator_at (project, r + 1);

      g_assert_cmpstr (jx_indicator_get_name (indicator), ==, expected[r][0]);
      /* Excel's CRLF inside a quoted cell is the cell's own line break. */
      g_assert_true (g_str_equal (jx_indicator_get_description (indicator), expected[r][1]) ||
                     (r == 0 && g_str_equal (jx_indicator_get_description (indicator), "组织代表培训\n分两期")));
      g_assert_cmpstr (jx_indicator_get_value (indicator), ==, expected[r][2]);
      g_assert_cmpstr (jx_indicator_get_basis (indicator), ==, expected[r][3]);
    }
  g_assert_cmpstr (jx_indicator_get_level2 (jx_test_indicator_at (project, 2)), ==, level2);
  g_assert_cmpuint (g_list_model_get_n_items (jx_project_get_indicators (project)), ==, n);
  /* What was pasted is selected, and the table says what it did. */
  {
    g_autoptr(GArray) selected = jx_indicator_table_get_selected (table);

    g_assert_cmpuint (selected->len, ==, 3);
    g_assert_cmpuint (g_array_index (selected, guint, 0), ==, 1);
  }
  g_assert_nonnull (jx_indicator_table_get_notice (table));
  assert_one_undo_step (window, before);

  /* From the last row: two rows are added. */
  gdk_clipboard_set_text (clipboard, excel);
  g_assert_true (jx_indicator_table_focus_cell (table, n - 1, JX_INDICATOR_COLUMN_NAME));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "indicators.paste", NULL));
  rows.list = jx_project_get_indicators (project);
  rows.n = n + 2;
  g_assert_true (jx_test_wait_for (n_rows_is, &rows, 30000));
  g_assert_cmpstr (jx_indicator_get_name (jx_test_indicator_at (project, n + 1)), ==, "调研报告");
  assert_one_undo_step (window, before);
  close_window (window);
}

/* An HTML table as LibreOffice Calc offers it (a 一级指标 merged over three
 * rows, a line break in a cell) pasted at 一级指标 of the first row: the
 * merged name fills each of its rows; one undo step. */
static void
test_paste_html_table (void)
{
  JxWindow *window = open_example (1280, 800);
  JxIndicatorTable *table = show (window, 3);
  JxProject *project = project_at (window, 3);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (table));
  g_autofree char *before = document_data (window);
  g_autofree char *path = jx_test_source_path ("tests/fixtures/clipboard/calc-rows.html");
  g_autofree char *html = NULL;
  gsize length;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  NameIs done = { jx_test_indicator_at (project, 3), "代表满意度" };

  g_assert_true (g_file_get_contents (path, &html, &length, NULL));
  bytes = g_bytes_new (html, length);
  provider = gdk_content_provider_new_for_bytes ("text/html", bytes);
  gdk_clipboard_set_content (clipboard, provider);
  g_assert_true (jx_indicator_table_focus_cell (table, 0, JX_INDICATOR_COLUMN_LEVEL1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "indicators.paste", NULL));
  g_assert_true (jx_test_wait_for (name_is, &done, 30000));
  for (guint r = 0; r < 3; r++)
    g_assert_cmpstr (jx_indicator_get_level1 (jx_test_indicator_at (project, r)), ==, "产出指标");
  g_assert_cmpstr (jx_indicator_get_level2 (jx_test_indicator_at (project, 1)), ==, "质量指标");
  g_assert_cmpstr (jx_indicator_get_description (jx_test_indicator_at (project, 1)), ==, "宣传、活动区域\n覆盖率");
  g_assert_cmpstr (jx_indicator_get_value (jx_test_indicator_at (project, 0)), ==, "≤280人");
  g_assert_cmpstr (jx_indicator_get_level1 (jx_test_indicator_at (project, 3)), ==, "满意度指标");
  g_assert_cmpstr (jx_indicator_get_basis (jx_test_indicator_at (project, 3)), ==, "问卷调查");
  assert_one_undo_step (window, before);
  close_window (window);
}

/* Ctrl+D: the 指标描述 of the first selected row goes into the others; with
 * one row, the one above comes down. One undo step each. */
static void
test_fill_down (void)
{
  JxWindow *window = open_example (1280, 800);
  JxIndicatorTable *table = show (window, 3);
  JxProject *project = project_at (window, 3);
  g_autofree char *before = document_data (window);
  g_autofree char *value = g_strdup (jx_indicator_get_description (jx_test_indicator_at (project, 1)));
  g_autofree char *basis4 = g_strdup (jx_indicator_get_basis (jx_test_indicator_at (project, 4)));

  g_assert_cmpstr (jx_indicator_get_description (jx_test_indicator_at (project, 2)), !=, value);
  g_assert_true (jx_indicator_table_focus_cell (table, 1, JX_INDICATOR_COLUMN_DESCRIPTION));
  jx_indicator_table_select_rows (table, 1, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "indicators.fill-down", NULL));
  for (guint r = 1; r <= 3; r++)
    g_assert_cmpstr (jx_indicator_get_description (jx_test_indicator_at (project, r)), ==, value);
  g_assert_cmpstr (jx_indicator_get_basis (jx_test_indicator_at (project, 4)), ==, basis4);
  assert_one_undo_step (window, before);

  jx_indicator_table_set_current (table, 4);
  g_assert_true (jx_indicator_table_focus_cell (table, 4, JX_INDICATOR_COLUMN_NAME));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "indicators.fill-down", NULL));
  g_assert_cmpstr (jx_indicator_get_name (jx_test_indicator_at (project, 4)), ==,
                   jx_indicator_get_name (jx_test_indicator_at (project, 3)));
  assert_one_undo_step (window, before);
  close_window (window);
}

/* Rows 2–3 selected: duplicate, move down and delete each act on both,
 * one undo step each. */
static void
test_several_rows (void)
{
  JxWindow *window = open_example (1280, 800);
  JxIndicatorTable *table = show (window, 3);
  JxProject *project = project_at (window, 3);
  GListModel *indicators = jx_project_get_indicators (project);
  g_autofree char *before = document_data (window);
  guint n = g_list_model_get_n_items (indicators);
  JxIndicator *second = jx_test_indicator_at (project, 1);
  JxIndicator *third = jx_test_indicator_at (project, 2);

  jx_indicator_table_select_rows (table, 1, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "indicators.duplicate", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (indicators), ==, n + 2);
  g_assert_cmpstr (jx_indicator_get_name (jx_test_indicator_at (project, 3)), ==, jx_indicator_get_name (second));
  g_assert_cmpstr (jx_indicator_get_name (jx_test_indicator_at (project, 4)), ==, jx_indicator_get_name (third));
  assert_one_undo_step (window, before);

  jx_indicator_table_select_rows (table, 1, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "indicators.move-down", NULL));
  g_assert_true (jx_test_indicator_at (project, 2) == second);
  g_assert_true (jx_test_indicator_at (project, 3) == third);
  {
    g_autoptr(GArray) selected = jx_indicator_table_get_selected (table);

    g_assert_cmpuint (selected->len, ==, 2);
    g_assert_cmpuint (g_array_index (selected, guint, 0), ==, 2);
  }
  assert_one_undo_step (window, before);

  jx_indicator_table_select_rows (table, 2, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "indicators.delete", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (indicators), ==, n - 2);
  assert_one_undo_step (window, before);
  close_window (window);
}

/* 一级/二级 fit 服务对象满意度指标; the text columns share the window; a
 * column widened by the clerk keeps its width in the settings, the next
 * table starts with it, and the table scrolls sideways. */
static void
test_widths (void)
{
  JxWindow *window = open_example (1024, 700);
  JxIndicatorTable *table = show (window, 3);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (table), "服务对象满意度指标");
  GtkWidget *scroller;
  GtkAdjustment *sideways;
  int longest;

  pango_layout_get_pixel_size (layout, &longest, NULL);
  g_assert_cmpint (jx_indicator_table_get_column_width (table, JX_INDICATOR_COLUMN_LEVEL2), >, longest);
  g_assert_true (jx_table_cell_get_n_lines (cell_at (table, 5, JX_INDICATOR_COLUMN_LEVEL2)) == 1);
  scroller = gtk_widget_get_ancestor (jx_indicator_table_get_cell (table, 0, JX_INDICATOR_COLUMN_NAME),
                                      GTK_TYPE_SCROLLED_WINDOW);
  sideways = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  jx_test_settle ();
  /* At 1024 pixels the table fits the form. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (sideways), <=, gtk_adjustment_get_page_size (sideways) + 1);

  jx_indicator_table_set_column_width (table, JX_INDICATOR_COLUMN_BASIS, 600);
  jx_test_settle ();
  jx_test_settle ();
  g_assert_cmpfloat (gtk_adjustment_get_upper (sideways), >, gtk_adjustment_get_page_size (sideways) + 100);
  g_assert_cmpint (jx_indicator_table_get_column_width (table, JX_INDICATOR_COLUMN_NAME), >=, 90);
  close_window (window);

  window = open_example (1280, 800);
  table = show (window, 2);
  g_assert_cmpint (jx_indicator_table_get_column_width (table, JX_INDICATOR_COLUMN_BASIS), ==, 600);
  jx_indicator_table_set_column_width (table, JX_INDICATOR_COLUMN_BASIS, 140);
  close_window (window);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  jx_test_isolate_xdg ();
  gtk_test_init (&argc, &argv, NULL);
  jx_test_allow_edited_row_frame ();
  if (g_getenv ("JX_SCREENSHOT_LOCALE") != NULL)
    {
      setlocale (LC_ALL, g_getenv ("JX_SCREENSHOT_LOCALE"));
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JIXIAO_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  app = jx_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/indicator-table/long-cell-whole", test_long_cell_whole);
  g_test_add_func ("/indicator-table/copy-two-rows", test_copy_two_rows);
  g_test_add_func ("/indicator-table/paste-tsv-block", test_paste_tsv_block);
  g_test_add_func ("/indicator-table/paste-html-table", test_paste_html_table);
  g_test_add_func ("/indicator-table/fill-down", test_fill_down);
  g_test_add_func ("/indicator-table/several-rows", test_several_rows);
  g_test_add_func ("/indicator-table/widths", test_widths);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
