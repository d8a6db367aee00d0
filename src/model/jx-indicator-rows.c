/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jx-categories.h"
#include "jx-document-io.h"
#include "jx-indicator-rows.h"
#include "jx-list.h"

JxIndicator *
jx_indicator_new_below (JxIndicator *above)
{
  if (above == NULL)
    return jx_indicator_new ("产出指标", "数量指标", "", "", "", "");
  g_return_val_if_fail (JX_IS_INDICATOR (above), NULL);
  return jx_indicator_new (jx_indicator_get_level1 (above), jx_indicator_get_level2 (above),
                           "", "", "", "");
}

static GParamSpec *
column_pspec (const char *column)
{
  static GObjectClass *klass;

  if (klass == NULL)
    klass = g_type_class_ref (JX_TYPE_INDICATOR);
  return g_object_class_find_property (klass, column);
}

gboolean
jx_indicator_column_is_text (const char *column)
{
  GParamSpec *pspec;

  g_return_val_if_fail (column != NULL, FALSE);
  pspec = column_pspec (column);
  return pspec != NULL && G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRING &&
         (pspec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE;
}

char *
jx_indicator_get_cell (JxIndicator *self,
                       const char  *column)
{
  char *text = NULL;

  g_return_val_if_fail (JX_IS_INDICATOR (self), NULL);
  if (jx_indicator_column_is_text (column))
    g_object_get (self, column, &text, NULL);
  return text != NULL ? text : g_strdup ("");
}

/* Sets a text cell; FALSE when it held that text already. */
static gboolean
set_cell (JxIndicator *indicator,
          const char  *column,
          const char  *text)
{
  g_autofree char *old = jx_indicator_get_cell (indicator, column);

  if (!jx_indicator_column_is_text (column) || g_str_equal (old, text))
    return FALSE;
  g_object_set (indicator, column, text, NULL);
  return TRUE;
}

JxCellBlock *
jx_indicators_copy_cells (GListModel         *indicators,
                          const guint        *rows,
                          guint               n_rows,
                          const char * const *columns)
{
  JxCellBlock *block = jx_cell_block_new ();
  guint n_columns = columns != NULL ? g_strv_length ((char **) columns) : 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (indicators), block);
  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(JxIndicator) indicator = g_list_model_get_item (indicators, rows[r]);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      if (indicator == NULL)
        continue;
      for (guint c = 0; c < n_columns; c++)
        g_ptr_array_add (cells, jx_indicator_get_cell (indicator, columns[c]));
      jx_cell_block_append_row (block, (const char * const *) cells->pdata, (int) cells->len);
    }
  return block;
}

/* The category of a new row at position: the row above's, or in a table
 * that was empty the suggested row's at that place. */
static JxIndicator *
new_row (JxIndicator *above,
         gboolean     was_empty,
         guint        position)
{
  guint n_suggested;
  const JxCategoryPair *suggested = jx_categories_suggested_rows (&n_suggested);

  if (was_empty && n_suggested > 0)
    {
      const JxCategoryPair *pair = &suggested[MIN (position, n_suggested - 1)];

      return jx_indicator_new (pair->level1, pair->level2, "", "", "", "");
    }
  return jx_indicator_new_below (above);
}

static void
fill_row (JxIndicator        *indicator,
          const JxCellBlock  *block,
          guint               block_row,
          const char * const *columns,
          guint               n_columns)
{
  guint length = MIN (jx_cell_block_get_row_length (block, block_row), n_columns);

  for (guint c = 0; c < length; c++)
    set_cell (indicator, columns[c], jx_cell_block_get_cell (block, block_row, c));
}

gboolean
jx_indicators_paste (JxDocument         *document,
                     GListStore         *indicators,
                     guint               row,
                     const char * const *columns,
                     const JxCellBlock  *block,
                     JxPasteResult      *result,
                     GError            **error)
{
  guint n_existing, n_block_rows, n_table_columns, n_columns;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(JxIndicator) last = NULL;
  JxPasteResult done = { 0 };

  g_return_val_if_fail (G_IS_LIST_STORE (indicators), FALSE);
  g_return_val_if_fail (columns != NULL && block != NULL, FALSE);

  n_existing = g_list_model_get_n_items (G_LIST_MODEL (indicators));
  n_block_rows = jx_cell_block_get_n_rows (block);
  n_table_columns = g_strv_length ((char **) columns);
  n_columns = MIN (jx_cell_block_get_n_columns (block), n_table_columns);
  row = MIN (row, n_existing);
  if (n_block_rows == 0 || n_columns == 0)
    {
      g_set_error (error, JX_CELL_BLOCK_ERROR, JX_CELL_BLOCK_ERROR_NO_TABLE,
                   _("There are no cells to paste."));
      return FALSE;
    }
  if (row + n_block_rows > JX_MAX_ROWS)
    {
      g_set_error (error, JX_CELL_BLOCK_ERROR, JX_CELL_BLOCK_ERROR_TOO_LARGE,
                   _("Pasting %u rows here would make the table longer than %u rows."),
                   n_block_rows, JX_MAX_ROWS);
      return FALSE;
    }

  if (document != NULL)
    jx_document_begin_action (document, _("Paste"));
  for (guint r = 0; r < n_block_rows && row + r < n_existing; r++)
    {
      g_autoptr(JxIndicator) indicator = g_list_model_get_item (G_LIST_MODEL (indicators), row + r);

      fill_row (indicator, block, r, columns, n_columns);
    }
  /* New rows are filled before they are added: one change adds them all. */
  added = g_ptr_array_new_with_free_func (g_object_unref);
  last = n_existing > 0 ? g_list_model_get_item (G_LIST_MODEL (indicators), n_existing - 1) : NULL;
  for (guint position = n_existing; position < row + n_block_rows; position++)
    {
      JxIndicator *indicator = new_row (added->len > 0 ? g_ptr_array_index (added, added->len - 1) : last,
                                        n_existing == 0, position);

      fill_row (indicator, block, position - row, columns, n_columns);
      g_ptr_array_add (added, indicator);
    }
  if (added->len > 0)
    g_list_store_splice (indicators, n_existing, 0, added->pdata, added->len);
  if (document != NULL)
    jx_document_end_action (document);

  done.first_row = row;
  done.n_rows = n_block_rows;
  done.n_added = added->len;
  done.n_columns = n_columns;
  done.n_cut = jx_cell_block_get_n_columns (block) - n_columns;
  if (result != NULL)
    *result = done;
  return TRUE;
}

guint
jx_indicators_fill_down (JxDocument  *document,
                         GListModel  *indicators,
                         const char  *column,
                         const guint *rows,
                         guint        n_rows)
{
  g_autoptr(JxIndicator) source = NULL;
  g_autofree char *text = NULL;
  guint first_target = n_rows == 1 ? 0 : 1;
  guint changed = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (indicators), 0);
  g_return_val_if_fail (column != NULL, 0);
  if (n_rows == 0 || !jx_indicator_column_is_text (column) || (n_rows == 1 && rows[0] == 0))
    return 0;
  source = g_list_model_get_item (indicators, n_rows == 1 ? rows[0] - 1 : rows[0]);
  if (source == NULL)
    return 0;
  text = jx_indicator_get_cell (source, column);
  if (document != NULL)
    jx_document_begin_action (document, _("Fill Down"));
  for (guint i = first_target; i < n_rows; i++)
    {
      g_autoptr(JxIndicator) target = g_list_model_get_item (indicators, rows[i]);

      if (target != NULL && set_cell (target, column, text))
        changed++;
    }
  if (document != NULL)
    jx_document_end_action (document);
  return changed;
}

guint
jx_indicators_delete_rows (JxDocument  *document,
                           GListStore  *indicators,
                           const guint *rows,
                           guint        n_rows)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (indicators));
  guint removed = 0;

  g_return_val_if_fail (G_IS_LIST_STORE (indicators), 0);
  if (n_rows == 0)
    return 0;
  if (document != NULL)
    jx_document_begin_action (document, n_rows == 1 ? _("Delete Row") : _("Delete Rows"));
  for (guint i = n_rows; i-- > 0;)
    if (rows[i] < n && (i + 1 == n_rows || rows[i] < rows[i + 1]))
      {
        g_list_store_remove (indicators, rows[i]);
        removed++;
      }
  if (document != NULL)
    jx_document_end_action (document);
  return removed;
}

guint
jx_indicators_duplicate_rows (JxDocument  *document,
                              GListStore  *indicators,
                              const guint *rows,
                              guint        n_rows)
{
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (indicators));
  guint at = 0;

  g_return_val_if_fail (G_IS_LIST_STORE (indicators), 0);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(JxIndicator) original = g_list_model_get_item (G_LIST_MODEL (indicators), rows[i]);

      if (original == NULL)
        continue;
      g_ptr_array_add (copies, jx_indicator_copy (original));
      at = MAX (at, rows[i] + 1);
    }
  if (copies->len == 0)
    return n;
  if (document != NULL)
    jx_document_begin_action (document, copies->len == 1 ? _("Duplicate Row") : _("Duplicate Rows"));
  g_list_store_splice (indicators, at, 0, copies->pdata, copies->len);
  if (document != NULL)
    jx_document_end_action (document);
  return at;
}

gboolean
jx_indicators_move_rows (JxDocument  *document,
                         GListStore  *indicators,
                         const guint *rows,
                         guint        n_rows,
                         int          step)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (indicators));

  g_return_val_if_fail (G_IS_LIST_STORE (indicators), FALSE);
  g_return_val_if_fail (step == 1 || step == -1, FALSE);
  if (n_rows == 0 || rows[n_rows - 1] >= n)
    return FALSE;
  /* The block stops at either end of the table, all of it at once. */
  if ((step < 0 && rows[0] == 0) || (step > 0 && rows[n_rows - 1] + 1 >= n))
    return FALSE;
  if (document != NULL)
    jx_document_begin_action (document, step < 0 ? _("Move Rows Up") : _("Move Rows Down"));
  /* Each row takes its neighbour's place, nearest to the direction first,
   * so that rows of the block never pass one another. */
  for (guint k = 0; k < n_rows; k++)
    {
      guint i = step < 0 ? k : n_rows - 1 - k;

      jx_list_store_move (indicators, rows[i], rows[i] + step);
    }
  if (document != NULL)
    jx_document_end_action (document);
  return TRUE;
}
