/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-document.h"
#include "jx-stage.h"

G_BEGIN_DECLS

/* The 目录 of a Word file lists, in this order: 第一部分, its three
 * sections, 第二部分 and one line per project table, as the printout does.
 * The model cannot paginate (that takes the fonts: the render layer), so
 * the page numbers of those lines come from the caller. */
guint       jx_docx_toc_length   (JxDocument *document);

typedef struct
{
  /* The printed page number of each 目录 line, jx_docx_toc_length() of
   * them (those of the parts are not shown); NULL writes the 目录 without
   * numbers and asks Word to update it when the file is opened. */
  const guint *toc_pages;
  guint        n_toc_pages;
  /* The printout puts a blank page after a 目录 of an odd number of pages,
   * so that Part 1 starts on a right-hand page. */
  gboolean     blank_page_after_toc;
  /* GOALS: the document. MONITORING or EVALUATION: that stage's report
   * instead, as it prints: the department's summary, then one
   * 项目支出绩效监控表 or 项目支出绩效自评表 per project, with the goal rows
   * and the stage's columns (no 目录: toc_pages is not used). */
  JxStage      stage;
} JxDocxOptions;

/* The document as a Word file (.docx, WordprocessingML) shaped like the
 * printout: cover, 目录 as a real table-of-contents field, Part 1 and one
 * table per project, with paragraph, character and table styles. */
GBytes     *jx_docx_write_bytes  (JxDocument          *document,
                                  const JxDocxOptions *options,
                                  GError             **error);
/* The same written to path, which is replaced only once the file is
 * complete (see jx_file_replace_contents). */
gboolean    jx_docx_write_file   (JxDocument          *document,
                                  const JxDocxOptions *options,
                                  const char          *path,
                                  GError             **error);

G_END_DECLS
