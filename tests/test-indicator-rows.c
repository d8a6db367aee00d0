/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The indicator table's rows as document operations: paste of a block of
 * cells, fill down, several rows deleted or duplicated, copy as cells —
 * each one undo step that puts the document back as it was. */
#include "config.h"

#include <string.h>

#include "jx-categories.h"
#include "jx-document-io.h"
#include "jx-indicator-rows.h"
#include "jx-test-utils.h"
#include "jx-undo.h"

static const char *all_columns[] = { "level1", "level2", "name", "description", "value", "basis", NULL };

static GListStore *
indicators_of (JxProject *project)
{
  return G_LIST_STORE (jx_project_get_indicators (project));
}

static guint
n_rows (JxProject *project)
{
  return g_list_model_get_n_items (jx_project_get_indicators (project));
}

/* One undo step, named label, that puts the document back byte for byte. */
static void
assert_one_step (JxDocument  *document,
                 JxUndoStack *undo,
                 const char  *before,
                 const char  *label)
{
  g_autofree char *after = NULL;

  g_assert_cmpstr (jx_undo_stack_get_undo_label (undo), ==, label);
  g_assert_true (jx_undo_stack_undo (undo));
  after = jx_document_to_data (document, NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (jx_undo_stack_get_can_undo (undo));
}

static JxCellBlock *
tsv (const char *text)
{
  g_autoptr(GError) error = NULL;
  JxCellBlock *block = jx_cell_block_parse_tsv (text, strlen (text), &error);

  g_assert_no_error (error);
  return block;
}

/* A 3 × 4 block from the 三级指标 column of the second row of a project
 * with 6 rows: rows 1..3, 三级指标 to 确定依据. */
static void
test_paste_block (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxUndoStack) undo = jx_undo_stack_new (document);
  g_autofree char *before = jx_document_to_data (document, NULL);
  JxProject *project = jx_test_project_at (document, 1);
  guint n = n_rows (project);
  g_autofree char *level1 = g_strdup (jx_indicator_get_level1 (jx_test_indicator_at (project, 2)));
  g_autoptr(JxCellBlock) block = tsv ("会议天数\t召开会议的天数\t≥3天\t年度工作计划\r\n"
                                      "\"参会\n人数\"\t参会代表人数\t≥250人\t代表名册\r\n"
                                      "会议满意度\t代表满意度\t≥95%\t问卷调查\r\n");
  JxPasteResult result;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (n, >=, 4);
  g_assert_true (jx_indicators_paste (document, indicators_of (project), 1, all_columns + 2, block,
                                      &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.first_row, ==, 1);
  g_assert_cmpuint (result.n_rows, ==, 3);
  g_assert_cmpuint (result.n_added, ==, 0);
  g_assert_cmpuint (result.n_columns, ==, 4);
  g_assert_cmpuint (result.n_cut, ==, 0);
  g_assert_cmpuint (n_rows (project), ==, n);
  g_assert_cmpstr (jx_indicator_get_name (jx_test_indicator_at (project, 1)), ==, "会议天数");
  g_assert_cmpstr (jx_indicator_get_name (jx_test_indicator_at (project, 2)), ==, "参会\n人数");
  g_assert_cmpstr (jx_indicator_get_basis (jx_test_indicator_at (project, 3)), ==, "问卷调查");
  g_assert_cmpstr (jx_indicator_get_value (jx_test_indicator_at (project, 2)), ==, "≥250人");
  /* Left of the block and below it nothing changed. */
  g_assert_cmpstr (jx_indicator_get_level1 (jx_test_indicator_at (project, 2)), ==, level1);
  assert_one_step (document, undo, before, "Paste");
}

static void
test_paste_adds_rows (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxUndoStack) undo = jx_undo_stack_new (document);
  g_autofree char *before = jx_document_to_data (document, NULL);
  JxProject *project = jx_test_project_at (document, 1);
  guint n = n_rows (project);
  JxIndicator *last = jx_test_indicator_at (project, n - 1);
  g_autoptr(JxCellBlock) block = tsv ("甲\t一\t1\t多余\n乙\t二\t2\n丙\t三\t3");
  JxPasteResult result;

  /* From the last row's 指标值: two rows added, 确定依据 then nothing. */
  g_assert_true (jx_indicators_paste (document, indicators_of (project), n - 1, all_columns + 4, block,
                                      &result, NULL));
  g_assert_cmpuint (result.n_added, ==, 2);
  g_assert_cmpuint (result.n_columns, ==, 2);
  g_assert_cmpuint (result.n_cut, ==, 2);
  g_assert_cmpuint (n_rows (project), ==, n + 2);
  g_assert_cmpstr (jx_indicator_get_value (last), ==, "甲");
  g_assert_cmpstr (jx_indicator_get_basis (last), ==, "一");
  /* The new rows are in the category of the row above. */
  for (guint i = n; i < n + 2; i++)
    {
      JxIndicator *added = jx_test_indicator_at (project, i);

      g_assert_cmpstr (jx_indicator_get_level1 (added), ==, jx_indicator_get_level1 (last));
      g_assert_cmpstr (jx_indicator_get_level2 (added), ==, jx_indicator_get_level2 (last));
      g_assert_cmpstr (jx_indicator_get_name (added), ==, "");
    }
  g_assert_cmpstr (jx_indicator_get_value (jx_test_indicator_at (project, n + 1)), ==, "丙");
  assert_one_step (document, undo, before, "Paste");
}

static void
test_paste_into_empty_table (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  JxProject *project = jx_test_project_at (document, 0);
  g_autoptr(JxCellBlock) block = tsv ("软件设备数量\t购买软件设备的数量\n软件质量\t满足业务管理要求\n");
  const JxCategoryPair *suggested = jx_categories_suggested_rows (NULL);

  g_list_store_remove_all (indicators_of (project));
  g_assert_true (jx_indicators_paste (document, indicators_of (project), 0, all_columns + 2, block,
                                      NULL, NULL));
  /* Exactly the rows pasted, each in the category the empty table
   * suggested at its place. */
  g_assert_cmpuint (n_rows (project), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JxIndicator *row = jx_test_indicator_at (project, i);

      g_assert_cmpstr (jx_indicator_get_level1 (row), ==, suggested[i].level1);
      g_assert_cmpstr (jx_indicator_get_level2 (row), ==, suggested[i].level2);
    }
  g_assert_cmpstr (jx_indicator_get_description (jx_test_indicator_at (project, 1)), ==, "满足业务管理要求");
}

static void
test_paste_ragged_and_refused (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  JxProject *project = jx_test_project_at (document, 1);
  g_autofree char *value = g_strdup (jx_indicator_get_value (jx_test_indicator_at (project, 1)));
  g_autofree char *before = NULL;
  g_autoptr(JxCellBlock) ragged = tsv ("甲\t一\t1\n乙");
  g_autoptr(JxCellBlock) empty = jx_cell_block_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(JxCellBlock) tall = NULL;
  g_autoptr(GError) error = NULL;

  /* A shorter row of the block leaves the rest of its table row alone. */
  g_assert_true (jx_indicators_paste (document, indicators_of (project), 0, all_columns + 2, ragged,
                                      NULL, NULL));
  g_assert_cmpstr (jx_indicator_get_name (jx_test_indicator_at (project, 1)), ==, "乙");
  g_assert_cmpstr (jx_indicator_get_value (jx_test_indicator_at (project, 1)), ==, value);

  before = jx_document_to_data (document, NULL);
  g_assert_false (jx_indicators_paste (document, indicators_of (project), 0, all_columns, empty, NULL, &error));
  g_assert_error (error, JX_CELL_BLOCK_ERROR, JX_CELL_BLOCK_ERROR_NO_TABLE);
  g_clear_error (&error);
  for (guint i = 0; i < JX_MAX_ROWS - 2; i++)
    g_string_append (text, "行\n");
  tall = tsv (text->str);
  g_assert_false (jx_indicators_paste (document, indicators_of (project), 3, all_columns, tall, NULL, &error));
  g_assert_error (error, JX_CELL_BLOCK_ERROR, JX_CELL_BLOCK_ERROR_TOO_LARGE);
  {
    g_autofree char *after = jx_document_to_data (document, NULL);

    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_fill_down (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxUndoStack) undo = jx_undo_stack_new (document);
  g_autofree char *before = jx_document_to_data (document, NULL);
  JxProject *project = jx_test_project_at (document, 1);
  GListModel *indicators = jx_project_get_indicators (project);
  g_autofree char *basis = g_strdup (jx_indicator_get_basis (jx_test_indicator_at (project, 1)));
  const guint rows[] = { 1, 2, 3 };
  const guint one[] = { 4 };
  const guint top[] = { 0 };

  jx_indicator_set_basis (jx_test_indicator_at (project, 3), "另写的依据");
  g_clear_pointer (&before, g_free);
  before = jx_document_to_data (document, NULL);
  g_clear_object (&undo);
  undo = jx_undo_stack_new (document);

  g_assert_cmpuint (jx_indicators_fill_down (document, indicators, "basis", rows, 3), >=, 1);
  for (guint i = 1; i <= 3; i++)
    g_assert_cmpstr (jx_indicator_get_basis (jx_test_indicator_at (project, i)), ==, basis);
  assert_one_step (document, undo, before, "Fill Down");

  /* One cell: the cell above it. */
  g_assert_cmpuint (jx_indicators_fill_down (document, indicators, "value", one, 1), ==, 1);
  g_assert_cmpstr (jx_indicator_get_value (jx_test_indicator_at (project, 4)), ==,
                   jx_indicator_get_value (jx_test_indicator_at (project, 3)));
  /* Nothing above the first row; nothing that is no text. */
  g_assert_cmpuint (jx_indicators_fill_down (document, indicators, "value", top, 1), ==, 0);
  g_assert_cmpuint (jx_indicators_fill_down (document, indicators, "evaluation-weight", rows, 3), ==, 0);
}

static void
test_delete_and_duplicate_rows (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxUndoStack) undo = jx_undo_stack_new (document);
  g_autofree char *before = jx_document_to_data (document, NULL);
  JxProject *project = jx_test_project_at (document, 1);
  guint n = n_rows (project);
  JxIndicator *second = jx_test_indicator_at (project, 1);
  JxIndicator *fourth = jx_test_indicator_at (project, 3);
  g_autofree char *name2 = g_strdup (jx_indicator_get_name (second));
  g_autofree char *name4 = g_strdup (jx_indicator_get_name (fourth));
  const guint rows[] = { 1, 3 };
  guint first_copy;

  first_copy = jx_indicators_duplicate_rows (document, indicators_of (project), rows, 2);
  g_assert_cmpuint (first_copy, ==, 4);
  g_assert_cmpuint (n_rows (project), ==, n + 2);
  g_assert_cmpstr (jx_indicator_get_name (jx_test_indicator_at (project, 4)), ==, name2);
  g_assert_cmpstr (jx_indicator_get_name (jx_test_indicator_at (project, 5)), ==, name4);
  g_assert_true (jx_test_indicator_at (project, 4) != second);
  assert_one_step (document, undo, before, "Duplicate Rows");

  g_assert_cmpuint (jx_indicators_delete_rows (document, indicators_of (project), rows, 2), ==, 2);
  g_assert_cmpuint (n_rows (project), ==, n - 2);
  g_assert_false (jx_test_indicator_at (project, 1) == second);
  assert_one_step (document, undo, before, "Delete Rows");
}

/* Rows 2 and 3 move down past row 4 together, in one step; at the end of
 * the table nothing moves. */
static void
test_move_rows (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxUndoStack) undo = jx_undo_stack_new (document);
  g_autofree char *before = jx_document_to_data (document, NULL);
  JxProject *project = jx_test_project_at (document, 1);
  guint n = n_rows (project);
  JxIndicator *second = jx_test_indicator_at (project, 1);
  JxIndicator *third = jx_test_indicator_at (project, 2);
  JxIndicator *fourth = jx_test_indicator_at (project, 3);
  const guint rows[] = { 1, 2 };
  const guint last[] = { n - 1 };

  g_assert_true (jx_indicators_move_rows (document, indicators_of (project), rows, 2, 1));
  g_assert_true (jx_test_indicator_at (project, 1) == fourth);
  g_assert_true (jx_test_indicator_at (project, 2) == second);
  g_assert_true (jx_test_indicator_at (project, 3) == third);
  assert_one_step (document, undo, before, "Move Rows Down");

  g_assert_false (jx_indicators_move_rows (document, indicators_of (project), last, 1, 1));
  g_assert_false (jx_undo_stack_get_can_undo (undo));
  g_assert_true (jx_indicators_move_rows (document, indicators_of (project), rows, 2, -1));
  g_assert_true (jx_test_indicator_at (project, 0) == second);
  assert_one_step (document, undo, before, "Move Rows Up");
}

static void
test_copy_cells (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  JxProject *project = jx_test_project_at (document, 1);
  const guint rows[] = { 0, 2 };
  g_autoptr(JxCellBlock) block = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  JxIndicator *a = jx_test_indicator_at (project, 0);
  JxIndicator *b = jx_test_indicator_at (project, 2);

  jx_indicator_set_description (b, "第一行\n第二行");
  block = jx_indicators_copy_cells (jx_project_get_indicators (project), rows, 2, all_columns);
  g_assert_cmpuint (jx_cell_block_get_n_rows (block), ==, 2);
  g_assert_cmpuint (jx_cell_block_get_n_columns (block), ==, 6);
  text = jx_cell_block_to_tsv (block);
  expected = g_strdup_printf ("%s\t%s\t%s\t%s\t%s\t%s\n%s\t%s\t%s\t\"第一行\n第二行\"\t%s\t%s",
                              jx_indicator_get_level1 (a), jx_indicator_get_level2 (a),
                              jx_indicator_get_name (a), jx_indicator_get_description (a),
                              jx_indicator_get_value (a), jx_indicator_get_basis (a),
                              jx_indicator_get_level1 (b), jx_indicator_get_level2 (b),
                              jx_indicator_get_name (b), jx_indicator_get_value (b),
                              jx_indicator_get_basis (b));
  g_assert_cmpstr (text, ==, expected);
  g_assert_true (jx_indicator_column_is_text ("monitoring-actual"));
  g_assert_false (jx_indicator_column_is_text ("evaluation-weight"));
  g_assert_false (jx_indicator_column_is_text ("no-such-column"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/indicator-rows/paste-block", test_paste_block);
  g_test_add_func ("/indicator-rows/paste-adds-rows", test_paste_adds_rows);
  g_test_add_func ("/indicator-rows/paste-into-empty-table", test_paste_into_empty_table);
  g_test_add_func ("/indicator-rows/paste-ragged-and-refused", test_paste_ragged_and_refused);
  g_test_add_func ("/indicator-rows/fill-down", test_fill_down);
  g_test_add_func ("/indicator-rows/delete-and-duplicate-rows", test_delete_and_duplicate_rows);
  g_test_add_func ("/indicator-rows/copy-cells", test_copy_cells);
  g_test_add_func ("/indicator-rows/move-rows", test_move_rows);
  return g_test_run ();
}
