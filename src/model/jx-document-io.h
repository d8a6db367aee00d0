/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-document.h"

G_BEGIN_DECLS

/* Nesting deeper than this is refused before it is parsed. */
#define JX_MAX_DEPTH 64
/* The largest document read: a real one is a few MB and a few hundred
 * projects; past these a file cannot be one. Below them loading keeps
 * within the memory docs/performance.md states. */
#define JX_MAX_FILE_SIZE ((gsize) 256 * 1024 * 1024)
#define JX_MAX_PROJECTS  100000
/* Items in any one list: a project's indicators, goals or checkpoints,
 * Part 1's points or measures. */
#define JX_MAX_ROWS      10000

JxDocument *jx_document_load_data  (const char  *data,
                                    gsize        length,
                                    GError     **error);
JxDocument *jx_document_load_file  (const char  *path,
                                    GError     **error);
/* The file's text: pretty-printed UTF-8 with a final newline. */
char       *jx_document_to_data    (JxDocument  *self,
                                    gsize       *length);
/* Atomic and durable: the old file stays whole until the new one is on disk. */
gboolean    jx_document_save_file  (JxDocument  *self,
                                    const char  *path,
                                    GError     **error);
/* Writes data from jx_document_to_data to path as jx_document_save_file
 * does, for a save that serialises in one thread and writes in another:
 * refuses data that would not open again, then replaces the file. */
gboolean    jx_document_save_data  (const char  *data,
                                    gsize        length,
                                    const char  *path,
                                    GError     **error);

G_END_DECLS
