/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Numbering a clerk typed at the start of a point, goal or measure
 * ("1、", "（一）", "①", "第一，"). The printed document numbers its lists
 * itself, so typed numbering would print twice; importers, paste and the
 * review's fix all strip it through these functions. */

gsize     jx_numbering_length (const char *text);
gboolean  jx_numbering_has    (const char *text);
char     *jx_numbering_marker (const char *text);
char     *jx_numbering_strip  (const char *text);

G_END_DECLS
