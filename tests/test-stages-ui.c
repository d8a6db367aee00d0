/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The stages in the window: the switch, the project's fields of each stage,
 * the scores, and print, preview and the chart following the stage. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include <dlfcn.h>
#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <X11/keysym.h>
#include <gdk/x11/gdkx.h>
#endif

#include "jx-amount-entry.h"
#include "jx-chart-view.h"
#include "jx-document-io.h"
#include "jx-indicator-rows.h"
#include "jx-indicator-table.h"
#include "jx-page-layout.h"
#include "jx-preview.h"
#include "jx-print.h"
#include "jx-project-form.h"
#include "jx-score-entry.h"
#include "jx-scoring.h"
#include "jx-sidebar.h"
#include "jx-stage.h"
#include "jx-stage-cell.h"
#include "jx-table-cell.h"
#include "jx-test-gtk.h"
#include "jx-widget-util.h"
#include "jx-window.h"

#define WAN(x) ((JxMoney) ((x) * JX_MONEY_SCALE))
#define FIXTURE "tests/fixtures/valid/stages-2024.json"

/* Assertions on English text are skipped for pictures in another language. */
static gboolean in_english = TRUE;

static void
wait_for (JxTestCondition condition, gpointer data)
{
  g_assert_true (jx_test_wait_for (condition, data, 30000));
}

static JxWindow *
open_sized (const char *relative,
            int         width,
            int         height)
{
  g_autofree char *path = jx_test_source_path (relative);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JxWindow *window = jx_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (jx_window_open_file (window, file));
  jx_test_settle ();
  return window;
}

static JxWindow *
open_fixture (void)
{
  return open_sized (FIXTURE, 1024, 700);
}

static GtkWidget *
named (JxWindow *window, const char *name)
{
  GtkWidget *widget = jx_widget_find_named (GTK_WIDGET (window), name);

  g_assert_nonnull (widget);
  return widget;
}

/* Clicks a stage button as the clerk does. */
static void
choose_stage (JxWindow *window, JxStage stage)
{
  g_autofree char *name = g_strdup_printf ("stage-%s", jx_stage_to_string (stage));

  g_signal_emit_by_name (named (window, name), "clicked");
  jx_test_settle ();
}

static gboolean
stage_button_active (JxWindow *window, JxStage stage)
{
  g_autofree char *name = g_strdup_printf ("stage-%s", jx_stage_to_string (stage));

  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (named (window, name)));
}

static JxProject *
show_project (JxWindow *window, guint position)
{
  JxProject *project = jx_test_project_at (jx_window_get_document (window), position);

  jx_window_show_project (window, project);
  jx_test_settle ();
  return project;
}

/* The entry inside a named amount or score entry of the project form. */
static GtkEditable *
entry_of (JxWindow *window, const char *name)
{
  GtkWidget *widget = jx_widget_find_named (jx_window_get_project_form (window), name);

  g_assert_nonnull (widget);
  if (JX_IS_AMOUNT_ENTRY (widget))
    return GTK_EDITABLE (jx_amount_entry_get_entry (JX_AMOUNT_ENTRY (widget)));
  if (JX_IS_SCORE_ENTRY (widget))
    return GTK_EDITABLE (jx_score_entry_get_entry (JX_SCORE_ENTRY (widget)));
  g_assert_true (GTK_IS_EDITABLE (widget));
  return GTK_EDITABLE (widget);
}

static const char *
label_of (JxWindow *window, const char *name)
{
  GtkWidget *widget = jx_widget_find_named (jx_window_get_project_form (window), name);

  g_assert_true (GTK_IS_LABEL (widget));
  return gtk_label_get_text (GTK_LABEL (widget));
}

/* Whether the widget and every parent up to the window show. */
static gboolean
shows (GtkWidget *widget)
{
  return widget != NULL && gtk_widget_is_visible (widget);
}

static void
undo (JxWindow *window)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  jx_test_settle ();
}

static void
close_window (JxWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  jx_test_settle ();
}

static gboolean
save_finished (gpointer window)
{
  return !jx_window_is_saving (window) && !jx_window_get_modified (window);
}

/* ---- The switch ---- */

/* The switch shows the document's stage and month, sets them as undo
 * steps, and the project form shows the fields of the stage. */
static void
test_switch (void)
{
  JxWindow *window = open_fixture ();
  JxDocument *document = jx_window_get_document (window);
  GtkWidget *month = named (window, "stage-month");
  GtkWidget *fields;

  show_project (window, 0);
  fields = jx_widget_find_named (jx_window_get_project_form (window), "evaluation-executed");
  g_assert_cmpint (jx_document_get_stage (document), ==, JX_STAGE_EVALUATION);
  g_assert_true (stage_button_active (window, JX_STAGE_EVALUATION));
  g_assert_false (shows (month));
  g_assert_true (shows (fields));
  g_assert_true (shows (named (window, "evaluation-conclusion")));

  choose_stage (window, JX_STAGE_MONITORING);
  g_assert_cmpint (jx_document_get_stage (document), ==, JX_STAGE_MONITORING);
  g_assert_true (jx_window_get_modified (window));
  g_assert_true (shows (month));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (month)), ==, 5);
  g_assert_false (shows (fields));
  g_assert_false (shows (named (window, "evaluation-conclusion")));
  g_assert_true (shows (named (window, "monitoring-executed")));
  jx_test_screenshot (window, "stage-monitoring-1024x700");

  /* The months of the monitoring: the fields say which. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (month), 6);
  g_assert_cmpuint (jx_document_get_monitoring_month (document), ==, 7);
  if (in_english)
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (window, "monitoring-rate"))), !=, "");

  undo (window);
  g_assert_cmpuint (jx_document_get_monitoring_month (document), ==, 6);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (month)), ==, 5);
  undo (window);
  g_assert_cmpint (jx_document_get_stage (document), ==, JX_STAGE_EVALUATION);
  g_assert_true (stage_button_active (window, JX_STAGE_EVALUATION));
  g_assert_false (stage_button_active (window, JX_STAGE_MONITORING));
  g_assert_false (shows (month));
  g_assert_false (jx_window_get_modified (window));

  choose_stage (window, JX_STAGE_GOALS);
  g_assert_cmpint (jx_document_get_stage (document), ==, JX_STAGE_GOALS);
  g_assert_false (shows (named (window, "evaluation-executed")));
  g_assert_false (shows (named (window, "monitoring-executed")));
  /* Clicking the stage shown again changes nothing. */
  choose_stage (window, JX_STAGE_GOALS);
  g_assert_true (stage_button_active (window, JX_STAGE_GOALS));
  close_window (window);
}

/* The stage and what was entered go into the file and come back. */
static void
test_saved (void)
{
  JxWindow *window = open_fixture ();
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "saved.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JxDocument) saved = NULL;
  g_autoptr(GError) error = NULL;

  choose_stage (window, JX_STAGE_MONITORING);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (window, "stage-month")), 6);
  show_project (window, 1);
  gtk_editable_set_text (entry_of (window, "monitoring-adjusted-budget"), "55");
  jx_window_save_to_file (window, file);
  wait_for (save_finished, window);
  close_window (window);

  saved = jx_document_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jx_document_get_stage (saved), ==, JX_STAGE_MONITORING);
  g_assert_cmpuint (jx_document_get_monitoring_month (saved), ==, 7);
  g_assert_cmpint (jx_project_get_monitoring_adjusted_budget (jx_test_project_at (saved, 1)), ==, WAN (55));
  jx_test_remove_tree (dir);
}

/* ---- The project's fields ---- */

typedef struct
{
  JxReview *review;
  const char *rule;
  const char *path;
  gboolean present;
} FindingWait;

static gboolean
finding_is (gpointer data)
{
  FindingWait *wait = data;
  GListModel *findings = jx_review_get_findings (wait->review);
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (findings) && !found; i++)
    {
      g_autoptr(JxFinding) finding = g_list_model_get_item (findings, i);

      found = g_str_equal (jx_finding_get_rule_id (finding), wait->rule) &&
              g_str_equal (jx_finding_get_path (finding), wait->path);
    }
  return jx_review_get_checked (wait->review) && found == wait->present;
}

static void
wait_finding (JxWindow *window, const char *rule, const char *path, gboolean present)
{
  FindingWait wait = { jx_document_session_get_review (jx_window_get_session (window)), rule, path,
                       present };

  wait_for (finding_is, &wait);
}

/* Amounts are exact, an empty one is not entered, the rate follows, and
 * the review follows what is entered. */
static void
test_monitoring_fields (void)
{
  JxWindow *window = open_fixture ();
  JxProject *project;
  GtkEditable *executed;
  GtkEditable *adjusted;

  choose_stage (window, JX_STAGE_MONITORING);
  project = show_project (window, 0);
  executed = entry_of (window, "monitoring-executed");
  adjusted = entry_of (window, "monitoring-adjusted-budget");
  g_assert_cmpstr (gtk_editable_get_text (executed), ==, "0.90");
  /* Not adjusted: empty, with the budget it stands for as its hint. */
  g_assert_cmpstr (gtk_editable_get_text (adjusted), ==, "");
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (adjusted)), ==, "3.00");
  g_assert_true (g_str_has_prefix (label_of (window, "monitoring-rate"), "30%"));

  gtk_editable_set_text (executed, "1.234567");
  g_assert_cmpint (jx_project_get_monitoring_executed (project), ==, 1234567);
  g_assert_true (g_str_has_prefix (label_of (window, "monitoring-rate"), "41.15%"));
  gtk_editable_set_text (adjusted, "2");
  g_assert_cmpint (jx_project_get_monitoring_budget (project), ==, WAN (2));
  g_assert_true (g_str_has_prefix (label_of (window, "monitoring-rate"), "61.73%"));
  jx_test_screenshot (window, "stage-monitoring-fields-1024x700");

  /* Emptied: not entered, and the review asks for it at its place. */
  gtk_editable_set_text (executed, "");
  g_assert_cmpint (jx_project_get_monitoring_executed (project), ==, JX_AMOUNT_UNSET);
  g_assert_true (g_str_has_prefix (label_of (window, "monitoring-rate"), "—"));
  wait_finding (window, "monitoring-execution-missing", "projects[0].monitoring.executed", TRUE);
  gtk_editable_set_text (executed, "0.9");
  wait_finding (window, "monitoring-execution-missing", "projects[0].monitoring.executed", FALSE);

  /* Undo goes back keystroke by keystroke to the file's amount. */
  while (jx_project_get_monitoring_executed (project) != WAN (0.9) ||
         jx_project_get_monitoring_adjusted_budget (project) != JX_AMOUNT_UNSET)
    {
      g_assert_true (jx_undo_stack_get_can_undo (jx_window_get_undo_stack (window)));
      undo (window);
    }
  g_assert_cmpstr (gtk_editable_get_text (adjusted), ==, "");
  close_window (window);
}

/* The execution score shows what the rule gives, takes a typed one over
 * it, and the total follows both. */
static void
test_evaluation_score (void)
{
  JxWindow *window = open_fixture ();
  JxProject *project = show_project (window, 2);
  JxScoreEntry *score = JX_SCORE_ENTRY (named (window, "evaluation-execution-score"));
  GtkEditable *entry = entry_of (window, "evaluation-execution-score");

  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "9.5");
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)), ==, "9.4");
  g_assert_true (g_str_has_prefix (label_of (window, "evaluation-total"), "88.12"));
  jx_test_screenshot (window, "stage-evaluation-1024x700");

  gtk_editable_set_text (entry, "");
  g_assert_cmpfloat (jx_project_get_evaluation_execution_score (project), ==, JX_SCORE_UNSET);
  g_assert_true (g_str_has_prefix (label_of (window, "evaluation-total"), "88.02"));

  /* More than 10 is refused and changes nothing. */
  gtk_editable_set_text (entry, "12");
  g_assert_nonnull (jx_score_entry_get_error (score));
  g_assert_cmpfloat (jx_project_get_evaluation_execution_score (project), ==, JX_SCORE_UNSET);
  gtk_editable_set_text (entry, "８");
  g_assert_null (jx_score_entry_get_error (score));
  g_assert_cmpfloat (jx_project_get_evaluation_execution_score (project), ==, 8);
  g_assert_true (g_str_has_prefix (label_of (window, "evaluation-total"), "86.62"));

  while (jx_project_get_evaluation_execution_score (project) != 9.5)
    undo (window);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "9.5");

  /* The spending for the year: emptied, the review asks for it. */
  gtk_editable_set_text (entry_of (window, "evaluation-executed"), "");
  g_assert_cmpint (jx_project_get_evaluation_executed (project), ==, JX_AMOUNT_UNSET);
  g_assert_true (g_str_has_prefix (label_of (window, "evaluation-rate"), "—"));
  wait_finding (window, "evaluation-execution-missing", "projects[2].evaluation.executed", TRUE);
  close_window (window);
}

/* A finding of a stage field puts the focus in that field. */
static void
test_focus_place (void)
{
  JxWindow *window = open_fixture ();
  g_autoptr(JxMemberPath) place = jx_member_path_parse ("projects[1].evaluation.conclusion");
  g_autoptr(JxMemberPath) amount = jx_member_path_parse ("projects[2].evaluation.executed");
  GtkWidget *focus;

  jx_window_show_place (window, place, TRUE);
  jx_test_settle ();
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_cmpstr (gtk_widget_get_name (focus), ==, "evaluation-conclusion");
  jx_window_show_place (window, amount, TRUE);
  jx_test_settle ();
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == GTK_WIDGET (entry_of (window, "evaluation-executed")) ||
                 gtk_widget_is_ancestor (focus, GTK_WIDGET (entry_of (window, "evaluation-executed"))));
  close_window (window);
}

/* ---- The indicator table ---- */

static JxIndicatorTable *
table_of (JxWindow *window)
{
  return JX_INDICATOR_TABLE (jx_project_form_get_indicator_table (JX_PROJECT_FORM (jx_window_get_project_form (window))));
}

typedef struct
{
  JxIndicatorTable *table;
  guint row;
  const char *member;
} CellWait;

static gboolean
cell_shown (gpointer data)
{
  CellWait *wait = data;

  return jx_indicator_table_get_stage_cell (wait->table, wait->row, wait->member) != NULL;
}

/* The stage cell of a member at a row, once its row is bound. */
static JxStageCell *
stage_cell (JxWindow *window, guint row, const char *member)
{
  CellWait wait = { table_of (window), row, member };

  wait_for (cell_shown, &wait);
  return JX_STAGE_CELL (jx_indicator_table_get_stage_cell (wait.table, row, member));
}

static GtkWidget *
focus_of (JxWindow *window, guint row, const char *member)
{
  return jx_stage_cell_get_focus_widget (stage_cell (window, row, member));
}

/* What the score cell shows: the typed points, else the computed hint. */
static const char *
score_shown (JxWindow *window, guint row)
{
  GtkEntry *entry = GTK_ENTRY (focus_of (window, row, "evaluation.score"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  return text[0] != '\0' ? text : gtk_entry_get_placeholder_text (entry);
}

static gboolean
goal_editable (JxWindow *window, guint row, JxIndicatorColumn column)
{
  GtkWidget *cell = jx_indicator_table_get_cell (table_of (window), row, column);

  g_assert_nonnull (cell);
  return gtk_editable_get_editable (GTK_EDITABLE (cell));
}

/* Each stage shows its own columns after the goal columns, which are
 * read-only with the rows until the goals stage is back. */
static void
test_table_columns (void)
{
  JxWindow *window = open_fixture ();
  JxProject *project = show_project (window, 2);
  JxIndicatorTable *table = table_of (window);
  guint n_rows = g_list_model_get_n_items (jx_project_get_indicators (project));

  g_assert_nonnull (stage_cell (window, 0, "evaluation.actual"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus_of (window, 0, "evaluation.actual"))), ==, "12次");
  g_assert_null (jx_indicator_table_get_stage_cell (table, 0, "monitoring.actual"));
  g_assert_false (goal_editable (window, 0, JX_INDICATOR_COLUMN_VALUE));
  g_assert_false (goal_editable (window, 0, JX_INDICATOR_COLUMN_LEVEL1));
  /* No row is added or removed beside the results. */
  jx_indicator_table_set_current (table, 0);
  gtk_widget_activate_action (GTK_WIDGET (table), "indicators.add", NULL);
  gtk_widget_activate_action (GTK_WIDGET (table), "indicators.delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (jx_project_get_indicators (project)), ==, n_rows);

  choose_stage (window, JX_STAGE_MONITORING);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus_of (window, 0, "monitoring.actual"))), ==, "6次");
  g_assert_null (jx_indicator_table_get_stage_cell (table, 0, "evaluation.actual"));
  g_assert_false (goal_editable (window, 0, JX_INDICATOR_COLUMN_NAME));

  choose_stage (window, JX_STAGE_GOALS);
  g_assert_null (jx_indicator_table_get_stage_cell (table, 0, "monitoring.actual"));
  g_assert_true (goal_editable (window, 0, JX_INDICATOR_COLUMN_VALUE));
  g_assert_true (goal_editable (window, 0, JX_INDICATOR_COLUMN_LEVEL1));
  jx_indicator_table_set_current (table, 0);
  gtk_widget_activate_action (GTK_WIDGET (table), "indicators.add", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (jx_project_get_indicators (project)), ==, n_rows + 1);
  close_window (window);
}

/* The table's header labels below root, by their text, each with the
 * header it sits in (GtkColumnViewTitle, the part of the header row that
 * is the column's). */
static void
collect_headers (GtkWidget *root, GtkWidget *header, GHashTable *headers)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (root), "GtkColumnViewTitle"))
    header = root;
  if (header != NULL && GTK_IS_LABEL (root))
    {
      g_object_set_data (G_OBJECT (root), "header", header);
      g_hash_table_insert (headers, (gpointer) gtk_label_get_text (GTK_LABEL (root)), root);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_headers (child, header, headers);
}

/* Every result column's title shows whole, in a language whose titles
 * are longer than their columns' widths too. */
static void
assert_stage_headers_whole (JxWindow *window, JxStage stage)
{
  g_autoptr(GHashTable) headers = g_hash_table_new (g_str_hash, g_str_equal);
  const JxStageColumn *columns;
  guint n;

  choose_stage (window, stage);
  collect_headers (GTK_WIDGET (table_of (window)), NULL, headers);
  columns = jx_stage_columns (stage, &n);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = jx_stage_column_title (&columns[i], jx_document_get_monitoring_month (jx_window_get_document (window)));
      GtkWidget *label = g_hash_table_lookup (headers, title);
      int natural, shown;

      g_assert_nonnull (label);
      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      shown = gtk_widget_get_width (g_object_get_data (G_OBJECT (label), "header"));
      if (natural > shown)
        g_error ("the header \"%s\" needs %d pixels and has %d", title, natural, shown);
    }
}

static void
test_table_headers_whole (void)
{
  JxWindow *window = open_fixture ();

  show_project (window, 2);
  assert_stage_headers_whole (window, JX_STAGE_EVALUATION);
  assert_stage_headers_whole (window, JX_STAGE_MONITORING);
  close_window (window);
}

/* An actual value entered moves the row's score, the project's total and
 * the findings; a typed score replaces the computed one until emptied. */
static void
test_table_scores (void)
{
  JxWindow *window = open_fixture ();
  JxProject *project = show_project (window, 2);
  JxIndicator *reports = jx_test_indicator_at (project, 1);
  JxIndicator *first = jx_test_indicator_at (project, 0);
  GtkEditable *actual = GTK_EDITABLE (focus_of (window, 1, "evaluation.actual"));
  GtkEditable *score = GTK_EDITABLE (focus_of (window, 1, "evaluation.score"));
  GtkEditable *weight = GTK_EDITABLE (focus_of (window, 1, "evaluation.weight"));
  GtkWidget *note = named (window, "indicator-score-note");

  /* ≥5篇 with 4篇: 4 ÷ 5 of the 12.5 points the row has by default. */
  g_assert_cmpstr (gtk_editable_get_text (actual), ==, "4篇");
  g_assert_cmpstr (score_shown (window, 1), ==, "10");
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (weight)), ==, "12.5");
  g_assert_true (g_str_has_prefix (label_of (window, "evaluation-total"), "88.12"));

  gtk_editable_set_text (actual, "5篇");
  g_assert_cmpstr (jx_indicator_get_evaluation_actual (reports), ==, "5篇");
  g_assert_cmpstr (score_shown (window, 1), ==, "12.5");
  g_assert_true (g_str_has_prefix (label_of (window, "evaluation-total"), "90.62"));

  /* The selected row says how its score was reached. */
  jx_indicator_table_set_current (table_of (window), 1);
  jx_test_settle ();
  g_assert_true (shows (note));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (note)), in_english ? "Row 2 scores 12.5" : "第 2 行"));

  /* Typed over the rule, and back to it when emptied. */
  gtk_editable_set_text (score, "7");
  g_assert_cmpfloat (jx_indicator_get_evaluation_score (reports), ==, 7);
  g_assert_true (g_str_has_prefix (label_of (window, "evaluation-total"), "85.12"));
  gtk_editable_set_text (score, "");
  g_assert_cmpfloat (jx_indicator_get_evaluation_score (reports), ==, JX_SCORE_UNSET);
  g_assert_cmpstr (score_shown (window, 1), ==, "12.5");

  /* A 分值 typed: the weights no longer add up to 90. */
  gtk_editable_set_text (weight, "20");
  g_assert_cmpfloat (jx_indicator_get_evaluation_weight (reports), ==, 20);
  wait_finding (window, "evaluation-weights-not-90", "projects[2].indicators", TRUE);
  gtk_editable_set_text (weight, "");
  wait_finding (window, "evaluation-weights-not-90", "projects[2].indicators", FALSE);

  /* No actual value for a quantified row: asked for at its cell. */
  gtk_editable_set_text (GTK_EDITABLE (focus_of (window, 0, "evaluation.actual")), "");
  g_assert_cmpstr (score_shown (window, 0), ==, "0");
  wait_finding (window, "evaluation-actual-missing", "projects[2].indicators[0].evaluation.actual", TRUE);
  g_assert_cmpstr (jx_indicator_get_evaluation_actual (first), ==, "");

  /* Undone step by step, back to the file's values. */
  while (g_strcmp0 (jx_indicator_get_evaluation_actual (first), "12次") != 0 ||
         g_strcmp0 (jx_indicator_get_evaluation_actual (reports), "4篇") != 0)
    {
      g_assert_true (jx_undo_stack_get_can_undo (jx_window_get_undo_stack (window)));
      undo (window);
    }
  g_assert_cmpstr (gtk_editable_get_text (actual), ==, "4篇");
  g_assert_cmpstr (score_shown (window, 1), ==, "10");
  close_window (window);
}

/* A qualitative row is judged by a choice; a quantified one cannot be. */
static void
test_table_achievement (void)
{
  JxWindow *window = open_fixture ();
  JxProject *project = show_project (window, 2);
  GtkWidget *timely = focus_of (window, 2, "evaluation.achievement");
  GtkWidget *counted = focus_of (window, 0, "evaluation.achievement");

  g_assert_true (gtk_widget_get_sensitive (timely));
  g_assert_false (gtk_widget_get_sensitive (counted));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (timely)), ==, JX_ACHIEVEMENT_PARTIAL);
  g_assert_cmpstr (score_shown (window, 2), ==, "6.25");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (timely), JX_ACHIEVEMENT_MET);
  g_assert_cmpint (jx_indicator_get_evaluation_achievement (jx_test_indicator_at (project, 2)), ==,
                   JX_ACHIEVEMENT_MET);
  g_assert_cmpstr (score_shown (window, 2), ==, "12.5");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (timely), JX_ACHIEVEMENT_NONE);
  wait_finding (window, "evaluation-achievement-missing", "projects[2].indicators[2].evaluation.achievement",
                TRUE);
  close_window (window);
}

static GtkCheckButton *
cause_button (GtkWidget *menu_button, const char *label)
{
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
  GtkWidget *box = gtk_popover_get_child (GTK_POPOVER (popover));

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_CHECK_BUTTON (child) &&
        g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (child)), label) == 0)
      return GTK_CHECK_BUTTON (child);
  g_assert_not_reached ();
}

/* A target at risk needs its causes and their explanation, as the budget
 * systems require: the review says so until they are given. */
static void
test_table_monitoring (void)
{
  JxWindow *window = open_fixture ();
  JxProject *project;
  JxIndicator *row;
  GtkWidget *likelihood;
  GtkWidget *causes;
  const char *path = "projects[0].indicators[1].monitoring.causes";

  choose_stage (window, JX_STAGE_MONITORING);
  project = show_project (window, 0);
  row = jx_test_indicator_at (project, 1);
  likelihood = focus_of (window, 1, "monitoring.likelihood");
  causes = focus_of (window, 1, "monitoring.causes");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (likelihood)), ==, JX_LIKELIHOOD_CERTAIN);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (likelihood), JX_LIKELIHOOD_POSSIBLE);
  g_assert_cmpint (jx_indicator_get_monitoring_likelihood (row), ==, JX_LIKELIHOOD_POSSIBLE);
  wait_finding (window, "monitoring-cause-missing", path, TRUE);

  gtk_check_button_set_active (cause_button (causes, "经费保障"), TRUE);
  gtk_check_button_set_active (cause_button (causes, "其他"), TRUE);
  g_assert_cmpint (jx_indicator_get_monitoring_causes (row), ==, JX_CAUSE_FUNDS | JX_CAUSE_OTHER);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (causes)), ==, "经费保障、其他");
  wait_finding (window, "monitoring-cause-missing", path, FALSE);
  wait_finding (window, "monitoring-cause-missing", "projects[0].indicators[1].monitoring.note", TRUE);
  gtk_editable_set_text (GTK_EDITABLE (focus_of (window, 1, "monitoring.note")), "采购延期");
  wait_finding (window, "monitoring-cause-missing", "projects[0].indicators[1].monitoring.note", FALSE);

  /* Undo shows each step in its cell. */
  undo (window);
  g_assert_cmpstr (jx_indicator_get_monitoring_cause_note (row), ==, "");
  undo (window);
  g_assert_cmpint (jx_indicator_get_monitoring_causes (row), ==, JX_CAUSE_FUNDS);
  g_assert_false (gtk_check_button_get_active (cause_button (causes, "其他")));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (causes)), ==, "经费保障");
  close_window (window);
}

/* A finding of a row's stage field puts the focus in its cell. */
static void
test_table_focus_place (void)
{
  JxWindow *window = open_fixture ();
  g_autoptr(JxMemberPath) place = jx_member_path_parse ("projects[2].indicators[4].evaluation.weight");
  GtkWidget *focus;

  jx_window_show_place (window, place, TRUE);
  jx_test_settle ();
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == focus_of (window, 4, "evaluation.weight") ||
                 gtk_widget_is_ancestor (focus, focus_of (window, 4, "evaluation.weight")));
  close_window (window);
}

static GtkScrolledWindow *
table_scroller (JxWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (table_of (window));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_SCROLLED_WINDOW (child))
      return GTK_SCROLLED_WINDOW (child);
  g_assert_not_reached ();
}

/* Whether all of widget lies inside the table's scrolled view. */
static gboolean
inside_view (JxWindow *window, GtkWidget *widget)
{
  GtkWidget *scroller = GTK_WIDGET (table_scroller (window));
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, scroller, &bounds))
    return FALSE;
  return bounds.origin.x >= -1 && bounds.origin.x + bounds.size.width <= gtk_widget_get_width (scroller) + 1;
}

static gboolean
cell_inside (gpointer data)
{
  CellWait *wait = data;
  GtkWidget *cell = jx_indicator_table_get_stage_cell (wait->table, wait->row, wait->member);
  GtkWidget *window = cell != NULL ? GTK_WIDGET (gtk_widget_get_root (cell)) : NULL;

  return cell != NULL && inside_view (JX_WINDOW (window), cell);
}

/* The table with the stage's columns is wider than the form: it scrolls
 * sideways, the goal columns keep their widths, and a cell taking the
 * focus is scrolled into view. At both usual window sizes. */
static void
check_wide_table (int width, int height)
{
  JxWindow *window = open_sized (FIXTURE, width, height);
  JxIndicatorTable *table;
  GtkAdjustment *sideways;
  CellWait wait;
  guint n_stage_columns;
  const JxStageColumn *stage_columns = jx_stage_columns (JX_STAGE_EVALUATION, &n_stage_columns);
  g_autofree char *evaluation = g_strdup_printf ("stage-table-evaluation-%dx%d", width, height);
  g_autofree char *monitoring = g_strdup_printf ("stage-table-monitoring-%dx%d", width, height);

  show_project (window, 2);
  table = table_of (window);
  wait = (CellWait) { table, 5, "evaluation.score" };
  g_assert_nonnull (stage_cell (window, 5, "evaluation.score"));
  sideways = gtk_scrolled_window_get_hadjustment (table_scroller (window));
  g_assert_cmpfloat (gtk_adjustment_get_upper (sideways), >, gtk_adjustment_get_page_size (sideways));
  /* Nothing squeezed to unreadable: every cell keeps a usable width. */
  for (guint column = 0; column < JX_INDICATOR_N_COLUMNS; column++)
    g_assert_cmpint (gtk_widget_get_width (jx_indicator_table_get_cell (table, 0, column)), >=, 40);
  for (guint i = 0; i < n_stage_columns; i++)
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (stage_cell (window, 0, stage_columns[i].member))), >=, 40);
  g_assert_true (jx_indicator_table_focus_stage_cell (table, 5, "evaluation.score"));
  wait_for (cell_inside, &wait);
  jx_indicator_table_set_current (table, 5);
  jx_test_screenshot (window, evaluation);

  choose_stage (window, JX_STAGE_MONITORING);
  wait = (CellWait) { table, 1, "monitoring.causes" };
  g_assert_nonnull (stage_cell (window, 1, "monitoring.causes"));
  g_assert_true (jx_indicator_table_focus_stage_cell (table, 1, "monitoring.causes"));
  wait_for (cell_inside, &wait);
  jx_test_screenshot (window, monitoring);
  close_window (window);
}

static void
test_table_wide (void)
{
  check_wide_table (1024, 700);
  check_wide_table (1280, 800);
}

typedef struct
{
  JxTableCell *cell;
  int lines;
} Lines;

static gboolean
laid_out_taller (gpointer data)
{
  Lines *lines = data;

  return jx_table_cell_get_n_lines (lines->cell) >= lines->lines && jx_table_cell_shows_all (lines->cell);
}

/* A long text of a stage column wraps and its row grows to show it, as a
 * goal cell does; the row's goal cells are as tall, the choices stay at
 * its top. */
static void
check_stage_text_whole (JxWindow   *window,
                        const char *member,
                        const char *picture)
{
  const char *long_text = "受疫情和上级政策调整影响，部分代表视察和专题调研活动推迟到第三季度开展，"
                          "执法检查报告的起草和审议时间相应后移，上半年完成数低于序时进度";
  JxIndicatorTable *table = table_of (window);
  JxIndicator *indicator = jx_stage_cell_get_indicator (stage_cell (window, 0, member));
  JxTableCell *cell;
  GtkWidget *name = jx_indicator_table_get_cell (table, 0, JX_INDICATOR_COLUMN_NAME);
  Lines lines = { NULL, 3 };
  g_autoptr(PangoLayout) line = NULL;
  int one_line;

  g_object_set (indicator, jx_stage_column_find (member)->property, long_text, NULL);
  cell = lines.cell = JX_TABLE_CELL (focus_of (window, 0, member));
  wait_for (laid_out_taller, &lines);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, long_text);
  line = gtk_widget_create_pango_layout (GTK_WIDGET (cell), "测");
  pango_layout_get_pixel_size (line, NULL, &one_line);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (cell)), >=, 3 * one_line);
  g_assert_cmpint (gtk_widget_get_height (name), >=, gtk_widget_get_height (GTK_WIDGET (cell)));
  /* Edited in place, it stays whole. */
  g_assert_true (jx_indicator_table_focus_stage_cell (table, 0, member));
  g_assert_nonnull (jx_table_cell_get_editor (cell));
  gtk_editable_set_position (GTK_EDITABLE (cell), -1);
  jx_table_cell_insert_at_cursor (cell, "。");
  lines.lines = jx_table_cell_get_n_lines (cell);
  wait_for (laid_out_taller, &lines);
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (cell)), long_text));
  g_assert_true (g_str_has_suffix (gtk_editable_get_text (GTK_EDITABLE (cell)), "。"));
  jx_indicator_table_set_current (table, 0);
  jx_test_screenshot (window, picture);
}

static void
test_table_stage_text_whole (void)
{
  JxWindow *window = open_fixture ();
  GtkWidget *likelihood;

  show_project (window, 2);
  choose_stage (window, JX_STAGE_MONITORING);
  check_stage_text_whole (window, "monitoring.note", "stage-table-long-note-1024x700");
  likelihood = GTK_WIDGET (stage_cell (window, 0, "monitoring.likelihood"));
  g_assert_cmpint (gtk_widget_get_height (likelihood), <,
                   gtk_widget_get_height (GTK_WIDGET (stage_cell (window, 0, "monitoring.note"))));
  choose_stage (window, JX_STAGE_EVALUATION);
  check_stage_text_whole (window, "evaluation.analysis", "stage-table-long-analysis-1024x700");
  close_window (window);
}

static void
text_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  char **text = data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static gboolean
text_read (gpointer data)
{
  return *(char **) data != NULL;
}

/* Copied rows carry the stage's columns after the goals', the choices and
 * points in the forms' words. */
static void
test_table_copy_stage (void)
{
  JxWindow *window = open_fixture ();
  JxProject *project = show_project (window, 2);
  JxIndicatorTable *table = table_of (window);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (table));
  JxIndicator *first = jx_test_indicator_at (project, 0);
  guint n_stage;
  const JxStageColumn *columns = jx_stage_columns (JX_STAGE_MONITORING, &n_stage);
  g_autoptr(JxCellBlock) block = NULL;
  g_autofree char *text = NULL;

  choose_stage (window, JX_STAGE_MONITORING);
  g_assert_nonnull (stage_cell (window, 1, "monitoring.note"));
  jx_indicator_set_monitoring_cause_note (first, "经费未到位\n第三季度补齐");
  jx_indicator_set_monitoring_causes (first, JX_CAUSE_FUNDS | JX_CAUSE_OTHER);
  jx_indicator_table_select_rows (table, 0, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "indicators.copy", NULL));
  gdk_clipboard_read_text_async (clipboard, NULL, text_read_cb, &text);
  wait_for (text_read, &text);
  block = jx_cell_block_parse_tsv (text, strlen (text), NULL);
  g_assert_nonnull (block);
  g_assert_cmpuint (jx_cell_block_get_n_rows (block), ==, 2);
  g_assert_cmpuint (jx_cell_block_get_n_columns (block), ==, JX_INDICATOR_N_COLUMNS + n_stage);
  g_assert_cmpstr (jx_cell_block_get_cell (block, 0, JX_INDICATOR_COLUMN_NAME), ==, jx_indicator_get_name (first));
  for (guint i = 0; i < n_stage; i++)
    {
      const char *cell = jx_cell_block_get_cell (block, 0, JX_INDICATOR_N_COLUMNS + i);

      if (g_str_equal (columns[i].member, "monitoring.actual"))
        g_assert_cmpstr (cell, ==, jx_indicator_get_monitoring_actual (first));
      else if (g_str_equal (columns[i].member, "monitoring.note"))
        g_assert_cmpstr (cell, ==, "经费未到位\n第三季度补齐");
      else if (g_str_equal (columns[i].member, "monitoring.causes"))
        g_assert_cmpstr (cell, ==, "经费保障、其他");
      else if (g_str_equal (columns[i].member, "monitoring.likelihood"))
        g_assert_cmpstr (cell, ==, jx_likelihood_to_label (jx_indicator_get_monitoring_likelihood (first)));
    }
  close_window (window);
}

/* ---- Keys, sent as a keyboard would through the X server ---- */

#ifdef GDK_WINDOWING_X11
static struct
{
  int (*fake_key) (Display *, unsigned int, Bool, unsigned long);
  KeyCode (*keycode) (Display *, KeySym);
  int (*flush) (Display *);
  int (*warp) (Display *, Window, Window, int, int, unsigned int, unsigned int, int, int);
  int (*set_focus) (Display *, Window, int, Time);
} x;

static gboolean
load_xtest (void)
{
  void *xtst = dlopen ("libXtst.so.6", RTLD_NOW);
  void *x11 = dlopen ("libX11.so.6", RTLD_NOW);

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()) || xtst == NULL || x11 == NULL)
    return FALSE;
  x.fake_key = dlsym (xtst, "XTestFakeKeyEvent");
  x.keycode = dlsym (x11, "XKeysymToKeycode");
  x.flush = dlsym (x11, "XFlush");
  x.warp = dlsym (x11, "XWarpPointer");
  x.set_focus = dlsym (x11, "XSetInputFocus");
  return x.fake_key && x.keycode && x.flush && x.warp && x.set_focus;
}

/* A key is through when GTK has seen it released. */
static guint released_keycode;
static guint n_released;

static void
key_released_cb (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state)
{
  if (keycode == released_keycode)
    n_released++;
}

static gboolean
key_came (gpointer before)
{
  return n_released > GPOINTER_TO_UINT (before);
}

static void
press (KeySym key, KeySym modifier)
{
  Display *dpy = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  guint before = n_released;

  released_keycode = x.keycode (dpy, key);
  if (modifier != NoSymbol)
    x.fake_key (dpy, x.keycode (dpy, modifier), True, 0);
  x.fake_key (dpy, x.keycode (dpy, key), True, 0);
  x.fake_key (dpy, x.keycode (dpy, key), False, 0);
  if (modifier != NoSymbol)
    x.fake_key (dpy, x.keycode (dpy, modifier), False, 0);
  x.flush (dpy);
  wait_for (key_came, GUINT_TO_POINTER (before));
}

static gboolean
window_active (gpointer window)
{
  return gtk_window_is_active (window);
}

static void
take_keyboard (JxWindow *window)
{
  Display *dpy = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-released", G_CALLBACK (key_released_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
  /* Without a window manager the keyboard follows the pointer. */
  x.warp (dpy, None, gdk_x11_display_get_xrootwindow (gdk_display_get_default ()), 0, 0, 0, 0, 500, 300);
  x.set_focus (dpy, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
               RevertToParent, CurrentTime);
  x.flush (dpy);
  wait_for (window_active, window);
}
#endif

static gboolean
focus_in (JxWindow *window, GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Tab goes on from the goal columns into the stage's and from the last
 * stage column to the next row; Enter moves on from a typed cell. */
static void
test_table_keys (void)
{
#ifdef GDK_WINDOWING_X11
  JxWindow *window;
  JxIndicatorTable *table;

  if (!load_xtest ())
    {
      g_test_skip ("needs X11 and libXtst");
      return;
    }
  window = open_fixture ();
  choose_stage (window, JX_STAGE_MONITORING);
  show_project (window, 2);
  table = table_of (window);
  take_keyboard (window);

  g_assert_nonnull (focus_of (window, 0, "monitoring.measures"));
  g_assert_true (jx_indicator_table_focus_cell (table, 0, JX_INDICATOR_COLUMN_BASIS));
  press (XK_Tab, NoSymbol);
  g_assert_true (focus_in (window, focus_of (window, 0, "monitoring.actual")));
  press (XK_Return, NoSymbol);
  g_assert_true (focus_in (window, focus_of (window, 0, "monitoring.expected")));
  press (XK_Tab, XK_Shift_L);
  g_assert_true (focus_in (window, focus_of (window, 0, "monitoring.actual")));
  press (XK_Tab, XK_Shift_L);
  g_assert_true (focus_in (window, jx_indicator_table_get_cell (table, 0, JX_INDICATOR_COLUMN_BASIS)));

  g_assert_true (jx_indicator_table_focus_stage_cell (table, 0, "monitoring.measures"));
  press (XK_Tab, NoSymbol);
  g_assert_true (focus_in (window, jx_indicator_table_get_cell (table, 1, JX_INDICATOR_COLUMN_LEVEL1)));
  close_window (window);
#else
  g_test_skip ("needs X11");
#endif
}

/* ---- The department's sums ---- */

typedef struct
{
  GtkWidget *label;
  const char *prefix;
} LabelWait;

static gboolean
label_starts (gpointer data)
{
  LabelWait *wait = data;

  return g_str_has_prefix (gtk_label_get_text (GTK_LABEL (wait->label)), wait->prefix);
}

/* The department page sums the stage's figures and follows the edits. */
static void
test_summary (void)
{
  JxWindow *window = open_fixture ();
  JxProject *project = jx_test_project_at (jx_window_get_document (window), 1);
  LabelWait wait;

  jx_sidebar_select_page (JX_SIDEBAR (jx_window_get_sidebar (window)), JX_SIDEBAR_PAGE_DEPARTMENT);
  jx_test_settle ();
  wait.label = named (window, "summary-spent");
  g_assert_true (shows (wait.label));
  wait.prefix = "114.79";
  wait_for (label_starts, &wait);
  if (in_english)
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (named (window, "summary-score"))),
                                     "93.87 points"));

  choose_stage (window, JX_STAGE_MONITORING);
  wait.prefix = "74.25";
  wait_for (label_starts, &wait);
  jx_test_screenshot (window, "stage-summary-1024x700");
  g_assert_false (shows (named (window, "summary-score")));
  jx_project_set_monitoring_executed (project, WAN (60));
  wait.prefix = "82.25";
  wait_for (label_starts, &wait);

  choose_stage (window, JX_STAGE_GOALS);
  g_assert_false (shows (wait.label));
  close_window (window);
}

/* ---- Print, preview and the chart ---- */

static guint
stage_pages (JxDocument *document)
{
  JxPageOptions options = { .stage = jx_document_get_stage (document) };
  g_autoptr(JxPageLayout) layout = jx_page_layout_new_full (document, &options);

  return jx_page_layout_get_n_pages (layout);
}

typedef struct
{
  JxPreview *preview;
  guint pages;
} PagesWait;

static gboolean
preview_has (gpointer data)
{
  PagesWait *wait = data;

  return jx_preview_get_n_pages (wait->preview) == wait->pages;
}

/* The preview shows the report of the stage and follows the switch. */
static void
test_preview (void)
{
  JxWindow *window = open_fixture ();
  JxDocument *document = jx_window_get_document (window);
  PagesWait wait;
  guint evaluation = stage_pages (document);
  guint goals;

  g_action_group_activate_action (G_ACTION_GROUP (window), "print-preview", NULL);
  wait.preview = jx_preview_find (GTK_WINDOW (window));
  g_assert_nonnull (wait.preview);
  wait.pages = evaluation;
  wait_for (preview_has, &wait);

  choose_stage (window, JX_STAGE_GOALS);
  goals = stage_pages (document);
  g_assert_cmpuint (goals, !=, evaluation);
  wait.pages = goals;
  wait_for (preview_has, &wait);
  gtk_window_destroy (GTK_WINDOW (wait.preview));
  close_window (window);
}

static guint
count_pages (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;
  guint pages = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  for (gsize i = 0; i + 12 < length; i++)
    if (memcmp (data + i, "/Type /Page", 11) == 0 && data[i + 11] != 's')
      pages++;
  return pages;
}

static gboolean
pdf_done (gpointer path)
{
  g_autofree char *data = NULL;
  gsize length;

  return g_file_get_contents (path, &data, &length, NULL) && length > 64 &&
         g_strstr_len (data + length - 64, 64, "%%EOF") != NULL;
}

/* Printing and the PDF export give the stage's report. */
static void
test_print (void)
{
  JxWindow *window = open_fixture ();
  JxDocument *document = jx_window_get_document (window);
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *exported = g_build_filename (dir, "exported.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  choose_stage (window, JX_STAGE_MONITORING);
  operation = jx_print_operation_new (GTK_WINDOW (window), jx_window_get_session (window));
  gtk_print_operation_set_export_filename (operation, printed);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (window), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_cmpuint (count_pages (printed), ==, stage_pages (document));

  g_assert_true (jx_print_export_pdf (GTK_WINDOW (window), jx_window_get_session (window), exported, &error));
  g_assert_no_error (error);
  wait_for (pdf_done, exported);
  g_assert_cmpuint (count_pages (exported), ==, stage_pages (document));
  close_window (window);
  jx_test_remove_tree (dir);
}

/* The project's chart draws the stage's spending and follows it. */
static void
test_chart (void)
{
  JxWindow *window = open_fixture ();
  JxProject *project = show_project (window, 0);
  GtkWidget *extras = jx_project_form_get_plan_extras (JX_PROJECT_FORM (jx_window_get_project_form (window)));
  JxChartView *chart = JX_CHART_VIEW (gtk_widget_get_first_child (extras));
  JxChartSeries *series;

  g_assert_true (JX_IS_CHART_VIEW (chart));
  series = jx_chart_view_get_series (chart);
  g_assert_cmpint (series->stage, ==, JX_STAGE_EVALUATION);
  g_assert_cmpuint (series->actual_month, ==, 12);
  g_assert_cmpint (series->actual, ==, WAN (2.85));

  choose_stage (window, JX_STAGE_MONITORING);
  series = jx_chart_view_get_series (chart);
  g_assert_cmpint (series->stage, ==, JX_STAGE_MONITORING);
  g_assert_cmpuint (series->actual_month, ==, 6);
  g_assert_cmpint (series->actual, ==, WAN (0.9));
  g_assert_true (series->has_expected);

  gtk_editable_set_text (entry_of (window, "monitoring-executed"), "1.5");
  series = jx_chart_view_get_series (chart);
  g_assert_cmpint (series->actual, ==, WAN (1.5));
  jx_document_set_monitoring_month (jx_window_get_document (window), 7);
  g_assert_cmpuint (jx_chart_view_get_series (chart)->actual_month, ==, 7);
  jx_project_set_monitoring_executed (project, JX_AMOUNT_UNSET);
  g_assert_cmpuint (jx_chart_view_get_series (chart)->n_actual, ==, 0);
  close_window (window);
}

int
main (int argc, char **argv)
{
  jx_test_isolate_xdg ();
  gtk_test_init (&argc, &argv, NULL);
  /* Pictures in Chinese: JX_SCREENSHOT_LOCALE=zh_CN.UTF-8 with
   * JIXIAO_LOCALEDIR pointing at the compiled translations. */
  if (g_getenv ("JX_SCREENSHOT_LOCALE") != NULL)
    {
      setlocale (LC_ALL, g_getenv ("JX_SCREENSHOT_LOCALE"));
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JIXIAO_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      in_english = FALSE;
    }
  g_test_add_func ("/stages-ui/switch", test_switch);
  g_test_add_func ("/stages-ui/saved", test_saved);
  g_test_add_func ("/stages-ui/monitoring-fields", test_monitoring_fields);
  g_test_add_func ("/stages-ui/evaluation-score", test_evaluation_score);
  g_test_add_func ("/stages-ui/focus-place", test_focus_place);
  g_test_add_func ("/stages-ui/table-columns", test_table_columns);
  g_test_add_func ("/stages-ui/table-headers-whole", test_table_headers_whole);
  g_test_add_func ("/stages-ui/table-scores", test_table_scores);
  g_test_add_func ("/stages-ui/table-achievement", test_table_achievement);
  g_test_add_func ("/stages-ui/table-monitoring", test_table_monitoring);
  g_test_add_func ("/stages-ui/table-focus-place", test_table_focus_place);
  g_test_add_func ("/stages-ui/table-keys", test_table_keys);
  g_test_add_func ("/stages-ui/table-wide", test_table_wide);
  g_test_add_func ("/stages-ui/table-stage-text-whole", test_table_stage_text_whole);
  g_test_add_func ("/stages-ui/table-copy-stage", test_table_copy_stage);
  g_test_add_func ("/stages-ui/summary", test_summary);
  g_test_add_func ("/stages-ui/preview", test_preview);
  g_test_add_func ("/stages-ui/print", test_print);
  g_test_add_func ("/stages-ui/chart", test_chart);
  return g_test_run ();
}
