/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-project.h"

G_BEGIN_DECLS

/* An editable numbered list: the overall points and project goals
 * (JxTextItem, multi-line), the guarantee measures (JxMeasure: heading and
 * body) or a spending plan (JxCheckpoint: month, cumulative percent and the
 * amount it means). Rows can be added, removed and moved. */
#define JX_TYPE_TEXT_LIST_EDITOR (jx_text_list_editor_get_type ())
G_DECLARE_FINAL_TYPE (JxTextListEditor, jx_text_list_editor, JX, TEXT_LIST_EDITOR, GtkWidget)

GtkWidget *jx_text_list_editor_new       (GType             item_type,
                                          const char       *add_label);
void       jx_text_list_editor_set_model (JxTextListEditor *self,
                                          GListModel       *model);
/* For a spending plan: the project whose total the percents are of. */
void       jx_text_list_editor_set_project (JxTextListEditor *self,
                                            JxProject        *project);
/* Puts the focus in the index-th row. */
void       jx_text_list_editor_focus_row (JxTextListEditor *self,
                                          guint             index);
/* Appends a new row, as the Add button does. */
void       jx_text_list_editor_add       (JxTextListEditor *self);

G_END_DECLS
