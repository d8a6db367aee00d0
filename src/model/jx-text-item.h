/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One paragraph of a list of texts: an overall point or a project goal. */
#define JX_TYPE_TEXT_ITEM (jx_text_item_get_type ())
G_DECLARE_FINAL_TYPE (JxTextItem, jx_text_item, JX, TEXT_ITEM, GObject)

JxTextItem *jx_text_item_new      (const char *text);
const char *jx_text_item_get_text (JxTextItem *self);
void        jx_text_item_set_text (JxTextItem *self,
                                   const char *text);
JxTextItem *jx_text_item_copy     (JxTextItem *self);

G_END_DECLS
