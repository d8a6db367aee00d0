/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-document-session.h"
#include "jx-export.h"
#include "jx-member-path.h"

G_BEGIN_DECLS

/* A document window: it shows one document session (jx-document-session.h)
 * — the sidebar of parts and projects, the form of the part chosen, the
 * review's badge — and acts on it through the win.* actions of
 * jx-window-actions.c. Loading, saving, drafts and undo are the session's;
 * the window adds the choosers, the questions and the bars.
 *
 * Properties: "session" (the JxDocumentSession shown), "document" and
 * "modified" (the session's, notified when they change). */
#define JX_TYPE_WINDOW (jx_window_get_type ())
G_DECLARE_FINAL_TYPE (JxWindow, jx_window, JX, WINDOW, GtkApplicationWindow)

/* Its drafts are kept once its session has a draft store
 * (jx_document_session_set_draft_store); windows it opens share it. */
JxWindow          *jx_window_new             (GtkApplication *application);
JxDocumentSession *jx_window_get_session     (JxWindow      *self);

/* The session's, for short. */
JxDocument        *jx_window_get_document    (JxWindow      *self);
GFile             *jx_window_get_file        (JxWindow      *self);
JxUndoStack       *jx_window_get_undo_stack  (JxWindow      *self);
gboolean           jx_window_get_modified    (JxWindow      *self);
gboolean           jx_window_is_saving       (JxWindow      *self);
/* TRUE for a window showing a new, untouched document. */
gboolean           jx_window_is_blank        (JxWindow      *self);
/* Shows document (saved as file, or NULL for a new one) with a fresh
 * undo history. */
void               jx_window_set_document    (JxWindow      *self,
                                              JxDocument    *document,
                                              GFile         *file);

/* Loads the file; on failure shows the loader's message (the place in a
 * clerk's words) and keeps the document that was open. Returns whether it
 * loaded. */
gboolean           jx_window_open_file       (JxWindow      *self,
                                              GFile         *file);
/* The document window that shows file, however each names it (a symbolic
 * link, another path to the same file), or NULL: opening a file that is
 * already open shows its window instead of a second one on the same file. */
JxWindow          *jx_window_find_for_file   (GFile         *file);
/* Starts saving the document to file in the background; the window then
 * shows that file. A failure is shown and the document stays modified. */
void               jx_window_save_to_file    (JxWindow      *self,
                                              GFile         *file);

/* Imports a Word, Excel or CSV file as 文件 → 导入… does, reading it in
 * the background: into this window's document through the import preview
 * when the window has one and the file has indicator rows, else as a new,
 * unsaved document (here or in a new window) with the import report.
 * jx_window_is_importing is TRUE while the file is read. */
void               jx_window_import          (JxWindow      *self,
                                              GFile         *file);
/* TRUE for a file opened rather than imported: a document file (.json). */
gboolean           jx_window_is_document_file (GFile        *file);
gboolean           jx_window_is_importing    (JxWindow      *self);
/* TRUE while a file is still being read for an import of this window, one
 * cancelled included: a cancelled import's reading stops within a moment. */
gboolean           jx_window_is_reading_import (JxWindow    *self);
/* Writes the document as a Word or Excel file as 导出 does, in the
 * background; the notice says when it is done, an error dialog why not.
 * jx_window_is_exporting is TRUE while it is written. */
void               jx_window_export          (JxWindow      *self,
                                              JxExportFormat format,
                                              GFile         *file);
gboolean           jx_window_is_exporting    (JxWindow      *self);

/* Shows the page and project of a place; with focus, puts the focus in its
 * field too (a finding, a chart's project). */
void               jx_window_show_place      (JxWindow           *self,
                                              const JxMemberPath *place,
                                              gboolean            focus);
/* Shows the project's form. */
void               jx_window_show_project    (JxWindow      *self,
                                              JxProject     *project);
GtkWidget         *jx_window_get_sidebar     (JxWindow      *self);
/* Built here if no project has been shown yet. */
GtkWidget         *jx_window_get_project_form (JxWindow     *self);

/* Compares the document with the one file holds, in the compare view
 * under the forms (the chooser of 文件 → 比较… ends here). */
void               jx_window_compare_with    (JxWindow      *self,
                                              GFile         *file);
/* The compare view (a JxComparePanel), made on first use; hidden until a
 * comparison or next year's list is shown. */
GtkWidget         *jx_window_get_compare_panel (JxWindow    *self);

/* Runs func (window, data) once the window has drawn its first frame, from
 * the main loop, or soon if it has already: for work a clerk need not wait
 * for before seeing the window (the review checks, the drafts offer, the
 * recent files). destroy (data) follows, or comes alone if the window goes
 * first. */
typedef void (*JxWindowFunc) (JxWindow *window, gpointer data);
void               jx_window_when_shown      (JxWindow      *self,
                                              JxWindowFunc   func,
                                              gpointer       data,
                                              GDestroyNotify destroy);

/* Looks for drafts left by an instance that did not end cleanly and offers
 * them back in an info bar. Returns how many there are. */
guint              jx_window_offer_recovery  (JxWindow      *self);

G_END_DECLS
