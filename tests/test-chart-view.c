/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "jx-checkpoint.h"
#include "jx-chart-view.h"
#include "jx-document-io.h"
#include "jx-test-gtk.h"
#include "jx-window.h"

#define WAN(x) ((JxMoney) (x) * JX_MONEY_SCALE)
#define WIDTH  960
#define HEIGHT 600

static JxProject *
project_at (JxDocument *document,
            guint       position)
{
  return jx_test_project_at (document, position);
}

static JxCheckpoint *
checkpoint_at (JxProject *project,
               guint      position)
{
  g_autoptr(JxCheckpoint) checkpoint = g_list_model_get_item (jx_project_get_spending_plan (project), position);

  return checkpoint;
}

static gboolean
has_size (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0;
}

/* Laid out, then drawn once more after what just changed. */
static void
wait_for_draw (GtkWidget *widget)
{
  g_assert_true (jx_test_wait_for (has_size, widget, 30000));
  g_assert_true (jx_test_wait_frame (widget));
}

static void
test_follows_edits (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  GtkWidget *view = g_object_ref_sink (jx_chart_view_new ());
  JxChartView *chart = JX_CHART_VIEW (view);
  JxProject *veterans = project_at (document, 5);
  JxChartSeries *series;
  g_autoptr(JxProject) added = jx_project_new ("X1", "新增项目");
  g_autoptr(JxCheckpoint) checkpoint = jx_checkpoint_new (12, 50);

  g_assert_null (jx_chart_view_get_series (chart));
  jx_chart_view_set_document (chart, document);
  series = jx_chart_view_get_series (chart);
  g_assert_cmpint (series->cumulative[3], ==, WAN (263));
  /* Computed once per change, not per request. */
  g_assert_true (jx_chart_view_get_series (chart) == series);

  jx_checkpoint_set_percent (checkpoint_at (veterans, 3), 100);
  series = jx_chart_view_get_series (chart);
  g_assert_cmpint (series->cumulative[3], ==, WAN (270));

  jx_project_set_fiscal (veterans, WAN (20));
  g_assert_cmpint (jx_chart_view_get_series (chart)->total, ==, WAN (280));

  jx_project_set_name (veterans, "老干部慰问");
  g_assert_cmpstr (jx_chart_view_get_series (chart)->projects[5].name, ==, "老干部慰问");

  /* A project added later is followed too. */
  jx_project_set_fiscal (added, WAN (10));
  g_list_store_append (G_LIST_STORE (jx_project_get_spending_plan (added)), checkpoint);
  g_list_store_append (G_LIST_STORE (jx_document_get_projects (document)), added);
  g_assert_cmpuint (jx_chart_view_get_series (chart)->n_projects, ==, 8);
  g_assert_cmpint (jx_chart_view_get_series (chart)->cumulative[3], ==, WAN (285));
  jx_checkpoint_set_percent (checkpoint, 100);
  g_assert_cmpint (jx_chart_view_get_series (chart)->cumulative[3], ==, WAN (290));

  jx_chart_view_set_project (chart, added);
  series = jx_chart_view_get_series (chart);
  g_assert_true (series->single_project);
  g_assert_cmpstr (series->projects[0].name, ==, "新增项目");

  g_object_unref (view);
}

static void
plot_of (JxChartSeries *series,
         JxChartMode    mode,
         JxChartRect   *plot)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(JxChartLayout) layout = jx_chart_layout_new (cr, series, mode, WIDTH, HEIGHT);

  jx_chart_layout_get_plot (layout, plot);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static GtkWidget *
show_in_window (GtkWidget *view)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_draw (view);
  g_assert_cmpint (gtk_widget_get_width (view), ==, WIDTH);
  g_assert_cmpint (gtk_widget_get_height (view), ==, HEIGHT);
  return window;
}

static void
test_hover (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  GtkWidget *view = jx_chart_view_new ();
  GtkWidget *window;
  g_autofree char *tooltip = NULL;
  g_autofree char *period_tip = NULL;
  JxChartRect plot;
  JxChartHit hit;

  jx_chart_view_set_document (JX_CHART_VIEW (view), document);
  window = show_in_window (view);
  plot_of (jx_chart_view_get_series (JX_CHART_VIEW (view)), JX_CHART_MODE_CUMULATIVE, &plot);

  g_assert_true (jx_chart_view_hit_test (JX_CHART_VIEW (view), plot.x + plot.width * 10 / 12,
                                         plot.y + plot.height - 3, &hit, &tooltip));
  g_assert_nonnull (strstr (tooltip, "人大代表之家联络站活动经费"));
  g_assert_nonnull (strstr (tooltip, "56.70"));
  g_assert_nonnull (strstr (tooltip, "10"));
  g_assert_nonnull (strstr (tooltip, "90%"));
  g_assert_false (jx_chart_view_hit_test (JX_CHART_VIEW (view), 3, 3, NULL, NULL));

  jx_chart_view_set_view (JX_CHART_VIEW (view), JX_CHART_MODE_PERIOD);
  plot_of (jx_chart_view_get_series (JX_CHART_VIEW (view)), JX_CHART_MODE_PERIOD, &plot);
  g_assert_true (jx_chart_view_hit_test (JX_CHART_VIEW (view), plot.x + plot.width * 3.5 / 4,
                                         plot.y + plot.height - 3, &hit, &period_tip));
  g_assert_nonnull (strstr (period_tip, "11–12"));
  g_assert_nonnull (strstr (period_tip, "6.30"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint32
rendered_pixel (GtkWidget *widget,
                int        x,
                int        y)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autofree guint32 *pixels = g_new (guint32, width * height);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  gsk_renderer_unrealize (renderer);
  return pixels[y * width + x] & 0xffffff;
}

static void
test_follows_theme (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  GtkWidget *view = jx_chart_view_new ();
  GtkSettings *settings = gtk_settings_get_default ();
  GtkWidget *window;

  jx_chart_view_set_document (JX_CHART_VIEW (view), document);
  window = show_in_window (view);
  g_object_set (settings, "gtk-application-prefer-dark-theme", FALSE, NULL);
  wait_for_draw (view);
  g_assert_cmphex (rendered_pixel (view, 2, HEIGHT / 2), ==, 0xffffff);
  g_object_set (settings, "gtk-application-prefer-dark-theme", TRUE, NULL);
  wait_for_draw (view);
  g_assert_cmphex (rendered_pixel (view, 2, HEIGHT / 2), ==, 0x1e1e1e);
  g_object_set (settings, "gtk-application-prefer-dark-theme", FALSE, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
find_chart_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (window), "chart-window") == 0 && gtk_widget_get_visible (window))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static void
test_window_actions (void)
{
  JxWindow *window = jx_window_new (NULL);
  g_autoptr(JxDocument) example = jx_test_load_example ();
  g_autoptr(JxDocument) other = jx_document_new ();
  GtkWindow *chart_window;
  JxChartView *view;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-chart"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "export-chart"));
  jx_window_set_document (window, example, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_null (find_chart_window ());

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-chart", NULL);
  chart_window = find_chart_window ();
  g_assert_nonnull (chart_window);
  view = JX_CHART_VIEW (gtk_window_get_child (chart_window));
  g_assert_true (jx_chart_view_get_document (view) == example);
  g_assert_null (jx_chart_view_get_project (view));

  /* Clicking a project's band shows that project's chart in the window. */
  g_signal_emit_by_name (view, "project-activated", project_at (example, 2));
  g_assert_true (jx_chart_view_get_project (view) == project_at (example, 2));
  g_assert_cmpstr (gtk_window_get_title (chart_window), ==, "人大代表活动经费");
  jx_chart_view_set_project (view, NULL);
  g_assert_cmpstr (gtk_window_get_title (chart_window), !=, "人大代表活动经费");

  /* Asking again raises the same window; a new document shows in it. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-chart", NULL);
  g_assert_true (find_chart_window () == chart_window);
  jx_window_set_document (window, other, NULL);
  g_assert_true (jx_chart_view_get_document (view) == other);

  gtk_window_destroy (chart_window);
  g_assert_null (find_chart_window ());
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-chart", NULL);
  g_assert_nonnull (find_chart_window ());
  gtk_window_destroy (GTK_WINDOW (window));
  jx_test_run_pending ();
  g_assert_null (find_chart_window ());
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  jx_test_isolate_xdg ();
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart-view/follows-edits", test_follows_edits);
  g_test_add_func ("/chart-view/hover", test_hover);
  g_test_add_func ("/chart-view/follows-theme", test_follows_theme);
  g_test_add_func ("/chart-view/window-actions", test_window_actions);
  return g_test_run ();
}
