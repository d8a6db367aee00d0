/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-change-watch.h"
#include "jx-project.h"

struct _JxChangeWatch
{
  GObject parent_instance;
  JxDocument *document;
  GPtrArray *watched;   /* every object we hold a handler on, with a reference */
};

G_DEFINE_FINAL_TYPE (JxChangeWatch, jx_change_watch, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void rewire (JxChangeWatch *self);

static void
object_changed_cb (JxChangeWatch *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* A list gained or lost items: the set of objects to follow changed.
 * Reconnecting everything is simple and, at a few milliseconds for a
 * large document, cheap next to the edits that cause it. */
static void
list_changed_cb (JxChangeWatch *self)
{
  rewire (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
watch_object (JxChangeWatch *self, gpointer object)
{
  g_signal_connect_object (object, "notify", G_CALLBACK (object_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_ptr_array_add (self->watched, g_object_ref (object));
}

static void
watch_list (JxChangeWatch *self, GListModel *list)
{
  guint n = g_list_model_get_n_items (list);

  g_signal_connect_object (list, "items-changed", G_CALLBACK (list_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_ptr_array_add (self->watched, g_object_ref (list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      if (JX_IS_PROJECT (item))
        {
          JxProject *project = JX_PROJECT (item);

          watch_list (self, jx_project_get_spending_plan (project));
          watch_list (self, jx_project_get_goals (project));
          watch_list (self, jx_project_get_indicators (project));
        }
      watch_object (self, item);
    }
}

static void
unwire (JxChangeWatch *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched, i), self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
rewire (JxChangeWatch *self)
{
  unwire (self);
  watch_object (self, self->document);
  watch_object (self, jx_document_get_department (self->document));
  watch_list (self, jx_document_get_points (self->document));
  watch_list (self, jx_document_get_measures (self->document));
  watch_list (self, jx_document_get_projects (self->document));
}

static void
jx_change_watch_dispose (GObject *object)
{
  JxChangeWatch *self = JX_CHANGE_WATCH (object);

  if (self->watched != NULL)
    unwire (self);
  g_clear_pointer (&self->watched, g_ptr_array_unref);
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
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
}

JxChangeWatch *
jx_change_watch_new (JxDocument *document)
{
  JxChangeWatch *self;

  g_return_val_if_fail (JX_IS_DOCUMENT (document), NULL);

  self = g_object_new (JX_TYPE_CHANGE_WATCH, NULL);
  self->document = g_object_ref (document);
  rewire (self);
  return self;
}

JxDocument *
jx_change_watch_get_document (JxChangeWatch *self)
{
  g_return_val_if_fail (JX_IS_CHANGE_WATCH (self), NULL);
  return self->document;
}
