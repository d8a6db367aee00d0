/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-list.h"

gboolean
jx_list_store_move (GListStore *store,
                    guint       from,
                    guint       to)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n = g_list_model_get_n_items (model);
  guint first = MIN (from, to);
  guint count = MAX (from, to) - first + 1;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (G_IS_LIST_STORE (store), FALSE);

  if (from >= n || to >= n || from == to)
    return FALSE;
  /* The span between the two places, rotated by one. */
  items = g_ptr_array_new_full (count, g_object_unref);
  for (guint i = 0; i < count; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, first + i));
  if (from < to)
    {
      gpointer moved = g_ptr_array_steal_index (items, 0);
      g_ptr_array_add (items, moved);
    }
  else
    {
      gpointer moved = g_ptr_array_steal_index (items, count - 1);
      g_ptr_array_insert (items, 0, moved);
    }
  g_list_store_splice (store, first, count, items->pdata, count);
  return TRUE;
}
