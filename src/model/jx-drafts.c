/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jx-document-io.h"
#include "jx-drafts.h"
#include "jx-file.h"

#define RECORD_GROUP  "Draft"
#define RECORD_SUFFIX ".draft"
#define DATA_SUFFIX   ".json"
#define LOCK_SUFFIX   ".lock"
/* Locked while an instance claims drafts; never removed. */
#define CLAIMS_FILE   ".claiming"

/* One write or delete, done in order on the store's worker thread. Its
 * generation tells whether a later save or delete of the same id has made
 * it obsolete. */
typedef struct
{
  JxDraftStore *store;     /* owned while queued */
  char         *id;
  char         *data;      /* NULL for a delete */
  gsize         length;
  GKeyFile     *record;
  guint         generation;
  GError       *error;
} Job;

typedef struct
{
  JxDraftStore *store;
  char         *id;
  char         *original_path;
  JxDocument   *document;
  GSource      *source;
} Pending;

struct _JxDraftStore
{
  GObject       parent_instance;
  char         *dir;
  char         *instance;
  guint         counter;
  GMainContext *context;
  GHashTable   *pending;      /* id → Pending */
  GThreadPool  *pool;
  /* Guards the files, lock_fd and generations against the worker. */
  GMutex        mutex;
  int           lock_fd;
  GHashTable   *generations;  /* id → GUINT_TO_POINTER (generation) */
};

enum
{
  SAVE_FINISHED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JxDraftStore, jx_draft_store, G_TYPE_OBJECT)

void
jx_draft_info_free (JxDraftInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->original_path);
  g_clear_pointer (&info->time, g_date_time_unref);
  g_free (info->department);
  g_free (info);
}

/* ~/文档 rather than /home/clerk/文档: what the file chooser shows. */
static char *
folder_for_people (const char *dir)
{
  const char *home = g_get_home_dir ();
  gsize n = strlen (home);
  g_autofree char *display = g_filename_display_name (dir);

  if (n > 1 && strncmp (dir, home, n) == 0 && (dir[n] == '/' || dir[n] == '\0'))
    {
      g_autofree char *rest = g_filename_display_name (dir + n);

      return g_strconcat ("~", rest, NULL);
    }
  return g_steal_pointer (&display);
}

char *
jx_draft_info_describe_place (const JxDraftInfo *info)
{
  g_autofree char *dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (info != NULL, NULL);

  if (info->original_path == NULL)
    return g_strdup (_("a new document"));
  dir = g_path_get_dirname (info->original_path);
  folder = folder_for_people (dir);
  name = g_filename_display_basename (info->original_path);
  /* TRANSLATORS: a file and its folder: "“预算.json” in ~/文档/2024" */
  return g_strdup_printf (_("“%s” in %s"), name, folder);
}

gboolean
jx_draft_info_is_of_file (const JxDraftInfo *info,
                          const char        *path)
{
  GStatBuf a, b;

  g_return_val_if_fail (info != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (info->original_path == NULL)
    return FALSE;
  if (g_stat (info->original_path, &a) == 0 && g_stat (path, &b) == 0)
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
  {
    g_autofree char *x = g_canonicalize_filename (info->original_path, NULL);
    g_autofree char *y = g_canonicalize_filename (path, NULL);

    return g_str_equal (x, y);
  }
}

/* Ids name files: only letters, digits and '-' so none can leave the
 * directory. */
static gboolean
valid_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 100)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static char *
draft_path (JxDraftStore *self, const char *id, const char *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (self->dir, name, NULL);
}

typedef enum
{
  FAILED_FOLDER,
  FAILED_WRITE,
  FAILED_DELETE,
} Failure;

static gboolean
set_errno_error (GError **error, int saved_errno, Failure failure, const char *path)
{
  g_autofree char *display = g_filename_display_name (path);
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);
  const char *reason = g_strerror (saved_errno);

  switch (failure)
    {
    case FAILED_FOLDER:
      /* TRANSLATORS: "…folder “/path”: Permission denied" */
      g_set_error (error, G_IO_ERROR, code, _("Could not create the drafts folder “%s”: %s"),
                   display, reason);
      break;
    case FAILED_WRITE:
      g_set_error (error, G_IO_ERROR, code, _("Could not write the draft “%s”: %s"), display, reason);
      break;
    default:
      g_set_error (error, G_IO_ERROR, code, _("Could not delete the draft “%s”: %s"), display, reason);
    }
  return FALSE;
}

/* Locking: a store's lock file is locked for as long as the store lives;
 * the kernel releases it however the process ends. */

static gboolean
ensure_lock (JxDraftStore *self, GError **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *path = NULL;
  int fd;

  if (self->lock_fd >= 0)
    return TRUE;
  if (g_mkdir_with_parents (self->dir, 0700) != 0)
    return set_errno_error (error, errno, FAILED_FOLDER, self->dir);

  /* Locked before it gets its name, so that nobody ever sees it unlocked. */
  tmp = g_build_filename (self->dir, ".lock-XXXXXX", NULL);
  path = draft_path (self, self->instance, LOCK_SUFFIX);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_errno_error (error, errno, FAILED_WRITE, tmp);
  if (flock (fd, LOCK_EX | LOCK_NB) != 0 || g_rename (tmp, path) != 0)
    {
      int saved = errno;

      close (fd);
      g_unlink (tmp);
      return set_errno_error (error, saved, FAILED_WRITE, path);
    }
  self->lock_fd = fd;
  return TRUE;
}

static gboolean
owner_alive (JxDraftStore *self, const char *owner)
{
  g_autofree char *path = NULL;
  gboolean alive;
  int fd;

  if (g_strcmp0 (owner, self->instance) == 0)
    return TRUE;
  if (!valid_id (owner))
    return FALSE;
  path = draft_path (self, owner, LOCK_SUFFIX);
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  alive = flock (fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  close (fd);
  return alive;
}

/* Records */

static GKeyFile *
record_new (JxDraftStore *self, const char *original_path, JxDocument *document)
{
  GKeyFile *record = g_key_file_new ();
  JxDepartment *department = jx_document_get_department (document);

  if (original_path != NULL)
    {
      g_autofree char *uri = g_filename_to_uri (original_path, NULL, NULL);

      if (uri != NULL)
        g_key_file_set_string (record, RECORD_GROUP, "original", uri);
    }
  g_key_file_set_uint64 (record, RECORD_GROUP, "projects",
                         g_list_model_get_n_items (jx_document_get_projects (document)));
  g_key_file_set_string (record, RECORD_GROUP, "department", jx_department_get_name (department));
  return record;
}

/* A claim keeps the time: the list says when the changes were made. */
static gboolean
write_record (JxDraftStore *self, const char *id, GKeyFile *record, gboolean keep_time,
              GError **error)
{
  g_autofree char *path = draft_path (self, id, RECORD_SUFFIX);
  g_autofree char *text = NULL;
  gsize length;

  g_key_file_set_string (record, RECORD_GROUP, "owner", self->instance);
  if (!keep_time || !g_key_file_has_key (record, RECORD_GROUP, "time", NULL))
    g_key_file_set_int64 (record, RECORD_GROUP, "time", g_get_real_time ());
  text = g_key_file_to_data (record, &length, NULL);
  return jx_file_replace_contents (path, text, length, error);
}

static GKeyFile *
read_record (JxDraftStore *self, const char *id, GError **error)
{
  g_autofree char *path = draft_path (self, id, RECORD_SUFFIX);
  g_autoptr(GKeyFile) record = g_key_file_new ();

  if (!g_key_file_load_from_file (record, path, G_KEY_FILE_NONE, error))
    return NULL;
  return g_steal_pointer (&record);
}

static char *
record_original_path (GKeyFile *record)
{
  g_autofree char *uri = g_key_file_get_string (record, RECORD_GROUP, "original", NULL);

  return uri != NULL ? g_filename_from_uri (uri, NULL, NULL) : NULL;
}

/* Writing and deleting, with the mutex held */

static guint
next_generation (JxDraftStore *self, const char *id)
{
  guint generation = GPOINTER_TO_UINT (g_hash_table_lookup (self->generations, id)) + 1;

  g_hash_table_insert (self->generations, g_strdup (id), GUINT_TO_POINTER (generation));
  return generation;
}

/* The data first, then the record: a record always names complete data. */
static gboolean
write_draft (JxDraftStore *self, Job *job, GError **error)
{
  g_autofree char *path = draft_path (self, job->id, DATA_SUFFIX);

  return ensure_lock (self, error)
         && jx_file_replace_contents (path, job->data, job->length, error)
         && write_record (self, job->id, job->record, FALSE, error);
}

static gboolean
delete_file (const char *path, GError **error)
{
  if (g_unlink (path) == 0 || errno == ENOENT)
    return TRUE;
  return set_errno_error (error, errno, FAILED_DELETE, path);
}

static gboolean
delete_draft (JxDraftStore *self, const char *id, GError **error)
{
  g_autofree char *record = draft_path (self, id, RECORD_SUFFIX);
  g_autofree char *data = draft_path (self, id, DATA_SUFFIX);

  return delete_file (record, error) && delete_file (data, error);
}

static gboolean
run_job_locked (JxDraftStore *self, Job *job, GError **error)
{
  guint current = GPOINTER_TO_UINT (g_hash_table_lookup (self->generations, job->id));

  if (job->generation != current)
    return TRUE;   /* overtaken by a later save or delete */
  if (job->data == NULL)
    return delete_draft (self, job->id, error);
  return write_draft (self, job, error);
}

/* Jobs */

static Job *
job_new (JxDraftStore *self, const char *id, const char *original_path, JxDocument *document)
{
  Job *job = g_new0 (Job, 1);

  job->id = g_strdup (id);
  if (document != NULL)
    {
      job->data = jx_document_to_data (document, &job->length);
      job->record = record_new (self, original_path, document);
    }
  return job;
}

static void
job_free (Job *job)
{
  g_clear_object (&job->store);
  g_free (job->id);
  g_free (job->data);
  g_clear_pointer (&job->record, g_key_file_unref);
  g_clear_error (&job->error);
  g_free (job);
}

static gboolean
run_job (JxDraftStore *self, Job *job, GError **error)
{
  gboolean ok;

  g_mutex_lock (&self->mutex);
  job->generation = next_generation (self, job->id);
  ok = run_job_locked (self, job, error);
  g_mutex_unlock (&self->mutex);
  return ok;
}

/* Runs in the store's main context: the last reference may go here. */
static gboolean
job_finished_cb (gpointer data)
{
  Job *job = data;

  g_signal_emit (job->store, signals[SAVE_FINISHED], 0, job->id, job->error);
  job_free (job);
  return G_SOURCE_REMOVE;
}

static void
worker_cb (gpointer data, gpointer user_data)
{
  Job *job = data;
  JxDraftStore *self = job->store;
  GSource *finished;

  g_mutex_lock (&self->mutex);
  run_job_locked (self, job, &job->error);
  g_mutex_unlock (&self->mutex);
  /* Always through the context's loop: g_main_context_invoke would run it
   * here when nobody iterates the context, and a last reference dropped in
   * a worker would wait for the pool that runs it. */
  finished = g_idle_source_new ();
  g_source_set_priority (finished, G_PRIORITY_DEFAULT);
  g_source_set_callback (finished, job_finished_cb, job, NULL);
  g_source_attach (finished, self->context);
  g_source_unref (finished);
}

/* Scheduling */

static void
pending_free (Pending *pending)
{
  g_source_destroy (pending->source);
  g_source_unref (pending->source);
  g_free (pending->id);
  g_free (pending->original_path);
  g_object_unref (pending->document);
  g_free (pending);
}

static gboolean
pending_fire_cb (gpointer data)
{
  Pending *pending = data;
  JxDraftStore *self = pending->store;
  Job *job = job_new (self, pending->id, pending->original_path, pending->document);

  job->store = g_object_ref (self);
  g_mutex_lock (&self->mutex);
  job->generation = next_generation (self, job->id);
  g_mutex_unlock (&self->mutex);
  g_thread_pool_push (self->pool, job, NULL);
  g_hash_table_remove (self->pending, pending->id);
  return G_SOURCE_REMOVE;
}

/* GObject */

static void
jx_draft_store_dispose (GObject *object)
{
  JxDraftStore *self = JX_DRAFT_STORE (object);

  if (self->pending != NULL)
    g_hash_table_remove_all (self->pending);
  G_OBJECT_CLASS (jx_draft_store_parent_class)->dispose (object);
}

static void
jx_draft_store_finalize (GObject *object)
{
  JxDraftStore *self = JX_DRAFT_STORE (object);

  /* Queued jobs hold a reference, so the worker is idle by now. */
  g_thread_pool_free (self->pool, FALSE, TRUE);
  g_hash_table_unref (self->pending);
  g_hash_table_unref (self->generations);
  if (self->lock_fd >= 0)
    {
      g_autofree char *path = draft_path (self, self->instance, LOCK_SUFFIX);

      /* Drafts left behind by a clean exit are leftovers too: the user kept
       * them on purpose or the window failed to delete them. */
      g_unlink (path);
      close (self->lock_fd);
    }
  g_mutex_clear (&self->mutex);
  g_main_context_unref (self->context);
  g_free (self->dir);
  g_free (self->instance);
  G_OBJECT_CLASS (jx_draft_store_parent_class)->finalize (object);
}

static void
jx_draft_store_class_init (JxDraftStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jx_draft_store_dispose;
  object_class->finalize = jx_draft_store_finalize;

  signals[SAVE_FINISHED] =
    g_signal_new ("save-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
}

static void
jx_draft_store_init (JxDraftStore *self)
{
  self->lock_fd = -1;
  self->context = g_main_context_ref_thread_default ();
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) pending_free);
  self->generations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_mutex_init (&self->mutex);
  /* One thread, so that jobs run in the order they were queued. */
  self->pool = g_thread_pool_new (worker_cb, self, 1, FALSE, NULL);
  self->instance = g_strdup_printf ("%x-%" G_GINT64_MODIFIER "x-%08x", (guint) getpid (),
                                    g_get_real_time (), g_random_int ());
}

/* Public API */

JxDraftStore *
jx_draft_store_new (const char *dir)
{
  JxDraftStore *self = g_object_new (JX_TYPE_DRAFT_STORE, NULL);

  self->dir = dir != NULL ? g_strdup (dir)
                          : g_build_filename (g_get_user_data_dir (), "jixiao", "drafts", NULL);
  return self;
}

const char *
jx_draft_store_get_dir (JxDraftStore *self)
{
  g_return_val_if_fail (JX_IS_DRAFT_STORE (self), NULL);
  return self->dir;
}

char *
jx_draft_store_new_id (JxDraftStore *self)
{
  g_return_val_if_fail (JX_IS_DRAFT_STORE (self), NULL);
  return g_strdup_printf ("%s-%u", self->instance, ++self->counter);
}

gboolean
jx_draft_store_save (JxDraftStore  *self,
                     const char    *id,
                     const char    *original_path,
                     JxDocument    *document,
                     GError       **error)
{
  Job *job;
  gboolean ok;

  g_return_val_if_fail (JX_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (valid_id (id), FALSE);
  g_return_val_if_fail (JX_IS_DOCUMENT (document), FALSE);

  jx_draft_store_cancel (self, id);
  job = job_new (self, id, original_path, document);
  ok = run_job (self, job, error);
  job_free (job);
  return ok;
}

static JxDraftInfo *
info_from_record (JxDraftStore *self, const char *id, GKeyFile *record)
{
  JxDraftInfo *info = g_new0 (JxDraftInfo, 1);
  gint64 usec = g_key_file_get_int64 (record, RECORD_GROUP, "time", NULL);
  g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);
  g_autofree char *owner = g_key_file_get_string (record, RECORD_GROUP, "owner", NULL);
  g_autofree char *department = g_key_file_get_string (record, RECORD_GROUP, "department", NULL);

  if (seconds == NULL)
    {
      g_free (info);
      return NULL;   /* a time no clock gives: not a record we wrote */
    }
  info->id = g_strdup (id);
  info->original_path = record_original_path (record);
  info->time = g_date_time_add (seconds, usec % G_USEC_PER_SEC);
  info->project_count = (guint) g_key_file_get_uint64 (record, RECORD_GROUP, "projects", NULL);
  info->department = g_strdup (department != NULL ? department : "");
  info->live = owner_alive (self, owner);
  return info;
}

static gint
newest_first (gconstpointer a, gconstpointer b)
{
  const JxDraftInfo *x = *(JxDraftInfo **) a;
  const JxDraftInfo *y = *(JxDraftInfo **) b;
  gint order = g_date_time_compare (y->time, x->time);

  return order != 0 ? order : strcmp (x->id, y->id);
}

/* A draft is listed when its record and its data are both there. */
static JxDraftInfo *
read_info (JxDraftStore *self, const char *name)
{
  g_autofree char *id = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GKeyFile) record = NULL;

  if (!g_str_has_suffix (name, RECORD_SUFFIX))
    return NULL;
  id = g_strndup (name, strlen (name) - strlen (RECORD_SUFFIX));
  data = draft_path (self, id, DATA_SUFFIX);
  if (!valid_id (id) || !g_file_test (data, G_FILE_TEST_IS_REGULAR))
    return NULL;
  record = read_record (self, id, NULL);
  if (record == NULL)
    return NULL;
  return info_from_record (self, id, record);
}

/* A lock file being made has its temp name for an instant, locked from the
 * start; one older than this was left by a process that died right then. */
#define LOCK_TEMP_AGE_USEC (60 * G_USEC_PER_SEC)

static gboolean
is_stale_lock_temp (const char *path)
{
  GStatBuf st;
  gboolean stale;
  int fd;

  if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) ||
      (gint64) st.st_mtime * G_USEC_PER_SEC > g_get_real_time () - LOCK_TEMP_AGE_USEC)
    return FALSE;
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  stale = flock (fd, LOCK_EX | LOCK_NB) == 0;
  close (fd);
  return stale;
}

/* The lock files of instances that no longer run (a crash, a kill). Their
 * drafts stay: with the lock file gone they are leftovers all the same. */
static void
remove_stale_locks (JxDraftStore *self)
{
  g_autoptr(GDir) dir = g_dir_open (self->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->dir, name, NULL);
      g_autofree char *owner = NULL;

      if (g_str_has_prefix (name, ".lock-"))
        {
          if (is_stale_lock_temp (path))
            g_unlink (path);
          continue;
        }
      if (!g_str_has_suffix (name, LOCK_SUFFIX))
        continue;
      owner = g_strndup (name, strlen (name) - strlen (LOCK_SUFFIX));
      if (!owner_alive (self, owner))
        g_unlink (path);
    }
}

/* Every draft with its record and data, in no order; NULL and error set
 * when the folder cannot be read (a missing one holds no drafts). */
static GPtrArray *
read_all (JxDraftStore *self, GError **error)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) jx_draft_info_free);
  dir = g_dir_open (self->dir, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&drafts);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* Files are only ever replaced whole, so reading needs no lock. */
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      JxDraftInfo *info = read_info (self, name);

      if (info != NULL)
        g_ptr_array_add (drafts, info);
    }
  return g_steal_pointer (&drafts);
}

GPtrArray *
jx_draft_store_list (JxDraftStore  *self,
                     GError       **error)
{
  GPtrArray *drafts;

  g_return_val_if_fail (JX_IS_DRAFT_STORE (self), NULL);

  drafts = read_all (self, error);
  if (drafts == NULL)
    return NULL;
  remove_stale_locks (self);
  g_ptr_array_sort (drafts, newest_first);
  return drafts;
}

JxDocument *
jx_draft_store_load (JxDraftStore  *self,
                     const char    *id,
                     char         **original_path,
                     GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GKeyFile) record = NULL;
  JxDocument *document;

  g_return_val_if_fail (JX_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (valid_id (id), NULL);

  path = draft_path (self, id, DATA_SUFFIX);
  record = read_record (self, id, error);
  document = record != NULL ? jx_document_load_file (path, error) : NULL;
  if (document != NULL && original_path != NULL)
    *original_path = record_original_path (record);
  return document;
}

/* Claims are made under one lock on the drafts folder, so that of two
 * instances started together only one sees a draft as a leftover: the
 * other finds it owned by a running instance. */
static int
lock_claims (JxDraftStore *self, GError **error)
{
  g_autofree char *path = g_build_filename (self->dir, CLAIMS_FILE, NULL);
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    return set_errno_error (error, errno, FAILED_WRITE, path), -1;
  while (flock (fd, LOCK_EX) != 0)
    if (errno != EINTR)
      {
        int saved = errno;

        close (fd);
        return set_errno_error (error, saved, FAILED_WRITE, path), -1;
      }
  return fd;
}

/* With the claims lock and the mutex held. */
static gboolean
claim_locked (JxDraftStore *self, const char *id, GError **error)
{
  g_autoptr(GKeyFile) record = read_record (self, id, error);
  g_autofree char *owner = NULL;

  if (record == NULL)
    return FALSE;
  owner = g_key_file_get_string (record, RECORD_GROUP, "owner", NULL);
  if (g_strcmp0 (owner, self->instance) == 0)
    return TRUE;
  if (owner_alive (self, owner))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   _("These unsaved changes are already being restored in another Jixiao window"));
      return FALSE;
    }
  return write_record (self, id, record, TRUE, error);
}

gboolean
jx_draft_store_claim (JxDraftStore  *self,
                      const char    *id,
                      GError       **error)
{
  gboolean ok = FALSE;
  int fd;

  g_return_val_if_fail (JX_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (valid_id (id), FALSE);

  g_mutex_lock (&self->mutex);
  /* Alive before owning anything, so that nobody takes it back. */
  if (ensure_lock (self, error) && (fd = lock_claims (self, error)) >= 0)
    {
      ok = claim_locked (self, id, error);
      close (fd);
    }
  g_mutex_unlock (&self->mutex);
  return ok;
}

GPtrArray *
jx_draft_store_claim_leftovers (JxDraftStore  *self,
                                GError       **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) claimed = NULL;
  int fd;

  g_return_val_if_fail (JX_IS_DRAFT_STORE (self), NULL);

  if ((all = read_all (self, error)) == NULL)
    return NULL;
  claimed = g_ptr_array_new_with_free_func ((GDestroyNotify) jx_draft_info_free);
  if (all->len == 0)
    return g_steal_pointer (&claimed);
  g_mutex_lock (&self->mutex);
  fd = ensure_lock (self, error) ? lock_claims (self, error) : -1;
  for (guint i = 0; fd >= 0 && i < all->len; i++)
    {
      JxDraftInfo *info = g_ptr_array_index (all, i);

      /* Read again under the lock: another instance may have claimed it
       * since; a draft it cannot take now is simply not offered. */
      if (info->live || !claim_locked (self, info->id, NULL))
        continue;
      info->live = TRUE;
      g_ptr_array_add (claimed, g_ptr_array_steal_index (all, i--));
    }
  if (fd >= 0)
    close (fd);
  g_mutex_unlock (&self->mutex);
  if (fd < 0)
    return NULL;
  remove_stale_locks (self);
  g_ptr_array_sort (claimed, newest_first);
  return g_steal_pointer (&claimed);
}

gboolean
jx_draft_store_delete (JxDraftStore  *self,
                       const char    *id,
                       GError       **error)
{
  Job *job;
  gboolean ok;

  g_return_val_if_fail (JX_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (valid_id (id), FALSE);

  jx_draft_store_cancel (self, id);
  job = job_new (self, id, NULL, NULL);
  ok = run_job (self, job, error);
  job_free (job);
  return ok;
}

void
jx_draft_store_schedule (JxDraftStore *self,
                         const char   *id,
                         const char   *original_path,
                         JxDocument   *document,
                         guint         delay_ms)
{
  Pending *pending;

  g_return_if_fail (JX_IS_DRAFT_STORE (self));
  g_return_if_fail (valid_id (id));
  g_return_if_fail (JX_IS_DOCUMENT (document));

  jx_draft_store_cancel (self, id);
  pending = g_new0 (Pending, 1);
  pending->store = self;
  pending->id = g_strdup (id);
  pending->original_path = g_strdup (original_path);
  pending->document = g_object_ref (document);
  pending->source = g_timeout_source_new (delay_ms);
  g_source_set_callback (pending->source, pending_fire_cb, pending, NULL);
  g_source_set_static_name (pending->source, "[jixiao] draft");
  g_source_attach (pending->source, self->context);
  g_hash_table_insert (self->pending, pending->id, pending);
}

void
jx_draft_store_cancel (JxDraftStore *self,
                       const char   *id)
{
  g_return_if_fail (JX_IS_DRAFT_STORE (self));
  g_return_if_fail (id != NULL);

  g_hash_table_remove (self->pending, id);
}
