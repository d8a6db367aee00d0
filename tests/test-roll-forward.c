/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "jx-change.h"
#include "jx-checkpoint.h"
#include "jx-checks.h"
#include "jx-document-io.h"
#include "jx-indicator.h"
#include "jx-roll-forward.h"
#include "jx-stage.h"
#include "jx-test-utils.h"
#include "jx-text-item.h"
#include "jx-year-file.h"

/* Next year's document from this year's: what moves, what stays, what is
 * listed for the clerk, and the file it is saved as. */

static JxRollForward *
roll (JxDocument *document, JxRollForwardFlags flags)
{
  g_autoptr(GError) error = NULL;
  JxRollForward *result = jx_roll_forward_new (document, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static JxChange *
change_at (JxRollForward *result, const char *path)
{
  GListModel *changes = jx_roll_forward_get_changes (result);

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(JxChange) change = g_list_model_get_item (changes, i);

      if (g_strcmp0 (jx_change_get_new_path (change), path) == 0)
        return change;   /* the list keeps it */
    }
  return NULL;
}

static guint
count_rule (JxDocument *document, const char *rule)
{
  g_autoptr(GPtrArray) findings = jx_checks_run (document);
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (jx_finding_get_rule_id (g_ptr_array_index (findings, i)), rule))
      n++;
  return n;
}

static void
test_example (void)
{
  g_autoptr(JxDocument) old = jx_test_load_example ();
  g_autoptr(JxRollForward) result = roll (old, JX_ROLL_FORWARD_KEEP);
  JxDocument *next = jx_roll_forward_get_document (result);
  JxProject *first = jx_test_project_at (next, 0);
  JxChange *change;
  const JxTextSpan *marks;
  guint n_marks;

  g_assert_cmpuint (jx_document_get_year (next), ==, 2025);
  g_assert_true (jx_document_get_draft (next));
  g_assert_cmpuint (g_list_model_get_n_items (jx_document_get_projects (next)), ==, 7);
  g_assert_cmpint (jx_document_get_total (next), ==, jx_document_get_total (old));
  g_assert_cmpstr (jx_indicator_get_value (jx_test_indicator_at (first, 2)), ==, "2025年12月31日前");
  /* Codes are the finance system's to change. */
  g_assert_cmpstr (jx_project_get_code (first), ==, "13028124P00094210001M");
  /* The old document is as it was. */
  g_assert_cmpuint (jx_document_get_year (old), ==, 2024);
  g_assert_cmpstr (jx_indicator_get_value (jx_test_indicator_at (jx_test_project_at (old, 0), 2)),
                   ==, "2024年12月31日前");

  /* The year, then the ten texts whose years moved, each once. */
  g_assert_cmpuint (g_list_model_get_n_items (jx_roll_forward_get_changes (result)), ==, 11);
  change = change_at (result, "projects[0].indicators[2].value");
  g_assert_nonnull (change);
  g_assert_cmpstr (jx_change_get_old_text (change), ==, "2024年12月31日前");
  g_assert_cmpstr (jx_change_get_new_text (change), ==, "2025年12月31日前");
  g_assert_nonnull (strstr (jx_change_get_place (change), "平台业务完成时限"));
  marks = jx_change_get_new_marks (change, &n_marks);
  g_assert_cmpuint (n_marks, ==, 1);
  g_assert_cmpuint (marks[0].start, ==, 0);
  g_assert_cmpuint (marks[0].end, ==, 4);
  g_assert_nonnull (change_at (result, "projects[5].goals[1]"));
  g_assert_nonnull (change_at (result, "projects[5].usage"));
  /* A basis citing 〔2019〕15号 is not a year of the budget. */
  g_assert_null (change_at (result, "projects[0].indicators[0].basis"));

  g_assert_cmpuint (jx_roll_forward_get_n_old_codes (result), ==, 7);
  g_assert_cmpuint (count_rule (old, "project-code-year"), ==, 0);
  g_assert_cmpuint (count_rule (next, "project-code-year"), ==, 7);
}

static void
test_texts (void)
{
  g_autoptr(JxDocument) old = jx_test_load_example ();
  g_autoptr(JxRollForward) result = NULL;
  JxDocument *next;
  JxProject *first = jx_test_project_at (old, 0);
  g_autoptr(JxTextItem) goal = g_list_model_get_item (jx_project_get_goals (first), 0);
  g_autofree char *text = NULL;

  jx_document_set_summary (old, "2024年度工作比2023年有所提升，落实《2024年工作要点》。");
  jx_text_item_set_text (goal, "项目实施期2024.07-2025.01，自2021年以来持续开展。");
  jx_indicator_set_basis (jx_test_indicator_at (first, 0), "冀财预〔2024〕15号");
  jx_department_set_reviewer (jx_document_get_department (old), "2024年度财政局");
  result = roll (old, JX_ROLL_FORWARD_KEEP);
  next = jx_roll_forward_get_document (result);

  g_assert_cmpstr (jx_document_get_summary (next), ==,
                   "2025年度工作比2023年有所提升，落实《2024年工作要点》。");
  {
    g_autoptr(JxTextItem) moved = g_list_model_get_item (
      jx_project_get_goals (jx_test_project_at (next, 0)), 0);

    g_assert_cmpstr (jx_text_item_get_text (moved), ==, "项目实施期2025.07-2026.01，自2021年以来持续开展。");
  }
  g_assert_cmpstr (jx_indicator_get_basis (jx_test_indicator_at (jx_test_project_at (next, 0), 0)),
                   ==, "冀财预〔2024〕15号");
  g_assert_nonnull (change_at (result, "overall.summary"));
  g_assert_nonnull (change_at (result, "department.reviewer"));
  g_assert_cmpint (jx_change_get_section (change_at (result, "overall.summary")), ==,
                   JX_CHANGE_SECTION_PART1);
  g_assert_cmpint (jx_change_get_section (change_at (result, "department.reviewer")), ==,
                   JX_CHANGE_SECTION_COVER);

  /* The list as text: a line per change, the years marked in long texts. */
  text = jx_roll_forward_to_text (result);
  g_assert_nonnull (strstr (text, "2024年12月31日前 → 2025年12月31日前"));
  g_assert_nonnull (strstr (text, "2024 → 2025"));
  g_assert_nonnull (strstr (text, "7 project codes still carry the year 24"));
}

static void
test_amounts_and_plans (void)
{
  g_autoptr(JxDocument) old = jx_test_load_example ();
  g_autoptr(JxRollForward) kept = roll (old, JX_ROLL_FORWARD_KEEP);
  g_autoptr(JxRollForward) cleared = roll (old, JX_ROLL_FORWARD_CLEAR_AMOUNTS);
  g_autoptr(JxRollForward) both = roll (old, JX_ROLL_FORWARD_CLEAR_AMOUNTS |
                                             JX_ROLL_FORWARD_CLEAR_PLANS);
  JxDocument *next;

  next = jx_roll_forward_get_document (kept);
  g_assert_cmpint (jx_project_get_fiscal (jx_test_project_at (next, 0)), ==, 3 * JX_MONEY_SCALE);
  g_assert_cmpuint (g_list_model_get_n_items (
    jx_project_get_spending_plan (jx_test_project_at (next, 0))), ==, 4);
  g_assert_cmpuint (jx_roll_forward_get_n_cleared_amounts (kept), ==, 0);

  next = jx_roll_forward_get_document (cleared);
  g_assert_cmpint (jx_document_get_total (next), ==, 0);
  g_assert_cmpuint (jx_roll_forward_get_n_cleared_amounts (cleared), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (
    jx_project_get_spending_plan (jx_test_project_at (next, 0))), ==, 4);
  /* The rest is kept all the same. */
  g_assert_cmpuint (g_list_model_get_n_items (
    jx_project_get_indicators (jx_test_project_at (next, 0))), ==, 6);

  next = jx_roll_forward_get_document (both);
  g_assert_cmpuint (g_list_model_get_n_items (
    jx_project_get_spending_plan (jx_test_project_at (next, 0))), ==, 0);
  g_assert_cmpuint (jx_roll_forward_get_n_cleared_plans (both), ==, 7);
  g_assert_cmpint (jx_document_get_total (old), ==, 270 * JX_MONEY_SCALE);
}

static void
test_draft_and_last_year (void)
{
  g_autoptr(JxDocument) old = jx_test_load_example ();
  g_autoptr(JxRollForward) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JxChange *draft;

  jx_document_set_draft (old, FALSE);
  result = roll (old, JX_ROLL_FORWARD_KEEP);
  draft = change_at (result, "draft");
  g_assert_nonnull (draft);
  g_assert_true (jx_document_get_draft (jx_roll_forward_get_document (result)));
  text = jx_roll_forward_to_text (result);
  g_assert_nonnull (strstr (text, "years moved in 10 texts."));
  g_clear_object (&result);

  /* Nothing but the year and （草案）: no text counted. */
  g_clear_object (&old);
  old = jx_document_new ();
  jx_document_set_year (old, 2030);
  jx_document_set_draft (old, FALSE);
  result = roll (old, JX_ROLL_FORWARD_KEEP);
  g_clear_pointer (&text, g_free);
  text = jx_roll_forward_to_text (result);
  g_assert_nonnull (strstr (text, "years moved in 0 texts."));
  g_assert_cmpuint (g_list_model_get_n_items (jx_roll_forward_get_changes (result)), ==, 2);

  jx_document_set_year (old, JX_YEAR_MAX);
  g_assert_null (jx_roll_forward_new (old, JX_ROLL_FORWARD_KEEP, &error));
  g_assert_error (error, JX_ROLL_FORWARD_ERROR, JX_ROLL_FORWARD_ERROR_LAST_YEAR);
}

/* Last year's 监控 and 自评 stay with last year's document. */
static void
test_stages (void)
{
  g_autoptr(JxDocument) old = jx_test_load ("tests/fixtures/valid/stages-2024.json");
  g_autoptr(JxRollForward) result = NULL;
  JxDocument *next;
  GListModel *projects;
  guint had = 0;

  projects = jx_document_get_projects (old);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    had += jx_project_has_stage_data (jx_test_project_at (old, i), JX_STAGE_EVALUATION) ||
           jx_project_has_stage_data (jx_test_project_at (old, i), JX_STAGE_MONITORING);
  g_assert_cmpuint (had, >, 0);
  result = roll (old, JX_ROLL_FORWARD_KEEP);
  next = jx_roll_forward_get_document (result);
  g_assert_cmpint (jx_document_get_stage (next), ==, JX_STAGE_GOALS);
  g_assert_cmpuint (jx_roll_forward_get_n_cleared_stages (result), ==, had);
  projects = jx_document_get_projects (next);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_assert_false (jx_project_has_stage_data (jx_test_project_at (next, i), JX_STAGE_MONITORING));
      g_assert_false (jx_project_has_stage_data (jx_test_project_at (next, i), JX_STAGE_EVALUATION));
    }
  if (jx_document_get_stage (old) != JX_STAGE_GOALS)
    g_assert_nonnull (change_at (result, "stage"));
  /* Written as a goal-only file: no empty stage objects left behind. */
  {
    g_autofree char *written = jx_document_to_data (next, NULL);

    g_assert_null (strstr (written, "\"monitoring\""));
    g_assert_null (strstr (written, "\"evaluation\""));
    g_assert_null (strstr (written, "\"stage\""));
  }
}

/* Members of other tools come along, as saving would keep them. */
static void
test_unknown_members (void)
{
  g_autofree char *path = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  g_autofree char *data = jx_test_read_file (path, NULL);
  g_autoptr(GString) edited = g_string_new (data);
  g_autoptr(JxDocument) old = NULL;
  g_autoptr(JxRollForward) result = NULL;
  g_autofree char *written = NULL;

  g_string_replace (edited, "\"year\": 2024,", "\"year\": 2024,\n  \"x-bureau-note\": \"初审\",", 1);
  old = jx_document_load_data (edited->str, edited->len, NULL);
  g_assert_nonnull (old);
  result = roll (old, JX_ROLL_FORWARD_KEEP);
  written = jx_document_to_data (jx_roll_forward_get_document (result), NULL);
  g_assert_nonnull (strstr (written, "\"x-bureau-note\": \"初审\""));
  g_assert_nonnull (strstr (written, "\"year\": 2025"));
}

/* A department of many projects written from a template, as big ones are. */
static void
test_generated (void)
{
  g_autoptr(JxDocument) old = jx_document_new ();
  g_autoptr(JxRollForward) result = NULL;
  const guint n = 300;

  jx_document_set_year (old, 2030);
  jx_department_set_name (jx_document_get_department (old), "某县教育局");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *code = g_strdup_printf ("13022530P%012u", i);
      g_autofree char *name = g_strdup_printf ("第%u号项目", i + 1);
      g_autoptr(JxProject) project = jx_project_new (code, name);
      g_autoptr(JxIndicator) time = jx_indicator_new ("产出指标", "时效指标", "完成时限", "",
                                                      i % 2 ? "2030年6月30日前" : "按时完成",
                                                      "《2029年工作要点》");
      g_autoptr(JxCheckpoint) point = jx_checkpoint_new (12, 100);

      jx_project_set_fiscal (project, (i + 1) * JX_MONEY_SCALE);
      g_list_store_append (G_LIST_STORE (jx_project_get_indicators (project)), time);
      g_list_store_append (G_LIST_STORE (jx_project_get_spending_plan (project)), point);
      g_list_store_append (G_LIST_STORE (jx_document_get_projects (old)), project);
    }
  result = roll (old, JX_ROLL_FORWARD_CLEAR_PLANS);
  g_assert_cmpuint (jx_document_get_year (jx_roll_forward_get_document (result)), ==, 2031);
  g_assert_cmpuint (g_list_model_get_n_items (jx_roll_forward_get_changes (result)), ==, 1 + n / 2);
  g_assert_cmpuint (jx_roll_forward_get_n_old_codes (result), ==, n);
  g_assert_cmpuint (jx_roll_forward_get_n_cleared_plans (result), ==, n);
  g_assert_cmpuint (jx_roll_forward_get_n_cleared_amounts (result), ==, 0);
  g_assert_cmpstr (jx_indicator_get_value (jx_test_indicator_at (
    jx_test_project_at (jx_roll_forward_get_document (result), 1), 0)), ==, "2031年6月30日前");
}

static void
test_code_year_rule (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  JxProject *first = jx_test_project_at (document, 0);
  g_autoptr(GPtrArray) findings = NULL;
  JxFinding *finding = NULL;

  jx_document_set_year (document, 2025);
  findings = jx_checks_run (document);
  for (guint i = 0; i < findings->len && finding == NULL; i++)
    if (g_str_equal (jx_finding_get_rule_id (g_ptr_array_index (findings, i)), "project-code-year"))
      finding = g_ptr_array_index (findings, i);
  g_assert_nonnull (finding);
  g_assert_cmpstr (jx_finding_get_path (finding), ==, "projects[0].code");
  g_assert_cmpint (jx_finding_get_severity (finding), ==, JX_SEVERITY_HINT);
  g_assert_nonnull (strstr (jx_finding_get_message (finding), "13028124P00094210001M"));
  g_assert_cmpuint (count_rule (document, "project-code-year"), ==, 7);

  /* A continuing project two years on, and codes of another form: quiet. */
  jx_document_set_year (document, 2026);
  g_assert_cmpuint (count_rule (document, "project-code-year"), ==, 0);
  jx_document_set_year (document, 2025);
  jx_project_set_code (first, "13028124000094210001");
  g_assert_cmpuint (count_rule (document, "project-code-year"), ==, 6);
  jx_project_set_code (first, "P2024-001");
  g_assert_cmpuint (count_rule (document, "project-code-year"), ==, 6);
  jx_project_set_code (first, "13028125P00094210001M");
  g_assert_cmpuint (count_rule (document, "project-code-year"), ==, 6);
}

static void
test_file_name (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  JxDepartment *department = jx_document_get_department (document);
  g_autofree char *name = NULL;
  g_autofree char *next = NULL;
  g_autofree char *same = NULL;
  g_autofree char *odd = NULL;
  g_autofree char *untitled = NULL;
  g_autofree char *bare = NULL;

  jx_document_set_year (document, 2025);
  name = jx_year_file_name (document);
  g_assert_cmpstr (name, ==, "2025遵化市人民代表大会常务委员会.jixiao.json");
  next = jx_year_file_propose (document, "/data/2024/zunhua-renda-2024.json");
  g_assert_cmpstr (next, ==, "/data/2024/2025遵化市人民代表大会常务委员会.jixiao.json");
  /* Never the old file's own name. */
  same = jx_year_file_propose (document, "/data/2025遵化市人民代表大会常务委员会.jixiao.json");
  g_assert_cmpstr (same, ==, "/data/2025遵化市人民代表大会常务委员会（2）.jixiao.json");
  bare = jx_year_file_propose (document, NULL);
  g_assert_cmpstr (bare, ==, name);

  jx_department_set_name (department, " 某局/办公室: 二处 ");
  odd = jx_year_file_name (document);
  g_assert_cmpstr (odd, ==, "2025某局_办公室_ 二处.jixiao.json");
  jx_department_set_name (department, "");
  untitled = jx_year_file_name (document);
  g_assert_cmpstr (untitled, ==, "2025部门预算绩效文本.jixiao.json");
}

static void
test_file_check (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *example = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  g_autofree char *missing = g_build_filename (dir, "none.jixiao.json", NULL);
  g_autofree char *garbage = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  guint year = 1;

  g_assert_cmpint (jx_year_file_check (missing, 2025, &year), ==, JX_YEAR_FILE_NEW);
  g_assert_cmpuint (year, ==, 0);
  g_assert_cmpint (jx_year_file_check (example, 2024, &year), ==, JX_YEAR_FILE_SAME_YEAR);
  g_assert_cmpint (jx_year_file_check (example, 2025, &year), ==, JX_YEAR_FILE_OTHER_YEAR);
  g_assert_cmpuint (year, ==, 2024);
  g_assert_true (g_file_set_contents (garbage, "会议记录", -1, NULL));
  g_assert_cmpint (jx_year_file_check (garbage, 2025, NULL), ==, JX_YEAR_FILE_NOT_DOCUMENT);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  /* Returns at once: a FIFO is never opened. */
  g_assert_cmpint (jx_year_file_check (fifo, 2025, NULL), ==, JX_YEAR_FILE_NOT_DOCUMENT);
  jx_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/roll-forward/example", test_example);
  g_test_add_func ("/roll-forward/texts", test_texts);
  g_test_add_func ("/roll-forward/amounts-and-plans", test_amounts_and_plans);
  g_test_add_func ("/roll-forward/draft-and-last-year", test_draft_and_last_year);
  g_test_add_func ("/roll-forward/stages", test_stages);
  g_test_add_func ("/roll-forward/unknown-members", test_unknown_members);
  g_test_add_func ("/roll-forward/generated", test_generated);
  g_test_add_func ("/roll-forward/code-year-rule", test_code_year_rule);
  g_test_add_func ("/roll-forward/file-name", test_file_name);
  g_test_add_func ("/roll-forward/file-check", test_file_check);
  return g_test_run ();
}
