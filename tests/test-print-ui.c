/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "jx-application.h"
#include "jx-document-io.h"
#include "jx-indicator.h"
#include "jx-preview.h"
#include "jx-print.h"
#include "jx-print-settings.h"
#include "jx-test-gtk.h"
#include "jx-text-item.h"
#include "jx-window.h"

static JxWindow *
open_example (void)
{
  g_autofree char *path = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JxWindow *window = jx_window_new (NULL);

  g_assert_true (jx_window_open_file (window, file));
  return window;
}

static void
wait_for (gboolean (*done) (gpointer), gpointer data)
{
  g_assert_true (jx_test_wait_for (done, data, 30000));
}

static void
test_actions (void)
{
  JxWindow *window = open_example ();

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "print"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "export-pdf"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "print-preview"));
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  JxPreview *preview;
  guint pages;
} Watch;

static gboolean
preview_grew (gpointer data)
{
  Watch *watch = data;

  return jx_preview_get_n_pages (watch->preview) > watch->pages;
}

/* The preview shows the printed pages, pages and zooms, and lays the
 * document out again after an edit. */
static void
test_preview (void)
{
  JxWindow *window = open_example ();
  JxDocument *document = jx_window_get_document (window);
  JxPreview *preview;
  GString *text = g_string_new (NULL);
  guint before;
  Watch state;

  gtk_window_present (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (window), "print-preview", NULL);
  preview = jx_preview_find (GTK_WINDOW (window));
  g_assert_true (JX_IS_PREVIEW (preview));
  before = jx_preview_get_n_pages (preview);
  g_assert_cmpuint (before, >=, 12);
  g_assert_cmpuint (jx_preview_get_page (preview), ==, 0);
  jx_preview_set_page (preview, 3);
  g_assert_cmpuint (jx_preview_get_page (preview), ==, 3);
  jx_preview_set_page (preview, before);
  g_assert_cmpuint (jx_preview_get_page (preview), ==, 3);
  jx_preview_set_zoom (preview, 100);
  g_assert_cmpfloat (jx_preview_get_zoom (preview), <=, 4.0);
  jx_test_settle ();

  /* Five more pages of 总体绩效目标. */
  for (guint i = 0; i < 120; i++)
    g_string_append (text, "围绕中心工作，深入开展调查研究，广泛听取各方意见，切实提高履职质量和工作实效。");
  jx_document_set_summary (document, text->str);
  g_string_free (text, TRUE);
  state.pages = before;
  state.preview = preview;
  wait_for (preview_grew, &state);
  g_assert_cmpuint (jx_preview_get_n_pages (preview), >=, before + 4);

  /* An edit deep inside a table: one 绩效指标描述 of the last project. */
  {
    GListModel *projects = jx_document_get_projects (document);
    g_autoptr(JxProject) last = g_list_model_get_item (projects, g_list_model_get_n_items (projects) - 1);
    g_autoptr(JxIndicator) indicator = g_list_model_get_item (jx_project_get_indicators (last), 0);
    g_autoptr(GString) description = g_string_new (NULL);

    for (guint i = 0; i < 60; i++)
      g_string_append (description, "加强对代表建议办理情况的督促检查，");
    state.pages = jx_preview_get_n_pages (preview);
    jx_indicator_set_description (indicator, description->str);
    wait_for (preview_grew, &state);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  jx_test_settle ();
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_export (void)
{
  JxWindow *window = open_example ();
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (jx_print_export_pdf (GTK_WINDOW (window), jx_window_get_session (window), path, &error));
  g_assert_no_error (error);
  wait_for (file_exists, path);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  g_assert_nonnull (g_strstr_len (data + length - 64, 64, "%%EOF"));
  gtk_window_destroy (GTK_WINDOW (window));
  jx_test_remove_tree (dir);
}

/* Runs the operation without a dialog, into a PDF; its page count. */
static guint
print_to_pdf (JxWindow          *window,
              GtkPrintOperation *operation)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  guint pages = 0;

  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (window), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  /* The PDF is binary: look at every byte, past NULs too. */
  for (gsize i = 0; i + 12 < length; i++)
    if (memcmp (data + i, "/Type /Page", 11) == 0 && data[i + 11] != 's')
      pages++;
  jx_test_remove_tree (dir);
  return pages;
}

/* The print operation draws through the same renderer: exported by GTK to
 * a file it has the pages the layout has. */
static void
test_print_operation (void)
{
  JxWindow *window = open_example ();
  GtkPrintOperation *operation = jx_print_operation_new (GTK_WINDOW (window), jx_window_get_session (window));

  g_assert_cmpuint (print_to_pdf (window, operation), >=, 12);
  g_object_unref (operation);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkCheckButton *
dialog_tab_check (GObject *tab)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (tab)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_CHECK_BUTTON (child))
      return GTK_CHECK_BUTTON (child);
  g_assert_not_reached ();
}

/* The dialog's tab adds the appendix to the printout and the open preview,
 * and the choice is offered again next time; the preview's toggle turns it
 * off for both. */
static void
test_chart_appendix (void)
{
  JxWindow *window = open_example ();
  GtkPrintOperation *operation = jx_print_operation_new (GTK_WINDOW (window), jx_window_get_session (window));
  GObject *tab = NULL;
  JxPreview *preview;
  guint plain;

  gtk_window_present (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (window), "print-preview", NULL);
  preview = jx_preview_find (GTK_WINDOW (window));
  plain = jx_preview_get_n_pages (preview);
  g_assert_false (jx_preview_get_with_charts (preview));

  g_signal_emit_by_name (operation, "create-custom-widget", &tab);
  g_assert_true (GTK_IS_WIDGET (tab));
  g_object_ref_sink (tab);
  g_assert_false (gtk_check_button_get_active (dialog_tab_check (tab)));
  gtk_check_button_set_active (dialog_tab_check (tab), TRUE);
  g_signal_emit_by_name (operation, "custom-widget-apply", tab);
  g_assert_true (jx_preview_get_with_charts (preview));
  g_assert_cmpuint (jx_preview_get_n_pages (preview), ==, plain + 1);
  g_assert_cmpuint (print_to_pdf (window, operation), ==, plain + 1);
  g_object_unref (tab);
  g_object_unref (operation);

  operation = jx_print_operation_new (GTK_WINDOW (window), jx_window_get_session (window));
  g_signal_emit_by_name (operation, "create-custom-widget", &tab);
  g_object_ref_sink (tab);
  g_assert_true (gtk_check_button_get_active (dialog_tab_check (tab)));
  g_object_unref (tab);
  g_object_unref (operation);

  jx_preview_set_with_charts (preview, FALSE);
  g_assert_cmpuint (jx_preview_get_n_pages (preview), ==, plain);
  g_assert_false (jx_print_settings_get_with_charts ());
  operation = jx_print_operation_new (GTK_WINDOW (window), jx_window_get_session (window));
  g_assert_cmpuint (print_to_pdf (window, operation), ==, plain);
  g_object_unref (operation);
  gtk_window_destroy (GTK_WINDOW (window));
  jx_test_settle ();
}

/* GTK's own preview would need an external viewer: the app's opens. */
static void
test_dialog_preview (void)
{
  JxWindow *window = open_example ();
  GtkPrintOperation *operation = jx_print_operation_new (GTK_WINDOW (window), jx_window_get_session (window));
  g_autoptr(GError) error = NULL;

  g_assert_null (jx_preview_find (GTK_WINDOW (window)));
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PREVIEW, GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  g_assert_true (JX_IS_PREVIEW (jx_preview_find (GTK_WINDOW (window))));
  g_object_unref (operation);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* What was used last time is offered again, in a later run too. */
static void
test_remembered_setup (void)
{
  JxWindow *window = open_example ();
  g_autofree char *ini = g_build_filename (g_get_user_config_dir (), "jixiao", "print.ini", NULL);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GtkPageSetup) letter = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  GtkPrintOperation *operation;
  GtkPageSetup *offered;

  /* The export in the previous test saved its settings. */
  g_assert_true (g_file_test (ini, G_FILE_TEST_EXISTS));
  operation = jx_print_operation_new (GTK_WINDOW (window), jx_window_get_session (window));
  offered = gtk_print_operation_get_default_page_setup (operation);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (offered)), ==, GTK_PAPER_NAME_A4);
  g_object_unref (operation);

  gtk_page_setup_set_paper_size (letter, size);
  gtk_page_setup_set_orientation (letter, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_page_setup_to_key_file (letter, file, NULL);
  g_assert_true (g_key_file_save_to_file (file, ini, NULL));
  operation = jx_print_operation_new (GTK_WINDOW (window), jx_window_get_session (window));
  offered = gtk_print_operation_get_default_page_setup (operation);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (offered)), ==, GTK_PAPER_NAME_LETTER);
  g_assert_cmpint (gtk_page_setup_get_orientation (offered), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_object_unref (operation);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  jx_test_isolate_xdg ();
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/print-ui/actions", test_actions);
  g_test_add_func ("/print-ui/preview", test_preview);
  g_test_add_func ("/print-ui/export", test_export);
  g_test_add_func ("/print-ui/print-operation", test_print_operation);
  g_test_add_func ("/print-ui/remembered-setup", test_remembered_setup);
  g_test_add_func ("/print-ui/dialog-preview", test_dialog_preview);
  g_test_add_func ("/print-ui/chart-appendix", test_chart_appendix);
  return g_test_run ();
}
