/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "jx-export-notice.h"
#include "jx-font-watch.h"
#include "jx-page-fonts.h"
#include "jx-page-layout.h"
#include "jx-preview.h"
#include "jx-print.h"
#include "jx-print-notice.h"
#include "jx-print-settings.h"
#include "jx-problems-panel.h"
#include "jx-project.h"
#include "jx-settings.h"
#include "jx-test-gtk.h"
#include "jx-window.h"

/* What a clerk is told before printing or exporting, on a machine with
 * only the AR PL fonts (no office font, nothing for CJK Extension B):
 * the open errors and the fonts that stand in, in the print dialog, the
 * preview and before a PDF export, which never refuse; print-to-file that
 * goes through the checked PDF export; the hint of characters no font
 * has, gone as soon as a font with them is added. */

#define ONLY_FONTS "/usr/share/fonts/truetype/arphic"
#define RARE_FONT "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"
#define EXAMPLE "data/examples/zunhua-renda-2024.json"
#define CLEAN "tests/fixtures/checks/clean.json"

static gboolean
review_checked (gpointer window)
{
  JxReview *review = jx_document_session_get_review (jx_window_get_session (window));

  return gtk_widget_get_mapped (window) && jx_review_get_checked (review) &&
         g_list_model_get_n_items (jx_review_get_findings (review)) > 0;
}

static gboolean
review_settled (gpointer window)
{
  JxReview *review = jx_document_session_get_review (jx_window_get_session (window));

  return gtk_widget_get_mapped (window) && jx_review_get_checked (review);
}

/* A window showing the file, drawn, with its review done. */
static JxWindow *
open_shown (const char *relative)
{
  g_autofree char *path = jx_test_source_path (relative);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JxWindow *window = jx_window_new (NULL);

  g_assert_true (jx_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (jx_test_wait_for (review_settled, window, 30000));
  jx_test_settle ();
  return window;
}

static JxReview *
review_of (JxWindow *window)
{
  return jx_document_session_get_review (jx_window_get_session (window));
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (w))
        return w;
    }
  return NULL;
}

/* GTK's print dialog: the window with the notice in it. */
static GtkWidget *
print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (GTK_IS_DIALOG (w) && gtk_widget_get_visible (w) && find_named (w, "print-dialog-notice") != NULL)
        return w;
    }
  return NULL;
}

static gboolean
problems_shown (gpointer window)
{
  GtkWidget *panel = find_type (window, JX_TYPE_PROBLEMS_PANEL);

  return panel != NULL && gtk_widget_get_mapped (panel);
}

static gboolean
no_toplevel_named (gpointer name)
{
  return jx_test_find_toplevel (name) == NULL;
}

/* ---- The print dialog ---- */

/* GTK's print dialog says what is open, above its Print button, and its
 * button ends the dialog and shows the problems: printing is never
 * refused, but never silent either. */
static void
test_dialog_notice (void)
{
  JxWindow *window = open_shown (EXAMPLE);
  GtkWidget *dialog;
  JxPrintNotice *notice;
  GtkWidget *bar;

  jx_print_run (GTK_WINDOW (window), jx_window_get_session (window));
  dialog = print_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (jx_test_wait_mapped (dialog));
  jx_test_settle ();
  notice = JX_PRINT_NOTICE (find_named (dialog, "print-dialog-notice"));
  g_assert_nonnull (notice);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (notice)));
  g_assert_nonnull (strstr (jx_print_notice_get_errors (notice), "The review still finds 1 error"));
  g_assert_nonnull (strstr (jx_print_notice_get_fonts (notice), "仿宋_GB2312 is not installed: AR PL"));
  bar = find_named (GTK_WIDGET (notice), "errors-notice");
  g_assert_true (gtk_widget_get_mapped (bar));
  g_assert_true (gtk_widget_get_mapped (find_named (GTK_WIDGET (notice), "fonts-notice")));
  jx_test_screenshot (dialog, "print-dialog-notice");

  gtk_info_bar_response (GTK_INFO_BAR (bar), GTK_RESPONSE_ACCEPT);
  g_assert_true (jx_test_wait_for (problems_shown, window, 30000));
  g_assert_null (print_dialog ());
  gtk_window_destroy (GTK_WINDOW (window));
  jx_test_settle ();
}

/* ---- The preview ---- */

static gboolean
errors_bar_shown (gpointer notice)
{
  return jx_print_notice_get_errors (notice) != NULL &&
         gtk_widget_get_visible (find_named (notice, "errors-notice"));
}

static gboolean
fonts_bar_hidden (gpointer notice)
{
  return jx_print_notice_get_fonts (notice) == NULL &&
         !gtk_widget_get_visible (find_named (notice, "fonts-notice"));
}

static void
choose_every_role (const char *family)
{
  for (guint role = 0; role < JX_N_FONT_ROLES; role++)
    jx_font_role_set_family (role, family);
  jx_font_watch_roles_changed (jx_font_watch_get_default ());
}

/* The preview names the fonts that stand in and follows the review: an
 * error made while it is open shows; fonts chosen for every role end the
 * font notice and lay the pages out again. */
static void
test_preview_notice (void)
{
  JxWindow *window = open_shown (CLEAN);
  JxPreview *preview = jx_preview_present (GTK_WINDOW (window), jx_window_get_session (window));
  JxPrintNotice *notice = jx_preview_get_notice (preview);
  JxProject *project;

  g_assert_true (jx_test_wait_mapped (GTK_WIDGET (preview)));
  g_assert_null (jx_print_notice_get_errors (notice));
  g_assert_false (gtk_widget_get_visible (find_named (GTK_WIDGET (notice), "errors-notice")));
  g_assert_nonnull (jx_print_notice_get_fonts (notice));
  g_assert_true (gtk_widget_get_mapped (find_named (GTK_WIDGET (notice), "fonts-notice")));

  project = g_list_model_get_item (jx_document_get_projects (jx_window_get_document (window)), 0);
  jx_project_set_name (project, "");
  g_object_unref (project);
  g_assert_true (jx_test_wait_for (errors_bar_shown, notice, 30000));
  jx_test_settle ();
  jx_test_screenshot (GTK_WIDGET (preview), "preview-notice");

  choose_every_role ("AR PL UMing CN");
  g_assert_true (fonts_bar_hidden (notice));
  choose_every_role (NULL);
  g_assert_nonnull (jx_print_notice_get_fonts (notice));
  gtk_window_destroy (GTK_WINDOW (window));
  jx_test_settle ();
}

/* ---- Before a PDF export ---- */

static guint exports;

static void
count_export (GtkWindow         *parent,
              JxDocumentSession *session)
{
  exports++;
}

static GtkDialog *
export_notice (void)
{
  GtkWidget *dialog = jx_test_find_toplevel ("export-notice");

  g_assert_nonnull (dialog);
  return GTK_DIALOG (dialog);
}

/* With errors open the export asks first and never refuses; "Show
 * Problems" shows them instead. The fonts are mentioned until the clerk
 * asks not to be told again; with nothing to say it goes on at once. */
static void
test_export_notice (void)
{
  JxWindow *window = open_shown (EXAMPLE);
  JxDocumentSession *session = jx_window_get_session (window);
  GSettings *settings = jx_settings_get ();
  GtkDialog *dialog;
  GtkWidget *check;

  exports = 0;
  jx_export_notice_run (GTK_WINDOW (window), session, settings, TRUE, "_Export…", count_export);
  dialog = export_notice ();
  g_assert_cmpuint (exports, ==, 0);
  g_assert_true (jx_test_wait_mapped (GTK_WIDGET (dialog)));
  jx_test_screenshot (GTK_WIDGET (dialog), "export-notice");
  gtk_dialog_response (dialog, 1);
  g_assert_true (jx_test_wait_for (no_toplevel_named, "export-notice", 30000));
  g_assert_true (jx_test_wait_for (problems_shown, window, 30000));
  g_assert_cmpuint (exports, ==, 0);

  jx_export_notice_run (GTK_WINDOW (window), session, settings, TRUE, "_Export…", count_export);
  dialog = export_notice ();
  check = find_named (GTK_WIDGET (dialog), "dismiss-fonts-check");
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_dialog_response (dialog, GTK_RESPONSE_ACCEPT);
  g_assert_cmpuint (exports, ==, 1);
  g_assert_true (jx_test_wait_for (no_toplevel_named, "export-notice", 30000));
  gtk_window_destroy (GTK_WINDOW (window));

  /* No error, and fonts the clerk has heard about: straight on. */
  window = open_shown (CLEAN);
  jx_export_notice_run (GTK_WINDOW (window), jx_window_get_session (window), settings, TRUE,
                        "_Export…", count_export);
  g_assert_null (jx_test_find_toplevel ("export-notice"));
  g_assert_cmpuint (exports, ==, 2);
  /* Without the settings they are mentioned again. */
  jx_export_notice_run (GTK_WINDOW (window), jx_window_get_session (window), NULL, TRUE,
                        "_Export…", count_export);
  dialog = export_notice ();
  g_assert_null (find_named (GTK_WIDGET (dialog), "dismiss-fonts-check"));
  gtk_dialog_response (dialog, GTK_RESPONSE_CANCEL);
  g_assert_cmpuint (exports, ==, 2);
  g_settings_reset (settings, "font-notice-dismissed");
  gtk_window_destroy (GTK_WINDOW (window));
  jx_test_settle ();
}

/* ---- Print to file ---- */

static guint
count_pages (const char *data,
             gsize       length)
{
  guint pages = 0;

  for (gsize i = 0; i + 12 < length; i++)
    if (memcmp (data + i, "/Type /Page", 11) == 0 && data[i + 11] != 's')
      pages++;
  return pages;
}

/* The clerk chose GTK's "Print to File" printer and this file last time;
 * the dialog offers them again. */
static void
remember_file_printer (const char *path,
                       gboolean    some_pages)
{
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  if (some_pages)
    {
      GtkPageRange range = { 0, 1 };

      gtk_print_settings_set_print_pages (settings, GTK_PRINT_PAGES_RANGES);
      gtk_print_settings_set_page_ranges (settings, &range, 1);
    }
  gtk_page_setup_set_paper_size (setup, a4);
  jx_print_settings_save (settings, setup, FALSE);
}

static gboolean
printer_chosen (gpointer dialog)
{
  return gtk_widget_get_sensitive (gtk_dialog_get_widget_for_response (dialog, GTK_RESPONSE_OK));
}

static gboolean
print_dialog_gone (gpointer data)
{
  return print_dialog () == NULL;
}

/* GTK asks before it replaces a file, in a main loop of its own inside
 * the dialog's response: a source of the main context answers yes. */
static gboolean
confirm_replace_cb (gpointer data)
{
  GtkWidget *question = toplevel_of_type (GTK_TYPE_MESSAGE_DIALOG);

  if (question != NULL && gtk_window_get_transient_for (GTK_WINDOW (question)) == data)
    gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_ACCEPT);
  return G_SOURCE_CONTINUE;
}

typedef struct
{
  const char *path;
  gsize length;
} Grown;

static gboolean
complete_pdf (gpointer data)
{
  Grown *grown = data;
  g_autofree char *contents = NULL;
  gsize length;

  return g_file_get_contents (grown->path, &contents, &length, NULL) && length > 1000 &&
         g_strstr_len (contents + length - 64, 64, "%%EOF") != NULL &&
         !g_str_has_prefix (contents, "old");
}

/* Printing to path from GTK's print dialog, as a clerk does. */
static void
print_to_file (JxWindow   *window,
               const char *path,
               gboolean    some_pages)
{
  GtkWidget *dialog;
  guint confirm;

  remember_file_printer (path, some_pages);
  jx_print_run (GTK_WINDOW (window), jx_window_get_session (window));
  dialog = print_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (jx_test_wait_for (printer_chosen, dialog, 30000));
  confirm = g_timeout_add (10, confirm_replace_cb, dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  g_assert_true (jx_test_wait_for (print_dialog_gone, NULL, 30000));
  g_source_remove (confirm);
}

/* The whole document printed to a PDF file is the PDF export: every page,
 * complete. What only GTK can do (some pages) stays GTK's. */
static void
test_print_to_file (void)
{
  JxWindow *window = open_shown (CLEAN);
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "打印.pdf", NULL);
  g_autofree char *some = g_build_filename (dir, "两页.pdf", NULL);
  g_autoptr(JxPageLayout) layout = jx_page_layout_new (jx_window_get_document (window));
  g_autofree char *data = NULL;
  gsize length;
  Grown grown = { path, 0 };

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  print_to_file (window, path, FALSE);
  g_assert_true (jx_test_wait_for (complete_pdf, &grown, 30000));
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (count_pages (data, length), ==, jx_page_layout_get_n_pages (layout));
  g_clear_pointer (&data, g_free);

  print_to_file (window, some, TRUE);
  grown.path = some;
  g_assert_true (jx_test_wait_for (complete_pdf, &grown, 30000));
  g_assert_true (g_file_get_contents (some, &data, &length, NULL));
  g_assert_cmpuint (count_pages (data, length), ==, 2);
  gtk_window_destroy (GTK_WINDOW (window));
  jx_test_remove_tree (dir);
}

static gboolean
error_dialog_shown (gpointer data)
{
  GtkWidget *dialog = toplevel_of_type (GTK_TYPE_MESSAGE_DIALOG);
  g_autofree char *text = NULL;

  if (dialog == NULL)
    return FALSE;
  g_object_get (dialog, "text", &text, NULL);
  return g_strcmp0 (text, "Could not print to the file") == 0;
}

/* Under a file size limit (as on a full disk) printing to a file says so,
 * with the file's name, and the PDF that was there stays as it was. */
static void
test_print_to_file_full_child (void)
{
  JxWindow *window;
  const char *dir = g_getenv ("JX_TEST_DIR");
  g_autofree char *path = g_build_filename (dir, "打印.pdf", NULL);
  struct rlimit limit = { 64 * 1024, 64 * 1024 };
  GtkWidget *dialog;
  g_autofree char *secondary = NULL;

  if (!g_test_subprocess ())
    return;
  window = open_shown (EXAMPLE);
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  print_to_file (window, path, FALSE);
  g_assert_true (jx_test_wait_for (error_dialog_shown, NULL, 60000));
  dialog = toplevel_of_type (GTK_TYPE_MESSAGE_DIALOG);
  g_object_get (dialog, "secondary-text", &secondary, NULL);
  g_test_message ("%s", secondary);
  g_assert_nonnull (strstr (secondary, "打印.pdf"));
}

static void
test_print_to_file_full (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "打印.pdf", NULL);
  g_autofree char *before = g_strnfill (100 * 1024, 'x');
  g_autofree char *after = NULL;
  gsize length;

  memcpy (before, "%PDF-1.5 good old file", 22);
  g_assert_true (g_file_set_contents (path, before, 100 * 1024, NULL));
  g_setenv ("JX_TEST_DIR", dir, TRUE);
  g_test_trap_subprocess ("/print-checks/print-to-file-full/child", 120 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_assert_true (g_file_get_contents (path, &after, &length, NULL));
  g_assert_cmpuint (length, ==, 100 * 1024);
  g_assert_true (memcmp (after, before, length) == 0);
  /* Nothing half-written is left beside it. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (listing) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }
  jx_test_remove_tree (dir);
}

/* ---- Characters no font has ---- */

static gboolean
has_glyph_hint (JxReview *review)
{
  GListModel *findings = jx_review_get_findings (review);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(JxFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (jx_finding_get_rule_id (finding), "text-glyph-missing"))
        return TRUE;
    }
  return FALSE;
}

static gboolean
glyph_hint_shown (gpointer window)
{
  return review_checked (window) && has_glyph_hint (review_of (window));
}

/* 𠀀 in a project's name has no font here: the review says so in the
 * window. A font file with it, added from the application, ends the hint
 * at once. */
static void
test_glyph_hint (void)
{
  JxWindow *window = open_shown (CLEAN);
  JxProject *project = g_list_model_get_item (jx_document_get_projects (jx_window_get_document (window)), 0);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) families = NULL;

  g_assert_false (has_glyph_hint (review_of (window)));
  jx_project_set_name (project, "𠀀家庄村道路维护");
  g_object_unref (project);
  g_assert_true (jx_test_wait_for (glyph_hint_shown, window, 30000));

  if (!g_file_test (RARE_FONT, G_FILE_TEST_IS_REGULAR))
    {
      gtk_window_destroy (GTK_WINDOW (window));
      g_test_skip ("HanaMinB (fonts-hanazono) is not installed");
      return;
    }
  families = jx_font_watch_install_file (jx_font_watch_get_default (), RARE_FONT, &error);
  g_assert_no_error (error);
  g_assert_false (has_glyph_hint (review_of (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  jx_test_settle ();
}

int
main (int argc, char **argv)
{
  g_autofree char *fonts = NULL;
  int status;

  if (g_getenv ("JX_TEST_KEEP_XDG") == NULL)
    jx_test_isolate_xdg ();
  fonts = jx_test_isolate_fonts (ONLY_FONTS);
  gtk_test_init (&argc, &argv, NULL);
  /* Only GTK's file printer: no print server to wait for. */
  g_object_set (gtk_settings_get_default (), "gtk-print-backends", "file", NULL);
  g_test_add_func ("/print-checks/dialog-notice", test_dialog_notice);
  g_test_add_func ("/print-checks/preview-notice", test_preview_notice);
  g_test_add_func ("/print-checks/export-notice", test_export_notice);
  g_test_add_func ("/print-checks/print-to-file", test_print_to_file);
  g_test_add_func ("/print-checks/print-to-file-full", test_print_to_file_full);
  g_test_add_func ("/print-checks/print-to-file-full/child", test_print_to_file_full_child);
  /* Last: it adds a font. */
  g_test_add_func ("/print-checks/glyph-hint", test_glyph_hint);
  status = g_test_run ();
  jx_test_remove_tree (fonts);
  return status;
}
