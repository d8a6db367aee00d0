/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-score-watch.h"

struct _JxScoreWatch
{
  GObject parent_instance;

  JxDocument *document;
  JxProject *project;
  GListModel *rows;
  GPtrArray *watched_rows;
  JxProjectScore *score;   /* NULL when something changed since */
};

G_DEFINE_FINAL_TYPE (JxScoreWatch, jx_score_watch, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
changed_cb (JxScoreWatch *self)
{
  g_clear_pointer (&self->score, jx_project_score_free);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
unwatch_rows (JxScoreWatch *self)
{
  for (guint i = 0; i < self->watched_rows->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched_rows, i), self);
  g_ptr_array_set_size (self->watched_rows, 0);
}

static void
rows_changed_cb (JxScoreWatch *self)
{
  unwatch_rows (self);
  for (guint i = 0; self->rows != NULL && i < g_list_model_get_n_items (self->rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (self->rows, i);

      g_signal_connect_swapped (row, "notify", G_CALLBACK (changed_cb), self);
      g_ptr_array_add (self->watched_rows, g_object_ref (row));
    }
  changed_cb (self);
}

static void
release (JxScoreWatch *self)
{
  unwatch_rows (self);
  if (self->rows != NULL)
    g_signal_handlers_disconnect_by_data (self->rows, self);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->rows);
  g_clear_object (&self->project);
  g_clear_object (&self->document);
  g_clear_pointer (&self->score, jx_project_score_free);
}

static void
jx_score_watch_dispose (GObject *object)
{
  release (JX_SCORE_WATCH (object));
  G_OBJECT_CLASS (jx_score_watch_parent_class)->dispose (object);
}

static void
jx_score_watch_finalize (GObject *object)
{
  g_ptr_array_unref (JX_SCORE_WATCH (object)->watched_rows);
  G_OBJECT_CLASS (jx_score_watch_parent_class)->finalize (object);
}

static void
jx_score_watch_class_init (JxScoreWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jx_score_watch_dispose;
  G_OBJECT_CLASS (klass)->finalize = jx_score_watch_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jx_score_watch_init (JxScoreWatch *self)
{
  self->watched_rows = g_ptr_array_new_with_free_func (g_object_unref);
}

JxScoreWatch *
jx_score_watch_new (void)
{
  return g_object_new (JX_TYPE_SCORE_WATCH, NULL);
}

void
jx_score_watch_set_project (JxScoreWatch *self,
                            JxDocument   *document,
                            JxProject    *project)
{
  g_return_if_fail (JX_IS_SCORE_WATCH (self));
  g_return_if_fail (document == NULL || JX_IS_DOCUMENT (document));
  g_return_if_fail (project == NULL || JX_IS_PROJECT (project));

  if (self->document == document && self->project == project)
    return;
  release (self);
  if (document == NULL || project == NULL)
    {
      changed_cb (self);
      return;
    }
  self->document = g_object_ref (document);
  self->project = g_object_ref (project);
  self->rows = g_object_ref (jx_project_get_indicators (project));
  g_signal_connect_swapped (document, "notify::money-unit", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (project, "notify", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->rows, "items-changed", G_CALLBACK (rows_changed_cb), self);
  rows_changed_cb (self);
}

JxDocument *
jx_score_watch_get_document (JxScoreWatch *self)
{
  g_return_val_if_fail (JX_IS_SCORE_WATCH (self), NULL);
  return self->document;
}

const JxProjectScore *
jx_score_watch_get_score (JxScoreWatch *self)
{
  g_return_val_if_fail (JX_IS_SCORE_WATCH (self), NULL);

  if (self->score == NULL && self->project != NULL)
    self->score = jx_project_score_new (self->project, jx_document_get_money_unit (self->document));
  return self->score;
}

const JxRowScore *
jx_score_watch_get_row (JxScoreWatch *self,
                        JxIndicator  *indicator)
{
  const JxProjectScore *score = jx_score_watch_get_score (self);
  guint position;

  if (score == NULL || !g_list_store_find (G_LIST_STORE (self->rows), indicator, &position) ||
      position >= score->n_rows)
    return NULL;
  return &score->rows[position];
}
