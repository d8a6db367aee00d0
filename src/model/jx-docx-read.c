/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "jx-docx-reader.h"

/* Reads the main document part of a Word file into paragraphs and tables.
 * The package's relationships say where the parts are (Word, WPS and
 * LibreOffice all use word/document.xml, but need not); styles.xml says
 * which styles are headings, lists or bold. Elements are matched by local
 * name in the WordprocessingML namespace of either ECMA-376 flavour. */

#define NS_W        "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_W_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define NS_MC       "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define NS_PKG_REL  "http://schemas.openxmlformats.org/package/2006/relationships"

/* ---- Parts and relationships ---- */

static gboolean
is_w (const char *ns)
{
  return ns != NULL && (strcmp (ns, NS_W) == 0 || strcmp (ns, NS_W_STRICT) == 0);
}

/* A relationship's target, relative to the folder of the part it is from. */
static char *
resolve_target (const char *folder, const char *target)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  g_autofree char *joined = target[0] == '/' ? g_strdup (target + 1)
                                             : g_strconcat (folder, target, NULL);

  parts = g_strsplit (joined, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (parts[i], "..") == 0 && path->len > 0)
      g_ptr_array_remove_index (path, path->len - 1);
    else if (parts[i][0] != '\0' && strcmp (parts[i], ".") != 0 && strcmp (parts[i], "..") != 0)
      g_ptr_array_add (path, parts[i]);
  g_ptr_array_add (path, NULL);
  return g_strjoinv ("/", (char **) path->pdata);
}

/* The target of the first relationship in rels whose type ends in
 * "/type", or NULL when there is none (or no rels part). */
static char *
find_relationship (GsfInfile *zip, const char *rels, const char *folder, const char *type,
                   JxImportBudget *budget, GError **error)
{
  g_autofree char *suffix = g_strconcat ("/", type, NULL);
  JxImportXml *xml;
  char *found = NULL;
  int status;

  if (!jx_import_has_member (zip, rels))
    return NULL;
  xml = jx_import_xml_open (zip, rels, budget, error);
  if (xml == NULL)
    return NULL;
  while (found == NULL && (status = jx_import_xml_read (xml, error)) == 1)
    {
      xmlTextReaderPtr reader = jx_import_xml_reader (xml);
      g_autofree char *kind = NULL;
      g_autofree char *target = NULL;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT ||
          g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), "Relationship") != 0)
        continue;
      kind = jx_import_xml_attribute (xml, NULL, "Type");
      target = jx_import_xml_attribute (xml, NULL, "Target");
      if (kind != NULL && target != NULL && g_str_has_suffix (kind, suffix))
        found = resolve_target (folder, target);
    }
  jx_import_xml_free (xml);
  if (found == NULL && error != NULL && *error != NULL)
    return NULL;
  return found;
}

/* ---- Styles ---- */

typedef struct
{
  char *name;        /* lower case */
  char *based_on;
  gint bold;         /* -1 inherited, 0, 1 */
  gint outline;      /* -1 none */
  gint numbered;     /* -1 inherited, 0, 1 */
} Style;

static void
style_free (gpointer data)
{
  Style *style = data;

  g_free (style->name);
  g_free (style->based_on);
  g_free (style);
}

static void
replace_string (char **field, char *value)
{
  g_free (*field);
  *field = value;
}

/* <w:b/> and <w:b w:val="true"/> are on; "0", "false" and "off" are off. */
static gint
parse_on_off (const char *value)
{
  return value == NULL || !(strcmp (value, "0") == 0 || strcmp (value, "false") == 0 ||
                            strcmp (value, "off") == 0);
}

static char *
w_val (JxImportXml *xml)
{
  char *value = jx_import_xml_attribute (xml, NS_W, "val");

  return value != NULL ? value : jx_import_xml_attribute (xml, NS_W_STRICT, "val");
}

static void
read_style_child (JxImportXml *xml, Style *style, const char *name, const char *parent)
{
  g_autofree char *value = w_val (xml);

  if (strcmp (name, "name") == 0 && value != NULL)
    replace_string (&style->name, g_utf8_strdown (value, -1));
  else if (strcmp (name, "basedOn") == 0 && value != NULL)
    replace_string (&style->based_on, g_steal_pointer (&value));
  else if (strcmp (name, "b") == 0 && g_strcmp0 (parent, "rPr") == 0)
    style->bold = parse_on_off (value);
  else if (strcmp (name, "outlineLvl") == 0 && value != NULL)
    style->outline = CLAMP (atoi (value), 0, 9);
  else if (strcmp (name, "numId") == 0 && value != NULL)
    style->numbered = strcmp (value, "0") != 0;
}

/* styleId → Style, from styles.xml; an empty table without one. */
static GHashTable *
read_styles (GsfInfile *zip, const char *path, JxImportBudget *budget, GError **error)
{
  GHashTable *styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, style_free);
  JxImportXml *xml;
  Style *style = NULL;
  int style_depth = -1;
  const char *parents[16] = { NULL };
  int status;

  if (path == NULL || !jx_import_has_member (zip, path))
    return styles;
  xml = jx_import_xml_open (zip, path, budget, error);
  if (xml == NULL)
    {
      g_hash_table_unref (styles);
      return NULL;
    }
  while ((status = jx_import_xml_read (xml, error)) == 1)
    {
      xmlTextReaderPtr reader = jx_import_xml_reader (xml);
      int depth = xmlTextReaderDepth (reader);
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT ||
          !is_w ((const char *) xmlTextReaderConstNamespaceUri (reader)))
        continue;
      if (depth < (int) G_N_ELEMENTS (parents))
        parents[depth] = g_intern_string (name);
      if (strcmp (name, "style") == 0)
        {
          char *id = jx_import_xml_attribute (xml, NS_W, "styleId");

          if (id == NULL)
            id = jx_import_xml_attribute (xml, NS_W_STRICT, "styleId");
          style = g_new0 (Style, 1);
          style->bold = style->numbered = style->outline = -1;
          g_hash_table_replace (styles, id != NULL ? id : g_strdup (""), style);
          style_depth = depth;
        }
      else if (style != NULL && depth > style_depth)
        read_style_child (xml, style, name, depth > 0 && depth - 1 < (int) G_N_ELEMENTS (parents)
                                            ? parents[depth - 1] : NULL);
      else
        style = NULL;
    }
  jx_import_xml_free (xml);
  if (status < 0)
    {
      g_hash_table_unref (styles);
      return NULL;
    }
  return styles;
}

/* A property through the basedOn chain; loops in broken files end. */
static const Style *
style_lookup (GHashTable *styles, const char *id)
{
  return id != NULL ? g_hash_table_lookup (styles, id) : NULL;
}

static gint
style_bold (GHashTable *styles, const char *id)
{
  const Style *style = style_lookup (styles, id);

  for (guint i = 0; style != NULL && i < 16; i++, style = style_lookup (styles, style->based_on))
    if (style->bold >= 0)
      return style->bold;
  return -1;
}

static gboolean
style_numbered (GHashTable *styles, const char *id)
{
  const Style *style = style_lookup (styles, id);

  for (guint i = 0; style != NULL && i < 16; i++, style = style_lookup (styles, style->based_on))
    if (style->numbered >= 0)
      return style->numbered;
  return FALSE;
}

/* Outline level from the style chain, or from a built-in heading's name. */
static gint
style_outline (GHashTable *styles, const char *id)
{
  const Style *style = style_lookup (styles, id);

  for (guint i = 0; style != NULL && i < 16; i++, style = style_lookup (styles, style->based_on))
    {
      if (style->outline >= 0)
        return style->outline;
      if (style->name != NULL && g_str_has_prefix (style->name, "heading ") &&
          g_ascii_isdigit (style->name[8]))
        return CLAMP (style->name[8] - '1', 0, 8);
    }
  return -1;
}

/* ---- The body ---- */

typedef struct
{
  GString *text;
  GArray *bold;
  char *style_id;
  gint numbered;     /* -1 from the style */
  gint outline;
} OpenPara;

typedef struct
{
  JxDocxTable *table;
  GPtrArray *row;
  JxDocxCell *cell;
  guint column;
} OpenTable;

typedef struct
{
  JxImportXml *xml;
  GHashTable *styles;
  JxDocxBody *body;
  GPtrArray *paras;      /* OpenPara: text boxes open paragraphs inside paragraphs */
  GPtrArray *tables;     /* OpenTable */
  GArray *fields;        /* gboolean per open field: in its result */
  GPtrArray *elements;   /* interned local names of the open elements */
  gint run_bold;
  char *run_style;
} Reader;

static void
para_free (JxDocxPara *para)
{
  g_free (para->text);
  g_array_unref (para->bold);
  g_free (para->style);
  g_free (para);
}

static void table_free (JxDocxTable *table);

static void
cell_free (JxDocxCell *cell)
{
  g_clear_pointer (&cell->tables, g_ptr_array_unref);
  g_ptr_array_unref (cell->paras);
  g_free (cell->text);
  g_free (cell);
}

static void
table_free (JxDocxTable *table)
{
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
block_clear (gpointer data)
{
  JxDocxBlock *block = data;

  g_clear_pointer (&block->para, para_free);
  g_clear_pointer (&block->table, table_free);
}

void
jx_docx_body_free (JxDocxBody *body)
{
  if (body == NULL)
    return;
  g_array_unref (body->blocks);
  g_free (body);
}

static const char *
parent_element (Reader *r, guint up)
{
  return r->elements->len > up ? g_ptr_array_index (r->elements, r->elements->len - 1 - up) : "";
}

static OpenPara *
current_para (Reader *r)
{
  return r->paras->len > 0 ? g_ptr_array_index (r->paras, r->paras->len - 1) : NULL;
}

static OpenTable *
current_table (Reader *r)
{
  return r->tables->len > 0 ? g_ptr_array_index (r->tables, r->tables->len - 1) : NULL;
}

static gboolean
text_visible (Reader *r)
{
  for (guint i = 0; i < r->fields->len; i++)
    if (!g_array_index (r->fields, gboolean, i))
      return FALSE;
  return current_para (r) != NULL;
}

static void
append_text (Reader *r, const char *text)
{
  OpenPara *para = current_para (r);
  gint bold = r->run_bold;
  guint start;

  if (text == NULL || text[0] == '\0' || !text_visible (r))
    return;
  if (bold < 0)
    bold = style_bold (r->styles, r->run_style);
  if (bold < 0)
    bold = style_bold (r->styles, para->style_id);
  start = para->text->len;
  g_string_append (para->text, text);
  if (bold <= 0)
    return;
  if (para->bold->len > 0 && g_array_index (para->bold, guint, para->bold->len - 1) == start)
    g_array_index (para->bold, guint, para->bold->len - 1) = para->text->len;
  else
    {
      guint range[2] = { start, para->text->len };

      g_array_append_vals (para->bold, range, 2);
    }
}

static void
begin_para (Reader *r)
{
  OpenPara *para = g_new0 (OpenPara, 1);

  para->text = g_string_new (NULL);
  para->bold = g_array_new (FALSE, FALSE, sizeof (guint));
  para->numbered = -1;
  para->outline = -1;
  g_ptr_array_add (r->paras, para);
}

static JxDocxPara *
finish_para (Reader *r, OpenPara *open)
{
  JxDocxPara *para = g_new0 (JxDocxPara, 1);
  const Style *style = style_lookup (r->styles, open->style_id);

  para->text = g_string_free (g_steal_pointer (&open->text), FALSE);
  para->bold = g_steal_pointer (&open->bold);
  para->style = style != NULL && style->name != NULL ? g_strdup (style->name)
                : open->style_id != NULL ? g_utf8_strdown (open->style_id, -1) : NULL;
  para->numbered = open->numbered >= 0 ? open->numbered
                   : style_numbered (r->styles, open->style_id);
  para->outline = open->outline >= 0 ? open->outline : style_outline (r->styles, open->style_id);
  para->number = ++r->body->n_paras;
  g_free (open->style_id);
  g_free (open);
  return para;
}

static void
add_block (Reader *r, JxDocxPara *para, JxDocxTable *table)
{
  JxDocxBlock block = { para, table };

  g_array_append_val (r->body->blocks, block);
}

/* A paragraph goes into the open cell, or else into the body. */
static void
end_para (Reader *r)
{
  OpenTable *table = current_table (r);
  JxDocxPara *para;

  if (r->paras->len == 0)
    return;
  para = finish_para (r, g_ptr_array_steal_index (r->paras, r->paras->len - 1));
  if (table != NULL && table->cell != NULL)
    g_ptr_array_add (table->cell->paras, para);
  else
    add_block (r, para, NULL);
}

static void
begin_table (Reader *r)
{
  OpenTable *table = g_new0 (OpenTable, 1);

  table->table = g_new0 (JxDocxTable, 1);
  table->table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_ptr_array_add (r->tables, table);
}

static void
begin_row (Reader *r)
{
  OpenTable *table = current_table (r);

  if (table == NULL)
    return;
  g_clear_pointer (&table->row, g_ptr_array_unref);
  table->row = g_ptr_array_new_with_free_func ((GDestroyNotify) cell_free);
  table->column = 0;
}

static void
end_row (Reader *r)
{
  OpenTable *table = current_table (r);

  if (table != NULL && table->row != NULL)
    g_ptr_array_add (table->table->rows, g_steal_pointer (&table->row));
}

static void
begin_cell (Reader *r)
{
  OpenTable *table = current_table (r);

  if (table == NULL || table->row == NULL)
    return;
  g_clear_pointer (&table->cell, cell_free);
  table->cell = g_new0 (JxDocxCell, 1);
  table->cell->paras = g_ptr_array_new_with_free_func ((GDestroyNotify) para_free);
  table->cell->column = table->column;
  table->cell->span = 1;
}

static char *
join_paras (GPtrArray *paras)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < paras->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, ((JxDocxPara *) g_ptr_array_index (paras, i))->text);
    }
  return g_string_free (text, FALSE);
}

static void
end_cell (Reader *r)
{
  OpenTable *table = current_table (r);
  JxDocxCell *cell;

  if (table == NULL || table->cell == NULL)
    return;
  cell = g_steal_pointer (&table->cell);
  cell->text = join_paras (cell->paras);
  table->column += cell->span;
  g_ptr_array_add (table->row, cell);
}

/* A table in a cell stays with that cell, and its paragraphs are the
 * cell's text too. */
static void
end_table (Reader *r)
{
  OpenTable *open = g_ptr_array_steal_index (r->tables, r->tables->len - 1);
  OpenTable *outer = current_table (r);
  JxDocxTable *table = open->table;

  g_clear_pointer (&open->row, g_ptr_array_unref);
  g_clear_pointer (&open->cell, cell_free);
  g_free (open);
  if (outer != NULL && outer->cell != NULL)
    {
      for (guint i = 0; i < table->rows->len; i++)
        {
          GPtrArray *row = g_ptr_array_index (table->rows, i);

          for (guint c = 0; c < row->len; c++)
            {
              JxDocxCell *cell = g_ptr_array_index (row, c);

              for (guint p = 0; p < cell->paras->len; p++)
                {
                  JxDocxPara *para = g_ptr_array_index (cell->paras, p);
                  JxDocxPara *copy = g_new0 (JxDocxPara, 1);

                  *copy = *para;
                  copy->text = g_strdup (para->text);
                  copy->bold = g_array_copy (para->bold);
                  copy->style = g_strdup (para->style);
                  g_ptr_array_add (outer->cell->paras, copy);
                }
            }
        }
      if (outer->cell->tables == NULL)
        outer->cell->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
      g_ptr_array_add (outer->cell->tables, table);
      return;
    }
  table->number = ++r->body->n_tables;
  add_block (r, NULL, table);
}

static guint
parse_count (const char *value)
{
  long n = value != NULL ? strtol (value, NULL, 10) : 0;

  return (guint) CLAMP (n, 0, 1000);
}

/* Elements whose whole subtree carries nothing the importer reads: section
 * and table properties, deleted text, field codes, content-control
 * properties, a paragraph mark's run properties, tracked-change records,
 * and the duplicate fallback of a text box. */
static gboolean
skips_subtree (const char *name, const char *parent)
{
  static const char *skipped[] = {
    "sectPr", "sdtPr", "sdtEndPr", "del", "moveFrom", "instrText", "delText",
    "delInstrText", "tblPr", "tblGrid", "pPrChange", "rPrChange", "tblPrChange",
    "tcPrChange", "trPrChange", "footnoteReference", "endnoteReference",
  };

  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    if (strcmp (name, skipped[i]) == 0)
      return TRUE;
  return strcmp (name, "rPr") == 0 && strcmp (parent, "pPr") == 0;
}

static void
field_char (Reader *r, const char *type)
{
  gboolean in_result = FALSE;

  if (g_strcmp0 (type, "begin") == 0)
    g_array_append_val (r->fields, in_result);
  else if (g_strcmp0 (type, "separate") == 0 && r->fields->len > 0)
    g_array_index (r->fields, gboolean, r->fields->len - 1) = TRUE;
  else if (g_strcmp0 (type, "end") == 0 && r->fields->len > 0)
    g_array_set_size (r->fields, r->fields->len - 1);
}

static void
paragraph_property (Reader *r, const char *name, const char *parent)
{
  OpenPara *para = current_para (r);
  g_autofree char *value = NULL;

  if (para == NULL)
    return;
  value = w_val (r->xml);
  if (strcmp (name, "pStyle") == 0 && strcmp (parent, "pPr") == 0)
    replace_string (&para->style_id, g_steal_pointer (&value));
  else if (strcmp (name, "numId") == 0 && strcmp (parent, "numPr") == 0)
    para->numbered = value != NULL && strcmp (value, "0") != 0;
  else if (strcmp (name, "outlineLvl") == 0 && strcmp (parent, "pPr") == 0 && value != NULL)
    para->outline = CLAMP (atoi (value), 0, 9);
}

static void
cell_property (Reader *r, const char *name)
{
  OpenTable *table = current_table (r);
  g_autofree char *value = w_val (r->xml);

  if (table == NULL)
    return;
  if (strcmp (name, "gridSpan") == 0 && table->cell != NULL)
    table->cell->span = MAX (parse_count (value), 1);
  else if (strcmp (name, "vMerge") == 0 && table->cell != NULL)
    table->cell->merge = g_strcmp0 (value, "restart") == 0 ? JX_DOCX_MERGE_RESTART
                                                           : JX_DOCX_MERGE_CONTINUE;
  else if (strcmp (name, "gridBefore") == 0)
    table->column += parse_count (value);
}

/* A run's content: text, tabs and breaks. */
static gboolean
run_content (Reader *r, const char *name)
{
  if (strcmp (name, "t") == 0)
    {
      xmlChar *text = xmlTextReaderReadString (jx_import_xml_reader (r->xml));

      append_text (r, (const char *) text);
      xmlFree (text);
      return TRUE;
    }
  if (strcmp (name, "tab") == 0)
    append_text (r, "\t");
  else if (strcmp (name, "cr") == 0)
    append_text (r, "\n");
  else if (strcmp (name, "noBreakHyphen") == 0)
    append_text (r, "-");
  else if (strcmp (name, "br") == 0)
    {
      g_autofree char *type = jx_import_xml_attribute (r->xml, NS_W, "type");

      /* A page break is not part of the text. */
      if (type == NULL || strcmp (type, "textWrapping") == 0)
        append_text (r, "\n");
    }
  return FALSE;
}

static void
start_element (Reader *r, const char *name, const char *parent)
{
  if (strcmp (name, "p") == 0)
    begin_para (r);
  else if (strcmp (name, "r") == 0)
    {
      r->run_bold = -1;
      g_clear_pointer (&r->run_style, g_free);
    }
  else if (strcmp (name, "rStyle") == 0 && strcmp (parent, "rPr") == 0)
    r->run_style = w_val (r->xml);
  else if (strcmp (name, "b") == 0 && strcmp (parent, "rPr") == 0)
    {
      g_autofree char *value = w_val (r->xml);

      r->run_bold = parse_on_off (value);
    }
  else if (strcmp (name, "fldChar") == 0)
    {
      g_autofree char *type = jx_import_xml_attribute (r->xml, NS_W, "fldCharType");

      field_char (r, type);
    }
  else if (strcmp (name, "tbl") == 0)
    begin_table (r);
  else if (strcmp (name, "tr") == 0)
    begin_row (r);
  else if (strcmp (name, "tc") == 0)
    begin_cell (r);
  else if (strcmp (name, "gridSpan") == 0 || strcmp (name, "vMerge") == 0 ||
           strcmp (name, "gridBefore") == 0)
    cell_property (r, name);
  else
    paragraph_property (r, name, parent);
}

static void
end_element (Reader *r, const char *name)
{
  if (strcmp (name, "p") == 0)
    end_para (r);
  else if (strcmp (name, "tc") == 0)
    end_cell (r);
  else if (strcmp (name, "tr") == 0)
    end_row (r);
  else if (strcmp (name, "tbl") == 0 && r->tables->len > 0)
    end_table (r);
}

/* What element() asks of the loop: to read on into the element; or else
 * the status of skipping its subtree (1 on the next node, 0 at the end,
 * -1 on error), the reader being already past it. */
#define READ_ON 2

static int
skip (Reader *r, GError **error)
{
  return jx_import_xml_skip (r->xml, error);
}

static int
element (Reader *r, GError **error)
{
  xmlTextReaderPtr reader = jx_import_xml_reader (r->xml);
  const char *ns = (const char *) xmlTextReaderConstNamespaceUri (reader);
  const char *name = g_intern_string ((const char *) xmlTextReaderConstLocalName (reader));
  const char *parent = parent_element (r, 0);
  gboolean empty = xmlTextReaderIsEmptyElement (reader);

  /* Of a text box's two forms only one is read. */
  if (g_strcmp0 (ns, NS_MC) == 0 && strcmp (name, "Fallback") == 0)
    return skip (r, error);
  if (!is_w (ns))
    {
      if (!empty)
        g_ptr_array_add (r->elements, (gpointer) name);
      return READ_ON;
    }
  if (skips_subtree (name, parent))
    return skip (r, error);
  if (strcmp (parent, "r") == 0 && run_content (r, name))
    return skip (r, error);
  start_element (r, name, parent);
  if (empty)
    end_element (r, name);
  else
    g_ptr_array_add (r->elements, (gpointer) name);
  return READ_ON;
}

static gboolean
read_body (Reader *r, GError **error)
{
  int status = jx_import_xml_read (r->xml, error);

  while (status == 1)
    {
      xmlTextReaderPtr reader = jx_import_xml_reader (r->xml);
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          int next = element (r, error);

          if (next != READ_ON)
            {
              status = next;
              continue;
            }
        }
      else if (type == XML_READER_TYPE_END_ELEMENT && r->elements->len > 0)
        {
          const char *name = g_ptr_array_steal_index (r->elements, r->elements->len - 1);

          if (is_w ((const char *) xmlTextReaderConstNamespaceUri (reader)))
            end_element (r, name);
        }
      status = jx_import_xml_read (r->xml, error);
    }
  return status == 0;
}

static void
open_para_free (gpointer data)
{
  OpenPara *para = data;

  if (para->text != NULL)
    g_string_free (para->text, TRUE);
  if (para->bold != NULL)
    g_array_unref (para->bold);
  g_free (para->style_id);
  g_free (para);
}

static void
open_table_free (gpointer data)
{
  OpenTable *table = data;

  g_clear_pointer (&table->row, g_ptr_array_unref);
  g_clear_pointer (&table->cell, cell_free);
  table_free (table->table);
  g_free (table);
}

JxDocxBody *
jx_docx_body_read (GsfInfile      *zip,
                   JxImportBudget *budget,
                   GError        **error)
{
  g_autofree char *main_part = NULL;
  g_autofree char *styles_part = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *rels = NULL;
  GError *local = NULL;
  Reader r = { 0 };
  gboolean ok;

  main_part = find_relationship (zip, "_rels/.rels", "", "officeDocument", budget, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  if (main_part == NULL)
    main_part = g_strdup ("word/document.xml");
  folder = g_path_get_dirname (main_part);
  if (strcmp (folder, ".") == 0)
    replace_string (&folder, g_strdup (""));
  else
    {
      char *with_slash = g_strconcat (folder, "/", NULL);

      g_free (folder);
      folder = with_slash;
    }
  rels = g_strdup_printf ("%s_rels/%s.rels", folder, strrchr (main_part, '/') != NULL
                          ? strrchr (main_part, '/') + 1 : main_part);
  styles_part = find_relationship (zip, rels, folder, "styles", budget, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }

  r.styles = read_styles (zip, styles_part, budget, error);
  if (r.styles == NULL)
    return NULL;
  r.xml = jx_import_xml_open (zip, main_part, budget, error);
  if (r.xml == NULL)
    {
      g_hash_table_unref (r.styles);
      return NULL;
    }
  r.body = g_new0 (JxDocxBody, 1);
  r.body->blocks = g_array_new (FALSE, TRUE, sizeof (JxDocxBlock));
  g_array_set_clear_func (r.body->blocks, block_clear);
  r.paras = g_ptr_array_new_with_free_func (open_para_free);
  r.tables = g_ptr_array_new_with_free_func (open_table_free);
  r.fields = g_array_new (FALSE, FALSE, sizeof (gboolean));
  r.elements = g_ptr_array_new ();

  ok = read_body (&r, error);

  jx_import_xml_free (r.xml);
  g_hash_table_unref (r.styles);
  g_ptr_array_unref (r.paras);
  g_ptr_array_unref (r.tables);
  g_array_unref (r.fields);
  g_ptr_array_unref (r.elements);
  g_free (r.run_style);
  if (!ok)
    g_clear_pointer (&r.body, jx_docx_body_free);
  return r.body;
}
