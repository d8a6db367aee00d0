/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-document.h"
#include "jx-drafts.h"
#include "jx-review.h"
#include "jx-undo.h"

G_BEGIN_DECLS

/* What the file on disk did since the session last read or wrote it. */
typedef enum
{
  JX_DISK_STATE_UNCHANGED,   /* as we left it, or there is no file */
  JX_DISK_STATE_CHANGED,     /* another program wrote it */
  JX_DISK_STATE_GONE,        /* it was deleted or moved away */
} JxDiskState;

/* One document being edited, as a window shows it: the document, the file
 * it came from and what that file looked like then, the undo history, whether
 * it is modified, the file's changes by other programs, its draft, its review,
 * and loading and saving it in the background. A window shows a session;
 * tests, the command line and the importers drive one without GTK.
 *
 * "Modified" means the file does not hold what the document says: after an
 * edit (until undone back to the saved state), after a failed save, for a
 * restored draft. While modified, the draft is rewritten a moment after each
 * change (with a draft store); a save that leaves it unmodified, or a new
 * document, removes it.
 *
 * Everything runs in the thread-default main context of the thread that
 * made the session, except the reading and writing of files, which runs in
 * worker threads.
 *
 * Properties (read-only, all notify): "document", "file" (GFile, NULL for a
 * new document), "undo" (JxUndoStack, new with each document), "review"
 * (JxReview), "modified", "saving", "disk-state" (JxDiskState). */
#define JX_TYPE_DOCUMENT_SESSION (jx_document_session_get_type ())
G_DECLARE_FINAL_TYPE (JxDocumentSession, jx_document_session, JX, DOCUMENT_SESSION, GObject)

/* A session on a new document (jx_template_new_document). drafts may be
 * NULL: no drafts are kept. */
JxDocumentSession *jx_document_session_new         (JxDraftStore       *drafts);
JxDocument   *jx_document_session_get_document     (JxDocumentSession  *self);
GFile        *jx_document_session_get_file         (JxDocumentSession  *self);
JxUndoStack  *jx_document_session_get_undo         (JxDocumentSession  *self);
JxReview     *jx_document_session_get_review       (JxDocumentSession  *self);
gboolean      jx_document_session_get_modified     (JxDocumentSession  *self);
gboolean      jx_document_session_get_saving       (JxDocumentSession  *self);
/* A new document nobody has touched: what opening a file may replace. */
gboolean      jx_document_session_is_blank         (JxDocumentSession  *self);
JxDiskState   jx_document_session_get_disk_state   (JxDocumentSession  *self);
/* Whether the file now differs from what the session read or wrote (asks
 * the disk now, unlike "disk-state", which follows its monitor). */
gboolean      jx_document_session_changed_on_disk  (JxDocumentSession  *self);

/* Keeps the drafts in drafts from now on, if the session has no store yet
 * (a window learns of its application's store after it is made). */
void          jx_document_session_set_draft_store  (JxDocumentSession  *self,
                                                    JxDraftStore       *drafts);
JxDraftStore *jx_document_session_get_draft_store  (JxDocumentSession  *self);
/* The draft is written this long after the last change (default
 * JX_DRAFT_DEFAULT_DELAY_MS). */
void          jx_document_session_set_draft_delay  (JxDocumentSession  *self,
                                                    guint               delay_ms);
/* The id the draft is kept under, or NULL before the first one. */
const char   *jx_document_session_get_draft_id     (JxDocumentSession  *self);

/* Shows document instead, saved as file (NULL: not saved yet), with a new
 * undo history; unsaved when the file does not hold it. The old document's
 * draft is removed. */
void          jx_document_session_set_document     (JxDocumentSession  *self,
                                                    JxDocument         *document,
                                                    GFile              *file,
                                                    gboolean            unsaved);
/* Reads file and shows it. On failure nothing changes and the error is
 * the loader's (the place in JX_DOCUMENT_ERROR's messages). */
gboolean      jx_document_session_load             (JxDocumentSession  *self,
                                                    GFile              *file,
                                                    GError            **error);
/* Starts reading file in a thread of its own, for a session's
 * jx_document_session_load of the same file to take instead of reading it
 * again (a file named on the command line, read while GTK starts). What
 * no session took is let go by jx_document_session_drop_read_aheads. */
void          jx_document_session_read_ahead       (GFile              *file);
void          jx_document_session_drop_read_aheads (void);
/* The same with the reading and parsing in a worker thread. */
void          jx_document_session_load_async       (JxDocumentSession  *self,
                                                    GFile              *file,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
gboolean      jx_document_session_load_finish      (JxDocumentSession  *self,
                                                    GAsyncResult       *result,
                                                    GError            **error);
/* Writes the document as it is now to file (NULL: the session's file) in a
 * worker thread, atomically (jx_document_save_data). On success the session
 * shows that file and is no longer modified unless edited meanwhile; on
 * failure it stays modified and the old file is whole. One save at a time:
 * a second one fails with G_IO_ERROR_PENDING. */
void          jx_document_session_save_async       (JxDocumentSession  *self,
                                                    GFile              *file,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
gboolean      jx_document_session_save_finish      (JxDocumentSession  *self,
                                                    GAsyncResult       *result,
                                                    GError            **error);

/* Shows the draft id of the store (a crash's leftover), claims it for this
 * instance and keeps writing the document's drafts under it. The document
 * is modified: its file, if any, does not hold these changes. */
gboolean      jx_document_session_restore_draft    (JxDocumentSession  *self,
                                                    const char         *id,
                                                    GError            **error);
/* The clerk lets the changes go (closing without saving): the draft goes. */
void          jx_document_session_discard_draft    (JxDocumentSession  *self);

G_END_DECLS
