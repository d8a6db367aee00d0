/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>
#include <libxml/xmlreader.h>
#include <string.h>

#include "jx-import-private.h"
#include "jx-sheet-read.h"

/* Workbooks are zip containers (opened with libgsf) of XML parts streamed
 * with libxml2: the workbook lists the sheets, the styles give each cell's
 * number format, the shared strings hold the texts (all three with
 * xmlTextReader), and each sheet is read row by row (with libxml2's SAX
 * interface, see read_rows). Nothing is kept of a row once it has been
 * handed over, except the first cells of merged ranges still open. */

/* A cell holds at most 32,767 characters of up to four bytes each. */
#define TEXT_MAX_BYTES (32767 * 4)

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

/* ---- Parts ---- */

typedef struct
{
  Book       *book;
  GsfInput   *input;
  const char *part;
  GError     *too_large;   /* the budget's refusal */
  char       *xml_error;
} Part;

/* Every byte unpacked counts against the file's budget: a zip bomb stops
 * there, whatever its parts claim to hold. */
static int
part_read_cb (void *context, char *buffer, int length)
{
  Part *part = context;
  gsf_off_t remaining = gsf_input_remaining (part->input);
  gsize n = MIN ((gsize) length, (gsize) MAX (remaining, 0));

  if (n == 0)
    return 0;
  if (!jx_import_budget_spend (part->book->budget, n, &part->too_large))
    return -1;
  if (gsf_input_read (part->input, n, (guint8 *) buffer) == NULL)
    return -1;
  return (int) n;
}

static void
part_error_cb (void *context, xmlErrorPtr error)
{
  Part *part = context;

  if (part->xml_error == NULL && error != NULL && error->level >= XML_ERR_ERROR)
    part->xml_error = g_strdup_printf ("line %d: %s", error->line,
                                       error->message != NULL ? g_strstrip (error->message) : "");
}

static GsfInput *
open_part (Book *b, const char *path)
{
  g_auto(GStrv) names = g_strsplit (path[0] == '/' ? path + 1 : path, "/", -1);
  GsfInput *input = g_object_ref (GSF_INPUT (b->zip));

  for (guint i = 0; names[i] != NULL && input != NULL; i++)
    {
      GsfInput *child = NULL;

      if (names[i][0] == '\0')
        continue;
      if (GSF_IS_INFILE (input))
        child = gsf_infile_child_by_name (GSF_INFILE (input), names[i]);
      g_object_unref (input);
      input = child;
    }
  if (input != NULL && GSF_IS_INFILE (input) && gsf_infile_num_children (GSF_INFILE (input)) > 0)
    g_clear_object (&input);
  return input;
}

static xmlTextReaderPtr
start_part (Book *b, Part *part, const char *path, gboolean required)
{
  xmlTextReaderPtr reader;

  memset (part, 0, sizeof *part);
  part->book = b;
  part->part = path;
  part->input = open_part (b, path);
  if (part->input == NULL)
    {
      if (required)
        fail_damaged (b, path, _("it is missing"));
      return NULL;
    }
  /* No network, no entities: a workbook's XML needs neither. */
  reader = xmlReaderForIO (part_read_cb, NULL, part, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOCDATA);
  if (reader == NULL)
    {
      g_clear_object (&part->input);
      fail_damaged (b, path, g_strerror (ENOMEM));
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (reader, part_error_cb, part);
  return reader;
}

/* The budget's refusal, or what the XML parser said. */
static gboolean
next_node_failed (Book *b, Part *part)
{
  if (part->too_large != NULL)
    {
      if (b->error != NULL && *b->error == NULL)
        g_propagate_error (b->error, g_steal_pointer (&part->too_large));
      return FALSE;
    }
  return fail_damaged (b, part->part, part->xml_error != NULL ? part->xml_error
                                                                : _("it is not well-formed XML"));
}

/* Moves to the next node; FALSE at the end or on an error (set). */
static gboolean
next_node (Book *b, Part *part, xmlTextReaderPtr reader, gboolean *done)
{
  int status = xmlTextReaderRead (reader);

  *done = status == 0;
  if (status == 1 && xmlTextReaderNodeType (reader) == XML_READER_TYPE_DOCUMENT_TYPE)
    return fail_damaged (b, part->part, _("it declares a document type"));
  if (status >= 0)
    return status == 1;
  return next_node_failed (b, part);
}

static void
end_part (Part *part, xmlTextReaderPtr reader)
{
  if (reader != NULL)
    xmlFreeTextReader (reader);
  g_clear_object (&part->input);
  g_clear_pointer (&part->xml_error, g_free);
  g_clear_error (&part->too_large);
}

static gboolean
is_element (xmlTextReaderPtr reader, const char *name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT &&
         g_str_equal ((const char *) xmlTextReaderConstLocalName (reader), name);
}

static gboolean
is_end (xmlTextReaderPtr reader, const char *name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT &&
         g_str_equal ((const char *) xmlTextReaderConstLocalName (reader), name);
}

/* An attribute by its local name, whatever its prefix ("r:id"). */
static char *
attribute (xmlTextReaderPtr reader, const char *name)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return NULL;
  do
    if (g_str_equal ((const char *) xmlTextReaderConstLocalName (reader), name))
      {
        value = g_strdup ((const char *) xmlTextReaderConstValue (reader));
        break;
      }
  while (xmlTextReaderMoveToNextAttribute (reader) == 1);
  xmlTextReaderMoveToElement (reader);
  return value;
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

/* Relationships of a part: id → target, and the first target of a type. */
static gboolean
read_rels (Book *b, const char *path, const char *base_dir, GHashTable *by_id,
           GHashTable *by_type)
{
  Part part;
  xmlTextReaderPtr reader = start_part (b, &part, path, FALSE);
  gboolean done = FALSE;
  gboolean ok;

  if (reader == NULL)
    return TRUE;
  while (next_node (b, &part, reader, &done))
    if (is_element (reader, "Relationship"))
      {
        g_autofree char *id = attribute (reader, "Id");
        g_autofree char *type = attribute (reader, "Type");
        g_autofree char *target = attribute (reader, "Target");
        g_autofree char *mode = attribute (reader, "TargetMode");
        const char *kind;

        if (target == NULL || (mode != NULL && g_str_equal (mode, "External")))
          continue;
        if (id != NULL && by_id != NULL)
          g_hash_table_insert (by_id, g_strdup (id), resolve (base_dir, target));
        kind = type != NULL ? strrchr (type, '/') : NULL;
        if (kind != NULL && !g_hash_table_contains (by_type, kind))
          g_hash_table_insert (by_type, g_strdup (kind), resolve (base_dir, target));
      }
  ok = done;
  end_part (&part, reader);
  return ok;
}

/* ---- The workbook, its styles and its strings ---- */

static void
sheet_entry_free (gpointer data)
{
  SheetEntry *entry = data;

  g_free (entry->name);
  g_free (entry->part);
  g_free (entry);
}

static gboolean
read_workbook (Book *b, const char *path, GHashTable *rels)
{
  Part part;
  xmlTextReaderPtr reader = start_part (b, &part, path, TRUE);
  gboolean done = FALSE;
  gboolean ok;

  if (reader == NULL)
    return FALSE;
  while (next_node (b, &part, reader, &done))
    if (is_element (reader, "workbookPr"))
      {
        g_autofree char *date1904 = attribute (reader, "date1904");

        b->date1904 = date1904 != NULL && (g_str_equal (date1904, "1") ||
                                           g_str_equal (date1904, "true"));
      }
    else if (is_element (reader, "sheet"))
      {
        g_autofree char *name = attribute (reader, "name");
        g_autofree char *id = attribute (reader, "id");
        g_autofree char *state = attribute (reader, "state");
        const char *target = id != NULL ? g_hash_table_lookup (rels, id) : NULL;
        SheetEntry *entry;

        /* Hidden sheets hold a template's lists, not what the clerk sees. */
        if (name == NULL || target == NULL || (state != NULL && !g_str_equal (state, "visible")))
          continue;
        if (b->sheets->len >= JX_SHEET_MAX_SHEETS)
          {
            end_part (&part, reader);
            return fail (b, JX_IMPORT_ERROR_TOO_LARGE,
                         _("The workbook has more than %d sheets; Jixiao reads workbooks of up "
                           "to %d."), JX_SHEET_MAX_SHEETS, JX_SHEET_MAX_SHEETS);
          }
        entry = g_new0 (SheetEntry, 1);
        entry->name = g_steal_pointer (&name);
        entry->part = g_strdup (target);
        g_ptr_array_add (b->sheets, entry);
      }
  ok = done;
  end_part (&part, reader);
  return ok;
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
    case 14: case 15: case 16: case 17: case 22: return "yyyy-mm-dd";
    case 27: case 28: case 29: case 30: case 31: case 34: case 35: case 36:
    case 50: case 51: case 52: case 53: case 54: case 57: case 58:
      return "yyyy\"年\"m\"月\"d\"日\"";
    case 37: case 38: return "#,##0";
    case 39: case 40: return "#,##0.00";
    default: return NULL;
    }
}

static gboolean
read_styles (Book *b, const char *path)
{
  Part part;
  xmlTextReaderPtr reader = path != NULL ? start_part (b, &part, path, FALSE) : NULL;
  gboolean done = FALSE, in_xfs = FALSE;
  gboolean ok;

  if (reader == NULL)
    return b->error == NULL || *b->error == NULL;
  while (next_node (b, &part, reader, &done))
    if (is_element (reader, "numFmt"))
      {
        g_autofree char *id = attribute (reader, "numFmtId");
        char *code = attribute (reader, "formatCode");

        if (id != NULL && code != NULL)
          g_hash_table_insert (b->codes, GUINT_TO_POINTER (strtoul (id, NULL, 10)), code);
        else
          g_free (code);
      }
    else if (is_element (reader, "cellXfs"))
      in_xfs = !xmlTextReaderIsEmptyElement (reader);
    else if (is_end (reader, "cellXfs"))
      in_xfs = FALSE;
    else if (in_xfs && is_element (reader, "xf") && b->formats->len < 65536)
      {
        g_autofree char *id = attribute (reader, "numFmtId");
        guint n = id != NULL ? (guint) strtoul (id, NULL, 10) : 0;
        const char *code = g_hash_table_lookup (b->codes, GUINT_TO_POINTER (n));

        g_ptr_array_add (b->formats, g_strdup (code != NULL ? code : builtin_format (n)));
      }
  ok = done;
  end_part (&part, reader);
  return ok;
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

/* The text of an <si> or <is>: its <t>s, leaving out the phonetic <rPh>
 * runs. The reader stands on the element and is left on its end. */
static gboolean
read_rich_text (Book *b, Part *part, xmlTextReaderPtr reader, const char *element,
                GString *text)
{
  gboolean done = FALSE, in_t = FALSE;
  int phonetic = 0;

  if (xmlTextReaderIsEmptyElement (reader))
    return TRUE;
  while (next_node (b, part, reader, &done))
    {
      int type = xmlTextReaderNodeType (reader);

      if (is_end (reader, element))
        return TRUE;
      if (is_element (reader, "rPh"))
        phonetic += !xmlTextReaderIsEmptyElement (reader);
      else if (is_end (reader, "rPh"))
        phonetic--;
      else if (is_element (reader, "t"))
        in_t = !xmlTextReaderIsEmptyElement (reader);
      else if (is_end (reader, "t"))
        in_t = FALSE;
      else if (in_t && phonetic == 0 &&
               (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_CDATA))
        g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
      if (text->len > TEXT_MAX_BYTES)
        return fail (b, JX_IMPORT_ERROR_TOO_LARGE,
                     _("The workbook holds a text longer than a spreadsheet cell can (%d "
                       "characters)."), 32767);
    }
  return done ? fail_damaged (b, part->part, _("it ends too early")) : FALSE;
}

static gboolean
read_strings (Book *b, const char *path)
{
  Part part;
  xmlTextReaderPtr reader = path != NULL ? start_part (b, &part, path, FALSE) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean done = FALSE;
  gboolean ok = TRUE;

  if (reader == NULL)
    return b->error == NULL || *b->error == NULL;
  while (ok && next_node (b, &part, reader, &done))
    if (is_element (reader, "si"))
      {
        if (b->strings->len >= JX_SHEET_MAX_STRINGS)
          {
            ok = fail (b, JX_IMPORT_ERROR_TOO_LARGE,
                       _("The workbook holds more than %d different texts; Jixiao reads "
                         "workbooks of up to %d."), JX_SHEET_MAX_STRINGS, JX_SHEET_MAX_STRINGS);
            break;
          }
        g_string_truncate (text, 0);
        ok = read_rich_text (b, &part, reader, "si", text);
        g_ptr_array_add (b->strings, unescape (text->str));
      }
  ok = ok && done;
  end_part (&part, reader);
  return ok;
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

/* The merged ranges come after the rows in a sheet's XML. A first pass
 * unpacks the sheet looking only for where its <mergeCells> element starts;
 * from there libxml2's SAX parser reads the ranges. The rows are parsed
 * once, by the row pass. */
typedef struct
{
  Book     *book;
  gboolean  failed;    /* too many ranges */
  gboolean  stopped;   /* the parse has ended */
} MergeScan;

static void
merge_element_cb (void           *context,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  MergeScan *scan = context;

  if (scan->failed || !g_str_equal ((const char *) localname, "mergeCell"))
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
merge_error_cb (void *context, xmlErrorPtr error)
{
}

/* The tag "<mergeCells" or "<x:mergeCells" in data: its offset, the prefix
 * (x) in *prefix, or -1. Text cannot hold it: "<" in text is "&lt;". A
 * match too near the end to be told is left for the next chunk. */
#define MERGE_TAG "mergeCells"
#define MERGE_CARRY 48

static gssize
find_merges (const char *data, gsize length, char **prefix)
{
  gsize tag = strlen (MERGE_TAG);

  for (const char *p = data; (p = g_strstr_len (p, data + length - p, MERGE_TAG)) != NULL; p++)
    {
      const char *start = p - 1;

      if (p + tag >= data + length)
        return -1;
      if (strchr (" \t\r\n/>", p[tag]) == NULL || p == data)
        continue;
      if (*start == ':')
        while (start > data && start > p - MERGE_CARRY / 2 && *start != '<' &&
               (g_ascii_isalnum (start[-1]) || start[-1] == '_' || start[-1] == ':'))
          start--;
      if (start > data && *start == ':' && start[-1] != '<')
        start--;
      if (*start != '<')
        continue;
      *prefix = p - start > 1 ? g_strndup (start + 1, p - start - 2) : NULL;
      return start - data;
    }
  return -1;
}

static void
feed_merges (xmlParserCtxtPtr *parser, MergeScan *scan, const char *prefix, const char *data,
             gsize length)
{
  xmlSAXHandler sax = { 0 };
  g_autofree char *root = NULL;

  if (*parser == NULL)
    {
      sax.initialized = XML_SAX2_MAGIC;
      sax.startElementNs = merge_element_cb;
      sax.serror = merge_error_cb;
      /* A root of our own declares the element's prefix. */
      root = prefix != NULL ? g_strdup_printf ("<jx xmlns:%s=\"urn:jixiao\">", prefix)
                            : g_strdup ("<jx>");
      *parser = xmlCreatePushParserCtxt (&sax, scan, root, strlen (root), NULL);
      xmlCtxtUseOptions (*parser, XML_PARSE_NONET);
    }
  /* The part's end tag closes what the root opened: the parse stops there
   * with an error, all ranges read. */
  if (!scan->stopped)
    scan->stopped = xmlParseChunk (*parser, data, (int) length, 0) != 0;
}

static gboolean
read_merges (Book *b, const char *path)
{
  MergeScan scan = { b, FALSE, FALSE };
  g_autoptr(GString) window = g_string_new (NULL);
  g_autofree char *prefix = NULL;
  xmlParserCtxtPtr parser = NULL;
  Part part;
  char buffer[65536];
  int n;

  memset (&part, 0, sizeof part);
  part.book = b;
  part.part = path;
  part.input = open_part (b, path);
  if (part.input == NULL)
    return fail_damaged (b, path, _("it is missing"));
  while (!scan.failed && (n = part_read_cb (&part, buffer, sizeof buffer)) > 0)
    {
      gssize at;

      if (parser != NULL)
        {
          if (!scan.stopped)
            feed_merges (&parser, &scan, prefix, buffer, n);
          continue;
        }
      g_string_append_len (window, buffer, n);
      at = find_merges (window->str, window->len, &prefix);
      if (at >= 0)
        feed_merges (&parser, &scan, prefix, window->str + at, window->len - at);
      else if (window->len > MERGE_CARRY)
        g_string_erase (window, 0, window->len - MERGE_CARRY);
    }
  if (parser != NULL)
    xmlFreeParserCtxt (parser);
  g_ptr_array_sort (b->merges, compare_merges);
  if (part.too_large != NULL)
    next_node_failed (b, &part);
  end_part (&part, NULL);
  /* A sheet that cannot be read is reported, with its line, by the row
   * pass that follows. */
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
 * is read, and repeated in every other cell of the range. */
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
      for (guint col = merge->first_col;
           merge->kind != JX_CELL_EMPTY && col <= merge->last_col && col < JX_SHEET_MAX_COLUMNS;
           col++)
        {
          CellBuffer *cell;

          if (row == merge->first_row && col == merge->first_col)
            continue;
          cell = cell_at (rb, col);
          cell->kind = merge->kind;
          cell->number = merge->number;
          cell->merged = TRUE;
          g_string_assign (cell->text, merge->text);
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

/* The rows of a sheet, through libxml2's SAX interface: a sheet is most of
 * a workbook's bytes, and SAX builds nothing for the elements it passes,
 * which makes it about twice as fast here as xmlTextReader, which the
 * small parts are read with. */
typedef struct
{
  Book            *book;
  Part            *part;
  xmlParserCtxtPtr parser;
  RowBuffer       *rows;
  GString         *value;
  guint            row;
  gboolean         have_row;
  guint            next_col;
  /* The cell being read. */
  gboolean         in_cell;
  CellBuffer      *cell;       /* NULL beyond the columns read */
  char             type[16];
  char             style[16];
  gboolean         in_v, in_f, in_is, in_t;
  int              phonetic;
  gboolean         failed;     /* an error is set */
  gboolean         done;       /* past </sheetData> */
} RowScan;

static void
stop (RowScan *st)
{
  st->failed = TRUE;
  xmlStopParser (st->parser);
}

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
          fail_damaged (st->book, st->part->part, _("its rows are out of order"));
          stop (st);
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
row_start_cb (void *context, const xmlChar *localname, const xmlChar *prefix,
              const xmlChar *uri, int n_namespaces, const xmlChar **namespaces,
              int n_attributes, int n_defaulted, const xmlChar **attributes)
{
  RowScan *st = context;
  const char *name = (const char *) localname;

  if (st->failed || st->done)
    return;
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
row_end_cb (void *context, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
  RowScan *st = context;
  const char *name = (const char *) localname;

  if (st->failed || st->done)
    return;
  if (g_str_equal (name, "c") && st->in_cell)
    {
      st->in_cell = FALSE;
      if (st->cell != NULL &&
          !finish_cell (st->book, st->cell, st->type[0] ? st->type : NULL,
                        st->style[0] ? st->style : NULL, st->value))
        stop (st);
    }
  else if (g_str_equal (name, "row") && st->have_row)
    {
      if (!hand_over_row (st->book, st->rows, st->row))
        stop (st);
    }
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
    {
      /* What follows the rows (merged ranges, page setup) was read already
       * or is not needed. */
      st->done = TRUE;
      xmlStopParser (st->parser);
    }
}

static void
row_text_cb (void *context, const xmlChar *text, int length)
{
  RowScan *st = context;

  if (st->failed || st->done || !st->in_cell)
    return;
  if ((st->in_v && !st->in_f) || (st->in_is && st->in_t && st->phonetic == 0))
    g_string_append_len (st->value, (const char *) text, length);
  if (st->value->len > TEXT_MAX_BYTES)
    {
      fail (st->book, JX_IMPORT_ERROR_TOO_LARGE,
            _("The workbook holds a text longer than a spreadsheet cell can (%d characters)."),
            32767);
      stop (st);
    }
}

static void
row_doctype_cb (void *context, const xmlChar *name, const xmlChar *external_id,
                const xmlChar *system_id)
{
  RowScan *st = context;

  fail_damaged (st->book, st->part->part, _("it declares a document type"));
  stop (st);
}

static void
row_error_cb (void *context, xmlErrorPtr error)
{
  RowScan *st = context;

  part_error_cb (st->part, error);
}

static gboolean
read_rows (Book *b, const char *path, RowBuffer *rows)
{
  xmlSAXHandler sax = { 0 };
  g_autoptr(GString) value = g_string_new (NULL);
  RowScan st = { 0 };
  Part part;
  char buffer[65536];
  int n = 0, status = 0;

  memset (&part, 0, sizeof part);
  part.book = b;
  part.part = path;
  part.input = open_part (b, path);
  if (part.input == NULL)
    return fail_damaged (b, path, _("it is missing"));
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = row_start_cb;
  sax.endElementNs = row_end_cb;
  sax.characters = row_text_cb;
  sax.cdataBlock = row_text_cb;
  sax.internalSubset = row_doctype_cb;
  sax.serror = row_error_cb;
  st.book = b;
  st.part = &part;
  st.rows = rows;
  st.value = value;
  st.parser = xmlCreatePushParserCtxt (&sax, &st, NULL, 0, NULL);
  /* No network, no entities to expand: a sheet needs neither. */
  xmlCtxtUseOptions (st.parser, XML_PARSE_NONET);
  while (status == 0 && !st.failed && !st.done &&
         (n = part_read_cb (&part, buffer, sizeof buffer)) > 0)
    status = xmlParseChunk (st.parser, buffer, n, 0);
  if (status == 0 && !st.failed && !st.done && n == 0)
    {
      /* A well-formed sheet without rows is an empty sheet. */
      status = xmlParseChunk (st.parser, NULL, 0, 1);
      st.done = status == 0 && !st.failed;
    }
  xmlFreeParserCtxt (st.parser);
  if (!st.failed && !st.done)
    next_node_failed (b, &part);
  end_part (&part, NULL);
  return !st.failed && st.done;
}

static gboolean
read_sheet (Book *b, SheetEntry *entry, RowBuffer *rows)
{
  gboolean ok;

  b->sheet = entry->name;
  g_ptr_array_set_size (b->merges, 0);
  g_ptr_array_set_size (b->open_merges, 0);
  b->next_merge = 0;
  rows->rows = 0;
  clear_row (rows);
  if (b->callbacks->sheet != NULL && !b->callbacks->sheet (entry->name, b->user_data, b->error))
    return FALSE;
  ok = read_merges (b, entry->part) && read_rows (b, entry->part, rows);
  return ok;
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
  Book b = { 0 };
  gboolean ok;

  g_return_val_if_fail (GSF_IS_INFILE (zip) && budget != NULL, FALSE);
  g_return_val_if_fail (callbacks != NULL && callbacks->row != NULL, FALSE);

  xmlInitParser ();
  b.zip = zip;
  b.budget = budget;
  b.callbacks = callbacks;
  b.user_data = user_data;
  b.error = error;
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
