/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "jx-checkpoint.h"
#include "jx-docx-private.h"
#include "jx-indicator.h"
#include "jx-text-item.h"

/* One 项目绩效目标表 as two Word tables with the printed columns (in mm,
 * the same as the printout): the project part (code, funds, usage, plan,
 * goals) and the indicator part. Word repeats only a table's first rows on
 * a new page, so the indicator header can repeat only as the first row of
 * a table of its own. Each table's grid is the union of its rows' column
 * edges; a cell spans the grid columns between its edges, and labels run
 * down over rows as vertical merges. */

#define LABEL_W    JX_DOCX_LABEL_W
#define REST_W     JX_DOCX_REST_W
/* Edges closer than this are one grid line. */
#define SNAP_MM    0.3

static void
row_clear (gpointer data)
{
  JxDocxRow *row = data;

  for (guint i = 0; i < row->n; i++)
    g_free (row->cells[i].owned);
}

JxDocxTable *
jx_docx_table_new (void)
{
  JxDocxTable *t = g_new0 (JxDocxTable, 1);

  t->rows = g_array_new (FALSE, TRUE, sizeof (JxDocxRow));
  g_array_set_clear_func (t->rows, row_clear);
  return t;
}

void
jx_docx_table_free (JxDocxTable *t)
{
  g_array_unref (t->rows);
  g_free (t);
}

JxDocxRow *
jx_docx_table_add_row (JxDocxTable *t)
{
  g_array_set_size (t->rows, t->rows->len + 1);
  return &g_array_index (t->rows, JxDocxRow, t->rows->len - 1);
}

static JxDocxCell *
add_cell (JxDocxRow *row, double x, double w, const char *text, const char *style)
{
  JxDocxCell *cell;

  g_return_val_if_fail (row->n < JX_DOCX_MAX_CELLS, &row->cells[row->n - 1]);
  cell = &row->cells[row->n++];
  cell->x = x;
  cell->w = w;
  cell->text = text;
  cell->style = style;
  return cell;
}

/* Cells follow one another from the left. */
JxDocxCell *
jx_docx_row_add (JxDocxRow *row, double w, const char *text, const char *style)
{
  double x = row->n > 0 ? row->cells[row->n - 1].x + row->cells[row->n - 1].w : 0;

  return add_cell (row, x, w, text, style);
}

JxDocxCell *
jx_docx_row_take (JxDocxRow *row, double w, char *text, const char *style)
{
  JxDocxCell *cell = jx_docx_row_add (row, w, text, style);

  cell->owned = text;
  return cell;
}

/* ---- The grid ---- */

static void
add_edge (JxDocxTable *t, double x)
{
  for (guint i = 0; i < t->n_edges; i++)
    if (fabs (t->edges[i] - x) < SNAP_MM)
      return;
  if (t->n_edges < JX_DOCX_MAX_EDGES)
    t->edges[t->n_edges++] = x;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
build_grid (JxDocxTable *t)
{
  for (guint r = 0; r < t->rows->len; r++)
    {
      JxDocxRow *row = &g_array_index (t->rows, JxDocxRow, r);

      for (guint c = 0; c < row->n; c++)
        {
          add_edge (t, row->cells[c].x);
          add_edge (t, row->cells[c].x + row->cells[c].w);
        }
    }
  qsort (t->edges, t->n_edges, sizeof (double), compare_doubles);
}

static guint
edge_index (JxDocxTable *t, double x)
{
  guint best = 0;

  for (guint i = 1; i < t->n_edges; i++)
    if (fabs (t->edges[i] - x) < fabs (t->edges[best] - x))
      best = i;
  return best;
}

/* Twips of each grid column from rounded edges, so that they add up to the
 * rounded width of the table exactly. */
static int
edge_twips (JxDocxTable *t, guint i)
{
  return JX_DOCX_MM (t->edges[i]);
}

/* ---- Writing ---- */

static void
write_width (JxDocxWriter *w, const char *name, int twips)
{
  jx_docx_start (w, name);
  jx_docx_attr_int (w, "w:w", twips);
  jx_docx_attr (w, "w:type", "dxa");
  jx_docx_end (w);
}

static void
write_table_start (JxDocxWriter *w, JxDocxTable *t)
{
  jx_docx_start (w, "w:tbl");
  jx_docx_start (w, "w:tblPr");
  jx_docx_val (w, "w:tblStyle", JX_DOCX_STYLE_TABLE);
  write_width (w, "w:tblW", edge_twips (t, t->n_edges - 1) - edge_twips (t, 0));
  jx_docx_val (w, "w:jc", "center");
  /* The printed columns, not widths Word would work out from the text. */
  jx_docx_start (w, "w:tblLayout");
  jx_docx_attr (w, "w:type", "fixed");
  jx_docx_end (w);
  jx_docx_start (w, "w:tblLook");
  jx_docx_attr (w, "w:val", "0000");
  jx_docx_end (w);
  jx_docx_end (w);
  jx_docx_start (w, "w:tblGrid");
  for (guint i = 0; i + 1 < t->n_edges; i++)
    {
      jx_docx_start (w, "w:gridCol");
      jx_docx_attr_int (w, "w:w", edge_twips (t, i + 1) - edge_twips (t, i));
      jx_docx_end (w);
    }
  jx_docx_end (w);
}

static void
write_cell_text (JxDocxWriter *w, const JxDocxCell *cell, gboolean keep_next)
{
  g_auto(GStrv) lines = NULL;

  if (cell->goals != NULL && g_list_model_get_n_items (cell->goals) > 0)
    {
      guint list = jx_docx_new_list (w, JX_DOCX_LIST_GOALS);

      for (guint i = 0; i < g_list_model_get_n_items (cell->goals); i++)
        {
          g_autoptr(JxTextItem) goal = g_list_model_get_item (cell->goals, i);

          jx_docx_para_start (w, cell->style, list, keep_next);
          jx_docx_run (w, jx_text_item_get_text (goal), NULL);
          jx_docx_end (w);
        }
      return;
    }
  /* A cell holds at least one paragraph; each line of a text is one. */
  lines = g_strsplit (cell->text != NULL ? cell->text : "", "\n", -1);
  for (guint i = 0; i == 0 || lines[i] != NULL; i++)
    {
      jx_docx_para_start (w, cell->style, 0, keep_next);
      if (lines[i] != NULL && cell->merge != JX_DOCX_MERGE_CONTINUE)
        jx_docx_run (w, lines[i], NULL);
      jx_docx_end (w);
      if (lines[i] == NULL)
        break;
    }
}

static void
write_cell (JxDocxWriter *w, JxDocxTable *t, const JxDocxCell *cell, gboolean keep_next)
{
  guint first = edge_index (t, cell->x);
  guint last = edge_index (t, cell->x + cell->w);

  jx_docx_start (w, "w:tc");
  jx_docx_start (w, "w:tcPr");
  write_width (w, "w:tcW", edge_twips (t, last) - edge_twips (t, first));
  if (last - first > 1)
    jx_docx_val_int (w, "w:gridSpan", last - first);
  if (cell->merge != JX_DOCX_MERGE_NONE)
    jx_docx_val (w, "w:vMerge", cell->merge == JX_DOCX_MERGE_START ? "restart" : NULL);
  if (cell->open_below)
    {
      jx_docx_start (w, "w:tcBorders");
      jx_docx_val (w, "w:bottom", "nil");
      jx_docx_end (w);
    }
  jx_docx_val (w, "w:vAlign", "center");
  jx_docx_end (w);
  write_cell_text (w, cell, keep_next);
  jx_docx_end (w);
}

/* keep_together: every row stays with the next, so that the project part
 * and the first rows of the indicators start on one page. */
void
jx_docx_table_write (JxDocxWriter *w, JxDocxTable *t, gboolean keep_together)
{
  build_grid (t);
  write_table_start (w, t);
  for (guint r = 0; r < t->rows->len; r++)
    {
      JxDocxRow *row = &g_array_index (t->rows, JxDocxRow, r);
      gboolean keep_next = keep_together || (row->header && r + 1 < t->rows->len);

      jx_docx_start (w, "w:tr");
      jx_docx_start (w, "w:trPr");
      /* No row is cut by a page break unless it is taller than a page. */
      jx_docx_val (w, "w:cantSplit", NULL);
      if (row->header)
        jx_docx_val (w, "w:tblHeader", NULL);
      jx_docx_end (w);
      for (guint c = 0; c < row->n; c++)
        write_cell (w, t, &row->cells[c], keep_next);
      jx_docx_end (w);
    }
  jx_docx_end (w);
}

/* ---- The project part ---- */

void
jx_docx_add_identity_row (JxDocxTable *t, JxProject *project)
{
  JxDocxRow *row = jx_docx_table_add_row (t);

  jx_docx_row_add (row, LABEL_W, "项目编码", JX_DOCX_STYLE_CELL_CENTRE);
  jx_docx_row_add (row, 50, jx_project_get_code (project), JX_DOCX_STYLE_CELL_CENTRE);
  jx_docx_row_add (row, 20, "项目名称", JX_DOCX_STYLE_CELL_CENTRE);
  jx_docx_row_add (row, REST_W - 70, jx_project_get_name (project), JX_DOCX_STYLE_CELL_CENTRE);
}

static void
add_head_rows (JxDocxTable *t, JxProject *project)
{
  JxDocxRow *row;
  JxDocxCell *label;

  jx_docx_add_identity_row (t, project);
  row = jx_docx_table_add_row (t);
  label = jx_docx_row_add (row, LABEL_W, "预算规模及资金用途", JX_DOCX_STYLE_CELL_CENTRE);
  label->merge = JX_DOCX_MERGE_START;
  jx_docx_row_add (row, 18, "预算数", JX_DOCX_STYLE_CELL_CENTRE);
  jx_docx_row_take (row, 19, jx_money_format (jx_project_get_total (project)), JX_DOCX_STYLE_CELL_CENTRE);
  jx_docx_row_add (row, 30, "其中：财政资金", JX_DOCX_STYLE_CELL_CENTRE);
  jx_docx_row_take (row, 19, jx_money_format (jx_project_get_fiscal (project)), JX_DOCX_STYLE_CELL_CENTRE);
  jx_docx_row_add (row, 20, "其他资金", JX_DOCX_STYLE_CELL_CENTRE);
  jx_docx_row_take (row, REST_W - 106, jx_money_format (jx_project_get_other (project)),
              JX_DOCX_STYLE_CELL_CENTRE);

  row = jx_docx_table_add_row (t);
  jx_docx_row_add (row, LABEL_W, NULL, JX_DOCX_STYLE_CELL_CENTRE)->merge = JX_DOCX_MERGE_CONTINUE;
  jx_docx_row_add (row, REST_W, jx_project_get_usage (project), JX_DOCX_STYLE_CELL);
}

/* A dozen month columns leave a cell too narrow for "12月底" at 五号. */
static const char *
plan_style (double w)
{
  return w < 15 ? JX_DOCX_STYLE_CELL_NARROW : JX_DOCX_STYLE_CELL_CENTRE;
}

static void
add_plan_rows (JxDocxTable *t, JxProject *project)
{
  GListModel *plan = jx_project_get_spending_plan (project);
  guint n = MIN (g_list_model_get_n_items (plan), 13);
  double w = n > 0 ? REST_W / n : REST_W;
  JxDocxRow *months = jx_docx_table_add_row (t);
  JxDocxRow *percents;
  JxDocxCell *label = jx_docx_row_add (months, LABEL_W, "资金支出计划（%）", JX_DOCX_STYLE_CELL_CENTRE);

  label->merge = JX_DOCX_MERGE_START;
  if (n == 0)
    jx_docx_row_add (months, REST_W, "", JX_DOCX_STYLE_CELL_CENTRE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxCheckpoint) point = g_list_model_get_item (plan, i);

      jx_docx_row_take (months, w, g_strdup_printf ("%u月底", jx_checkpoint_get_month (point)),
                  plan_style (w));
    }
  percents = jx_docx_table_add_row (t);
  jx_docx_row_add (percents, LABEL_W, NULL, JX_DOCX_STYLE_CELL_CENTRE)->merge = JX_DOCX_MERGE_CONTINUE;
  if (n == 0)
    jx_docx_row_add (percents, REST_W, "", JX_DOCX_STYLE_CELL_CENTRE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxCheckpoint) point = g_list_model_get_item (plan, i);

      jx_docx_row_take (percents, w, jx_checkpoint_format_percent (jx_checkpoint_get_percent (point)),
                  plan_style (w));
    }
}

void
jx_docx_add_goal_row (JxDocxTable *t, JxProject *project)
{
  JxDocxRow *row = jx_docx_table_add_row (t);

  JxDocxCell *goals;

  jx_docx_row_add (row, LABEL_W, "绩效目标", JX_DOCX_STYLE_CELL_CENTRE)->open_below = TRUE;
  goals = jx_docx_row_add (row, REST_W, "", JX_DOCX_STYLE_CELL);
  goals->goals = jx_project_get_goals (project);
  goals->open_below = TRUE;
}

/* ---- The indicator part ---- */

static const double indicator_widths[6] = { 22, 22, 28, 36, 22, 26 };

static void
add_indicator_header (JxDocxTable *t)
{
  static const char *titles[6] = { "一级指标", "二级指标", "三级指标", "绩效指标描述",
                                   "指标值", "指标值确定依据" };
  JxDocxRow *row = jx_docx_table_add_row (t);

  row->header = TRUE;
  for (guint c = 0; c < 6; c++)
    jx_docx_row_add (row, indicator_widths[c], titles[c], JX_DOCX_STYLE_CELL_HEAD);
}

static gboolean
same_level (JxIndicator *a, JxIndicator *b, gboolean level2)
{
  if (a == NULL || b == NULL ||
      g_strcmp0 (jx_indicator_get_level1 (a), jx_indicator_get_level1 (b)) != 0)
    return FALSE;
  return !level2 || g_strcmp0 (jx_indicator_get_level2 (a), jx_indicator_get_level2 (b)) == 0;
}

JxDocxMerge
jx_docx_level_merge (JxIndicator *previous, JxIndicator *indicator, JxIndicator *next,
                     gboolean level2)
{
  return same_level (previous, indicator, level2) ? JX_DOCX_MERGE_CONTINUE
         : same_level (indicator, next, level2) ? JX_DOCX_MERGE_START : JX_DOCX_MERGE_NONE;
}

static void
add_indicator_rows (JxDocxTable *t, JxProject *project)
{
  GListModel *indicators = jx_project_get_indicators (project);
  guint n = g_list_model_get_n_items (indicators);
  g_autoptr(JxIndicator) previous = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxIndicator) ind = g_list_model_get_item (indicators, i);
      g_autoptr(JxIndicator) next = i + 1 < n ? g_list_model_get_item (indicators, i + 1) : NULL;
      JxDocxRow *row = jx_docx_table_add_row (t);
      JxDocxCell *cell;

      cell = jx_docx_row_add (row, indicator_widths[0], jx_indicator_get_level1 (ind),
                        JX_DOCX_STYLE_CELL_CENTRE);
      cell->merge = jx_docx_level_merge (previous, ind, next, FALSE);
      cell = jx_docx_row_add (row, indicator_widths[1], jx_indicator_get_level2 (ind),
                        JX_DOCX_STYLE_CELL_CENTRE);
      cell->merge = jx_docx_level_merge (previous, ind, next, TRUE);
      jx_docx_row_add (row, indicator_widths[2], jx_indicator_get_name (ind), JX_DOCX_STYLE_CELL);
      jx_docx_row_add (row, indicator_widths[3], jx_indicator_get_description (ind), JX_DOCX_STYLE_CELL);
      jx_docx_row_add (row, indicator_widths[4], jx_indicator_get_value (ind), JX_DOCX_STYLE_CELL_CENTRE);
      jx_docx_row_add (row, indicator_widths[5], jx_indicator_get_basis (ind), JX_DOCX_STYLE_CELL);
      g_set_object (&previous, ind);
    }
}

void
jx_docx_write_table (JxDocxWriter *w,
                     JxProject    *project)
{
  JxDocxTable *head = jx_docx_table_new ();
  JxDocxTable *indicators = jx_docx_table_new ();

  add_head_rows (head, project);
  add_plan_rows (head, project);
  jx_docx_add_goal_row (head, project);
  jx_docx_table_write (w, head, TRUE);

  jx_docx_para_start (w, JX_DOCX_STYLE_TABLE_JOIN, 0, FALSE);
  jx_docx_end (w);

  add_indicator_header (indicators);
  add_indicator_rows (indicators, project);
  jx_docx_table_write (w, indicators, FALSE);

  jx_docx_table_free (head);
  jx_docx_table_free (indicators);
}
