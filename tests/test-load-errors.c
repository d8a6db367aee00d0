/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-checks.h"
#include "jx-document-io.h"
#include "jx-error.h"
#include "jx-test-utils.h"

/* Every way a file can break the contract, with the error kind and the
 * place the message must start with: "LINE:COL:" for the JSON text, the
 * member path for content. */
typedef struct
{
  const char *file;
  JxDocumentError code;
  const char *place;
} Broken;

static const Broken broken[] = {
  { "empty", JX_DOCUMENT_ERROR_SYNTAX, "1:1: " },
  { "not-json", JX_DOCUMENT_ERROR_SYNTAX, "1:1: " },
  { "truncated", JX_DOCUMENT_ERROR_SYNTAX, "42:15: " },
  { "text-after-end", JX_DOCUMENT_ERROR_SYNTAX, "80:1: " },
  { "comment", JX_DOCUMENT_ERROR_SYNTAX, "4:17: " },
  { "single-quotes", JX_DOCUMENT_ERROR_SYNTAX, "4:3: " },
  { "trailing-comma", JX_DOCUMENT_ERROR_SYNTAX, "64:9: " },
  { "hex-number", JX_DOCUMENT_ERROR_SYNTAX, "4:12: " },
  { "leading-zero", JX_DOCUMENT_ERROR_SYNTAX, "33:21: " },
  { "nan", JX_DOCUMENT_ERROR_SYNTAX, "71:19: " },
  { "number-not-finite", JX_DOCUMENT_ERROR_SYNTAX, "71:19: " },
  { "integer-overflow", JX_DOCUMENT_ERROR_SYNTAX, "4:11: " },
  { "duplicate-member", JX_DOCUMENT_ERROR_SYNTAX, "5:3: " },
  { "bad-escape", JX_DOCUMENT_ERROR_SYNTAX, "69:18: " },
  { "unclosed-string", JX_DOCUMENT_ERROR_SYNTAX, "69:20: " },
  { "control-character", JX_DOCUMENT_ERROR_SYNTAX, "69:18: " },
  { "invalid-utf8", JX_DOCUMENT_ERROR_ENCODING, "69:17: " },
  { "lone-surrogate", JX_DOCUMENT_ERROR_ENCODING, "69:18: " },
  { "nul-escape", JX_DOCUMENT_ERROR_ENCODING, "69:18: " },
  { "deep-nesting", JX_DOCUMENT_ERROR_TOO_DEEP, "1:65: " },
  { "top-level-array", JX_DOCUMENT_ERROR_NOT_DOCUMENT, "" },
  { "wrong-format", JX_DOCUMENT_ERROR_NOT_DOCUMENT, "" },
  { "future-version", JX_DOCUMENT_ERROR_VERSION, "version: " },
  { "version-zero", JX_DOCUMENT_ERROR_CONTENT, "version: " },
  { "missing-projects", JX_DOCUMENT_ERROR_CONTENT, "projects: " },
  { "missing-department", JX_DOCUMENT_ERROR_CONTENT, "department: " },
  { "year-as-text", JX_DOCUMENT_ERROR_CONTENT, "year: " },
  { "year-out-of-range", JX_DOCUMENT_ERROR_CONTENT, "year: " },
  { "year-with-fraction", JX_DOCUMENT_ERROR_CONTENT, "year: " },
  { "draft-as-text", JX_DOCUMENT_ERROR_CONTENT, "draft: " },
  { "points-not-texts", JX_DOCUMENT_ERROR_CONTENT, "overall.points[1]: " },
  { "measure-without-body", JX_DOCUMENT_ERROR_CONTENT, "measures[0].body: " },
  { "project-not-object", JX_DOCUMENT_ERROR_CONTENT, "projects[1]: " },
  { "funds-missing-other", JX_DOCUMENT_ERROR_CONTENT, "projects[0].funds.other: " },
  { "amount-negative", JX_DOCUMENT_ERROR_CONTENT, "projects[0].funds.fiscal: " },
  { "amount-as-text", JX_DOCUMENT_ERROR_CONTENT, "projects[1].funds.other: " },
  { "amount-too-large", JX_DOCUMENT_ERROR_CONTENT, "projects[0].funds.fiscal: " },
  { "amount-seven-decimals", JX_DOCUMENT_ERROR_CONTENT, "projects[1].funds.fiscal: " },
  { "month-13", JX_DOCUMENT_ERROR_CONTENT, "projects[0].spending_plan[1].month: " },
  { "percent-over-100", JX_DOCUMENT_ERROR_CONTENT, "projects[0].spending_plan[1].percent: " },
  { "indicator-missing-value", JX_DOCUMENT_ERROR_CONTENT, "projects[0].indicators[2].value: " },
  { "indicator-not-object", JX_DOCUMENT_ERROR_CONTENT, "projects[0].indicators[0]: " },
  { "goals-not-array", JX_DOCUMENT_ERROR_CONTENT, "projects[0].goals: " },
  { "overview-not-object", JX_DOCUMENT_ERROR_CONTENT, "projects[0].overview: " },
};

/* What a document looks like while it is written: these load and save,
 * and the review names the place (rule NULL: a part the review of
 * Part 1 and the cover reports, not these rules). */
typedef struct
{
  const char *file;
  const char *rule;
  const char *path;
} Draft;

static const Draft drafts[] = {
  { "draft-department-name-empty", NULL, NULL },
  { "draft-project-code-empty", "project-code-missing", "projects[1].code" },
  { "draft-duplicate-code", "project-code-duplicate", "projects[1].code" },
  { "draft-months-not-increasing", "plan-month-order", "projects[0].spending_plan[1].month" },
  { "draft-indicator-level1-empty", "indicator-category-missing", "projects[0].indicators[1].level1" },
};

static char *
fixture_path (const char *name)
{
  g_autofree char *file = g_strconcat ("tests/fixtures/broken/", name, ".json", NULL);
  return jx_test_source_path (file);
}

static void
test_broken (gconstpointer data)
{
  const Broken *b = data;
  g_autofree char *path = fixture_path (b->file);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = jx_document_load_file (path, &error);

  g_assert_null (document);
  g_assert_error (error, JX_DOCUMENT_ERROR, (int) b->code);
  if (!g_str_has_prefix (error->message, b->place))
    g_error ("%s: expected the message to start with “%s”, got “%s”", b->file, b->place, error->message);
  /* A place and then something that says what is wrong. */
  g_assert_cmpuint (strlen (error->message), >, strlen (b->place) + 10);
  /* The place in words for the clerk, never as a member path. */
  {
    g_autofree char *described = jx_document_error_describe (error);

    g_assert_null (strstr (described, "projects["));
    g_assert_null (strstr (described, "].") );
    if (b->code == JX_DOCUMENT_ERROR_SYNTAX)
      g_assert_true (g_str_has_prefix (described, "Line "));
  }
}

static void
test_describe_error (void)
{
  g_autoptr(GError) content = g_error_new_literal (JX_DOCUMENT_ERROR, JX_DOCUMENT_ERROR_CONTENT,
                                                   "projects[2].indicators[0].value: this member is missing");
  g_autoptr(GError) syntax = g_error_new_literal (JX_DOCUMENT_ERROR, JX_DOCUMENT_ERROR_SYNTAX,
                                                  "42:15: the text ends inside a string");
  g_autoptr(GError) other = g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_NOENT, "No such file");
  g_autofree char *a = jx_document_error_describe (content);
  g_autofree char *b = jx_document_error_describe (syntax);
  g_autofree char *c = jx_document_error_describe (other);

  g_assert_cmpstr (a, ==, "Project 3 · Indicator row 1 · Target value: this member is missing");
  g_assert_cmpstr (b, ==, "Line 42, column 15: the text ends inside a string");
  g_assert_cmpstr (c, ==, "No such file");
}

static JxFinding *
find_finding (GPtrArray *findings, const char *rule, const char *path)
{
  for (guint i = 0; i < findings->len; i++)
    {
      JxFinding *finding = g_ptr_array_index (findings, i);

      if (g_str_equal (jx_finding_get_rule_id (finding), rule) &&
          g_str_equal (jx_finding_get_path (finding), path))
        return finding;
    }
  return NULL;
}

/* Loads, is reviewed, saves and loads again with nothing changed. */
static void
test_draft (gconstpointer data)
{
  const Draft *d = data;
  g_autofree char *file = g_strconcat ("tests/fixtures/valid/", d->file, ".json", NULL);
  g_autofree char *path = jx_test_source_path (file);
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *copy = g_build_filename (dir, "draft.jixiao.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = jx_document_load_file (path, &error);
  g_autoptr(JxDocument) again = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_no_error (error);
  findings = jx_checks_run (document);
  if (d->rule != NULL)
    {
      JxFinding *finding = find_finding (findings, d->rule, d->path);

      if (finding == NULL)
        g_error ("%s: no %s finding at %s", d->file, d->rule, d->path);
      /* The finance bureau would return the document for each of these. */
      g_assert_cmpint (jx_finding_get_severity (finding), ==, JX_SEVERITY_ERROR);
    }

  g_assert_true (jx_document_save_file (document, copy, &error));
  g_assert_no_error (error);
  again = jx_document_load_file (copy, &error);
  g_assert_no_error (error);
  first = jx_document_to_data (document, NULL);
  second = jx_document_to_data (again, NULL);
  g_assert_cmpstr (first, ==, second);
  jx_test_remove_tree (dir);
}

/* The fixtures are the valid base document with one thing broken each. */
static void
test_base_is_valid (void)
{
  g_autofree char *path = fixture_path ("_base");
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = jx_document_load_file (path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (jx_document_get_projects (document)), ==, 2);
}

static void
test_every_fixture_listed (void)
{
  g_autofree char *dir_path = jx_test_source_path ("tests/fixtures/broken");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean listed = FALSE;

      if (!g_str_has_suffix (name, ".json") || name[0] == '_')
        continue;
      n_files++;
      for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
        if (strncmp (broken[i].file, name, strlen (name) - 5) == 0 &&
            strlen (broken[i].file) == strlen (name) - 5)
          listed = TRUE;
      if (!listed)
        g_error ("fixture %s has no expectation in the table", name);
    }
  g_assert_cmpuint (n_files, ==, G_N_ELEMENTS (broken));
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = jx_document_load_file ("/nonexistent/nothing.json", &error);

  g_assert_null (document);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "nothing.json"));
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = jx_document_load_data ("", JX_MAX_FILE_SIZE + 1, &error);

  g_assert_null (document);
  g_assert_error (error, JX_DOCUMENT_ERROR, JX_DOCUMENT_ERROR_TOO_LARGE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/load-errors/base-is-valid", test_base_is_valid);
  g_test_add_func ("/load-errors/every-fixture-listed", test_every_fixture_listed);
  g_test_add_func ("/load-errors/missing-file", test_missing_file);
  g_test_add_func ("/load-errors/too-large", test_too_large);
  g_test_add_func ("/load-errors/describe", test_describe_error);
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *name = g_strconcat ("/load-errors/", broken[i].file, NULL);
      g_test_add_data_func (name, &broken[i], test_broken);
    }
  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    {
      g_autofree char *name = g_strconcat ("/load-errors/drafts-load/", drafts[i].file, NULL);
      g_test_add_data_func (name, &drafts[i], test_draft);
    }
  return g_test_run ();
}
