/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-editor startup FILE  — opens FILE in the real window and prints
 *                              "first-frame" when its first frame is drawn
 * bench-editor bare FILE     — the same for a window with one label
 * bench-editor pages FILE    — after start-up with FILE, the first showing
 *                              of a project, the overall goals and the
 *                              measures (pages built on first show)
 * bench-editor large FILE    — the window opening FILE (2,000 projects):
 *                              time to its first frame, scrolling the project
 *                              list page by page, filtering, and showing
 *                              projects one after another */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "jx-application.h"
#include "jx-bench-utils.h"
#include "jx-document-io.h"
#include "jx-project-form.h"
#include "jx-sidebar.h"
#include "jx-window.h"

static const char *mode;
static const char *path;
static double t_start;

/* Runs the main loop until the window has drawn a frame. */
static void
paint_cb (GdkFrameClock *clock, gboolean *painted)
{
  *painted = TRUE;
}

static double
wait_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  double t0 = jx_bench_now_ms ();
  gulong id;

  gtk_widget_queue_draw (widget);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (paint_cb), &painted);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  return jx_bench_now_ms () - t0;
}

/* Fresh anonymous memory is what costs most on some virtual machines:
 * how much the process holds at its first frame, and the page faults that
 * brought it in. */
static void
print_memory (void)
{
  g_autofree char *status = NULL;
  struct rusage usage;
  const char *line;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, "RssAnon:")) != NULL)
    printf ("rss-anon-kb %ld\n", strtol (line + strlen ("RssAnon:"), NULL, 10));
  if (getrusage (RUSAGE_SELF, &usage) == 0)
    printf ("page-faults %ld\n", usage.ru_minflt + usage.ru_majflt);
}

static void
first_frame_cb (GdkFrameClock *clock, GApplication *app)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, app);
  /* The runner times from spawning the process to this line. */
  printf ("first-frame %.1f\n", jx_bench_now_ms () - t_start);
  print_memory ();
  fflush (stdout);
  g_application_quit (app);
}

static void
window_mapped_cb (GtkWidget *window, GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (first_frame_cb), app);
}

static void
startup (GApplication *app)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JxWindow *window = jx_window_new (GTK_APPLICATION (app));
  jx_window_open_file (window, file);
  g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

/* The same measure for a window with one label in a plain GtkApplication:
 * what GTK itself costs on this machine and display, to read the figure
 * above against. */
static void
bare (GApplication *app)
{
  GtkWidget *window = gtk_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("部门预算绩效文本"));
  g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

/* The pages not shown at start-up are built when first shown: what going
 * to each costs the first time, to its frame. */
static void
pages (GApplication *app)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JxWindow *window = jx_window_new (GTK_APPLICATION (app));
  JxSidebar *sidebar = JX_SIDEBAR (jx_window_get_sidebar (window));
  g_autoptr(JxProject) project = NULL;
  double t0;

  jx_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  wait_frame (GTK_WIDGET (window));
  /* Let the work after the first frame (the checks) run first. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  project = g_list_model_get_item (jx_document_get_projects (jx_window_get_document (window)), 0);
  t0 = jx_bench_now_ms ();
  jx_window_show_project (window, project);
  wait_frame (GTK_WIDGET (window));
  printf ("first-project %.1f\n", jx_bench_now_ms () - t0);
  t0 = jx_bench_now_ms ();
  jx_sidebar_select_page (sidebar, JX_SIDEBAR_PAGE_OVERALL);
  wait_frame (GTK_WIDGET (window));
  printf ("first-overall %.1f\n", jx_bench_now_ms () - t0);
  t0 = jx_bench_now_ms ();
  jx_sidebar_select_page (sidebar, JX_SIDEBAR_PAGE_MEASURES);
  wait_frame (GTK_WIDGET (window));
  printf ("first-measures %.1f\n", jx_bench_now_ms () - t0);
  g_application_quit (app);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static void
report (const char *what, double *times, guint n)
{
  double sorted[400];
  double sum = 0, max = 0;

  for (guint i = 0; i < n; i++)
    {
      sum += times[i];
      max = MAX (max, times[i]);
      sorted[i] = times[i];
    }
  qsort (sorted, n, sizeof sorted[0], compare_doubles);
  printf ("%-34s mean %7.1f ms   median %7.1f ms   worst %7.1f ms   (%u)\n",
          what, sum / n, sorted[n / 2], max, n);
}

/* Fresh memory is what costs most on some machines: the page faults a
 * series of steps took, per step. */
static long
page_faults (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;
  return usage.ru_minflt + usage.ru_majflt;
}

static void
report_faults (const char *what, long faults, guint n)
{
  printf ("%-34s %7.1f page faults a step\n", what, (double) faults / n);
}

static GtkScrolledWindow *
find_scroller (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found;

      if (GTK_IS_POPOVER (child))
        continue;
      if (GTK_IS_SCROLLED_WINDOW (child) &&
          GTK_IS_LIST_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (child))))
        return GTK_SCROLLED_WINDOW (child);
      if ((found = find_scroller (child)) != NULL)
        return found;
    }
  return NULL;
}

/* JX_BENCH_ONLY=scroll, filter or switch runs that series alone, for a
 * profiler to look at. */
static gboolean
wanted (const char *series)
{
  const char *only = g_getenv ("JX_BENCH_ONLY");

  return only == NULL || g_str_equal (only, series);
}

static void
large (GApplication *app)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JxWindow *window = jx_window_new (GTK_APPLICATION (app));
  GtkWidget *sidebar = jx_window_get_sidebar (window);
  GListModel *projects;
  GtkAdjustment *adjustment;
  double times[400];
  guint n = 0;
  long faults;
  double t0, t1;

  gtk_window_present (GTK_WINDOW (window));
  wait_frame (GTK_WIDGET (window));

  {
    g_autoptr(JxDocument) alone = NULL;

    t0 = jx_bench_now_ms ();
    alone = jx_document_load_file (path, NULL);
    printf ("of which: reading the file         %7.1f ms\n", jx_bench_now_ms () - t0);
    t0 = jx_bench_now_ms ();
    g_clear_object (&alone);
    printf ("of which: freeing a document       %7.1f ms\n", jx_bench_now_ms () - t0);
  }
  t0 = jx_bench_now_ms ();
  jx_window_open_file (window, file);
  t1 = jx_bench_now_ms ();
  wait_frame (GTK_WIDGET (window));
  projects = jx_document_get_projects (jx_window_get_document (window));
  printf ("projects                           %u\n", g_list_model_get_n_items (projects));
  printf ("open to first frame                %7.1f ms (target <= 1000 ms)\n", jx_bench_now_ms () - t0);
  printf ("of which: open, to the first frame %7.1f ms\n", t1 - t0);
  printf ("open-ms %.1f\n", jx_bench_now_ms () - t0);

  adjustment = gtk_scrolled_window_get_vadjustment (find_scroller (sidebar));
  faults = page_faults ();
  while (wanted ("scroll") && n < G_N_ELEMENTS (times) &&
         gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment)
           < gtk_adjustment_get_upper (adjustment))
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment) / 2);
      times[n++] = wait_frame (GTK_WIDGET (window));
    }
  if (n > 0)
    {
      report ("scroll the list, half a page", times, n);
      report_faults ("of which: memory", page_faults () - faults, n);
    }

  n = 0;
  faults = page_faults ();
  /* Five keystrokes are too few to read a median from: type them four
   * times over. */
  for (guint round = 0; wanted ("filter") && round < 4; round++)
    for (const char *typed[] = { "1", "10", "100", "1000", "", NULL }, **p = typed; *p != NULL; p++)
      {
        t0 = jx_bench_now_ms ();
        jx_sidebar_set_search (JX_SIDEBAR (sidebar), *p);
        wait_frame (GTK_WIDGET (window));
        times[n++] = jx_bench_now_ms () - t0;
      }
  if (n > 0)
    {
      report ("filter as typed, to the frame", times, n);
      report_faults ("of which: memory", page_faults () - faults, n);
    }

  n = 0;
  if (wanted ("switch"))
    {
      double rebind[50];

      faults = page_faults ();
      for (guint i = 0; i < 50; i++)
        {
          g_autoptr(JxProject) project = g_list_model_get_item (projects, i * 37);
          t0 = jx_bench_now_ms ();
          jx_window_show_project (window, project);
          rebind[n] = jx_bench_now_ms () - t0;
          wait_frame (GTK_WIDGET (window));
          times[n++] = jx_bench_now_ms () - t0;
        }
      report ("show another project's form", times, n);
      report ("of which: rebinding the form", rebind, n);
      report_faults ("of which: memory", page_faults () - faults, n);
    }
  g_application_quit (app);
}

int
main (int argc, char **argv)
{
  g_autoptr(GApplication) app = NULL;

  t_start = jx_bench_now_ms ();
  if (argc != 3 || (strcmp (argv[1], "startup") != 0 && strcmp (argv[1], "large") != 0 &&
                    strcmp (argv[1], "bare") != 0 && strcmp (argv[1], "pages") != 0))
    {
      g_printerr ("usage: bench-editor startup|bare|pages|large FILE\n");
      return 2;
    }
  mode = argv[1];
  path = argv[2];
  /* The bare window runs none of our code: a plain application under an id
   * of its own, so that GTK loads none of our resources either. */
  if (g_str_equal (mode, "bare"))
    app = G_APPLICATION (gtk_application_new (APP_ID ".Bare", G_APPLICATION_NON_UNIQUE));
  else
    {
      app = G_APPLICATION (jx_application_new ());
      g_application_set_flags (app, G_APPLICATION_NON_UNIQUE);
    }
  g_signal_connect (app, "activate",
                    g_str_equal (mode, "startup") ? G_CALLBACK (startup) :
                    g_str_equal (mode, "bare") ? G_CALLBACK (bare) :
                    g_str_equal (mode, "pages") ? G_CALLBACK (pages) : G_CALLBACK (large), NULL);
  return g_application_run (app, 1, argv);
}
