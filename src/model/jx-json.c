/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "jx-error.h"
#include "jx-json-private.h"

typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  guint max_depth;
  GError **error;
  GString *scratch;   /* the text being read, reused to save allocations */
} Parser;

static JsonNode *parse_value (Parser *parser, guint depth);

static void
position_of (const char *start, const char *at, int *line, int *column)
{
  const char *line_start = start;

  *line = 1;
  for (const char *q = start; q < at; q++)
    if (*q == '\n')
      {
        (*line)++;
        line_start = q + 1;
      }
  /* Columns count characters, not bytes, as an editor shows them. */
  *column = 1 + (int) g_utf8_strlen (line_start, at - line_start);
}

G_GNUC_PRINTF (4, 5)
static void
fail_at (Parser *parser, const char *at, JxDocumentError code, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;
  int line, column;

  if (parser->error == NULL || *parser->error != NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  position_of (parser->start, at, &line, &column);
  g_set_error (parser->error, JX_DOCUMENT_ERROR, code, "%d:%d: %s", line, column, message);
}

static void
fail_unexpected (Parser *parser, const char *expected)
{
  if (parser->p >= parser->end)
    fail_at (parser, parser->p, JX_DOCUMENT_ERROR_SYNTAX,
             _("the file ends too early; expected %s"), expected);
  else
    {
      gunichar c = g_utf8_get_char (parser->p);
      char shown[8] = { 0 };

      g_unichar_to_utf8 (c, shown);
      fail_at (parser, parser->p, JX_DOCUMENT_ERROR_SYNTAX,
               _("unexpected “%s”; expected %s"), g_unichar_isprint (c) ? shown : "?", expected);
    }
}

static void
skip_space (Parser *parser)
{
  while (parser->p < parser->end)
    {
      char c = *parser->p;
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      parser->p++;
    }
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
read_hex4 (Parser *parser, const char *at, gunichar *out)
{
  gunichar v = 0;

  if (parser->end - at < 4)
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
  fail_at (parser, at, JX_DOCUMENT_ERROR_SYNTAX, _("“\\u” must be followed by 4 hex digits"));
  return FALSE;
}

static gboolean
read_escape (Parser *parser, GString *out)
{
  const char *at = parser->p;   /* at the backslash */
  gunichar c;

  if (at + 1 >= parser->end)
    {
      parser->p = parser->end;
      fail_unexpected (parser, _("an escape sequence"));
      return FALSE;
    }

  switch (at[1])
    {
    case '"': g_string_append_c (out, '"'); parser->p += 2; return TRUE;
    case '\\': g_string_append_c (out, '\\'); parser->p += 2; return TRUE;
    case '/': g_string_append_c (out, '/'); parser->p += 2; return TRUE;
    case 'b': g_string_append_c (out, '\b'); parser->p += 2; return TRUE;
    case 'f': g_string_append_c (out, '\f'); parser->p += 2; return TRUE;
    case 'n': g_string_append_c (out, '\n'); parser->p += 2; return TRUE;
    case 'r': g_string_append_c (out, '\r'); parser->p += 2; return TRUE;
    case 't': g_string_append_c (out, '\t'); parser->p += 2; return TRUE;
    case 'u': break;
    default:
      fail_at (parser, at, JX_DOCUMENT_ERROR_SYNTAX, _("unknown escape sequence “\\%c”"),
               g_ascii_isprint (at[1]) ? at[1] : '?');
      return FALSE;
    }

  if (!read_hex4 (parser, at + 2, &c))
    return FALSE;
  parser->p = at + 6;

  if (c >= 0xDC00 && c <= 0xDFFF)
    goto bad_surrogate;
  if (c >= 0xD800 && c <= 0xDBFF)
    {
      gunichar low;

      if (parser->end - parser->p < 6 || parser->p[0] != '\\' || parser->p[1] != 'u')
        goto bad_surrogate;
      if (!read_hex4 (parser, parser->p + 2, &low))
        return FALSE;
      if (low < 0xDC00 || low > 0xDFFF)
        goto bad_surrogate;
      c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
      parser->p += 6;
    }
  if (c == 0)
    {
      fail_at (parser, at, JX_DOCUMENT_ERROR_ENCODING, _("a text cannot contain the NUL character “\\u0000”"));
      return FALSE;
    }
  g_string_append_unichar (out, c);
  return TRUE;

bad_surrogate:
  fail_at (parser, at, JX_DOCUMENT_ERROR_ENCODING,
           _("“\\u” escape is half of a surrogate pair: not a valid character"));
  return FALSE;
}

/* parser->p is at the opening quote; the input is known to be valid UTF-8.
 * The text is left in parser->scratch. */
static gboolean
parse_string (Parser *parser)
{
  GString *out = parser->scratch;
  const char *run = ++parser->p;

  g_string_truncate (out, 0);
  while (parser->p < parser->end)
    {
      unsigned char c = (unsigned char) *parser->p;

      if (c == '"')
        {
          g_string_append_len (out, run, parser->p - run);
          parser->p++;
          return TRUE;
        }
      if (c == '\\')
        {
          g_string_append_len (out, run, parser->p - run);
          if (!read_escape (parser, out))
            return FALSE;
          run = parser->p;
          continue;
        }
      if (c < 0x20)
        {
          fail_at (parser, parser->p, JX_DOCUMENT_ERROR_SYNTAX,
                   c == '\n' ? _("a text is not closed before the end of the line")
                             : _("a control character in a text must be written as an escape"));
          return FALSE;
        }
      parser->p++;
    }
  fail_unexpected (parser, _("the closing “\"” of a text"));
  return FALSE;
}

static JsonNode *
parse_number (Parser *parser)
{
  const char *begin = parser->p;
  const char *p = parser->p;
  gboolean is_integer = TRUE;
  char buffer[64];
  JsonNode *node;

  if (p < parser->end && *p == '-')
    p++;
  if (p < parser->end && *p == '0')
    p++;
  else if (p < parser->end && *p >= '1' && *p <= '9')
    while (p < parser->end && g_ascii_isdigit (*p))
      p++;
  else
    {
      parser->p = p;
      fail_unexpected (parser, _("a digit"));
      return NULL;
    }
  if (p < parser->end && *p == '.')
    {
      is_integer = FALSE;
      if (++p >= parser->end || !g_ascii_isdigit (*p))
        {
          parser->p = p;
          fail_unexpected (parser, _("a digit after the decimal point"));
          return NULL;
        }
      while (p < parser->end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < parser->end && (*p == 'e' || *p == 'E'))
    {
      is_integer = FALSE;
      p++;
      if (p < parser->end && (*p == '+' || *p == '-'))
        p++;
      if (p >= parser->end || !g_ascii_isdigit (*p))
        {
          parser->p = p;
          fail_unexpected (parser, _("a digit in the exponent"));
          return NULL;
        }
      while (p < parser->end && g_ascii_isdigit (*p))
        p++;
    }
  parser->p = p;

  if ((gsize) (p - begin) >= sizeof buffer)
    {
      fail_at (parser, begin, JX_DOCUMENT_ERROR_SYNTAX, _("a number with too many digits"));
      return NULL;
    }
  memcpy (buffer, begin, p - begin);
  buffer[p - begin] = '\0';

  node = json_node_alloc ();
  if (is_integer)
    {
      gint64 v;

      errno = 0;
      v = g_ascii_strtoll (buffer, NULL, 10);
      if (errno == ERANGE)
        {
          fail_at (parser, begin, JX_DOCUMENT_ERROR_SYNTAX,
                   _("the whole number %s is too large"), buffer);
          json_node_unref (node);
          return NULL;
        }
      json_node_init_int (node, v);
    }
  else
    {
      double v = g_ascii_strtod (buffer, NULL);

      if (!isfinite (v))
        {
          fail_at (parser, begin, JX_DOCUMENT_ERROR_SYNTAX,
                   _("the number %s is too large"), buffer);
          json_node_unref (node);
          return NULL;
        }
      json_node_init_double (node, v);
    }
  return node;
}

static JsonNode *
parse_object (Parser *parser, guint depth)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node;

  parser->p++;
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == '}')
    {
      parser->p++;
      goto done;
    }

  for (;;)
    {
      const char *name_at;
      g_autofree char *name = NULL;
      JsonNode *value;


      skip_space (parser);
      name_at = parser->p;
      if (parser->p >= parser->end || *parser->p != '"')
        {
          fail_unexpected (parser, _("a member name in double quotes"));
          return NULL;
        }
      if (!parse_string (parser))
        return NULL;
      name = g_strndup (parser->scratch->str, parser->scratch->len);
      if (json_object_has_member (object, name))
        {
          fail_at (parser, name_at, JX_DOCUMENT_ERROR_SYNTAX,
                   _("the member “%s” appears twice in one object"), name);
          return NULL;
        }
      skip_space (parser);
      if (parser->p >= parser->end || *parser->p != ':')
        {
          fail_unexpected (parser, _("“:” after a member name"));
          return NULL;
        }
      parser->p++;
      if ((value = parse_value (parser, depth)) == NULL)
        return NULL;
      json_object_set_member (object, name, value);

      skip_space (parser);
      if (parser->p < parser->end && *parser->p == ',')
        {
          parser->p++;
          continue;
        }
      if (parser->p < parser->end && *parser->p == '}')
        {
          parser->p++;
          break;
        }
      fail_unexpected (parser, _("“,” or “}”"));
      return NULL;
    }

done:
  node = json_node_alloc ();
  json_node_init_object (node, object);
  return node;
}

static JsonNode *
parse_array (Parser *parser, guint depth)
{
  g_autoptr(JsonArray) array = json_array_new ();
  JsonNode *node;

  parser->p++;
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == ']')
    {
      parser->p++;
      goto done;
    }

  for (;;)
    {
      JsonNode *value = parse_value (parser, depth);

      if (value == NULL)
        return NULL;
      json_array_add_element (array, value);
      skip_space (parser);
      if (parser->p < parser->end && *parser->p == ',')
        {
          parser->p++;
          continue;
        }
      if (parser->p < parser->end && *parser->p == ']')
        {
          parser->p++;
          break;
        }
      fail_unexpected (parser, _("“,” or “]”"));
      return NULL;
    }

done:
  node = json_node_alloc ();
  json_node_init_array (node, array);
  return node;
}

static JsonNode *
parse_literal (Parser *parser, const char *word)
{
  gsize len = strlen (word);
  JsonNode *node;

  if ((gsize) (parser->end - parser->p) < len || memcmp (parser->p, word, len) != 0)
    {
      fail_unexpected (parser, _("a value"));
      return NULL;
    }
  parser->p += len;
  node = json_node_alloc ();
  if (word[0] == 'n')
    json_node_init_null (node);
  else
    json_node_init_boolean (node, word[0] == 't');
  return node;
}

static JsonNode *
parse_value (Parser *parser, guint depth)
{
  skip_space (parser);
  if (parser->p >= parser->end)
    {
      fail_unexpected (parser, _("a value"));
      return NULL;
    }

  switch (*parser->p)
    {
    case '{':
    case '[':
      if (depth + 1 > parser->max_depth)
        {
          fail_at (parser, parser->p, JX_DOCUMENT_ERROR_TOO_DEEP,
                   _("objects and arrays are nested more than %u levels deep"), parser->max_depth);
          return NULL;
        }
      return *parser->p == '{' ? parse_object (parser, depth + 1) : parse_array (parser, depth + 1);
    case '"':
      {
        JsonNode *node;

        if (!parse_string (parser))
          return NULL;
        node = json_node_alloc ();
        json_node_init_string (node, parser->scratch->str);
        return node;
      }
    case 't': return parse_literal (parser, "true");
    case 'f': return parse_literal (parser, "false");
    case 'n': return parse_literal (parser, "null");
    default:
      if (*parser->p == '-' || g_ascii_isdigit (*parser->p))
        return parse_number (parser);
      fail_unexpected (parser, _("a value"));
      return NULL;
    }
}

JsonNode *
jx_json_parse (const char *data,
               gsize       length,
               guint       max_depth,
               GError    **error)
{
  g_autoptr(GString) scratch = g_string_sized_new (256);
  Parser parser = { data, data, data + length, max_depth, error, scratch };
  const char *invalid = NULL;
  JsonNode *root;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    parser.p += 3;

  if (!g_utf8_validate_len (parser.p, parser.end - parser.p, &invalid))
    {
      fail_at (&parser, invalid, JX_DOCUMENT_ERROR_ENCODING,
               *invalid == '\0' ? _("the file contains a NUL byte")
                                : _("the file is not valid UTF-8 text"));
      return NULL;
    }

  skip_space (&parser);
  if (parser.p >= parser.end)
    {
      fail_at (&parser, parser.p, JX_DOCUMENT_ERROR_SYNTAX, _("the file is empty"));
      return NULL;
    }

  if ((root = parse_value (&parser, 0)) == NULL)
    return NULL;

  skip_space (&parser);
  if (parser.p < parser.end)
    {
      fail_at (&parser, parser.p, JX_DOCUMENT_ERROR_SYNTAX,
               _("unexpected text after the end of the document"));
      json_node_unref (root);
      return NULL;
    }
  return root;
}

/* Writing */

void
jx_json_write_indent (GString *out, guint level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

void
jx_json_write_string (GString *out, const char *s)
{
  const char *run = s;

  g_string_append_c (out, '"');
  for (; *s; s++)
    {
      unsigned char c = (unsigned char) *s;
      const char *escape = NULL;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      g_string_append_len (out, run, s - run);
      run = s + 1;
      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
      if (escape != NULL)
        g_string_append (out, escape);
    }
  g_string_append_len (out, run, s - run);
  g_string_append_c (out, '"');
}

/* The shortest decimal that reads back as the same double, written without
 * an exponent for everyday magnitudes. */
void
jx_json_write_double (GString *out,
                      double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char digits[32];
  char *e;
  int ndigits = 0;
  int exponent;
  gboolean negative;

  g_return_if_fail (isfinite (value));

  if (value == 0)
    {
      g_string_append_c (out, '0');
      return;
    }

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%de", precision - 1);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  /* buffer is "-d.ddde±XX": split it into digits and exponent. */
  negative = buffer[0] == '-';
  e = strchr (buffer, 'e');
  exponent = atoi (e + 1);
  for (char *q = buffer + negative; q < e; q++)
    if (g_ascii_isdigit (*q))
      digits[ndigits++] = *q;
  while (ndigits > 1 && digits[ndigits - 1] == '0')
    ndigits--;
  digits[ndigits] = '\0';

  if (negative)
    g_string_append_c (out, '-');

  /* From 1e18 on a plain integer could exceed gint64 and be refused when
   * read back, so such values keep their exponent. */
  if (exponent >= 18 || exponent < -7)
    {
      g_string_append_c (out, digits[0]);
      if (ndigits > 1)
        {
          g_string_append_c (out, '.');
          g_string_append (out, digits + 1);
        }
      g_string_append_printf (out, "e%d", exponent);
    }
  else if (exponent < 0)
    {
      g_string_append (out, "0.");
      for (int i = -1; i > exponent; i--)
        g_string_append_c (out, '0');
      g_string_append (out, digits);
    }
  else
    {
      for (int i = 0; i <= exponent; i++)
        g_string_append_c (out, i < ndigits ? digits[i] : '0');
      if (ndigits > exponent + 1)
        {
          g_string_append_c (out, '.');
          g_string_append (out, digits + exponent + 1);
        }
    }
}



static void
write_object (GString *out, JsonObject *object, guint level)
{
  g_autoptr(GList) members = json_object_get_members (object);

  if (members == NULL)
    {
      g_string_append (out, "{}");
      return;
    }
  g_string_append (out, "{\n");
  for (GList *l = members; l != NULL; l = l->next)
    {
      jx_json_write_indent (out, level + 1);
      jx_json_write_string (out, l->data);
      g_string_append (out, ": ");
      jx_json_write_node (out, json_object_get_member (object, l->data), level + 1);
      g_string_append (out, l->next != NULL ? ",\n" : "\n");
    }
  jx_json_write_indent (out, level);
  g_string_append_c (out, '}');
}

static void
write_array (GString *out, JsonArray *array, guint level)
{
  guint n = json_array_get_length (array);

  if (n == 0)
    {
      g_string_append (out, "[]");
      return;
    }
  g_string_append (out, "[\n");
  for (guint i = 0; i < n; i++)
    {
      jx_json_write_indent (out, level + 1);
      jx_json_write_node (out, json_array_get_element (array, i), level + 1);
      g_string_append (out, i + 1 < n ? ",\n" : "\n");
    }
  jx_json_write_indent (out, level);
  g_string_append_c (out, ']');
}

void
jx_json_write_node (GString *out, JsonNode *node, guint level)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      write_object (out, json_node_get_object (node), level);
      break;
    case JSON_NODE_ARRAY:
      write_array (out, json_node_get_array (node), level);
      break;
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          jx_json_write_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          jx_json_write_string (out, json_node_get_string (node));
          break;
        default:
          g_assert_not_reached ();
        }
      break;
    default:
      g_assert_not_reached ();
    }
}

void
jx_json_write (GString  *out,
               JsonNode *node)
{
  jx_json_write_node (out, node, 0);
  g_string_append_c (out, '\n');
}
