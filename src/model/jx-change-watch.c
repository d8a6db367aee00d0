/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-change-watch.h"
#include "jx-project.h"

/* The watch mirrors the document's lists: one ListNode per list, holding
 * one ItemNode per item in list order, so that when a list changes only
 * the items that came or went are connected or disconnected. */
typedef struct _ListNode ListNode;

typedef struct
{
  GObject  *object;
  gulong    handler;
  ListNode *lists[3];    /* a project's plan, goals and indicators */
} ItemNode;

struct _ListNode
{
  JxChangeWatch *watch;
  GListModel    *list;
  gulong         handler;
  GPtrArray     *items;  /* ItemNode */
};

struct _JxChangeWatch
{
  GObject parent_instance;
  JxDocument *document;
  GPtrArray *roots;      /* ItemNode: the document and its department */
  GPtrArray *lists;      /* ListNode: points, measures, projects */
};

G_DEFINE_FINAL_TYPE (JxChangeWatch, jx_change_watch, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static ListNode *list_node_new  (JxChangeWatch *watch,
                                 GListModel    *list);
static void      list_node_free (ListNode      *node);

static void
object_changed_cb (JxChangeWatch *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static ItemNode *
item_node_new (JxChangeWatch *watch, gpointer object)
{
  ItemNode *node = g_new0 (ItemNode, 1);

  node->object = g_object_ref (object);
  node->handler = g_signal_connect_swapped (object, "notify", G_CALLBACK (object_changed_cb), watch);
  if (JX_IS_PROJECT (object))
    {
      node->lists[0] = list_node_new (watch, jx_project_get_spending_plan (object));
      node->lists[1] = list_node_new (watch, jx_project_get_goals (object));
      node->lists[2] = list_node_new (watch, jx_project_get_indicators (object));
    }
  return node;
}

static void
item_node_free (gpointer data)
{
  ItemNode *node = data;

  g_signal_handler_disconnect (node->object, node->handler);
  for (guint i = 0; i < G_N_ELEMENTS (node->lists); i++)
    g_clear_pointer (&node->lists[i], list_node_free);
  g_object_unref (node->object);
  g_free (node);
}

static void
list_changed_cb (GListModel *list,
                 guint       position,
                 guint       removed,
                 guint       added,
                 ListNode   *node)
{
  g_ptr_array_remove_range (node->items, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, position + i);

      g_ptr_array_insert (node->items, position + i, item_node_new (node->watch, item));
    }
  g_signal_emit (node->watch, signals[CHANGED], 0);
}

static ListNode *
list_node_new (JxChangeWatch *watch, GListModel *list)
{
  ListNode *node = g_new0 (ListNode, 1);
  guint n = g_list_model_get_n_items (list);

  node->watch = watch;
  node->list = g_object_ref (list);
  node->items = g_ptr_array_new_full (n, item_node_free);
  node->handler = g_signal_connect (list, "items-changed", G_CALLBACK (list_changed_cb), node);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      g_ptr_array_add (node->items, item_node_new (watch, item));
    }
  return node;
}

static void
list_node_free (ListNode *node)
{
  g_signal_handler_disconnect (node->list, node->handler);
  g_ptr_array_unref (node->items);
  g_object_unref (node->list);
  g_free (node);
}

static void
jx_change_watch_dispose (GObject *object)
{
  JxChangeWatch *self = JX_CHANGE_WATCH (object);

  g_clear_pointer (&self->lists, g_ptr_array_unref);
  g_clear_pointer (&self->roots, g_ptr_array_unref);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (jx_change_watch_parent_class)->dispose (object);
}

static void
jx_change_watch_class_init (JxChangeWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jx_change_watch_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jx_change_watch_init (JxChangeWatch *self)
{
}

JxChangeWatch *
jx_change_watch_new (JxDocument *document)
{
  JxChangeWatch *self;

  g_return_val_if_fail (JX_IS_DOCUMENT (document), NULL);

  self = g_object_new (JX_TYPE_CHANGE_WATCH, NULL);
  self->document = g_object_ref (document);
  self->roots = g_ptr_array_new_with_free_func (item_node_free);
  self->lists = g_ptr_array_new_with_free_func ((GDestroyNotify) list_node_free);
  g_ptr_array_add (self->roots, item_node_new (self, document));
  g_ptr_array_add (self->roots, item_node_new (self, jx_document_get_department (document)));
  g_ptr_array_add (self->lists, list_node_new (self, jx_document_get_points (document)));
  g_ptr_array_add (self->lists, list_node_new (self, jx_document_get_measures (document)));
  g_ptr_array_add (self->lists, list_node_new (self, jx_document_get_projects (document)));
  return self;
}

JxDocument *
jx_change_watch_get_document (JxChangeWatch *self)
{
  g_return_val_if_fail (JX_IS_CHANGE_WATCH (self), NULL);
  return self->document;
}
