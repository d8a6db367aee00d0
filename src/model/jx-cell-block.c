/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "jx-cell-block.h"
#include "jx-document-io.h"

struct _JxCellBlock
{
  gatomicrefcount ref_count;
  GPtrArray *rows;              /* of GStrv */
  guint n_columns;
};

G_DEFINE_BOXED_TYPE (JxCellBlock, jx_cell_block, jx_cell_block_ref, jx_cell_block_unref)
G_DEFINE_QUARK (jx-cell-block-error-quark, jx_cell_block_error)

JxCellBlock *
jx_cell_block_new (void)
{
  JxCellBlock *self = g_new0 (JxCellBlock, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return self;
}

JxCellBlock *
jx_cell_block_ref (JxCellBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
jx_cell_block_unref (JxCellBlock *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_ptr_array_unref (self->rows);
  g_free (self);
}

static void
take_row (JxCellBlock *self,
          GPtrArray   *cells)
{
  self->n_columns = MAX (self->n_columns, cells->len);
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (self->rows, g_ptr_array_free (cells, FALSE));
}

void
jx_cell_block_append_row (JxCellBlock        *self,
                          const char * const *cells,
                          int                 n)
{
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (self != NULL);
  for (int i = 0; n < 0 ? cells[i] != NULL : i < n; i++)
    g_ptr_array_add (row, g_strdup (cells[i] != NULL ? cells[i] : ""));
  take_row (self, row);
}

guint
jx_cell_block_get_n_rows (const JxCellBlock *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len;
}

guint
jx_cell_block_get_n_columns (const JxCellBlock *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_columns;
}

guint
jx_cell_block_get_row_length (const JxCellBlock *self,
                              guint              row)
{
  g_return_val_if_fail (self != NULL, 0);
  if (row >= self->rows->len)
    return 0;
  return g_strv_length (g_ptr_array_index (self->rows, row));
}

const char *
jx_cell_block_get_cell (const JxCellBlock *self,
                        guint              row,
                        guint              column)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (column >= jx_cell_block_get_row_length (self, row))
    return NULL;
  return ((char **) g_ptr_array_index (self->rows, row))[column];
}

gboolean
jx_cell_block_is_single (const JxCellBlock *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->rows->len <= 1 && self->n_columns <= 1;
}

static gboolean
too_many_rows (guint    n_rows,
               GError **error)
{
  if (n_rows <= JX_MAX_ROWS)
    return FALSE;
  g_set_error (error, JX_CELL_BLOCK_ERROR, JX_CELL_BLOCK_ERROR_TOO_LARGE,
               _("The copied cells have more than %u rows: a table can have at most %u."),
               JX_MAX_ROWS, JX_MAX_ROWS);
  return TRUE;
}

static gboolean
too_many_columns (guint    n_columns,
                  GError **error)
{
  if (n_columns <= JX_CELL_BLOCK_MAX_COLUMNS)
    return FALSE;
  g_set_error (error, JX_CELL_BLOCK_ERROR, JX_CELL_BLOCK_ERROR_TOO_LARGE,
               _("The copied cells have more than %u columns: that is no table of a budget document."),
               JX_CELL_BLOCK_MAX_COLUMNS);
  return TRUE;
}

/* ---- Tab-separated text ---- */

static gboolean
ends_cell (const char *p,
           const char *end)
{
  return p == end || *p == '\t' || *p == '\n' || *p == '\r';
}

/* A quoted cell from p (at its opening quote) into cell; the position after
 * its closing quote, or NULL when it is no quoted cell after all. Line ends
 * inside become "\n". */
static const char *
read_quoted (const char *p,
             const char *end,
             GString    *cell)
{
  for (p++; p < end; p++)
    {
      if (*p == '"')
        {
          if (p + 1 < end && p[1] == '"')
            {
              g_string_append_c (cell, '"');
              p++;
              continue;
            }
          return ends_cell (p + 1, end) ? p + 1 : NULL;
        }
      if (*p == '\r')
        {
          g_string_append_c (cell, '\n');
          if (p + 1 < end && p[1] == '\n')
            p++;
          continue;
        }
      g_string_append_c (cell, *p);
    }
  return NULL;
}

static const char *
read_cell (const char *p,
           const char *end,
           GString    *cell)
{
  const char *start = p;

  g_string_truncate (cell, 0);
  if (p < end && *p == '"')
    {
      const char *after = read_quoted (p, end, cell);

      if (after != NULL)
        return after;
      g_string_truncate (cell, 0);
    }
  while (!ends_cell (p, end))
    p++;
  g_string_append_len (cell, start, p - start);
  return p;
}

JxCellBlock *
jx_cell_block_parse_tsv (const char *text,
                         gsize       length,
                         GError    **error)
{
  g_autoptr(JxCellBlock) block = jx_cell_block_new ();
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = text, *end = text + length;
  GPtrArray *row = NULL;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end)
    {
      if (row == NULL)
        row = g_ptr_array_new_with_free_func (g_free);
      p = read_cell (p, end, cell);
      g_ptr_array_add (row, g_strndup (cell->str, cell->len));
      if (too_many_columns (row->len, error))
        {
          g_ptr_array_free (row, TRUE);
          return NULL;
        }
      if (p < end && *p == '\t')
        {
          p++;
          /* A tab at the very end still ends in an empty cell. */
          if (p == end)
            g_ptr_array_add (row, g_strdup (""));
          continue;
        }
      if (p < end && *p == '\r')
        {
          p++;
          if (p < end && *p == '\n')
            p++;
        }
      else if (p < end && *p == '\n')
        p++;
      take_row (block, g_steal_pointer (&row));
      if (too_many_rows (block->rows->len, error))
        return NULL;
    }
  if (row != NULL)
    take_row (block, row);
  return g_steal_pointer (&block);
}

static gboolean
needs_quotes (const char *text)
{
  return text[0] == '"' || strpbrk (text, "\t\n\r") != NULL;
}

static void
append_tsv_cell (GString    *out,
                 const char *text)
{
  if (!needs_quotes (text))
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      if (*p == '\r' && p[1] == '\n')
        continue;
      g_string_append_c (out, *p == '\r' ? '\n' : *p);
    }
  g_string_append_c (out, '"');
}

char *
jx_cell_block_to_tsv (const JxCellBlock *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);
  for (guint r = 0; r < self->rows->len; r++)
    {
      char **cells = g_ptr_array_index (self->rows, r);

      if (r > 0)
        g_string_append_c (out, '\n');
      for (guint c = 0; cells[c] != NULL; c++)
        {
          if (c > 0)
            g_string_append_c (out, '\t');
          append_tsv_cell (out, cells[c]);
        }
    }
  return g_string_free (out, FALSE);
}

/* ---- HTML ---- */

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
is_block (xmlNode *node)
{
  static const char *blocks[] = { "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                                  "table", "tr", "blockquote", "pre" };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (is_element (node, blocks[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_html_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

typedef struct
{
  GString *text;
  gboolean space;       /* collapsed white space waits to be written */
  gboolean line_break;  /* and it held a line end (of the HTML source) */
} CellText;

static gunichar
last_char (GString *text)
{
  const char *last;

  if (text->len == 0)
    return 0;
  last = g_utf8_find_prev_char (text->str, text->str + text->len);
  return last != NULL ? g_utf8_get_char (last) : 0;
}

/* White space collapses as a browser shows it. A line end of the source
 * between two Chinese characters is no space at all (Word wraps its HTML
 * lines anywhere, also inside a Chinese sentence). */
static void
write_pending_space (CellText *out,
                     gunichar  next)
{
  gunichar last = last_char (out->text);

  if (out->space && last != 0 && last != '\n' &&
      !(out->line_break && g_unichar_iswide (last) && g_unichar_iswide (next)))
    g_string_append_c (out->text, ' ');
  out->space = out->line_break = FALSE;
}

static void
add_text (CellText   *out,
          const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_html_space (c))
        {
          out->space = TRUE;
          out->line_break |= c == '\n' || c == '\r';
          continue;
        }
      write_pending_space (out, c);
      /* A no-break space (Excel's &nbsp; for leading blanks) is a space. */
      if (c == 0xA0)
        g_string_append_c (out->text, ' ');
      else
        g_string_append_unichar (out->text, c);
    }
}

static void
add_line_break (CellText *out)
{
  g_string_append_c (out->text, '\n');
  out->space = out->line_break = FALSE;
}

static void
add_node_text (CellText *out,
               xmlNode  *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        add_text (out, (const char *) child->content);
      else if (is_element (child, "br"))
        add_line_break (out);
      else if (is_element (child, "style") || is_element (child, "script") ||
               is_element (child, "head") || child->type != XML_ELEMENT_NODE)
        continue;
      else if (is_block (child))
        {
          if (out->text->len > 0 && last_char (out->text) != '\n')
            add_line_break (out);
          add_node_text (out, child);
          if (out->text->len > 0 && last_char (out->text) != '\n')
            add_line_break (out);
        }
      else
        add_node_text (out, child);
    }
}

/* Lines without the spaces around them, and no empty lines at either end. */
static char *
tidy_cell (GString *text)
{
  g_auto(GStrv) lines = g_strsplit (text->str, "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  guint first = 0, last = g_strv_length (lines);

  for (guint i = 0; lines[i] != NULL; i++)
    g_strstrip (lines[i]);
  while (first < last && lines[first][0] == '\0')
    first++;
  while (last > first && lines[last - 1][0] == '\0')
    last--;
  for (guint i = first; i < last; i++)
    {
      if (i > first)
        g_string_append_c (out, '\n');
      g_string_append (out, lines[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
cell_text (xmlNode *cell)
{
  CellText out = { g_string_new (NULL), FALSE, FALSE };
  char *text;

  add_node_text (&out, cell);
  text = tidy_cell (out.text);
  g_string_free (out.text, TRUE);
  return text;
}

static guint
span_of (xmlNode    *cell,
         const char *attribute,
         guint       limit)
{
  g_autofree char *value = (char *) xmlGetProp (cell, (const xmlChar *) attribute);
  gint64 span;

  if (value == NULL)
    return 1;
  span = g_ascii_strtoll (value, NULL, 10);
  /* rowspan="0" reaches to the end of the table. */
  if (span == 0 && g_str_equal (attribute, "rowspan"))
    return limit;
  return (guint) CLAMP (span, 1, (gint64) limit);
}

/* A cell merged down from a row above: its text and the rows it still covers. */
typedef struct
{
  char *text;
  guint rows_left;
} Covered;

typedef struct
{
  JxCellBlock *block;
  GArray *covered;      /* of Covered, by column */
  GError **error;
} Grid;

static void
covered_clear (gpointer data)
{
  g_free (((Covered *) data)->text);
}

static Covered *
covered_at (Grid  *grid,
            guint  column)
{
  if (column >= grid->covered->len)
    g_array_set_size (grid->covered, column + 1);
  return &g_array_index (grid->covered, Covered, column);
}

/* The columns from column on that a cell above still covers: up to the
 * first that is not covered, or with all, up to the last that is (the
 * columns between stay empty). */
static guint
fill_covered (Grid      *grid,
              GPtrArray *row,
              guint      column,
              gboolean   all)
{
  guint end = grid->covered->len;

  if (all)
    while (end > column && covered_at (grid, end - 1)->rows_left == 0)
      end--;
  for (; column < end; column++)
    {
      Covered *above = covered_at (grid, column);

      if (above->rows_left == 0)
        {
          if (!all)
            break;
          g_ptr_array_add (row, g_strdup (""));
          continue;
        }
      g_ptr_array_add (row, g_strdup (above->text));
      above->rows_left--;
    }
  return column;
}

static gboolean
add_cell (Grid      *grid,
          GPtrArray *row,
          xmlNode   *node,
          guint     *column)
{
  guint colspan = span_of (node, "colspan", JX_CELL_BLOCK_MAX_COLUMNS + 1);
  guint rowspan = span_of (node, "rowspan", JX_MAX_ROWS + 1);
  char *text = cell_text (node);

  if (too_many_columns (*column + colspan, grid->error))
    {
      g_free (text);
      return FALSE;
    }
  for (guint k = 0; k < colspan; k++)
    {
      g_ptr_array_add (row, g_strdup (k == 0 ? text : ""));
      if (rowspan > 1)
        {
          Covered *below = covered_at (grid, *column + k);

          g_free (below->text);
          below->text = g_strdup (k == 0 ? text : "");
          below->rows_left = rowspan - 1;
        }
    }
  *column += colspan;
  g_free (text);
  return TRUE;
}

static gboolean
add_row (Grid    *grid,
         xmlNode *tr)
{
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  guint column = 0;

  for (xmlNode *node = tr->children; node != NULL; node = node->next)
    {
      if (!is_element (node, "td") && !is_element (node, "th"))
        continue;
      column = fill_covered (grid, row, column, FALSE);
      if (!add_cell (grid, row, node, &column))
        {
          g_ptr_array_free (row, TRUE);
          return FALSE;
        }
    }
  fill_covered (grid, row, column, TRUE);
  take_row (grid->block, row);
  return !too_many_rows (grid->block->rows->len, grid->error);
}

/* The rows of this table, not of a table nested in one of its cells. */
static gboolean
add_rows (Grid    *grid,
          xmlNode *parent)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (is_element (node, "tr"))
        {
          if (!add_row (grid, node))
            return FALSE;
        }
      else if (node->type == XML_ELEMENT_NODE && !is_element (node, "table") &&
               !is_element (node, "td") && !is_element (node, "th"))
        {
          if (!add_rows (grid, node))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
has_cells (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "td") || is_element (child, "th"))
        return TRUE;
      if (child->type == XML_ELEMENT_NODE && !is_element (child, "table") && has_cells (child))
        return TRUE;
    }
  return FALSE;
}

static xmlNode *
find_table (xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      xmlNode *found;

      if (is_element (node, "table") && has_cells (node))
        return node;
      if (node->type == XML_ELEMENT_NODE && (found = find_table (node->children)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
names_charset (const char *data,
               gsize       length)
{
  g_autofree char *head = g_ascii_strdown (data, MIN (length, 4096));

  return strstr (head, "charset") != NULL;
}

/* The text as UTF-8, or NULL when it names its own charset (<meta>). */
static char *
html_as_utf8 (const char *data,
              gsize       length,
              gsize      *out_length)
{
  const char *from = NULL;
  gsize skip = 0;

  if (length >= 2 && (guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
    from = "UTF-16LE", skip = 2;
  else if (length >= 2 && (guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)
    from = "UTF-16BE", skip = 2;
  else if (length >= 2 && data[0] != 0 && data[1] == 0)
    from = "UTF-16LE";
  else if (length >= 2 && data[0] == 0 && data[1] != 0)
    from = "UTF-16BE";
  if (from != NULL)
    return g_convert (data + skip, (length - skip) & ~(gsize) 1, "UTF-8", from, NULL, out_length, NULL);
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    skip = 3;
  if (g_utf8_validate_len (data + skip, length - skip, NULL))
    {
      *out_length = length - skip;
      return g_memdup2 (data + skip, length - skip);
    }
  if (names_charset (data, length))
    return NULL;
  /* Neither UTF-8 nor saying what it is: a Chinese Windows program's. */
  return g_convert (data, length, "UTF-8", "GB18030", NULL, out_length, NULL);
}

/* Windows puts a header of offsets before the HTML ("Version:0.9\r\n
 * StartHTML:…"); programs that copy its form elsewhere keep it. */
static gsize
clipboard_header_length (const char *data,
                         gsize       length)
{
  const char *tag;

  if (length < 8 || strncmp (data, "Version:", 8) != 0)
    return 0;
  tag = memchr (data, '<', length);
  return tag != NULL ? (gsize) (tag - data) : length;
}

JxCellBlock *
jx_cell_block_parse_html (const char *data,
                          gsize       length,
                          GError    **error)
{
  g_autofree char *utf8 = NULL;
  gsize utf8_length = 0;
  const char *text = data;
  gsize skip;
  htmlDocPtr doc;
  xmlNode *table;
  g_autoptr(JxCellBlock) block = NULL;
  Grid grid;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  if ((utf8 = html_as_utf8 (data, length, &utf8_length)) != NULL)
    text = utf8, length = utf8_length;
  skip = clipboard_header_length (text, length);
  if (length - skip > G_MAXINT)
    length = skip + G_MAXINT;
  doc = htmlReadMemory (text + skip, (int) (length - skip), NULL, utf8 != NULL ? "UTF-8" : NULL,
                        HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                        HTML_PARSE_NOWARNING);
  table = doc != NULL ? find_table (xmlDocGetRootElement (doc)) : NULL;
  if (table == NULL)
    {
      g_set_error (error, JX_CELL_BLOCK_ERROR, JX_CELL_BLOCK_ERROR_NO_TABLE,
                   _("The copied text has no table."));
      if (doc != NULL)
        xmlFreeDoc (doc);
      return NULL;
    }
  block = jx_cell_block_new ();
  grid.block = block;
  grid.covered = g_array_new (FALSE, TRUE, sizeof (Covered));
  g_array_set_clear_func (grid.covered, covered_clear);
  grid.error = error;
  ok = add_rows (&grid, table);
  g_array_unref (grid.covered);
  xmlFreeDoc (doc);
  return ok ? g_steal_pointer (&block) : NULL;
}

static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\r': break;
      /* Excel starts a new row at a plain <br> inside a cell. */
      case '\n': g_string_append (out, "<br style=\"mso-data-placement:same-cell\">"); break;
      default: g_string_append_c (out, *p);
      }
}

char *
jx_cell_block_to_html (const JxCellBlock *self)
{
  GString *out = g_string_new ("<html><head>"
                               "<meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\">"
                               "</head><body><table border=\"1\" cellspacing=\"0\">\n");

  g_return_val_if_fail (self != NULL, NULL);
  for (guint r = 0; r < self->rows->len; r++)
    {
      char **cells = g_ptr_array_index (self->rows, r);

      g_string_append (out, "<tr>");
      for (guint c = 0; cells[c] != NULL; c++)
        {
          /* Text as typed: Excel would read "001" as 1 and "95%" as 0.95. */
          g_string_append (out, "<td style=\"mso-number-format:'\\@'\">");
          append_escaped (out, cells[c]);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</table></body></html>\n");
  return g_string_free (out, FALSE);
}
