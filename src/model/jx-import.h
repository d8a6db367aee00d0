/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-document.h"

G_BEGIN_DECLS

#define JX_IMPORT_ERROR (jx_import_error_quark ())

/* Why a file could not be imported at all. The message names the file and
 * says, in a clerk's words, what to do. */
typedef enum
{
  JX_IMPORT_ERROR_UNSUPPORTED, /* not a kind of file Jixiao reads */
  JX_IMPORT_ERROR_OLD_FORMAT,  /* .doc, .xls, .odt: save it again as .docx / .xlsx */
  JX_IMPORT_ERROR_ENCRYPTED,   /* protected with a password */
  JX_IMPORT_ERROR_DAMAGED,     /* a broken container, XML or a missing part */
  JX_IMPORT_ERROR_TOO_LARGE,   /* beyond the stated size, ratio or row limits */
  JX_IMPORT_ERROR_EMPTY,       /* nothing shaped like a 绩效文本 in it */
  JX_IMPORT_ERROR_UNREADABLE,  /* not a regular file, or reading it failed */
  JX_IMPORT_ERROR_CONTENT,     /* a cell holds what its column cannot: the message names
                                  the sheet, row and column */
} JxImportError;

GQuark jx_import_error_quark (void);

/* What an import could not place, in the order it was met: each note has a
 * place in a clerk's words ("第 3 个表格，第 5 行" or "第一部分，第 12 段") and
 * a text saying what was there and what became of it. */
typedef struct _JxImportReport JxImportReport;

#define JX_TYPE_IMPORT_REPORT (jx_import_report_get_type ())
GType           jx_import_report_get_type    (void) G_GNUC_CONST;

JxImportReport *jx_import_report_new         (void);
JxImportReport *jx_import_report_ref         (JxImportReport *self);
void            jx_import_report_unref       (JxImportReport *self);
void            jx_import_report_add         (JxImportReport *self,
                                              const char     *place,
                                              const char     *format,
                                              ...) G_GNUC_PRINTF (3, 4);
guint           jx_import_report_get_n_notes (JxImportReport *self);
const char     *jx_import_report_get_place   (JxImportReport *self,
                                              guint           index);
const char     *jx_import_report_get_text    (JxImportReport *self,
                                              guint           index);
/* One note a line, "place: text", for stderr or a dialog to copy from;
 * "" when there are none. */
char           *jx_import_report_to_text     (JxImportReport *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxImportReport, jx_import_report_unref)

/* Reads a file written by another program — recognised by its content, not
 * its name — into a new document. report (may be NULL) receives what could
 * not be placed. On failure returns NULL with a JX_IMPORT_ERROR and changes
 * nothing. Cancelling cancellable (may be NULL), from any thread, stops the
 * reading within a fraction of a second: NULL with G_IO_ERROR_CANCELLED. */
JxDocument     *jx_import_file               (const char     *path,
                                              JxImportReport *report,
                                              GCancellable   *cancellable,
                                              GError        **error);

/* The same from the bytes of a file (dropped or pasted). */
JxDocument     *jx_import_bytes              (GBytes         *bytes,
                                              JxImportReport *report,
                                              GCancellable   *cancellable,
                                              GError        **error);

G_END_DECLS
