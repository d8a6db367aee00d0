/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Atomic and durable replacement of path's contents: a temp file in the same
 * directory, written and synced, given the old file's mode, renamed over the
 * old one, then the directory synced. At every moment path holds either the
 * whole old file or the whole new one. Symbolic links are followed. Errors
 * are G_IO_ERROR with a message naming path. The caller should ignore
 * SIGXFSZ so that a file size limit comes back as EFBIG. */
gboolean jx_file_replace_contents (const char  *path,
                                   const char  *data,
                                   gsize        length,
                                   GError     **error);

/* Writes a whole file at path, a temp file beside the target; returns
 * FALSE with error set when it cannot. */
typedef gboolean (*JxFileWriter) (const char  *path,
                                  gpointer     user_data,
                                  GError     **error);

/* The same guarantee for a library that writes files by name: writer fills
 * a temp file in path's directory, which is then synced and renamed over
 * path. A failing writer leaves path untouched and its error is passed on. */
gboolean jx_file_replace_by_writer (const char    *path,
                                    JxFileWriter   writer,
                                    gpointer       user_data,
                                    GError       **error);

G_END_DECLS
