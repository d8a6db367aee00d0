/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-slot.h"
#include "jx-stage-column-set.h"
#include "jx-table-cell.h"
#include "jx-widget-util.h"

/* One stage column of the view. Its factory's handlers hold it, so that
 * list items torn down after the set let go of the column still find
 * their table (set NULL then). */
typedef struct
{
  JxStageColumnSet *set;
  guint index;
  const JxStageColumn *column;
  GtkColumnViewColumn *view_column;
  /* The list items bound now → their JxStageCell. */
  GHashTable *bound;
} ColumnInfo;

struct _JxStageColumnSet
{
  GtkColumnView *view;
  JxStageColumnsChanged changed;
  JxStageCellMove move;
  gpointer user_data;

  JxDocument *document;
  JxProject *project;
  JxScoreWatch *scores;
  JxStage stage;
  guint month;
  GPtrArray *columns;   /* ColumnInfo, shared */
};

static void
info_clear (ColumnInfo *info)
{
  g_hash_table_unref (info->bound);
}

static void
info_release (gpointer info)
{
  g_rc_box_release_full (info, (GDestroyNotify) info_clear);
}

/* ---- Cells ---- */

/* The row a cell is bound at now. */
static guint
row_of (ColumnInfo *info,
        GtkWidget  *cell)
{
  GHashTableIter iter;
  gpointer item, bound;

  g_hash_table_iter_init (&iter, info->bound);
  while (g_hash_table_iter_next (&iter, &item, &bound))
    if (bound == cell)
      return gtk_list_item_get_position (item);
  return GTK_INVALID_LIST_POSITION;
}

static gboolean
cell_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             ColumnInfo            *info)
{
  GtkWidget *cell = gtk_widget_get_ancestor (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)),
                                             JX_TYPE_STAGE_CELL);
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  gboolean enter = keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter;
  GtkWidget *focus = jx_stage_cell_get_focus_widget (JX_STAGE_CELL (cell));
  int step = 0;

  /* A line break inside a text cell, as in the goal columns. */
  if (enter && (mods == GDK_SHIFT_MASK || mods == GDK_CONTROL_MASK) && JX_IS_TABLE_CELL (focus))
    {
      if (gtk_editable_get_editable (GTK_EDITABLE (focus)))
        jx_table_cell_insert_at_cursor (JX_TABLE_CELL (focus), "\n");
      return TRUE;
    }
  if (keyval == GDK_KEY_Tab && mods == 0)
    step = 1;
  else if ((keyval == GDK_KEY_ISO_Left_Tab || keyval == GDK_KEY_Tab) && mods == GDK_SHIFT_MASK)
    step = -1;
  /* Enter moves on from a typed cell; a choice opens with it. */
  else if (enter && mods == 0 && GTK_IS_EDITABLE (focus))
    step = 1;
  if (step == 0 || info->set == NULL || row_of (info, cell) == GTK_INVALID_LIST_POSITION)
    return FALSE;
  info->set->move (info->set->user_data, row_of (info, cell), info->index, step);
  return TRUE;
}

/* A cell taking the focus selects its row, as the goal cells do. */
static void
cell_focus_cb (GtkEventControllerFocus *controller,
               ColumnInfo              *info)
{
  GtkWidget *cell = gtk_widget_get_ancestor (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)),
                                             JX_TYPE_STAGE_CELL);
  guint row = row_of (info, cell);

  if (info->set != NULL && row != GTK_INVALID_LIST_POSITION)
    gtk_selection_model_select_item (gtk_column_view_get_model (info->set->view), row, TRUE);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          ColumnInfo               *info)
{
  GtkWidget *cell;
  GtkWidget *focus;
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *enter = gtk_event_controller_focus_new ();
  g_autofree char *title = NULL;

  if (info->set == NULL)
    return;
  cell = jx_stage_cell_new (info->column, info->set->scores);
  focus = jx_stage_cell_get_focus_widget (JX_STAGE_CELL (cell));
  title = jx_stage_column_title (info->column, info->set->month);
  if (JX_IS_TABLE_CELL (focus))
    jx_table_cell_set_title (JX_TABLE_CELL (focus), title);
  else
    {
      jx_widget_set_name (focus, title);
      /* At the top of a row that wrapped texts made tall, as in a sheet. */
      gtk_widget_set_valign (cell, GTK_ALIGN_START);
    }
  gtk_widget_add_css_class (cell, "jx-cell");
  /* Capture: an entry would otherwise take Enter and Tab itself. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (cell_key_cb), info);
  gtk_widget_add_controller (focus, keys);
  g_signal_connect (enter, "enter", G_CALLBACK (cell_focus_cb), info);
  gtk_widget_add_controller (focus, enter);
  gtk_list_item_set_child (item, cell);
}

static void
retargeted_cb (JxSlot      *slot,
               JxStageCell *cell)
{
  jx_stage_cell_bind (cell, jx_slot_get_item (slot));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         ColumnInfo               *info)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  JxSlot *slot = gtk_list_item_get_item (item);

  if (cell == NULL)
    return;
  jx_stage_cell_bind (JX_STAGE_CELL (cell), jx_slot_get_item (slot));
  g_signal_connect_object (slot, "retargeted", G_CALLBACK (retargeted_cb), cell, 0);
  g_hash_table_insert (info->bound, item, cell);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ColumnInfo               *info)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  JxSlot *slot = gtk_list_item_get_item (item);

  g_hash_table_remove (info->bound, item);
  if (cell == NULL)
    return;
  if (slot != NULL)
    g_signal_handlers_disconnect_by_func (slot, retargeted_cb, cell);
  jx_stage_cell_bind (JX_STAGE_CELL (cell), NULL);
}

static void
connect_factory (GtkListItemFactory *factory,
                 const char         *signal,
                 GCallback           callback,
                 ColumnInfo         *info)
{
  g_signal_connect_data (factory, signal, callback, g_rc_box_acquire (info),
                         (GClosureNotify) info_release, 0);
}

/* ---- Columns ---- */

static void
remove_columns (JxStageColumnSet *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      ColumnInfo *info = g_ptr_array_index (self->columns, i);

      info->set = NULL;
      gtk_column_view_remove_column (self->view, info->view_column);
    }
  g_ptr_array_set_size (self->columns, 0);
}

/* The column's own width, or wider when its title needs it (a long month
 * range, a longer language): a title is never cut. Headers are bold. */
static int
column_width (JxStageColumnSet    *self,
              const JxStageColumn *column,
              const char          *title)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->view), title);
  g_autoptr(PangoAttrList) bold = pango_attr_list_new ();
  int width;

  pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, bold);
  pango_layout_get_pixel_size (layout, &width, NULL);
  /* The header's padding and the resize handle's room. */
  return MAX (column->width, width + 24);
}

static void
add_column (JxStageColumnSet    *self,
            const JxStageColumn *column,
            guint                index)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autofree char *title = jx_stage_column_title (column, self->month);
  ColumnInfo *info = g_rc_box_new0 (ColumnInfo);

  info->set = self;
  info->index = index;
  info->column = column;
  info->bound = g_hash_table_new (NULL, NULL);
  connect_factory (factory, "setup", G_CALLBACK (setup_cb), info);
  connect_factory (factory, "bind", G_CALLBACK (bind_cb), info);
  connect_factory (factory, "unbind", G_CALLBACK (unbind_cb), info);
  info->view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_resizable (info->view_column, TRUE);
  gtk_column_view_column_set_fixed_width (info->view_column, column_width (self, column, title));
  gtk_column_view_append_column (self->view, info->view_column);
  g_object_unref (info->view_column);
  g_ptr_array_add (self->columns, info);
}

static void
show_stage (JxStageColumnSet *self)
{
  JxStage stage = self->document != NULL && self->project != NULL ? jx_document_get_stage (self->document)
                                                                   : JX_STAGE_GOALS;
  const JxStageColumn *columns;
  guint n;

  if (stage == self->stage && (self->columns->len > 0) == (stage != JX_STAGE_GOALS))
    return;
  remove_columns (self);
  self->stage = stage;
  columns = jx_stage_columns (stage, &n);
  for (guint i = 0; i < n; i++)
    add_column (self, &columns[i], i);
  self->changed (self->user_data);
}

/* A new month renames the columns of 1–X月; nothing else changes. */
static void
show_month (JxStageColumnSet *self)
{
  self->month = self->document != NULL ? jx_document_get_monitoring_month (self->document) : 6;
  for (guint i = 0; i < self->columns->len; i++)
    {
      ColumnInfo *info = g_ptr_array_index (self->columns, i);
      g_autofree char *title = jx_stage_column_title (info->column, self->month);

      GHashTableIter iter;
      gpointer cell;

      gtk_column_view_column_set_title (info->view_column, title);
      if (gtk_column_view_column_get_fixed_width (info->view_column) < column_width (self, info->column, title))
        gtk_column_view_column_set_fixed_width (info->view_column, column_width (self, info->column, title));
      g_hash_table_iter_init (&iter, info->bound);
      while (g_hash_table_iter_next (&iter, NULL, &cell))
        if (JX_IS_TABLE_CELL (jx_stage_cell_get_focus_widget (cell)))
          jx_table_cell_set_title (JX_TABLE_CELL (jx_stage_cell_get_focus_widget (cell)), title);
    }
}

JxStageColumnSet *
jx_stage_column_set_new (GtkColumnView         *view,
                         JxStageColumnsChanged  changed,
                         JxStageCellMove        move,
                         gpointer               user_data)
{
  JxStageColumnSet *self = g_new0 (JxStageColumnSet, 1);

  self->view = view;
  self->changed = changed;
  self->move = move;
  self->user_data = user_data;
  self->scores = jx_score_watch_new ();
  self->stage = JX_STAGE_GOALS;
  self->month = 6;
  self->columns = g_ptr_array_new_with_free_func (info_release);
  return self;
}

void
jx_stage_column_set_free (JxStageColumnSet *self)
{
  if (self == NULL)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  for (guint i = 0; i < self->columns->len; i++)
    ((ColumnInfo *) g_ptr_array_index (self->columns, i))->set = NULL;
  g_ptr_array_unref (self->columns);
  jx_score_watch_set_project (self->scores, NULL, NULL);
  g_object_unref (self->scores);
  g_clear_object (&self->document);
  g_clear_object (&self->project);
  g_free (self);
}

void
jx_stage_column_set_set_project (JxStageColumnSet *self,
                                 JxDocument       *document,
                                 JxProject        *project)
{
  g_return_if_fail (self != NULL);

  if (self->document != document)
    {
      if (self->document != NULL)
        g_signal_handlers_disconnect_by_data (self->document, self);
      g_set_object (&self->document, document);
      if (document != NULL)
        {
          g_signal_connect_swapped (document, "notify::stage", G_CALLBACK (show_stage), self);
          g_signal_connect_swapped (document, "notify::monitoring-month", G_CALLBACK (show_month), self);
        }
    }
  g_set_object (&self->project, project);
  jx_score_watch_set_project (self->scores, document, project);
  show_month (self);
  show_stage (self);
}

JxStage
jx_stage_column_set_get_stage (JxStageColumnSet *self)
{
  g_return_val_if_fail (self != NULL, JX_STAGE_GOALS);
  return self->stage;
}

guint
jx_stage_column_set_get_n (JxStageColumnSet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->columns->len;
}

int
jx_stage_column_set_find (JxStageColumnSet *self,
                          const char       *member)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; member != NULL && i < self->columns->len; i++)
    if (g_str_equal (((ColumnInfo *) g_ptr_array_index (self->columns, i))->column->member, member))
      return (int) i;
  return -1;
}

const JxStageColumn *
jx_stage_column_set_get_column (JxStageColumnSet *self,
                                guint             column)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (column >= self->columns->len)
    return NULL;
  return ((ColumnInfo *) g_ptr_array_index (self->columns, column))->column;
}

JxStageCell *
jx_stage_column_set_get_cell (JxStageColumnSet *self,
                              guint             row,
                              guint             column)
{
  GHashTableIter iter;
  gpointer item, cell;

  g_return_val_if_fail (self != NULL, NULL);

  if (column >= self->columns->len)
    return NULL;
  g_hash_table_iter_init (&iter, ((ColumnInfo *) g_ptr_array_index (self->columns, column))->bound);
  while (g_hash_table_iter_next (&iter, &item, &cell))
    if (gtk_list_item_get_position (item) == row)
      return cell;
  return NULL;
}

JxScoreWatch *
jx_stage_column_set_get_scores (JxStageColumnSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->scores;
}
