/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

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

/* Pretty-printed UTF-8, two spaces an indent, a final newline; numbers in
 * their shortest exact form (json-glib's generator writes 0.1 as
 * 0.10000000000000001 and 1e-8 as the invalid 1e-08.0). */
void      jx_json_write        (GString    *out,
                                JsonNode   *node);
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
