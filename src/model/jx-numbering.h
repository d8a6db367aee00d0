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
/* A numbered list typed in one line, "1.完成维修；2.消除隐患。": its items
 * without their numbers and the "；" between them ({"完成维修",
 * "消除隐患。"}), when the line starts with 1 in digits and each next number
 * follows a "；", "。" or a space in the same style; NULL for anything else. */
char    **jx_numbering_split_inline (const char *text);
/* Text pasted as several items: one item a line (any line break), each
 * without the spaces around it and without its typed numbering; blank
 * lines make no item. */
char    **jx_numbering_split_lines (const char *text);

G_END_DECLS
