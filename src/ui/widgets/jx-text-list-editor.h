/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-document.h"
#include "jx-project.h"

G_BEGIN_DECLS

/* An editable numbered list: the overall points and project goals
 * (JxTextItem, multi-line), the guarantee measures (JxMeasure: heading and
 * body) or a spending plan (JxCheckpoint: month, cumulative percent and the
 * amount it means). Rows can be added, removed and moved; a plan's rows
 * keep the order of their months, and its presets fill it in one go.
 * Several lines pasted into an item's text make an item each. */
#define JX_TYPE_TEXT_LIST_EDITOR (jx_text_list_editor_get_type ())
G_DECLARE_FINAL_TYPE (JxTextListEditor, jx_text_list_editor, JX, TEXT_LIST_EDITOR, GtkWidget)

GtkWidget *jx_text_list_editor_new       (GType             item_type,
                                          const char       *add_label);
void       jx_text_list_editor_set_model (JxTextListEditor *self,
                                          GListModel       *model);
/* For a spending plan: the project whose total the percents are of. */
void       jx_text_list_editor_set_project (JxTextListEditor *self,
                                            JxProject        *project);
/* The document the list is in: its edits then are one undo step each
 * (a plan's new row, month and preset; lines pasted as items), and a
 * plan's amounts carry its money unit. */
void       jx_text_list_editor_set_document (JxTextListEditor *self,
                                             JxDocument       *document);
/* Gray hints: empty is shown while the list has no rows, item in an
 * item's empty text. */
void       jx_text_list_editor_set_hints (JxTextListEditor *self,
                                          const char       *empty,
                                          const char       *item);
/* Puts the focus in the index-th row. */
void       jx_text_list_editor_focus_row (JxTextListEditor *self,
                                          guint             index);
/* Appends a new row, as the Add button does. */
void       jx_text_list_editor_add       (JxTextListEditor *self);

G_END_DECLS
