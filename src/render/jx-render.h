/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* Every layout the program draws Chinese text with must come from a context
 * prepared here: without the zh-cn language fontconfig may pick Japanese
 * glyph forms, and rounded glyph positions make printed lines uneven. */
void          jx_render_prepare_context (PangoContext *context);
PangoLayout  *jx_render_create_layout   (cairo_t      *cr);

G_END_DECLS
