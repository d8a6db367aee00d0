/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-checkpoint.h"
#include "jx-document-io.h"
#include "jx-indicator.h"
#include "jx-measure.h"
#include "jx-test-utils.h"
#include "jx-text-item.h"
#include "jx-undo.h"

/* A clock the tests move by hand. */
static gint64 fake_time;

static gint64
fake_clock (gpointer user_data)
{
  return fake_time;
}

static void
advance (gint64 ms)
{
  fake_time += ms * G_TIME_SPAN_MILLISECOND;
}

static JxUndoStack *
new_stack (JxDocument *document)
{
  JxUndoStack *stack = jx_undo_stack_new (document);

  fake_time = 1000 * G_TIME_SPAN_SECOND;
  jx_undo_stack_set_clock (stack, fake_clock, NULL);
  return stack;
}

static JxProject *
project_at (JxDocument *document, guint i)
{
  return jx_test_project_at (document, i);
}

static JxIndicator *
indicator_at (JxProject *project, guint i)
{
  return jx_test_indicator_at (project, i);
}

/* Undoes everything, counting the steps, then redoes them. */
static guint
count_steps (JxUndoStack *stack)
{
  guint n = 0;

  while (jx_undo_stack_undo (stack))
    n++;
  for (guint i = 0; i < n; i++)
    g_assert_true (jx_undo_stack_redo (stack));
  g_assert_false (jx_undo_stack_get_can_redo (stack));
  return n;
}

static char *
snapshot (JxDocument *document)
{
  return jx_document_to_data (document, NULL);
}

static void
append_new (GListModel *list, gpointer item)
{
  g_list_store_append (G_LIST_STORE (list), item);
  g_object_unref (item);
}

/* The exact bytes a save would write. */
static void
assert_document_is (JxDocument *document, const char *expected)
{
  g_autofree char *data = snapshot (document);

  g_assert_cmpstr (data, ==, expected);
}

static void
type_text (JxProject *project, const char *text)
{
  g_autoptr(GString) typed = g_string_new (jx_project_get_name (project));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_string_append_unichar (typed, g_utf8_get_char (p));
      jx_project_set_name (project, typed->str);
      advance (200);
    }
}

static void
test_typing_merges (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxUndoStack) stack = new_stack (document);
  JxProject *project = project_at (document, 0);
  g_autofree char *original = g_strdup (jx_project_get_name (project));
  g_autofree char *usage = g_strdup (jx_project_get_usage (project));
  g_autofree char *name = NULL;

  g_assert_false (jx_undo_stack_get_can_undo (stack));
  g_assert_null (jx_undo_stack_get_undo_label (stack));

  type_text (project, "经费");
  type_text (project, "补助");
  /* A pause longer than the merge interval starts a new step. */
  advance (1600);
  type_text (project, "丙");
  /* Another field is another step, even without a pause, and so is
   * coming back to the first one. */
  jx_project_set_usage (project, "用途");
  type_text (project, "丁");
  /* An explicit seal separates two runs in the same field. */
  jx_undo_stack_seal (stack);
  type_text (project, "戊");
  g_assert_cmpstr (jx_undo_stack_get_undo_label (stack), ==, "Edit Project Name");

  g_assert_true (jx_undo_stack_undo (stack));
  name = g_strconcat (original, "经费补助丙丁", NULL);
  g_assert_cmpstr (jx_project_get_name (project), ==, name);
  g_assert_true (jx_undo_stack_undo (stack));
  g_assert_cmpstr (jx_undo_stack_get_undo_label (stack), ==, "Edit Fund Usage");
  g_assert_true (jx_undo_stack_undo (stack));
  g_assert_cmpstr (jx_project_get_usage (project), ==, usage);
  g_assert_true (jx_undo_stack_undo (stack));
  g_free (name);
  name = g_strconcat (original, "经费补助", NULL);
  g_assert_cmpstr (jx_project_get_name (project), ==, name);
  g_assert_true (jx_undo_stack_undo (stack));
  g_assert_cmpstr (jx_project_get_name (project), ==, original);
  g_assert_false (jx_undo_stack_undo (stack));
  while (jx_undo_stack_redo (stack))
    ;
  g_assert_cmpuint (count_steps (stack), ==, 5);
}

static void
test_group (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxUndoStack) stack = new_stack (document);
  GListStore *projects = G_LIST_STORE (jx_document_get_projects (document));
  guint n_projects = g_list_model_get_n_items (G_LIST_MODEL (projects));
  g_autofree char *before = snapshot (document);
  g_autofree char *after = NULL;

  jx_undo_stack_begin_group (stack, "Delete Project");
  jx_undo_stack_begin_group (stack, "inner label is ignored");
  g_list_store_remove (projects, 0);
  jx_undo_stack_end_group (stack);
  jx_document_set_summary (document, "改过的概述");
  jx_document_set_summary (document, "又改了一次");
  jx_undo_stack_end_group (stack);
  after = snapshot (document);

  g_assert_cmpuint (count_steps (stack), ==, 1);
  g_assert_cmpstr (jx_undo_stack_get_undo_label (stack), ==, "Delete Project");
  g_assert_true (jx_undo_stack_undo (stack));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (projects)), ==, n_projects);
  assert_document_is (document, before);
  g_assert_cmpstr (jx_undo_stack_get_redo_label (stack), ==, "Delete Project");
  g_assert_true (jx_undo_stack_redo (stack));
  assert_document_is (document, after);

  /* A group in which nothing changed is no step; its boundary still
   * separates two edits of the same field. */
  jx_document_set_title (document, "甲");
  jx_undo_stack_begin_group (stack, "Nothing");
  jx_undo_stack_end_group (stack);
  jx_document_set_title (document, "甲乙");
  g_assert_cmpuint (count_steps (stack), ==, 3);
  g_assert_cmpstr (jx_undo_stack_get_undo_label (stack), ==, "Edit Title");

  /* An unlabelled group is named after its first change. */
  jx_undo_stack_begin_group (stack, NULL);
  jx_undo_stack_begin_group (stack, NULL);
  append_new (jx_document_get_measures (document), jx_measure_new ("标题", "正文"));
  jx_undo_stack_end_group (stack);
  jx_undo_stack_end_group (stack);
  g_assert_cmpstr (jx_undo_stack_get_undo_label (stack), ==, "Add Measure");
}

static void
assert_codes (JxDocument *document, const char *const *codes)
{
  GListModel *projects = jx_document_get_projects (document);

  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, g_strv_length ((char **) codes));
  for (guint i = 0; codes[i] != NULL; i++)
    g_assert_cmpstr (jx_project_get_code (project_at (document, i)), ==, codes[i]);
}

static void
move_project (JxUndoStack *stack, GListStore *store, guint from, guint to)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), from);

  jx_undo_stack_begin_group (stack, "Move Project");
  g_list_store_remove (store, from);
  g_list_store_insert (store, to, item);
  jx_undo_stack_end_group (stack);
}

static void
test_lists (void)
{
  g_autoptr(JxDocument) document = jx_document_new ();
  g_autoptr(JxUndoStack) stack = new_stack (document);
  GListStore *store = G_LIST_STORE (jx_document_get_projects (document));
  const char *abc[] = { "A", "B", "C", NULL };
  const char *ab[] = { "A", "B", NULL };
  const char *bca[] = { "B", "C", "A", NULL };
  const char *none[] = { NULL };

  for (guint i = 0; abc[i] != NULL; i++)
    {
      g_autoptr(JxProject) project = jx_project_new (abc[i], abc[i]);
      g_list_store_append (store, project);
    }
  assert_codes (document, abc);
  g_assert_cmpuint (count_steps (stack), ==, 3);
  g_assert_cmpstr (jx_undo_stack_get_undo_label (stack), ==, "Add Project");

  move_project (stack, store, 0, 2);
  assert_codes (document, bca);
  g_assert_cmpuint (count_steps (stack), ==, 4);
  g_assert_true (jx_undo_stack_undo (stack));
  assert_codes (document, abc);
  g_assert_true (jx_undo_stack_redo (stack));
  assert_codes (document, bca);
  g_assert_true (jx_undo_stack_undo (stack));

  g_list_store_remove (store, 2);
  assert_codes (document, ab);
  g_assert_cmpstr (jx_undo_stack_get_undo_label (stack), ==, "Remove Project");
  g_assert_true (jx_undo_stack_undo (stack));
  assert_codes (document, abc);

  /* A splice that removes and adds at once is one step too. */
  {
    g_autoptr(JxProject) x = jx_project_new ("X", "X");
    gpointer items[] = { x };

    g_list_store_splice (store, 0, 3, items, 1);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
    g_assert_true (jx_undo_stack_undo (stack));
    assert_codes (document, abc);
  }

  while (jx_undo_stack_undo (stack))
    ;
  assert_codes (document, none);
  g_assert_cmpint (jx_document_get_total (document), ==, 0);
}

static void
test_nested_project (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxUndoStack) stack = new_stack (document);
  GListStore *projects = G_LIST_STORE (jx_document_get_projects (document));
  g_autofree char *before = snapshot (document);
  g_autofree char *after = NULL;
  g_autoptr(JxProject) project = jx_project_new ("999", "新项目");
  g_autoptr(JxIndicator) indicator = jx_indicator_new ("产出指标", "数量指标", "件数", "", "10件", "");
  GListStore *indicators = G_LIST_STORE (jx_project_get_indicators (project));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (projects));
  JxProject *found = NULL;

  g_list_store_append (projects, project);
  g_list_store_append (indicators, indicator);
  g_assert_cmpstr (jx_undo_stack_get_undo_label (stack), ==, "Add Indicator");
  jx_indicator_set_value (indicator, "12件");
  g_assert_cmpstr (jx_undo_stack_get_undo_label (stack), ==, "Edit Target Value");
  jx_project_set_fiscal (project, 5 * JX_MONEY_SCALE);
  g_assert_cmpint (jx_document_get_total (document), >=, 5 * JX_MONEY_SCALE);
  append_new (jx_project_get_spending_plan (project), jx_checkpoint_new (6, 40));
  append_new (jx_project_get_goals (project), jx_text_item_new ("目标"));
  g_assert_cmpstr (jx_undo_stack_get_undo_label (stack), ==, "Add Project Goal");
  after = snapshot (document);

  found = jx_undo_stack_find_project (stack, indicator);
  g_assert_true (found == project);
  g_assert_true (jx_undo_stack_find_project (stack, indicators) == project);
  g_assert_null (jx_undo_stack_find_project (stack, jx_document_get_department (document)));

  g_assert_cmpuint (count_steps (stack), ==, 6);
  for (guint i = 0; i < 5; i++)
    g_assert_true (jx_undo_stack_undo (stack));
  g_assert_cmpstr (jx_indicator_get_value (indicator), ==, "10件");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (indicators)), ==, 0);
  g_assert_true (jx_undo_stack_undo (stack));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (projects)), ==, n);
  assert_document_is (document, before);
  /* Out of the document, it is not watched: this is not recorded. */
  g_assert_null (jx_undo_stack_find_project (stack, indicator));

  while (jx_undo_stack_redo (stack))
    ;
  assert_document_is (document, after);

  /* The re-added project is watched again. */
  jx_indicator_set_basis (indicator_at (project, 0), "统计");
  g_assert_cmpstr (jx_undo_stack_get_undo_label (stack), ==, "Edit Indicator Basis");
  g_assert_true (jx_undo_stack_undo (stack));
  assert_document_is (document, after);
}

static void
test_derived_not_recorded (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxUndoStack) stack = new_stack (document);
  JxProject *project = project_at (document, 0);
  JxDepartment *department = jx_document_get_department (document);
  JxMoney total = jx_document_get_total (document);

  jx_project_set_other (project, jx_project_get_other (project) + JX_MONEY_SCALE);
  g_assert_cmpint (jx_document_get_total (document), ==, total + JX_MONEY_SCALE);
  advance (2000);
  jx_department_set_compiler (department, "办公室");
  g_assert_cmpuint (count_steps (stack), ==, 2);
  g_assert_cmpstr (jx_undo_stack_get_undo_label (stack), ==, "Edit Compiler");
  g_assert_true (jx_undo_stack_undo (stack));
  g_assert_cmpstr (jx_undo_stack_get_undo_label (stack), ==, "Edit Other Funds");
  g_assert_true (jx_undo_stack_undo (stack));
  g_assert_cmpint (jx_document_get_total (document), ==, total);
  g_assert_false (jx_undo_stack_get_can_undo (stack));
}

static void
count_notify_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_modified (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxUndoStack) stack = new_stack (document);
  guint notified = 0;

  g_signal_connect (stack, "notify::modified", G_CALLBACK (count_notify_cb), &notified);
  g_assert_false (jx_undo_stack_get_modified (stack));
  jx_document_set_title (document, "一");
  g_assert_true (jx_undo_stack_get_modified (stack));
  g_assert_cmpuint (notified, ==, 1);
  jx_document_set_title (document, "一二");   /* merged: no new notify */
  g_assert_cmpuint (notified, ==, 1);

  jx_undo_stack_mark_saved (stack);
  g_assert_false (jx_undo_stack_get_modified (stack));
  g_assert_cmpuint (notified, ==, 2);

  /* Saving seals: typing on does not merge into the saved step. */
  jx_document_set_title (document, "一二三");
  g_assert_true (jx_undo_stack_get_modified (stack));
  g_assert_true (jx_undo_stack_undo (stack));
  g_assert_false (jx_undo_stack_get_modified (stack));
  g_assert_cmpstr (jx_document_get_title (document), ==, "一二");
  g_assert_true (jx_undo_stack_undo (stack));
  g_assert_true (jx_undo_stack_get_modified (stack));
  g_assert_true (jx_undo_stack_redo (stack));
  g_assert_false (jx_undo_stack_get_modified (stack));
  g_assert_true (jx_undo_stack_redo (stack));
  g_assert_true (jx_undo_stack_get_modified (stack));

  /* A restored draft is unsaved however far it is undone. */
  jx_undo_stack_mark_unsaved (stack);
  g_assert_true (jx_undo_stack_get_modified (stack));
  while (jx_undo_stack_undo (stack))
    g_assert_true (jx_undo_stack_get_modified (stack));
  while (jx_undo_stack_redo (stack))
    g_assert_true (jx_undo_stack_get_modified (stack));

  /* Changing back by hand is still a change. */
  jx_undo_stack_mark_saved (stack);
  jx_document_set_draft (document, !jx_document_get_draft (document));
  jx_document_set_draft (document, !jx_document_get_draft (document));
  g_assert_true (jx_undo_stack_get_modified (stack));
}

static void
test_redo_branch_discarded (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxUndoStack) stack = new_stack (document);
  JxDepartment *department = jx_document_get_department (document);

  jx_department_set_name (department, "A");
  jx_department_set_reviewer (department, "B");
  jx_undo_stack_mark_saved (stack);
  g_assert_true (jx_undo_stack_undo (stack));
  g_assert_true (jx_undo_stack_get_can_redo (stack));
  g_assert_true (jx_undo_stack_get_modified (stack));

  jx_department_set_unit_code (department, "C");
  g_assert_false (jx_undo_stack_get_can_redo (stack));
  g_assert_true (jx_undo_stack_get_modified (stack));
  g_assert_cmpuint (count_steps (stack), ==, 2);
  g_assert_true (jx_undo_stack_undo (stack));
  /* The saved state (with reviewer B) can no longer be reached. */
  g_assert_true (jx_undo_stack_get_modified (stack));
  g_assert_true (jx_undo_stack_undo (stack));
  g_assert_true (jx_undo_stack_get_modified (stack));
  g_assert_cmpstr (jx_department_get_reviewer (department), !=, "B");
  jx_undo_stack_mark_saved (stack);
  g_assert_false (jx_undo_stack_get_modified (stack));
}

static void
test_undo_not_recorded (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxUndoStack) stack = new_stack (document);
  guint can_redo_notified = 0;

  g_signal_connect (stack, "notify::can-redo", G_CALLBACK (count_notify_cb), &can_redo_notified);
  jx_document_set_year (document, 2030);
  advance (5000);
  jx_document_set_year (document, 2031);
  g_assert_true (jx_undo_stack_undo (stack));
  g_assert_true (jx_undo_stack_undo (stack));
  g_assert_false (jx_undo_stack_get_can_undo (stack));
  g_assert_cmpuint (can_redo_notified, ==, 1);
  g_assert_true (jx_undo_stack_redo (stack));
  g_assert_true (jx_undo_stack_redo (stack));
  g_assert_false (jx_undo_stack_redo (stack));
  g_assert_cmpuint (jx_document_get_year (document), ==, 2031);
  g_assert_cmpuint (count_steps (stack), ==, 2);
}

static void
test_clear_and_limit (void)
{
  g_autoptr(JxDocument) document = jx_document_new ();
  g_autoptr(JxUndoStack) stack = new_stack (document);

  jx_document_set_summary (document, "x");
  jx_undo_stack_clear (stack);
  g_assert_false (jx_undo_stack_get_can_undo (stack));
  g_assert_true (jx_undo_stack_get_modified (stack));
  jx_undo_stack_mark_saved (stack);

  jx_undo_stack_set_limit (stack, 3);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *text = g_strdup_printf ("第%u条", i);
      g_autoptr(JxTextItem) item = jx_text_item_new (text);
      g_list_store_append (G_LIST_STORE (jx_document_get_points (document)), item);
    }
  g_assert_cmpuint (count_steps (stack), ==, 3);
  while (jx_undo_stack_undo (stack))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (jx_document_get_points (document)), ==, 2);
  /* The saved state was forgotten with the oldest steps. */
  g_assert_true (jx_undo_stack_get_modified (stack));
}

static void
step_applied_cb (JxUndoStack *stack, GObject *object, gboolean undo, GObject **out)
{
  g_set_object (out, object);
}

static void
test_step_applied (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxUndoStack) stack = new_stack (document);
  g_autoptr(GObject) subject = NULL;
  JxProject *project = project_at (document, 1);
  JxIndicator *indicator = indicator_at (project, 0);

  g_signal_connect (stack, "step-applied", G_CALLBACK (step_applied_cb), &subject);
  jx_indicator_set_name (indicator, "新名称");
  g_list_store_remove (G_LIST_STORE (jx_project_get_indicators (project)), 0);
  g_assert_true (jx_undo_stack_undo (stack));
  g_assert_true (subject == G_OBJECT (project));
  g_assert_true (jx_undo_stack_undo (stack));
  g_assert_true (subject == G_OBJECT (indicator));
  g_assert_true (jx_undo_stack_find_project (stack, subject) == project);

  /* An indicator pasted into another project before it is cut from the
   * first belongs to the second. */
  {
    JxProject *other = project_at (document, 2);

    jx_undo_stack_begin_group (stack, "Move Indicator");
    g_list_store_append (G_LIST_STORE (jx_project_get_indicators (other)), indicator);
    g_list_store_remove (G_LIST_STORE (jx_project_get_indicators (project)), 0);
    jx_undo_stack_end_group (stack);
    g_assert_true (jx_undo_stack_find_project (stack, indicator) == other);
    g_assert_true (jx_undo_stack_undo (stack));
    g_assert_true (jx_undo_stack_find_project (stack, indicator) == project);
    g_assert_true (indicator_at (project, 0) == indicator);
  }
}

/* Random edits */

static void
collect_objects (GObject *object, GPtrArray *objects, GPtrArray *lists)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  g_ptr_array_add (objects, object);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) child = NULL;

      if (!g_type_is_a (pspecs[i]->value_type, G_TYPE_OBJECT)
          && !g_type_is_a (pspecs[i]->value_type, G_TYPE_LIST_MODEL))
        continue;
      g_object_get (object, pspecs[i]->name, &child, NULL);
      if (G_IS_LIST_STORE (child))
        {
          g_ptr_array_add (lists, child);
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (child)); j++)
            {
              g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (child), j);
              collect_objects (item, objects, lists);
            }
        }
      else
        collect_objects (child, objects, lists);
    }
}

static void
random_value (GParamSpec *pspec, GValue *value, GRand *rand)
{
  if (G_IS_PARAM_SPEC_STRING (pspec))
    {
      static const char *const words[] = { "甲", "乙", "丙", "abc", "", "\n", "\"" };
      g_autofree char *text = g_strdup_printf ("%s%u", words[g_rand_int_range (rand, 0, 7)],
                                               g_rand_int_range (rand, 0, 100));
      g_value_set_string (value, text);
    }
  else if (G_IS_PARAM_SPEC_UINT (pspec))
    {
      GParamSpecUInt *u = G_PARAM_SPEC_UINT (pspec);
      g_value_set_uint (value, u->minimum + g_rand_int_range (rand, 0, MIN (u->maximum - u->minimum, 200) + 1));
    }
  else if (G_IS_PARAM_SPEC_INT64 (pspec))
    g_value_set_int64 (value, (gint64) g_rand_int_range (rand, 0, 1000000) * 1000);
  else if (G_IS_PARAM_SPEC_DOUBLE (pspec))
    {
      GParamSpecDouble *d = G_PARAM_SPEC_DOUBLE (pspec);
      double x = g_rand_int_range (rand, 0, 1001) / 10.0;

      g_value_set_double (value, CLAMP (x, d->minimum, d->maximum));
    }
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    g_value_set_boolean (value, g_rand_boolean (rand));
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      g_value_set_enum (value, klass->values[g_rand_int_range (rand, 0, klass->n_values)].value);
    }
  else if (G_IS_PARAM_SPEC_FLAGS (pspec))
    g_value_set_flags (value, g_rand_int_range (rand, 0, G_PARAM_SPEC_FLAGS (pspec)->flags_class->mask + 1)
                              & G_PARAM_SPEC_FLAGS (pspec)->flags_class->mask);
  else
    g_assert_not_reached ();
}

static void
random_property_edit (GPtrArray *objects, GRand *rand)
{
  GObject *object = g_ptr_array_index (objects, g_rand_int_range (rand, 0, objects->len));
  g_autofree GParamSpec **pspecs = NULL;
  g_autoptr(GPtrArray) writable = g_ptr_array_new ();
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec;
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
  for (guint i = 0; i < n; i++)
    if (pspecs[i]->flags & G_PARAM_WRITABLE)
      g_ptr_array_add (writable, pspecs[i]);
  if (writable->len == 0)
    return;
  pspec = g_ptr_array_index (writable, g_rand_int_range (rand, 0, writable->len));
  g_value_init (&value, pspec->value_type);
  random_value (pspec, &value, rand);
  g_object_set_property (object, pspec->name, &value);
}

static void
random_list_edit (JxUndoStack *stack, GPtrArray *lists, GRand *rand)
{
  GListStore *store = g_ptr_array_index (lists, g_rand_int_range (rand, 0, lists->len));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  GType type = g_list_model_get_item_type (G_LIST_MODEL (store));

  switch (n == 0 ? 0 : g_rand_int_range (rand, 0, 3))
    {
    case 0:
      {
        g_autoptr(GObject) item = g_object_new (type, NULL);
        g_list_store_insert (store, g_rand_int_range (rand, 0, n + 1), item);
        break;
      }
    case 1:
      g_list_store_remove (store, g_rand_int_range (rand, 0, n));
      break;
    default:
      {
        guint from = g_rand_int_range (rand, 0, n);
        g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), from);

        jx_undo_stack_begin_group (stack, "Move");
        g_list_store_remove (store, from);
        g_list_store_insert (store, g_rand_int_range (rand, 0, n), item);
        jx_undo_stack_end_group (stack);
      }
    }
}

static void
random_edit (JxDocument *document, JxUndoStack *stack, GRand *rand)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new ();
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  collect_objects (G_OBJECT (document), objects, lists);
  if (g_rand_int_range (rand, 0, 4) == 0)
    random_list_edit (stack, lists, rand);
  else
    random_property_edit (objects, rand);
  advance (g_rand_int_range (rand, 0, 3000));
}

static void
random_round_trip (guint32 seed)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxUndoStack) stack = new_stack (document);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *saved = snapshot (document);
  g_autofree char *final = NULL;
  g_autofree char *middle = NULL;
  guint steps;

  for (guint i = 0; i < 400; i++)
    {
      if (g_rand_int_range (rand, 0, 20) == 0)
        {
          jx_undo_stack_begin_group (stack, "Paste");
          for (guint j = 0; j < 5; j++)
            random_edit (document, stack, rand);
          jx_undo_stack_end_group (stack);
        }
      else
        random_edit (document, stack, rand);
      if (i == 200)
        {
          /* Some undo and a new branch on the way. */
          for (guint j = 0; j < 10; j++)
            jx_undo_stack_undo (stack);
        }
    }
  final = snapshot (document);
  g_assert_cmpstr (final, !=, saved);
  g_assert_true (jx_undo_stack_get_modified (stack));

  steps = 0;
  while (jx_undo_stack_undo (stack))
    {
      if (++steps == 50)
        middle = snapshot (document);
    }
  g_assert_cmpuint (steps, >, 100);
  assert_document_is (document, saved);
  g_assert_false (jx_undo_stack_get_modified (stack));

  for (guint i = 0; i < steps - 50; i++)
    g_assert_true (jx_undo_stack_redo (stack));
  assert_document_is (document, middle);
  while (jx_undo_stack_redo (stack))
    ;
  assert_document_is (document, final);
}

static void
test_random_round_trip (void)
{
  static const guint32 seeds[] = { 20240101, 7, 4242, 31337 };

  for (gsize i = 0; i < G_N_ELEMENTS (seeds); i++)
    random_round_trip (seeds[i]);
}

/* A stack let go lets go of the document: no handler stays on its objects
 * (a change after it runs none), every reference it took is returned, and
 * what it kept for undo (a removed project) goes with it. */
static void
test_dispose_stops_watching (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  JxProject *project = project_at (document, 0);
  JxProject *removed = project_at (document, 1);
  guint document_refs = G_OBJECT (document)->ref_count;
  guint project_refs = G_OBJECT (project)->ref_count;
  guint notify = g_signal_lookup ("notify", G_TYPE_OBJECT);
  JxUndoStack *stack = new_stack (document);

  g_assert_cmpuint (G_OBJECT (project)->ref_count, >, project_refs);
  g_assert_true (g_signal_has_handler_pending (project, notify, 0, TRUE));
  g_object_add_weak_pointer (G_OBJECT (stack), (gpointer *) &stack);
  g_object_add_weak_pointer (G_OBJECT (removed), (gpointer *) &removed);
  jx_project_set_name (project, "x");
  g_list_store_remove (G_LIST_STORE (jx_document_get_projects (document)), 1);
  g_assert_nonnull (removed);
  g_assert_true (jx_undo_stack_get_can_undo (stack));

  g_object_unref (stack);
  g_assert_null (stack);
  g_assert_null (removed);
  g_assert_cmpuint (G_OBJECT (document)->ref_count, ==, document_refs);
  g_assert_cmpuint (G_OBJECT (project)->ref_count, ==, project_refs);
  g_assert_false (g_signal_has_handler_pending (project, notify, 0, TRUE));
  /* Would crash or warn if a handler were left behind. */
  jx_project_set_name (project, "y");
  g_list_store_remove (G_LIST_STORE (jx_document_get_projects (document)), 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/undo/typing-merges", test_typing_merges);
  g_test_add_func ("/undo/group", test_group);
  g_test_add_func ("/undo/lists", test_lists);
  g_test_add_func ("/undo/nested-project", test_nested_project);
  g_test_add_func ("/undo/derived-not-recorded", test_derived_not_recorded);
  g_test_add_func ("/undo/modified", test_modified);
  g_test_add_func ("/undo/redo-branch-discarded", test_redo_branch_discarded);
  g_test_add_func ("/undo/undo-not-recorded", test_undo_not_recorded);
  g_test_add_func ("/undo/clear-and-limit", test_clear_and_limit);
  g_test_add_func ("/undo/step-applied", test_step_applied);
  g_test_add_func ("/undo/random-round-trip", test_random_round_trip);
  g_test_add_func ("/undo/dispose", test_dispose_stops_watching);
  return g_test_run ();
}
