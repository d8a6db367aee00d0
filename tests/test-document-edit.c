/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-categories.h"
#include "jx-document-edit.h"
#include "jx-document-io.h"
#include "jx-templates.h"
#include "jx-test-utils.h"
#include "jx-undo.h"

static guint
n_projects (JxDocument *document)
{
  return g_list_model_get_n_items (jx_document_get_projects (document));
}

/* One undo step that puts the document back byte for byte. */
static void
assert_one_step (JxDocument *document, JxUndoStack *undo, const char *before, const char *label)
{
  g_autofree char *after = NULL;

  g_assert_cmpstr (jx_undo_stack_get_undo_label (undo), ==, label);
  g_assert_true (jx_undo_stack_undo (undo));
  after = jx_document_to_data (document, NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (jx_undo_stack_get_can_undo (undo));
  g_assert_true (jx_undo_stack_redo (undo));
  g_assert_true (jx_undo_stack_undo (undo));
}

static void
test_add (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxUndoStack) undo = jx_undo_stack_new (document);
  g_autofree char *before = jx_document_to_data (document, NULL);
  JxProject *added = jx_document_add_project (document, 2);

  g_assert_cmpuint (n_projects (document), ==, 8);
  g_assert_true (jx_test_project_at (document, 2) == added);
  /* Nothing a clerk has to replace, and no empty rows. */
  g_assert_cmpstr (jx_project_get_code (added), ==, "");
  g_assert_cmpstr (jx_project_get_name (added), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (jx_project_get_indicators (added)), ==, 0);
  /* Past the end: at the end. */
  g_assert_true (jx_document_add_project (document, 99) == jx_test_project_at (document, 8));
  g_assert_true (jx_undo_stack_undo (undo));
  assert_one_step (document, undo, before, "Add Project");
}

static void
test_duplicate (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxUndoStack) undo = jx_undo_stack_new (document);
  g_autofree char *before = jx_document_to_data (document, NULL);
  JxProject *original = jx_test_project_at (document, 1);
  g_autofree char *name = g_strdup_printf ("%s（副本）", jx_project_get_name (original));
  JxProject *copy = jx_document_duplicate_project (document, 1);

  g_assert_true (jx_test_project_at (document, 2) == copy);
  g_assert_cmpstr (jx_project_get_name (copy), ==, name);
  g_assert_cmpstr (jx_project_get_code (copy), ==, jx_project_get_code (original));
  g_assert_cmpuint (g_list_model_get_n_items (jx_project_get_indicators (copy)), ==,
                    g_list_model_get_n_items (jx_project_get_indicators (original)));
  g_assert_null (jx_document_duplicate_project (document, 99));
  assert_one_step (document, undo, before, "Duplicate Project");
}

static void
test_delete_and_move (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxUndoStack) undo = jx_undo_stack_new (document);
  g_autofree char *before = jx_document_to_data (document, NULL);
  JxProject *first = jx_test_project_at (document, 0);
  JxProject *last = jx_test_project_at (document, 6);

  g_assert_true (jx_document_move_project (document, 0, 6));
  g_assert_true (jx_test_project_at (document, 6) == first);
  g_assert_true (jx_test_project_at (document, 5) == last);
  assert_one_step (document, undo, before, "Move Project");
  g_assert_true (jx_document_move_project (document, 6, 0));
  g_assert_true (jx_test_project_at (document, 0) == last);
  g_assert_true (jx_test_project_at (document, 1) == first);
  assert_one_step (document, undo, before, "Move Project");
  g_assert_false (jx_document_move_project (document, 3, 3));
  g_assert_false (jx_document_move_project (document, 0, 7));
  g_assert_false (jx_undo_stack_get_can_undo (undo));

  g_assert_true (jx_document_delete_project (document, 3));
  g_assert_cmpuint (n_projects (document), ==, 6);
  g_assert_false (jx_document_delete_project (document, 6));
  assert_one_step (document, undo, before, "Delete Project");
}

/* A row moved in a form is one step without any bracket. */
static void
test_list_move (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxUndoStack) undo = jx_undo_stack_new (document);
  g_autofree char *before = jx_document_to_data (document, NULL);
  GListStore *indicators = G_LIST_STORE (jx_project_get_indicators (jx_test_project_at (document, 0)));
  JxIndicator *second = jx_test_indicator_at (jx_test_project_at (document, 0), 1);

  g_assert_true (jx_list_store_move (indicators, 1, 4));
  g_assert_true (jx_test_indicator_at (jx_test_project_at (document, 0), 4) == second);
  assert_one_step (document, undo, before, "Move Indicator");
}

/* Brackets from anywhere that holds the document make one step. */
static void
test_action (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxUndoStack) undo = jx_undo_stack_new (document);
  g_autofree char *before = jx_document_to_data (document, NULL);

  jx_document_begin_action (document, "Paste");
  jx_project_set_name (jx_test_project_at (document, 0), "甲");
  jx_document_begin_action (document, NULL);
  jx_project_set_code (jx_test_project_at (document, 1), "乙");
  jx_document_end_action (document);
  jx_document_end_action (document);
  assert_one_step (document, undo, before, "Paste");
  /* An end without its begin (the stack came later) changes nothing. */
  jx_document_end_action (document);
  g_assert_false (jx_undo_stack_get_can_undo (undo));
}

static void
test_new_document (void)
{
  g_autoptr(GDateTime) autumn = g_date_time_new_utc (2025, 10, 8, 9, 0, 0);
  g_autoptr(GDateTime) far = g_date_time_new_utc (2100, 10, 8, 9, 0, 0);
  g_autoptr(JxDocument) document = jx_template_new_document (autumn);
  g_autoptr(GPtrArray) findings = NULL;
  guint n_rows = 0;
  const JxCategoryPair *rows = jx_categories_suggested_rows (&n_rows);

  g_assert_cmpuint (jx_document_get_year (document), ==, 2026);
  g_assert_cmpuint (jx_template_default_year (far), ==, JX_YEAR_MAX);
  g_assert_cmpuint (n_projects (document), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (jx_project_get_indicators (jx_test_project_at (document, 0))),
                    ==, 0);
  /* The suggested rows are standard pairs. */
  g_assert_cmpuint (n_rows, >=, 6);
  for (guint i = 0; i < n_rows; i++)
    g_assert_true (jx_categories_fits (rows[i].level1, rows[i].level2));
}

static void
test_categories (void)
{
  const char * const *level1 = jx_categories_level1 ();

  g_assert_cmpuint (g_strv_length ((char **) level1), ==, 4);
  g_assert_cmpstr (jx_categories_home ("服务对象满意度指标"), ==, "满意度指标");
  g_assert_cmpstr (jx_categories_home ("成本指标"), ==, "产出指标");
  g_assert_true (jx_categories_fits ("成本指标", "成本指标"));
  g_assert_true (jx_categories_fits ("成本指标", "经济成本指标"));
  g_assert_false (jx_categories_fits ("效益指标", "数量指标"));
  g_assert_null (jx_categories_level2 ("效果指标"));
  g_assert_true (jx_categories_is_former ("效果指标"));
  g_assert_false (jx_categories_is_level1 ("效果指标"));
  g_assert_false (jx_categories_is_level2 ("社会效益"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document-edit/add", test_add);
  g_test_add_func ("/document-edit/duplicate", test_duplicate);
  g_test_add_func ("/document-edit/delete-and-move", test_delete_and_move);
  g_test_add_func ("/document-edit/list-move", test_list_move);
  g_test_add_func ("/document-edit/action", test_action);
  g_test_add_func ("/document-edit/new-document", test_new_document);
  g_test_add_func ("/document-edit/categories", test_categories);
  return g_test_run ();
}
