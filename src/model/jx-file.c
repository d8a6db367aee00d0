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

/* The old file's mode and owner for the temp file that replaces it (old
 * NULL: a new file gets the usual mode). */
static gboolean
give_mode (int fd, const struct stat *old)
{
  mode_t mask;

  if (old != NULL)
    {
      if (fchmod (fd, old->st_mode & 07777) != 0)
        return FALSE;
      if ((old->st_uid != getuid () || old->st_gid != getgid ()) &&
          fchown (fd, old->st_uid, old->st_gid) != 0)
        { /* Not ours to give away: keep our ownership, as editors do. */ }
      return TRUE;
    }
  /* g_mkstemp_full creates 0600; a new document gets the usual mode. */
  mask = umask (022);
  umask (mask);
  return fchmod (fd, 0666 & ~mask) == 0;
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

  if (!give_mode (fd, existed ? &st : NULL))
    goto fail;

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

/* The same replacement for a library that writes a file by name: writer
 * fills the temp file beside the target, which is then synced, given the
 * old file's mode and renamed over it. When writer fails its error is
 * passed on and the temp file removed; the target is never touched. */
gboolean
jx_file_replace_by_writer (const char    *path,
                           JxFileWriter   writer,
                           gpointer       user_data,
                           GError       **error)
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
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_errno_error (error, errno, path);
  close (fd);
  if (!writer (tmp, user_data, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  fd = open (tmp, O_RDWR | O_CLOEXEC);
  if (fd < 0 || !give_mode (fd, existed ? &st : NULL) || fsync (fd) != 0)
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
