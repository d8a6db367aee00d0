/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-checks.h"
#include "jx-document-edit.h"
#include "jx-review.h"
#include "jx-templates.h"
#include "jx-test-utils.h"

static guint
n_findings (JxReview *review)
{
  return g_list_model_get_n_items (jx_review_get_findings (review));
}

static gboolean
has_findings (gpointer review)
{
  return n_findings (review) > 0;
}

static void
test_counts (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxReview) review = jx_review_new (document);
  g_autoptr(GPtrArray) findings = jx_checks_run (document);
  guint errors, warnings, hints, e, w, h;

  jx_checks_count (findings, &errors, &warnings, &hints);
  jx_review_count (review, &e, &w, &h);
  g_assert_cmpuint (n_findings (review), ==, findings->len);
  g_assert_cmpuint (e, ==, errors);
  g_assert_cmpuint (w, ==, warnings);
  g_assert_cmpuint (h, ==, hints);
  g_assert_cmpint (jx_review_get_worst (review), ==, errors > 0 ? JX_SEVERITY_ERROR : JX_SEVERITY_WARNING);
  for (guint i = 0; i < 7; i++)
    g_assert_cmpint (jx_review_worst_for_project (review, i), ==,
                     jx_checks_worst_for_project (findings, i));
  g_assert_cmpint (jx_review_worst_for_project (review, 99), ==, JX_SEVERITY_NONE);

  jx_review_set_document (review, NULL);
  g_assert_cmpuint (n_findings (review), ==, 0);
  g_assert_cmpint (jx_review_get_worst (review), ==, JX_SEVERITY_NONE);
}

/* Per place: a finding counts at its own path and at every place it is in. */
static void
test_places (void)
{
  g_autoptr(JxDocument) document = jx_test_load ("tests/fixtures/checks/clean.json");
  g_autoptr(JxReview) review = jx_review_new (document);
  g_autoptr(JxMemberPath) project = jx_member_path_new_in_project (1, NULL, -1, NULL);
  g_autoptr(JxMemberPath) row = jx_member_path_new_in_project (1, "indicators", 0, NULL);
  g_autoptr(JxMemberPath) cell = jx_member_path_new_in_project (1, "indicators", 0, "name");
  g_autoptr(JxMemberPath) other = jx_member_path_new_in_project (0, NULL, -1, NULL);
  g_autoptr(GPtrArray) at = NULL;

  g_assert_cmpuint (n_findings (review), ==, 0);
  jx_indicator_set_name (jx_test_indicator_at (jx_test_project_at (document, 1), 0), "");
  jx_review_recheck (review);
  g_assert_cmpint (jx_review_worst_at (review, cell), ==, JX_SEVERITY_ERROR);
  g_assert_cmpint (jx_review_worst_at (review, row), ==, JX_SEVERITY_ERROR);
  g_assert_cmpint (jx_review_worst_at (review, project), ==, JX_SEVERITY_ERROR);
  g_assert_cmpint (jx_review_worst_at (review, other), ==, JX_SEVERITY_NONE);
  at = jx_review_findings_at (review, row);
  g_assert_cmpuint (at->len, ==, 1);
  g_assert_cmpstr (jx_finding_get_rule_id (g_ptr_array_index (at, 0)), ==, "indicator-name-missing");
}

/* Edits are checked once the document has been still a moment. */
static void
test_debounce (void)
{
  g_autoptr(JxDocument) document = jx_test_load ("tests/fixtures/checks/clean.json");
  g_autoptr(JxReview) review = jx_review_new (document);

  jx_review_set_delay (review, 20);
  jx_project_set_name (jx_test_project_at (document, 0), "");
  /* Not inside the edit itself. */
  g_assert_cmpuint (n_findings (review), ==, 0);
  g_assert_true (jx_test_wait_for (has_findings, review, 10000));
  g_assert_cmpint (jx_review_worst_for_project (review, 0), ==, JX_SEVERITY_ERROR);
}

/* Held, a new document waits to be checked, and says it has not been. */
static void
test_hold (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxReview) review = jx_review_new (NULL);

  jx_review_hold (review, TRUE);
  jx_review_set_document (review, document);
  g_assert_false (jx_review_get_checked (review));
  g_assert_cmpuint (n_findings (review), ==, 0);
  jx_review_hold (review, FALSE);
  g_assert_true (jx_review_get_checked (review));
  g_assert_cmpuint (n_findings (review), >, 0);
}

static gboolean
never_covered (gunichar c, gpointer data)
{
  return c < 0x80;
}

/* The command line's review: checked once, with the fonts it is given,
 * and not again whatever changes. */
static void
test_once (void)
{
  g_autoptr(JxDocument) document = jx_test_load ("tests/fixtures/checks/clean.json");
  g_autoptr(JxReview) plain = jx_review_new_once (document, NULL, NULL);
  g_autoptr(JxReview) fonts = jx_review_new_once (document, never_covered, NULL);

  g_assert_cmpuint (n_findings (plain), ==, 0);
  /* Every Chinese character is one no font has here. */
  g_assert_cmpuint (n_findings (fonts), >, 0);
  jx_project_set_name (jx_test_project_at (document, 0), "");
  jx_test_run_pending ();
  g_assert_cmpuint (n_findings (plain), ==, 0);
}

static JxDocument *
new_document (void)
{
  g_autoptr(GDateTime) autumn = g_date_time_new_utc (2024, 10, 8, 9, 0, 0);

  return jx_template_new_document (autumn);
}

/* How many findings of the rule are to fill in, and how many are open. */
static void
count_rule (JxReview *review, const char *rule, guint *to_fill_in, guint *open)
{
  GListModel *findings = jx_review_get_findings (review);

  *to_fill_in = *open = 0;
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(JxFinding) finding = g_list_model_get_item (findings, i);

      if (!g_str_equal (jx_finding_get_rule_id (finding), rule))
        continue;
      if (jx_review_is_to_fill_in (review, finding))
        (*to_fill_in)++;
      else
        (*open)++;
    }
}

/* A new document is empty, not wrong: its empty fields are all to fill
 * in, nothing is open, and the checks still find them (print, export and
 * the command line count them). */
static void
test_new_document (void)
{
  g_autoptr(JxDocument) document = new_document ();
  g_autoptr(JxReview) review = jx_review_new (document);
  guint errors, warnings, hints, all_errors;

  jx_review_count (review, &all_errors, NULL, NULL);
  jx_review_count_open (review, &errors, &warnings, &hints);
  g_assert_cmpuint (all_errors, >, 5);
  g_assert_cmpuint (errors + warnings + hints, ==, 0);
  g_assert_cmpuint (jx_review_count_to_fill_in (review), ==, n_findings (review));
  g_assert_cmpint (jx_review_get_worst_open (review), ==, JX_SEVERITY_NONE);
  g_assert_cmpint (jx_review_get_worst (review), ==, JX_SEVERITY_ERROR);
  g_assert_cmpint (jx_review_worst_for_project (review, 0), ==, JX_SEVERITY_NONE);
}

/* Once anything is written in a part, its empty fields are problems;
 * the parts not started stay to fill in. */
static void
test_started_part (void)
{
  g_autoptr(JxDocument) document = new_document ();
  g_autoptr(JxReview) review = jx_review_new (document);
  JxProject *project = jx_test_project_at (document, 0);
  guint blank, open, errors;

  jx_project_set_name (project, "人大代表活动经费");
  jx_review_recheck (review);
  count_rule (review, "project-code-missing", &blank, &open);
  g_assert_cmpuint (blank, ==, 0);
  g_assert_cmpuint (open, ==, 1);
  count_rule (review, "goals-missing", &blank, &open);
  g_assert_cmpuint (open, ==, 1);
  g_assert_cmpint (jx_review_worst_for_project (review, 0), ==, JX_SEVERITY_ERROR);
  /* The cover and the measures are not started yet. */
  count_rule (review, "cover-incomplete", &blank, &open);
  g_assert_cmpuint (blank, ==, 3);
  g_assert_cmpuint (open, ==, 0);
  count_rule (review, "measures-missing", &blank, &open);
  g_assert_cmpuint (blank, ==, 1);
  /* The department's name begun: the rest of the cover is missing now. */
  jx_department_set_name (jx_document_get_department (document), "遵化市人大常委会");
  jx_review_recheck (review);
  count_rule (review, "cover-incomplete", &blank, &open);
  g_assert_cmpuint (blank, ==, 0);
  g_assert_cmpuint (open, ==, 2);
  jx_review_count_open (review, &errors, NULL, NULL);
  g_assert_cmpuint (errors, >, 0);
}

/* Only the rules about something not written yet: a mistake in a part is
 * open, and so is the same empty field in a project that is started. */
static void
test_to_fill_in_only_blanks (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxReview) review = jx_review_new (document);
  g_autoptr(JxProject) added = jx_template_new_project ();
  guint n = g_list_model_get_n_items (jx_document_get_projects (document));
  guint blank, open;

  g_assert_cmpuint (jx_review_count_to_fill_in (review), ==, 0);
  g_list_store_append (G_LIST_STORE (jx_document_get_projects (document)), added);
  jx_project_set_name (jx_test_project_at (document, 0), "");
  jx_review_recheck (review);
  /* The project just added is not marked; the one whose name went is. */
  g_assert_cmpint (jx_review_worst_for_project (review, n), ==, JX_SEVERITY_NONE);
  count_rule (review, "project-name-missing", &blank, &open);
  g_assert_cmpuint (blank, ==, 1);
  g_assert_cmpuint (open, ==, 1);
  g_assert_true (jx_checks_rule_is_blank ("project-name-missing"));
  g_assert_false (jx_checks_rule_is_blank ("project-code-duplicate"));
  g_assert_false (jx_checks_rule_is_blank ("plan-month-order"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review/counts", test_counts);
  g_test_add_func ("/review/places", test_places);
  g_test_add_func ("/review/debounce", test_debounce);
  g_test_add_func ("/review/hold", test_hold);
  g_test_add_func ("/review/once", test_once);
  g_test_add_func ("/review/new-document", test_new_document);
  g_test_add_func ("/review/started-part", test_started_part);
  g_test_add_func ("/review/to-fill-in-only-blanks", test_to_fill_in_only_blanks);
  return g_test_run ();
}
