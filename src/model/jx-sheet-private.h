/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The columns of the sheets Jixiao writes and reads, shared by the export
 * and the import so that a workbook written is a workbook read. */

typedef enum
{
  JX_IND_CODE,
  JX_IND_PROJECT,
  JX_IND_LEVEL1,
  JX_IND_LEVEL2,
  JX_IND_NAME,
  JX_IND_SYMBOL,
  JX_IND_VALUE,
  JX_IND_UNIT,
  JX_IND_DESCRIPTION,
  JX_IND_BASIS,
  JX_IND_N_COLUMNS
} JxIndicatorColumn;

typedef enum
{
  JX_PRJ_CODE,
  JX_PRJ_NAME,
  JX_PRJ_TOTAL,
  JX_PRJ_FISCAL,
  JX_PRJ_OTHER,
  JX_PRJ_USAGE,
  JX_PRJ_MONTH_1,   /* … one column per month-end, to */
  JX_PRJ_MONTH_12 = JX_PRJ_MONTH_1 + 11,
  JX_PRJ_GOALS,
  JX_PRJ_OVERVIEW_DESCRIPTION,
  JX_PRJ_OVERVIEW_GOAL,
  JX_PRJ_OVERVIEW_SUMMARY,
  JX_PRJ_N_COLUMNS
} JxProjectColumn;

/* The names the export writes in the header rows. The money columns get
 * the unit after them, "预算数（万元）", the months "3月底（%）". */
extern const char * const jx_indicator_column_names[JX_IND_N_COLUMNS];
extern const char * const jx_project_column_names[JX_PRJ_N_COLUMNS];

/* The 部门 sheet: one row per item, 名称 | 标题 | 内容. */
#define JX_DEPT_COLUMN_KEY     "名称"
#define JX_DEPT_COLUMN_HEADING "标题"
#define JX_DEPT_COLUMN_TEXT    "内容"
#define JX_DEPT_NAME           "部门名称"
#define JX_DEPT_UNIT_CODE      "单位编码"
#define JX_DEPT_UNIT_NAME      "单位名称"
#define JX_DEPT_COMPILER       "编制单位"
#define JX_DEPT_REVIEWER       "审核单位"
#define JX_DEPT_YEAR           "预算年度"
#define JX_DEPT_TITLE          "文本标题"
#define JX_DEPT_DRAFT          "草案"
#define JX_DEPT_MONEY_UNIT     "金额单位"
#define JX_DEPT_SUMMARY        "总体绩效目标"
#define JX_DEPT_POINT          "总体绩效目标要点"
#define JX_DEPT_MEASURE        "工作保障措施"

G_END_DECLS
