/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "jx-categories.h"
#include "jx-indicator-rows.h"
#include "jx-table-cell.h"
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
  /* The rows selected; the current row is the one the focus is in or
   * came last to, and anchor is where Shift+click and Shift+↑/↓ reach
   * from. */
  GtkMultiSelection *selection;
  guint current;
  guint anchor;
  gboolean extending;
  /* A width set by the program, not dragged by the clerk. */
  gboolean setting_width;
  guint fit_id;
  int fitted_for;
  /* The goal column the focus was in last: what Ctrl+D fills and where a
   * paste starts when no cell has the focus. */
  guint last_column;
  JxDocument *document;
  GtkWidget *notice;
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

/* NULL-terminated: from any column on, the columns a paste fills. */
static const char *property_names[JX_INDICATOR_N_COLUMNS + 1] = {
  "level1", "level2", "name", "description", "value", "basis", NULL,
};

static void select_only (JxIndicatorTable *self, guint position);
static void select_range (JxIndicatorTable *self, guint anchor, guint position);

/* Cells. A cell's widget is recycled: it follows its indicator only
 * between bind and unbind, and writes every keystroke to the model. */

typedef struct _ColumnInfo
{
  JxIndicatorTable *table;
  JxIndicatorColumn column;
  const char *title;
  GtkColumnViewColumn *view_column;   /* the view holds it */
  int default_width;
  /* Set by the clerk (dragged, or remembered from before): kept as it is;
   * the others share the width the window gives. */
  gboolean kept;
} ColumnInfo;

typedef struct
{
  ColumnInfo *info;
  GtkListItem *item;
  GtkWidget *widget;              /* a JxTableCell */
  GtkWidget *editable;            /* the same, as a GtkEditable */
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
set_cell_text (Cell       *cell,
               const char *text)
{
  cell->updating = TRUE;
  jx_table_cell_set_text (JX_TABLE_CELL (cell->widget), text);
  cell->updating = FALSE;
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
  jx_table_cell_set_hint (JX_TABLE_CELL (cell->widget), hint);
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

  jx_table_cell_set_choices (JX_TABLE_CELL (cell->widget), choices);
  cell->choices = choices;
  set_cell_text (cell, jx_indicator_get_level2 (cell->indicator));
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
static gboolean focus_column (JxIndicatorTable *self, guint row, guint column);
static guint n_rows_shown (JxIndicatorTable *self);
static void copy_rows (JxIndicatorTable *self);
static void paste (JxIndicatorTable *self, gboolean as_text);
static void fill_down (JxIndicatorTable *self);
static guint n_selected (JxIndicatorTable *self);
static Cell *focused_cell (JxIndicatorTable *self);

/* ↑ and ↓ leave a cell from its first or last line, to the cell above or
 * below; with Shift they select rows from the anchor. */
static gboolean
move_vertically (Cell     *cell,
                 gboolean  down,
                 gboolean  extend)
{
  JxIndicatorTable *self = cell->info->table;
  guint row = gtk_list_item_get_position (cell->item);
  guint target = down ? row + 1 : row - 1;

  if (!jx_table_cell_cursor_on_edge (JX_TABLE_CELL (cell->widget), down))
    return FALSE;
  if (down ? row + 1 >= n_rows_shown (self) : row == 0)
    return extend;
  if (extend)
    select_range (self, self->anchor == GTK_INVALID_LIST_POSITION ? row : self->anchor, target);
  self->extending = extend;
  focus_column (self, target, cell->info->column);
  self->extending = FALSE;
  return TRUE;
}

static gboolean
cell_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             Cell                  *cell)
{
  JxIndicatorTable *self = cell->info->table;
  JxTableCell *table_cell = JX_TABLE_CELL (cell->widget);
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  gboolean enter = keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter;

  if ((keyval == GDK_KEY_Tab && mods == 0) || (enter && mods == 0))
    {
      move_focus (self, cell, 1);
      return TRUE;
    }
  if ((keyval == GDK_KEY_ISO_Left_Tab || keyval == GDK_KEY_Tab) && mods == GDK_SHIFT_MASK)
    {
      move_focus (self, cell, -1);
      return TRUE;
    }
  /* A line break inside the cell, as Alt+Enter is in a spreadsheet. */
  if (enter && (mods == GDK_SHIFT_MASK || mods == GDK_CONTROL_MASK))
    {
      if (gtk_editable_get_editable (GTK_EDITABLE (table_cell)))
        jx_table_cell_insert_at_cursor (table_cell, "\n");
      return TRUE;
    }
  if ((keyval == GDK_KEY_Up || keyval == GDK_KEY_Down) && (mods == 0 || mods == GDK_SHIFT_MASK))
    return move_vertically (cell, keyval == GDK_KEY_Down, mods == GDK_SHIFT_MASK);
  if (keyval == GDK_KEY_F4 && mods == 0 && jx_table_cell_has_choices (table_cell))
    {
      jx_table_cell_popup_choices (table_cell);
      return TRUE;
    }
  if (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_c || keyval == GDK_KEY_C))
    {
      /* Text chosen in one cell is copied as text. */
      if (n_selected (self) <= 1 && jx_table_cell_has_selection (table_cell))
        return FALSE;
      copy_rows (self);
      return TRUE;
    }
  if ((mods == GDK_CONTROL_MASK || mods == (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) &&
      (keyval == GDK_KEY_v || keyval == GDK_KEY_V))
    {
      paste (self, (mods & GDK_SHIFT_MASK) != 0);
      return TRUE;
    }
  if (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_d || keyval == GDK_KEY_D))
    {
      fill_down (self);
      return TRUE;
    }
  return FALSE;
}

static void
cell_focus_enter_cb (GtkEventControllerFocus *controller,
                     Cell                    *cell)
{
  JxIndicatorTable *self = cell->info->table;
  guint position = gtk_list_item_get_position (cell->item);

  self->last_column = cell->info->column;
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  /* Shift+↑/↓ carry the selection with the focus. */
  if (self->extending)
    self->current = position;
  else if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position) ||
           n_selected (self) != 1)
    select_only (self, position);
  else
    self->current = self->anchor = position;
}

/* Shift+click selects the rows from the anchor to this one, Ctrl+click
 * adds or takes away one row; a plain click is the cell's (it edits). */
static void
cell_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 Cell            *cell)
{
  JxIndicatorTable *self = cell->info->table;
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  guint row = gtk_list_item_get_position (cell->item);
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (self->selection);

  if (row == GTK_INVALID_LIST_POSITION || (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) == 0)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (state & GDK_SHIFT_MASK)
    select_range (self, self->anchor != GTK_INVALID_LIST_POSITION ? self->anchor : row, row);
  else if (gtk_selection_model_is_selected (selection, row))
    gtk_selection_model_unselect_item (selection, row);
  else
    {
      gtk_selection_model_select_item (selection, row, FALSE);
      self->current = self->anchor = row;
    }
  /* The keyboard goes on from the table, where Ctrl+C copies the rows. */
  if (focused_cell (self) == NULL)
    gtk_widget_grab_focus (self->view);
}

/* A later stage shows the goals beside the results but keeps them as set:
 * the cells read like text, the level lists do not open. */
static void
lock_cell (Cell     *cell,
           gboolean  locked)
{
  gtk_editable_set_editable (GTK_EDITABLE (cell->editable), !locked);
  if (locked)
    gtk_widget_add_css_class (cell->editable, "jx-read-only");
  else
    gtk_widget_remove_css_class (cell->editable, "jx-read-only");
}

/* A cell lives as long as its widget. The column view may drop the widgets
 * of its rows before it tears them down, and tear them down after the
 * table is gone (info is NULL then). */
static void
cell_widget_gone_cb (gpointer  data,
                     GObject  *widget)
{
  Cell *cell = data;

  if (cell->slot != NULL)
    g_signal_handlers_disconnect_by_data (cell->slot, cell);
  g_clear_object (&cell->slot);
  if (cell->indicator != NULL)
    g_signal_handlers_disconnect_by_data (cell->indicator, cell);
  g_clear_object (&cell->indicator);
  if (cell->info != NULL)
    {
      g_hash_table_remove (cell->info->table->cells, cell->widget);
      g_hash_table_remove (cell->info->table->cells, cell->editable);
    }
  g_free (cell);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ColumnInfo               *info)
{
  Cell *cell = g_new0 (Cell, 1);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  cell->info = info;
  cell->item = item;
  cell->widget = cell->editable = jx_table_cell_new (info->title);
  if (info->column == JX_INDICATOR_COLUMN_LEVEL1)
    jx_table_cell_set_choices (JX_TABLE_CELL (cell->widget), jx_categories_level1 ());
  gtk_widget_add_css_class (cell->widget, "jx-cell");
  lock_cell (cell, info->table->goals_locked);
  g_hash_table_insert (info->table->cells, cell->widget, cell);
  g_object_weak_ref (G_OBJECT (cell->widget), cell_widget_gone_cb, cell);
  g_signal_connect (cell->editable, "changed", G_CALLBACK (editable_changed_cb), cell);
  /* Capture: the text view would otherwise take Enter and Tab itself. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (cell_key_cb), cell);
  gtk_widget_add_controller (cell->widget, keys);
  g_signal_connect (focus, "enter", G_CALLBACK (cell_focus_enter_cb), cell);
  gtk_widget_add_controller (cell->widget, focus);
  /* Before the cell's own click, which edits. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (cell_pressed_cb), cell);
  gtk_widget_add_controller (cell->widget, GTK_EVENT_CONTROLLER (click));
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
  if (cell != NULL)
    release_cell (cell);
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

/* The rows selected, ascending, among the project's (not suggestions);
 * the current row when none is. */
static GArray *
selected_rows (JxIndicatorTable *self)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint row;

  if (n == 0)
    return rows;
  for (gboolean more = gtk_bitset_iter_init_first (&iter, set, &row); more && row < n;
       more = gtk_bitset_iter_next (&iter, &row))
    g_array_append_val (rows, row);
  if (rows->len == 0 && self->current < n)
    g_array_append_val (rows, self->current);
  return rows;
}

static guint
n_selected (JxIndicatorTable *self)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  return (guint) gtk_bitset_get_size (set);
}

static void update_actions (JxIndicatorTable *self);
static void update_score_note (JxIndicatorTable *self);

static void
current_changed (JxIndicatorTable *self)
{
  update_actions (self);
  update_score_note (self);
}

static void
select_only (JxIndicatorTable *self,
             guint             position)
{
  self->current = self->anchor = position;
  if (position == GTK_INVALID_LIST_POSITION || position >= n_rows_shown (self))
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  else
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  current_changed (self);
}

static void
select_range (JxIndicatorTable *self,
              guint             anchor,
              guint             position)
{
  guint first = MIN (anchor, position), last = MAX (anchor, position);

  self->anchor = anchor;
  self->current = position;
  gtk_selection_model_select_range (GTK_SELECTION_MODEL (self->selection), first, last - first + 1, TRUE);
  current_changed (self);
}

static void
show_notice (JxIndicatorTable *self,
             const char       *text)
{
  gtk_label_set_text (GTK_LABEL (self->notice), text != NULL ? text : "");
  gtk_widget_set_visible (self->notice, text != NULL);
}

static void
insert_row (JxIndicatorTable *self,
            guint             position,
            JxIndicator      *like)
{
  g_autoptr(JxIndicator) indicator = jx_indicator_new_below (like);

  g_list_store_insert (store (self), MIN (position, g_list_model_get_n_items (self->model)), indicator);
  select_only (self, position);
  jx_indicator_table_focus_cell (self, position, JX_INDICATOR_COLUMN_NAME);
}

static void
add_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  JxIndicatorTable *self = JX_INDICATOR_TABLE (widget);
  guint current = jx_indicator_table_get_current (self);
  g_autoptr(GArray) rows = NULL;
  g_autoptr(JxIndicator) like = NULL;
  guint at;

  if (self->model == NULL)
    return;
  /* Below the last row selected, in its category. */
  rows = selected_rows (self);
  at = current == GTK_INVALID_LIST_POSITION || rows->len == 0 ? g_list_model_get_n_items (self->model)
                                                              : g_array_index (rows, guint, rows->len - 1) + 1;
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
  g_autoptr(GArray) rows = selected_rows (self);
  guint first;

  if (rows->len == 0)
    return;
  first = jx_indicators_duplicate_rows (self->document, store (self), (guint *) rows->data, rows->len);
  select_range (self, first, first + rows->len - 1);
  self->extending = TRUE;
  jx_indicator_table_focus_cell (self, first, JX_INDICATOR_COLUMN_NAME);
  self->extending = FALSE;
}

static void
delete_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  JxIndicatorTable *self = JX_INDICATOR_TABLE (widget);
  g_autoptr(GArray) rows = selected_rows (self);
  guint first, n;

  if (rows->len == 0)
    return;
  first = g_array_index (rows, guint, 0);
  jx_indicators_delete_rows (self->document, store (self), (guint *) rows->data, rows->len);
  n = g_list_model_get_n_items (self->model);
  if (n > 0)
    {
      select_only (self, MIN (first, n - 1));
      jx_indicator_table_focus_cell (self, MIN (first, n - 1), JX_INDICATOR_COLUMN_NAME);
    }
}

static void
move_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  JxIndicatorTable *self = JX_INDICATOR_TABLE (widget);
  g_autoptr(GArray) rows = selected_rows (self);
  int step = g_str_equal (action, "indicators.move-up") ? -1 : 1;
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (self->selection);
  guint current = self->current;

  if (rows->len == 0 ||
      !jx_indicators_move_rows (self->document, store (self), (guint *) rows->data, rows->len, step))
    return;
  /* The selection goes with the rows, and the focus with the current one. */
  gtk_selection_model_unselect_all (selection);
  for (guint i = 0; i < rows->len; i++)
    gtk_selection_model_select_item (selection, g_array_index (rows, guint, i) + step, FALSE);
  if (current != GTK_INVALID_LIST_POSITION)
    self->current = current + step;
  if (self->anchor != GTK_INVALID_LIST_POSITION)
    self->anchor += step;
  self->extending = TRUE;
  jx_indicator_table_focus_cell (self, self->current, JX_INDICATOR_COLUMN_NAME);
  self->extending = FALSE;
  current_changed (self);
}

static void
copy_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  copy_rows (JX_INDICATOR_TABLE (widget));
}

static void
paste_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  paste (JX_INDICATOR_TABLE (widget), FALSE);
}

static void
fill_down_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  fill_down (JX_INDICATOR_TABLE (widget));
}

static void
update_actions (JxIndicatorTable *self)
{
  g_autoptr(GArray) rows = selected_rows (self);
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  gboolean has = rows->len > 0 && !self->goals_locked;
  gboolean model = self->model != NULL && !self->goals_locked;
  guint first = has ? g_array_index (rows, guint, 0) : 0;
  guint last = has ? g_array_index (rows, guint, rows->len - 1) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.add", model);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.insert", model);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.duplicate", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.delete", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.move-up", has && first > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.move-down", has && last + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.copy", rows->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.paste", model);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.fill-down", has);
}

/* The clipboard. The cells are read and written by the model
 * (jx-cell-block.h, jx-indicator-rows.h); here they only travel. */

/* The columns as the table shows them, the stage's after the goals',
 * NULL-terminated. */
static GPtrArray *
shown_properties (JxIndicatorTable *self)
{
  GPtrArray *columns = g_ptr_array_new ();
  guint n = jx_stage_column_set_get_n (self->stage_columns);

  for (guint c = 0; c < JX_INDICATOR_N_COLUMNS; c++)
    g_ptr_array_add (columns, (gpointer) property_names[c]);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (columns, (gpointer) jx_stage_column_set_get_column (self->stage_columns, i)->property);
  g_ptr_array_add (columns, NULL);
  return columns;
}

static void
copy_rows (JxIndicatorTable *self)
{
  g_autoptr(GArray) rows = selected_rows (self);
  g_autoptr(JxCellBlock) block = NULL;
  g_autofree char *tsv = NULL;
  g_autofree char *html = NULL;
  g_autofree char *notice = NULL;
  g_autoptr(GPtrArray) columns = NULL;
  GdkContentProvider *providers[3];
  g_autoptr(GdkContentProvider) provider = NULL;
  g_autoptr(GBytes) html_bytes = NULL;
  g_autoptr(GBytes) tsv_bytes = NULL;

  if (rows->len == 0)
    return;
  columns = shown_properties (self);
  block = jx_indicators_copy_cells (self->model, (guint *) rows->data, rows->len,
                                    (const char * const *) columns->pdata);
  tsv = jx_cell_block_to_tsv (block);
  html = jx_cell_block_to_html (block);
  html_bytes = g_bytes_new (html, strlen (html));
  tsv_bytes = g_bytes_new (tsv, strlen (tsv));
  /* The providers take references of their own. */
  providers[0] = gdk_content_provider_new_for_bytes ("text/html", html_bytes);
  providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", tsv_bytes);
  providers[2] = gdk_content_provider_new_typed (G_TYPE_STRING, tsv);
  provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
  notice = g_strdup_printf (ngettext ("Copied %u row to the clipboard: paste it into WPS or Excel as cells",
                                         "Copied %u rows to the clipboard: paste them into WPS or Excel as cells",
                                         rows->len), rows->len);
  show_notice (self, notice);
}

typedef struct
{
  JxIndicatorTable *table;
  JxTableCell *cell;        /* focused when the paste began, or NULL */
  guint row;
  guint column;
  gboolean as_text;
} PasteJob;

static void
paste_job_free (PasteJob *job)
{
  g_clear_object (&job->table);
  g_clear_object (&job->cell);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PasteJob, paste_job_free)

static void
paste_into (PasteJob    *job,
            JxCellBlock *block,
            const char  *text)
{
  JxIndicatorTable *self = job->table;

  if (self->model == NULL)
    return;
  /* One cell, or Ctrl+Shift+V: text typed in at the cursor. */
  if (job->cell != NULL && gtk_widget_get_root (GTK_WIDGET (job->cell)) != NULL &&
      (job->as_text || block == NULL || jx_cell_block_is_single (block)))
    {
      const char *piece = job->as_text || block == NULL ? text : jx_cell_block_get_cell (block, 0, 0);

      if (gtk_editable_get_editable (GTK_EDITABLE (job->cell)) && piece != NULL)
        jx_table_cell_insert_at_cursor (job->cell, piece);
      return;
    }
  if (block != NULL)
    jx_indicator_table_paste_block (self, block, job->row, job->column);
}

static void
text_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(PasteJob) job = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_autoptr(JxCellBlock) block = NULL;

  if (text == NULL)
    {
      show_notice (job->table, _("The clipboard holds nothing to paste here."));
      return;
    }
  if (!job->as_text && (block = jx_cell_block_parse_tsv (text, strlen (text), &error)) == NULL)
    {
      show_notice (job->table, error->message);
      return;
    }
  paste_into (job, block, text);
}

static void
read_text (PasteJob *job)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (job->table)), NULL, text_read_cb, job);
}

static void
html_spliced_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  PasteJob *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JxCellBlock) block = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error) < 0)
    {
      read_text (job);
      return;
    }
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source));
  block = jx_cell_block_parse_html (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  /* HTML of a text, not a table (a browser's, Word's paragraphs): as text. */
  if (block == NULL && g_error_matches (error, JX_CELL_BLOCK_ERROR, JX_CELL_BLOCK_ERROR_NO_TABLE))
    {
      read_text (job);
      return;
    }
  if (block == NULL)
    show_notice (job->table, error->message);
  else
    paste_into (job, block, NULL);
  paste_job_free (job);
}

static void
html_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  PasteJob *job = data;
  g_autoptr(GInputStream) stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, NULL);
  g_autoptr(GOutputStream) out = NULL;

  if (stream == NULL)
    {
      read_text (job);
      return;
    }
  out = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (out, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, html_spliced_cb, job);
}

/* Reads the clipboard: an HTML table when there is one (it knows merged
 * cells), else tab-separated text. */
static void
paste (JxIndicatorTable *self,
       gboolean          as_text)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);
  Cell *cell = focused_cell (self);
  PasteJob *job;

  if (self->model == NULL || self->goals_locked)
    return;
  job = g_new0 (PasteJob, 1);
  job->table = g_object_ref (self);
  job->as_text = as_text;
  if (cell != NULL && gtk_list_item_get_position (cell->item) != GTK_INVALID_LIST_POSITION)
    {
      job->cell = g_object_ref (JX_TABLE_CELL (cell->widget));
      job->row = gtk_list_item_get_position (cell->item);
      job->column = cell->info->column;
    }
  else
    {
      g_autoptr(GArray) rows = selected_rows (self);

      job->row = rows->len > 0 ? g_array_index (rows, guint, 0) : 0;
      job->column = self->last_column;
    }
  if (!as_text && gdk_content_formats_contain_mime_type (formats, "text/html"))
    gdk_clipboard_read_async (clipboard, (const char *[]) { "text/html", NULL }, G_PRIORITY_DEFAULT, NULL,
                              html_read_cb, job);
  else
    read_text (job);
}

static void
fill_down (JxIndicatorTable *self)
{
  Cell *cell = focused_cell (self);
  guint column = cell != NULL ? cell->info->column : self->last_column;
  g_autoptr(GArray) rows = selected_rows (self);

  if (rows->len == 0 || self->goals_locked)
    return;
  if (jx_indicators_fill_down (self->document, self->model, property_names[column],
                               (guint *) rows->data, rows->len) == 0)
    show_notice (self, _("Nothing to fill down: select the rows below the cell to copy, or a row under it."));
  else
    show_notice (self, NULL);
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
  gtk_box_append (GTK_BOX (box), toolbar_button ("tab-new-symbolic", _("D_uplicate Rows"),
                                                 _("Insert a copy of the selected rows below them"),
                                                 "indicators.duplicate"));
  gtk_box_append (GTK_BOX (box), toolbar_button ("list-remove-symbolic", _("_Delete Row"),
                                                 _("Delete the selected rows (Alt+Delete)"),
                                                 "indicators.delete"));
  gtk_box_append (GTK_BOX (box), toolbar_button ("go-up-symbolic", NULL, _("Move the selected rows up (Alt+Up)"),
                                                 "indicators.move-up"));
  gtk_box_append (GTK_BOX (box), toolbar_button ("go-down-symbolic", NULL,
                                                 _("Move the selected rows down (Alt+Down)"),
                                                 "indicators.move-down"));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (box), toolbar_button ("edit-copy-symbolic", NULL,
                                                 _("Copy the selected rows to the clipboard (Ctrl+C)"),
                                                 "indicators.copy"));
  gtk_box_append (GTK_BOX (box), toolbar_button ("edit-paste-symbolic", NULL,
                                                 _("Paste cells from WPS, Excel or Word at the current cell (Ctrl+V)"),
                                                 "indicators.paste"));
  gtk_box_append (GTK_BOX (box), toolbar_button ("go-bottom-symbolic", NULL,
                                                 _("Fill down: copy the cell above into the selected rows (Ctrl+D)"),
                                                 "indicators.fill-down"));
  return box;
}

/* Where every table keeps the widths a clerk set (jx_indicator_table_remember_widths). */
static GSettings *width_settings;
static char *width_key;

static int
remembered_width (const char *property)
{
  g_autoptr(GVariant) widths = NULL;
  int width;

  if (width_settings == NULL)
    return -1;
  widths = g_settings_get_value (width_settings, width_key);
  return g_variant_lookup (widths, property, "i", &width) && width >= 24 && width <= 2000 ? width : -1;
}

static void
remember_width (const char *property,
                int         width)
{
  g_autoptr(GVariant) widths = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  int value;

  if (width_settings == NULL)
    return;
  widths = g_settings_get_value (width_settings, width_key);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{si}"));
  g_variant_iter_init (&iter, widths);
  while (g_variant_iter_next (&iter, "{&si}", &key, &value))
    if (!g_str_equal (key, property))
      g_variant_builder_add (&builder, "{si}", key, value);
  g_variant_builder_add (&builder, "{si}", property, width);
  g_settings_set_value (width_settings, width_key, g_variant_builder_end (&builder));
}

/* The width of the longest standard name of a level, as a cell shows it:
 * its padding and the button of its list beside the text. */
static int
level_width (JxIndicatorTable  *self,
             JxIndicatorColumn  column)
{
  const char * const *level1 = jx_categories_level1 ();
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  int widest = 0, width;

  for (guint i = 0; level1[i] != NULL; i++)
    {
      const char * const *names = column == JX_INDICATOR_COLUMN_LEVEL1 ? level1 + i
                                                                       : jx_categories_level2 (level1[i]);

      for (guint j = 0; names != NULL && names[j] != NULL; j++)
        {
          pango_layout_set_text (layout, names[j], -1);
          pango_layout_get_pixel_size (layout, &width, NULL);
          widest = MAX (widest, width);
          if (column == JX_INDICATOR_COLUMN_LEVEL1)
            break;
        }
    }
  /* 6 + 6 of padding, a 20-pixel button and a little air. */
  return widest + 12 + 24 + 4;
}

static void
width_changed_cb (GtkColumnViewColumn *view_column,
                  GParamSpec          *pspec,
                  ColumnInfo          *info)
{
  if (info->table->setting_width)
    return;
  info->kept = TRUE;
  remember_width (property_names[info->column], gtk_column_view_column_get_fixed_width (view_column));
}

/* The text columns the clerk has not sized share the width the window
 * gives the table, as expanding columns would; GTK 4.8 measures a row's
 * height at a column's fixed width, so the share is made the fixed width
 * (an expanding column would wrap at one width and be drawn at another).
 * Columns the clerk sized stay as they are: past the window's width the
 * table scrolls sideways. */
static void
fit_columns (JxIndicatorTable *self)
{
  GtkWidget *scroller = gtk_widget_get_parent (self->view);
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (self->view));
  int available = gtk_widget_get_width (scroller) - 2;
  int taken = 0, shared = 0, extra;

  if (available <= 0)
    return;
  self->fitted_for = available;
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_visible (column))
        taken += gtk_column_view_column_get_fixed_width (column);
    }
  for (guint c = JX_INDICATOR_COLUMN_NAME; c < JX_INDICATOR_N_COLUMNS; c++)
    if (!self->columns[c].kept)
      {
        taken -= gtk_column_view_column_get_fixed_width (self->columns[c].view_column);
        taken += self->columns[c].default_width;
        shared += self->columns[c].default_width;
      }
  extra = MAX (available - taken, 0);
  self->setting_width = TRUE;
  for (guint c = JX_INDICATOR_COLUMN_NAME; c < JX_INDICATOR_N_COLUMNS; c++)
    if (!self->columns[c].kept && shared > 0)
      gtk_column_view_column_set_fixed_width (self->columns[c].view_column,
                                              self->columns[c].default_width +
                                              (int) ((gint64) extra * self->columns[c].default_width / shared));
  self->setting_width = FALSE;
}

static void width_given_cb (JxIndicatorTable *self);

static gboolean
fit_columns_cb (gpointer data)
{
  JxIndicatorTable *self = data;

  self->fit_id = 0;
  fit_columns (self);
  return G_SOURCE_REMOVE;
}

/* Not inside the allocation that told of it. */
static void
width_given_cb (JxIndicatorTable *self)
{
  GtkWidget *scroller = gtk_widget_get_parent (self->view);

  if (gtk_widget_get_width (scroller) - 2 != self->fitted_for && self->fit_id == 0)
    self->fit_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, fit_columns_cb, self, NULL);
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
  int remembered = remembered_width (property_names[column]);

  info->table = self;
  info->column = column;
  info->title = title;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), info);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), info);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_cell_cb), info);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (column <= JX_INDICATOR_COLUMN_LEVEL2)
    width = level_width (self, column);
  info->default_width = width;
  info->kept = remembered > 0;
  gtk_column_view_column_set_fixed_width (view_column, remembered > 0 ? remembered : width);
  g_signal_connect (view_column, "notify::fixed-width", G_CALLBACK (width_changed_cb), info);
  info->view_column = view_column;
  gtk_column_view_append_column (GTK_COLUMN_VIEW (self->view), view_column);
}

/* The table goes: the column view's factories stop calling it, and the
 * cells still there stop writing to it and forget it. */
static void
forget_cells (JxIndicatorTable *self)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (self->view));
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkListItemFactory *factory = gtk_column_view_column_get_factory (column);

      for (guint c = 0; c < JX_INDICATOR_N_COLUMNS && factory != NULL; c++)
        g_signal_handlers_disconnect_by_data (factory, &self->columns[c]);
    }
  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Cell *cell = value;

      g_signal_handlers_disconnect_by_data (key, cell);
      cell->info = NULL;
    }
  g_clear_pointer (&self->cells, g_hash_table_unref);
}

static void
jx_indicator_table_dispose (GObject *object)
{
  JxIndicatorTable *self = JX_INDICATOR_TABLE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_clear_handle_id (&self->adopt_id, g_source_remove);
  g_clear_handle_id (&self->fit_id, g_source_remove);
  g_clear_pointer (&self->stage_columns, jx_stage_column_set_free);
  if (self->cells != NULL)
    forget_cells (self);
  g_clear_object (&self->document);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, sync_slots, self);
  g_clear_object (&self->model);
  g_clear_object (&self->slots);
  for (guint i = 0; i < JX_INDICATOR_N_COLUMNS; i++)
    g_clear_pointer (&self->bound[i], g_hash_table_unref);
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
  gtk_widget_class_install_action (widget_class, "indicators.copy", NULL, copy_activated);
  gtk_widget_class_install_action (widget_class, "indicators.paste", NULL, paste_activated);
  gtk_widget_class_install_action (widget_class, "indicators.fill-down", NULL, fill_down_activated);
  /* Where no cell takes them first (a row chosen with Shift+click). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "indicators.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "indicators.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "indicators.fill-down", NULL);
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
    ".jx-indicator-table tablecell.jx-read-only { color: alpha(currentColor, 0.8); }"
    ".jx-indicator-table > listview > row > cell { padding: 0; }", -1);
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
                          self->current + 1, points, explanation);
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
  /* The stage's columns take their part of the width. */
  self->fitted_for = -1;
  width_given_cb (self);
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
  self->current = self->anchor = GTK_INVALID_LIST_POSITION;
  self->last_column = JX_INDICATOR_COLUMN_NAME;
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->slots)));
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (update_actions), self);
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
  add_column (self, JX_INDICATOR_COLUMN_NAME, _("Level 3"), 100);
  add_column (self, JX_INDICATOR_COLUMN_DESCRIPTION, _("Description"), 112);
  add_column (self, JX_INDICATOR_COLUMN_VALUE, _("Target"), 76);
  add_column (self, JX_INDICATOR_COLUMN_BASIS, _("Basis"), 106);
  self->stage_columns = jx_stage_column_set_new (GTK_COLUMN_VIEW (self->view), stage_changed_cb,
                                                 stage_move_cb, self);

  gtk_widget_set_parent (build_toolbar (self), GTK_WIDGET (self));
  /* Under the toolbar, not beside it: at 1024 pixels its buttons take the width. */
  self->locked_note = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0, "wrap", TRUE, "visible", FALSE,
                                    "css-classes", (const char *[]) { "dim-label", NULL },
                                    "label", _("The goal columns are kept as set; switch to the "
                                               "Goals stage to change them or the rows."),
                                    NULL);
  gtk_widget_set_parent (self->locked_note, GTK_WIDGET (self));
  self->notice = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0, "wrap", TRUE, "visible", FALSE,
                               "wrap-mode", PANGO_WRAP_WORD_CHAR,
                               "css-classes", (const char *[]) { "dim-label", NULL }, NULL);
  gtk_widget_set_name (self->notice, "indicator-notice");
  gtk_widget_set_parent (self->notice, GTK_WIDGET (self));
  /* The whole table takes its natural height; the form around it scrolls. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->view);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller)),
                           "notify::page-size", G_CALLBACK (width_given_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_css_class (scroller, "frame");
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));
  self->score_note = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0, "wrap", TRUE, "visible", FALSE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR, "selectable", TRUE,
                                   "css-classes", (const char *[]) { "dim-label", NULL }, NULL);
  gtk_widget_set_name (self->score_note, "indicator-score-note");
  gtk_widget_set_parent (self->score_note, GTK_WIDGET (self));
  g_signal_connect_object (jx_stage_column_set_get_scores (self->stage_columns), "changed",
                           G_CALLBACK (update_score_note), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

/* The indicator of the selected row, with a reference, or NULL. */
static JxIndicator *
selected_indicator (JxIndicatorTable *self)
{
  g_autoptr(JxSlot) slot = NULL;
  gpointer indicator;

  if (self->current == GTK_INVALID_LIST_POSITION)
    return NULL;
  slot = g_list_model_get_item (G_LIST_MODEL (self->slots), self->current);
  indicator = slot != NULL ? jx_slot_get_item (slot) : NULL;
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
        select_only (self, position);
      else if (!is_suggested (self, selected))
        select_only (self, GTK_INVALID_LIST_POSITION);
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
  select_only (self, GTK_INVALID_LIST_POSITION);
  show_notice (self, NULL);
}

guint
jx_indicator_table_get_current (JxIndicatorTable *self)
{
  g_return_val_if_fail (JX_IS_INDICATOR_TABLE (self), GTK_INVALID_LIST_POSITION);
  /* A suggested row is no row of the project yet. */
  if (self->model == NULL || g_list_model_get_n_items (self->model) == 0)
    return GTK_INVALID_LIST_POSITION;
  return self->current < g_list_model_get_n_items (self->model) ? self->current : GTK_INVALID_LIST_POSITION;
}

void
jx_indicator_table_set_current (JxIndicatorTable *self,
                                guint             position)
{
  g_return_if_fail (JX_IS_INDICATOR_TABLE (self));
  select_only (self, position);
}

void
jx_indicator_table_select_rows (JxIndicatorTable *self,
                                guint             first,
                                guint             last)
{
  g_return_if_fail (JX_IS_INDICATOR_TABLE (self));
  select_range (self, first, last);
}

GArray *
jx_indicator_table_get_selected (JxIndicatorTable *self)
{
  g_return_val_if_fail (JX_IS_INDICATOR_TABLE (self), NULL);
  return selected_rows (self);
}

gboolean
jx_indicator_table_paste_block (JxIndicatorTable  *self,
                                JxCellBlock       *block,
                                guint              row,
                                JxIndicatorColumn  column)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;
  JxPasteResult result;

  g_return_val_if_fail (JX_IS_INDICATOR_TABLE (self), FALSE);
  g_return_val_if_fail (column < JX_INDICATOR_N_COLUMNS, FALSE);
  if (self->model == NULL || self->goals_locked)
    return FALSE;
  if (!jx_indicators_paste (self->document, store (self), row, property_names + column, block, &result, &error))
    {
      show_notice (self, error != NULL ? error->message : _("The clipboard holds no cells to paste."));
      return FALSE;
    }
  select_range (self, result.first_row, result.first_row + MAX (result.n_rows, 1) - 1);
  notice = g_strdup_printf (_("Pasted %u rows × %u columns (%u rows added)"),
                            result.n_rows, result.n_columns, result.n_added);
  if (result.n_cut > 0)
    {
      g_autofree char *cut = g_strdup_printf (ngettext ("; %u column beyond the last was left out",
                                                           "; %u columns beyond the last were left out",
                                                           result.n_cut), result.n_cut);
      char *both = g_strconcat (notice, cut, NULL);

      g_free (notice);
      notice = both;
    }
  show_notice (self, notice);
  return TRUE;
}

const char *
jx_indicator_table_get_notice (JxIndicatorTable *self)
{
  g_return_val_if_fail (JX_IS_INDICATOR_TABLE (self), NULL);
  return gtk_widget_get_visible (self->notice) ? gtk_label_get_text (GTK_LABEL (self->notice)) : NULL;
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
  g_set_object (&self->document, document);
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

void
jx_indicator_table_remember_widths (GSettings  *settings,
                                    const char *key)
{
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));
  g_set_object (&width_settings, settings);
  g_free (width_key);
  width_key = g_strdup (key);
}

int
jx_indicator_table_get_column_width (JxIndicatorTable  *self,
                                     JxIndicatorColumn  column)
{
  g_return_val_if_fail (JX_IS_INDICATOR_TABLE (self), -1);
  g_return_val_if_fail (column < JX_INDICATOR_N_COLUMNS, -1);
  return gtk_column_view_column_get_fixed_width (self->columns[column].view_column);
}

/* As the clerk drags the column's edge: remembered. */
void
jx_indicator_table_set_column_width (JxIndicatorTable  *self,
                                     JxIndicatorColumn  column,
                                     int                width)
{
  g_return_if_fail (JX_IS_INDICATOR_TABLE (self));
  g_return_if_fail (column < JX_INDICATOR_N_COLUMNS);
  gtk_column_view_column_set_fixed_width (self->columns[column].view_column, width);
}
