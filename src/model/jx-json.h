/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Writes node as pretty-printed UTF-8 JSON, two spaces an indent, with a
 * final newline, numbers in their shortest exact form: for tools that print
 * JSON of their own (`jixiao-cli validate --format json`). json-glib's
 * generator writes 0.1 as 0.10000000000000001, 1e-8 as the invalid 1e-08.0
 * and leaves control characters raw. */
void jx_json_write (GString  *out,
                    JsonNode *node);

G_END_DECLS
