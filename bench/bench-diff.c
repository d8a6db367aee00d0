/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <time.h>

#include "jx-bench-utils.h"
#include "jx-diff.h"
#include "jx-document-io.h"
#include "jx-indicator.h"
#include "jx-roll-forward.h"
#include "jx-text-item.h"

/* Comparing two versions of a large document against the yardstick of
 * loading both files, measured in the same run: the comparison should
 * stay within 2× of the loading, and grow linearly with the document.
 * The versions differ as a returned draft does: every tenth project has a
 * changed value, every 25th a new name, every 50th a changed budget, and a
 * few projects are added, removed and moved. Then the same for next
 * year's document, where every text is read for its years. Figures are
 * printed, never turned into a failure. */

#define N_RUNS 5

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* CPU time: on a machine shared with other programs the wall time also
 * counts theirs. Loading and comparing run on one thread. */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

static void
edit (JxDocument *document)
{
  GListStore *projects = G_LIST_STORE (jx_document_get_projects (document));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (projects));
  g_autoptr(JxProject) moved = g_list_model_get_item (G_LIST_MODEL (projects), n / 2);

  for (guint i = 0; i < n; i += 10)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (G_LIST_MODEL (projects), i);
      g_autoptr(JxIndicator) row = g_list_model_get_item (jx_project_get_indicators (project), 1);
      g_autofree char *name = g_strdup_printf ("%s（调整）", jx_project_get_name (project));

      jx_indicator_set_value (row, "≥98%");
      if (i % 25 == 0)
        jx_project_set_name (project, name);
      if (i % 50 == 0)
        jx_project_set_fiscal (project, jx_project_get_fiscal (project) + JX_MONEY_SCALE);
    }
  g_list_store_remove (projects, n / 2);
  g_list_store_insert (projects, 3, moved);
  g_list_store_remove (projects, n - 1);
  {
    g_autoptr(JxProject) added = jx_project_new ("13028124P999999999999", "新增项目");

    g_list_store_append (projects, added);
  }
}

static char *
save (JxDocument *document, const char *dir, const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  if (!jx_document_save_file (document, path, &error))
    g_error ("%s", error->message);
  return path;
}

typedef struct
{
  double load;       /* both files, median CPU ms */
  double diff;       /* the comparison alone */
  double load_wall;  /* the same in wall time */
  double diff_wall;
  guint  changes;
} Figures;

static double
median (double *values)
{
  qsort (values, N_RUNS, sizeof values[0], compare_doubles);
  return values[N_RUNS / 2];
}

static Figures
measure (const char *old_path, const char *new_path)
{
  double load[N_RUNS], diff[N_RUNS], load_wall[N_RUNS], diff_wall[N_RUNS];
  Figures figures = { 0 };

  for (guint run = 0; run < N_RUNS; run++)
    {
      double start = jx_bench_now_ms (), start_cpu = cpu_ms ();
      g_autoptr(JxDocument) a = jx_document_load_file (old_path, NULL);
      g_autoptr(JxDocument) b = jx_document_load_file (new_path, NULL);
      double loaded = jx_bench_now_ms (), loaded_cpu = cpu_ms ();
      g_autoptr(JxDiff) result = jx_diff_new (a, b);

      diff_wall[run] = jx_bench_now_ms () - loaded;
      diff[run] = cpu_ms () - loaded_cpu;
      load_wall[run] = loaded - start;
      load[run] = loaded_cpu - start_cpu;
      figures.changes = g_list_model_get_n_items (jx_diff_get_changes (result));
    }
  figures.load = median (load);
  figures.diff = median (diff);
  figures.load_wall = median (load_wall);
  figures.diff_wall = median (diff_wall);
  return figures;
}

static Figures
run_size (const char *dir, guint n_projects, gboolean next_year, gboolean print)
{
  g_autoptr(JxDocument) old = jx_bench_large_document (n_projects);
  g_autoptr(JxDocument) edited = jx_bench_large_document (n_projects);
  g_autoptr(JxRollForward) roll = NULL;
  g_autofree char *old_path = save (old, dir, "old.jixiao.json");
  g_autofree char *new_path = NULL;
  Figures figures;

  if (next_year)
    {
      roll = jx_roll_forward_new (edited, JX_ROLL_FORWARD_KEEP, NULL);
      edit (jx_roll_forward_get_document (roll));
      new_path = save (jx_roll_forward_get_document (roll), dir, "new.jixiao.json");
    }
  else
    {
      edit (edited);
      new_path = save (edited, dir, "new.jixiao.json");
    }
  figures = measure (old_path, new_path);
  if (print)
    printf ("diff %s, %4u projects, %4u changes: load both %6.1f ms CPU (%6.1f wall), "
            "diff %6.1f ms CPU (%6.1f wall), ratio %.2f (target <= 2: %s)\n",
            next_year ? "next year" : "same year", n_projects, figures.changes, figures.load,
            figures.load_wall, figures.diff, figures.diff_wall, figures.diff / figures.load,
            figures.diff <= 2 * figures.load ? "met" : "NOT met");
  return figures;
}

/* Time per project at each size, relative to the smallest: 1.0 is linear. */
static void
growth (const char *dir)
{
  const guint sizes[] = { 500, 1000, 2000, 4000 };
  double base = 0;

  printf ("diff growth (CPU time per project relative to %u projects; 1.0 is linear):", sizes[0]);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      Figures figures = run_size (dir, sizes[i], FALSE, FALSE);
      double per = figures.diff / sizes[i];

      if (i == 0)
        base = per;
      printf (" %u: %.2f", sizes[i], per / base);
    }
  printf ("\n");
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jixiao-bench-XXXXXX", &error);
  g_autofree char *old_path = NULL, *new_path = NULL;

  if (dir == NULL)
    g_error ("%s", error->message);
  run_size (dir, 2000, FALSE, TRUE);
  run_size (dir, 2000, TRUE, TRUE);
  growth (dir);
  old_path = g_build_filename (dir, "old.jixiao.json", NULL);
  new_path = g_build_filename (dir, "new.jixiao.json", NULL);
  g_unlink (old_path);
  g_unlink (new_path);
  g_rmdir (dir);
  return 0;
}
