/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "jx-error.h"
#include "jx-json.h"

G_BEGIN_DECLS

/* A strict RFC 8259 parser that builds json-glib nodes. json-glib's own
 * parser accepts comments and single quotes, has no nesting limit, lets
 * integers overflow and lets "\ud800" through as invalid UTF-8; this one
 * refuses all of that with "LINE:COL: message" in a JX_DOCUMENT_ERROR.
 * A leading UTF-8 byte order mark is skipped. */
JsonNode *jx_json_parse        (const char *data,
                                gsize       length,
                                guint       max_depth,
                                GError    **error);

/* A pull reader of strict JSON, for readers that build their own objects
 * as they go (the document reader) instead of a tree. It reads a text in
 * memory or a file a window at a time. The first refusal of the text
 * (syntax, encoding, nesting, size) is kept with its offset and ends the
 * reading: every function then returns FALSE or JX_JSON_END. */
typedef enum
{
  JX_JSON_END,       /* no more text */
  JX_JSON_OBJECT,
  JX_JSON_ARRAY,
  JX_JSON_STRING,
  JX_JSON_NUMBER,
  JX_JSON_TRUE,
  JX_JSON_FALSE,
  JX_JSON_NULL,
  JX_JSON_INVALID,   /* a character that starts no value */
} JxJsonKind;

typedef struct
{
  gboolean is_integer;
  gint64   integer;
  double   number;    /* also for an integer */
} JxJsonNumber;

typedef struct
{
  /* The window: bytes from p to end are read next. */
  const char *p;
  const char *end;
  /*< private >*/
  const char *window;
  guint64 window_offset;     /* of window[0], counted after a byte order mark */
  const char *data;          /* the text, when in memory */
  gsize length;
  int fd;                    /* else the file */
  char *buffer;
  gsize buffer_size;
  guint64 limit;
  guint64 total_read;
  gboolean eof;
  guint bom;
  guint max_depth;
  GString *scratch;          /* a text with escapes or across windows */
  gboolean failed;
  gboolean too_large;
  int read_errno;
  JxDocumentError code;
  guint64 error_offset;
  char *message;
} JxJsonReader;

/* The size of a file's window; tests make it small. */
extern gsize jx_json_window_size;

void       jx_json_reader_init_data (JxJsonReader  *r,
                                     const char    *data,
                                     gsize          length,
                                     guint          max_depth);
/* Reads fd from its current position; more than limit bytes is refused. */
void       jx_json_reader_init_fd   (JxJsonReader  *r,
                                     int            fd,
                                     guint64        limit,
                                     guint          max_depth);
void       jx_json_reader_clear     (JxJsonReader  *r);
/* The error to report: the refusal of the text with "LINE:COL: " when
 * there was one, else content_error (taken; may be NULL). A text that is
 * not UTF-8 is refused for that, at its first wrong byte, whatever else
 * was found. */
void       jx_json_reader_take_error (JxJsonReader *r,
                                      GError       *content_error,
                                      GError      **error);
/* Refuses the text at an offset (from jx_json_offset). */
void       jx_json_fail_at          (JxJsonReader  *r,
                                     guint64        offset,
                                     JxDocumentError code,
                                     const char    *format,
                                     ...) G_GNUC_PRINTF (4, 5);
guint64    jx_json_offset           (JxJsonReader  *r);

/* Before the first value: FALSE for an empty text. */
gboolean   jx_json_start            (JxJsonReader  *r);
/* After the last: FALSE when more than white space follows. */
gboolean   jx_json_finish           (JxJsonReader  *r);
/* What the next value is, after white space; nothing is consumed. */
JxJsonKind jx_json_peek             (JxJsonReader  *r);
/* At "{" or "[": steps in; depth is the new nesting level (1 for the
 * outermost), refused past the limit. */
gboolean   jx_json_enter            (JxJsonReader  *r,
                                     guint          depth);
/* In an object: TRUE with the next member's name when there is one,
 * FALSE at "}" or on a refusal (see failed). first starts TRUE. The name
 * is valid until the next call; jx_json_colon then reads the ":". */
gboolean   jx_json_object_next      (JxJsonReader  *r,
                                     gboolean      *first,
                                     const char   **name,
                                     gsize         *name_length,
                                     guint64       *name_offset);
gboolean   jx_json_colon            (JxJsonReader  *r);
/* In an array: TRUE when a value follows, FALSE at "]" or on a refusal. */
gboolean   jx_json_array_next       (JxJsonReader  *r,
                                     gboolean      *first);
/* At '"': the text, valid until the next call (it is not NUL-terminated
 * when it points into the window). */
gboolean   jx_json_read_string      (JxJsonReader  *r,
                                     const char   **text,
                                     gsize         *length);
gboolean   jx_json_read_number      (JxJsonReader  *r,
                                     JxJsonNumber  *number);
gboolean   jx_json_read_literal     (JxJsonReader  *r,
                                     JxJsonKind     kind);
/* A whole value as a json-glib node; depth is that of its container. */
JsonNode  *jx_json_read_node        (JxJsonReader  *r,
                                     guint          depth);
/* A whole value checked and passed over; description (may be NULL) says
 * what it was, for "expected …, found …". */
gboolean   jx_json_skip             (JxJsonReader  *r,
                                     guint          depth,
                                     const char   **description);

/* jx_json_write is in jx-json.h, for the other layers. */
void      jx_json_write_double (GString    *out,
                                double      value);
/* The pieces, for writers that stream their own objects in the same layout. */
void      jx_json_write_node   (GString    *out,
                                JsonNode   *node,
                                guint       level);
void      jx_json_write_string (GString    *out,
                                const char *text);
void      jx_json_write_indent (GString    *out,
                                guint       level);

G_END_DECLS
