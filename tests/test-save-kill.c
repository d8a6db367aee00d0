/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A save killed with SIGKILL at any moment leaves the file with either the
 * bytes it had before or the bytes of the new version, never anything else.
 *
 * A child process saves a large document over and over, cycling through
 * three versions, and reports each finished save through a pipe. The parent
 * kills it and compares the file with the versions: after n finished saves
 * it must hold version n or, if the kill came between the rename and the
 * report, version n + 1. Every other kill comes at a random moment of the
 * child's life; the others are aimed at the write itself: a random moment
 * after the save's temporary file appears, within the time a write takes.
 * The moments come from the test's random seed (run with --seed=… to replay
 * a run) and the number of kills is fixed, so the test is bounded. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <poll.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jx-document-io.h"
#include "jx-file.h"
#include "jx-test-utils.h"

#define N_KILLS    120
#define N_VERSIONS 3
/* About 1.6 MB written, a large department's document. */
#define N_PROJECTS 300

typedef struct
{
  JxDocument *documents[N_VERSIONS];
  char       *texts[N_VERSIONS];
  gsize       lengths[N_VERSIONS];
  char       *dir;
  char       *path;
  int         watch;     /* inotify: files created in dir */
} Fixture;

/* Copies of the example's projects with codes of their own; each version
 * has a different number of them, so a mix of two versions cannot pass
 * for either. */
static JxDocument *
large_document (guint version)
{
  JxDocument *doc = jx_test_load_example ();
  GListStore *projects = G_LIST_STORE (jx_document_get_projects (doc));
  guint n_example = g_list_model_get_n_items (G_LIST_MODEL (projects));
  guint n = N_PROJECTS + version * 7;

  for (guint i = n_example; i < n; i++)
    {
      g_autoptr(JxProject) project = jx_project_copy (jx_test_project_at (doc, i % n_example));
      g_autofree char *code = g_strdup_printf ("13028124K%u%06u", version, i);

      jx_project_set_code (project, code);
      g_list_store_append (projects, project);
    }
  jx_document_set_title (doc, version == 0 ? "原有版本" : "修改后的版本");
  return doc;
}

static void
fixture_init (Fixture *f)
{
  f->dir = jx_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "部门预算绩效.jixiao.json", NULL);
  f->watch = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  g_assert_cmpint (f->watch, >=, 0);
  g_assert_cmpint (inotify_add_watch (f->watch, f->dir, IN_CREATE), >=, 0);
  for (guint v = 0; v < N_VERSIONS; v++)
    {
      g_autoptr(JxDocument) reloaded = NULL;
      g_autoptr(GError) error = NULL;

      f->documents[v] = large_document (v);
      f->texts[v] = jx_document_to_data (f->documents[v], &f->lengths[v]);
      /* A file equal to one of these texts therefore also loads. */
      reloaded = jx_document_load_data (f->texts[v], f->lengths[v], &error);
      g_assert_no_error (error);
      g_assert_nonnull (reloaded);
    }
}

static void
fixture_clear (Fixture *f)
{
  for (guint v = 0; v < N_VERSIONS; v++)
    {
      g_clear_object (&f->documents[v]);
      g_free (f->texts[v]);
    }
  close (f->watch);
  jx_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Never returns: saves version first, first + 1, … until it is killed. */
static void G_GNUC_NORETURN
run_saver (Fixture *f, guint first, int report_fd)
{
  /* Never outlive the test, whatever happens to it. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  alarm (60);
  for (guint i = first;; i++)
    {
      g_autoptr(GError) error = NULL;
      char done = 's';

      if (!jx_document_save_file (f->documents[i % N_VERSIONS], f->path, &error))
        {
          g_printerr ("save failed: %s\n", error->message);
          done = 'e';
        }
      if (write (report_fd, &done, 1) != 1 || done == 'e')
        _exit (1);
    }
}

static guint
read_reports (int fd, gboolean *failed)
{
  guint n = 0;
  char buffer[256];
  gssize got;

  while ((got = read (fd, buffer, sizeof buffer)) != 0)
    {
      if (got < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (got, >, 0);
      for (gssize i = 0; i < got; i++)
        {
          n += buffer[i] == 's';
          *failed = *failed || buffer[i] == 'e';
        }
    }
  return n;
}

static gboolean
file_is_version (Fixture *f, const char *data, gsize length, guint version)
{
  version %= N_VERSIONS;
  return length == f->lengths[version] && memcmp (data, f->texts[version], length) == 0;
}

/* Temporary files of interrupted saves: every entry but the document. */
static guint
remove_leftovers (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      if (g_strcmp0 (path, f->path) == 0)
        continue;
      g_assert_cmpint (g_unlink (path), ==, 0);
      n++;
    }
  return n;
}

/* How long a whole save and its file writing alone take here (µs), to
 * spread the kills over them. */
static void
time_one_save (Fixture *f, gint64 *save_time, gint64 *write_time)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (jx_document_save_file (f->documents[0], f->path, &error));
  g_assert_no_error (error);
  *save_time = MAX (g_get_monotonic_time () - start, 1000);
  start = g_get_monotonic_time ();
  g_assert_true (jx_file_replace_contents (f->path, f->texts[0], f->lengths[0], &error));
  g_assert_no_error (error);
  *write_time = MAX (g_get_monotonic_time () - start, 100);
}

static gboolean
drain_watch (Fixture *f, gboolean want_temp)
{
  g_autofree char *document = g_path_get_basename (f->path);
  char buffer[4096] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  gssize got;

  while ((got = read (f->watch, buffer, sizeof buffer)) > 0)
    for (char *p = buffer; p < buffer + got;)
      {
        const struct inotify_event *event = (const struct inotify_event *) p;

        if (want_temp && event->len > 0 && strcmp (event->name, document) != 0)
          return TRUE;
        p += sizeof *event + event->len;
      }
  g_assert_true (got < 0 && errno == EAGAIN);
  return FALSE;
}

/* Waits for the condition "a save has created its temporary file". */
static void
wait_for_temp_file (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!drain_watch (f, TRUE))
    {
      struct pollfd pfd = { f->watch, POLLIN, 0 };
      int timeout = (int) ((deadline - g_get_monotonic_time ()) / 1000);

      if (timeout <= 0 || poll (&pfd, 1, timeout) == 0)
        g_error ("no save created its temporary file within 30 s");
    }
}

static void
test_killed_saves (void)
{
  Fixture f = { 0 };
  guint on_disk = 0, saves = 0, interrupted = 0, new_version = 0;
  gint64 save_time, write_time;

  fixture_init (&f);
  time_one_save (&f, &save_time, &write_time);
  g_test_message ("one save of %zu bytes takes %.1f ms, writing the file %.1f ms",
                  f.lengths[0], save_time / 1000.0, write_time / 1000.0);

  for (guint k = 0; k < N_KILLS; k++)
    {
      gboolean aimed = k % 2 == 1;
      /* From the fork to two saves later, or within one write. */
      gint64 span = aimed ? write_time : 2 * save_time;
      gint64 delay = g_test_rand_int_range (0, (gint32) MIN (span, G_MAXINT32));
      g_autofree char *data = NULL;
      gboolean failed = FALSE;
      int fds[2];
      gsize length;
      guint n, before = on_disk;
      pid_t pid;
      int status;

      drain_watch (&f, FALSE);
      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          run_saver (&f, on_disk + 1, fds[1]);
        }
      close (fds[1]);
      if (aimed)
        wait_for_temp_file (&f);
      /* The random moment is the input of the test, not a wait for
       * something: what follows holds whenever the kill lands. */
      g_usleep ((gulong) delay);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      n = read_reports (fds[0], &failed);
      close (fds[0]);
      g_assert_false (failed);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      g_assert_true (g_file_get_contents (f.path, &data, &length, NULL));
      if (file_is_version (&f, data, length, on_disk + n))
        on_disk += n;
      else if (file_is_version (&f, data, length, on_disk + n + 1))
        on_disk += n + 1;
      else
        g_error ("after kill %u (%s, %u saves finished, %.1f ms) the file is %zu bytes and "
                 "neither the old nor the new version", k + 1,
                 aimed ? "aimed at a write" : "at random", n, delay / 1000.0, length);
      new_version += on_disk != before;
      saves += n;
      interrupted += remove_leftovers (&f) > 0;
    }

  g_test_message ("%u kills: %u saves finished, %u kills left a new version, "
                  "%u interrupted a save half-written", N_KILLS, saves, new_version, interrupted);
  /* Not vacuous: some kills came after a save was renamed into place and
   * some while one was being written. */
  g_assert_cmpuint (new_version, >, 0);
  g_assert_cmpuint (interrupted, >, 0);
  fixture_clear (&f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/save/killed-at-random-moments", test_killed_saves);
  return g_test_run ();
}
