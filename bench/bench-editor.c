/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-editor startup FILE  — opens FILE in the real window and prints
 *                              "first-frame" when its first frame is drawn
 * bench-editor bare FILE     — the same for a window with one label
 * bench-editor rich FILE     — the same for a bare window shaped like ours
 * bench-editor pages FILE    — after start-up with FILE, the first showing
 *                              of a project, the overall goals and the
 *                              measures (pages built on first show)
 * bench-editor large FILE    — the window opening FILE (2,000 projects):
 *                              time to its first frame, scrolling the project
 *                              list page by page, filtering, and showing
 *                              projects one after another, and the
 *                              indicator table: showing projects of 60
 *                              wrapped rows and scrolling through them */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "jx-application.h"
#include "jx-bench-utils.h"
#include "jx-document-io.h"
#include "jx-document-session.h"
#include "jx-indicator.h"
#include "jx-indicator-table.h"
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
    {
      printf ("page-faults %ld\n", usage.ru_minflt + usage.ru_majflt);
      /* Processor time of every thread: on a busy machine the fairer figure. */
      printf ("cpu-ms %.1f\n", (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
                               (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0);
    }
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

/* A second yardstick, a bare window of the same shape as ours: a header
 * bar with text, icon and menu buttons, a paned with a search entry, a
 * drop-down and a list view of two-line rows on one side and a grid of
 * labelled entries on the other; none of our code. What GTK itself costs
 * for a window like this is the floor of our first frame. */
static void
rich_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (row), g_object_new (GTK_TYPE_LABEL, "xalign", 0.0,
                                               "css-classes", (const char *[]) { "caption", "dim-label", NULL },
                                               NULL));
  gtk_box_append (GTK_BOX (row), g_object_new (GTK_TYPE_LABEL, "xalign", 0.0, NULL));
  gtk_list_item_set_child (item, row);
}

static void
rich_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (row)), "13028124P000942100");
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (row)), text);
}

static GtkWidget *
rich_side (void)
{
  const char *orders[] = { "文档顺序", "按编码", "按名称", "按预算", NULL };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkStringList *rows = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *list;
  GtkWidget *scroller = gtk_scrolled_window_new ();

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("人大代表活动经费%u", i + 1);
      gtk_string_list_append (rows, name);
    }
  g_signal_connect (factory, "setup", G_CALLBACK (rich_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (rich_bind_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (rows))), factory);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), gtk_label_new ("遵化市人民代表大会常务委员会"));
  gtk_box_append (GTK_BOX (box), gtk_search_entry_new ());
  gtk_box_append (GTK_BOX (box), gtk_drop_down_new_from_strings (orders));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), gtk_label_new ("部门合计：270.00 万元"));
  return box;
}

static GtkWidget *
rich_form (void)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_attach (GTK_GRID (grid), gtk_spin_button_new_with_range (2000, 2100, 1), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), gtk_check_button_new_with_label ("草案：在标题下印“（草案）”"), 1, 1, 1, 1);
  for (guint i = 2; i < 10; i++)
    {
      GtkWidget *entry = gtk_entry_new ();

      gtk_editable_set_text (GTK_EDITABLE (entry), "遵化市人民代表大会常务委员会本级");
      gtk_widget_set_hexpand (entry, TRUE);
      gtk_grid_attach (GTK_GRID (grid), gtk_label_new ("预算单位名称"), 0, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), entry, 1, i, 1, 1);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
  return scroller;
}

static void
rich (GApplication *app)
{
  GtkWidget *window = gtk_application_window_new (GTK_APPLICATION (app));
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *stages = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *menu = gtk_menu_button_new ();

  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), gtk_button_new_with_mnemonic ("打开(_O)"));
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), gtk_button_new_with_mnemonic ("保存(_S)"));
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), gtk_button_new_from_icon_name ("edit-undo-symbolic"));
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), gtk_button_new_from_icon_name ("edit-redo-symbolic"));
  gtk_widget_add_css_class (stages, "linked");
  for (const char **s = (const char *[]) { "目标", "监控", "自评", NULL }; *s != NULL; s++)
    gtk_box_append (GTK_BOX (stages), gtk_toggle_button_new_with_label (*s));
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), stages);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "open-menu-symbolic");
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), menu);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), gtk_menu_button_new ());
  gtk_window_set_titlebar (GTK_WINDOW (window), header);
  gtk_paned_set_start_child (GTK_PANED (paned), rich_side ());
  gtk_paned_set_end_child (GTK_PANED (paned), rich_form ());
  gtk_paned_set_position (GTK_PANED (paned), 300);
  gtk_window_set_child (GTK_WINDOW (window), paned);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
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

/* Gives the project 60 indicator rows with texts long enough to wrap onto
 * two to four lines, as a large project's table has. */
static void
make_sixty_rows (JxProject *project)
{
  GListStore *indicators = G_LIST_STORE (jx_project_get_indicators (project));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (indicators));

  for (guint k = 0; n > 0 && g_list_model_get_n_items (G_LIST_MODEL (indicators)) < 60; k++)
    {
      g_autoptr(JxIndicator) like = g_list_model_get_item (G_LIST_MODEL (indicators), k % n);
      g_autoptr(JxIndicator) row = jx_indicator_copy (like);
      g_autofree char *description = g_strdup_printf ("%s，第%u项，按季度检查完成进度并形成书面报告报送财政部门备案",
                                                      jx_indicator_get_description (like), k + 1);

      jx_indicator_set_description (row, description);
      g_list_store_append (indicators, row);
    }
}

/* The table of 60 wrapped rows: showing such a project to its frame, then
 * scrolling the form through the table a third of a page at a time. The
 * yardstick is showing a project of the usual six rows (the series above,
 * same run) and the frame budget of 16 ms. */
static void
table_series (JxWindow   *window,
              GListModel *projects,
              double     *usual,
              guint       n_usual)
{
  GtkWidget *form = jx_window_get_project_form (window);
  double shows[20], scrolls[400];
  guint n_shows = 0, n_scrolls = 0;
  double usual_median = 0;

  for (guint i = 0; i < G_N_ELEMENTS (shows); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, 11 + i * 97);

      make_sixty_rows (project);
    }
  for (guint i = 0; i < G_N_ELEMENTS (shows); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, 11 + i * 97);
      GtkWidget *table;
      GtkScrolledWindow *outer;
      GtkAdjustment *adjustment;
      double t0 = jx_bench_now_ms ();

      jx_window_show_project (window, project);
      wait_frame (GTK_WIDGET (window));
      shows[n_shows++] = jx_bench_now_ms () - t0;
      if (i >= 3)
        continue;
      /* The form scrolls; the table has a scroller of its own, sideways. */
      table = jx_project_form_get_indicator_table (JX_PROJECT_FORM (form));
      outer = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (gtk_widget_get_parent (table), GTK_TYPE_SCROLLED_WINDOW));
      if (outer == NULL)
        continue;
      adjustment = gtk_scrolled_window_get_vadjustment (outer);
      gtk_adjustment_set_value (adjustment, 0);
      wait_frame (GTK_WIDGET (window));
      while (n_scrolls < G_N_ELEMENTS (scrolls) &&
             gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment)
               < gtk_adjustment_get_upper (adjustment))
        {
          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                                gtk_adjustment_get_page_size (adjustment) / 3);
          scrolls[n_scrolls++] = wait_frame (GTK_WIDGET (window));
        }
    }
  report ("show a project of 60 wrapped rows", shows, n_shows);
  if (n_scrolls > 0)
    report ("scroll its table, a third of a page", scrolls, n_scrolls);
  if (usual != NULL && n_usual > 0)
    {
      double sorted[400];

      memcpy (sorted, usual, n_usual * sizeof *usual);
      qsort (sorted, n_usual, sizeof sorted[0], compare_doubles);
      usual_median = sorted[n_usual / 2];
      qsort (shows, n_shows, sizeof shows[0], compare_doubles);
      printf ("60 rows beside 6 (same run)        %7.2f × the median of a usual project\n",
              shows[n_shows / 2] / MAX (usual_median, 0.01));
    }
  if (n_scrolls > 0)
    {
      qsort (scrolls, n_scrolls, sizeof scrolls[0], compare_doubles);
      printf ("table scrolling within a frame (<= 16 ms): %s (median %.1f ms, worst %.1f ms)\n",
              scrolls[n_scrolls / 2] <= 16 ? "met" : "NOT met", scrolls[n_scrolls / 2],
              scrolls[n_scrolls - 1]);
    }
  qsort (shows, n_shows, sizeof shows[0], compare_doubles);
  printf ("showing 60 rows within a frame (<= 16 ms): %s (median %.1f ms)\n",
          shows[n_shows / 2] <= 16 ? "met" : "NOT met", shows[n_shows / 2]);
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
  if (wanted ("table"))
    table_series (window, projects, n > 0 ? times : NULL, n);
  g_application_quit (app);
}

int
main (int argc, char **argv)
{
  g_autoptr(GApplication) app = NULL;

  t_start = jx_bench_now_ms ();
  if (argc != 3 || (strcmp (argv[1], "startup") != 0 && strcmp (argv[1], "large") != 0 &&
                    strcmp (argv[1], "bare") != 0 && strcmp (argv[1], "rich") != 0 &&
                    strcmp (argv[1], "pages") != 0))
    {
      g_printerr ("usage: bench-editor startup|bare|rich|pages|large FILE\n");
      return 2;
    }
  mode = argv[1];
  path = argv[2];
  /* The bare window runs none of our code: a plain application under an id
   * of its own, so that GTK loads none of our resources either. */
  if (g_str_equal (mode, "bare") || g_str_equal (mode, "rich"))
    app = G_APPLICATION (gtk_application_new (APP_ID ".Bare", G_APPLICATION_NON_UNIQUE));
  else
    {
      app = G_APPLICATION (jx_application_new ());
      g_application_set_flags (app, G_APPLICATION_NON_UNIQUE);
    }
  /* As the application does with the files named on its command line. */
  if (g_str_equal (mode, "startup"))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      jx_document_session_read_ahead (file);
    }
  g_signal_connect (app, "activate",
                    g_str_equal (mode, "startup") ? G_CALLBACK (startup) :
                    g_str_equal (mode, "bare") ? G_CALLBACK (bare) :
                    g_str_equal (mode, "rich") ? G_CALLBACK (rich) :
                    g_str_equal (mode, "pages") ? G_CALLBACK (pages) : G_CALLBACK (large), NULL);
  return g_application_run (app, 1, argv);
}
