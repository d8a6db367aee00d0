/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "jx-application.h"
#include "jx-document-io.h"
#include "jx-drafts.h"
#include "jx-project.h"
#include "jx-test-gtk.h"
#include "jx-widget-util.h"
#include "jx-window.h"

/* The changes kept from a run that did not end, as a clerk gets them back:
 * the bar says which file in which folder, a file that is open gets them
 * in its own window, two windows started after the same crash do not both
 * offer them, and opening a file that is open shows its window. */

#define EXAMPLE "data/examples/zunhua-renda-2024.json"
#define EDITED_NAME "断电前改的名称"

typedef struct
{
  char *dir;         /* the clerk's folders */
  char *path;        /* 2024年/预算.json */
  char *drafts;      /* the drafts folder */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *example = jx_test_source_path (EXAMPLE);
  g_autofree char *contents = NULL;
  g_autofree char *year = NULL;
  gsize length;

  f->dir = jx_test_make_tmpdir ();
  year = g_build_filename (f->dir, "2024年", NULL);
  g_assert_cmpint (g_mkdir (year, 0700), ==, 0);
  f->path = g_build_filename (year, "预算.json", NULL);
  g_assert_true (g_file_get_contents (example, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));
  f->drafts = g_build_filename (f->dir, "drafts", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  jx_test_settle ();
  jx_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->drafts);
}

static JxProject *
project_at (JxWindow *window,
            guint     i)
{
  JxProject *project = g_list_model_get_item (jx_document_get_projects (jx_window_get_document (window)), i);

  g_object_unref (project);
  return project;
}

/* An instance edited the file and ended before saving: its draft is left
 * over. (A killed instance leaves the same: test-editor kills one.) */
static void
leave_draft (Fixture *f)
{
  g_autoptr(JxDraftStore) store = jx_draft_store_new (f->drafts);
  g_autoptr(JxDocument) document = jx_document_load_file (f->path, NULL);
  g_autofree char *id = jx_draft_store_new_id (store);
  g_autoptr(JxProject) project = g_list_model_get_item (jx_document_get_projects (document), 2);
  g_autoptr(GError) error = NULL;

  jx_project_set_name (project, EDITED_NAME);
  g_assert_true (jx_draft_store_save (store, id, f->path, document, &error));
  g_assert_no_error (error);
}

static JxWindow *
window_with (JxDraftStore *store)
{
  JxWindow *window = jx_window_new (NULL);

  jx_document_session_set_draft_store (jx_window_get_session (window), store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (jx_test_wait_mapped (GTK_WIDGET (window)));
  return window;
}

static JxWindow *
window_showing (JxDraftStore *store,
                const char   *path)
{
  JxWindow *window = window_with (store);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (jx_window_open_file (window, file));
  return window;
}

static GtkInfoBar *
find_question_bar (GtkWidget *root)
{
  if (GTK_IS_INFO_BAR (root) && gtk_info_bar_get_message_type (GTK_INFO_BAR (root)) == GTK_MESSAGE_QUESTION)
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
offered (JxWindow *window)
{
  GtkInfoBar *bar = find_question_bar (GTK_WIDGET (window));

  return bar != NULL && gtk_info_bar_get_revealed (bar);
}

static const char *
offer_text (JxWindow *window)
{
  GtkWidget *label = jx_widget_find_named (GTK_WIDGET (window), "recovery-label");

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static guint
n_document_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      n += JX_IS_WINDOW (window);
    }
  return n;
}

/* The bar names the file and its folder; restoring brings the edit into
 * the window that has the file open, not into a second window on it. */
static void
test_restore_into_open_window (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(JxDraftStore) store = NULL;
  JxWindow *open, *blank;
  g_autofree char *folder = g_path_get_dirname (f->path);

  leave_draft (f);
  store = jx_draft_store_new (f->drafts);
  open = window_showing (store, f->path);
  blank = window_with (store);
  g_assert_cmpuint (jx_window_offer_recovery (blank), ==, 1);
  g_assert_true (offered (blank));
  g_test_message ("%s", offer_text (blank));
  g_assert_nonnull (strstr (offer_text (blank), "“预算.json” in "));
  g_assert_nonnull (strstr (offer_text (blank), folder));
  /* Asking again while the bar shows offers the same, once. */
  g_assert_cmpuint (jx_window_offer_recovery (blank), ==, 1);
  jx_test_screenshot (GTK_WIDGET (blank), "recovery-bar");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (blank), "win.restore-drafts", NULL));
  g_assert_cmpuint (n_document_windows (), ==, 2);
  g_assert_cmpstr (jx_project_get_name (project_at (open, 2)), ==, EDITED_NAME);
  g_assert_true (jx_window_get_modified (open));
  g_assert_true (jx_window_is_blank (blank));
  g_assert_false (offered (blank));
  g_assert_cmpuint (jx_window_offer_recovery (blank), ==, 0);
}

/* The open file has changes of its own: neither is lost, the clerk is
 * told why, and the bar still offers the kept changes. */
static void
test_open_with_changes (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JxDraftStore) store = NULL;
  JxWindow *open;
  GtkWidget *dialog;

  leave_draft (f);
  store = jx_draft_store_new (f->drafts);
  open = window_showing (store, f->path);
  jx_project_set_name (project_at (open, 2), "刚才改的名称");
  g_assert_true (jx_window_get_modified (open));
  g_assert_cmpuint (jx_window_offer_recovery (open), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (open), "win.restore-drafts", NULL));
  g_assert_cmpstr (jx_project_get_name (project_at (open, 2)), ==, "刚才改的名称");
  g_assert_cmpuint (n_document_windows (), ==, 1);
  dialog = jx_test_find_toplevel ("restore-error-dialog");
  g_assert_nonnull (dialog);
  g_assert_true (offered (open));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Undone, the kept changes come in. */
  while (jx_undo_stack_undo (jx_window_get_undo_stack (open)))
    ;
  g_assert_false (jx_window_get_modified (open));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (open), "win.restore-drafts", NULL));
  g_assert_cmpstr (jx_project_get_name (project_at (open, 2)), ==, EDITED_NAME);
  g_assert_false (offered (open));
}

/* Two instances started after the same crash (two stores of one folder,
 * each with a lock of its own): the draft is offered by exactly one. */
static void
test_two_instances (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JxDraftStore) first_store = NULL;
  g_autoptr(JxDraftStore) second_store = NULL;
  JxWindow *first, *second;

  leave_draft (f);
  first_store = jx_draft_store_new (f->drafts);
  second_store = jx_draft_store_new (f->drafts);
  first = window_with (first_store);
  second = window_with (second_store);
  g_assert_cmpuint (jx_window_offer_recovery (first) + jx_window_offer_recovery (second), ==, 1);
  g_assert_true (offered (first) != offered (second));

  /* The instance that offered it ends without restoring it: the next
   * look of the other finds it again. */
  gtk_window_destroy (GTK_WINDOW (first));
  jx_test_settle ();
  g_clear_object (&first_store);
  g_assert_cmpuint (jx_window_offer_recovery (second), ==, 1);
}

static gboolean
is_active (gpointer window)
{
  return gtk_window_is_active (window);
}

/* Opening a file that is open, by another path to it, shows its window. */
static void
test_open_twice (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JxApplication) app = jx_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *link = g_build_filename (f->dir, "链接.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GFile) linked = g_file_new_for_path (link);
  g_autofree char *uri = g_file_get_uri (file);
  GFile *files[1];
  JxWindow *window, *other;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (symlink (f->path, link), ==, 0);

  files[0] = file;
  g_application_open (G_APPLICATION (app), files, 1, "");
  window = JX_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_assert_true (jx_test_wait_mapped (GTK_WIDGET (window)));
  g_assert_true (jx_window_find_for_file (linked) == window);

  /* A second window, in front; then the file again, by its link. */
  other = jx_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (other));
  g_assert_true (jx_test_wait_for (is_active, other, 30000));
  files[0] = linked;
  g_application_open (G_APPLICATION (app), files, 1, "");
  g_assert_cmpuint (n_document_windows (), ==, 2);
  g_assert_true (jx_window_is_blank (other));
  g_assert_true (jx_test_wait_for (is_active, window, 30000));

  /* Through the recent files of the other window too. */
  gtk_window_present (GTK_WINDOW (other));
  g_assert_true (jx_test_wait_for (is_active, other, 30000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (other), "win.open-recent", "s", uri));
  g_assert_cmpuint (n_document_windows (), ==, 2);
  g_assert_true (jx_window_is_blank (other));
  g_assert_true (jx_test_wait_for (is_active, window, 30000));
}

int
main (int argc, char **argv)
{
  jx_test_isolate_xdg ();
  gtk_test_init (&argc, &argv, NULL);
  g_test_add ("/drafts-window/restore-into-open-window", Fixture, NULL, fixture_set_up,
              test_restore_into_open_window, fixture_tear_down);
  g_test_add ("/drafts-window/open-with-changes", Fixture, NULL, fixture_set_up,
              test_open_with_changes, fixture_tear_down);
  g_test_add ("/drafts-window/two-instances", Fixture, NULL, fixture_set_up,
              test_two_instances, fixture_tear_down);
  g_test_add ("/drafts-window/open-twice", Fixture, NULL, fixture_set_up,
              test_open_twice, fixture_tear_down);
  return g_test_run ();
}
