/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-document.h"
#include "jx-indicator.h"
#include "jx-project.h"

G_BEGIN_DECLS

/* Absolute path of a file in the source tree, e.g. "data/examples/x.json". */
char  *jx_test_source_path (const char *relative);
/* Reads a whole file or fails the test. */
char  *jx_test_read_file   (const char *path,
                            gsize      *length);
/* A new empty directory under the system temp dir; removed with its
 * contents by jx_test_remove_tree. */
char  *jx_test_make_tmpdir (void);
void   jx_test_remove_tree (const char *path);
/* Points XDG_CACHE_HOME, XDG_DATA_HOME, XDG_CONFIG_HOME at a fresh
 * temporary directory, so tests never touch the user's files. */
void   jx_test_isolate_xdg (void);
/* Before fontconfig starts (and after jx_test_isolate_xdg): fontconfig
 * sees only the fonts in folder and the user's font folder, as on a bare
 * machine with one Chinese font. Returns a temporary directory for
 * jx_test_remove_tree. */
char  *jx_test_isolate_fonts (const char *folder);

/* Writes contents as the part at path ("xl/worksheets/sheet1.xml") of a
 * zip container being written (a GsfOutfile), its folders made on the way. */
void   jx_test_zip_add_part   (gpointer    zip,
                               const char *path,
                               const char *contents,
                               gsize       length);
/* An .xlsx workbook at path with one indicator sheet as a budget system
 * exports it: a header row, then n_rows indicators, rows_per_project of
 * each project. */
void   jx_test_write_workbook (const char *path,
                               guint       n_rows,
                               guint       rows_per_project);

/* Loads a document from the source tree (e.g. a fixture) or fails the test. */
JxDocument *jx_test_load         (const char *relative);
/* The bundled example, data/examples/zunhua-renda-2024.json. */
JxDocument *jx_test_load_example (void);

/* The project or indicator at a position; the list keeps it (no new
 * reference). Fails the test when there is none. */
JxProject   *jx_test_project_at   (JxDocument *document,
                                   guint       position);
JxIndicator *jx_test_indicator_at (JxProject  *project,
                                   guint       position);

/* Runs the thread-default main context until condition (data) holds, and
 * returns TRUE, or until timeout_ms pass, and returns FALSE. Tests wait for
 * what they need with it, never for a fixed time: under load a step takes
 * as long as it takes. The timeouts are generous (seconds): they only end
 * a test that would otherwise hang. */
typedef gboolean (*JxTestCondition) (gpointer data);
gboolean jx_test_wait_for  (JxTestCondition condition,
                            gpointer        data,
                            guint           timeout_ms);
/* Waits until *result is set (by an async callback that stores its
 * GAsyncResult there), 30 seconds at most. */
gboolean jx_test_wait_result (GAsyncResult **result);
/* A callback for async calls that keeps the result in user_data, a
 * GAsyncResult ** (a reference), for jx_test_wait_result. */
void     jx_test_keep_result (GObject       *source,
                              GAsyncResult  *result,
                              gpointer       user_data);
/* Lets everything already due in the main context run, without waiting
 * for anything new. */
void     jx_test_run_pending (void);

G_END_DECLS
