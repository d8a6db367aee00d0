/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gsf/gsf.h>

#include "jx-import.h"

G_BEGIN_DECLS

/* The largest file looked at: a Word or Excel file of a 500-project
 * document is a few MB, so this is far past any real one. */
#define JX_IMPORT_MAX_FILE_SIZE    ((gsize) 128 * 1024 * 1024)
/* A zip container may inflate to at most this many bytes in all, and to
 * at most JX_IMPORT_MAX_RATIO times its own size once past
 * JX_IMPORT_RATIO_FLOOR: real office XML compresses 5–20 times, a zip
 * bomb thousands of times. */
#define JX_IMPORT_MAX_INFLATED     ((guint64) 512 * 1024 * 1024)
#define JX_IMPORT_MAX_RATIO        100
#define JX_IMPORT_RATIO_FLOOR      ((guint64) 16 * 1024 * 1024)

/* How much of a zip container has been inflated so far, against the
 * limits above. One budget serves every part read from one file. */
typedef struct
{
  guint64 file_size;
  guint64 inflated;
  guint64 limit;
} JxImportBudget;

void        jx_import_budget_init   (JxImportBudget *budget,
                                     guint64         file_size);
/* Counts length more bytes; FALSE with JX_IMPORT_ERROR_TOO_LARGE past the
 * limit. */
gboolean    jx_import_budget_spend  (JxImportBudget *budget,
                                     guint64         length,
                                     GError        **error);

/* The whole file at path, refusing folders, pipes, devices, empty files and
 * files past JX_IMPORT_MAX_FILE_SIZE. */
GBytes     *jx_import_read_file     (const char     *path,
                                     GError        **error);
/* Whether bytes are an Excel workbook or text, whose indicator rows can
 * go into an open document; else FALSE with the reason. */
gboolean    jx_import_check_sheet   (GBytes         *bytes,
                                     GError        **error);

G_END_DECLS
