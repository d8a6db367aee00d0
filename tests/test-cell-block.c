/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Cells from and to the clipboard: tab-separated text as Excel, WPS and
 * LibreOffice copy it, and HTML tables as LibreOffice (tests/fixtures/
 * clipboard, made by LibreOffice itself), WPS and Word copy them. */
#include "config.h"

#include <string.h>

#include "jx-cell-block.h"
#include "jx-document-io.h"
#include "jx-test-utils.h"

/* The block as rows of cells joined by "|", rows by "/" — easy to compare. */
static char *
flatten (JxCellBlock *block)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < jx_cell_block_get_n_rows (block); r++)
    {
      if (r > 0)
        g_string_append_c (out, '/');
      for (guint c = 0; c < jx_cell_block_get_row_length (block, r); c++)
        {
          if (c > 0)
            g_string_append_c (out, '|');
          g_string_append (out, jx_cell_block_get_cell (block, r, c));
        }
    }
  return g_string_free (out, FALSE);
}

static void
assert_tsv (const char *tsv,
            const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxCellBlock) block = jx_cell_block_parse_tsv (tsv, strlen (tsv), &error);
  g_autofree char *flat = NULL;

  g_assert_no_error (error);
  flat = flatten (block);
  g_assert_cmpstr (flat, ==, expected);
}

static void
test_tsv_excel_quoting (void)
{
  /* Excel quotes a cell with a line break and doubles its quotes. */
  assert_tsv ("\"第一行\n第二行\"\t\"他说\"\"好\"\"\"\r\n产出指标\t数量指标\r\n",
              "第一行\n第二行|他说\"好\"/产出指标|数量指标");
  /* A line break inside a quoted cell written as CRLF is one break. */
  assert_tsv ("\"a\r\nb\"\tc", "a\nb|c");
  /* A tab inside a quoted cell is the cell's. */
  assert_tsv ("\"a\tb\"\tc", "a\tb|c");
}

static void
test_tsv_line_ends (void)
{
  assert_tsv ("a\tb\r\nc\td\r\n", "a|b/c|d");
  assert_tsv ("a\tb\nc\td\n", "a|b/c|d");
  assert_tsv ("a\tb\rc\td\r", "a|b/c|d");
  /* No final line end: the last row all the same. */
  assert_tsv ("a\tb\nc\td", "a|b/c|d");
  /* An empty line inside is an empty row; only the very last line end
   * starts none. */
  assert_tsv ("a\n\nb\n", "a//b");
  /* Empty cells, also at the end of a row. */
  assert_tsv ("\t质量指标\t\n", "|质量指标|");
  assert_tsv ("a\t", "a|");
  assert_tsv ("\xef\xbb\xbf" "a\tb", "a|b");
  assert_tsv ("", "");
}

static void
test_tsv_stray_quotes (void)
{
  /* LibreOffice does not quote a cell that only starts with a quote. */
  assert_tsv ("\"智慧人大\"相关通知\t年度计划", "\"智慧人大\"相关通知|年度计划");
  /* A quote that never closes is text up to the tab. */
  assert_tsv ("\"未完\tb\nc", "\"未完|b/c");
  /* Quotes inside a cell are text. */
  assert_tsv ("关于\"智慧\"的通知\tb", "关于\"智慧\"的通知|b");
}

static void
test_tsv_limits (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxCellBlock) block = NULL;

  for (guint i = 0; i <= JX_MAX_ROWS; i++)
    g_string_append (text, "行\n");
  block = jx_cell_block_parse_tsv (text->str, text->len, &error);
  g_assert_null (block);
  g_assert_error (error, JX_CELL_BLOCK_ERROR, JX_CELL_BLOCK_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "10000"));
  g_clear_error (&error);

  g_string_truncate (text, 0);
  for (guint i = 0; i <= JX_CELL_BLOCK_MAX_COLUMNS; i++)
    g_string_append (text, "格\t");
  block = jx_cell_block_parse_tsv (text->str, text->len, &error);
  g_assert_null (block);
  g_assert_error (error, JX_CELL_BLOCK_ERROR, JX_CELL_BLOCK_ERROR_TOO_LARGE);
}

static JxCellBlock *
parse_fixture (const char *name,
               gboolean    html)
{
  g_autofree char *relative = g_strconcat ("tests/fixtures/clipboard/", name, NULL);
  g_autofree char *path = jx_test_source_path (relative);
  gsize length;
  g_autofree char *data = jx_test_read_file (path, &length);
  g_autoptr(GError) error = NULL;
  JxCellBlock *block = html ? jx_cell_block_parse_html (data, length, &error)
                            : jx_cell_block_parse_tsv (data, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (block);
  return block;
}

/* The four rows the fixture script put into Calc and Writer. */
static const char *rows_with_merge =
  "产出指标|数量指标|人大代表数量|人大代表数量|≤280人|遵化市人大常委会办公室[2019]15号文件/"
  "产出指标|质量指标|宣传、活动区域覆盖率|宣传、活动区域\n覆盖率|95%|年度工作计划/"
  "产出指标|时效指标|完成时限|全年完成|2024年12月31日前|\"智慧人大\"相关通知/"
  "满意度指标|服务对象满意度指标|代表满意度|代表满意度|≥95%|问卷调查";

static void
test_libreoffice_calc_text (void)
{
  g_autoptr(JxCellBlock) block = parse_fixture ("calc-rows.txt", FALSE);
  g_autofree char *flat = flatten (block);

  /* Calc's text leaves a merged cell's other rows empty, shows 0.95 as it
   * is formatted and turns a line break into a space. */
  g_assert_cmpstr (flat, ==,
    "产出指标|数量指标|人大代表数量|人大代表数量|≤280人|遵化市人大常委会办公室[2019]15号文件/"
    "|质量指标|宣传、活动区域覆盖率|宣传、活动区域 覆盖率|95%|年度工作计划/"
    "|时效指标|完成时限|全年完成|2024年12月31日前|\"智慧人大\"相关通知/"
    "满意度指标|服务对象满意度指标|代表满意度|代表满意度|≥95%|问卷调查");
  g_assert_cmpuint (jx_cell_block_get_n_columns (block), ==, 6);
}

static void
test_libreoffice_calc_html (void)
{
  g_autoptr(JxCellBlock) block = parse_fixture ("calc-rows.html", TRUE);
  g_autofree char *flat = flatten (block);

  /* The HTML keeps what the text loses: the merge and the line break. */
  g_assert_cmpstr (flat, ==, rows_with_merge);
}

static void
test_libreoffice_writer_html (void)
{
  g_autoptr(JxCellBlock) block = parse_fixture ("writer-rows.html", TRUE);
  g_autofree char *flat = flatten (block);

  /* Header cells (<th>), paragraphs in cells, fonts around parts of a text. */
  g_assert_cmpstr (flat, ==, rows_with_merge);
}

/* What WPS and Excel on Windows put on the clipboard, written after their
 * output: the clipboard header, Office's namespaces and conditional
 * comments, x:str and x:num, the same-cell <br>, &nbsp;, a colspan, and
 * long lines of the source wrapped inside a Chinese text. */
static const char wps_html[] =
  "Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000001200\r\n"
  "StartFragment:0000000900\r\nEndFragment:0000001150\r\n"
  "<html xmlns:v=\"urn:schemas-microsoft-com:vml\"\r\n"
  "xmlns:o=\"urn:schemas-microsoft-com:office:office\"\r\n"
  "xmlns:x=\"urn:schemas-microsoft-com:office:excel\"\r\n"
  "xmlns=\"http://www.w3.org/TR/REC-html40\">\r\n"
  "<head>\r\n<meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">\r\n"
  "<meta name=ProgId content=Excel.Sheet>\r\n<meta name=Generator content=\"WPS Office ET\">\r\n"
  "<!--[if !mso]>\r\n<style>\r\nv\\:* {behavior:url(#default#VML);}\r\n</style>\r\n<![endif]-->\r\n"
  "<style>\r\n<!--table\r\n\t{mso-displayed-decimal-separator:\"\\.\";}\r\n"
  "td\r\n\t{mso-style-parent:style0;}\r\n.xl65\r\n\t{mso-number-format:\"\\@\";}\r\n-->\r\n</style>\r\n"
  "</head>\r\n<body link=blue vlink=purple>\r\n"
  "<table width=432 border=0 cellpadding=0 cellspacing=0 style='width:324.00pt;border-collapse:collapse;table-layout:fixed;'>\r\n"
  " <col width=72 span=6 style='width:54.00pt'>\r\n"
  "<!--StartFragment-->\r\n"
  " <tr height=36 style='height:27.00pt;'>\r\n"
  "  <td class=xl65 height=36 width=72 style='height:27.00pt;width:54.00pt;' x:str>产出指标</td>\r\n"
  "  <td class=xl65 width=72 style='width:54.00pt;' x:str>数量指标</td>\r\n"
  "  <td class=xl65 width=72 x:str>会议天数<br style='mso-data-placement:same-cell;'/>（次）</td>\r\n"
  "  <td class=xl65 width=72 x:str>&nbsp;&nbsp;召开人代会的天数</td>\r\n"
  "  <td width=72 x:num=\"3\">3</td>\r\n"
  "  <td class=xl65 width=72 x:str>依据年度工\r\n  作计划</td>\r\n"
  " </tr>\r\n"
  " <tr height=18 style='height:13.50pt;'>\r\n"
  "  <td class=xl65 colspan=2 x:str>满意度指标</td>\r\n"
  "  <td class=xl65 x:str>满意率</td>\r\n"
  "  <td class=xl65 x:str>Satisfaction\r\n  rate</td>\r\n"
  "  <td x:num=\"0.95\" style='mso-number-format:\"0%\";'>95%</td>\r\n"
  "  <td></td>\r\n"
  " </tr>\r\n"
  "<!--EndFragment-->\r\n"
  "</table>\r\n</body>\r\n</html>\r\n";

static void
test_wps_html (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxCellBlock) block = jx_cell_block_parse_html (wps_html, sizeof wps_html - 1, &error);
  g_autofree char *flat = NULL;

  g_assert_no_error (error);
  flat = flatten (block);
  /* The source's line end inside 年度工作计划 is no space; between two
   * English words it is one. */
  g_assert_cmpstr (flat, ==,
    "产出指标|数量指标|会议天数\n（次）|召开人代会的天数|3|依据年度工作计划/"
    "满意度指标||满意率|Satisfaction rate|95%|");
}

static void
test_html_encodings (void)
{
  g_autofree char *path = jx_test_source_path ("tests/fixtures/clipboard/calc-rows.html");
  gsize length, utf16_length, gbk_length;
  g_autofree char *utf8 = jx_test_read_file (path, &length);
  g_autofree char *utf16 = g_convert (utf8, length, "UTF-16LE", "UTF-8", NULL, &utf16_length, NULL);
  g_autofree char *with_bom = g_malloc (utf16_length + 2);
  const char gbk_source[] =
    "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>"
    "<body><table><tr><td>产出指标</td><td>数量指标</td></tr></table></body></html>";
  g_autofree char *gbk = g_convert (gbk_source, -1, "GB18030", "UTF-8", NULL, &gbk_length, NULL);
  const char bare_source[] = "<table><tr><td>效益指标</td><td>社会效益指标</td></tr></table>";
  gsize bare_length;
  g_autofree char *bare = g_convert (bare_source, -1, "GB18030", "UTF-8", NULL, &bare_length, NULL);
  g_autoptr(JxCellBlock) from_utf16 = NULL;
  g_autoptr(JxCellBlock) from_bom = NULL;
  g_autoptr(JxCellBlock) from_gbk = NULL;
  g_autoptr(JxCellBlock) from_bare = NULL;
  g_autofree char *flat = NULL;

  /* Some browsers copy HTML as UTF-16, with or without its mark. */
  from_utf16 = jx_cell_block_parse_html (utf16, utf16_length, NULL);
  flat = flatten (from_utf16);
  g_assert_cmpstr (flat, ==, rows_with_merge);
  g_clear_pointer (&flat, g_free);
  memcpy (with_bom, "\xff\xfe", 2);
  memcpy (with_bom + 2, utf16, utf16_length);
  from_bom = jx_cell_block_parse_html (with_bom, utf16_length + 2, NULL);
  flat = flatten (from_bom);
  g_assert_cmpstr (flat, ==, rows_with_merge);
  g_clear_pointer (&flat, g_free);
  /* A Chinese Windows program's HTML, saying or not saying its charset. */
  from_gbk = jx_cell_block_parse_html (gbk, gbk_length, NULL);
  flat = flatten (from_gbk);
  g_assert_cmpstr (flat, ==, "产出指标|数量指标");
  g_clear_pointer (&flat, g_free);
  from_bare = jx_cell_block_parse_html (bare, bare_length, NULL);
  flat = flatten (from_bare);
  g_assert_cmpstr (flat, ==, "效益指标|社会效益指标");
}

static void
test_html_refused (void)
{
  static const char *no_table[] = {
    "<p>只是一段文字</p>",
    "<table></table>",
    "",
    "\x89PNG\r\n",
  };
  g_autoptr(GString) tall = g_string_new ("<table>");

  for (guint i = 0; i < G_N_ELEMENTS (no_table); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JxCellBlock) block = jx_cell_block_parse_html (no_table[i], strlen (no_table[i]), &error);

      g_assert_null (block);
      g_assert_error (error, JX_CELL_BLOCK_ERROR, JX_CELL_BLOCK_ERROR_NO_TABLE);
    }
  for (guint i = 0; i <= JX_MAX_ROWS; i++)
    g_string_append (tall, "<tr><td>行</td></tr>");
  g_string_append (tall, "</table>");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JxCellBlock) block = jx_cell_block_parse_html (tall->str, tall->len, &error);

    g_assert_null (block);
    g_assert_error (error, JX_CELL_BLOCK_ERROR, JX_CELL_BLOCK_ERROR_TOO_LARGE);
  }
  {
    /* A rowspan larger than any table ends with the table. */
    const char *span = "<table><tr><td rowspan=99999999>甲</td><td>乙</td></tr><tr><td>丙</td></tr></table>";
    g_autoptr(JxCellBlock) block = jx_cell_block_parse_html (span, strlen (span), NULL);
    g_autofree char *flat = flatten (block);

    g_assert_cmpstr (flat, ==, "甲|乙/甲|丙");
  }
}

static void
test_html_nested_and_spans (void)
{
  const char *html =
    "<table><tr><td>外</td><td><table><tr><td>内1</td></tr><tr><td>内2</td></tr></table></td></tr>"
    "<tbody><tr><td rowspan=\"2\" colspan=\"2\">并</td><td>c</td></tr><tr><td>d</td></tr></tbody>"
    "<tr><td>e</td><td rowspan=\"2\">f</td></tr><tr><td>g</td></tr></table>";
  g_autoptr(JxCellBlock) block = jx_cell_block_parse_html (html, strlen (html), NULL);
  g_autofree char *flat = flatten (block);

  /* A table inside a cell is that cell's text, one line per row. A merged
   * block gives its text to its first column in every row it covers. */
  g_assert_cmpstr (flat, ==, "外|内1\n内2/并||c/并||d/e|f/g|f");
}

static JxCellBlock *
sample_block (void)
{
  JxCellBlock *block = jx_cell_block_new ();
  const char *row1[] = { "产出指标", "第一行\n第二行", "\"智慧人大\"相关通知", NULL };
  const char *row2[] = { "关于\"智慧\"的通知", "a\tb", "<≥95% & 001>", NULL };
  const char *row3[] = { "", "只有一格", NULL };

  jx_cell_block_append_row (block, row1, -1);
  jx_cell_block_append_row (block, row2, -1);
  jx_cell_block_append_row (block, row3, -1);
  return block;
}

static void
test_write_tsv (void)
{
  g_autoptr(JxCellBlock) block = sample_block ();
  g_autofree char *tsv = jx_cell_block_to_tsv (block);
  g_autoptr(JxCellBlock) back = jx_cell_block_parse_tsv (tsv, strlen (tsv), NULL);
  g_autofree char *flat = flatten (block);
  g_autofree char *flat_back = flatten (back);

  g_assert_cmpstr (tsv, ==,
                   "产出指标\t\"第一行\n第二行\"\t\"\"\"智慧人大\"\"相关通知\"\n"
                   "关于\"智慧\"的通知\t\"a\tb\"\t<≥95% & 001>\n"
                   "\t只有一格");
  g_assert_cmpstr (flat_back, ==, flat);
}

static void
test_write_html (void)
{
  g_autoptr(JxCellBlock) block = sample_block ();
  g_autofree char *html = jx_cell_block_to_html (block);
  g_autoptr(JxCellBlock) back = jx_cell_block_parse_html (html, strlen (html), NULL);
  g_autofree char *flat = flatten (block);
  g_autofree char *flat_back = NULL;

  g_assert_nonnull (strstr (html, "charset=utf-8"));
  /* A line break that stays in its cell in Excel, and text kept as text. */
  g_assert_nonnull (strstr (html, "第一行<br style=\"mso-data-placement:same-cell\">第二行"));
  g_assert_nonnull (strstr (html, "&lt;≥95% &amp; 001&gt;"));
  g_assert_nonnull (strstr (html, "mso-number-format"));
  /* Read back, a tab in a cell is a space, as a browser shows it. */
  flat_back = flatten (back);
  g_assert_cmpstr (flat_back, ==,
                   "产出指标|第一行\n第二行|\"智慧人大\"相关通知/关于\"智慧\"的通知|a b|<≥95% & 001>/|只有一格");
  g_assert_cmpuint (strlen (flat), >, 0);
}

static void
test_single (void)
{
  g_autoptr(JxCellBlock) one = jx_cell_block_parse_tsv ("≥95%", 6, NULL);
  g_autoptr(JxCellBlock) two = jx_cell_block_parse_tsv ("a\tb", 3, NULL);
  g_autoptr(JxCellBlock) lines = jx_cell_block_parse_tsv ("a\nb", 3, NULL);
  g_autoptr(JxCellBlock) quoted = jx_cell_block_parse_tsv ("\"a\nb\"\n", 6, NULL);

  g_assert_true (jx_cell_block_is_single (one));
  g_assert_false (jx_cell_block_is_single (two));
  g_assert_false (jx_cell_block_is_single (lines));
  /* One cell with a line break in it, as Excel copies it. */
  g_assert_true (jx_cell_block_is_single (quoted));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cell-block/tsv-excel-quoting", test_tsv_excel_quoting);
  g_test_add_func ("/cell-block/tsv-line-ends", test_tsv_line_ends);
  g_test_add_func ("/cell-block/tsv-stray-quotes", test_tsv_stray_quotes);
  g_test_add_func ("/cell-block/tsv-limits", test_tsv_limits);
  g_test_add_func ("/cell-block/libreoffice-calc-text", test_libreoffice_calc_text);
  g_test_add_func ("/cell-block/libreoffice-calc-html", test_libreoffice_calc_html);
  g_test_add_func ("/cell-block/libreoffice-writer-html", test_libreoffice_writer_html);
  g_test_add_func ("/cell-block/wps-html", test_wps_html);
  g_test_add_func ("/cell-block/html-encodings", test_html_encodings);
  g_test_add_func ("/cell-block/html-refused", test_html_refused);
  g_test_add_func ("/cell-block/html-nested-and-spans", test_html_nested_and_spans);
  g_test_add_func ("/cell-block/write-tsv", test_write_tsv);
  g_test_add_func ("/cell-block/write-html", test_write_html);
  g_test_add_func ("/cell-block/single", test_single);
  return g_test_run ();
}
