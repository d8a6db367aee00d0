/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "jx-checks.h"
#include "jx-document-io.h"
#include "jx-error.h"
#include "jx-json-private.h"
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
 * and the review names the place. */
typedef struct
{
  const char *file;
  const char *rule;
  const char *path;
} Draft;

static const Draft drafts[] = {
  { "draft-department-name-empty", "cover-incomplete", "department.name" },
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

/* What loading says of a text: the written document, or the refusal. */
static char *
outcome (JxDocument *document, const GError *error)
{
  if (document != NULL)
    return jx_document_to_data (document, NULL);
  return g_strdup_printf ("%s %d %s", g_quark_to_string (error->domain), error->code, error->message);
}

static char *
outcome_of_file (const char *path, gsize window)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = NULL;
  gsize saved = jx_json_window_size;

  jx_json_window_size = window;
  document = jx_document_load_file (path, &error);
  jx_json_window_size = saved;
  return outcome (document, error);
}

/* A file is read a window at a time: every fixture, cut at every place a
 * small window cuts it, must load or be refused exactly as its text in
 * memory is. */
static void
test_file_windows (void)
{
  const char *dirs[] = { "tests/fixtures/broken", "tests/fixtures/valid", "data/examples" };

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autofree char *dir_path = jx_test_source_path (dirs[d]);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);
          g_autofree char *text = NULL;
          g_autofree char *expected = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(JxDocument) document = NULL;
          gsize length;

          if (!g_str_has_suffix (name, ".json"))
            continue;
          text = jx_test_read_file (path, &length);
          document = jx_document_load_data (text, length, &error);
          expected = outcome (document, error);
          for (gsize window = 16; window < 16 + 29; window++)
            {
              g_autofree char *got = outcome_of_file (path, window);

              if (strcmp (got, expected) != 0)
                g_error ("%s, window %zu: from memory “%.200s”, from the file “%.200s”", name, window,
                         expected, got);
            }
          {
            g_autofree char *got = outcome_of_file (path, 256 * 1024);
            g_assert_cmpstr (got, ==, expected);
          }
        }
    }
}

static void
assert_message (const char *text, JxDocumentError code, const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = jx_document_load_data (text, strlen (text), &error);

  g_assert_null (document);
  g_assert_error (error, JX_DOCUMENT_ERROR, (int) code);
  if (!g_str_has_prefix (error->message, message))
    g_error ("“%s”: expected “%s…”, got “%s”", text, message, error->message);
}

#define HEAD "{\"format\": \"budget-performance-document\", \"version\": 1, \"year\": 2024, " \
             "\"department\": {\"name\": \"部门\", \"unit_code\": \"1\", \"unit_name\": \"本级\"}, " \
             "\"overall\": {}, \"measures\": [], "
#define PROJECT(members) "{\"code\": \"P1\", \"name\": \"项目\", \"funds\": {\"fiscal\": 1, \"other\": 0}, " \
             "\"spending_plan\": [], \"goals\": [], \"indicators\": []" members "}"

/* The document is read as the file has it, but the refusal reported is
 * the one a reader of the whole tree would give: the encoding, then the
 * first syntax error, then content in each object's own order. */
static void
test_which_refusal (void)
{
  /* A content error early, a syntax error late: the syntax error. */
  assert_message (HEAD "\"projects\": [" PROJECT (", \"usage\": 5") "], \"x\": [1,]}",
                  JX_DOCUMENT_ERROR_SYNTAX, "1:");
  /* Bytes that are not UTF-8 after a syntax error: the encoding. */
  assert_message ("{\"format\": 1,, \"x\": \"\xff\"}", JX_DOCUMENT_ERROR_ENCODING, "1:22:");
  /* "format" last and wrong: not a document, whatever came before. */
  assert_message ("{\"year\": \"x\", \"projects\": 3, \"format\": \"other\"}",
                  JX_DOCUMENT_ERROR_NOT_DOCUMENT, "this is not");
  assert_message ("{\"year\": \"x\"}", JX_DOCUMENT_ERROR_NOT_DOCUMENT, "this is not");
  /* A newer version named as such though other members are wrong. */
  assert_message ("{\"year\": 1, \"format\": \"budget-performance-document\", \"version\": 9}",
                  JX_DOCUMENT_ERROR_VERSION, "version: ");
  /* In a project the code is checked before the indicators, wherever
   * each is in the file. */
  assert_message (HEAD "\"projects\": [{\"indicators\": 1, \"name\": \"n\", \"code\": 7}]}",
                  JX_DOCUMENT_ERROR_CONTENT, "projects[0].code: ");
  assert_message (HEAD "\"projects\": [{\"indicators\": 1, \"name\": \"n\", \"code\": \"c\"}]}",
                  JX_DOCUMENT_ERROR_CONTENT, "projects[0].funds: ");
  /* The first failing project, not a later one. */
  assert_message (HEAD "\"projects\": [" PROJECT (", \"usage\": 1") ", {\"code\": 5}]}",
                  JX_DOCUMENT_ERROR_CONTENT, "projects[0].usage: ");
  /* A duplicate member in an object skipped after an error is still one. */
  assert_message (HEAD "\"projects\": [" PROJECT (", \"usage\": 1, \"x\": {\"a\": 1, \"a\": 2}") "]}",
                  JX_DOCUMENT_ERROR_SYNTAX, "1:");
}

/* Texts a model holds are shared: the many repeats of a category or a
 * unit in a file are one string in memory. */
static void
test_texts_shared (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  JxProject *first = jx_test_project_at (document, 0);
  JxProject *second = jx_test_project_at (document, 1);
  JxIndicator *a = jx_test_indicator_at (first, 0);
  JxIndicator *b = jx_test_indicator_at (second, 0);

  g_assert_cmpstr (jx_indicator_get_level1 (a), ==, jx_indicator_get_level1 (b));
  g_assert_true (jx_indicator_get_level1 (a) == jx_indicator_get_level1 (b));
  /* An edit of one leaves the other alone. */
  jx_indicator_set_level1 (a, "效益指标");
  g_assert_cmpstr (jx_indicator_get_level1 (b), ==, "产出指标");
}

static void
assert_not_regular (const char *path, const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = jx_document_load_file (path, &error);

  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  if (strstr (error->message, what) == NULL)
    g_error ("%s: expected the message to say “%s”: %s", path, what, error->message);
}

/* A pipe nobody writes to, a device that never ends and a socket are
 * refused at once, named for what they are. */
static void
test_not_regular (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.json", NULL);
  g_autofree char *socket_path = g_build_filename (dir, "socket.json", NULL);
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  int fd;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_not_regular (fifo, "pipe");

  assert_not_regular ("/dev/zero", "device");

  fd = socket (AF_UNIX, SOCK_STREAM, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpuint (strlen (socket_path), <, sizeof address.sun_path);
  strcpy (address.sun_path, socket_path);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &address, sizeof address), ==, 0);
  assert_not_regular (socket_path, "socket");
  close (fd);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JxDocument) document = jx_document_load_file (dir, &error);

    g_assert_null (document);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  }
  jx_test_remove_tree (dir);
}

/* Past the stated upper sizes a file is refused with the place and the
 * limit, not read until memory runs out. */
static void
test_limits (void)
{
  GString *text = g_string_new (HEAD "\"projects\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_string_append (text, "{\"code\": \"P1\", \"name\": \"项目\", \"funds\": {\"fiscal\": 1, \"other\": 0}, "
                         "\"spending_plan\": [], \"indicators\": [], \"goals\": [");
  for (guint i = 0; i <= JX_MAX_ROWS; i++)
    g_string_append (text, i > 0 ? ", \"目标\"" : "\"目标\"");
  g_string_append (text, "]}]}");
  length = text->len;
  data = g_string_free (text, FALSE);

  document = jx_document_load_data (data, length, &error);
  g_assert_null (document);
  g_assert_error (error, JX_DOCUMENT_ERROR, JX_DOCUMENT_ERROR_CONTENT);
  g_assert_true (g_str_has_prefix (error->message, "projects[0].goals: "));
  g_assert_nonnull (strstr (error->message, "10000"));
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
  g_test_add_func ("/load-errors/file-windows", test_file_windows);
  g_test_add_func ("/load-errors/which-refusal", test_which_refusal);
  g_test_add_func ("/load-errors/texts-shared", test_texts_shared);
  g_test_add_func ("/load-errors/not-regular", test_not_regular);
  g_test_add_func ("/load-errors/limits", test_limits);
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
