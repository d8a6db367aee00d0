/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The year's work in the window: starting next year's document and its
 * list of moved years, saving it under its own name, comparing with
 * another version or the saved one, stepping through the changes and
 * the 修改对照表 as PDF. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "jx-application.h"
#include "jx-compare-panel.h"
#include "jx-document-edit.h"
#include "jx-document-io.h"
#include "jx-indicator-table.h"
#include "jx-indicator.h"
#include "jx-preview.h"
#include "jx-print.h"
#include "jx-roll-forward-dialog.h"
#include "jx-sidebar.h"
#include "jx-table-cell.h"
#include "jx-text-item.h"
#include "jx-text-list-editor.h"
#include "jx-test-gtk.h"
#include "jx-widget-util.h"
#include "jx-window.h"

#define TIMEOUT_MS 30000
#define DEPARTMENT "遵化市人民代表大会常务委员会"

static JxApplication *app;
static gboolean english;   /* assertions on English words hold */

/* ---- Helpers ---- */

static void
wait_idle (void)
{
  jx_test_settle ();
}

/* A macro, so that a failure names the line that waited. */
#define wait_for(condition, data) g_assert_true (jx_test_wait_for ((condition), (data), TIMEOUT_MS))

/* The example, copied into dir as last year's file. */
static char *
copy_example (const char *dir, const char *name)
{
  g_autofree char *source = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  g_autofree char *data = NULL;
  gsize length;
  char *path = g_build_filename (dir, name, NULL);

  data = jx_test_read_file (source, &length);
  g_assert_true (g_file_set_contents (path, data, length, NULL));
  return path;
}

static JxWindow *
open_window (const char *path, int width, int height)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JxWindow *window = jx_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (jx_window_open_file (window, file));
  wait_idle ();
  return window;
}

static void
destroy_all (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  wait_idle ();
}

/* The shown toplevel of a type other than except, or NULL. */
static GtkWidget *
find_window_of_type (GType type, gpointer except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && w != except && gtk_widget_get_visible (w))
        return w;
    }
  return NULL;
}

static gboolean
chooser_shown (gpointer data)
{
  return find_window_of_type (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL) != NULL;
}

static GtkWidget *
wait_chooser (void)
{
  wait_for (chooser_shown, NULL);
  return find_window_of_type (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
}

static gboolean
toplevel_named (gpointer name)
{
  return jx_test_find_toplevel (name) != NULL;
}

static GtkWidget *
wait_toplevel (const char *name)
{
  if (!jx_test_wait_for (toplevel_named, (gpointer) name, TIMEOUT_MS))
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

          g_printerr ("toplevel %s %s %d\n", G_OBJECT_TYPE_NAME (w), gtk_widget_get_name (w),
                      gtk_widget_get_visible (w));
        }
      g_error ("no window named %s", name);
    }
  return jx_test_find_toplevel (name);
}

static guint
file_year (const char *path)
{
  g_autoptr(JxDocument) document = jx_document_load_file (path, NULL);

  g_assert_nonnull (document);
  return jx_document_get_year (document);
}

static JxComparePanel *
panel_of (JxWindow *window)
{
  return JX_COMPARE_PANEL (jx_window_get_compare_panel (window));
}

typedef struct
{
  JxComparePanel *panel;
  guint n;
} Count;

static gboolean
changes_are (gpointer data)
{
  Count *count = data;
  GListModel *changes = jx_compare_panel_get_changes (count->panel);

  return changes != NULL && g_list_model_get_n_items (changes) == count->n;
}

static void
wait_changes (JxComparePanel *panel, guint n)
{
  Count count = { panel, n };

  if (!jx_test_wait_for (changes_are, &count, TIMEOUT_MS))
    {
      GListModel *changes = jx_compare_panel_get_changes (panel);
      g_autofree char *text = jx_compare_panel_to_text (panel);

      g_error ("expected %u changes, the panel shows %u:\n%s", n,
               changes != NULL ? g_list_model_get_n_items (changes) : 0, text);
    }
}

static JxChange *
change_at (JxComparePanel *panel, guint position)
{
  JxChange *change = g_list_model_get_item (jx_compare_panel_get_changes (panel), position);

  g_assert_nonnull (change);
  g_object_unref (change);
  return change;
}

/* The first change of this item (and member, when given), or fails. */
static guint
find_change (JxComparePanel *panel, JxChangeItem item, const char *member)
{
  GListModel *changes = jx_compare_panel_get_changes (panel);

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      JxChange *change = change_at (panel, i);

      if (jx_change_get_item (change) == item &&
          (member == NULL || g_strcmp0 (jx_change_get_member (change), member) == 0))
        return i;
    }
  g_error ("no change of item %d %s", item, member != NULL ? member : "");
  return 0;
}

static gboolean
focus_named (JxWindow *window, const char *name)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *named = jx_widget_find_named (GTK_WIDGET (window), name);

  return focus != NULL && named != NULL && (focus == named || gtk_widget_is_ancestor (focus, named));
}

/* The text of the field that has the focus: an indicator cell (the cell or
 * its editor) or an entry. */
static const char *
focused_text (JxWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *cell = focus != NULL ? gtk_widget_get_ancestor (focus, JX_TYPE_TABLE_CELL) : NULL;

  if (cell != NULL)
    return jx_table_cell_get_text (JX_TABLE_CELL (cell));
  if (focus != NULL && GTK_IS_EDITABLE (focus))
    return gtk_editable_get_text (GTK_EDITABLE (focus));
  return NULL;
}

static gboolean
focus_reads_next_year_date (gpointer data)
{
  return g_strcmp0 (focused_text (data), "2025年12月31日前") == 0;
}

static JxProject *
project_at (JxWindow *window, guint position)
{
  return jx_test_project_at (jx_window_get_document (window), position);
}

static JxProject *
shown_project (JxWindow *window)
{
  return jx_sidebar_get_project (JX_SIDEBAR (jx_window_get_sidebar (window)));
}

/* A returned version of the example: five changes a reviewer would make. */
static char *
write_returned (const char *dir)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "returned.jixiao.json", NULL);
  JxProject *first = jx_test_project_at (document, 0);

  jx_department_set_reviewer (jx_document_get_department (document), "张三");
  jx_project_set_name (first, "“智慧人大”平台经费");
  jx_project_set_fiscal (jx_test_project_at (document, 1), 65000000);
  jx_indicator_set_value (jx_test_indicator_at (jx_test_project_at (document, 4), 1), "≥98%");
  g_assert_true (jx_document_delete_project (document, 6));
  g_assert_true (jx_document_save_file (document, path, &error));
  g_assert_no_error (error);
  return path;
}

/* ---- Next year's document ---- */

static JxRollForwardDialog *
open_roll_forward (JxWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-next-year", NULL);
  return JX_ROLL_FORWARD_DIALOG (wait_toplevel ("roll-forward-dialog"));
}

static gboolean
second_window (gpointer first)
{
  return find_window_of_type (JX_TYPE_WINDOW, first) != NULL;
}

/* The dialog's choice makes next year's document in a window of its own,
 * unsaved; last year's stays as it was; the list of moved years shows
 * under the forms, can be copied, and each entry goes to its place. */
static void
test_roll_forward (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = copy_example (dir, "2024" DEPARTMENT ".jixiao.json");
  JxWindow *window = open_window (path, 1280, 800);
  JxRollForwardDialog *dialog = open_roll_forward (window);
  JxWindow *next;
  JxDocument *document;
  JxComparePanel *panel;
  GListModel *changes;
  g_autofree char *text = NULL;
  guint value;

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpint (jx_roll_forward_dialog_get_flags (dialog), ==, JX_ROLL_FORWARD_KEEP);
  jx_test_screenshot (GTK_WIDGET (dialog), "roll-forward-dialog");
  jx_roll_forward_dialog_set_flags (dialog, JX_ROLL_FORWARD_CLEAR_AMOUNTS);
  g_assert_true (jx_roll_forward_dialog_accept (dialog));
  wait_for (second_window, window);
  next = JX_WINDOW (find_window_of_type (JX_TYPE_WINDOW, window));
  wait_idle ();
  g_assert_null (jx_test_find_toplevel ("roll-forward-dialog"));

  /* Next year's, not saved, budgets cleared, plans kept. */
  document = jx_window_get_document (next);
  g_assert_cmpuint (jx_document_get_year (document), ==, 2025);
  g_assert_null (jx_window_get_file (next));
  g_assert_true (jx_window_get_modified (next));
  g_assert_cmpint (jx_project_get_fiscal (project_at (next, 1)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (jx_project_get_spending_plan (project_at (next, 1))), ==, 4);
  /* Last year's is as it was. */
  g_assert_cmpuint (jx_document_get_year (jx_window_get_document (window)), ==, 2024);
  g_assert_cmpint (jx_project_get_fiscal (project_at (window, 1)), ==, 60000000);
  g_assert_false (jx_window_get_modified (window));
  g_assert_cmpuint (file_year (path), ==, 2024);

  /* The list: the year, then every text whose years moved, marked. */
  panel = panel_of (next);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (panel)));
  g_assert_false (jx_compare_panel_is_comparing (panel));
  changes = jx_compare_panel_get_changes (panel);
  g_assert_cmpuint (g_list_model_get_n_items (changes), >=, 10);
  g_assert_cmpint (jx_change_get_item (change_at (panel, 0)), ==, JX_CHANGE_ITEM_YEAR);
  value = find_change (panel, JX_CHANGE_ITEM_CELL, "value");
  g_assert_cmpstr (jx_change_get_old_text (change_at (panel, value)), ==, "2024年12月31日前");
  g_assert_cmpstr (jx_change_get_new_text (change_at (panel, value)), ==, "2025年12月31日前");
  text = jx_compare_panel_to_text (panel);
  g_assert_nonnull (strstr (text, "2024年12月31日前"));
  g_assert_nonnull (strstr (text, "2025年12月31日前"));
  if (english)
    g_assert_true (g_str_has_prefix (text, "The 2025 document from the 2024 one"));
  jx_test_screenshot (GTK_WIDGET (next), "roll-forward-list");

  /* Copy puts the same text on the clipboard. */
  gtk_widget_activate_action (GTK_WIDGET (panel), "compare.copy", NULL);
  {
    g_autoptr(GdkContentProvider) content = gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (panel))) != NULL
      ? g_object_ref (gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (panel)))) : NULL;
    GValue copied = G_VALUE_INIT;

    g_assert_nonnull (content);
    g_value_init (&copied, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (content, &copied, NULL));
    g_assert_cmpstr (g_value_get_string (&copied), ==, text);
    g_value_unset (&copied);
    /* Left as found: the tests that run in processes of their own on the
     * same display would ask this one for it (see jx-test-gtk.h). */
    gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (panel)), NULL);
  }

  /* The year goes to the cover's year; the target value to its cell. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (next), "win.next-change", NULL));
  wait_idle ();
  g_assert_cmpuint (jx_change_list_get_selected (jx_compare_panel_get_list (panel)), ==, 0);
  g_assert_true (focus_named (next, "document-year"));
  jx_change_list_select (jx_compare_panel_get_list (panel), value - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (next), "win.next-change", NULL));
  wait_idle ();
  g_assert_true (shown_project (next) ==
                 project_at (next, jx_change_get_new_project (change_at (panel, value))));
  /* The focus lands in the target value's cell of the indicator table. */
  wait_for (focus_reads_next_year_date, next);

  /* Confirming closes the list; the keys then do nothing. */
  gtk_widget_activate_action (GTK_WIDGET (panel), "compare.close", NULL);
  wait_idle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (next), "next-change"));

  destroy_all ();
  jx_test_remove_tree (dir);
}

/* The last year there is cannot go on: the dialog says why and stays. */
static void
test_roll_forward_last_year (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = copy_example (dir, "2024.jixiao.json");
  JxWindow *window = open_window (path, 1024, 700);
  JxRollForwardDialog *dialog;

  jx_document_set_year (jx_window_get_document (window), JX_YEAR_MAX);
  dialog = open_roll_forward (window);
  g_assert_false (jx_roll_forward_dialog_accept (dialog));
  wait_idle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_null (find_window_of_type (JX_TYPE_WINDOW, window));
  destroy_all ();
  jx_test_remove_tree (dir);
}

/* ---- Saving under next year's name ---- */

static JxWindow *
roll_forward_window (JxWindow *window)
{
  JxRollForwardDialog *dialog = open_roll_forward (window);

  g_assert_true (jx_roll_forward_dialog_accept (dialog));
  wait_for (second_window, window);
  wait_idle ();
  return JX_WINDOW (find_window_of_type (JX_TYPE_WINDOW, window));
}

static gboolean
has_folder (gpointer chooser)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  return folder != NULL;
}

/* The chooser reads its folder in the background. */
static char *
chooser_folder (GtkWidget *chooser)
{
  g_autoptr(GFile) folder = NULL;

  wait_for (has_folder, chooser);
  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  return g_file_get_path (folder);
}

static gboolean
has_name (gpointer chooser)
{
  g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

  return name != NULL && *name != '\0';
}

/* The name proposed; a file given as a whole is named once its folder
 * is read. */
static char *
chooser_name (GtkWidget *chooser)
{
  wait_for (has_name, chooser);
  return gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
}

/* The name proposed is (or is not) expected. */
#define assert_name(chooser, cmp, expected) \
  G_STMT_START { \
    g_autofree char *shown_ = chooser_name (chooser); \
    g_assert_cmpstr (shown_, cmp, (expected)); \
  } G_STMT_END

/* Answers the chooser; it goes, so that the next one is found. */
static void
respond (GtkWidget *chooser, int response)
{
  g_object_ref (chooser);
  /* As a clerk would: after the folder shows, not while it is read. */
  g_assert_true (jx_test_wait_chooser_read (chooser));
  gtk_dialog_response (GTK_DIALOG (chooser), response);
  gtk_window_destroy (GTK_WINDOW (chooser));
  g_object_unref (chooser);
  wait_idle ();
}

/* A message of the chooser itself: GTK's "Replace?" before a file is
 * replaced, or its note that reading a folder was cut short when the
 * chosen file moved it to another folder. */
static GtkWidget *
chooser_message (GtkWidget *chooser)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (w) &&
          gtk_window_get_transient_for (GTK_WINDOW (w)) == GTK_WINDOW (chooser))
        return w;
    }
  return NULL;
}

static gboolean
chooser_answered (gpointer chooser)
{
  return !gtk_widget_get_visible (chooser) || chooser_message (chooser) != NULL;
}

/* Chooses path as a clerk would, saying yes to GTK's "Replace?" and
 * answering again after a note that only says a folder read was cut
 * short (the chooser then ignored the answer). */
static void
choose (GtkWidget *chooser, const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *base = g_file_get_basename (file);

  g_object_ref (chooser);
  /* The folder the dialog opened in is read first: a second read started
   * before it ends cuts it short. */
  g_assert_true (jx_test_wait_chooser_read (chooser));
  if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), base);
    }
  else
    g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  g_assert_true (jx_test_wait_chooser_read (chooser));
  for (guint attempt = 0; attempt < 5 && gtk_widget_get_visible (chooser); attempt++)
    {
      GtkWidget *message;
      GtkMessageType type;

      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
      wait_for (chooser_answered, chooser);
      message = chooser_message (chooser);
      if (message == NULL)
        break;
      g_object_get (message, "message-type", &type, NULL);
      if (type == GTK_MESSAGE_QUESTION)
        gtk_dialog_response (GTK_DIALOG (message), GTK_RESPONSE_ACCEPT);
      else
        gtk_window_destroy (GTK_WINDOW (message));
      wait_idle ();
    }
  g_assert_false (gtk_widget_get_visible (chooser));
  gtk_window_destroy (GTK_WINDOW (chooser));
  g_object_unref (chooser);
  wait_idle ();
}

static gboolean
saved (gpointer window)
{
  return !jx_window_is_saving (window) && !jx_window_get_modified (window);
}

/* Save As of next year's document proposes next year's name beside last
 * year's file, never that file's name; choosing last year's file anyway
 * asks before anything is written. */
static void
test_save_as_proposal (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *old_name = g_strdup ("2024" DEPARTMENT ".jixiao.json");
  g_autofree char *path = copy_example (dir, old_name);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *expected = g_build_filename (dir, "2025" DEPARTMENT ".jixiao.json", NULL);
  JxWindow *window = open_window (path, 1024, 700);
  JxWindow *next = roll_forward_window (window);
  GtkWidget *chooser;
  GtkWidget *question;
  gsize length;

  before = jx_test_read_file (path, &length);
  gtk_widget_activate_action (GTK_WIDGET (next), "win.save-as", NULL);
  chooser = wait_chooser ();
  assert_name (chooser, ==, "2025" DEPARTMENT ".jixiao.json");
  folder = chooser_folder (chooser);
  g_assert_cmpstr (folder, ==, dir);

  /* Last year's file chosen anyway: a question, and nothing written. */
  choose (chooser, path);
  question = wait_toplevel ("year-replace-dialog");
  g_assert_false (jx_window_is_saving (next));
  after = jx_test_read_file (path, &length);
  g_assert_cmpstr (after, ==, before);
  jx_test_screenshot (question, "year-replace-dialog");
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_CANCEL);
  wait_idle ();
  g_assert_null (jx_test_find_toplevel ("year-replace-dialog"));
  g_assert_true (jx_window_get_modified (next));
  g_clear_pointer (&after, g_free);
  after = jx_test_read_file (path, &length);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (file_year (path), ==, 2024);

  /* The name proposed: written there, and the window shows it. */
  gtk_widget_activate_action (GTK_WIDGET (next), "win.save-as", NULL);
  chooser = wait_chooser ();
  choose (chooser, expected);
  wait_for (saved, next);
  g_assert_cmpuint (file_year (expected), ==, 2025);
  g_assert_cmpuint (file_year (path), ==, 2024);
  {
    g_autofree char *shown = g_file_get_path (jx_window_get_file (next));
    g_assert_cmpstr (shown, ==, expected);
  }

  /* Saved as its year's file, Save As offers that file itself. */
  gtk_widget_activate_action (GTK_WIDGET (next), "win.save-as", NULL);
  chooser = wait_chooser ();
  assert_name (chooser, ==, "2025" DEPARTMENT ".jixiao.json");
  respond (chooser, GTK_RESPONSE_CANCEL);

  /* Last year's file, its year changed by hand: next year's name, in its folder. */
  jx_document_set_year (jx_window_get_document (window), 2026);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  chooser = wait_chooser ();
  assert_name (chooser, ==, "2026" DEPARTMENT ".jixiao.json");
  assert_name (chooser, !=, old_name);
  g_clear_pointer (&folder, g_free);
  folder = chooser_folder (chooser);
  g_assert_cmpstr (folder, ==, dir);
  respond (chooser, GTK_RESPONSE_CANCEL);

  destroy_all ();
  jx_test_remove_tree (dir);
}

/* Saving a document whose year was changed over the file of the year it
 * had asks first, offering Save As; replacing then is the clerk's choice. */
static void
test_save_other_year_asks (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = copy_example (dir, "2024" DEPARTMENT ".jixiao.json");
  JxWindow *window = open_window (path, 1024, 700);
  GtkWidget *question;
  GtkWidget *chooser;

  jx_document_set_year (jx_window_get_document (window), 2025);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  question = wait_toplevel ("year-save-dialog");
  g_assert_false (jx_window_is_saving (window));
  g_assert_cmpuint (file_year (path), ==, 2024);
  jx_test_screenshot (question, "year-save-dialog");

  /* Save As: next year's name. */
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_APPLY);
  chooser = wait_chooser ();
  assert_name (chooser, ==, "2025" DEPARTMENT ".jixiao.json");
  respond (chooser, GTK_RESPONSE_CANCEL);
  g_assert_cmpuint (file_year (path), ==, 2024);

  /* Replace: written, and the next save asks nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  question = wait_toplevel ("year-save-dialog");
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_ACCEPT);
  wait_for (saved, window);
  g_assert_cmpuint (file_year (path), ==, 2025);
  jx_department_set_reviewer (jx_document_get_department (jx_window_get_document (window)), "李四");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_for (saved, window);
  g_assert_null (jx_test_find_toplevel ("year-save-dialog"));

  destroy_all ();
  jx_test_remove_tree (dir);
}

/* ---- Comparing ---- */

static gboolean
panel_hidden (gpointer panel)
{
  return !gtk_widget_get_visible (panel);
}

/* The chosen version's changes, grouped as a reviewer reads them, each
 * going to its place, compared again after an edit, and the other way
 * round. */
static void
test_compare_view (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *returned = write_returned (dir);
  g_autofree char *path = copy_example (dir, "2024.jixiao.json");
  JxWindow *window = open_window (path, 1280, 800);
  g_autoptr(GFile) other = g_file_new_for_path (returned);
  JxComparePanel *panel;
  guint funds, name;

  /* The menu's chooser starts beside this document. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", NULL);
  {
    GtkWidget *chooser = wait_chooser ();
    g_autofree char *folder = chooser_folder (chooser);

    g_assert_cmpstr (folder, ==, dir);
    choose (chooser, returned);
  }
  panel = panel_of (window);
  wait_changes (panel, 5);
  g_assert_true (jx_compare_panel_is_comparing (panel));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (panel)));
  jx_test_screenshot (GTK_WIDGET (window), "compare-1280x800");

  /* In reading order: the cover, then the projects in this version's order. */
  g_assert_cmpint (jx_change_get_section (change_at (panel, 0)), ==, JX_CHANGE_SECTION_COVER);
  g_assert_cmpstr (jx_change_get_old_text (change_at (panel, 0)), ==, "张三");
  g_assert_cmpstr (jx_change_get_new_text (change_at (panel, 0)), ==, "遵化市财政局");
  name = find_change (panel, JX_CHANGE_ITEM_PROJECT, NULL);
  g_assert_cmpint (jx_change_get_kind (change_at (panel, name)), ==, JX_CHANGE_RENAMED);
  g_assert_cmpint (jx_change_get_kind (change_at (panel, 4)), ==, JX_CHANGE_ADDED);
  funds = find_change (panel, JX_CHANGE_ITEM_FUNDS, NULL);

  /* A change goes to its field: the funds of project 2. */
  jx_change_list_select (jx_compare_panel_get_list (panel), funds - 1);
  g_assert_true (jx_compare_panel_step (panel, 1));
  wait_idle ();
  g_assert_true (shown_project (window) == project_at (window, 1));
  g_assert_true (focus_named (window, "project-fiscal"));
  /* The project added here goes to that project. */
  jx_change_list_select (jx_compare_panel_get_list (panel), 3);
  g_assert_true (jx_compare_panel_step (panel, 1));
  wait_idle ();
  g_assert_true (shown_project (window) == project_at (window, 6));

  /* An edit that undoes a change: compared again, one change fewer. */
  jx_department_set_reviewer (jx_document_get_department (jx_window_get_document (window)), "张三");
  wait_changes (panel, 4);
  g_assert_cmpint (jx_change_get_item (change_at (panel, 0)), ==, JX_CHANGE_ITEM_PROJECT);

  /* The other way round: the chosen file as the newer version. */
  jx_compare_panel_set_swapped (panel, TRUE);
  wait_changes (panel, 4);
  g_assert_cmpint (jx_change_get_kind (change_at (panel, 3)), ==, JX_CHANGE_REMOVED);
  funds = find_change (panel, JX_CHANGE_ITEM_FUNDS, NULL);
  g_assert_cmpint (jx_change_get_new_project (change_at (panel, funds)), ==, 1);
  jx_change_list_select (jx_compare_panel_get_list (panel), 3);
  g_assert_false (jx_compare_panel_step (panel, 1));
  g_assert_true (jx_compare_panel_step (panel, -1));
  g_assert_true (jx_compare_panel_step (panel, -1));
  wait_idle ();
  g_assert_cmpuint (jx_change_list_get_selected (jx_compare_panel_get_list (panel)), ==, funds);
  g_assert_true (focus_named (window, "project-fiscal"));

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  jx_test_screenshot (GTK_WIDGET (window), "compare-1024x700");

  gtk_widget_activate_action (GTK_WIDGET (panel), "compare.close", NULL);
  wait_for (panel_hidden, panel);
  jx_window_compare_with (window, other);
  wait_changes (panel, 4);
  destroy_all ();
  jx_test_remove_tree (dir);
}

/* F8 and Shift+F8 step through the changes from anywhere in the window,
 * and are the keys the shortcuts window lists. */
static void
test_next_previous_keys (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *returned = write_returned (dir);
  g_autofree char *path = copy_example (dir, "2024.jixiao.json");
  JxWindow *window = open_window (path, 1024, 700);
  g_autoptr(GFile) other = g_file_new_for_path (returned);
  JxChangeList *list;
  g_auto(GStrv) next_keys = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.next-change");
  g_auto(GStrv) previous_keys = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                        "win.previous-change");

  g_assert_cmpstrv (next_keys, ((const char *[]) { "F8", NULL }));
  g_assert_cmpstrv (previous_keys, ((const char *[]) { "<Shift>F8", NULL }));
  /* Nothing to step through yet. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "next-change"));

  jx_window_compare_with (window, other);
  wait_changes (panel_of (window), 5);
  list = jx_compare_panel_get_list (panel_of (window));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "next-change"));
  g_assert_cmpuint (jx_change_list_get_selected (list), ==, GTK_INVALID_LIST_POSITION);

  g_action_group_activate_action (G_ACTION_GROUP (window), "next-change", NULL);
  wait_idle ();
  g_assert_cmpuint (jx_change_list_get_selected (list), ==, 0);
  g_assert_true (focus_named (window, "document-reviewer"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "next-change", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "next-change", NULL);
  wait_idle ();
  g_assert_cmpuint (jx_change_list_get_selected (list), ==, 2);
  g_action_group_activate_action (G_ACTION_GROUP (window), "previous-change", NULL);
  wait_idle ();
  g_assert_cmpuint (jx_change_list_get_selected (list), ==, 1);
  g_assert_true (shown_project (window) == project_at (window, 0));
  g_assert_true (focus_named (window, "project-name"));
  /* At the end it stays at the end. */
  for (guint i = 0; i < 10; i++)
    g_action_group_activate_action (G_ACTION_GROUP (window), "next-change", NULL);
  wait_idle ();
  g_assert_cmpuint (jx_change_list_get_selected (list), ==, 4);

  destroy_all ();
  jx_test_remove_tree (dir);
}

static gboolean
focus_in (JxWindow *window, GType type)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (G_TYPE_CHECK_INSTANCE_TYPE (focus, type) || gtk_widget_get_ancestor (focus, type) != NULL);
}

/* Steps onto the change at position, as F8 or Shift+F8 would. */
static void
step_to (JxComparePanel *panel, guint position)
{
  JxChangeList *list = jx_compare_panel_get_list (panel);

  jx_change_list_select (list, position == 0 ? 1 : position - 1);
  g_assert_true (jx_compare_panel_step (panel, position == 0 ? -1 : 1));
  wait_idle ();
  g_assert_cmpuint (jx_change_list_get_selected (list), ==, position);
}

/* A goal and an indicator row the other version has and this one does
 * not: each goes to the list of its project it would go back into, at
 * the row where it stood. */
static void
test_compare_removed_rows (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = copy_example (dir, "2024.jixiao.json");
  g_autofree char *other_path = g_build_filename (dir, "sent.jixiao.json", NULL);
  g_autoptr(JxDocument) sent = jx_test_load_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) other = NULL;
  g_autoptr(JxTextItem) goal = jx_text_item_new ("按期完成代表培训任务");
  g_autoptr(JxIndicator) row = jx_indicator_new ("产出指标", "数量指标", "培训人次", "培训代表人次",
                                                 "≥200人次", "年度计划");
  JxWindow *window = open_window (path, 1024, 700);
  JxComparePanel *panel = panel_of (window);
  guint goal_change, row_change;

  g_list_store_append (G_LIST_STORE (jx_project_get_goals (jx_test_project_at (sent, 2))), goal);
  g_list_store_insert (G_LIST_STORE (jx_project_get_indicators (jx_test_project_at (sent, 3))), 1, row);
  g_assert_true (jx_document_save_file (sent, other_path, &error));
  g_assert_no_error (error);
  other = g_file_new_for_path (other_path);

  jx_window_compare_with (window, other);
  wait_changes (panel, 2);
  goal_change = find_change (panel, JX_CHANGE_ITEM_GOAL, NULL);
  row_change = find_change (panel, JX_CHANGE_ITEM_INDICATOR, NULL);
  g_assert_cmpint (jx_change_get_kind (change_at (panel, goal_change)), ==, JX_CHANGE_REMOVED);
  g_assert_cmpint (jx_change_get_kind (change_at (panel, row_change)), ==, JX_CHANGE_REMOVED);

  step_to (panel, goal_change);
  g_assert_true (shown_project (window) == project_at (window, 2));
  g_assert_true (focus_in (window, JX_TYPE_TEXT_LIST_EDITOR));
  step_to (panel, row_change);
  g_assert_true (shown_project (window) == project_at (window, 3));
  /* The row where it stood, between the rows that were around it. */
  {
    GtkWidget *table = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), JX_TYPE_INDICATOR_TABLE);

    g_assert_nonnull (table);
    g_assert_cmpuint (jx_indicator_table_get_current (JX_INDICATOR_TABLE (table)), ==, 1);
  }
  g_assert_true (focus_in (window, JX_TYPE_INDICATOR_TABLE));

  destroy_all ();
  jx_test_remove_tree (dir);
}

/* The saved version: nothing at first, an edit shows, a save empties it. */
static void
test_compare_saved (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = copy_example (dir, "2024.jixiao.json");
  JxWindow *window = open_window (path, 1024, 700);
  JxComparePanel *panel;

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "compare-saved"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-saved", NULL);
  panel = panel_of (window);
  wait_changes (panel, 0);
  jx_indicator_set_value (jx_test_indicator_at (project_at (window, 1), 1), "≥95%");
  wait_changes (panel, 1);
  g_assert_cmpint (jx_change_get_item (change_at (panel, 0)), ==, JX_CHANGE_ITEM_CELL);
  g_assert_cmpstr (jx_change_get_new_text (change_at (panel, 0)), ==, "≥95%");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_for (saved, window);
  wait_changes (panel, 0);

  /* A new document has no saved version. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  wait_idle ();
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "compare-saved"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));
  destroy_all ();
  jx_test_remove_tree (dir);
}

/* Next year's document against last year's file: the year shift is one
 * change, not one on every text whose year moved. */
static void
test_compare_other_year (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = copy_example (dir, "2024" DEPARTMENT ".jixiao.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JxWindow *window = open_window (path, 1024, 700);
  JxWindow *next = roll_forward_window (window);
  JxComparePanel *panel = panel_of (next);

  g_assert_cmpuint (g_list_model_get_n_items (jx_compare_panel_get_changes (panel)), >, 1);
  jx_window_compare_with (next, file);
  wait_for ((JxTestCondition) jx_compare_panel_is_comparing, panel);
  wait_changes (panel, 1);
  g_assert_cmpint (jx_change_get_item (change_at (panel, 0)), ==, JX_CHANGE_ITEM_YEAR);
  g_assert_cmpstr (jx_change_get_old_text (change_at (panel, 0)), ==, "2024");
  g_assert_cmpstr (jx_change_get_new_text (change_at (panel, 0)), ==, "2025");
  destroy_all ();
  jx_test_remove_tree (dir);
}

/* Words added to a long paragraph: both sides are cut around the same
 * place, so that old and new read side by side. */
static void
test_compare_paragraph_excerpt (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = copy_example (dir, "2024.jixiao.json");
  JxWindow *window = open_window (path, 1024, 700);
  JxDocument *document = jx_window_get_document (window);
  JxComparePanel *panel = panel_of (window);
  g_autofree char *summary = g_strdup (jx_document_get_summary (document));
  const char *at = strstr (summary, "增强监督实效");
  g_autoptr(GString) edited = g_string_new (summary);
  JxChangeRowText text = { { NULL } };

  g_assert_nonnull (at);
  g_assert_cmpint (g_utf8_strlen (summary, -1), >, 160);
  g_string_insert (edited, at - summary, "切实");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-saved", NULL);
  wait_changes (panel, 0);
  jx_document_set_summary (document, edited->str);
  wait_changes (panel, 1);
  jx_change_list_row_text (change_at (panel, 0), &text);
  /* Old: "…依法行使职权，增强监督实效…", not the whole paragraph. */
  g_assert_true (g_str_has_prefix (text.markup[0], "…"));
  g_assert_true (g_str_has_suffix (text.markup[0], "…"));
  g_assert_nonnull (strstr (text.markup[0], "依法行使职权，增强监督实效"));
  g_assert_true (g_str_has_prefix (text.markup[1], "…"));
  g_assert_nonnull (strstr (text.markup[1], "切实"));
  g_assert_cmpint (g_utf8_strlen (text.markup[0], -1), <, 100);
  jx_change_row_text_clear (&text);
  destroy_all ();
  jx_test_remove_tree (dir);
}

/* A file that does not load says why, in the usual words, and the view
 * does not open. */
static void
test_compare_broken (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = copy_example (dir, "2024.jixiao.json");
  g_autofree char *broken = jx_test_source_path ("tests/fixtures/broken/amount-negative.json");
  g_autoptr(GFile) file = g_file_new_for_path (broken);
  JxWindow *window = open_window (path, 1024, 700);
  GtkWidget *message;

  jx_window_compare_with (window, file);
  message = wait_toplevel ("compare-error-dialog");
  g_assert_false (gtk_widget_get_visible (jx_window_get_compare_panel (window)));
  g_assert_nonnull (message);
  destroy_all ();
  jx_test_remove_tree (dir);
}

/* ---- The 修改对照表 ---- */

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static char *
pdf_text (const char *pdf)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                     &error))
    g_error ("pdftotext: %s", error->message);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* pdftotext puts a space between characters set apart: read it without. */
  {
    GString *joined = g_string_new (NULL);

    for (const char *p = out; *p; p++)
      if (*p != ' ' && *p != '\n')
        g_string_append_c (joined, *p);
    return g_string_free (joined, FALSE);
  }
}

/* The list as the PDF the bureau gets, through the export of the window:
 * the chooser proposes a name beside the document, the file is written
 * whole and reads back; the preview shows the same pages. */
static void
test_change_table_pdf (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *returned = write_returned (dir);
  g_autofree char *path = copy_example (dir, "2024.jixiao.json");
  g_autofree char *pdf = g_build_filename (dir, "changes.pdf", NULL);
  JxWindow *window = open_window (path, 1024, 700);
  g_autoptr(GFile) other = g_file_new_for_path (returned);
  JxComparePanel *panel = panel_of (window);
  g_autofree char *text = NULL;
  GtkWidget *chooser;
  JxPreview *preview;

  jx_window_compare_with (window, other);
  wait_changes (panel, 5);

  gtk_widget_activate_action (GTK_WIDGET (panel), "compare.export-pdf", NULL);
  chooser = wait_chooser ();
  {
    g_autofree char *folder = chooser_folder (chooser);
    g_autofree char *name = chooser_name (chooser);

    g_assert_cmpstr (folder, ==, dir);
    g_assert_true (g_str_has_prefix (name, "2024"));
    g_assert_true (g_str_has_suffix (name, ".pdf"));
  }
  choose (chooser, pdf);
  wait_for (file_exists, pdf);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "修改对照表"));
  g_assert_nonnull (strstr (text, "returned.jixiao.json"));
  g_assert_nonnull (strstr (text, "张三"));
  g_assert_nonnull (strstr (text, "遵化市财政局"));
  g_assert_nonnull (strstr (text, "“智慧人大”平台经费"));
  g_assert_nonnull (strstr (text, "共5处修改"));

  gtk_widget_activate_action (GTK_WIDGET (panel), "compare.preview", NULL);
  wait_idle ();
  preview = jx_preview_find_layout (GTK_WINDOW (window));
  g_assert_nonnull (preview);
  g_assert_null (jx_preview_find (GTK_WINDOW (window)));
  g_assert_cmpuint (jx_preview_get_n_pages (preview), >=, 1);
  jx_test_screenshot (GTK_WIDGET (preview), "change-table-preview");

  destroy_all ();
  jx_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  jx_test_isolate_xdg ();
  gtk_test_init (&argc, &argv, NULL);
  /* Pictures in Chinese: JX_SCREENSHOT_LOCALE=zh_CN.UTF-8, with
   * JIXIAO_LOCALEDIR at the compiled translations. */
  english = g_getenv ("JX_SCREENSHOT_LOCALE") == NULL;
  if (!english)
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

  g_test_add_func ("/yearly/roll-forward", test_roll_forward);
  g_test_add_func ("/yearly/roll-forward-last-year", test_roll_forward_last_year);
  jx_test_add_chooser_func ("/yearly/save-as-proposal", test_save_as_proposal);
  jx_test_add_chooser_func ("/yearly/save-other-year-asks", test_save_other_year_asks);
  jx_test_add_chooser_func ("/yearly/compare-view", test_compare_view);
  g_test_add_func ("/yearly/next-previous-keys", test_next_previous_keys);
  g_test_add_func ("/yearly/compare-removed-rows", test_compare_removed_rows);
  g_test_add_func ("/yearly/compare-saved", test_compare_saved);
  g_test_add_func ("/yearly/compare-other-year", test_compare_other_year);
  g_test_add_func ("/yearly/compare-paragraph-excerpt", test_compare_paragraph_excerpt);
  g_test_add_func ("/yearly/compare-broken", test_compare_broken);
  jx_test_add_chooser_func ("/yearly/change-table-pdf", test_change_table_pdf);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
