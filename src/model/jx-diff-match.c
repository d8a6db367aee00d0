/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-diff-match.h"

JxMatch *
jx_match_new (guint n_old,
              guint n_new)
{
  JxMatch *match = g_new0 (JxMatch, 1);

  match->n_old = n_old;
  match->n_new = n_new;
  match->old_to_new = g_new (int, MAX (n_old, 1));
  match->new_to_old = g_new (int, MAX (n_new, 1));
  match->how = g_new0 (guint8, MAX (n_old, 1));
  match->new_how = g_new0 (guint8, MAX (n_new, 1));
  for (guint i = 0; i < n_old; i++)
    match->old_to_new[i] = -1;
  for (guint j = 0; j < n_new; j++)
    match->new_to_old[j] = -1;
  return match;
}

void
jx_match_free (JxMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->old_to_new);
  g_free (match->new_to_old);
  g_free (match->how);
  g_free (match->new_how);
  g_free (match);
}

static void
pair (JxMatch *match, guint i, guint j, JxMatchHow how)
{
  match->old_to_new[i] = (int) j;
  match->new_to_old[j] = (int) i;
  match->how[i] = match->new_how[j] = how;
}

static gboolean
same_key (JxMatch *match, const char * const *old_keys, const char * const *new_keys,
          guint i, guint j)
{
  return match->old_to_new[i] < 0 && match->new_to_old[j] < 0 && old_keys[i] != NULL &&
         new_keys[j] != NULL && strcmp (old_keys[i], new_keys[j]) == 0;
}

void
jx_match_by_key (JxMatch            *match,
                 const char * const *old_keys,
                 const char * const *new_keys)
{
  g_autoptr(GHashTable) first_free = NULL;   /* key → first free new item + 1 */
  g_autofree int *next_free = NULL;          /* the next new item of the same key, or -1 */
  guint head = 0, tail = 0;
  guint n_old = match->n_old, n_new = match->n_new;

  /* Most lists are the same in both versions, or nearly: the common ends
   * pair in order without a table. */
  while (head < n_old && head < n_new && same_key (match, old_keys, new_keys, head, head))
    pair (match, head, head, JX_MATCH_KEPT), head++;
  while (tail < n_old - head && tail < n_new - head &&
         same_key (match, old_keys, new_keys, n_old - 1 - tail, n_new - 1 - tail))
    pair (match, n_old - 1 - tail, n_new - 1 - tail, JX_MATCH_KEPT), tail++;
  if (head + tail >= n_old || head + tail >= n_new)
    return;

  first_free = g_hash_table_new (g_str_hash, g_str_equal);
  next_free = g_new (int, n_new);
  for (guint j = n_new - tail; j-- > head;)
    {
      gpointer first;

      if (new_keys[j] == NULL || match->new_to_old[j] >= 0)
        continue;
      first = g_hash_table_lookup (first_free, new_keys[j]);
      next_free[j] = first != NULL ? GPOINTER_TO_INT (first) - 1 : -1;
      g_hash_table_insert (first_free, (gpointer) new_keys[j], GINT_TO_POINTER (j + 1));
    }
  for (guint i = head; i < n_old - tail; i++)
    {
      gpointer first;
      guint j;

      if (old_keys[i] == NULL || match->old_to_new[i] >= 0 ||
          (first = g_hash_table_lookup (first_free, old_keys[i])) == NULL)
        continue;
      j = GPOINTER_TO_UINT (first) - 1;
      pair (match, i, j, JX_MATCH_KEPT);
      if (next_free[j] >= 0)
        g_hash_table_insert (first_free, (gpointer) old_keys[i], GINT_TO_POINTER (next_free[j] + 1));
      else
        g_hash_table_remove (first_free, old_keys[i]);
    }
}

/* The longest increasing run of new indices over the old order, by
 * patience sorting; what is not on it moved. */
void
jx_match_find_moves (JxMatch *match)
{
  g_autofree guint *tails = g_new (guint, MAX (match->n_old, 1));   /* old index ending a run */
  g_autofree int *before = g_new (int, MAX (match->n_old, 1));
  guint length = 0;
  int at;

  for (guint i = 0; i < match->n_old; i++)
    {
      int j = match->old_to_new[i];
      guint low = 0, high = length;

      if (j < 0)
        continue;
      match->how[i] = match->new_how[j] = JX_MATCH_MOVED;
      while (low < high)
        {
          guint mid = (low + high) / 2;

          if (match->old_to_new[tails[mid]] < j)
            low = mid + 1;
          else
            high = mid;
        }
      before[i] = low > 0 ? (int) tails[low - 1] : -1;
      tails[low] = i;
      if (low == length)
        length++;
    }
  for (at = length > 0 ? (int) tails[length - 1] : -1; at >= 0; at = before[at])
    match->how[at] = match->new_how[match->old_to_new[at]] = JX_MATCH_KEPT;
}

static void
fill_gap (JxMatch *match, guint old_from, guint old_to, guint new_from, guint new_to)
{
  guint i = old_from, j = new_from;

  for (;;)
    {
      while (i < old_to && match->old_to_new[i] >= 0)
        i++;
      while (j < new_to && match->new_to_old[j] >= 0)
        j++;
      if (i >= old_to || j >= new_to)
        return;
      pair (match, i++, j++, JX_MATCH_CHANGED);
    }
}

void
jx_match_fill_gaps (JxMatch *match)
{
  guint old_from = 0, new_from = 0;

  for (guint i = 0; i < match->n_old; i++)
    {
      if (match->old_to_new[i] < 0 || match->how[i] != JX_MATCH_KEPT)
        continue;
      fill_gap (match, old_from, i, new_from, (guint) match->old_to_new[i]);
      old_from = i + 1;
      new_from = (guint) match->old_to_new[i] + 1;
    }
  fill_gap (match, old_from, match->n_old, new_from, match->n_new);
}
