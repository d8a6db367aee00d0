/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-change.h"
#include "jx-document.h"

G_BEGIN_DECLS

/* What changed between two versions of a document, grouped as a reviewer
 * reads it: the cover and department; Part 1 paragraph by paragraph with
 * the changed words marked; then project by project — added, removed,
 * renamed (matched by code, then by name), moved, funds with old, new and
 * difference, spending plan months, goals, and indicator rows added,
 * removed, moved or changed cell by cell (matched by 一级/二级/三级, then by
 * position). Two documents of different years compare too: the year is
 * one change, and texts are compared with the years that name the budget
 * year moved along (jx-year-text.h), so that a roll-forward's years are
 * not a change on every line. */

#define JX_TYPE_DIFF (jx_diff_get_type ())
G_DECLARE_FINAL_TYPE (JxDiff, jx_diff, JX, DIFF, GObject)

/* Compares; the documents must not change while the result is used. */
JxDiff      *jx_diff_new              (JxDocument   *old_document,
                                       JxDocument   *new_document);
JxDocument  *jx_diff_get_old_document (JxDiff       *self);
JxDocument  *jx_diff_get_new_document (JxDiff       *self);
/* The changes (JxChange) in reading order. */
GListModel  *jx_diff_get_changes      (JxDiff       *self);
gboolean     jx_diff_is_empty         (JxDiff       *self);
guint        jx_diff_count            (JxDiff       *self,
                                       JxChangeKind  kind);
/* The list as text, a heading per section; "" when nothing changed. */
char        *jx_diff_to_text          (JxDiff       *self);
/* The list as JSON of the shape docs/year.md describes
 * ("format": "budget-performance-comparison"); the labels name the two
 * versions, e.g. their file names. */
char        *jx_diff_to_json          (JxDiff       *self,
                                       const char   *old_label,
                                       const char   *new_label);

G_END_DECLS
