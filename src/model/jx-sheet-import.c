/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "jx-checkpoint.h"
#include "jx-import-private.h"
#include "jx-indicator-value.h"
#include "jx-measure.h"
#include "jx-numbering.h"
#include "jx-sheet-import-private.h"
#include "jx-sheet-private.h"
#include "jx-sheet-read.h"
#include "jx-text-item.h"

/* What the rows of a sheet mean. A sheet is an indicator sheet when a row
 * among its first ones names 一级指标, 二级指标, 三级指标 and 指标值 in the
 * words the budget systems and clerks' own forms use; the rows above it
 * are titles, or say which project the sheet is about. Below the header,
 * a blank (or merged) 项目, 一级 or 二级 cell means "the same as above".
 * The 项目 and 部门 sheets of a workbook Jixiao wrote carry the rest of
 * the document. */

typedef enum
{
  SHEET_SEARCHING,
  SHEET_INDICATORS,
  SHEET_PROJECTS,
  SHEET_DEPARTMENT,
  SHEET_OTHER,
} SheetKind;

typedef struct
{
  const char *header;
  int         column;
} Alias;

/* Header words, after spaces, marks of required columns (*) and a unit in
 * brackets are taken away. */
static const Alias indicator_aliases[] = {
  { "项目编码", JX_IND_CODE }, { "项目代码", JX_IND_CODE }, { "项目名称", JX_IND_PROJECT },
  { "一级指标", JX_IND_LEVEL1 }, { "二级指标", JX_IND_LEVEL2 }, { "三级指标", JX_IND_NAME },
  { "三级指标名称", JX_IND_NAME }, { "指标名称", JX_IND_NAME }, { "指标值", JX_IND_VALUE },
  { "年度指标值", JX_IND_VALUE }, { "计算符号", JX_IND_SYMBOL }, { "指标性质", JX_IND_SYMBOL },
  { "计量单位", JX_IND_UNIT }, { "度量单位", JX_IND_UNIT }, { "绩效指标描述", JX_IND_DESCRIPTION },
  { "指标解释", JX_IND_DESCRIPTION }, { "指标描述", JX_IND_DESCRIPTION },
  { "指标值确定依据", JX_IND_BASIS }, { "指标值设定依据", JX_IND_BASIS },
};

static const Alias project_aliases[] = {
  { "项目编码", JX_PRJ_CODE }, { "项目代码", JX_PRJ_CODE }, { "项目名称", JX_PRJ_NAME },
  { "预算数", JX_PRJ_TOTAL }, { "财政资金", JX_PRJ_FISCAL }, { "其他资金", JX_PRJ_OTHER },
  { "资金用途", JX_PRJ_USAGE }, { "绩效目标", JX_PRJ_GOALS },
  { "分项说明", JX_PRJ_OVERVIEW_DESCRIPTION }, { "分项绩效目标", JX_PRJ_OVERVIEW_GOAL },
  { "分项绩效指标", JX_PRJ_OVERVIEW_SUMMARY },
};

typedef struct
{
  JxSheetData *data;
  /* The sheet being read. */
  char        *sheet;
  SheetKind    kind;
  GPtrArray   *headers;                 /* the header row's texts */
  int          ind[JX_IND_N_COLUMNS];   /* field → column, -1 when absent */
  int          prj[JX_PRJ_N_COLUMNS];
  int          key, heading, text;      /* the 部门 sheet's columns */
  char        *label_code;
  char        *label_name;
  char        *above[4];                /* code, project, level1, level2 of the row above */
  guint        sheet_rows;              /* rows read into the sheet's kind */
  /* Rows with text in the first column only and no indicator below them
   * yet (pairs of place and text): a note under the table ("说明：本表由
   * 办公室填报"), reported at the sheet's end unless indicators follow, as
   * they follow a section row ("一、产出指标"). */
  GPtrArray   *first_only;
  /* Across sheets. */
  GPtrArray   *unread;                  /* names of sheets without a header */
  guint        n_read;                  /* sheets with a header */
  char        *money_unit;              /* named in the 项目 sheet's amount headers */
  GHashTable  *department_keys;         /* the 部门 sheet's items seen */
} Reader;

static const JxCell empty_cell = { JX_CELL_EMPTY, "", 0, FALSE };

static const JxCell *
cell_at (const JxCell *cells, guint n, int col)
{
  return col >= 0 && (guint) col < n ? &cells[col] : &empty_cell;
}

/* ---- Texts ---- */

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0xA0;
}

/* Without the spaces around it; line ends as "\n". */
static char *
clean (const char *text, gboolean trim)
{
  GString *out = g_string_new (NULL);
  const char *start = text, *end = text + strlen (text);

  if (trim)
    {
      while (*start && is_space (g_utf8_get_char (start)))
        start = g_utf8_next_char (start);
      while (end > start && is_space (g_utf8_get_char (g_utf8_prev_char (end))))
        end = g_utf8_prev_char (end);
    }
  for (const char *p = start; p < end; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* The start of a text for a message: a few characters, not a paragraph. */
static char *
excerpt (const char *text)
{
  g_autofree char *plain = clean (text, TRUE);
  g_autofree char *start = NULL;

  if (g_utf8_strlen (plain, -1) <= 20)
    return g_steal_pointer (&plain);
  start = g_utf8_substring (plain, 0, 20);
  return g_strconcat (start, "…", NULL);
}

/* A header cell as a word to look up: "＊三级指标 名称（必填）" → "三级指标名称".
 * A unit in brackets is kept in *unit when asked for. */
static char *
header_word (const char *text, char **unit)
{
  g_autofree char *plain = jx_value_normalize (text);
  char *open = strstr (plain, "（");
  char *ascii = strchr (plain, '(');
  char *word = plain;

  if (ascii != NULL && (open == NULL || ascii < open))
    open = ascii;
  if (open != NULL)
    {
      const char *inside = open + (*open == '(' ? 1 : strlen ("（"));
      char *close = strstr (inside, "）");

      if (close == NULL)
        close = strchr (inside, ')');
      if (unit != NULL && close != NULL)
        *unit = g_strndup (inside, close - inside);
      *open = '\0';
    }
  while (*word == '*')
    word++;
  return g_strdup (word);
}

/* "3月底", "3月末", "3月", "3月末累计" → 3; 0 for anything else. */
static guint
month_header (const char *word)
{
  guint64 month;
  char *end;

  if (!g_ascii_isdigit (*word))
    return 0;
  month = g_ascii_strtoull (word, &end, 10);
  if (month < 1 || month > 12 || !g_str_has_prefix (end, "月"))
    return 0;
  end += strlen ("月");
  if (g_str_has_prefix (end, "底") || g_str_has_prefix (end, "末"))
    end += strlen ("底");
  if (g_str_has_prefix (end, "累计"))
    end += strlen ("累计");
  return *end == '\0' ? (guint) month : 0;
}

static int
lookup (const Alias *aliases, guint n, const char *word)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (aliases[i].header, word))
      return aliases[i].column;
  return -1;
}

/* ---- Places and errors ---- */

static char *
row_place (Reader *r, guint row)
{
  /* TRANSLATORS: where an imported row was: the sheet's name, the row */
  return g_strdup_printf (_("sheet “%s”, row %u"), r->sheet, row);
}

G_GNUC_PRINTF (5, 6) static gboolean
fail_cell (Reader *r, GError **error, guint row, int col, const char *format, ...)
{
  g_autofree char *letters = jx_sheet_column_name (MAX (col, 0));
  g_autofree char *what = NULL;
  const char *header = col >= 0 && (guint) col < r->headers->len
                       ? g_ptr_array_index (r->headers, col) : "";
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  /* TRANSLATORS: sheet, row, the column's header, the cell ("G12"), what is wrong */
  g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_CONTENT,
               _("Sheet “%s”, row %u, column “%s” (%s%u): %s"), r->sheet, row, header, letters,
               row, what);
  return FALSE;
}

/* ---- Finding the header ---- */

static void
set_header_texts (Reader *r, const JxCell *cells, guint n)
{
  g_ptr_array_set_size (r->headers, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (r->headers, clean (cells[i].text, TRUE));
}

static gboolean
find_indicator_header (Reader *r, const JxCell *cells, guint n)
{
  int found[JX_IND_N_COLUMNS];

  for (guint f = 0; f < JX_IND_N_COLUMNS; f++)
    found[f] = -1;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *word = header_word (cells[i].text, NULL);
      int f = lookup (indicator_aliases, G_N_ELEMENTS (indicator_aliases), word);

      if (f >= 0 && found[f] < 0)
        found[f] = (int) i;
    }
  if (found[JX_IND_LEVEL1] < 0 || found[JX_IND_LEVEL2] < 0 || found[JX_IND_NAME] < 0 ||
      found[JX_IND_VALUE] < 0)
    return FALSE;
  memcpy (r->ind, found, sizeof found);
  return TRUE;
}

static gboolean
find_project_header (Reader *r, const JxCell *cells, guint n)
{
  int found[JX_PRJ_N_COLUMNS];
  gboolean details = FALSE;

  for (guint f = 0; f < JX_PRJ_N_COLUMNS; f++)
    found[f] = -1;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *unit = NULL;
      g_autofree char *word = header_word (cells[i].text, &unit);
      guint month = month_header (word);
      int f = month > 0 ? (int) (JX_PRJ_MONTH_1 + month - 1)
                        : lookup (project_aliases, G_N_ELEMENTS (project_aliases), word);

      if (f < 0 || found[f] >= 0)
        continue;
      found[f] = (int) i;
      details |= f != JX_PRJ_CODE && f != JX_PRJ_NAME;
      if (f >= JX_PRJ_TOTAL && f <= JX_PRJ_OTHER && unit != NULL && r->money_unit == NULL)
        r->money_unit = g_steal_pointer (&unit);
    }
  if ((found[JX_PRJ_CODE] < 0 && found[JX_PRJ_NAME] < 0) || !details)
    return FALSE;
  memcpy (r->prj, found, sizeof found);
  return TRUE;
}

static gboolean
find_department_header (Reader *r, const JxCell *cells, guint n)
{
  r->key = r->heading = r->text = -1;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *word = header_word (cells[i].text, NULL);

      if (g_str_equal (word, JX_DEPT_COLUMN_KEY) && r->key < 0)
        r->key = (int) i;
      else if (g_str_equal (word, JX_DEPT_COLUMN_HEADING) && r->heading < 0)
        r->heading = (int) i;
      else if (g_str_equal (word, JX_DEPT_COLUMN_TEXT) && r->text < 0)
        r->text = (int) i;
    }
  return r->key >= 0 && r->text >= 0;
}

/* "项目编码：130281…" in one cell, or "项目编码" and the code in the next. */
static char *
label_value (const JxCell *cells, guint n, guint i, const char * const *labels)
{
  g_autofree char *text = clean (cells[i].text, TRUE);

  for (guint l = 0; labels[l] != NULL; l++)
    {
      const char *rest;

      if (!g_str_has_prefix (text, labels[l]))
        continue;
      rest = text + strlen (labels[l]);
      while (*rest && (is_space (g_utf8_get_char (rest)) || g_str_has_prefix (rest, "：") ||
                       *rest == ':'))
        rest = g_utf8_next_char (rest);
      if (*rest != '\0')
        return g_strdup (rest);
      for (guint j = i + 1; j < n; j++)
        if (cells[j].kind != JX_CELL_EMPTY)
          return clean (cells[j].text, TRUE);
    }
  return NULL;
}

static void
note_labels (Reader *r, const JxCell *cells, guint n)
{
  static const char * const code_labels[] = { "项目编码", "项目代码", NULL };
  static const char * const name_labels[] = { "项目名称", NULL };

  for (guint i = 0; i < n; i++)
    {
      char *code = r->label_code == NULL ? label_value (cells, n, i, code_labels) : NULL;
      char *name = r->label_name == NULL ? label_value (cells, n, i, name_labels) : NULL;

      if (code != NULL)
        r->label_code = code;
      if (name != NULL)
        r->label_name = name;
    }
}


static void
note_stage_columns (Reader *r, const JxCell *cells, guint n)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *place = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *word = header_word (cells[i].text, NULL);

      if (jx_import_is_stage_column (word))
        g_string_append_printf (names, "%s%s", names->len > 0 ? "、" : "", word);
    }
  if (names->len == 0)
    return;
  place = g_strdup_printf (_("sheet “%s”"), r->sheet);
  /* TRANSLATORS: the column headers, joined with 、 */
  jx_import_report_add (r->data->skipped, place,
                        _("the columns %s of the monitoring or the self-evaluation are not "
                          "imported; only the goals are"), names->str);
}

static void
search_header (Reader *r, guint row, const JxCell *cells, guint n)
{
  if (row > JX_SHEET_HEADER_ROWS)
    {
      r->kind = SHEET_OTHER;
      return;
    }
  if (find_indicator_header (r, cells, n))
    r->kind = SHEET_INDICATORS;
  else if (find_project_header (r, cells, n))
    r->kind = SHEET_PROJECTS;
  else if (find_department_header (r, cells, n))
    r->kind = SHEET_DEPARTMENT;
  else
    {
      note_labels (r, cells, n);
      return;
    }
  set_header_texts (r, cells, n);
  if (r->kind != SHEET_DEPARTMENT)
    note_stage_columns (r, cells, n);
  r->n_read++;
  if (r->data->document == NULL && r->kind != SHEET_INDICATORS)
    {
      g_autofree char *place = g_strdup_printf (_("sheet “%s”"), r->sheet);

      jx_import_report_add (r->data->skipped, place, "%s",
                            _("projects’ funds, plans and goals and the department’s texts are "
                              "read only when the workbook is imported as a new document; "
                              "into an open one go only the indicator rows"));
      r->kind = SHEET_OTHER;
    }
}

/* ---- Indicator rows ---- */

/* Into the data's chunk: repeated words once, other texts as they come. */
static const char *
keep (Reader *r, const char *text, gboolean repeated)
{
  if (text == NULL)
    return NULL;
  return repeated ? g_string_chunk_insert_const (r->data->strings, text)
                  : g_string_chunk_insert (r->data->strings, text);
}

static const char *
keep_owned (Reader *r, char *text, gboolean repeated)
{
  const char *kept = keep (r, text, repeated);

  g_free (text);
  return kept;
}

/* Names and categories are words: a number there is a column shifted or
 * a cell typed in the wrong place. A formula's error is never content. */
static gboolean
check_kinds (Reader *r, guint row, const JxCell * const *c, GError **error)
{
  static const int words[] = { JX_IND_PROJECT, JX_IND_LEVEL1, JX_IND_LEVEL2, JX_IND_NAME,
                               JX_IND_SYMBOL, JX_IND_UNIT };

  for (guint i = 0; i < JX_IND_N_COLUMNS; i++)
    if (c[i]->kind == JX_CELL_ERROR)
      return fail_cell (r, error, row, r->ind[i],
                        _("the cell shows the error %s of a formula, not a value. Correct the "
                          "formula or type the value."), c[i]->text);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (c[words[i]]->kind == JX_CELL_NUMBER)
      return fail_cell (r, error, row, r->ind[words[i]],
                        _("the cell holds the number %s where a name is expected. Check that "
                          "the columns are where their headers say."), c[words[i]]->text);
  if (c[JX_IND_CODE]->kind == JX_CELL_NUMBER && strchr (c[JX_IND_CODE]->text, 'E') != NULL)
    return fail_cell (r, error, row, r->ind[JX_IND_CODE],
                      _("the 项目编码 is stored as a number and has lost its digits (%s). Format "
                        "the column as text and enter the codes again."), c[JX_IND_CODE]->text);
  return TRUE;
}

/* A blank 项目 cell means the project above; a blank 二级指标 the one
 * above only under the same 一级指标. */
static void
fill_down (Reader *r, char **f)
{
  if (f[0][0] == '\0' && f[1][0] == '\0')
    {
      g_free (f[0]), f[0] = g_strdup (r->above[0]);
      g_free (f[1]), f[1] = g_strdup (r->above[1]);
    }
  else if (f[0][0] == '\0' && g_str_equal (f[1], r->above[1]))
    g_free (f[0]), f[0] = g_strdup (r->above[0]);
  else if (f[1][0] == '\0' && g_str_equal (f[0], r->above[0]))
    g_free (f[1]), f[1] = g_strdup (r->above[1]);
  if (f[2][0] == '\0')
    {
      g_free (f[2]), f[2] = g_strdup (r->above[2]);
      if (f[3][0] == '\0')
        g_free (f[3]), f[3] = g_strdup (r->above[3]);
    }
  else if (f[3][0] == '\0' && g_str_equal (f[2], r->above[2]))
    g_free (f[3]), f[3] = g_strdup (r->above[3]);
}

static void
remember_above (Reader *r, char **f)
{
  for (guint i = 0; i < G_N_ELEMENTS (r->above); i++)
    {
      g_free (r->above[i]);
      r->above[i] = g_strdup (f[i]);
    }
}

/* A row without a 三级指标: a label row of categories (kept for the rows
 * below), or something else — a total, a note — that is left out. */
static void
skip_row (Reader *r, guint row, const JxCell * const *c, char **f)
{
  g_autofree char *place = NULL;
  g_autofree char *shown = NULL;
  const char *what = NULL;

  for (guint i = JX_IND_NAME + 1; i < JX_IND_N_COLUMNS && what == NULL; i++)
    if (c[i]->kind != JX_CELL_EMPTY && !c[i]->merged)
      what = c[i]->text;
  if (what == NULL)
    {
      remember_above (r, f);
      return;
    }
  place = row_place (r, row);
  shown = excerpt (what);
  jx_import_report_add (r->data->skipped, place,
                        _("no 三级指标, so “%s” is not an indicator; the row is left out"),
                        shown);
}

static gboolean
indicator_row (Reader *r, guint row, const JxCell *cells, guint n, GError **error)
{
  const JxCell *c[JX_IND_N_COLUMNS];
  char *f[4];
  JxIndicatorValue value;
  g_autoptr(GError) value_error = NULL;
  gboolean any = FALSE;
  JxSheetRow *out;

  for (guint i = 0; i < JX_IND_N_COLUMNS; i++)
    {
      c[i] = cell_at (cells, n, r->ind[i]);
      any |= c[i]->kind != JX_CELL_EMPTY;
    }
  if (!any)
    return TRUE;
  if (!check_kinds (r, row, c, error))
    return FALSE;
  f[0] = clean (c[JX_IND_CODE]->text, TRUE);
  f[1] = clean (c[JX_IND_PROJECT]->text, TRUE);
  f[2] = clean (c[JX_IND_LEVEL1]->text, TRUE);
  f[3] = clean (c[JX_IND_LEVEL2]->text, TRUE);
  fill_down (r, f);
  if (c[JX_IND_NAME]->kind == JX_CELL_EMPTY)
    {
      skip_row (r, row, c, f);
      for (guint i = 0; i < G_N_ELEMENTS (f); i++)
        g_free (f[i]);
      return TRUE;
    }
  remember_above (r, f);
  if (!jx_indicator_value_from_parts (c[JX_IND_SYMBOL]->text, c[JX_IND_VALUE]->text,
                                      c[JX_IND_UNIT]->text, &value, &value_error))
    {
      for (guint i = 0; i < G_N_ELEMENTS (f); i++)
        g_free (f[i]);
      return fail_cell (r, error, row, r->ind[JX_IND_VALUE], "%s", value_error->message);
    }
  out = g_new0 (JxSheetRow, 1);
  out->place = keep_owned (r, row_place (r, row), FALSE);
  out->sheet = keep (r, r->sheet, TRUE);
  out->label_code = keep (r, r->label_code, TRUE);
  out->label_name = keep (r, r->label_name, TRUE);
  out->code = keep_owned (r, f[0], TRUE);
  out->project = keep_owned (r, f[1], TRUE);
  out->level1 = keep_owned (r, f[2], TRUE);
  out->level2 = keep_owned (r, f[3], TRUE);
  out->name = keep_owned (r, clean (c[JX_IND_NAME]->text, TRUE), FALSE);
  out->value = keep_owned (r, jx_indicator_value_format (&value), TRUE);
  out->description = keep_owned (r, clean (c[JX_IND_DESCRIPTION]->text, FALSE), TRUE);
  out->basis = keep_owned (r, clean (c[JX_IND_BASIS]->text, FALSE), TRUE);
  out->has_description = r->ind[JX_IND_DESCRIPTION] >= 0;
  out->has_basis = r->ind[JX_IND_BASIS] >= 0;
  jx_indicator_value_clear (&value);
  g_ptr_array_add (r->data->rows, out);
  r->sheet_rows++;
  return TRUE;
}

/* ---- The 项目 sheet ---- */

/* An amount as the cell holds it (the number stored, to the 15 digits a
 * cell keeps) or as typed; an empty cell is none. */
static gboolean
read_amount (Reader *r, guint row, const JxCell *cells, guint n, int field, JxMoney *amount,
             gboolean *given, GError **error)
{
  const JxCell *cell = cell_at (cells, n, r->prj[field]);
  g_autoptr(GError) parse_error = NULL;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  const char *text = cell->text;

  *given = cell->kind != JX_CELL_EMPTY;
  *amount = 0;
  if (!*given)
    return TRUE;
  /* A stored number is exact to the millionth, or off by the float noise
   * of a sum (0.30000000000000004). */
  if (cell->kind == JX_CELL_NUMBER &&
      (jx_money_from_double (cell->number, amount) ||
       (fabs (cell->number - round (cell->number * 1e6) / 1e6) < 1e-9 * MAX (1, fabs (cell->number)) &&
        jx_money_from_double (round (cell->number * 1e6) / 1e6, amount))))
    return TRUE;
  if (cell->kind == JX_CELL_NUMBER)
    text = g_ascii_formatd (buffer, sizeof buffer, "%.15g", cell->number);
  if (jx_money_parse (text, amount, &parse_error))
    return TRUE;
  return fail_cell (r, error, row, r->prj[field], _("“%s” is not an amount: %s"), cell->text,
                    parse_error->message);
}

static gboolean
read_funds (Reader *r, guint row, const JxCell *cells, guint n, JxProject *project,
            GError **error)
{
  JxMoney total, fiscal, other;
  gboolean has_total, has_fiscal, has_other;
  g_autofree char *t = NULL, *a = NULL, *b = NULL;

  if (!read_amount (r, row, cells, n, JX_PRJ_TOTAL, &total, &has_total, error) ||
      !read_amount (r, row, cells, n, JX_PRJ_FISCAL, &fiscal, &has_fiscal, error) ||
      !read_amount (r, row, cells, n, JX_PRJ_OTHER, &other, &has_other, error))
    return FALSE;
  /* 预算数 alone is all 财政资金. */
  if (has_total && !has_fiscal && !has_other)
    fiscal = total;
  else if (has_total && total != fiscal + other)
    {
      t = jx_money_format (total), a = jx_money_format (fiscal), b = jx_money_format (other);
      return fail_cell (r, error, row, r->prj[JX_PRJ_TOTAL],
                        _("the 预算数 %s is not 财政资金 %s plus 其他资金 %s."), t, a, b);
    }
  jx_project_set_fiscal (project, fiscal);
  jx_project_set_other (project, other);
  return TRUE;
}

static gboolean
read_plan (Reader *r, guint row, const JxCell *cells, guint n, JxProject *project,
           GError **error)
{
  GListStore *plan = G_LIST_STORE (jx_project_get_spending_plan (project));

  for (guint month = 1; month <= 12; month++)
    {
      int col = r->prj[JX_PRJ_MONTH_1 + month - 1];
      const JxCell *cell = cell_at (cells, n, col);
      g_autofree char *text = jx_value_normalize (cell->text);
      g_autoptr(JxCheckpoint) point = NULL;
      double percent;
      char *end;

      if (cell->kind == JX_CELL_EMPTY)
        continue;
      /* "30%" as typed or as a percent format shows 0.3; 30 as a number. */
      if (g_str_has_suffix (text, "%"))
        text[strlen (text) - 1] = '\0';
      percent = g_ascii_strtod (text, &end);
      if (text[0] == '\0' || *end != '\0' || !isfinite (percent) || percent < 0 || percent > 100)
        return fail_cell (r, error, row, col,
                          _("“%s” is not a share of the budget from 0 to 100%%."), cell->text);
      point = jx_checkpoint_new (month, percent);
      g_list_store_append (plan, point);
    }
  return TRUE;
}

static void
add_goal (JxProject *project, const char *goal)
{
  g_autoptr(JxTextItem) item = NULL;

  if (goal[0] == '\0')
    return;
  item = jx_text_item_new (goal);
  g_list_store_append (G_LIST_STORE (jx_project_get_goals (project)), item);
}

/* One goal a line, numbering typed before them taken away: the printed
 * table numbers them itself. "1.…；2.…" typed in one line is as many
 * goals. */
static void
read_goals (const char *text, JxProject *project)
{
  g_autofree char *plain = clean (text, FALSE);
  g_auto(GStrv) lines = g_strsplit (plain, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = clean (lines[i], TRUE);
      g_autofree char *goal = jx_numbering_strip (line);
      g_auto(GStrv) items = jx_numbering_split_inline (line);

      if (items == NULL)
        add_goal (project, goal);
      for (guint k = 0; items != NULL && items[k] != NULL; k++)
        add_goal (project, items[k]);
    }
}

static gboolean
project_row (Reader *r, guint row, const JxCell *cells, guint n, GError **error)
{
  const int text_fields[] = { JX_PRJ_CODE, JX_PRJ_NAME, JX_PRJ_USAGE, JX_PRJ_GOALS,
                              JX_PRJ_OVERVIEW_DESCRIPTION, JX_PRJ_OVERVIEW_GOAL,
                              JX_PRJ_OVERVIEW_SUMMARY };
  g_autofree char *code = clean (cell_at (cells, n, r->prj[JX_PRJ_CODE])->text, TRUE);
  g_autofree char *name = clean (cell_at (cells, n, r->prj[JX_PRJ_NAME])->text, TRUE);
  g_autoptr(JxProject) project = NULL;
  g_autofree char *usage = NULL, *description = NULL, *goal = NULL, *summary = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (cell_at (cells, n, r->prj[text_fields[i]])->kind == JX_CELL_ERROR)
      return fail_cell (r, error, row, r->prj[text_fields[i]],
                        _("the cell shows the error %s of a formula, not a value. Correct the "
                          "formula or type the value."),
                        cell_at (cells, n, r->prj[text_fields[i]])->text);
  if (code[0] == '\0' && name[0] == '\0')
    {
      g_autofree char *place = row_place (r, row);

      jx_import_report_add (r->data->skipped, place, "%s",
                            _("no 项目编码 and no 项目名称, so the row is not a project; it is "
                              "left out"));
      return TRUE;
    }
  project = jx_project_new (code, name);
  if (!read_funds (r, row, cells, n, project, error) ||
      !read_plan (r, row, cells, n, project, error))
    return FALSE;
  usage = clean (cell_at (cells, n, r->prj[JX_PRJ_USAGE])->text, FALSE);
  description = clean (cell_at (cells, n, r->prj[JX_PRJ_OVERVIEW_DESCRIPTION])->text, FALSE);
  goal = clean (cell_at (cells, n, r->prj[JX_PRJ_OVERVIEW_GOAL])->text, FALSE);
  summary = clean (cell_at (cells, n, r->prj[JX_PRJ_OVERVIEW_SUMMARY])->text, FALSE);
  jx_project_set_usage (project, usage);
  jx_project_set_overview_description (project, description);
  jx_project_set_overview_goal (project, goal);
  jx_project_set_overview_indicator_summary (project, summary);
  read_goals (cell_at (cells, n, r->prj[JX_PRJ_GOALS])->text, project);
  g_list_store_append (G_LIST_STORE (jx_document_get_projects (r->data->document)), project);
  r->sheet_rows++;
  return TRUE;
}

/* ---- The 部门 sheet ---- */

static gboolean
read_year (Reader *r, guint row, const JxCell *cell, GError **error)
{
  g_autofree char *text = jx_value_normalize (cell->text);
  guint64 year;
  char *end;

  if (g_str_has_suffix (text, "年"))
    text[strlen (text) - strlen ("年")] = '\0';
  year = g_ascii_strtoull (text, &end, 10);
  if (text[0] == '\0' || *end != '\0' || year < JX_YEAR_MIN || year > JX_YEAR_MAX)
    return fail_cell (r, error, row, r->text,
                      _("“%s” is not a budget year from %d to %d."), cell->text, JX_YEAR_MIN,
                      JX_YEAR_MAX);
  jx_document_set_year (r->data->document, (guint) year);
  return TRUE;
}

static gboolean
read_draft (Reader *r, guint row, const char *text, GError **error)
{
  static const char * const yes[] = { "是", "TRUE", "true", "1", "草案", NULL };
  static const char * const no[] = { "否", "FALSE", "false", "0", "", NULL };

  if (g_strv_contains (yes, text) || g_strv_contains (no, text))
    {
      jx_document_set_draft (r->data->document, g_strv_contains (yes, text));
      return TRUE;
    }
  return fail_cell (r, error, row, r->text, _("“%s” is neither 是 nor 否."), text);
}

static gboolean
is_department_key (const char *key)
{
  static const char * const keys[] = {
    JX_DEPT_NAME, JX_DEPT_UNIT_CODE, JX_DEPT_UNIT_NAME, JX_DEPT_COMPILER, JX_DEPT_REVIEWER,
    JX_DEPT_YEAR, JX_DEPT_TITLE, JX_DEPT_DRAFT, JX_DEPT_MONEY_UNIT, JX_DEPT_SUMMARY, NULL
  };

  return g_strv_contains (keys, key);
}

static gboolean
department_row (Reader *r, guint row, const JxCell *cells, guint n, GError **error)
{
  JxDocument *document = r->data->document;
  JxDepartment *department = jx_document_get_department (document);
  g_autofree char *key = clean (cell_at (cells, n, r->key)->text, TRUE);
  g_autofree char *heading = clean (cell_at (cells, n, r->heading)->text, FALSE);
  const JxCell *cell = cell_at (cells, n, r->text);
  g_autofree char *text = clean (cell->text, FALSE);
  g_autofree char *word = clean (cell->text, TRUE);

  if (g_str_equal (key, JX_DEPT_POINT))
    {
      g_autoptr(JxTextItem) point = jx_text_item_new (text);

      g_list_store_append (G_LIST_STORE (jx_document_get_points (document)), point);
      return TRUE;
    }
  if (g_str_equal (key, JX_DEPT_MEASURE))
    {
      g_autoptr(JxMeasure) measure = jx_measure_new (heading, text);

      g_list_store_append (G_LIST_STORE (jx_document_get_measures (document)), measure);
      return TRUE;
    }
  if (key[0] == '\0' || !is_department_key (key))
    {
      g_autofree char *place = row_place (r, row);
      g_autofree char *shown = excerpt (key[0] != '\0' ? key : text);

      jx_import_report_add (r->data->skipped, place,
                            _("“%s” is not an item of the 部门 sheet; the row is left out"),
                            shown);
      return TRUE;
    }
  if (g_hash_table_contains (r->department_keys, key))
    return fail_cell (r, error, row, r->key, _("“%s” is given twice."), key);
  g_hash_table_add (r->department_keys, g_strdup (key));
  if (g_str_equal (key, JX_DEPT_NAME))
    jx_department_set_name (department, word);
  else if (g_str_equal (key, JX_DEPT_UNIT_CODE))
    jx_department_set_unit_code (department, word);
  else if (g_str_equal (key, JX_DEPT_UNIT_NAME))
    jx_department_set_unit_name (department, word);
  else if (g_str_equal (key, JX_DEPT_COMPILER))
    jx_department_set_compiler (department, word);
  else if (g_str_equal (key, JX_DEPT_REVIEWER))
    jx_department_set_reviewer (department, word);
  else if (g_str_equal (key, JX_DEPT_YEAR))
    return read_year (r, row, cell, error);
  else if (g_str_equal (key, JX_DEPT_TITLE))
    jx_document_set_title (document, word[0] != '\0' ? word : JX_DEFAULT_TITLE);
  else if (g_str_equal (key, JX_DEPT_DRAFT))
    return read_draft (r, row, word, error);
  else if (g_str_equal (key, JX_DEPT_MONEY_UNIT))
    jx_document_set_money_unit (document, word[0] != '\0' ? word : JX_DEFAULT_UNIT);
  else
    jx_document_set_summary (document, text);
  return TRUE;
}

/* ---- Sheets ---- */

static void
note_first_only (Reader *r)
{
  for (guint i = 0; i + 1 < r->first_only->len; i += 2)
    jx_import_report_add (r->data->skipped, g_ptr_array_index (r->first_only, i),
                          _("only its first column has text (“%s”); the row is left out"),
                          (const char *) g_ptr_array_index (r->first_only, i + 1));
  g_ptr_array_set_size (r->first_only, 0);
}

/* An indicator row read: what stood above it in the first column alone
 * was a label of the rows below (a section row), not a note. */
static gboolean
first_only_row (Reader *r, guint row, const JxCell *cells, guint n, GError **error)
{
  guint rows = r->sheet_rows;
  guint notes = jx_import_report_get_n_notes (r->data->skipped);
  guint first = 0;
  gboolean alone;

  /* The table's first column: its header's first cell. */
  while (first < r->headers->len && ((const char *) g_ptr_array_index (r->headers, first))[0] == '\0')
    first++;
  alone = n - 1 <= first && !cells[n - 1].merged;
  for (guint i = 0; i + 1 < n; i++)
    alone &= cells[i].kind == JX_CELL_EMPTY;

  if (!indicator_row (r, row, cells, n, error))
    return FALSE;
  if (r->sheet_rows > rows)
    g_ptr_array_set_size (r->first_only, 0);
  else if (alone && jx_import_report_get_n_notes (r->data->skipped) == notes)
    {
      g_ptr_array_add (r->first_only, row_place (r, row));
      g_ptr_array_add (r->first_only, excerpt (cells[0].text));
    }
  return TRUE;
}

static void
finish_sheet (Reader *r)
{
  g_autofree char *place = NULL;

  if (r->sheet == NULL)
    return;
  note_first_only (r);
  place = g_strdup_printf (_("sheet “%s”"), r->sheet);
  if (r->kind == SHEET_SEARCHING || (r->kind == SHEET_OTHER && r->headers->len == 0))
    {
      g_ptr_array_add (r->unread, g_strdup (r->sheet));
      jx_import_report_add (r->data->skipped, place,
                            _("no header row naming 一级指标, 二级指标, 三级指标 and 指标值 in its "
                              "first %d rows; the sheet is not read"), JX_SHEET_HEADER_ROWS);
    }
  else if (r->kind == SHEET_INDICATORS && r->sheet_rows == 0)
    jx_import_report_add (r->data->skipped, place, "%s",
                          _("the sheet has a header row but no indicator rows below it"));
  g_clear_pointer (&r->sheet, g_free);
  g_clear_pointer (&r->label_code, g_free);
  g_clear_pointer (&r->label_name, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (r->above); i++)
    g_free (r->above[i]), r->above[i] = g_strdup ("");
  g_ptr_array_set_size (r->headers, 0);
}

static gboolean
sheet_cb (const char *name, gpointer user_data, GError **error)
{
  Reader *r = user_data;

  finish_sheet (r);
  r->sheet = g_strdup (name);
  r->kind = SHEET_SEARCHING;
  r->sheet_rows = 0;
  return TRUE;
}

static gboolean
row_cb (guint row, const JxCell *cells, guint n, gpointer user_data, GError **error)
{
  Reader *r = user_data;

  switch (r->kind)
    {
    case SHEET_SEARCHING:
      search_header (r, row, cells, n);
      return TRUE;
    case SHEET_INDICATORS:
      return first_only_row (r, row, cells, n, error);
    case SHEET_PROJECTS:
      return project_row (r, row, cells, n, error);
    case SHEET_DEPARTMENT:
      return department_row (r, row, cells, n, error);
    case SHEET_OTHER:
    default:
      return TRUE;
    }
}

static void
reader_init (Reader *r, JxSheetData *data)
{
  memset (r, 0, sizeof *r);
  r->data = data;
  r->headers = g_ptr_array_new_with_free_func (g_free);
  r->unread = g_ptr_array_new_with_free_func (g_free);
  r->first_only = g_ptr_array_new_with_free_func (g_free);
  r->department_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (r->above); i++)
    r->above[i] = g_strdup ("");
}

static void
reader_clear (Reader *r)
{
  g_free (r->sheet);
  g_free (r->label_code);
  g_free (r->label_name);
  for (guint i = 0; i < G_N_ELEMENTS (r->above); i++)
    g_free (r->above[i]);
  g_ptr_array_unref (r->headers);
  g_ptr_array_unref (r->unread);
  g_ptr_array_unref (r->first_only);
  g_free (r->money_unit);
  g_hash_table_unref (r->department_keys);
}

/* After the last sheet: a file with no sheet Jixiao could read says which
 * headers were looked for. */
static gboolean
finish (Reader *r, GError **error)
{
  const char *unit;

  finish_sheet (r);
  if (r->n_read == 0)
    {
      g_autoptr(GString) sheets = g_string_new (NULL);

      for (guint i = 0; i < r->unread->len; i++)
        g_string_append_printf (sheets, "%s“%s”", i > 0 ? "、" : "",
                                (char *) g_ptr_array_index (r->unread, i));
      g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_EMPTY,
                   _("No sheet has a header row naming the indicator columns in its first %d "
                     "rows (sheets looked at: %s). Jixiao looks for 一级指标, 二级指标, 三级指标 "
                     "(or 三级指标名称, 指标名称) and 指标值 (or 年度指标值); it also reads "
                     "计算符号 or 指标性质, 计量单位 or 度量单位, 绩效指标描述 or 指标解释, "
                     "指标值确定依据, 项目编码 and 项目名称."),
                   JX_SHEET_HEADER_ROWS, sheets->str);
      return FALSE;
    }
  unit = r->data->document != NULL ? jx_document_get_money_unit (r->data->document) : NULL;
  if (unit != NULL && r->money_unit != NULL && !g_str_equal (unit, r->money_unit))
    {
      g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_CONTENT,
                   _("The 项目 sheet gives its amounts in %s, but the document’s 金额单位 is %s: "
                     "correct the headers or the 金额单位."), r->money_unit, unit);
      return FALSE;
    }
  return TRUE;
}

static const JxSheetCallbacks callbacks = { sheet_cb, row_cb };

void
jx_sheet_data_init (JxSheetData *data,
                    gboolean     whole_document)
{
  data->rows = g_ptr_array_new_with_free_func (g_free);
  data->strings = g_string_chunk_new (64 * 1024);
  data->skipped = jx_import_report_new ();
  data->document = whole_document ? jx_document_new () : NULL;
}

void
jx_sheet_data_clear (JxSheetData *data)
{
  g_clear_pointer (&data->rows, g_ptr_array_unref);
  g_clear_pointer (&data->strings, g_string_chunk_free);
  g_clear_pointer (&data->skipped, jx_import_report_unref);
  g_clear_object (&data->document);
}

gboolean
jx_sheet_data_read_xlsx (JxSheetData   *data,
                         GsfInfile     *zip,
                         guint64        file_size,
                         GCancellable  *cancellable,
                         GError       **error)
{
  JxImportBudget budget;
  Reader r;
  gboolean ok;

  jx_import_budget_init (&budget, file_size, cancellable);
  reader_init (&r, data);
  ok = jx_sheet_read_xlsx (zip, &budget, &callbacks, &r, error) && finish (&r, error);
  reader_clear (&r);
  return ok;
}

gboolean
jx_sheet_data_read_csv (JxSheetData   *data,
                        const char    *text,
                        gsize          length,
                        const char    *sheet_name,
                        GCancellable  *cancellable,
                        GError       **error)
{
  Reader r;
  gboolean ok;

  reader_init (&r, data);
  ok = jx_sheet_read_csv (text, length, sheet_name, &callbacks, &r, cancellable, error) &&
       finish (&r, error);
  reader_clear (&r);
  return ok;
}

/* The sheet of a CSV file is named like the file, as Excel names it. */
static char *
sheet_name_of (const char *name)
{
  g_autofree char *base = g_path_get_basename (name != NULL ? name : "CSV");
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_filename_display_name (base);
}

gboolean
jx_sheet_data_read (JxSheetData   *data,
                    GBytes        *bytes,
                    const char    *name,
                    GCancellable  *cancellable,
                    GError       **error)
{
  gsize size;
  const guint8 *bytes_data = g_bytes_get_data (bytes, &size);
  g_autoptr(GError) zip_error = NULL;
  g_autofree char *sheet = NULL;
  GsfInput *input;
  GsfInfile *zip;
  gboolean ok;

  if (size < 4 || memcmp (bytes_data, "PK\003\004", 4) != 0)
    {
      sheet = sheet_name_of (name);
      return jx_sheet_data_read_csv (data, (const char *) bytes_data, size, sheet, cancellable,
                                     error);
    }
  input = gsf_input_memory_new (bytes_data, (gsf_off_t) size, FALSE);
  zip = gsf_infile_zip_new (input, &zip_error);
  g_object_unref (input);
  if (zip == NULL)
    {
      g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_DAMAGED,
                   _("The file starts like an Excel workbook but its zip container is damaged "
                     "(%s). Open it in WPS or Excel and save it again."),
                   zip_error != NULL ? zip_error->message : "?");
      return FALSE;
    }
  ok = jx_sheet_data_read_xlsx (data, zip, size, cancellable, error);
  g_object_unref (zip);
  return ok;
}
