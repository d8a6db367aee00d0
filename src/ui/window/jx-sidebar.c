/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jx-widget-util.h"
#include "jx-sidebar.h"
#include "jx-problems-panel.h"
#include "jx-review.h"
#include "jx-slot.h"

struct _JxSidebar
{
  GtkWidget parent_instance;

  JxDocument *document;
  GListStore *sections;
  GtkFilterListModel *filter_model;
  GtkSortListModel *sort_model;
  GListStore *slots;           /* what the list shows: see jx-slot.h */
  GtkCustomFilter *filter;
  GtkSingleSelection *selection;
  char *search_key;
  JxSidebarSort sort;

  GtkWidget *search_entry;
  GtkWidget *sort_dropdown;
  GtkWidget *list_view;
  GtkWidget *count_label;
  GtkWidget *total_label;

  JxReview *review;            /* where the marks come from */
  GHashTable *rows;            /* row widget → its RowParts (owned) */
  GHashTable *search_keys;     /* project (a reference) → SearchKeys */
  GHashTable *positions;       /* project -> its index + 1 in the document; NULL: to build */
  GPtrArray *bound_rows;       /* RowParts of the rows on screen */

  gboolean all_rows;           /* FALSE until the list's first frame: see first_frame_rows */
  GdkFrameClock *paint_clock;  /* while waiting for that frame */
  guint all_rows_id;
};

/* No row of the list is lower than this, in pixels. */
#define MIN_ROW_HEIGHT 32

G_DEFINE_FINAL_TYPE (JxSidebar, jx_sidebar, GTK_TYPE_WIDGET)

enum { SELECTION_CHANGED, MOVE_PROJECT, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
section_title (guint index)
{
  static const char *titles[] = {
    /* The parts of the document before its projects. */
    N_("Cover and Department"),
    N_("Overall Goals"),
    N_("Per-Project Goals"),
    N_("Guarantee Measures"),
  };
  return _(titles[index]);
}

/* Rows: a fixed part, or a project's code, name and total. */

typedef struct
{
  GtkWidget *code;
  GtkWidget *name;
  GtkWidget *total;
  GtkWidget *mark;      /* the worst severity of the project's findings */
  GtkWidget *row;
  GtkListItem *item;
  JxSidebar *sidebar;
  JxSlot *slot;         /* while bound to a project's row */
  JxProject *project;   /* the project the slot points at */
} RowParts;

/* A bound row follows its project's code, name and total through one
 * handler, rather than a GBinding object per label made and dropped on
 * every bind. */
/* A project still without a code or a name says so, dimmed, rather than
 * leaving an empty row. */
static void
show_text (GtkWidget  *label,
           const char *text,
           const char *missing)
{
  gboolean empty = text[0] == '\0';

  gtk_label_set_text (GTK_LABEL (label), empty ? missing : text);
  if (empty)
    gtk_widget_add_css_class (label, "dim-label");
  else if (!gtk_widget_has_css_class (label, "caption"))
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
show_code (RowParts *parts)
{
  show_text (parts->code, jx_project_get_code (parts->project), _("(no project code yet)"));
}

static void
show_name (RowParts *parts)
{
  const char *name = jx_project_get_name (parts->project);

  show_text (parts->name, name, jx_project_get_shown_name (parts->project));
  jx_widget_set_tooltip (parts->row, name);
}

static void
show_total (RowParts *parts)
{
  g_autofree char *total = jx_money_format (jx_project_get_total (parts->project));

  gtk_label_set_text (GTK_LABEL (parts->total), total);
}

static void
row_parts_free (RowParts *parts)
{
  /* Torn down while still bound: it no longer follows its project. */
  if (parts->slot != NULL)
    g_signal_handlers_disconnect_by_data (parts->slot, parts);
  if (parts->project != NULL)
    g_signal_handlers_disconnect_by_data (parts->project, parts);
  g_free (parts);
}

static void
project_notify_cb (JxProject  *project,
                   GParamSpec *pspec,
                   RowParts   *parts)
{
  const char *property = g_param_spec_get_name (pspec);

  if (g_str_equal (property, "code"))
    show_code (parts);
  else if (g_str_equal (property, "name"))
    show_name (parts);
  else if (g_str_equal (property, "total"))
    show_total (parts);
}

static JxProject *
row_project (GtkWidget *row)
{
  JxSidebar *self = JX_SIDEBAR (gtk_widget_get_ancestor (row, JX_TYPE_SIDEBAR));
  RowParts *parts = self != NULL ? g_hash_table_lookup (self->rows, row) : NULL;
  gpointer object = parts != NULL ? gtk_list_item_get_item (parts->item) : NULL;

  return JX_IS_SLOT (object) ? jx_slot_get_item (object) : NULL;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 JxSidebar     *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  JxProject *project = row_project (row);

  if (project == NULL || !jx_sidebar_in_document_order (self))
    return NULL;
  return gdk_content_provider_new_typed (JX_TYPE_PROJECT, project);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         JxSidebar     *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  JxProject *onto = row_project (row);
  JxProject *moved = g_value_get_object (value);
  guint position;

  if (onto == NULL || moved == NULL || onto == moved || self->document == NULL)
    return FALSE;
  if (!g_list_store_find (G_LIST_STORE (jx_document_get_projects (self->document)),
                          onto, &position))
    return FALSE;
  g_signal_emit (self, signals[MOVE_PROJECT], 0, moved, position);
  return TRUE;
}

/* Where a project is in the document, plus one (0: not in it). The
 * findings are by position; looking a row's project up in the list each
 * time a row is bound went through thousands of projects per row. */
static guint
document_position (JxSidebar *self,
                   JxProject *project)
{
  if (self->document == NULL)
    return 0;
  if (self->positions == NULL)
    {
      GListModel *projects = jx_document_get_projects (self->document);
      guint n = g_list_model_get_n_items (projects);

      self->positions = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(JxProject) each = g_list_model_get_item (projects, i);
          g_hash_table_insert (self->positions, each, GUINT_TO_POINTER (i + 1));
        }
    }
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, project));
}

static void
projects_changed_cb (JxSidebar *self)
{
  g_clear_pointer (&self->positions, g_hash_table_unref);
}

/* The project's worst finding as an icon before its code and name, with
 * the severity spoken and shown as a tooltip. */
static void
update_mark (JxSidebar *self,
             RowParts  *parts)
{
  JxSeverity worst = JX_SEVERITY_NONE;
  guint position;

  if (self->review != NULL && parts->project != NULL &&
      (position = document_position (self, parts->project)) > 0)
    worst = jx_review_worst_for_project (self->review, position - 1);

  gtk_widget_remove_css_class (parts->mark, "error");
  gtk_widget_remove_css_class (parts->mark, "warning");
  if (worst == JX_SEVERITY_NONE)
    {
      /* The empty mark keeps its width, so that codes and names align. */
      gtk_image_clear (GTK_IMAGE (parts->mark));
      jx_widget_set_tooltip (parts->mark, NULL);
      /* A row that showed another project's finding must not speak of it. */
      gtk_accessible_reset_property (GTK_ACCESSIBLE (parts->mark), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }
  gtk_image_set_from_icon_name (GTK_IMAGE (parts->mark), jx_problems_severity_icon (worst));
  if (worst >= JX_SEVERITY_WARNING)
    gtk_widget_add_css_class (parts->mark, worst == JX_SEVERITY_ERROR ? "error" : "warning");
  jx_widget_set_tooltip (parts->mark, jx_severity_to_label (worst));
  gtk_accessible_update_property (GTK_ACCESSIBLE (parts->mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  jx_severity_to_label (worst), -1);
}

static void
findings_changed_cb (JxSidebar *self)
{
  for (guint i = 0; i < self->bound_rows->len; i++)
    update_mark (self, g_ptr_array_index (self->bound_rows, i));
}

void
jx_sidebar_set_review (JxSidebar *self,
                       JxReview  *review)
{
  g_return_if_fail (JX_IS_SIDEBAR (self));
  g_return_if_fail (review == NULL || JX_IS_REVIEW (review));

  if (self->review != NULL)
    g_signal_handlers_disconnect_by_data (self->review, self);
  g_set_object (&self->review, review);
  if (review != NULL)
    g_signal_connect_object (review, "changed", G_CALLBACK (findings_changed_cb), self,
                             G_CONNECT_SWAPPED);
  findings_changed_cb (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              JxSidebar                *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  RowParts *parts = g_new0 (RowParts, 1);
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (JX_TYPE_PROJECT, GDK_ACTION_MOVE);

  parts->row = row;
  parts->code = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0, "ellipsize", PANGO_ELLIPSIZE_END,
                              "css-classes", (const char *[]) { "caption", "dim-label", "numeric", NULL },
                              NULL);
  parts->name = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0, "ellipsize", PANGO_ELLIPSIZE_END,
                              "hexpand", TRUE, NULL);
  parts->total = g_object_new (GTK_TYPE_LABEL, "xalign", 1.0, "valign", GTK_ALIGN_END,
                               "css-classes", (const char *[]) { "numeric", NULL }, NULL);
  gtk_box_append (GTK_BOX (texts), parts->code);
  gtk_box_append (GTK_BOX (texts), parts->name);
  gtk_widget_set_hexpand (texts, TRUE);
  parts->mark = g_object_new (GTK_TYPE_IMAGE, "valign", GTK_ALIGN_CENTER, "visible", FALSE,
                              "width-request", 16, NULL);
  gtk_box_append (GTK_BOX (row), parts->mark);
  gtk_box_append (GTK_BOX (row), texts);
  gtk_box_append (GTK_BOX (row), parts->total);
  gtk_widget_set_margin_top (row, 4);
  gtk_widget_set_margin_bottom (row, 4);
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));

  parts->item = item;
  parts->sidebar = self;
  g_hash_table_insert (self->rows, row, parts);
  gtk_list_item_set_child (item, row);
}

/* Shows the project the row's slot points at now. */
static void
follow_project (JxSidebar *self,
                RowParts  *parts)
{
  if (parts->project != NULL)
    g_signal_handlers_disconnect_by_func (parts->project, project_notify_cb, parts);
  parts->project = jx_slot_get_item (parts->slot);
  show_code (parts);
  show_name (parts);
  show_total (parts);
  update_mark (self, parts);
  g_signal_connect (parts->project, "notify", G_CALLBACK (project_notify_cb), parts);
}

static void
slot_retargeted_cb (JxSlot   *slot,
                    RowParts *parts)
{
  follow_project (parts->sidebar, parts);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             JxSidebar                *self)
{
  RowParts *parts = g_hash_table_lookup (self->rows, gtk_list_item_get_child (item));
  gpointer object = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);

  if (!JX_IS_SLOT (object))
    {
      guint index = 0;

      g_list_store_find (self->sections, object, &index);
      gtk_label_set_text (GTK_LABEL (parts->name), section_title (index));
      gtk_widget_add_css_class (parts->name, "heading");
      gtk_widget_set_visible (parts->code, FALSE);
      gtk_widget_set_visible (parts->total, FALSE);
      jx_widget_set_tooltip (row, NULL);
      return;
    }

  gtk_widget_remove_css_class (parts->name, "heading");
  parts->slot = object;
  gtk_widget_set_visible (parts->mark, TRUE);
  g_ptr_array_add (self->bound_rows, parts);
  gtk_widget_set_visible (parts->code, TRUE);
  gtk_widget_set_visible (parts->total, TRUE);
  follow_project (self, parts);
  g_signal_connect (object, "retargeted", G_CALLBACK (slot_retargeted_cb), parts);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               JxSidebar                *self)
{
  RowParts *parts = g_hash_table_lookup (self->rows, gtk_list_item_get_child (item));

  if (parts->slot != NULL)
    g_signal_handlers_disconnect_by_func (parts->slot, slot_retargeted_cb, parts);
  if (parts->project != NULL)
    g_signal_handlers_disconnect_by_func (parts->project, project_notify_cb, parts);
  g_ptr_array_remove_fast (self->bound_rows, parts);
  parts->slot = NULL;
  parts->project = NULL;
  gtk_widget_set_visible (parts->mark, FALSE);
}

static void
teardown_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 JxSidebar                *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  if (row != NULL && self->rows != NULL)
    g_hash_table_remove (self->rows, row);
}

/* Search and sorting. */

/* What a project is searched by, casefolded once and again only when its
 * code or name has changed since, rather than on every keystroke. */
typedef struct
{
  char *code;
  char *name;
  char *code_key;
  char *name_key;
} SearchKeys;

static void
search_keys_free (SearchKeys *keys)
{
  g_free (keys->code);
  g_free (keys->name);
  g_free (keys->code_key);
  g_free (keys->name_key);
  g_free (keys);
}

static void
refresh_key (char       **text,
             char       **key,
             const char  *current)
{
  if (*text != NULL && strcmp (*text, current) == 0)
    return;
  g_free (*text);
  g_free (*key);
  *text = g_strdup (current);
  *key = g_utf8_casefold (current, -1);
}

static SearchKeys *
search_keys (JxSidebar *self,
             JxProject *project)
{
  SearchKeys *keys = g_hash_table_lookup (self->search_keys, project);

  if (keys == NULL)
    {
      keys = g_new0 (SearchKeys, 1);
      g_hash_table_insert (self->search_keys, g_object_ref (project), keys);
    }
  refresh_key (&keys->code, &keys->code_key, jx_project_get_code (project));
  refresh_key (&keys->name, &keys->name_key, jx_project_get_name (project));
  return keys;
}

static gboolean
project_matches (gpointer item,
                 gpointer user_data)
{
  JxSidebar *self = user_data;
  SearchKeys *keys;

  if (self->search_key == NULL)
    return TRUE;
  keys = search_keys (self, item);
  return strstr (keys->code_key, self->search_key) != NULL ||
         strstr (keys->name_key, self->search_key) != NULL;
}

static int
compare_projects (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  JxSidebar *self = user_data;
  JxProject *pa = (JxProject *) a;
  JxProject *pb = (JxProject *) b;

  switch (self->sort)
    {
    case JX_SIDEBAR_SORT_CODE:
      return g_strcmp0 (jx_project_get_code (pa), jx_project_get_code (pb));
    case JX_SIDEBAR_SORT_NAME:
      return g_utf8_collate (jx_project_get_name (pa), jx_project_get_name (pb));
    case JX_SIDEBAR_SORT_TOTAL:
      {
        JxMoney ta = jx_project_get_total (pa);
        JxMoney tb = jx_project_get_total (pb);
        /* Largest first: that is what a clerk looks for. */
        return ta < tb ? 1 : ta > tb ? -1 : 0;
      }
    case JX_SIDEBAR_SORT_DOCUMENT:
    default:
      return 0;
    }
}

static void
search_changed_cb (JxSidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *key = stripped[0] != '\0' ? g_utf8_casefold (stripped, -1) : NULL;

  /* The entry's delayed signal after jx_sidebar_set_search, or a space
   * typed at either end: nothing to filter again. */
  if (g_strcmp0 (key, self->search_key) == 0)
    return;
  g_free (self->search_key);
  self->search_key = g_steal_pointer (&key);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
sort_changed_cb (JxSidebar *self)
{
  guint sort = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->sort_dropdown));
  g_autoptr(GtkSorter) sorter = NULL;

  self->sort = sort;
  if (sort != JX_SIDEBAR_SORT_DOCUMENT)
    sorter = GTK_SORTER (gtk_custom_sorter_new (compare_projects, self, NULL));
  gtk_sort_list_model_set_sorter (self->sort_model, sorter);
}

/* The foot: how many projects and what they add up to. */

static void
update_foot (JxSidebar *self)
{
  GListModel *projects;
  g_autofree char *count = NULL;
  g_autofree char *total = NULL;
  g_autofree char *line = NULL;
  guint n;

  if (self->document == NULL)
    return;
  projects = jx_document_get_projects (self->document);
  n = g_list_model_get_n_items (projects);
  if (self->search_key != NULL)
    count = g_strdup_printf (ngettext ("%u of %u project", "%u of %u projects", n),
                             jx_sidebar_get_n_shown_projects (self), n);
  else
    count = g_strdup_printf (ngettext ("%u project", "%u projects", n), n);
  total = jx_money_format (jx_document_get_total (self->document));
  line = g_strdup_printf (_("Department total: %s %s"), total, jx_document_get_money_unit (self->document));
  gtk_label_set_text (GTK_LABEL (self->count_label), count);
  gtk_label_set_text (GTK_LABEL (self->total_label), line);
}

static void
selection_changed_cb (JxSidebar *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static gboolean find_shown (JxSidebar *self, JxProject *project, guint *position);
static guint first_frame_rows (JxSidebar *self);

/* The projects shown changed (filter, sort, edits of the list): the rows
 * are pointed at the projects now at their places, and the selection
 * follows its project, as it would follow an item of the list itself; a
 * project filtered out leaves the selection on whatever took its place. */
static void
shown_changed_cb (JxSidebar *self)
{
  g_autoptr(JxProject) selected = NULL;
  guint position;

  if (jx_sidebar_get_project (self) != NULL)
    selected = g_object_ref (jx_sidebar_get_project (self));
  jx_slots_sync_first (self->slots, G_LIST_MODEL (self->sort_model),
                       self->all_rows ? G_MAXUINT : first_frame_rows (self));
  if (selected == NULL || jx_sidebar_get_project (self) == selected)
    return;
  if (find_shown (self, selected, &position))
    gtk_single_selection_set_selected (self->selection, position + JX_SIDEBAR_N_FIXED);
  else
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* The first frame. A list view shown for the first time makes, binds and
 * measures a row for each of its first 200 items (GTK 4.8), where the
 * frame shows a screenful: until the list has been drawn once, it holds
 * as many projects as its window has room for (a maximized one, the
 * tallest monitor), and the others come in the moment after. */

static guint
first_frame_rows (JxSidebar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GListModel *monitors = gdk_display_get_monitors (display);
  guint n = g_list_model_get_n_items (monitors);
  int width = 0;
  int height = n == 0 ? 2160 : 0;

  /* The window's height, or the monitor's for a window filling it. */
  if (GTK_IS_WINDOW (root) && !gtk_window_is_maximized (GTK_WINDOW (root)) &&
      !gtk_window_is_fullscreen (GTK_WINDOW (root)))
    gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
  if (height > 0)
    return (guint) height / MIN_ROW_HEIGHT + 1;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle area;

      gdk_monitor_get_geometry (monitor, &area);
      height = MAX (height, area.height);
    }
  return (guint) height / MIN_ROW_HEIGHT + 1;
}

static void
stop_waiting_for_paint (JxSidebar *self)
{
  if (self->paint_clock == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->paint_clock, self);
  self->paint_clock = NULL;
}

static void
show_all_rows (JxSidebar *self)
{
  stop_waiting_for_paint (self);
  g_clear_handle_id (&self->all_rows_id, g_source_remove);
  if (self->all_rows)
    return;
  self->all_rows = TRUE;
  jx_slots_sync (self->slots, G_LIST_MODEL (self->sort_model));
}

static gboolean
show_all_rows_cb (gpointer data)
{
  JxSidebar *self = data;

  self->all_rows_id = 0;
  show_all_rows (self);
  return G_SOURCE_REMOVE;
}

static void
first_paint_cb (GdkFrameClock *clock,
                JxSidebar     *self)
{
  stop_waiting_for_paint (self);
  /* As soon as the frame is out, and before input that could move
   * through the list. */
  if (self->all_rows_id == 0)
    self->all_rows_id = g_idle_add_full (G_PRIORITY_DEFAULT, show_all_rows_cb, self, NULL);
}

static void
wait_for_paint (JxSidebar *self)
{
  if (self->all_rows || self->paint_clock != NULL || self->all_rows_id != 0)
    return;
  self->paint_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  g_signal_connect (self->paint_clock, "after-paint", G_CALLBACK (first_paint_cb), self);
}

static void
jx_sidebar_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (jx_sidebar_parent_class)->map (widget);
  wait_for_paint (JX_SIDEBAR (widget));
}

static void
jx_sidebar_unmap (GtkWidget *widget)
{
  stop_waiting_for_paint (JX_SIDEBAR (widget));
  GTK_WIDGET_CLASS (jx_sidebar_parent_class)->unmap (widget);
}

/* Construction. */

static GtkWidget *
build_list (JxSidebar *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GListStore *models = g_list_store_new (G_TYPE_LIST_MODEL);
  GtkFlattenListModel *flat;
  GtkWidget *scroller;

  for (guint i = 0; i < JX_SIDEBAR_N_FIXED; i++)
    {
      g_autoptr(GtkStringObject) section = gtk_string_object_new ("");
      g_list_store_append (self->sections, section);
    }
  self->filter = gtk_custom_filter_new (project_matches, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)), NULL);
  self->slots = jx_slots_new ();
  g_signal_connect_object (self->sort_model, "items-changed",
                           G_CALLBACK (shown_changed_cb), self, G_CONNECT_SWAPPED);
  g_list_store_append (models, self->sections);
  g_list_store_append (models, self->slots);
  flat = gtk_flatten_list_model_new (G_LIST_MODEL (models));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (flat));
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (update_foot), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_row_cb), self);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory);
  gtk_widget_add_css_class (self->list_view, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Document parts and projects"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->list_view);
  gtk_widget_set_vexpand (scroller, TRUE);
  return scroller;
}

static GtkWidget *
build_tools (JxSidebar *self)
{
  const char *sorts[] = {
    _("Document order"), _("By code"), _("By name"), _("By budget"), NULL,
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *sort_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *sort_label = gtk_label_new_with_mnemonic (_("S_ort"));

  self->search_entry = gtk_search_entry_new ();
  /* Ctrl+Z means the document's undo everywhere, here too. */
  jx_widget_disable_undo (self->search_entry);
  gtk_widget_set_hexpand (self->search_entry, TRUE);
  g_object_set (self->search_entry, "placeholder-text", _("Search code or name (Ctrl+F)"), NULL);
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (self->search_entry), 80);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (update_foot), self, G_CONNECT_SWAPPED);
  self->sort_dropdown = gtk_drop_down_new_from_strings (sorts);
  gtk_widget_set_tooltip_text (self->sort_dropdown, _("Order of the projects in this list"));
  jx_widget_set_name (self->sort_dropdown, _("Order of the projects in this list"));
  jx_widget_set_name (self->search_entry, _("Search code or name (Ctrl+F)"));
  g_signal_connect_object (self->sort_dropdown, "notify::selected",
                           G_CALLBACK (sort_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_hexpand (self->sort_dropdown, TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (sort_label), self->sort_dropdown);
  gtk_widget_add_css_class (sort_label, "dim-label");
  gtk_box_append (GTK_BOX (sort_row), sort_label);
  gtk_box_append (GTK_BOX (sort_row), self->sort_dropdown);
  gtk_box_append (GTK_BOX (box), self->search_entry);
  gtk_box_append (GTK_BOX (box), sort_row);
  g_object_set (box, "margin-top", 6, "margin-bottom", 6, "margin-start", 6, "margin-end", 6, NULL);
  return box;
}

static GtkWidget *
build_foot (JxSidebar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  self->count_label = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0, "hexpand", TRUE,
                                    "ellipsize", PANGO_ELLIPSIZE_END,
                                    "css-classes", (const char *[]) { "dim-label", "caption", NULL }, NULL);
  /* Selectable for copying, but no stop for Tab: nothing to type there
   * (not merely unfocusable: a selectable label would then hold Tab). */
  self->total_label = g_object_new (GTK_TYPE_LABEL, "xalign", 1.0, "selectable", TRUE,
                                    "css-classes", (const char *[]) { "heading", "numeric", NULL },
                                    NULL);
  gtk_widget_set_can_focus (self->total_label, FALSE);
  gtk_widget_set_name (self->total_label, "department-total");
  gtk_box_append (GTK_BOX (box), self->count_label);
  gtk_box_append (GTK_BOX (box), self->total_label);
  g_object_set (box, "margin-top", 8, "margin-bottom", 8, "margin-start", 10, "margin-end", 10, NULL);
  return box;
}

static void
jx_sidebar_dispose (GObject *object)
{
  JxSidebar *self = JX_SIDEBAR (object);
  GtkWidget *child;

  stop_waiting_for_paint (self);
  g_clear_handle_id (&self->all_rows_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->slots);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->sections);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (jx_document_get_projects (self->document), self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  jx_sidebar_set_review (self, NULL);
  g_clear_pointer (&self->search_keys, g_hash_table_unref);
  G_OBJECT_CLASS (jx_sidebar_parent_class)->dispose (object);
}

static void
jx_sidebar_finalize (GObject *object)
{
  g_free (JX_SIDEBAR (object)->search_key);
  g_hash_table_unref (JX_SIDEBAR (object)->rows);
  g_ptr_array_unref (JX_SIDEBAR (object)->bound_rows);
  G_OBJECT_CLASS (jx_sidebar_parent_class)->finalize (object);
}

static void
jx_sidebar_class_init (JxSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_sidebar_dispose;
  object_class->finalize = jx_sidebar_finalize;
  widget_class->map = jx_sidebar_map;
  widget_class->unmap = jx_sidebar_unmap;
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[MOVE_PROJECT] =
    g_signal_new ("move-project", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, JX_TYPE_PROJECT, G_TYPE_UINT);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "jxsidebar");
}

static void
jx_sidebar_init (JxSidebar *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  self->sections = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  self->bound_rows = g_ptr_array_new ();
  self->rows = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) row_parts_free);
  self->search_keys = g_hash_table_new_full (NULL, NULL, g_object_unref, (GDestroyNotify) search_keys_free);
  gtk_widget_set_parent (build_tools (self), GTK_WIDGET (self));
  gtk_widget_set_parent (build_list (self), GTK_WIDGET (self));
  gtk_widget_set_parent (gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), GTK_WIDGET (self));
  gtk_widget_set_parent (build_foot (self), GTK_WIDGET (self));
}

GtkWidget *
jx_sidebar_new (void)
{
  return g_object_new (JX_TYPE_SIDEBAR, NULL);
}

void
jx_sidebar_set_document (JxSidebar  *self,
                         JxDocument *document)
{
  g_return_if_fail (JX_IS_SIDEBAR (self));
  g_return_if_fail (JX_IS_DOCUMENT (document));

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (jx_document_get_projects (self->document), self);
    }
  g_set_object (&self->document, document);
  g_hash_table_remove_all (self->search_keys);
  g_signal_connect_object (document, "notify::total", G_CALLBACK (update_foot), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::money-unit", G_CALLBACK (update_foot), self,
                           G_CONNECT_SWAPPED);
  projects_changed_cb (self);
  /* Another document in a window on screen: its frame, too, shows a screenful first. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      show_all_rows (self);
      self->all_rows = FALSE;
      wait_for_paint (self);
    }
  /* Before the list hears of it, so that rows bound then find positions. */
  g_signal_connect_object (jx_document_get_projects (document), "items-changed",
                           G_CALLBACK (projects_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_filter_list_model_set_model (self->filter_model, jx_document_get_projects (document));
  gtk_single_selection_set_selected (self->selection, 0);
  update_foot (self);
}

JxSidebarPage
jx_sidebar_get_page (JxSidebar *self)
{
  guint selected;

  g_return_val_if_fail (JX_IS_SIDEBAR (self), JX_SIDEBAR_PAGE_DEPARTMENT);
  selected = gtk_single_selection_get_selected (self->selection);
  if (selected == GTK_INVALID_LIST_POSITION)
    return JX_SIDEBAR_PAGE_DEPARTMENT;
  return MIN (selected, JX_SIDEBAR_PAGE_PROJECT);
}

JxProject *
jx_sidebar_get_project (JxSidebar *self)
{
  gpointer item;

  g_return_val_if_fail (JX_IS_SIDEBAR (self), NULL);
  item = gtk_single_selection_get_selected_item (self->selection);
  return JX_IS_SLOT (item) ? jx_slot_get_item (item) : NULL;
}

void
jx_sidebar_select_page (JxSidebar     *self,
                        JxSidebarPage  page)
{
  g_return_if_fail (JX_IS_SIDEBAR (self));
  g_return_if_fail (page < JX_SIDEBAR_PAGE_PROJECT);
  gtk_single_selection_set_selected (self->selection, page);
}

static gboolean
find_shown (JxSidebar *self,
            JxProject *project,
            guint     *position)
{
  GListModel *model = G_LIST_MODEL (self->sort_model);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxProject) shown = g_list_model_get_item (model, i);
      if (shown == project)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* A row just added has no height yet, and the list is not yet taller, so
 * the first scroll leaves it half under the edge; scrolling again in the
 * frame after the one that lays it out shows it whole. */
static gboolean
scroll_again_cb (GtkWidget     *list_view,
                 GdkFrameClock *clock,
                 gpointer       position)
{
  gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", GPOINTER_TO_UINT (position));
  return G_SOURCE_REMOVE;
}

static gboolean
after_layout_cb (GtkWidget     *list_view,
                 GdkFrameClock *clock,
                 gpointer       position)
{
  gtk_widget_add_tick_callback (list_view, scroll_again_cb, position, NULL);
  return G_SOURCE_REMOVE;
}

/* The rows stay where they are while projects move through them: a
 * list that has the keyboard focus gets it on the project's row again,
 * or the next key would act from the row the project has left. */
static void
focus_project_row (JxSidebar *self,
                   JxProject *project)
{
  if (gtk_widget_get_focus_child (self->list_view) == NULL)
    return;
  for (guint i = 0; i < self->bound_rows->len; i++)
    {
      RowParts *parts = g_ptr_array_index (self->bound_rows, i);

      if (parts->project == project)
        {
          gtk_widget_grab_focus (gtk_widget_get_parent (parts->row));
          return;
        }
    }
}

void
jx_sidebar_select_project (JxSidebar *self,
                           JxProject *project)
{
  guint position;

  g_return_if_fail (JX_IS_SIDEBAR (self));
  g_return_if_fail (JX_IS_PROJECT (project));

  /* Every project has its row from now on: this one may be past the first screenful. */
  show_all_rows (self);
  if (!find_shown (self, project, &position))
    {
      jx_sidebar_set_search (self, "");
      if (!find_shown (self, project, &position))
        return;
    }
  position += JX_SIDEBAR_N_FIXED;
  gtk_single_selection_set_selected (self->selection, position);
  focus_project_row (self, project);
  gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", position);
  gtk_widget_add_tick_callback (self->list_view, after_layout_cb, GUINT_TO_POINTER (position), NULL);
}

void
jx_sidebar_set_search (JxSidebar  *self,
                       const char *text)
{
  g_return_if_fail (JX_IS_SIDEBAR (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* Apply now rather than after the entry's typing delay. */
  search_changed_cb (self);
  update_foot (self);
}

void
jx_sidebar_set_sort (JxSidebar     *self,
                     JxSidebarSort  sort)
{
  g_return_if_fail (JX_IS_SIDEBAR (self));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->sort_dropdown), sort);
}

guint
jx_sidebar_get_n_shown_projects (JxSidebar *self)
{
  g_return_val_if_fail (JX_IS_SIDEBAR (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

gboolean
jx_sidebar_in_document_order (JxSidebar *self)
{
  g_return_val_if_fail (JX_IS_SIDEBAR (self), FALSE);
  return self->sort == JX_SIDEBAR_SORT_DOCUMENT && self->search_key == NULL;
}

gboolean
jx_sidebar_select_relative (JxSidebar *self,
                            int        delta)
{
  GListModel *rows;
  guint selected;
  gint64 target;
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (JX_IS_SIDEBAR (self), FALSE);

  rows = G_LIST_MODEL (self->selection);
  selected = gtk_single_selection_get_selected (self->selection);
  target = selected == GTK_INVALID_LIST_POSITION ? 0 : (gint64) selected + delta;
  if (target < 0 || target >= g_list_model_get_n_items (rows))
    return FALSE;
  item = g_list_model_get_item (rows, (guint) target);
  if (JX_IS_SLOT (item))
    jx_sidebar_select_project (self, jx_slot_get_item (JX_SLOT (item)));
  else
    {
      gtk_single_selection_set_selected (self->selection, (guint) target);
      /* The list's focus goes along, as the arrow keys would move it. */
      if (gtk_widget_get_focus_child (self->list_view) != NULL)
        gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", (guint) target);
    }
  return TRUE;
}

void
jx_sidebar_focus_list (JxSidebar *self)
{
  guint selected;
  GHashTableIter iter;
  gpointer row, value;

  g_return_if_fail (JX_IS_SIDEBAR (self));
  /* On the selected row, so that the arrows go on from there: the list
   * itself would start from its first row. The row's item widget (the
   * parent of ours) is what takes the focus. */
  selected = gtk_single_selection_get_selected (self->selection);
  if (selected != GTK_INVALID_LIST_POSITION)
    {
      gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", selected);
      g_hash_table_iter_init (&iter, self->rows);
      while (g_hash_table_iter_next (&iter, &row, &value))
        {
          RowParts *parts = value;

          if (gtk_list_item_get_position (parts->item) == selected && gtk_widget_get_mapped (row) &&
              gtk_widget_get_parent (row) != NULL && gtk_widget_grab_focus (gtk_widget_get_parent (row)))
            return;
        }
    }
  gtk_widget_grab_focus (self->list_view);
}

void
jx_sidebar_focus_search (JxSidebar *self)
{
  g_return_if_fail (JX_IS_SIDEBAR (self));
  gtk_widget_grab_focus (self->search_entry);
}
