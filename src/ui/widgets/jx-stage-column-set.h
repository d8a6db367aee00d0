/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-document.h"
#include "jx-stage-cell.h"

G_BEGIN_DECLS

/* The stage columns of an indicator table, kept apart from its goal
 * columns: appended to the table's column view for the document's stage,
 * titled with the monitoring's months, rebuilt when either changes, one
 * JxStageCell a row bound to the indicator its row shows. The view's items
 * are JxSlot (jx-slot.h). The table is told through changed () when the
 * stage changed (its goal columns turn read-only) and through move () when
 * Tab, Shift+Tab or Enter in a cell asks to leave it (step +1 or -1). */
typedef struct _JxStageColumnSet JxStageColumnSet;

typedef void (*JxStageColumnsChanged) (gpointer user_data);
typedef void (*JxStageCellMove)       (gpointer user_data,
                                       guint    row,
                                       guint    column,
                                       int      step);

JxStageColumnSet *jx_stage_column_set_new        (GtkColumnView         *view,
                                                  JxStageColumnsChanged  changed,
                                                  JxStageCellMove        move,
                                                  gpointer               user_data);
void              jx_stage_column_set_free       (JxStageColumnSet      *self);
/* The document whose stage is followed and the project whose rows are
 * scored; either may be NULL: no stage columns. */
void              jx_stage_column_set_set_project (JxStageColumnSet     *self,
                                                  JxDocument            *document,
                                                  JxProject             *project);
/* GOALS when there are no stage columns. */
JxStage           jx_stage_column_set_get_stage  (JxStageColumnSet      *self);
guint             jx_stage_column_set_get_n      (JxStageColumnSet      *self);
/* The index of a member's column ("monitoring.causes"), or -1. */
int               jx_stage_column_set_find       (JxStageColumnSet      *self,
                                                  const char            *member);
/* The cell shown at row of a column, or NULL when that row is not bound. */
JxStageCell      *jx_stage_column_set_get_cell   (JxStageColumnSet      *self,
                                                  guint                  row,
                                                  guint                  column);
/* The project's score, shared by the cells. */
JxScoreWatch     *jx_stage_column_set_get_scores (JxStageColumnSet      *self);

G_END_DECLS
