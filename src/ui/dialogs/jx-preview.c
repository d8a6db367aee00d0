/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-change-watch.h"
#include "jx-font-watch.h"
#include "jx-page-draw.h"
#include "jx-page-layout.h"
#include "jx-preview.h"
#include "jx-print.h"
#include "jx-print-notice.h"
#include "jx-print-settings.h"

#define ZOOM_MIN 0.25
#define ZOOM_MAX 4.0
/* Edits come in bursts while typing: lay out once they pause. */
#define RELAYOUT_DELAY_MS 250

struct _JxPreview
{
  GtkWindow parent_instance;

  /* The session whose document it shows, or NULL for a preview of a
   * layout of its own (a 修改对照表), which it is given whole. */
  JxDocumentSession *session;
  JxDocument *document;
  JxChangeWatch *watch;      /* follows every change of the document */
  JxPageLayout *layout;
  guint page;
  double zoom;
  guint relayout_id;
  gboolean with_charts;

  GtkDrawingArea *area;
  GtkBox *content;
  JxPrintNotice *notice;
  GtkToggleButton *charts_button;
  GtkLabel *page_label;
  GtkLabel *zoom_label;
};

G_DEFINE_FINAL_TYPE (JxPreview, jx_preview, GTK_TYPE_WINDOW)

/* ---- following the document ------------------------------------------- */

static double
pixels_per_point (JxPreview *self)
{
  return self->zoom * 96.0 / 72.0;
}

/* The label is as wide as its widest text for this document, so the next
 * button stays under the pointer of a clerk clicking through the pages. */
static void
keep_page_label_width (JxPreview *self,
                       guint      n)
{
  guint last = n > 0 ? jx_page_layout_get_page_number (self->layout, n - 1) : 0;
  g_autofree char *widest = last > 0
    ? g_strdup_printf (_("Sheet %u of %u, page %u"), n, n, last)
    : g_strdup_printf (_("Sheet %u of %u"), n, n);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->page_label), widest);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  gtk_widget_set_size_request (GTK_WIDGET (self->page_label), width, -1);
}

static void
update_controls (JxPreview *self)
{
  guint n = self->layout != NULL ? jx_page_layout_get_n_pages (self->layout) : 0;
  guint number = n > 0 ? jx_page_layout_get_page_number (self->layout, self->page) : 0;
  /* Sheets count the cover and 目录; the printed number starts after them. */
  g_autofree char *page = number > 0
    ? g_strdup_printf (_("Sheet %u of %u, page %u"), self->page + 1, n, number)
    : g_strdup_printf (_("Sheet %u of %u"), MIN (self->page + 1, n), n);
  g_autofree char *zoom = g_strdup_printf ("%.0f%%", self->zoom * 100);
  double ppp = pixels_per_point (self);

  gtk_label_set_text (self->page_label, page);
  keep_page_label_width (self, n);
  gtk_label_set_text (self->zoom_label, zoom);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next", self->page + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in", self->zoom < ZOOM_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out", self->zoom > ZOOM_MIN);
  gtk_drawing_area_set_content_width (self->area, (int) (JX_PAGE_WIDTH * ppp));
  gtk_drawing_area_set_content_height (self->area, (int) (JX_PAGE_HEIGHT * ppp));
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
relayout (JxPreview *self)
{
  if (self->session == NULL)
    return;
  g_clear_object (&self->layout);
  if (self->document != NULL)
    {
      JxPageOptions options = { .with_charts = self->with_charts,
                                .stage = jx_document_get_stage (self->document) };

      self->layout = jx_page_layout_new_full (self->document, &options);
    }
  if (self->layout != NULL && self->page >= jx_page_layout_get_n_pages (self->layout))
    self->page = jx_page_layout_get_n_pages (self->layout) - 1;
  update_controls (self);
}

static gboolean
relayout_cb (gpointer data)
{
  JxPreview *self = data;

  self->relayout_id = 0;
  relayout (self);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (JxPreview *self)
{
  if (self->relayout_id == 0)
    self->relayout_id = g_timeout_add (RELAYOUT_DELAY_MS, relayout_cb, self);
}

/* Another font for a role, or a font file added: the pages change. */
static void
fonts_changed_cb (JxPreview *self)
{
  relayout (self);
}

static void
document_replaced_cb (JxPreview *self)
{
  JxDocument *document = jx_document_session_get_document (self->session);

  g_clear_handle_id (&self->relayout_id, g_source_remove);
  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_clear_object (&self->watch);
  g_set_object (&self->document, document);
  self->page = 0;
  if (document != NULL)
    {
      self->watch = jx_change_watch_new (document);
      g_signal_connect_swapped (self->watch, "changed", G_CALLBACK (changed_cb), self);
    }
  relayout (self);
}

/* ---- drawing and navigation --------------------------------------------- */

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        data)
{
  JxPreview *self = data;
  double ppp = pixels_per_point (self);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (self->layout == NULL || jx_page_layout_get_n_pages (self->layout) == 0)
    return;
  cairo_scale (cr, ppp, ppp);
  jx_page_draw (self->layout, self->page, cr);
}

static void
step_page (GtkWidget  *widget,
           const char *action,
           GVariant   *parameter)
{
  JxPreview *self = JX_PREVIEW (widget);
  int delta = g_str_equal (action, "preview.next") ? 1 : -1;

  if (delta < 0 && self->page > 0)
    jx_preview_set_page (self, self->page - 1);
  else if (delta > 0)
    jx_preview_set_page (self, self->page + 1);
}

static void
zoom_step (GtkWidget  *widget,
           const char *action,
           GVariant   *parameter)
{
  JxPreview *self = JX_PREVIEW (widget);

  if (g_str_equal (action, "preview.zoom-in"))
    jx_preview_set_zoom (self, self->zoom * 1.25);
  else
    jx_preview_set_zoom (self, self->zoom / 1.25);
}

static void
print_action (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  JxPreview *self = JX_PREVIEW (widget);

  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  /* A layout of its own prints as it is shown. */
  if (self->session == NULL && self->layout != NULL)
    jx_print_run_layout (parent != NULL ? parent : GTK_WINDOW (self), self->layout,
                         gtk_window_get_title (GTK_WINDOW (self)));
  /* The window it previews prints: the same dialog and settings. */
  else if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.print", NULL);
}

/* The notice's buttons act in the window the preview belongs to. */
static void
activate_in_parent (JxPreview  *self,
                    const char *action)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent == NULL)
    return;
  gtk_window_present (parent);
  gtk_widget_activate_action (GTK_WIDGET (parent), action, NULL);
}

static void
show_problems_cb (JxPreview *self)
{
  activate_in_parent (self, "win.show-problems");
}

static void
choose_fonts_cb (JxPreview *self)
{
  activate_in_parent (self, "app.preferences");
}

static GtkWidget *
icon_button (const char *icon,
             const char *action,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static void
charts_toggled_cb (GtkToggleButton *button,
                   JxPreview       *self)
{
  jx_preview_set_with_charts (self, gtk_toggle_button_get_active (button));
}

static void
build_header (JxPreview *self)
{
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *pages = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *zoom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *print = gtk_button_new_with_mnemonic (_("_Print…"));

  self->page_label = GTK_LABEL (gtk_label_new (NULL));
  self->zoom_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_width_chars (self->zoom_label, 5);
  gtk_widget_add_css_class (GTK_WIDGET (self->page_label), "numeric");
  gtk_box_append (GTK_BOX (pages), icon_button ("go-previous-symbolic", "preview.previous", _("Previous Page")));
  gtk_box_append (GTK_BOX (pages), GTK_WIDGET (self->page_label));
  gtk_box_append (GTK_BOX (pages), icon_button ("go-next-symbolic", "preview.next", _("Next Page")));
  gtk_box_append (GTK_BOX (zoom), icon_button ("zoom-out-symbolic", "preview.zoom-out", _("Zoom Out")));
  gtk_box_append (GTK_BOX (zoom), GTK_WIDGET (self->zoom_label));
  gtk_box_append (GTK_BOX (zoom), icon_button ("zoom-in-symbolic", "preview.zoom-in", _("Zoom In")));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "preview.print");
  gtk_widget_add_css_class (print, "suggested-action");
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), pages);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), print);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), zoom);
  self->charts_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Chart Appendix")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->charts_button),
                               _("Add the department's spending-plan chart as an appendix page"));
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), GTK_WIDGET (self->charts_button));
  gtk_window_set_titlebar (GTK_WINDOW (self), header);
}

static void
jx_preview_dispose (GObject *object)
{
  JxPreview *self = JX_PREVIEW (object);

  g_clear_handle_id (&self->relayout_id, g_source_remove);
  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_clear_object (&self->watch);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->document);
  g_clear_object (&self->layout);
  G_OBJECT_CLASS (jx_preview_parent_class)->dispose (object);
}

static void
jx_preview_class_init (JxPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_preview_dispose;

  gtk_widget_class_install_action (widget_class, "preview.previous", NULL, step_page);
  gtk_widget_class_install_action (widget_class, "preview.next", NULL, step_page);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_step);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_step);
  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jx_preview_init (JxPreview *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  self->zoom = 1.0;
  self->with_charts = jx_print_settings_get_with_charts ();
  build_header (self);
  gtk_toggle_button_set_active (self->charts_button, self->with_charts);
  g_signal_connect (self->charts_button, "toggled", G_CALLBACK (charts_toggled_cb), self);
  self->area = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_widget_set_halign (GTK_WIDGET (self->area), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self->area), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (self->area), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->area), 12);
  gtk_drawing_area_set_draw_func (self->area, draw_cb, self, NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->area));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (self->content, scroller);
  gtk_window_set_child (GTK_WINDOW (self), GTK_WIDGET (self->content));
  g_signal_connect_object (jx_font_watch_get_default (), "changed", G_CALLBACK (fonts_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_set_title (GTK_WINDOW (self), _("Print Preview"));
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 1000);
}

JxPreview *
jx_preview_new (GtkWindow         *parent,
                JxDocumentSession *session)
{
  JxPreview *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (JX_IS_DOCUMENT_SESSION (session), NULL);

  self = g_object_new (JX_TYPE_PREVIEW, "transient-for", parent, "destroy-with-parent", TRUE, NULL);
  self->session = g_object_ref (session);
  /* Above the pages: open errors and the fonts that stand in. */
  self->notice = JX_PRINT_NOTICE (jx_print_notice_new (jx_document_session_get_review (session), TRUE));
  g_signal_connect_swapped (self->notice, "show-problems", G_CALLBACK (show_problems_cb), self);
  g_signal_connect_swapped (self->notice, "choose-fonts", G_CALLBACK (choose_fonts_cb), self);
  gtk_box_prepend (self->content, GTK_WIDGET (self->notice));
  g_signal_connect_object (session, "notify::document", G_CALLBACK (document_replaced_cb), self,
                           G_CONNECT_SWAPPED);
  document_replaced_cb (self);
  return self;
}

/* A window has one preview: the one that is transient for it. */
JxPreview *
jx_preview_find (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (JX_IS_PREVIEW (window) && gtk_window_get_transient_for (window) == parent &&
          JX_PREVIEW (window)->session != NULL)
        return JX_PREVIEW (window);
    }
  return NULL;
}

JxPreview *
jx_preview_present (GtkWindow         *parent,
                    JxDocumentSession *session)
{
  JxPreview *preview = jx_preview_find (parent);

  if (preview == NULL)
    preview = jx_preview_new (parent, session);
  gtk_window_present (GTK_WINDOW (preview));
  return preview;
}

/* ---- a layout of its own ------------------------------------------------ */

JxPreview *
jx_preview_find_layout (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (JX_IS_PREVIEW (window) && gtk_window_get_transient_for (window) == parent &&
          JX_PREVIEW (window)->session == NULL)
        return JX_PREVIEW (window);
    }
  return NULL;
}

void
jx_preview_set_layout (JxPreview    *self,
                       JxPageLayout *layout)
{
  g_return_if_fail (JX_IS_PREVIEW (self));
  g_return_if_fail (JX_IS_PAGE_LAYOUT (layout));
  g_return_if_fail (self->session == NULL);

  g_set_object (&self->layout, layout);
  if (self->page >= jx_page_layout_get_n_pages (layout))
    self->page = MAX (jx_page_layout_get_n_pages (layout), 1) - 1;
  update_controls (self);
}

JxPreview *
jx_preview_present_layout (GtkWindow    *parent,
                           JxPageLayout *layout,
                           const char   *title)
{
  JxPreview *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (JX_IS_PAGE_LAYOUT (layout), NULL);

  self = jx_preview_find_layout (parent);
  if (self == NULL)
    {
      self = g_object_new (JX_TYPE_PREVIEW, "transient-for", parent, "destroy-with-parent", TRUE, NULL);
      /* What it shows is not the document: no appendix to add. */
      gtk_widget_set_visible (GTK_WIDGET (self->charts_button), FALSE);
    }
  if (title != NULL)
    gtk_window_set_title (GTK_WINDOW (self), title);
  jx_preview_set_layout (self, layout);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/* ---- reading and setting ----------------------------------------------- */

JxPrintNotice *
jx_preview_get_notice (JxPreview *self)
{
  g_return_val_if_fail (JX_IS_PREVIEW (self), NULL);
  return self->notice;
}

guint
jx_preview_get_page (JxPreview *self)
{
  g_return_val_if_fail (JX_IS_PREVIEW (self), 0);
  return self->page;
}

guint
jx_preview_get_n_pages (JxPreview *self)
{
  g_return_val_if_fail (JX_IS_PREVIEW (self), 0);
  return self->layout != NULL ? jx_page_layout_get_n_pages (self->layout) : 0;
}

void
jx_preview_set_page (JxPreview *self,
                     guint      page)
{
  g_return_if_fail (JX_IS_PREVIEW (self));

  if (self->layout == NULL || page >= jx_page_layout_get_n_pages (self->layout) || page == self->page)
    return;
  self->page = page;
  update_controls (self);
}

double
jx_preview_get_zoom (JxPreview *self)
{
  g_return_val_if_fail (JX_IS_PREVIEW (self), 1.0);
  return self->zoom;
}

void
jx_preview_set_zoom (JxPreview *self,
                     double     zoom)
{
  g_return_if_fail (JX_IS_PREVIEW (self));

  self->zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  update_controls (self);
}

gboolean
jx_preview_get_with_charts (JxPreview *self)
{
  g_return_val_if_fail (JX_IS_PREVIEW (self), FALSE);
  return self->with_charts;
}

void
jx_preview_set_with_charts (JxPreview *self,
                            gboolean   with_charts)
{
  g_return_if_fail (JX_IS_PREVIEW (self));

  with_charts = !!with_charts;
  if (with_charts == self->with_charts || self->session == NULL)
    return;
  self->with_charts = with_charts;
  /* Its "toggled" comes back here and stops above. */
  gtk_toggle_button_set_active (self->charts_button, with_charts);
  jx_print_settings_set_with_charts (with_charts);
  relayout (self);
}
