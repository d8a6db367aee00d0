/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Machine-readable output (jixiao-cli's --format json) in the layout of the
 * document files: pretty-printed UTF-8, two spaces an indent, a final
 * newline; numbers in their shortest exact form (json-glib's generator
 * writes 0.1 as 0.10000000000000001 and 1e-8 as the invalid 1e-08.0). */
void      jx_json_write        (GString    *out,
                                JsonNode   *node);

G_END_DECLS
