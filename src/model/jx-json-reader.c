/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jx-error.h"
#include "jx-json-private.h"

/* The reader works on a window of the text: all of it when the text is in
 * memory, else a buffer refilled from the file, so that a large document
 * is never held whole. Positions in messages are computed only when
 * something is refused, by reading the text again from its start. */

#define BUFFER_SIZE (256 * 1024)

/* Tests set it small (at least 16) to cut texts at every place. */
gsize jx_json_window_size = BUFFER_SIZE;

static void
set_failure (JxJsonReader    *r,
             guint64          offset,
             JxDocumentError  code,
             char            *message)
{
  if (r->failed)
    {
      g_free (message);
      return;
    }
  r->failed = TRUE;
  r->code = code;
  r->error_offset = offset;
  r->message = message;
}

void
jx_json_fail_at (JxJsonReader    *r,
                 guint64          offset,
                 JxDocumentError  code,
                 const char      *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  set_failure (r, offset, code, g_strdup_vprintf (format, args));
  va_end (args);
}

guint64
jx_json_offset (JxJsonReader *r)
{
  return r->window_offset + (guint64) (r->p - r->window);
}

static void
fail_here (JxJsonReader *r, JxDocumentError code, const char *message)
{
  set_failure (r, jx_json_offset (r), code, g_strdup (message));
}

static void
fail_read (JxJsonReader *r, int saved_errno)
{
  if (r->failed)
    return;
  r->read_errno = saved_errno;
  fail_here (r, JX_DOCUMENT_ERROR_SYNTAX, g_strerror (saved_errno));
}

/* Reads from the file at its current position, retrying interruptions. */
static gssize
read_some (int fd, char *buffer, gsize size)
{
  for (;;)
    {
      gssize n = read (fd, buffer, size);

      if (n >= 0 || errno != EINTR)
        return n;
    }
}

/* Makes at least `need` bytes available after r->p when the text has them;
 * moves the window, so pointers into it must be taken again. */
static gboolean
fill (JxJsonReader *r, gsize need)
{
  gsize kept;

  if ((gsize) (r->end - r->p) >= need)
    return TRUE;
  if (r->eof || r->failed)
    return FALSE;

  kept = r->end - r->p;
  memmove (r->buffer, r->p, kept);
  r->window_offset += (guint64) (r->p - r->window);
  r->window = r->p = r->buffer;
  r->end = r->buffer + kept;

  while ((gsize) (r->end - r->p) < need && !r->eof)
    {
      gsize room = r->buffer_size - (r->end - r->buffer);
      gssize n = read_some (r->fd, (char *) r->end, room);

      if (n < 0)
        {
          fail_read (r, errno);
          r->eof = TRUE;
          return FALSE;
        }
      if (n == 0)
        r->eof = TRUE;
      r->total_read += (guint64) n;
      r->end += n;
      if (r->total_read > r->limit)
        {
          r->too_large = TRUE;
          fail_here (r, JX_DOCUMENT_ERROR_TOO_LARGE, "");
          r->eof = TRUE;
          return FALSE;
        }
    }
  return (gsize) (r->end - r->p) >= need;
}

static inline gboolean
more (JxJsonReader *r)
{
  return r->p < r->end || fill (r, 1);
}

void
jx_json_reader_init_data (JxJsonReader *r,
                          const char   *data,
                          gsize         length,
                          guint         max_depth)
{
  memset (r, 0, sizeof *r);
  r->fd = -1;
  r->max_depth = max_depth;
  r->data = data;
  r->length = length;
  r->eof = TRUE;
  r->scratch = g_string_sized_new (256);
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    r->bom = 3;
  r->window = r->p = data + r->bom;
  r->end = data + length;
}

void
jx_json_reader_init_fd (JxJsonReader *r,
                        int           fd,
                        guint64       limit,
                        guint         max_depth)
{
  memset (r, 0, sizeof *r);
  r->fd = fd;
  r->limit = limit;
  r->max_depth = max_depth;
  r->scratch = g_string_sized_new (256);
  r->buffer_size = MAX (jx_json_window_size, 16);
  r->buffer = g_malloc (r->buffer_size);
  r->window = r->p = r->end = r->buffer;
  /* An editor does not show the mark: offsets count from after it. */
  if (fill (r, 3) && memcmp (r->p, "\xEF\xBB\xBF", 3) == 0)
    {
      r->bom = 3;
      r->p += 3;
      r->window = r->p;
    }
}

void
jx_json_reader_clear (JxJsonReader *r)
{
  g_clear_pointer (&r->buffer, g_free);
  g_clear_pointer (&r->message, g_free);
  if (r->scratch != NULL)
    g_string_free (r->scratch, TRUE);
  r->scratch = NULL;
}

/* Going over the whole text again, from its start: for the place of a
 * refusal and for the check that it is UTF-8. The callback gets
 * consecutive pieces, each ending where a character ends, and returns
 * FALSE to stop. */
typedef gboolean (*ScanPiece) (const char *piece, gsize length, gpointer data);

/* Where the last character of a piece starts when the piece ends before
 * that character does, else the piece's end. */
static gsize
whole_characters (const char *piece, gsize length)
{
  for (gsize back = 1; back <= 3 && back <= length; back++)
    {
      guchar c = (guchar) piece[length - back];

      if ((c & 0xC0) == 0x80)
        continue;
      if (c >= 0xC0 && (gsize) g_utf8_skip[c] > back)
        return length - back;
      break;
    }
  return length;
}

static gboolean
scan_text (JxJsonReader *r, ScanPiece scan, gpointer data)
{
  g_autofree char *buffer = NULL;
  guint64 offset = r->bom;   /* of the next byte to read */
  guint64 end = r->limit + r->bom;
  gsize kept = 0;

  if (r->fd < 0)
    {
      scan (r->data + r->bom, r->length - r->bom, data);
      return TRUE;
    }

  buffer = g_malloc (BUFFER_SIZE);
  for (;;)
    {
      gsize got = kept;
      gboolean last = FALSE;
      gsize whole;

      while (got < BUFFER_SIZE && offset < end)
        {
          gssize n = pread (r->fd, buffer + got, MIN ((guint64) (BUFFER_SIZE - got), end - offset),
                            (off_t) offset);

          if (n < 0 && errno == EINTR)
            continue;
          if (n < 0)
            return FALSE;
          if (n == 0)
            break;
          got += (gsize) n;
          offset += (guint64) n;
        }
      last = got < BUFFER_SIZE || offset >= end;
      whole = last ? got : whole_characters (buffer, got);
      if (!scan (buffer, whole, data) || last)
        return TRUE;
      kept = got - whole;
      memmove (buffer, buffer + whole, kept);
    }
}

typedef struct
{
  guint64 target;      /* the offset to find */
  guint64 offset;      /* of the piece being scanned */
  int line;
  int column;
} Place;

static gboolean
find_place (const char *piece, gsize length, gpointer data)
{
  Place *place = data;
  gsize stop = (gsize) MIN ((guint64) length, place->target - place->offset);

  /* Columns count characters, not bytes, as an editor shows them: the
   * bytes that do not continue a character. */
  for (gsize i = 0; i < stop; i++)
    {
      guchar c = (guchar) piece[i];

      if (c == '\n')
        {
          place->line++;
          place->column = 1;
        }
      else if ((c & 0xC0) != 0x80)
        place->column++;
    }
  place->offset += stop;
  return place->offset < place->target;
}

typedef struct
{
  guint64 offset;       /* of the piece being scanned */
  gboolean bad;
  guint64 bad_offset;
  gboolean nul;
} Validation;

static gboolean
validate_piece (const char *piece, gsize length, gpointer data)
{
  Validation *v = data;
  const char *stop;

  if (g_utf8_validate_len (piece, length, &stop))
    {
      v->offset += length;
      return TRUE;
    }
  v->bad = TRUE;
  v->bad_offset = v->offset + (guint64) (stop - piece);
  v->nul = *stop == '\0';
  return FALSE;
}

void
jx_json_reader_take_error (JxJsonReader  *r,
                           GError        *content_error,
                           GError       **error)
{
  Validation v = { 0, };
  Place place = { 0, 0, 1, 1 };
  int saved_errno = r->read_errno;

  if (r->too_large)
    {
      g_clear_error (&content_error);
      g_set_error (error, JX_DOCUMENT_ERROR, JX_DOCUMENT_ERROR_TOO_LARGE,
                   _("the file is larger than %u MB, more than any document can be"),
                   (guint) (r->limit / (1024 * 1024)));
      return;
    }
  if (saved_errno != 0)
    {
      g_clear_error (&content_error);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("the file could not be read to its end: %s"), g_strerror (saved_errno));
      return;
    }

  /* A file that is not UTF-8 is refused for that first, wherever the
   * first wrong byte is: anything else found in it may be a symptom. */
  if (!scan_text (r, validate_piece, &v))
    {
      g_clear_error (&content_error);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("the file could not be read to its end: %s"), g_strerror (errno));
      return;
    }
  if (v.bad)
    {
      g_clear_error (&content_error);
      place.target = v.bad_offset;
      scan_text (r, find_place, &place);
      g_set_error (error, JX_DOCUMENT_ERROR, JX_DOCUMENT_ERROR_ENCODING, "%d:%d: %s",
                   place.line, place.column,
                   v.nul ? _("the file contains a NUL byte") : _("the file is not valid UTF-8 text"));
      return;
    }
  if (!r->failed)
    {
      g_propagate_error (error, content_error);
      return;
    }
  g_clear_error (&content_error);
  place.target = r->error_offset;
  scan_text (r, find_place, &place);
  g_set_error (error, JX_DOCUMENT_ERROR, r->code, "%d:%d: %s", place.line, place.column, r->message);
}

/* Tokens */

static inline void
skip_space (JxJsonReader *r)
{
  for (;;)
    {
      while (r->p < r->end)
        {
          char c = *r->p;

          if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            return;
          r->p++;
        }
      if (!fill (r, 1))
        return;
    }
}

static void
fail_unexpected (JxJsonReader *r, const char *expected)
{
  if (!more (r))
    {
      jx_json_fail_at (r, jx_json_offset (r), JX_DOCUMENT_ERROR_SYNTAX,
                       _("the file ends too early; expected %s"), expected);
      return;
    }
  fill (r, 4);
  {
    gunichar c = g_utf8_get_char_validated (r->p, r->end - r->p);
    char shown[8] = { 0 };

    /* Not UTF-8: the check of the whole text will say so instead. */
    if (c == (gunichar) -1 || c == (gunichar) -2)
      c = '?';
    g_unichar_to_utf8 (c, shown);
    jx_json_fail_at (r, jx_json_offset (r), JX_DOCUMENT_ERROR_SYNTAX,
                     _("unexpected “%s”; expected %s"), g_unichar_isprint (c) ? shown : "?", expected);
  }
}

JxJsonKind
jx_json_peek (JxJsonReader *r)
{
  skip_space (r);
  if (r->p >= r->end)
    return JX_JSON_END;
  switch (*r->p)
    {
    case '{': return JX_JSON_OBJECT;
    case '[': return JX_JSON_ARRAY;
    case '"': return JX_JSON_STRING;
    case 't': return JX_JSON_TRUE;
    case 'f': return JX_JSON_FALSE;
    case 'n': return JX_JSON_NULL;
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return JX_JSON_NUMBER;
    default:
      return JX_JSON_INVALID;
    }
}

gboolean
jx_json_start (JxJsonReader *r)
{
  skip_space (r);
  if (r->p < r->end)
    return TRUE;
  if (!r->failed)
    fail_here (r, JX_DOCUMENT_ERROR_SYNTAX, _("the file is empty"));
  return FALSE;
}

gboolean
jx_json_finish (JxJsonReader *r)
{
  skip_space (r);
  if (r->p >= r->end)
    return !r->failed;
  fail_here (r, JX_DOCUMENT_ERROR_SYNTAX, _("unexpected text after the end of the document"));
  return FALSE;
}

gboolean
jx_json_enter (JxJsonReader *r,
               guint         depth)
{
  if (depth > r->max_depth)
    {
      jx_json_fail_at (r, jx_json_offset (r), JX_DOCUMENT_ERROR_TOO_DEEP,
                       _("objects and arrays are nested more than %u levels deep"), r->max_depth);
      return FALSE;
    }
  r->p++;
  return TRUE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (JxJsonReader *r, const char *at, gunichar *out)
{
  gunichar v = 0;

  if (r->end - at < 4)
    goto bad;
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (at[i]);
      if (h < 0)
        goto bad;
      v = (v << 4) | (gunichar) h;
    }
  *out = v;
  return TRUE;

bad:
  jx_json_fail_at (r, r->window_offset + (guint64) (at - r->window), JX_DOCUMENT_ERROR_SYNTAX,
                   _("“\\u” must be followed by 4 hex digits"));
  return FALSE;
}

/* r->p is at a backslash; the escaped character goes to out. */
static gboolean
read_escape (JxJsonReader *r, GString *out)
{
  const char *at;
  guint64 at_offset;
  gunichar c;

  fill (r, 12);
  at = r->p;
  at_offset = jx_json_offset (r);
  if (at + 1 >= r->end)
    {
      r->p = r->end;
      fail_unexpected (r, _("an escape sequence"));
      return FALSE;
    }

  switch (at[1])
    {
    case '"': g_string_append_c (out, '"'); r->p += 2; return TRUE;
    case '\\': g_string_append_c (out, '\\'); r->p += 2; return TRUE;
    case '/': g_string_append_c (out, '/'); r->p += 2; return TRUE;
    case 'b': g_string_append_c (out, '\b'); r->p += 2; return TRUE;
    case 'f': g_string_append_c (out, '\f'); r->p += 2; return TRUE;
    case 'n': g_string_append_c (out, '\n'); r->p += 2; return TRUE;
    case 'r': g_string_append_c (out, '\r'); r->p += 2; return TRUE;
    case 't': g_string_append_c (out, '\t'); r->p += 2; return TRUE;
    case 'u': break;
    default:
      jx_json_fail_at (r, at_offset, JX_DOCUMENT_ERROR_SYNTAX, _("unknown escape sequence “\\%c”"),
                       g_ascii_isprint (at[1]) ? at[1] : '?');
      return FALSE;
    }

  if (!read_hex4 (r, at + 2, &c))
    return FALSE;
  r->p = at + 6;

  if (c >= 0xDC00 && c <= 0xDFFF)
    goto bad_surrogate;
  if (c >= 0xD800 && c <= 0xDBFF)
    {
      gunichar low;

      if (r->end - r->p < 6 || r->p[0] != '\\' || r->p[1] != 'u')
        goto bad_surrogate;
      if (!read_hex4 (r, r->p + 2, &low))
        return FALSE;
      if (low < 0xDC00 || low > 0xDFFF)
        goto bad_surrogate;
      c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
      r->p += 6;
    }
  if (c == 0)
    {
      jx_json_fail_at (r, at_offset, JX_DOCUMENT_ERROR_ENCODING,
                       _("a text cannot contain the NUL character “\\u0000”"));
      return FALSE;
    }
  g_string_append_unichar (out, c);
  return TRUE;

bad_surrogate:
  jx_json_fail_at (r, at_offset, JX_DOCUMENT_ERROR_ENCODING,
                   _("“\\u” escape is half of a surrogate pair: not a valid character"));
  return FALSE;
}

/* What each byte means inside a text. */
enum { PLAIN, QUOTE, BACKSLASH, CONTROL, LEAD2, LEAD3, LEAD4, BAD };

static const guint8 byte_class[256] = {
  [0x00 ... 0x1F] = CONTROL,
  [0x20 ... 0x21] = PLAIN,
  ['"'] = QUOTE,
  [0x23 ... 0x5B] = PLAIN,
  ['\\'] = BACKSLASH,
  [0x5D ... 0x7F] = PLAIN,
  [0x80 ... 0xC1] = BAD,
  [0xC2 ... 0xDF] = LEAD2,
  [0xE0 ... 0xEF] = LEAD3,
  [0xF0 ... 0xF4] = LEAD4,
  [0xF5 ... 0xFF] = BAD,
};

/* One UTF-8 character of 2 to 4 bytes at p, as the Unicode standard's
 * table of well-formed sequences has it (g_utf8_validate's rule). */
static inline gboolean
valid_sequence (const guchar *p, int n)
{
  guchar lo = 0x80, hi = 0xBF;

  if (n == 3)
    {
      if (p[0] == 0xE0)
        lo = 0xA0;
      else if (p[0] == 0xED)
        hi = 0x9F;
    }
  else if (n == 4)
    {
      if (p[0] == 0xF0)
        lo = 0x90;
      else if (p[0] == 0xF4)
        hi = 0x8F;
    }
  if (p[1] < lo || p[1] > hi)
    return FALSE;
  for (int i = 2; i < n; i++)
    if ((p[i] & 0xC0) != 0x80)
      return FALSE;
  return TRUE;
}

gboolean
jx_json_read_string (JxJsonReader  *r,
                     const char   **text,
                     gsize         *length)
{
  GString *out = r->scratch;
  gboolean copied = FALSE;   /* the text is in out, not in the window */
  const char *run;

  g_string_truncate (out, 0);
  run = ++r->p;
  for (;;)
    {
      const guchar *p = (const guchar *) r->p;
      const guchar *end = (const guchar *) r->end;
      int n;

      /* Plain ASCII and the common 3-byte characters (all of CJK and its
       * punctuation) that need no check beyond their continuation bytes. */
      while (p < end)
        {
          guchar c = *p;

          if (G_LIKELY (byte_class[c] == PLAIN))
            p++;
          else if (c >= 0xE1 && c <= 0xEF && c != 0xED && end - p >= 3 &&
                   (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
            p += 3;
          else
            break;
        }
      r->p = (const char *) p;
      if (p >= end)
        {
          g_string_append_len (out, run, r->p - run);
          copied = TRUE;
          if (!fill (r, 1))
            {
              fail_unexpected (r, _("the closing “\"” of a text"));
              return FALSE;
            }
          run = r->p;
          continue;
        }

      switch (byte_class[*p])
        {
        case QUOTE:
          if (copied)
            {
              g_string_append_len (out, run, r->p - run);
              *text = out->str;
              *length = out->len;
            }
          else
            {
              *text = run;
              *length = r->p - run;
            }
          r->p++;
          return TRUE;

        case BACKSLASH:
          g_string_append_len (out, run, r->p - run);
          copied = TRUE;
          if (!read_escape (r, out))
            return FALSE;
          run = r->p;
          continue;

        case CONTROL:
          fail_here (r, JX_DOCUMENT_ERROR_SYNTAX,
                     *p == '\n' ? _("a text is not closed before the end of the line")
                                : _("a control character in a text must be written as an escape"));
          return FALSE;

        case LEAD2: n = 2; break;
        case LEAD3: n = 3; break;
        case LEAD4: n = 4; break;
        default:
          fail_here (r, JX_DOCUMENT_ERROR_ENCODING, "");
          return FALSE;
        }

      if (end - p < n)
        {
          /* The character is cut by the end of the window. */
          g_string_append_len (out, run, r->p - run);
          copied = TRUE;
          fill (r, n);
          run = r->p;
          p = (const guchar *) r->p;
          end = (const guchar *) r->end;
          if (end - p < n)
            {
              fail_here (r, JX_DOCUMENT_ERROR_ENCODING, "");
              return FALSE;
            }
        }
      if (!valid_sequence (p, n))
        {
          fail_here (r, JX_DOCUMENT_ERROR_ENCODING, "");
          return FALSE;
        }
      r->p += n;
    }
}

/* The next byte, reading more when the window is used up; -1 at the end. */
static inline int
next_byte (JxJsonReader *r)
{
  if (r->p >= r->end && !fill (r, 1))
    return -1;
  return (guchar) *r->p;
}

gboolean
jx_json_read_number (JxJsonReader *r,
                     JxJsonNumber *number)
{
  guint64 begin = jx_json_offset (r);
  char buffer[64];
  gsize n = 0;   /* bytes of the number; those that fit are in buffer */
  gboolean is_integer = TRUE;
  int c;

#define TAKE() G_STMT_START { if (n < sizeof buffer) buffer[n] = (char) c; n++; r->p++; c = next_byte (r); } G_STMT_END

  c = next_byte (r);
  if (c == '-')
    TAKE ();
  if (c == '0')
    TAKE ();
  else if (c >= '1' && c <= '9')
    while (c >= '0' && c <= '9')
      TAKE ();
  else
    {
      fail_unexpected (r, _("a digit"));
      return FALSE;
    }
  if (c == '.')
    {
      is_integer = FALSE;
      TAKE ();
      if (!(c >= '0' && c <= '9'))
        {
          fail_unexpected (r, _("a digit after the decimal point"));
          return FALSE;
        }
      while (c >= '0' && c <= '9')
        TAKE ();
    }
  if (c == 'e' || c == 'E')
    {
      is_integer = FALSE;
      TAKE ();
      if (c == '+' || c == '-')
        TAKE ();
      if (!(c >= '0' && c <= '9'))
        {
          fail_unexpected (r, _("a digit in the exponent"));
          return FALSE;
        }
      while (c >= '0' && c <= '9')
        TAKE ();
    }
#undef TAKE

  if (n >= sizeof buffer)
    {
      jx_json_fail_at (r, begin, JX_DOCUMENT_ERROR_SYNTAX, _("a number with too many digits"));
      return FALSE;
    }
  buffer[n] = '\0';

  number->is_integer = is_integer;
  if (is_integer)
    {
      gint64 v;

      errno = 0;
      v = g_ascii_strtoll (buffer, NULL, 10);
      if (errno == ERANGE)
        {
          jx_json_fail_at (r, begin, JX_DOCUMENT_ERROR_SYNTAX,
                           _("the whole number %s is too large"), buffer);
          return FALSE;
        }
      number->integer = v;
      number->number = (double) v;
    }
  else
    {
      double v = g_ascii_strtod (buffer, NULL);

      if (!isfinite (v))
        {
          jx_json_fail_at (r, begin, JX_DOCUMENT_ERROR_SYNTAX, _("the number %s is too large"), buffer);
          return FALSE;
        }
      number->integer = 0;
      number->number = v;
    }
  return TRUE;
}

gboolean
jx_json_read_literal (JxJsonReader *r,
                      JxJsonKind    kind)
{
  const char *word = kind == JX_JSON_TRUE ? "true" : kind == JX_JSON_FALSE ? "false" : "null";
  gsize length = strlen (word);

  if (!fill (r, length) || memcmp (r->p, word, length) != 0)
    {
      fail_unexpected (r, _("a value"));
      return FALSE;
    }
  r->p += length;
  return TRUE;
}

gboolean
jx_json_object_next (JxJsonReader  *r,
                     gboolean      *first,
                     const char   **name,
                     gsize         *name_length,
                     guint64       *name_offset)
{
  skip_space (r);
  if (*first)
    {
      *first = FALSE;
      if (r->p < r->end && *r->p == '}')
        {
          r->p++;
          return FALSE;
        }
    }
  else if (r->p < r->end && *r->p == ',')
    {
      r->p++;
      skip_space (r);
    }
  else if (r->p < r->end && *r->p == '}')
    {
      r->p++;
      return FALSE;
    }
  else
    {
      fail_unexpected (r, _("“,” or “}”"));
      return FALSE;
    }

  *name_offset = jx_json_offset (r);
  if (r->p >= r->end || *r->p != '"')
    {
      fail_unexpected (r, _("a member name in double quotes"));
      return FALSE;
    }
  return jx_json_read_string (r, name, name_length);
}

gboolean
jx_json_colon (JxJsonReader *r)
{
  skip_space (r);
  if (r->p >= r->end || *r->p != ':')
    {
      fail_unexpected (r, _("“:” after a member name"));
      return FALSE;
    }
  r->p++;
  return TRUE;
}

gboolean
jx_json_array_next (JxJsonReader *r,
                    gboolean     *first)
{
  skip_space (r);
  if (*first)
    {
      *first = FALSE;
      if (r->p < r->end && *r->p == ']')
        {
          r->p++;
          return FALSE;
        }
      return TRUE;
    }
  if (r->p < r->end && *r->p == ',')
    {
      r->p++;
      return TRUE;
    }
  if (r->p < r->end && *r->p == ']')
    {
      r->p++;
      return FALSE;
    }
  fail_unexpected (r, _("“,” or “]”"));
  return FALSE;
}

/* Values read whole: as json-glib nodes (build) or only checked. */

static gboolean parse_value (JxJsonReader *r, guint depth, JsonNode **out);

static gboolean
parse_object (JxJsonReader *r, guint depth, JsonNode **out)
{
  g_autoptr(JsonObject) object = out != NULL ? json_object_new () : NULL;
  g_autoptr(GHashTable) names = NULL;   /* when only checking */
  gboolean first = TRUE;
  const char *name;
  gsize length;
  guint64 name_offset;

  if (!jx_json_enter (r, depth))
    return FALSE;
  while (jx_json_object_next (r, &first, &name, &length, &name_offset))
    {
      g_autofree char *key = g_strndup (name, length);
      JsonNode *value = NULL;
      gboolean twice;

      if (object != NULL)
        twice = json_object_has_member (object, key);
      else
        {
          if (names == NULL)
            names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          twice = !g_hash_table_add (names, g_strdup (key));
        }
      if (twice)
        {
          jx_json_fail_at (r, name_offset, JX_DOCUMENT_ERROR_SYNTAX,
                           _("the member “%s” appears twice in one object"), key);
          return FALSE;
        }
      if (!jx_json_colon (r) || !parse_value (r, depth, out != NULL ? &value : NULL))
        return FALSE;
      if (object != NULL)
        json_object_set_member (object, key, value);
    }
  if (r->failed)
    return FALSE;
  if (out != NULL)
    {
      *out = json_node_alloc ();
      json_node_init_object (*out, object);
    }
  return TRUE;
}

static gboolean
parse_array (JxJsonReader *r, guint depth, JsonNode **out)
{
  g_autoptr(JsonArray) array = out != NULL ? json_array_new () : NULL;
  gboolean first = TRUE;

  if (!jx_json_enter (r, depth))
    return FALSE;
  while (jx_json_array_next (r, &first))
    {
      JsonNode *value = NULL;

      if (!parse_value (r, depth, out != NULL ? &value : NULL))
        return FALSE;
      if (array != NULL)
        json_array_add_element (array, value);
    }
  if (r->failed)
    return FALSE;
  if (out != NULL)
    {
      *out = json_node_alloc ();
      json_node_init_array (*out, array);
    }
  return TRUE;
}

/* depth: of the object or array the value is in. */
static gboolean
parse_value (JxJsonReader *r, guint depth, JsonNode **out)
{
  JxJsonKind kind = jx_json_peek (r);

  switch (kind)
    {
    case JX_JSON_OBJECT:
      return parse_object (r, depth + 1, out);
    case JX_JSON_ARRAY:
      return parse_array (r, depth + 1, out);
    case JX_JSON_STRING:
      {
        const char *text;
        gsize length;

        if (!jx_json_read_string (r, &text, &length))
          return FALSE;
        if (out != NULL)
          {
            g_autofree char *copy = g_strndup (text, length);

            *out = json_node_alloc ();
            json_node_init_string (*out, copy);
          }
        return TRUE;
      }
    case JX_JSON_NUMBER:
      {
        JxJsonNumber number;

        if (!jx_json_read_number (r, &number))
          return FALSE;
        if (out != NULL)
          {
            *out = json_node_alloc ();
            if (number.is_integer)
              json_node_init_int (*out, number.integer);
            else
              json_node_init_double (*out, number.number);
          }
        return TRUE;
      }
    case JX_JSON_TRUE:
    case JX_JSON_FALSE:
    case JX_JSON_NULL:
      if (!jx_json_read_literal (r, kind))
        return FALSE;
      if (out != NULL)
        {
          *out = json_node_alloc ();
          if (kind == JX_JSON_NULL)
            json_node_init_null (*out);
          else
            json_node_init_boolean (*out, kind == JX_JSON_TRUE);
        }
      return TRUE;
    default:
      fail_unexpected (r, _("a value"));
      return FALSE;
    }
}

JsonNode *
jx_json_read_node (JxJsonReader *r,
                   guint         depth)
{
  JsonNode *node = NULL;

  if (!parse_value (r, depth, &node))
    {
      g_clear_pointer (&node, json_node_unref);
      return NULL;
    }
  return node;
}

gboolean
jx_json_skip (JxJsonReader *r,
              guint         depth,
              const char  **description)
{
  JxJsonKind kind = jx_json_peek (r);

  if (description != NULL)
    switch (kind)
      {
      case JX_JSON_OBJECT: *description = _("an object"); break;
      case JX_JSON_ARRAY: *description = _("an array"); break;
      case JX_JSON_NULL: *description = _("null"); break;
      case JX_JSON_STRING: *description = _("a text"); break;
      case JX_JSON_TRUE:
      case JX_JSON_FALSE: *description = _("true or false"); break;
      case JX_JSON_NUMBER:
        {
          JxJsonNumber number;

          if (!jx_json_read_number (r, &number))
            return FALSE;
          *description = number.is_integer ? _("a whole number") : _("a number with decimals");
          return TRUE;
        }
      default:
        break;
      }
  return parse_value (r, depth, NULL);
}
