/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "jx-drafts.h"
#include "jx-test-utils.h"

/* After a crash several windows may start at once: each leftover draft is
 * offered by exactly one of them, and what the dead instances left behind
 * (lock files) is cleaned up. */

#define N_LEFTOVERS 6
#define N_CLAIMERS  4

static char *self_exe;

static void
run (const char *dir, const char *mode, GPid *pid, int *in_fd, int *out_fd)
{
  const char *argv[] = { self_exe, mode, dir, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, pid, in_fd, out_fd, NULL, &error));
  g_assert_no_error (error);
}

static GPtrArray *
read_lines_until_end (int fd)
{
  g_autoptr(GIOChannel) channel = g_io_channel_unix_new (fd);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  char *line;

  while (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) == G_IO_STATUS_NORMAL)
    {
      g_strchomp (line);
      if (g_str_equal (line, "END"))
        {
          g_free (line);
          break;
        }
      g_ptr_array_add (lines, line);
    }
  return lines;
}

static void
wait_for (GPid pid, gboolean killed)
{
  int status;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (killed)
    g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  else
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_spawn_close_pid (pid);
}

/* An instance that wrote N_LEFTOVERS drafts and was killed. */
G_GNUC_NORETURN static void
leftover_child (const char *dir)
{
  g_autoptr(JxDraftStore) store = jx_draft_store_new (dir);
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autofree char *example = jx_test_source_path ("data/examples/zunhua-renda-2024.json");

  for (guint i = 0; i < N_LEFTOVERS; i++)
    {
      g_autofree char *id = jx_draft_store_new_id (store);

      if (!jx_draft_store_save (store, id, i == 0 ? example : NULL, document, NULL))
        _exit (1);
    }
  kill (getpid (), SIGKILL);
  _exit (2);
}

/* An instance starting up: waits for the word to go, claims, says what it
 * got, and lives on until its input closes. */
G_GNUC_NORETURN static void
claim_child (const char *dir)
{
  g_autoptr(JxDraftStore) store = jx_draft_store_new (dir);
  g_autoptr(GPtrArray) claimed = NULL;
  char go;

  if (read (STDIN_FILENO, &go, 1) != 1)
    _exit (1);
  claimed = jx_draft_store_claim_leftovers (store, NULL);
  if (claimed == NULL)
    _exit (1);
  for (guint i = 0; i < claimed->len; i++)
    printf ("%s\n", ((JxDraftInfo *) g_ptr_array_index (claimed, i))->id);
  printf ("END\n");
  fflush (stdout);
  while (read (STDIN_FILENO, &go, 1) > 0)
    ;
  g_clear_object (&store);
  _exit (0);
}

static guint
count_suffix (const char *path, const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_suffix (name, suffix);
  return n;
}

static char *
make_leftovers (void)
{
  char *dir = jx_test_make_tmpdir ();
  GPid pid;

  run (dir, "--leftover-child", &pid, NULL, NULL);
  wait_for (pid, TRUE);
  g_assert_cmpuint (count_suffix (dir, ".draft"), ==, N_LEFTOVERS);
  g_assert_cmpuint (count_suffix (dir, ".lock"), ==, 1);
  return dir;
}

static void
test_claimed_once (void)
{
  g_autofree char *dir = make_leftovers ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPid pids[N_CLAIMERS];
  int in[N_CLAIMERS], out[N_CLAIMERS];
  g_autoptr(JxDraftStore) store = jx_draft_store_new (dir);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_CLAIMERS; i++)
    run (dir, "--claim-child", &pids[i], &in[i], &out[i]);
  /* All at once, as windows restored by the session after a crash. */
  for (guint i = 0; i < N_CLAIMERS; i++)
    g_assert_cmpint (write (in[i], "g", 1), ==, 1);
  for (guint i = 0; i < N_CLAIMERS; i++)
    {
      g_autoptr(GPtrArray) ids = read_lines_until_end (out[i]);

      for (guint k = 0; k < ids->len; k++)
        if (!g_hash_table_add (seen, g_strdup (g_ptr_array_index (ids, k))))
          g_error ("draft %s was offered twice", (char *) g_ptr_array_index (ids, k));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, N_LEFTOVERS);
  /* The dead instance's lock is gone; each live claimer has its own. */
  g_assert_cmpuint (count_suffix (dir, ".lock"), ==, N_CLAIMERS);

  /* While the claimers run, a later window gets none of them. */
  again = jx_draft_store_claim_leftovers (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 0);
  g_clear_pointer (&again, g_ptr_array_unref);

  /* Claimers that end without restoring give their drafts back. */
  for (guint i = 0; i < N_CLAIMERS; i++)
    {
      close (in[i]);
      close (out[i]);
      wait_for (pids[i], FALSE);
    }
  again = jx_draft_store_claim_leftovers (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, N_LEFTOVERS);
  for (guint i = 0; i < again->len; i++)
    g_assert_true (((JxDraftInfo *) g_ptr_array_index (again, i))->live);
  g_assert_cmpuint (count_suffix (dir, ".lock"), ==, 1);
  g_clear_object (&store);
  jx_test_remove_tree (dir);
}

/* A draft another running instance has claimed cannot be taken. */
static void
test_claim_busy (void)
{
  g_autofree char *dir = make_leftovers ();
  g_autoptr(JxDraftStore) store = jx_draft_store_new (dir);
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GPid pid;
  int in, out;

  run (dir, "--claim-child", &pid, &in, &out);
  g_assert_cmpint (write (in, "g", 1), ==, 1);
  ids = read_lines_until_end (out);
  g_assert_cmpuint (ids->len, ==, N_LEFTOVERS);
  g_assert_false (jx_draft_store_claim (store, g_ptr_array_index (ids, 0), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  close (in);
  close (out);
  wait_for (pid, FALSE);
  g_clear_error (&error);
  g_assert_true (jx_draft_store_claim (store, g_ptr_array_index (ids, 0), &error));
  g_assert_no_error (error);
  /* Twice is fine. */
  g_assert_true (jx_draft_store_claim (store, g_ptr_array_index (ids, 0), &error));
  g_clear_object (&store);
  jx_test_remove_tree (dir);
}

/* Claiming keeps the time the changes were made. */
static void
test_claim_keeps_time (void)
{
  g_autofree char *dir = make_leftovers ();
  g_autoptr(JxDraftStore) store = jx_draft_store_new (dir);
  g_autoptr(GPtrArray) before = jx_draft_store_list (store, NULL);
  g_autoptr(GPtrArray) claimed = NULL;

  g_usleep (10 * 1000);
  claimed = jx_draft_store_claim_leftovers (store, NULL);
  g_assert_cmpuint (claimed->len, ==, before->len);
  for (guint i = 0; i < claimed->len; i++)
    {
      JxDraftInfo *a = g_ptr_array_index (before, i);
      JxDraftInfo *b = g_ptr_array_index (claimed, i);

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_true (g_date_time_equal (a->time, b->time));
    }
  g_clear_object (&store);
  jx_test_remove_tree (dir);
}

/* A lock file half made (its temp name) by an instance that died then. */
static void
test_stale_lock_temp (void)
{
  g_autofree char *dir = make_leftovers ();
  g_autofree char *old = g_build_filename (dir, ".lock-Ab12Cd", NULL);
  g_autofree char *fresh = g_build_filename (dir, ".lock-Zz99Yy", NULL);
  g_autoptr(JxDraftStore) store = jx_draft_store_new (dir);
  g_autoptr(GPtrArray) drafts = NULL;
  struct utimbuf times;

  g_assert_true (g_file_set_contents (old, "", 0, NULL));
  g_assert_true (g_file_set_contents (fresh, "", 0, NULL));
  times.actime = times.modtime = time (NULL) - 3600;
  g_assert_cmpint (g_utime (old, &times), ==, 0);
  drafts = jx_draft_store_list (store, NULL);
  g_assert_cmpuint (drafts->len, ==, N_LEFTOVERS);
  g_assert_false (g_file_test (old, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_suffix (dir, ".lock"), ==, 0);
  g_clear_object (&store);
  jx_test_remove_tree (dir);
}

static void
test_place (void)
{
  g_autofree char *home = jx_test_make_tmpdir ();
  g_autofree char *folder = g_build_filename (home, "文档", "2024", NULL);
  g_autofree char *file = g_build_filename (folder, "预算.json", NULL);
  g_autofree char *link = g_build_filename (home, "link.json", NULL);
  g_autofree char *elsewhere = g_build_filename (home, "其他.json", NULL);
  g_autofree char *described = NULL;
  g_autofree char *new_one = NULL;
  g_autofree char *outside = NULL;
  JxDraftInfo info = { 0, };

  g_setenv ("HOME", home, TRUE);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, "{}", -1, NULL));
  g_assert_true (g_file_set_contents (elsewhere, "{}", -1, NULL));
  g_assert_cmpint (symlink (file, link), ==, 0);

  info.original_path = file;
  described = jx_draft_info_describe_place (&info);
  g_assert_cmpstr (described, ==, "“预算.json” in ~/文档/2024");
  g_assert_true (jx_draft_info_is_of_file (&info, link));
  g_assert_true (jx_draft_info_is_of_file (&info, file));
  g_assert_false (jx_draft_info_is_of_file (&info, elsewhere));

  info.original_path = "/srv/共享/预算.json";
  outside = jx_draft_info_describe_place (&info);
  g_assert_cmpstr (outside, ==, "“预算.json” in /srv/共享");
  g_assert_true (jx_draft_info_is_of_file (&info, "/srv/共享/./预算.json"));

  info.original_path = NULL;
  new_one = jx_draft_info_describe_place (&info);
  g_assert_cmpstr (new_one, ==, "a new document");
  g_assert_false (jx_draft_info_is_of_file (&info, file));
  jx_test_remove_tree (home);
}

int
main (int argc, char **argv)
{
  if (argc == 3 && strcmp (argv[1], "--leftover-child") == 0)
    leftover_child (argv[2]);
  if (argc == 3 && strcmp (argv[1], "--claim-child") == 0)
    claim_child (argv[2]);

  self_exe = g_canonicalize_filename (argv[0], NULL);
  jx_test_isolate_xdg ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/drafts-claim/claimed-once", test_claimed_once);
  g_test_add_func ("/drafts-claim/busy", test_claim_busy);
  g_test_add_func ("/drafts-claim/keeps-time", test_claim_keeps_time);
  g_test_add_func ("/drafts-claim/stale-lock-temp", test_stale_lock_temp);
  g_test_add_func ("/drafts-claim/place", test_place);
  return g_test_run ();
}
