/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-docx-private.h"
#include "jx-stage-report.h"

/* The Word file of a document in its monitoring or its self-evaluation:
 * the report the printout has at that stage, with the same columns and
 * words (those of the forms of 财预〔2019〕136号 and 财预〔2020〕10号) and
 * the same widths in mm: the department's summary, then per project its
 * goal rows with the stage's columns beside the targets. */

typedef struct
{
  JxDocxWriter  *w;
  JxStageReport *report;
} Report;

static void
table_title (Report *r, const char *title)
{
  g_autofree char *caption = g_strdup_printf ("%s\t单位：%s", r->report->unit_line,
                                              r->report->unit);

  jx_docx_heading (r->w, JX_DOCX_STYLE_TABLE_TITLE, title);
  jx_docx_para (r->w, JX_DOCX_STYLE_TABLE_CAPTION, caption);
}

static const char *
cell_style (const JxReportCell *cell)
{
  if (cell->title)
    return JX_DOCX_STYLE_CELL_HEAD;
  return cell->align == JX_REPORT_ALIGN_LEFT ? JX_DOCX_STYLE_CELL : JX_DOCX_STYLE_CELL_CENTRE;
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
      if (cell->rows > 1)
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

/* The project part and the indicator part are two Word tables, as in the
 * goal table: only a table's first row can repeat on a new page. */
static void
write_table (Report *r, const JxReportTable *table)
{
  JxDocxTable *head = jx_docx_table_new ();
  JxDocxTable *rest = jx_docx_table_new ();
  Spans spans = { 0 };

  for (guint i = 0; i < table->rows->len; i++)
    add_row (i < table->header ? head : rest, &g_array_index (table->rows, JxReportRow, i),
             &spans);
  g_array_index (rest->rows, JxDocxRow, 0).header = TRUE;
  table_title (r, table->title);
  if (head->rows->len > 0)
    {
      JxDocxRow *last = &g_array_index (head->rows, JxDocxRow, head->rows->len - 1);

      /* Its bottom line is the top of the indicators'. */
      for (guint c = 0; c < last->n; c++)
        last->cells[c].open_below = TRUE;
      jx_docx_table_write (r->w, head, TRUE);
      jx_docx_para_start (r->w, JX_DOCX_STYLE_TABLE_JOIN, 0, FALSE);
      jx_docx_end (r->w);
    }
  jx_docx_table_write (r->w, rest, FALSE);
  jx_docx_table_free (head);
  jx_docx_table_free (rest);
}

static void
write_front (Report *r)
{
  jx_docx_para (r->w, JX_DOCX_STYLE_COVER_NOTE, r->report->department);
  jx_docx_para (r->w, JX_DOCX_STYLE_TITLE, r->report->title);
  jx_docx_para (r->w, JX_DOCX_STYLE_COVER_NOTE, r->report->period);
}

void
jx_docx_write_stage_body (JxDocxWriter *w,
                          JxDocument   *document,
                          JxStage       stage)
{
  g_autoptr(JxStageReport) report = NULL;
  Report r = { 0 };

  g_return_if_fail (stage == JX_STAGE_MONITORING || stage == JX_STAGE_EVALUATION);

  report = jx_stage_report_new (document, stage);
  r.w = w;
  r.report = report;
  write_front (&r);
  for (guint i = 0; i < report->tables->len; i++)
    write_table (&r, g_ptr_array_index (report->tables, i));
  jx_docx_write_section (w, TRUE);
}
