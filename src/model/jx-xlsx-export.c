/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "jx-checkpoint.h"
#include "jx-categories.h"
#include "jx-file.h"
#include "jx-indicator-value.h"
#include "jx-indicator.h"
#include "jx-measure.h"
#include "jx-scoring.h"
#include "jx-sheet-private.h"
#include "jx-text-item.h"
#include "jx-xlsx.h"

/* The workbook a clerk sends to the finance bureau or loads into the
 * budget system: one row per indicator or project, header row frozen and
 * printed on every page, drop-down lists with the standard categories. */

const char * const jx_indicator_column_names[JX_IND_N_COLUMNS] = {
  "项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位",
  "绩效指标描述", "指标值确定依据",
};

const char * const jx_project_column_names[JX_PRJ_N_COLUMNS] = {
  "项目编码", "项目名称", "预算数", "财政资金", "其他资金", "资金用途",
  "1月底", "2月底", "3月底", "4月底", "5月底", "6月底", "7月底", "8月底", "9月底", "10月底",
  "11月底", "12月底", "绩效目标", "分项说明", "分项绩效目标", "分项绩效指标",
};

/* Column widths in Excel's units (about one digit of the default font):
 * text is measured, a Chinese character counting two, and longer text
 * wraps at the column's cap, chosen so that the indicator sheet prints
 * on A4 landscape at a readable size. */
#define WIDTH_MIN  6.0
#define MAX_COLUMNS 32
/* Points a line of wrapped text takes at the default font size; Excel's
 * tallest row. */
#define LINE_HEIGHT 15.0
#define ROW_MAX_HEIGHT 409.0

static const double indicator_caps[JX_IND_N_COLUMNS] = { 24, 22, 10, 14, 24, 8, 14, 9, 28, 22 };
static const double project_caps[JX_PRJ_N_COLUMNS] = {
  24, 22, 17, 17, 17, 36, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 36, 36, 30, 30,
};
static const double department_caps[] = { 16, 24, 80 };

/* The largest number a cell holds digit for digit: Excel keeps 15. */
#define NUMBER_MAX_DIGITS 15

typedef struct
{
  lxw_workbook  *book;
  lxw_format    *header;
  lxw_format    *text;
  lxw_format    *money;
  lxw_format    *general;
  GHashTable    *number_formats;  /* number format code → lxw_format* */
  JxDocument    *document;
  JxStage        stage;           /* whose columns follow the goal columns */
  char          *period;          /* monitoring: "1–X月" */
  const char    *target;          /* for messages */
  GError       **error;
} Writer;

typedef struct _Sheet Sheet;
/* Puts every data row of a sheet, ending each with end_row (). */
typedef gboolean (*RowsFunc) (Sheet *s);

typedef struct
{
  const char         *name;
  const char * const *headers;
  const double       *caps;
  guint               n_columns;
  gboolean            fit;        /* shrink to the page's width */
  RowsFunc            rows;
} SheetSpec;

/* Each sheet's rows are gone through twice: once to measure (column widths
 * depend on every row, and a row's height on the widths), once to write. */
struct _Sheet
{
  Writer          *writer;
  const SheetSpec *spec;
  lxw_worksheet   *sheet;
  gboolean         measuring;
  double           widths[MAX_COLUMNS];
  lxw_row_t        row;
  guint            row_lines;
};

/* The width of one character in the units of column widths. Below U+1100
 * nothing is wide; above, CJK ideographs and punctuation (and the marks of
 * ambiguous width, which Chinese fonts draw wide) take two digits' room. */
static double
char_width (const char **p)
{
  const guchar *u = (const guchar *) *p;
  gunichar c;

  if (u[0] < 0x80)
    {
      (*p)++;
      return 1.1;
    }
  /* Ideographs, CJK and full-width punctuation without a table search:
   * they are nearly all of a Chinese text. */
  if ((u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80)
    {
      c = ((gunichar) (u[0] & 0x0F) << 12) | ((gunichar) (u[1] & 0x3F) << 6) | (u[2] & 0x3F);
      if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303F) ||
          (c >= 0xFF01 && c <= 0xFF60))
        {
          *p += 3;
          return 2.1;
        }
    }
  c = g_utf8_get_char (*p);
  *p = g_utf8_next_char (*p);
  return c >= 0x1100 && g_unichar_iswide_cjk (c) ? 2.1 : 1.1;
}

/* The widest line of text and, when it wraps in a column of width (0: it
 * does not), how many lines it takes. One pass, no copies: it runs on
 * every cell twice. */
static double
measure (const char *text, double width, guint *lines)
{
  double usable = MAX (width - 1.5, 1);
  double widest = 0, line = 0;

  if (lines != NULL)
    *lines = 0;
  for (const char *p = text;;)
    {
      if (*p == '\n' || *p == '\0')
        {
          widest = MAX (widest, line);
          if (lines != NULL)
            *lines += MAX (1, (guint) ((line + usable - 0.01) / usable));
          if (*p++ == '\0')
            break;
          line = 0;
          continue;
        }
      line += char_width (&p);
    }
  return widest;
}

static double
text_width (const char *text)
{
  return measure (text, 0, NULL);
}

/* The library's own words are for programmers; a full disk or a missing
 * folder is said the way the system says it. */
static gboolean
fail_lxw (Writer *w, lxw_error status)
{
  int saved = errno;
  g_autofree char *display = NULL;

  if (w->error == NULL || *w->error != NULL)
    return FALSE;
  display = g_filename_display_name (w->target);
  if (saved != 0 && (status == LXW_ERROR_CREATING_XLSX_FILE ||
                     status == LXW_ERROR_CREATING_TMPFILE ||
                     status == LXW_ERROR_READING_TMPFILE ||
                     (status >= LXW_ERROR_ZIP_FILE_OPERATION && status <= LXW_ERROR_ZIP_CLOSE)))
    g_set_error (w->error, G_IO_ERROR, g_io_error_from_errno (saved),
                 _("Could not write “%s”: %s"), display, g_strerror (saved));
  else
    g_set_error (w->error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("Could not write “%s”: the workbook could not be made (%s)"), display,
                 lxw_strerror (status));
  return FALSE;
}

static void
note_width (Sheet *s, lxw_col_t col, double width)
{
  s->widths[col] = MAX (s->widths[col], MIN (width + 2, s->spec->caps[col]));
}

/* How many lines text takes when it wraps in a column of width. No
 * character is wider than 1.1 a byte: a short text is one line without
 * being measured. */
static guint
count_lines (const char *text, double width)
{
  gsize bytes = strlen (text);
  guint lines;

  if (bytes * 1.1 <= width - 1.5 && memchr (text, '\n', bytes) == NULL)
    return 1;
  measure (text, width, &lines);
  return lines;
}

static gboolean
check_length (Sheet *s, lxw_col_t col, const char *text)
{
  if (strlen (text) <= JX_XLSX_CELL_MAX_CHARS || g_utf8_strlen (text, -1) <= JX_XLSX_CELL_MAX_CHARS)
    return TRUE;
  /* TRANSLATORS: sheet name, row number, column header, characters */
  g_set_error (s->writer->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("Sheet “%s”, row %u, column “%s”: the text is longer than a spreadsheet "
                 "cell holds (%d characters). Shorten it before exporting."),
               s->spec->name, (guint) s->row + 1, s->spec->headers[col],
               JX_XLSX_CELL_MAX_CHARS);
  return FALSE;
}

static gboolean
put_text (Sheet *s, lxw_col_t col, const char *text)
{
  lxw_error status;

  if (text == NULL || text[0] == '\0')
    return TRUE;
  if (s->measuring)
    {
      note_width (s, col, text_width (text));
      return check_length (s, col, text);
    }
  /* Every text wraps, and its row is as high as its longest cell. */
  s->row_lines = MAX (s->row_lines, count_lines (text, s->widths[col]));
  status = worksheet_write_string (s->sheet, s->row, col, text, s->writer->text);
  return status == LXW_NO_ERROR || fail_lxw (s->writer, status);
}

static gboolean
end_row (Sheet *s)
{
  lxw_error status = LXW_NO_ERROR;

  if (!s->measuring && s->row_lines > 1)
    status = worksheet_set_row (s->sheet, s->row, MIN (s->row_lines * LINE_HEIGHT,
                                                       ROW_MAX_HEIGHT), NULL);
  s->row++;
  s->row_lines = 1;
  return status == LXW_NO_ERROR || fail_lxw (s->writer, status);
}

static gboolean
put_number (Sheet *s, lxw_col_t col, double number, lxw_format *format, const char *shown)
{
  lxw_error status;

  if (s->measuring)
    {
      note_width (s, col, text_width (shown));
      return TRUE;
    }
  status = worksheet_write_number (s->sheet, s->row, col, number, format);
  return status == LXW_NO_ERROR || fail_lxw (s->writer, status);
}

/* The number format that shows digits as they were written: "1346.0088"
 * as 0.0000, "1,200" as #,##0, "100" as 0. */
static lxw_format *
number_format (Writer *w, const char *digits)
{
  const char *point = strchr (digits, '.');
  guint decimals = point != NULL ? (guint) strlen (point + 1) : 0;
  g_autoptr(GString) code = g_string_new (strchr (digits, ',') != NULL ? "#,##0" : "0");
  lxw_format *format;

  if (decimals > 0)
    {
      g_string_append_c (code, '.');
      for (guint i = 0; i < decimals; i++)
        g_string_append_c (code, '0');
    }
  format = g_hash_table_lookup (w->number_formats, code->str);
  if (format == NULL)
    {
      format = workbook_add_format (w->book);
      format_set_num_format (format, code->str);
      format_set_border (format, LXW_BORDER_THIN);
      format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
      /* Beside the words of qualitative values, as the printed table has them. */
      format_set_align (format, LXW_ALIGN_LEFT);
      g_hash_table_insert (w->number_formats, g_strdup (code->str), format);
    }
  return format;
}

static guint
significant_digits (const char *digits)
{
  guint n = 0;
  gboolean leading = TRUE;

  for (const char *p = digits; *p; p++)
    if (g_ascii_isdigit (*p) && !(leading && *p == '0'))
      {
        leading = FALSE;
        n++;
      }
  return n;
}

/* A number cell when the value is numeric and a cell can hold its digits;
 * else the digits as text, which reads back the same. */
static gboolean
put_value_number (Sheet *s, lxw_col_t col, const char *digits)
{
  g_autofree char *plain = g_strdup (digits);
  char *q = plain;

  if (significant_digits (digits) > NUMBER_MAX_DIGITS)
    return put_text (s, col, digits);
  for (const char *p = digits; *p; p++)
    if (*p != ',')
      *q++ = *p;
  *q = '\0';
  return put_number (s, col, g_ascii_strtod (plain, NULL), number_format (s->writer, digits),
                     digits);
}

static gboolean
put_money (Sheet *s, lxw_col_t col, JxMoney amount)
{
  g_autofree char *shown = jx_money_format (amount);

  return put_number (s, col, jx_money_to_double (amount), s->writer->money, shown);
}

static gboolean
put_header (Sheet *s)
{
  const SheetSpec *spec = s->spec;

  for (guint col = 0; col < spec->n_columns; col++)
    {
      lxw_error status = worksheet_set_column (s->sheet, col, col, s->widths[col], NULL);

      if (status == LXW_NO_ERROR)
        status = worksheet_write_string (s->sheet, 0, col, spec->headers[col],
                                         s->writer->header);
      if (status != LXW_NO_ERROR)
        return fail_lxw (s->writer, status);
      s->row_lines = MAX (s->row_lines, count_lines (spec->headers[col], s->widths[col]));
    }
  return end_row (s);
}

/* A sheet with its header row: bold, frozen, printed on every page of A4
 * landscape. A sheet too wide for the page (fit FALSE) repeats its first
 * two columns on every page instead of shrinking. */
static gboolean
write_sheet (Writer *w, const SheetSpec *spec, Sheet *s)
{
  memset (s, 0, sizeof *s);
  s->writer = w;
  s->spec = spec;
  s->measuring = TRUE;
  s->row = 1;
  for (guint col = 0; col < spec->n_columns; col++)
    s->widths[col] = MIN (spec->caps[col], MAX (WIDTH_MIN, text_width (spec->headers[col]) + 3));
  if (!spec->rows (s))
    return FALSE;

  s->sheet = workbook_add_worksheet (w->book, spec->name);
  if (s->sheet == NULL)
    return fail_lxw (w, LXW_ERROR_MEMORY_MALLOC_FAILED);
  worksheet_set_landscape (s->sheet);
  worksheet_set_paper (s->sheet, 9);   /* A4 */
  worksheet_repeat_rows (s->sheet, 0, 0);
  if (spec->fit)
    worksheet_fit_to_pages (s->sheet, 1, 0);
  else
    worksheet_repeat_columns (s->sheet, 0, 1);
  worksheet_freeze_panes (s->sheet, 1, 0);
  s->measuring = FALSE;
  s->row = 0;
  s->row_lines = 1;
  if (!put_header (s) || !spec->rows (s))
    return FALSE;
  if (s->row > 1)
    worksheet_autofilter (s->sheet, 0, 0, s->row - 1, spec->n_columns - 1);
  return TRUE;
}

/* ---- 绩效指标 ---- */

static gboolean
add_list (Sheet *s, lxw_col_t col, const char * const *choices, gboolean strict,
          const char *message)
{
  lxw_data_validation validation = { 0 };
  lxw_error status;

  validation.validate = LXW_VALIDATION_TYPE_LIST;
  validation.value_list = (char **) choices;
  validation.error_type = strict ? LXW_VALIDATION_ERROR_TYPE_STOP
                                 : LXW_VALIDATION_ERROR_TYPE_WARNING;
  validation.error_title = (char *) s->spec->headers[col];
  validation.error_message = (char *) message;
  status = worksheet_data_validation_range (s->sheet, 1, col, LXW_ROW_MAX - 1, col, &validation);
  return status == LXW_NO_ERROR || fail_lxw (s->writer, status);
}

/* Every standard 二级指标 once, in the form's order. */
static const char * const *
all_level2 (void)
{
  static const char *names[64];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      guint n = 0;

      for (const char * const *l1 = jx_categories_level1 (); *l1 != NULL; l1++)
        for (const char * const *l2 = jx_categories_level2 (*l1); *l2 != NULL; l2++)
          if (n + 1 < G_N_ELEMENTS (names) && !g_strv_contains (names, *l2))
            names[n++] = *l2;
      g_once_init_leave (&done, 1);
    }
  return names;
}

static gboolean
add_indicator_lists (Sheet *s)
{
  static const char *symbols[] = { "≥", "≤", "=", ">", "<", "定性", NULL };

  /* The workbook speaks the document's language, like its headers. */
  return add_list (s, JX_IND_LEVEL1, jx_categories_level1 (), FALSE,
                   "不是标准的一级指标名称。") &&
         add_list (s, JX_IND_LEVEL2, all_level2 (), FALSE,
                   "不是标准的二级指标名称。") &&
         add_list (s, JX_IND_SYMBOL, symbols, TRUE,
                   "计算符号为 ≥、≤、=、>、< 或“定性”。");
}

/* ---- The stage columns, after the goal columns ---- */

enum
{
  IND_MON_ACTUAL = JX_IND_N_COLUMNS,
  IND_MON_EXPECTED,
  IND_MON_LIKELIHOOD,
  IND_MON_CAUSES,
  IND_MON_NOTE,
  IND_MON_MEASURES,
  IND_MON_END,
};

enum
{
  IND_EVAL_ACTUAL = JX_IND_N_COLUMNS,
  IND_EVAL_ACHIEVEMENT,
  IND_EVAL_WEIGHT,
  IND_EVAL_SCORE,
  IND_EVAL_ANALYSIS,
  IND_EVAL_END,
};

enum
{
  PRJ_MON_BUDGET = JX_PRJ_N_COLUMNS,
  PRJ_MON_PLANNED,
  PRJ_MON_EXECUTED,
  PRJ_MON_RATE,
  PRJ_MON_EXPECTED,
  PRJ_MON_EXPECTED_RATE,
  PRJ_MON_END,
};

enum
{
  PRJ_EVAL_BUDGET = JX_PRJ_N_COLUMNS,
  PRJ_EVAL_EXECUTED,
  PRJ_EVAL_RATE,
  PRJ_EVAL_EXECUTION_SCORE,
  PRJ_EVAL_TOTAL,
  PRJ_EVAL_GRADE,
  PRJ_EVAL_CONCLUSION,
  PRJ_EVAL_PROBLEMS,
  PRJ_EVAL_IMPROVEMENTS,
  PRJ_EVAL_END,
};

G_STATIC_ASSERT (PRJ_EVAL_END <= MAX_COLUMNS && PRJ_MON_END <= MAX_COLUMNS);

/* The words of the printed 绩效监控表 and 绩效自评表 (and 达成情况, which the
 * score of a qualitative row rests on); {period} is "1–6月", {month} the 6
 * of it, {unit} the document's money unit. */
static const char * const monitoring_indicator_names[] = {
  "{period}完成值", "全年预计完成情况", "完成目标可能性", "偏差原因", "原因说明", "改进措施",
};
static const double monitoring_indicator_caps[] = { 14, 14, 9, 14, 28, 28 };
static const char * const evaluation_indicator_names[] = {
  "实际完成值", "达成情况", "分值", "得分", "偏差原因分析及改进措施",
};
static const double evaluation_indicator_caps[] = { 14, 9, 7, 7, 36 };
static const char * const monitoring_project_names[] = {
  "调整后预算数（{unit}）", "{month}月底计划支出进度（%）", "{period}执行数（{unit}）",
  "{period}执行率（%）", "全年预计执行数（{unit}）", "全年预计执行率（%）",
};
static const double monitoring_project_caps[] = { 17, 12, 17, 12, 17, 12 };
static const char * const evaluation_project_names[] = {
  "全年预算数（{unit}）", "全年执行数（{unit}）", "执行率（%）", "预算执行得分", "总分", "评价等级",
  "评价结论", "存在问题", "改进措施",
};
static const double evaluation_project_caps[] = { 17, 17, 10, 9, 8, 8, 36, 36, 36 };

static gboolean
put_score (Sheet *s, lxw_col_t col, double points)
{
  g_autofree char *shown = jx_score_format (points);

  return put_number (s, col, g_ascii_strtod (shown, NULL), s->writer->general, shown);
}

/* A percent to 0.01 as the forms print it; nothing when it cannot be
 * computed. */
static gboolean
put_rate (Sheet *s, lxw_col_t col, double percent)
{
  char shown[G_ASCII_DTOSTR_BUF_SIZE];
  double rounded = round (percent * 100) / 100;

  if (percent < 0)
    return TRUE;
  g_ascii_formatd (shown, sizeof shown, "%.15g", rounded);
  return put_number (s, col, rounded, s->writer->general, shown);
}

static gboolean
put_amount (Sheet *s, lxw_col_t col, JxMoney amount)
{
  return amount < 0 || put_money (s, col, amount);
}

static gboolean
put_indicator_stage (Sheet *s, JxIndicator *indicator, const JxRowScore *score)
{
  if (s->writer->stage == JX_STAGE_MONITORING)
    {
      g_autofree char *causes = jx_causes_to_label (jx_indicator_get_monitoring_causes (indicator));

      return put_text (s, IND_MON_ACTUAL, jx_indicator_get_monitoring_actual (indicator)) &&
             put_text (s, IND_MON_EXPECTED, jx_indicator_get_monitoring_expected (indicator)) &&
             put_text (s, IND_MON_LIKELIHOOD,
                       jx_likelihood_to_label (jx_indicator_get_monitoring_likelihood (indicator))) &&
             put_text (s, IND_MON_CAUSES, causes) &&
             put_text (s, IND_MON_NOTE, jx_indicator_get_monitoring_cause_note (indicator)) &&
             put_text (s, IND_MON_MEASURES, jx_indicator_get_monitoring_measures (indicator));
    }
  if (s->writer->stage == JX_STAGE_EVALUATION)
    return put_text (s, IND_EVAL_ACTUAL, jx_indicator_get_evaluation_actual (indicator)) &&
           put_text (s, IND_EVAL_ACHIEVEMENT,
                     jx_achievement_to_label (jx_indicator_get_evaluation_achievement (indicator))) &&
           put_score (s, IND_EVAL_WEIGHT, score->weight) &&
           put_score (s, IND_EVAL_SCORE, score->score) &&
           put_text (s, IND_EVAL_ANALYSIS, jx_indicator_get_evaluation_analysis (indicator));
  return TRUE;
}

static gboolean
put_indicator (Sheet *s, JxProject *project, JxIndicator *indicator, const JxRowScore *score)
{
  JxIndicatorValue value;
  gboolean ok;

  jx_indicator_value_parse (jx_indicator_get_value (indicator), &value);
  ok = put_text (s, JX_IND_CODE, jx_project_get_code (project)) &&
       put_text (s, JX_IND_PROJECT, jx_project_get_name (project)) &&
       put_text (s, JX_IND_LEVEL1, jx_indicator_get_level1 (indicator)) &&
       put_text (s, JX_IND_LEVEL2, jx_indicator_get_level2 (indicator)) &&
       put_text (s, JX_IND_NAME, jx_indicator_get_name (indicator)) &&
       put_text (s, JX_IND_SYMBOL, jx_value_operator_symbol (value.op)) &&
       (value.op == JX_VALUE_QUALITATIVE ? put_text (s, JX_IND_VALUE, value.text)
                                         : put_value_number (s, JX_IND_VALUE, value.number) &&
                                           put_text (s, JX_IND_UNIT, value.unit)) &&
       put_text (s, JX_IND_DESCRIPTION, jx_indicator_get_description (indicator)) &&
       put_text (s, JX_IND_BASIS, jx_indicator_get_basis (indicator)) &&
       put_indicator_stage (s, indicator, score);
  jx_indicator_value_clear (&value);
  return ok && end_row (s);
}

static gboolean
indicator_rows (Sheet *s)
{
  GListModel *projects = jx_document_get_projects (s->writer->document);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);
      GListModel *indicators = jx_project_get_indicators (project);
      g_autoptr(JxProjectScore) score = NULL;

      if (s->writer->stage == JX_STAGE_EVALUATION)
        score = jx_project_score_new (project,
                                      jx_document_get_money_unit (s->writer->document));
      for (guint j = 0; j < g_list_model_get_n_items (indicators); j++)
        {
          g_autoptr(JxIndicator) indicator = g_list_model_get_item (indicators, j);

          if (!put_indicator (s, project, indicator, score != NULL ? &score->rows[j] : NULL))
            return FALSE;
        }
    }
  return TRUE;
}

/* The goal columns' names and caps, then those of the stage's columns. */
static void
add_columns (Writer *w, GPtrArray *names, double *caps, guint first,
             const char * const *stage_names, const double *stage_caps, guint n)
{
  g_autofree char *month = g_strdup_printf ("%u", jx_document_get_monitoring_month (w->document));

  for (guint i = 0; i < n; i++)
    {
      GString *name = g_string_new (stage_names[i]);

      g_string_replace (name, "{period}", w->period, 0);
      g_string_replace (name, "{month}", month, 0);
      g_string_replace (name, "{unit}", jx_document_get_money_unit (w->document), 0);
      g_ptr_array_add (names, g_string_free (name, FALSE));
      caps[first + i] = stage_caps[i];
    }
}

static gboolean
write_indicators (Writer *w)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  double caps[MAX_COLUMNS];
  SheetSpec spec = {
    JX_XLSX_SHEET_INDICATORS, NULL, caps, JX_IND_N_COLUMNS, TRUE, indicator_rows,
  };
  Sheet s;

  for (guint col = 0; col < JX_IND_N_COLUMNS; col++)
    {
      g_ptr_array_add (names, g_strdup (jx_indicator_column_names[col]));
      caps[col] = indicator_caps[col];
    }
  if (w->stage == JX_STAGE_MONITORING)
    add_columns (w, names, caps, JX_IND_N_COLUMNS, monitoring_indicator_names,
                 monitoring_indicator_caps, G_N_ELEMENTS (monitoring_indicator_names));
  else if (w->stage == JX_STAGE_EVALUATION)
    add_columns (w, names, caps, JX_IND_N_COLUMNS, evaluation_indicator_names,
                 evaluation_indicator_caps, G_N_ELEMENTS (evaluation_indicator_names));
  spec.headers = (const char * const *) names->pdata;
  spec.n_columns = names->len;
  return write_sheet (w, &spec, &s) && add_indicator_lists (&s);
}

/* ---- 项目 ---- */

static char *
join_goals (JxProject *project)
{
  GListModel *goals = jx_project_get_goals (project);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(JxTextItem) goal = g_list_model_get_item (goals, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, jx_text_item_get_text (goal));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
put_plan (Sheet *s, JxProject *project)
{
  GListModel *plan = jx_project_get_spending_plan (project);

  for (guint i = 0; i < g_list_model_get_n_items (plan); i++)
    {
      g_autoptr(JxCheckpoint) point = g_list_model_get_item (plan, i);
      double percent = jx_checkpoint_get_percent (point);
      char shown[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (shown, sizeof shown, "%.15g", percent);
      if (!put_number (s, JX_PRJ_MONTH_1 + jx_checkpoint_get_month (point) - 1, percent,
                       s->writer->general, shown))
        return FALSE;
    }
  return TRUE;
}

static gboolean
put_project_stage (Sheet *s, JxProject *project)
{
  Writer *w = s->writer;

  if (w->stage == JX_STAGE_MONITORING)
    {
      guint month = jx_document_get_monitoring_month (w->document);

      return put_amount (s, PRJ_MON_BUDGET, jx_project_get_monitoring_budget (project)) &&
             put_rate (s, PRJ_MON_PLANNED, jx_project_get_planned_percent (project, month, NULL)) &&
             put_amount (s, PRJ_MON_EXECUTED, jx_project_get_monitoring_executed (project)) &&
             put_rate (s, PRJ_MON_RATE, jx_project_get_monitoring_rate (project)) &&
             put_amount (s, PRJ_MON_EXPECTED, jx_project_get_monitoring_expected (project)) &&
             put_rate (s, PRJ_MON_EXPECTED_RATE,
                       jx_project_get_monitoring_expected_rate (project));
    }
  if (w->stage == JX_STAGE_EVALUATION)
    {
      g_autoptr(JxProjectScore) score =
        jx_project_score_new (project, jx_document_get_money_unit (w->document));

      return put_amount (s, PRJ_EVAL_BUDGET, score->budget) &&
             put_amount (s, PRJ_EVAL_EXECUTED, score->executed) &&
             put_rate (s, PRJ_EVAL_RATE, score->rate) &&
             put_score (s, PRJ_EVAL_EXECUTION_SCORE, score->execution_score) &&
             put_score (s, PRJ_EVAL_TOTAL, score->total) &&
             put_text (s, PRJ_EVAL_GRADE, jx_score_grade (score->total)) &&
             put_text (s, PRJ_EVAL_CONCLUSION, jx_project_get_evaluation_conclusion (project)) &&
             put_text (s, PRJ_EVAL_PROBLEMS, jx_project_get_evaluation_problems (project)) &&
             put_text (s, PRJ_EVAL_IMPROVEMENTS,
                       jx_project_get_evaluation_improvements (project));
    }
  return TRUE;
}

static gboolean
put_project (Sheet *s, JxProject *project)
{
  g_autofree char *goals = join_goals (project);
  gboolean ok;

  ok = put_text (s, JX_PRJ_CODE, jx_project_get_code (project)) &&
       put_text (s, JX_PRJ_NAME, jx_project_get_name (project)) &&
       put_money (s, JX_PRJ_TOTAL, jx_project_get_total (project)) &&
       put_money (s, JX_PRJ_FISCAL, jx_project_get_fiscal (project)) &&
       put_money (s, JX_PRJ_OTHER, jx_project_get_other (project)) &&
       put_text (s, JX_PRJ_USAGE, jx_project_get_usage (project)) &&
       put_plan (s, project) &&
       put_text (s, JX_PRJ_GOALS, goals) &&
       put_text (s, JX_PRJ_OVERVIEW_DESCRIPTION, jx_project_get_overview_description (project)) &&
       put_text (s, JX_PRJ_OVERVIEW_GOAL, jx_project_get_overview_goal (project)) &&
       put_text (s, JX_PRJ_OVERVIEW_SUMMARY,
                 jx_project_get_overview_indicator_summary (project)) &&
       put_project_stage (s, project);
  return ok && end_row (s);
}

static gboolean
project_rows (Sheet *s)
{
  GListModel *projects = jx_document_get_projects (s->writer->document);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);

      if (!put_project (s, project))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_projects (Writer *w)
{
  const char *unit = jx_document_get_money_unit (w->document);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  double caps[MAX_COLUMNS];
  SheetSpec spec = {
    JX_XLSX_SHEET_PROJECTS, NULL, caps, JX_PRJ_N_COLUMNS, FALSE, project_rows,
  };
  Sheet s;

  memcpy (caps, project_caps, sizeof project_caps);
  for (guint col = 0; col < JX_PRJ_N_COLUMNS; col++)
    {
      const char *name = jx_project_column_names[col];

      if (col >= JX_PRJ_TOTAL && col <= JX_PRJ_OTHER)
        g_ptr_array_add (names, g_strdup_printf ("%s（%s）", name, unit));
      else if (col >= JX_PRJ_MONTH_1 && col <= JX_PRJ_MONTH_12)
        g_ptr_array_add (names, g_strdup_printf ("%s（%%）", name));
      else
        g_ptr_array_add (names, g_strdup (name));
    }
  if (w->stage == JX_STAGE_MONITORING)
    add_columns (w, names, caps, JX_PRJ_N_COLUMNS, monitoring_project_names,
                 monitoring_project_caps, G_N_ELEMENTS (monitoring_project_names));
  else if (w->stage == JX_STAGE_EVALUATION)
    add_columns (w, names, caps, JX_PRJ_N_COLUMNS, evaluation_project_names,
                 evaluation_project_caps, G_N_ELEMENTS (evaluation_project_names));
  spec.headers = (const char * const *) names->pdata;
  spec.n_columns = names->len;
  return write_sheet (w, &spec, &s);
}

/* ---- 部门 ---- */

static gboolean
put_item (Sheet *s, const char *key, const char *heading, const char *text)
{
  return put_text (s, 0, key) && put_text (s, 1, heading) && put_text (s, 2, text) &&
         end_row (s);
}

static gboolean
put_part1 (Sheet *s, JxDocument *document)
{
  GListModel *points = jx_document_get_points (document);
  GListModel *measures = jx_document_get_measures (document);

  if (!put_item (s, JX_DEPT_SUMMARY, NULL, jx_document_get_summary (document)))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(JxTextItem) point = g_list_model_get_item (points, i);

      if (!put_item (s, JX_DEPT_POINT, NULL, jx_text_item_get_text (point)))
        return FALSE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(JxMeasure) measure = g_list_model_get_item (measures, i);

      if (!put_item (s, JX_DEPT_MEASURE, jx_measure_get_heading (measure),
                     jx_measure_get_body (measure)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
department_rows (Sheet *s)
{
  JxDocument *document = s->writer->document;
  JxDepartment *department = jx_document_get_department (document);
  char year[16];

  g_snprintf (year, sizeof year, "%u", jx_document_get_year (document));
  return put_item (s, JX_DEPT_NAME, NULL, jx_department_get_name (department)) &&
         put_item (s, JX_DEPT_UNIT_CODE, NULL, jx_department_get_unit_code (department)) &&
         put_item (s, JX_DEPT_UNIT_NAME, NULL, jx_department_get_unit_name (department)) &&
         put_item (s, JX_DEPT_COMPILER, NULL, jx_department_get_compiler (department)) &&
         put_item (s, JX_DEPT_REVIEWER, NULL, jx_department_get_reviewer (department)) &&
         put_item (s, JX_DEPT_YEAR, NULL, year) &&
         put_item (s, JX_DEPT_TITLE, NULL, jx_document_get_title (document)) &&
         put_item (s, JX_DEPT_DRAFT, NULL, jx_document_get_draft (document) ? "是" : "否") &&
         put_item (s, JX_DEPT_MONEY_UNIT, NULL, jx_document_get_money_unit (document)) &&
         put_part1 (s, document);
}

static gboolean
write_department (Writer *w)
{
  static const char * const headers[] = {
    JX_DEPT_COLUMN_KEY, JX_DEPT_COLUMN_HEADING, JX_DEPT_COLUMN_TEXT,
  };
  static const SheetSpec spec = {
    JX_XLSX_SHEET_DEPARTMENT, headers, department_caps, G_N_ELEMENTS (headers), TRUE,
    department_rows,
  };
  Sheet s;

  return write_sheet (w, &spec, &s);
}

/* ---- The workbook ---- */

static lxw_format *
cell_format (lxw_workbook *book)
{
  lxw_format *format = workbook_add_format (book);

  format_set_border (format, LXW_BORDER_THIN);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  return format;
}

static void
add_formats (Writer *w)
{
  w->header = workbook_add_format (w->book);
  format_set_bold (w->header);
  format_set_border (w->header, LXW_BORDER_THIN);
  format_set_text_wrap (w->header);
  format_set_align (w->header, LXW_ALIGN_CENTER);
  format_set_align (w->header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color (w->header, 0xD9E1F2);
  w->text = cell_format (w->book);
  format_set_text_wrap (w->text);
  w->money = cell_format (w->book);
  format_set_num_format (w->money, "0.00");
  w->general = cell_format (w->book);
}

static gboolean
write_workbook (const char *path, gpointer user_data, GError **error)
{
  Writer *w = user_data;
  lxw_workbook_options options = { .constant_memory = LXW_FALSE };
  JxDepartment *department = jx_document_get_department (w->document);
  g_autofree char *title = g_strdup_printf ("%s%u年%s", jx_department_get_name (department),
                                            jx_document_get_year (w->document),
                                            jx_document_get_title (w->document));
  lxw_doc_properties properties = { .title = title,
                                    .company = (char *) jx_department_get_name (department) };
  gboolean ok;
  lxw_error status;

  w->error = error;
  /* Cells are kept until the end, so that repeated texts (project names,
   * categories, the basis of a project's rows) are written once, in the
   * shared strings, as Excel itself writes them: a smaller file, written
   * faster than one string per cell. */
  w->book = workbook_new_opt (path, &options);
  if (w->book == NULL)
    return fail_lxw (w, LXW_ERROR_CREATING_XLSX_FILE);
  add_formats (w);
  workbook_set_properties (w->book, &properties);
  ok = write_indicators (w) && write_projects (w) && write_department (w);
  errno = 0;
  status = workbook_close (w->book);
  w->book = NULL;
  if (ok && status != LXW_NO_ERROR)
    return fail_lxw (w, status);
  return ok;
}

gboolean
jx_xlsx_export (JxDocument  *document,
                const char  *path,
                GError     **error)
{
  g_return_val_if_fail (JX_IS_DOCUMENT (document), FALSE);

  return jx_xlsx_export_stage (document, jx_document_get_stage (document), path, error);
}

gboolean
jx_xlsx_export_stage (JxDocument  *document,
                      JxStage      stage,
                      const char  *path,
                      GError     **error)
{
  Writer w = { 0 };
  gboolean ok;

  g_return_val_if_fail (JX_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  w.document = document;
  w.stage = stage;
  w.period = jx_stage_period_label (jx_document_get_monitoring_month (document));
  w.target = path;
  w.number_formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ok = jx_file_replace_by_writer (path, JX_FILE_EXPORT, write_workbook, &w, error);
  g_hash_table_unref (w.number_formats);
  g_free (w.period);
  return ok;
}
