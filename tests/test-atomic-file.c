/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "jx-document-io.h"
#include "jx-file.h"
#include "jx-test-utils.h"

/* Saves and exports through the checked stream: what is left beside the
 * file after a crash goes away with the next save, a folder that cannot be
 * synced does not fail a save that happened, and a write that fails says
 * so with the target's name and the reason, leaving the old file whole. */

static const char *OLD_TEXT = "{ \"the old file\": true }\n";

static gboolean
exists (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static guint
count_entries (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static char *
write_file (const char *dir, const char *name, const char *text, gint64 age_seconds)
{
  char *path = g_build_filename (dir, name, NULL);
  struct utimbuf times;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  if (age_seconds > 0)
    {
      times.actime = times.modtime = time (NULL) - age_seconds;
      g_assert_cmpint (g_utime (path, &times), ==, 0);
    }
  return path;
}

/* Makes every file in dir as old as a crash a minute ago. */
static void
age_entries (const char *dir_path, gint64 age_seconds)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  struct utimbuf times;
  const char *name;

  times.actime = times.modtime = time (NULL) - age_seconds;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);

      g_assert_cmpint (g_utime (path, &times), ==, 0);
    }
}

/* A save killed between writing and renaming: the child writes its temp
 * file and dies without a word, as under kill -9. */
static void
leave_a_killed_save (const char *path, const char *data)
{
  pid_t pid = fork ();
  int status;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      JxAtomicFile *file = jx_atomic_file_new (path, JX_FILE_SAVE, NULL);

      if (file == NULL || !jx_atomic_file_write (file, data, strlen (data)))
        _exit (1);
      kill (getpid (), SIGKILL);
      _exit (2);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
}

static void
test_leftovers_removed (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "预算.json", NULL);
  g_autoptr(JxDocument) doc = jx_test_load_example ();
  g_autofree char *data = jx_document_to_data (doc, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *older = NULL, *foreign = NULL, *busy = NULL, *other = NULL, *empty = NULL;
  int busy_fd;

  g_assert_true (jx_document_save_file (doc, path, &error));
  leave_a_killed_save (path, data);
  g_assert_cmpuint (count_entries (dir), ==, 2);
  /* One of an older version of the program: not locked, the same start. */
  older = write_file (dir, ".预算.json.Ab12Cd", "{\n  \"format\": \"budget", 60);
  empty = write_file (dir, ".预算.json.000000", "", 60);
  /* A file of the clerk's own that happens to look like ours. */
  foreign = write_file (dir, ".预算.json.backup", "my own notes", 60);
  /* Another file's leftover. */
  other = write_file (dir, ".其他.json.Ab12Cd", "{\n  \"format\": \"budget", 60);
  /* A save still being written by another window holds its lock. */
  busy = write_file (dir, ".预算.json.Zz99Yy", "{\n  \"format\": \"budget", 60);
  busy_fd = g_open (busy, O_RDONLY, 0);
  g_assert_cmpint (flock (busy_fd, LOCK_EX), ==, 0);

  g_assert_true (jx_document_save_file (doc, path, &error));
  g_assert_no_error (error);

  g_assert_false (g_file_test (older, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (empty, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (foreign, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (busy, G_FILE_TEST_EXISTS));
  /* The killed save's temp file is gone: what is left is ours to keep. */
  g_assert_true (exists (dir, "预算.json"));
  g_assert_cmpuint (count_entries (dir), ==, 4);
  close (busy_fd);
  jx_test_remove_tree (dir);
}

/* A killed export of one document and the next export of another into the
 * same file: the two begin alike only as far as the signature ("%PDF-1.5"
 * and a binary comment), then each names its own first object. The
 * leftover is ours all the same and goes. */
static void
test_leftover_of_other_contents_removed (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "监控.pdf", NULL);
  static const char killed[] = "%PDF-1.5\n%\xb5\xed\xae\xfb\n9 0 obj\n<< /Length 10 0 R >>\n";
  static const char next[] = "%PDF-1.5\n%\xb5\xed\xae\xfb\n12 0 obj\n<< /Length 13 0 R >>\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  leave_a_killed_save (path, killed);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  age_entries (dir, 60);
  g_assert_true (jx_file_replace_contents_full (path, next, strlen (next), JX_FILE_EXPORT, NULL,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  text = jx_test_read_file (path, NULL);
  g_assert_cmpstr (text, ==, next);
  jx_test_remove_tree (dir);
}

/* A leftover newer than the running save may be another save's, just
 * begun: it stays. */
static void
test_newer_temp_kept (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "doc.json", NULL);
  g_autofree char *newer = NULL;
  g_autoptr(GError) error = NULL;
  struct utimbuf times;

  newer = write_file (dir, ".doc.json.Ab12Cd", "{\n  \"format\"", 0);
  times.actime = times.modtime = time (NULL) + 3600;
  g_assert_cmpint (g_utime (newer, &times), ==, 0);
  g_assert_true (jx_file_replace_contents (path, "{\n  \"format\": 1 }\n", 18, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (newer, G_FILE_TEST_EXISTS));
  jx_test_remove_tree (dir);
}

static void
drop_root (void)
{
  struct passwd *nobody;

  if (geteuid () != 0)
    return;
  nobody = getpwnam ("nobody");
  g_assert_nonnull (nobody);
  g_assert_cmpint (setgid (nobody->pw_gid), ==, 0);
  g_assert_cmpint (setuid (nobody->pw_uid), ==, 0);
}

/* A folder the user may write but not list (mode 0333: no read): the
 * directory cannot be opened to sync it after the rename. The save has
 * happened all the same, so it succeeds with a note. */
static void
test_unlistable_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *note = NULL;
      const char *target = g_getenv ("JX_TEST_SAVE_PATH");

      drop_root ();
      if (!jx_file_replace_contents_full (target, "new\n", 4, JX_FILE_SAVE, &note, &error))
        {
          fprintf (stderr, "the save failed: %s\n", error->message);
          exit (3);
        }
      fprintf (stderr, "saved; note: %s\n", note != NULL ? note : "(none)");
      exit (note != NULL ? 0 : 4);
    }

  dir = jx_test_make_tmpdir ();
  path = write_file (dir, "doc.json", OLD_TEXT, 0);
  g_chmod (path, 0666);
  g_chmod (dir, 0333);
  g_setenv ("JX_TEST_SAVE_PATH", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_chmod (dir, 0755);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*saved; note:*could not be flushed*");
  text = jx_test_read_file (path, NULL);
  g_assert_cmpstr (text, ==, "new\n");
  jx_test_remove_tree (dir);
}

/* An export under a file size limit fails naming the target, never the
 * temp file, with the reason; the old file stays byte for byte. */
static void
test_export_too_large (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (g_test_subprocess ())
    {
      struct rlimit limit = { 4096, 4096 };
      g_autoptr(GError) error = NULL;
      g_autofree char *big = g_malloc0 (64 * 1024);
      JxAtomicFile *file;

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      file = jx_atomic_file_new (g_getenv ("JX_TEST_SAVE_PATH"), JX_FILE_EXPORT, &error);
      g_assert_nonnull (file);
      g_assert_false (jx_atomic_file_write (file, big, 64 * 1024));
      /* Later writes do not pretend to work. */
      g_assert_false (jx_atomic_file_write (file, "x", 1));
      g_assert_false (jx_atomic_file_commit (file, NULL, &error));
      fprintf (stderr, "%s\n", error->message);
      /* Freed before exit (), which the auto-cleanups do not see, so that
       * the test passes under LeakSanitizer too. */
      g_clear_pointer (&big, g_free);
      exit (error->domain == G_IO_ERROR ? 0 : 4);
    }

  dir = jx_test_make_tmpdir ();
  path = write_file (dir, "报告.pdf", OLD_TEXT, 0);
  g_setenv ("JX_TEST_SAVE_PATH", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("Could not write “*报告.pdf”: File too large*");
  g_test_trap_assert_stderr_unmatched ("*.报告.pdf.*");
  text = jx_test_read_file (path, NULL);
  g_assert_cmpstr (text, ==, OLD_TEXT);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  jx_test_remove_tree (dir);
}

static void
test_abort (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = write_file (dir, "doc.json", OLD_TEXT, 0);
  g_autofree char *text = NULL;
  JxAtomicFile *file = jx_atomic_file_new (path, JX_FILE_SAVE, NULL);

  g_assert_true (jx_atomic_file_write (file, "half", 4));
  g_assert_cmpuint (count_entries (dir), ==, 2);
  jx_atomic_file_abort (file);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  text = jx_test_read_file (path, NULL);
  g_assert_cmpstr (text, ==, OLD_TEXT);
  jx_test_remove_tree (dir);
}

static void
test_not_a_file (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) folder_error = NULL;

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_null (jx_atomic_file_new (fifo, JX_FILE_EXPORT, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "pipe.pdf"));
  g_assert_null (jx_atomic_file_new (dir, JX_FILE_SAVE, &folder_error));
  g_assert_error (folder_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  jx_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/atomic-file/leftovers-removed", test_leftovers_removed);
  g_test_add_func ("/atomic-file/leftover-of-other-contents-removed",
                   test_leftover_of_other_contents_removed);
  g_test_add_func ("/atomic-file/newer-temp-kept", test_newer_temp_kept);
  g_test_add_func ("/atomic-file/unlistable-folder", test_unlistable_folder);
  g_test_add_func ("/atomic-file/export-too-large", test_export_too_large);
  g_test_add_func ("/atomic-file/abort", test_abort);
  g_test_add_func ("/atomic-file/not-a-file", test_not_a_file);
  return g_test_run ();
}
