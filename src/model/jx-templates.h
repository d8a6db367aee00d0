/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-document.h"

G_BEGIN_DECLS

/* What a new document and a new project start with. Nothing a clerk has
 * to replace: fields start empty (the forms show gray hints in them) and
 * the indicator table starts without rows, offering the usual categories
 * (jx_categories_suggested_rows) until one is written into. So a new
 * project holds no empty rows that the review would count as errors. */

/* The budget year a document written at now is for: the next one, since
 * documents are written the autumn before. */
guint       jx_template_default_year (GDateTime *now);
/* A document for the year after now's, with one new project. */
JxDocument *jx_template_new_document (GDateTime *now);
/* A project without code (the budget system assigns it), name, money or
 * rows. */
JxProject  *jx_template_new_project  (void);

G_END_DECLS
