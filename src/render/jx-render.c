/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-render.h"

void
jx_render_prepare_context (PangoContext *context)
{
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  pango_context_set_round_glyph_positions (context, FALSE);
}

PangoLayout *
jx_render_create_layout (cairo_t *cr)
{
  PangoContext *context;
  PangoLayout *layout;

  g_return_val_if_fail (cr != NULL, NULL);

  context = pango_cairo_create_context (cr);
  jx_render_prepare_context (context);
  layout = pango_layout_new (context);
  g_object_unref (context);
  return layout;
}
