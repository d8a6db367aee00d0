/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "jx-document-io.h"

#include "jx-stage.h"

G_BEGIN_DECLS

/* One subcommand of jixiao-cli: argv[0] is the command's name. Returns the
 * process exit status. */
typedef int (*JxCliCommand) (int argc, char **argv);

int   jx_cli_check     (int argc, char **argv);
int   jx_cli_normalize (int argc, char **argv);
int   jx_cli_validate  (int argc, char **argv);
int   jx_cli_chart     (int argc, char **argv);
int   jx_cli_export_pdf (int argc, char **argv);
int   jx_cli_export_xlsx (int argc, char **argv);
int   jx_cli_fonts (int argc, char **argv);
int   jx_cli_import (int argc, char **argv);
int   jx_cli_export_docx (int argc, char **argv);
int   jx_cli_score (int argc, char **argv);
int   jx_cli_roll_forward (int argc, char **argv);
int   jx_cli_diff (int argc, char **argv);

/* Parses a subcommand's options; prints the error and returns FALSE. */
gboolean    jx_cli_parse_options  (GOptionContext *context,
                                   int            *argc,
                                   char         ***argv);
/* "FILE:LINE:COL: message" for a syntax error, "FILE: path: message" else. */
void        jx_cli_print_load_error (const char   *file,
                                     const GError *error);
char       *jx_cli_format_load_error (const char   *file,
                                      const GError *error);

/* Reads the value of --stage for command ("export-pdf"); NULL leaves *stage
 * as it is. Prints the error and returns FALSE for a word it does not know. */
gboolean    jx_cli_parse_stage    (const char     *command,
                                   const char     *name,
                                   JxStage        *stage);

/* Tunes malloc for the short-lived process: see jx-cli-memory.c. */
void        jx_cli_tune_memory    (void);

G_END_DECLS
