/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-docx-private.h"
#include "jx-measure.h"
#include "jx-text-item.h"

/* The body of word/document.xml in the printout's order: the cover and the
 * 目录 in a first section without page numbers, then Part 1 and Part 2 in a
 * second one numbered from 1. */

#define PART1_TITLE "第一部分　部门整体绩效目标"
#define PART2_TITLE "第二部分　预算项目绩效目标"

static const char *section_titles[3] = {
  "一、总体绩效目标", "二、分项绩效目标", "三、工作保障措施",
};

typedef struct
{
  char *title;
  guint level;      /* 1 part, 2 section or table */
} TocEntry;

static void
toc_entry_clear (gpointer data)
{
  g_free (((TocEntry *) data)->title);
}

static char *
table_title (guint number, JxProject *project)
{
  return g_strdup_printf ("%u.%s绩效目标表", number, jx_project_get_printed_name (project));
}

/* The same lines, in the same order, as the printout's 目录. */
static GArray *
toc_entries (JxDocument *document)
{
  GListModel *projects = jx_document_get_projects (document);
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (TocEntry));
  TocEntry entry;

  g_array_set_clear_func (entries, toc_entry_clear);
  entry = (TocEntry) { g_strdup (PART1_TITLE), 1 };
  g_array_append_val (entries, entry);
  for (guint i = 0; i < G_N_ELEMENTS (section_titles); i++)
    {
      entry = (TocEntry) { g_strdup (section_titles[i]), 2 };
      g_array_append_val (entries, entry);
    }
  entry = (TocEntry) { g_strdup (PART2_TITLE), 1 };
  g_array_append_val (entries, entry);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);

      entry = (TocEntry) { table_title (i + 1, project), 2 };
      g_array_append_val (entries, entry);
    }
  return entries;
}

/* ---- Paragraph helpers ---- */

void
jx_docx_heading (JxDocxWriter *w, const char *style, const char *text)
{
  guint id;

  jx_docx_para_start (w, style, 0, FALSE);
  id = jx_docx_bookmark_start (w);
  jx_docx_run (w, text, NULL);
  jx_docx_bookmark_end (w, id);
  jx_docx_end (w);
}

/* Each line of a multi-line text is a paragraph of its own; the first
 * may be an item of a numbered list. */
static void
paragraphs (JxDocxWriter *w, const char *style, guint list, const char *label, const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean first = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_strstrip (lines[i])[0] == '\0')
        continue;
      jx_docx_para_start (w, first ? style : JX_DOCX_STYLE_BODY, first ? list : 0, FALSE);
      if (first && label != NULL)
        jx_docx_run (w, label, NULL);
      jx_docx_run (w, lines[i], NULL);
      jx_docx_end (w);
      first = FALSE;
    }
}

static void
page_break (JxDocxWriter *w)
{
  jx_docx_start (w, "w:p");
  jx_docx_start (w, "w:r");
  jx_docx_start (w, "w:br");
  jx_docx_attr (w, "w:type", "page");
  jx_docx_end (w);
  jx_docx_end (w);
  jx_docx_end (w);
}

/* ---- The cover ---- */

static void
spaced_title (JxDocxWriter *w, const char *text, int before)
{
  jx_docx_start (w, "w:p");
  jx_docx_start (w, "w:pPr");
  jx_docx_val (w, "w:pStyle", JX_DOCX_STYLE_TITLE);
  jx_docx_start (w, "w:spacing");
  jx_docx_attr_int (w, "w:before", before);
  jx_docx_end (w);
  jx_docx_end (w);
  jx_docx_run (w, text, NULL);
  jx_docx_end (w);
}

/* The 编制 and 审核 lines stand at the foot of the cover's text block, in
 * a frame anchored there, whatever the length of the title above. */
static void
signature (JxDocxWriter *w, const char *text)
{
  jx_docx_start (w, "w:p");
  jx_docx_start (w, "w:pPr");
  jx_docx_val (w, "w:pStyle", JX_DOCX_STYLE_COVER_NOTE);
  jx_docx_start (w, "w:framePr");
  jx_docx_attr_int (w, "w:w", JX_DOCX_BLOCK_WIDTH);
  jx_docx_attr (w, "w:wrap", "around");
  jx_docx_attr (w, "w:vAnchor", "margin");
  jx_docx_attr (w, "w:hAnchor", "margin");
  jx_docx_attr (w, "w:xAlign", "center");
  jx_docx_attr (w, "w:yAlign", "bottom");
  jx_docx_end (w);
  jx_docx_end (w);
  jx_docx_run (w, text, NULL);
  jx_docx_end (w);
}

static void
write_cover (JxDocxWriter *w, JxDocument *document)
{
  JxDepartment *department = jx_document_get_department (document);
  const char *reviewer = jx_department_get_reviewer (department);
  g_autofree char *title = g_strdup_printf ("%u年%s", jx_document_get_year (document),
                                            jx_document_get_title (document));
  g_autofree char *compiler = g_strdup_printf ("%s编制",
                                               jx_department_get_shown_compiler (department));

  /* The printout's cover puts the department 48 mm into the text block. */
  spaced_title (w, jx_department_get_name (department), JX_DOCX_MM (48));
  spaced_title (w, title, 240);
  if (jx_document_get_draft (document))
    spaced_title (w, "（草案）", 120);
  signature (w, compiler);
  if (reviewer != NULL && reviewer[0] != '\0')
    {
      g_autofree char *line = g_strdup_printf ("%s审核", reviewer);

      signature (w, line);
    }
}

/* ---- 目录 ---- */

static void
field_char (JxDocxWriter *w, const char *type)
{
  jx_docx_start (w, "w:r");
  jx_docx_start (w, "w:fldChar");
  jx_docx_attr (w, "w:fldCharType", type);
  jx_docx_end (w);
  jx_docx_end (w);
}

static void
instruction (JxDocxWriter *w, const char *text)
{
  jx_docx_start (w, "w:r");
  jx_docx_start (w, "w:instrText");
  jx_docx_attr (w, "xml:space", "preserve");
  if (xmlTextWriterWriteString (w->xml, BAD_CAST text) < 0)
    w->failed = TRUE;
  jx_docx_end (w);
  jx_docx_end (w);
}

/* One line of the 目录 as Word writes it: a link to the heading's bookmark
 * and, for sections and tables, a PAGEREF field whose result is the
 * printed page number. */
static void
toc_line (JxDocxWriter *w, const TocEntry *entry, guint bookmark, guint page,
          gboolean field_start)
{
  g_autofree char *name = jx_docx_bookmark_name (bookmark);

  jx_docx_para_start (w, entry->level == 1 ? JX_DOCX_STYLE_TOC1 : JX_DOCX_STYLE_TOC2, 0, FALSE);
  if (field_start)
    {
      field_char (w, "begin");
      instruction (w, " TOC \\o \"1-2\" \\h \\z \\u \\n \"1-1\" \\t \""
                      JX_DOCX_TABLE_TITLE_NAME ",2\" ");
      field_char (w, "separate");
    }
  jx_docx_start (w, "w:hyperlink");
  jx_docx_attr (w, "w:anchor", name);
  jx_docx_attr (w, "w:history", "1");
  jx_docx_run (w, entry->title, NULL);
  if (entry->level > 1)
    {
      g_autofree char *ref = g_strdup_printf (" PAGEREF %s \\h ", name);
      g_autofree char *number = page > 0 ? g_strdup_printf ("%u", page) : NULL;

      jx_docx_run (w, "\t", NULL);
      field_char (w, "begin");
      instruction (w, ref);
      field_char (w, "separate");
      jx_docx_run (w, number, NULL);
      field_char (w, "end");
    }
  jx_docx_end (w);
  jx_docx_end (w);
}

static void
write_toc (JxDocxWriter *w, JxDocument *document)
{
  g_autoptr(GArray) entries = toc_entries (document);
  const JxDocxOptions *options = w->options;

  jx_docx_para (w, JX_DOCX_STYLE_TOC_HEADING, "目　录");
  for (guint i = 0; i < entries->len; i++)
    {
      guint page = options != NULL && options->toc_pages != NULL ? options->toc_pages[i] : 0;

      /* Bookmarks are numbered in the order the headings come. */
      toc_line (w, &g_array_index (entries, TocEntry, i), i + 1, page, i == 0);
    }
  jx_docx_start (w, "w:p");
  field_char (w, "end");
  jx_docx_end (w);
  if (options != NULL && options->blank_page_after_toc)
    page_break (w);
}

/* ---- Sections ---- */

void
jx_docx_write_section (JxDocxWriter *w, gboolean numbered)
{
  jx_docx_start (w, "w:sectPr");
  if (numbered)
    {
      static const char *types[2] = { "default", "even" };
      static const char *ids[2] = { "rId5", "rId6" };

      for (guint i = 0; i < 2; i++)
        {
          jx_docx_start (w, "w:footerReference");
          jx_docx_attr (w, "w:type", types[i]);
          jx_docx_attr (w, "r:id", ids[i]);
          jx_docx_end (w);
        }
    }
  jx_docx_start (w, "w:type");
  jx_docx_attr (w, "w:val", "nextPage");
  jx_docx_end (w);
  /* A4 and the GB/T 9704 text block: 37 mm from the top, 28 mm from the
   * left, 156 × 225 mm; the number 7 mm under the block. */
  jx_docx_start (w, "w:pgSz");
  jx_docx_attr_int (w, "w:w", 11906);
  jx_docx_attr_int (w, "w:h", 16838);
  jx_docx_end (w);
  jx_docx_start (w, "w:pgMar");
  jx_docx_attr_int (w, "w:top", JX_DOCX_MM (37));
  jx_docx_attr_int (w, "w:right", JX_DOCX_MM (26));
  jx_docx_attr_int (w, "w:bottom", JX_DOCX_MM (35));
  jx_docx_attr_int (w, "w:left", JX_DOCX_MM (28));
  jx_docx_attr_int (w, "w:header", JX_DOCX_MM (15));
  jx_docx_attr_int (w, "w:footer", JX_DOCX_MM (21));
  jx_docx_attr_int (w, "w:gutter", 0);
  jx_docx_end (w);
  if (numbered)
    {
      jx_docx_start (w, "w:pgNumType");
      jx_docx_attr_int (w, "w:start", 1);
      jx_docx_end (w);
    }
  jx_docx_start (w, "w:docGrid");
  jx_docx_attr_int (w, "w:linePitch", 580);
  jx_docx_end (w);
  jx_docx_end (w);
}

/* ---- Part 1 ---- */

static gboolean
has_overview (JxProject *project)
{
  return jx_project_get_overview_description (project)[0] != '\0' ||
         jx_project_get_overview_goal (project)[0] != '\0' ||
         jx_project_get_overview_indicator_summary (project)[0] != '\0';
}

static void
write_overall (JxDocxWriter *w, JxDocument *document)
{
  GListModel *points = jx_document_get_points (document);
  guint list = 0;

  jx_docx_heading (w, JX_DOCX_STYLE_SECTION, section_titles[0]);
  paragraphs (w, JX_DOCX_STYLE_BODY, 0, NULL, jx_document_get_summary (document));
  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(JxTextItem) item = g_list_model_get_item (points, i);

      if (list == 0)
        list = jx_docx_new_list (w, JX_DOCX_LIST_POINTS);
      paragraphs (w, JX_DOCX_STYLE_BODY, list, NULL, jx_text_item_get_text (item));
    }
}

static void
write_overviews (JxDocxWriter *w, JxDocument *document)
{
  GListModel *projects = jx_document_get_projects (document);
  guint list = 0;

  jx_docx_heading (w, JX_DOCX_STYLE_SECTION, section_titles[1]);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);
      g_autofree char *title = NULL;

      if (!has_overview (project))
        continue;
      if (list == 0)
        list = jx_docx_new_list (w, JX_DOCX_LIST_OVERVIEWS);
      title = g_strdup_printf ("%s绩效目标项目", jx_project_get_printed_name (project));
      jx_docx_para_start (w, JX_DOCX_STYLE_OVERVIEW, list, FALSE);
      jx_docx_run (w, title, NULL);
      jx_docx_end (w);
      paragraphs (w, JX_DOCX_STYLE_BODY, 0, NULL, jx_project_get_overview_description (project));
      if (jx_project_get_overview_goal (project)[0] != '\0')
        paragraphs (w, JX_DOCX_STYLE_BODY, 0, "绩效目标：", jx_project_get_overview_goal (project));
      if (jx_project_get_overview_indicator_summary (project)[0] != '\0')
        paragraphs (w, JX_DOCX_STYLE_BODY, 0, "绩效指标：",
                    jx_project_get_overview_indicator_summary (project));
    }
}

static void
write_measures (JxDocxWriter *w, JxDocument *document)
{
  GListModel *measures = jx_document_get_measures (document);
  guint list = 0;

  jx_docx_heading (w, JX_DOCX_STYLE_SECTION, section_titles[2]);
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(JxMeasure) measure = g_list_model_get_item (measures, i);
      g_autofree char *body = g_strdelimit (g_strdup (jx_measure_get_body (measure)), "\n", ' ');

      if (list == 0)
        list = jx_docx_new_list (w, JX_DOCX_LIST_MEASURES);
      /* One paragraph, as printed: the bold heading leads into the body. */
      jx_docx_para_start (w, JX_DOCX_STYLE_BODY, list, FALSE);
      jx_docx_run (w, jx_measure_get_heading (measure), JX_DOCX_STYLE_MEASURE_HEAD);
      jx_docx_run (w, body, NULL);
      jx_docx_end (w);
    }
}

/* ---- Part 2 ---- */

static void
write_projects (JxDocxWriter *w, JxDocument *document)
{
  GListModel *projects = jx_document_get_projects (document);
  JxDepartment *department = jx_document_get_department (document);
  g_autofree char *caption = g_strdup_printf ("%s %s\t单位：%s",
                                              jx_department_get_unit_code (department),
                                              jx_department_get_unit_name (department),
                                              jx_document_get_money_unit (document));

  jx_docx_heading (w, JX_DOCX_STYLE_PART, PART2_TITLE);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);
      g_autofree char *title = table_title (i + 1, project);

      jx_docx_heading (w, JX_DOCX_STYLE_TABLE_TITLE, title);
      jx_docx_para (w, JX_DOCX_STYLE_TABLE_CAPTION, caption);
      jx_docx_write_table (w, project);
    }
}

/* A section that is not the last ends with a paragraph that carries its
 * properties. */
static void
end_section (JxDocxWriter *w)
{
  jx_docx_start (w, "w:p");
  jx_docx_start (w, "w:pPr");
  jx_docx_write_section (w, FALSE);
  jx_docx_end (w);
  jx_docx_end (w);
}

void
jx_docx_write_body (JxDocxWriter *w,
                    JxDocument   *document)
{
  /* The cover is a section of its own so that its framed 编制/审核 lines
   * have a paragraph of the cover to be anchored to (LibreOffice anchors a
   * frame to the paragraph after it). */
  write_cover (w, document);
  end_section (w);
  write_toc (w, document);
  end_section (w);

  jx_docx_heading (w, JX_DOCX_STYLE_PART, PART1_TITLE);
  write_overall (w, document);
  write_overviews (w, document);
  write_measures (w, document);
  write_projects (w, document);
  jx_docx_write_section (w, TRUE);
}
