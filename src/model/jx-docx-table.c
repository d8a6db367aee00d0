/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "jx-docx-private.h"
#include "jx-text-item.h"

/* A project table the model describes (jx-report-table.h: the 项目绩效目标表,
 * the monitoring and self-evaluation tables) as two Word tables with the
 * printed columns (in mm, the same as the printout): the project part
 * (code, funds, usage, plan, goals) and the indicator part. Word repeats only a table's first rows on
 * a new page, so the indicator header can repeat only as the first row of
 * a table of its own. Each table's grid is the union of its rows' column
 * edges; a cell spans the grid columns between its edges, and labels run
 * down over rows as vertical merges. */

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

/* ---- The tables the model describes ---- */

static const char *
cell_style (const JxReportCell *cell)
{
  if (cell->title)
    return JX_DOCX_STYLE_CELL_HEAD;
  if (cell->narrow)
    return JX_DOCX_STYLE_CELL_NARROW;
  return cell->align == JX_REPORT_ALIGN_CENTRE ? JX_DOCX_STYLE_CELL_CENTRE : JX_DOCX_STYLE_CELL;
}

/* A label spanning rows is a vertical merge: its cell, then an empty
 * continuing one in each row below it. The labels still running down, from
 * the left, and how many rows below each still spans. */
typedef struct
{
  const JxReportCell *cells[JX_DOCX_MAX_CELLS];
  guint rows_left[JX_DOCX_MAX_CELLS];
  guint n;
} Spans;

static void
spans_add (Spans *spans, const JxReportCell *cell)
{
  guint i = 0;

  g_return_if_fail (spans->n < JX_DOCX_MAX_CELLS);
  while (i < spans->n && spans->cells[i]->x < cell->x)
    i++;
  memmove (&spans->cells[i + 1], &spans->cells[i], (spans->n - i) * sizeof spans->cells[0]);
  memmove (&spans->rows_left[i + 1], &spans->rows_left[i], (spans->n - i) * sizeof spans->rows_left[0]);
  spans->cells[i] = cell;
  spans->rows_left[i] = cell->rows - 1;
  spans->n++;
}

static void
spans_drop_ended (Spans *spans)
{
  guint kept = 0;

  for (guint i = 0; i < spans->n; i++)
    if (spans->rows_left[i] > 0)
      {
        spans->cells[kept] = spans->cells[i];
        spans->rows_left[kept++] = spans->rows_left[i];
      }
  spans->n = kept;
}

/* The continuing cells of the labels from above that are left of x. */
static void
add_continuations (JxDocxRow *row, Spans *spans, guint *next, double x)
{
  for (; *next < spans->n && spans->cells[*next]->x < x; (*next)++)
    {
      const JxReportCell *cell = spans->cells[*next];

      jx_docx_row_add (row, cell->w, NULL, cell_style (cell))->merge = JX_DOCX_MERGE_CONTINUE;
      spans->rows_left[*next]--;
    }
}

static void
add_row (JxDocxTable *t, const JxReportRow *row, Spans *spans)
{
  JxDocxRow *out = jx_docx_table_add_row (t);
  const JxReportCell *started[JX_DOCX_MAX_CELLS];
  guint n_started = 0, next = 0;

  for (guint c = 0; c < row->cells->len; c++)
    {
      const JxReportCell *cell = &g_array_index (row->cells, JxReportCell, c);
      JxDocxCell *added;

      add_continuations (out, spans, &next, cell->x);
      added = jx_docx_row_add (out, cell->w, cell->goals != NULL ? "" : cell->text,
                               cell_style (cell));
      added->goals = cell->goals;
      if (cell->rows > 1 && n_started < JX_DOCX_MAX_CELLS)
        {
          added->merge = JX_DOCX_MERGE_START;
          started[n_started++] = cell;
        }
    }
  add_continuations (out, spans, &next, G_MAXDOUBLE);
  spans_drop_ended (spans);
  for (guint i = 0; i < n_started; i++)
    spans_add (spans, started[i]);
}

/* The project part (the rows above the header row) and the indicator part
 * are two Word tables: only a table's first row can repeat on a new page. */
void
jx_docx_write_report_table (JxDocxWriter        *w,
                            const JxReportTable *table)
{
  JxDocxTable *head = jx_docx_table_new ();
  JxDocxTable *rest = jx_docx_table_new ();
  Spans spans = { 0 };

  for (guint i = 0; i < table->rows->len; i++)
    add_row (i < table->header ? head : rest, &g_array_index (table->rows, JxReportRow, i),
             &spans);
  if (rest->rows->len > 0)
    g_array_index (rest->rows, JxDocxRow, 0).header = TRUE;
  if (head->rows->len > 0)
    {
      JxDocxRow *last = &g_array_index (head->rows, JxDocxRow, head->rows->len - 1);

      /* Its bottom line is the top of the indicators'. */
      for (guint c = 0; c < last->n; c++)
        last->cells[c].open_below = TRUE;
      jx_docx_table_write (w, head, TRUE);
      jx_docx_para_start (w, JX_DOCX_STYLE_TABLE_JOIN, 0, FALSE);
      jx_docx_end (w);
    }
  jx_docx_table_write (w, rest, FALSE);
  jx_docx_table_free (head);
  jx_docx_table_free (rest);
}

void
jx_docx_write_table (JxDocxWriter *w,
                     JxProject    *project)
{
  g_autoptr(JxReportTable) table = jx_report_table_new_goals (project);

  jx_docx_write_report_table (w, table);
}
