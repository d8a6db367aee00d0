/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-change-list.h"
#include "jx-document-session.h"
#include "jx-page-layout.h"
#include "jx-roll-forward.h"

G_BEGIN_DECLS

/* The compare view of a document window, under its forms: the changes
 * between the session's document and another version of it (a file, or
 * the session's own file as last saved), grouped as a reviewer reads them
 * (jx-diff.h), compared again a moment after each edit; or the list of
 * what starting next year's document changed (jx-roll-forward.h), for the
 * clerk to confirm. Previous and next change, copying the list, and the
 * 修改对照表 to preview, print or export as PDF.
 *
 * Signals: "go-to" (const char *path): a change was chosen; path is its
 * place in the session's document. "failed" (const char *primary, const
 * char *secondary): the other version did not load. The panel hides
 * itself when closed. Property "changes" (GListModel of JxChange, notified
 * whenever the list is made again). */
#define JX_TYPE_COMPARE_PANEL (jx_compare_panel_get_type ())
G_DECLARE_FINAL_TYPE (JxComparePanel, jx_compare_panel, JX, COMPARE_PANEL, GtkWidget)

GtkWidget    *jx_compare_panel_new          (JxDocumentSession *session);

/* Compares the session's document with the document file holds, read in
 * the background. saved: file is the session's own, and is read again
 * after each save, so that the list is what has not been saved. */
void          jx_compare_panel_compare_file (JxComparePanel    *self,
                                             GFile             *file,
                                             gboolean           saved);
/* The same with a document already read; other_file names it (may be
 * NULL). */
void          jx_compare_panel_compare      (JxComparePanel    *self,
                                             JxDocument        *other,
                                             GFile             *other_file);
/* The other file as the newer version: the session's document is then the
 * old one of the comparison. */
void          jx_compare_panel_set_swapped  (JxComparePanel    *self,
                                             gboolean           swapped);
gboolean      jx_compare_panel_get_swapped  (JxComparePanel    *self);

/* Lists what made the session's document, next year's, from origin
 * (NULL when it was not saved). */
void          jx_compare_panel_show_roll_forward (JxComparePanel *self,
                                                  JxRollForward  *roll,
                                                  GFile          *origin);

/* Whether it shows a comparison (not a roll-forward, not closed). */
gboolean      jx_compare_panel_is_comparing (JxComparePanel    *self);
/* The changes shown (NULL while the other version is being read). */
GListModel   *jx_compare_panel_get_changes  (JxComparePanel    *self);
JxChangeList *jx_compare_panel_get_list     (JxComparePanel    *self);
/* Goes to the next (1) or previous (-1) change; FALSE at either end. */
gboolean      jx_compare_panel_step         (JxComparePanel    *self,
                                             int                delta);
/* The list as text to paste elsewhere. */
char         *jx_compare_panel_to_text      (JxComparePanel    *self);
/* The 修改对照表 of the documents as they are now; NULL when not
 * comparing. */
JxPageLayout *jx_compare_panel_create_table (JxComparePanel    *self);
/* Stops following and hides. */
void          jx_compare_panel_close        (JxComparePanel    *self);

G_END_DECLS
