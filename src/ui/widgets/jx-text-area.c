/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-text-area.h"
#include "jx-widget-util.h"

struct _JxTextArea
{
  GtkTextView parent_instance;
  int min_lines;
  int last_width;
  int last_height;
  /* Heights measured since the text last changed, by width (-1: none). */
  GHashTable *heights;
  char *placeholder;
};

G_DEFINE_FINAL_TYPE (JxTextArea, jx_text_area, GTK_TYPE_TEXT_VIEW)

static int
measure_text (JxTextArea *self,
              int         width)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  int inner = width - gtk_text_view_get_left_margin (view) - gtk_text_view_get_right_margin (view);
  int height, line;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "中");
  pango_layout_get_pixel_size (layout, NULL, &line);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* A slightly narrower measure than the view's own errs on the side of
   * one line too many rather than one too few. No width: unwrapped. */
  pango_layout_set_width (layout, width < 0 ? -1 : MAX (inner - 2, 1) * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &height);
  height = MAX (height, line * self->min_lines);
  return height + gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view);
}

/* A form lays out often; the text changes far less often. */
static int
text_height (JxTextArea *self,
             int         width)
{
  gpointer cached;
  int height;

  if (g_hash_table_lookup_extended (self->heights, GINT_TO_POINTER (width), NULL, &cached))
    return GPOINTER_TO_INT (cached);
  height = measure_text (self, width);
  g_hash_table_insert (self->heights, GINT_TO_POINTER (width), GINT_TO_POINTER (height));
  return height;
}

static void
jx_text_area_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  JxTextArea *self = JX_TEXT_AREA (widget);

  GTK_WIDGET_CLASS (jx_text_area_parent_class)->measure (widget, orientation, for_size, minimum, natural,
                                                         minimum_baseline, natural_baseline);
  if (orientation != GTK_ORIENTATION_VERTICAL)
    return;
  if (for_size < 0)
    {
      *minimum = *natural = MAX (*minimum, text_height (self, -1));
      return;
    }
  self->last_width = for_size;
  self->last_height = text_height (self, for_size);
  *minimum = *natural = MAX (*minimum, self->last_height);
}

static GtkSizeRequestMode
jx_text_area_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Typing that adds or removes a line asks for a new height; other typing
 * costs no layout of the form. */
static void
buffer_changed_cb (JxTextArea *self)
{
  g_hash_table_remove_all (self->heights);
  if (self->last_width > 0 && text_height (self, self->last_width) != self->last_height)
    gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* The hint where the text would start, dimmed as GTK dims an entry's. */
static void
jx_text_area_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  JxTextArea *self = JX_TEXT_AREA (widget);
  GtkTextView *view = GTK_TEXT_VIEW (widget);
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA color;
  int width;

  GTK_WIDGET_CLASS (jx_text_area_parent_class)->snapshot (widget, snapshot);
  if (self->placeholder == NULL ||
      gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (view)) > 0)
    return;
  width = gtk_widget_get_width (widget) - gtk_text_view_get_left_margin (view) -
          gtk_text_view_get_right_margin (view);
  layout = gtk_widget_create_pango_layout (widget, self->placeholder);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
G_GNUC_END_IGNORE_DEPRECATIONS
  color.alpha *= 0.5;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (gtk_text_view_get_left_margin (view),
                                                          gtk_text_view_get_top_margin (view)));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* The hint shows and goes with the first and the last character. */
static void
placeholder_changed_cb (JxTextArea *self)
{
  if (self->placeholder != NULL &&
      gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self))) <= 1)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
jx_text_area_set_placeholder (JxTextArea *self,
                              const char *hint)
{
  g_return_if_fail (JX_IS_TEXT_AREA (self));

  if (g_strcmp0 (self->placeholder, hint) == 0)
    return;
  g_free (self->placeholder);
  self->placeholder = g_strdup (hint);
  if (hint != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER, hint, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
jx_text_area_finalize (GObject *object)
{
  g_free (JX_TEXT_AREA (object)->placeholder);
  g_hash_table_unref (JX_TEXT_AREA (object)->heights);
  G_OBJECT_CLASS (jx_text_area_parent_class)->finalize (object);
}

/* The font may change (preferences, theme): measure again. */
static void
jx_text_area_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (jx_text_area_parent_class)->css_changed (widget, change);
  g_hash_table_remove_all (JX_TEXT_AREA (widget)->heights);
}

static void
jx_text_area_class_init (JxTextAreaClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = jx_text_area_finalize;
  widget_class->css_changed = jx_text_area_css_changed;
  widget_class->measure = jx_text_area_measure;
  widget_class->snapshot = jx_text_area_snapshot;
  widget_class->get_request_mode = jx_text_area_get_request_mode;
}

static void
jx_text_area_init (JxTextArea *self)
{
  self->min_lines = 1;
  self->heights = g_hash_table_new (NULL, NULL);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), "changed",
                           G_CALLBACK (placeholder_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
jx_text_area_new (int min_lines)
{
  JxTextArea *self = g_object_new (JX_TYPE_TEXT_AREA, NULL);
  GtkTextView *view = GTK_TEXT_VIEW (self);

  self->min_lines = MAX (min_lines, 1);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (view, FALSE);
  gtk_text_view_set_top_margin (view, 6);
  gtk_text_view_set_bottom_margin (view, 6);
  gtk_text_view_set_left_margin (view, 8);
  gtk_text_view_set_right_margin (view, 8);
  jx_widget_disable_undo (GTK_WIDGET (view));
  return GTK_WIDGET (self);
}

GtkWidget *
jx_text_area_new_framed (GtkWidget **text_view,
                         int         min_lines)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = jx_text_area_new (min_lines);

  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_set_hexpand (frame, TRUE);
  *text_view = view;
  return frame;
}
