/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>
#include <string.h>

#include "jx-docx-private.h"
#include "jx-file.h"

/* A Word file is a zip of XML parts (ECMA-376 Part 2, Open Packaging
 * Conventions): the content types, the relationships, and the parts of
 * WordprocessingML. Each part is streamed through libxml2's writer
 * straight into the zip's deflater, so the uncompressed XML is never held
 * in memory whatever the length of the document. */

#define NS_W    "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG  "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_CT   "http://schemas.openxmlformats.org/package/2006/content-types"
#define REL     "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define CT_WML  "application/vnd.openxmlformats-officedocument.wordprocessingml."

/* ---- Writing helpers ---- */

static void
check (JxDocxWriter *w, int status)
{
  if (status < 0)
    w->failed = TRUE;
}

void
jx_docx_start (JxDocxWriter *w, const char *name)
{
  check (w, xmlTextWriterStartElement (w->xml, BAD_CAST name));
}

void
jx_docx_end (JxDocxWriter *w)
{
  check (w, xmlTextWriterEndElement (w->xml));
}

void
jx_docx_attr (JxDocxWriter *w, const char *name, const char *value)
{
  check (w, xmlTextWriterWriteAttribute (w->xml, BAD_CAST name, BAD_CAST value));
}

void
jx_docx_attr_int (JxDocxWriter *w, const char *name, gint64 value)
{
  char text[24];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  jx_docx_attr (w, name, text);
}

void
jx_docx_val (JxDocxWriter *w, const char *name, const char *value)
{
  jx_docx_start (w, name);
  if (value != NULL)
    jx_docx_attr (w, "w:val", value);
  jx_docx_end (w);
}

void
jx_docx_val_int (JxDocxWriter *w, const char *name, gint64 value)
{
  jx_docx_start (w, name);
  jx_docx_attr_int (w, "w:val", value);
  jx_docx_end (w);
}

/* XML 1.0 has no place for most control characters, nor for U+FFFE/FFFF;
 * a document may hold them (pasted from elsewhere), a Word file may not. */
static gboolean
is_xml_char (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

static void
write_text (JxDocxWriter *w, const char *text, gsize length)
{
  g_autoptr(GString) clean = g_string_sized_new (length);

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_xml_char (c) && c != '\n' && c != '\r' && c != '\t')
        g_string_append_unichar (clean, c);
    }
  if (clean->len == 0)
    return;
  jx_docx_start (w, "w:t");
  if (g_ascii_isspace (clean->str[0]) || g_ascii_isspace (clean->str[clean->len - 1]))
    jx_docx_attr (w, "xml:space", "preserve");
  check (w, xmlTextWriterWriteString (w->xml, BAD_CAST clean->str));
  jx_docx_end (w);
}

void
jx_docx_run (JxDocxWriter *w, const char *text, const char *char_style)
{
  const char *start = text;

  if (text == NULL || text[0] == '\0')
    return;
  jx_docx_start (w, "w:r");
  if (char_style != NULL)
    {
      jx_docx_start (w, "w:rPr");
      jx_docx_val (w, "w:rStyle", char_style);
      jx_docx_end (w);
    }
  for (const char *p = text;; p++)
    if (*p == '\t' || *p == '\n' || *p == '\0')
      {
        write_text (w, start, (gsize) (p - start));
        if (*p == '\0')
          break;
        jx_docx_val (w, *p == '\t' ? "w:tab" : "w:br", NULL);
        start = p + 1;
      }
  jx_docx_end (w);
}

void
jx_docx_para_start (JxDocxWriter *w,
                    const char   *style,
                    guint         list,
                    gboolean      keep_next)
{
  jx_docx_start (w, "w:p");
  if (style == NULL && list == 0 && !keep_next)
    return;
  jx_docx_start (w, "w:pPr");
  if (style != NULL)
    jx_docx_val (w, "w:pStyle", style);
  if (keep_next)
    jx_docx_val (w, "w:keepNext", NULL);
  if (list > 0)
    {
      jx_docx_start (w, "w:numPr");
      jx_docx_val_int (w, "w:ilvl", 0);
      jx_docx_val_int (w, "w:numId", list);
      jx_docx_end (w);
    }
  jx_docx_end (w);
}

void
jx_docx_para (JxDocxWriter *w, const char *style, const char *text)
{
  jx_docx_para_start (w, style, 0, FALSE);
  jx_docx_run (w, text, NULL);
  jx_docx_end (w);
}

guint
jx_docx_new_list (JxDocxWriter *w, JxDocxListKind kind)
{
  g_array_append_val (w->lists, kind);
  return w->lists->len;
}

char *
jx_docx_bookmark_name (guint id)
{
  /* Word hides bookmarks whose names start with an underscore, and names
   * those of its own 目录 "_Toc…". */
  return g_strdup_printf ("_Toc%08u", id);
}

guint
jx_docx_bookmark_start (JxDocxWriter *w)
{
  guint id = ++w->next_bookmark;
  g_autofree char *name = jx_docx_bookmark_name (id);

  jx_docx_start (w, "w:bookmarkStart");
  jx_docx_attr_int (w, "w:id", id);
  jx_docx_attr (w, "w:name", name);
  jx_docx_end (w);
  return id;
}

void
jx_docx_bookmark_end (JxDocxWriter *w, guint id)
{
  jx_docx_start (w, "w:bookmarkEnd");
  jx_docx_attr_int (w, "w:id", id);
  jx_docx_end (w);
}

/* ---- Parts into the zip ---- */

static int
part_write_cb (void *context, const char *buffer, int length)
{
  return gsf_output_write (GSF_OUTPUT (context), (size_t) length, (const guint8 *) buffer)
         ? length : -1;
}

static int
part_close_cb (void *context)
{
  return 0;
}

typedef void (*PartFunc) (JxDocxWriter *w, gpointer data);

/* Streams one XML part into a new member of the zip. */
static gboolean
write_part (JxDocxWriter *w, GsfOutfile *dir, const char *name, PartFunc func, gpointer data)
{
  g_autoptr(GDateTime) epoch = g_date_time_new_utc (1980, 1, 1, 0, 0, 0);
  /* A fixed date: the same document gives the same file. */
  GsfOutput *member = gsf_outfile_new_child_full (dir, name, FALSE,
                                                  "compression-level", GSF_ZIP_DEFLATED,
                                                  "modtime", epoch, NULL);
  xmlOutputBufferPtr buffer = xmlOutputBufferCreateIO (part_write_cb, part_close_cb, member, NULL);

  w->xml = xmlNewTextWriter (buffer);
  check (w, xmlTextWriterStartDocument (w->xml, "1.0", "UTF-8", "yes"));
  func (w, data);
  check (w, xmlTextWriterEndDocument (w->xml));
  check (w, xmlTextWriterFlush (w->xml));
  xmlFreeTextWriter (w->xml);
  w->xml = NULL;
  if (!gsf_output_close (member))
    w->failed = TRUE;
  g_object_unref (member);
  return !w->failed;
}

static GsfOutfile *
new_dir (GsfOutfile *parent, const char *name)
{
  g_autoptr(GDateTime) epoch = g_date_time_new_utc (1980, 1, 1, 0, 0, 0);

  return GSF_OUTFILE (gsf_outfile_new_child_full (parent, name, TRUE, "modtime", epoch, NULL));
}

static void
close_dir (JxDocxWriter *w, GsfOutfile *dir)
{
  if (!gsf_output_close (GSF_OUTPUT (dir)))
    w->failed = TRUE;
  g_object_unref (dir);
}

static void
content_type (JxDocxWriter *w, const char *kind, const char *attr, const char *name,
              const char *type)
{
  jx_docx_start (w, kind);
  jx_docx_attr (w, attr, name);
  jx_docx_attr (w, "ContentType", type);
  jx_docx_end (w);
}

static void
content_types_part (JxDocxWriter *w, gpointer data)
{
  jx_docx_start (w, "Types");
  jx_docx_attr (w, "xmlns", NS_CT);
  content_type (w, "Default", "Extension", "rels",
                "application/vnd.openxmlformats-package.relationships+xml");
  content_type (w, "Default", "Extension", "xml", "application/xml");
  content_type (w, "Override", "PartName", "/word/document.xml",
                CT_WML "document.main+xml");
  content_type (w, "Override", "PartName", "/word/styles.xml", CT_WML "styles+xml");
  content_type (w, "Override", "PartName", "/word/settings.xml", CT_WML "settings+xml");
  content_type (w, "Override", "PartName", "/word/numbering.xml", CT_WML "numbering+xml");
  content_type (w, "Override", "PartName", "/word/fontTable.xml", CT_WML "fontTable+xml");
  content_type (w, "Override", "PartName", "/word/footer1.xml", CT_WML "footer+xml");
  content_type (w, "Override", "PartName", "/word/footer2.xml", CT_WML "footer+xml");
  content_type (w, "Override", "PartName", "/docProps/core.xml",
                "application/vnd.openxmlformats-package.core-properties+xml");
  jx_docx_end (w);
}

static void
relationship (JxDocxWriter *w, const char *id, const char *type, const char *target)
{
  jx_docx_start (w, "Relationship");
  jx_docx_attr (w, "Id", id);
  jx_docx_attr (w, "Type", type);
  jx_docx_attr (w, "Target", target);
  jx_docx_end (w);
}

static void
package_rels_part (JxDocxWriter *w, gpointer data)
{
  jx_docx_start (w, "Relationships");
  jx_docx_attr (w, "xmlns", NS_PKG);
  relationship (w, "rId1", REL "officeDocument", "word/document.xml");
  relationship (w, "rId2",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml");
  jx_docx_end (w);
}

static void
document_rels_part (JxDocxWriter *w, gpointer data)
{
  jx_docx_start (w, "Relationships");
  jx_docx_attr (w, "xmlns", NS_PKG);
  relationship (w, "rId1", REL "styles", "styles.xml");
  relationship (w, "rId2", REL "settings", "settings.xml");
  relationship (w, "rId3", REL "numbering", "numbering.xml");
  relationship (w, "rId4", REL "fontTable", "fontTable.xml");
  relationship (w, "rId5", REL "footer", "footer1.xml");
  relationship (w, "rId6", REL "footer", "footer2.xml");
  jx_docx_end (w);
}

static void
core_part (JxDocxWriter *w, gpointer data)
{
  JxDocument *document = data;
  JxDepartment *department = jx_document_get_department (document);
  JxStage stage = w->options != NULL ? w->options->stage : JX_STAGE_GOALS;
  const char *kind = stage == JX_STAGE_MONITORING ? "项目支出绩效监控表"
                     : stage == JX_STAGE_EVALUATION ? "项目支出绩效自评表"
                     : jx_document_get_title (document);
  g_autofree char *title = g_strdup_printf ("%s%u年%s", jx_department_get_name (department),
                                            jx_document_get_year (document), kind);

  jx_docx_start (w, "cp:coreProperties");
  jx_docx_attr (w, "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  jx_docx_attr (w, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  jx_docx_start (w, "dc:title");
  check (w, xmlTextWriterWriteString (w->xml, BAD_CAST title));
  jx_docx_end (w);
  jx_docx_start (w, "dc:creator");
  check (w, xmlTextWriterWriteString (w->xml,
                                      BAD_CAST jx_department_get_shown_compiler (department)));
  jx_docx_end (w);
  jx_docx_start (w, "dc:language");
  check (w, xmlTextWriterWriteString (w->xml, BAD_CAST "zh-CN"));
  jx_docx_end (w);
  jx_docx_end (w);
}

static void
settings_part (JxDocxWriter *w, gpointer data)
{
  jx_docx_start (w, "w:settings");
  jx_docx_attr (w, "xmlns:w", NS_W);
  jx_docx_val_int (w, "w:defaultTabStop", 420);
  /* Odd pages number on the right, even pages on the left. */
  jx_docx_val (w, "w:evenAndOddHeaders", NULL);
  jx_docx_val (w, "w:characterSpacingControl", "compressPunctuation");
  /* Without the page numbers, Word fills the 目录 in when it opens the file. */
  if (w->options == NULL ||
      (w->options->toc_pages == NULL && w->options->stage == JX_STAGE_GOALS))
    jx_docx_val (w, "w:updateFields", "true");
  jx_docx_start (w, "w:compat");
  jx_docx_start (w, "w:compatSetting");
  jx_docx_attr (w, "w:name", "compatibilityMode");
  jx_docx_attr (w, "w:uri", "http://schemas.microsoft.com/office/word");
  jx_docx_attr (w, "w:val", "15");
  jx_docx_end (w);
  jx_docx_end (w);
  jx_docx_start (w, "w:themeFontLang");
  jx_docx_attr (w, "w:val", "en-US");
  jx_docx_attr (w, "w:eastAsia", "zh-CN");
  jx_docx_end (w);
  jx_docx_end (w);
}

/* The fonts by name with their Chinese character set, so that Word and WPS
 * substitute a font of the same kind where one is missing. */
static void
font_table_part (JxDocxWriter *w, gpointer data)
{
  static const struct { const char *name, *family, *pitch; gboolean gb; } fonts[] = {
    { "仿宋_GB2312", "modern", "fixed", TRUE },
    { "方正小标宋简体", "script", "fixed", TRUE },
    { "黑体", "modern", "fixed", TRUE },
    { "宋体", "auto", "variable", TRUE },
  };

  jx_docx_start (w, "w:fonts");
  jx_docx_attr (w, "xmlns:w", NS_W);
  for (guint i = 0; i < G_N_ELEMENTS (fonts); i++)
    {
      jx_docx_start (w, "w:font");
      jx_docx_attr (w, "w:name", fonts[i].name);
      if (fonts[i].gb)
        jx_docx_val (w, "w:charset", "86");
      jx_docx_val (w, "w:family", fonts[i].family);
      jx_docx_val (w, "w:pitch", fonts[i].pitch);
      jx_docx_end (w);
    }
  jx_docx_end (w);
}

static void
field_run (JxDocxWriter *w, const char *type)
{
  jx_docx_start (w, "w:r");
  jx_docx_start (w, "w:fldChar");
  jx_docx_attr (w, "w:fldCharType", type);
  jx_docx_end (w);
  jx_docx_end (w);
}

/* "— N —" from a PAGE field: GB/T 9704 puts odd numbers one character in
 * from the right, even ones one character in from the left. */
static void
footer_part (JxDocxWriter *w, gpointer data)
{
  gboolean odd = GPOINTER_TO_INT (data);

  jx_docx_start (w, "w:ftr");
  jx_docx_attr (w, "xmlns:w", NS_W);
  jx_docx_start (w, "w:p");
  jx_docx_start (w, "w:pPr");
  jx_docx_val (w, "w:pStyle", JX_DOCX_STYLE_FOOTER);
  jx_docx_val (w, "w:jc", odd ? "right" : "left");
  jx_docx_end (w);
  jx_docx_run (w, "— ", NULL);
  field_run (w, "begin");
  jx_docx_start (w, "w:r");
  jx_docx_start (w, "w:instrText");
  jx_docx_attr (w, "xml:space", "preserve");
  check (w, xmlTextWriterWriteString (w->xml, BAD_CAST " PAGE "));
  jx_docx_end (w);
  jx_docx_end (w);
  field_run (w, "separate");
  jx_docx_run (w, "1", NULL);
  field_run (w, "end");
  jx_docx_run (w, " —", NULL);
  jx_docx_end (w);
  jx_docx_end (w);
}

static void
document_part (JxDocxWriter *w, gpointer data)
{
  jx_docx_start (w, "w:document");
  jx_docx_attr (w, "xmlns:w", NS_W);
  jx_docx_attr (w, "xmlns:r", NS_R);
  jx_docx_start (w, "w:body");
  if (w->options != NULL && w->options->stage != JX_STAGE_GOALS)
    jx_docx_write_stage_body (w, data, w->options->stage);
  else
    jx_docx_write_body (w, data);
  jx_docx_end (w);
  jx_docx_end (w);
}

static void
styles_part (JxDocxWriter *w, gpointer data)
{
  jx_docx_write_styles (w);
}

static void
numbering_part (JxDocxWriter *w, gpointer data)
{
  jx_docx_write_numbering (w);
}

/* The parts in the order a reader meets them; numbering.xml after the body,
 * which decides how many lists there are. */
static gboolean
write_package (JxDocxWriter *w, GsfOutfile *zip, JxDocument *document)
{
  GsfOutfile *rels, *props, *word, *word_rels;

  if (!write_part (w, zip, "[Content_Types].xml", content_types_part, NULL))
    return FALSE;
  rels = new_dir (zip, "_rels");
  write_part (w, rels, ".rels", package_rels_part, NULL);
  close_dir (w, rels);
  props = new_dir (zip, "docProps");
  write_part (w, props, "core.xml", core_part, document);
  close_dir (w, props);
  word = new_dir (zip, "word");
  write_part (w, word, "document.xml", document_part, document);
  write_part (w, word, "styles.xml", styles_part, NULL);
  write_part (w, word, "numbering.xml", numbering_part, NULL);
  write_part (w, word, "settings.xml", settings_part, NULL);
  write_part (w, word, "fontTable.xml", font_table_part, NULL);
  write_part (w, word, "footer1.xml", footer_part, GINT_TO_POINTER (TRUE));
  write_part (w, word, "footer2.xml", footer_part, GINT_TO_POINTER (FALSE));
  word_rels = new_dir (word, "_rels");
  write_part (w, word_rels, "document.xml.rels", document_rels_part, NULL);
  close_dir (w, word_rels);
  close_dir (w, word);
  return !w->failed;
}

guint
jx_docx_toc_length (JxDocument *document)
{
  g_return_val_if_fail (JX_IS_DOCUMENT (document), 0);

  /* 第一部分, 一、二、三、, 第二部分, then the tables. */
  return 5 + g_list_model_get_n_items (jx_document_get_projects (document));
}

GBytes *
jx_docx_write_bytes (JxDocument          *document,
                     const JxDocxOptions *options,
                     GError             **error)
{
  JxDocxWriter w = { 0 };
  GsfOutput *sink;
  GsfOutfile *zip;
  GBytes *bytes = NULL;

  g_return_val_if_fail (JX_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (options == NULL || options->toc_pages == NULL ||
                        options->n_toc_pages == jx_docx_toc_length (document), NULL);

  w.lists = g_array_new (FALSE, FALSE, sizeof (JxDocxListKind));
  w.options = options;
  sink = gsf_output_memory_new ();
  zip = gsf_outfile_zip_new (sink, NULL);
  if (zip == NULL || !write_package (&w, zip, document) ||
      !gsf_output_close (GSF_OUTPUT (zip)) || !gsf_output_close (sink))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("The Word file could not be put together."));
  else
    bytes = g_bytes_new_with_free_func (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)),
                                        (gsize) gsf_output_size (sink),
                                        g_object_unref, g_object_ref (sink));
  g_clear_object (&zip);
  g_object_unref (sink);
  g_array_unref (w.lists);
  return bytes;
}

gboolean
jx_docx_write_file (JxDocument          *document,
                    const JxDocxOptions *options,
                    const char          *path,
                    GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  bytes = jx_docx_write_bytes (document, options, error);
  if (bytes == NULL)
    return FALSE;
  return jx_file_replace_contents (path, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), error);
}
