/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-indicator.h"
#include "jx-score-watch.h"
#include "jx-stage.h"

G_BEGIN_DECLS

/* The columns a later stage adds to the indicator table, beside the goal
 * columns it keeps: what each shows, how it is edited and how wide it
 * starts. The table makes its stage columns from this list alone. */
typedef enum
{
  JX_STAGE_CELL_TEXT,         /* a text member, typed */
  JX_STAGE_CELL_LIKELIHOOD,   /* 完成目标可能性: one of three */
  JX_STAGE_CELL_CAUSES,       /* 偏差原因: any of five */
  JX_STAGE_CELL_ACHIEVEMENT,  /* 达成 / 部分达成 / 未达成, for a qualitative row */
  JX_STAGE_CELL_WEIGHT,       /* 分值: typed, else the default share as a hint */
  JX_STAGE_CELL_SCORE,        /* 得分: computed as a hint, typed over it */
} JxStageCellKind;

typedef struct
{
  JxStage          stage;
  JxStageCellKind  kind;
  const char      *member;    /* in the file and in a place: "monitoring.actual" */
  const char      *property;  /* of JxIndicator */
  const char      *title;     /* untranslated; "%s" stands for the months 1–X */
  int              width;     /* pixels at the start */
} JxStageColumn;

/* The columns of stage, in the printed forms' order; none for GOALS. */
const JxStageColumn *jx_stage_columns      (JxStage              stage,
                                            guint               *n_columns);
/* The column of a member ("monitoring.causes"), or NULL. */
const JxStageColumn *jx_stage_column_find  (const char          *member);
/* The column's heading in the interface's language, with the months of
 * the monitoring (newly allocated). */
char                *jx_stage_column_title (const JxStageColumn *column,
                                            guint                month);

/* One cell of a stage column. It follows the indicator it is bound to and
 * writes each change to it (one undo step each, as typing is); the weight
 * and score cells read the computed points from watch. */
#define JX_TYPE_STAGE_CELL (jx_stage_cell_get_type ())
G_DECLARE_FINAL_TYPE (JxStageCell, jx_stage_cell, JX, STAGE_CELL, GtkWidget)

GtkWidget           *jx_stage_cell_new          (const JxStageColumn *column,
                                                 JxScoreWatch        *watch);
const JxStageColumn *jx_stage_cell_get_column   (JxStageCell         *self);
/* indicator NULL: shows nothing. */
void                 jx_stage_cell_bind         (JxStageCell         *self,
                                                 JxIndicator         *indicator);
JxIndicator         *jx_stage_cell_get_indicator (JxStageCell        *self);
/* What takes the keyboard: an entry (a GtkEditable) or a button. */
GtkWidget           *jx_stage_cell_get_focus_widget (JxStageCell     *self);

G_END_DECLS
