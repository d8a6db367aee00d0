/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jx-table-cell.h"
#include "jx-widget-util.h"

/* Between the text and the choices' button. */
#define BUTTON_GAP 2
/* About one character of the table's font. */
#define MIN_TEXT_WIDTH 16

struct _JxTableCell
{
  GtkWidget parent_instance;

  char *title;
  char *text;
  char *hint;
  /* What the cell shows when not editing (the text, or the hint when it is
   * empty), wrapped at the text's width: the height comes from it, while
   * editing too, since the editor wraps the same text the same way. */
  PangoLayout *layout;
  guint context_serial;
  GtkWidget *editor;            /* a GtkTextView while editing, or NULL */
  GtkWidget *button;            /* the choices' menu button, or NULL */
  const char * const *choices;
  gboolean editable;
  gboolean syncing;
  /* The cursor while not editing (characters): editing starts there. */
  int cursor;
};

/* GtkEditable's properties, which the cell has as an entry would. */
enum
{
  PROP_0,
  N_OWN_PROPS = 1
};

static void jx_table_cell_editable_init (GtkEditableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JxTableCell, jx_table_cell, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_EDITABLE, jx_table_cell_editable_init))

static void
emit_changed (JxTableCell *self)
{
  g_signal_emit_by_name (self, "changed");
}

static const char *
shown_text (JxTableCell *self)
{
  return self->text[0] != '\0' || self->hint == NULL ? self->text : self->hint;
}

static gboolean
showing_hint (JxTableCell *self)
{
  return self->text[0] == '\0' && self->hint != NULL && self->hint[0] != '\0';
}

static int
button_width (JxTableCell *self)
{
  int width = 0;

  if (self->button == NULL)
    return 0;
  gtk_widget_measure (self->button, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  return width + BUTTON_GAP;
}

/* The width the text has in a content box this wide (-1: unwrapped). */
static int
text_width (JxTableCell *self,
            int          width)
{
  return width < 0 ? -1 : MAX (width - button_width (self), 1);
}

static PangoLayout *
ensure_layout (JxTableCell *self,
               int          width)
{
  int pango_width = width < 0 ? -1 : width * PANGO_SCALE;

  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), shown_text (self));
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
      self->context_serial = pango_context_get_serial (pango_layout_get_context (self->layout));
    }
  if (pango_layout_get_width (self->layout) != pango_width)
    pango_layout_set_width (self->layout, pango_width);
  return self->layout;
}

static PangoLayout *
allocated_layout (JxTableCell *self)
{
  return ensure_layout (self, text_width (self, gtk_widget_get_width (GTK_WIDGET (self))));
}

static void
jx_table_cell_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  JxTableCell *self = JX_TABLE_CELL (widget);
  PangoLayout *layout;
  int height, button_height = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* The column sets the width: any will do, down to about a character.
       * Not from the layout: laying the text out unwrapped here and wrapped
       * for the height would lay every cell out twice a frame. */
      *minimum = *natural = MIN_TEXT_WIDTH + button_width (self);
      return;
    }
  layout = ensure_layout (self, text_width (self, for_size));
  pango_layout_get_pixel_size (layout, NULL, &height);
  if (self->button != NULL)
    gtk_widget_measure (self->button, GTK_ORIENTATION_VERTICAL, -1, &button_height, NULL, NULL, NULL);
  *minimum = *natural = MAX (height, button_height);
}

static GtkSizeRequestMode
jx_table_cell_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
jx_table_cell_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  JxTableCell *self = JX_TABLE_CELL (widget);
  int text = text_width (self, width);

  ensure_layout (self, text);
  if (self->button != NULL)
    {
      int button = button_width (self) - BUTTON_GAP, button_height;

      gtk_widget_measure (self->button, GTK_ORIENTATION_VERTICAL, -1, &button_height, NULL, NULL, NULL);
      gtk_widget_size_allocate (self->button,
                                &(GtkAllocation) { width - button, 0, button, button_height }, -1);
    }
  if (self->editor != NULL)
    gtk_widget_size_allocate (self->editor, &(GtkAllocation) { 0, 0, text, height }, -1);
}

static void
jx_table_cell_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  JxTableCell *self = JX_TABLE_CELL (widget);
  gboolean hint = showing_hint (self);

  /* While editing the text view draws the text; the hint stays under it. */
  if (self->editor == NULL || hint)
    {
      PangoLayout *layout = allocated_layout (self);

      if (hint)
        gtk_snapshot_push_opacity (snapshot, 0.55);
      gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), 0, 0, layout);
      if (hint)
        gtk_snapshot_pop (snapshot);
    }
  if (self->editor != NULL)
    gtk_widget_snapshot_child (widget, self->editor, snapshot);
  if (self->button != NULL)
    gtk_widget_snapshot_child (widget, self->button, snapshot);
}

/* A font or a theme changed: lay the text out again. Other changes of
 * style (hover, selection) leave the context as it was and cost nothing. */
static void
jx_table_cell_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  JxTableCell *self = JX_TABLE_CELL (widget);

  GTK_WIDGET_CLASS (jx_table_cell_parent_class)->css_changed (widget, change);
  if (self->layout != NULL &&
      pango_context_get_serial (pango_layout_get_context (self->layout)) != self->context_serial)
    {
      pango_layout_context_changed (self->layout);
      self->context_serial = pango_context_get_serial (pango_layout_get_context (self->layout));
      gtk_widget_queue_resize (widget);
    }
}

/* Keyboard focus reaching the cell (Tab, the table's own moves) starts
 * editing it. */
static gboolean
jx_table_cell_grab_focus (GtkWidget *widget)
{
  return jx_table_cell_start_editing (JX_TABLE_CELL (widget), -1);
}

static gboolean
jx_table_cell_focus (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  JxTableCell *self = JX_TABLE_CELL (widget);

  if (self->editor != NULL && gtk_widget_has_focus (self->editor))
    return FALSE;
  return jx_table_cell_start_editing (self, -1);
}

static void
update_layout_text (JxTableCell *self)
{
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, shown_text (self), -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
jx_table_cell_dispose (GObject *object)
{
  JxTableCell *self = JX_TABLE_CELL (object);

  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_pointer (&self->button, gtk_widget_unparent);
  G_OBJECT_CLASS (jx_table_cell_parent_class)->dispose (object);
}

static void
jx_table_cell_finalize (GObject *object)
{
  JxTableCell *self = JX_TABLE_CELL (object);

  g_clear_object (&self->layout);
  g_free (self->title);
  g_free (self->text);
  g_free (self->hint);
  G_OBJECT_CLASS (jx_table_cell_parent_class)->finalize (object);
}

static void
choose_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  JxTableCell *self = JX_TABLE_CELL (widget);

  jx_table_cell_enter_text (self, g_variant_get_string (parameter, NULL));
  jx_table_cell_start_editing (self, g_utf8_strlen (self->text, -1));
}

static void
load_style_once (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded || gdk_display_get_default () == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  /* The editor lies exactly over the text it replaces: no padding or
   * background of its own. */
  gtk_css_provider_load_from_data (provider,
    "tablecell { padding: 5px 6px; }"
    "tablecell:focus-within { box-shadow: inset 0 0 0 2px alpha(@theme_selected_bg_color, 0.8); }"
    "tablecell > textview.jx-cell-editor, tablecell > textview.jx-cell-editor > text"
    " { background: none; padding: 0; }"
    "tablecell > menubutton > button { min-height: 18px; min-width: 18px; padding: 0 1px; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}


/* The cell as a GtkEditable: what an entry in the table was, so that the
 * table and its tests set, read and watch a cell's text the same way. */

static const char *
editable_get_text (GtkEditable *editable)
{
  return JX_TABLE_CELL (editable)->text;
}

static void
editable_insert_text (GtkEditable *editable,
                      const char  *text,
                      int          length,
                      int         *position)
{
  JxTableCell *self = JX_TABLE_CELL (editable);
  glong n_chars = g_utf8_strlen (self->text, -1);
  int at = CLAMP (*position, 0, (int) n_chars);
  g_autofree char *piece = g_strndup (text, length < 0 ? strlen (text) : (gsize) length);
  GString *joined;

  if (piece[0] == '\0')
    return;
  if (self->editor != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, at);
      gtk_text_buffer_insert (buffer, &iter, piece, -1);
      *position = at + g_utf8_strlen (piece, -1);
      return;
    }
  joined = g_string_new (self->text);
  g_string_insert (joined, g_utf8_offset_to_pointer (self->text, at) - self->text, piece);
  g_free (self->text);
  self->text = g_string_free (joined, FALSE);
  *position = at + g_utf8_strlen (piece, -1);
  self->cursor = *position;
  update_layout_text (self);
  emit_changed (self);
}

static void
editable_delete_text (GtkEditable *editable,
                      int          start_pos,
                      int          end_pos)
{
  JxTableCell *self = JX_TABLE_CELL (editable);
  int n_chars = (int) g_utf8_strlen (self->text, -1);
  const char *start, *end;
  GString *rest;

  if (end_pos < 0 || end_pos > n_chars)
    end_pos = n_chars;
  start_pos = CLAMP (start_pos, 0, end_pos);
  if (start_pos == end_pos)
    return;
  if (self->editor != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
      GtkTextIter from, to;

      gtk_text_buffer_get_iter_at_offset (buffer, &from, start_pos);
      gtk_text_buffer_get_iter_at_offset (buffer, &to, end_pos);
      gtk_text_buffer_delete (buffer, &from, &to);
      return;
    }
  start = g_utf8_offset_to_pointer (self->text, start_pos);
  end = g_utf8_offset_to_pointer (self->text, end_pos);
  rest = g_string_new_len (self->text, start - self->text);
  g_string_append (rest, end);
  g_free (self->text);
  self->text = g_string_free (rest, FALSE);
  self->cursor = MIN (self->cursor, start_pos);
  update_layout_text (self);
  emit_changed (self);
}

static gboolean
editable_get_selection_bounds (GtkEditable *editable,
                               int         *start_pos,
                               int         *end_pos)
{
  JxTableCell *self = JX_TABLE_CELL (editable);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (self->editor == NULL)
    {
      *start_pos = *end_pos = MIN (self->cursor, (int) g_utf8_strlen (self->text, -1));
      return FALSE;
    }
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  *start_pos = gtk_text_iter_get_offset (&start);
  *end_pos = gtk_text_iter_get_offset (&end);
  return *start_pos != *end_pos;
}

static void
editable_set_selection_bounds (GtkEditable *editable,
                               int          start_pos,
                               int          end_pos)
{
  JxTableCell *self = JX_TABLE_CELL (editable);
  int n_chars = (int) g_utf8_strlen (self->text, -1);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (start_pos < 0 || start_pos > n_chars)
    start_pos = n_chars;
  if (end_pos < 0 || end_pos > n_chars)
    end_pos = n_chars;
  self->cursor = end_pos;
  if (self->editor == NULL)
    return;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, start_pos);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, end_pos);
  gtk_text_buffer_select_range (buffer, &end, &start);
}

static void
jx_table_cell_editable_init (GtkEditableInterface *iface)
{
  iface->get_text = editable_get_text;
  iface->insert_text = editable_insert_text;
  iface->delete_text = editable_delete_text;
  iface->get_selection_bounds = editable_get_selection_bounds;
  iface->set_selection_bounds = editable_set_selection_bounds;
}

static void
set_editable (JxTableCell *self,
              gboolean     editable)
{
  if (self->editable == editable)
    return;
  self->editable = editable;
  if (self->editor != NULL)
    gtk_text_view_set_editable (GTK_TEXT_VIEW (self->editor), editable);
  /* Nothing to choose in a cell kept as it is. */
  if (self->button != NULL)
    gtk_widget_set_visible (self->button, editable);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
jx_table_cell_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  JxTableCell *self = JX_TABLE_CELL (object);
  int start, end;

  switch (prop_id - N_OWN_PROPS)
    {
    case GTK_EDITABLE_PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case GTK_EDITABLE_PROP_CURSOR_POSITION:
      editable_get_selection_bounds (GTK_EDITABLE (self), &start, &end);
      g_value_set_int (value, end);
      break;
    case GTK_EDITABLE_PROP_SELECTION_BOUND:
      editable_get_selection_bounds (GTK_EDITABLE (self), &start, &end);
      g_value_set_int (value, start);
      break;
    case GTK_EDITABLE_PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    case GTK_EDITABLE_PROP_WIDTH_CHARS:
    case GTK_EDITABLE_PROP_MAX_WIDTH_CHARS:
      g_value_set_int (value, -1);
      break;
    case GTK_EDITABLE_PROP_XALIGN:
      g_value_set_float (value, 0.0);
      break;
    case GTK_EDITABLE_PROP_ENABLE_UNDO:
      /* Ctrl+Z is the document's: jx_widget_disable_undo on the editor. */
      g_value_set_boolean (value, FALSE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_table_cell_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  JxTableCell *self = JX_TABLE_CELL (object);

  switch (prop_id - N_OWN_PROPS)
    {
    case GTK_EDITABLE_PROP_TEXT:
      jx_table_cell_enter_text (self, g_value_get_string (value));
      break;
    case GTK_EDITABLE_PROP_EDITABLE:
      set_editable (self, g_value_get_boolean (value));
      break;
    case GTK_EDITABLE_PROP_WIDTH_CHARS:
    case GTK_EDITABLE_PROP_MAX_WIDTH_CHARS:
    case GTK_EDITABLE_PROP_XALIGN:
    case GTK_EDITABLE_PROP_ENABLE_UNDO:
      /* The column sets the width; the text starts at the left. */
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_table_cell_class_init (JxTableCellClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jx_table_cell_dispose;
  object_class->finalize = jx_table_cell_finalize;
  widget_class->measure = jx_table_cell_measure;
  widget_class->get_request_mode = jx_table_cell_get_request_mode;
  widget_class->size_allocate = jx_table_cell_size_allocate;
  widget_class->snapshot = jx_table_cell_snapshot;
  widget_class->css_changed = jx_table_cell_css_changed;
  widget_class->grab_focus = jx_table_cell_grab_focus;
  widget_class->focus = jx_table_cell_focus;

  object_class->get_property = jx_table_cell_get_property;
  object_class->set_property = jx_table_cell_set_property;
  gtk_editable_install_properties (object_class, N_OWN_PROPS);
  gtk_widget_class_install_action (widget_class, "cell.choose", "s", choose_activated);
  gtk_widget_class_set_css_name (widget_class, "tablecell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TEXT_BOX);
}

/* A plain click edits where it points; with Shift or Ctrl it is the
 * table's, which selects rows. */
static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            JxTableCell     *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if ((state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0 || self->editor != NULL)
    return;
  if (jx_table_cell_start_editing_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
jx_table_cell_init (JxTableCell *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->text = g_strdup ("");
  self->editable = TRUE;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  load_style_once ();
}

GtkWidget *
jx_table_cell_new (const char *title)
{
  JxTableCell *self = g_object_new (JX_TYPE_TABLE_CELL, NULL);

  self->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return GTK_WIDGET (self);
}

const char *
jx_table_cell_get_text (JxTableCell *self)
{
  g_return_val_if_fail (JX_IS_TABLE_CELL (self), NULL);
  return self->text;
}

/* Keeps the cursor where it was, as far as the new text reaches. */
static void
set_editor_text (JxTableCell *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  int position = jx_table_cell_get_position (self);
  g_autofree char *text = g_strdup (self->text);
  GtkTextIter iter;

  /* The buffer says "changed" halfway, empty: that is not the clerk's. */
  self->syncing = TRUE;
  gtk_text_buffer_set_text (buffer, text, -1);
  self->syncing = FALSE;
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, position);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

void
jx_table_cell_set_text (JxTableCell *self,
                        const char  *text)
{
  g_return_if_fail (JX_IS_TABLE_CELL (self));
  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  /* The buffer's "changed" finds the text the cell has: no "changed". */
  if (self->editor != NULL)
    set_editor_text (self);
  update_layout_text (self);
}

void
jx_table_cell_enter_text (JxTableCell *self,
                          const char  *text)
{
  g_return_if_fail (JX_IS_TABLE_CELL (self));
  if (g_strcmp0 (self->text, text != NULL ? text : "") == 0)
    return;
  jx_table_cell_set_text (self, text);
  emit_changed (self);
}

void
jx_table_cell_insert_at_cursor (JxTableCell *self,
                                const char  *text)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (JX_IS_TABLE_CELL (self));
  if (self->editor == NULL && !jx_table_cell_start_editing (self, g_utf8_strlen (self->text, -1)))
    return;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, self->editable);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, self->editable);
  gtk_text_buffer_end_user_action (buffer);
}

void
jx_table_cell_set_hint (JxTableCell *self,
                        const char  *hint)
{
  g_return_if_fail (JX_IS_TABLE_CELL (self));
  if (g_strcmp0 (self->hint, hint) == 0)
    return;
  g_free (self->hint);
  self->hint = g_strdup (hint);
  if (self->text[0] == '\0')
    update_layout_text (self);
}

const char *
jx_table_cell_get_hint (JxTableCell *self)
{
  g_return_val_if_fail (JX_IS_TABLE_CELL (self), NULL);
  return self->hint;
}

static GtkPopover *
make_menu (JxTableCell *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; self->choices != NULL && self->choices[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (self->choices[i], NULL);

      g_menu_item_set_action_and_target_value (item, "cell.choose", g_variant_new_string (self->choices[i]));
      g_menu_append_item (menu, item);
    }
  return GTK_POPOVER (gtk_popover_menu_new_from_model (G_MENU_MODEL (menu)));
}

/* The list is made when it opens: most cells never open theirs. */
static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       data)
{
  gtk_menu_button_set_popover (button, GTK_WIDGET (make_menu (JX_TABLE_CELL (data))));
}

static void
add_button (JxTableCell *self)
{
  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->button), "pan-down-symbolic");
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (self->button), FALSE);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->button), create_popup_cb, self, NULL);
  /* Alt+↓ opens the list from the keyboard: Tab does not stop here. */
  gtk_widget_set_focusable (self->button, FALSE);
  gtk_widget_set_focus_on_click (self->button, FALSE);
  gtk_widget_set_valign (self->button, GTK_ALIGN_START);
  jx_widget_set_tooltip (self->button, _("Standard names (F4)"));
  jx_widget_set_name (self->button, _("Standard names"));
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
}

void
jx_table_cell_set_choices (JxTableCell        *self,
                           const char * const *choices)
{
  g_return_if_fail (JX_IS_TABLE_CELL (self));
  if (self->choices == choices)
    return;
  self->choices = choices;
  if (choices != NULL && self->button == NULL)
    add_button (self);
  else if (choices == NULL && self->button != NULL)
    g_clear_pointer (&self->button, gtk_widget_unparent);
  else if (self->button != NULL)
    /* An open list shows the old choices until it is opened again. */
    gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), NULL);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

gboolean
jx_table_cell_has_choices (JxTableCell *self)
{
  g_return_val_if_fail (JX_IS_TABLE_CELL (self), FALSE);
  return self->button != NULL;
}

void
jx_table_cell_popup_choices (JxTableCell *self)
{
  g_return_if_fail (JX_IS_TABLE_CELL (self));
  if (self->button != NULL)
    gtk_menu_button_popup (GTK_MENU_BUTTON (self->button));
}

/* Editing. */

static void
buffer_changed_cb (JxTableCell   *self,
                   GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->syncing)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, self->text) == 0)
    return;
  g_free (self->text);
  self->text = g_steal_pointer (&text);
  update_layout_text (self);
  emit_changed (self);
}

/* The text view lives only while the cell has the focus: a table of many
 * rows holds one, not one a cell. Not at once: the focus is moving. */
static gboolean
finish_editing_cb (gpointer data)
{
  JxTableCell *self = data;

  if (self->editor != NULL && !gtk_widget_has_focus (self->editor))
    jx_table_cell_stop_editing (self);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
editor_leave_cb (JxTableCell *self)
{
  g_idle_add (finish_editing_cb, g_object_ref (self));
}

static void
make_editor (JxTableCell *self)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_add_css_class (view, "jx-cell-editor");
  jx_widget_disable_undo (view);
  jx_widget_set_name (view, self->title);
  gtk_text_buffer_set_text (buffer, self->text, -1);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), self->editable);
  g_signal_connect_object (focus, "leave", G_CALLBACK (editor_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (view, focus);
  gtk_widget_insert_after (view, GTK_WIDGET (self), NULL);
  self->editor = view;
}

static void
place_cursor (JxTableCell *self,
              int          position)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  GtkTextIter start, end, at;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  if (position < 0)
    {
      gtk_text_buffer_select_range (buffer, &end, &start);
      return;
    }
  gtk_text_buffer_get_iter_at_offset (buffer, &at, position);
  gtk_text_buffer_place_cursor (buffer, &at);
}

gboolean
jx_table_cell_start_editing (JxTableCell *self,
                             int          position)
{
  g_return_val_if_fail (JX_IS_TABLE_CELL (self), FALSE);
  if (self->editor == NULL)
    {
      if (!gtk_widget_is_sensitive (GTK_WIDGET (self)))
        return FALSE;
      make_editor (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  if (!gtk_widget_grab_focus (self->editor))
    return FALSE;
  place_cursor (self, position);
  return TRUE;
}

gboolean
jx_table_cell_start_editing_at (JxTableCell *self,
                                double       x,
                                double       y)
{
  PangoLayout *layout;
  int index, trailing;

  g_return_val_if_fail (JX_IS_TABLE_CELL (self), FALSE);
  if (showing_hint (self))
    return jx_table_cell_start_editing (self, 0);
  layout = allocated_layout (self);
  pango_layout_xy_to_index (layout, (int) (x * PANGO_SCALE), (int) (y * PANGO_SCALE), &index, &trailing);
  return jx_table_cell_start_editing (self, g_utf8_pointer_to_offset (self->text, self->text + index) + trailing);
}

void
jx_table_cell_stop_editing (JxTableCell *self)
{
  g_return_if_fail (JX_IS_TABLE_CELL (self));
  if (self->editor == NULL)
    return;
  self->cursor = jx_table_cell_get_position (self);
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GtkTextView *
jx_table_cell_get_editor (JxTableCell *self)
{
  g_return_val_if_fail (JX_IS_TABLE_CELL (self), NULL);
  return self->editor != NULL ? GTK_TEXT_VIEW (self->editor) : NULL;
}

int
jx_table_cell_get_position (JxTableCell *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_val_if_fail (JX_IS_TABLE_CELL (self), -1);
  if (self->editor == NULL)
    return -1;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

/* The line as the cell shows it: the editor wraps the same way. */
gboolean
jx_table_cell_cursor_on_edge (JxTableCell *self,
                              gboolean     last)
{
  PangoLayout *layout;
  int position, line;

  g_return_val_if_fail (JX_IS_TABLE_CELL (self), TRUE);
  position = jx_table_cell_get_position (self);
  if (position < 0 || showing_hint (self))
    return TRUE;
  layout = allocated_layout (self);
  pango_layout_index_to_line_x (layout, g_utf8_offset_to_pointer (self->text, position) - self->text,
                                FALSE, &line, NULL);
  return last ? line >= pango_layout_get_line_count (layout) - 1 : line <= 0;
}

gboolean
jx_table_cell_has_selection (JxTableCell *self)
{
  g_return_val_if_fail (JX_IS_TABLE_CELL (self), FALSE);
  return self->editor != NULL &&
         gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor)));
}

gboolean
jx_table_cell_shows_all (JxTableCell *self)
{
  int height;

  g_return_val_if_fail (JX_IS_TABLE_CELL (self), FALSE);
  pango_layout_get_pixel_size (allocated_layout (self), NULL, &height);
  return gtk_widget_get_height (GTK_WIDGET (self)) >= height &&
         !pango_layout_is_ellipsized (self->layout);
}

int
jx_table_cell_get_n_lines (JxTableCell *self)
{
  g_return_val_if_fail (JX_IS_TABLE_CELL (self), 0);
  return pango_layout_get_line_count (allocated_layout (self));
}
