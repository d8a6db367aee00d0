/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a replacement is, for the words of its messages: a document saved
 * ("Could not save “%s”: …") or a file exported ("Could not write …"). */
typedef enum
{
  JX_FILE_SAVE,
  JX_FILE_EXPORT,
} JxFilePurpose;

/* Atomic and durable replacement of a file, written as a stream: a temp
 * file in the same directory (".NAME.XXXXXX"), every write checked,
 * flushed and synced, given the old file's mode, renamed over the old one,
 * then the directory synced. At every moment path holds either the whole
 * old file or the whole new one; a failure leaves the old file as it was
 * and removes the temp file. Symbolic links are followed. Errors are
 * G_IO_ERROR with a message naming path (never the temp file) and the
 * reason: disk full, file too large, read-only, permission.
 *
 * Once the rename is done the replacement has succeeded. After it, temp
 * files that earlier replacements of the same file left behind (killed
 * between writing and renaming) are removed: our name pattern, ours,
 * older than this replacement, not being written, and beginning as this
 * one does. A directory that cannot be synced (a folder the user may write
 * but not list) is only a note.
 *
 * The process should ignore SIGXFSZ so that a file size limit comes back
 * as EFBIG ("File too large") instead of killing it. */
typedef struct _JxAtomicFile JxAtomicFile;

JxAtomicFile *jx_atomic_file_new    (const char     *path,
                                     JxFilePurpose   purpose,
                                     GError        **error);
/* FALSE once a write has failed; the error comes from commit. */
gboolean      jx_atomic_file_write  (JxAtomicFile   *self,
                                     const void     *data,
                                     gsize           length);
/* Syncs, renames into place and frees self. note (may be NULL) receives a
 * translated remark that does not make the save fail, or NULL. */
gboolean      jx_atomic_file_commit (JxAtomicFile   *self,
                                     char          **note,
                                     GError        **error);
/* Removes the temp file and frees self. */
void          jx_atomic_file_abort  (JxAtomicFile   *self);

/* The same at once, for data in memory. */
gboolean jx_file_replace_contents_full (const char     *path,
                                        const char     *data,
                                        gsize           length,
                                        JxFilePurpose   purpose,
                                        char          **note,
                                        GError        **error);
/* A save (JX_FILE_SAVE) whose notes go to the debug log. */
gboolean jx_file_replace_contents      (const char     *path,
                                        const char     *data,
                                        gsize           length,
                                        GError        **error);

/* Writes a whole file at path (a temp file beside the target); FALSE with
 * error set when it cannot. */
typedef gboolean (*JxFileWriter) (const char  *path,
                                  gpointer     user_data,
                                  GError     **error);

/* The same replacement for a library that writes files by name: writer
 * fills the temp file, which is then synced and renamed over path. A
 * failing writer leaves path untouched and its error is passed on. */
gboolean jx_file_replace_by_writer     (const char     *path,
                                        JxFilePurpose   purpose,
                                        JxFileWriter    writer,
                                        gpointer        user_data,
                                        GError        **error);

/* Opens path for reading when it is an ordinary file, with its size. A
 * pipe, a device, a socket or a folder is refused at once (never waited
 * on nor read without end) with a G_IO_ERROR naming what it is; other
 * failures are G_FILE_ERROR from errno. Returns the descriptor or -1. */
int      jx_file_open_regular     (const char  *path,
                                   guint64     *size,
                                   GError     **error);

G_END_DECLS
