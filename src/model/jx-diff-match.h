/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Matching the items of two versions of a list — paragraphs, goals,
 * projects, indicator rows — the way a reviewer would: the same item by
 * its key, wherever it went; items that kept their order are in place and
 * the others moved; what is left between two items in place is taken, in
 * order, as the same item changed. Linear but for the order, O(n log n). */

typedef enum
{
  JX_MATCH_NONE,      /* added or removed */
  JX_MATCH_KEPT,      /* matched by key, in order */
  JX_MATCH_MOVED,     /* matched by key, elsewhere in the list */
  JX_MATCH_CHANGED,   /* taken as the same item by its place */
} JxMatchHow;

typedef struct
{
  guint       n_old;
  guint       n_new;
  int        *old_to_new;   /* index in the new list, or -1 */
  int        *new_to_old;
  guint8     *how;          /* JxMatchHow of each old item */
  guint8     *new_how;      /* and of each new one */
} JxMatch;

JxMatch *jx_match_new       (guint     n_old,
                             guint     n_new);
void     jx_match_free      (JxMatch  *match);
/* Pairs old and new items of equal key (NULL keys never match), the k-th
 * old with the k-th new of the same key; items paired already are left. */
void     jx_match_by_key    (JxMatch           *match,
                             const char * const *old_keys,
                             const char * const *new_keys);
/* Marks the pairs out of order as moved: all but the longest run of pairs
 * that keep their order. Call once all keys are matched. */
void     jx_match_find_moves (JxMatch *match);
/* Pairs the items left between two items in place, in order. */
void     jx_match_fill_gaps (JxMatch  *match);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxMatch, jx_match_free)

G_END_DECLS
