/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-checkpoint.h"
#include "jx-document.h"
#include "jx-templates.h"

G_BEGIN_DECLS

/* Edits of a project's spending plan and of the numbered lists (Part 1's
 * points, a project's goals, the measures) as a clerk makes them. Each is
 * one undo step (bracketed with jx_document_begin_action), whoever calls
 * it: the forms, an importer, a test. The plan keeps its months in order:
 * a row added or given another month goes to its place. */

/* Replaces the project's plan with the preset's rows. */
void     jx_document_set_plan_preset      (JxDocument   *self,
                                           JxProject    *project,
                                           JxPlanPreset  preset);
/* Adds the row jx_template_next_checkpoint proposes. Returns its
 * position, or -1 when every month already has a row. */
int      jx_document_add_checkpoint       (JxDocument   *self,
                                           JxProject    *project);
/* Gives the row another month and moves it to its place in month order
 * (after the rows of that month or earlier). Returns its position. */
guint    jx_document_set_checkpoint_month (JxDocument   *self,
                                           JxProject    *project,
                                           JxCheckpoint *checkpoint,
                                           guint         month);

/* Text of several lines pasted into the item at position of list (a
 * GListStore of JxTextItem, whose text it is, or of JxMeasure, whose body
 * it is): before and the first line become that item's text, each further
 * line a new item after it, the last one followed by after. Typed
 * numbering is removed and blank lines skipped
 * (jx_numbering_split_lines). Returns the number of lines, the items the
 * paste now fills; 0, with nothing changed, when text is fewer than two
 * lines: an ordinary paste. */
guint    jx_document_paste_lines          (JxDocument   *self,
                                           GListModel   *list,
                                           guint         position,
                                           const char   *before,
                                           const char   *text,
                                           const char   *after);

G_END_DECLS
