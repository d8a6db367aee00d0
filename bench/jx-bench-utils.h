/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-document.h"

G_BEGIN_DECLS

/* A department with n_projects projects made from the bundled example's
 * seven, each with its own code, name, amounts and a little more text, as
 * big departments write them: 2,000 projects make a file of about 11 MB. */
JxDocument *jx_bench_large_document (guint n_projects);

/* Makes every indicator, goal and overview text of each project its own
 * (the project's number is added), as when no text is copied between
 * projects: what a document costs when nothing can be shared. */
void        jx_bench_unique_texts   (JxDocument *document);

/* Milliseconds of monotonic time. */
double      jx_bench_now_ms         (void);

G_END_DECLS
