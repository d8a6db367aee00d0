/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gsf/gsf.h>
#include <libxml/xmlreader.h>

#include "jx-import.h"

G_BEGIN_DECLS

/* The largest file looked at: a Word or Excel file of a 500-project
 * document is a few MB, so this is far past any real one. */
#define JX_IMPORT_MAX_FILE_SIZE    ((gsize) 128 * 1024 * 1024)
/* A zip container may inflate to at most this many bytes in all, and to
 * at most JX_IMPORT_MAX_RATIO times its own size once past
 * JX_IMPORT_RATIO_FLOOR: real office XML compresses 5–20 times, a zip
 * bomb thousands of times. */
#define JX_IMPORT_MAX_INFLATED     ((guint64) 512 * 1024 * 1024)
#define JX_IMPORT_MAX_RATIO        100
#define JX_IMPORT_RATIO_FLOOR      ((guint64) 16 * 1024 * 1024)

/* How much of a zip container has been inflated so far, against the
 * limits above, and whether the clerk still wants it read. One budget
 * serves every part read from one file: every chunk inflated is spent
 * from it, so a cancel takes effect within a few kilobytes. */
typedef struct
{
  guint64 file_size;
  guint64 inflated;
  guint64 limit;
  GCancellable *cancellable;   /* not owned; may be NULL */
} JxImportBudget;

void        jx_import_budget_init   (JxImportBudget *budget,
                                     guint64         file_size,
                                     GCancellable   *cancellable);
/* Counts length more bytes; FALSE with JX_IMPORT_ERROR_TOO_LARGE past the
 * limit, or G_IO_ERROR_CANCELLED once the budget's cancellable is. */
gboolean    jx_import_budget_spend  (JxImportBudget *budget,
                                     guint64         length,
                                     GError        **error);

/* The whole file at path, refusing folders, pipes, devices, empty files and
 * files past JX_IMPORT_MAX_FILE_SIZE. */
GBytes     *jx_import_read_file     (const char     *path,
                                     GError        **error);
/* Whether bytes are an Excel workbook or text, whose indicator rows can
 * go into an open document; else FALSE with the reason. */
gboolean    jx_import_check_sheet   (GBytes         *bytes,
                                     GCancellable   *cancellable,
                                     GError        **error);
/* One XML part of a zip container, read as a stream: see jx-import-xml.c
 * for what is refused. */
typedef struct _JxImportXml JxImportXml;

gboolean          jx_import_has_member    (GsfInfile      *zip,
                                           const char     *path);
/* NULL with JX_IMPORT_ERROR_DAMAGED when the part is missing. */
JxImportXml      *jx_import_xml_open      (GsfInfile      *zip,
                                           const char     *path,
                                           JxImportBudget *budget,
                                           GError        **error);
xmlTextReaderPtr  jx_import_xml_reader    (JxImportXml    *xml);
const char       *jx_import_xml_name      (JxImportXml    *xml);
/* Moves to the next node (read) or past the current one's subtree (skip):
 * 1 on a node, 0 at the end, -1 with error set. */
int               jx_import_xml_read      (JxImportXml    *xml,
                                           GError        **error);
int               jx_import_xml_skip      (JxImportXml    *xml,
                                           GError        **error);
/* The current element's attribute, or NULL; ns NULL for a plain name. */
char             *jx_import_xml_attribute (JxImportXml    *xml,
                                           const char     *ns,
                                           const char     *name);
void              jx_import_xml_free      (JxImportXml    *xml);

/* A large part parsed with callbacks: element names and namespaces are
 * pointers into dict (prepare gets it first, to look the names up), the
 * attributes libxml2's five pointers each (local name, prefix, URI, value
 * start, value end). */
typedef struct
{
  void (*prepare) (gpointer data, xmlDictPtr dict);
  void (*start)   (gpointer data, const xmlChar *local, const xmlChar *uri,
                   int n_attributes, const xmlChar **attributes);
  void (*end)     (gpointer data, const xmlChar *local, const xmlChar *uri);
  void (*text)    (gpointer data, const char *text, int length);
  /* May be NULL; asked after each callback: TRUE stops the parse there,
   * which then counts as complete (the caller knows why it stopped). */
  gboolean (*done) (gpointer data);
} JxImportSax;

gboolean          jx_import_xml_parse     (GsfInfile         *zip,
                                           const char        *path,
                                           JxImportBudget    *budget,
                                           const JxImportSax *sax,
                                           gpointer           data,
                                           GError           **error);
/* The same from the first element named element onward (a spreadsheet's
 * <mergeCells>, after all its rows): the part is inflated, and counted,
 * but only looked through for the element's tag, and parsed from there.
 * What follows the element's end is not read. TRUE without a callback
 * when the part has no such element. */
gboolean          jx_import_xml_parse_from (GsfInfile         *zip,
                                            const char        *path,
                                            JxImportBudget    *budget,
                                            const char        *element,
                                            const JxImportSax *sax,
                                            gpointer           data,
                                            GError           **error);

/* The readers of each kind of file: a new document, or NULL with a
 * JX_IMPORT_ERROR; notes go to report. */
JxDocument *jx_import_docx (GsfInfile      *zip,
                            JxImportBudget *budget,
                            JxImportReport *report,
                            GError        **error);

/* The columns a table of the 监控 or 自评 stage has after the goal columns
 * (Jixiao's own and the budget systems'), a header word without spaces:
 * the import reads goals, and says so rather than dropping them unseen. */
gboolean    jx_import_is_stage_column (const char *word);

G_END_DECLS
