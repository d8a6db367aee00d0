/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The spending plan in a few keys and lines pasted as items: the model's
 * rules, each edit one undo step. */
#include "config.h"

#include "jx-checkpoint.h"
#include "jx-document-io.h"
#include "jx-list-edit.h"
#include "jx-measure.h"
#include "jx-numbering.h"
#include "jx-test-utils.h"
#include "jx-text-item.h"
#include "jx-undo.h"

/* The plan as "3:25 6:50", to compare in one assertion. */
static char *
plan_text (JxProject *project)
{
  GListModel *plan = jx_project_get_spending_plan (project);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (plan); i++)
    {
      g_autoptr(JxCheckpoint) row = g_list_model_get_item (plan, i);
      g_autofree char *percent = jx_checkpoint_format_percent (jx_checkpoint_get_percent (row));

      g_string_append_printf (text, "%s%u:%s", i > 0 ? " " : "", jx_checkpoint_get_month (row), percent);
    }
  return g_string_free (text, FALSE);
}

static void
assert_plan (JxProject *project, const char *expected)
{
  g_autofree char *text = plan_text (project);

  g_assert_cmpstr (text, ==, expected);
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
}

static JxDocument *
document_with_project (JxProject **project)
{
  JxDocument *document = jx_document_new ();
  g_autoptr(JxProject) added = jx_project_new ("", "");

  g_list_store_append (G_LIST_STORE (jx_document_get_projects (document)), added);
  *project = added;
  return document;
}

static void
test_presets (void)
{
  JxProject *project;
  g_autoptr(JxDocument) document = document_with_project (&project);
  g_autoptr(JxUndoStack) undo = jx_undo_stack_new (document);
  g_autofree char *before = jx_document_to_data (document, NULL);
  g_autoptr(JxDocument) example = jx_test_load_example ();

  jx_document_set_plan_preset (document, project, JX_PLAN_PRESET_QUARTERS);
  assert_plan (project, "3:25% 6:50% 9:75% 12:100%");
  assert_one_step (document, undo, before, "Apply Spending Plan");

  jx_document_set_plan_preset (document, project, JX_PLAN_PRESET_HALVES);
  assert_plan (project, "6:50% 12:100%");
  /* The usual shape is the example document's, and replaces what was. */
  jx_document_set_plan_preset (document, project, JX_PLAN_PRESET_COMMON);
  {
    g_autofree char *shape = plan_text (jx_test_project_at (example, 0));
    assert_plan (project, shape);
  }
  g_assert_cmpstr (jx_template_plan_preset_name (JX_PLAN_PRESET_QUARTERS), ==, "Even by quarter");
}

/* From an empty plan, Add four times: the quarters, evenly. */
static void
test_next_row_quarters (void)
{
  JxProject *project;
  g_autoptr(JxDocument) document = document_with_project (&project);
  g_autoptr(JxUndoStack) undo = jx_undo_stack_new (document);
  g_autofree char *before = jx_document_to_data (document, NULL);

  g_assert_cmpint (jx_document_add_checkpoint (document, project), ==, 0);
  assert_plan (project, "3:25%");
  assert_one_step (document, undo, before, "Add Month");
  jx_undo_stack_redo (undo);
  for (guint i = 1; i < 4; i++)
    g_assert_cmpint (jx_document_add_checkpoint (document, project), ==, (int) i);
  assert_plan (project, "3:25% 6:50% 9:75% 12:100%");
}

/* A gap gets its quarter end, between its neighbours; then other months;
 * a full year takes no more. */
static void
test_next_row_between (void)
{
  JxProject *project;
  g_autoptr(JxDocument) document = document_with_project (&project);
  GListStore *plan = G_LIST_STORE (jx_project_get_spending_plan (project));

  jx_document_set_plan_preset (document, project, JX_PLAN_PRESET_COMMON);
  g_list_store_remove (plan, 1);
  assert_plan (project, "3:30% 10:90% 12:100%");
  /* June, the first free quarter end, in proportion: 30 + 60 × 3/7. */
  g_assert_cmpint (jx_document_add_checkpoint (document, project), ==, 1);
  assert_plan (project, "3:30% 6:56% 10:90% 12:100%");
  g_assert_cmpint (jx_document_add_checkpoint (document, project), ==, 2);
  assert_plan (project, "3:30% 6:56% 9:82% 10:90% 12:100%");
  /* No quarter end left: the first free month, from 0% at the year's start. */
  g_assert_cmpint (jx_document_add_checkpoint (document, project), ==, 0);
  assert_plan (project, "1:10% 3:30% 6:56% 9:82% 10:90% 12:100%");
  while (jx_document_add_checkpoint (document, project) >= 0)
    ;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, 12);
}

/* After the last month, towards 100% at December. */
static void
test_next_row_after_last (void)
{
  JxProject *project;
  g_autoptr(JxDocument) document = document_with_project (&project);
  g_autoptr(JxCheckpoint) april = jx_checkpoint_new (4, 40);

  g_list_store_append (G_LIST_STORE (jx_project_get_spending_plan (project)), april);
  jx_document_add_checkpoint (document, project);
  assert_plan (project, "4:40% 6:55%");
}

/* A row given another month moves to its place, in one step. */
static void
test_month_order (void)
{
  JxProject *project;
  g_autoptr(JxDocument) document = document_with_project (&project);
  g_autoptr(JxUndoStack) undo = NULL;
  g_autofree char *before = NULL;
  GListModel *plan = jx_project_get_spending_plan (project);
  g_autoptr(JxCheckpoint) march = NULL;

  jx_document_set_plan_preset (document, project, JX_PLAN_PRESET_QUARTERS);
  undo = jx_undo_stack_new (document);
  before = jx_document_to_data (document, NULL);
  march = g_list_model_get_item (plan, 0);
  g_assert_cmpuint (jx_document_set_checkpoint_month (document, project, march, 11), ==, 2);
  assert_plan (project, "6:50% 9:75% 11:25% 12:100%");
  assert_one_step (document, undo, before, "Change Month");
  assert_plan (project, "3:25% 6:50% 9:75% 12:100%");
  /* Staying in its place is no move. */
  g_assert_cmpuint (jx_document_set_checkpoint_month (document, project, march, 4), ==, 0);
  assert_plan (project, "4:25% 6:50% 9:75% 12:100%");
}

static void
test_split_lines (void)
{
  g_auto(GStrv) lines = jx_numbering_split_lines ("1、加强组织领导。\r\n\r\n  （二）完善制度\n"
                                                   "\xe3\x80\x80\xe3\x80\x80③落实责任 \r"
                                                   "2024年完成\xe2\x80\xa9  \n");
  const char *expected[] = { "加强组织领导。", "完善制度", "落实责任", "2024年完成", NULL };

  g_assert_cmpstrv (lines, expected);
  g_strfreev (lines);
  lines = jx_numbering_split_lines ("");
  g_assert_cmpuint (g_strv_length (lines), ==, 0);
}

/* Lines pasted into the second goal: it takes the first, the others follow
 * it as new goals, and the text after the cursor ends the last. */
static void
test_paste_goals (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  JxProject *project = jx_test_project_at (document, 0);
  GListModel *goals = jx_project_get_goals (project);
  guint n = g_list_model_get_n_items (goals);
  g_autoptr(JxUndoStack) undo = jx_undo_stack_new (document);
  g_autofree char *before = jx_document_to_data (document, NULL);
  g_autoptr(JxTextItem) second = NULL;
  g_autoptr(JxTextItem) third = NULL;
  g_autoptr(JxTextItem) fourth = NULL;

  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpuint (jx_document_paste_lines (document, goals, 1, "前文", "1、甲\n2、乙\n3、丙", "后文"), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (goals), ==, n + 2);
  second = g_list_model_get_item (goals, 1);
  third = g_list_model_get_item (goals, 2);
  fourth = g_list_model_get_item (goals, 3);
  g_assert_cmpstr (jx_text_item_get_text (second), ==, "前文甲");
  g_assert_cmpstr (jx_text_item_get_text (third), ==, "乙");
  g_assert_cmpstr (jx_text_item_get_text (fourth), ==, "丙后文");
  assert_one_step (document, undo, before, "Paste");

  /* One line is an ordinary paste: nothing done here. */
  g_assert_cmpuint (jx_document_paste_lines (document, goals, 0, "", "1、一行\n\n", ""), ==, 0);
  g_assert_false (jx_undo_stack_get_can_undo (undo));
}

static void
test_paste_measures (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  GListModel *measures = jx_document_get_measures (document);
  guint n = g_list_model_get_n_items (measures);
  g_autoptr(JxMeasure) last = NULL;
  g_autoptr(JxMeasure) added = NULL;

  g_assert_cmpuint (jx_document_paste_lines (document, measures, n - 1, "",
                                             "（一）加强领导\n（二）强化监督", ""), ==, 2);
  last = g_list_model_get_item (measures, n - 1);
  added = g_list_model_get_item (measures, n);
  g_assert_cmpstr (jx_measure_get_body (added), ==, "强化监督");
  g_assert_cmpstr (jx_measure_get_heading (added), ==, "");
  g_assert_true (g_str_has_suffix (jx_measure_get_body (last), "加强领导"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/list-edit/presets", test_presets);
  g_test_add_func ("/list-edit/next-row-quarters", test_next_row_quarters);
  g_test_add_func ("/list-edit/next-row-between", test_next_row_between);
  g_test_add_func ("/list-edit/next-row-after-last", test_next_row_after_last);
  g_test_add_func ("/list-edit/month-order", test_month_order);
  g_test_add_func ("/list-edit/split-lines", test_split_lines);
  g_test_add_func ("/list-edit/paste-goals", test_paste_goals);
  g_test_add_func ("/list-edit/paste-measures", test_paste_measures);
  return g_test_run ();
}
