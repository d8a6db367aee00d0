/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-docx-private.h"

/* The printout's typography as Word styles, so that a clerk restyles the
 * whole document by changing a style: sizes in half points (3号 16 pt =
 * 32), line pitches exact in twips, East Asian fonts by the names Word and
 * WPS look for on office machines. Built-in styles keep their English
 * names, which Word shows translated; our own have Chinese names. */

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#define FONT_BODY     "仿宋_GB2312"
#define FONT_TITLE    "方正小标宋简体"
#define FONT_HEADING  "黑体"
#define FONT_FOLIO    "宋体"

/* 22 lines in the 225 mm text block, as GB/T 9704 asks of 3号 text. */
#define PITCH_BODY    580
#define PITCH_TITLE   720
#define PITCH_TABLE   300
#define PITCH_NARROW  260
#define INDENT_2CH    640   /* two characters of 3号 */

typedef struct
{
  const char *id, *name, *based_on, *next;
  const char *type;            /* NULL: paragraph */
  const char *font;            /* family, or NULL to inherit */
  int size;                    /* half points, 0 inherits */
  gboolean bold;
  const char *jc;
  int pitch;                   /* exact line pitch, 0 inherits */
  int indent;                  /* first-line indent: -1 inherits, 0 none */
  int left;                    /* left indent */
  int before, after;
  gboolean keep_next, page_break_before;
  int outline;                 /* outline level + 1, 0 none */
  int right_tab;               /* position of a right tab, 0 none */
  gboolean dots;               /* … with a dotted leader */
  gboolean primary;            /* shown in the style gallery */
} Style;

static const Style styles[] = {
  { .id = JX_DOCX_STYLE_BODY, .name = "Normal", .jc = "both", .pitch = PITCH_BODY,
    .indent = INDENT_2CH, .primary = TRUE },
  { .id = JX_DOCX_STYLE_TITLE, .name = "Title", .based_on = JX_DOCX_STYLE_BODY,
    .font = FONT_TITLE, .size = 44, .jc = "center", .pitch = PITCH_TITLE, .indent = 0,
    .primary = TRUE },
  { .id = JX_DOCX_STYLE_COVER_NOTE, .name = "封面署名", .based_on = JX_DOCX_STYLE_BODY,
    .jc = "center", .indent = 0 },
  { .id = JX_DOCX_STYLE_PART, .name = "heading 1", .based_on = JX_DOCX_STYLE_BODY,
    .next = JX_DOCX_STYLE_BODY, .font = FONT_TITLE, .size = 44, .jc = "center",
    .pitch = PITCH_TITLE, .indent = 0, .after = PITCH_BODY, .keep_next = TRUE,
    .page_break_before = TRUE, .outline = 1, .primary = TRUE },
  { .id = JX_DOCX_STYLE_SECTION, .name = "heading 2", .based_on = JX_DOCX_STYLE_BODY,
    .next = JX_DOCX_STYLE_BODY, .font = FONT_HEADING, .jc = "left", .indent = -1,
    .keep_next = TRUE, .outline = 2, .primary = TRUE },
  { .id = JX_DOCX_STYLE_TOC_HEADING, .name = "TOC Heading", .based_on = JX_DOCX_STYLE_TITLE,
    .next = JX_DOCX_STYLE_BODY, .after = PITCH_BODY, .indent = 0 },
  { .id = JX_DOCX_STYLE_TOC1, .name = "toc 1", .based_on = JX_DOCX_STYLE_BODY,
    .next = JX_DOCX_STYLE_BODY, .bold = TRUE, .jc = "left", .indent = 0,
    .right_tab = JX_DOCX_BLOCK_WIDTH, .dots = TRUE },
  { .id = JX_DOCX_STYLE_TOC2, .name = "toc 2", .based_on = JX_DOCX_STYLE_BODY,
    .next = JX_DOCX_STYLE_BODY, .jc = "left", .indent = 0, .left = INDENT_2CH,
    .right_tab = JX_DOCX_BLOCK_WIDTH, .dots = TRUE },
  { .id = JX_DOCX_STYLE_OVERVIEW, .name = "分项项目标题", .based_on = JX_DOCX_STYLE_BODY,
    .next = JX_DOCX_STYLE_BODY, .bold = TRUE, .keep_next = TRUE, .indent = -1 },
  { .id = JX_DOCX_STYLE_MEASURE_HEAD, .name = "措施标题", .type = "character", .bold = TRUE },
  { .id = JX_DOCX_STYLE_TABLE_TITLE, .name = JX_DOCX_TABLE_TITLE_NAME,
    .based_on = JX_DOCX_STYLE_BODY, .next = JX_DOCX_STYLE_TABLE_CAPTION,
    .font = FONT_HEADING, .jc = "center", .indent = 0, .before = PITCH_BODY,
    .keep_next = TRUE, .outline = 2 },
  { .id = JX_DOCX_STYLE_TABLE_CAPTION, .name = "表上说明", .based_on = JX_DOCX_STYLE_BODY,
    .size = 21, .jc = "left", .pitch = PITCH_TABLE, .indent = 0, .keep_next = TRUE,
    .right_tab = JX_DOCX_BLOCK_WIDTH },
  /* Holds the project table and its indicator table apart, as Word joins
   * two tables that touch; one point high, it does not show on paper. */
  { .id = JX_DOCX_STYLE_TABLE_JOIN, .name = "表格衔接", .based_on = JX_DOCX_STYLE_BODY,
    .size = 2, .pitch = 20, .indent = 0, .keep_next = TRUE },
  { .id = JX_DOCX_STYLE_CELL, .name = "表格文字", .based_on = JX_DOCX_STYLE_BODY,
    .size = 21, .jc = "left", .pitch = PITCH_TABLE, .indent = 0 },
  { .id = JX_DOCX_STYLE_CELL_CENTRE, .name = "表格文字居中", .based_on = JX_DOCX_STYLE_CELL,
    .jc = "center", .indent = -1 },
  { .id = JX_DOCX_STYLE_CELL_HEAD, .name = "表格表头", .based_on = JX_DOCX_STYLE_CELL_CENTRE,
    .bold = TRUE, .indent = -1 },
  { .id = JX_DOCX_STYLE_CELL_NARROW, .name = "表格小字", .based_on = JX_DOCX_STYLE_CELL_CENTRE,
    .size = 18, .pitch = PITCH_NARROW, .indent = -1 },
  { .id = JX_DOCX_STYLE_FOOTER, .name = "footer", .based_on = JX_DOCX_STYLE_BODY,
    .font = FONT_FOLIO, .size = 28, .pitch = 400, .indent = 0,
    .left = 280 },
};

/* One family for Chinese, Latin letters and digits alike, as the printout
 * sets them (and as Word does when a clerk picks a font from the list). */
static void
write_fonts (JxDocxWriter *w, const char *family)
{
  jx_docx_start (w, "w:rFonts");
  jx_docx_attr (w, "w:ascii", family);
  jx_docx_attr (w, "w:hAnsi", family);
  jx_docx_attr (w, "w:eastAsia", family);
  jx_docx_attr (w, "w:cs", family);
  jx_docx_end (w);
}

static void
write_spacing (JxDocxWriter *w, const Style *s)
{
  if (s->pitch == 0 && s->before == 0 && s->after == 0)
    return;
  jx_docx_start (w, "w:spacing");
  if (s->before > 0)
    jx_docx_attr_int (w, "w:before", s->before);
  if (s->after > 0)
    jx_docx_attr_int (w, "w:after", s->after);
  if (s->pitch > 0)
    {
      jx_docx_attr_int (w, "w:line", s->pitch);
      jx_docx_attr (w, "w:lineRule", "exact");
    }
  jx_docx_end (w);
}

static void
write_indent (JxDocxWriter *w, const Style *s)
{
  if (s->indent < 0 && s->left == 0)
    return;
  jx_docx_start (w, "w:ind");
  jx_docx_attr_int (w, "w:left", s->left);
  if (g_strcmp0 (s->id, JX_DOCX_STYLE_FOOTER) == 0)
    jx_docx_attr_int (w, "w:right", s->left);
  if (s->indent >= 0)
    {
      /* In characters too, so that the indent follows a changed font size. */
      jx_docx_attr_int (w, "w:firstLineChars", s->indent > 0 ? 200 : 0);
      jx_docx_attr_int (w, "w:firstLine", s->indent);
    }
  jx_docx_end (w);
}

static void
write_paragraph_properties (JxDocxWriter *w, const Style *s)
{
  jx_docx_start (w, "w:pPr");
  if (s->keep_next)
    jx_docx_val (w, "w:keepNext", NULL);
  if (s->page_break_before)
    jx_docx_val (w, "w:pageBreakBefore", NULL);
  if (s->right_tab > 0)
    {
      jx_docx_start (w, "w:tabs");
      jx_docx_start (w, "w:tab");
      jx_docx_attr (w, "w:val", "right");
      if (s->dots)
        jx_docx_attr (w, "w:leader", "dot");
      jx_docx_attr_int (w, "w:pos", s->right_tab);
      jx_docx_end (w);
      jx_docx_end (w);
    }
  write_spacing (w, s);
  write_indent (w, s);
  if (s->jc != NULL)
    jx_docx_val (w, "w:jc", s->jc);
  if (s->outline > 0)
    jx_docx_val_int (w, "w:outlineLvl", s->outline - 1);
  jx_docx_end (w);
}

static void
write_run_properties (JxDocxWriter *w, const Style *s)
{
  if (s->font == NULL && !s->bold && s->size == 0)
    return;
  jx_docx_start (w, "w:rPr");
  if (s->font != NULL)
    write_fonts (w, s->font);
  if (s->bold)
    {
      jx_docx_val (w, "w:b", NULL);
      jx_docx_val (w, "w:bCs", NULL);
    }
  if (s->size > 0)
    {
      jx_docx_val_int (w, "w:sz", s->size);
      jx_docx_val_int (w, "w:szCs", s->size);
    }
  jx_docx_end (w);
}

static void
write_style (JxDocxWriter *w, const Style *s)
{
  gboolean paragraph = s->type == NULL;

  jx_docx_start (w, "w:style");
  jx_docx_attr (w, "w:type", paragraph ? "paragraph" : s->type);
  if (g_strcmp0 (s->id, JX_DOCX_STYLE_BODY) == 0)
    jx_docx_attr (w, "w:default", "1");
  if (g_ascii_strncasecmp (s->id, "Jx", 2) == 0)
    jx_docx_attr (w, "w:customStyle", "1");
  jx_docx_attr (w, "w:styleId", s->id);
  jx_docx_val (w, "w:name", s->name);
  if (s->based_on != NULL)
    jx_docx_val (w, "w:basedOn", s->based_on);
  if (s->next != NULL)
    jx_docx_val (w, "w:next", s->next);
  if (s->primary)
    jx_docx_val (w, "w:qFormat", NULL);
  if (paragraph)
    write_paragraph_properties (w, s);
  write_run_properties (w, s);
  jx_docx_end (w);
}

static void
write_border (JxDocxWriter *w, const char *side)
{
  jx_docx_start (w, side);
  jx_docx_attr (w, "w:val", "single");
  /* Eighths of a point: the printout's 0.6 pt rule. */
  jx_docx_attr (w, "w:sz", "5");
  jx_docx_attr (w, "w:space", "0");
  jx_docx_attr (w, "w:color", "000000");
  jx_docx_end (w);
}

static void
write_margin (JxDocxWriter *w, const char *side, int twips)
{
  jx_docx_start (w, side);
  jx_docx_attr_int (w, "w:w", twips);
  jx_docx_attr (w, "w:type", "dxa");
  jx_docx_end (w);
}

/* The ruled grid of the 项目绩效目标表: every border single, cells padded as
 * printed (1.5 mm at the sides, 3 pt above and below). */
static void
write_table_styles (JxDocxWriter *w)
{
  static const char *sides[] = { "w:top", "w:left", "w:bottom", "w:right",
                                 "w:insideH", "w:insideV" };

  jx_docx_start (w, "w:style");
  jx_docx_attr (w, "w:type", "table");
  jx_docx_attr (w, "w:default", "1");
  jx_docx_attr (w, "w:styleId", "TableNormal");
  jx_docx_val (w, "w:name", "Normal Table");
  jx_docx_start (w, "w:tblPr");
  jx_docx_start (w, "w:tblCellMar");
  write_margin (w, "w:left", 108);
  write_margin (w, "w:right", 108);
  jx_docx_end (w);
  jx_docx_end (w);
  jx_docx_end (w);

  jx_docx_start (w, "w:style");
  jx_docx_attr (w, "w:type", "table");
  jx_docx_attr (w, "w:customStyle", "1");
  jx_docx_attr (w, "w:styleId", JX_DOCX_STYLE_TABLE);
  jx_docx_val (w, "w:name", "项目绩效目标表");
  jx_docx_val (w, "w:basedOn", "TableNormal");
  jx_docx_start (w, "w:pPr");
  jx_docx_start (w, "w:ind");
  jx_docx_attr_int (w, "w:firstLineChars", 0);
  jx_docx_attr_int (w, "w:firstLine", 0);
  jx_docx_end (w);
  jx_docx_end (w);
  jx_docx_start (w, "w:tblPr");
  jx_docx_val (w, "w:jc", "center");
  jx_docx_start (w, "w:tblBorders");
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    write_border (w, sides[i]);
  jx_docx_end (w);
  jx_docx_start (w, "w:tblCellMar");
  write_margin (w, "w:top", 60);
  write_margin (w, "w:left", JX_DOCX_MM (1.5));
  write_margin (w, "w:bottom", 60);
  write_margin (w, "w:right", JX_DOCX_MM (1.5));
  jx_docx_end (w);
  jx_docx_end (w);
  jx_docx_start (w, "w:tcPr");
  jx_docx_val (w, "w:vAlign", "center");
  jx_docx_end (w);
  jx_docx_end (w);
}

static void
write_defaults (JxDocxWriter *w)
{
  jx_docx_start (w, "w:docDefaults");
  jx_docx_start (w, "w:rPrDefault");
  jx_docx_start (w, "w:rPr");
  write_fonts (w, FONT_BODY);
  jx_docx_val_int (w, "w:kern", 2);
  jx_docx_val_int (w, "w:sz", 32);
  jx_docx_val_int (w, "w:szCs", 32);
  jx_docx_start (w, "w:lang");
  jx_docx_attr (w, "w:val", "en-US");
  jx_docx_attr (w, "w:eastAsia", "zh-CN");
  jx_docx_attr (w, "w:bidi", "ar-SA");
  jx_docx_end (w);
  jx_docx_end (w);
  jx_docx_end (w);
  jx_docx_start (w, "w:pPrDefault");
  jx_docx_start (w, "w:pPr");
  /* No extra space between Chinese and Latin letters or digits, as
   * printed ("2024年", not "2024 年"). */
  jx_docx_val (w, "w:autoSpaceDE", "0");
  jx_docx_val (w, "w:autoSpaceDN", "0");
  jx_docx_start (w, "w:spacing");
  jx_docx_attr_int (w, "w:before", 0);
  jx_docx_attr_int (w, "w:after", 0);
  jx_docx_end (w);
  jx_docx_end (w);
  jx_docx_end (w);
  jx_docx_end (w);
}

void
jx_docx_write_styles (JxDocxWriter *w)
{
  jx_docx_start (w, "w:styles");
  jx_docx_attr (w, "xmlns:w", NS_W);
  write_defaults (w);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    write_style (w, &styles[i]);
  write_table_styles (w);
  jx_docx_end (w);
}

/* ---- numbering.xml ---- */

static void
write_abstract (JxDocxWriter *w, guint id, JxDocxListKind kind)
{
  gboolean in_cell = kind == JX_DOCX_LIST_GOALS;

  jx_docx_start (w, "w:abstractNum");
  jx_docx_attr_int (w, "w:abstractNumId", id);
  jx_docx_val (w, "w:multiLevelType", "singleLevel");
  jx_docx_start (w, "w:lvl");
  jx_docx_attr_int (w, "w:ilvl", 0);
  jx_docx_val_int (w, "w:start", 1);
  jx_docx_val (w, "w:numFmt", "decimal");
  jx_docx_val (w, "w:suff", "nothing");
  jx_docx_val (w, "w:lvlText", kind == JX_DOCX_LIST_POINTS ? "%1、" : "%1.");
  jx_docx_val (w, "w:lvlJc", "left");
  jx_docx_start (w, "w:pPr");
  jx_docx_start (w, "w:ind");
  jx_docx_attr_int (w, "w:left", 0);
  jx_docx_attr_int (w, "w:firstLineChars", in_cell ? 0 : 200);
  jx_docx_attr_int (w, "w:firstLine", in_cell ? 0 : INDENT_2CH);
  jx_docx_end (w);
  jx_docx_end (w);
  /* The measure's number stays regular before its bold heading. */
  jx_docx_start (w, "w:rPr");
  jx_docx_val (w, "w:b", kind == JX_DOCX_LIST_OVERVIEWS ? NULL : "0");
  jx_docx_end (w);
  jx_docx_end (w);
  jx_docx_end (w);
}

/* One abstract list per list: every list starts at 1 in Word, WPS and
 * LibreOffice alike, which restart overrides do not guarantee. */
void
jx_docx_write_numbering (JxDocxWriter *w)
{
  jx_docx_start (w, "w:numbering");
  jx_docx_attr (w, "xmlns:w", NS_W);
  for (guint i = 0; i < w->lists->len; i++)
    write_abstract (w, i, g_array_index (w->lists, JxDocxListKind, i));
  for (guint i = 0; i < w->lists->len; i++)
    {
      jx_docx_start (w, "w:num");
      jx_docx_attr_int (w, "w:numId", i + 1);
      jx_docx_val_int (w, "w:abstractNumId", i);
      jx_docx_end (w);
    }
  jx_docx_end (w);
}
