/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jx-file.h"

static gboolean
set_errno_error (GError **error, int saved_errno, const char *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not save “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
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
      data += written;
      length -= (gsize) written;
    }
  return TRUE;
}

static gboolean
sync_directory (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int saved;

  if (fd < 0)
    return FALSE;
  if (fsync (fd) == 0)
    return close (fd) == 0;
  saved = errno;
  close (fd);
  errno = saved;
  /* Some file systems cannot sync a directory; the rename is still atomic. */
  return saved == EINVAL || saved == ENOTSUP;
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

/* Temp file in the same directory, written and synced, given the old
 * file's mode, then renamed over it, then the directory synced: at every
 * moment the path holds either the whole old file or the whole new one.
 * (g_file_set_contents_full on GLib 2.74 resets the mode; see the platform
 * notes.) The caller should ignore SIGXFSZ so that a file size limit comes
 * back as EFBIG instead of killing the program. */
gboolean
jx_file_replace_contents (const char  *path,
                          const char  *data,
                          gsize        length,
                          GError     **error)
{
  g_autofree char *target = resolve_target (path);
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  struct stat st;
  gboolean existed = g_stat (target, &st) == 0;
  int fd;
  int saved;

  if (existed && !S_ISREG (st.st_mode))
    return set_errno_error (error, EISDIR, path);

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    return set_errno_error (error, errno, path);

  if (existed)
    {
      if (fchmod (fd, st.st_mode & 07777) != 0)
        goto fail;
      if ((st.st_uid != getuid () || st.st_gid != getgid ()) && fchown (fd, st.st_uid, st.st_gid) != 0)
        { /* Not ours to give away: keep our ownership, as editors do. */ }
    }
  else
    {
      /* g_mkstemp_full creates 0600; a new document gets the usual mode. */
      mode_t mask = umask (022);
      umask (mask);
      if (fchmod (fd, 0666 & ~mask) != 0)
        goto fail;
    }

  if (!write_all (fd, data, length) || fsync (fd) != 0)
    goto fail;
  if (close (fd) != 0)
    {
      fd = -1;
      goto fail;
    }
  fd = -1;
  if (g_rename (tmp, target) != 0)
    goto fail;
  if (!sync_directory (dir))
    return set_errno_error (error, errno, path);
  return TRUE;

fail:
  saved = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  return set_errno_error (error, saved, path);
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
