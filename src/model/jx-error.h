/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JX_DOCUMENT_ERROR (jx_document_error_quark ())

typedef enum
{
  JX_DOCUMENT_ERROR_SYNTAX,      /* not JSON: message starts with "LINE:COL: " */
  JX_DOCUMENT_ERROR_ENCODING,    /* not UTF-8 */
  JX_DOCUMENT_ERROR_TOO_DEEP,    /* nesting beyond the limit */
  JX_DOCUMENT_ERROR_NOT_DOCUMENT,/* "format" missing or wrong */
  JX_DOCUMENT_ERROR_VERSION,     /* a newer format version */
  JX_DOCUMENT_ERROR_CONTENT,     /* a member is missing, mistyped or out of range:
                                    message starts with "path: " */
  JX_DOCUMENT_ERROR_TOO_LARGE,   /* the file is bigger than any real document */
} JxDocumentError;

GQuark jx_document_error_quark (void);

/* A file's error as a clerk reads it: the place in words instead of a
 * member path ("项目1 · 财政资金：…"), "Line 42, column 15: …" instead of
 * "42:15: …". Other errors come back as their message. */
char  *jx_document_error_describe (const GError *error);

G_END_DECLS
