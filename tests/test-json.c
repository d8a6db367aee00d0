/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "jx-error.h"
#include "jx-json-private.h"
#include "jx-money.h"

static JsonNode *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = jx_json_parse (text, strlen (text), 64, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static void
assert_refused (const char *text, gsize length, JxDocumentError code, const char *place)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = jx_json_parse (text, length, 64, &error);

  g_assert_null (node);
  g_assert_error (error, JX_DOCUMENT_ERROR, (int) code);
  if (!g_str_has_prefix (error->message, place))
    g_error ("“%s”: expected “%s…”, got “%s”", text, place, error->message);
}

#define REFUSED(text, code, place) assert_refused (text, strlen (text), code, place)

static void
test_strict (void)
{
  REFUSED ("{\"a\": 1,}", JX_DOCUMENT_ERROR_SYNTAX, "1:9:");
  REFUSED ("[1, 2,]", JX_DOCUMENT_ERROR_SYNTAX, "1:7:");
  REFUSED ("{'a': 1}", JX_DOCUMENT_ERROR_SYNTAX, "1:2:");
  REFUSED ("{\"a\": 1} // note", JX_DOCUMENT_ERROR_SYNTAX, "1:10:");
  REFUSED ("/* c */ {}", JX_DOCUMENT_ERROR_SYNTAX, "1:1:");
  REFUSED ("[0x10]", JX_DOCUMENT_ERROR_SYNTAX, "1:3:");
  REFUSED ("[01]", JX_DOCUMENT_ERROR_SYNTAX, "1:3:");
  REFUSED ("[1.]", JX_DOCUMENT_ERROR_SYNTAX, "1:4:");
  REFUSED ("[.5]", JX_DOCUMENT_ERROR_SYNTAX, "1:2:");
  REFUSED ("[+1]", JX_DOCUMENT_ERROR_SYNTAX, "1:2:");
  REFUSED ("[NaN]", JX_DOCUMENT_ERROR_SYNTAX, "1:2:");
  REFUSED ("[Infinity]", JX_DOCUMENT_ERROR_SYNTAX, "1:2:");
  REFUSED ("[tru]", JX_DOCUMENT_ERROR_SYNTAX, "1:2:");
  REFUSED ("{\"a\": 1, \"a\": 2}", JX_DOCUMENT_ERROR_SYNTAX, "1:10:");
  REFUSED ("{\"a\": 1, \"a\" 2}", JX_DOCUMENT_ERROR_SYNTAX, "1:10:");
  REFUSED ("[\"a\tb\"]", JX_DOCUMENT_ERROR_SYNTAX, "1:4:");
  REFUSED ("[\"\\x\"]", JX_DOCUMENT_ERROR_SYNTAX, "1:3:");
  REFUSED ("[\"\\u12\"]", JX_DOCUMENT_ERROR_SYNTAX, "1:5:");
  REFUSED ("{} {}", JX_DOCUMENT_ERROR_SYNTAX, "1:4:");
  REFUSED ("", JX_DOCUMENT_ERROR_SYNTAX, "1:1:");
  REFUSED ("   \n  ", JX_DOCUMENT_ERROR_SYNTAX, "2:3:");
}

static void
test_numbers (void)
{
  g_autoptr(JsonNode) big = parse_ok ("[9223372036854775807, -9223372036854775808, 1e308, 0.5]");
  JsonArray *a = json_node_get_array (big);

  g_assert_cmpint (json_array_get_int_element (a, 0), ==, G_MAXINT64);
  g_assert_cmpint (json_array_get_int_element (a, 1), ==, G_MININT64);
  g_assert_cmpfloat (json_array_get_double_element (a, 2), ==, 1e308);
  g_assert_cmpfloat (json_array_get_double_element (a, 3), ==, 0.5);

  REFUSED ("[9223372036854775808]", JX_DOCUMENT_ERROR_SYNTAX, "1:2:");
  REFUSED ("[-9223372036854775809]", JX_DOCUMENT_ERROR_SYNTAX, "1:2:");
  REFUSED ("[1e309]", JX_DOCUMENT_ERROR_SYNTAX, "1:2:");
  REFUSED ("[-1e999]", JX_DOCUMENT_ERROR_SYNTAX, "1:2:");
}

static void
test_encoding (void)
{
  g_autoptr(JsonNode) pair = parse_ok ("[\"\\ud83d\\ude00 \\u4e2d\"]");

  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (pair), 0), ==, "😀 中");

  REFUSED ("[\"\\ud800\"]", JX_DOCUMENT_ERROR_ENCODING, "1:3:");
  REFUSED ("[\"\\ud800x\"]", JX_DOCUMENT_ERROR_ENCODING, "1:3:");
  REFUSED ("[\"\\udc00\"]", JX_DOCUMENT_ERROR_ENCODING, "1:3:");
  REFUSED ("[\"\\ud800\\u0041\"]", JX_DOCUMENT_ERROR_ENCODING, "1:3:");
  REFUSED ("[\"a\\u0000b\"]", JX_DOCUMENT_ERROR_ENCODING, "1:4:");
  REFUSED ("[\"中\xff\"]", JX_DOCUMENT_ERROR_ENCODING, "1:4:");
  REFUSED ("[\"\xc0\xaf\"]", JX_DOCUMENT_ERROR_ENCODING, "1:3:");   /* overlong */
  REFUSED ("{\n\n  \"名\": \"\xed\xa0\x80\"}", JX_DOCUMENT_ERROR_ENCODING, "3:9:");
  assert_refused ("[\"a\0b\"]", 7, JX_DOCUMENT_ERROR_ENCODING, "1:4:");
}

/* The reader checks UTF-8 as it goes: it must accept exactly what
 * g_utf8_validate does, for every lead byte and the edge values after it. */
static void
test_utf8_like_glib (void)
{
  static const guchar edges[] = { 0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF,
                                  0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF };
  guint n = G_N_ELEMENTS (edges);

  for (guint lead = 0x80; lead <= 0xFF; lead++)
    for (guint a = 0; a < n; a++)
      for (guint b = 0; b < n; b++)
        for (guint c = 0; c < n; c++)
          {
            char text[8] = { '"', (char) lead, (char) edges[a], (char) edges[b], (char) edges[c], '"' };
            g_autoptr(GError) error = NULL;
            g_autoptr(JsonNode) node = jx_json_parse (text, 6, 64, &error);
            gboolean valid = g_utf8_validate_len (text + 1, 4, NULL);

            if (valid != (node != NULL))
              g_error ("%02x %02x %02x %02x: GLib says %s, the reader %s", lead, edges[a], edges[b],
                       edges[c], valid ? "valid" : "invalid", node != NULL ? "accepts" : "refuses");
            /* A refusal for the encoding names the first wrong byte. */
            if (!valid)
              {
                const char *stop;
                g_autofree char *place = NULL;

                g_utf8_validate_len (text + 1, 4, &stop);
                place = g_strdup_printf ("1:%ld:", 2 + g_utf8_strlen (text + 1, stop - text - 1));
                if (error->code == JX_DOCUMENT_ERROR_ENCODING && !g_str_has_prefix (error->message, place))
                  g_error ("%02x %02x %02x %02x: expected %s, got %s", lead, edges[a], edges[b],
                           edges[c], place, error->message);
              }
          }
}

static void
test_bom_and_crlf (void)
{
  const char *text = "\xEF\xBB\xBF{\r\n  \"a\": [1,\r\n 2]\r\n}\r\n";
  g_autoptr(JsonNode) node = parse_ok (text);

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (node), "a")), ==, 2);
  /* Positions after a BOM count from the first real character. */
  REFUSED ("\xEF\xBB\xBF{\r\n  x}", JX_DOCUMENT_ERROR_SYNTAX, "2:3:");
  REFUSED ("\xEF\xBB\xBF{x}", JX_DOCUMENT_ERROR_SYNTAX, "1:2:");
  REFUSED ("\xEF\xBB\xBF\xFF", JX_DOCUMENT_ERROR_ENCODING, "1:1:");
}

static void
test_depth (void)
{
  gsize n = 100000;
  g_autofree char *deep = g_malloc (2 * n + 1);
  g_autofree char *ok = NULL;
  g_autoptr(JsonNode) node = NULL;

  memset (deep, '[', n);
  memset (deep + n, ']', n);
  deep[2 * n] = '\0';
  assert_refused (deep, 2 * n, JX_DOCUMENT_ERROR_TOO_DEEP, "1:65:");

  /* 64 levels are fine. */
  ok = g_strnfill (64, '[');
  {
    g_autofree char *closing = g_strnfill (64, ']');
    g_autofree char *text = g_strconcat (ok, closing, NULL);
    node = parse_ok (text);
  }
  g_assert_nonnull (node);
}

static char *
write_text (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  jx_json_write (out, node);
  return g_string_free (out, FALSE);
}

static void
test_write_layout (void)
{
  g_autoptr(JsonNode) node =
    parse_ok ("{\"名称\":\"遵化\\n\\u001f\\\"\\\\\",\"a\":[],\"o\":{},\"n\":null,\"t\":true,\"l\":[1,{\"x\":-2}]}");
  g_autofree char *text = write_text (node);

  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"名称\": \"遵化\\n\\u001f\\\"\\\\\",\n"
                   "  \"a\": [],\n"
                   "  \"o\": {},\n"
                   "  \"n\": null,\n"
                   "  \"t\": true,\n"
                   "  \"l\": [\n"
                   "    1,\n"
                   "    {\n"
                   "      \"x\": -2\n"
                   "    }\n"
                   "  ]\n"
                   "}\n");
}

static char *
double_text (double v)
{
  GString *out = g_string_new (NULL);

  jx_json_write_double (out, v);
  return g_string_free (out, FALSE);
}

static void
test_write_doubles (void)
{
  const struct { double v; const char *text; } cases[] = {
    { 0.1, "0.1" }, { 0.30000000000000004, "0.30000000000000004" }, { 1e-8, "1e-8" },
    { 1e-7, "0.0000001" }, { 0.000001, "0.000001" }, { 123.456789, "123.456789" }, { 2.5, "2.5" },
    { 1e21, "1e21" }, { 1e20, "1e20" }, { 123456789012345678.0, "123456789012345680" }, { -0.75, "-0.75" }, { 5e-324, "5e-324" },
    { 1.7976931348623157e308, "1.7976931348623157e308" }, { 30, "30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = double_text (cases[i].v);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Amounts are written from the double nearest to the micro-unit value: the
 * shortest form of that double must be exactly the amount's decimals. */
static void
test_amounts_write_exactly (void)
{
  GRand *rand = g_rand_new_with_seed (20241126);

  for (guint i = 0; i < 200000; i++)
    {
      JxMoney m = (JxMoney) g_rand_int_range (rand, 1, G_MAXINT32) *
                  (i % 2 ? 1 : g_rand_int_range (rand, 1, 400000));
      g_autofree char *text = NULL;
      g_autofree char *exact = NULL;

      if (m > JX_MONEY_MAX)
        m %= JX_MONEY_MAX;
      text = double_text (jx_money_to_double (m));
      exact = jx_money_format_exact (m);
      if (g_strcmp0 (text, exact) != 0)
        g_error ("amount %" G_GINT64_FORMAT ": wrote %s, expected %s", m, text, exact);
    }
  g_rand_free (rand);
}

static void
test_doubles_round_trip (void)
{
  GRand *rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 100000; i++)
    {
      double v = (g_rand_double (rand) - 0.5) * pow (10, g_rand_int_range (rand, -30, 30));
      g_autofree char *text = double_text (v);
      g_autofree char *array = g_strconcat ("[", text, "]", NULL);
      g_autoptr(JsonNode) node = parse_ok (array);
      JsonNode *element = json_array_get_element (json_node_get_array (node), 0);
      double back = json_node_get_value_type (element) == G_TYPE_INT64
                      ? (double) json_node_get_int (element)
                      : json_node_get_double (element);

      if (back != v)
        g_error ("%.17g written as %s read back as %.17g", v, text, back);
    }
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/strict", test_strict);
  g_test_add_func ("/json/numbers", test_numbers);
  g_test_add_func ("/json/encoding", test_encoding);
  g_test_add_func ("/json/utf8-like-glib", test_utf8_like_glib);
  g_test_add_func ("/json/bom-and-crlf", test_bom_and_crlf);
  g_test_add_func ("/json/depth", test_depth);
  g_test_add_func ("/json/write-layout", test_write_layout);
  g_test_add_func ("/json/write-doubles", test_write_doubles);
  g_test_add_func ("/json/amounts-write-exactly", test_amounts_write_exactly);
  g_test_add_func ("/json/doubles-round-trip", test_doubles_round_trip);
  return g_test_run ();
}
