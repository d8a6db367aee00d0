/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for importing Word files. An input that starts like a
 * zip is imported as a file; any other input is taken as the text of
 * word/document.xml and put into a Word package first, so that the fuzzer
 * reaches the XML reader and the importer without having to invent valid
 * deflate streams. Every input must either be refused with a
 * JX_IMPORT_ERROR and a message, or give a document that saves as a
 * document file that loads again, and exports as a Word file that imports
 * again. Build and run with tests/fuzz/build.sh (see tests/fuzz/README.md). */
#include "config.h"

#include <gsf/gsf.h>
#include <stdint.h>
#include <string.h>

#include "jx-document-io.h"
#include "jx-docx.h"
#include "jx-import.h"

static const char content_types[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";

static void
add_member (GsfOutfile *dir, const char *name, const guint8 *data, gsize length)
{
  GsfOutput *member = gsf_outfile_new_child_full (dir, name, FALSE, "compression-level",
                                                  GSF_ZIP_STORED, NULL);

  gsf_output_write (member, length, data);
  gsf_output_close (member);
  g_object_unref (member);
}

/* A package whose word/document.xml is the input. */
static GBytes *
wrap (const guint8 *data, size_t size)
{
  GsfOutput *sink = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (sink, NULL);
  GsfOutfile *word = GSF_OUTFILE (gsf_outfile_new_child (zip, "word", TRUE));
  GBytes *bytes;

  add_member (zip, "[Content_Types].xml", (const guint8 *) content_types, strlen (content_types));
  add_member (word, "document.xml", data, size);
  gsf_output_close (GSF_OUTPUT (word));
  g_object_unref (word);
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  gsf_output_close (sink);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)),
                       (gsize) gsf_output_size (sink));
  g_object_unref (sink);
  return bytes;
}

static void
check_refusal (const GError *error)
{
  if (error == NULL || error->domain != JX_IMPORT_ERROR || error->message[0] == '\0' ||
      !g_utf8_validate (error->message, -1, NULL))
    g_error ("refused without a clear import error");
}

/* The imported document is a document like any other. */
static void
check_document (JxDocument *document, JxImportReport *report)
{
  g_autofree char *notes = jx_import_report_to_text (report);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) loaded = NULL;
  g_autoptr(GBytes) docx = NULL;
  g_autoptr(JxDocument) again = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (!g_utf8_validate (notes, -1, NULL))
    g_error ("the report is not UTF-8");
  data = jx_document_to_data (document, &length);
  loaded = jx_document_load_data (data, length, &error);
  if (loaded == NULL)
    g_error ("an imported document does not load again: %s", error->message);
  docx = jx_docx_write_bytes (document, NULL, &error);
  if (docx == NULL)
    g_error ("an imported document does not export: %s", error->message);
  again = jx_import_bytes (docx, NULL, NULL, &error);
  if (again == NULL)
    g_error ("an exported document does not import again: %s", error->message);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JxImportReport) report = jx_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = NULL;

  if (size >= 2 && data[0] == 'P' && data[1] == 'K')
    bytes = g_bytes_new (data, size);
  else
    bytes = wrap (data, size);
  document = jx_import_bytes (bytes, report, NULL, &error);
  if (document == NULL)
    check_refusal (error);
  else
    check_document (document, report);
  return 0;
}
