/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jx-import.h"
#include "jx-sheet-read.h"

/* CSV as Chinese Excel and WPS save it: GBK (GB18030 reads it) unless
 * saved as "CSV UTF-8", which has a byte order mark; "Unicode text" is
 * tab-separated UTF-16. Quoting as RFC 4180 has it, line ends of any
 * system. */

/* Lines looked at to tell the separator. */
#define SNIFF_LINES 20
/* Bytes of text read between two looks at the cancellable: a few
 * microseconds' work, so a cancel is felt at once and costs nothing. */
#define CANCEL_STRIDE 65536

/* Text converted at a time: a few milliseconds' work between two looks
 * at the cancellable. */
#define CONVERT_CHUNK (1024 * 1024)

/* Where the chunk of text from p ends: just after the first line break at
 * least CONVERT_CHUNK bytes on, or at end. A line break is never part of
 * a GB18030 or UTF-16 sequence, so each chunk converts on its own. */
static const char *
chunk_end (const char *p, const char *end, const char *from)
{
  gboolean utf16 = g_str_has_prefix (from, "UTF-16");
  gboolean little = g_str_equal (from, "UTF-16LE");
  const char *q;

  if ((gsize) (end - p) <= CONVERT_CHUNK)
    return end;
  if (!utf16)
    {
      q = memchr (p + CONVERT_CHUNK, '\n', end - p - CONVERT_CHUNK);
      return q != NULL ? q + 1 : end;
    }
  /* p is at a code unit; so is every even offset from it. */
  for (q = p + CONVERT_CHUNK; q + 1 < end; q += 2)
    if (q[little ? 0 : 1] == '\n' && q[little ? 1 : 0] == '\0')
      return q + 2;
  return end;
}

/* The text in UTF-8, NULL when it is no text in from (or holds a NUL). */
static char *
convert (const char *data, gsize length, const char *from, GCancellable *cancellable,
         GError **error)
{
  GString *text = g_string_sized_new (length + length / 2 + 1);
  const char *end = data + length;

  for (const char *p = data; p < end;)
    {
      const char *cut = chunk_end (p, end, from);
      gsize written = 0;
      g_autofree char *part = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_string_free (text, TRUE);
          return NULL;
        }
      part = g_convert (p, cut - p, "UTF-8", from, NULL, &written, NULL);
      if (part == NULL || memchr (part, 0, written) != NULL)
        {
          g_string_free (text, TRUE);
          g_set_error_literal (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_UNSUPPORTED,
                               _("The file is not text in UTF-8 or GBK, the encodings Excel and WPS "
                                 "save CSV in. Save it again as “CSV UTF-8” or as an Excel "
                                 "workbook (.xlsx)."));
          return NULL;
        }
      g_string_append_len (text, part, written);
      p = cut;
    }
  return g_string_free (text, FALSE);
}

static char *
to_utf8 (const char *data, gsize length, GCancellable *cancellable, GError **error)
{
  static const char bom[] = "\xEF\xBB\xBF";
  const guchar *u = (const guchar *) data;
  const char *from = NULL;

  if (length >= 3 && memcmp (data, bom, 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  else if (length >= 2 && u[0] == 0xFF && u[1] == 0xFE)
    from = "UTF-16LE";
  else if (length >= 2 && u[0] == 0xFE && u[1] == 0xFF)
    from = "UTF-16BE";
  if (from == NULL && g_utf8_validate_len (data, length, NULL))
    return g_strndup (data, length);
  if (from == NULL)
    from = "GB18030";
  else
    {
      data += 2;
      length -= 2;
    }
  return convert (data, length, from, cancellable, error);
}

/* The separator used most outside quotes in the first lines: a comma, a
 * tab or a semicolon (European Excel). */
static char
sniff_separator (const char *text)
{
  const char candidates[] = { ',', '\t', ';' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint lines = 0;
  guint best = 0;

  for (const char *p = text; *p && lines < SNIFF_LINES; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == '\n')
        lines++;
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
          counts[i] += *p == candidates[i];
    }
  for (guint i = 1; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > counts[best])
      best = i;
  return candidates[best];
}

typedef struct
{
  GString *fields[JX_SHEET_MAX_COLUMNS];
  JxCell   cells[JX_SHEET_MAX_COLUMNS];
  guint    n;          /* fields in the record so far */
  guint    rows;       /* records with content so far */
} Record;

/* The field being read, or NULL beyond the columns that are read. */
static GString *
field_at (Record *r, guint i)
{
  if (i >= JX_SHEET_MAX_COLUMNS)
    return NULL;
  if (r->fields[i] == NULL)
    r->fields[i] = g_string_new (NULL);
  r->n = MAX (r->n, i + 1);
  return r->fields[i];
}

static void
append (Record *r, guint i, char c)
{
  GString *field = field_at (r, i);

  if (field != NULL)
    g_string_append_c (field, c);
}

static gboolean
hand_over (Record *r, guint row, const char *name, const JxSheetCallbacks *callbacks,
           gpointer user_data, GError **error)
{
  guint n = 0;

  for (guint i = 0; i < r->n; i++)
    {
      GString *field = r->fields[i];

      r->cells[i].kind = field->len > 0 ? JX_CELL_TEXT : JX_CELL_EMPTY;
      r->cells[i].text = field->str;
      r->cells[i].number = 0;
      r->cells[i].merged = FALSE;
      if (field->len > 0)
        n = i + 1;
    }
  if (n > 0 && ++r->rows > JX_SHEET_MAX_ROWS)
    {
      g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_TOO_LARGE,
                   _("Sheet “%s” has more than %d rows; Jixiao reads sheets of up to %d rows. "
                     "Split it, or delete the rows that are not indicators."),
                   name, JX_SHEET_MAX_ROWS, JX_SHEET_MAX_ROWS);
      return FALSE;
    }
  if (n > 0 && !callbacks->row (row, r->cells, n, user_data, error))
    return FALSE;
  for (guint i = 0; i < r->n; i++)
    g_string_truncate (r->fields[i], 0);
  r->n = 0;
  return TRUE;
}

/* RFC 4180: a field that starts with a quote runs to the closing quote,
 * "" inside it being one quote; a quote elsewhere is just a character. */
static gboolean
parse (const char *text, const char *name, const JxSheetCallbacks *callbacks,
       gpointer user_data, GCancellable *cancellable, GError **error)
{
  char separator = sniff_separator (text);
  Record *r = g_new0 (Record, 1);
  guint row = 1, field = 0;
  gboolean quoted = FALSE, at_start = TRUE, ok = TRUE;
  const char *next_look = text;

  for (const char *p = text; ok && *p; p++)
    {
      if (p >= next_look)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              ok = FALSE;
              break;
            }
          next_look = p + CANCEL_STRIDE;
        }
      if (quoted && *p == '"' && p[1] == '"')
        append (r, field, *p++);
      else if (quoted && *p == '"')
        quoted = FALSE;
      else if (quoted)
        append (r, field, *p);
      else if (*p == '"' && at_start)
        {
          quoted = TRUE;
          field_at (r, field);
        }
      else if (*p == separator)
        {
          field_at (r, field++);
          field_at (r, field);
          at_start = TRUE;
          continue;
        }
      else if (*p == '\r' || *p == '\n')
        {
          if (*p == '\r' && p[1] == '\n')
            p++;
          ok = hand_over (r, row++, name, callbacks, user_data, error);
          field = 0;
          at_start = TRUE;
          continue;
        }
      else
        append (r, field, *p);
      at_start = FALSE;
    }
  if (ok && r->n > 0)
    ok = hand_over (r, row, name, callbacks, user_data, error);
  for (guint i = 0; i < JX_SHEET_MAX_COLUMNS; i++)
    if (r->fields[i] != NULL)
      g_string_free (r->fields[i], TRUE);
  g_free (r);
  return ok;
}

gboolean
jx_sheet_read_csv (const char              *data,
                   gsize                    length,
                   const char              *sheet_name,
                   const JxSheetCallbacks  *callbacks,
                   gpointer                 user_data,
                   GCancellable            *cancellable,
                   GError                 **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (sheet_name != NULL && callbacks != NULL && callbacks->row != NULL, FALSE);

  text = to_utf8 (data, length, cancellable, error);
  if (text == NULL)
    return FALSE;
  if (callbacks->sheet != NULL && !callbacks->sheet (sheet_name, user_data, error))
    return FALSE;
  return parse (text, sheet_name, callbacks, user_data, cancellable, error);
}
