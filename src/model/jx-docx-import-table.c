/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "jx-checkpoint.h"
#include "jx-docx-import-private.h"
#include "jx-indicator.h"
#include "jx-member-path.h"
#include "jx-numbering.h"
#include "jx-text-item.h"

/* A 项目绩效目标表 is read by its label cells: the value of a label is the
 * cell after it, 资金用途 is the row under 预算数 in the 预算规模及资金用途
 * group, the plan's percentages are under its month labels, and the
 * indicator columns are wherever their header cells are, in any order,
 * some perhaps missing. Cells merged down are filled down first. A table
 * Word split at a page break is a second table without 项目编码: it goes
 * on with the project before it. */

typedef struct
{
  JxDocxCell *cell;
  const char *text;     /* the cell's, or the merged cell's above */
  char *key;            /* text without spaces or a final colon */
  guint column, span;
  gboolean used;
} Cell;

typedef struct
{
  Cell *cells;
  guint n;
} Row;

typedef struct
{
  Row *rows;
  guint n;
  JxDocxTable *source;
} Grid;

typedef enum
{
  LABEL_NONE,
  LABEL_CODE,
  LABEL_NAME,
  LABEL_TOTAL,
  LABEL_FISCAL,
  LABEL_OTHER,
  LABEL_USAGE,
  LABEL_BUDGET,     /* 预算规模及资金用途, over its rows */
  LABEL_PLAN,       /* 资金支出计划（%）, over its rows */
  LABEL_GOALS,
} Label;

/* ---- The grid ---- */

static char *
label_key (const char *text)
{
  char *key = jx_docx_compact (text);
  gsize length = strlen (key);

  if (g_str_has_suffix (key, "："))
    key[length - strlen ("：")] = '\0';
  else if (length > 0 && key[length - 1] == ':')
    key[length - 1] = '\0';
  return key;
}

/* The key of every long text: not empty, and no label. */
static const char long_key[] = "\x01";

/* A cell merged down shows the text of the cell it continues. */
static const char *
text_above (Grid *grid, guint r, guint column)
{
  if (r == 0)
    return "";
  for (guint c = 0; c < grid->rows[r - 1].n; c++)
    if (grid->rows[r - 1].cells[c].column == column)
      return grid->rows[r - 1].cells[c].text;
  return "";
}

static Grid *
grid_new (JxDocxTable *table)
{
  Grid *grid = g_new0 (Grid, 1);

  grid->source = table;
  grid->n = table->rows->len;
  grid->rows = g_new0 (Row, grid->n);
  for (guint r = 0; r < grid->n; r++)
    {
      GPtrArray *cells = g_ptr_array_index (table->rows, r);
      Row *row = &grid->rows[r];

      row->n = cells->len;
      row->cells = g_new0 (Cell, row->n);
      for (guint c = 0; c < row->n; c++)
        {
          JxDocxCell *cell = g_ptr_array_index (cells, c);
          Cell *out = &row->cells[c];

          out->cell = cell;
          out->column = cell->column;
          out->span = cell->span;
          out->text = cell->merge == JX_DOCX_MERGE_CONTINUE
                      ? text_above (grid, r, cell->column) : cell->text;
          /* A long text is never a label: it needs no key of its own. */
          out->key = strlen (out->text) > 96 ? (char *) long_key : label_key (out->text);
          /* A merged cell's text is read once, where it starts. */
          out->used = cell->merge == JX_DOCX_MERGE_CONTINUE;
        }
    }
  return grid;
}

static void
grid_free (Grid *grid)
{
  for (guint r = 0; r < grid->n; r++)
    {
      for (guint c = 0; c < grid->rows[r].n; c++)
        if (grid->rows[r].cells[c].key != long_key)
          g_free (grid->rows[r].cells[c].key);
      g_free (grid->rows[r].cells);
    }
  g_free (grid->rows);
  g_free (grid);
}

/* One line: the paragraphs of a cell joined without breaks. */
static char *
one_line (const char *text)
{
  g_auto(GStrv) lines = NULL;

  if (strchr (text, '\n') == NULL)
    return jx_docx_trim (text);
  lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = jx_docx_trim (lines[i]);

      g_string_append (joined, line);
    }
  return g_strdup (joined->str);
}

/* Several lines, each trimmed, empty ones dropped. */
static char *
lines_of (const char *text)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) joined = NULL;

  if (strchr (text, '\n') == NULL)
    return jx_docx_trim (text);
  lines = g_strsplit (text, "\n", -1);
  joined = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = jx_docx_trim (lines[i]);

      if (line[0] == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, '\n');
      g_string_append (joined, line);
    }
  return g_strdup (joined->str);
}

static void
note_cell (JxDocxImport *im, Grid *grid, guint r, const char *format, const char *text)
{
  g_autofree char *place = jx_docx_place_row (grid->source->number, r + 1);

  jx_import_report_add (im->report, place, format, text);
}

static void
note_unused (JxDocxImport *im, Grid *grid, guint r)
{
  for (guint c = 0; c < grid->rows[r].n; c++)
    {
      Cell *cell = &grid->rows[r].cells[c];

      if (!cell->used && cell->key[0] != '\0')
        note_cell (im, grid, r, _("“%s” in the table was not imported: it is not under a "
                                  "label Jixiao knows."), cell->text);
      cell->used = TRUE;
    }
}

/* ---- Labels ---- */

static Label
label_of (const char *key)
{
  /* Labels are short: "预算数3万元，其中：…" is a usage text, not 预算数. */
  if (g_utf8_strlen (key, -1) > 16)
    return LABEL_NONE;
  if (strcmp (key, "项目编码") == 0 || strcmp (key, "项目代码") == 0 ||
      strcmp (key, "项目编号") == 0)
    return LABEL_CODE;
  if (strcmp (key, "项目名称") == 0)
    return LABEL_NAME;
  if (g_str_has_prefix (key, "预算数") || g_str_has_prefix (key, "预算总额") ||
      g_str_has_prefix (key, "项目预算数") || g_str_has_prefix (key, "年度预算数"))
    return LABEL_TOTAL;
  if (strstr (key, "财政资金") != NULL || strstr (key, "财政拨款") != NULL)
    return LABEL_FISCAL;
  if (g_str_has_prefix (key, "其他资金") || g_str_has_prefix (key, "其中：其他资金"))
    return LABEL_OTHER;
  if (strcmp (key, "资金用途") == 0 || strcmp (key, "项目资金用途") == 0)
    return LABEL_USAGE;
  if (g_str_has_prefix (key, "预算规模"))
    return LABEL_BUDGET;
  if (g_str_has_prefix (key, "资金支出计划") || g_str_has_prefix (key, "支出计划"))
    return LABEL_PLAN;
  if (strcmp (key, "绩效目标") == 0 || strcmp (key, "年度绩效目标") == 0 ||
      strcmp (key, "项目绩效目标") == 0)
    return LABEL_GOALS;
  return LABEL_NONE;
}

static gboolean
field_of (const char *key, JxIndicatorField *field)
{
  static const struct { const char *key; JxIndicatorField field; } names[] = {
    { "一级指标", JX_FIELD_LEVEL1 },
    { "二级指标", JX_FIELD_LEVEL2 },
    { "三级指标", JX_FIELD_NAME },
    { "指标名称", JX_FIELD_NAME },
    { "绩效指标描述", JX_FIELD_DESCRIPTION },
    { "指标描述", JX_FIELD_DESCRIPTION },
    { "指标内容", JX_FIELD_DESCRIPTION },
    { "指标值", JX_FIELD_VALUE },
    { "目标值", JX_FIELD_VALUE },
    { "年度指标值", JX_FIELD_VALUE },
    { "指标值（目标值）", JX_FIELD_VALUE },
    { "指标值(目标值)", JX_FIELD_VALUE },
    { "指标值确定依据", JX_FIELD_BASIS },
    { "指标值设定依据", JX_FIELD_BASIS },
    { "确定依据", JX_FIELD_BASIS },
    { "设定依据", JX_FIELD_BASIS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (key, names[i].key) == 0)
      {
        *field = names[i].field;
        return TRUE;
      }
  return FALSE;
}

/* The indicator header: 三级指标 and at least one other column. */
static gboolean
header_columns (Row *row, JxIndicatorColumns *columns)
{
  JxIndicatorColumns found = { 0 };
  guint n = 0;

  for (guint f = 0; f < JX_N_FIELDS; f++)
    found.column[f] = G_MAXUINT;
  for (guint c = 0; c < row->n; c++)
    {
      JxIndicatorField field;

      if (field_of (row->cells[c].key, &field) && found.column[field] == G_MAXUINT)
        {
          found.column[field] = row->cells[c].column;
          found.span[field] = row->cells[c].span;
          n++;
        }
    }
  if (found.column[JX_FIELD_NAME] == G_MAXUINT || n < 2)
    return FALSE;
  found.found = TRUE;
  if (columns != NULL)
    *columns = found;
  return TRUE;
}

static gint
find_header (Grid *grid)
{
  for (guint r = 0; r < grid->n; r++)
    if (header_columns (&grid->rows[r], NULL))
      return (gint) r;
  return -1;
}

static gboolean
has_label (Grid *grid, Label wanted)
{
  for (guint r = 0; r < grid->n; r++)
    for (guint c = 0; c < grid->rows[r].n; c++)
      if (label_of (grid->rows[r].cells[c].key) == wanted)
        return TRUE;
  return FALSE;
}

/* ---- Amounts and percentages ---- */

gboolean
jx_docx_parse_unit (const char *unit, guint64 *factor)
{
  static const struct { const char *name; guint64 yuan; } units[] = {
    { "万元", 10000 }, { "元", 1 }, { "千元", 1000 }, { "亿元", 100000000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (strcmp (unit, units[i].name) == 0)
      {
        *factor = units[i].yuan;
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_dash (const char *key)
{
  return key[0] == '\0' || strcmp (key, "-") == 0 || strcmp (key, "—") == 0 ||
         strcmp (key, "/") == 0 || strcmp (key, "无") == 0 || strcmp (key, "——") == 0;
}

/* The amount of a cell in the document's 万元, exactly where 6 decimals
 * allow; a cell may name its own unit ("3.5万元", "35000元"). */
static gboolean
parse_amount (JxDocxImport *im, Grid *grid, guint r, const char *text, JxMoney *out)
{
  g_autofree char *key = jx_docx_compact (text);
  guint64 factor = im->unit_factor;
  g_autoptr(GError) error = NULL;
  static const char *suffixes[] = { "万元", "千元", "亿元", "元" };
  JxMoney amount;

  *out = 0;
  if (is_dash (key))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (key, suffixes[i]) && strlen (key) > strlen (suffixes[i]))
      {
        jx_docx_parse_unit (suffixes[i], &factor);
        key[strlen (key) - strlen (suffixes[i])] = '\0';
        break;
      }
  if (!jx_money_parse (key, &amount, &error))
    {
      note_cell (im, grid, r, _("“%s” is not an amount; 0 was taken instead."), text);
      return FALSE;
    }
  if (factor >= 10000)
    {
      guint64 times = factor / 10000;

      if ((guint64) amount > (guint64) JX_MONEY_MAX / times)
        {
          note_cell (im, grid, r, _("“%s” is more than any budget; 0 was taken instead."), text);
          return FALSE;
        }
      *out = amount * (JxMoney) times;
    }
  else
    {
      JxMoney part = (JxMoney) (10000 / factor);

      *out = (amount + part / 2) / part;
      if (amount % part != 0)
        note_cell (im, grid, r, _("“%s” has more decimals than 万元 with six places can "
                                  "hold; it was rounded."), text);
    }
  return TRUE;
}

static gboolean
parse_percent (const char *text, double *out)
{
  g_autofree char *key = jx_docx_compact (text);
  g_autoptr(GString) ascii = g_string_new (NULL);
  char *end;

  for (const char *p = key; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)
        c = '0' + (c - 0xFF10);
      else if (c == 0xFF0E)
        c = '.';
      else if (c == 0xFF05)
        c = '%';
      g_string_append_unichar (ascii, c);
    }
  if (ascii->len > 0 && ascii->str[ascii->len - 1] == '%')
    g_string_truncate (ascii, ascii->len - 1);
  if (ascii->len == 0 || !(g_ascii_isdigit (ascii->str[0])))
    return FALSE;
  *out = g_ascii_strtod (ascii->str, &end);
  return *end == '\0' && *out >= 0 && *out <= 100;
}

/* "3月底", "3月末", "3月": the month, or 0. */
static guint
parse_month (const char *key)
{
  g_autoptr(GString) ascii = g_string_new (NULL);
  guint month = 0;
  const char *p = key;

  for (; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)
        c = '0' + (c - 0xFF10);
      if (c < '0' || c > '9')
        break;
      month = month * 10 + (c - '0');
      if (month > 12)
        return 0;
    }
  if (p == key || month < 1 || !g_str_has_prefix (p, "月"))
    return 0;
  p += strlen ("月");
  if (*p == '\0' || strcmp (p, "底") == 0 || strcmp (p, "末") == 0 || strcmp (p, "份") == 0 ||
      strcmp (p, "底前") == 0)
    return month;
  return 0;
}

/* ---- The project part ---- */

static Cell *
value_after (Row *row, guint c)
{
  Cell *next = c + 1 < row->n ? &row->cells[c + 1] : NULL;

  if (next == NULL || next->used || label_of (next->key) != LABEL_NONE)
    return NULL;
  next->used = TRUE;
  return next;
}

static void
add_goal (GListStore *goals, GString *text)
{
  g_autoptr(JxTextItem) item = NULL;

  if (text->len == 0)
    return;
  item = jx_text_item_new (text->str);
  g_list_store_append (goals, item);
  g_string_truncate (text, 0);
}

static void
set_goals (JxDocxImport *im, Cell *cell)
{
  GListStore *goals = G_LIST_STORE (jx_project_get_goals (im->project));

  for (guint p = 0; p < cell->cell->paras->len; p++)
    {
      JxDocxPara *para = g_ptr_array_index (cell->cell->paras, p);
      g_auto(GStrv) lines = g_strsplit (para->text, "\n", -1);
      g_autoptr(GString) goal = g_string_new (NULL);

      /* A paragraph is a goal; a line break starts another one only when
       * the line after it is numbered ("1.…" "2.…" typed in one paragraph). */
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autofree char *line = jx_docx_trim (lines[i]);
          g_autofree char *text = jx_numbering_strip (line);
          g_auto(GStrv) inline_items = jx_numbering_split_inline (line);

          if (i > 0 && goal->len > 0 && jx_numbering_has (line))
            add_goal (goals, goal);
          /* "1.…；2.…" typed in one line is as many goals. */
          if (inline_items != NULL)
            {
              add_goal (goals, goal);
              for (guint k = 0; inline_items[k] != NULL; k++)
                {
                  g_string_assign (goal, inline_items[k]);
                  add_goal (goals, goal);
                }
              continue;
            }
          if (text[0] == '\0')
            continue;
          if (goal->len > 0)
            g_string_append_c (goal, '\n');
          g_string_append (goal, text);
        }
      add_goal (goals, goal);
    }
}

static void
set_value (JxDocxImport *im, Grid *grid, guint r, Label label, Cell *value)
{
  g_autofree char *line = one_line (value != NULL ? value->text : "");

  switch (label)
    {
    case LABEL_CODE:
      jx_project_set_code (im->project, line);
      break;
    case LABEL_NAME:
      jx_project_set_name (im->project, line);
      break;
    case LABEL_TOTAL:
      im->have_total = parse_amount (im, grid, r, line, &im->total) && !is_dash (line);
      break;
    case LABEL_FISCAL:
      im->have_fiscal = parse_amount (im, grid, r, line, &im->fiscal);
      break;
    case LABEL_OTHER:
      im->have_other = parse_amount (im, grid, r, line, &im->other);
      break;
    case LABEL_USAGE:
      {
        g_autofree char *usage = lines_of (value != NULL ? value->text : "");

        jx_project_set_usage (im->project, usage);
      }
      break;
    case LABEL_GOALS:
      if (value != NULL)
        set_goals (im, value);
      break;
    case LABEL_NONE:
    case LABEL_BUDGET:
    case LABEL_PLAN:
    default:
      break;
    }
}

static void
read_months (JxDocxImport *im, Row *row)
{
  for (guint c = 0; c < row->n; c++)
    {
      Cell *cell = &row->cells[c];
      guint month = !cell->used ? parse_month (cell->key) : 0;

      if (month > 0)
        {
          guint pair[2] = { cell->column, month };

          g_array_append_vals (im->months, pair, 2);
          cell->used = TRUE;
        }
    }
}

static void
read_percents (JxDocxImport *im, Grid *grid, guint r)
{
  Row *row = &grid->rows[r];
  GListStore *plan = G_LIST_STORE (jx_project_get_spending_plan (im->project));

  for (guint i = 0; i + 1 < im->months->len; i += 2)
    {
      guint column = g_array_index (im->months, guint, i);
      guint month = g_array_index (im->months, guint, i + 1);
      Cell *found = NULL;
      double percent;

      for (guint c = 0; c < row->n && found == NULL; c++)
        if (!row->cells[c].used && row->cells[c].column <= column &&
            column < row->cells[c].column + row->cells[c].span)
          found = &row->cells[c];
      if (found == NULL || !parse_percent (found->text, &percent))
        {
          g_autofree char *label = g_strdup_printf ("%u月底", month);

          note_cell (im, grid, r, _("%s has no percentage under it; it was left out of "
                                    "the spending plan."), label);
        }
      else
        {
          g_autoptr(JxCheckpoint) point = jx_checkpoint_new (month, percent);

          g_list_store_append (plan, point);
        }
      if (found != NULL)
        found->used = TRUE;
    }
  g_array_set_size (im->months, 0);
}

/* A plan written as a table of its own in the cell beside its label:
 * months in one row, percentages in the next. */
static void
nested_plans (JxDocxImport *im, Grid *outer, Row *row)
{
  for (guint c = 0; c < row->n; c++)
    {
      Cell *cell = &row->cells[c];

      if (cell->used || cell->cell->tables == NULL)
        continue;
      for (guint t = 0; t < cell->cell->tables->len; t++)
        {
          JxDocxTable *table = g_ptr_array_index (cell->cell->tables, t);
          Grid *grid;

          /* The report names the table a clerk sees. */
          table->number = outer->source->number;
          grid = grid_new (table);

          for (guint r = 0; r < grid->n; r++)
            {
              if (im->months->len > 0)
                read_percents (im, grid, r);
              else
                read_months (im, &grid->rows[r]);
              note_unused (im, grid, r);
            }
          grid_free (grid);
        }
      cell->used = TRUE;
    }
}

/* An amount typed into its label's cell, "其他资金 20,000.00" or
 * "财政资金：100万元", as clerks do where the table has no cell for it:
 * the text after the label, or NULL. */
static char *
amount_in_label (const char *key, Label label)
{
  const char *digit = key;
  g_autofree char *before = NULL;
  g_autofree char *word = NULL;

  while (*digit != '\0' && !g_ascii_isdigit (*digit))
    digit = g_utf8_next_char (digit);
  if (*digit == '\0' || digit == key)
    return NULL;
  before = g_strndup (key, digit - key);
  word = label_key (before);
  return label_of (word) == label ? g_strdup (digit) : NULL;
}

static void
set_money (JxDocxImport *im, Grid *grid, guint r, Label label, Cell *cell)
{
  Cell *value = value_after (&grid->rows[r], cell - grid->rows[r].cells);
  g_autofree char *typed = value == NULL ? amount_in_label (cell->key, label) : NULL;
  Cell inside;

  if (typed != NULL)
    {
      inside = *cell;
      inside.text = typed;
      value = &inside;
    }
  set_value (im, grid, r, label, value);
}

/* A row of the project part: labels with their values, or the rows the
 * 预算规模及资金用途 and 资金支出计划 labels span. */
static void
label_row (JxDocxImport *im, Grid *grid, guint r)
{
  Row *row = &grid->rows[r];
  Label group = LABEL_NONE;
  gboolean values = FALSE;

  for (guint c = 0; c < row->n; c++)
    {
      Cell *cell = &row->cells[c];
      Label label = label_of (cell->key);

      if (label == LABEL_BUDGET || label == LABEL_PLAN)
        {
          group = label;
          cell->used = TRUE;
        }
      else if (label != LABEL_NONE && !cell->used)
        {
          cell->used = TRUE;
          if (label == LABEL_TOTAL || label == LABEL_FISCAL || label == LABEL_OTHER)
            set_money (im, grid, r, label, cell);
          else
            set_value (im, grid, r, label, value_after (row, c));
          values = TRUE;
        }
    }
  /* The row under 预算数 in 预算规模及资金用途 is the usage. */
  if (group == LABEL_BUDGET && !values)
    for (guint c = 0; c < row->n; c++)
      if (!row->cells[c].used)
        {
          g_autofree char *usage = lines_of (row->cells[c].text);

          row->cells[c].used = TRUE;
          if (usage[0] != '\0')
            jx_project_set_usage (im->project, usage);
        }
  if (im->months->len > 0)
    read_percents (im, grid, r);
  else if (group == LABEL_PLAN || !values)
    read_months (im, row);
  if (group == LABEL_PLAN)
    nested_plans (im, grid, row);
  note_unused (im, grid, r);
}

/* ---- The indicator part ---- */

static Cell *
cell_at (Row *row, guint column)
{
  for (guint c = 0; c < row->n; c++)
    if (row->cells[c].column <= column && column < row->cells[c].column + row->cells[c].span)
      return &row->cells[c];
  return NULL;
}

/* A cell spanning the columns of several fields is one wide cell: its
 * text is the field's whose column is its leftmost, the others are empty
 * ("≥6次" over 指标值 and 指标值确定依据 is no basis). */
static gboolean
owns_cell (const JxIndicatorColumns *columns, guint field, const Cell *cell)
{
  for (guint f = 0; f < JX_N_FIELDS; f++)
    {
      guint column = columns->column[f];

      if (f != field && column != G_MAXUINT && column < columns->column[field] &&
          cell->column <= column && column < cell->column + cell->span)
        return FALSE;
    }
  return TRUE;
}

static gboolean
repeats_header (Row *row)
{
  for (guint c = 0; c < row->n; c++)
    {
      JxIndicatorField field;

      if (row->cells[c].key[0] != '\0' && !field_of (row->cells[c].key, &field))
        return FALSE;
    }
  return TRUE;
}

static void
indicator_row (JxDocxImport *im, Grid *grid, guint r)
{
  Row *row = &grid->rows[r];
  GListModel *indicators = jx_project_get_indicators (im->project);
  guint n = g_list_model_get_n_items (indicators);
  char *fields[JX_N_FIELDS] = { NULL };
  gboolean any = FALSE;
  g_autoptr(JxIndicator) indicator = NULL;

  if (repeats_header (row))
    {
      for (guint c = 0; c < row->n; c++)
        row->cells[c].used = TRUE;
      return;
    }
  for (guint f = 0; f < JX_N_FIELDS; f++)
    {
      Cell *cell = im->columns.column[f] != G_MAXUINT ? cell_at (row, im->columns.column[f]) : NULL;
      gboolean multi = f == JX_FIELD_DESCRIPTION || f == JX_FIELD_BASIS;

      if (cell != NULL && !owns_cell (&im->columns, f, cell))
        cell = NULL;
      fields[f] = cell == NULL ? g_strdup ("") : multi ? lines_of (cell->text) : one_line (cell->text);
      if (cell != NULL)
        {
          /* A merged cell counts once, in the row it starts. */
          any |= !cell->used && fields[f][0] != '\0' &&
                 !(f <= JX_FIELD_LEVEL2 && cell->cell->merge == JX_DOCX_MERGE_CONTINUE);
          cell->used = TRUE;
        }
    }
  /* Runs of one 一级/二级 may be merged, or written only in their first row. */
  if (any && n > 0 && (fields[JX_FIELD_LEVEL1][0] == '\0' || fields[JX_FIELD_LEVEL2][0] == '\0'))
    {
      g_autoptr(JxIndicator) previous = g_list_model_get_item (indicators, n - 1);

      if (fields[JX_FIELD_LEVEL1][0] == '\0')
        {
          g_free (fields[JX_FIELD_LEVEL1]);
          fields[JX_FIELD_LEVEL1] = g_strdup (jx_indicator_get_level1 (previous));
        }
      if (fields[JX_FIELD_LEVEL2][0] == '\0')
        {
          g_free (fields[JX_FIELD_LEVEL2]);
          fields[JX_FIELD_LEVEL2] = g_strdup (jx_indicator_get_level2 (previous));
        }
    }
  if (any)
    {
      indicator = jx_indicator_new (fields[JX_FIELD_LEVEL1], fields[JX_FIELD_LEVEL2],
                                    fields[JX_FIELD_NAME], fields[JX_FIELD_DESCRIPTION],
                                    fields[JX_FIELD_VALUE], fields[JX_FIELD_BASIS]);
      g_list_store_append (G_LIST_STORE (indicators), indicator);
    }
  for (guint f = 0; f < JX_N_FIELDS; f++)
    g_free (fields[f]);
  note_unused (im, grid, r);
}

/* ---- Tables ---- */

void
jx_docx_import_finish_project (JxDocxImport *im)
{
  JxMoney other;

  if (im->project == NULL)
    return;
  other = im->have_other ? im->other : 0;
  /* 预算数 is the sum and is not stored: without 财政资金, it is what
   * remains of 预算数 after 其他资金; without 其他资金 (a table of 预算数
   * and 财政拨款 only), what remains after 财政资金. */
  if (!im->have_other && im->have_total && im->have_fiscal && im->total >= im->fiscal)
    other = im->total - im->fiscal;
  if (im->have_fiscal)
    jx_project_set_fiscal (im->project, im->fiscal);
  else if (im->have_total && im->total >= other)
    jx_project_set_fiscal (im->project, im->total - other);
  jx_project_set_other (im->project, other);
  /* Added once its funds are set: the document sums them on every change. */
  g_list_store_append (G_LIST_STORE (jx_document_get_projects (im->document)), im->project);
  if (im->have_total && im->total != jx_project_get_total (im->project))
    {
      g_autofree char *place = g_strdup_printf (_("table %u"), im->project_table);
      g_autofree char *given = jx_money_format_exact (im->total);
      g_autofree char *sum = jx_money_format_exact (jx_project_get_total (im->project));
      g_autoptr(JxMemberPath) path = jx_member_path_find (im->document, im->project);
      g_autofree char *where = jx_member_path_describe (path, im->document);

      /* TRANSLATORS: the project as the forms name it ("项目2「…」"), the
       * 预算数 in the table, the sum of the two funds */
      jx_import_report_add (im->report, place,
                            _("%s: its 预算数 %s is not 财政资金 + 其他资金 (%s): the budget is "
                              "now their sum."), where, given, sum);
    }
  im->have_total = im->have_fiscal = im->have_other = FALSE;
  g_clear_object (&im->project);
}

static void
start_project (JxDocxImport *im, JxDocxTable *table)
{
  jx_docx_import_finish_project (im);
  im->project = jx_project_new ("", im->title_name != NULL ? im->title_name : "");
  g_clear_pointer (&im->title_name, g_free);
  im->columns = (JxIndicatorColumns) { 0 };
  im->indicators_started = FALSE;
  im->project_table = table->number;
  g_array_set_size (im->months, 0);
  im->part = JX_PART_TWO;
}

static void
not_a_project_table (JxDocxImport *im, Grid *grid)
{
  for (guint r = 0; r < grid->n; r++)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint c = 0; c < grid->rows[r].n; c++)
        if (!grid->rows[r].cells[c].used && grid->rows[r].cells[c].key[0] != '\0')
          {
            g_autofree char *line = one_line (grid->rows[r].cells[c].text);

            if (text->len > 0)
              g_string_append (text, " | ");
            g_string_append (text, line);
          }
      if (text->len > 0)
        note_cell (im, grid, r, _("A table that is not a 项目绩效目标表 was not imported: %s"),
                   text->str);
    }
}

void
jx_docx_import_table (JxDocxImport *im, JxDocxTable *table)
{
  Grid *grid = grid_new (table);
  gint header = find_header (grid);
  gboolean code = has_label (grid, LABEL_CODE);

  if (im->months == NULL)
    im->months = g_array_new (FALSE, FALSE, sizeof (guint));
  if (code)
    start_project (im, table);
  /* Without 项目编码 a table goes on with the project before it, as
   * Word splits a table at a page break; other tables are not ours. */
  if (im->project == NULL || (!code && header < 0 && !im->indicators_started &&
                              !has_label (grid, LABEL_GOALS) && !has_label (grid, LABEL_PLAN) &&
                              !has_label (grid, LABEL_BUDGET)))
    {
      not_a_project_table (im, grid);
      grid_free (grid);
      return;
    }
  for (guint r = 0; r < grid->n; r++)
    {
      if ((gint) r == header)
        {
          header_columns (&grid->rows[r], &im->columns);
          im->indicators_started = TRUE;
          for (guint c = 0; c < grid->rows[r].n; c++)
            grid->rows[r].cells[c].used = TRUE;
          continue;
        }
      if (im->indicators_started)
        indicator_row (im, grid, r);
      else
        label_row (im, grid, r);
    }
  grid_free (grid);
}
