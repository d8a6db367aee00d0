/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-chart-window.h"
#include "jx-widget-util.h"

struct _JxChartWindow
{
  GtkWindow parent_instance;

  JxDocumentSession *session;
  JxChartView *view;
  GtkWidget *back_button;
  GtkWidget *period_button;
};

G_DEFINE_FINAL_TYPE (JxChartWindow, jx_chart_window, GTK_TYPE_WINDOW)

/* ---- Export ---- */

static const char *const extensions[] = { ".png", ".svg", ".pdf" };

typedef struct
{
  GtkWindow *parent;                       /* weak */
  JxChartView *view;
  GtkFileFilter *filters[G_N_ELEMENTS (extensions)];
} Export;

static void
export_free (Export *export)
{
  g_clear_weak_pointer (&export->parent);
  g_object_unref (export->view);
  for (guint i = 0; i < G_N_ELEMENTS (export->filters); i++)
    g_clear_object (&export->filters[i]);
  g_free (export);
}

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
export_path (GtkFileChooser *chooser,
             Export         *export)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);
  JxChartFormat format;

  if (path == NULL || jx_chart_format_from_path (path, &format))
    return g_steal_pointer (&path);
  format = JX_CHART_FORMAT_PNG;
  for (guint i = 0; i < G_N_ELEMENTS (export->filters); i++)
    if (filter == export->filters[i])
      format = (JxChartFormat) i;
  return g_strconcat (path, extensions[format], NULL);
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    Export          *export)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      path = export_path (GTK_FILE_CHOOSER (native), export);
      if (path == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     _("Only files on this computer can be written"));
      else
        jx_chart_view_export (export->view, path, &error);
      if (error != NULL)
        show_export_error (export->parent, error);
    }
  g_object_unref (native);
}

static GtkFileFilter *
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
  return filter;
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

void
jx_chart_export_choose (GtkWindow   *parent,
                        JxChartView *view)
{
  GtkFileChooserNative *native;
  g_autofree char *name = suggested_name (view);
  Export *export = g_new0 (Export, 1);
  GtkFileChooser *chooser;

  g_return_if_fail (JX_IS_CHART_VIEW (view));

  native = gtk_file_chooser_native_new (_("Export Chart"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (native);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  export->filters[JX_CHART_FORMAT_PNG] = add_filter (chooser, _("PNG image"), "*.png");
  export->filters[JX_CHART_FORMAT_SVG] = add_filter (chooser, _("SVG drawing"), "*.svg");
  export->filters[JX_CHART_FORMAT_PDF] = add_filter (chooser, _("PDF document"), "*.pdf");
  gtk_file_chooser_set_current_name (chooser, name);
  g_set_weak_pointer (&export->parent, parent);
  export->view = g_object_ref_sink (view);
  g_signal_connect_data (native, "response", G_CALLBACK (export_response_cb), export,
                         (GClosureNotify) export_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- The window ---- */

static void
update_header (JxChartWindow *self)
{
  JxProject *project = jx_chart_view_get_project (self->view);

  gtk_widget_set_visible (self->back_button, project != NULL);
  gtk_window_set_title (GTK_WINDOW (self), project != NULL ? jx_project_get_name (project)
                                                           : _("Department Spending Plan"));
}

static void
back_clicked_cb (JxChartWindow *self)
{
  jx_chart_view_set_project (self->view, NULL);
}

/* A click on a band shows that project's own chart and opens the project's
 * form in the main window. */
static void
project_activated_cb (JxChartWindow *self,
                      JxProject     *project)
{
  GtkWidget *main_window = GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self)));
  JxDocument *document = jx_chart_view_get_document (self->view);
  guint position;

  if (main_window != NULL && document != NULL &&
      g_list_store_find (G_LIST_STORE (jx_document_get_projects (document)), project, &position))
    {
      g_autofree char *path = g_strdup_printf ("projects[%u]", position);
      gtk_widget_activate_action (main_window, "win.focus-path", "s", path);
    }
  jx_chart_view_set_project (self->view, project);
}

static void
export_clicked_cb (JxChartWindow *self)
{
  jx_chart_export_choose (GTK_WINDOW (self), self->view);
}

static void
mode_toggled_cb (JxChartWindow *self)
{
  jx_chart_view_set_view (self->view,
                          gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->period_button))
                            ? JX_CHART_MODE_PERIOD : JX_CHART_MODE_CUMULATIVE);
}

static GtkWidget *
mode_buttons (JxChartWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *cumulative = gtk_toggle_button_new_with_mnemonic (_("_Cumulative"));

  self->period_button = gtk_toggle_button_new_with_mnemonic (_("By _Period"));
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_tooltip_text (cumulative, _("Planned spending by each month-end"));
  gtk_widget_set_tooltip_text (self->period_button, _("Planned spending within each period"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->period_button), GTK_TOGGLE_BUTTON (cumulative));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (cumulative), TRUE);
  g_signal_connect_swapped (self->period_button, "toggled", G_CALLBACK (mode_toggled_cb), self);
  gtk_box_append (GTK_BOX (box), cumulative);
  gtk_box_append (GTK_BOX (box), self->period_button);
  return box;
}

static GtkWidget *
header_bar (JxChartWindow *self)
{
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export…"));

  self->back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->back_button, _("Back to the department chart"));
  gtk_widget_set_tooltip_text (export, _("Save this chart as PNG, SVG or PDF"));
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
  g_signal_connect_swapped (export, "clicked", G_CALLBACK (export_clicked_cb), self);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), self->back_button);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), mode_buttons (self));
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), export);
  return header;
}

/* Another document in the session: its department chart. */
static void
document_changed_cb (JxChartWindow *self)
{
  jx_chart_view_set_project (self->view, NULL);
  jx_chart_view_set_document (self->view, jx_document_session_get_document (self->session));
  update_header (self);
}

static void
jx_chart_window_dispose (GObject *object)
{
  JxChartWindow *self = JX_CHART_WINDOW (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (jx_chart_window_parent_class)->dispose (object);
}

static void
jx_chart_window_class_init (JxChartWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jx_chart_window_dispose;
}

static void
jx_chart_window_init (JxChartWindow *self)
{
  gtk_widget_set_name (GTK_WIDGET (self), "chart-window");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  /* Escape and Ctrl+W close it: it is not one of the application's
   * windows, so the application's Ctrl+W does not reach it. */
  gtk_widget_add_controller (GTK_WIDGET (self), jx_widget_close_keys ());
  gtk_window_set_default_size (GTK_WINDOW (self), 960, 620);
  self->view = JX_CHART_VIEW (jx_chart_view_new ());
  gtk_window_set_titlebar (GTK_WINDOW (self), header_bar (self));
  gtk_window_set_child (GTK_WINDOW (self), GTK_WIDGET (self->view));
  g_signal_connect_object (self->view, "project-activated", G_CALLBACK (project_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::project", G_CALLBACK (update_header), self,
                           G_CONNECT_SWAPPED);
}

static JxChartWindow *
chart_window_new (GtkWindow         *parent,
                  JxDocumentSession *session)
{
  JxChartWindow *self = g_object_new (JX_TYPE_CHART_WINDOW, "transient-for", parent, NULL);

  self->session = g_object_ref (session);
  g_signal_connect_object (session, "notify::document", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  document_changed_cb (self);
  return self;
}

JxChartWindow *
jx_chart_window_find (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (JX_IS_CHART_WINDOW (window) && gtk_window_get_transient_for (window) == parent)
        return JX_CHART_WINDOW (window);
    }
  return NULL;
}

JxChartWindow *
jx_chart_window_present (GtkWindow         *parent,
                         JxDocumentSession *session)
{
  JxChartWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (JX_IS_DOCUMENT_SESSION (session), NULL);

  self = jx_chart_window_find (parent);
  if (self == NULL)
    self = chart_window_new (parent, session);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

JxChartView *
jx_chart_window_get_view (JxChartWindow *self)
{
  g_return_val_if_fail (JX_IS_CHART_WINDOW (self), NULL);
  return self->view;
}

void
jx_chart_window_export (GtkWindow         *parent,
                        JxDocumentSession *session)
{
  JxChartWindow *shown = jx_chart_window_find (parent);
  g_autoptr(JxChartView) view = NULL;

  if (shown != NULL)
    {
      jx_chart_export_choose (GTK_WINDOW (shown), shown->view);
      return;
    }
  view = JX_CHART_VIEW (g_object_ref_sink (jx_chart_view_new ()));
  jx_chart_view_set_document (view, jx_document_session_get_document (session));
  jx_chart_export_choose (parent, view);
}
