/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jx-document-io.h"
#include "jx-document-session.h"
#include "jx-templates.h"

struct _JxDocumentSession
{
  GObject parent_instance;

  JxDocument *document;
  GFile *file;
  JxUndoStack *undo;
  JxReview *review;
  /* The file holds none of the states the undo history knows (a failed
   * save, a restored draft): modified whatever undo says. */
  gboolean unsaved;
  gboolean saving;
  gboolean was_modified;

  /* What the file looked like when we last read or wrote it. */
  char *stamp;
  GFileMonitor *monitor;
  JxDiskState disk_state;

  JxDraftStore *drafts;
  char *draft_id;
  guint draft_delay_ms;
};

G_DEFINE_FINAL_TYPE (JxDocumentSession, jx_document_session, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_FILE,
  PROP_UNDO,
  PROP_REVIEW,
  PROP_MODIFIED,
  PROP_SAVING,
  PROP_DISK_STATE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* ---- Drafts ---- */

static void
schedule_draft (JxDocumentSession *self)
{
  g_autofree char *path = NULL;

  if (self->drafts == NULL || !jx_document_session_get_modified (self))
    return;
  if (self->draft_id == NULL)
    self->draft_id = jx_draft_store_new_id (self->drafts);
  path = self->file != NULL ? g_file_get_path (self->file) : NULL;
  jx_draft_store_schedule (self->drafts, self->draft_id, path, self->document, self->draft_delay_ms);
}

static void
drop_draft (JxDocumentSession *self)
{
  g_autoptr(GError) error = NULL;

  if (self->drafts == NULL || self->draft_id == NULL)
    return;
  if (!jx_draft_store_delete (self->drafts, self->draft_id, &error))
    g_warning ("Could not remove the draft %s: %s", self->draft_id, error->message);
}

static void
draft_saved_cb (JxDocumentSession *self,
                const char        *id,
                const GError      *error)
{
  if (error != NULL && g_strcmp0 (id, self->draft_id) == 0)
    g_warning ("Could not write the draft of this document: %s", error->message);
}

/* ---- Modified ---- */

static void
update_modified (JxDocumentSession *self)
{
  gboolean modified = jx_document_session_get_modified (self);

  if (modified)
    schedule_draft (self);
  else
    drop_draft (self);
  if (modified == self->was_modified)
    return;
  self->was_modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Every change restarts the draft's timer: the draft is written once the
 * clerk pauses. */
static void
document_changed_cb (JxDocumentSession *self)
{
  schedule_draft (self);
}

/* ---- The file on disk ---- */

/* What identifies one state of the file on disk: a save by anyone (an
 * atomic rename included) changes it. NULL when there is no file. */
static char *
query_stamp (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  if (file == NULL)
    return NULL;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_UNIX_INODE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return NULL;
  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%u:%" G_GOFFSET_FORMAT ":%" G_GUINT64_FORMAT,
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED),
                          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC),
                          g_file_info_get_size (info),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE));
}

static void
set_disk_state (JxDocumentSession *self,
                JxDiskState        state)
{
  if (self->disk_state == state)
    return;
  self->disk_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISK_STATE]);
}

static void
monitor_changed_cb (JxDocumentSession *self,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event)
{
  g_autofree char *stamp = NULL;

  /* Our own write is recognised by its stamp once it is done. */
  if (self->saving || event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;
  stamp = query_stamp (self->file);
  if (g_strcmp0 (stamp, self->stamp) == 0)
    return;
  set_disk_state (self, stamp == NULL ? JX_DISK_STATE_GONE : JX_DISK_STATE_CHANGED);
}

static void
stop_watching_file (JxDocumentSession *self)
{
  if (self->monitor == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
}

/* Takes the file as it is now as ours. */
static void
watch_file (JxDocumentSession *self)
{
  stop_watching_file (self);
  g_clear_pointer (&self->stamp, g_free);
  set_disk_state (self, JX_DISK_STATE_UNCHANGED);
  if (self->file == NULL)
    return;
  self->stamp = query_stamp (self->file);
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

/* ---- The document ---- */

static void
release_document (JxDocumentSession *self)
{
  if (self->undo != NULL)
    g_signal_handlers_disconnect_by_data (self->undo, self);
  g_clear_object (&self->undo);
}

/* undo: the document's new history made already, or NULL to make it here. */
static void
show_document (JxDocumentSession *self,
               JxDocument        *document,
               JxUndoStack       *undo,
               GFile             *file,
               gboolean           unsaved)
{
  release_document (self);
  g_set_object (&self->document, document);
  g_set_object (&self->file, file);
  self->unsaved = unsaved;
  self->undo = undo != NULL ? g_object_ref (undo) : jx_undo_stack_new (document);
  g_signal_connect_object (self->undo, "notify::modified", G_CALLBACK (update_modified), self,
                           G_CONNECT_SWAPPED);
  /* The undo history sees every change already: the draft follows it. */
  g_signal_connect_object (self->undo, "changed", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  jx_review_set_document (self->review, document);
  watch_file (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO]);
  update_modified (self);
}

void
jx_document_session_set_document (JxDocumentSession *self,
                                  JxDocument        *document,
                                  GFile             *file,
                                  gboolean           unsaved)
{
  g_return_if_fail (JX_IS_DOCUMENT_SESSION (self));
  g_return_if_fail (JX_IS_DOCUMENT (document));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  drop_draft (self);
  g_clear_pointer (&self->draft_id, g_free);
  show_document (self, document, NULL, file, unsaved);
}

/* ---- Loading ---- */

static JxDocument *
load_file (GFile   *file,
           GError **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only files on this computer can be opened"));
      return NULL;
    }
  return jx_document_load_file (path, error);
}

/* ---- Reading ahead ---- */

/* A file named on the command line is read, and its undo history made, in
 * a thread of its own while GTK starts (opening the display and preparing
 * its renderer take as long as reading a few hundred projects); the
 * session that opens the file then takes what was read, unless the file
 * has changed since. Only the main thread keeps the list. */
typedef struct
{
  GFile *file;
  char *stamp;            /* the file's when the reading began */
  GThread *thread;        /* until joined */
  JxDocument *document;   /* what the thread read, or the error */
  JxUndoStack *undo;
  GError *error;
} ReadAhead;

static GPtrArray *read_aheads;

static gpointer
read_ahead_thread (gpointer data)
{
  ReadAhead *ahead = data;

  ahead->document = load_file (ahead->file, &ahead->error);
  /* Its history watches every object of the document: for a large one
   * about as long as the reading. */
  if (ahead->document != NULL)
    ahead->undo = jx_undo_stack_new (ahead->document);
  return NULL;
}

static void
read_ahead_free (ReadAhead *ahead)
{
  if (ahead->thread != NULL)
    g_thread_join (ahead->thread);
  g_clear_object (&ahead->undo);
  g_clear_object (&ahead->document);
  g_clear_error (&ahead->error);
  g_free (ahead->stamp);
  g_object_unref (ahead->file);
  g_free (ahead);
}

void
jx_document_session_read_ahead (GFile *file)
{
  ReadAhead *ahead;

  g_return_if_fail (G_IS_FILE (file));

  if (read_aheads == NULL)
    read_aheads = g_ptr_array_new_with_free_func ((GDestroyNotify) read_ahead_free);
  ahead = g_new0 (ReadAhead, 1);
  ahead->file = g_object_ref (file);
  ahead->stamp = query_stamp (file);
  ahead->thread = g_thread_new ("jx-read-ahead", read_ahead_thread, ahead);
  g_ptr_array_add (read_aheads, ahead);
}

void
jx_document_session_drop_read_aheads (void)
{
  g_clear_pointer (&read_aheads, g_ptr_array_unref);
}

/* What was read ahead of file, once the reading is done, if the file is
 * still as it was when the reading began; NULL otherwise. */
static ReadAhead *
take_read_ahead (GFile *file)
{
  for (guint i = 0; read_aheads != NULL && i < read_aheads->len; i++)
    {
      ReadAhead *ahead = g_ptr_array_index (read_aheads, i);
      g_autofree char *stamp = NULL;

      if (!g_file_equal (ahead->file, file))
        continue;
      g_ptr_array_steal_index (read_aheads, i);
      g_thread_join (g_steal_pointer (&ahead->thread));
      stamp = query_stamp (file);
      if (g_strcmp0 (stamp, ahead->stamp) == 0)
        return ahead;
      read_ahead_free (ahead);
      return NULL;
    }
  return NULL;
}

static gboolean
show_read_ahead (JxDocumentSession  *self,
                 ReadAhead          *ahead,
                 GError            **error)
{
  gboolean read = ahead->document != NULL;

  if (read)
    {
      drop_draft (self);
      g_clear_pointer (&self->draft_id, g_free);
      show_document (self, ahead->document, ahead->undo, ahead->file, FALSE);
    }
  else
    g_propagate_error (error, g_steal_pointer (&ahead->error));
  read_ahead_free (ahead);
  return read;
}

gboolean
jx_document_session_load (JxDocumentSession  *self,
                          GFile              *file,
                          GError            **error)
{
  g_autoptr(JxDocument) document = NULL;
  ReadAhead *ahead;

  g_return_val_if_fail (JX_IS_DOCUMENT_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((ahead = take_read_ahead (file)) != NULL)
    return show_read_ahead (self, ahead, error);
  document = load_file (file, error);
  if (document == NULL)
    return FALSE;
  jx_document_session_set_document (self, document, file, FALSE);
  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  JxDocument *document = load_file (task_data, &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

/* Back in the session's context: show what was read. */
static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  JxDocumentSession *self = g_task_get_source_object (task);
  g_autoptr(JxDocument) document = NULL;
  GError *error = NULL;

  document = g_task_propagate_pointer (G_TASK (result), &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  jx_document_session_set_document (self, document, g_task_get_task_data (task), FALSE);
  g_task_return_boolean (task, TRUE);
}

void
jx_document_session_load_async (JxDocumentSession   *self,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;
  g_autoptr(GTask) worker = NULL;

  g_return_if_fail (JX_IS_DOCUMENT_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jx_document_session_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  worker = g_task_new (self, cancellable, loaded_cb, task);
  g_task_set_task_data (worker, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (worker, load_thread);
}

gboolean
jx_document_session_load_finish (JxDocumentSession  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Saving ---- */

/* Saving runs in a thread: the write is synced to the disk, which can take
 * long on a slow or network drive. */
typedef struct
{
  GFile *file;
  char *path;
  char *data;
  gsize length;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_object_unref (job->file);
  g_free (job->path);
  g_free (job->data);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (jx_document_save_data (job->data, job->length, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
set_saving (JxDocumentSession *self,
            gboolean           saving)
{
  self->saving = saving;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  JxDocumentSession *self = g_task_get_source_object (task);
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  set_saving (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  self->unsaved = FALSE;
  if (self->file == NULL || !g_file_equal (self->file, job->file))
    {
      g_set_object (&self->file, job->file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
  watch_file (self);
  /* Edits made while the file was written keep the document modified. */
  update_modified (self);
  g_task_return_boolean (task, TRUE);
}

void
jx_document_session_save_async (JxDocumentSession   *self,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;
  g_autoptr(GTask) worker = NULL;
  SaveJob *job;

  g_return_if_fail (JX_IS_DOCUMENT_SESSION (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jx_document_session_save_async);
  file = file != NULL ? file : self->file;
  if (file == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("The document has no file yet: choose where to save it"));
      g_object_unref (task);
      return;
    }
  if (self->saving)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The document is being saved already"));
      g_object_unref (task);
      return;
    }
  job = g_new0 (SaveJob, 1);
  job->file = g_object_ref (file);
  job->path = g_file_get_path (file);
  if (job->path == NULL)
    {
      save_job_free (job);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only files on this computer can be saved"));
      g_object_unref (task);
      return;
    }
  job->data = jx_document_to_data (self->document, &job->length);
  /* The state written is the saved state; the session counts as modified
   * until the write is known to have succeeded. */
  self->unsaved = TRUE;
  jx_undo_stack_mark_saved (self->undo);
  set_saving (self, TRUE);
  worker = g_task_new (self, cancellable, saved_cb, task);
  g_task_set_task_data (worker, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (worker, save_thread);
}

gboolean
jx_document_session_save_finish (JxDocumentSession  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Drafts, restoring ---- */

gboolean
jx_document_session_restore_draft (JxDocumentSession  *self,
                                   const char         *id,
                                   GError            **error)
{
  g_autoptr(JxDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (JX_IS_DOCUMENT_SESSION (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (self->drafts != NULL, FALSE);

  document = jx_draft_store_load (self->drafts, id, &path, error);
  if (document == NULL || !jx_draft_store_claim (self->drafts, id, error))
    return FALSE;
  drop_draft (self);
  g_free (self->draft_id);
  self->draft_id = g_strdup (id);
  if (path != NULL)
    file = g_file_new_for_path (path);
  /* The file on disk does not hold these changes: modified until saved. */
  show_document (self, document, NULL, file, TRUE);
  return TRUE;
}

void
jx_document_session_discard_draft (JxDocumentSession *self)
{
  g_return_if_fail (JX_IS_DOCUMENT_SESSION (self));
  drop_draft (self);
}

/* ---- GObject ---- */

static void
jx_document_session_dispose (GObject *object)
{
  JxDocumentSession *self = JX_DOCUMENT_SESSION (object);

  stop_watching_file (self);
  release_document (self);
  if (self->drafts != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->drafts, self);
      /* A draft already written stays for a crash to find; one not yet
       * written is not written any more. */
      if (self->draft_id != NULL)
        jx_draft_store_cancel (self->drafts, self->draft_id);
    }
  g_clear_object (&self->drafts);
  g_clear_object (&self->review);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  G_OBJECT_CLASS (jx_document_session_parent_class)->dispose (object);
}

static void
jx_document_session_finalize (GObject *object)
{
  JxDocumentSession *self = JX_DOCUMENT_SESSION (object);

  g_free (self->stamp);
  g_free (self->draft_id);
  G_OBJECT_CLASS (jx_document_session_parent_class)->finalize (object);
}

static void
jx_document_session_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  JxDocumentSession *self = JX_DOCUMENT_SESSION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    case PROP_FILE: g_value_set_object (value, self->file); break;
    case PROP_UNDO: g_value_set_object (value, self->undo); break;
    case PROP_REVIEW: g_value_set_object (value, self->review); break;
    case PROP_MODIFIED: g_value_set_boolean (value, jx_document_session_get_modified (self)); break;
    case PROP_SAVING: g_value_set_boolean (value, self->saving); break;
    case PROP_DISK_STATE: g_value_set_int (value, self->disk_state); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_document_session_class_init (JxDocumentSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = jx_document_session_dispose;
  object_class->finalize = jx_document_session_finalize;
  object_class->get_property = jx_document_session_get_property;

  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, JX_TYPE_DOCUMENT, ro);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_UNDO] = g_param_spec_object ("undo", NULL, NULL, JX_TYPE_UNDO_STACK, ro);
  properties[PROP_REVIEW] = g_param_spec_object ("review", NULL, NULL, JX_TYPE_REVIEW, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);
  properties[PROP_SAVING] = g_param_spec_boolean ("saving", NULL, NULL, FALSE, ro);
  properties[PROP_DISK_STATE] =
    g_param_spec_int ("disk-state", NULL, NULL, JX_DISK_STATE_UNCHANGED, JX_DISK_STATE_GONE,
                      JX_DISK_STATE_UNCHANGED, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jx_document_session_init (JxDocumentSession *self)
{
  self->draft_delay_ms = JX_DRAFT_DEFAULT_DELAY_MS;
  self->review = jx_review_new (NULL);
}

JxDocumentSession *
jx_document_session_new (JxDraftStore *drafts)
{
  JxDocumentSession *self;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(JxDocument) document = jx_template_new_document (now);

  g_return_val_if_fail (drafts == NULL || JX_IS_DRAFT_STORE (drafts), NULL);

  self = g_object_new (JX_TYPE_DOCUMENT_SESSION, NULL);
  if (drafts != NULL)
    jx_document_session_set_draft_store (self, drafts);
  show_document (self, document, NULL, NULL, FALSE);
  return self;
}

/* ---- Reading ---- */

JxDocument *
jx_document_session_get_document (JxDocumentSession *self)
{
  g_return_val_if_fail (JX_IS_DOCUMENT_SESSION (self), NULL);
  return self->document;
}

GFile *
jx_document_session_get_file (JxDocumentSession *self)
{
  g_return_val_if_fail (JX_IS_DOCUMENT_SESSION (self), NULL);
  return self->file;
}

JxUndoStack *
jx_document_session_get_undo (JxDocumentSession *self)
{
  g_return_val_if_fail (JX_IS_DOCUMENT_SESSION (self), NULL);
  return self->undo;
}

JxReview *
jx_document_session_get_review (JxDocumentSession *self)
{
  g_return_val_if_fail (JX_IS_DOCUMENT_SESSION (self), NULL);
  return self->review;
}

gboolean
jx_document_session_get_modified (JxDocumentSession *self)
{
  g_return_val_if_fail (JX_IS_DOCUMENT_SESSION (self), FALSE);
  return self->unsaved || (self->undo != NULL && jx_undo_stack_get_modified (self->undo));
}

gboolean
jx_document_session_get_saving (JxDocumentSession *self)
{
  g_return_val_if_fail (JX_IS_DOCUMENT_SESSION (self), FALSE);
  return self->saving;
}

gboolean
jx_document_session_is_blank (JxDocumentSession *self)
{
  g_return_val_if_fail (JX_IS_DOCUMENT_SESSION (self), FALSE);
  return self->file == NULL && !jx_document_session_get_modified (self);
}

JxDiskState
jx_document_session_get_disk_state (JxDocumentSession *self)
{
  g_return_val_if_fail (JX_IS_DOCUMENT_SESSION (self), JX_DISK_STATE_UNCHANGED);
  return self->disk_state;
}

gboolean
jx_document_session_changed_on_disk (JxDocumentSession *self)
{
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (JX_IS_DOCUMENT_SESSION (self), FALSE);

  /* A file that was not there when we last looked cannot be overwritten. */
  if (self->file == NULL || self->stamp == NULL)
    return FALSE;
  stamp = query_stamp (self->file);
  return g_strcmp0 (stamp, self->stamp) != 0;
}

void
jx_document_session_set_draft_store (JxDocumentSession *self,
                                     JxDraftStore      *drafts)
{
  g_return_if_fail (JX_IS_DOCUMENT_SESSION (self));
  g_return_if_fail (JX_IS_DRAFT_STORE (drafts));

  if (self->drafts != NULL)
    return;
  self->drafts = g_object_ref (drafts);
  g_signal_connect_object (drafts, "save-finished", G_CALLBACK (draft_saved_cb), self,
                           G_CONNECT_SWAPPED);
  schedule_draft (self);
}

JxDraftStore *
jx_document_session_get_draft_store (JxDocumentSession *self)
{
  g_return_val_if_fail (JX_IS_DOCUMENT_SESSION (self), NULL);
  return self->drafts;
}

void
jx_document_session_set_draft_delay (JxDocumentSession *self,
                                     guint              delay_ms)
{
  g_return_if_fail (JX_IS_DOCUMENT_SESSION (self));
  self->draft_delay_ms = delay_ms;
}

const char *
jx_document_session_get_draft_id (JxDocumentSession *self)
{
  g_return_val_if_fail (JX_IS_DOCUMENT_SESSION (self), NULL);
  return self->draft_id;
}
