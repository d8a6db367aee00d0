/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-document.h"

G_BEGIN_DECLS

/* Emits "changed" whenever anything in a document changes: a property of
 * the document, its department, any project or any row, or a list gaining
 * or losing items. For work that follows the whole document (review
 * checks, a modified flag) without knowing its structure. */
#define JX_TYPE_CHANGE_WATCH (jx_change_watch_get_type ())
G_DECLARE_FINAL_TYPE (JxChangeWatch, jx_change_watch, JX, CHANGE_WATCH, GObject)

JxChangeWatch *jx_change_watch_new          (JxDocument    *document);
JxDocument    *jx_change_watch_get_document (JxChangeWatch *self);

G_END_DECLS
