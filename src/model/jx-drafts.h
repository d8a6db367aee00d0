/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-document.h"

G_BEGIN_DECLS

/* Delay after the last edit before a scheduled draft is written. */
#define JX_DRAFT_DEFAULT_DELAY_MS 3000

/* What the draft list shows of one draft. */
typedef struct
{
  char      *id;              /* the draft's id */
  char      *original_path;   /* the file the document came from, or NULL */
  GDateTime *time;            /* when the draft was written (local time) */
  guint      project_count;   /* number of projects in the draft */
  char      *department;      /* the department's name ("" when unnamed) */
  gboolean   live;            /* owned by a running instance (this one or
                                 another): not a crash leftover */
} JxDraftInfo;

void      jx_draft_info_free           (JxDraftInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxDraftInfo, jx_draft_info_free)
/* Where the draft's document lives, for the restore bar: the file's name
 * and its folder ("“预算.json” in ~/文档/2024"), or "a new document" when
 * it has no file yet. Translated. */
char     *jx_draft_info_describe_place (const JxDraftInfo *info);
/* Whether the draft is of the file at path, however path names it (a
 * symbolic link, a relative path): a window that has this file open is
 * where the draft is restored. */
gboolean  jx_draft_info_is_of_file     (const JxDraftInfo *info,
                                        const char        *path);

/* Unsaved changes kept on disk so that they survive a crash or power loss.
 *
 * Each open document gets an id (jx_draft_store_new_id) and its draft is
 * written under that id: the document's JSON (jx_document_to_data, an
 * ordinary document file "ID.json") and a small record "ID.draft" (original
 * path, time, project count, department, owning instance), each replaced
 * atomically and durably. A running store holds a lock on its instance's
 * lock file for its whole life; the kernel drops it when the process ends
 * in any way, so drafts whose owner no longer runs are the crash leftovers
 * (JxDraftInfo.live FALSE) a new start offers back.
 *
 * Signal "save-finished" (JxDraftStore *store, const char *id,
 * const GError *error): a scheduled draft was written (error NULL) or could
 * not be (error set). Emitted in the main context the store was created in. */
#define JX_TYPE_DRAFT_STORE (jx_draft_store_get_type ())
G_DECLARE_FINAL_TYPE (JxDraftStore, jx_draft_store, JX, DRAFT_STORE, GObject)

/* dir NULL means g_get_user_data_dir()/jixiao/drafts. The directory is
 * created (0700) when the first draft is written. */
JxDraftStore *jx_draft_store_new      (const char    *dir);
const char   *jx_draft_store_get_dir  (JxDraftStore  *self);

/* A fresh id owned by this instance, never used before. */
char         *jx_draft_store_new_id   (JxDraftStore  *self);

/* Writes the draft of document under id now (synchronously), replacing
 * any earlier draft of that id, and makes this instance its owner.
 * original_path is the file the document was opened from or last saved to,
 * or NULL for a new document. Cancels a pending scheduled write of id. */
gboolean      jx_draft_store_save     (JxDraftStore  *self,
                                       const char    *id,
                                       const char    *original_path,
                                       JxDocument    *document,
                                       GError       **error);

/* All drafts in the directory, newest first, as JxDraftInfo
 * (the array frees them). Unreadable records are skipped. Lock files of
 * instances that no longer run are removed. */
GPtrArray    *jx_draft_store_list     (JxDraftStore  *self,
                                       GError       **error);

/* Reads the draft id. original_path (may be NULL) receives the original
 * path or NULL. Errors are the loader's (JX_DOCUMENT_ERROR), G_FILE_ERROR,
 * or G_KEY_FILE_ERROR for a damaged record. */
JxDocument   *jx_draft_store_load     (JxDraftStore  *self,
                                       const char    *id,
                                       char         **original_path,
                                       GError       **error);

/* Makes this instance the owner of every leftover draft (its owner no
 * longer runs) and returns them (JxDraftInfo, newest first, live TRUE),
 * to offer back. Claims are exclusive: of several instances started after
 * a crash each leftover goes to exactly one, and the others do not get it.
 * A claimed draft that is neither restored nor discarded becomes a
 * leftover again when this instance ends. Lock files of instances that no
 * longer run are removed. */
GPtrArray    *jx_draft_store_claim_leftovers (JxDraftStore  *self,
                                              GError       **error);

/* Makes this instance the owner of one draft (e.g. a leftover chosen from
 * jx_draft_store_list), so that it is no longer offered as a leftover;
 * keep using id for its drafts. Succeeds at once for a draft this instance
 * owns; fails with G_IO_ERROR_BUSY when another running instance owns it. */
gboolean      jx_draft_store_claim    (JxDraftStore  *self,
                                       const char    *id,
                                       GError       **error);

/* Removes the draft (after a real save, or when the user discards it) and
 * cancels a pending scheduled write of id. Deleting a draft that does not
 * exist succeeds. */
gboolean      jx_draft_store_delete   (JxDraftStore  *self,
                                       const char    *id,
                                       GError       **error);

/* (Re)starts a timer of delay_ms on the store's main context; when it runs
 * out the document is serialised (in that context) and the draft written in
 * a worker thread, in order with the other writes and deletes of the store;
 * then "save-finished" is emitted. Call it after every edit (e.g. from
 * notify::modified / a model change); the last call before the timer fires
 * wins. A reference to document is held until then. */
void          jx_draft_store_schedule (JxDraftStore  *self,
                                       const char    *id,
                                       const char    *original_path,
                                       JxDocument    *document,
                                       guint          delay_ms);
/* Drops a pending scheduled write of id, if any. */
void          jx_draft_store_cancel   (JxDraftStore  *self,
                                       const char    *id);

G_END_DECLS
