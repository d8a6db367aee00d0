/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "jx-change-table.h"
#include "jx-page-layout-private.h"

/* The table is a Chinese document like the one it compares: its own words
 * are written in Chinese, as the printed document's are. */

#define N_COLUMNS 5
#define HPAD      (1.5 * JX_MM)
#define VPAD      3.0
/* Texts longer than this many characters are shown around their marks,
 * with this many characters either side. */
#define EXCERPT_LIMIT   150
#define EXCERPT_CONTEXT 30
#define HEAD_CHARS      40
/* Rows of up to this many lines are kept whole; a broken row leaves at
 * least MIN_SPLIT lines on a page. */
#define KEEP_LINES      8
#define MIN_SPLIT       3

static const double column_mm[N_COLUMNS] = { 12, 32, 46, 46, 20 };
static const char * const column_titles[N_COLUMNS] = { "序号", "位置", "原内容", "修改后", "备注" };

typedef struct
{
  const char *text;    /* interned */
  gboolean    markup;
  gboolean    bold;
  PangoAlignment align;
} Cell;

typedef struct
{
  JxPageLayout *layout;
  double        x[N_COLUMNS];
  double        w[N_COLUMNS];
  double        pitch;
  double        header_h;
} Table;

/* ---- cells ---- */

static char *
escape (const char *text, gsize length)
{
  return g_markup_escape_text (text, (gssize) length);
}

/* Appends text[from, to) as markup, its marks wrapped in open … close. */
static void
append_range (GString *out, const char *text, const JxTextSpan *marks, guint n, gsize from,
              gsize to, const char *open, const char *close)
{
  gsize at = from;

  for (guint i = 0; i < n; i++)
    {
      gsize start = MAX (marks[i].start, from), end = MIN (marks[i].end, to);
      g_autofree char *before = NULL;
      g_autofree char *inside = NULL;

      if (start >= end)
        continue;
      before = escape (text + at, start - at);
      inside = escape (text + start, end - start);
      g_string_append_printf (out, "%s%s%s%s", before, open, inside, close);
      at = end;
    }
  {
    g_autofree char *rest = escape (text + at, to - at);

    g_string_append (out, rest);
  }
}

/* A long paragraph is cut to its changed words with some context: the
 * table is for what changed, and a cell of 300 characters hides it. */
static char *
marked (const char *text, const JxTextSpan *marks, guint n, const char *open, const char *close)
{
  g_autoptr(GArray) parts = jx_text_excerpts (text, marks, n, EXCERPT_LIMIT, EXCERPT_CONTEXT);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < parts->len; i++)
    {
      const JxTextSpan *part = &g_array_index (parts, JxTextSpan, i);

      if (part->start > 0)
        g_string_append (out, "……");
      append_range (out, text, marks, n, part->start, part->end, open, close);
      if (i + 1 == parts->len && part->end < strlen (text))
        g_string_append (out, "……");
    }
  return g_string_free (out, FALSE);
}

/* The start of a text that only moved: enough to recognise it. */
static char *
head_of (const char *text)
{
  const char *end = g_utf8_offset_to_pointer (text, MIN (g_utf8_strlen (text, -1), HEAD_CHARS));
  g_autofree char *part = escape (text, end - text);

  return g_strconcat (part, *end != '\0' ? "……" : "", NULL);
}

static char *
funds_text (JxChange *change, gboolean new_side)
{
  static const char * const labels[] = { "财政资金", "其他资金", "预算数" };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < JX_N_FUNDS; i++)
    {
      JxMoney a, b;
      g_autofree char *amount = NULL;
      g_autofree char *delta = NULL;

      jx_change_get_funds (change, i, &a, &b);
      amount = jx_money_format (new_side ? b : a);
      g_string_append_printf (out, "%s%s %s", i > 0 ? "\n" : "", labels[i], amount);
      if (new_side && a != b)
        {
          delta = jx_money_format (b - a);
          g_string_append_printf (out, "（<b><u>%s%s</u></b>）", b > a ? "+" : "", delta);
        }
    }
  g_string_append_printf (out, "\n（%s）", jx_change_get_money_unit (change));
  return g_string_free (out, FALSE);
}

static char *
plain (const char *text)
{
  return escape (text != NULL && text[0] != '\0' ? text : "（空）", -1);
}

static const char *
unit_of (JxChange *change)
{
  return jx_change_get_item (change) == JX_CHANGE_ITEM_INDICATOR ? "行" : "位";
}

/* What 原内容 and 修改后 say for one change, as markup. */
static void
change_texts (JxChange *change, char **old_text, char **new_text)
{
  const char *a = jx_change_get_old_text (change), *b = jx_change_get_new_text (change);
  const JxTextSpan *marks;
  guint n;
  g_autofree char *text = NULL;

  switch (jx_change_get_kind (change))
    {
    case JX_CHANGE_ADDED:
      *old_text = g_strdup ("（无）");
      text = plain (b);
      *new_text = g_strdup_printf ("<b>新增：</b>%s", text);
      return;
    case JX_CHANGE_REMOVED:
      *old_text = plain (a);
      *new_text = g_strdup ("<b>（删除）</b>");
      return;
    case JX_CHANGE_MOVED:
      text = head_of (a != NULL ? a : "");
      *old_text = g_strdup_printf ("%s\n（原第 %d %s）", text, jx_change_get_old_position (change) + 1,
                                   unit_of (change));
      *new_text = g_strdup_printf ("<b>移至第 %d %s</b>", jx_change_get_new_position (change) + 1,
                                   unit_of (change));
      return;
    default:
      break;
    }
  if (jx_change_get_item (change) == JX_CHANGE_ITEM_FUNDS)
    {
      *old_text = funds_text (change, FALSE);
      *new_text = funds_text (change, TRUE);
      return;
    }
  marks = jx_change_get_old_marks (change, &n);
  *old_text = a != NULL && a[0] != '\0' ? marked (a, marks, n, "<s>", "</s>") : plain (a);
  marks = jx_change_get_new_marks (change, &n);
  *new_text = b != NULL && b[0] != '\0' ? marked (b, marks, n, "<b><u>", "</u></b>") : plain (b);
}

/* ---- rows ---- */

static JxBox
cell_box (Table *t, const Cell *cell, double x, double w)
{
  JxBox box = jx_page_layout_text_box (cell->text, JX_FONT_TABLE, x + HPAD, w - 2 * HPAD,
                                       cell->align);

  box.flags = JX_BOX_CELL | (cell->markup ? JX_BOX_MARKUP : 0) | (cell->bold ? JX_BOX_BOLD : 0);
  jx_page_layout_measure (t->layout, &box);
  return box;
}

static void
add_frame (Table *t, double x, double y, double w, double h)
{
  JxBox frame = { 0 };

  frame.kind = JX_BOX_FRAME;
  frame.link = -1;
  frame.x = x;
  frame.y = y;
  frame.w = w;
  frame.h = h;
  jx_page_layout_add_box (t->layout, &frame);
}

/* Lines [first, first + count) of each cell, in one band of the page. */
static void
emit_band (Table *t, JxBox *boxes, const double *x, const double *w, guint n, const guint *first,
           guint count)
{
  double h = count * t->pitch + 2 * VPAD;

  for (guint k = 0; k < n; k++)
    {
      JxBox text = boxes[k];
      guint shown = MIN (count, text.n_lines > first[k] ? text.n_lines - first[k] : 0);

      add_frame (t, x[k], t->layout->y, w[k], h);
      if (shown == 0)
        continue;
      text.first_line = first[k];
      text.n_lines = shown;
      text.y = t->layout->y + VPAD;
      text.h = shown * t->pitch;
      jx_page_layout_add_box (t->layout, &text);
    }
  t->layout->y += h;
}

static void add_header (Table *t);

static void
new_page (Table *t)
{
  jx_page_layout_new_page (t->layout);
  add_header (t);
}

/* A short row goes on the next page when it does not fit; a longer one is
 * broken between lines, its frames closed at the page's foot, rather than
 * leave half a page empty. */
static void
add_cells (Table *t, const Cell *cells, const double *x, const double *w, guint n)
{
  JxBox boxes[N_COLUMNS];
  guint first[N_COLUMNS] = { 0 };
  guint lines = 1;
  guint done = 0;

  for (guint k = 0; k < n; k++)
    {
      boxes[k] = cell_box (t, &cells[k], x[k], w[k]);
      lines = MAX (lines, boxes[k].n_lines);
    }
  while (done < lines)
    {
      double avail = JX_BLOCK_HEIGHT - t->layout->y + JX_EPSILON;
      guint fit = (guint) MAX (0.0, floor ((avail - 2 * VPAD) / t->pitch));
      guint page_fit = (guint) floor ((JX_BLOCK_HEIGHT - t->header_h - 2 * VPAD + JX_EPSILON) /
                                      t->pitch);

      if (fit >= lines - done)
        fit = lines - done;
      else if (fit < MIN_SPLIT || (done == 0 && lines <= MIN (page_fit, KEEP_LINES)))
        {
          new_page (t);
          continue;
        }
      emit_band (t, boxes, x, w, n, first, fit);
      done += fit;
      for (guint k = 0; k < n; k++)
        first[k] += fit;
      if (done < lines)
        new_page (t);
    }
}

static void
add_row (Table *t, const Cell *cells)
{
  add_cells (t, cells, t->x, t->w, N_COLUMNS);
}

static void
add_header (Table *t)
{
  Cell cells[N_COLUMNS];
  double before = t->layout->y;

  for (guint k = 0; k < N_COLUMNS; k++)
    cells[k] = (Cell) { jx_page_layout_intern (t->layout, column_titles[k]), FALSE, TRUE,
                        PANGO_ALIGN_CENTER };
  /* Drawn directly: a header never breaks. */
  {
    JxBox boxes[N_COLUMNS];
    guint first[N_COLUMNS] = { 0 };

    for (guint k = 0; k < N_COLUMNS; k++)
      boxes[k] = cell_box (t, &cells[k], t->x[k], t->w[k]);
    emit_band (t, boxes, t->x, t->w, N_COLUMNS, first, 1);
  }
  t->header_h = t->layout->y - before;
}

/* A section across the whole width: "一、封面与部门". */
static void
add_section (Table *t, const char *title)
{
  Cell cell = { jx_page_layout_intern (t->layout, title), FALSE, TRUE, PANGO_ALIGN_LEFT };
  double x = 0, w = JX_BLOCK_WIDTH;

  /* With at least one row under it on the same page. */
  if (JX_BLOCK_HEIGHT - t->layout->y < 4 * t->pitch + 4 * VPAD)
    new_page (t);
  jx_page_layout_add_outline (t->layout, title, 0);
  add_cells (t, &cell, &x, &w, 1);
}

static const char *
section_title (JxChangeSection section)
{
  switch (section)
    {
    case JX_CHANGE_SECTION_COVER: return "一、封面与部门";
    case JX_CHANGE_SECTION_PART1: return "二、第一部分　部门整体绩效目标";
    default: return "三、第二部分　预算项目绩效目标";
    }
}

static void
add_change (Table *t, JxChange *change, guint number)
{
  g_autofree char *digits = g_strdup_printf ("%u", number);
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  Cell cells[N_COLUMNS];

  change_texts (change, &old_text, &new_text);
  cells[0] = (Cell) { jx_page_layout_intern (t->layout, digits), FALSE, FALSE, PANGO_ALIGN_CENTER };
  cells[1] = (Cell) { jx_page_layout_intern (t->layout, jx_change_get_place (change)), FALSE, FALSE,
                      PANGO_ALIGN_LEFT };
  cells[2] = (Cell) { jx_page_layout_intern (t->layout, old_text), TRUE, FALSE, PANGO_ALIGN_LEFT };
  cells[3] = (Cell) { jx_page_layout_intern (t->layout, new_text), TRUE, FALSE, PANGO_ALIGN_LEFT };
  cells[4] = (Cell) { jx_page_layout_intern (t->layout, ""), FALSE, FALSE, PANGO_ALIGN_LEFT };
  add_row (t, cells);
}

/* ---- the title block ---- */

static void
add_line (Table *t, const char *text, JxFontRole role, PangoAlignment align, gboolean markup)
{
  JxBox box = jx_page_layout_text_box (jx_page_layout_intern (t->layout, text), role, 0,
                                       JX_BLOCK_WIDTH, align);

  box.flags = markup ? JX_BOX_MARKUP : 0;
  jx_page_layout_measure (t->layout, &box);
  box.y = t->layout->y;
  box.h = box.n_lines * jx_page_layout_pitch (role);
  jx_page_layout_add_box (t->layout, &box);
  t->layout->y += box.h;
}

static char *
version_line (const char *what, JxDocument *document, const char *label)
{
  g_autofree char *base = label != NULL ? g_path_get_basename (label) : NULL;
  JxDepartment *department = jx_document_get_department (document);

  if (base != NULL)
    return g_strdup_printf ("%s：%s（%s，%u年）", what, base, jx_department_get_name (department),
                            jx_document_get_year (document));
  return g_strdup_printf ("%s：%s（%u年）", what, jx_department_get_name (department),
                          jx_document_get_year (document));
}

static void
add_title (Table *t, JxDiff *diff, const char *old_label, const char *new_label)
{
  guint n = g_list_model_get_n_items (jx_diff_get_changes (diff));
  g_autofree char *old_line = version_line ("原文本", jx_diff_get_old_document (diff), old_label);
  g_autofree char *new_line = version_line ("修改后", jx_diff_get_new_document (diff), new_label);
  g_autofree char *count = n > 0 ? g_strdup_printf ("共 %u 处修改。原内容中删除的文字加删除线，"
                                                   "修改后新增的文字加粗并加下划线。", n)
                                 : g_strdup ("两份文本内容相同，没有修改。");

  jx_page_layout_add_outline (t->layout, "修改对照表", 0);
  add_line (t, "修改对照表", JX_FONT_TITLE, PANGO_ALIGN_CENTER, FALSE);
  t->layout->y += 6;
  add_line (t, old_line, JX_FONT_TABLE, PANGO_ALIGN_LEFT, FALSE);
  add_line (t, new_line, JX_FONT_TABLE, PANGO_ALIGN_LEFT, FALSE);
  add_line (t, count, JX_FONT_TABLE, PANGO_ALIGN_LEFT, FALSE);
  t->layout->y += 6;
}

static void
lay_out (Table *t, JxDiff *diff, const char *old_label, const char *new_label)
{
  GListModel *changes = jx_diff_get_changes (diff);
  int section = -1;
  double x = 0;

  t->pitch = jx_page_layout_pitch (JX_FONT_TABLE);
  for (guint k = 0; k < N_COLUMNS; k++)
    {
      t->x[k] = x;
      t->w[k] = column_mm[k] * JX_MM;
      x += t->w[k];
    }
  t->layout->next_number = 1;
  jx_page_layout_new_page (t->layout);
  add_title (t, diff, old_label, new_label);
  if (g_list_model_get_n_items (changes) > 0)
    add_header (t);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(JxChange) change = g_list_model_get_item (changes, i);

      if ((int) jx_change_get_section (change) != section)
        {
          section = jx_change_get_section (change);
          add_section (t, section_title (section));
        }
      add_change (t, change, i + 1);
    }
  jx_page_layout_add_folios (t->layout);
}

JxPageLayout *
jx_change_table_new (JxDiff     *diff,
                     const char *old_label,
                     const char *new_label)
{
  JxDocument *document;
  JxDepartment *department;
  Table t = { 0 };

  g_return_val_if_fail (JX_IS_DIFF (diff), NULL);

  document = jx_diff_get_new_document (diff);
  department = jx_document_get_department (document);
  t.layout = g_object_new (JX_TYPE_PAGE_LAYOUT, NULL);
  t.layout->title = g_strdup_printf ("%s%u年%s修改对照表", jx_department_get_name (department),
                                     jx_document_get_year (document), jx_document_get_title (document));
  t.layout->author = g_strdup (jx_department_get_shown_compiler (department));
  lay_out (&t, diff, old_label, new_label);
  return t.layout;
}
