/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-edit.h"
#include "jx-chart-actions.h"
#include "jx-chart-view.h"

/* The chart window of a JxWindow, kept on the JxWindow under this key. */
#define CHART_WINDOW_KEY "jx-chart-window"
#define CHART_VIEW_KEY   "jx-chart-view"
#define FORMAT_KEY       "jx-chart-format"

static const char *const extensions[] = { ".png", ".svg", ".pdf" };

static void
show_export_error (GtkWindow    *parent,
                   const GError *error)
{
  GtkWidget *dialog = gtk_message_dialog_new (parent,
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                              _("Could not export the chart"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A name typed without .png/.svg/.pdf takes the chosen filter's. */
static char *
export_path (GtkFileChooser *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);
  JxChartFormat format;

  if (path == NULL || jx_chart_format_from_path (path, &format))
    return g_steal_pointer (&path);
  format = filter != NULL ? GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (filter), FORMAT_KEY))
                          : JX_CHART_FORMAT_PNG;
  return g_strconcat (path, extensions[format], NULL);
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    GtkWindow       *parent)
{
  JxChartView *view = g_object_get_data (G_OBJECT (native), CHART_VIEW_KEY);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      path = export_path (GTK_FILE_CHOOSER (native));
      if (path == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     _("Only files on this computer can be written"));
      else
        jx_chart_view_export (view, path, &error);
      if (error != NULL)
        show_export_error (parent, error);
    }
  g_object_unref (native);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern,
            JxChartFormat   format)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  g_object_set_data (G_OBJECT (filter), FORMAT_KEY, GUINT_TO_POINTER (format));
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

static char *
suggested_name (JxChartView *view)
{
  JxProject *project = jx_chart_view_get_project (view);
  JxDocument *document = jx_chart_view_get_document (view);

  /* The file is named like the chart's title, which is document text. */
  if (project != NULL)
    return g_strdup_printf ("%s资金支出计划.png", jx_project_get_name (project));
  return g_strdup_printf ("%u年资金支出计划.png", jx_document_get_year (document));
}

static void
export_chart (GtkWindow   *parent,
              JxChartView *view)
{
  GtkFileChooserNative *native;
  g_autofree char *name = suggested_name (view);

  native = gtk_file_chooser_native_new (_("Export Chart"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_filter (GTK_FILE_CHOOSER (native), _("PNG image"), "*.png", JX_CHART_FORMAT_PNG);
  add_filter (GTK_FILE_CHOOSER (native), _("SVG drawing"), "*.svg", JX_CHART_FORMAT_SVG);
  add_filter (GTK_FILE_CHOOSER (native), _("PDF document"), "*.pdf", JX_CHART_FORMAT_PDF);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_object_set_data_full (G_OBJECT (native), CHART_VIEW_KEY, g_object_ref_sink (view), g_object_unref);
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), parent);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
update_header (GtkWindow *chart_window)
{
  JxChartView *view = g_object_get_data (G_OBJECT (chart_window), CHART_VIEW_KEY);
  GtkWidget *back = g_object_get_data (G_OBJECT (chart_window), "jx-back-button");
  JxProject *project = jx_chart_view_get_project (view);

  gtk_widget_set_visible (back, project != NULL);
  gtk_window_set_title (chart_window, project != NULL ? jx_project_get_name (project)
                                                      : _("Department Spending Plan"));
}

static void
back_clicked_cb (GtkWindow *chart_window)
{
  JxChartView *view = g_object_get_data (G_OBJECT (chart_window), CHART_VIEW_KEY);

  jx_chart_view_set_project (view, NULL);
}

/* A click on a band shows that project's own chart and opens the project's
 * form in the main window. */
static void
project_activated_cb (JxChartView *view,
                      JxProject   *project,
                      GtkWindow   *chart_window)
{
  GtkWidget *main_window = GTK_WIDGET (gtk_window_get_transient_for (chart_window));
  JxDocument *document = jx_chart_view_get_document (view);
  guint position;

  if (main_window != NULL && document != NULL &&
      g_list_store_find (G_LIST_STORE (jx_document_get_projects (document)), project, &position))
    {
      g_autofree char *path = g_strdup_printf ("projects[%u]", position);
      gtk_widget_activate_action (main_window, "win.focus-path", "s", path);
    }
  jx_chart_view_set_project (view, project);
}

static void
export_clicked_cb (GtkWindow *chart_window)
{
  export_chart (chart_window, g_object_get_data (G_OBJECT (chart_window), CHART_VIEW_KEY));
}

static void
view_toggled_cb (GtkToggleButton *button,
                 JxChartView     *view)
{
  if (gtk_toggle_button_get_active (button))
    jx_chart_view_set_view (view, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "jx-mode")));
}

static GtkWidget *
mode_buttons (JxChartView *view)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *cumulative = gtk_toggle_button_new_with_mnemonic (_("_Cumulative"));
  GtkWidget *period = gtk_toggle_button_new_with_mnemonic (_("By _Period"));

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_tooltip_text (cumulative, _("Planned spending by each month-end"));
  gtk_widget_set_tooltip_text (period, _("Planned spending within each period"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (period), GTK_TOGGLE_BUTTON (cumulative));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (cumulative), TRUE);
  g_object_set_data (G_OBJECT (period), "jx-mode", GINT_TO_POINTER (JX_CHART_MODE_PERIOD));
  g_signal_connect (cumulative, "toggled", G_CALLBACK (view_toggled_cb), view);
  g_signal_connect (period, "toggled", G_CALLBACK (view_toggled_cb), view);
  gtk_box_append (GTK_BOX (box), cumulative);
  gtk_box_append (GTK_BOX (box), period);
  return box;
}

static GtkWidget *
header_bar (GtkWindow   *chart_window,
            JxChartView *view)
{
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export…"));

  gtk_widget_set_tooltip_text (back, _("Back to the department chart"));
  gtk_widget_set_tooltip_text (export, _("Save this chart as PNG, SVG or PDF"));
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (back_clicked_cb), chart_window);
  g_signal_connect_swapped (export, "clicked", G_CALLBACK (export_clicked_cb), chart_window);
  g_object_set_data (G_OBJECT (chart_window), "jx-back-button", back);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), back);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), mode_buttons (view));
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), export);
  return header;
}

static void
document_changed_cb (JxWindow   *window,
                     GParamSpec *pspec,
                     GtkWindow  *chart_window)
{
  JxChartView *view = g_object_get_data (G_OBJECT (chart_window), CHART_VIEW_KEY);

  jx_chart_view_set_project (view, NULL);
  jx_chart_view_set_document (view, jx_window_get_document (window));
  update_header (chart_window);
}

static GtkWindow *
create_chart_window (JxWindow *window)
{
  GtkWindow *chart_window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *view = jx_chart_view_new ();

  gtk_widget_set_name (GTK_WIDGET (chart_window), "chart-window");
  gtk_window_set_transient_for (chart_window, GTK_WINDOW (window));
  gtk_window_set_destroy_with_parent (chart_window, TRUE);
  /* Escape and Ctrl+W close it: it is not one of the application's
   * windows, so the application's Ctrl+W does not reach it. */
  gtk_widget_add_controller (GTK_WIDGET (chart_window), jx_edit_close_keys ());
  gtk_window_set_default_size (chart_window, 960, 620);
  g_object_set_data (G_OBJECT (chart_window), CHART_VIEW_KEY, view);
  gtk_window_set_titlebar (chart_window, header_bar (chart_window, JX_CHART_VIEW (view)));
  gtk_window_set_child (chart_window, view);
  jx_chart_view_set_document (JX_CHART_VIEW (view), jx_window_get_document (window));
  g_signal_connect_object (view, "project-activated", G_CALLBACK (project_activated_cb), chart_window, 0);
  g_signal_connect_object (view, "notify::project", G_CALLBACK (update_header), chart_window,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "notify::document", G_CALLBACK (document_changed_cb), chart_window, 0);
  g_object_set_data (G_OBJECT (window), CHART_WINDOW_KEY, chart_window);
  update_header (chart_window);
  return chart_window;
}

static void
forget_chart_window_cb (GtkWidget *chart_window,
                        JxWindow  *window)
{
  if (g_object_get_data (G_OBJECT (window), CHART_WINDOW_KEY) == chart_window)
    g_object_set_data (G_OBJECT (window), CHART_WINDOW_KEY, NULL);
}

static void
show_chart_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  JxWindow *window = user_data;
  GtkWindow *chart_window = g_object_get_data (G_OBJECT (window), CHART_WINDOW_KEY);

  if (chart_window == NULL)
    {
      /* Forget the window when it closes, so the next show-chart opens anew. */
      chart_window = create_chart_window (window);
      g_signal_connect_object (chart_window, "destroy", G_CALLBACK (forget_chart_window_cb), window, 0);
    }
  gtk_window_present (chart_window);
}

static void
export_chart_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  JxWindow *window = user_data;
  GtkWindow *chart_window = g_object_get_data (G_OBJECT (window), CHART_WINDOW_KEY);
  JxChartView *view;

  if (chart_window != NULL)
    {
      export_chart (chart_window, g_object_get_data (G_OBJECT (chart_window), CHART_VIEW_KEY));
      return;
    }
  view = JX_CHART_VIEW (g_object_ref_sink (jx_chart_view_new ()));
  jx_chart_view_set_document (view, jx_window_get_document (window));
  export_chart (GTK_WINDOW (window), view);
  g_object_unref (view);
}

void
jx_chart_install_actions (JxWindow *window)
{
  static const GActionEntry entries[] = {
    { "show-chart", show_chart_cb },
    { "export-chart", export_chart_cb },
  };

  g_return_if_fail (JX_IS_WINDOW (window));
  g_action_map_add_action_entries (G_ACTION_MAP (window), entries, G_N_ELEMENTS (entries), window);
}
