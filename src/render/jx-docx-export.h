/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-docx.h"
#include "jx-page-layout.h"

G_BEGIN_DECLS

/* The Word file's 目录 page numbers from the printout's pagination: fills
 * options (whose toc_pages then points into the returned array, to free
 * with g_free). */
guint    *jx_docx_options_from_layout (JxPageLayout  *layout,
                                       JxDocument    *document,
                                       JxDocxOptions *options);
/* Paginates document as it prints and writes it as a Word file to path,
 * replaced only once complete: what `jixiao-cli export-docx` and the
 * application's 导出 → Word 文档 do. As the printout, it follows the
 * document's stage: in the monitoring or the self-evaluation it is that
 * stage's report, with the stage's columns. */
gboolean  jx_docx_export_file         (JxDocument    *document,
                                       const char    *path,
                                       GError       **error);
/* The same for a stage chosen by the caller (GOALS: the document itself). */
gboolean  jx_docx_export_stage_file   (JxDocument    *document,
                                       JxStage        stage,
                                       const char    *path,
                                       GError       **error);

G_END_DECLS
