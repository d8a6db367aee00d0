/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include <libxml/parserInternals.h>

#include "jx-import-private.h"

/* The XML parts of office files are read with libxml2's streaming reader,
 * which never holds a part in memory, straight from the zip member as it
 * inflates. What a file could do to its reader is ruled out here, once:
 * no network, no external files, no entity expansion and no document type
 * declaration at all (office XML never has one), libxml2's own limits on
 * depth and text size, and the zip's inflated size counted against the
 * file's budget. */

struct _JxImportXml
{
  GsfInput *input;
  char *name;
  JxImportBudget *budget;
  xmlTextReaderPtr reader;
  GError *failure;     /* the first reason to stop: the budget or a DOCTYPE */
  char *message;       /* libxml2's first error */
  int line;
};

static int
read_cb (void *context, char *buffer, int length)
{
  JxImportXml *xml = context;
  gsf_off_t remaining = gsf_input_remaining (xml->input);
  size_t n = (size_t) MIN ((gsf_off_t) length, remaining);

  if (xml->failure != NULL)
    return -1;
  if (n == 0)
    return 0;
  if (!jx_import_budget_spend (xml->budget, n, &xml->failure))
    return -1;
  if (gsf_input_read (xml->input, n, (guint8 *) buffer) == NULL)
    {
      g_set_error (&xml->failure, JX_IMPORT_ERROR, JX_IMPORT_ERROR_DAMAGED,
                   _("%s could not be unpacked: the file is damaged."), xml->name);
      return -1;
    }
  return (int) n;
}

static int
close_cb (void *context)
{
  return 0;
}

static void
error_cb (void *context, xmlErrorPtr error)
{
  JxImportXml *xml = context;

  if (error == NULL || error->level < XML_ERR_ERROR || xml->message != NULL)
    return;
  xml->message = g_strstrip (g_strdup (error->message != NULL ? error->message : "?"));
  xml->line = error->line;
}

static GsfInput *
find_member (GsfInfile *zip, const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path[0] == '/' ? path + 1 : path, "/", -1);
  GsfInput *node = g_object_ref (GSF_INPUT (zip));

  for (guint i = 0; node != NULL && parts[i] != NULL; i++)
    {
      GsfInput *child = GSF_IS_INFILE (node) && parts[i][0] != '\0'
                        ? gsf_infile_child_by_name (GSF_INFILE (node), parts[i]) : NULL;

      g_object_unref (node);
      node = child;
    }
  return node;
}

gboolean
jx_import_has_member (GsfInfile *zip, const char *path)
{
  GsfInput *member = find_member (zip, path);
  gboolean found = member != NULL;

  g_clear_object (&member);
  return found;
}

JxImportXml *
jx_import_xml_open (GsfInfile      *zip,
                    const char     *path,
                    JxImportBudget *budget,
                    GError        **error)
{
  JxImportXml *xml;
  GsfInput *member = find_member (zip, path);

  if (member == NULL ||
      (GSF_IS_INFILE (member) && gsf_infile_num_children (GSF_INFILE (member)) >= 0))
    {
      g_clear_object (&member);
      g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_DAMAGED,
                   _("A part of the file is missing (%s): it is damaged or was not "
                     "written by an office program."), path);
      return NULL;
    }
  xml = g_new0 (JxImportXml, 1);
  xml->input = member;
  xml->name = g_strdup (path);
  xml->budget = budget;
  /* No XML_PARSE_NOENT (entity expansion), DTDLOAD or HUGE. */
  xml->reader = xmlReaderForIO (read_cb, close_cb, xml, path, NULL,
                                XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
  if (xml->reader == NULL)
    {
      jx_import_xml_free (xml);
      g_set_error_literal (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_DAMAGED,
                           _("The file could not be read."));
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (xml->reader, error_cb, xml);
  return xml;
}

xmlTextReaderPtr
jx_import_xml_reader (JxImportXml *xml)
{
  return xml->reader;
}

const char *
jx_import_xml_name (JxImportXml *xml)
{
  return xml->name;
}

static int
fail (JxImportXml *xml, GError **error)
{
  if (xml->failure != NULL)
    g_propagate_error (error, g_steal_pointer (&xml->failure));
  else
    g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_DAMAGED,
                 _("%s, line %d: the XML is damaged (%s)."), xml->name,
                 xml->line, xml->message != NULL ? xml->message : "?");
  return -1;
}

static int
after_move (JxImportXml *xml, int status, GError **error)
{
  if (status < 0 || xml->failure != NULL || xml->message != NULL)
    return fail (xml, error);
  if (status == 1 && xmlTextReaderNodeType (xml->reader) == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_DAMAGED,
                   _("%s has a document type declaration, which office files never "
                     "have and which can make a reader fetch other files: it was not "
                     "read."), xml->name);
      return -1;
    }
  return status;
}

int
jx_import_xml_read (JxImportXml *xml, GError **error)
{
  return after_move (xml, xmlTextReaderRead (xml->reader), error);
}

int
jx_import_xml_skip (JxImportXml *xml, GError **error)
{
  return after_move (xml, xmlTextReaderNext (xml->reader), error);
}

char *
jx_import_xml_attribute (JxImportXml *xml, const char *ns, const char *name)
{
  xmlChar *value = ns != NULL
                   ? xmlTextReaderGetAttributeNs (xml->reader, BAD_CAST name, BAD_CAST ns)
                   : xmlTextReaderGetAttribute (xml->reader, BAD_CAST name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

void
jx_import_xml_free (JxImportXml *xml)
{
  if (xml == NULL)
    return;
  if (xml->reader != NULL)
    xmlFreeTextReader (xml->reader);
  g_clear_object (&xml->input);
  g_clear_error (&xml->failure);
  g_free (xml->message);
  g_free (xml->name);
  g_free (xml);
}

/* ---- Parsing a large part with SAX callbacks ---- */

/* The body of a Word file is most of it: it is parsed with libxml2's SAX2
 * interface, which builds no nodes and runs twice as fast as the reader.
 * The same refusals hold: a DOCTYPE stops the parser at once, entities
 * other than the five predefined ones are never looked up, nothing outside
 * the part is loaded. */

typedef struct
{
  /* First, so that the error handler, which gets the parse, finds the
   * input, budget and first error where it looks for them. */
  JxImportXml xml;
  xmlParserCtxtPtr ctxt;
  const JxImportSax *sax;
  gpointer data;
  gboolean done;       /* the callbacks said so */
  int depth;           /* of elements open, for jx_import_xml_parse_from */
  gboolean whole;      /* FALSE: stop when the first element closes */
} SaxParse;

static void
stop_parse (SaxParse *parse)
{
  parse->done = TRUE;
  xmlStopParser (parse->ctxt);
}

/* After each callback: the caller may have what it wanted. */
static void
check_done (SaxParse *parse)
{
  if (!parse->done && parse->sax->done != NULL && parse->sax->done (parse->data))
    stop_parse (parse);
}

static void
sax_start (void *context, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
           int n_namespaces, const xmlChar **namespaces, int n_attributes, int n_defaulted,
           const xmlChar **attributes)
{
  SaxParse *parse = context;

  if (parse->done)
    return;
  /* A parse from an element has a root of its own around it. */
  if (++parse->depth == 0 && !parse->whole)
    return;
  parse->sax->start (parse->data, local, uri, n_attributes, attributes);
  check_done (parse);
}

static void
sax_end (void *context, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
  SaxParse *parse = context;

  if (parse->done)
    return;
  parse->sax->end (parse->data, local, uri);
  /* The element a parse from it started at is closed: the rest of the
   * part is not its business. */
  if (--parse->depth == 0 && !parse->whole)
    stop_parse (parse);
  else
    check_done (parse);
}

static void
sax_text (void *context, const xmlChar *text, int length)
{
  SaxParse *parse = context;

  if (parse->done)
    return;
  parse->sax->text (parse->data, (const char *) text, length);
  if (parse->sax->done != NULL)
    check_done (parse);
}

static void
sax_doctype (void *context, const xmlChar *name, const xmlChar *external, const xmlChar *system)
{
  SaxParse *parse = context;

  if (parse->xml.failure == NULL)
    g_set_error (&parse->xml.failure, JX_IMPORT_ERROR, JX_IMPORT_ERROR_DAMAGED,
                 _("%s has a document type declaration, which office files never "
                   "have and which can make a reader fetch other files: it was not "
                   "read."), parse->xml.name);
  xmlStopParser (parse->ctxt);
}

static xmlEntityPtr
sax_entity (void *context, const xmlChar *name)
{
  return NULL;
}

static void
init_handler (xmlSAXHandler *handler)
{
  memset (handler, 0, sizeof *handler);
  handler->initialized = XML_SAX2_MAGIC;
  handler->startElementNs = sax_start;
  handler->endElementNs = sax_end;
  handler->characters = sax_text;
  handler->ignorableWhitespace = sax_text;
  handler->internalSubset = sax_doctype;
  handler->getEntity = sax_entity;
  handler->getParameterEntity = sax_entity;
  handler->serror = error_cb;
}

static GsfInput *
open_member (GsfInfile *zip, const char *path, GError **error)
{
  GsfInput *member = find_member (zip, path);

  if (member == NULL ||
      (GSF_IS_INFILE (member) && gsf_infile_num_children (GSF_INFILE (member)) >= 0))
    {
      g_clear_object (&member);
      g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_DAMAGED,
                   _("A part of the file is missing (%s): it is damaged or was not "
                     "written by an office program."), path);
    }
  return member;
}

/* Ends a parse: the result, and everything it held freed. A parse the
 * callbacks stopped is complete unless something failed before. */
static gboolean
finish_parse (SaxParse *parse, int status, GError **error)
{
  gboolean ok = parse->xml.failure == NULL &&
                (parse->done || (status == 0 && parse->ctxt->wellFormed &&
                                 parse->xml.message == NULL));

  if (!ok)
    fail (&parse->xml, error);
  /* A declaration the parser met before it was stopped may have made it
   * start a tree of its own. */
  if (parse->ctxt->myDoc != NULL)
    xmlFreeDoc (parse->ctxt->myDoc);
  xmlFreeParserCtxt (parse->ctxt);
  g_clear_object (&parse->xml.input);
  g_clear_error (&parse->xml.failure);
  g_free (parse->xml.message);
  g_free (parse->xml.name);
  return ok;
}

gboolean
jx_import_xml_parse (GsfInfile         *zip,
                     const char        *path,
                     JxImportBudget    *budget,
                     const JxImportSax *sax,
                     gpointer           data,
                     GError           **error)
{
  xmlSAXHandler handler;
  SaxParse parse = { 0 };
  GsfInput *member = open_member (zip, path, error);

  if (member == NULL)
    return FALSE;
  init_handler (&handler);
  parse.xml.input = member;
  parse.xml.name = g_strdup (path);
  parse.xml.budget = budget;
  parse.sax = sax;
  parse.data = data;
  parse.whole = TRUE;
  parse.ctxt = xmlCreateIOParserCtxt (&handler, &parse, read_cb, close_cb, &parse.xml,
                                      XML_CHAR_ENCODING_NONE);
  if (parse.ctxt == NULL)
    {
      g_object_unref (member);
      g_free (parse.xml.name);
      g_set_error_literal (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_DAMAGED,
                           _("The file could not be read."));
      return FALSE;
    }
  xmlCtxtUseOptions (parse.ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
  if (sax->prepare != NULL)
    sax->prepare (data, parse.ctxt->dict);
  return finish_parse (&parse, xmlParseDocument (parse.ctxt), error);
}

/* ---- Parsing a part from one element on ---- */

/* The tag "<element" or "<x:element" in data: its offset, its prefix in
 * *prefix (NULL without one), or -1. Text cannot hold it ("<" in text is
 * "&lt;"); a match too near the end to be told is left for the next
 * chunk, which keeps CARRY bytes of this one. */
#define CARRY 64

static gssize
find_tag (const char *data, gsize length, const char *element, char **prefix)
{
  gsize n = strlen (element);

  for (const char *p = data; (p = g_strstr_len (p, data + length - p, element)) != NULL; p++)
    {
      const char *start = p - 1;

      if (p + n >= data + length)
        return -1;
      if (p == data || strchr (" \t\r\n/>", p[n]) == NULL)
        continue;
      if (*start == ':')
        while (start > data && start > p - CARRY / 2 &&
               (g_ascii_isalnum (start[-1]) || start[-1] == '_' || start[-1] == '-'))
          start--;
      if (start > data && *start != '<' && start[-1] == '<')
        start--;
      if (*start != '<')
        continue;
      *prefix = p - start > 1 ? g_strndup (start + 1, p - start - 2) : NULL;
      return start - data;
    }
  return -1;
}

gboolean
jx_import_xml_parse_from (GsfInfile         *zip,
                          const char        *path,
                          JxImportBudget    *budget,
                          const char        *element,
                          const JxImportSax *sax,
                          gpointer           data,
                          GError           **error)
{
  xmlSAXHandler handler;
  SaxParse parse = { 0 };
  g_autoptr(GString) window = g_string_new (NULL);
  g_autofree char *prefix = NULL;
  g_autofree char *root = NULL;
  GsfInput *member = open_member (zip, path, error);
  char buffer[65536];
  int n, status = 0;

  if (member == NULL)
    return FALSE;
  init_handler (&handler);
  parse.xml.input = member;
  parse.xml.name = g_strdup (path);
  parse.xml.budget = budget;
  parse.sax = sax;
  parse.data = data;
  while ((n = read_cb (&parse.xml, buffer, sizeof buffer)) > 0)
    {
      gssize at;

      if (parse.ctxt != NULL)
        {
          if (status == 0 && !parse.done)
            status = xmlParseChunk (parse.ctxt, buffer, n, 0);
          continue;
        }
      g_string_append_len (window, buffer, n);
      at = find_tag (window->str, window->len, element, &prefix);
      if (at < 0)
        {
          if (window->len > CARRY)
            g_string_erase (window, 0, window->len - CARRY);
          continue;
        }
      /* A root of our own declares the element's prefix. */
      root = prefix != NULL ? g_strdup_printf ("<jx xmlns:%s=\"urn:jixiao\">", prefix)
                            : g_strdup ("<jx>");
      parse.depth = -1;   /* the root */
      parse.ctxt = xmlCreatePushParserCtxt (&handler, &parse, root, (int) strlen (root), NULL);
      xmlCtxtUseOptions (parse.ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
      if (sax->prepare != NULL)
        sax->prepare (data, parse.ctxt->dict);
      status = xmlParseChunk (parse.ctxt, window->str + at, (int) (window->len - at), 0);
    }
  if (parse.ctxt == NULL)
    {
      gboolean ok = n == 0 && parse.xml.failure == NULL;

      if (!ok)
        fail (&parse.xml, error);
      g_clear_object (&parse.xml.input);
      g_clear_error (&parse.xml.failure);
      g_free (parse.xml.message);
      g_free (parse.xml.name);
      return ok;
    }
  return finish_parse (&parse, status, error);
}
