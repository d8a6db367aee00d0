/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-document-io.h"
#include "jx-error.h"
#include "jx-indicator.h"
#include "jx-measure.h"
#include "jx-test-utils.h"
#include "jx-text-item.h"

#define M(x) ((JxMoney) ((x) * 1000000))

static JxDocument *
load_source_file (const char *relative)
{
  return jx_test_load (relative);
}

static JxDocument *
load_example (void)
{
  return load_source_file ("data/examples/zunhua-renda-2024.json");
}

static JxProject *
project_at (JxDocument *document, guint i)
{
  return jx_test_project_at (document, i);
}

static void
test_example_counts (void)
{
  g_autoptr(JxDocument) doc = load_example ();
  GListModel *projects = jx_document_get_projects (doc);
  JxDepartment *department = jx_document_get_department (doc);
  g_autofree char *total = jx_money_format (jx_document_get_total (doc));

  g_assert_cmpuint (jx_document_get_year (doc), ==, 2024);
  g_assert_true (jx_document_get_draft (doc));
  g_assert_cmpstr (jx_document_get_title (doc), ==, "部门预算绩效文本");
  g_assert_cmpstr (jx_department_get_name (department), ==, "遵化市人民代表大会常务委员会");
  g_assert_cmpstr (jx_department_get_unit_code (department), ==, "101001");
  g_assert_cmpstr (jx_department_get_reviewer (department), ==, "遵化市财政局");
  g_assert_cmpuint (g_list_model_get_n_items (jx_document_get_points (doc)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (jx_document_get_measures (doc)), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 7);
  g_assert_cmpint (jx_document_get_total (doc), ==, M (270));
  g_assert_cmpstr (total, ==, "270.00");

  for (guint i = 0; i < 7; i++)
    {
      JxProject *p = project_at (doc, i);

      g_assert_cmpuint (g_list_model_get_n_items (jx_project_get_indicators (p)), ==, 6);
      g_assert_cmpuint (g_list_model_get_n_items (jx_project_get_spending_plan (p)), ==, 4);
      g_assert_cmpuint (g_list_model_get_n_items (jx_project_get_goals (p)), ==, 2);
      g_assert_cmpuint (strlen (jx_project_get_code (p)), ==, 21);
      g_assert_cmpstr (jx_project_get_overview_goal (p), !=, "");
    }
  g_assert_cmpstr (jx_project_get_name (project_at (doc, 5)), ==, "人大慰问老干部补贴");
  g_assert_cmpint (jx_project_get_fiscal (project_at (doc, 3)), ==, M (60));
}

/* Everything the OCR damaged is undone in the example. */
static void
test_example_is_clean (void)
{
  g_autofree char *path = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  g_autofree char *text = jx_test_read_file (path, NULL);
  const char *leftovers[] = { "$", "\\geq", "**", "\\u", " 年", "年 ", "\t" };

  for (guint i = 0; i < G_N_ELEMENTS (leftovers); i++)
    if (strstr (text, leftovers[i]) != NULL)
      g_error ("the example still contains “%s”", leftovers[i]);
  g_assert_nonnull (strstr (text, "\"code\": \"13028124P00094210001M\""));
  g_assert_nonnull (strstr (text, "≥95%"));
}

static void
test_example_round_trip (void)
{
  g_autofree char *path = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  gsize length, saved_length;
  g_autofree char *original = jx_test_read_file (path, &length);
  g_autoptr(JxDocument) doc = load_example ();
  g_autofree char *saved = jx_document_to_data (doc, &saved_length);

  g_assert_cmpuint (saved_length, ==, length);
  g_assert_cmpstr (saved, ==, original);
}

/* Files this program wrote come back byte for byte; so do other tools'
 * members it does not know, at their places. */
static void
test_fixtures_round_trip (void)
{
  const char *files[] = {
    "tests/fixtures/valid/minimal.json", "tests/fixtures/valid/unknown-members.json",
    "tests/fixtures/valid/six-decimals.json", "tests/fixtures/valid/full-year.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = jx_test_source_path (files[i]);
      g_autofree char *original = jx_test_read_file (path, NULL);
      g_autoptr(JxDocument) doc = load_source_file (files[i]);
      g_autofree char *saved = jx_document_to_data (doc, NULL);

      g_assert_cmpstr (saved, ==, original);
    }
}

static void
test_unknown_members_after_edit (void)
{
  const char *text =
    "{\"x-first\": {\"a\": [1, null]}, \"format\": \"budget-performance-document\", \"version\": 1,"
    " \"year\": 2024, \"department\": {\"name\": \"部\", \"unit_code\": \"1\", \"unit_name\": \"部\","
    " \"x-seal\": \"章\"}, \"overall\": {\"summary\": \"\", \"points\": []}, \"measures\": [],"
    " \"projects\": [{\"code\": \"A\", \"x-owner\": \"王\", \"name\": \"甲\","
    " \"funds\": {\"fiscal\": 1, \"other\": 0, \"x-source\": \"上级\"},"
    " \"spending_plan\": [], \"goals\": [], \"indicators\": []}], \"x-last\": 0.5}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) doc = jx_document_load_data (text, strlen (text), &error);
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  jx_project_set_name (project_at (doc, 0), "乙");
  jx_project_set_other (project_at (doc, 0), M (0.25));
  saved = jx_document_to_data (doc, NULL);

  g_assert_true (g_str_has_prefix (saved, "{\n  \"x-first\": {\n    \"a\": [\n      1,\n      null\n    ]\n  },\n"));
  g_assert_nonnull (strstr (saved, "\"code\": \"A\",\n      \"x-owner\": \"王\",\n      \"name\": \"乙\","));
  g_assert_nonnull (strstr (saved, "\"other\": 0.25,\n        \"x-source\": \"上级\""));
  g_assert_nonnull (strstr (saved, "\"x-seal\": \"章\""));
  g_assert_true (g_str_has_suffix (saved, "  \"x-last\": 0.5\n}\n"));
}

static void
count_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_derived_totals (void)
{
  g_autoptr(JxDocument) doc = load_example ();
  JxProject *first = project_at (doc, 0);
  g_autoptr(JxProject) added = jx_project_new ("NEW", "新项目");
  guint project_notes = 0, document_notes = 0;

  g_signal_connect (first, "notify::total", G_CALLBACK (count_cb), &project_notes);
  g_signal_connect (doc, "notify::total", G_CALLBACK (count_cb), &document_notes);

  jx_project_set_other (first, M (0.1));
  g_assert_cmpint (jx_project_get_total (first), ==, M (3.1));
  g_assert_cmpint (jx_document_get_total (doc), ==, M (270.1));
  g_assert_cmpuint (project_notes, ==, 1);
  g_assert_cmpuint (document_notes, ==, 1);

  jx_project_set_other (first, M (0.1));      /* no change, no notification */
  g_assert_cmpuint (project_notes, ==, 1);

  jx_project_set_fiscal (added, M (0.2));
  g_list_store_append (G_LIST_STORE (jx_document_get_projects (doc)), added);
  g_assert_cmpint (jx_document_get_total (doc), ==, M (270.3));
  g_assert_cmpuint (document_notes, ==, 2);

  /* A project in the document is followed; one taken out is not. */
  jx_project_set_fiscal (added, M (0.5));
  g_assert_cmpint (jx_document_get_total (doc), ==, M (270.6));
  g_list_store_remove (G_LIST_STORE (jx_document_get_projects (doc)), 7);
  g_assert_cmpint (jx_document_get_total (doc), ==, M (270.1));
  jx_project_set_fiscal (added, M (9));
  g_assert_cmpint (jx_document_get_total (doc), ==, M (270.1));
}

/* 0.1 + 0.2 is exactly 0.3 in the model and in the file. */
static void
test_exact_sums (void)
{
  g_autoptr(JxDocument) doc = jx_document_new ();
  GListStore *projects = G_LIST_STORE (jx_document_get_projects (doc));
  g_autofree char *total = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(JxDocument) back = NULL;
  g_autoptr(GError) error = NULL;
  const double amounts[] = { 0.1, 0.2, 0.000001, 123.456789, 999999.999999 };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autofree char *code = g_strdup_printf ("P%u", i);
      g_autoptr(JxProject) p = jx_project_new (code, "项目");
      JxMoney m;

      g_assert_true (jx_money_from_double (amounts[i], &m));
      jx_project_set_fiscal (p, m);
      g_list_store_append (projects, p);
    }
  g_assert_cmpint (jx_document_get_total (doc), ==, 1000123756789 + 300001 - 300001 + 0);
  total = jx_money_format (jx_document_get_total (doc));
  g_assert_cmpstr (total, ==, "1000123.76");

  jx_department_set_name (jx_document_get_department (doc), "部门");
  saved = jx_document_to_data (doc, NULL);
  g_assert_nonnull (strstr (saved, "\"fiscal\": 0.1,"));
  g_assert_nonnull (strstr (saved, "\"fiscal\": 0.000001,"));
  g_assert_nonnull (strstr (saved, "\"fiscal\": 999999.999999,"));
  back = jx_document_load_data (saved, strlen (saved), &error);
  g_assert_no_error (error);
  g_assert_cmpint (jx_document_get_total (back), ==, jx_document_get_total (doc));
}

/* Every amount is bounded, but thousands of projects at the largest amount
 * add up past what a gint64 holds: the model saturates rather than
 * overflowing, and such a file is refused at the project where the sum
 * passes the limit. */
static void
test_total_overflow (void)
{
  const guint n = (guint) (G_MAXINT64 / (2 * JX_MONEY_MAX)) + 1;
  g_autoptr(JxDocument) doc = jx_document_new ();
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JxDocument) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *place = g_strdup_printf ("projects[%u].funds: ", n - 1);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *code = g_strdup_printf ("P%u", i);
      JxProject *p = jx_project_new (code, "项目");

      jx_project_set_fiscal (p, JX_MONEY_MAX);
      jx_project_set_other (p, JX_MONEY_MAX);
      g_ptr_array_add (added, p);
    }
  g_list_store_splice (G_LIST_STORE (jx_document_get_projects (doc)), 0, 0, added->pdata, added->len);
  g_assert_cmpint (jx_document_get_total (doc), ==, G_MAXINT64);

  jx_department_set_name (jx_document_get_department (doc), "部门");
  saved = jx_document_to_data (doc, NULL);
  back = jx_document_load_data (saved, strlen (saved), &error);
  g_assert_null (back);
  g_assert_error (error, JX_DOCUMENT_ERROR, JX_DOCUMENT_ERROR_CONTENT);
  g_assert_true (g_str_has_prefix (error->message, place));
}

/* A new document writes every member and loads back as it was. */
static void
test_new_document (void)
{
  g_autoptr(JxDocument) doc = jx_document_new ();
  g_autoptr(JxProject) p = jx_project_new ("X1", "新项目");
  g_autoptr(JxIndicator) ind = jx_indicator_new ("产出指标", "数量指标", "次数", "", "≥1次", "");
  g_autoptr(JxMeasure) measure = jx_measure_new ("", "加强管理。");
  g_autoptr(JxTextItem) point = jx_text_item_new ("第一点");
  g_autoptr(JxDocument) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;

  jx_department_set_name (jx_document_get_department (doc), "某部门");
  jx_document_set_year (doc, 2025);
  g_list_store_append (G_LIST_STORE (jx_project_get_indicators (p)), ind);
  g_list_store_append (G_LIST_STORE (jx_document_get_projects (doc)), p);
  g_list_store_append (G_LIST_STORE (jx_document_get_measures (doc)), measure);
  g_list_store_append (G_LIST_STORE (jx_document_get_points (doc)), point);

  saved = jx_document_to_data (doc, NULL);
  g_assert_nonnull (strstr (saved, "\"title\": \"部门预算绩效文本\""));
  g_assert_nonnull (strstr (saved, "\"draft\": true"));
  g_assert_nonnull (strstr (saved, "\"description\": \"\""));
  g_assert_nonnull (strstr (saved, "\"heading\": \"\""));
  g_assert_null (strstr (saved, "\"overview\""));
  back = jx_document_load_data (saved, strlen (saved), &error);
  g_assert_no_error (error);
  again = jx_document_to_data (back, NULL);
  g_assert_cmpstr (again, ==, saved);
}

/* Optional members the file left out stay out unless they say something. */
static void
test_optional_members (void)
{
  g_autoptr(JxDocument) doc = load_source_file ("tests/fixtures/valid/minimal.json");
  g_autofree char *before = jx_document_to_data (doc, NULL);
  g_autofree char *after = NULL;

  g_assert_null (strstr (before, "\"title\""));
  jx_document_set_title (doc, "部门预算绩效目标");
  jx_document_set_draft (doc, FALSE);
  after = jx_document_to_data (doc, NULL);
  g_assert_nonnull (strstr (after, "\"title\": \"部门预算绩效目标\""));
  g_assert_nonnull (strstr (after, "\"draft\": false"));
  g_assert_null (strstr (after, "\"money_unit\""));
}

static void
test_project_copy (void)
{
  g_autoptr(JxDocument) doc = load_example ();
  JxProject *original = project_at (doc, 2);
  g_autoptr(JxProject) copy = jx_project_copy (original);
  g_autoptr(JxIndicator) first = g_list_model_get_item (jx_project_get_indicators (copy), 0);

  g_assert_cmpstr (jx_project_get_name (copy), ==, jx_project_get_name (original));
  g_assert_cmpint (jx_project_get_total (copy), ==, M (61));
  g_assert_cmpuint (g_list_model_get_n_items (jx_project_get_indicators (copy)), ==, 6);
  /* Deep: editing the copy leaves the original alone. */
  jx_indicator_set_value (first, "≥20次");
  {
    g_autoptr(JxIndicator) orig_first = g_list_model_get_item (jx_project_get_indicators (original), 0);
    g_assert_cmpstr (jx_indicator_get_value (orig_first), ==, "≥10次");
  }
}

static void
test_find_project (void)
{
  g_autoptr(JxDocument) doc = load_example ();
  guint pos = 99;
  JxProject *p = jx_document_find_project (doc, "13028124P00085710001H", &pos);

  g_assert_nonnull (p);
  g_assert_cmpuint (pos, ==, 5);
  g_assert_null (jx_document_find_project (doc, "nothing", NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document/example-counts", test_example_counts);
  g_test_add_func ("/document/example-is-clean", test_example_is_clean);
  g_test_add_func ("/document/example-round-trip", test_example_round_trip);
  g_test_add_func ("/document/fixtures-round-trip", test_fixtures_round_trip);
  g_test_add_func ("/document/unknown-members-after-edit", test_unknown_members_after_edit);
  g_test_add_func ("/document/derived-totals", test_derived_totals);
  g_test_add_func ("/document/exact-sums", test_exact_sums);
  g_test_add_func ("/document/total-overflow", test_total_overflow);
  g_test_add_func ("/document/new-document", test_new_document);
  g_test_add_func ("/document/optional-members", test_optional_members);
  g_test_add_func ("/document/project-copy", test_project_copy);
  g_test_add_func ("/document/find-project", test_find_project);
  return g_test_run ();
}
