/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* An entry for points typed over computed ones: a 分值 or an overriding
 * 得分. Empty means none is typed ("score" is JX_SCORE_UNSET) and shows the
 * computed points ("computed", -1 for none) as a gray hint, so that a
 * clerk sees what the rule gives and types only to change it. What does
 * not read as points from 0 to "maximum" stays in the entry, marked, with
 * the reason as its tooltip, and the score keeps its last good value. */
#define JX_TYPE_SCORE_ENTRY (jx_score_entry_get_type ())
G_DECLARE_FINAL_TYPE (JxScoreEntry, jx_score_entry, JX, SCORE_ENTRY, GtkWidget)

GtkWidget  *jx_score_entry_new          (double        maximum);
double      jx_score_entry_get_score    (JxScoreEntry *self);
void        jx_score_entry_set_score    (JxScoreEntry *self,
                                         double        score);
void        jx_score_entry_set_computed (JxScoreEntry *self,
                                         double        computed);
void        jx_score_entry_set_maximum  (JxScoreEntry *self,
                                         double        maximum);
/* The entry itself, for focus, width and tests. */
GtkWidget  *jx_score_entry_get_entry    (JxScoreEntry *self);
/* The reason the text is refused, or NULL. */
const char *jx_score_entry_get_error    (JxScoreEntry *self);

G_END_DECLS
