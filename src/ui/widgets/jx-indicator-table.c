/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-categories.h"
#include "jx-document-edit.h"
#include "jx-widget-util.h"
#include "jx-indicator.h"
#include "jx-indicator-table.h"
#include "jx-slot.h"
#include "jx-scoring.h"
#include "jx-stage-column-set.h"

/* The view shows slots (jx-slot.h), one a row, each pointing at the
 * indicator at its position: a change of project or of the list points
 * them elsewhere, and a row (six cells, two of them combo boxes) is made
 * or dropped only for a change in the number of indicators. */
struct _JxIndicatorTable
{
  GtkWidget parent_instance;

  GListModel *model;
  /* While the model is empty the table offers the usual categories as
   * rows of gray hints (jx_categories_suggested_rows): they are not in the
   * document, and the first text typed into one makes them its rows. */
  GListStore *suggested;
  guint adopt_id;
  GListStore *slots;
  GtkSingleSelection *selection;
  GtkWidget *view;
  struct _ColumnInfo *columns;
  /* Per column, the list items whose cells are bound now. */
  GHashTable *bound[JX_INDICATOR_N_COLUMNS];
  /* Cell widget and the editable in it → its Cell. */
  GHashTable *cells;
  guint pending_id;
  guint pending_row;
  /* A goal column, or JX_INDICATOR_N_COLUMNS + a stage column. */
  guint pending_column;
  /* The columns of a later stage, after the goal columns; while they
   * show, the goal columns and the rows are read-only. */
  JxStageColumnSet *stage_columns;
  gboolean goals_locked;
  GtkWidget *locked_note;
  /* At the self-evaluation: how the selected row's score was reached. */
  GtkWidget *score_note;
};

G_DEFINE_FINAL_TYPE (JxIndicatorTable, jx_indicator_table, GTK_TYPE_WIDGET)

static void sync_slots (JxIndicatorTable *self);

static const char *property_names[JX_INDICATOR_N_COLUMNS] = {
  "level1", "level2", "name", "description", "value", "basis",
};

/* Cells. A cell's widget is recycled: it follows its indicator only
 * between bind and unbind, and writes every keystroke to the model. */

typedef struct _ColumnInfo
{
  JxIndicatorTable *table;
  JxIndicatorColumn column;
  const char *title;
} ColumnInfo;

typedef struct
{
  ColumnInfo *info;
  GtkListItem *item;
  GtkWidget *widget;              /* an entry, or a combo box with an entry */
  GtkWidget *editable;            /* what is typed into */
  JxIndicator *indicator;         /* shown now (a reference), or NULL */
  JxSlot *slot;                   /* bound (a reference), or NULL */
  gboolean updating;              /* the text is being set from the model */
  const char * const *choices;    /* a level-2 cell's list now */
} Cell;

static Cell *
cell_of (JxIndicatorTable *self,
         GtkWidget        *widget)
{
  return g_hash_table_lookup (self->cells, widget);
}

static gboolean
is_suggested (JxIndicatorTable *self,
              JxIndicator      *indicator)
{
  guint position;

  return indicator != NULL && g_list_store_find (self->suggested, indicator, &position);
}

static void
fill_choices (GtkWidget  *combo,
              const char * const *choices)
{
  gtk_combo_box_text_remove_all (GTK_COMBO_BOX_TEXT (combo));
  for (guint i = 0; choices != NULL && choices[i] != NULL; i++)
    gtk_combo_box_text_append_text (GTK_COMBO_BOX_TEXT (combo), choices[i]);
}

static void
set_cell_text (Cell       *cell,
               const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (cell->editable)), text) == 0)
    return;
  cell->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (cell->editable), text);
  cell->updating = FALSE;
}

/* A narrow cell cuts long text: the whole of it shows on hovering. */
static void
update_tooltip (Cell *cell)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (cell->editable));

  jx_widget_set_tooltip (cell->editable, g_utf8_strlen (text, -1) > 5 ? text : NULL);
}

/* The category a suggested row offers, as a gray hint in its cells. */
static void
update_hint (Cell *cell)
{
  JxIndicatorTable *self = cell->info->table;
  const char *hint = NULL;
  guint position;

  if (cell->indicator != NULL && cell->info->column <= JX_INDICATOR_COLUMN_LEVEL2 &&
      g_list_store_find (self->suggested, cell->indicator, &position))
    {
      const JxCategoryPair *rows = jx_categories_suggested_rows (NULL);

      hint = cell->info->column == JX_INDICATOR_COLUMN_LEVEL1 ? rows[position].level1
                                                              : rows[position].level2;
    }
  gtk_entry_set_placeholder_text (GTK_ENTRY (cell->editable), hint);
}

static gboolean adopt_suggested_cb (gpointer data);

static void
editable_changed_cb (GtkWidget *editable,
                     Cell      *cell)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (editable));
  const char *property = property_names[cell->info->column];
  JxIndicatorTable *self = cell->info->table;
  g_autofree char *current = NULL;

  update_tooltip (cell);
  if (cell->indicator == NULL || cell->updating)
    return;
  g_object_get (cell->indicator, property, &current, NULL);
  if (g_strcmp0 (current, text) == 0)
    return;
  g_object_set (cell->indicator, property, text, NULL);
  /* Not inside the keystroke: the rows it brings rebind this very cell. */
  if (is_suggested (self, cell->indicator) && self->adopt_id == 0)
    self->adopt_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, adopt_suggested_cb, self, NULL);
}

/* A suggested row's first level is its hint until one is typed. */
static const char *
shown_level1 (Cell *cell)
{
  JxIndicatorTable *self = cell->info->table;
  const char *level1 = jx_indicator_get_level1 (cell->indicator);
  guint position;

  if (level1[0] == '\0' && g_list_store_find (self->suggested, cell->indicator, &position))
    return jx_categories_suggested_rows (NULL)[position].level1;
  return level1;
}

static void
refill_level2 (Cell *cell)
{
  const char * const *choices = jx_categories_level2 (shown_level1 (cell));

  cell->updating = TRUE;
  /* Rebinding a recycled cell of the same category keeps its list. */
  if (cell->choices != choices || choices == NULL)
    {
      fill_choices (cell->widget, choices);
      cell->choices = choices;
    }
  gtk_editable_set_text (GTK_EDITABLE (cell->editable), jx_indicator_get_level2 (cell->indicator));
  cell->updating = FALSE;
}

static void
indicator_notify_cb (JxIndicator *indicator,
                     GParamSpec  *pspec,
                     Cell        *cell)
{
  const char *property = property_names[cell->info->column];
  g_autofree char *value = NULL;

  if (cell->info->column == JX_INDICATOR_COLUMN_LEVEL2 && g_str_equal (pspec->name, "level1"))
    {
      refill_level2 (cell);
      return;
    }
  if (!g_str_equal (pspec->name, property))
    return;
  g_object_get (indicator, property, &value, NULL);
  set_cell_text (cell, value);
}

static void move_focus (JxIndicatorTable *self, Cell *cell, int step);

static gboolean
cell_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             Cell                  *cell)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  if ((keyval == GDK_KEY_Tab && mods == 0) ||
      ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && mods == 0))
    {
      move_focus (cell->info->table, cell, 1);
      return TRUE;
    }
  if ((keyval == GDK_KEY_ISO_Left_Tab || keyval == GDK_KEY_Tab) && mods == GDK_SHIFT_MASK)
    {
      move_focus (cell->info->table, cell, -1);
      return TRUE;
    }
  return FALSE;
}

static void
cell_focus_enter_cb (GtkEventControllerFocus *controller,
                     Cell                    *cell)
{
  guint position = gtk_list_item_get_position (cell->item);

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (cell->info->table->selection, position);
}

/* A later stage shows the goals beside the results but keeps them as set:
 * the cells read like text, the level lists do not open. */
/* The arrow of a combo box with an entry, which GTK keeps to itself. */
static GtkWidget *
find_toggle (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_TOGGLE_BUTTON (child) ? child : find_toggle (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
lock_cell (Cell     *cell,
           gboolean  locked)
{
  gtk_editable_set_editable (GTK_EDITABLE (cell->editable), !locked);
  if (GTK_IS_COMBO_BOX (cell->widget))
    {
      GtkWidget *arrow = find_toggle (cell->widget);

      gtk_combo_box_set_button_sensitivity (GTK_COMBO_BOX (cell->widget),
                                            locked ? GTK_SENSITIVITY_OFF : GTK_SENSITIVITY_AUTO);
      /* Nothing to choose: the cell is as wide as its text. */
      if (arrow != NULL)
        gtk_widget_set_visible (arrow, !locked);
    }
  if (locked)
    gtk_widget_add_css_class (cell->editable, "jx-read-only");
  else
    gtk_widget_remove_css_class (cell->editable, "jx-read-only");
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ColumnInfo               *info)
{
  gboolean level = info->column <= JX_INDICATOR_COLUMN_LEVEL2;
  Cell *cell = g_new0 (Cell, 1);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  cell->info = info;
  cell->item = item;
  cell->widget = level ? gtk_combo_box_text_new_with_entry () : gtk_entry_new ();
  cell->editable = level ? gtk_combo_box_get_child (GTK_COMBO_BOX (cell->widget)) : cell->widget;
  if (info->column == JX_INDICATOR_COLUMN_LEVEL1)
    fill_choices (cell->widget, jx_categories_level1 ());
  gtk_editable_set_width_chars (GTK_EDITABLE (cell->editable), 4);
  jx_widget_disable_undo (cell->editable);
  gtk_widget_add_css_class (cell->widget, "jx-cell");
  jx_widget_set_name (cell->widget, info->title);
  lock_cell (cell, info->table->goals_locked);
  g_hash_table_insert (info->table->cells, cell->widget, cell);
  g_hash_table_insert (info->table->cells, cell->editable, cell);
  g_signal_connect (cell->editable, "changed", G_CALLBACK (editable_changed_cb), cell);
  /* Capture: the entry would otherwise take Enter and Tab itself. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (cell_key_cb), cell);
  gtk_widget_add_controller (cell->editable, keys);
  g_signal_connect (focus, "enter", G_CALLBACK (cell_focus_enter_cb), cell);
  gtk_widget_add_controller (cell->editable, focus);
  gtk_list_item_set_child (item, cell->widget);
}

static void
attach_cell (Cell        *cell,
             JxIndicator *indicator)
{
  g_autofree char *value = NULL;

  cell->indicator = g_object_ref (indicator);
  if (cell->info->column == JX_INDICATOR_COLUMN_LEVEL2)
    refill_level2 (cell);
  g_object_get (indicator, property_names[cell->info->column], &value, NULL);
  set_cell_text (cell, value);
  update_hint (cell);
  g_signal_connect (indicator, "notify", G_CALLBACK (indicator_notify_cb), cell);
}

static void
detach_cell (Cell *cell)
{
  if (cell->indicator == NULL)
    return;
  g_signal_handlers_disconnect_by_func (cell->indicator, indicator_notify_cb, cell);
  /* Keystrokes are written as they come; this only catches a change that
   * arrived while the handler was blocked. */
  editable_changed_cb (cell->editable, cell);
  g_clear_object (&cell->indicator);
}

static void
slot_retargeted_cb (JxSlot *slot,
                    Cell   *cell)
{
  detach_cell (cell);
  if (jx_slot_get_item (slot) != NULL)
    attach_cell (cell, jx_slot_get_item (slot));
}

/* Lets go of the slot and the indicator, at unbind or at teardown. */
static void
release_cell (Cell *cell)
{
  if (cell->slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (cell->slot, slot_retargeted_cb, cell);
      g_clear_object (&cell->slot);
    }
  detach_cell (cell);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ColumnInfo               *info)
{
  Cell *cell = cell_of (info->table, gtk_list_item_get_child (item));
  JxSlot *slot = gtk_list_item_get_item (item);

  if (jx_slot_get_item (slot) != NULL)
    attach_cell (cell, jx_slot_get_item (slot));
  g_signal_connect (slot, "retargeted", G_CALLBACK (slot_retargeted_cb), cell);
  cell->slot = g_object_ref (slot);
  g_hash_table_add (info->table->bound[info->column], item);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                ColumnInfo               *info)
{
  g_hash_table_remove (info->table->bound[info->column], item);
  release_cell (cell_of (info->table, gtk_list_item_get_child (item)));
}

static void
teardown_cell_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  ColumnInfo               *info)
{
  GtkWidget *widget = gtk_list_item_get_child (item);
  Cell *cell = widget != NULL && info->table->cells != NULL ? cell_of (info->table, widget) : NULL;

  if (info->table->bound[info->column] != NULL)
    g_hash_table_remove (info->table->bound[info->column], item);
  if (cell == NULL)
    return;
  release_cell (cell);
  g_hash_table_remove (info->table->cells, cell->widget);
  g_hash_table_remove (info->table->cells, cell->editable);
  g_free (cell);
}

static Cell *
find_cell (JxIndicatorTable *self,
           guint             row,
           guint             column)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound[column]);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    if (gtk_list_item_get_position (item) == row)
      return cell_of (self, gtk_list_item_get_child (item));
  return NULL;
}

static guint
n_rows_shown (JxIndicatorTable *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->slots));
}

static gboolean focus_column (JxIndicatorTable *self, guint row, guint column);

/* From a cell at row and column (goal columns first, then the stage's) to
 * the next or previous, row by row. */
static void
move_from (JxIndicatorTable *self,
           guint             row,
           guint             column,
           int               step)
{
  int width = JX_INDICATOR_N_COLUMNS + jx_stage_column_set_get_n (self->stage_columns);
  int index = (int) row * width + (int) column + step;

  if (index < 0 || index >= (int) n_rows_shown (self) * width)
    {
      /* Past either end of the table: leave it the usual way. */
      gtk_widget_child_focus (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self))),
                              step > 0 ? GTK_DIR_TAB_FORWARD : GTK_DIR_TAB_BACKWARD);
      return;
    }
  focus_column (self, index / width, index % width);
}

static void
move_focus (JxIndicatorTable *self,
            Cell             *cell,
            int               step)
{
  move_from (self, gtk_list_item_get_position (cell->item), cell->info->column, step);
}

static void
stage_move_cb (gpointer data,
               guint    row,
               guint    column,
               int      step)
{
  move_from (data, row, JX_INDICATOR_N_COLUMNS + column, step);
}

/* The widget that takes the keyboard at a row and column, and the cell's
 * own widget in *child; NULL when that row is not bound (yet). */
static GtkWidget *
focus_target (JxIndicatorTable  *self,
              guint              row,
              guint              column,
              GtkWidget        **child)
{
  Cell *cell;
  JxStageCell *stage_cell;

  if (column < JX_INDICATOR_N_COLUMNS)
    {
      if ((cell = find_cell (self, row, column)) == NULL)
        return NULL;
      *child = cell->widget;
      return cell->editable;
    }
  stage_cell = jx_stage_column_set_get_cell (self->stage_columns, row, column - JX_INDICATOR_N_COLUMNS);
  if (stage_cell == NULL)
    return NULL;
  *child = GTK_WIDGET (stage_cell);
  return jx_stage_cell_get_focus_widget (stage_cell);
}

static gboolean focus_pending_cb (gpointer data);

/* The table scrolls sideways when the stage's columns make it wider than
 * the form: the cell taking the focus is brought into view, with a little
 * of its neighbours. GTK scrolls only the form around it, up and down. */
static void
scroll_sideways (JxIndicatorTable *self,
                 GtkWidget        *cell)
{
  GtkWidget *scroller = gtk_widget_get_parent (self->view);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_widget_get_width (scroller);
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (cell, scroller, &bounds))
    return;
  if (bounds.origin.x < 0)
    gtk_adjustment_set_value (adjustment, value + bounds.origin.x - 24);
  else if (bounds.origin.x + bounds.size.width > page)
    gtk_adjustment_set_value (adjustment,
                              value + MIN (bounds.origin.x, bounds.origin.x + bounds.size.width - page + 24));
}

static gboolean
focus_column (JxIndicatorTable *self,
              guint             row,
              guint             column)
{
  GtkWidget *child = NULL;
  GtkWidget *target = focus_target (self, row, column, &child);

  if (target == NULL)
    {
      /* A row just added may be bound only at the next layout. */
      self->pending_row = row;
      self->pending_column = column;
      if (self->pending_id == 0)
        self->pending_id = g_idle_add_full (G_PRIORITY_LOW, focus_pending_cb, self, NULL);
      return FALSE;
    }
  if (!gtk_widget_grab_focus (target))
    return FALSE;
  /* The row, not just the cell: its neighbours above and below show. */
  jx_widget_scroll_into_view (gtk_widget_get_parent (child));
  scroll_sideways (self, child);
  return TRUE;
}

static gboolean
focus_pending_cb (gpointer data)
{
  JxIndicatorTable *self = data;
  GtkWidget *child = NULL;
  GtkWidget *target = focus_target (self, self->pending_row, self->pending_column, &child);

  self->pending_id = 0;
  if (target != NULL && gtk_widget_grab_focus (target))
    {
      jx_widget_scroll_into_view (gtk_widget_get_parent (child));
      scroll_sideways (self, child);
    }
  return G_SOURCE_REMOVE;
}

/* Suggested rows. */

static void
make_suggestions (JxIndicatorTable *self)
{
  guint n_rows;

  jx_categories_suggested_rows (&n_rows);
  g_list_store_remove_all (self->suggested);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(JxIndicator) indicator = jx_indicator_new ("", "", "", "", "", "");
      g_list_store_append (self->suggested, indicator);
    }
}

/* Text typed into a suggested row: all of them become the project's rows,
 * with their categories and what was typed, as one undo step; fresh
 * suggestions wait for a table that is empty again. */
static gboolean
adopt_suggested_cb (gpointer data)
{
  JxIndicatorTable *self = data;
  guint n_rows;
  const JxCategoryPair *pairs = jx_categories_suggested_rows (&n_rows);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  self->adopt_id = 0;
  if (self->model == NULL || g_list_model_get_n_items (self->model) > 0)
    return G_SOURCE_REMOVE;
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(JxIndicator) hint = g_list_model_get_item (G_LIST_MODEL (self->suggested), i);
      JxIndicator *row = jx_indicator_copy (hint);

      if (jx_indicator_get_level1 (row)[0] == '\0')
        jx_indicator_set_level1 (row, pairs[i].level1);
      if (jx_indicator_get_level2 (row)[0] == '\0')
        jx_indicator_set_level2 (row, pairs[i].level2);
      g_ptr_array_add (rows, row);
    }
  g_list_store_splice (G_LIST_STORE (self->model), 0, 0, rows->pdata, rows->len);
  make_suggestions (self);
  return G_SOURCE_REMOVE;
}

/* What the rows show: the model's indicators, or the suggestions when it
 * has none. */
static GListModel *
shown_model (JxIndicatorTable *self)
{
  if (self->model == NULL)
    return NULL;
  if (g_list_model_get_n_items (self->model) > 0)
    return self->model;
  return G_LIST_MODEL (self->suggested);
}

/* Row operations, on the selected row. */

static GListStore *
store (JxIndicatorTable *self)
{
  return G_LIST_STORE (self->model);
}

static void
insert_row (JxIndicatorTable *self,
            guint             position,
            JxIndicator      *like)
{
  g_autoptr(JxIndicator) indicator = NULL;

  if (like != NULL)
    indicator = jx_indicator_new (jx_indicator_get_level1 (like), jx_indicator_get_level2 (like),
                                  "", "", "", "");
  else
    indicator = jx_indicator_new ("产出指标", "数量指标", "", "", "", "");
  g_list_store_insert (store (self), MIN (position, g_list_model_get_n_items (self->model)), indicator);
  gtk_single_selection_set_selected (self->selection, position);
  jx_indicator_table_focus_cell (self, position, JX_INDICATOR_COLUMN_NAME);
}

static void
add_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  JxIndicatorTable *self = JX_INDICATOR_TABLE (widget);
  guint current = jx_indicator_table_get_current (self);
  guint n = g_list_model_get_n_items (self->model);
  g_autoptr(JxIndicator) like = NULL;
  guint at = current == GTK_INVALID_LIST_POSITION ? n : current + 1;

  if (self->model == NULL)
    return;
  /* A new row below the current one belongs to the same category. */
  if (at > 0)
    like = g_list_model_get_item (self->model, at - 1);
  insert_row (self, at, like);
}

static void
insert_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  JxIndicatorTable *self = JX_INDICATOR_TABLE (widget);
  guint current = jx_indicator_table_get_current (self);
  g_autoptr(JxIndicator) like = NULL;

  if (self->model == NULL)
    return;
  if (current == GTK_INVALID_LIST_POSITION)
    current = 0;
  if (current < g_list_model_get_n_items (self->model))
    like = g_list_model_get_item (self->model, current);
  insert_row (self, current, like);
}

static void
duplicate_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  JxIndicatorTable *self = JX_INDICATOR_TABLE (widget);
  guint current = jx_indicator_table_get_current (self);
  g_autoptr(JxIndicator) original = NULL;
  g_autoptr(JxIndicator) copy = NULL;

  if (current == GTK_INVALID_LIST_POSITION)
    return;
  original = g_list_model_get_item (self->model, current);
  copy = jx_indicator_copy (original);
  g_list_store_insert (store (self), current + 1, copy);
  gtk_single_selection_set_selected (self->selection, current + 1);
  jx_indicator_table_focus_cell (self, current + 1, JX_INDICATOR_COLUMN_NAME);
}

static void
delete_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  JxIndicatorTable *self = JX_INDICATOR_TABLE (widget);
  guint current = jx_indicator_table_get_current (self);
  guint n;

  if (current == GTK_INVALID_LIST_POSITION)
    return;
  g_list_store_remove (store (self), current);
  n = g_list_model_get_n_items (self->model);
  if (n > 0)
    {
      gtk_single_selection_set_selected (self->selection, MIN (current, n - 1));
      jx_indicator_table_focus_cell (self, MIN (current, n - 1), JX_INDICATOR_COLUMN_NAME);
    }
}

static void
move_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  JxIndicatorTable *self = JX_INDICATOR_TABLE (widget);
  guint current = jx_indicator_table_get_current (self);
  int to = (int) current + (g_str_equal (action, "indicators.move-up") ? -1 : 1);

  if (current == GTK_INVALID_LIST_POSITION || to < 0 ||
      to >= (int) g_list_model_get_n_items (self->model))
    return;
  jx_list_store_move (store (self), current, to);
  gtk_single_selection_set_selected (self->selection, to);
  jx_indicator_table_focus_cell (self, to, JX_INDICATOR_COLUMN_NAME);
}

static void
update_actions (JxIndicatorTable *self)
{
  guint current = jx_indicator_table_get_current (self);
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  gboolean has = current != GTK_INVALID_LIST_POSITION && !self->goals_locked;
  gboolean model = self->model != NULL && !self->goals_locked;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.add", model);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.insert", model);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.duplicate", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.delete", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.move-up", has && current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.move-down", has && current + 1 < n);
}

/* Construction. */

static GtkWidget *
toolbar_button (const char *icon,
                const char *label,
                const char *tooltip,
                const char *action)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon));
  if (label != NULL)
    gtk_box_append (GTK_BOX (box), gtk_label_new_with_mnemonic (label));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_tooltip_text (button, tooltip);
  jx_widget_set_name (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
build_toolbar (JxIndicatorTable *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);

  gtk_box_append (GTK_BOX (box), toolbar_button ("list-add-symbolic", _("_Add Row"),
                                                 _("Add a row below the current one (Alt+Insert)"),
                                                 "indicators.add"));
  gtk_box_append (GTK_BOX (box), toolbar_button ("insert-text-symbolic", _("_Insert Above"),
                                                 _("Insert a row above the current one"),
                                                 "indicators.insert"));
  gtk_box_append (GTK_BOX (box), toolbar_button ("edit-copy-symbolic", _("D_uplicate"),
                                                 _("Duplicate the current row"),
                                                 "indicators.duplicate"));
  gtk_box_append (GTK_BOX (box), toolbar_button ("list-remove-symbolic", _("_Delete Row"),
                                                 _("Delete the current row (Alt+Delete)"),
                                                 "indicators.delete"));
  gtk_box_append (GTK_BOX (box), toolbar_button ("go-up-symbolic", NULL, _("Move the row up (Alt+Up)"),
                                                 "indicators.move-up"));
  gtk_box_append (GTK_BOX (box), toolbar_button ("go-down-symbolic", NULL,
                                                 _("Move the row down (Alt+Down)"),
                                                 "indicators.move-down"));
  self->locked_note = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0, "hexpand", TRUE, "wrap", TRUE,
                                    "margin-start", 12, "visible", FALSE,
                                    "css-classes", (const char *[]) { "dim-label", NULL },
                                    "label", _("The goal columns are kept as set; switch to the "
                                               "Goals stage to change them or the rows."),
                                    NULL);
  gtk_box_append (GTK_BOX (box), self->locked_note);
  return box;
}

static void
add_column (JxIndicatorTable  *self,
            JxIndicatorColumn  column,
            const char        *title,
            int                width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ColumnInfo *info = &self->columns[column];
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  info->table = self;
  info->column = column;
  info->title = title;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), info);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), info);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_cell_cb), info);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_fixed_width (view_column, width);
  gtk_column_view_column_set_expand (view_column, column >= JX_INDICATOR_COLUMN_NAME);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (self->view), view_column);
}

static void
jx_indicator_table_dispose (GObject *object)
{
  JxIndicatorTable *self = JX_INDICATOR_TABLE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_clear_handle_id (&self->adopt_id, g_source_remove);
  g_clear_pointer (&self->stage_columns, jx_stage_column_set_free);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, sync_slots, self);
  g_clear_object (&self->model);
  g_clear_object (&self->slots);
  for (guint i = 0; i < JX_INDICATOR_N_COLUMNS; i++)
    g_clear_pointer (&self->bound[i], g_hash_table_unref);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_object (&self->suggested);
  G_OBJECT_CLASS (jx_indicator_table_parent_class)->dispose (object);
}

static void
jx_indicator_table_finalize (GObject *object)
{
  g_free (JX_INDICATOR_TABLE (object)->columns);
  G_OBJECT_CLASS (jx_indicator_table_parent_class)->finalize (object);
}

static void
jx_indicator_table_class_init (JxIndicatorTableClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = jx_indicator_table_dispose;
  G_OBJECT_CLASS (klass)->finalize = jx_indicator_table_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);

  gtk_widget_class_install_action (widget_class, "indicators.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "indicators.insert", NULL, insert_activated);
  gtk_widget_class_install_action (widget_class, "indicators.duplicate", NULL, duplicate_activated);
  gtk_widget_class_install_action (widget_class, "indicators.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "indicators.move-up", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "indicators.move-down", NULL, move_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_ALT_MASK, "indicators.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_ALT_MASK, "indicators.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "indicators.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "indicators.move-down", NULL);
}

/* The row being edited is marked, but its text fields stay readable: the
 * theme's full selection colour would swamp them. */
static void
load_style_once (void)
{
  static gboolean loaded;
  GtkCssProvider *provider;

  if (loaded || gdk_display_get_default () == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
    ".jx-indicator-table > listview > row:selected {"
    " background-color: alpha(@theme_selected_bg_color, 0.18); color: inherit; }"
    ".jx-indicator-table entry.jx-read-only {"
    " background: none; box-shadow: none; border-color: transparent; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (provider);
}

static JxIndicator *selected_indicator (JxIndicatorTable *self);

static void
update_score_note (JxIndicatorTable *self)
{
  g_autoptr(JxIndicator) indicator = selected_indicator (self);
  const JxRowScore *row = NULL;
  g_autofree char *explanation = NULL;
  g_autofree char *points = NULL;
  g_autofree char *text = NULL;

  /* The selection changes once more while the table goes. */
  if (self->stage_columns == NULL)
    return;
  if (indicator != NULL && jx_stage_column_set_get_stage (self->stage_columns) == JX_STAGE_EVALUATION)
    row = jx_score_watch_get_row (jx_stage_column_set_get_scores (self->stage_columns), indicator);
  gtk_widget_set_visible (self->score_note, row != NULL);
  if (row == NULL)
    return;
  explanation = jx_row_score_explain (row);
  points = jx_score_format (row->score);
  /* TRANSLATORS: a row of the indicator table, its score, then how it was reached */
  text = g_strdup_printf (_("Row %u scores %s: %s"),
                          gtk_single_selection_get_selected (self->selection) + 1, points, explanation);
  gtk_label_set_text (GTK_LABEL (self->score_note), text);
}

/* The stage's columns came or went: the goals are locked while they show. */
static void
stage_changed_cb (gpointer data)
{
  JxIndicatorTable *self = data;
  GHashTableIter iter;
  gpointer cell;

  self->goals_locked = jx_stage_column_set_get_stage (self->stage_columns) != JX_STAGE_GOALS;
  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, NULL, &cell))
    lock_cell (cell, self->goals_locked);
  gtk_widget_set_visible (self->locked_note, self->goals_locked);
  update_actions (self);
  update_score_note (self);
}

static void
jx_indicator_table_init (JxIndicatorTable *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);
  load_style_once ();
  for (guint i = 0; i < JX_INDICATOR_N_COLUMNS; i++)
    self->bound[i] = g_hash_table_new (NULL, NULL);
  self->cells = g_hash_table_new (NULL, NULL);
  self->columns = g_new0 (ColumnInfo, JX_INDICATOR_N_COLUMNS);
  self->suggested = g_list_store_new (JX_TYPE_INDICATOR);
  make_suggestions (self);

  self->slots = jx_slots_new ();
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slots)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (update_actions), self);
  self->view = gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)));
  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (self->view), TRUE);
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (self->view), TRUE);
  gtk_widget_add_css_class (self->view, "jx-indicator-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Indicators"), -1);
  /* Together no wider than the form at 1024 pixels; wider windows widen
   * the text columns. */
  add_column (self, JX_INDICATOR_COLUMN_LEVEL1, _("Level 1"), 120);
  add_column (self, JX_INDICATOR_COLUMN_LEVEL2, _("Level 2"), 146);
  add_column (self, JX_INDICATOR_COLUMN_NAME, _("Level 3"), 104);
  add_column (self, JX_INDICATOR_COLUMN_DESCRIPTION, _("Description"), 104);
  add_column (self, JX_INDICATOR_COLUMN_VALUE, _("Target"), 76);
  add_column (self, JX_INDICATOR_COLUMN_BASIS, _("Basis"), 86);
  self->stage_columns = jx_stage_column_set_new (GTK_COLUMN_VIEW (self->view), stage_changed_cb,
                                                 stage_move_cb, self);

  gtk_widget_set_parent (build_toolbar (self), GTK_WIDGET (self));
  /* The whole table takes its natural height; the form around it scrolls. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->view);
  gtk_widget_add_css_class (scroller, "frame");
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));
  self->score_note = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0, "wrap", TRUE, "visible", FALSE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR, "selectable", TRUE,
                                   "css-classes", (const char *[]) { "dim-label", NULL }, NULL);
  gtk_widget_set_name (self->score_note, "indicator-score-note");
  gtk_widget_set_parent (self->score_note, GTK_WIDGET (self));
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (update_score_note), self);
  g_signal_connect_object (jx_stage_column_set_get_scores (self->stage_columns), "changed",
                           G_CALLBACK (update_score_note), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

/* The indicator of the selected row, with a reference, or NULL. */
static JxIndicator *
selected_indicator (JxIndicatorTable *self)
{
  JxSlot *slot = gtk_single_selection_get_selected_item (self->selection);
  gpointer indicator = slot != NULL ? jx_slot_get_item (slot) : NULL;

  return indicator != NULL ? g_object_ref (indicator) : NULL;
}

/* The cell of this table that has the keyboard focus, or NULL. */
static Cell *
focused_cell (JxIndicatorTable *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;
  for (; focus != GTK_WIDGET (self); focus = gtk_widget_get_parent (focus))
    if (cell_of (self, focus) != NULL)
      return cell_of (self, focus);
  return NULL;
}

/* The focus goes on with the indicator it was typing into, now at
 * another row, with the text cursor where it was. */
static void
refocus (JxIndicatorTable *self,
         JxIndicator      *indicator,
         guint             column,
         int              cursor)
{
  Cell *cell;
  guint position;

  if (!g_list_store_find (store (self), indicator, &position) ||
      !jx_indicator_table_focus_cell (self, position, column))
    return;
  cell = find_cell (self, position, column);
  if (cell != NULL)
    gtk_editable_set_position (GTK_EDITABLE (cell->editable), cursor);
}

/* Points the slots at the indicators shown, position by position, and
 * adds or removes slots at the end for a change in their number. The
 * selection is by position among the slots: it is moved after its
 * indicator, as it would follow an item of the list itself, and dropped
 * with it, so that the row operations never act on a neighbour that took
 * its place. */
static void
sync_slots (JxIndicatorTable *self)
{
  g_autoptr(JxIndicator) selected = selected_indicator (self);
  g_autoptr(JxIndicator) now = NULL;
  g_autoptr(JxIndicator) typing = NULL;
  Cell *cell = focused_cell (self);
  guint column = 0;
  int cursor = 0;
  guint position;

  if (cell != NULL && cell->indicator != NULL)
    {
      typing = g_object_ref (cell->indicator);
      column = cell->info->column;
      cursor = gtk_editable_get_position (GTK_EDITABLE (cell->editable));
    }
  jx_slots_sync (self->slots, shown_model (self));
  /* First: the cell taking the focus selects its own row. A suggestion
   * adopted becomes the row at its own place, so the focus stays put. */
  if (typing != NULL && self->model != NULL && (cell = focused_cell (self)) != NULL &&
      cell->indicator != typing && !is_suggested (self, typing))
    refocus (self, typing, column, cursor);
  now = selected_indicator (self);
  if (selected != NULL && now != selected)
    {
      if (self->model != NULL && g_list_store_find (store (self), selected, &position))
        gtk_single_selection_set_selected (self->selection, position);
      else if (!is_suggested (self, selected))
        gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
    }
  update_actions (self);
}

GtkWidget *
jx_indicator_table_new (void)
{
  return g_object_new (JX_TYPE_INDICATOR_TABLE, NULL);
}

void
jx_indicator_table_set_model (JxIndicatorTable *self,
                              GListModel       *indicators)
{
  g_return_if_fail (JX_IS_INDICATOR_TABLE (self));
  g_return_if_fail (indicators == NULL || G_IS_LIST_STORE (indicators));

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, sync_slots, self);
  g_set_object (&self->model, indicators);
  if (indicators != NULL)
    g_signal_connect_swapped (indicators, "items-changed", G_CALLBACK (sync_slots), self);
  sync_slots (self);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  update_actions (self);
}

guint
jx_indicator_table_get_current (JxIndicatorTable *self)
{
  g_return_val_if_fail (JX_IS_INDICATOR_TABLE (self), GTK_INVALID_LIST_POSITION);
  /* A suggested row is no row of the project yet. */
  if (self->model == NULL || g_list_model_get_n_items (self->model) == 0)
    return GTK_INVALID_LIST_POSITION;
  return gtk_single_selection_get_selected (self->selection);
}

void
jx_indicator_table_set_current (JxIndicatorTable *self,
                                guint             position)
{
  g_return_if_fail (JX_IS_INDICATOR_TABLE (self));
  gtk_single_selection_set_selected (self->selection, position);
}

GtkWidget *
jx_indicator_table_get_cell (JxIndicatorTable  *self,
                             guint              row,
                             JxIndicatorColumn  column)
{
  Cell *cell;

  g_return_val_if_fail (JX_IS_INDICATOR_TABLE (self), NULL);
  g_return_val_if_fail (column < JX_INDICATOR_N_COLUMNS, NULL);
  cell = find_cell (self, row, column);
  return cell != NULL ? cell->editable : NULL;
}

gboolean
jx_indicator_table_focus_cell (JxIndicatorTable  *self,
                               guint              row,
                               JxIndicatorColumn  column)
{
  g_return_val_if_fail (JX_IS_INDICATOR_TABLE (self), FALSE);
  g_return_val_if_fail (column < JX_INDICATOR_N_COLUMNS, FALSE);
  return focus_column (self, row, column);
}

void
jx_indicator_table_set_stage_project (JxIndicatorTable *self,
                                      JxDocument       *document,
                                      JxProject        *project)
{
  g_return_if_fail (JX_IS_INDICATOR_TABLE (self));
  jx_stage_column_set_set_project (self->stage_columns, document, project);
}

GtkWidget *
jx_indicator_table_get_stage_cell (JxIndicatorTable *self,
                                   guint             row,
                                   const char       *member)
{
  int column;

  g_return_val_if_fail (JX_IS_INDICATOR_TABLE (self), NULL);
  column = jx_stage_column_set_find (self->stage_columns, member);
  return column >= 0 ? (GtkWidget *) jx_stage_column_set_get_cell (self->stage_columns, row, column) : NULL;
}

gboolean
jx_indicator_table_focus_stage_cell (JxIndicatorTable *self,
                                     guint             row,
                                     const char       *member)
{
  int column;

  g_return_val_if_fail (JX_IS_INDICATOR_TABLE (self), FALSE);
  column = jx_stage_column_set_find (self->stage_columns, member);
  return column >= 0 && focus_column (self, row, JX_INDICATOR_N_COLUMNS + column);
}
