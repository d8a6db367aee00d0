/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-diff.h"
#include "jx-page-layout.h"

G_BEGIN_DECLS

/* The 修改对照表: the changes between two versions of a document as a
 * table for the finance bureau's review notes — 序号, 位置, 原内容, 修改后
 * and an empty 备注 column to write in — on A4 pages with the header row
 * repeated and the page numbers of the printed document. Removed words
 * are struck out in 原内容, added words bold and underlined in 修改后.
 * The layout prints, previews and exports as PDF like the document's own
 * (jx_page_draw, jx_pdf_write). old_label and new_label name the two
 * versions, e.g. their file names; either may be NULL. */
JxPageLayout *jx_change_table_new (JxDiff     *diff,
                                   const char *old_label,
                                   const char *new_label);

G_END_DECLS
