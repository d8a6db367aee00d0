/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A document session driven without a window, as a window, the command
 * line or an importer drives it. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "jx-checks.h"
#include "jx-document-io.h"
#include "jx-document-session.h"
#include "jx-error.h"
#include "jx-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
  GFile *file;
  JxDocumentSession *session;
  guint modified_notes;
} Fixture;

static void
count_modified_cb (JxDocumentSession *session, GParamSpec *pspec, Fixture *f)
{
  f->modified_notes++;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *example = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  g_autofree char *text = jx_test_read_file (example, NULL);

  f->dir = jx_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "doc.jixiao.json", NULL);
  g_assert_true (g_file_set_contents (f->path, text, -1, NULL));
  f->file = g_file_new_for_path (f->path);
  f->session = jx_document_session_new (NULL);
  g_signal_connect (f->session, "notify::modified", G_CALLBACK (count_modified_cb), f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->session);
  g_clear_object (&f->file);
  jx_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static JxProject *
project_at (JxDocumentSession *session, guint i)
{
  return jx_test_project_at (jx_document_session_get_document (session), i);
}

static gboolean
save_and_wait (JxDocumentSession *session, GFile *file, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  jx_document_session_save_async (session, file, NULL, jx_test_keep_result, &result);
  g_assert_true (jx_test_wait_result (&result));
  return jx_document_session_save_finish (session, result, error);
}

static void
test_new (Fixture *f, gconstpointer data)
{
  JxDocument *document = jx_document_session_get_document (f->session);

  g_assert_true (jx_document_session_is_blank (f->session));
  g_assert_null (jx_document_session_get_file (f->session));
  g_assert_false (jx_document_session_get_modified (f->session));
  g_assert_cmpuint (g_list_model_get_n_items (jx_document_get_projects (document)), ==, 1);
  g_assert_true (jx_undo_stack_get_document (jx_document_session_get_undo (f->session)) == document);
  g_assert_true (jx_review_get_document (jx_document_session_get_review (f->session)) == document);
}

/* Edits make it modified; undoing back to the saved state does not. */
static void
test_modified_follows_undo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jx_document_session_load (f->session, f->file, &error));
  g_assert_no_error (error);
  f->modified_notes = 0;
  jx_project_set_name (project_at (f->session, 0), "改过的名称");
  g_assert_true (jx_document_session_get_modified (f->session));
  g_assert_false (jx_document_session_is_blank (f->session));
  jx_project_set_name (project_at (f->session, 0), "再改一次");
  g_assert_cmpuint (f->modified_notes, ==, 1);
  g_assert_true (jx_undo_stack_undo (jx_document_session_get_undo (f->session)));
  g_assert_false (jx_document_session_get_modified (f->session));
  g_assert_cmpuint (f->modified_notes, ==, 2);
}

static void
test_load (Fixture *f, gconstpointer data)
{
  g_autofree char *broken = jx_test_source_path ("tests/fixtures/broken/amount-negative.json");
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  JxDocument *before;

  g_assert_true (jx_document_session_load (f->session, f->file, &error));
  before = jx_document_session_get_document (f->session);
  g_assert_true (g_file_equal (jx_document_session_get_file (f->session), f->file));
  g_assert_cmpuint (g_list_model_get_n_items (jx_document_get_projects (before)), ==, 7);

  /* A file that does not load changes nothing. */
  g_assert_false (jx_document_session_load (f->session, broken_file, &error));
  g_assert_error (error, JX_DOCUMENT_ERROR, JX_DOCUMENT_ERROR_CONTENT);
  g_clear_error (&error);
  g_assert_true (jx_document_session_get_document (f->session) == before);
  g_assert_true (g_file_equal (jx_document_session_get_file (f->session), f->file));

  jx_document_session_load_async (f->session, broken_file, NULL, jx_test_keep_result, &result);
  g_assert_true (jx_test_wait_result (&result));
  g_assert_false (jx_document_session_load_finish (f->session, result, &error));
  g_assert_error (error, JX_DOCUMENT_ERROR, JX_DOCUMENT_ERROR_CONTENT);
  g_assert_true (jx_document_session_get_document (f->session) == before);
  g_clear_object (&result);

  /* In the background: the new document replaces the old one when read. */
  jx_document_session_load_async (f->session, f->file, NULL, jx_test_keep_result, &result);
  g_assert_true (jx_test_wait_result (&result));
  g_assert_true (jx_document_session_load_finish (f->session, result, NULL));
  g_assert_true (jx_document_session_get_document (f->session) != before);
  g_assert_false (jx_document_session_get_modified (f->session));
}

static void
test_save (Fixture *f, gconstpointer data)
{
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.jixiao.json", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(JxDocument) saved = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (jx_document_session_load (f->session, f->file, NULL));
  jx_project_set_name (project_at (f->session, 2), "另存的名称");
  g_assert_true (save_and_wait (f->session, copy, &error));
  g_assert_no_error (error);
  g_assert_false (jx_document_session_get_modified (f->session));
  g_assert_false (jx_document_session_get_saving (f->session));
  g_assert_true (g_file_equal (jx_document_session_get_file (f->session), copy));
  saved = jx_document_load_file (copy_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jx_project_get_name (jx_test_project_at (saved, 2)), ==, "另存的名称");
  /* Our own write is not someone else's change. */
  g_assert_false (jx_document_session_changed_on_disk (f->session));
  g_assert_cmpint (jx_document_session_get_disk_state (f->session), ==, JX_DISK_STATE_UNCHANGED);
}

/* Typing on while the file is written keeps the document modified. */
static void
test_edit_during_save (Fixture *f, gconstpointer data)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_true (jx_document_session_load (f->session, f->file, NULL));
  jx_project_set_name (project_at (f->session, 0), "第一次");
  jx_document_session_save_async (f->session, NULL, NULL, jx_test_keep_result, &result);
  g_assert_true (jx_document_session_get_saving (f->session));
  jx_project_set_name (project_at (f->session, 0), "第二次");
  g_assert_true (jx_test_wait_result (&result));
  g_assert_true (jx_document_session_save_finish (f->session, result, NULL));
  g_assert_true (jx_document_session_get_modified (f->session));
}

/* A save that cannot be done leaves the old file and the modified mark. */
static void
test_failed_save (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "x.jixiao.json", NULL);
  g_autoptr(GFile) nowhere = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (jx_document_session_load (f->session, f->file, NULL));
  jx_project_set_name (project_at (f->session, 0), "保存不了");
  g_assert_false (save_and_wait (f->session, nowhere, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (jx_document_session_get_modified (f->session));
  g_assert_true (g_file_equal (jx_document_session_get_file (f->session), f->file));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* One save at a time. */
  jx_document_session_save_async (f->session, NULL, NULL, jx_test_keep_result, &first);
  jx_document_session_save_async (f->session, NULL, NULL, jx_test_keep_result, &second);
  g_assert_true (jx_test_wait_result (&second));
  g_assert_false (jx_document_session_save_finish (f->session, second, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_assert_true (jx_test_wait_result (&first));
  g_assert_true (jx_document_session_save_finish (f->session, first, NULL));
  g_assert_false (jx_document_session_get_modified (f->session));
}

/* A new document has no file to save to: it asks for one. */
static void
test_save_without_file (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (save_and_wait (f->session, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static gboolean
disk_state_is (gpointer data)
{
  gpointer *args = data;

  return (int) jx_document_session_get_disk_state (args[0]) == GPOINTER_TO_INT (args[1]);
}

/* Another program writes or deletes the file: the session says so. */
static void
test_changed_on_disk (Fixture *f, gconstpointer data)
{
  gpointer changed[] = { f->session, GINT_TO_POINTER (JX_DISK_STATE_CHANGED) };
  gpointer gone[] = { f->session, GINT_TO_POINTER (JX_DISK_STATE_GONE) };
  g_autofree char *text = NULL;

  g_assert_true (jx_document_session_load (f->session, f->file, NULL));
  g_assert_false (jx_document_session_changed_on_disk (f->session));
  text = jx_test_read_file (f->path, NULL);
  g_assert_true (g_file_set_contents (f->path, text, strlen (text) - 2, NULL));
  g_assert_true (jx_document_session_changed_on_disk (f->session));
  g_assert_true (jx_test_wait_for (disk_state_is, changed, 10000));
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_assert_true (jx_test_wait_for (disk_state_is, gone, 10000));
  /* Reading it again takes the file as it is then. */
  g_assert_true (g_file_set_contents (f->path, text, -1, NULL));
  g_assert_true (jx_document_session_load (f->session, f->file, NULL));
  g_assert_cmpint (jx_document_session_get_disk_state (f->session), ==, JX_DISK_STATE_UNCHANGED);
  g_assert_false (jx_document_session_changed_on_disk (f->session));
}

static gboolean
is_null (gpointer pointer)
{
  return *(gpointer *) pointer == NULL;
}

static gboolean
has_drafts (gpointer store)
{
  g_autoptr(GPtrArray) drafts = jx_draft_store_list (store, NULL);

  return drafts != NULL && drafts->len > 0;
}

static gboolean
has_no_drafts (gpointer store)
{
  return !has_drafts (store);
}

/* Changes are kept as a draft a moment after the last one; saving drops
 * it; another instance restores it. */
static void
test_drafts (Fixture *f, gconstpointer data)
{
  g_autofree char *drafts_dir = g_build_filename (f->dir, "drafts", NULL);
  g_autoptr(JxDraftStore) store = jx_draft_store_new (drafts_dir);
  g_autoptr(JxDocumentSession) session = jx_document_session_new (store);
  g_autoptr(JxDocumentSession) restored = NULL;
  g_autoptr(JxDraftStore) other = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;

  jx_document_session_set_draft_delay (session, 10);
  g_assert_true (jx_document_session_load (session, f->file, NULL));
  g_assert_false (has_drafts (store));
  jx_project_set_name (project_at (session, 1), "草稿里的名称");
  g_assert_true (jx_test_wait_for (has_drafts, store, 10000));
  id = g_strdup (jx_document_session_get_draft_id (session));
  g_assert_nonnull (id);

  /* An instance that did not end cleanly left it: another one finds it
   * and takes it over (which drafts are leftovers is the store's own
   * business, tested with it). */
  g_clear_object (&session);
  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
  g_object_unref (store);
  /* Gone, with its lock, once its last write has reported back. */
  g_assert_true (jx_test_wait_for (is_null, &store, 30000));
  other = jx_draft_store_new (drafts_dir);
  list = jx_draft_store_list (other, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  restored = jx_document_session_new (other);
  jx_document_session_restore_draft (restored, id, &error);
  g_assert_no_error (error);
  g_assert_true (jx_document_session_get_modified (restored));
  g_assert_true (g_file_equal (jx_document_session_get_file (restored), f->file));
  g_assert_cmpstr (jx_project_get_name (project_at (restored, 1)), ==, "草稿里的名称");

  g_assert_true (save_and_wait (restored, NULL, NULL));
  g_assert_true (jx_test_wait_for (has_no_drafts, other, 10000));
  ours = jx_document_to_data (jx_document_session_get_document (restored), NULL);
  theirs = jx_test_read_file (f->path, NULL);
  g_assert_cmpstr (ours, ==, theirs);
}

/* The review follows the session's document. */
static void
test_review (Fixture *f, gconstpointer data)
{
  JxReview *review = jx_document_session_get_review (f->session);
  g_autoptr(GPtrArray) findings = NULL;
  guint errors, warnings, hints;
  guint e, w, h;

  g_assert_true (jx_document_session_load (f->session, f->file, NULL));
  findings = jx_checks_run (jx_document_session_get_document (f->session));
  jx_checks_count (findings, &errors, &warnings, &hints);
  jx_review_count (review, &e, &w, &h);
  g_assert_true (jx_review_get_document (review) == jx_document_session_get_document (f->session));
  g_assert_cmpuint (g_list_model_get_n_items (jx_review_get_findings (review)), ==, findings->len);
  g_assert_cmpuint (e, ==, errors);
  g_assert_cmpuint (w, ==, warnings);
  g_assert_cmpuint (h, ==, hints);
}

/* A file read ahead (named on the command line, read while GTK starts)
 * opens as if read then, with an undo history that follows it; a file
 * changed since is read again, and one that does not load fails alike. */
static void
test_read_ahead (Fixture *f, gconstpointer data)
{
  g_autofree char *broken = jx_test_source_path ("tests/fixtures/broken/amount-negative.json");
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = jx_test_read_file (f->path, NULL);
  g_autofree char *renamed = NULL;
  g_auto(GStrv) parts = NULL;
  JxDocument *before;

  jx_document_session_read_ahead (f->file);
  g_assert_true (jx_document_session_load (f->session, f->file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (jx_document_session_get_file (f->session), f->file));
  g_assert_cmpuint (g_list_model_get_n_items (jx_document_get_projects (jx_document_session_get_document (f->session))),
                    ==, 7);
  g_assert_true (jx_undo_stack_get_document (jx_document_session_get_undo (f->session)) ==
                 jx_document_session_get_document (f->session));
  g_assert_false (jx_document_session_get_modified (f->session));
  jx_project_set_name (project_at (f->session, 0), "改过的名称");
  g_assert_true (jx_document_session_get_modified (f->session));
  g_assert_true (jx_undo_stack_undo (jx_document_session_get_undo (f->session)));
  g_assert_cmpstr (jx_project_get_name (project_at (f->session, 0)), !=, "改过的名称");
  g_assert_false (jx_document_session_get_modified (f->session));

  /* A broken file: the same refusal, and the open document stays. */
  before = jx_document_session_get_document (f->session);
  jx_document_session_read_ahead (broken_file);
  g_assert_false (jx_document_session_load (f->session, broken_file, &error));
  g_assert_error (error, JX_DOCUMENT_ERROR, JX_DOCUMENT_ERROR_CONTENT);
  g_clear_error (&error);
  g_assert_true (jx_document_session_get_document (f->session) == before);

  /* Changed on disk after the reading began: what is opened is the new text. */
  jx_document_session_read_ahead (f->file);
  parts = g_strsplit (text, "遵化市人民代表大会常务委员会", 2);
  g_assert_nonnull (parts[1]);
  renamed = g_strconcat (parts[0], "遵化市人大常委会办公室", parts[1], NULL);
  g_assert_true (g_file_set_contents (f->path, renamed, -1, NULL));
  g_assert_true (jx_document_session_load (f->session, f->file, &error));
  g_assert_no_error (error);
  g_assert_true (jx_document_session_get_document (f->session) != before);
  g_assert_cmpstr (jx_department_get_name (jx_document_get_department (jx_document_session_get_document (f->session))),
                   ==, "遵化市人大常委会办公室");

  /* One nobody opened is let go. */
  jx_document_session_read_ahead (f->file);
  jx_document_session_drop_read_aheads ();
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/session/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("new", test_new);
  ADD ("modified-follows-undo", test_modified_follows_undo);
  ADD ("load", test_load);
  ADD ("save", test_save);
  ADD ("edit-during-save", test_edit_during_save);
  ADD ("failed-save", test_failed_save);
  ADD ("save-without-file", test_save_without_file);
  ADD ("changed-on-disk", test_changed_on_disk);
  ADD ("drafts", test_drafts);
  ADD ("review", test_review);
  ADD ("read-ahead", test_read_ahead);
#undef ADD
  return g_test_run ();
}
