/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-slot.h"

struct _JxSlot
{
  GObject parent_instance;
  GObject *item;
};

G_DEFINE_FINAL_TYPE (JxSlot, jx_slot, G_TYPE_OBJECT)

enum { RETARGETED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
jx_slot_dispose (GObject *object)
{
  g_clear_object (&JX_SLOT (object)->item);
  G_OBJECT_CLASS (jx_slot_parent_class)->dispose (object);
}

static void
jx_slot_class_init (JxSlotClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jx_slot_dispose;
  signals[RETARGETED] =
    g_signal_new ("retargeted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jx_slot_init (JxSlot *self)
{
}

gpointer
jx_slot_get_item (JxSlot *self)
{
  g_return_val_if_fail (JX_IS_SLOT (self), NULL);
  return self->item;
}

GListStore *
jx_slots_new (void)
{
  return g_list_store_new (JX_TYPE_SLOT);
}

void
jx_slots_sync (GListStore *slots,
               GListModel *source)
{
  jx_slots_sync_first (slots, source, G_MAXUINT);
}

void
jx_slots_sync_first (GListStore *slots,
                     GListModel *source,
                     guint       limit)
{
  guint n = source != NULL ? MIN (g_list_model_get_n_items (source), limit) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (slots));

  g_return_if_fail (G_IS_LIST_STORE (slots));

  for (guint i = 0; i < MIN (n, shown); i++)
    {
      g_autoptr(JxSlot) slot = g_list_model_get_item (G_LIST_MODEL (slots), i);
      g_autoptr(GObject) item = g_list_model_get_item (source, i);

      if (g_set_object (&slot->item, item))
        g_signal_emit (slot, signals[RETARGETED], 0);
    }
  /* Removed after the others have moved: whoever hears of the removal
   * (a selection that moves) finds every slot pointing where it should. */
  if (shown > n)
    g_list_store_splice (slots, n, shown - n, NULL, 0);
  if (n > shown)
    {
      g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = shown; i < n; i++)
        {
          JxSlot *slot = g_object_new (JX_TYPE_SLOT, NULL);

          slot->item = g_list_model_get_item (source, i);
          g_ptr_array_add (added, slot);
        }
      g_list_store_splice (slots, shown, 0, added->pdata, added->len);
    }
}
