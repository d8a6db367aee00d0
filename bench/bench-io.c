/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-io generate FILE [N] [unique] — writes a document of N projects
 *                               (2,000); with "unique" no text repeats
 *                               from project to project
 * bench-io load FILE [RUNS]   — times loading into the model and saving,
 *                               prints the best and median, and peak memory */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "jx-bench-utils.h"
#include "jx-document-io.h"

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
report (const char *what, double *times, guint runs)
{
  qsort (times, runs, sizeof (double), compare_doubles);
  g_print ("%-28s best %8.1f ms   median %8.1f ms\n", what, times[0], times[runs / 2]);
}

static int
generate (const char *path, guint n, gboolean unique)
{
  g_autoptr(JxDocument) doc = jx_bench_large_document (n);
  g_autoptr(GError) error = NULL;

  if (unique)
    jx_bench_unique_texts (doc);
  if (!jx_document_save_file (doc, path, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

static int
load (const char *path, guint runs)
{
  g_autofree double *load_times = g_new (double, runs);
  g_autofree double *save_times = g_new (double, runs);
  g_autofree char *tmp = g_strconcat (path, ".saved", NULL);
  struct rusage usage;
  gsize size = 0;

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JxDocument) doc = NULL;
      double t0 = jx_bench_now_ms ();

      doc = jx_document_load_file (path, &error);
      if (doc == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      load_times[i] = jx_bench_now_ms () - t0;
      size = g_list_model_get_n_items (jx_document_get_projects (doc));

      t0 = jx_bench_now_ms ();
      if (!jx_document_save_file (doc, tmp, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      save_times[i] = jx_bench_now_ms () - t0;
    }
  remove (tmp);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("projects in the document     %zu\n", size);
  report ("load into the model", load_times, runs);
  report ("save (write, fsync, rename)", save_times, runs);
  g_print ("peak memory                  %.1f MB\n", usage.ru_maxrss / 1024.0);
  g_print ("load-best-ms %.3f\n", load_times[0]);
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc >= 3 && strcmp (argv[1], "generate") == 0)
    return generate (argv[2], argc > 3 ? (guint) atoi (argv[3]) : 2000,
                     argc > 4 && strcmp (argv[4], "unique") == 0);
  if (argc >= 3 && strcmp (argv[1], "load") == 0)
    return load (argv[2], argc > 3 ? (guint) atoi (argv[3]) : 5);
  g_printerr ("usage: bench-io generate FILE [N] [unique] | load FILE [RUNS]\n");
  return 2;
}
