/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for workbook import. An input that starts like a zip is
 * a whole workbook; any other input is the XML of a sheet, packed into a
 * workbook with fixed shared strings and styles, so that mutations reach
 * the XML readers instead of breaking the zip's checksums. Either way it
 * imports and plans, or is refused with a reason (fuzz-sheet-common.h).
 * Build and run with tests/fuzz/build.sh. */
#include "config.h"

#include <gsf/gsf.h>
#include <stdint.h>

#include "fuzz-sheet-common.h"

static const char workbook[] =
  "<workbook xmlns:r=\"r\"><sheets><sheet name=\"绩效指标\" sheetId=\"1\" r:id=\"rId1\"/>"
  "</sheets></workbook>";
static const char rels[] =
  "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
  "<Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"styles.xml\"/></Relationships>";
static const char strings[] =
  "<sst><si><t>一级指标</t></si><si><t>二级指标</t></si><si><t>三级指标</t></si>"
  "<si><t>指标值</t></si><si><t>计算符号</t></si><si><t>计量单位</t></si><si><t>项目编码</t></si>"
  "<si><t>产出指标</t></si><si><t>数量指标</t></si><si><t>≥</t></si><si><t>定性</t></si></sst>";
static const char styles[] =
  "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"0.00%\"/></numFmts>"
  "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/></cellXfs>"
  "</styleSheet>";

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_sheet_init ();
  return 0;
}

static void
add_part (GsfOutfile *zip, const char *dir_name, const char *sub, const char *name,
          const void *contents, gsize length)
{
  GsfOutfile *dir = GSF_OUTFILE (gsf_outfile_new_child (zip, dir_name, TRUE));
  GsfOutfile *inner = sub != NULL ? GSF_OUTFILE (gsf_outfile_new_child (dir, sub, TRUE)) : NULL;
  GsfOutput *part = gsf_outfile_new_child (inner != NULL ? inner : dir, name, FALSE);

  gsf_output_write (part, length, contents);
  gsf_output_close (part);
  g_object_unref (part);
  if (inner != NULL)
    {
      gsf_output_close (GSF_OUTPUT (inner));
      g_object_unref (inner);
    }
  gsf_output_close (GSF_OUTPUT (dir));
  g_object_unref (dir);
}

static GBytes *
pack_sheet (const uint8_t *sheet, size_t size)
{
  GsfOutput *sink = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (sink, NULL);
  GBytes *bytes;

  add_part (zip, "xl", NULL, "workbook.xml", workbook, strlen (workbook));
  add_part (zip, "xl", "_rels", "workbook.xml.rels", rels, strlen (rels));
  add_part (zip, "xl", NULL, "sharedStrings.xml", strings, strlen (strings));
  add_part (zip, "xl", NULL, "styles.xml", styles, strlen (styles));
  add_part (zip, "xl", "worksheets", "sheet1.xml", sheet, size);
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)),
                       gsf_output_size (sink));
  g_object_unref (sink);
  return bytes;
}

static gboolean
read_xlsx (JxSheetData *data, gconstpointer input, gsize size, GError **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (input, size);

  return jx_sheet_data_read (data, bytes, "fuzz.xlsx", NULL, error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) packed = NULL;

  if (size >= 2 && data[0] == 'P' && data[1] == 'K')
    {
      fuzz_import (read_xlsx, data, size);
      return 0;
    }
  packed = pack_sheet (data, size);
  fuzz_import (read_xlsx, g_bytes_get_data (packed, NULL), g_bytes_get_size (packed));
  return 0;
}
