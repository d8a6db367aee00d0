/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-document.h"

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

G_END_DECLS
