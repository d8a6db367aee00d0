/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "jx-error.h"
#include "jx-json-private.h"

/* Reading: the pull reader, building a tree. */

JsonNode *
jx_json_parse (const char *data,
               gsize       length,
               guint       max_depth,
               GError    **error)
{
  JxJsonReader reader;
  JsonNode *root = NULL;

  jx_json_reader_init_data (&reader, data, length, max_depth);
  if (jx_json_start (&reader) && (root = jx_json_read_node (&reader, 0)) != NULL &&
      jx_json_finish (&reader))
    {
      jx_json_reader_clear (&reader);
      return root;
    }
  g_clear_pointer (&root, json_node_unref);
  jx_json_reader_take_error (&reader, NULL, error);
  jx_json_reader_clear (&reader);
  return NULL;
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
