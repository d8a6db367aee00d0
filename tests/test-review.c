/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-checks.h"
#include "jx-review.h"
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review/counts", test_counts);
  g_test_add_func ("/review/places", test_places);
  g_test_add_func ("/review/debounce", test_debounce);
  g_test_add_func ("/review/hold", test_hold);
  g_test_add_func ("/review/once", test_once);
  return g_test_run ();
}
