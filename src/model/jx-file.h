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

/* Opens path for reading when it is an ordinary file, with its size. A
 * pipe, a device, a socket or a folder is refused at once (never waited
 * on nor read without end) with a G_IO_ERROR naming what it is; other
 * failures are G_FILE_ERROR from errno. Returns the descriptor or -1. */
int      jx_file_open_regular     (const char  *path,
                                   guint64     *size,
                                   GError     **error);

G_END_DECLS
