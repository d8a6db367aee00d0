/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jx-file.h"

/* The first bytes written, to tell our leftovers from other files: as many
 * as the signature of each kind we write ("%PDF-1.5", the PNG signature,
 * "{\n  \"for" of a document), and no more: what follows depends on the
 * contents (a PDF's first object number comes at byte 15), so a longer
 * comparison would keep the leftover of another export of the same file. */
#define MAGIC_LENGTH 8
/* ".NAME." + the six characters mkstemp puts in place of XXXXXX. */
#define TEMP_RANDOM 6

struct _JxAtomicFile
{
  char          *path;     /* as the caller named it, for messages */
  char          *dir;
  char          *base;
  char          *target;   /* path with symbolic links followed */
  char          *temp;
  int            fd;
  int            failure;  /* errno of the first failed write, or 0 */
  JxFilePurpose  purpose;
  gint64         start;    /* real time before the temp file was made */
  guchar         magic[MAGIC_LENGTH];
  gsize          magic_length;
};

static gboolean
set_errno_error (GError **error, int saved_errno, JxFilePurpose purpose, const char *path)
{
  g_autofree char *display = g_filename_display_name (path);

  if (purpose == JX_FILE_EXPORT)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Could not save “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

/* A folder, a device or a pipe where a file is meant. */
static void
not_a_file_error (GError **error, gboolean folder, JxFilePurpose purpose, const char *path)
{
  g_autofree char *display = g_filename_display_name (path);
  const char *why = folder ? _("it is a folder") : _("it is not an ordinary file");

  if (purpose == JX_FILE_EXPORT)
    g_set_error (error, G_IO_ERROR, folder ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                 _("Could not write “%s”: %s"), display, why);
  else
    g_set_error (error, G_IO_ERROR, folder ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                 _("Could not save “%s”: %s"), display, why);
}

static gboolean
write_all (int fd, const char *data, gsize length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      if (written == 0)
        {
          errno = EIO;
          return FALSE;
        }
      data += written;
      length -= (gsize) written;
    }
  return TRUE;
}

/* Some file systems cannot sync a directory, and a folder the user may
 * write but not list cannot be opened at all; the rename is atomic all the
 * same, only less sure to survive a power cut. */
static char *
sync_directory (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  g_autofree char *display = NULL;
  int saved;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return NULL;
    }
  saved = errno;
  if (fd >= 0)
    close (fd);
  if (saved == EINVAL || saved == ENOTSUP)
    return NULL;
  display = g_filename_display_name (dir);
  return g_strdup_printf (_("The file is saved, but the folder “%s” could not be flushed to disk "
                            "(%s): after a power cut the previous version may come back."),
                          display, g_strerror (saved));
}

/* Follows symbolic links so that saving replaces the file they point at,
 * not the link. */
static char *
resolve_target (const char *path)
{
  char *resolved = realpath (path, NULL);

  if (resolved != NULL)
    {
      char *copy = g_strdup (resolved);
      free (resolved);
      return copy;
    }
  return g_strdup (path);
}

static void
atomic_file_free (JxAtomicFile *self)
{
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->path);
  g_free (self->dir);
  g_free (self->base);
  g_free (self->target);
  g_free (self->temp);
  g_free (self);
}

/* An existing file keeps its mode (g_file_set_contents_full on GLib 2.74
 * resets it; see the platform notes); a new one gets the usual mode. */
static gboolean
set_mode (JxAtomicFile *self, const struct stat *st, gboolean existed)
{
  mode_t mask;

  if (existed)
    {
      if (fchmod (self->fd, st->st_mode & 07777) != 0)
        return FALSE;
      if ((st->st_uid != getuid () || st->st_gid != getgid ()) &&
          fchown (self->fd, st->st_uid, st->st_gid) != 0)
        { /* Not ours to give away: keep our ownership, as editors do. */ }
      return TRUE;
    }
  mask = umask (022);
  umask (mask);
  return fchmod (self->fd, 0666 & ~mask) == 0;
}

JxAtomicFile *
jx_atomic_file_new (const char     *path,
                    JxFilePurpose   purpose,
                    GError        **error)
{
  JxAtomicFile *self;
  struct stat st;
  gboolean existed;
  int saved;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (JxAtomicFile, 1);
  self->fd = -1;
  self->purpose = purpose;
  self->path = g_strdup (path);
  self->target = resolve_target (path);
  self->dir = g_path_get_dirname (self->target);
  self->base = g_path_get_basename (self->target);
  self->temp = g_strdup_printf ("%s/.%s.XXXXXX", self->dir, self->base);
  existed = g_stat (self->target, &st) == 0;
  if (existed && !S_ISREG (st.st_mode))
    {
      not_a_file_error (error, S_ISDIR (st.st_mode), purpose, path);
      atomic_file_free (self);
      return NULL;
    }
  self->start = g_get_real_time ();
  self->fd = g_mkstemp_full (self->temp, O_RDWR | O_CLOEXEC, 0666);
  if (self->fd < 0 || !set_mode (self, &st, existed))
    {
      saved = errno;
      if (self->fd >= 0)
        g_unlink (self->temp);
      set_errno_error (error, saved, purpose, path);
      atomic_file_free (self);
      return NULL;
    }
  /* Held until the rename: a temp file that is locked is being written,
   * never a leftover. */
  flock (self->fd, LOCK_EX | LOCK_NB);
  return self;
}

gboolean
jx_atomic_file_write (JxAtomicFile *self,
                      const void   *data,
                      gsize         length)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (self->failure != 0)
    return FALSE;
  if (self->magic_length < MAGIC_LENGTH)
    {
      gsize n = MIN (length, MAGIC_LENGTH - self->magic_length);

      memcpy (self->magic + self->magic_length, data, n);
      self->magic_length += n;
    }
  if (!write_all (self->fd, data, length))
    {
      self->failure = errno != 0 ? errno : EIO;
      return FALSE;
    }
  return TRUE;
}

/* ---- Leftovers of earlier replacements ---- */

static gboolean
is_temp_name (const char *name, const char *base)
{
  gsize n = strlen (base);

  if (name[0] != '.' || strncmp (name + 1, base, n) != 0 || name[n + 1] != '.')
    return FALSE;
  name += n + 2;
  if (strlen (name) != TEMP_RANDOM)
    return FALSE;
  for (; *name; name++)
    if (!g_ascii_isalnum (*name))
      return FALSE;
  return TRUE;
}

static gint64
mtime_usec (const struct stat *st)
{
  return (gint64) st->st_mtim.tv_sec * G_USEC_PER_SEC + st->st_mtim.tv_nsec / 1000;
}

/* Begins as what we wrote: the same kind of file, not someone else's. */
static gboolean
begins_like (JxAtomicFile *self, int fd, off_t size)
{
  guchar head[MAGIC_LENGTH];
  gssize n;

  if (size == 0)
    return TRUE;
  n = read (fd, head, MIN ((gsize) size, self->magic_length));
  return n > 0 && memcmp (head, self->magic, (gsize) n) == 0;
}

static void
remove_if_leftover (JxAtomicFile *self, const char *name)
{
  g_autofree char *path = g_build_filename (self->dir, name, NULL);
  struct stat st;
  int fd;

  if (g_strcmp0 (path, self->temp) == 0)
    return;
  fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    return;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == getuid () &&
      mtime_usec (&st) < self->start && flock (fd, LOCK_EX | LOCK_NB) == 0 &&
      begins_like (self, fd, st.st_size))
    g_unlink (path);
  close (fd);
}

static void
remove_leftovers (JxAtomicFile *self)
{
  g_autoptr(GDir) dir = g_dir_open (self->dir, 0, NULL);
  const char *name;

  /* A folder we may not list keeps its leftovers; nothing else is lost. */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (is_temp_name (name, self->base))
      remove_if_leftover (self, name);
}

gboolean
jx_atomic_file_commit (JxAtomicFile  *self,
                       char         **note,
                       GError       **error)
{
  int failure;

  g_return_val_if_fail (self != NULL, FALSE);

  if (note != NULL)
    *note = NULL;
  failure = self->failure;
  if (failure == 0 && fsync (self->fd) != 0)
    failure = errno;
  if (close (self->fd) != 0 && failure == 0)
    failure = errno;
  self->fd = -1;
  if (failure == 0 && g_rename (self->temp, self->target) != 0)
    failure = errno;
  if (failure != 0)
    {
      g_unlink (self->temp);
      set_errno_error (error, failure, self->purpose, self->path);
      atomic_file_free (self);
      return FALSE;
    }
  remove_leftovers (self);
  {
    char *remark = sync_directory (self->dir);

    if (note != NULL)
      *note = remark;
    else
      {
        if (remark != NULL)
          g_debug ("%s", remark);
        g_free (remark);
      }
  }
  atomic_file_free (self);
  return TRUE;
}

void
jx_atomic_file_abort (JxAtomicFile *self)
{
  g_return_if_fail (self != NULL);

  g_unlink (self->temp);
  atomic_file_free (self);
}

gboolean
jx_file_replace_contents_full (const char     *path,
                               const char     *data,
                               gsize           length,
                               JxFilePurpose   purpose,
                               char          **note,
                               GError        **error)
{
  JxAtomicFile *file = jx_atomic_file_new (path, purpose, error);

  if (file == NULL)
    return FALSE;
  jx_atomic_file_write (file, data, length);
  return jx_atomic_file_commit (file, note, error);
}

gboolean
jx_file_replace_contents (const char  *path,
                          const char  *data,
                          gsize        length,
                          GError     **error)
{
  return jx_file_replace_contents_full (path, data, length, JX_FILE_SAVE, NULL, error);
}

/* Why a path that is not an ordinary file cannot be read, in a clerk's
 * words. */
static int
refuse_kind (const char *path, mode_t mode, GError **error)
{
  g_autofree char *display = g_filename_display_name (path);

  if (S_ISDIR (mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 _("“%s” is a folder, not a document: choose a file in it"), display);
  else if (S_ISFIFO (mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is a pipe, not a document file: open the file itself"), display);
  else if (S_ISCHR (mode) || S_ISBLK (mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is a device, not a document file"), display);
  else if (S_ISSOCK (mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is a socket, not a document file"), display);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is not an ordinary file"), display);
  return -1;
}

static int
open_failed (const char *path, int saved_errno, GError **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Could not open “%s”: %s"), display, g_strerror (saved_errno));
  return -1;
}

int
jx_file_open_regular (const char  *path,
                      guint64     *size,
                      GError     **error)
{
  struct stat st;
  int fd;

  /* stat first: opening a socket fails with a puzzling "No such device",
   * and a pipe must not be opened to be told apart. */
  if (g_stat (path, &st) != 0)
    return open_failed (path, errno, error);
  if (!S_ISREG (st.st_mode))
    return refuse_kind (path, st.st_mode, error);

  /* Non-blocking: should the path become a pipe meanwhile, opening it
   * still returns at once, and fstat tells. */
  fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    return open_failed (path, errno, error);
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;

      close (fd);
      return open_failed (path, saved, error);
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      return refuse_kind (path, st.st_mode, error);
    }
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  *size = (guint64) st.st_size;
  return fd;
}

/* A library that writes a file by name (libxlsxwriter) writes the temp
 * file itself: the same inode the atomic file holds open, so that commit
 * syncs what it wrote and renames it into place. */
gboolean
jx_file_replace_by_writer (const char     *path,
                           JxFilePurpose   purpose,
                           JxFileWriter    writer,
                           gpointer        user_data,
                           GError        **error)
{
  JxAtomicFile *file;

  g_return_val_if_fail (path != NULL && writer != NULL, FALSE);

  file = jx_atomic_file_new (path, purpose, error);
  if (file == NULL)
    return FALSE;
  if (!writer (file->temp, user_data, error))
    {
      jx_atomic_file_abort (file);
      return FALSE;
    }
  return jx_atomic_file_commit (file, NULL, error);
}
