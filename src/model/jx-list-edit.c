/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jx-list.h"
#include "jx-list-edit.h"
#include "jx-measure.h"
#include "jx-numbering.h"
#include "jx-text-item.h"

void
jx_document_set_plan_preset (JxDocument   *self,
                             JxProject    *project,
                             JxPlanPreset  preset)
{
  GListModel *plan;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_if_fail (JX_IS_DOCUMENT (self));
  g_return_if_fail (JX_IS_PROJECT (project));
  g_return_if_fail (preset < JX_PLAN_N_PRESETS);

  plan = jx_project_get_spending_plan (project);
  rows = jx_template_plan_preset (preset);
  jx_document_begin_action (self, _("Apply Spending Plan"));
  g_list_store_splice (G_LIST_STORE (plan), 0, g_list_model_get_n_items (plan),
                       rows->pdata, rows->len);
  jx_document_end_action (self);
}

int
jx_document_add_checkpoint (JxDocument *self,
                            JxProject  *project)
{
  GListModel *plan;
  g_autoptr(JxCheckpoint) row = NULL;
  guint position, month;
  double percent;

  g_return_val_if_fail (JX_IS_DOCUMENT (self), -1);
  g_return_val_if_fail (JX_IS_PROJECT (project), -1);

  plan = jx_project_get_spending_plan (project);
  if (!jx_template_next_checkpoint (plan, &position, &month, &percent))
    return -1;
  row = jx_checkpoint_new (month, percent);
  jx_document_begin_action (self, _("Add Month"));
  g_list_store_insert (G_LIST_STORE (plan), position, row);
  jx_document_end_action (self);
  return (int) position;
}

/* Where a row of this month goes among the others: after those of the
 * same month or earlier, before the first later one. */
static guint
place_of (GListModel   *plan,
          JxCheckpoint *moving,
          guint         month)
{
  guint n = g_list_model_get_n_items (plan);
  guint place = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxCheckpoint) row = g_list_model_get_item (plan, i);

      if (row == moving)
        continue;
      if (jx_checkpoint_get_month (row) > month)
        break;
      place++;
    }
  return place;
}

guint
jx_document_set_checkpoint_month (JxDocument   *self,
                                  JxProject    *project,
                                  JxCheckpoint *checkpoint,
                                  guint         month)
{
  GListModel *plan;
  guint from, to;

  g_return_val_if_fail (JX_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (JX_IS_PROJECT (project), 0);
  g_return_val_if_fail (JX_IS_CHECKPOINT (checkpoint), 0);
  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  plan = jx_project_get_spending_plan (project);
  if (!g_list_store_find (G_LIST_STORE (plan), checkpoint, &from))
    g_return_val_if_reached (0);
  to = place_of (plan, checkpoint, month);
  jx_document_begin_action (self, _("Change Month"));
  jx_checkpoint_set_month (checkpoint, month);
  jx_list_store_move (G_LIST_STORE (plan), from, to);
  jx_document_end_action (self);
  return to;
}

static void
set_item_text (GObject    *item,
               const char *text)
{
  if (JX_IS_MEASURE (item))
    jx_measure_set_body (JX_MEASURE (item), text);
  else
    jx_text_item_set_text (JX_TEXT_ITEM (item), text);
}

static GObject *
new_item_like (GObject    *item,
               const char *text)
{
  if (JX_IS_MEASURE (item))
    return G_OBJECT (jx_measure_new ("", text));
  return G_OBJECT (jx_text_item_new (text));
}

guint
jx_document_paste_lines (JxDocument *self,
                         GListModel *list,
                         guint       position,
                         const char *before,
                         const char *text,
                         const char *after)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GObject) item = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autofree char *first = NULL;
  guint n;

  g_return_val_if_fail (JX_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (G_IS_LIST_STORE (list), 0);
  g_return_val_if_fail (text != NULL, 0);

  item = g_list_model_get_item (list, position);
  g_return_val_if_fail (JX_IS_TEXT_ITEM (item) || JX_IS_MEASURE (item), 0);
  lines = jx_numbering_split_lines (text);
  n = g_strv_length (lines);
  if (n < 2)
    return 0;

  added = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 1; i < n; i++)
    {
      g_autofree char *line = i + 1 < n ? g_strdup (lines[i])
                                        : g_strconcat (lines[i], after != NULL ? after : "", NULL);

      g_ptr_array_add (added, new_item_like (item, line));
    }
  first = g_strconcat (before != NULL ? before : "", lines[0], NULL);
  jx_document_begin_action (self, _("Paste"));
  set_item_text (item, first);
  g_list_store_splice (G_LIST_STORE (list), position + 1, 0, added->pdata, added->len);
  jx_document_end_action (self);
  return n;
}
