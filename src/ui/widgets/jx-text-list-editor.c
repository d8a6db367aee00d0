/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-checkpoint.h"
#include "jx-document-edit.h"
#include "jx-list-edit.h"
#include "jx-month-button.h"
#include "jx-text-area.h"
#include "jx-widget-util.h"
#include "jx-measure.h"
#include "jx-text-item.h"
#include "jx-text-list-editor.h"

struct _JxTextListEditor
{
  GtkWidget parent_instance;

  GType item_type;
  GListModel *model;
  /* The document the list is in: its edits are one undo step each, its
   * money unit is the amounts'. */
  JxDocument *document;
  JxProject *project;
  GtkWidget *list;
  GtkWidget *empty_hint;
  GtkWidget *tools;
  GtkWidget *add_button;
  GtkWidget *presets_button;
  char *item_hint;
  /* Rows line up whatever their month's name is. */
  GtkSizeGroup *month_sizes;
  /* Each row widget's Row (owned). */
  GHashTable *rows;
};

G_DEFINE_FINAL_TYPE (JxTextListEditor, jx_text_list_editor, GTK_TYPE_WIDGET)

static int
row_index (GtkWidget *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);

  return row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;
}

static JxTextListEditor *
editor_of (GtkWidget *widget)
{
  return JX_TEXT_LIST_EDITOR (gtk_widget_get_ancestor (widget, JX_TYPE_TEXT_LIST_EDITOR));
}

static void
focus_row (JxTextListEditor *self,
           guint             index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), index);

  if (row != NULL && gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD))
    jx_widget_scroll_into_view (GTK_WIDGET (row));
}

static void
move_clicked_cb (GtkWidget *button,
                 gpointer   delta_pointer)
{
  JxTextListEditor *self = editor_of (button);
  int delta = GPOINTER_TO_INT (delta_pointer);
  int index = row_index (button);
  int to = index + delta;

  if (index < 0 || to < 0 || to >= (int) g_list_model_get_n_items (self->model))
    return;
  jx_list_store_move (G_LIST_STORE (self->model), index, to);
  focus_row (self, to);
}

static void
remove_clicked_cb (GtkWidget *button)
{
  JxTextListEditor *self = editor_of (button);
  int index = row_index (button);
  guint n;

  if (index < 0)
    return;
  g_list_store_remove (G_LIST_STORE (self->model), index);
  n = g_list_model_get_n_items (self->model);
  if (n > 0)
    focus_row (self, MIN ((guint) index, n - 1));
  else
    gtk_widget_grab_focus (self->add_button);
}

static GtkWidget *
tool_button (const char *icon,
             const char *tooltip,
             GCallback   callback,
             gpointer    data)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  jx_widget_set_tooltip (button, tooltip);
  jx_widget_set_name (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_focus_on_click (button, FALSE);
  g_signal_connect (button, "clicked", callback, data);
  return button;
}

/* Rows. The rows stay when the list changes: a change of project or an
 * insertion points the rows at other items, and only a change in the
 * number of items adds or removes rows (building a row of the spending
 * plan is a drop-down, a spin button and their popovers). */

typedef struct
{
  JxTextListEditor *editor;
  GObject *item;         /* bound item, or NULL */
  JxProject *project;    /* for a checkpoint: whose total the amount is of */
  GPtrArray *bindings;
  GtkWidget *text;       /* text item: its text; measure: its body */
  GtkWidget *heading;    /* measure */
  GtkWidget *month;      /* checkpoint */
  GtkWidget *percent;
  GtkWidget *amount;
  GtkWidget *number;
} Row;

static void
drop_binding (gpointer binding)
{
  g_binding_unbind (binding);
  g_object_unref (binding);
}

static void
bind (Row        *row,
      const char *property,
      gpointer    target,
      const char *target_property)
{
  GBinding *binding = g_object_bind_property (row->item, property, target, target_property,
                                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_ptr_array_add (row->bindings, g_object_ref (binding));
}

static void
update_amount (Row *row)
{
  g_autofree char *amount = NULL;
  g_autofree char *text = NULL;

  if (row->project == NULL || !JX_IS_CHECKPOINT (row->item))
    return;
  amount = jx_money_format (jx_money_percent_of (jx_project_get_total (row->project),
                                                 jx_checkpoint_get_percent (JX_CHECKPOINT (row->item))));
  /* TRANSLATORS: the amount a cumulative spending percent means, and the
   * document's money unit: "= 0.90万元" */
  text = g_strdup_printf (_("= %s%s"), amount,
                          row->editor->document != NULL
                            ? jx_document_get_money_unit (row->editor->document) : JX_DEFAULT_UNIT);
  gtk_label_set_text (GTK_LABEL (row->amount), text);
}

static void
unbind_row (Row *row)
{
  g_ptr_array_set_size (row->bindings, 0);
  if (row->item != NULL)
    g_signal_handlers_disconnect_by_data (row->item, row);
  if (row->project != NULL)
    g_signal_handlers_disconnect_by_data (row->project, row);
  g_clear_object (&row->item);
  g_clear_object (&row->project);
}

static Row *row_of (JxTextListEditor *self, GtkListBoxRow *widget);

/* Each row's chooser dims the months the other rows have. */
static void
update_taken (JxTextListEditor *self)
{
  gboolean taken[13] = { FALSE };
  GtkListBoxRow *widget;
  guint n;

  if (self->item_type != JX_TYPE_CHECKPOINT || self->model == NULL)
    return;
  n = g_list_model_get_n_items (self->model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxCheckpoint) row = g_list_model_get_item (self->model, i);
      taken[jx_checkpoint_get_month (row)] = TRUE;
    }
  for (guint i = 0; (widget = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), i)) != NULL; i++)
    jx_month_button_set_taken (JX_MONTH_BUTTON (row_of (self, widget)->month), taken);
}

static void
row_month_changed_cb (Row *row)
{
  update_taken (row->editor);
}

/* The model gives the row its month and its place among the others; the
 * focus follows the row there (items_changed_cb). */
static void
month_chosen_cb (JxMonthButton *button,
                 guint          month,
                 Row           *row)
{
  JxTextListEditor *self = row->editor;

  if (!JX_IS_CHECKPOINT (row->item))
    return;
  if (self->document != NULL && self->project != NULL)
    jx_document_set_checkpoint_month (self->document, self->project, JX_CHECKPOINT (row->item), month);
  else
    jx_checkpoint_set_month (JX_CHECKPOINT (row->item), month);
}

static void
bind_row (JxTextListEditor *self,
          Row              *row,
          GObject          *item)
{
  unbind_row (row);
  row->item = g_object_ref (item);
  if (JX_IS_TEXT_ITEM (item))
    bind (row, "text", gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->text)), "text");
  else if (JX_IS_MEASURE (item))
    {
      bind (row, "heading", row->heading, "text");
      bind (row, "body", gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->text)), "text");
    }
  else
    {
      /* The month changes through the model, which keeps the order. */
      GBinding *month = g_object_bind_property (item, "month", row->month, "month", G_BINDING_SYNC_CREATE);

      g_ptr_array_add (row->bindings, g_object_ref (month));
      g_signal_connect_swapped (item, "notify::month", G_CALLBACK (row_month_changed_cb), row);
      bind (row, "percent", row->percent, "value");
      if (self->project != NULL)
        {
          row->project = g_object_ref (self->project);
          g_signal_connect_swapped (row->project, "notify::total", G_CALLBACK (update_amount), row);
        }
      g_signal_connect_swapped (item, "notify::percent", G_CALLBACK (update_amount), row);
      update_amount (row);
    }
}

static void
row_free (Row *row)
{
  unbind_row (row);
  g_ptr_array_unref (row->bindings);
  g_free (row);
}

static Row *
row_of (JxTextListEditor *self,
        GtkListBoxRow    *widget)
{
  return g_hash_table_lookup (self->rows, widget);
}

/* Row contents per item type. */

static GtkWidget *
text_item_content (Row *row)
{
  GtkWidget *area = jx_text_area_new_framed (&row->text, 2);

  jx_widget_set_name (row->text, _("Text"));
  return area;
}

static GtkWidget *
measure_content (Row *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *area = jx_text_area_new_framed (&row->text, 2);

  row->heading = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (row->heading), _("Heading (may be empty)"));
  jx_widget_set_name (row->heading, _("Heading"));
  jx_widget_set_name (row->text, _("Text"));
  jx_widget_disable_undo (row->heading);
  gtk_box_append (GTK_BOX (box), row->heading);
  gtk_box_append (GTK_BOX (box), area);
  return box;
}

static GtkWidget *
spin (double min, double max, double step, guint digits)
{
  GtkWidget *button = gtk_spin_button_new_with_range (min, max, step);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (button), digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (button), TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  jx_widget_disable_undo (button);
  return button;
}

static GtkWidget *
checkpoint_content (JxTextListEditor *self,
                    Row              *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  row->month = jx_month_button_new ();
  gtk_widget_set_valign (row->month, GTK_ALIGN_CENTER);
  g_signal_connect (row->month, "month-chosen", G_CALLBACK (month_chosen_cb), row);
  gtk_size_group_add_widget (self->month_sizes, row->month);
  row->percent = spin (0, 100, 1, 2);
  row->amount = g_object_new (GTK_TYPE_LABEL, "xalign", 1.0, "width-chars", 10,
                              "css-classes", (const char *[]) { "numeric", "dim-label", NULL },
                              NULL);
  gtk_editable_set_width_chars (GTK_EDITABLE (row->percent), 6);
  jx_widget_set_tooltip (row->percent, _("Share of the budget spent by then, in percent"));
  jx_widget_set_name (row->percent, _("Share of the budget spent by then, in percent"));
  jx_widget_set_tooltip (row->amount, _("The amount this share of the budget is"));

  gtk_box_append (GTK_BOX (box), row->month);
  gtk_box_append (GTK_BOX (box), row->percent);
  gtk_box_append (GTK_BOX (box), gtk_label_new ("%"));
  gtk_box_append (GTK_BOX (box), row->amount);
  return box;
}

/* Pasting several lines. The clipboard is read first; what it holds
 * decides between the model's paste of lines as items and an ordinary
 * paste. */

static void place_cursor (GtkWidget *field, int cursor);

typedef struct
{
  JxTextListEditor *editor;   /* a reference */
  GtkTextView *view;          /* a reference */
  GObject *item;              /* the item pasted into, a reference */
} Paste;

static void
paste_free (Paste *paste)
{
  g_object_unref (paste->editor);
  g_object_unref (paste->view);
  g_object_unref (paste->item);
  g_free (paste);
}

static void
paste_plainly (GtkTextBuffer *buffer,
               const char    *text)
{
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

static char *
buffer_slice (GtkTextBuffer     *buffer,
              const GtkTextIter *from,
              const GtkTextIter *to)
{
  return gtk_text_buffer_get_text (buffer, from, to, FALSE);
}

/* The last item pasted gets the focus, the cursor after its pasted text. */
static void
focus_pasted (Paste *paste,
              guint  last,
              int    after_length)
{
  JxTextListEditor *self = paste->editor;
  GtkListBoxRow *widget = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), last);
  Row *row = widget != NULL ? row_of (self, widget) : NULL;
  GtkTextBuffer *buffer;

  if (row == NULL || row->text == NULL || !gtk_widget_grab_focus (row->text))
    return;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->text));
  place_cursor (row->text, gtk_text_buffer_get_char_count (buffer) - after_length);
  jx_widget_scroll_into_view (GTK_WIDGET (widget));
}

/* Whether the view's row still shows the item the paste began in. */
static gboolean
still_there (Paste *paste,
             guint *position)
{
  JxTextListEditor *self = paste->editor;
  GtkWidget *widget = gtk_widget_get_ancestor (GTK_WIDGET (paste->view), GTK_TYPE_LIST_BOX_ROW);
  Row *row;

  if (self->model == NULL || widget == NULL ||
      (row = row_of (self, GTK_LIST_BOX_ROW (widget))) == NULL || row->item != paste->item)
    return FALSE;
  return g_list_store_find (G_LIST_STORE (self->model), paste->item, position);
}

static void
clipboard_read_cb (GObject      *clipboard,
                   GAsyncResult *result,
                   gpointer      data)
{
  Paste *paste = data;
  JxTextListEditor *self = paste->editor;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (paste->view);
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkTextIter start, end, bounds_start, bounds_end;
  guint position, n;

  /* Nothing to paste, or the row shows another item by now. */
  if (text == NULL || !still_there (paste, &position))
    {
      paste_free (paste);
      return;
    }
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  gtk_text_buffer_get_bounds (buffer, &bounds_start, &bounds_end);
  before = buffer_slice (buffer, &bounds_start, &start);
  after = buffer_slice (buffer, &end, &bounds_end);
  if (self->document != NULL &&
      (n = jx_document_paste_lines (self->document, self->model, position, before, text, after)) > 0)
    focus_pasted (paste, position + n - 1, g_utf8_strlen (after, -1));
  else
    paste_plainly (buffer, text);
  paste_free (paste);
}

static void
paste_cb (GtkTextView *view,
          Row         *row)
{
  Paste *paste;

  if (row->item == NULL || !gtk_text_view_get_editable (view))
    return;
  g_signal_stop_emission_by_name (view, "paste-clipboard");
  paste = g_new0 (Paste, 1);
  paste->editor = g_object_ref (row->editor);
  paste->view = g_object_ref (view);
  paste->item = g_object_ref (row->item);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (view)), NULL,
                                 clipboard_read_cb, paste);
}

static GtkWidget *
new_row (JxTextListEditor *self)
{
  GtkWidget *widget = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  Row *row = g_new0 (Row, 1);
  GtkWidget *content;

  row->editor = self;
  row->bindings = g_ptr_array_new_with_free_func (drop_binding);
  row->number = g_object_new (GTK_TYPE_LABEL, "xalign", 1.0, "width-chars", 3,
                              "valign", GTK_ALIGN_START, "margin-top", 8,
                              "css-classes", (const char *[]) { "dim-label", "numeric", NULL },
                              NULL);
  if (self->item_type == JX_TYPE_TEXT_ITEM)
    content = text_item_content (row);
  else if (self->item_type == JX_TYPE_MEASURE)
    content = measure_content (row);
  else
    content = checkpoint_content (self, row);
  gtk_widget_set_hexpand (content, TRUE);
  if (row->text != NULL)
    {
      jx_text_area_set_placeholder (JX_TEXT_AREA (row->text), self->item_hint);
      g_signal_connect (row->text, "paste-clipboard", G_CALLBACK (paste_cb), row);
    }

  gtk_box_append (GTK_BOX (box), row->number);
  gtk_box_append (GTK_BOX (box), content);
  /* A plan's rows keep the order of their months. */
  if (self->item_type != JX_TYPE_CHECKPOINT)
    {
      gtk_box_append (GTK_BOX (box), tool_button ("go-up-symbolic", _("Move up"),
                                                  G_CALLBACK (move_clicked_cb), GINT_TO_POINTER (-1)));
      gtk_box_append (GTK_BOX (box), tool_button ("go-down-symbolic", _("Move down"),
                                                  G_CALLBACK (move_clicked_cb), GINT_TO_POINTER (1)));
    }
  gtk_box_append (GTK_BOX (box), tool_button ("list-remove-symbolic", _("Remove"),
                                              G_CALLBACK (remove_clicked_cb), NULL));
  g_object_set (box, "margin-top", 4, "margin-bottom", 4, "margin-end", 4, NULL);
  g_hash_table_insert (self->rows, widget, row);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (widget), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (widget), FALSE);
  gtk_widget_set_focusable (widget, FALSE);
  return widget;
}

/* Where the keyboard focus is in a row: which of its fields, and the
 * text cursor in it. */
typedef struct
{
  GObject *item;        /* the item typed into (a reference), or NULL */
  guint field;          /* index into row_fields () */
  int cursor;
} Typing;

static void
row_fields (Row       *row,
            GtkWidget *fields[4])
{
  fields[0] = row->text;
  fields[1] = row->heading;
  fields[2] = row->month;
  fields[3] = row->percent;
}

static int
cursor_of (GtkWidget *field)
{
  GtkTextIter iter;

  if (GTK_IS_EDITABLE (field))
    return gtk_editable_get_position (GTK_EDITABLE (field));
  if (!GTK_IS_TEXT_VIEW (field))
    return 0;
  gtk_text_buffer_get_iter_at_mark (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), &iter,
                                    gtk_text_buffer_get_insert (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field))));
  return gtk_text_iter_get_offset (&iter);
}

static void
place_cursor (GtkWidget *field,
              int        cursor)
{
  GtkTextIter iter;

  if (GTK_IS_EDITABLE (field))
    gtk_editable_set_position (GTK_EDITABLE (field), cursor);
  else if (GTK_IS_TEXT_VIEW (field))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, cursor);
      gtk_text_buffer_place_cursor (buffer, &iter);
    }
}

static void
find_typing (JxTextListEditor *self,
             Typing           *typing)
{
  GtkRoot *root = gtk_widget_get_root (self->list);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *widget = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  GtkWidget *fields[4];
  Row *row;

  if (widget == NULL || gtk_widget_get_parent (widget) != self->list ||
      (row = row_of (self, GTK_LIST_BOX_ROW (widget)))->item == NULL)
    return;
  row_fields (row, fields);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL && (focus == fields[i] || gtk_widget_is_ancestor (focus, fields[i])))
      {
        typing->item = g_object_ref (row->item);
        typing->field = i;
        typing->cursor = cursor_of (fields[i]);
        return;
      }
}

/* The focus goes on with the item it was typing into, now in another
 * row, with the text cursor where it was. */
static void
follow_typing (JxTextListEditor *self,
               Typing           *typing)
{
  GtkListBoxRow *widget;
  GtkWidget *fields[4];
  guint position;

  if (typing->item == NULL || self->model == NULL ||
      !g_list_store_find (G_LIST_STORE (self->model), typing->item, &position) ||
      (widget = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), position)) == NULL)
    return;
  row_fields (row_of (self, widget), fields);
  if (gtk_widget_has_focus (fields[typing->field]) ||
      (gtk_widget_get_focus_child (fields[typing->field]) != NULL) ||
      !gtk_widget_grab_focus (fields[typing->field]))
    return;
  place_cursor (fields[typing->field], typing->cursor);
  jx_widget_scroll_into_view (GTK_WIDGET (widget));
}

/* Matches the rows to the model's items, position by position. */
static void
sync_rows (JxTextListEditor *self,
           gboolean          rebind_all)
{
  GtkListBox *list = GTK_LIST_BOX (self->list);
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  GtkListBoxRow *widget;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->model, i);
      Row *row;

      if ((widget = gtk_list_box_get_row_at_index (list, i)) == NULL)
        {
          widget = GTK_LIST_BOX_ROW (new_row (self));
          gtk_list_box_append (list, GTK_WIDGET (widget));
        }
      row = row_of (self, widget);
      if (rebind_all || row->item != item)
        bind_row (self, row, item);
    }
  while ((widget = gtk_list_box_get_row_at_index (list, n)) != NULL)
    {
      g_hash_table_remove (self->rows, widget);
      gtk_list_box_remove (list, GTK_WIDGET (widget));
    }
}

static void
renumber (JxTextListEditor *self)
{
  GtkListBoxRow *row;
  gboolean empty;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), i)) != NULL; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u.", i + 1);

      gtk_label_set_text (GTK_LABEL (row_of (self, row)->number), text);
    }
  empty = self->model == NULL || g_list_model_get_n_items (self->model) == 0;
  gtk_widget_set_visible (self->list, !empty);
  gtk_widget_set_visible (self->empty_hint, empty && self->model != NULL &&
                          gtk_label_get_text (GTK_LABEL (self->empty_hint))[0] != '\0');
  if (self->item_type == JX_TYPE_CHECKPOINT && self->model != NULL)
    {
      guint position, month;
      double percent;

      /* A row for each month at most. */
      gtk_widget_set_sensitive (self->add_button,
                                jx_template_next_checkpoint (self->model, &position, &month, &percent));
      update_taken (self);
    }
}

void
jx_text_list_editor_focus_row (JxTextListEditor *self,
                               guint             index)
{
  g_return_if_fail (JX_IS_TEXT_LIST_EDITOR (self));
  focus_row (self, index);
}

/* A plan's new row is the model's guess (jx_template_next_checkpoint),
 * at its place among the months; other lists get an empty item at the end. */
void
jx_text_list_editor_add (JxTextListEditor *self)
{
  g_autoptr(GObject) item = NULL;
  int position;

  g_return_if_fail (JX_IS_TEXT_LIST_EDITOR (self));
  if (self->model == NULL)
    return;
  if (self->item_type == JX_TYPE_CHECKPOINT)
    {
      if (self->document == NULL || self->project == NULL ||
          (position = jx_document_add_checkpoint (self->document, self->project)) < 0)
        return;
    }
  else
    {
      position = g_list_model_get_n_items (self->model);
      item = self->item_type == JX_TYPE_MEASURE ? G_OBJECT (jx_measure_new ("", ""))
                                                : G_OBJECT (jx_text_item_new (""));
      g_list_store_insert (G_LIST_STORE (self->model), position, item);
    }
  focus_row (self, position);
}

static void
preset_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  JxTextListEditor *self = user_data;
  int preset = g_variant_get_int32 (parameter);

  if (self->document != NULL && self->project != NULL && preset >= 0 && preset < JX_PLAN_N_PRESETS)
    jx_document_set_plan_preset (self->document, self->project, preset);
}

/* "按季度均衡：3、6、9、12月底，25%、50%、75%、100%" */
static char *
preset_label (JxPlanPreset preset)
{
  g_autoptr(GPtrArray) rows = jx_template_plan_preset (preset);
  g_autoptr(GString) months = g_string_new (NULL);
  g_autoptr(GString) percents = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      JxCheckpoint *row = g_ptr_array_index (rows, i);
      g_autofree char *percent = jx_checkpoint_format_percent (jx_checkpoint_get_percent (row));
      /* TRANSLATORS: the separator of a list of months or percents, "3、6、9" */
      const char *separator = i > 0 ? _(", ") : "";

      g_string_append_printf (months, "%s%u", separator, jx_checkpoint_get_month (row));
      g_string_append_printf (percents, "%s%s", separator, percent);
    }
  /* TRANSLATORS: a spending-plan preset: its name, its months, their
   * percents: "按季度均衡：3、6、9、12月底，25%、50%、75%、100%" */
  return g_strdup_printf (_("%s: end of months %s, %s"), jx_template_plan_preset_name (preset),
                          months->str, percents->str);
}

static GtkWidget *
presets_button_new (JxTextListEditor *self)
{
  static const GActionEntry entries[] = { { "preset", preset_activated, "i" } };
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "plan", G_ACTION_GROUP (actions));
  for (int preset = 0; preset < JX_PLAN_N_PRESETS; preset++)
    {
      g_autofree char *label = preset_label (preset);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "plan.preset", "i", preset);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Pre_sets"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  jx_widget_set_tooltip (button, _("Fill in the whole plan in one of the usual shapes"));
  return button;
}

static void
jx_text_list_editor_dispose (GObject *object)
{
  JxTextListEditor *self = JX_TEXT_LIST_EDITOR (object);
  GtkWidget *child;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  /* The rows' bindings go before the widgets they bind. */
  g_clear_pointer (&self->rows, g_hash_table_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);
  g_clear_object (&self->project);
  g_clear_object (&self->document);
  g_clear_object (&self->month_sizes);
  g_clear_pointer (&self->item_hint, g_free);
  G_OBJECT_CLASS (jx_text_list_editor_parent_class)->dispose (object);
}

static void
jx_text_list_editor_class_init (JxTextListEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = jx_text_list_editor_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
jx_text_list_editor_init (JxTextListEditor *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->month_sizes = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->rows = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) row_free);
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "frame");
  gtk_widget_set_parent (self->list, GTK_WIDGET (self));
  self->empty_hint = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0, "wrap", TRUE, "visible", FALSE,
                                   "css-classes", (const char *[]) { "dim-label", NULL }, NULL);
  gtk_widget_set_parent (self->empty_hint, GTK_WIDGET (self));
  self->tools = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (self->tools, GTK_WIDGET (self));
}

GtkWidget *
jx_text_list_editor_new (GType       item_type,
                         const char *add_label)
{
  JxTextListEditor *self = g_object_new (JX_TYPE_TEXT_LIST_EDITOR, NULL);

  self->item_type = item_type;
  self->add_button = gtk_button_new_with_mnemonic (add_label);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (jx_text_list_editor_add), self);
  gtk_box_append (GTK_BOX (self->tools), self->add_button);
  if (item_type == JX_TYPE_CHECKPOINT)
    {
      self->presets_button = presets_button_new (self);
      gtk_box_append (GTK_BOX (self->tools), self->presets_button);
    }
  return GTK_WIDGET (self);
}

static void
items_changed_cb (JxTextListEditor *self)
{
  Typing typing = { NULL, 0, 0 };

  find_typing (self, &typing);
  sync_rows (self, FALSE);
  renumber (self);
  follow_typing (self, &typing);
  g_clear_object (&typing.item);
}

void
jx_text_list_editor_set_model (JxTextListEditor *self,
                               GListModel       *model)
{
  g_return_if_fail (JX_IS_TEXT_LIST_EDITOR (self));
  g_return_if_fail (model == NULL || G_IS_LIST_STORE (model));

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb), self,
                             G_CONNECT_SWAPPED);
  /* Every row, even one whose item stays: the project may have changed. */
  sync_rows (self, TRUE);
  renumber (self);
}

void
jx_text_list_editor_set_project (JxTextListEditor *self,
                                 JxProject        *project)
{
  g_return_if_fail (JX_IS_TEXT_LIST_EDITOR (self));
  g_set_object (&self->project, project);
}

static void
money_unit_changed_cb (JxTextListEditor *self)
{
  GtkListBoxRow *widget;

  for (guint i = 0; (widget = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), i)) != NULL; i++)
    update_amount (row_of (self, widget));
}

void
jx_text_list_editor_set_document (JxTextListEditor *self,
                                  JxDocument       *document)
{
  g_return_if_fail (JX_IS_TEXT_LIST_EDITOR (self));
  g_return_if_fail (document == NULL || JX_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL && self->item_type == JX_TYPE_CHECKPOINT)
    g_signal_connect_object (document, "notify::money-unit", G_CALLBACK (money_unit_changed_cb), self,
                             G_CONNECT_SWAPPED);
  money_unit_changed_cb (self);
}

void
jx_text_list_editor_set_hints (JxTextListEditor *self,
                               const char       *empty,
                               const char       *item)
{
  GtkListBoxRow *widget;

  g_return_if_fail (JX_IS_TEXT_LIST_EDITOR (self));

  gtk_label_set_text (GTK_LABEL (self->empty_hint), empty != NULL ? empty : "");
  g_free (self->item_hint);
  self->item_hint = g_strdup (item);
  for (guint i = 0; (widget = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), i)) != NULL; i++)
    if (row_of (self, widget)->text != NULL)
      jx_text_area_set_placeholder (JX_TEXT_AREA (row_of (self, widget)->text), item);
  renumber (self);
}
