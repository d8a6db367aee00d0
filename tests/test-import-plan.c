/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-document-io.h"
#include "jx-docx.h"
#include "jx-import-plan.h"
#include "jx-indicator.h"
#include "jx-test-utils.h"
#include "jx-undo.h"

/* Importing a sheet into an open document as the application does: the
 * plan tells what will change and changes nothing; applying it inside an
 * undo group is one step that undo takes back whole. */

#define CODE  "13028124P000939100016"   /* 人大代表活动经费 */
#define OTHER "13028124P000930100013"   /* 人大八届四次会议费 */

typedef struct
{
  char       *dir;
  char       *csv;
  JxDocument *document;
} Fixture;

static const char rows[] =
  "项目编码,项目名称,一级指标,二级指标,三级指标,计算符号,指标值,计量单位\n"
  CODE ",人大代表活动经费,产出指标,数量指标,开展代表活动次数,≥,12,次\n"
  ",,产出指标,数量指标,新增活动,≤,3,场\n"
  ",,满意度指标,服务对象满意度指标,群众满意度,≥,95,%\n"
  OTHER ",,效益指标,社会效益指标,会后宣传,定性,明显提升,\n"
  "NEW1,新的项目,产出指标,数量指标,培训人次,≥,300,人次\n";

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = jx_test_make_tmpdir ();
  f->csv = g_build_filename (f->dir, "指标.csv", NULL);
  g_assert_true (g_file_set_contents (f->csv, data != NULL ? data : rows, -1, NULL));
  f->document = jx_test_load_example ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_object_unref (f->document);
  jx_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->csv);
}

static char *
bytes_of (JxDocument *document)
{
  return jx_document_to_data (document, NULL);
}

static JxIndicator *
find_indicator (JxDocument *document, const char *code, const char *name)
{
  JxProject *project = jx_document_find_project (document, code, NULL);
  GListModel *indicators;

  g_assert_nonnull (project);
  indicators = jx_project_get_indicators (project);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      JxIndicator *indicator = jx_test_indicator_at (project, i);

      if (g_str_equal (jx_indicator_get_name (indicator), name))
        return indicator;
    }
  return NULL;
}

static void
test_plan (Fixture *f, gconstpointer data)
{
  g_autofree char *before = bytes_of (f->document);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JxImportPlan) plan = jx_import_plan_new (f->csv, f->document, &error);
  guint added, replaced, same;

  g_assert_no_error (error);
  g_assert_true (jx_import_plan_get_document (plan) == f->document);
  g_assert_cmpuint (jx_import_plan_get_n_projects (plan), ==, 3);
  g_assert_cmpstr (jx_import_plan_get_project_code (plan, 0), ==, CODE);
  g_assert_cmpint (jx_import_plan_get_project_match (plan, 0), ==, JX_IMPORT_MATCH_CODE);
  g_assert_cmpuint (jx_import_plan_get_n_rows (plan, 0), ==, 3);
  g_assert_cmpint (jx_import_plan_get_row_action (plan, 0, 0), ==, JX_IMPORT_ROW_REPLACE);
  g_assert_cmpint (jx_import_plan_get_row_action (plan, 0, 1), ==, JX_IMPORT_ROW_ADD);
  g_assert_cmpint (jx_import_plan_get_row_action (plan, 0, 2), ==, JX_IMPORT_ROW_SAME);
  g_assert_cmpstr (jx_import_plan_get_row_name (plan, 0, 1), ==, "新增活动");
  g_assert_cmpstr (jx_import_plan_get_row_place (plan, 0, 1), ==, "sheet “指标”, row 3");
  g_assert_cmpstr (jx_import_plan_get_project_name (plan, 1), ==, "人大八届四次会议费");
  g_assert_cmpstr (jx_import_plan_get_project_code (plan, 2), ==, "NEW1");
  g_assert_cmpint (jx_import_plan_get_project_match (plan, 2), ==, JX_IMPORT_MATCH_NEW);
  jx_import_plan_count (plan, &added, &replaced, &same);
  g_assert_cmpuint (added, ==, 3);
  g_assert_cmpuint (replaced, ==, 1);
  g_assert_cmpuint (same, ==, 1);
  /* What each row changes, as the preview lists it. */
  {
    g_autofree char *replace = jx_import_plan_describe_row (plan, 0, 0);
    g_autofree char *add = jx_import_plan_describe_row (plan, 0, 1);
    g_autofree char *kept = jx_import_plan_describe_row (plan, 0, 2);

    g_assert_cmpstr (replace, ==, "指标值: ≥10次 → ≥12次");
    g_assert_cmpstr (add, ==, "指标值: ≤3场");
    g_assert_cmpstr (kept, ==, "");
  }
  /* Planning changed nothing. */
  after = bytes_of (f->document);
  g_assert_cmpstr (after, ==, before);
}

/* The whole import is one undo step, and undo brings back the very bytes. */
static void
test_one_undo_step (Fixture *f, gconstpointer data)
{
  g_autofree char *before = bytes_of (f->document);
  g_autofree char *applied = NULL, *undone = NULL, *redone = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JxImportPlan) plan = jx_import_plan_new (f->csv, f->document, &error);
  g_autoptr(JxUndoStack) stack = jx_undo_stack_new (f->document);
  GListModel *projects = jx_document_get_projects (f->document);
  guint n = g_list_model_get_n_items (projects);
  JxIndicator *replaced;

  g_assert_no_error (error);
  /* The plan makes its own action: no group needed around it. */
  g_assert_true (jx_import_plan_apply (plan, &error));
  g_assert_no_error (error);
  applied = bytes_of (f->document);
  g_assert_cmpstr (applied, !=, before);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, n + 1);
  replaced = find_indicator (f->document, CODE, "开展代表活动次数");
  g_assert_cmpstr (jx_indicator_get_value (replaced), ==, "≥12次");
  g_assert_nonnull (find_indicator (f->document, CODE, "新增活动"));
  g_assert_nonnull (find_indicator (f->document, "NEW1", "培训人次"));
  g_assert_cmpstr (jx_undo_stack_get_undo_label (stack), ==, "Import Indicators");

  g_assert_true (jx_undo_stack_undo (stack));
  g_assert_false (jx_undo_stack_get_can_undo (stack));
  undone = bytes_of (f->document);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (jx_undo_stack_redo (stack));
  redone = bytes_of (f->document);
  g_assert_cmpstr (redone, ==, applied);

  g_assert_false (jx_import_plan_apply (plan, &error));
  g_assert_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_EMPTY);
}

/* A plan whose indicator was deleted meanwhile refuses, changing nothing. */
static void
test_document_changed (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxImportPlan) plan = jx_import_plan_new (f->csv, f->document, &error);
  JxProject *project = jx_document_find_project (f->document, CODE, NULL);
  g_autofree char *before = NULL, *after = NULL;

  g_assert_no_error (error);
  g_list_store_remove (G_LIST_STORE (jx_project_get_indicators (project)), 0);
  before = bytes_of (f->document);
  g_assert_false (jx_import_plan_apply (plan, &error));
  g_assert_nonnull (strstr (error->message, "changed"));
  after = bytes_of (f->document);
  g_assert_cmpstr (after, ==, before);
}

static const char unplaced[] =
  "一级指标,二级指标,三级指标,指标值\n"
  "产出指标,数量指标,次数,3次\n";

/* Rows that name no project, into a document of several, are left out and
 * said so; into a document of one, they are that project's. */
static void
test_unplaced (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxImportPlan) plan = jx_import_plan_new (f->csv, f->document, &error);
  g_autoptr(JxDocument) single = jx_test_load ("tests/fixtures/checks/clean.json");
  g_autoptr(JxImportPlan) only = NULL;
  JxImportReport *skipped;

  g_assert_no_error (error);
  g_assert_cmpuint (jx_import_plan_get_n_projects (plan), ==, 0);
  skipped = jx_import_plan_get_skipped (plan);
  g_assert_cmpuint (jx_import_report_get_n_notes (skipped), ==, 1);
  g_assert_cmpstr (jx_import_report_get_place (skipped, 0), ==, "sheet “指标”, row 2");
  g_assert_nonnull (strstr (jx_import_report_get_text (skipped, 0), "names no project"));

  while (g_list_model_get_n_items (jx_document_get_projects (single)) > 1)
    g_list_store_remove (G_LIST_STORE (jx_document_get_projects (single)), 1);
  only = jx_import_plan_new (f->csv, single, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jx_import_plan_get_n_projects (only), ==, 1);
  g_assert_cmpint (jx_import_plan_get_project_match (only, 0), ==, JX_IMPORT_MATCH_ONLY);
}

static void
test_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = bytes_of (f->document);
  g_autofree char *after = NULL;
  g_autoptr(JxImportPlan) plan = jx_import_plan_new (f->csv, f->document, &error);

  g_assert_null (plan);
  g_assert_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_CONTENT);
  g_assert_cmpstr (error->message, ==,
                   "Sheet “指标”, row 3, column “指标值” (D3): the 计算符号 is “≥”, so the 指标值 "
                   "must be a number, not “好”");
  after = bytes_of (f->document);
  g_assert_cmpstr (after, ==, before);
}

static const char refused[] =
  "一级指标,二级指标,三级指标,指标值,计算符号\n"
  "产出指标,数量指标,次数,3,=\n"
  "产出指标,质量指标,质量,好,≥\n";

static gpointer
read_rows_thread (gpointer path)
{
  return jx_import_rows_read (path, NULL, NULL);
}

/* Reading in a worker thread and planning in the document's thread plan
 * what the one call plans. */
static void
test_two_steps (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxImportPlan) one = jx_import_plan_new (f->csv, f->document, &error);
  GThread *thread = g_thread_new ("read", read_rows_thread, f->csv);
  JxImportRows *rows = g_thread_join (thread);
  g_autoptr(JxImportPlan) two = NULL;
  g_autofree char *one_text = NULL, *two_text = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  two = jx_import_plan_new_for_rows (rows, f->document, &error);
  g_assert_no_error (error);
  one_text = jx_import_plan_to_text (one);
  two_text = jx_import_plan_to_text (two);
  g_assert_cmpstr (two_text, ==, one_text);
  g_assert_cmpuint (jx_import_plan_get_n_projects (two), ==, 3);
}

/* A Word file's rows cannot go into a document: it is refused as a kind of
 * file the rows reader does not take, so that the application imports it
 * as a new document instead. */
static void
test_word_file_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *docx = g_build_filename (f->dir, "文本.docx", NULL);
  g_autoptr(GBytes) bytes = jx_docx_write_bytes (f->document, NULL, &error);
  JxImportRows *rows;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (docx, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      NULL));
  rows = jx_import_rows_read (docx, NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_UNSUPPORTED);
}

/* New rows stand with their category, in the order of the sheet: after the
 * last row of the same 一级 and 二级指标, else of the same 一级指标, else at
 * the end — also after earlier rows of the sheet moved the places. */
static const char categories[] =
  "项目编码,一级指标,二级指标,三级指标,指标值\n"
  CODE ",产出指标,数量指标,A1,1次\n"
  CODE ",效益指标,经济效益指标,B1,1万元\n"
  CODE ",产出指标,数量指标,A2,2次\n"
  CODE ",新的指标,新的二级,C1,1个\n"
  CODE ",满意度指标,服务对象满意度指标,D1,≥90%\n"
  CODE ",效益指标,经济效益指标,B2,2万元\n";

static void
test_rows_with_their_category (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxImportPlan) plan = jx_import_plan_new (f->csv, f->document, &error);
  JxProject *project = jx_document_find_project (f->document, CODE, NULL);
  const char *expected[] = { "开展代表活动次数", "A1", "A2", "调研报告完成数", "完成时间", "预算控制数",
                             "调研报告、社情民意信息获得社会", "B1", "B2", "群众满意度", "D1", "C1" };
  GListModel *indicators = jx_project_get_indicators (project);

  g_assert_no_error (error);
  g_assert_true (jx_import_plan_apply (plan, &error));
  g_assert_cmpuint (g_list_model_get_n_items (indicators), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (jx_indicator_get_name (jx_test_indicator_at (project, i)), ==, expected[i]);
}

/* A project cannot get more indicators than a document file holds: the
 * plan says so before anything changes, rather than an import that could
 * not be saved. */
static void
test_too_many_rows (Fixture *f, gconstpointer data)
{
  g_autoptr(GString) csv = g_string_new ("项目编码,一级指标,二级指标,三级指标,指标值\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(JxImportPlan) plan = NULL;
  g_autofree char *before = bytes_of (f->document);
  g_autofree char *after = NULL;

  for (guint i = 0; i < 9995; i++)
    g_string_append_printf (csv, CODE ",产出指标,数量指标,第%u项,%u次\n", i, i);
  g_assert_true (g_file_set_contents (f->csv, csv->str, -1, NULL));
  plan = jx_import_plan_new (f->csv, f->document, &error);
  g_assert_null (plan);
  g_assert_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“人大代表活动经费” would have 10001 indicators"));
  after = bytes_of (f->document);
  g_assert_cmpstr (after, ==, before);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/import-plan/plan", Fixture, NULL, fixture_set_up, test_plan, fixture_tear_down);
  g_test_add ("/import-plan/one-undo-step", Fixture, NULL, fixture_set_up, test_one_undo_step,
              fixture_tear_down);
  g_test_add ("/import-plan/document-changed", Fixture, NULL, fixture_set_up,
              test_document_changed, fixture_tear_down);
  g_test_add ("/import-plan/unplaced", Fixture, unplaced, fixture_set_up, test_unplaced,
              fixture_tear_down);
  g_test_add ("/import-plan/refused", Fixture, refused, fixture_set_up, test_refused,
              fixture_tear_down);
  g_test_add ("/import-plan/two-steps", Fixture, NULL, fixture_set_up, test_two_steps,
              fixture_tear_down);
  g_test_add ("/import-plan/word-file-refused", Fixture, NULL, fixture_set_up,
              test_word_file_refused, fixture_tear_down);
  g_test_add ("/import-plan/rows-with-their-category", Fixture, categories, fixture_set_up,
              test_rows_with_their_category, fixture_tear_down);
  g_test_add ("/import-plan/too-many-rows", Fixture, NULL, fixture_set_up, test_too_many_rows,
              fixture_tear_down);
  return g_test_run ();
}
