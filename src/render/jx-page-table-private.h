/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-page-layout-private.h"

G_BEGIN_DECLS

/* The table engine of the 项目绩效目标表, for the other forms laid out like
 * it (the monitoring and self-evaluation tables, their summaries): rows of
 * cells, labels merged over runs of rows, and pagination that repeats the
 * header row and the merged labels on the next page. Positions are in
 * points from the text block's left edge. */
typedef struct _JxPageTable JxPageTable;

JxPageTable *jx_page_table_new          (JxPageLayout  *layout);
void         jx_page_table_free         (JxPageTable   *table);
/* Starts a row whose first cell is at x (right of merged labels). source:
 * the indicator's number + 1 for an indicator row, else 0. Returns the
 * row's index. */
guint        jx_page_table_add_row      (JxPageTable   *table,
                                         double         x,
                                         guint          source);
/* Adds a cell of width w after the last one of the current row. */
void         jx_page_table_add_cell     (JxPageTable   *table,
                                         double         w,
                                         const char    *text,
                                         PangoAlignment align,
                                         guint8         flags);
/* A label over rows first..last at x. */
void         jx_page_table_merge        (JxPageTable   *table,
                                         double         x,
                                         double         w,
                                         const char    *text,
                                         guint          first,
                                         guint          last);
/* The 一级/二级指标 labels merged over runs of equal values, the
 * indicators' rows starting at row first; the columns are w1 and w2 wide. */
void         jx_page_table_merge_levels (JxPageTable   *table,
                                         GListModel    *indicators,
                                         guint          first,
                                         double         w1,
                                         double         w2);
/* 项目编码 | code | 项目名称 | name, as in the goal table. */
void         jx_page_table_add_identity (JxPageTable   *table,
                                         JxProject     *project);
/* Row is the header repeated at the top of each further page that goes on
 * with rows up to last (G_MAXUINT: to the end). */
void         jx_page_table_set_header   (JxPageTable   *table,
                                         guint          row,
                                         guint          last);
guint        jx_page_table_get_n_rows   (JxPageTable   *table);
/* Places the title, the unit line and the table in the flow. */
void         jx_page_table_place        (JxPageTable   *table,
                                         const char    *title,
                                         const char    *unit_line,
                                         const char    *money_unit);

/* A percentage as the tables print it: "60%", "35.25%". */
char        *jx_page_format_percent     (double         percent);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxPageTable, jx_page_table_free)

G_END_DECLS
