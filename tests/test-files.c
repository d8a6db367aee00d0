/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 导出 → Word 文档 / Excel 工作簿 and 文件 → 导入… in the window, as a clerk
 * uses them: the files written are read by other programs (python3-docx,
 * openpyxl), an import opens an unsaved document with its report, the
 * preview lists the rows and applies them as one undo step, and a bad file
 * or a failed export changes nothing. */
#include "config.h"

#include <glib/gstdio.h>
#include <gsf/gsf.h>
#include <gtk/gtk.h>

#include "jx-application.h"
#include "jx-import-preview.h"
#include "jx-import-report.h"
#include "jx-import.h"
#include "jx-test-gtk.h"
#include "jx-test-utils.h"
#include "jx-window.h"

static JxApplication *app;
static char *tmpdir;

/* ---- Helpers ---- */

static JxWindow *
new_window (void)
{
  JxWindow *window = jx_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_present (GTK_WINDOW (window));
  jx_test_settle ();
  return window;
}

static JxWindow *
open_example (void)
{
  g_autofree char *path = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JxWindow *window = new_window ();

  g_assert_true (jx_window_open_file (window, file));
  jx_test_settle ();
  return window;
}

static GFile *
source_file (const char *relative)
{
  g_autofree char *path = jx_test_source_path (relative);

  return g_file_new_for_path (path);
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static gboolean
not_exporting (gpointer window)
{
  return !jx_window_is_exporting (window);
}

static gboolean
not_importing (gpointer window)
{
  return !jx_window_is_importing (window);
}

static gboolean
not_reading (gpointer window)
{
  return !jx_window_is_reading_import (window);
}

static gboolean
toplevel_shows (gpointer name)
{
  return jx_test_find_toplevel (name) != NULL;
}

static GtkWidget *
wait_toplevel (const char *name)
{
  g_assert_true (jx_test_wait_for (toplevel_shows, (gpointer) name, 30000));
  return jx_test_find_toplevel (name);
}

/* The text of every label under root, one a line. */
static void
collect_labels (GtkWidget *root,
                GString   *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

static char *
labels_of (GtkWidget *root)
{
  GString *text = g_string_new (NULL);

  collect_labels (root, text);
  return g_string_free (text, FALSE);
}

/* The notice bar's text, or NULL when it is hidden. */
static GtkWidget *
find_info_bar_with (GtkWidget  *root,
                    const char *needle)
{
  if (GTK_IS_INFO_BAR (root) && gtk_info_bar_get_revealed (GTK_INFO_BAR (root)))
    {
      g_autofree char *text = labels_of (root);

      if (strstr (text, needle) != NULL)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_info_bar_with (child, needle);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_visible (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Runs Debian's Python (python3-docx, python3-openpyxl) on a script with
 * the file as its argument; returns what it printed. */
static char *
run_python (const char *script,
            const char *path)
{
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python failed: %s", err);
  return out;
}

static guint
n_projects (JxWindow *window)
{
  return g_list_model_get_n_items (jx_document_get_projects (jx_window_get_document (window)));
}

static guint
n_indicators (JxWindow *window)
{
  GListModel *projects = jx_document_get_projects (jx_window_get_document (window));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);

      n += g_list_model_get_n_items (jx_project_get_indicators (project));
    }
  return n;
}

/* ---- Export ---- */

static gboolean
review_checked (gpointer window)
{
  return jx_review_get_checked (jx_document_session_get_review (jx_window_get_session (window)));
}

static void
test_export_word (void)
{
  JxWindow *window = open_example ();
  g_autofree char *path = tmp_path ("导出.docx");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *out = NULL;

  g_assert_true (jx_test_wait_for (review_checked, window, 30000));
  jx_window_export (window, JX_EXPORT_WORD, file);
  /* Written in the background: the window says so meanwhile. */
  g_assert_nonnull (find_info_bar_with (GTK_WIDGET (window), "Writing “导出.docx”"));
  g_assert_true (jx_test_wait_for (not_exporting, window, 60000));
  jx_test_settle ();
  g_assert_nonnull (find_info_bar_with (GTK_WIDGET (window), "The Word document “导出.docx” is written."));
  g_assert_null (jx_test_find_toplevel ("export-error-dialog"));

  /* Another program reads it: every project code is in a table. */
  out = run_python ("import sys, docx\n"
                    "d = docx.Document(sys.argv[1])\n"
                    "cells = set(c.text for t in d.tables for r in t.rows for c in r.cells)\n"
                    "print(sum(1 for c in cells if c.startswith('13028124')))\n", path);
  g_assert_cmpint (atoi (out), ==, 7);
  /* Exporting leaves the document as it was. */
  g_assert_false (jx_window_get_modified (window));
  /* Its button shows the file in its folder. */
  {
    GtkWidget *bar = find_info_bar_with (GTK_WIDGET (window), "is written");
    GtkWidget *button = find_button (bar, "Open _Folder");
    g_autofree char *uri = g_file_get_uri (file);

    g_assert_nonnull (button);
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.show-folder");
    g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)),
                                           NULL), ==, uri);
  }
  /* The notice's close button. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "hide-notice", NULL);
  g_assert_null (find_info_bar_with (GTK_WIDGET (window), "is written"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export_excel (void)
{
  JxWindow *window = open_example ();
  g_autofree char *path = tmp_path ("export.xlsx");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;

  jx_window_export (window, JX_EXPORT_EXCEL, file);
  g_assert_true (jx_test_wait_for (not_exporting, window, 60000));
  jx_test_settle ();
  g_assert_nonnull (find_info_bar_with (GTK_WIDGET (window), "The Excel workbook “export.xlsx” is written."));
  out = run_python ("import sys, openpyxl\n"
                    "b = openpyxl.load_workbook(sys.argv[1])\n"
                    "s = b['绩效指标']\n"
                    "print(','.join(b.sheetnames), s.max_row - 1)\n", path);
  expected = g_strdup_printf ("绩效指标,项目,部门 %u", n_indicators (window));
  g_assert_cmpstr (g_strstrip (out), ==, expected);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (w) && gtk_widget_get_visible (w))
        return w;
    }
  return NULL;
}

static gboolean
chooser_shows (gpointer data)
{
  return find_chooser () != NULL;
}

/* The menu's way: the chooser proposes the document's name with the
 * format's extension, beside the document; cancelled, nothing is written. */
static void
test_export_chooser (void)
{
  JxWindow *window = open_example ();
  GtkWidget *chooser;
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) expected_folder = g_file_get_parent (jx_window_get_file (window));
  GtkWidget *notice;
  g_autofree char *said = NULL;

  /* The example has an open error: the clerk is told before choosing a file. */
  g_assert_true (jx_test_wait_for (review_checked, window, 30000));
  g_action_group_activate_action (G_ACTION_GROUP (window), "export-docx", NULL);
  notice = wait_toplevel ("export-notice");
  said = labels_of (notice);
  g_assert_nonnull (strstr (said, "The document still has errors"));
  g_assert_null (find_chooser ());
  gtk_dialog_response (GTK_DIALOG (notice), GTK_RESPONSE_ACCEPT);
  g_assert_true (jx_test_wait_for (chooser_shows, NULL, 30000));
  chooser = find_chooser ();
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "zunhua-renda-2024.docx");
  /* The chooser reads its folder in the background. */
  g_assert_true (jx_test_wait_chooser_read (chooser));
  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  g_assert_true (g_file_equal (folder, expected_folder));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  jx_test_settle ();
  g_assert_false (jx_window_is_exporting (window));

  g_action_group_activate_action (G_ACTION_GROUP (window), "export-xlsx", NULL);
  gtk_dialog_response (GTK_DIALOG (wait_toplevel ("export-notice")), GTK_RESPONSE_ACCEPT);
  g_assert_true (jx_test_wait_for (chooser_shows, NULL, 30000));
  chooser = find_chooser ();
  g_clear_pointer (&name, g_free);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "zunhua-renda-2024.xlsx");
  g_assert_true (jx_test_wait_chooser_read (chooser));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  jx_test_settle ();
  g_assert_null (find_chooser ());
  g_assert_false (jx_window_is_exporting (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A workbook cell holds 32767 characters: a longer 资金用途 fails the
 * export, which names the place, and the old file stays whole. */
static void
test_export_failure_keeps_old_file (void)
{
  JxWindow *window = open_example ();
  g_autofree char *path = tmp_path ("old.xlsx");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JxProject *project = g_list_model_get_item (jx_document_get_projects (jx_window_get_document (window)), 0);
  g_autoptr(GString) usage = g_string_new (NULL);
  g_autofree char *before = NULL;
  gsize length;
  GtkWidget *dialog;
  g_autofree char *said = NULL;

  g_assert_true (g_file_set_contents (path, "the old file", -1, NULL));
  for (guint i = 0; i < 40000; i++)
    g_string_append (usage, "用");
  jx_project_set_usage (project, usage->str);
  g_object_unref (project);

  jx_window_export (window, JX_EXPORT_EXCEL, file);
  g_assert_true (jx_test_wait_for (not_exporting, window, 60000));
  dialog = wait_toplevel ("export-error-dialog");
  said = labels_of (dialog);
  g_assert_nonnull (strstr (said, "Could not export the Excel workbook “old.xlsx”"));
  g_assert_nonnull (strstr (said, "old.xlsx"));
  g_assert_true (g_file_get_contents (path, &before, &length, NULL));
  g_assert_cmpstr (before, ==, "the old file");
  /* No leftover beside it. */
  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_true (!g_str_has_prefix (name, ".old.xlsx") && !g_str_has_prefix (name, "old.xlsx."));
  }
  g_assert_null (find_info_bar_with (GTK_WIDGET (window), "is written"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Import as a new document ---- */


static void
test_import_word_new_document (void)
{
  JxWindow *window = new_window ();
  g_autoptr(GFile) file = source_file ("tests/fixtures/docx/libreoffice-resaved.docx");

  g_assert_true (jx_window_is_blank (window));
  jx_window_import (window, file);
  g_assert_true (jx_window_is_importing (window));
  g_assert_nonnull (find_info_bar_with (GTK_WIDGET (window), "Reading “libreoffice-resaved.docx”"));
  g_assert_true (jx_test_wait_for (not_importing, window, 60000));
  jx_test_settle ();

  /* A new document, not saved, in this blank window, with its review. */
  g_assert_cmpuint (n_projects (window), ==, 7);
  g_assert_null (jx_window_get_file (window));
  g_assert_true (jx_window_get_modified (window));
  g_assert_cmpstr (jx_department_get_name (jx_document_get_department (jx_window_get_document (window))),
                   ==, "遵化市人民代表大会常务委员会");
  g_assert_true (jx_test_wait_for (review_checked, window, 30000));
  g_assert_nonnull (find_info_bar_with (GTK_WIDGET (window), "Everything in the file was placed"));
  g_assert_null (jx_import_report_window_find (GTK_WINDOW (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A CSV in GBK, as Chinese Excel and WPS save it, with a row that has no
 * 三级指标: the report names its place and can be copied. */
static char *
write_gbk_csv (void)
{
  const char *text =
    "项目编码,项目名称,一级指标,二级指标,三级指标,指标值\r\n"
    "13028124P000939100016,人大代表活动经费,产出指标,数量指标,开展代表活动次数,≥10次\r\n"
    ",,产出指标,质量指标,,备注：其余见附件\r\n"
    ",,满意度指标,服务对象满意度指标,代表满意度,≥95%\r\n";
  g_autofree char *gbk = NULL;
  gsize length = 0;
  char *path = tmp_path ("指标.csv");

  gbk = g_convert (text, -1, "GB18030", "UTF-8", NULL, &length, NULL);
  g_assert_nonnull (gbk);
  g_assert_true (g_file_set_contents (path, gbk, length, NULL));
  return path;
}

static void
test_import_report (void)
{
  JxWindow *window = new_window ();
  g_autofree char *path = write_gbk_csv ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JxImportReportWindow *report;
  g_autofree char *text = NULL;
  g_autofree char *said = NULL;

  jx_window_import (window, file);
  g_assert_true (jx_test_wait_for (not_importing, window, 60000));
  g_assert_cmpuint (n_projects (window), ==, 1);
  g_assert_cmpuint (n_indicators (window), ==, 2);
  report = JX_IMPORT_REPORT_WINDOW (wait_toplevel ("import-report"));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (report)) == GTK_WINDOW (window));
  jx_test_settle ();
  said = labels_of (GTK_WIDGET (report));
  g_assert_nonnull (strstr (said, "“指标.csv” is now a new document with 1 project"));
  text = jx_import_report_window_get_text (report);
  /* The place in the file and what was there. */
  g_assert_nonnull (strstr (text, "3"));
  g_assert_nonnull (strstr (text, "备注：其余见附件"));
  g_assert_nonnull (find_info_bar_with (GTK_WIDGET (window), "1 part of the file could not be placed"));

  /* Closed, the notice brings it back. */
  gtk_window_close (GTK_WINDOW (report));
  jx_test_settle ();
  g_assert_null (jx_test_find_toplevel ("import-report"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-import-report", NULL);
  wait_toplevel ("import-report");
  gtk_window_destroy (GTK_WINDOW (window));
  jx_test_settle ();
}

/* ---- Import into an open document ---- */

static gboolean
undo_label_is (gpointer window)
{
  return g_strcmp0 (jx_undo_stack_get_undo_label (jx_window_get_undo_stack (window)),
                    "Import Indicators") == 0;
}

static JxImportPreview *
import_into (JxWindow   *window,
             const char *relative)
{
  g_autoptr(GFile) file = source_file (relative);

  jx_window_import (window, file);
  g_assert_true (jx_test_wait_for (not_importing, window, 60000));
  return JX_IMPORT_PREVIEW (wait_toplevel ("import-preview"));
}

static void
test_preview_apply_one_undo (void)
{
  JxWindow *window = open_example ();
  guint before = n_indicators (window);
  JxImportPreview *preview = import_into (window, "tests/fixtures/sheets/libreoffice-formulas.xlsx");
  GListModel *rows = jx_import_preview_get_rows (preview);
  g_autofree char *said = NULL;

  /* Nothing changed yet; the preview says what would. */
  g_assert_cmpuint (n_indicators (window), ==, before);
  g_assert_false (jx_window_get_modified (window));
  jx_test_settle ();
  said = labels_of (GTK_WIDGET (preview));
  g_assert_nonnull (strstr (said, "Indicators to add: 2; to replace: 0; already the same: 2."));
  g_assert_nonnull (strstr (said, "人大代表活动经费"));
  /* One project and its four rows. */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 5);

  g_assert_true (jx_import_preview_apply (preview));
  jx_test_settle ();
  g_assert_null (jx_test_find_toplevel ("import-preview"));
  g_assert_cmpuint (n_indicators (window), ==, before + 2);
  g_assert_true (jx_window_get_modified (window));
  g_assert_true (undo_label_is (window));
  g_assert_nonnull (find_info_bar_with (GTK_WIDGET (window), "2 indicators added, 0 replaced"));

  /* One undo takes it all back. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_cmpuint (n_indicators (window), ==, before);
  g_assert_false (jx_window_get_modified (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_preview_cancel_changes_nothing (void)
{
  JxWindow *window = open_example ();
  guint before = n_indicators (window);
  JxImportPreview *preview = import_into (window, "tests/fixtures/sheets/libreoffice-formulas.xlsx");

  gtk_window_close (GTK_WINDOW (preview));
  jx_test_settle ();
  g_assert_null (jx_test_find_toplevel ("import-preview"));
  g_assert_cmpuint (n_indicators (window), ==, before);
  g_assert_false (jx_window_get_modified (window));
  g_assert_false (jx_undo_stack_get_can_undo (jx_window_get_undo_stack (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A workbook exported by Jixiao, into the document it came from: nothing
 * to change, the other sheets listed as left out, and "as a new document"
 * opens the whole workbook beside it. */
static void
test_preview_as_new_document (void)
{
  JxWindow *window = open_example ();
  JxDocument *document = jx_window_get_document (window);
  JxImportPreview *preview = import_into (window, "tests/fixtures/sheets/libreoffice-resaved.xlsx");
  g_autofree char *said = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  JxWindow *other = NULL;

  jx_test_settle ();
  said = labels_of (GTK_WIDGET (preview));
  g_assert_nonnull (strstr (said, "Importing would change nothing"));
  g_assert_nonnull (strstr (said, "Rows left out"));

  /* The example is modified first, so that the new document gets a window of its own. */
  jx_document_set_year (document, 2025);
  jx_import_preview_open_as_new (preview);
  g_assert_true (jx_test_wait_for (not_importing, window, 60000));
  jx_test_settle ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (JX_IS_WINDOW (w) && JX_WINDOW (w) != window)
        other = JX_WINDOW (w);
    }
  g_assert_nonnull (other);
  g_assert_true (jx_window_get_document (window) == document);
  g_assert_cmpuint (n_projects (other), ==, 7);
  g_assert_cmpuint (jx_document_get_year (jx_window_get_document (other)), ==, 2024);
  g_assert_null (jx_window_get_file (other));
  g_assert_true (jx_window_get_modified (other));
  gtk_window_destroy (GTK_WINDOW (other));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Bad files ---- */

static void
expect_import_error (const char *path,
                     const char *message)
{
  JxWindow *window = open_example ();
  JxDocument *document = jx_window_get_document (window);
  g_autoptr(GFile) file = g_path_is_absolute (path) ? g_file_new_for_path (path) : source_file (path);
  GtkWidget *dialog;
  g_autofree char *said = NULL;

  jx_window_import (window, file);
  g_assert_true (jx_test_wait_for (not_importing, window, 60000));
  dialog = wait_toplevel ("import-error-dialog");
  said = labels_of (dialog);
  g_assert_nonnull (strstr (said, "Could not import"));
  if (strstr (said, message) == NULL)
    g_error ("“%s” not in: %s", message, said);
  g_assert_true (jx_window_get_document (window) == document);
  g_assert_false (jx_window_get_modified (window));
  g_assert_null (jx_test_find_toplevel ("import-preview"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* An old binary Office file: an OLE2 container with the stream that names
 * its kind, as libgsf writes it. */
static char *
write_old_office_file (const char *name,
                       const char *stream)
{
  char *path = tmp_path (name);
  GsfOutput *sink = gsf_output_stdio_new (path, NULL);
  GsfOutfile *ole = gsf_outfile_msole_new (sink);
  GsfOutput *child = gsf_outfile_new_child (ole, stream, FALSE);

  gsf_output_write (child, 4, (const guint8 *) "old!");
  gsf_output_close (child);
  g_object_unref (child);
  g_assert_true (gsf_output_close (GSF_OUTPUT (ole)));
  g_object_unref (ole);
  g_object_unref (sink);
  return path;
}

static void
test_bad_files_change_nothing (void)
{
  g_autofree char *doc = write_old_office_file ("去年.doc", "WordDocument");
  g_autofree char *xls = write_old_office_file ("指标.xls", "Workbook");

  expect_import_error ("tests/fixtures/docx/bad/zip-bomb.docx", "zip-bomb.docx");
  expect_import_error ("tests/fixtures/docx/bad/truncated-xml.docx", "truncated-xml.docx");
  expect_import_error ("tests/fixtures/broken/not-json.json", "not-json.json");
  /* Old binary files get the advice to save them again, into an open
   * document (the preview's way) as into a blank window. */
  expect_import_error (xls, "save it as an Excel workbook (.xlsx)");
  {
    JxWindow *window = new_window ();
    g_autoptr(GFile) file = g_file_new_for_path (doc);
    GtkWidget *dialog;
    g_autofree char *said = NULL;

    jx_window_import (window, file);
    g_assert_true (jx_test_wait_for (not_importing, window, 60000));
    dialog = wait_toplevel ("import-error-dialog");
    said = labels_of (dialog);
    g_assert_nonnull (strstr (said, "Could not import “去年.doc”"));
    g_assert_nonnull (strstr (said, "save it as a Word document (.docx)"));
    g_assert_true (jx_window_is_blank (window));
    gtk_window_destroy (GTK_WINDOW (dialog));
    gtk_window_destroy (GTK_WINDOW (window));
  }
}

/* Cancelled, the file read is let go: the window stays as it was, and the
 * next import goes as usual. */
static void
test_cancel_import (void)
{
  JxWindow *window = new_window ();
  JxDocument *document = jx_window_get_document (window);
  g_autoptr(GFile) file = source_file ("tests/fixtures/docx/libreoffice-resaved.docx");

  jx_window_import (window, file);
  g_assert_true (jx_window_is_importing (window));
  g_action_group_activate_action (G_ACTION_GROUP (window), "import-cancel", NULL);
  g_assert_false (jx_window_is_importing (window));
  g_assert_null (find_info_bar_with (GTK_WIDGET (window), "Reading"));
  g_assert_true (jx_test_wait_for (not_reading, window, 60000));
  jx_test_settle ();
  g_assert_true (jx_window_get_document (window) == document);
  g_assert_true (jx_window_is_blank (window));

  jx_window_import (window, file);
  g_assert_true (jx_test_wait_for (not_importing, window, 60000));
  g_assert_cmpuint (n_projects (window), ==, 7);
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  gint64 start;
  gint64 span;
} Moment;

static gboolean
moment_passed (gpointer data)
{
  Moment *moment = data;

  return g_get_monotonic_time () - moment->start >= moment->span;
}

/* Cancelled while a long sheet is read, the reading stops: the worker is
 * done long before a whole read of the file would be (which it would
 * take if it read on), so no core keeps working for a file the clerk
 * gave up on. */
static void
test_cancel_stops_reading (void)
{
  g_autofree char *path = tmp_path ("long.xlsx");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) read = NULL;
  JxWindow *window;
  gint64 start;
  double full, taken;
  Moment moment;

  /* Long enough that a whole read takes a while, short enough for the
   * sanitizer runs. */
  jx_test_write_workbook (path, 60000, 90);
  file = g_file_new_for_path (path);
  start = g_get_monotonic_time ();
  read = jx_import_file (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  full = (g_get_monotonic_time () - start) / 1e6;

  window = new_window ();
  moment.start = g_get_monotonic_time ();
  moment.span = (gint64) (full * 1e6 / 8);
  jx_window_import (window, file);
  g_assert_true (jx_window_is_reading_import (window));
  /* The cancel is meant to come while the sheet is read. */
  g_assert_true (jx_test_wait_for (moment_passed, &moment, 60000));
  g_assert_true (jx_window_is_importing (window));
  g_action_group_activate_action (G_ACTION_GROUP (window), "import-cancel", NULL);
  g_assert_false (jx_window_is_importing (window));
  g_assert_true (jx_test_wait_for (not_reading, window, 60000));
  taken = (g_get_monotonic_time () - moment.start) / 1e6;
  g_test_message ("whole read %.3f s; cancelled after %.3f s, reading ended after %.3f s",
                  full, full / 8, taken);
  g_assert_cmpfloat (taken, <, full * 0.6);
  jx_test_settle ();
  g_assert_true (jx_window_is_blank (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_remove (path);
}

/* ---- Dropped files ---- */

static void
drop_on (JxWindow *window,
         GFile    *file)
{
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GSList *files = g_slist_prepend (NULL, file);
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &dropped);
    }
  g_object_unref (controllers);
  g_value_unset (&value);
  g_slist_free (files);
  g_assert_true (dropped);
}

static void
test_drop_imports (void)
{
  JxWindow *window = new_window ();
  g_autoptr(GFile) docx = source_file ("tests/fixtures/docx/libreoffice-from-odt.docx");

  drop_on (window, docx);
  g_assert_true (jx_test_wait_for (not_importing, window, 60000));
  g_assert_cmpuint (n_projects (window), ==, 7);
  g_assert_null (jx_window_get_file (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A Word file given to the application (the command line, "Open With")
 * is imported, not refused as a document file it is not. */
static gboolean
some_window_has_projects (gpointer data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  for (GList *l = windows; l != NULL; l = l->next)
    if (JX_IS_WINDOW (l->data) && !jx_window_is_importing (l->data) &&
        jx_window_get_modified (l->data) && n_projects (l->data) == 7)
      return TRUE;
  return FALSE;
}

static void
test_open_with_imports (void)
{
  g_autoptr(GFile) docx = source_file ("tests/fixtures/docx/libreoffice-resaved.docx");
  GFile *files[] = { docx };
  GList *windows;

  g_application_open (G_APPLICATION (app), files, 1, "");
  g_assert_true (jx_test_wait_for (some_window_has_projects, NULL, 60000));
  g_assert_null (jx_test_find_toplevel ("load-error-dialog"));
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  jx_test_settle ();
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  jx_test_isolate_xdg ();
  gtk_test_init (&argc, &argv, NULL);
  tmpdir = jx_test_make_tmpdir ();

  app = jx_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/files/export-word", test_export_word);
  g_test_add_func ("/files/export-excel", test_export_excel);
  jx_test_add_chooser_func ("/files/export-chooser", test_export_chooser);
  g_test_add_func ("/files/export-failure-keeps-old-file", test_export_failure_keeps_old_file);
  g_test_add_func ("/files/import-word-new-document", test_import_word_new_document);
  g_test_add_func ("/files/import-report", test_import_report);
  g_test_add_func ("/files/preview-apply-one-undo", test_preview_apply_one_undo);
  g_test_add_func ("/files/preview-cancel-changes-nothing", test_preview_cancel_changes_nothing);
  g_test_add_func ("/files/preview-as-new-document", test_preview_as_new_document);
  g_test_add_func ("/files/bad-files-change-nothing", test_bad_files_change_nothing);
  g_test_add_func ("/files/cancel-import", test_cancel_import);
  g_test_add_func ("/files/cancel-stops-reading", test_cancel_stops_reading);
  g_test_add_func ("/files/drop-imports", test_drop_imports);
  g_test_add_func ("/files/open-with-imports", test_open_with_imports);
  status = g_test_run ();
  jx_test_remove_tree (tmpdir);
  g_clear_object (&app);
  return status;
}
