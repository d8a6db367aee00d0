/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Rows that outlive a change of their list. GTK 4.8's list views make new
 * row widgets for every item they have not shown before: a filter, a sort
 * or another project's list would rebuild every row on screen. A list view
 * that shows slots instead keeps its rows: each slot points at the item at
 * its position in the real list, and is pointed elsewhere when that list
 * changes ("retargeted"); only a change in the number of items adds or
 * removes slots, at the end. */
#define JX_TYPE_SLOT (jx_slot_get_type ())
G_DECLARE_FINAL_TYPE (JxSlot, jx_slot, JX, SLOT, GObject)

/* The item the slot stands for now (no reference), or NULL. */
gpointer jx_slot_get_item (JxSlot *self);

/* A store of slots for the items of source (which may be NULL: none). */
GListStore *jx_slots_new  (void);
/* Points slots at source's items, position by position, adding or
 * removing slots at the end; emits "retargeted" on every slot whose item
 * changed. */
void        jx_slots_sync (GListStore *slots,
                           GListModel *source);
/* The same for source's first limit items only: a list view shown for
 * the first time makes a row for every slot up to 200 (GTK 4.8), where a
 * screenful is all it shows. */
void        jx_slots_sync_first (GListStore *slots,
                                 GListModel *source,
                                 guint       limit);

G_END_DECLS
