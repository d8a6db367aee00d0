/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>
#include <libxml/xmlreader.h>
#include <string.h>

#include "jx-import-private.h"
#include "jx-sheet-read.h"

/* Workbooks are zip containers of XML parts, read through the import's
 * XML helpers (jx-import-xml.c: libgsf, libxml2, the budget and the
 * refusals of hostile XML). The workbook lists the sheets, the styles give
 * each cell's number format and the shared strings hold the texts (all
 * three with the streaming reader); each sheet's rows are parsed once with
 * SAX callbacks, its merged ranges, which come after the rows, first
 * looked up from where their element starts. Nothing is kept of a row once
 * it has been handed over, except the first cells of merged ranges still
 * open. */

/* A cell holds at most 32,767 characters of up to four bytes each. */
#define TEXT_MAX_BYTES (32767 * 4)

/* The relationships' namespace, transitional and strict. */
#define NS_REL        "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL_STRICT "http://purl.oclc.org/ooxml/officeDocument/relationships"

typedef struct
{
  char *name;
  char *part;     /* path inside the container */
} SheetEntry;

typedef struct
{
  guint first_row, last_row, first_col, last_col;   /* 0-based, inclusive */
  char *text;                                      /* of the first cell */
  JxCellKind kind;
  double number;
} Merge;

typedef struct
{
  GsfInfile              *zip;
  JxImportBudget         *budget;
  const JxSheetCallbacks *callbacks;
  gpointer                user_data;
  GError                **error;
  gboolean                date1904;
  GPtrArray              *strings;    /* shared strings */
  GPtrArray              *formats;    /* cellXfs index → format code (NULL: General) */
  GHashTable             *codes;      /* numFmtId → format code */
  GPtrArray              *sheets;     /* SheetEntry */
  /* The sheet being read. */
  const char             *sheet;
  GPtrArray              *merges;     /* Merge, by first row */
  guint                   next_merge;
  GPtrArray              *open_merges;
} Book;

/* ---- Errors ---- */

G_GNUC_PRINTF (3, 4) static gboolean
fail (Book *b, int code, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  if (b->error == NULL || *b->error != NULL)
    return FALSE;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (b->error, JX_IMPORT_ERROR, code, message);
  return FALSE;
}

static gboolean
fail_damaged (Book *b, const char *part, const char *why)
{
  return fail (b, JX_IMPORT_ERROR_DAMAGED,
               _("The workbook is damaged: its part %s cannot be read (%s). Open it in Excel "
                 "or WPS and save it again as .xlsx."), part, why);
}

/* ---- The small parts, with the streaming reader ---- */

/* An optional part that is missing is no error: NULL and nothing set. */
static JxImportXml *
open_xml (Book *b, const char *path, gboolean required)
{
  if (path == NULL || (!required && !jx_import_has_member (b->zip, path)))
    return NULL;
  return jx_import_xml_open (b->zip, path, b->budget, b->error);
}

static gboolean
is_element (JxImportXml *xml, const char *name)
{
  xmlTextReaderPtr reader = jx_import_xml_reader (xml);

  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT &&
         g_str_equal ((const char *) xmlTextReaderConstLocalName (reader), name);
}

static gboolean
is_end (JxImportXml *xml, const char *name)
{
  xmlTextReaderPtr reader = jx_import_xml_reader (xml);

  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT &&
         g_str_equal ((const char *) xmlTextReaderConstLocalName (reader), name);
}

static gboolean
is_empty (JxImportXml *xml)
{
  return xmlTextReaderIsEmptyElement (jx_import_xml_reader (xml));
}

static char *
attribute (JxImportXml *xml, const char *name)
{
  return jx_import_xml_attribute (xml, NULL, name);
}

/* "xl/worksheets/sheet1.xml" from "worksheets/sheet1.xml" relative to the
 * workbook's folder "xl/", or "/xl/…" absolute; "../" goes up. */
static char *
resolve (const char *base_dir, const char *target)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = target[0] == '/' ? g_strdup (target + 1)
                                             : g_build_path ("/", base_dir, target, NULL);
  g_auto(GStrv) names = g_strsplit (joined, "/", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (names[i][0] == '\0' || g_str_equal (names[i], "."))
        continue;
      if (g_str_equal (names[i], ".."))
        {
          if (parts->len > 0)
            g_ptr_array_remove_index (parts, parts->len - 1);
          continue;
        }
      g_ptr_array_add (parts, g_strdup (names[i]));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("/", (char **) parts->pdata);
}


/* Relationships of a part: id → target, and the first target of a type
 * (the last segment of its URI, "/officeDocument"). */
static gboolean
read_rels (Book *b, const char *path, const char *base_dir, GHashTable *by_id,
           GHashTable *by_type)
{
  JxImportXml *xml = open_xml (b, path, FALSE);
  int status;

  if (xml == NULL)
    return *b->error == NULL;
  while ((status = jx_import_xml_read (xml, b->error)) == 1)
    if (is_element (xml, "Relationship"))
      {
        g_autofree char *id = attribute (xml, "Id");
        g_autofree char *type = attribute (xml, "Type");
        g_autofree char *target = attribute (xml, "Target");
        g_autofree char *mode = attribute (xml, "TargetMode");
        const char *kind;

        if (target == NULL || (mode != NULL && g_str_equal (mode, "External")))
          continue;
        if (id != NULL && by_id != NULL)
          g_hash_table_insert (by_id, g_strdup (id), resolve (base_dir, target));
        kind = type != NULL ? strrchr (type, '/') : NULL;
        if (kind != NULL && !g_hash_table_contains (by_type, kind))
          g_hash_table_insert (by_type, g_strdup (kind), resolve (base_dir, target));
      }
  jx_import_xml_free (xml);
  return status == 0;
}

static void
sheet_entry_free (gpointer data)
{
  SheetEntry *entry = data;

  g_free (entry->name);
  g_free (entry->part);
  g_free (entry);
}

static gboolean
add_sheet (Book *b, JxImportXml *xml, GHashTable *rels)
{
  g_autofree char *name = attribute (xml, "name");
  g_autofree char *id = jx_import_xml_attribute (xml, NS_REL, "id");
  g_autofree char *state = attribute (xml, "state");
  const char *target;
  SheetEntry *entry;

  /* Strict OOXML has a namespace of its own; some writers only the usual
   * prefix. */
  if (id == NULL)
    id = jx_import_xml_attribute (xml, NS_REL_STRICT, "id");
  if (id == NULL)
    id = attribute (xml, "r:id");
  target = id != NULL ? g_hash_table_lookup (rels, id) : NULL;
  /* Hidden sheets hold a template's lists, not what the clerk sees. */
  if (name == NULL || target == NULL || (state != NULL && !g_str_equal (state, "visible")))
    return TRUE;
  if (b->sheets->len >= JX_SHEET_MAX_SHEETS)
    return fail (b, JX_IMPORT_ERROR_TOO_LARGE,
                 _("The workbook has more than %d sheets; Jixiao reads workbooks of up "
                   "to %d."), JX_SHEET_MAX_SHEETS, JX_SHEET_MAX_SHEETS);
  entry = g_new0 (SheetEntry, 1);
  entry->name = g_steal_pointer (&name);
  entry->part = g_strdup (target);
  g_ptr_array_add (b->sheets, entry);
  return TRUE;
}

static gboolean
read_workbook (Book *b, const char *path, GHashTable *rels)
{
  JxImportXml *xml = open_xml (b, path, TRUE);
  gboolean ok = TRUE;
  int status;

  if (xml == NULL)
    return FALSE;
  while (ok && (status = jx_import_xml_read (xml, b->error)) == 1)
    if (is_element (xml, "workbookPr"))
      {
        g_autofree char *date1904 = attribute (xml, "date1904");

        b->date1904 = date1904 != NULL && (g_str_equal (date1904, "1") ||
                                           g_str_equal (date1904, "true"));
      }
    else if (is_element (xml, "sheet"))
      ok = add_sheet (b, xml, rels);
  jx_import_xml_free (xml);
  return ok && status == 0;
}

/* The built-in formats whose digits differ from General; the rest (text,
 * fractions, accounting with its spaces) read as General or their code. */
static const char *
builtin_format (guint id)
{
  switch (id)
    {
    case 1: return "0";
    case 2: return "0.00";
    case 3: return "#,##0";
    case 4: return "#,##0.00";
    case 9: return "0%";
    case 10: return "0.00%";
    case 11: return "0.00E+00";
    /* The dates as a Chinese Excel shows them (ECMA-376 §18.8.30, zh-cn). */
    case 14: return "yyyy/m/d";
    case 15: return "d-mmm-yy";
    case 16: return "d-mmm";
    case 17: return "mmm-yy";
    case 18: return "h:mm AM/PM";
    case 19: return "h:mm:ss AM/PM";
    case 20: return "h:mm";
    case 21: return "h:mm:ss";
    case 22: return "yyyy/m/d h:mm";
    case 27: case 36: case 50: case 52: case 57: return "yyyy\"年\"m\"月\"";
    case 28: case 29: case 51: case 53: case 54: case 58: return "m\"月\"d\"日\"";
    case 30: return "m-d-yy";
    case 31: return "yyyy\"年\"m\"月\"d\"日\"";
    case 32: return "h\"时\"mm\"分\"";
    case 33: return "h\"时\"mm\"分\"ss\"秒\"";
    case 34: return "上午/下午h\"时\"mm\"分\"";
    case 35: return "上午/下午h\"时\"mm\"分\"ss\"秒\"";
    case 37: case 38: return "#,##0";
    case 39: case 40: return "#,##0.00";
    default: return NULL;
    }
}


static gboolean
read_styles (Book *b, const char *path)
{
  JxImportXml *xml = open_xml (b, path, FALSE);
  gboolean in_xfs = FALSE;
  int status;

  if (xml == NULL)
    return *b->error == NULL;
  while ((status = jx_import_xml_read (xml, b->error)) == 1)
    if (is_element (xml, "numFmt"))
      {
        g_autofree char *id = attribute (xml, "numFmtId");
        char *code = attribute (xml, "formatCode");

        if (id != NULL && code != NULL)
          g_hash_table_insert (b->codes, GUINT_TO_POINTER (strtoul (id, NULL, 10)), code);
        else
          g_free (code);
      }
    else if (is_element (xml, "cellXfs"))
      in_xfs = !is_empty (xml);
    else if (is_end (xml, "cellXfs"))
      in_xfs = FALSE;
    else if (in_xfs && is_element (xml, "xf") && b->formats->len < 65536)
      {
        g_autofree char *id = attribute (xml, "numFmtId");
        guint n = id != NULL ? (guint) strtoul (id, NULL, 10) : 0;
        const char *code = g_hash_table_lookup (b->codes, GUINT_TO_POINTER (n));

        g_ptr_array_add (b->formats, g_strdup (code != NULL ? code : builtin_format (n)));
      }
  jx_import_xml_free (xml);
  return status == 0;
}

/* Excel writes characters XML cannot hold as _xHHHH_ (and a literal
 * "_x" as _x005F_x). */
static char *
unescape (const char *text)
{
  GString *out;

  if (strstr (text, "_x") == NULL)
    return g_strdup (text);
  out = g_string_new (NULL);
  for (const char *p = text; *p;)
    {
      if (p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
          g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        {
          gunichar c = (gunichar) g_ascii_strtoull (p + 2, NULL, 16);

          if (c != 0 && g_unichar_validate (c))
            g_string_append_unichar (out, c);
          p += 7;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}


static gboolean
too_long (Book *b)
{
  return fail (b, JX_IMPORT_ERROR_TOO_LARGE,
               _("The workbook holds a text longer than a spreadsheet cell can (%d "
                 "characters)."), 32767);
}

/* The text of an <si>: its <t>s, leaving out the phonetic <rPh> runs. The
 * reader stands on the element and is left on its end. */
static gboolean
read_rich_text (Book *b, JxImportXml *xml, GString *text)
{
  xmlTextReaderPtr reader = jx_import_xml_reader (xml);
  gboolean in_t = FALSE;
  int phonetic = 0;
  int status;

  if (is_empty (xml))
    return TRUE;
  while ((status = jx_import_xml_read (xml, b->error)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (is_end (xml, "si"))
        return TRUE;
      if (is_element (xml, "rPh"))
        phonetic += !is_empty (xml);
      else if (is_end (xml, "rPh"))
        phonetic--;
      else if (is_element (xml, "t"))
        in_t = !is_empty (xml);
      else if (is_end (xml, "t"))
        in_t = FALSE;
      else if (in_t && phonetic == 0 &&
               (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                type == XML_READER_TYPE_WHITESPACE))
        g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
      if (text->len > TEXT_MAX_BYTES)
        return too_long (b);
    }
  return status == 0 ? fail_damaged (b, jx_import_xml_name (xml), _("it ends too early")) : FALSE;
}

static gboolean
read_strings (Book *b, const char *path)
{
  JxImportXml *xml = open_xml (b, path, FALSE);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean ok = TRUE;
  int status = 0;

  if (xml == NULL)
    return *b->error == NULL;
  while (ok && (status = jx_import_xml_read (xml, b->error)) == 1)
    if (is_element (xml, "si"))
      {
        if (b->strings->len >= JX_SHEET_MAX_STRINGS)
          {
            ok = fail (b, JX_IMPORT_ERROR_TOO_LARGE,
                       _("The workbook holds more than %d different texts; Jixiao reads "
                         "workbooks of up to %d."), JX_SHEET_MAX_STRINGS, JX_SHEET_MAX_STRINGS);
            break;
          }
        g_string_truncate (text, 0);
        ok = read_rich_text (b, xml, text);
        g_ptr_array_add (b->strings, unescape (text->str));
      }
  jx_import_xml_free (xml);
  return ok && status == 0;
}

/* ---- Merged ranges ---- */

static void
merge_free (gpointer data)
{
  Merge *merge = data;

  g_free (merge->text);
  g_free (merge);
}

/* "B12" → column 1, row 11; FALSE for what is not a cell reference. */
static gboolean
parse_reference (const char *ref, guint *row, guint *col)
{
  const char *p = ref;
  int c;
  guint64 r;
  char *end;

  while (g_ascii_isalpha (*p))
    p++;
  if (p == ref || !g_ascii_isdigit (*p))
    return FALSE;
  {
    g_autofree char *letters = g_strndup (ref, p - ref);

    c = jx_sheet_column_index (letters);
  }
  r = g_ascii_strtoull (p, &end, 10);
  if (c < 0 || r == 0 || r > 1048576 || (*end != '\0' && *end != ':'))
    return FALSE;
  *row = (guint) r - 1;
  *col = (guint) c;
  return TRUE;
}

static int
compare_merges (gconstpointer a, gconstpointer b)
{
  const Merge *x = *(const Merge * const *) a;
  const Merge *y = *(const Merge * const *) b;

  return x->first_row < y->first_row ? -1 : x->first_row > y->first_row;
}

static gboolean
add_merge (Book *b, const char *ref)
{
  const char *colon = strchr (ref, ':');
  Merge *merge;
  guint r1, c1, r2, c2;

  if (colon == NULL || !parse_reference (ref, &r1, &c1) || !parse_reference (colon + 1, &r2, &c2))
    return TRUE;   /* an odd range merges nothing we read */
  if (b->merges->len >= JX_SHEET_MAX_MERGES)
    return fail (b, JX_IMPORT_ERROR_TOO_LARGE,
                 _("Sheet “%s” has more than %d merged ranges; Jixiao reads sheets of up to %d."),
                 b->sheet, JX_SHEET_MAX_MERGES, JX_SHEET_MAX_MERGES);
  merge = g_new0 (Merge, 1);
  merge->first_row = MIN (r1, r2);
  merge->last_row = MAX (r1, r2);
  merge->first_col = MIN (c1, c2);
  merge->last_col = MAX (c1, c2);
  merge->kind = JX_CELL_EMPTY;
  g_ptr_array_add (b->merges, merge);
  return TRUE;
}


/* The merged ranges: a parse from <mergeCells> on, after the rows. */
typedef struct
{
  Book     *book;
  gboolean  failed;    /* too many ranges: the error is set */
} MergeScan;

static void
merge_start_cb (gpointer data, const xmlChar *local, const xmlChar *uri, int n_attributes,
                const xmlChar **attributes)
{
  MergeScan *scan = data;

  if (scan->failed || !g_str_equal ((const char *) local, "mergeCell"))
    return;
  /* Five pointers an attribute: name, prefix, URI, value start and end. */
  for (int i = 0; i < n_attributes; i++)
    if (g_str_equal ((const char *) attributes[i * 5], "ref"))
      {
        g_autofree char *ref = g_strndup ((const char *) attributes[i * 5 + 3],
                                          attributes[i * 5 + 4] - attributes[i * 5 + 3]);

        scan->failed = !add_merge (scan->book, ref);
      }
}

static void
ignore_end_cb (gpointer data, const xmlChar *local, const xmlChar *uri)
{
}

static void
ignore_text_cb (gpointer data, const char *text, int length)
{
}

static gboolean
merge_done_cb (gpointer data)
{
  return ((MergeScan *) data)->failed;
}

static const JxImportSax merge_sax = {
  NULL, merge_start_cb, ignore_end_cb, ignore_text_cb, merge_done_cb,
};

static gboolean
read_merges (Book *b, const char *path)
{
  MergeScan scan = { b, FALSE };
  g_autoptr(GError) error = NULL;

  /* A sheet that cannot be parsed is refused, with its line, by the row
   * pass: here only the budget's refusal (or a cancel) counts. */
  if (!jx_import_xml_parse_from (b->zip, path, b->budget, "mergeCells", &merge_sax, &scan,
                                 &error) &&
      (g_error_matches (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_TOO_LARGE) ||
       g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) &&
      b->error != NULL && *b->error == NULL)
    g_propagate_error (b->error, g_steal_pointer (&error));
  g_ptr_array_sort (b->merges, compare_merges);
  return !scan.failed && (b->error == NULL || *b->error == NULL);
}

/* ---- Rows ---- */

typedef struct
{
  JxCellKind kind;
  GString   *text;
  double     number;
  gboolean   merged;
  gboolean   set;
} CellBuffer;

typedef struct
{
  CellBuffer cells[JX_SHEET_MAX_COLUMNS];
  JxCell     out[JX_SHEET_MAX_COLUMNS];
  guint      used;      /* cells[0..used) may hold something */
  guint      rows;      /* rows with content so far */
} RowBuffer;

static void
clear_row (RowBuffer *rb)
{
  for (guint i = 0; i < rb->used; i++)
    {
      rb->cells[i].kind = JX_CELL_EMPTY;
      rb->cells[i].merged = FALSE;
      rb->cells[i].set = FALSE;
      g_string_truncate (rb->cells[i].text, 0);
    }
  rb->used = 0;
}

static CellBuffer *
cell_at (RowBuffer *rb, guint col)
{
  for (guint i = rb->used; i <= col; i++)
    if (rb->cells[i].text == NULL)
      rb->cells[i].text = g_string_new (NULL);
  rb->used = MAX (rb->used, col + 1);
  return &rb->cells[col];
}

/* Merged ranges over this row: the first cell's value is kept when its row
 * is read, and repeated down the range's first column. A range is one
 * wide cell: the columns right of its first one show nothing, so that a
 * section row merged across the sheet ("一、产出指标") is not a row whose
 * every column says the same, and a 指标值 merged over its neighbour is
 * not that neighbour's text too. */
static void
apply_merges (Book *b, RowBuffer *rb, guint row)
{
  for (; b->next_merge < b->merges->len; b->next_merge++)
    {
      Merge *merge = g_ptr_array_index (b->merges, b->next_merge);

      if (merge->first_row > row)
        break;
      g_ptr_array_add (b->open_merges, merge);
    }
  for (guint i = 0; i < b->open_merges->len;)
    {
      Merge *merge = g_ptr_array_index (b->open_merges, i);

      if (merge->last_row < row)
        {
          g_ptr_array_remove_index (b->open_merges, i);
          continue;
        }
      if (merge->first_row == row && merge->first_col < rb->used)
        {
          CellBuffer *first = &rb->cells[merge->first_col];

          merge->kind = first->kind;
          merge->number = first->number;
          g_free (merge->text);
          merge->text = g_strdup (first->text->str);
        }
      if (row > merge->first_row && merge->kind != JX_CELL_EMPTY &&
          merge->first_col < JX_SHEET_MAX_COLUMNS)
        {
          CellBuffer *cell = cell_at (rb, merge->first_col);

          cell->kind = merge->kind;
          cell->number = merge->number;
          cell->merged = TRUE;
          g_string_assign (cell->text, merge->text);
        }
      /* The other columns are empty, whatever a program left in them. */
      for (guint col = merge->first_col + 1;
           col <= merge->last_col && col < rb->used; col++)
        {
          rb->cells[col].kind = JX_CELL_EMPTY;
          g_string_truncate (rb->cells[col].text, 0);
        }
      i++;
    }
}

static gboolean
too_many_rows (Book *b)
{
  return fail (b, JX_IMPORT_ERROR_TOO_LARGE,
               _("Sheet “%s” has more than %d rows; Jixiao reads sheets of up to %d rows. "
                 "Split it, or delete the rows that are not indicators."),
               b->sheet, JX_SHEET_MAX_ROWS, JX_SHEET_MAX_ROWS);
}

static gboolean
hand_over_row (Book *b, RowBuffer *rb, guint row)
{
  guint n = 0;

  apply_merges (b, rb, row);
  for (guint i = 0; i < rb->used; i++)
    {
      CellBuffer *cell = &rb->cells[i];

      if (cell->kind == JX_CELL_TEXT && cell->text->len == 0)
        cell->kind = JX_CELL_EMPTY;
      rb->out[i].kind = cell->kind;
      rb->out[i].text = cell->text->str;
      rb->out[i].number = cell->number;
      rb->out[i].merged = cell->merged;
      if (cell->kind != JX_CELL_EMPTY)
        n = i + 1;
    }
  if (n > 0 && ++rb->rows > JX_SHEET_MAX_ROWS)
    return too_many_rows (b);
  if (n > 0 && !b->callbacks->row (row + 1, rb->out, n, b->user_data, b->error))
    return FALSE;
  clear_row (rb);
  return TRUE;
}

/* The value of a <c>, by its type t: a shared string, an inline string, a
 * formula's cached text, a boolean, an error, or a number shown under its
 * style's format. */
static gboolean
finish_cell (Book *b, CellBuffer *cell, const char *type, const char *style, GString *value)
{
  const char *t = type != NULL ? type : "n";

  if (g_str_equal (t, "s"))
    {
      guint64 index = g_ascii_strtoull (value->str, NULL, 10);

      if (value->len == 0 || index >= b->strings->len)
        return fail (b, JX_IMPORT_ERROR_DAMAGED,
                     _("The workbook is damaged: sheet “%s” refers to a text that is not "
                       "there. Open it in Excel or WPS and save it again as .xlsx."), b->sheet);
      cell->kind = JX_CELL_TEXT;
      g_string_assign (cell->text, g_ptr_array_index (b->strings, index));
    }
  else if (g_str_equal (t, "inlineStr") || g_str_equal (t, "str") || g_str_equal (t, "d"))
    {
      g_autofree char *text = unescape (value->str);

      cell->kind = JX_CELL_TEXT;
      g_string_assign (cell->text, text);
    }
  else if (g_str_equal (t, "b"))
    {
      cell->kind = JX_CELL_BOOLEAN;
      g_string_assign (cell->text, g_str_equal (value->str, "1") ? "TRUE" : "FALSE");
    }
  else if (g_str_equal (t, "e"))
    {
      cell->kind = JX_CELL_ERROR;
      g_string_assign (cell->text, value->str);
    }
  else if (value->len > 0)
    {
      guint64 index = style != NULL ? g_ascii_strtoull (style, NULL, 10) : 0;
      const char *code = index < b->formats->len ? g_ptr_array_index (b->formats, index) : NULL;
      g_autofree char *shown = NULL;
      char *end;

      cell->number = g_ascii_strtod (value->str, &end);
      if (*end != '\0')
        return fail (b, JX_IMPORT_ERROR_DAMAGED,
                     _("The workbook is damaged: sheet “%s” holds “%s” where a number should "
                       "be."), b->sheet, value->str);
      if (b->date1904 && code != NULL)
        cell->number += 1462;   /* days from 1900 to 1904 */
      shown = jx_sheet_format_number (cell->number, code);
      cell->kind = JX_CELL_NUMBER;
      g_string_assign (cell->text, shown);
    }
  return TRUE;
}


/* The rows of a sheet, with SAX callbacks: a sheet is most of a workbook's
 * bytes, and SAX builds nothing for the elements it passes. */
typedef struct
{
  Book       *book;
  const char *part;
  RowBuffer  *rows;
  GString    *value;
  guint       row;
  gboolean    have_row;
  guint       next_col;
  /* The cell being read. */
  gboolean    in_cell;
  CellBuffer *cell;       /* NULL beyond the columns read */
  char        type[16];
  char        style[16];
  gboolean    in_v, in_f, in_is, in_t;
  int         phonetic;
  gboolean    failed;     /* an error is set */
  gboolean    done;       /* past </sheetData> */
} RowScan;

/* An attribute's value by its local name, into buffer (cut at its size). */
static gboolean
sax_attribute (int n, const xmlChar **attributes, const char *name, char *buffer, gsize size)
{
  for (int i = 0; i < n; i++)
    if (g_str_equal ((const char *) attributes[i * 5], name))
      {
        gsize length = MIN ((gsize) (attributes[i * 5 + 4] - attributes[i * 5 + 3]), size - 1);

        memcpy (buffer, attributes[i * 5 + 3], length);
        buffer[length] = '\0';
        return TRUE;
      }
  buffer[0] = '\0';
  return FALSE;
}

static void
start_row (RowScan *st, int n, const xmlChar **attributes)
{
  char ref[16];
  guint row = st->have_row ? st->row + 1 : 0;

  if (sax_attribute (n, attributes, "r", ref, sizeof ref))
    {
      guint64 r = g_ascii_strtoull (ref, NULL, 10);

      if (r == 0 || r > 1048576 || (st->have_row && r - 1 <= st->row))
        {
          st->failed = !fail_damaged (st->book, st->part, _("its rows are out of order"));
          return;
        }
      row = (guint) r - 1;
    }
  st->row = row;
  st->have_row = TRUE;
  st->next_col = 0;
}

static void
start_cell (RowScan *st, int n, const xmlChar **attributes)
{
  char ref[16];
  guint row = st->row, col = st->next_col;

  if (sax_attribute (n, attributes, "r", ref, sizeof ref) && !parse_reference (ref, &row, &col))
    col = st->next_col;
  sax_attribute (n, attributes, "t", st->type, sizeof st->type);
  sax_attribute (n, attributes, "s", st->style, sizeof st->style);
  st->next_col = col + 1;
  st->cell = col < JX_SHEET_MAX_COLUMNS ? cell_at (st->rows, col) : NULL;
  st->in_cell = TRUE;
  st->in_v = st->in_f = st->in_is = st->in_t = FALSE;
  st->phonetic = 0;
  g_string_truncate (st->value, 0);
}

static void
row_start_cb (gpointer data, const xmlChar *local, const xmlChar *uri, int n_attributes,
              const xmlChar **attributes)
{
  RowScan *st = data;
  const char *name = (const char *) local;

  if (g_str_equal (name, "row"))
    start_row (st, n_attributes, attributes);
  else if (!st->have_row)
    return;
  else if (g_str_equal (name, "c"))
    start_cell (st, n_attributes, attributes);
  else if (!st->in_cell)
    return;
  else if (g_str_equal (name, "v"))
    st->in_v = TRUE;
  else if (g_str_equal (name, "f"))
    st->in_f = TRUE;
  else if (g_str_equal (name, "is"))
    st->in_is = TRUE;
  else if (g_str_equal (name, "t"))
    st->in_t = st->in_is;
  else if (g_str_equal (name, "rPh"))
    st->phonetic++;
}

static void
row_end_cb (gpointer data, const xmlChar *local, const xmlChar *uri)
{
  RowScan *st = data;
  const char *name = (const char *) local;

  if (g_str_equal (name, "c") && st->in_cell)
    {
      st->in_cell = FALSE;
      st->failed = st->cell != NULL &&
                   !finish_cell (st->book, st->cell, st->type[0] ? st->type : NULL,
                                 st->style[0] ? st->style : NULL, st->value);
    }
  else if (g_str_equal (name, "row") && st->have_row)
    st->failed = !hand_over_row (st->book, st->rows, st->row);
  else if (g_str_equal (name, "v"))
    st->in_v = FALSE;
  else if (g_str_equal (name, "f"))
    st->in_f = FALSE;
  else if (g_str_equal (name, "t"))
    st->in_t = FALSE;
  else if (g_str_equal (name, "is"))
    st->in_is = FALSE;
  else if (g_str_equal (name, "rPh"))
    st->phonetic--;
  else if (g_str_equal (name, "sheetData"))
    /* What follows the rows was read already, or is not needed. */
    st->done = TRUE;
}

static void
row_text_cb (gpointer data, const char *text, int length)
{
  RowScan *st = data;

  if (!st->in_cell)
    return;
  if ((st->in_v && !st->in_f) || (st->in_is && st->in_t && st->phonetic == 0))
    g_string_append_len (st->value, text, length);
  if (st->value->len > TEXT_MAX_BYTES)
    st->failed = !too_long (st->book);
}

static gboolean
row_done_cb (gpointer data)
{
  RowScan *st = data;

  return st->failed || st->done;
}

static const JxImportSax row_sax = {
  NULL, row_start_cb, row_end_cb, row_text_cb, row_done_cb,
};

static gboolean
read_rows (Book *b, const char *path, RowBuffer *rows)
{
  g_autoptr(GString) value = g_string_new (NULL);
  RowScan st = { 0 };

  st.book = b;
  st.part = path;
  st.rows = rows;
  st.value = value;
  /* A stop the callbacks asked for counts as a complete parse; whether it
   * was for a reason to refuse the sheet, they know. */
  return jx_import_xml_parse (b->zip, path, b->budget, &row_sax, &st, b->error) && !st.failed;
}

static gboolean
read_sheet (Book *b, SheetEntry *entry, RowBuffer *rows)
{
  b->sheet = entry->name;
  g_ptr_array_set_size (b->merges, 0);
  g_ptr_array_set_size (b->open_merges, 0);
  b->next_merge = 0;
  rows->rows = 0;
  clear_row (rows);
  if (b->callbacks->sheet != NULL && !b->callbacks->sheet (entry->name, b->user_data, b->error))
    return FALSE;
  return read_merges (b, entry->part) && read_rows (b, entry->part, rows);
}

/* ---- Workbooks ---- */

static gboolean
read_container (Book *b, GHashTable *workbook_rels, GHashTable *parts)
{
  g_autoptr(GHashTable) root = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) by_type = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *rels = NULL;
  const char *workbook;

  if (!read_rels (b, "_rels/.rels", "", root, by_type))
    return FALSE;
  workbook = g_hash_table_lookup (by_type, "/officeDocument");
  if (workbook == NULL)
    workbook = "xl/workbook.xml";
  dir = g_path_get_dirname (workbook);
  if (g_str_equal (dir, "."))
    dir[0] = '\0';
  base = g_path_get_basename (workbook);
  rels = g_strdup_printf ("%s%s_rels/%s.rels", dir, dir[0] ? "/" : "", base);
  g_hash_table_insert (parts, g_strdup ("workbook"), g_strdup (workbook));
  return read_rels (b, rels, dir, workbook_rels, parts);
}

static gboolean
read_book (Book *b)
{
  g_autoptr(GHashTable) rels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  RowBuffer *rows;
  gboolean ok;

  if (!read_container (b, rels, parts) ||
      !read_workbook (b, g_hash_table_lookup (parts, "workbook"), rels) ||
      !read_styles (b, g_hash_table_lookup (parts, "/styles")) ||
      !read_strings (b, g_hash_table_lookup (parts, "/sharedStrings")))
    return FALSE;
  if (b->sheets->len == 0)
    return fail (b, JX_IMPORT_ERROR_EMPTY, _("The workbook has no visible sheet."));
  rows = g_new0 (RowBuffer, 1);
  ok = TRUE;
  for (guint i = 0; ok && i < b->sheets->len; i++)
    ok = read_sheet (b, g_ptr_array_index (b->sheets, i), rows);
  for (guint i = 0; i < JX_SHEET_MAX_COLUMNS; i++)
    if (rows->cells[i].text != NULL)
      g_string_free (rows->cells[i].text, TRUE);
  g_free (rows);
  return ok;
}

gboolean
jx_sheet_read_xlsx (GsfInfile               *zip,
                    JxImportBudget          *budget,
                    const JxSheetCallbacks  *callbacks,
                    gpointer                 user_data,
                    GError                 **error)
{
  g_autoptr(GError) own_error = NULL;
  Book b = { 0 };
  gboolean ok;

  g_return_val_if_fail (GSF_IS_INFILE (zip) && budget != NULL, FALSE);
  g_return_val_if_fail (callbacks != NULL && callbacks->row != NULL, FALSE);

  xmlInitParser ();
  b.zip = zip;
  b.budget = budget;
  b.callbacks = callbacks;
  b.user_data = user_data;
  /* Always somewhere to look: "is an error set" is a question asked. */
  b.error = error != NULL ? error : &own_error;
  b.strings = g_ptr_array_new_with_free_func (g_free);
  b.formats = g_ptr_array_new_with_free_func (g_free);
  b.codes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  b.sheets = g_ptr_array_new_with_free_func (sheet_entry_free);
  b.merges = g_ptr_array_new_with_free_func (merge_free);
  b.open_merges = g_ptr_array_new ();
  ok = read_book (&b);
  g_ptr_array_unref (b.strings);
  g_ptr_array_unref (b.formats);
  g_hash_table_unref (b.codes);
  g_ptr_array_unref (b.sheets);
  g_ptr_array_unref (b.open_merges);
  g_ptr_array_unref (b.merges);
  return ok;
}
