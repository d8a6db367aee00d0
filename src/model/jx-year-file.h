/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "jx-document.h"

G_BEGIN_DECLS

/* File names of a year's document, so that saving next year's document
 * never proposes, or silently replaces, last year's file. */

/* "{year}{department}.jixiao.json": "2025遵化市人民代表大会常务委员会.jixiao.json".
 * Characters that file systems refuse (/ \ : * ? " < > |, controls) become
 * "_"; without a department name the document's title stands in. */
char     *jx_year_file_name     (JxDocument  *document);

/* That name in old_path's folder (old_path may be NULL: the name alone).
 * Never old_path itself: when the name is taken by it, "（2）" is added. */
char     *jx_year_file_propose  (JxDocument  *document,
                                 const char  *old_path);

typedef enum
{
  JX_YEAR_FILE_NEW,           /* nothing there */
  JX_YEAR_FILE_SAME_YEAR,     /* a document of the same year */
  JX_YEAR_FILE_OTHER_YEAR,    /* a document of another year: ask first */
  JX_YEAR_FILE_NOT_DOCUMENT,  /* a file that is not a document that loads */
} JxYearFileKind;

/* What saving a document of year to path would replace; *file_year (may
 * be NULL) receives the year of the document there. Only a regular file is
 * read, so a FIFO or a device never blocks. */
JxYearFileKind jx_year_file_check (const char *path,
                                   guint       year,
                                   guint      *file_year);

G_END_DECLS
