/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-change.h"

G_BEGIN_DECLS

/* A list of changes (JxChange, jx-change.h) as a reviewer reads them: the
 * heading of each section before its first change, then for each change
 * its place and what it was and became, the removed words struck through
 * and the added words underlined. One change at a time is selected;
 * choosing one (a click, Enter, or jx_change_list_step) emits
 * "change-activated" (JxChange *). Ctrl+C copies the selected change as
 * text. */
#define JX_TYPE_CHANGE_LIST (jx_change_list_get_type ())
G_DECLARE_FINAL_TYPE (JxChangeList, jx_change_list, JX, CHANGE_LIST, GtkWidget)

GtkWidget  *jx_change_list_new           (void);
/* Shows changes (NULL: none), keeping the selection at the same position
 * when there still is one. */
void        jx_change_list_set_changes   (JxChangeList *self,
                                          GListModel   *changes);
GListModel *jx_change_list_get_changes   (JxChangeList *self);
/* GTK_INVALID_LIST_POSITION when none is selected. */
guint       jx_change_list_get_selected  (JxChangeList *self);
/* Selects the change at position and scrolls it into view; nothing is
 * activated. */
void        jx_change_list_select        (JxChangeList *self,
                                          guint         position);
/* Selects the next (delta 1) or previous (-1) change from the selected
 * one (from the top when none is), scrolls to it and activates it.
 * FALSE when there is none that way. */
gboolean    jx_change_list_step          (JxChangeList *self,
                                          int           delta);

/* What a row shows under its place: one or two lines, each a short label
 * ("Old:", "New:", "Added:"; NULL for none) and a text as Pango markup
 * with the changed words marked. The second line's text is NULL when
 * there is one line. Free with jx_change_row_text_clear. */
typedef struct
{
  const char *label[2];
  char       *markup[2];
} JxChangeRowText;

void        jx_change_list_row_text      (JxChange        *change,
                                          JxChangeRowText *text);
void        jx_change_row_text_clear     (JxChangeRowText *text);

G_END_DECLS
