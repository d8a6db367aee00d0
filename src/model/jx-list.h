/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Moves an item within a list in one change (one "items-changed"), so that
 * it is one undo step ("Move …") without any bracket. FALSE when from or to
 * is past the end or they are equal. */
gboolean   jx_list_store_move            (GListStore *store,
                                          guint       from,
                                          guint       to);

G_END_DECLS
