/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-checks.h"
#include "jx-member-path.h"
#include "jx-document-io.h"
#include "jx-measure.h"
#include "jx-test-utils.h"
#include "jx-text-item.h"
#include "jx-undo.h"

/* The rules of Part 1 and the cover, typed numbering, amounts in texts and
 * characters without a font: each fires on the wrong fixture and stays
 * quiet on the right one and on near misses a careful clerk would write. */

static JxDocument *
right (void)
{
  return jx_test_load ("tests/fixtures/part1/right.json");
}

static JxDocument *
wrong (void)
{
  return jx_test_load ("tests/fixtures/part1/wrong.json");
}

static JxDocument *
empty (void)
{
  return jx_test_load ("tests/fixtures/part1/empty.json");
}

static gpointer
item (GListModel *list, guint index)
{
  gpointer object = g_list_model_get_item (list, index);

  g_assert_nonnull (object);
  g_object_unref (object);   /* the list keeps it */
  return object;
}

static JxTextItem *
point (JxDocument *document, guint index)
{
  return item (jx_document_get_points (document), index);
}

static JxMeasure *
measure (JxDocument *document, guint index)
{
  return item (jx_document_get_measures (document), index);
}

static void
dump (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      JxFinding *f = g_ptr_array_index (findings, i);

      g_test_message ("%s: %s: %s [%s]", jx_finding_get_path (f),
                      jx_severity_to_string (jx_finding_get_severity (f)),
                      jx_finding_get_message (f), jx_finding_get_rule_id (f));
    }
}

static guint
count (GPtrArray *findings, const char *rule, const char *path, JxFinding **found)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      JxFinding *finding = g_ptr_array_index (findings, i);

      if (g_str_equal (jx_finding_get_rule_id (finding), rule) &&
          (path == NULL || g_str_equal (jx_finding_get_path (finding), path)))
        {
          if (found != NULL && n == 0)
            *found = finding;
          n++;
        }
    }
  return n;
}

/* Fires exactly once at path; returns the message. */
static char *
assert_fires (JxDocument *document, const char *rule, const char *path)
{
  g_autoptr(GPtrArray) findings = jx_checks_run (document);
  JxFinding *found = NULL;

  dump (findings);
  g_assert_cmpuint (count (findings, rule, path, &found), ==, 1);
  g_assert_cmpint (jx_finding_get_severity (found), ==, jx_checks_find_rule (rule)->severity);
  g_assert_cmpint (jx_finding_get_project (found), ==, jx_checks_path_project (path));
  return g_strdup (jx_finding_get_message (found));
}

static void
assert_quiet (JxDocument *document, const char *rule)
{
  g_autoptr(GPtrArray) findings = jx_checks_run (document);

  dump (findings);
  g_assert_cmpuint (count (findings, rule, NULL, NULL), ==, 0);
}

static void
assert_contains (const char *message, const char *part)
{
  if (strstr (message, part) == NULL)
    g_error ("“%s” does not contain “%s”", message, part);
}

static void
test_right_is_clean (void)
{
  g_autoptr(JxDocument) document = right ();
  g_autoptr(GPtrArray) findings = jx_checks_run (document);

  dump (findings);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_summary (void)
{
  g_autoptr(JxDocument) document = empty ();
  g_autoptr(JxDocument) fine = right ();

  g_free (assert_fires (document, "summary-missing", "overall.summary"));
  jx_document_set_summary (fine, " \u3000\n");
  g_free (assert_fires (fine, "summary-missing", "overall.summary"));
  jx_document_set_summary (fine, "做好办公用房维修。");
  assert_quiet (fine, "summary-missing");
}

static void
test_points (void)
{
  g_autoptr(JxDocument) document = empty ();
  g_autoptr(JxDocument) bad = wrong ();
  g_autofree char *message = NULL;

  g_free (assert_fires (document, "points-missing", "overall.points"));
  message = assert_fires (bad, "point-empty", "overall.points[1]");
  assert_contains (message, "“2、”");
  jx_text_item_set_text (point (bad, 1), "提升服务保障水平。");
  assert_quiet (bad, "point-empty");
  assert_quiet (bad, "points-missing");
}

static void
test_measures (void)
{
  g_autoptr(JxDocument) document = empty ();
  g_autoptr(JxDocument) bad = wrong ();
  g_autofree char *message = NULL;
  g_autofree char *bare = NULL;

  g_free (assert_fires (document, "measures-missing", "measures"));
  message = assert_fires (bad, "measure-body-missing", "measures[1].body");
  assert_contains (message, "强化资金监管。");
  jx_measure_set_heading (measure (bad, 1), "");
  bare = assert_fires (bad, "measure-body-missing", "measures[1].body");
  assert_contains (bare, "“2.”");
  /* A measure without a heading but with a text prints as a sentence. */
  jx_measure_set_body (measure (bad, 1), "严格执行财务制度，专款专用。");
  assert_quiet (bad, "measure-body-missing");
  assert_quiet (bad, "measures-missing");
}

static void
test_cover (void)
{
  g_autoptr(JxDocument) document = right ();
  JxDepartment *department = jx_document_get_department (document);
  g_autoptr(JxDocument) bad = wrong ();
  g_autoptr(JxDocument) blank = empty ();

  g_free (assert_fires (bad, "cover-incomplete", "department.unit_code"));
  g_free (assert_fires (blank, "cover-incomplete", "department.unit_name"));
  g_free (assert_fires (blank, "cover-incomplete", "department.name"));
  g_free (assert_fires (bad, "cover-reviewer-missing", "department.reviewer"));
  jx_department_set_name (department, " ");
  g_free (assert_fires (document, "cover-incomplete", "department.name"));
  jx_department_set_name (department, "某县机关事务服务中心");
  assert_quiet (document, "cover-incomplete");
  assert_quiet (document, "cover-reviewer-missing");
}

static void
test_overview_incomplete (void)
{
  g_autoptr(JxDocument) document = wrong ();
  JxProject *project = jx_test_project_at (document, 0);

  g_free (assert_fires (document, "overview-incomplete", "projects[0].overview.indicator_summary"));
  /* Empty in all three parts is overview-missing, not three findings. */
  jx_project_set_overview_description (project, "");
  jx_project_set_overview_goal (project, "");
  assert_quiet (document, "overview-incomplete");
  g_free (assert_fires (document, "overview-missing", "projects[0].overview"));
}

static void
test_numbering (void)
{
  g_autoptr(JxDocument) document = wrong ();
  g_autofree char *point_message = NULL;
  g_autofree char *measure_message = NULL;
  g_autoptr(JxDocument) fine = right ();

  point_message = assert_fires (document, "text-numbering", "overall.points[0]");
  assert_contains (point_message, "“1、1、…”");
  g_free (assert_fires (document, "text-numbering", "overall.points[2]"));
  measure_message = assert_fires (document, "text-numbering", "measures[0].heading");
  assert_contains (measure_message, "“1.一、…”");
  g_free (assert_fires (document, "text-numbering", "projects[1].goals[0]"));
  /* Without a heading the body is what follows the number. */
  jx_measure_set_heading (measure (fine, 0), "");
  jx_measure_set_body (measure (fine, 0), "（1）严格执行财务制度。");
  g_free (assert_fires (fine, "text-numbering", "measures[0].body"));
  /* Amounts, dates and lists of months are not numbering. */
  jx_measure_set_body (measure (fine, 0), "1.5万元用于采购。");
  jx_text_item_set_text (point (fine, 0), "2024年完成办公楼屋面防水维修。");
  jx_text_item_set_text (point (fine, 1), "1、2月完成招标。");
  assert_quiet (fine, "text-numbering");
}

static void
test_numbering_fix (void)
{
  g_autoptr(JxDocument) document = wrong ();
  g_autoptr(JxUndoStack) undo = jx_undo_stack_new (document);
  g_autofree char *before = jx_document_to_data (document, NULL);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(GPtrArray) findings = jx_checks_run (document);
  g_autoptr(GPtrArray) again = NULL;
  JxFinding *finding = NULL;

  g_assert_cmpuint (count (findings, "text-numbering", "overall.points[0]", &finding), ==, 1);
  g_assert_true (jx_checks_can_fix (finding));
  g_assert_nonnull (jx_checks_fix_label (finding));
  jx_undo_stack_begin_group (undo, jx_checks_fix_label (finding));
  g_assert_cmpuint (jx_checks_fix_all (document, findings, "text-numbering"), ==, 4);
  jx_undo_stack_end_group (undo);

  g_assert_cmpstr (jx_text_item_get_text (point (document, 0)), ==,
                   "完成办公楼屋面防水维修，消除安全隐患。");
  g_assert_cmpstr (jx_text_item_get_text (point (document, 2)), ==, "提高干部培训覆盖面。");
  g_assert_cmpstr (jx_measure_get_heading (measure (document, 0)), ==, "加强预算管理。");
  again = jx_checks_run (document);
  g_assert_cmpuint (count (again, "text-numbering", NULL, NULL), ==, 0);
  /* Applied already: the stale finding does nothing. */
  g_assert_false (jx_checks_fix (document, finding));
  after = jx_document_to_data (document, NULL);
  g_assert_cmpstr (after, !=, before);

  /* One step, undone exactly. */
  g_assert_true (jx_undo_stack_undo (undo));
  undone = jx_document_to_data (document, NULL);
  g_assert_cmpstr (undone, ==, before);
}

static void
test_fix_other_rules (void)
{
  g_autoptr(JxDocument) document = wrong ();
  g_autoptr(GPtrArray) findings = jx_checks_run (document);
  JxFinding *finding = NULL;

  g_assert_cmpuint (count (findings, "point-empty", NULL, &finding), ==, 1);
  g_assert_false (jx_checks_can_fix (finding));
  g_assert_null (jx_checks_fix_label (finding));
  g_assert_false (jx_checks_fix (document, finding));
}

static void
test_overview_amount (void)
{
  g_autoptr(JxDocument) document = wrong ();
  JxProject *project = jx_test_project_at (document, 0);
  g_autofree char *message = NULL;

  message = assert_fires (document, "overview-amount-mismatch", "projects[0].overview.description");
  assert_contains (message, "5万元");
  assert_contains (message, "50.00 万元");
  /* 元 read exactly; another amount; no amount. */
  jx_project_set_overview_description (project, "预算数500000元，用于屋面防水维修。");
  assert_quiet (document, "overview-amount-mismatch");
  jx_project_set_overview_description (project, "项目总预算数200万元，分三年实施。");
  assert_quiet (document, "overview-amount-mismatch");
  jx_project_set_overview_description (project, "对办公楼屋面进行防水维修。");
  assert_quiet (document, "overview-amount-mismatch");
  jx_project_set_overview_description (project, "本项目预算数50万元，其中：财政资金40万元。");
  g_free (message);
  message = assert_fires (document, "overview-amount-mismatch", "projects[0].overview.description");
  assert_contains (message, "财政资金");
}

static void
test_part1_total (void)
{
  g_autoptr(JxDocument) document = wrong ();
  g_autoptr(JxDocument) fine = right ();
  g_autofree char *message = NULL;
  const char *quiet[] = {
    "项目支出预算较上年增加10万元。",
    "安排项目支出约80万元。",
    "2023年项目支出80万元。",
    "项目资金750000元，全部为财政资金。",
    "部门预算总额300万元。",
    "项目支出预算共计75万元，其中：维修50万元。",
  };

  message = assert_fires (document, "part1-total-mismatch", "overall.summary");
  assert_contains (message, "80万元");
  assert_contains (message, "75.00 万元");
  for (guint i = 0; i < G_N_ELEMENTS (quiet); i++)
    {
      g_test_message ("quiet: %s", quiet[i]);
      jx_document_set_summary (fine, quiet[i]);
      assert_quiet (fine, "part1-total-mismatch");
    }
  /* In a point as well. */
  jx_text_item_set_text (point (fine, 1), "全年安排项目经费：90万元。");
  g_free (assert_fires (fine, "part1-total-mismatch", "overall.points[1]"));
}

/* Stands in for the render layer: a machine whose fonts stop at the BMP. */
static gboolean
bmp_only (gunichar c, gpointer user_data)
{
  guint *asked = user_data;

  (*asked)++;
  return c < 0x10000;
}

static gboolean
all_fonts (gunichar c, gpointer user_data)
{
  return TRUE;
}

static void
test_glyphs (void)
{
  g_autoptr(JxDocument) document = right ();
  g_autoptr(GPtrArray) plain = jx_checks_run (document);
  g_autoptr(GPtrArray) covered = jx_checks_run_with_fonts (document, all_fonts, NULL);
  g_autoptr(GPtrArray) findings = NULL;
  JxFinding *found = NULL;
  guint asked = 0;

  /* Without a coverage function nothing is said about fonts. */
  g_assert_cmpuint (count (plain, "text-glyph-missing", NULL, NULL), ==, 0);
  g_assert_cmpuint (count (covered, "text-glyph-missing", NULL, NULL), ==, 0);

  findings = jx_checks_run_with_fonts (document, bmp_only, &asked);
  dump (findings);
  g_assert_cmpuint (asked, >, 100);
  g_assert_cmpuint (count (findings, "text-glyph-missing", NULL, NULL), ==, 2);
  g_assert_cmpuint (count (findings, "text-glyph-missing", "projects[1].name", &found), ==, 1);
  g_assert_cmpint (jx_finding_get_severity (found), ==, JX_SEVERITY_HINT);
  g_assert_cmpint (jx_finding_get_project (found), ==, 1);
  assert_contains (jx_finding_get_message (found), "𠀀 (U+20000)、𠀁 (U+20001)");
  g_assert_cmpuint (count (findings, "text-glyph-missing", "projects[1].indicators[0].name", NULL),
                    ==, 1);
}

static void
test_glyphs_listed (void)
{
  g_autoptr(JxDocument) document = right ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GString) many = g_string_new ("村");
  JxFinding *found = NULL;
  guint asked = 0;

  for (gunichar c = 0x20000; c < 0x20010; c++)
    {
      g_string_append_unichar (many, c);
      g_string_append_unichar (many, c);   /* each named once */
    }
  jx_department_set_reviewer (jx_document_get_department (document), many->str);
  findings = jx_checks_run_with_fonts (document, bmp_only, &asked);
  g_assert_cmpuint (count (findings, "text-glyph-missing", "department.reviewer", &found), ==, 1);
  assert_contains (jx_finding_get_message (found), "𠀇 (U+20007)…");
  g_assert_null (strstr (jx_finding_get_message (found), "U+20008"));
  g_assert_null (strstr (jx_finding_get_message (found), "U+20000)、𠀀"));
}

static void
test_describe_open (void)
{
  g_autoptr(JxDocument) fine = right ();
  g_autoptr(JxDocument) bad = wrong ();
  g_autoptr(JxDocument) blank = empty ();
  g_autoptr(GPtrArray) none = jx_checks_run (fine);
  g_autoptr(GPtrArray) some = jx_checks_run (bad);
  g_autoptr(GPtrArray) errors_only = NULL;
  g_autofree char *said = jx_checks_describe_open (some);
  g_autofree char *errors_said = NULL;
  g_autoptr(JxTextItem) added = jx_text_item_new ("完成办公楼屋面防水维修。");
  guint errors, warnings;

  g_assert_null (jx_checks_describe_open (none));
  jx_checks_count (some, &errors, &warnings, NULL);
  g_assert_cmpuint (errors, ==, 2);
  g_assert_cmpuint (warnings, ==, 9);
  g_assert_cmpstr (said, ==, "The review still finds 2 errors and 9 warnings: a finance bureau "
                   "would return the document as it is.");
  /* Warnings alone do not stop anyone printing: nothing to say. */
  jx_department_set_unit_code (jx_document_get_department (bad), "201001");
  jx_text_item_set_text (point (bad, 1), "提升服务保障水平。");
  g_clear_pointer (&some, g_ptr_array_unref);
  some = jx_checks_run (bad);
  g_assert_null (jx_checks_describe_open (some));

  /* Errors without warnings: an empty department name, unit name and no measures. */
  jx_document_set_summary (blank, "做好办公用房维修。");
  g_list_store_append (G_LIST_STORE (jx_document_get_points (blank)), added);
  errors_only = jx_checks_run (blank);
  dump (errors_only);
  jx_checks_count (errors_only, &errors, &warnings, NULL);
  g_assert_cmpuint (errors, ==, 3);
  g_assert_cmpuint (warnings, ==, 0);
  errors_said = jx_checks_describe_open (errors_only);
  g_assert_cmpstr (errors_said, ==, "The review still finds 3 errors: a finance bureau would "
                   "return the document as it is.");
}

static void
test_describe (void)
{
  g_autoptr(JxDocument) document = right ();
  const char *cases[][2] = {
    { "department.unit_code", "Budget unit code" },
    { "department.reviewer", "Reviewed by" },
    { "overall.points", "Overall goals · Numbered points" },
    { "measures", "Guarantee measures" },
    { "measures[0].heading", "Guarantee measure 1 · Heading" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *described = jx_member_path_describe_string (cases[i][0], document);

      g_assert_cmpstr (described, ==, cases[i][1]);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/checks-part1/right-is-clean", test_right_is_clean);
  g_test_add_func ("/checks-part1/summary-missing", test_summary);
  g_test_add_func ("/checks-part1/points", test_points);
  g_test_add_func ("/checks-part1/measures", test_measures);
  g_test_add_func ("/checks-part1/cover", test_cover);
  g_test_add_func ("/checks-part1/overview-incomplete", test_overview_incomplete);
  g_test_add_func ("/checks-part1/text-numbering", test_numbering);
  g_test_add_func ("/checks-part1/text-numbering-fix", test_numbering_fix);
  g_test_add_func ("/checks-part1/fix-other-rules", test_fix_other_rules);
  g_test_add_func ("/checks-part1/overview-amount-mismatch", test_overview_amount);
  g_test_add_func ("/checks-part1/part1-total-mismatch", test_part1_total);
  g_test_add_func ("/checks-part1/text-glyph-missing", test_glyphs);
  g_test_add_func ("/checks-part1/text-glyph-missing-listed", test_glyphs_listed);
  g_test_add_func ("/checks-part1/describe", test_describe);
  g_test_add_func ("/checks-part1/describe-open", test_describe_open);
  return g_test_run ();
}
