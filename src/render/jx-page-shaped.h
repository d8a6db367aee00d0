/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* A text shaped and broken into lines once, when it is measured, and kept
 * in a compact form to be drawn from: glyphs and their positions, the
 * fonts of the runs and which bytes of the text each cluster of glyphs
 * shows (for text that can be searched and copied from a PDF). Drawing it
 * is drawing what Pango laid out, without laying it out again. */
typedef struct _JxShapedText JxShapedText;

/* Takes the lines of layout, whose text is text (kept by the caller for
 * as long as the shaped text). With text NULL only the lines' measures
 * are kept, and every line is left to Pango to draw. */
JxShapedText *jx_shaped_text_new          (PangoLayout        *layout,
                                           const char         *text);
void          jx_shaped_text_free         (JxShapedText       *self);
guint         jx_shaped_text_get_n_lines  (const JxShapedText *self);
/* The logical width of a line, in points. */
double        jx_shaped_text_get_line_width (const JxShapedText *self,
                                             guint               line);
/* Draws a line in a slot of height pitch whose top is y, its logical box
 * centred in it, the layout's left edge at x. FALSE, drawing nothing, when
 * the line has what only Pango draws (a box for a character no font has,
 * right-to-left text): the caller then draws it with a layout. */
gboolean      jx_shaped_text_draw_line    (const JxShapedText *self,
                                           cairo_t            *cr,
                                           guint               line,
                                           double              x,
                                           double              y,
                                           double              pitch);

/* Draws lines [first, end) as jx_shaped_text_draw_line does, with one
 * cairo call for each run of glyphs in one font: a paragraph is then one
 * operation in the PDF, not one a line. Lines only Pango draws are left to
 * the caller: FALSE when there is one among them, and nothing is drawn. */
gboolean      jx_shaped_text_draw_lines   (const JxShapedText *self,
                                           cairo_t            *cr,
                                           guint               first,
                                           guint               end,
                                           double              x,
                                           double              y,
                                           double              pitch);

G_END_DECLS
