/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-document.h"
#include "jx-stage.h"

G_BEGIN_DECLS

/* The sheets of a workbook written by Jixiao. */
#define JX_XLSX_SHEET_INDICATORS "绩效指标"
#define JX_XLSX_SHEET_PROJECTS   "项目"
#define JX_XLSX_SHEET_DEPARTMENT "部门"

/* A spreadsheet cell holds at most this many characters. */
#define JX_XLSX_CELL_MAX_CHARS 32767

/* Writes document as an Excel workbook: 绩效指标 (one row per indicator,
 * the value split into 计算符号, 指标值 and 计量单位), 项目 (one row per
 * project: funds, usage, spending plan, goals, Part 1 entry) and 部门 (the
 * cover and Part 1), so that the workbook imports back as the document.
 * Atomic: path holds the old file or the whole new one, never a part.
 * Errors are G_IO_ERROR; a text too long for a cell names its place. */
gboolean jx_xlsx_export (JxDocument  *document,
                         const char  *path,
                         GError     **error);
/* The same with the columns of a stage after the goal columns: for
 * MONITORING, on 绩效指标 the 1–X月完成值, 全年预计完成情况, 完成目标可能性,
 * 偏差原因, 原因说明 and 改进措施, on 项目 the 调整后预算数, the plan's and
 * the spending's progress at month X and the year's expectation; for
 * EVALUATION the 实际完成值, 达成情况, 分值 and 得分 of each row and each
 * project's 全年预算数, 全年执行数, 执行率, scores, grade and conclusions, as
 * the printed forms have them. jx_xlsx_export writes the document's own
 * stage. */
gboolean jx_xlsx_export_stage (JxDocument  *document,
                               JxStage      stage,
                               const char  *path,
                               GError     **error);

G_END_DECLS
