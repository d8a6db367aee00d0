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

/* What a style id means for the body, worked out once per id: ids are
 * kept once in the reader's string chunk, so their addresses are keys. */
typedef struct
{
  const char *name;
  gint bold;
  gboolean numbered;
  gint outline;
} Resolved;

static const Resolved *
resolve (GHashTable *cache, GHashTable *styles, const char *id)
{
  Resolved *resolved = g_hash_table_lookup (cache, id);
  const Style *style;

  if (resolved != NULL)
    return resolved;
  style = style_lookup (styles, id);
  resolved = g_new0 (Resolved, 1);
  resolved->name = style != NULL && style->name != NULL ? style->name : id;
  resolved->bold = style_bold (styles, id);
  resolved->numbered = style_numbered (styles, id);
  resolved->outline = style_outline (styles, id);
  g_hash_table_insert (cache, (gpointer) id, resolved);
  return resolved;
}

/* ---- The body ---- */

/* The elements the reader acts on. Their names are compared as pointers
 * into the XML reader's own dictionary, which holds every name once. */
typedef enum
{
  EL_OTHER,
  EL_SKIP,          /* read past with everything inside */
  EL_P,
  EL_PPR,
  EL_PSTYLE,
  EL_NUMPR,
  EL_NUMID,
  EL_OUTLINE,
  EL_R,
  EL_RPR,
  EL_RSTYLE,
  EL_B,
  EL_T,
  EL_TAB,
  EL_BR,
  EL_CR,
  EL_HYPHEN,
  EL_FLDCHAR,
  EL_TBL,
  EL_TR,
  EL_TC,
  EL_GRIDSPAN,
  EL_VMERGE,
  EL_GRIDBEFORE,
} Element;

static const struct { const char *name; Element element; } element_names[] = {
  { "p", EL_P }, { "pPr", EL_PPR }, { "pStyle", EL_PSTYLE }, { "numPr", EL_NUMPR },
  { "numId", EL_NUMID }, { "outlineLvl", EL_OUTLINE }, { "r", EL_R }, { "rPr", EL_RPR },
  { "rStyle", EL_RSTYLE }, { "b", EL_B }, { "t", EL_T }, { "tab", EL_TAB }, { "br", EL_BR },
  { "cr", EL_CR }, { "noBreakHyphen", EL_HYPHEN }, { "fldChar", EL_FLDCHAR },
  { "tbl", EL_TBL }, { "tr", EL_TR }, { "tc", EL_TC }, { "gridSpan", EL_GRIDSPAN },
  { "vMerge", EL_VMERGE }, { "gridBefore", EL_GRIDBEFORE },
  /* Nothing the importer reads is inside these: section and table
   * properties, deleted text, field codes, content-control properties,
   * tracked-change records, notes. */
  { "sectPr", EL_SKIP }, { "sdtPr", EL_SKIP }, { "sdtEndPr", EL_SKIP }, { "del", EL_SKIP },
  { "moveFrom", EL_SKIP }, { "instrText", EL_SKIP }, { "delText", EL_SKIP },
  { "delInstrText", EL_SKIP }, { "tblPr", EL_SKIP }, { "tblGrid", EL_SKIP },
  { "pPrChange", EL_SKIP }, { "rPrChange", EL_SKIP }, { "tblPrChange", EL_SKIP },
  { "tcPrChange", EL_SKIP }, { "trPrChange", EL_SKIP }, { "footnoteReference", EL_SKIP },
  { "endnoteReference", EL_SKIP },
};

typedef struct
{
  GString *text;
  GArray *bold;      /* NULL until some text is bold */
  const char *style_id;
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
  GHashTable *styles;
  GHashTable *resolved;  /* style id (from strings) → Resolved */
  const char *last_id;   /* the runs of a paragraph ask for its style again and again */
  const Resolved *last;
  JxDocxBlockFunc func;
  gpointer func_data;
  guint n_paras, n_tables;
  GHashTable *names;     /* dictionary name → Element */
  /* The last names looked up, by a hash of their address: the few names
   * of a body come again and again. */
  struct { const xmlChar *name; Element element; } recent[64];
  const xmlChar *ns_w, *ns_w_strict, *ns_mc, *fallback;
  const xmlChar *val, *type, *fld_char_type;
  GStringChunk *strings; /* style ids and names, kept once */
  GPtrArray *paras;      /* OpenPara: text boxes open paragraphs inside paragraphs */
  GPtrArray *tables;     /* OpenTable */
  GArray *fields;        /* gboolean per open field: in its result */
  GArray *elements;      /* Element of each open element */
  guint skipping;        /* depth inside an element read past */
  gboolean in_text;      /* inside a run's <w:t> */
  gint run_bold;
  const char *run_style;
} Reader;

static void
para_free (JxDocxPara *para)
{
  g_free (para->text);
  g_clear_pointer (&para->bold, g_array_unref);
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

void
jx_docx_block_clear (JxDocxBlock *block)
{
  g_clear_pointer (&block->para, para_free);
  g_clear_pointer (&block->table, table_free);
}

static Element
parent_element (Reader *r)
{
  return r->elements->len > 0 ? g_array_index (r->elements, Element, r->elements->len - 1)
                              : EL_OTHER;
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

static const Resolved *
resolve_style (Reader *r, const char *id)
{
  if (id != r->last_id)
    {
      r->last = resolve (r->resolved, r->styles, id);
      r->last_id = id;
    }
  return r->last;
}

static void
append_text (Reader *r, const char *text, gsize length)
{
  OpenPara *para = current_para (r);
  gint bold = r->run_bold;
  guint start;

  if (length == 0 || !text_visible (r))
    return;
  if (bold < 0 && r->run_style != NULL)
    bold = resolve_style (r, r->run_style)->bold;
  if (bold < 0 && para->style_id != NULL)
    bold = resolve_style (r, para->style_id)->bold;
  start = para->text->len;
  g_string_append_len (para->text, text, length);
  if (bold <= 0)
    return;
  if (para->bold == NULL)
    para->bold = g_array_new (FALSE, FALSE, sizeof (guint));
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
  para->numbered = -1;
  para->outline = -1;
  g_ptr_array_add (r->paras, para);
}

static JxDocxPara *
finish_para (Reader *r, OpenPara *open)
{
  JxDocxPara *para = g_new0 (JxDocxPara, 1);
  const Resolved *style = open->style_id != NULL ? resolve_style (r, open->style_id) : NULL;
  const char *name = style != NULL ? style->name : NULL;

  para->text = g_string_free (g_steal_pointer (&open->text), FALSE);
  para->bold = g_steal_pointer (&open->bold);
  para->style = g_strdup (name);
  para->numbered = open->numbered >= 0 ? open->numbered : style != NULL && style->numbered;
  para->outline = open->outline >= 0 ? open->outline : style != NULL ? style->outline : -1;
  g_free (open);
  return para;
}

static void
add_block (Reader *r, JxDocxPara *para, JxDocxTable *table)
{
  JxDocxBlock block = { para, table };

  r->func (block, r->func_data);
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
    {
      /* Paragraphs are counted as a clerk counts them, outside tables. */
      para->number = ++r->n_paras;
      add_block (r, para, NULL);
    }
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

static JxDocxPara *
copy_para (const JxDocxPara *para)
{
  JxDocxPara *copy = g_new0 (JxDocxPara, 1);

  *copy = *para;
  copy->text = g_strdup (para->text);
  copy->bold = para->bold != NULL ? g_array_copy (para->bold) : NULL;
  copy->style = g_strdup (para->style);
  return copy;
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
                g_ptr_array_add (outer->cell->paras, copy_para (g_ptr_array_index (cell->paras, p)));
            }
        }
      if (outer->cell->tables == NULL)
        outer->cell->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
      g_ptr_array_add (outer->cell->tables, table);
      return;
    }
  table->number = ++r->n_tables;
  add_block (r, NULL, table);
}

static guint
parse_count (const char *value)
{
  long n = value != NULL ? strtol (value, NULL, 10) : 0;

  return (guint) CLAMP (n, 0, 1000);
}

/* An attribute's value by its local name, as a new string or NULL. */
static char *
attribute (const xmlChar *local, int n_attributes, const xmlChar **attributes)
{
  for (int i = 0; i < n_attributes; i++)
    if (attributes[5 * i] == local)
      return g_strndup ((const char *) attributes[5 * i + 3],
                        attributes[5 * i + 4] - attributes[5 * i + 3]);
  return NULL;
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
paragraph_property (Reader *r, Element element, Element parent, const char *value)
{
  OpenPara *para = current_para (r);

  if (para == NULL)
    return;
  if (element == EL_PSTYLE && parent == EL_PPR)
    para->style_id = value != NULL ? g_string_chunk_insert_const (r->strings, value) : NULL;
  else if (element == EL_NUMID && parent == EL_NUMPR)
    para->numbered = value != NULL && strcmp (value, "0") != 0;
  else if (element == EL_OUTLINE && parent == EL_PPR && value != NULL)
    para->outline = CLAMP (atoi (value), 0, 9);
}

static void
cell_property (Reader *r, Element element, const char *value)
{
  OpenTable *table = current_table (r);

  if (table == NULL)
    return;
  if (element == EL_GRIDSPAN && table->cell != NULL)
    table->cell->span = MAX (parse_count (value), 1);
  else if (element == EL_VMERGE && table->cell != NULL)
    table->cell->merge = g_strcmp0 (value, "restart") == 0 ? JX_DOCX_MERGE_RESTART
                                                           : JX_DOCX_MERGE_CONTINUE;
  else if (element == EL_GRIDBEFORE)
    table->column += parse_count (value);
}

/* A run's content other than text: tabs and breaks. */
static void
run_content (Reader *r, Element element, int n_attributes, const xmlChar **attributes)
{
  switch (element)
    {
    case EL_T:
      r->in_text = TRUE;
      break;
    case EL_TAB:
      append_text (r, "\t", 1);
      break;
    case EL_CR:
      append_text (r, "\n", 1);
      break;
    case EL_HYPHEN:
      append_text (r, "-", 1);
      break;
    case EL_BR:
      {
        g_autofree char *type = attribute (r->type, n_attributes, attributes);

        /* A page break is not part of the text. */
        if (type == NULL || strcmp (type, "textWrapping") == 0)
          append_text (r, "\n", 1);
      }
      break;
    default:
      break;
    }
}

static void
start_element (Reader *r, Element element, Element parent, int n_attributes,
               const xmlChar **attributes)
{
  g_autofree char *value = NULL;

  switch (element)
    {
    case EL_P:
      begin_para (r);
      break;
    case EL_R:
      r->run_bold = -1;
      r->run_style = NULL;
      break;
    case EL_RSTYLE:
      value = attribute (r->val, n_attributes, attributes);
      if (parent == EL_RPR && value != NULL)
        r->run_style = g_string_chunk_insert_const (r->strings, value);
      break;
    case EL_B:
      value = attribute (r->val, n_attributes, attributes);
      if (parent == EL_RPR)
        r->run_bold = parse_on_off (value);
      break;
    case EL_FLDCHAR:
      value = attribute (r->fld_char_type, n_attributes, attributes);
      field_char (r, value);
      break;
    case EL_TBL:
      begin_table (r);
      break;
    case EL_TR:
      begin_row (r);
      break;
    case EL_TC:
      begin_cell (r);
      break;
    case EL_GRIDSPAN:
    case EL_VMERGE:
    case EL_GRIDBEFORE:
      value = attribute (r->val, n_attributes, attributes);
      cell_property (r, element, value);
      break;
    case EL_PSTYLE:
    case EL_NUMID:
    case EL_OUTLINE:
      value = attribute (r->val, n_attributes, attributes);
      paragraph_property (r, element, parent, value);
      break;
    default:
      break;
    }
}

static void
end_element (Reader *r, Element element)
{
  switch (element)
    {
    case EL_P:
      end_para (r);
      break;
    case EL_T:
      r->in_text = FALSE;
      break;
    case EL_TC:
      end_cell (r);
      break;
    case EL_TR:
      end_row (r);
      break;
    case EL_TBL:
      if (r->tables->len > 0)
        end_table (r);
      break;
    default:
      break;
    }
}

static Element
element_of (Reader *r, const xmlChar *local, const xmlChar *uri)
{
  guint slot = (guint) (((guintptr) local >> 3) % G_N_ELEMENTS (r->recent));

  if (uri != r->ns_w && uri != r->ns_w_strict)
    return EL_OTHER;
  if (r->recent[slot].name != local)
    {
      r->recent[slot].name = local;
      r->recent[slot].element = GPOINTER_TO_INT (g_hash_table_lookup (r->names, local));
    }
  return r->recent[slot].element;
}

static void
sax_start (gpointer data, const xmlChar *local, const xmlChar *uri, int n_attributes,
           const xmlChar **attributes)
{
  Reader *r = data;
  Element element, parent;

  if (r->skipping > 0)
    {
      r->skipping++;
      return;
    }
  element = element_of (r, local, uri);
  parent = parent_element (r);
  /* Of a text box's two forms only one is read; a paragraph mark's run
   * properties are not the text's. */
  if (element == EL_SKIP || (element == EL_RPR && parent == EL_PPR) ||
      (local == r->fallback && uri == r->ns_mc))
    {
      r->skipping = 1;
      return;
    }
  if (parent == EL_R)
    run_content (r, element, n_attributes, attributes);
  start_element (r, element, parent, n_attributes, attributes);
  g_array_append_val (r->elements, element);
}

static void
sax_end (gpointer data, const xmlChar *local, const xmlChar *uri)
{
  Reader *r = data;
  Element element;

  if (r->skipping > 0)
    {
      r->skipping--;
      return;
    }
  if (r->elements->len == 0)
    return;
  element = g_array_index (r->elements, Element, r->elements->len - 1);
  g_array_set_size (r->elements, r->elements->len - 1);
  end_element (r, element);
}

static void
sax_text (gpointer data, const char *text, int length)
{
  Reader *r = data;

  if (r->in_text && r->skipping == 0)
    append_text (r, text, (gsize) length);
}

static void
open_para_free (gpointer data)
{
  OpenPara *para = data;

  if (para->text != NULL)
    g_string_free (para->text, TRUE);
  g_clear_pointer (&para->bold, g_array_unref);
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

/* The names as the parser's dictionary holds them. */
static void
sax_prepare (gpointer data, xmlDictPtr dict)
{
  Reader *r = data;

  r->names = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < G_N_ELEMENTS (element_names); i++)
    g_hash_table_insert (r->names,
                         (gpointer) xmlDictLookup (dict, BAD_CAST element_names[i].name, -1),
                         GINT_TO_POINTER (element_names[i].element));
  r->ns_w = xmlDictLookup (dict, BAD_CAST NS_W, -1);
  r->ns_w_strict = xmlDictLookup (dict, BAD_CAST NS_W_STRICT, -1);
  r->ns_mc = xmlDictLookup (dict, BAD_CAST NS_MC, -1);
  r->fallback = xmlDictLookup (dict, BAD_CAST "Fallback", -1);
  r->val = xmlDictLookup (dict, BAD_CAST "val", -1);
  r->type = xmlDictLookup (dict, BAD_CAST "type", -1);
  r->fld_char_type = xmlDictLookup (dict, BAD_CAST "fldCharType", -1);
}

static const JxImportSax body_sax = { sax_prepare, sax_start, sax_end, sax_text };

static char *
main_part_folder (const char *main_part)
{
  const char *slash = strrchr (main_part, '/');

  return slash != NULL ? g_strndup (main_part, slash + 1 - main_part) : g_strdup ("");
}

gboolean
jx_docx_body_read (GsfInfile       *zip,
                   JxImportBudget  *budget,
                   JxDocxBlockFunc  func,
                   gpointer         data,
                   GError         **error)
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
      return FALSE;
    }
  if (main_part == NULL)
    main_part = g_strdup ("word/document.xml");
  folder = main_part_folder (main_part);
  rels = g_strdup_printf ("%s_rels/%s.rels", folder, main_part + strlen (folder));
  styles_part = find_relationship (zip, rels, folder, "styles", budget, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }

  r.styles = read_styles (zip, styles_part, budget, error);
  if (r.styles == NULL)
    return FALSE;
  r.resolved = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  r.func = func;
  r.func_data = data;
  r.strings = g_string_chunk_new (1024);
  r.paras = g_ptr_array_new_with_free_func (open_para_free);
  r.tables = g_ptr_array_new_with_free_func (open_table_free);
  r.fields = g_array_new (FALSE, FALSE, sizeof (gboolean));
  r.elements = g_array_new (FALSE, FALSE, sizeof (Element));

  ok = jx_import_xml_parse (zip, main_part, budget, &body_sax, &r, error);

  g_hash_table_unref (r.resolved);
  g_hash_table_unref (r.styles);
  g_clear_pointer (&r.names, g_hash_table_unref);
  g_string_chunk_free (r.strings);
  g_ptr_array_unref (r.paras);
  g_ptr_array_unref (r.tables);
  g_array_unref (r.fields);
  g_array_unref (r.elements);
  return ok;
}
