/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-edit.h"
#include "jx-window.h"

static JxWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return JX_IS_WINDOW (root) ? JX_WINDOW (root) : NULL;
}

void
jx_edit_begin (GtkWidget  *widget,
               const char *label)
{
  JxWindow *window = window_of (widget);

  if (window != NULL)
    jx_window_begin_action (window, label);
}

void
jx_edit_end (GtkWidget *widget)
{
  JxWindow *window = window_of (widget);

  if (window != NULL)
    jx_window_end_action (window);
}

void
jx_edit_move_item (GtkWidget  *widget,
                   GListStore *store,
                   guint       from,
                   guint       to)
{
  g_autoptr(GObject) item = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  if (from >= n || to >= n || from == to)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (store), from);
  jx_edit_begin (widget, _("Move"));
  g_list_store_remove (store, from);
  g_list_store_insert (store, to, item);
  jx_edit_end (widget);
}

void
jx_edit_insert_item (GtkWidget  *widget,
                     GListStore *store,
                     guint       position,
                     gpointer    item)
{
  g_list_store_insert (store, MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store))), item);
}

void
jx_edit_remove_item (GtkWidget  *widget,
                     GListStore *store,
                     guint       position)
{
  if (position >= g_list_model_get_n_items (G_LIST_MODEL (store)))
    return;
  g_list_store_remove (store, position);
}

void
jx_edit_disable_undo (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), FALSE);
  else if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_enable_undo (GTK_EDITABLE (widget), FALSE);
}

/* A text view as tall as its text at the width it is given. GTK 4.8's
 * GtkTextView reports only the lines it has already laid out, so outside a
 * scrolled window it stays a line high and cuts the rest: measure the text
 * ourselves, height for width. */
#define JX_TYPE_TEXT_AREA (jx_text_area_get_type ())
G_DECLARE_FINAL_TYPE (JxTextArea, jx_text_area, JX, TEXT_AREA, GtkTextView)

struct _JxTextArea
{
  GtkTextView parent_instance;
  int min_lines;
  int last_width;
  int last_height;
  /* Heights measured since the text last changed, by width (-1: none). */
  GHashTable *heights;
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

static void
jx_text_area_finalize (GObject *object)
{
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
  widget_class->get_request_mode = jx_text_area_get_request_mode;
}

static void
jx_text_area_init (JxTextArea *self)
{
  self->min_lines = 1;
  self->heights = g_hash_table_new (NULL, NULL);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
jx_edit_text_area_new (GtkWidget **text_view,
                       int         min_lines)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  JxTextArea *area = g_object_new (JX_TYPE_TEXT_AREA, NULL);
  GtkWidget *view = GTK_WIDGET (area);

  area->min_lines = min_lines;
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  jx_edit_disable_undo (view);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_set_hexpand (frame, TRUE);
  *text_view = view;
  return frame;
}

static void
name_parts (GtkWidget  *widget,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) || GTK_IS_EDITABLE (child) || GTK_IS_POPOVER (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      if (!GTK_IS_POPOVER (child))
        name_parts (child, name);
    }
}

void
jx_edit_set_name (GtkWidget  *widget,
                  const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  name_parts (widget, name);
}

static GQuark
tooltip_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("jx-tooltip");
  return quark;
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  const char *text = g_object_get_qdata (G_OBJECT (widget), tooltip_quark ());

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
jx_edit_set_tooltip (GtkWidget  *widget,
                     const char *text)
{
  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (g_strcmp0 (text, g_object_get_qdata (G_OBJECT (widget), tooltip_quark ())) == 0)
    return;
  if (g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, query_tooltip_cb, NULL) == 0)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
      gtk_widget_set_has_tooltip (widget, TRUE);
    }
  g_object_set_qdata_full (G_OBJECT (widget), tooltip_quark (), g_strdup (text), g_free);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static GtkScrolledWindow *
vertical_scroller (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      {
        GtkPolicyType policy;

        gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (w), NULL, &policy);
        if (policy != GTK_POLICY_NEVER)
          return GTK_SCROLLED_WINDOW (w);
      }
  return NULL;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  GtkScrolledWindow *scroller = vertical_scroller (widget);
  guint ticks = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "jx-scroll-tick"));
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double value, page, top, bottom;

  /* A new row of a list view settles over a few frames: follow it. */
  g_object_set_data (G_OBJECT (widget), "jx-scroll-tick", GUINT_TO_POINTER (ticks - 1));
  content = scroller != NULL ? gtk_scrolled_window_get_child (scroller) : NULL;
  /* Coordinates in the scrolled content, not in the viewport that moves. */
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (content == NULL || !gtk_widget_compute_bounds (widget, content, &bounds))
    return ticks > 1 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  /* A little of what is around it shows too. */
  top = bounds.origin.y - 24;
  bottom = bounds.origin.y + bounds.size.height + 24;
  if (top < value)
    gtk_adjustment_set_value (adjustment, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (adjustment, MIN (top, bottom - page));
  return ticks > 1 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

void
jx_edit_scroll_into_view (GtkWidget *widget)
{
  gboolean running = g_object_get_data (G_OBJECT (widget), "jx-scroll-tick") != NULL;

  g_object_set_data (G_OBJECT (widget), "jx-scroll-tick", GUINT_TO_POINTER (4));
  if (!running)
    gtk_widget_add_tick_callback (widget, scroll_tick_cb, NULL, NULL);
}

GtkWidget *
jx_edit_find_named (GtkWidget  *root,
                    const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = jx_edit_find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
jx_edit_focus_named (GtkWidget  *root,
                     const char *name)
{
  GtkWidget *widget = jx_edit_find_named (root, name);

  if (widget == NULL || !gtk_widget_grab_focus (widget))
    return FALSE;
  jx_edit_scroll_into_view (widget);
  return TRUE;
}

gboolean
jx_edit_parse_index (const char **path,
                     guint       *index)
{
  char *end;
  guint64 value;

  if (**path != '[')
    return FALSE;
  value = g_ascii_strtoull (*path + 1, &end, 10);
  if (end == *path + 1 || *end != ']' || value > G_MAXUINT)
    return FALSE;
  *index = (guint) value;
  *path = end + 1;
  return TRUE;
}

GtkWidget *
jx_edit_page_new (GtkWidget **column)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);

  g_object_set (box, "margin-top", 18, "margin-bottom", 24, "margin-start", 24, "margin-end", 24, NULL);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_widget_set_hexpand (scroller, TRUE);
  gtk_widget_set_vexpand (scroller, TRUE);
  *column = box;
  return scroller;
}

GtkWidget *
jx_edit_heading_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  return label;
}

GtkWidget *
jx_edit_grid_new (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  return grid;
}

void
jx_edit_grid_add (GtkWidget  *grid,
                  const char *text,
                  GtkWidget  *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);
  int row = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (grid), "jx-rows"));
  GtkWidget *target = field;

  if (!GTK_IS_EDITABLE (target) && gtk_widget_get_first_child (field) != NULL &&
      GTK_IS_EDITABLE (gtk_widget_get_first_child (field)))
    target = gtk_widget_get_first_child (field);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), target);
  gtk_widget_set_hexpand (field, TRUE);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), field, 1, row, 1, 1);
  g_object_set_data (G_OBJECT (grid), "jx-rows", GINT_TO_POINTER (row + 1));
}

GtkWidget *
jx_edit_entry_new (void)
{
  GtkWidget *entry = gtk_entry_new ();

  jx_edit_disable_undo (entry);
  return entry;
}

GtkEventController *
jx_edit_close_keys (void)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape|<Control>w"),
                      gtk_named_action_new ("window.close")));
  return keys;
}
