/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A run of a text, in bytes: [start, end). */
typedef struct
{
  gsize start;
  gsize end;
} JxTextSpan;

/* The words that differ between two versions of a text: old_marks
 * receives the runs of old that are not in new (struck out when shown),
 * new_marks the runs of new that are not in old (underlined). A word is a
 * run of Latin letters and digits ("95", "GB2312") or one character of any
 * other script, so that Chinese text is compared character by character;
 * a lone common character between two changes is taken into the change,
 * so that the marks read as phrases rather than confetti. Either array may
 * come back empty, never NULL. */
void      jx_text_diff_marks    (const char  *old_text,
                                 const char  *new_text,
                                 GArray     **old_marks,
                                 GArray     **new_marks);

/* The parts of a long text to show around its marks, as JxTextSpan:
 * context characters either side of each mark, parts that touch merged;
 * "…" stands between and around them when shown. A text of at most limit
 * characters, or without marks, comes back whole. */
GArray   *jx_text_excerpts      (const char        *text,
                                 const JxTextSpan  *marks,
                                 guint              n_marks,
                                 guint              limit,
                                 guint              context);

/* The character (code point) offset of a byte offset of text, for output
 * that scripts in other languages read. */
glong     jx_text_char_offset   (const char  *text,
                                 gsize        byte_offset);

G_END_DECLS
