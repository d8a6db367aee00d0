/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-page-layout-private.h"
#include "jx-report-table.h"

G_BEGIN_DECLS

/* The table engine of the 项目绩效目标表, for the other forms laid out like
 * it (the monitoring and self-evaluation tables, their summaries): rows of
 * cells, labels merged over runs of rows, and pagination that repeats the
 * header row and the merged labels on the next page. The rows and words
 * are the model's (jx-report-table.h). */
typedef struct _JxPageTable JxPageTable;

JxPageTable *jx_page_table_new          (JxPageLayout  *layout);
void         jx_page_table_free         (JxPageTable   *table);
/* The rows of a table the model describes: its cells, its labels over
 * runs of rows as merged labels, its header row. */
void         jx_page_table_add_report   (JxPageTable         *table,
                                         const JxReportTable *report);
/* Places the title, the unit line and the table in the flow. */
void         jx_page_table_place        (JxPageTable   *table,
                                         const char    *title,
                                         const char    *unit_line,
                                         const char    *money_unit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxPageTable, jx_page_table_free)

G_END_DECLS
