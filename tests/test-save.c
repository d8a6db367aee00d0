/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <pwd.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jx-document-io.h"
#include "jx-test-utils.h"

static JxDocument *
load_example (void)
{
  g_autofree char *path = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  g_autoptr(GError) error = NULL;
  JxDocument *document = jx_document_load_file (path, &error);

  g_assert_no_error (error);
  return document;
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

static void
test_save_new_and_replace (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "部门.jixiao.json", NULL);
  g_autoptr(JxDocument) doc = load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = jx_document_to_data (doc, NULL);
  g_autofree char *written = NULL;
  struct stat st;
  mode_t mask = umask (022);

  g_assert_true (jx_document_save_file (doc, path, &error));
  g_assert_no_error (error);
  written = jx_test_read_file (path, NULL);
  g_assert_cmpstr (written, ==, expected);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);

  /* Replacing keeps the file's own mode and leaves no temporary file. */
  g_chmod (path, 0600);
  jx_project_set_name (g_list_model_get_item (jx_document_get_projects (doc), 0), "改名");
  g_object_unref (g_list_model_get_item (jx_document_get_projects (doc), 0));
  g_assert_true (jx_document_save_file (doc, path, &error));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_free (written);
  written = jx_test_read_file (path, NULL);
  g_assert_nonnull (strstr (written, "\"name\": \"改名\""));

  umask (mask);
  jx_test_remove_tree (dir);
}

static void
test_save_through_symlink (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *target = g_build_filename (dir, "real.json", NULL);
  g_autofree char *link = g_build_filename (dir, "link.json", NULL);
  g_autoptr(JxDocument) doc = load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.json", link), ==, 0);
  g_assert_true (jx_document_save_file (doc, link, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  written = jx_test_read_file (target, NULL);
  g_assert_true (g_str_has_prefix (written, "{\n  \"format\""));
  jx_test_remove_tree (dir);
}

static void
test_save_onto_directory (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autoptr(JxDocument) doc = load_example ();
  g_autoptr(GError) error = NULL;

  g_assert_false (jx_document_save_file (doc, dir, &error));
  g_assert_nonnull (error);
  jx_test_remove_tree (dir);
}

/* The failing saves run in a child: one that may not write to the folder
 * (root ignores permissions, so a root run drops to "nobody"), and one
 * whose file size limit stops the write half-way. The parent then checks
 * that the old file is whole and nothing was left behind. */

static const char *OLD_TEXT = "{ \"the old file\": true }\n";

static char *
prepare_folder (void)
{
  g_autofree char *dir = jx_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "doc.json", NULL);

  g_assert_true (g_file_set_contents (path, OLD_TEXT, -1, NULL));
  g_chmod (dir, 0755);
  g_setenv ("JX_TEST_SAVE_PATH", path, TRUE);
  return g_steal_pointer (&dir);
}

static void
assert_old_file_intact (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "doc.json", NULL);
  g_autofree char *text = jx_test_read_file (path, NULL);

  g_assert_cmpstr (text, ==, OLD_TEXT);
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

static void
child_save_and_report (void)
{
  g_autoptr(JxDocument) doc = load_example ();
  g_autoptr(GError) error = NULL;

  if (jx_document_save_file (doc, g_getenv ("JX_TEST_SAVE_PATH"), &error))
    {
      g_printerr ("the save succeeded where it must fail\n");
      exit (3);
    }
  g_printerr ("save failed as expected: %s\n", error->message);
  exit (error->domain == G_IO_ERROR ? 0 : 4);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = NULL;

  if (g_test_subprocess ())
    {
      if (geteuid () == 0)
        {
          struct passwd *nobody = getpwnam ("nobody");
          g_assert_nonnull (nobody);
          g_assert_cmpint (setgid (nobody->pw_gid), ==, 0);
          g_assert_cmpint (setuid (nobody->pw_uid), ==, 0);
        }
      child_save_and_report ();
      return;
    }

  dir = prepare_folder ();
  if (geteuid () != 0)
    g_chmod (dir, 0555);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*save failed as expected*");
  g_chmod (dir, 0755);
  assert_old_file_intact (dir);
  jx_test_remove_tree (dir);
}

static void
test_file_size_limit (void)
{
  g_autofree char *dir = NULL;

  if (g_test_subprocess ())
    {
      struct rlimit limit = { 4096, 4096 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      child_save_and_report ();
      return;
    }

  dir = prepare_folder ();
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*save failed as expected*");
  assert_old_file_intact (dir);
  jx_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/save/new-and-replace", test_save_new_and_replace);
  g_test_add_func ("/save/through-symlink", test_save_through_symlink);
  g_test_add_func ("/save/onto-directory", test_save_onto_directory);
  g_test_add_func ("/save/read-only-folder", test_read_only_folder);
  g_test_add_func ("/save/file-size-limit", test_file_size_limit);
  return g_test_run ();
}
