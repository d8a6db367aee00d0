/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The editor driven through its real window: widgets, actions, files. */
#include "config.h"

#include <dlfcn.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <gtk/gtk.h>
#include <json-glib/json-glib.h>
#ifdef GDK_WINDOWING_X11
#include <X11/keysym.h>
#include <gdk/x11/gdkx.h>
#endif

#include "jx-amount-entry.h"
#include "jx-application.h"
#include "jx-document-io.h"
#include "jx-widget-util.h"
#include "jx-indicator.h"
#include "jx-indicator-table.h"
#include "jx-table-cell.h"
#include "jx-measure.h"
#include "jx-problems-panel.h"
#include "jx-project-form.h"
#include "jx-checkpoint.h"
#include "jx-sidebar.h"
#include "jx-test-gtk.h"
#include "jx-window.h"

static JxApplication *app;

static void
wait_idle (void)
{
  jx_test_settle ();
}

/* Runs the main loop until check () holds; seconds only end a test that
 * would otherwise hang. */
static gboolean
wait_for (gboolean (*check) (gpointer), gpointer data, double seconds)
{
  return jx_test_wait_for (check, data, (guint) (MAX (seconds, 30) * 1000));
}

static gboolean
save_done (gpointer window)
{
  return !jx_window_is_saving (window);
}

static GtkWidget *
find_type (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static JxWindow *
open_example_sized (int width, int height)
{
  g_autofree char *path = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JxWindow *window = jx_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (jx_window_open_file (window, file));
  wait_idle ();
  return window;
}

static JxWindow *
open_example (void)
{
  return open_example_sized (1024, 700);
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

static GtkWidget *
form_widget (JxWindow *window, const char *name)
{
  GtkWidget *widget = jx_widget_find_named (jx_window_get_project_form (window), name);

  g_assert_nonnull (widget);
  return widget;
}

static JxIndicatorTable *
indicator_table (JxWindow *window)
{
  return JX_INDICATOR_TABLE (jx_project_form_get_indicator_table (JX_PROJECT_FORM (jx_window_get_project_form (window))));
}


/* Closes as a clerk would, answering "Discard" if asked, so that no draft
 * is left behind. */
static void
close_discarding (JxWindow *window)
{
  GtkWidget *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  wait_idle ();
  if ((dialog = jx_test_find_toplevel ("close-dialog")) != NULL)
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT);
  wait_idle ();
  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

/* Edit a name and an indicator value, undo, redo, add an indicator,
 * save, and read the file back. */
static void
test_edit_undo_save (void)
{
  JxWindow *window = open_example ();
  JxProject *project = project_at (window, 1);
  GtkWidget *name;
  GtkWidget *value;
  JxIndicatorTable *table;
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "saved.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JxDocument) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_name = g_strdup (jx_project_get_name (project));
  g_autofree char *old_value = NULL;
  guint n_indicators = g_list_model_get_n_items (jx_project_get_indicators (project));

  jx_window_show_project (window, project);
  wait_idle ();
  g_assert_true (jx_project_form_get_project (JX_PROJECT_FORM (jx_window_get_project_form (window))) == project);
  jx_test_screenshot (window, "project-1024x700");

  name = form_widget (window, "project-name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, old_name);
  gtk_editable_set_text (GTK_EDITABLE (name), "人大八届五次会议费");
  g_assert_cmpstr (jx_project_get_name (project), ==, "人大八届五次会议费");
  g_assert_true (jx_window_get_modified (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "*"));

  table = indicator_table (window);
  value = jx_indicator_table_get_cell (table, 0, JX_INDICATOR_COLUMN_VALUE);
  g_assert_nonnull (value);
  old_value = g_strdup (jx_indicator_get_value (indicator_at (project, 0)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value)), ==, old_value);
  /* A separate field: a separate step. */
  gtk_widget_grab_focus (value);
  gtk_editable_set_text (GTK_EDITABLE (value), "≥99%");
  g_assert_cmpstr (jx_indicator_get_value (indicator_at (project, 0)), ==, "≥99%");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_idle ();
  g_assert_cmpstr (jx_indicator_get_value (indicator_at (project, 0)), ==, old_value);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value)), ==, old_value);
  g_assert_cmpstr (jx_project_get_name (project), ==, "人大八届五次会议费");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_idle ();
  g_assert_cmpstr (jx_project_get_name (project), ==, old_name);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, old_name);
  /* Back at the saved state: no longer modified. */
  g_assert_false (jx_window_get_modified (window));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "*"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  wait_idle ();
  g_assert_cmpstr (jx_project_get_name (project), ==, "人大八届五次会议费");
  g_assert_cmpstr (jx_indicator_get_value (indicator_at (project, 0)), ==, "≥99%");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "人大八届五次会议费");

  /* Add an indicator below the last row and fill it in through its cells. */
  jx_indicator_table_set_current (table, n_indicators - 1);
  gtk_widget_activate_action (GTK_WIDGET (table), "indicators.add", NULL);
  wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (jx_project_get_indicators (project)), ==, n_indicators + 1);
  gtk_editable_set_text (GTK_EDITABLE (jx_indicator_table_get_cell (table, n_indicators, JX_INDICATOR_COLUMN_NAME)),
                         "会议材料印制");
  gtk_editable_set_text (GTK_EDITABLE (jx_indicator_table_get_cell (table, n_indicators, JX_INDICATOR_COLUMN_VALUE)),
                         "≥300份");
  jx_test_screenshot (window, "project-edited-1024x700");

  jx_window_save_to_file (window, file);
  g_assert_true (wait_for (save_done, window, 10));
  g_assert_false (jx_window_get_modified (window));
  g_assert_true (g_file_equal (jx_window_get_file (window), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "saved.json");

  /* What is on disk is what was typed. */
  saved = jx_document_load_file (path, &error);
  g_assert_no_error (error);
  project = project_at (window, 1);
  {
    g_autoptr(JxProject) p = g_list_model_get_item (jx_document_get_projects (saved), 1);
    g_autoptr(JxIndicator) first = g_list_model_get_item (jx_project_get_indicators (p), 0);
    g_autoptr(JxIndicator) added = g_list_model_get_item (jx_project_get_indicators (p), n_indicators);

    g_assert_cmpstr (jx_project_get_name (p), ==, "人大八届五次会议费");
    g_assert_cmpstr (jx_indicator_get_value (first), ==, "≥99%");
    g_assert_cmpuint (g_list_model_get_n_items (jx_project_get_indicators (p)), ==, n_indicators + 1);
    g_assert_cmpstr (jx_indicator_get_name (added), ==, "会议材料印制");
    g_assert_cmpstr (jx_indicator_get_value (added), ==, "≥300份");
    /* A new row takes the category of the row above it. */
    g_assert_cmpstr (jx_indicator_get_level1 (added), ==,
                     jx_indicator_get_level1 (indicator_at (project, n_indicators - 1)));
  }

  close_discarding (window);
  jx_test_remove_tree (dir);
}

/* A save that cannot succeed says why and keeps the document modified. */
static void
test_failed_save (void)
{
  JxWindow *window = open_example ();
  JxProject *project = project_at (window, 0);
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "no-such-dir", "x.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *dialog;

  jx_project_set_name (project, "改过的名称");
  jx_window_save_to_file (window, file);
  g_assert_true (wait_for (save_done, window, 10));
  wait_idle ();
  dialog = jx_test_find_toplevel ("save-error-dialog");
  g_assert_nonnull (dialog);
  g_assert_true (jx_window_get_modified (window));
  g_assert_false (g_file_equal (jx_window_get_file (window), file));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (dialog));

  close_discarding (window);
  jx_test_remove_tree (dir);
}

static gboolean
has_finding (GListModel *findings, const char *rule, const char *path)
{
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(JxFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (jx_finding_get_rule_id (finding), rule) &&
          g_str_equal (jx_finding_get_path (finding), path))
        return TRUE;
    }
  return FALSE;
}

/* A half-written document saves as it is: empty names and codes, a code
 * used twice. The file opens again and the review lists what to fill in. */
static void
test_draft_saves (void)
{
  JxWindow *window = open_example ();
  JxReview *review = jx_document_session_get_review (jx_window_get_session (window));
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "draft.jixiao.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JxDocument) saved = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *findings;

  jx_project_set_name (project_at (window, 0), "");
  jx_project_set_code (project_at (window, 1), jx_project_get_code (project_at (window, 0)));
  jx_project_set_code (project_at (window, 2), "");
  jx_indicator_set_name (indicator_at (project_at (window, 3), 0), "");
  jx_window_save_to_file (window, file);
  g_assert_true (wait_for (save_done, window, 10));
  wait_idle ();
  g_assert_null (jx_test_find_toplevel ("save-error-dialog"));
  g_assert_false (jx_window_get_modified (window));

  saved = jx_document_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jx_project_get_name (jx_test_project_at (saved, 0)), ==, "");
  g_assert_cmpstr (jx_project_get_code (jx_test_project_at (saved, 1)), ==,
                   jx_project_get_code (jx_test_project_at (saved, 0)));
  g_assert_cmpstr (jx_project_get_code (jx_test_project_at (saved, 2)), ==, "");

  jx_review_recheck (review);
  findings = jx_review_get_findings (review);
  g_assert_true (has_finding (findings, "project-name-missing", "projects[0].name"));
  g_assert_true (has_finding (findings, "project-code-duplicate", "projects[1].code"));
  g_assert_true (has_finding (findings, "project-code-missing", "projects[2].code"));
  g_assert_true (has_finding (findings, "indicator-name-missing", "projects[3].indicators[0].name"));

  close_discarding (window);
  jx_test_remove_tree (dir);
}

static void
test_broken_file_untouched (void)
{
  JxWindow *window = open_example ();
  JxDocument *before = jx_window_get_document (window);
  GFile *file_before = jx_window_get_file (window);
  g_autofree char *path = jx_test_source_path ("tests/fixtures/broken/truncated.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *data_before = jx_document_to_data (before, NULL);
  g_autofree char *data_after = NULL;
  GtkWidget *dialog;

  jx_sidebar_select_page (JX_SIDEBAR (jx_window_get_sidebar (window)), JX_SIDEBAR_PAGE_OVERALL);
  g_assert_false (jx_window_open_file (window, file));
  wait_idle ();
  g_assert_true (jx_window_get_document (window) == before);
  g_assert_true (jx_window_get_file (window) == file_before);
  data_after = jx_document_to_data (before, NULL);
  g_assert_cmpstr (data_before, ==, data_after);
  g_assert_false (jx_window_get_modified (window));
  dialog = jx_test_find_toplevel ("load-error-dialog");
  g_assert_nonnull (dialog);
  jx_test_screenshot (window, "load-error");
  gtk_window_destroy (GTK_WINDOW (dialog));
  close_discarding (window);
}

/* Delete asks nothing; undo brings the same project back in its place. */
static void
test_project_list (void)
{
  JxWindow *window = open_example ();
  JxSidebar *sidebar = JX_SIDEBAR (jx_window_get_sidebar (window));
  GListModel *projects = jx_document_get_projects (jx_window_get_document (window));
  g_autoptr(JxProject) third = g_list_model_get_item (projects, 2);
  g_autoptr(JxProject) back = NULL;
  GtkWidget *total = jx_widget_find_named (GTK_WIDGET (sidebar), "department-total");

  if (g_getenv ("JX_SCREENSHOT_LOCALE") == NULL)
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (total)), ==, "Department total: 270.00 万元");
  jx_window_show_project (window, third);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.project-delete", NULL);
  wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 6);
  g_assert_null (jx_test_find_toplevel ("close-dialog"));
  g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (total)), "209.00 万元"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_idle ();
  back = g_list_model_get_item (projects, 2);
  g_assert_true (back == third);
  g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (total)), "270.00 万元"));

  /* Add: a new project after the current one, with nothing in it to
   * replace (its indicator table suggests rows: /editor/suggested-rows). */
  jx_window_show_project (window, third);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.project-add", NULL);
  wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 8);
  {
    g_autoptr(JxProject) added = g_list_model_get_item (projects, 3);
    g_assert_true (jx_sidebar_get_project (sidebar) == added);
    g_assert_cmpstr (jx_project_get_name (added), ==, "");
    g_assert_cmpstr (jx_project_get_code (added), ==, "");
    g_assert_cmpuint (g_list_model_get_n_items (jx_project_get_indicators (added)), ==, 0);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);

  /* Duplicate, then move the copy up: one undo step each. */
  jx_window_show_project (window, third);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.project-duplicate", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.project-move-up", NULL);
  wait_idle ();
  {
    g_autoptr(JxProject) copy = g_list_model_get_item (projects, 2);
    g_autofree char *name = g_strdup_printf ("%s（副本）", jx_project_get_name (third));

    /* The code stays until the clerk enters the copy's own: the review
     * reports it used twice meanwhile. */
    g_assert_cmpstr (jx_project_get_code (copy), ==, jx_project_get_code (third));
    g_assert_cmpstr (jx_project_get_name (copy), ==, name);
    g_assert_cmpint (jx_project_get_total (copy), ==, jx_project_get_total (third));
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_idle ();
  g_assert_true (g_list_model_get_item (projects, 2) == (gpointer) third);
  g_object_unref (third);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 7);
  g_assert_false (jx_window_get_modified (window));

  /* Search by name and by code. */
  jx_sidebar_set_search (sidebar, "慰问");
  g_assert_cmpuint (jx_sidebar_get_n_shown_projects (sidebar), ==, 1);
  jx_sidebar_set_search (sidebar, "p00094");
  g_assert_cmpuint (jx_sidebar_get_n_shown_projects (sidebar), ==, 2);
  jx_test_screenshot (window, "search-1024x700");
  jx_sidebar_set_search (sidebar, "");
  g_assert_cmpuint (jx_sidebar_get_n_shown_projects (sidebar), ==, 7);

  close_discarding (window);
}

/* Amounts: what is not an amount is refused with a reason; the total
 * follows what is. */
static void
test_amount_entry (void)
{
  JxWindow *window = open_example ();
  JxProject *project = project_at (window, 0);
  JxAmountEntry *fiscal;
  GtkWidget *entry;
  GtkWidget *total;
  JxMoney before = jx_project_get_fiscal (project);

  jx_window_show_project (window, project);
  wait_idle ();
  fiscal = JX_AMOUNT_ENTRY (form_widget (window, "project-fiscal"));
  entry = jx_amount_entry_get_entry (fiscal);
  total = form_widget (window, "project-total");

  gtk_editable_set_text (GTK_EDITABLE (entry), "三万");
  g_assert_nonnull (jx_amount_entry_get_error (fiscal));
  g_assert_cmpint (jx_project_get_fiscal (project), ==, before);
  jx_test_screenshot (window, "amount-error-1024x700");
  gtk_editable_set_text (GTK_EDITABLE (entry), "-5");
  g_assert_nonnull (jx_amount_entry_get_error (fiscal));
  gtk_editable_set_text (GTK_EDITABLE (entry), "12.5");
  g_assert_null (jx_amount_entry_get_error (fiscal));
  g_assert_cmpint (jx_project_get_fiscal (project), ==, 12500000);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (total)), ==, "12.50");

  /* Editing fields keep no undo of their own: Ctrl+Z is the document's. */
  g_assert_false (gtk_editable_get_enable_undo (GTK_EDITABLE (entry)));
  g_assert_false (gtk_editable_get_enable_undo (GTK_EDITABLE (form_widget (window, "project-name"))));
  close_discarding (window);
}

static gboolean
bar_revealed (gpointer window)
{
  GtkWidget *bar = find_type (GTK_WIDGET (window), GTK_TYPE_INFO_BAR);

  return gtk_info_bar_get_revealed (GTK_INFO_BAR (bar));
}

/* Someone else writes the file: the window says so and never overwrites
 * it silently. */
static void
test_changed_on_disk (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "doc.json", NULL);
  g_autofree char *example = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  g_autofree char *data = jx_test_read_file (example, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *other = NULL;
  g_autofree char *theirs = NULL;
  JxWindow *window = jx_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (g_file_set_contents (path, data, -1, &error));
  g_assert_true (jx_window_open_file (window, file));
  wait_idle ();
  g_assert_false (bar_revealed (window));
  theirs = g_strdup (jx_project_get_name (project_at (window, 0)));

  /* Our own save raises no alarm. */
  jx_project_set_name (project_at (window, 0), "自己改的");
  jx_window_save_to_file (window, file);
  g_assert_true (wait_for (save_done, window, 10));
  wait_idle ();
  g_assert_false (bar_revealed (window));

  /* Another length: a change the stamp sees at once, whatever the clock. */
  other = g_strconcat (data, "\n", NULL);
  g_assert_true (g_file_set_contents (path, other, -1, &error));
  g_assert_true (wait_for (bar_revealed, window, 5));
  jx_test_screenshot (window, "changed-on-disk");

  /* Save now asks before replacing their version. */
  jx_project_set_name (project_at (window, 0), "又改了");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_idle ();
  g_assert_nonnull (jx_test_find_toplevel ("overwrite-dialog"));
  gtk_window_destroy (GTK_WINDOW (jx_test_find_toplevel ("overwrite-dialog")));
  g_free (data);
  data = jx_test_read_file (path, NULL);
  g_assert_cmpstr (data, ==, other);

  /* Reload shows their version (the example's name, plus a line end). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  wait_idle ();
  g_assert_cmpstr (jx_project_get_name (project_at (window, 0)), ==, theirs);
  g_assert_false (bar_revealed (window));
  g_assert_false (jx_window_get_modified (window));
  close_discarding (window);
  jx_test_remove_tree (dir);
}

/* Closing with unsaved changes asks first. */
static void
test_close_asks (void)
{
  JxWindow *window = open_example ();
  GtkWidget *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  jx_project_set_name (project_at (window, 0), "未保存");
  gtk_window_close (GTK_WINDOW (window));
  wait_idle ();
  dialog = jx_test_find_toplevel ("close-dialog");
  g_assert_nonnull (dialog);
  g_assert_nonnull (window);
  jx_test_screenshot (window, "close-asks");
  /* Discard closes it. */
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT);
  wait_idle ();
  g_assert_null (window);
}

static gboolean
is_recent (gpointer uri)
{
  GtkRecentInfo *info = gtk_recent_manager_lookup_item (gtk_recent_manager_get_default (), uri, NULL);

  if (info == NULL)
    return FALSE;
  gtk_recent_info_unref (info);
  return TRUE;
}

static gboolean
window_gone (gpointer pointer)
{
  return *(gpointer *) pointer == NULL;
}

/* "Save" in the question asked on closing saves, closes, and the file
 * joins the recent files like any file saved. */
static void
test_close_saves_recent (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "closing.json", NULL);
  g_autofree char *example = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  g_autofree char *data = jx_test_read_file (example, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) saved = NULL;
  GtkRecentManager *recent = gtk_recent_manager_get_default ();
  JxWindow *window = jx_window_new (GTK_APPLICATION (app));
  GtkWidget *dialog;

  g_assert_true (g_file_set_contents (path, data, -1, &error));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (jx_window_open_file (window, file));
  /* Opening it makes it recent once the window shows: then start from a
   * list without it. */
  g_assert_true (wait_for (is_recent, uri, 10));
  gtk_recent_manager_remove_item (recent, uri, NULL);
  g_assert_false (is_recent (uri));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  jx_project_set_name (project_at (window, 0), "关闭前改的");
  gtk_window_close (GTK_WINDOW (window));
  wait_idle ();
  dialog = jx_test_find_toplevel ("close-dialog");
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_assert_true (wait_for (window_gone, &window, 10));

  saved = jx_document_load_file (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(JxProject) first = g_list_model_get_item (jx_document_get_projects (saved), 0);
    g_assert_cmpstr (jx_project_get_name (first), ==, "关闭前改的");
  }
  wait_idle ();
  g_assert_true (is_recent (uri));
  jx_test_remove_tree (dir);
}

static gboolean
draft_written (gpointer dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".draft"))
      return TRUE;
  return FALSE;
}

static gboolean
draft_store_empty (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "jixiao", "drafts", NULL);

  return !draft_written (dir);
}

static void
assert_no_drafts (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "jixiao", "drafts", NULL);

  g_assert_false (draft_written (dir));
}

/* The child edits, waits for its draft, and dies without any cleanup. */
static void
test_recovery_child (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "jixiao", "drafts", NULL);
  JxWindow *window;

  if (!g_test_subprocess ())
    return;
  assert_no_drafts ();
  window = open_example ();
  gtk_editable_set_text (GTK_EDITABLE (form_widget (window, "project-name")), "");
  jx_window_show_project (window, project_at (window, 2));
  wait_idle ();
  gtk_editable_set_text (GTK_EDITABLE (form_widget (window, "project-name")), "断电前改的名称");
  g_assert_true (jx_window_get_modified (window));
  /* The record goes after the data: both are there. */
  g_assert_true (wait_for (draft_written, dir, 15));
  raise (SIGKILL);
}

static GtkInfoBar *
find_question_bar (GtkWidget *root)
{
  if (GTK_IS_INFO_BAR (root) &&
      gtk_info_bar_get_message_type (GTK_INFO_BAR (root)) == GTK_MESSAGE_QUESTION)
    return GTK_INFO_BAR (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkInfoBar *found = find_question_bar (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
recovery_offered (gpointer window)
{
  GtkInfoBar *bar = find_question_bar (window);

  return bar != NULL && gtk_info_bar_get_revealed (bar);
}

/* A new instance finds the draft of a killed one and restores the edit. */
static void
test_recovery (void)
{
  g_autofree char *example = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  JxWindow *window;
  GtkWidget *dialog;

  /* The tests before left nothing behind. */
  assert_no_drafts ();
  g_setenv ("JX_TEST_KEEP_XDG", "1", TRUE);
  g_test_trap_subprocess ("/editor/recovery/child", 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();
  g_unsetenv ("JX_TEST_KEEP_XDG");

  /* Started as the clerk starts it: the offer comes once the window has
   * shown its first frame. */
  g_application_activate (G_APPLICATION (app));
  window = JX_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_assert_false (recovery_offered (window));
  g_assert_true (wait_for (recovery_offered, window, 10));
  g_assert_cmpuint (jx_window_offer_recovery (window), ==, 1);
  jx_test_screenshot (window, "recovery-offered");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-drafts", NULL);
  wait_idle ();
  g_assert_cmpstr (jx_project_get_name (project_at (window, 2)), ==, "断电前改的名称");
  g_assert_true (jx_window_get_modified (window));
  g_assert_nonnull (jx_window_get_file (window));
  {
    g_autofree char *path = g_file_get_path (jx_window_get_file (window));
    g_assert_cmpstr (path, ==, example);
  }
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "*"));
  /* Nothing is offered twice. */
  g_assert_cmpuint (jx_window_offer_recovery (window), ==, 0);

  /* A real save writes the edit and removes the draft. */
  {
    g_autofree char *dir = jx_test_make_tmpdir ();
    g_autofree char *path = g_build_filename (dir, "restored.jixiao.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(JxDocument) saved = NULL;
    g_autoptr(JxProject) project = NULL;

    g_assert_false (draft_store_empty ());
    jx_window_save_to_file (window, file);
    g_assert_true (wait_for (save_done, window, 10));
    g_assert_false (jx_window_get_modified (window));
    assert_no_drafts ();
    saved = jx_document_load_file (path, NULL);
    g_assert_nonnull (saved);
    project = g_list_model_get_item (jx_document_get_projects (saved), 2);
    g_assert_cmpstr (jx_project_get_name (project), ==, "断电前改的名称");
    jx_test_remove_tree (dir);
  }

  /* Nothing to ask when closing now. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  wait_idle ();
  dialog = jx_test_find_toplevel ("close-dialog");
  g_assert_null (dialog);
  g_assert_null (window);
}

#ifdef GDK_WINDOWING_X11
/* Real key presses through the X server (XTest, loaded at run time: the
 * test needs no extra build dependency and is skipped without it). */
static struct
{
  int (*fake_key) (Display *, unsigned int, int, unsigned long);
  KeyCode (*keycode) (Display *, KeySym);
  int (*flush) (Display *);
  int (*warp) (Display *, Window, Window, int, int, unsigned, unsigned, int, int);
  int (*set_focus) (Display *, Window, int, Time);
  int (*fake_button) (Display *, unsigned int, int, unsigned long);
  int (*fake_motion) (Display *, int, int, int, unsigned long);
  int (*translate) (Display *, Window, Window, int, int, int *, int *, Window *);
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
  x.fake_button = dlsym (xtst, "XTestFakeButtonEvent");
  x.fake_motion = dlsym (xtst, "XTestFakeMotionEvent");
  x.translate = dlsym (x11, "XTranslateCoordinates");
  return x.fake_key && x.keycode && x.flush && x.warp && x.set_focus && x.fake_button &&
         x.fake_motion && x.translate;
}

/* Keys released as GTK has seen them, by keycode: a key sent is done
 * when its release has come through the window. */
typedef struct
{
  guint keycode;
  guint released;
} KeyWatch;

static KeyWatch key_watch;

static void
key_released_cb (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 KeyWatch              *watch)
{
  if (keycode == watch->keycode)
    watch->released++;
}

static void
watch_keys (JxWindow *window)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-released", G_CALLBACK (key_released_cb), &key_watch);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
}

static gboolean
key_came (gpointer data)
{
  return key_watch.released > GPOINTER_TO_UINT (data);
}

static void
press (KeySym key, KeySym modifier)
{
  Display *dpy = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  guint before;

  key_watch.keycode = x.keycode (dpy, key);
  before = key_watch.released;
  if (modifier != NoSymbol)
    x.fake_key (dpy, x.keycode (dpy, modifier), True, 0);
  x.fake_key (dpy, x.keycode (dpy, key), True, 0);
  x.fake_key (dpy, x.keycode (dpy, key), False, 0);
  if (modifier != NoSymbol)
    x.fake_key (dpy, x.keycode (dpy, modifier), False, 0);
  x.flush (dpy);
  g_assert_true (wait_for (key_came, GUINT_TO_POINTER (before), 30));
}

static gboolean
window_active (gpointer window)
{
  return gtk_window_is_active (window);
}

static gboolean
first_cell_shown (gpointer table)
{
  return jx_indicator_table_get_cell (table, 0, JX_INDICATOR_COLUMN_NAME) != NULL;
}

static gboolean
has_focus (JxWindow *window, GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The undo history's clock for test_keyboard: the keystrokes of a test
 * are close together however slowly a busy machine delivers them. */
static gint64
still_clock (gpointer data)
{
  return 0;
}

/* Ctrl+Z in a focused field is the document's undo; Tab, Shift+Tab and
 * Enter move between the cells of the indicator table. */
static void
test_keyboard (void)
{
  JxWindow *window;
  JxProject *project;
  JxIndicatorTable *table;
  GtkWidget *name;
  g_autofree char *before = NULL;
  Display *dpy;

  if (!load_xtest ())
    {
      g_test_skip ("needs X11 and libXtst");
      return;
    }
  window = open_example ();
  watch_keys (window);
  jx_undo_stack_set_clock (jx_window_get_undo_stack (window), still_clock, NULL);
  project = project_at (window, 1);
  jx_window_show_project (window, project);
  g_assert_true (wait_for (first_cell_shown, indicator_table (window), 30));
  dpy = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  /* Without a window manager the keyboard follows the pointer. */
  x.warp (dpy, None, gdk_x11_display_get_xrootwindow (gdk_display_get_default ()), 0, 0, 0, 0, 500, 300);
  x.set_focus (dpy, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
                  RevertToParent, CurrentTime);
  x.flush (dpy);
  g_assert_true (wait_for (window_active, window, 30));

  name = form_widget (window, "project-name");
  before = g_strdup (jx_project_get_name (project));
  gtk_widget_grab_focus (name);
  gtk_editable_set_position (GTK_EDITABLE (name), -1);
  press (XK_x, NoSymbol);
  press (XK_y, NoSymbol);
  g_assert_true (g_str_has_suffix (jx_project_get_name (project), "xy"));
  press (XK_z, XK_Control_L);
  /* Both keystrokes were one typing step of the document, and it is undone. */
  g_assert_cmpstr (jx_project_get_name (project), ==, before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, before);
  g_assert_true (jx_undo_stack_get_can_redo (jx_window_get_undo_stack (window)));

  /* The same in a multi-line field. */
  {
    GtkWidget *usage = form_widget (window, "project-usage");
    g_autofree char *usage_before = g_strdup (jx_project_get_usage (project));
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (usage));
    GtkTextIter end;

    gtk_widget_grab_focus (usage);
    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_place_cursor (buffer, &end);
    press (XK_a, NoSymbol);
    g_assert_true (g_str_has_suffix (jx_project_get_usage (project), "a"));
    press (XK_z, XK_Control_L);
    g_assert_cmpstr (jx_project_get_usage (project), ==, usage_before);
  }

  table = indicator_table (window);
  g_assert_true (jx_indicator_table_focus_cell (table, 0, JX_INDICATOR_COLUMN_NAME));
  press (XK_Tab, NoSymbol);
  g_assert_true (has_focus (window, jx_indicator_table_get_cell (table, 0, JX_INDICATOR_COLUMN_DESCRIPTION)));
  press (XK_Return, NoSymbol);
  g_assert_true (has_focus (window, jx_indicator_table_get_cell (table, 0, JX_INDICATOR_COLUMN_VALUE)));
  press (XK_Tab, XK_Shift_L);
  g_assert_true (has_focus (window, jx_indicator_table_get_cell (table, 0, JX_INDICATOR_COLUMN_DESCRIPTION)));
  /* From the last cell of a row to the first of the next. */
  g_assert_true (jx_indicator_table_focus_cell (table, 0, JX_INDICATOR_COLUMN_BASIS));
  press (XK_Return, NoSymbol);
  g_assert_true (has_focus (window, jx_indicator_table_get_cell (table, 1, JX_INDICATOR_COLUMN_LEVEL1)));
  g_assert_cmpuint (jx_indicator_table_get_current (table), ==, 1);

  /* Shift+Enter and Ctrl+Enter break a line in the cell; Enter goes on. */
  {
    JxIndicator *second = jx_test_indicator_at (project, 1);
    g_autofree char *name_before = g_strdup (jx_indicator_get_name (second));
    g_autofree char *expected = g_strconcat (name_before, "\na\nb", NULL);
    GtkWidget *cell = jx_indicator_table_get_cell (table, 1, JX_INDICATOR_COLUMN_NAME);

    g_assert_true (jx_indicator_table_focus_cell (table, 1, JX_INDICATOR_COLUMN_NAME));
    gtk_editable_set_position (GTK_EDITABLE (cell), -1);
    press (XK_Return, XK_Shift_L);
    press (XK_a, NoSymbol);
    press (XK_Return, XK_Control_L);
    press (XK_b, NoSymbol);
    g_assert_cmpstr (jx_indicator_get_name (second), ==, expected);
    g_assert_true (has_focus (window, cell));
    g_assert_cmpint (jx_table_cell_get_n_lines (JX_TABLE_CELL (cell)), >=, 3);
    press (XK_Return, NoSymbol);
    g_assert_true (has_focus (window, jx_indicator_table_get_cell (table, 1, JX_INDICATOR_COLUMN_DESCRIPTION)));

    /* Shift+↑ from the first line selects the row above too; Ctrl+C then
     * copies both rows, not the cell's text. */
    g_assert_true (jx_indicator_table_focus_cell (table, 2, JX_INDICATOR_COLUMN_VALUE));
    gtk_editable_set_position (GTK_EDITABLE (jx_indicator_table_get_cell (table, 2, JX_INDICATOR_COLUMN_VALUE)), 0);
    press (XK_Up, XK_Shift_L);
    {
      g_autoptr(GArray) selected = jx_indicator_table_get_selected (table);

      g_assert_cmpuint (selected->len, ==, 2);
      g_assert_cmpuint (g_array_index (selected, guint, 0), ==, 1);
    }
    g_assert_true (has_focus (window, jx_indicator_table_get_cell (table, 1, JX_INDICATOR_COLUMN_VALUE)));
    press (XK_c, XK_Control_L);
    g_assert_nonnull (jx_indicator_table_get_notice (table));
    g_assert_nonnull (strstr (jx_indicator_table_get_notice (table), "2"));
  }

  close_discarding (window);
}

static GtkWidget *
find_label (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0 &&
      gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Where a widget's centre is on the screen. */
static void
screen_point (JxWindow *window, GtkWidget *widget, int *sx, int *sy)
{
  Display *dpy = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));
  graphene_point_t in = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                             gtk_widget_get_height (widget) / 2.0);
  graphene_point_t out;
  double nx, ny;
  Window child;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (window), &in, &out));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &nx, &ny);
  x.translate (dpy, xid, gdk_x11_display_get_xrootwindow (gdk_display_get_default ()),
               (int) (out.x + nx), (int) (out.y + ny), sx, sy, &child);
}

/* Every event GTK has taken from the display for the window. */
static guint events_seen;

static gboolean
event_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          gpointer                  data)
{
  events_seen++;
  return GDK_EVENT_PROPAGATE;
}

static gboolean
event_came (gpointer before)
{
  return events_seen > GPOINTER_TO_UINT (before);
}

static void
wait_event (guint before)
{
  g_assert_true (wait_for (event_came, GUINT_TO_POINTER (before), 30));
}

/* A drop target of the widget or below it over which a drag hovers, or
 * (drop FALSE) a drag source whose drag has begun. */
static gboolean
drag_state (GtkWidget *root,
            gboolean   drop)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (root);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (drop && GTK_IS_DROP_TARGET (controller) &&
          gtk_drop_target_get_current_drop (GTK_DROP_TARGET (controller)) != NULL)
        return TRUE;
      if (!drop && GTK_IS_DRAG_SOURCE (controller) &&
          gtk_drag_source_get_drag (GTK_DRAG_SOURCE (controller)) != NULL)
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (drag_state (child, drop))
      return TRUE;
  return FALSE;
}

static gboolean
sidebar_drag_hovers (gpointer window)
{
  return drag_state (jx_window_get_sidebar (window), TRUE);
}

typedef struct
{
  JxWindow *window;
  guint events;
} DragWait;

/* The next event reached the window, or the drag took them over. */
static gboolean
event_or_drag (gpointer data)
{
  DragWait *wait = data;

  return events_seen > wait->events || drag_state (jx_window_get_sidebar (wait->window), FALSE);
}

typedef struct
{
  GListModel *projects;
  JxProject *project;
  guint position;
} AtPosition;

static gboolean
project_moved (gpointer data)
{
  AtPosition *at = data;
  g_autoptr(JxProject) there = g_list_model_get_item (at->projects, at->position);

  return there == at->project;
}

/* A project dragged onto another's place moves there, as one undo step. */
static void
test_drag_project (void)
{
  JxWindow *window;
  GListModel *projects;
  g_autoptr(JxProject) first = NULL;
  g_autoptr(JxProject) third = NULL;
  GtkEventController *events;
  AtPosition moved;
  Display *dpy;
  int x0, y0, x1, y1;

  if (!load_xtest ())
    {
      g_test_skip ("needs X11 and libXtst");
      return;
    }
  window = open_example ();
  events = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (events, GTK_PHASE_CAPTURE);
  g_signal_connect (events, "event", G_CALLBACK (event_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), events);
  projects = jx_document_get_projects (jx_window_get_document (window));
  first = g_list_model_get_item (projects, 0);
  third = g_list_model_get_item (projects, 2);
  wait_idle ();
  dpy = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  screen_point (window, find_label (GTK_WIDGET (window), jx_project_get_name (first)), &x0, &y0);
  screen_point (window, find_label (GTK_WIDGET (window), jx_project_get_name (third)), &x1, &y1);

  x.fake_motion (dpy, -1, x0, y0, 0);
  x.flush (dpy);
  wait_event (events_seen);
  x.fake_button (dpy, 1, True, 0);
  x.flush (dpy);
  wait_event (events_seen);
  /* Once the drag has begun its events are the drag's, not the window's:
   * what tells that it came over the other project is its drop target,
   * which hears of the pointer only as it moves. */
  for (int i = 1; i <= 10; i++)
    {
      DragWait wait = { window, events_seen };

      x.fake_motion (dpy, -1, x0 + (x1 - x0) * i / 10, y0 + (y1 - y0) * i / 10, 0);
      x.flush (dpy);
      g_assert_true (wait_for (event_or_drag, &wait, 30));
    }
  g_assert_true (drag_state (jx_window_get_sidebar (window), FALSE));
  /* The drag tells the drop target where it is at its next move. */
  x.fake_motion (dpy, -1, x1, y1 + 1, 0);
  x.flush (dpy);
  g_assert_true (wait_for (sidebar_drag_hovers, window, 30));
  x.fake_button (dpy, 1, False, 0);
  x.flush (dpy);
  moved = (AtPosition) { projects, first, 2 };
  g_assert_true (wait_for (project_moved, &moved, 30));

  g_object_unref (first);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (g_list_model_get_item (projects, 0) == (gpointer) first);
  g_object_unref (first);
  g_assert_false (jx_window_get_modified (window));
  close_discarding (window);
}

typedef struct
{
  GtkWidget *scroller;
  const char *name;
} RowShown;

/* The row of the project of that name is inside the list's view, whole. */
static gboolean
row_whole (gpointer data)
{
  RowShown *shown = data;
  GtkWidget *label = find_label (shown->scroller, shown->name);
  graphene_rect_t bounds;

  return label != NULL &&
         gtk_widget_compute_bounds (gtk_widget_get_parent (label), shown->scroller, &bounds) &&
         bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (shown->scroller);
}

/* A project added at the foot of a long list is shown whole, not half
 * under the edge of the list. */
static void
test_new_row_visible (void)
{
  JxWindow *window = open_example ();
  GListModel *projects = jx_document_get_projects (jx_window_get_document (window));
  GtkWidget *sidebar = jx_window_get_sidebar (window);
  /* The list's scroller, not the sort menu's. */
  GtkWidget *scroller = gtk_widget_get_ancestor (find_label (sidebar, jx_project_get_code (project_at (window, 0))),
                                                 GTK_TYPE_SCROLLED_WINDOW);

  jx_window_show_project (window, project_at (window, g_list_model_get_n_items (projects) - 1));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(JxProject) copy = NULL;
      RowShown shown = { scroller, NULL };

      gtk_widget_activate_action (GTK_WIDGET (window), "win.project-duplicate", NULL);
      copy = g_list_model_get_item (projects, g_list_model_get_n_items (projects) - 1);
      /* Copies keep the code; their names tell them apart. */
      shown.name = jx_project_get_name (copy);
      g_assert_true (wait_for (row_whole, &shown, 30));
    }
  close_discarding (window);
}
#endif

static gboolean
focus_within (JxWindow *window, GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return widget != NULL && focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A finding's member path takes the clerk to its field. */
static void
test_focus_path (void)
{
  JxWindow *window = open_example ();
  JxSidebar *sidebar = JX_SIDEBAR (jx_window_get_sidebar (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-path", "s", "projects[3].indicators[2].value");
  wait_idle ();
  g_assert_true (jx_sidebar_get_project (sidebar) == project_at (window, 3));
  g_assert_true (focus_within (window, jx_indicator_table_get_cell (indicator_table (window), 2,
                                                                   JX_INDICATOR_COLUMN_VALUE)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-path", "s", "projects[1].funds.other");
  wait_idle ();
  g_assert_true (jx_sidebar_get_project (sidebar) == project_at (window, 1));
  g_assert_true (focus_within (window, form_widget (window, "project-other")));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-path", "s", "department.reviewer");
  wait_idle ();
  g_assert_cmpint (jx_sidebar_get_page (sidebar), ==, JX_SIDEBAR_PAGE_DEPARTMENT);
  g_assert_true (focus_within (window, jx_widget_find_named (GTK_WIDGET (window), "document-reviewer")));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-path", "s", "overall.summary");
  wait_idle ();
  g_assert_cmpint (jx_sidebar_get_page (sidebar), ==, JX_SIDEBAR_PAGE_OVERALL);
  g_assert_true (focus_within (window, jx_widget_find_named (GTK_WIDGET (window), "overall-summary")));

  /* A path that names nothing leaves things as they are. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-path", "s", "projects[99].name");
  wait_idle ();
  g_assert_cmpint (jx_sidebar_get_page (sidebar), ==, JX_SIDEBAR_PAGE_OVERALL);
  close_discarding (window);
}

static guint
count_icons (GtkWidget *root, const char *icon)
{
  guint n = 0;

  if (GTK_IS_IMAGE (root) && gtk_widget_get_visible (root) &&
      gtk_image_get_storage_type (GTK_IMAGE (root)) == GTK_IMAGE_ICON_NAME &&
      g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (root)), icon) == 0)
    n++;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_icons (c, icon);
  return n;
}

/* Each project in the list carries the worst severity of its findings, and
 * the mark follows the clerk's fixes. */
static void
test_project_marks (void)
{
  JxWindow *window = open_example ();
  GtkWidget *sidebar = jx_window_get_sidebar (window);
  JxReview *review = jx_document_session_get_review (jx_window_get_session (window));
  const char *error_icon = jx_problems_severity_icon (JX_SEVERITY_ERROR);
  GListModel *plan = jx_project_get_spending_plan (project_at (window, 5));
  const double fixed[] = { 30, 60, 90, 100 };

  jx_review_recheck (review);
  wait_idle ();
  /* Only 人大慰问老干部补贴 has an error: its plan ends at 30%. */
  g_assert_cmpint (jx_review_worst_for_project (review, 5), ==, JX_SEVERITY_ERROR);
  g_assert_cmpuint (count_icons (sidebar, error_icon), ==, 1);
  g_assert_cmpuint (count_icons (sidebar, jx_problems_severity_icon (JX_SEVERITY_WARNING)), >=, 3);

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(JxCheckpoint) checkpoint = g_list_model_get_item (plan, i);
      jx_checkpoint_set_percent (checkpoint, fixed[i]);
    }
  jx_review_recheck (review);
  wait_idle ();
  g_assert_cmpuint (count_icons (sidebar, error_icon), ==, 0);
  close_discarding (window);
}

/* The stack of the window's pages: the one with the department form. */
static GtkStack *
page_stack (GtkWidget *root)
{
  if (GTK_IS_STACK (root) && gtk_stack_get_child_by_name (GTK_STACK (root), "department") != NULL)
    return GTK_STACK (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found = page_stack (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
shown_page (JxWindow *window, const char *name)
{
  GtkStack *stack = page_stack (GTK_WIDGET (window));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, name);
  g_assert_true (gtk_widget_get_mapped (gtk_stack_get_visible_child (stack)));
  return gtk_stack_get_visible_child (stack);
}

static char *
buffer_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Only the page shown at start-up is built with the window; the others are
 * built when the clerk first goes to them, and then edit, undo and follow
 * another document like any page. */
static void
test_pages_built_on_first_show (void)
{
  JxWindow *window = open_example ();
  JxDocument *document = jx_window_get_document (window);
  JxSidebar *sidebar = JX_SIDEBAR (jx_window_get_sidebar (window));
  GtkStack *stack = page_stack (GTK_WIDGET (window));
  JxProject *project = project_at (window, 2);
  g_autoptr(JxMeasure) measure = g_list_model_get_item (jx_document_get_measures (document), 0);
  g_autofree char *old_name = g_strdup (jx_project_get_name (project));
  g_autofree char *old_heading = g_strdup (jx_measure_get_heading (measure));
  g_autofree char *summary_text = NULL;
  g_autofree char *new_summary = NULL;
  GtkWidget *page;
  GtkWidget *widget;

  g_assert_nonnull (stack);
  shown_page (window, "department");
  g_assert_null (gtk_stack_get_child_by_name (stack, "overall"));
  g_assert_null (gtk_stack_get_child_by_name (stack, "measures"));
  g_assert_null (gtk_stack_get_child_by_name (stack, "project"));

  /* A project, chosen in the list. */
  jx_sidebar_select_project (sidebar, project);
  wait_idle ();
  page = shown_page (window, "project");
  widget = jx_widget_find_named (page, "project-name");
  g_assert_nonnull (widget);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget)), ==, old_name);
  gtk_editable_set_text (GTK_EDITABLE (widget), "人大代表活动经费（调整）");
  g_assert_cmpstr (jx_project_get_name (project), ==, "人大代表活动经费（调整）");
  g_assert_true (jx_window_get_modified (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_idle ();
  g_assert_cmpstr (jx_project_get_name (project), ==, old_name);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget)), ==, old_name);
  g_assert_false (jx_window_get_modified (window));

  /* Part 1's goals. */
  jx_sidebar_select_page (sidebar, JX_SIDEBAR_PAGE_OVERALL);
  wait_idle ();
  page = shown_page (window, "overall");
  widget = jx_widget_find_named (page, "overall-summary");
  g_assert_nonnull (widget);
  summary_text = buffer_text (widget);
  g_assert_cmpstr (summary_text, ==, jx_document_get_summary (document));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "总体目标。", -1);
  g_assert_cmpstr (jx_document_get_summary (document), ==, "总体目标。");

  /* The measures: the first heading, edited. */
  jx_sidebar_select_page (sidebar, JX_SIDEBAR_PAGE_MEASURES);
  wait_idle ();
  page = shown_page (window, "measures");
  widget = find_type (page, GTK_TYPE_ENTRY);
  g_assert_nonnull (widget);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget)), ==, old_heading);
  gtk_editable_set_text (GTK_EDITABLE (widget), "一、组织保障");
  g_assert_cmpstr (jx_measure_get_heading (measure), ==, "一、组织保障");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_idle ();
  g_assert_cmpstr (jx_measure_get_heading (measure), ==, old_heading);
  g_assert_cmpstr (jx_document_get_summary (document), ==, summary_text);
  g_assert_false (jx_window_get_modified (window));

  /* A new document reaches the pages built so far. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  wait_idle ();
  g_assert_true (jx_window_get_document (window) != document);
  document = jx_window_get_document (window);
  jx_sidebar_select_page (sidebar, JX_SIDEBAR_PAGE_OVERALL);
  wait_idle ();
  new_summary = buffer_text (jx_widget_find_named (shown_page (window, "overall"), "overall-summary"));
  g_assert_cmpstr (new_summary, ==, jx_document_get_summary (document));
  g_assert_cmpstr (new_summary, !=, summary_text);
  close_discarding (window);
}

typedef struct
{
  JxIndicatorTable *table;
  guint row;
  JxIndicatorColumn column;
} CellAt;

static gboolean
cell_shown (gpointer data)
{
  CellAt *at = data;

  return jx_indicator_table_get_cell (at->table, at->row, at->column) != NULL;
}

static gboolean
page_mapped (gpointer data)
{
  GtkStack *stack = data;

  return gtk_widget_get_mapped (gtk_stack_get_visible_child (stack));
}

/* Every page shows when chosen, with its fields laid out (pictures of each
 * with JX_SCREENSHOT_DIR set). */
static void
test_pages (void)
{
  JxWindow *window = open_example_sized (1280, 800);
  JxSidebar *sidebar = JX_SIDEBAR (jx_window_get_sidebar (window));
  GtkStack *stack = page_stack (GTK_WIDGET (window));
  const struct { JxSidebarPage page; const char *name; const char *field; } pages[] = {
    { JX_SIDEBAR_PAGE_OVERALL, "overall", "overall-summary" },
    { JX_SIDEBAR_PAGE_MEASURES, "measures", NULL },
    { JX_SIDEBAR_PAGE_DEPARTMENT, "department", "document-name" },
  };
  CellAt at = { NULL, 3, JX_INDICATOR_COLUMN_NAME };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *picture = g_strdup_printf ("%s-1280x800", pages[i].name);

      jx_sidebar_select_page (sidebar, pages[i].page);
      g_assert_true (jx_test_wait_for (page_mapped, stack, 30000));
      shown_page (window, pages[i].name);
      if (pages[i].field != NULL)
        g_assert_true (gtk_widget_get_mapped (jx_widget_find_named (GTK_WIDGET (window), pages[i].field)));
      jx_test_screenshot (window, picture);
    }
  jx_window_show_project (window, project_at (window, 4));
  g_assert_true (jx_test_wait_for (page_mapped, stack, 30000));
  shown_page (window, "project");
  jx_test_screenshot (window, "project-1280x800");
  at.table = indicator_table (window);
  g_assert_true (jx_test_wait_for (cell_shown, &at, 30000));
  g_assert_true (jx_indicator_table_focus_cell (at.table, 3, JX_INDICATOR_COLUMN_NAME));
  jx_test_screenshot (window, "indicators-1280x800");
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  jx_test_screenshot (window, "indicators-1024x700");
  close_discarding (window);
}

/* A new project's table suggests the usual categories as gray hints, not
 * as rows of the document; text typed into one makes them its rows, as
 * one undo step, and the text stays where it was typed. */
static void
test_suggested_rows (void)
{
  JxWindow *window = jx_window_new (GTK_APPLICATION (app));
  JxIndicatorTable *table;
  JxProject *project;
  CellAt at = { NULL, 5, JX_INDICATOR_COLUMN_LEVEL2 };
  GtkWidget *cell;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  project = project_at (window, 0);
  jx_window_show_project (window, project);
  table = at.table = indicator_table (window);
  g_assert_true (jx_test_wait_for (cell_shown, &at, 30000));
  jx_test_screenshot (window, "new-1024x700");
  g_assert_cmpuint (g_list_model_get_n_items (jx_project_get_indicators (project)), ==, 0);
  cell = jx_indicator_table_get_cell (table, 5, JX_INDICATOR_COLUMN_LEVEL2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "");
  g_assert_cmpstr (jx_table_cell_get_hint (JX_TABLE_CELL (cell)), ==, "服务对象满意度指标");
  g_assert_cmpuint (jx_indicator_table_get_current (table), ==, GTK_INVALID_LIST_POSITION);
  g_assert_false (jx_window_get_modified (window));

  g_assert_true (jx_indicator_table_focus_cell (table, 2, JX_INDICATOR_COLUMN_NAME));
  cell = jx_indicator_table_get_cell (table, 2, JX_INDICATOR_COLUMN_NAME);
  gtk_editable_set_text (GTK_EDITABLE (cell), "按时完成率");
  wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (jx_project_get_indicators (project)), ==, 6);
  g_assert_cmpstr (jx_indicator_get_name (indicator_at (project, 2)), ==, "按时完成率");
  g_assert_cmpstr (jx_indicator_get_level2 (indicator_at (project, 2)), ==, "时效指标");
  g_assert_cmpstr (jx_indicator_get_level1 (indicator_at (project, 5)), ==, "满意度指标");
  g_assert_true (focus_within (window, jx_indicator_table_get_cell (table, 2, JX_INDICATOR_COLUMN_NAME)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (jx_indicator_table_get_cell (table, 2, JX_INDICATOR_COLUMN_LEVEL2))),
                   ==, "时效指标");
  g_assert_true (jx_window_get_modified (window));

  /* One step back: no rows, and the suggestions empty again. */
  jx_undo_stack_seal (jx_window_get_undo_stack (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (jx_project_get_indicators (project)), ==, 0);
  g_assert_false (jx_window_get_modified (window));
  at.row = 2;
  at.column = JX_INDICATOR_COLUMN_NAME;
  g_assert_true (jx_test_wait_for (cell_shown, &at, 30000));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (jx_indicator_table_get_cell (table, 2, JX_INDICATOR_COLUMN_NAME))),
                   ==, "");
  close_discarding (window);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  /* A recovery child shares its parent's directories. */
  if (g_getenv ("JX_TEST_KEEP_XDG") == NULL)
    jx_test_isolate_xdg ();
  gtk_test_init (&argc, &argv, NULL);
  jx_test_allow_edited_row_frame ();
  /* Pictures in another language: JX_SCREENSHOT_LOCALE=zh_CN.UTF-8 with
   * JIXIAO_LOCALEDIR pointing at compiled translations. The assertions
   * on English text are then skipped. */
  if (g_getenv ("JX_SCREENSHOT_LOCALE") != NULL)
    {
      setlocale (LC_ALL, g_getenv ("JX_SCREENSHOT_LOCALE"));
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JIXIAO_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  app = jx_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/editor/edit-undo-save", test_edit_undo_save);
  g_test_add_func ("/editor/project-marks", test_project_marks);
  g_test_add_func ("/editor/failed-save", test_failed_save);
  g_test_add_func ("/editor/broken-file-untouched", test_broken_file_untouched);
  g_test_add_func ("/editor/draft-saves", test_draft_saves);
  g_test_add_func ("/editor/suggested-rows", test_suggested_rows);
  g_test_add_func ("/editor/project-list", test_project_list);
  g_test_add_func ("/editor/amount-entry", test_amount_entry);
  g_test_add_func ("/editor/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/editor/close-asks", test_close_asks);
  g_test_add_func ("/editor/close-saves-recent", test_close_saves_recent);
  g_test_add_func ("/editor/pages", test_pages);
  g_test_add_func ("/editor/pages-built-on-first-show", test_pages_built_on_first_show);
  g_test_add_func ("/editor/focus-path", test_focus_path);
  g_test_add_func ("/editor/recovery", test_recovery);
  g_test_add_func ("/editor/recovery/child", test_recovery_child);
#ifdef GDK_WINDOWING_X11
  g_test_add_func ("/editor/keyboard", test_keyboard);
  g_test_add_func ("/editor/drag-project", test_drag_project);
  g_test_add_func ("/editor/new-row-visible", test_new_row_visible);
#endif
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
