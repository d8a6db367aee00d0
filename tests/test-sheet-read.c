/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gsf/gsf.h>
#include <string.h>

#include "jx-import.h"
#include "jx-sheet-read.h"
#include "jx-test-utils.h"

/* Reading spreadsheets as other programs write them: numbers as their
 * formats show them, CSV in the encodings Chinese Excel and WPS save, and
 * broken or hostile workbooks refused with a reason and bounded memory. */

/* ---- Numbers as shown ---- */

static void
test_format_number (void)
{
  static const struct { double number; const char *code; const char *shown; } cases[] = {
    { 0.1 + 0.2, NULL, "0.3" },
    { 0.1 + 0.2, "General", "0.3" },
    { 95, "General", "95" },
    { 1346.0088, "0.0000", "1346.0088" },
    { 100, "0.0", "100.0" },
    { 2.675, "0.00", "2.68" },
    { 0.95, "0%", "95%" },
    { 0.955, "0.0%", "95.5%" },
    { 1200, "#,##0", "1,200" },
    { 1234567.891, "#,##0.00", "1,234,567.89" },
    { 3, "0\"万元\"", "3万元" },
    { 3.5, "0.##", "3.5" },
    { 3, "0.##", "3" },
    { -3.5, "0.00;[Red]-0.00", "-3.50" },
    { -3.5, "0.00", "-3.50" },
    { 12345, "0.00E+00", "1.23E+04" },
    { 45657, "yyyy\"年\"m\"月\"d\"日\"", "2024年12月31日" },
    { 45657, "yyyy-mm-dd", "2024-12-31" },
    { 45657, "[$-804]yyyy/m/d", "2024/12/31" },
    /* A date shows the parts its format has, and no more: the 时效指标
     * "2024年12月" typed into a Chinese Excel is a date shown this way. */
    { 45627, "yyyy\"年\"m\"月\"", "2024年12月" },
    { 45657, "m\"月\"d\"日\"", "12月31日" },
    { 45657, "yyyy\"年\"mm\"月\"dd\"日\";@", "2024年12月31日" },
    { 45658, "yy-mm-dd", "25-01-01" },
    { 45657.75, "yyyy/m/d h:mm", "2024/12/31 18:00" },
    { 0.3958333333, "h:mm", "9:30" },
    { 0.3958333333, "h\"时\"mm\"分\"", "9时30分" },
    { 45657, "mmm-yy", "Dec-24" },
    { 13028124000, "General", "13028124000" },
    { 130281240009421, "0", "130281240009421" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = jx_sheet_format_number (cases[i].number, cases[i].code);

      g_test_message ("%.17g under %s", cases[i].number, cases[i].code);
      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

static void
test_columns (void)
{
  g_autofree char *c = jx_sheet_column_name (2);
  g_autofree char *aa = jx_sheet_column_name (26);
  g_autofree char *xfd = jx_sheet_column_name (16383);

  g_assert_cmpstr (c, ==, "C");
  g_assert_cmpstr (aa, ==, "AA");
  g_assert_cmpstr (xfd, ==, "XFD");
  g_assert_cmpint (jx_sheet_column_index ("C"), ==, 2);
  g_assert_cmpint (jx_sheet_column_index ("aa"), ==, 26);
  g_assert_cmpint (jx_sheet_column_index ("XFD"), ==, 16383);
  g_assert_cmpint (jx_sheet_column_index ("12"), ==, -1);
}

/* ---- Collecting rows ---- */

typedef struct
{
  GPtrArray *sheets;
  GPtrArray *rows;   /* "row: cell|cell|…" with merged cells marked "+" */
  guint      stop_at;
} Collected;

static gboolean
sheet_cb (const char *name, gpointer user_data, GError **error)
{
  Collected *c = user_data;

  g_ptr_array_add (c->sheets, g_strdup (name));
  return TRUE;
}

static gboolean
row_cb (guint row, const JxCell *cells, guint n, gpointer user_data, GError **error)
{
  Collected *c = user_data;
  GString *line = g_string_new (NULL);

  g_string_append_printf (line, "%u:", row);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (line, "%s%s%s", i > 0 ? "|" : "", cells[i].merged ? "+" : "",
                            cells[i].text);
  if (c->rows->len < 50)
    g_ptr_array_add (c->rows, g_string_free (line, FALSE));
  else
    g_string_free (line, TRUE);
  return TRUE;
}

static const JxSheetCallbacks callbacks = { sheet_cb, row_cb };

static void
collected_init (Collected *c)
{
  c->sheets = g_ptr_array_new_with_free_func (g_free);
  c->rows = g_ptr_array_new_with_free_func (g_free);
}

static void
collected_clear (Collected *c)
{
  g_ptr_array_unref (c->sheets);
  g_ptr_array_unref (c->rows);
}

static const char *
row_text (Collected *c, guint i)
{
  g_assert_cmpuint (i, <, c->rows->len);
  return g_ptr_array_index (c->rows, i);
}

/* ---- CSV ---- */

static gboolean
read_csv (const char *data, gsize length, Collected *c, GError **error)
{
  collected_init (c);
  return jx_sheet_read_csv (data, length, "表", &callbacks, c, NULL, error);
}

static void
test_csv_quotes (void)
{
  static const char text[] =
    "一级指标,二级指标,三级指标,指标值\r\n"
    "产出指标,数量指标,\"会议次数,全年\",\"≥3\"\"次\"\"\"\r\n"
    "\"效益\n指标\",,满意度,≥95%\n"
    "\n"
    ",,,\n"
    "他说\"好\",a,b,c";
  Collected c;
  g_autoptr(GError) error = NULL;

  g_assert_true (read_csv (text, strlen (text), &c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.rows->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (c.sheets, 0), ==, "表");
  g_assert_cmpstr (row_text (&c, 1), ==, "2:产出指标|数量指标|会议次数,全年|≥3\"次\"");
  g_assert_cmpstr (row_text (&c, 2), ==, "3:效益\n指标||满意度|≥95%");
  /* Blank records are not rows; records keep their numbers. */
  g_assert_cmpstr (row_text (&c, 3), ==, "6:他说\"好\"|a|b|c");
  collected_clear (&c);
}

static void
test_csv_encodings (void)
{
  static const char utf8[] = "三级指标,指标值\n会议次数,≥3次\n";
  g_autofree char *gbk = g_convert (utf8, -1, "GBK", "UTF-8", NULL, NULL, NULL);
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", utf8, NULL);
  g_autofree char *tabs = g_strdelimit (g_strdup (utf8), ",", '\t');
  gsize utf16_length;
  g_autofree char *utf16 = g_convert (tabs, -1, "UTF-16LE", "UTF-8", NULL, &utf16_length, NULL);
  g_autofree char *marked = g_malloc (utf16_length + 2);
  const struct { const char *data; gsize length; } inputs[] = {
    { utf8, strlen (utf8) }, { gbk, strlen (gbk) }, { bom, strlen (bom) },
    { marked, utf16_length + 2 }, { "三级指标;指标值\n会议次数;≥3次\n", 0 },
  };

  memcpy (marked, "\xFF\xFE", 2);
  memcpy (marked + 2, utf16, utf16_length);
  g_assert_true (gbk != NULL && strlen (gbk) < strlen (utf8));
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      Collected c;
      g_autoptr(GError) error = NULL;
      gsize length = inputs[i].length ? inputs[i].length : strlen (inputs[i].data);

      g_test_message ("input %u", i);
      g_assert_true (read_csv (inputs[i].data, length, &c, &error));
      g_assert_cmpuint (c.rows->len, ==, 2);
      g_assert_cmpstr (row_text (&c, 0), ==, "1:三级指标|指标值");
      g_assert_cmpstr (row_text (&c, 1), ==, "2:会议次数|≥3次");
      collected_clear (&c);
    }
}

/* Rows of a long file, each line once, for comparing whole reads. */
static gboolean
digest_row_cb (guint row, const JxCell *cells, guint n, gpointer user_data, GError **error)
{
  GChecksum *sum = user_data;
  g_autofree char *number = g_strdup_printf ("%u:", row);

  g_checksum_update (sum, (const guchar *) number, -1);
  for (guint i = 0; i < n; i++)
    {
      g_checksum_update (sum, (const guchar *) cells[i].text, -1);
      g_checksum_update (sum, (const guchar *) "|", 1);
    }
  return TRUE;
}

static char *
digest_csv (const char *data, gsize length)
{
  static const JxSheetCallbacks digest = { NULL, digest_row_cb };
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) error = NULL;

  g_assert_true (jx_sheet_read_csv (data, length, "表", &digest, sum, NULL, &error));
  g_assert_no_error (error);
  return g_strdup (g_checksum_get_string (sum));
}

/* A file of several MB is converted piece by piece (so that a cancel is
 * felt during it): the rows read are the same in every encoding, whatever
 * falls at the joins. */
static void
test_csv_long_encodings (void)
{
  g_autoptr(GString) utf8 = g_string_new ("项目名称,三级指标,指标值\n");
  const char *encodings[] = { "GB18030", "UTF-16LE", "UTF-16BE" };
  g_autofree char *expected = NULL;

  for (guint i = 0; utf8->len < 4 * 1024 * 1024; i++)
    g_string_append_printf (utf8, "项目%u,\"会议次数\n第%u行\",≥%u次%.*s\r\n", i, i, i % 97,
                            (int) (i % 7) * 3, "一二三四五六七八九十一二三四五六七八九十一");
  expected = digest_csv (utf8->str, utf8->len);
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      gsize length;
      g_autofree char *converted = g_convert (utf8->str, utf8->len, encodings[i], "UTF-8",
                                              NULL, &length, NULL);
      g_autoptr(GString) data = g_string_new (NULL);
      g_autofree char *got = NULL;

      g_assert_nonnull (converted);
      if (i == 1)
        g_string_append_len (data, "\xFF\xFE", 2);
      else if (i == 2)
        g_string_append_len (data, "\xFE\xFF", 2);
      g_string_append_len (data, converted, length);
      g_test_message ("%s", encodings[i]);
      got = digest_csv (data->str, data->len);
      g_assert_cmpstr (got, ==, expected);
    }
}

static void
test_csv_refused (void)
{
  static const char binary[] = "\x81\x30\xFF\xFF\xFE";
  g_autoptr(GString) many = g_string_new ("三级指标,指标值\n");
  g_autoptr(GError) error = NULL;
  Collected c;

  /* Not GB18030 either: FF is no lead byte. */
  g_assert_false (read_csv (binary, sizeof binary - 1, &c, &error));
  g_assert_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "GBK"));
  collected_clear (&c);
  g_clear_error (&error);

  for (guint i = 0; i < JX_SHEET_MAX_ROWS; i++)
    g_string_append (many, "x,1\n");
  g_assert_false (read_csv (many->str, many->len, &c, &error));
  g_assert_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "100000"));
  collected_clear (&c);
}

/* ---- Workbooks, made part by part ---- */

static const char workbook[] =
  "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
  "<sheets><sheet name=\"指标\" sheetId=\"1\" r:id=\"rId1\"/>"
  "<sheet name=\"隐藏\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/></sheets></workbook>";
static const char workbook_rels[] =
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId3\" Type=\"http://x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
  "<Relationship Id=\"rId4\" Type=\"http://x/styles\" Target=\"styles.xml\"/>"
  "</Relationships>";
static const char strings[] =
  "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
  "<si><t>一级指标</t></si><si><r><t>产出</t></r><r><t>指标</t></r>"
  "<rPh><t>チャンシュツ</t></rPh></si><si><t xml:space=\"preserve\"> a_x000D_b </t></si></sst>";
static const char styles[] =
  "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
  "<numFmts><numFmt numFmtId=\"164\" formatCode=\"0.0000\"/></numFmts>"
  "<cellStyleXfs><xf numFmtId=\"0\"/></cellStyleXfs>"
  "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"9\"/></cellXfs>"
  "</styleSheet>";

/* A workbook of one visible sheet (and a hidden one) with the given
 * sheet XML; extra parts replace the standard ones by path. */
static GBytes *
make_workbook (const char *sheet, gsize sheet_length, ...)
{
  GsfOutput *sink = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (sink, NULL);
  g_autoptr(GHashTable) parts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *standard[][2] = {
    { "xl/workbook.xml", workbook }, { "xl/_rels/workbook.xml.rels", workbook_rels },
    { "xl/sharedStrings.xml", strings }, { "xl/styles.xml", styles },
  };
  GBytes *bytes;
  va_list args;
  const char *path;

  va_start (args, sheet_length);
  while ((path = va_arg (args, const char *)) != NULL)
    g_hash_table_insert (parts, (gpointer) path, va_arg (args, char *));
  va_end (args);
  for (guint i = 0; i < G_N_ELEMENTS (standard); i++)
    {
      const char *contents = g_hash_table_lookup (parts, standard[i][0]);

      if (contents == NULL)
        contents = standard[i][1];
      jx_test_zip_add_part (zip, standard[i][0], contents, strlen (contents));
    }
  jx_test_zip_add_part (zip, "xl/worksheets/sheet1.xml", sheet, sheet_length ? sheet_length : strlen (sheet));
  g_assert_true (gsf_output_close (GSF_OUTPUT (zip)));
  g_object_unref (zip);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)),
                       gsf_output_size (sink));
  g_object_unref (sink);
  return bytes;
}

static gboolean
read_workbook (GBytes *bytes, Collected *c, GError **error)
{
  GsfInput *input = gsf_input_memory_new (g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes), FALSE);
  GsfInfile *zip = gsf_infile_zip_new (input, NULL);
  JxImportBudget budget;
  gboolean ok;

  g_assert_nonnull (zip);
  collected_init (c);
  jx_import_budget_init (&budget, g_bytes_get_size (bytes), NULL);
  ok = jx_sheet_read_xlsx (zip, &budget, &callbacks, c, error);
  g_object_unref (zip);
  g_object_unref (input);
  return ok;
}

#define SHEET_START "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"

static void
test_xlsx_cells (void)
{
  static const char sheet[] =
    SHEET_START
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>1</v></c></row>"
    "<row r=\"3\"><c r=\"A3\"><v>0.30000000000000004</v></c>"
    "<c r=\"B3\" s=\"1\"><v>1346.0088</v></c><c r=\"C3\" s=\"2\"><v>0.95</v></c>"
    "<c r=\"D3\"><f>SUM(A3:C3)</f><v>10</v></c><c r=\"E3\" t=\"str\"><f>A1</f><v>文字</v></c>"
    "<c r=\"F3\" t=\"b\"><v>1</v></c><c r=\"G3\" t=\"e\"><v>#N/A</v></c>"
    "<c r=\"H3\" t=\"inlineStr\"><is><t>内联</t></is></c><c r=\"I3\" t=\"s\"><v>2</v></c></row>"
    "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>合并</t></is></c></row>"
    "<row r=\"5\"><c r=\"C5\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
    "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A4:B5\"/></mergeCells></worksheet>";
  g_autoptr(GBytes) bytes = make_workbook (sheet, 0, NULL);
  g_autoptr(GError) error = NULL;
  Collected c;

  g_assert_true (read_workbook (bytes, &c, &error));
  g_assert_no_error (error);
  /* The hidden sheet is not read. */
  g_assert_cmpuint (c.sheets->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (c.sheets, 0), ==, "指标");
  g_assert_cmpuint (c.rows->len, ==, 4);
  g_assert_cmpstr (row_text (&c, 0), ==, "1:一级指标||产出指标");
  g_assert_cmpstr (row_text (&c, 1), ==, "3:0.3|1346.0088|95%|10|文字|TRUE|#N/A|内联| a\rb ");
  /* A merged range repeats its first cell down its first column only: B4
   * and B5 are part of one wide cell and show nothing. */
  g_assert_cmpstr (row_text (&c, 2), ==, "4:合并");
  g_assert_cmpstr (row_text (&c, 3), ==, "5:+合并||x");
  collected_clear (&c);
}

static void
assert_refused (GBytes *bytes, JxImportError code, const char *words)
{
  g_autoptr(GError) error = NULL;
  Collected c;

  g_assert_false (read_workbook (bytes, &c, &error));
  g_assert_error (error, JX_IMPORT_ERROR, (gint) code);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
  collected_clear (&c);
}

static void
test_xlsx_damaged (void)
{
  g_autoptr(GBytes) truncated = make_workbook (SHEET_START "<row r=\"1\"><c r=\"A1\">", 0, NULL);
  g_autoptr(GBytes) doctype = make_workbook ("<!DOCTYPE x [<!ENTITY a \"aaaa\">]>" SHEET_START
                                             "</sheetData></worksheet>", 0, NULL);
  g_autoptr(GBytes) order = make_workbook (SHEET_START "<row r=\"5\"/><row r=\"2\"/>"
                                           "</sheetData></worksheet>", 0, NULL);
  g_autoptr(GBytes) index = make_workbook (SHEET_START "<row r=\"1\"><c t=\"s\"><v>99</v></c>"
                                           "</row></sheetData></worksheet>", 0, NULL);
  g_autoptr(GBytes) number = make_workbook (SHEET_START "<row r=\"1\"><c><v>abc</v></c>"
                                            "</row></sheetData></worksheet>", 0, NULL);
  g_autoptr(GBytes) missing = make_workbook (SHEET_START "</sheetData></worksheet>", 0,
                                             "xl/_rels/workbook.xml.rels",
                                             "<Relationships><Relationship Id=\"rId1\" "
                                             "Target=\"worksheets/none.xml\"/></Relationships>",
                                             NULL);

  assert_refused (truncated, JX_IMPORT_ERROR_DAMAGED, "xl/worksheets/sheet1.xml");
  assert_refused (doctype, JX_IMPORT_ERROR_DAMAGED, "document type");
  assert_refused (order, JX_IMPORT_ERROR_DAMAGED, "out of order");
  assert_refused (index, JX_IMPORT_ERROR_DAMAGED, "not there");
  assert_refused (number, JX_IMPORT_ERROR_DAMAGED, "abc");
  assert_refused (missing, JX_IMPORT_ERROR_DAMAGED, "missing");
}

/* Empty rows inflate thousands of times and are no content: the budget
 * stops them long before memory or time run out. */
static void
test_xlsx_bomb (void)
{
  g_autoptr(GString) sheet = g_string_new (SHEET_START);
  g_autoptr(GBytes) bomb = NULL;

  while (sheet->len < 64 * 1024 * 1024)
    g_string_append (sheet, "<row/><row/><row/><row/><row/><row/><row/><row/>");
  g_string_append (sheet, "</sheetData></worksheet>");
  bomb = make_workbook (sheet->str, sheet->len, NULL);
  g_assert_cmpuint (g_bytes_get_size (bomb), <, 1024 * 1024);
  assert_refused (bomb, JX_IMPORT_ERROR_TOO_LARGE, "MB");
}

static void
test_xlsx_rows (void)
{
  g_autoptr(GString) sheet = g_string_new (SHEET_START);
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 1; i <= JX_SHEET_MAX_ROWS + 1; i++)
    g_string_append_printf (sheet, "<row r=\"%u\"><c r=\"A%u\"><v>%u</v></c></row>", i, i, i);
  g_string_append (sheet, "</sheetData></worksheet>");
  bytes = make_workbook (sheet->str, sheet->len, NULL);
  assert_refused (bytes, JX_IMPORT_ERROR_TOO_LARGE, "“指标” has more than 100000 rows");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sheet-read/format-number", test_format_number);
  g_test_add_func ("/sheet-read/columns", test_columns);
  g_test_add_func ("/sheet-read/csv-quotes", test_csv_quotes);
  g_test_add_func ("/sheet-read/csv-encodings", test_csv_encodings);
  g_test_add_func ("/sheet-read/csv-long-encodings", test_csv_long_encodings);
  g_test_add_func ("/sheet-read/csv-refused", test_csv_refused);
  g_test_add_func ("/sheet-read/xlsx-cells", test_xlsx_cells);
  g_test_add_func ("/sheet-read/xlsx-damaged", test_xlsx_damaged);
  g_test_add_func ("/sheet-read/xlsx-bomb", test_xlsx_bomb);
  g_test_add_func ("/sheet-read/xlsx-rows", test_xlsx_rows);
  return g_test_run ();
}
