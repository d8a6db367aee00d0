/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-scoring.h"

G_BEGIN_DECLS

/* A project's self-evaluation score (jx_project_score_new) kept for the
 * widgets that show parts of it: computed again on demand after any
 * change to the project, its rows or the document's money unit, which
 * "changed" announces. One row's default 分值 depends on every other row
 * of its group, so the cells of a table share one watch rather than
 * scoring their own row. */
#define JX_TYPE_SCORE_WATCH (jx_score_watch_get_type ())
G_DECLARE_FINAL_TYPE (JxScoreWatch, jx_score_watch, JX, SCORE_WATCH, GObject)

JxScoreWatch         *jx_score_watch_new         (void);
/* Either may be NULL: then there is no score. */
void                  jx_score_watch_set_project (JxScoreWatch *self,
                                                  JxDocument   *document,
                                                  JxProject    *project);
/* The document the project is in, or NULL. */
JxDocument           *jx_score_watch_get_document (JxScoreWatch *self);
/* The score now, or NULL without a project. Owned by the watch, valid
 * until the next change. */
const JxProjectScore *jx_score_watch_get_score   (JxScoreWatch *self);
/* The score of one of the project's rows, or NULL when it is not one. */
const JxRowScore     *jx_score_watch_get_row     (JxScoreWatch *self,
                                                  JxIndicator  *indicator);

G_END_DECLS
