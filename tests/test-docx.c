/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Word files: what is exported comes back field by field when imported,
 * and files that cannot be documents are refused with a reason. */
#include "config.h"

#include <string.h>

#include "jx-checkpoint.h"
#include "jx-document-io.h"
#include "jx-docx.h"
#include "jx-import-private.h"
#include "jx-indicator.h"
#include "jx-measure.h"
#include "jx-test-utils.h"
#include "jx-text-item.h"

/* Exports with made-up 目录 page numbers: the model does not paginate. */
static GBytes *
export (JxDocument *document)
{
  guint n = jx_docx_toc_length (document);
  g_autofree guint *pages = g_new (guint, n);
  JxDocxOptions options = { pages, n, FALSE };
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  for (guint i = 0; i < n; i++)
    pages[i] = i + 1;
  bytes = jx_docx_write_bytes (document, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

/* The first line where two documents differ as files: every member of
 * every project, indicator and text is in that text. */
static void
assert_same_document (JxDocument *expected, JxDocument *actual)
{
  g_autofree char *a = jx_document_to_data (expected, NULL);
  g_autofree char *b = jx_document_to_data (actual, NULL);
  g_auto(GStrv) lines_a = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lines_b = g_strsplit (b, "\n", -1);

  for (guint i = 0; lines_a[i] != NULL || lines_b[i] != NULL; i++)
    if (lines_a[i] == NULL || lines_b[i] == NULL || strcmp (lines_a[i], lines_b[i]) != 0)
      g_error ("line %u differs:\n  expected %s\n  imported %s", i + 1,
               lines_a[i] != NULL ? lines_a[i] : "(end)", lines_b[i] != NULL ? lines_b[i] : "(end)");
}

static JxDocument *
round_trip (JxDocument *document, JxImportReport *report)
{
  g_autoptr(GBytes) bytes = export (document);
  g_autoptr(GError) error = NULL;
  JxDocument *back = jx_import_bytes (bytes, report, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (back);
  return back;
}

static void
test_round_trip_example (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxImportReport) report = jx_import_report_new ();
  g_autoptr(JxDocument) back = round_trip (document, report);
  g_autofree char *notes = jx_import_report_to_text (report);

  assert_same_document (document, back);
  g_assert_cmpstr (notes, ==, "");
}

static void
add_indicator (JxProject *project, const char *level1, const char *level2, const char *name,
               const char *value)
{
  g_autoptr(JxIndicator) indicator =
    jx_indicator_new (level1, level2, name, "描述第一行\n描述第二行", value, "依据 <文件> & “通知”");

  g_list_store_append (G_LIST_STORE (jx_project_get_indicators (project)), indicator);
}

static void
add_text (GListModel *list, const char *text)
{
  g_autoptr(JxTextItem) item = jx_text_item_new (text);

  g_list_store_append (G_LIST_STORE (list), item);
}

/* What a document being drafted looks like: empty codes and names, a
 * project without plan, goals or indicators, twelve checkpoints with a
 * fraction, funds from other sources, texts over several lines, XML's
 * special characters, a measure without a heading. */
static JxDocument *
make_hard_document (void)
{
  JxDocument *document = jx_document_new ();
  JxDepartment *department = jx_document_get_department (document);
  GListStore *projects = G_LIST_STORE (jx_document_get_projects (document));
  g_autoptr(JxProject) full = jx_project_new ("13028124P0001", "信息化<建设> & 运维");
  g_autoptr(JxProject) bare = jx_project_new ("", "");
  g_autoptr(JxMeasure) plain = jx_measure_new ("", "没有标题的措施，正文直接开始。第二句。");
  g_autoptr(JxMeasure) titled = jx_measure_new ("加强领导。", "成立领导小组。");
  JxMoney fiscal, other;

  jx_document_set_year (document, 2026);
  jx_document_set_draft (document, FALSE);
  jx_department_set_name (department, "某某县教育局");
  jx_department_set_unit_code (department, "205001");
  jx_department_set_unit_name (department, "某某县教育局本级");
  jx_department_set_compiler (department, "某某县教育局");
  jx_document_set_summary (document, "第一段总体目标。\n第二段总体目标。");
  add_text (jx_document_get_points (document), "第一点，只有一行。");
  add_text (jx_document_get_points (document), "第二点第一行。\n第二点第二行。");
  g_list_store_append (G_LIST_STORE (jx_document_get_measures (document)), titled);
  g_list_store_append (G_LIST_STORE (jx_document_get_measures (document)), plain);

  g_assert_true (jx_money_parse ("1234567.89", &fiscal, NULL));
  g_assert_true (jx_money_parse ("0.05", &other, NULL));
  jx_project_set_fiscal (full, fiscal);
  jx_project_set_other (full, other);
  jx_project_set_usage (full, "用于信息化建设。\n用于系统运维。");
  for (guint month = 1; month <= 12; month++)
    {
      g_autoptr(JxCheckpoint) point = jx_checkpoint_new (month, month == 6 ? 33.5 : month * 8);

      g_list_store_append (G_LIST_STORE (jx_project_get_spending_plan (full)), point);
    }
  add_text (jx_project_get_goals (full), "完成系统建设。");
  add_text (jx_project_get_goals (full), "完成运维，\n保障运行。");
  add_indicator (full, "产出指标", "数量指标", "设备数量", "≥10台");
  add_indicator (full, "产出指标", "数量指标", "系统数量", "1套");
  add_indicator (full, "产出指标", "质量指标", "验收合格率", "100%");
  add_indicator (full, "效益指标", "社会效益指标", "服务人数", "≥5000人");
  add_indicator (full, "满意度指标", "服务对象满意度指标", "满意度", "≥90%");
  jx_project_set_overview_description (full, "项目概述。");
  jx_project_set_overview_goal (full, "项目目标。");
  g_list_store_append (projects, full);
  g_list_store_append (projects, bare);
  return document;
}

static void
test_round_trip_hard (void)
{
  g_autoptr(JxDocument) document = make_hard_document ();
  g_autoptr(JxImportReport) report = jx_import_report_new ();
  g_autoptr(JxDocument) back = round_trip (document, report);

  assert_same_document (document, back);
}

static void
test_export_replaces_only_when_complete (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "out.docx", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.docx", NULL);
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_false (jx_docx_write_file (document, NULL, missing, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (jx_docx_write_file (document, NULL, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (data, "PK\003\004", 4) == 0);
  jx_test_remove_tree (dir);
}

/* Without page numbers the 目录 is filled in by Word when it opens the file. */
static void
test_export_without_page_numbers (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = jx_docx_write_bytes (document, NULL, &error);
  g_autoptr(JxDocument) back = NULL;

  g_assert_no_error (error);
  back = jx_import_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_same_document (document, back);
}

typedef struct
{
  const char *file;
  JxImportError code;
  const char *words;
} Refused;

static void
test_refused (gconstpointer data)
{
  const Refused *refused = data;
  g_autofree char *relative = g_build_filename ("tests/fixtures/docx/bad", refused->file, NULL);
  g_autofree char *path = jx_test_source_path (relative);
  g_autoptr(JxImportReport) report = jx_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = jx_import_file (path, report, NULL, &error);

  g_assert_null (document);
  g_assert_error (error, JX_IMPORT_ERROR, (gint) refused->code);
  if (strstr (error->message, refused->words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, refused->words);
}

static const Refused refused_files[] = {
  { "billion-laughs.docx", JX_IMPORT_ERROR_DAMAGED, "document type declaration" },
  { "external-entity.docx", JX_IMPORT_ERROR_DAMAGED, "document type declaration" },
  { "missing-part.docx", JX_IMPORT_ERROR_DAMAGED, "missing (word/document.xml)" },
  { "truncated-xml.docx", JX_IMPORT_ERROR_DAMAGED, "word/document.xml, line 1" },
  { "empty.docx", JX_IMPORT_ERROR_EMPTY, "nothing shaped like" },
  { "zip-bomb.docx", JX_IMPORT_ERROR_TOO_LARGE, "unpacks to more than 16 MB" },
  { "deep.docx", JX_IMPORT_ERROR_DAMAGED, "XML is damaged" },
  { "cut-off.docx", JX_IMPORT_ERROR_DAMAGED, "zip container is damaged" },
};

static void
test_budget (void)
{
  JxImportBudget budget;
  g_autoptr(GError) error = NULL;

  /* Small files may inflate to 16 MB, larger ones 100 times their size,
   * none past 512 MB. */
  jx_import_budget_init (&budget, 1000, NULL);
  g_assert_cmpuint (budget.limit, ==, 16 * 1024 * 1024);
  g_assert_true (jx_import_budget_spend (&budget, 16 * 1024 * 1024, &error));
  g_assert_false (jx_import_budget_spend (&budget, 1, &error));
  g_assert_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_TOO_LARGE);
  jx_import_budget_init (&budget, 1024 * 1024, NULL);
  g_assert_cmpuint (budget.limit, ==, 100 * 1024 * 1024);
  jx_import_budget_init (&budget, 100 * 1024 * 1024, NULL);
  g_assert_cmpuint (budget.limit, ==, 512 * 1024 * 1024);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/docx/round-trip/example", test_round_trip_example);
  g_test_add_func ("/docx/round-trip/hard-document", test_round_trip_hard);
  g_test_add_func ("/docx/export/replaces-only-when-complete", test_export_replaces_only_when_complete);
  g_test_add_func ("/docx/export/without-page-numbers", test_export_without_page_numbers);
  g_test_add_func ("/docx/import/budget", test_budget);
  for (guint i = 0; i < G_N_ELEMENTS (refused_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/docx/import/refused/%s", refused_files[i].file);

      g_test_add_data_func (name, &refused_files[i], test_refused);
    }
  return g_test_run ();
}
