/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-document.h"

G_BEGIN_DECLS

typedef enum
{
  JX_INDICATOR_COLUMN_LEVEL1,
  JX_INDICATOR_COLUMN_LEVEL2,
  JX_INDICATOR_COLUMN_NAME,
  JX_INDICATOR_COLUMN_DESCRIPTION,
  JX_INDICATOR_COLUMN_VALUE,
  JX_INDICATOR_COLUMN_BASIS,
  JX_INDICATOR_N_COLUMNS
} JxIndicatorColumn;

/* A project's indicator table: one editable cell per field, 一级/二级 chosen
 * from the standard categories or typed freely; Tab, Shift+Tab and Enter move
 * between cells. An empty table offers the usual categories as rows of gray
 * hints; typing into one makes them the project's rows (one undo step). */
#define JX_TYPE_INDICATOR_TABLE (jx_indicator_table_get_type ())
G_DECLARE_FINAL_TYPE (JxIndicatorTable, jx_indicator_table, JX, INDICATOR_TABLE, GtkWidget)

GtkWidget   *jx_indicator_table_new           (void);
void         jx_indicator_table_set_model     (JxIndicatorTable *self,
                                               GListModel       *indicators);
/* The row the toolbar acts on, or GTK_INVALID_LIST_POSITION. */
guint        jx_indicator_table_get_current   (JxIndicatorTable *self);
void         jx_indicator_table_set_current   (JxIndicatorTable *self,
                                               guint             position);
/* The editable widget of a shown cell (a GtkEditable), or NULL. */
GtkWidget   *jx_indicator_table_get_cell      (JxIndicatorTable *self,
                                               guint             row,
                                               JxIndicatorColumn column);
gboolean     jx_indicator_table_focus_cell    (JxIndicatorTable *self,
                                               guint             row,
                                               JxIndicatorColumn column);

/* The stages: the document whose stage decides the columns after the goal
 * columns, and the project (the model's owner) whose rows are scored. At a
 * later stage the goal columns and the rows are read-only. */
void         jx_indicator_table_set_stage_project (JxIndicatorTable *self,
                                                   JxDocument       *document,
                                                   JxProject        *project);
/* The JxStageCell of a stage member ("monitoring.actual") at a row, or
 * NULL when that column or row is not shown. */
GtkWidget   *jx_indicator_table_get_stage_cell    (JxIndicatorTable *self,
                                                   guint             row,
                                                   const char       *member);
gboolean     jx_indicator_table_focus_stage_cell  (JxIndicatorTable *self,
                                                   guint             row,
                                                   const char       *member);


G_END_DECLS
