/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "jx-change.h"
#include "jx-checkpoint.h"
#include "jx-diff.h"
#include "jx-diff-match.h"
#include "jx-document-io.h"
#include "jx-indicator.h"
#include "jx-json-private.h"
#include "jx-measure.h"
#include "jx-roll-forward.h"
#include "jx-test-utils.h"
#include "jx-text-item.h"

/* The example against edited copies of itself: each kind of change is
 * found, exactly once, where a reviewer would look for it. */

static JxDocument *
copy_of (JxDocument *document)
{
  gsize length;
  g_autofree char *data = jx_document_to_data (document, &length);
  JxDocument *copy = jx_document_load_data (data, length, NULL);

  g_assert_nonnull (copy);
  return copy;
}

static JxDiff *
compare_with_example (JxDocument *edited)
{
  g_autoptr(JxDocument) example = jx_test_load_example ();

  return jx_diff_new (example, edited);
}

/* The only change, which must be of this kind, item and member. */
static JxChange *
only_change (JxDiff *diff, JxChangeKind kind, JxChangeItem item, const char *member)
{
  GListModel *changes = jx_diff_get_changes (diff);
  JxChange *change;

  if (g_list_model_get_n_items (changes) != 1)
    {
      g_autofree char *text = jx_diff_to_text (diff);

      g_error ("expected one change, got %u:\n%s", g_list_model_get_n_items (changes), text);
    }
  change = g_list_model_get_item (changes, 0);
  g_object_unref (change);   /* the list keeps it */
  g_assert_cmpint (jx_change_get_kind (change), ==, kind);
  g_assert_cmpint (jx_change_get_item (change), ==, item);
  g_assert_cmpstr (jx_change_get_member (change), ==, member);
  return change;
}

static char *
marked_word (const char *text, const JxTextSpan *marks, guint n)
{
  g_assert_cmpuint (n, ==, 1);
  return g_strndup (text + marks[0].start, marks[0].end - marks[0].start);
}

static void
assert_match (const char * const *a, guint n, const char * const *b, guint m,
              const int *expected, const char *how)
{
  g_autoptr(JxMatch) match = jx_match_new (n, m);
  const char letters[] = "-KMC";   /* none, kept, moved, changed */

  jx_match_by_key (match, a, b);
  jx_match_find_moves (match);
  jx_match_fill_gaps (match);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (match->old_to_new[i], ==, expected[i]);
      g_assert_cmpint (letters[match->how[i]], ==, how[i]);
      if (expected[i] >= 0)
        g_assert_cmpint (match->new_to_old[expected[i]], ==, (int) i);
    }
}

/* The matching itself: in place, moved, changed in a gap, duplicates. */
static void
test_match (void)
{
  const char *a[] = { "a", "b", "c", "d", "e" };
  const char *b[] = { "e", "a", "b", "x", "d" };
  const int ab[] = { 1, 2, 3, 4, 0 };
  const char *c[] = { "a", "a", "b" };
  const char *d[] = { "b", "a", "a" };
  const int cd[] = { 1, 2, 0 };
  const char *e[] = { "a", NULL, "c" };
  const char *f[] = { "a", "z", "c" };
  const int ef[] = { 0, 1, 2 };

  assert_match (a, 5, b, 5, ab, "KKCKM");
  assert_match (c, 3, d, 3, cd, "KKM");
  /* A NULL key never matches by key, only by its place. */
  assert_match (e, 3, f, 3, ef, "KCK");
  assert_match (NULL, 0, a, 5, NULL, "");
}

static void
test_identical (void)
{
  g_autoptr(JxDocument) example = jx_test_load_example ();
  g_autoptr(JxDocument) copy = copy_of (example);
  g_autoptr(JxDiff) diff = jx_diff_new (example, copy);
  g_autofree char *text = jx_diff_to_text (diff);

  g_assert_true (jx_diff_is_empty (diff));
  g_assert_cmpstr (text, ==, "");
}

static void
test_cover (void)
{
  g_autoptr(JxDocument) edited = jx_test_load_example ();
  g_autoptr(JxDiff) diff = NULL;
  JxChange *change;

  jx_department_set_reviewer (jx_document_get_department (edited), "遵化市财政局预算科");
  diff = compare_with_example (edited);
  change = only_change (diff, JX_CHANGE_CHANGED, JX_CHANGE_ITEM_FIELD, "reviewer");
  g_assert_cmpint (jx_change_get_section (change), ==, JX_CHANGE_SECTION_COVER);
  g_assert_cmpstr (jx_change_get_new_path (change), ==, "department.reviewer");
  g_assert_cmpstr (jx_change_get_old_text (change), ==, "遵化市财政局");
}

static void
test_paragraph_words (void)
{
  g_autoptr(JxDocument) edited = jx_test_load_example ();
  g_autoptr(JxTextItem) point = g_list_model_get_item (jx_document_get_points (edited), 1);
  g_autoptr(GString) text = g_string_new (jx_text_item_get_text (point));
  g_autoptr(JxDiff) diff = NULL;
  g_autofree char *removed = NULL, *added = NULL;
  const JxTextSpan *marks;
  JxChange *change;
  guint n;

  g_string_replace (text, "进一步密切代表与群众的联系", "进一步加强代表与群众的联系", 1);
  jx_text_item_set_text (point, text->str);
  diff = compare_with_example (edited);
  change = only_change (diff, JX_CHANGE_CHANGED, JX_CHANGE_ITEM_PARAGRAPH, NULL);
  g_assert_cmpint (jx_change_get_section (change), ==, JX_CHANGE_SECTION_PART1);
  g_assert_cmpstr (jx_change_get_new_path (change), ==, "overall.points[1]");
  marks = jx_change_get_old_marks (change, &n);
  removed = marked_word (jx_change_get_old_text (change), marks, n);
  marks = jx_change_get_new_marks (change, &n);
  added = marked_word (jx_change_get_new_text (change), marks, n);
  g_assert_cmpstr (removed, ==, "密切");
  g_assert_cmpstr (added, ==, "加强");
}

/* The first line of text that starts with prefix, or NULL. */
static char *
line_starting (const char *text, const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (lines[i]);
  return NULL;
}

/* Words only added to a long paragraph: diff's text shows the old line
 * cut around the place they go, as the compare panel does, not the whole
 * old paragraph as if it had gone; and the same the other way round. */
static void
test_paragraph_words_only_added (void)
{
  g_autoptr(JxDocument) example = jx_test_load_example ();
  g_autoptr(JxDocument) edited = jx_test_load_example ();
  const char *summary = jx_document_get_summary (example);
  const char *at = strstr (summary, "增强监督实效");
  g_autoptr(GString) longer = g_string_new (summary);
  g_autoptr(JxDiff) diff = NULL;
  g_autoptr(JxDiff) back = NULL;
  g_autofree char *text = NULL, *back_text = NULL;
  g_autofree char *old_line = NULL, *new_line = NULL;
  g_autoptr(GArray) spans = NULL;
  JxChange *change;

  g_assert_nonnull (at);
  g_assert_cmpint (g_utf8_strlen (summary, -1), >, 150);
  g_string_insert (longer, at - summary, "切实");
  jx_document_set_summary (edited, longer->str);
  diff = compare_with_example (edited);
  change = only_change (diff, JX_CHANGE_CHANGED, JX_CHANGE_ITEM_PARAGRAPH, "summary");
  spans = jx_change_get_excerpt_spans (change, FALSE);
  g_assert_cmpuint (spans->len, ==, 1);
  g_assert_cmpuint (g_array_index (spans, JxTextSpan, 0).start, ==, at - summary);
  g_assert_cmpuint (g_array_index (spans, JxTextSpan, 0).end, ==, at - summary);

  text = jx_diff_to_text (diff);
  old_line = line_starting (text, "  − ");
  new_line = line_starting (text, "  + ");
  g_assert_nonnull (old_line);
  g_assert_nonnull (new_line);
  g_assert_nonnull (strstr (new_line, "{+切实+}增强监督实效"));
  g_assert_null (strstr (old_line, "[-"));
  g_assert_nonnull (strstr (old_line, "依法行使职权，增强监督实效"));
  g_assert_true (g_str_has_prefix (old_line, "  − …"));
  g_assert_true (g_str_has_suffix (old_line, "…"));
  g_assert_null (strstr (old_line, "深入贯彻落实"));
  g_assert_cmpint (g_utf8_strlen (old_line, -1), <, g_utf8_strlen (summary, -1) / 2);

  /* The words taken out again: the new line is cut around where they were. */
  back = jx_diff_new (edited, example);
  back_text = jx_diff_to_text (back);
  g_clear_pointer (&old_line, g_free);
  g_clear_pointer (&new_line, g_free);
  old_line = line_starting (back_text, "  − ");
  new_line = line_starting (back_text, "  + ");
  g_assert_nonnull (strstr (old_line, "[-切实-]增强监督实效"));
  g_assert_null (strstr (new_line, "{+"));
  g_assert_nonnull (strstr (new_line, "依法行使职权，增强监督实效"));
  g_assert_true (g_str_has_prefix (new_line, "  + …"));
  g_assert_null (strstr (new_line, "深入贯彻落实"));
}

static void
test_paragraph_moved_added_removed (void)
{
  g_autoptr(JxDocument) edited = jx_test_load_example ();
  GListStore *measures = G_LIST_STORE (jx_document_get_measures (edited));
  GListStore *points = G_LIST_STORE (jx_document_get_points (edited));
  g_autoptr(JxMeasure) first = g_list_model_get_item (G_LIST_MODEL (measures), 0);
  g_autoptr(JxTextItem) extra = jx_text_item_new ("加强人大机关自身建设。");
  g_autoptr(JxDiff) diff = NULL;
  JxChange *change;

  g_list_store_remove (measures, 0);
  g_list_store_append (measures, first);
  diff = compare_with_example (edited);
  change = only_change (diff, JX_CHANGE_MOVED, JX_CHANGE_ITEM_PARAGRAPH, NULL);
  g_assert_cmpint (jx_change_get_old_position (change), ==, 0);
  g_assert_cmpint (jx_change_get_new_position (change), ==,
                   (int) g_list_model_get_n_items (G_LIST_MODEL (measures)) - 1);
  g_clear_object (&diff);

  g_list_store_remove (measures, g_list_model_get_n_items (G_LIST_MODEL (measures)) - 1);
  g_list_store_insert (measures, 0, first);
  g_list_store_append (points, extra);
  diff = compare_with_example (edited);
  change = only_change (diff, JX_CHANGE_ADDED, JX_CHANGE_ITEM_PARAGRAPH, NULL);
  g_assert_cmpstr (jx_change_get_new_path (change), ==, "overall.points[3]");
  g_assert_null (jx_change_get_old_path (change));
  g_clear_object (&diff);

  g_list_store_remove (points, 3);
  g_list_store_remove (points, 0);
  diff = compare_with_example (edited);
  change = only_change (diff, JX_CHANGE_REMOVED, JX_CHANGE_ITEM_PARAGRAPH, NULL);
  g_assert_cmpstr (jx_change_get_old_path (change), ==, "overall.points[0]");
}

static void
test_project_renamed_and_code (void)
{
  g_autoptr(JxDocument) edited = jx_test_load_example ();
  JxProject *first = jx_test_project_at (edited, 0);
  g_autoptr(JxDiff) diff = NULL;
  JxChange *change;

  jx_project_set_name (first, "“智慧人大”平台经费");
  diff = compare_with_example (edited);
  change = only_change (diff, JX_CHANGE_RENAMED, JX_CHANGE_ITEM_PROJECT, "name");
  g_assert_cmpstr (jx_change_get_old_text (change), ==, "“智慧人大”系统经费");
  g_assert_cmpint (jx_change_get_old_project (change), ==, 0);
  g_assert_cmpint (jx_change_get_new_project (change), ==, 0);
  g_clear_object (&diff);

  /* Matched by name when the code is new. */
  jx_project_set_name (first, "“智慧人大”系统经费");
  jx_project_set_code (first, "13028124P00099999999M");
  diff = compare_with_example (edited);
  change = only_change (diff, JX_CHANGE_CHANGED, JX_CHANGE_ITEM_PROJECT, "code");
  g_assert_cmpstr (jx_change_get_new_text (change), ==, "13028124P00099999999M");
}

static void
test_project_added_removed_moved (void)
{
  g_autoptr(JxDocument) edited = jx_test_load_example ();
  GListStore *projects = G_LIST_STORE (jx_document_get_projects (edited));
  g_autoptr(JxProject) last = g_list_model_get_item (G_LIST_MODEL (projects), 6);
  g_autoptr(JxProject) extra = jx_project_new ("13028124P000000000001", "人大网站维护经费");
  g_autoptr(JxDiff) diff = NULL;
  JxChange *change;

  g_list_store_remove (projects, 6);
  g_list_store_insert (projects, 0, last);
  diff = compare_with_example (edited);
  change = only_change (diff, JX_CHANGE_MOVED, JX_CHANGE_ITEM_PROJECT, NULL);
  g_assert_cmpint (jx_change_get_old_position (change), ==, 6);
  g_assert_cmpint (jx_change_get_new_position (change), ==, 0);
  g_clear_object (&diff);

  g_list_store_remove (projects, 0);
  diff = compare_with_example (edited);
  change = only_change (diff, JX_CHANGE_REMOVED, JX_CHANGE_ITEM_PROJECT, NULL);
  g_assert_cmpstr (jx_change_get_old_text (change), ==, "人大招商资金");
  g_assert_nonnull (strstr (jx_change_get_place (change), "人大招商资金"));
  g_clear_object (&diff);

  g_list_store_append (projects, last);
  g_list_store_append (projects, extra);
  diff = compare_with_example (edited);
  change = only_change (diff, JX_CHANGE_ADDED, JX_CHANGE_ITEM_PROJECT, NULL);
  g_assert_cmpstr (jx_change_get_new_path (change), ==, "projects[7]");
}

static void
test_funds_and_plan (void)
{
  g_autoptr(JxDocument) edited = jx_test_load_example ();
  JxProject *second = jx_test_project_at (edited, 1);
  GListStore *plan = G_LIST_STORE (jx_project_get_spending_plan (second));
  g_autoptr(JxCheckpoint) june = g_list_model_get_item (G_LIST_MODEL (plan), 1);
  g_autoptr(JxCheckpoint) august = jx_checkpoint_new (8, 70);
  g_autoptr(JxDiff) diff = NULL;
  JxChange *change;
  JxMoney a, b;

  jx_project_set_fiscal (second, jx_project_get_fiscal (second) + 5 * JX_MONEY_SCALE);
  diff = compare_with_example (edited);
  change = only_change (diff, JX_CHANGE_CHANGED, JX_CHANGE_ITEM_FUNDS, "funds");
  g_assert_true (jx_change_get_funds (change, JX_FUNDS_TOTAL, &a, &b));
  g_assert_cmpint (b - a, ==, 5 * JX_MONEY_SCALE);
  g_assert_true (jx_change_get_funds (change, JX_FUNDS_OTHER, &a, &b));
  g_assert_cmpint (a, ==, b);
  g_clear_object (&diff);

  jx_project_set_fiscal (second, jx_project_get_fiscal (second) - 5 * JX_MONEY_SCALE);
  jx_checkpoint_set_percent (june, 50);
  diff = compare_with_example (edited);
  change = only_change (diff, JX_CHANGE_CHANGED, JX_CHANGE_ITEM_PLAN, "percent");
  g_assert_cmpstr (jx_change_get_old_text (change), ==, "60%");
  g_assert_cmpstr (jx_change_get_new_text (change), ==, "50%");
  g_assert_cmpstr (jx_change_get_place (change), ==,
                   "Project 2 “人大八届四次会议费” · Spending plan · End of month 6");
  g_clear_object (&diff);

  jx_checkpoint_set_percent (june, 60);
  g_list_store_insert (plan, 2, august);
  diff = compare_with_example (edited);
  change = only_change (diff, JX_CHANGE_ADDED, JX_CHANGE_ITEM_PLAN, "percent");
  g_assert_cmpstr (jx_change_get_new_path (change), ==, "projects[1].spending_plan[2]");
}

/* In Chinese a month of the plan is "6月底", as the form's month button
 * and the printed 资金支出计划（%） name it, not "6 月末". */
static void
test_plan_month_chinese (void)
{
  g_autoptr(JxDocument) edited = jx_test_load_example ();
  g_autoptr(JxCheckpoint) june =
    g_list_model_get_item (jx_project_get_spending_plan (jx_test_project_at (edited, 1)), 1);
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autoptr(JxDiff) diff = NULL;
  g_autofree char *month = NULL;
  g_autofree char *text = NULL;
  JxChange *change;

  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed");
      return;
    }
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  month = jx_checkpoint_describe_month (jx_checkpoint_get_month (june));
  g_assert_cmpstr (month, ==, "6月底");
  jx_checkpoint_set_percent (june, 50);
  diff = compare_with_example (edited);
  change = only_change (diff, JX_CHANGE_CHANGED, JX_CHANGE_ITEM_PLAN, "percent");
  g_assert_cmpstr (jx_change_get_place (change), ==, "项目2「人大八届四次会议费」· 资金支出计划 · 6月底");
  text = jx_diff_to_text (diff);
  g_assert_nonnull (strstr (text, "· 资金支出计划 · 6月底：60% → 50%"));
  g_assert_null (strstr (text, "月末"));
  g_setenv ("LANGUAGE", "", TRUE);
  setlocale (LC_ALL, saved);
}

static void
test_goals (void)
{
  g_autoptr(JxDocument) edited = jx_test_load_example ();
  GListStore *goals = G_LIST_STORE (jx_project_get_goals (jx_test_project_at (edited, 2)));
  g_autoptr(JxTextItem) extra = jx_text_item_new ("组织代表开展专题调研。");
  g_autoptr(JxTextItem) first = g_list_model_get_item (G_LIST_MODEL (goals), 0);
  g_autoptr(JxDiff) diff = NULL;
  JxChange *change;

  g_list_store_append (goals, extra);
  diff = compare_with_example (edited);
  change = only_change (diff, JX_CHANGE_ADDED, JX_CHANGE_ITEM_GOAL, NULL);
  g_assert_cmpint (jx_change_get_section (change), ==, JX_CHANGE_SECTION_PROJECTS);
  g_clear_object (&diff);

  g_list_store_remove (goals, g_list_model_get_n_items (G_LIST_MODEL (goals)) - 1);
  jx_text_item_set_text (first, "组织代表开展视察调研活动。");
  diff = compare_with_example (edited);
  only_change (diff, JX_CHANGE_CHANGED, JX_CHANGE_ITEM_GOAL, NULL);
}

static void
test_indicator_rows (void)
{
  g_autoptr(JxDocument) edited = jx_test_load_example ();
  JxProject *fourth = jx_test_project_at (edited, 3);
  GListStore *rows = G_LIST_STORE (jx_project_get_indicators (fourth));
  g_autoptr(JxIndicator) moved = g_list_model_get_item (G_LIST_MODEL (rows), 4);
  g_autoptr(JxIndicator) extra = jx_indicator_new ("产出指标", "数量指标", "培训人次", "",
                                                   "≥100人次", "年度计划");
  g_autoptr(JxDiff) diff = NULL;
  JxChange *change;

  /* Only moved: shown as a move, not as changed cells. */
  g_list_store_remove (rows, 4);
  g_list_store_insert (rows, 0, moved);
  diff = compare_with_example (edited);
  change = only_change (diff, JX_CHANGE_MOVED, JX_CHANGE_ITEM_INDICATOR, NULL);
  g_assert_cmpint (jx_change_get_old_position (change), ==, 4);
  g_assert_cmpint (jx_change_get_new_position (change), ==, 0);
  g_clear_object (&diff);

  g_list_store_remove (rows, 0);
  g_list_store_insert (rows, 4, moved);
  jx_indicator_set_value (moved, "≥90%");
  diff = compare_with_example (edited);
  change = only_change (diff, JX_CHANGE_CHANGED, JX_CHANGE_ITEM_CELL, "value");
  g_assert_cmpstr (jx_change_get_new_path (change), ==, "projects[3].indicators[4].value");
  g_clear_object (&diff);

  /* A new 三级指标 in the same place: the same row, renamed. */
  jx_indicator_set_value (moved, "≥95%");
  jx_indicator_set_name (moved, "办公条件改善程度");
  diff = compare_with_example (edited);
  only_change (diff, JX_CHANGE_CHANGED, JX_CHANGE_ITEM_CELL, "name");
  g_clear_object (&diff);

  jx_indicator_set_name (moved, "工作环境改善程度");
  g_list_store_append (rows, extra);
  diff = compare_with_example (edited);
  change = only_change (diff, JX_CHANGE_ADDED, JX_CHANGE_ITEM_INDICATOR, NULL);
  g_assert_nonnull (strstr (jx_change_get_new_text (change), "培训人次"));
  g_clear_object (&diff);

  g_list_store_remove (rows, g_list_model_get_n_items (G_LIST_MODEL (rows)) - 1);
  g_list_store_remove (rows, 1);
  diff = compare_with_example (edited);
  only_change (diff, JX_CHANGE_REMOVED, JX_CHANGE_ITEM_INDICATOR, NULL);
}

/* Next year's document against this year's: the year once, not a change
 * on every line that names it; real edits still show. */
static void
test_other_year (void)
{
  g_autoptr(JxDocument) example = jx_test_load_example ();
  g_autoptr(JxRollForward) roll = jx_roll_forward_new (example, JX_ROLL_FORWARD_KEEP, NULL);
  JxDocument *next = jx_roll_forward_get_document (roll);
  JxProject *first = jx_test_project_at (next, 0);
  g_autoptr(JxDiff) diff = jx_diff_new (example, next);
  JxChange *change;
  g_autoptr(GListModel) changes = NULL;

  change = only_change (diff, JX_CHANGE_CHANGED, JX_CHANGE_ITEM_YEAR, "year");
  g_assert_cmpstr (jx_change_get_old_text (change), ==, "2024");
  g_assert_cmpstr (jx_change_get_new_text (change), ==, "2025");
  g_clear_object (&diff);

  /* The finance system's new codes differ only in the year: the same project. */
  jx_project_set_code (first, "13028125P00094210001M");
  jx_indicator_set_value (jx_test_indicator_at (first, 2), "2025年11月30日前");
  diff = jx_diff_new (example, next);
  g_assert_cmpuint (g_list_model_get_n_items (jx_diff_get_changes (diff)), ==, 2);
  change = g_list_model_get_item (jx_diff_get_changes (diff), 1);
  g_assert_cmpint (jx_change_get_item (change), ==, JX_CHANGE_ITEM_CELL);
  {
    guint n;
    const JxTextSpan *marks = jx_change_get_new_marks (change, &n);
    g_autofree char *word = marked_word (jx_change_get_new_text (change), marks, n);

    /* The year is not marked: only the date that really changed. */
    g_assert_cmpstr (word, ==, "11月30");
  }
  g_object_unref (change);
}

static void
test_text_and_json (void)
{
  g_autoptr(JxDocument) edited = jx_test_load_example ();
  g_autoptr(JxDiff) diff = NULL;
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object, *first;

  jx_project_set_name (jx_test_project_at (edited, 0), "“智慧人大”平台经费");
  jx_indicator_set_value (jx_test_indicator_at (jx_test_project_at (edited, 4), 1), "≥98%");
  diff = compare_with_example (edited);
  text = jx_diff_to_text (diff);
  g_assert_nonnull (strstr (text, "== Part 2: the projects ==\n"));
  g_assert_nonnull (strstr (text, "renamed: “智慧人大”系统经费 → “智慧人大”平台经费"));
  g_assert_nonnull (strstr (text, "Target value: ≥95% → ≥98%"));

  json = jx_diff_to_json (diff, "old.json", "new.json");
  root = jx_json_parse (json, strlen (json), 64, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==,
                   "budget-performance-comparison");
  g_assert_cmpint (json_object_get_int_member (object, "year_shift"), ==, 0);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (object, "changes")), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "counts"),
                                               "renamed"), ==, 1);
  first = json_array_get_object_element (json_object_get_array_member (object, "changes"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "renamed");
  g_assert_cmpstr (json_object_get_string_member (first, "new_path"), ==, "projects[0].name");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "old"),
                                                  "file"), ==, "old.json");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JIXIAO_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_add_func ("/diff/match", test_match);
  g_test_add_func ("/diff/identical", test_identical);
  g_test_add_func ("/diff/cover", test_cover);
  g_test_add_func ("/diff/paragraph-words", test_paragraph_words);
  g_test_add_func ("/diff/paragraph-words-only-added", test_paragraph_words_only_added);
  g_test_add_func ("/diff/paragraph-moved-added-removed", test_paragraph_moved_added_removed);
  g_test_add_func ("/diff/project-renamed-and-code", test_project_renamed_and_code);
  g_test_add_func ("/diff/project-added-removed-moved", test_project_added_removed_moved);
  g_test_add_func ("/diff/funds-and-plan", test_funds_and_plan);
  g_test_add_func ("/diff/plan-month-chinese", test_plan_month_chinese);
  g_test_add_func ("/diff/goals", test_goals);
  g_test_add_func ("/diff/indicator-rows", test_indicator_rows);
  g_test_add_func ("/diff/other-year", test_other_year);
  g_test_add_func ("/diff/text-and-json", test_text_and_json);
  return g_test_run ();
}
