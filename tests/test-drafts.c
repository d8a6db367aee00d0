/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jx-document-io.h"
#include "jx-drafts.h"
#include "jx-test-utils.h"

#define EDITED_NAME "崩溃前刚改的项目名称"

static char *self_exe;

static JxProject *
first_project (JxDocument *document)
{
  g_autoptr(JxProject) project = g_list_model_get_item (jx_document_get_projects (document), 0);
  return project;   /* the list keeps it */
}

static const JxDraftInfo *
find_draft (GPtrArray *drafts, const char *id)
{
  for (guint i = 0; i < drafts->len; i++)
    {
      const JxDraftInfo *info = g_ptr_array_index (drafts, i);

      if (strcmp (info->id, id) == 0)
        return info;
    }
  return NULL;
}

static void
test_save_list_load_delete (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *drafts_dir = g_build_filename (dir, "jixiao", "drafts", NULL);
  g_autoptr(JxDraftStore) store = jx_draft_store_new (drafts_dir);
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxDocument) blank = jx_document_new ();
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = jx_draft_store_new_id (store);
  g_autofree char *other = jx_draft_store_new_id (store);
  const JxDraftInfo *info;

  g_assert_cmpstr (id, !=, other);
  drafts = jx_draft_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 0);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  g_assert_true (jx_draft_store_save (store, id, "/home/clerk/预算/2024.json", document, &error));
  g_assert_no_error (error);
  g_usleep (2000);
  jx_department_set_name (jx_document_get_department (blank), "新部门");
  g_assert_true (jx_draft_store_save (store, other, NULL, blank, &error));
  g_assert_no_error (error);

  drafts = jx_draft_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 2);
  /* Newest first. */
  info = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (info->id, ==, other);
  g_assert_null (info->original_path);
  g_assert_cmpstr (info->department, ==, "新部门");
  g_assert_cmpuint (info->project_count, ==, 0);
  g_assert_true (info->live);
  info = g_ptr_array_index (drafts, 1);
  g_assert_cmpstr (info->id, ==, id);
  g_assert_cmpstr (info->original_path, ==, "/home/clerk/预算/2024.json");
  g_assert_cmpstr (info->department, ==, jx_department_get_name (jx_document_get_department (document)));
  g_assert_cmpuint (info->project_count, ==,
                    g_list_model_get_n_items (jx_document_get_projects (document)));
  g_assert_true (info->live);
  g_assert_cmpint (g_date_time_compare (info->time, ((JxDraftInfo *) g_ptr_array_index (drafts, 0))->time), <, 0);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* The draft is the document, byte for byte. */
  {
    g_autofree char *original_path = NULL;
    g_autoptr(JxDocument) loaded = jx_draft_store_load (store, id, &original_path, &error);
    g_autofree char *want = jx_document_to_data (document, NULL);
    g_autofree char *got = NULL;

    g_assert_no_error (error);
    got = jx_document_to_data (loaded, NULL);
    g_assert_cmpstr (got, ==, want);
    g_assert_cmpstr (original_path, ==, "/home/clerk/预算/2024.json");
  }

  /* A later save replaces the draft. */
  jx_project_set_name (first_project (document), EDITED_NAME);
  g_assert_true (jx_draft_store_save (store, id, "/home/clerk/预算/2024.json", document, &error));
  {
    g_autoptr(JxDocument) loaded = jx_draft_store_load (store, id, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (jx_project_get_name (first_project (loaded)), ==, EDITED_NAME);
  }

  g_assert_true (jx_draft_store_delete (store, id, &error));
  g_assert_no_error (error);
  g_assert_true (jx_draft_store_delete (store, id, &error));
  g_assert_no_error (error);
  drafts = jx_draft_store_list (store, &error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_null (find_draft (drafts, id));
  g_assert_null (jx_draft_store_load (store, id, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);

  jx_test_remove_tree (dir);
}

static void
test_default_dir (void)
{
  g_autoptr(JxDraftStore) store = jx_draft_store_new (NULL);
  g_autofree char *want = g_build_filename (g_get_user_data_dir (), "jixiao", "drafts", NULL);

  g_assert_cmpstr (jx_draft_store_get_dir (store), ==, want);
}

static void
save_finished_cb (JxDraftStore *store, const char *id, const GError *error, guint *finished)
{
  g_assert_no_error (error);
  (*finished)++;
}

static void
test_schedule (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autoptr(JxDraftStore) store = jx_draft_store_new (dir);
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = jx_draft_store_new_id (store);
  g_autofree char *gone = jx_draft_store_new_id (store);
  guint finished = 0;

  g_signal_connect (store, "save-finished", G_CALLBACK (save_finished_cb), &finished);
  jx_draft_store_schedule (store, id, NULL, document, 50);
  jx_draft_store_schedule (store, gone, NULL, document, 50);
  jx_draft_store_cancel (store, gone);
  jx_project_set_name (first_project (document), "第一次");
  jx_draft_store_schedule (store, id, NULL, document, 50);
  jx_project_set_name (first_project (document), EDITED_NAME);
  /* Nothing is written before the delay runs out. */
  {
    g_autoptr(GPtrArray) drafts = jx_draft_store_list (store, &error);
    g_assert_cmpuint (drafts->len, ==, 0);
  }

  while (finished == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (finished, ==, 1);
  {
    g_autoptr(GPtrArray) drafts = jx_draft_store_list (store, &error);
    g_autoptr(JxDocument) loaded = jx_draft_store_load (store, id, NULL, &error);

    g_assert_cmpuint (drafts->len, ==, 1);
    g_assert_nonnull (find_draft (drafts, id));
    g_assert_no_error (error);
    /* Serialised when the timer fired, so the last edit is in. */
    g_assert_cmpstr (jx_project_get_name (first_project (loaded)), ==, EDITED_NAME);
  }

  /* A delete right after scheduling wins over the pending write. */
  jx_draft_store_schedule (store, id, NULL, document, 10);
  g_assert_true (jx_draft_store_delete (store, id, &error));
  g_usleep (50000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  {
    g_autoptr(GPtrArray) drafts = jx_draft_store_list (store, &error);
    g_assert_cmpuint (drafts->len, ==, 0);
  }
  jx_test_remove_tree (dir);
}

static void
test_bad_dir (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *file = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *inside = g_build_filename (file, "drafts", NULL);
  g_autoptr(JxDraftStore) store = NULL;
  g_autoptr(JxDocument) document = jx_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  store = jx_draft_store_new (inside);
  id = jx_draft_store_new_id (store);
  g_assert_false (jx_draft_store_save (store, id, NULL, document, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "not-a-folder"));
  jx_test_remove_tree (dir);
}

static guint
count_locks (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_suffix (name, ".lock");
  return n;
}

/* The child: open the example, edit it, let the draft be written as the
 * window does (scheduled), say so, and wait to be killed. */
G_GNUC_NORETURN static void
run_child (const char *dir)
{
  g_autoptr(JxDraftStore) store = jx_draft_store_new (dir);
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autofree char *id = jx_draft_store_new_id (store);
  g_autofree char *path = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  guint finished = 0;

  g_signal_connect (store, "save-finished", G_CALLBACK (save_finished_cb), &finished);
  jx_project_set_name (first_project (document), EDITED_NAME);
  jx_draft_store_schedule (store, id, path, document, 20);
  while (finished == 0)
    g_main_context_iteration (NULL, TRUE);
  g_print ("%s\n", id);
  fflush (stdout);
  /* Never outlive a parent that failed before it could kill us. */
  alarm (60);
  for (;;)
    pause ();
}

static void
test_crash_recovery (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *example = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  const char *argv[] = { self_exe, "--draft-child", dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) out = NULL;
  g_autofree char *line = NULL;
  g_autoptr(JxDraftStore) store = NULL;
  GPid pid;
  int out_fd;
  int status;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  out = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (out, TRUE);
  g_assert_cmpint (g_io_channel_read_line (out, &line, NULL, NULL, &error), ==, G_IO_STATUS_NORMAL);
  g_strchomp (line);

  store = jx_draft_store_new (dir);
  /* While the child runs, its draft is not a leftover. */
  {
    g_autoptr(GPtrArray) drafts = jx_draft_store_list (store, &error);
    const JxDraftInfo *info;

    g_assert_no_error (error);
    g_assert_cmpuint (drafts->len, ==, 1);
    info = find_draft (drafts, line);
    g_assert_nonnull (info);
    g_assert_true (info->live);
  }

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  g_spawn_close_pid (pid);

  /* The next start finds the leftover and gets the edit back. */
  {
    g_autoptr(GPtrArray) drafts = jx_draft_store_list (store, &error);
    const JxDraftInfo *info;
    g_autoptr(JxDocument) restored = NULL;
    g_autofree char *original_path = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (drafts->len, ==, 1);
    info = find_draft (drafts, line);
    g_assert_nonnull (info);
    g_assert_false (info->live);
    g_assert_cmpstr (info->original_path, ==, example);
    restored = jx_draft_store_load (store, info->id, &original_path, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (original_path, ==, example);
    g_assert_cmpstr (jx_project_get_name (first_project (restored)), ==, EDITED_NAME);

    /* The dead instance's lock file went with that first look, though
     * its draft is still there. */
    g_assert_cmpuint (count_locks (dir), ==, 0);
    g_assert_true (jx_draft_store_claim (store, info->id, &error));
    g_assert_no_error (error);
  }
  /* Claimed, it belongs to this instance now. */
  g_assert_cmpuint (count_locks (dir), ==, 1);
  {
    g_autoptr(GPtrArray) drafts = jx_draft_store_list (store, &error);

    g_assert_true (((JxDraftInfo *) g_ptr_array_index (drafts, 0))->live);
  }
  g_assert_cmpuint (count_locks (dir), ==, 1);
  g_clear_object (&store);
  g_assert_cmpuint (count_locks (dir), ==, 0);
  jx_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  if (argc == 3 && strcmp (argv[1], "--draft-child") == 0)
    run_child (argv[2]);

  self_exe = g_canonicalize_filename (argv[0], NULL);
  jx_test_isolate_xdg ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/drafts/save-list-load-delete", test_save_list_load_delete);
  g_test_add_func ("/drafts/default-dir", test_default_dir);
  g_test_add_func ("/drafts/schedule", test_schedule);
  g_test_add_func ("/drafts/bad-dir", test_bad_dir);
  g_test_add_func ("/drafts/crash-recovery", test_crash_recovery);
  return g_test_run ();
}
