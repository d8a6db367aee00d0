/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The project form and the project list keep their row widgets and point
 * them at other projects' items: no row may go on showing, or writing to,
 * the item it showed before. */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "jx-application.h"
#include "jx-checkpoint.h"
#include "jx-widget-util.h"
#include "jx-indicator.h"
#include "jx-indicator-table.h"
#include "jx-month-button.h"
#include "jx-project-form.h"
#include "jx-sidebar.h"
#include "jx-test-gtk.h"
#include "jx-text-item.h"
#include "jx-text-list-editor.h"
#include "jx-window.h"

static JxApplication *app;

static const char *fields[JX_INDICATOR_N_COLUMNS] = {
  "level1", "level2", "name", "description", "value", "basis",
};

/* Everything due, and a frame of every window that shows: list views
 * bind their rows when they lay out. */
static void
wait_idle (void)
{
  jx_test_settle ();
}

static JxWindow *
open_example (void)
{
  g_autofree char *path = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JxWindow *window = jx_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (jx_window_open_file (window, file));
  wait_idle ();
  return window;
}

static void
close_window (JxWindow *window)
{
  /* Destroyed, not closed: nothing to ask about. */
  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

static JxProject *
project_at (JxWindow *window, guint i)
{
  return jx_test_project_at (jx_window_get_document (window), i);
}

static JxIndicator *
indicator_at (JxProject *project, guint i)
{
  return jx_test_indicator_at (project, i);
}

static void
show (JxWindow *window, JxProject *project)
{
  jx_window_show_project (window, project);
  wait_idle ();
  g_assert_true (jx_project_form_get_project (JX_PROJECT_FORM (jx_window_get_project_form (window))) == project);
}

/* Keeps only the first n items of a list of the project's. */
static void
trim (GListModel *list, guint n)
{
  g_list_store_splice (G_LIST_STORE (list), n, g_list_model_get_n_items (list) - n, NULL, 0);
}

static JxIndicatorTable *
table_of (JxWindow *window)
{
  return JX_INDICATOR_TABLE (jx_project_form_get_indicator_table (JX_PROJECT_FORM (jx_window_get_project_form (window))));
}

static char *
field (JxIndicator *indicator, guint column)
{
  char *value = NULL;

  g_object_get (indicator, fields[column], &value, NULL);
  return value;
}

/* Every cell of the table shows the project's own indicator, and there
 * are no more rows than it has. */
static void
assert_table_shows (JxWindow *window, JxProject *project)
{
  JxIndicatorTable *table = table_of (window);
  guint n = g_list_model_get_n_items (jx_project_get_indicators (project));

  for (guint row = 0; row < n; row++)
    for (guint column = 0; column < JX_INDICATOR_N_COLUMNS; column++)
      {
        GtkWidget *cell = jx_indicator_table_get_cell (table, row, column);
        g_autofree char *value = field (indicator_at (project, row), column);

        g_assert_nonnull (cell);
        g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, value);
      }
  g_assert_null (jx_indicator_table_get_cell (table, n, JX_INDICATOR_COLUMN_NAME));
}

/* From a project of six indicators to one of two and back: the rows show
 * and change the project on screen, and undo puts back the right one. */
static void
test_indicator_rows (void)
{
  JxWindow *window = open_example ();
  JxProject *six = project_at (window, 0);
  JxProject *two = project_at (window, 1);
  JxIndicatorTable *table = table_of (window);
  g_autofree char *six_value = NULL;
  g_autofree char *two_description = NULL;
  g_autofree char *second_name = NULL;

  trim (jx_project_get_indicators (two), 2);
  g_assert_cmpuint (g_list_model_get_n_items (jx_project_get_indicators (six)), ==, 6);
  six_value = g_strdup (jx_indicator_get_value (indicator_at (six, 4)));
  two_description = g_strdup (jx_indicator_get_description (indicator_at (two, 1)));

  show (window, six);
  table = table_of (window);
  assert_table_shows (window, six);
  show (window, two);
  assert_table_shows (window, two);
  show (window, six);
  assert_table_shows (window, six);

  gtk_editable_set_text (GTK_EDITABLE (jx_indicator_table_get_cell (table, 4, JX_INDICATOR_COLUMN_VALUE)),
                         "≥95%");
  g_assert_cmpstr (jx_indicator_get_value (indicator_at (six, 4)), ==, "≥95%");
  for (guint i = 0; i < 2; i++)
    g_assert_cmpstr (jx_indicator_get_value (indicator_at (two, i)), !=, "≥95%");

  show (window, two);
  assert_table_shows (window, two);
  gtk_editable_set_text (GTK_EDITABLE (jx_indicator_table_get_cell (table, 1, JX_INDICATOR_COLUMN_DESCRIPTION)),
                         "改过的说明");
  g_assert_cmpstr (jx_indicator_get_description (indicator_at (two, 1)), ==, "改过的说明");
  g_assert_cmpstr (jx_indicator_get_description (indicator_at (six, 1)), !=, "改过的说明");
  g_assert_cmpstr (jx_indicator_get_value (indicator_at (six, 4)), ==, "≥95%");

  /* Undo reaches the project it belongs to, whichever is shown. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_idle ();
  g_assert_cmpstr (jx_indicator_get_description (indicator_at (two, 1)), ==, two_description);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_idle ();
  g_assert_cmpstr (jx_indicator_get_value (indicator_at (six, 4)), ==, six_value);
  assert_table_shows (window, jx_project_form_get_project (JX_PROJECT_FORM (jx_window_get_project_form (window))));

  /* A row deleted and put back: the rows below follow, in both directions. */
  show (window, six);
  second_name = g_strdup (jx_indicator_get_name (indicator_at (six, 1)));
  jx_indicator_table_set_current (table, 0);
  gtk_widget_activate_action (GTK_WIDGET (table), "indicators.delete", NULL);
  wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (jx_project_get_indicators (six)), ==, 5);
  assert_table_shows (window, six);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (jx_indicator_table_get_cell (table, 0, JX_INDICATOR_COLUMN_NAME))),
                   ==, second_name);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (jx_project_get_indicators (six)), ==, 6);
  assert_table_shows (window, six);
  /* A cell of a row that was rebound writes to its new indicator. */
  gtk_editable_set_text (GTK_EDITABLE (jx_indicator_table_get_cell (table, 5, JX_INDICATOR_COLUMN_BASIS)),
                         "依据");
  g_assert_cmpstr (jx_indicator_get_basis (indicator_at (six, 5)), ==, "依据");

  close_window (window);
}

/* The widgets of a type below root, in order. */
static void
collect (GtkWidget *root, GType type, GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_POPOVER (child))
      collect (child, type, found);
}

static GPtrArray *
find_all (GtkWidget *root, GType type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

static GtkWidget *
plan_editor (JxWindow *window)
{
  g_autoptr(GPtrArray) editors = find_all (jx_window_get_project_form (window), JX_TYPE_TEXT_LIST_EDITOR);

  /* The spending plan comes before the goals. */
  g_assert_cmpuint (editors->len, ==, 2);
  return editors->pdata[0];
}

static GtkWidget *
goals_editor (JxWindow *window)
{
  g_autoptr(GPtrArray) editors = find_all (jx_window_get_project_form (window), JX_TYPE_TEXT_LIST_EDITOR);

  return editors->pdata[1];
}

static JxCheckpoint *
checkpoint_at (JxProject *project, guint i)
{
  g_autoptr(JxCheckpoint) checkpoint = g_list_model_get_item (jx_project_get_spending_plan (project), i);
  return checkpoint;
}

/* The plan's rows show the project's months, percents and the amounts
 * they mean of its total. */
static void
assert_plan_shows (JxWindow *window, JxProject *project)
{
  GListModel *plan = jx_project_get_spending_plan (project);
  g_autoptr(GPtrArray) spins = find_all (plan_editor (window), GTK_TYPE_SPIN_BUTTON);
  g_autoptr(GPtrArray) months = find_all (plan_editor (window), JX_TYPE_MONTH_BUTTON);
  g_autoptr(GPtrArray) labels = find_all (plan_editor (window), GTK_TYPE_LABEL);

  g_assert_cmpuint (spins->len, ==, g_list_model_get_n_items (plan));
  for (guint i = 0; i < spins->len; i++)
    {
      JxCheckpoint *checkpoint = checkpoint_at (project, i);
      g_autofree char *amount = jx_money_format (jx_money_percent_of (jx_project_get_total (project),
                                                                      jx_checkpoint_get_percent (checkpoint)));
      gboolean found = FALSE;

      g_assert_cmpfloat (gtk_spin_button_get_value (spins->pdata[i]), ==, jx_checkpoint_get_percent (checkpoint));
      g_assert_cmpuint (jx_month_button_get_month (months->pdata[i]), ==, jx_checkpoint_get_month (checkpoint));
      for (guint j = 0; j < labels->len && !found; j++)
        found = strstr (gtk_label_get_text (labels->pdata[j]), amount) != NULL &&
                gtk_widget_is_ancestor (labels->pdata[j],
                                        gtk_widget_get_ancestor (spins->pdata[i], GTK_TYPE_LIST_BOX_ROW));
      g_assert_true (found);
    }
}

static char *
buffer_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
assert_goals_show (JxWindow *window, JxProject *project)
{
  GListModel *goals = jx_project_get_goals (project);
  g_autoptr(GPtrArray) views = find_all (goals_editor (window), GTK_TYPE_TEXT_VIEW);

  g_assert_cmpuint (views->len, ==, g_list_model_get_n_items (goals));
  for (guint i = 0; i < views->len; i++)
    {
      g_autoptr(JxTextItem) goal = g_list_model_get_item (goals, i);
      g_autofree char *text = buffer_text (views->pdata[i]);

      g_assert_cmpstr (text, ==, jx_text_item_get_text (goal));
    }
}

/* The spending plan and the goals, from four rows to two and back. */
static void
test_plan_and_goal_rows (void)
{
  JxWindow *window = open_example ();
  JxProject *four = project_at (window, 0);
  JxProject *two = project_at (window, 1);
  g_autoptr(GPtrArray) spins = NULL;
  g_autoptr(GPtrArray) months = NULL;
  g_autoptr(GPtrArray) views = NULL;
  double two_percent;

  trim (jx_project_get_spending_plan (two), 2);
  trim (jx_project_get_goals (two), 1);
  /* Different totals: the amounts must follow the project shown. */
  jx_project_set_fiscal (two, jx_project_get_fiscal (four) / 2 + 1000000);
  two_percent = jx_checkpoint_get_percent (checkpoint_at (two, 1));

  show (window, four);
  assert_plan_shows (window, four);
  assert_goals_show (window, four);
  show (window, two);
  assert_plan_shows (window, two);
  assert_goals_show (window, two);
  show (window, four);
  assert_plan_shows (window, four);
  assert_goals_show (window, four);

  spins = find_all (plan_editor (window), GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (spins->pdata[1], 33);
  g_assert_cmpfloat (jx_checkpoint_get_percent (checkpoint_at (four, 1)), ==, 33);
  g_assert_cmpfloat (jx_checkpoint_get_percent (checkpoint_at (two, 1)), ==, two_percent);
  assert_plan_shows (window, four);

  show (window, two);
  months = find_all (plan_editor (window), JX_TYPE_MONTH_BUTTON);
  g_signal_emit_by_name (months->pdata[1], "month-chosen", 12);
  g_assert_cmpuint (jx_checkpoint_get_month (checkpoint_at (two, 1)), ==, 12);
  g_assert_cmpuint (jx_checkpoint_get_month (checkpoint_at (four, 1)), !=, 12);
  /* The amounts follow a change of the total. */
  jx_project_set_other (two, 5000000);
  assert_plan_shows (window, two);

  views = find_all (goals_editor (window), GTK_TYPE_TEXT_VIEW);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (views->pdata[0]), "新的目标", -1);
  {
    g_autoptr(JxTextItem) mine = g_list_model_get_item (jx_project_get_goals (two), 0);
    g_autoptr(JxTextItem) other = g_list_model_get_item (jx_project_get_goals (four), 0);

    g_assert_cmpstr (jx_text_item_get_text (mine), ==, "新的目标");
    g_assert_cmpstr (jx_text_item_get_text (other), !=, "新的目标");
  }

  /* A goal added and removed through the editor, undone. */
  jx_text_list_editor_add (JX_TEXT_LIST_EDITOR (goals_editor (window)));
  wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (jx_project_get_goals (two)), ==, 2);
  assert_goals_show (window, two);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_idle ();
  assert_goals_show (window, two);

  close_window (window);
}

/* The project list's rows after filtering, sorting and edits: code, name
 * and total in one row belong to one project. */
static void
assert_rows_consistent (JxSidebar *sidebar, JxWindow *window, guint expected)
{
  GListModel *projects = jx_document_get_projects (jx_window_get_document (window));
  g_autoptr(GPtrArray) rows = find_all (GTK_WIDGET (sidebar), GTK_TYPE_BOX);
  guint checked = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = rows->pdata[i];
      GtkWidget *texts = gtk_widget_get_next_sibling (gtk_widget_get_first_child (row));
      GtkWidget *code;
      GtkWidget *name;
      GtkWidget *total;

      /* A row: the mark, the code above the name, the total. */
      if (!GTK_IS_IMAGE (gtk_widget_get_first_child (row)) || texts == NULL || !GTK_IS_BOX (texts))
        continue;
      code = gtk_widget_get_first_child (texts);
      name = gtk_widget_get_next_sibling (code);
      total = gtk_widget_get_next_sibling (texts);
      if (!gtk_widget_get_visible (code))
        continue;
      /* A copy keeps its original's code: the row shows one of them. */
      for (guint j = 0; j < g_list_model_get_n_items (projects); j++)
        {
          g_autoptr(JxProject) project = g_list_model_get_item (projects, j);
          g_autofree char *amount = NULL;

          if (!g_str_equal (jx_project_get_code (project), gtk_label_get_text (GTK_LABEL (code))) ||
              !g_str_equal (jx_project_get_name (project), gtk_label_get_text (GTK_LABEL (name))))
            continue;
          amount = jx_money_format (jx_project_get_total (project));
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (total)), ==, amount);
          checked++;
          break;
        }
    }
  g_assert_cmpuint (checked, ==, expected);
}

static void
test_list_rows (void)
{
  JxWindow *window = open_example ();
  JxSidebar *sidebar = JX_SIDEBAR (jx_window_get_sidebar (window));
  JxProject *project = project_at (window, 4);

  assert_rows_consistent (sidebar, window, 7);
  jx_sidebar_set_search (sidebar, "慰问");
  wait_idle ();
  assert_rows_consistent (sidebar, window, 1);
  jx_sidebar_set_search (sidebar, "");
  wait_idle ();
  assert_rows_consistent (sidebar, window, 7);
  jx_sidebar_set_sort (sidebar, JX_SIDEBAR_SORT_TOTAL);
  wait_idle ();
  assert_rows_consistent (sidebar, window, 7);

  /* Edits show in the row of their project, and only there. */
  jx_project_set_name (project, "改过的名称");
  jx_project_set_fiscal (project, 123450000);
  wait_idle ();
  assert_rows_consistent (sidebar, window, 7);
  jx_sidebar_set_search (sidebar, "改过");
  wait_idle ();
  assert_rows_consistent (sidebar, window, 1);
  jx_sidebar_set_search (sidebar, "");
  jx_sidebar_set_sort (sidebar, JX_SIDEBAR_SORT_DOCUMENT);
  wait_idle ();
  assert_rows_consistent (sidebar, window, 7);

  close_window (window);
}

/* The selected row stays on its indicator when rows come or go above it
 * (an undo of a deletion, say): the row operations act on the selected
 * row, and must not act on its neighbour. */
static void
test_indicator_selection_follows (void)
{
  JxWindow *window = open_example ();
  JxProject *six = project_at (window, 0);
  JxIndicatorTable *table;
  JxIndicator *chosen;

  show (window, six);
  table = table_of (window);
  jx_indicator_table_set_current (table, 0);
  gtk_widget_activate_action (GTK_WIDGET (table), "indicators.delete", NULL);
  wait_idle ();
  chosen = indicator_at (six, 3);
  jx_indicator_table_set_current (table, 3);
  /* The deleted row comes back above the selected one. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_idle ();
  g_assert_true (indicator_at (six, 4) == chosen);
  g_assert_cmpuint (jx_indicator_table_get_current (table), ==, 4);

  /* The selected indicator itself goes: nothing is selected, so that a
   * delete does not take the row that moved up into its place. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  wait_idle ();
  g_assert_cmpuint (jx_indicator_table_get_current (table), ==, 3);
  g_list_store_remove (G_LIST_STORE (jx_project_get_indicators (six)), 3);
  wait_idle ();
  g_assert_cmpuint (jx_indicator_table_get_current (table), ==, GTK_INVALID_LIST_POSITION);

  close_window (window);
}

static GtkWidget *
focus_of (JxWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* The keyboard focus stays in the cell of its indicator, and in the text
 * of its goal, when rows come or go above them (an undo or redo): typing
 * goes on into what the clerk was typing into. */
static void
test_focus_follows (void)
{
  JxWindow *window = open_example ();
  JxProject *project = project_at (window, 0);
  GListModel *indicators = jx_project_get_indicators (project);
  GListModel *goals = jx_project_get_goals (project);
  g_autoptr(JxIndicator) first = g_object_ref (indicator_at (project, 0));
  g_autoptr(JxTextItem) first_goal = g_list_model_get_item (goals, 0);
  g_autoptr(JxTextItem) goal = NULL;
  g_autoptr(GPtrArray) views = NULL;
  GtkWidget *focus;

  show (window, project);
  g_assert_true (jx_indicator_table_focus_cell (table_of (window), 3, JX_INDICATOR_COLUMN_NAME));
  wait_idle ();
  gtk_editable_set_position (GTK_EDITABLE (jx_indicator_table_get_cell (table_of (window), 3, JX_INDICATOR_COLUMN_NAME)), 2);
  g_list_store_remove (G_LIST_STORE (indicators), 0);
  wait_idle ();
  focus = focus_of (window);
  g_assert_true (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (table_of (window))));
  g_assert_true (gtk_widget_is_ancestor (focus, jx_indicator_table_get_cell (table_of (window), 2, JX_INDICATOR_COLUMN_NAME)) ||
                 focus == jx_indicator_table_get_cell (table_of (window), 2, JX_INDICATOR_COLUMN_NAME));
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (jx_indicator_table_get_cell (table_of (window), 2, JX_INDICATOR_COLUMN_NAME))), ==, 2);
  g_list_store_insert (G_LIST_STORE (indicators), 0, first);
  wait_idle ();
  focus = focus_of (window);
  g_assert_true (gtk_widget_is_ancestor (focus, jx_indicator_table_get_cell (table_of (window), 3, JX_INDICATOR_COLUMN_NAME)) ||
                 focus == jx_indicator_table_get_cell (table_of (window), 3, JX_INDICATOR_COLUMN_NAME));

  g_assert_cmpuint (g_list_model_get_n_items (goals), ==, 2);
  goal = g_list_model_get_item (goals, 1);
  views = find_all (goals_editor (window), GTK_TYPE_TEXT_VIEW);
  g_assert_true (gtk_widget_grab_focus (views->pdata[1]));
  wait_idle ();
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (views->pdata[1]);
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_offset (buffer, &iter, 3);
    gtk_text_buffer_place_cursor (buffer, &iter);
  }
  g_list_store_remove (G_LIST_STORE (goals), 0);
  wait_idle ();
  g_assert_true (GTK_IS_TEXT_VIEW (focus_of (window)));
  {
    g_autofree char *text = buffer_text (focus_of (window));

    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus_of (window)));
    GtkTextIter iter;

    g_assert_cmpstr (text, ==, jx_text_item_get_text (goal));
    gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
    g_assert_cmpint (gtk_text_iter_get_offset (&iter), ==, 3);
  }
  g_list_store_insert (G_LIST_STORE (goals), 0, first_goal);
  wait_idle ();
  {
    g_autofree char *text = buffer_text (focus_of (window));

    g_assert_cmpstr (text, ==, jx_text_item_get_text (goal));
  }

  close_window (window);
}

static void
assert_same_project_shown (JxWindow *window)
{
  JxSidebar *sidebar = JX_SIDEBAR (jx_window_get_sidebar (window));

  g_assert_nonnull (jx_sidebar_get_project (sidebar));
  g_assert_true (jx_project_form_get_project (JX_PROJECT_FORM (jx_window_get_project_form (window))) ==
                 jx_sidebar_get_project (sidebar));
}

/* Projects added and deleted while the list is sorted or filtered: the
 * list and the form agree on the project, and every row is whole. */
static void
test_list_add_delete (void)
{
  JxWindow *window = open_example ();
  JxSidebar *sidebar = JX_SIDEBAR (jx_window_get_sidebar (window));
  JxProject *original = project_at (window, 2);
  JxProject *gone;

  jx_sidebar_set_sort (sidebar, JX_SIDEBAR_SORT_TOTAL);
  wait_idle ();
  show (window, original);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.project-duplicate", NULL);
  wait_idle ();
  assert_same_project_shown (window);
  g_assert_true (jx_sidebar_get_project (sidebar) != original);
  g_assert_true (g_str_has_prefix (jx_project_get_name (jx_sidebar_get_project (sidebar)), jx_project_get_name (original)));
  assert_rows_consistent (sidebar, window, 8);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_idle ();
  assert_same_project_shown (window);
  assert_rows_consistent (sidebar, window, 7);

  jx_sidebar_set_sort (sidebar, JX_SIDEBAR_SORT_DOCUMENT);
  jx_sidebar_set_search (sidebar, "人大代表");
  wait_idle ();
  assert_rows_consistent (sidebar, window, 3);
  gone = project_at (window, 3);
  show (window, gone);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.project-delete", NULL);
  wait_idle ();
  assert_same_project_shown (window);
  g_assert_true (jx_sidebar_get_project (sidebar) != gone);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_idle ();
  g_assert_true (project_at (window, 3) == gone);
  assert_same_project_shown (window);
  assert_rows_consistent (sidebar, window, jx_sidebar_get_n_shown_projects (sidebar));

  close_window (window);
}

/* The mark of the row showing project, or NULL. */
static GtkWidget *
mark_of (JxSidebar *sidebar, JxProject *project)
{
  g_autoptr(GPtrArray) rows = find_all (GTK_WIDGET (sidebar), GTK_TYPE_BOX);

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *mark = gtk_widget_get_first_child (rows->pdata[i]);
      GtkWidget *texts = mark != NULL ? gtk_widget_get_next_sibling (mark) : NULL;

      if (GTK_IS_IMAGE (mark) && GTK_IS_BOX (texts) &&
          gtk_widget_get_visible (gtk_widget_get_first_child (texts)) &&
          g_str_equal (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (texts))),
                       jx_project_get_code (project)))
        return mark;
    }
  return NULL;
}

/* A row that showed a project with findings, then one without, no longer
 * speaks of a finding. */
static void
test_list_mark_spoken (void)
{
  JxWindow *window = open_example ();
  JxSidebar *sidebar = JX_SIDEBAR (jx_window_get_sidebar (window));
  JxProject *warned = project_at (window, 0);
  JxProject *clean = project_at (window, 2);
  GtkWidget *mark;

  /* The checks run after the first frame. */
  for (guint i = 0; i < 40; i++)
    {
      mark = mark_of (sidebar, warned);
      if (mark != NULL && gtk_image_get_icon_name (GTK_IMAGE (mark)) != NULL)
        break;
      wait_idle ();
    }
  g_assert_nonnull (mark);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (mark_of (sidebar, clean)),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
  /* The first project row now shows the clean project. */
  jx_sidebar_set_search (sidebar, jx_project_get_code (clean));
  wait_idle ();
  g_assert_true (mark_of (sidebar, clean) == mark);
  g_assert_null (gtk_image_get_icon_name (GTK_IMAGE (mark)));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL));

  close_window (window);
}

/* Another file opened while the list is filtered and a project shown:
 * the new document's rows are whole, and nothing of the old one shows. */
static void
test_list_open_filtered (void)
{
  JxWindow *window = open_example ();
  JxSidebar *sidebar = JX_SIDEBAR (jx_window_get_sidebar (window));
  g_autofree char *path = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JxDocument) old = g_object_ref (jx_window_get_document (window));
  JxProject *form_project;

  jx_sidebar_set_search (sidebar, "人大代表");
  wait_idle ();
  show (window, project_at (window, 3));
  g_assert_true (jx_window_open_file (window, file));
  wait_idle ();
  g_assert_true (jx_window_get_document (window) != old);
  /* Another file opens at its cover, as any file does; the project form
   * (not shown) holds none of the document that went, and the search stays. */
  form_project = jx_project_form_get_project (JX_PROJECT_FORM (jx_window_get_project_form (window)));
  g_assert_cmpint (jx_sidebar_get_page (sidebar), ==, JX_SIDEBAR_PAGE_DEPARTMENT);
  g_assert_null (jx_sidebar_get_project (sidebar));
  g_assert_true (form_project == NULL ||
                 g_list_store_find (G_LIST_STORE (jx_document_get_projects (jx_window_get_document (window))),
                                    form_project, NULL));
  /* 人大代表活动经费, …培训及考察工作经费, …之家联络站活动经费. */
  g_assert_cmpuint (jx_sidebar_get_n_shown_projects (sidebar), ==, 3);
  assert_rows_consistent (sidebar, window, jx_sidebar_get_n_shown_projects (sidebar));
  for (guint i = 0; i < g_list_model_get_n_items (jx_document_get_projects (old)); i++)
    {
      g_autoptr(JxProject) each = g_list_model_get_item (jx_document_get_projects (old), i);

      g_assert_true (form_project != each);
    }

  close_window (window);
}

/* The code shown by the row that has the keyboard focus, or NULL. */
static const char *
focused_code (JxWindow *window)
{
  GtkWidget *focus = focus_of (window);
  GtkWidget *row = focus != NULL ? gtk_widget_get_first_child (focus) : NULL;
  GtkWidget *texts = row != NULL ? gtk_widget_get_first_child (row) : NULL;

  texts = texts != NULL ? gtk_widget_get_next_sibling (texts) : NULL;
  if (texts == NULL || !GTK_IS_BOX (texts) || !GTK_IS_LABEL (gtk_widget_get_first_child (texts)))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (texts)));
}

/* Alt+Up and Alt+Down on the focused row of the list: the keyboard focus
 * moves with the project, so that the next key acts from there. */
static void
test_list_move_focus (void)
{
  JxWindow *window = open_example ();
  JxSidebar *sidebar = JX_SIDEBAR (jx_window_get_sidebar (window));
  JxProject *moved = project_at (window, 4);

  show (window, moved);
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (gtk_widget_get_parent (mark_of (sidebar, moved)))));
  wait_idle ();
  g_assert_cmpstr (focused_code (window), ==, jx_project_get_code (moved));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.project-move-up", NULL);
  wait_idle ();
  g_assert_true (project_at (window, 3) == moved);
  g_assert_true (jx_sidebar_get_project (sidebar) == moved);
  g_assert_cmpstr (focused_code (window), ==, jx_project_get_code (moved));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.project-move-down", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.project-move-down", NULL);
  wait_idle ();
  g_assert_true (project_at (window, 5) == moved);
  g_assert_cmpstr (focused_code (window), ==, jx_project_get_code (moved));

  close_window (window);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  jx_test_isolate_xdg ();
  /* Accessible properties kept where the tests can read them. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  app = jx_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/form-reuse/indicator-rows", test_indicator_rows);
  g_test_add_func ("/form-reuse/plan-and-goal-rows", test_plan_and_goal_rows);
  g_test_add_func ("/form-reuse/list-rows", test_list_rows);
  g_test_add_func ("/form-reuse/indicator-selection-follows", test_indicator_selection_follows);
  g_test_add_func ("/form-reuse/focus-follows", test_focus_follows);
  g_test_add_func ("/form-reuse/list-add-delete", test_list_add_delete);
  g_test_add_func ("/form-reuse/list-mark-spoken", test_list_mark_spoken);
  g_test_add_func ("/form-reuse/list-open-filtered", test_list_open_filtered);
  g_test_add_func ("/form-reuse/list-move-focus", test_list_move_focus);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
