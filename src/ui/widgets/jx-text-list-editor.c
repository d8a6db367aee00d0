/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-checkpoint.h"
#include "jx-document-edit.h"
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
  JxProject *project;
  GtkWidget *list;
  GtkWidget *add_button;
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
  /* TRANSLATORS: the amount a cumulative spending percent means, e.g. "= 25.00" */
  text = g_strdup_printf (_("= %s"), amount);
  gtk_label_set_text (GTK_LABEL (row->amount), text);
}

static gboolean
month_to_selected (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  g_value_set_uint (to, g_value_get_uint (from) - 1);
  return TRUE;
}

static gboolean
selected_to_month (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  guint selected = g_value_get_uint (from);

  if (selected >= 12)
    return FALSE;
  g_value_set_uint (to, selected + 1);
  return TRUE;
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
      GBinding *month = g_object_bind_property_full (item, "month", row->month, "selected",
                                                     G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                                     month_to_selected, selected_to_month, NULL, NULL);

      g_ptr_array_add (row->bindings, g_object_ref (month));
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

/* One list of month names for every row. */
static GListModel *
month_names (void)
{
  static GtkStringList *months;

  if (months == NULL)
    {
      months = gtk_string_list_new (NULL);
      for (guint month = 1; month <= 12; month++)
        {
          /* TRANSLATORS: a checkpoint of the spending plan, e.g. "by the end of month 6" */
          g_autofree char *label = g_strdup_printf (_("End of month %u"), month);
          gtk_string_list_append (months, label);
        }
    }
  return G_LIST_MODEL (months);
}

static GtkWidget *
month_dropdown (void)
{
  GtkWidget *dropdown;

  dropdown = gtk_drop_down_new (g_object_ref (month_names ()), NULL);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  jx_widget_set_tooltip (dropdown, _("Month"));
  jx_widget_set_name (dropdown, _("Month"));
  return dropdown;
}

static GtkWidget *
checkpoint_content (JxTextListEditor *self,
                    Row              *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  row->month = month_dropdown ();
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

static GtkWidget *
new_row (JxTextListEditor *self)
{
  GtkWidget *widget = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  Row *row = g_new0 (Row, 1);
  GtkWidget *content;

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

  gtk_box_append (GTK_BOX (box), row->number);
  gtk_box_append (GTK_BOX (box), content);
  gtk_box_append (GTK_BOX (box), tool_button ("go-up-symbolic", _("Move up"),
                                              G_CALLBACK (move_clicked_cb), GINT_TO_POINTER (-1)));
  gtk_box_append (GTK_BOX (box), tool_button ("go-down-symbolic", _("Move down"),
                                              G_CALLBACK (move_clicked_cb), GINT_TO_POINTER (1)));
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

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), i)) != NULL; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u.", i + 1);

      gtk_label_set_text (GTK_LABEL (row_of (self, row)->number), text);
    }
  gtk_widget_set_visible (self->list, self->model != NULL && g_list_model_get_n_items (self->model) > 0);
  if (self->item_type == JX_TYPE_CHECKPOINT && self->model != NULL)
    {
      guint n = g_list_model_get_n_items (self->model);
      g_autoptr(JxCheckpoint) last = n > 0 ? g_list_model_get_item (self->model, n - 1) : NULL;

      /* The plan runs to December at most. */
      gtk_widget_set_sensitive (self->add_button, last == NULL || jx_checkpoint_get_month (last) < 12);
    }
}

static gpointer
new_item (JxTextListEditor *self)
{
  guint n = g_list_model_get_n_items (self->model);
  g_autoptr(JxCheckpoint) last = NULL;

  if (self->item_type == JX_TYPE_TEXT_ITEM)
    return jx_text_item_new ("");
  if (self->item_type == JX_TYPE_MEASURE)
    return jx_measure_new ("", "");
  if (n == 0)
    return jx_checkpoint_new (6, 50);
  last = g_list_model_get_item (self->model, n - 1);
  return jx_checkpoint_new (MIN (jx_checkpoint_get_month (last) + 1, 12),
                            jx_checkpoint_get_percent (last));
}

void
jx_text_list_editor_focus_row (JxTextListEditor *self,
                               guint             index)
{
  g_return_if_fail (JX_IS_TEXT_LIST_EDITOR (self));
  focus_row (self, index);
}

void
jx_text_list_editor_add (JxTextListEditor *self)
{
  g_autoptr(GObject) item = NULL;
  guint n;

  g_return_if_fail (JX_IS_TEXT_LIST_EDITOR (self));
  if (self->model == NULL)
    return;
  n = g_list_model_get_n_items (self->model);
  item = new_item (self);
  g_list_store_insert (G_LIST_STORE (self->model), n, item);
  focus_row (self, n);
}

static void
jx_text_list_editor_dispose (GObject *object)
{
  JxTextListEditor *self = JX_TEXT_LIST_EDITOR (object);
  GtkWidget *child;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  /* The rows' bindings go before the widgets they bind. */
  g_clear_pointer (&self->rows, g_hash_table_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);
  g_clear_object (&self->project);
  g_clear_object (&self->month_sizes);
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
}

GtkWidget *
jx_text_list_editor_new (GType       item_type,
                         const char *add_label)
{
  JxTextListEditor *self = g_object_new (JX_TYPE_TEXT_LIST_EDITOR, NULL);

  self->item_type = item_type;
  self->add_button = gtk_button_new_with_mnemonic (add_label);
  gtk_widget_set_halign (self->add_button, GTK_ALIGN_START);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (jx_text_list_editor_add), self);
  gtk_widget_set_parent (self->add_button, GTK_WIDGET (self));
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
