/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "jx-page-table-private.h"

/* One 项目绩效目标表 laid out as in the paper form, from the model's
 * description of it (jx-report-table.h): rows of cells, and label cells
 * (预算规模及资金用途, 资金支出计划, 一级/二级指标) merged over runs of
 * rows. A table longer than the page continues on the next with the
 * indicator header row repeated and the merged labels shown again. */

#define MAX_CELLS 13
#define HPAD      (1.5 * JX_MM)
#define VPAD      3.0

typedef struct
{
  float x, w;
  const char *text;
  guint8 align;
  guint8 flags;
  guint8 role;
  guint16 lines;
} Cell;

typedef struct
{
  Cell cells[MAX_CELLS];
  guint n_cells;
  float h;          /* natural height, with room for merged labels */
  guint source;     /* indicator number + 1, 0 for other rows */
} Row;

typedef struct
{
  Cell cell;
  guint first, last;
  float need;
  guint shown;      /* lines shown so far of a label too long to repeat */
} Group;

typedef struct
{
  guint row;
  float y, h;
  gboolean whole;   /* the row's complete text, centred */
  guint16 shown[MAX_CELLS];
  guint16 count[MAX_CELLS];
} Piece;

struct _JxPageTable
{
  JxPageLayout *layout;
  GArray *rows;     /* Row */
  GArray *groups;   /* Group */
  GArray *pieces;   /* Piece, on the current page */
  guint header;     /* index of the indicator header row */
  guint header_end; /* the last row the header is repeated above */
  double pitch;
  /* Where the next piece continues: row i, lines already shown per cell. */
  guint i;
  guint16 shown[MAX_CELLS];
};
typedef struct _JxPageTable Table;

static float
cell_height (guint lines, JxFontRole role)
{
  return MAX (lines, 1) * jx_page_layout_pitch (role) + 2 * VPAD;
}

static double
cell_pad (const Cell *cell)
{
  return cell->role == JX_FONT_NARROW ? 1.0 : HPAD;
}

static guint
measure_cell (JxPageLayout *layout,
              Cell         *cell)
{
  JxBox box = jx_page_layout_text_box (cell->text, cell->role, 0, cell->w - 2 * cell_pad (cell),
                                       cell->align);

  box.flags = cell->flags;
  cell->lines = jx_page_layout_measure (layout, &box);
  return cell->lines;
}

static Row *
add_row (Table *t)
{
  Row row = { 0 };

  g_array_append_val (t->rows, row);
  return &g_array_index (t->rows, Row, t->rows->len - 1);
}

static void
add_cell (Table         *t,
          Row           *row,
          double         w,
          const char    *text,
          PangoAlignment align,
          guint8         flags)
{
  Cell *cell = &row->cells[row->n_cells];

  g_return_if_fail (row->n_cells < MAX_CELLS);
  cell->x = row->n_cells > 0 ? row->cells[row->n_cells - 1].x + row->cells[row->n_cells - 1].w : 0;
  cell->w = w;
  cell->text = jx_page_layout_intern (t->layout, text);
  cell->align = align;
  cell->flags = flags;
  /* A dozen month columns leave a cell too narrow for "12月底" at 五号. */
  cell->role = w < 15 * JX_MM ? JX_FONT_NARROW : JX_FONT_TABLE;
  measure_cell (t->layout, cell);
  row->h = MAX (row->h, cell_height (cell->lines, cell->role));
  row->n_cells++;
}

/* A row whose first cell is a merged label starts at the label's right. */
static Row *
add_indented_row (Table *t,
                  double x)
{
  Row *row = add_row (t);

  row->cells[0].x = x;
  return row;
}

static void
add_group (Table      *t,
           guint       col_x,
           double      w,
           const char *text,
           guint       first,
           guint       last)
{
  Group group = { 0 };

  group.cell.x = col_x;
  group.cell.w = w;
  group.cell.text = jx_page_layout_intern (t->layout, text);
  group.cell.align = PANGO_ALIGN_CENTER;
  group.cell.role = JX_FONT_TABLE;
  measure_cell (t->layout, &group.cell);
  group.first = first;
  group.last = last;
  group.need = cell_height (group.cell.lines, JX_FONT_TABLE);
  g_array_append_val (t->groups, group);
}

/* A merged label taller than its rows makes its last row taller. */
static void
fit_groups (Table *t)
{
  for (guint g = 0; g < t->groups->len; g++)
    {
      Group *group = &g_array_index (t->groups, Group, g);
      float sum = 0;

      for (guint r = group->first; r <= group->last; r++)
        sum += g_array_index (t->rows, Row, r).h;
      if (sum < group->need)
        g_array_index (t->rows, Row, group->last).h += group->need - sum;
    }
}

/* ---- pagination ---------------------------------------------------------- */

static Row *
row_at (Table *t, guint i)
{
  return &g_array_index (t->rows, Row, i);
}

static gboolean
is_split (Table *t)
{
  for (guint c = 0; c < MAX_CELLS; c++)
    if (t->shown[c] > 0)
      return TRUE;
  return FALSE;
}

static guint
rest_lines (Table *t, Row *row)
{
  guint rest = 0;

  for (guint c = 0; c < row->n_cells; c++)
    rest = MAX (rest, (guint) (row->cells[c].lines - MIN (t->shown[c], row->cells[c].lines)));
  return rest;
}

/* Height the pieces of rows [first, last] already have on this page. */
static float
portion_height (Table *t, guint first, guint last, guint *count)
{
  float h = 0;

  *count = 0;
  for (guint p = 0; p < t->pieces->len; p++)
    {
      Piece *piece = &g_array_index (t->pieces, Piece, p);

      if (piece->row >= first && piece->row <= last)
        {
          h += piece->h;
          (*count)++;
        }
    }
  return h;
}

/* The height row i needs to end here: merged labels whose run ends with it
 * and began on an earlier page must still fit their part on this page. */
static float
closing_height (Table *t, float natural)
{
  float need = natural;

  for (guint g = 0; g < t->groups->len; g++)
    {
      Group *group = &g_array_index (t->groups, Group, g);
      guint count;
      float h;

      if (group->last != t->i)
        continue;
      h = portion_height (t, group->first, group->last, &count);
      need = MAX (need, group->need - h);
    }
  return need;
}

static void
place_piece (Table *t, float h, guint lines, gboolean whole)
{
  Row *row = row_at (t, t->i);
  Piece piece = { 0 };

  piece.row = t->i;
  piece.y = t->layout->y;
  piece.h = h;
  piece.whole = whole && !is_split (t);
  for (guint c = 0; c < row->n_cells; c++)
    {
      guint have = row->cells[c].lines - MIN (t->shown[c], row->cells[c].lines);

      piece.shown[c] = t->shown[c];
      piece.count[c] = MIN (have, lines);
    }
  g_array_append_val (t->pieces, piece);
  t->layout->y += h;
  if (whole)
    {
      t->i++;
      memset (t->shown, 0, sizeof t->shown);
    }
  else
    for (guint c = 0; c < row->n_cells; c++)
      t->shown[c] += piece.count[c];
}

static void
emit_cell (Table *t, const Cell *cell, float y, float h, guint first, guint count,
           gboolean centre, guint source, guint8 flags)
{
  JxBox frame = { 0 };
  JxBox text;

  frame.kind = JX_BOX_FRAME;
  frame.link = -1;
  frame.x = cell->x;
  frame.y = y;
  frame.w = cell->w;
  frame.h = h;
  frame.source = source;
  jx_page_layout_add_box (t->layout, &frame);
  if (count == 0)
    return;
  text = jx_page_layout_text_box (cell->text, cell->role, cell->x + cell_pad (cell),
                                  cell->w - 2 * cell_pad (cell), cell->align);
  text.flags = cell->flags | flags | JX_BOX_CELL;
  text.first_line = first;
  text.n_lines = count;
  text.h = count * jx_page_layout_pitch (cell->role);
  text.y = centre ? y + (h - text.h) / 2 : y + VPAD;
  text.source = source;
  jx_page_layout_add_box (t->layout, &text);
}

/* A merged label is shown whole on every page of its run; one longer than
 * its part of a page (absurd, but possible) goes on where it stopped. */
static void
emit_group (Table *t, Group *group, float y, float h)
{
  guint fit = (guint) MAX (0.0, floor ((h - 2 * VPAD + JX_EPSILON) / t->pitch));
  guint count;

  if (group->cell.lines <= fit)
    {
      emit_cell (t, &group->cell, y, h, 0, group->cell.lines, TRUE, 0, 0);
      return;
    }
  count = MIN (fit, group->cell.lines - MIN (group->shown, group->cell.lines));
  emit_cell (t, &group->cell, y, h, group->shown, count, FALSE, 0, 0);
  group->shown += count;
}

/* Draws what was placed on this page: the cells, then every merged label
 * over its part of the page, its text repeated on each page. */
static void
emit_page (Table *t)
{
  for (guint p = 0; p < t->pieces->len; p++)
    {
      Piece *piece = &g_array_index (t->pieces, Piece, p);
      Row *row = row_at (t, piece->row);

      for (guint c = 0; c < row->n_cells; c++)
        emit_cell (t, &row->cells[c], piece->y, piece->h, piece->shown[c], piece->count[c],
                   piece->whole, row->source, piece->row == t->header ? JX_BOX_HEADER : 0);
    }
  for (guint g = 0; g < t->groups->len; g++)
    {
      Group *group = &g_array_index (t->groups, Group, g);
      float top = G_MAXFLOAT, bottom = 0;

      for (guint p = 0; p < t->pieces->len; p++)
        {
          Piece *piece = &g_array_index (t->pieces, Piece, p);

          if (piece->row < group->first || piece->row > group->last)
            continue;
          top = MIN (top, piece->y);
          bottom = MAX (bottom, piece->y + piece->h);
        }
      if (bottom > top)
        emit_group (t, group, top, bottom - top);
    }
  g_array_set_size (t->pieces, 0);
}

static guint
pieces_of_rows (Table *t)
{
  guint n = 0;

  for (guint p = 0; p < t->pieces->len; p++)
    if (g_array_index (t->pieces, Piece, p).row != t->header || t->i <= t->header)
      n++;
  return n;
}

/* Takes the last piece back so that it is placed again on the next page. */
static void
unplace_last (Table *t)
{
  Piece *piece = &g_array_index (t->pieces, Piece, t->pieces->len - 1);

  t->i = piece->row;
  memcpy (t->shown, piece->shown, sizeof t->shown);
  t->layout->y -= piece->h;
  g_array_set_size (t->pieces, t->pieces->len - 1);
}

/* Before a page break: a merged label that goes on to the next page must fit
 * its part on this one; grow the last row, or carry it over. */
static void
close_page (Table *t)
{
  gboolean changed = TRUE;

  while (changed && t->pieces->len > 0)
    {
      Piece *last = &g_array_index (t->pieces, Piece, t->pieces->len - 1);

      changed = FALSE;
      for (guint g = 0; g < t->groups->len && !changed; g++)
        {
          Group *group = &g_array_index (t->groups, Group, g);
          guint count;
          float h, lack;

          if (last->row < group->first || last->row > group->last)
            continue;
          h = portion_height (t, group->first, group->last, &count);
          lack = group->need - h;
          if (lack <= JX_EPSILON)
            continue;
          if (lack <= JX_BLOCK_HEIGHT - t->layout->y + JX_EPSILON)
            {
              last->h += lack;
              t->layout->y += lack;
            }
          else if (pieces_of_rows (t) > 1)
            {
              unplace_last (t);
              changed = TRUE;
            }
        }
    }
  emit_page (t);
}

static void
next_page (Table *t)
{
  close_page (t);
  jx_page_layout_new_page (t->layout);
  if (t->i > t->header && t->i <= t->header_end)
    {
      guint i = t->i;
      guint16 shown[MAX_CELLS];

      memcpy (shown, t->shown, sizeof shown);
      t->i = t->header;
      memset (t->shown, 0, sizeof t->shown);
      place_piece (t, row_at (t, t->header)->h, G_MAXUINT16, TRUE);
      t->i = i;
      memcpy (t->shown, shown, sizeof shown);
    }
}

static gboolean
page_is_fresh (Table *t)
{
  return pieces_of_rows (t) == 0 && (t->pieces->len > 0 || t->layout->y <= JX_EPSILON);
}

static void
paginate (Table *t)
{
  while (t->i < t->rows->len)
    {
      Row *row = row_at (t, t->i);
      float natural = is_split (t) ? cell_height (rest_lines (t, row), JX_FONT_TABLE) : row->h;
      float fresh_room = JX_BLOCK_HEIGHT - (t->i > t->header && t->i <= t->header_end
                                            ? row_at (t, t->header)->h : 0);
      /* A merged label longer than a page cannot make a row longer than one. */
      float need = MIN (closing_height (t, natural), MAX (natural, fresh_room));
      float keep = t->i == t->header && t->i + 1 < t->rows->len ? row_at (t, t->i + 1)->h : 0;
      float avail = JX_BLOCK_HEIGHT - t->layout->y;

      if (need + MIN (keep, fresh_room / 2) <= avail + JX_EPSILON)
        {
          place_piece (t, need, G_MAXUINT16, TRUE);
          continue;
        }
      /* Only a row taller than a whole page is cut, between lines. */
      if (page_is_fresh (t) || need > fresh_room)
        {
          int lines = (int) floor ((avail - 2 * VPAD + JX_EPSILON) / t->pitch);

          if (lines >= 2 || (lines >= 1 && page_is_fresh (t)))
            {
              /* The rest of the row fits: it ends here, whatever remains. */
              place_piece (t, avail, lines, (guint) lines >= rest_lines (t, row));
              next_page (t);
              continue;
            }
        }
      next_page (t);
    }
  close_page (t);
}

/* The heading, the unit line and the table start together on a page. */
static void
add_title (Table      *t,
           const char *title,
           const char *unit_line,
           const char *money_unit)
{
  JxPageLayout *layout = t->layout;
  JxBox head = jx_page_layout_text_box (jx_page_layout_intern (layout, title), JX_FONT_HEADING,
                                        0, JX_BLOCK_WIDTH, PANGO_ALIGN_CENTER);
  g_autofree char *unit = g_strdup_printf ("单位：%s", money_unit);
  JxBox left = jx_page_layout_text_box (jx_page_layout_intern (layout, unit_line), JX_FONT_TABLE,
                                        0, JX_BLOCK_WIDTH * 0.75, PANGO_ALIGN_LEFT);
  JxBox right = jx_page_layout_text_box (jx_page_layout_intern (layout, unit), JX_FONT_TABLE,
                                         JX_BLOCK_WIDTH * 0.75, JX_BLOCK_WIDTH * 0.25, PANGO_ALIGN_RIGHT);
  double start = 0;

  jx_page_layout_measure (layout, &head);
  jx_page_layout_measure (layout, &left);
  jx_page_layout_measure (layout, &right);
  head.h = head.n_lines * jx_page_layout_pitch (JX_FONT_HEADING);
  left.h = MAX (left.n_lines, 1) * t->pitch;
  for (guint r = 0; r <= MIN (t->header + 1, t->rows->len - 1); r++)
    start += row_at (t, r)->h;
  start = MIN (start, JX_BLOCK_HEIGHT / 2);
  if (layout->y > JX_EPSILON && JX_BLOCK_HEIGHT - layout->y < head.h + left.h + 4 + start)
    jx_page_layout_new_page (layout);

  head.y = layout->y;
  jx_page_layout_add_outline (layout, title, 1);
  jx_page_layout_add_box (layout, &head);
  layout->y += head.h;
  left.y = right.y = layout->y;
  right.h = t->pitch;
  jx_page_layout_add_box (layout, &left);
  jx_page_layout_add_box (layout, &right);
  layout->y += left.h + 4;
}

void
jx_page_layout_add_table (JxPageLayout *self,
                          JxProject    *project,
                          const char   *title,
                          const char   *unit_line,
                          const char   *money_unit)
{
  g_autoptr(JxPageTable) t = jx_page_table_new (self);
  g_autoptr(JxReportTable) table = jx_report_table_new_goals (project);

  jx_page_table_add_report (t, table);
  jx_page_table_place (t, title, unit_line, money_unit);
}

/* ---- tables of other forms (jx-page-table-private.h) ---------------------- */

JxPageTable *
jx_page_table_new (JxPageLayout *layout)
{
  Table *t = g_new0 (Table, 1);

  t->layout = layout;
  t->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  t->groups = g_array_new (FALSE, TRUE, sizeof (Group));
  t->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  t->pitch = jx_page_layout_pitch (JX_FONT_TABLE);
  t->header_end = G_MAXUINT;
  return t;
}

void
jx_page_table_free (JxPageTable *t)
{
  g_array_unref (t->rows);
  g_array_unref (t->groups);
  g_array_unref (t->pieces);
  g_free (t);
}

typedef struct
{
  const JxReportCell *cell;
  guint first, last;
} Label;

/* Labels in the order the engine draws them: by the last row of their run,
 * the inner (二级) before the outer (一级). */
static int
compare_labels (gconstpointer a, gconstpointer b)
{
  const Label *x = a, *y = b;

  if (x->last != y->last)
    return x->last < y->last ? -1 : 1;
  return x->cell->x > y->cell->x ? -1 : x->cell->x < y->cell->x;
}

static PangoAlignment
report_align (const JxReportCell *cell)
{
  return cell->align == JX_REPORT_ALIGN_CENTRE ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
}

static guint8
report_flags (const JxReportCell *cell)
{
  return (cell->title ? JX_BOX_BOLD : 0) | (cell->align == JX_REPORT_ALIGN_JUSTIFY ? JX_BOX_JUSTIFY : 0);
}

/* The cells of a row follow one another from the first; the labels of runs
 * of rows are kept for the merged labels. */
static void
add_report_row (Table *t, const JxReportRow *report_row, guint index, GArray *labels)
{
  Row *row = NULL;

  for (guint c = 0; c < report_row->cells->len; c++)
    {
      const JxReportCell *cell = &g_array_index (report_row->cells, JxReportCell, c);

      if (cell->label)
        {
          Label label = { cell, index, index + cell->rows - 1 };

          g_array_append_val (labels, label);
          continue;
        }
      if (row == NULL)
        {
          row = add_indented_row (t, cell->x * JX_MM);
          row->source = report_row->indicator;
        }
      add_cell (t, row, cell->w * JX_MM, cell->text, report_align (cell), report_flags (cell));
      if (row->n_cells == 1)
        row->cells[0].x = cell->x * JX_MM;
    }
}

void
jx_page_table_add_report (JxPageTable         *t,
                          const JxReportTable *table)
{
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (Label));

  for (guint i = 0; i < table->rows->len; i++)
    add_report_row (t, &g_array_index (table->rows, JxReportRow, i), t->rows->len, labels);
  g_array_sort (labels, compare_labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const Label *label = &g_array_index (labels, Label, i);

      add_group (t, label->cell->x * JX_MM, label->cell->w * JX_MM, label->cell->text,
                 label->first, label->last);
    }
  t->header = table->header;
  t->header_end = table->header_last;
}

void
jx_page_table_place (JxPageTable *t,
                     const char  *title,
                     const char  *unit_line,
                     const char  *money_unit)
{
  fit_groups (t);
  add_title (t, title, unit_line, money_unit);
  paginate (t);
}
