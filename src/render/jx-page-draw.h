/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "jx-page-layout.h"

G_BEGIN_DECLS

/* Draws one page onto cr, whose user space is the A4 sheet in points with
 * the origin at its top left corner. The one drawing code of the document:
 * printing, the preview and the PDF export all call it. */
void jx_page_draw (JxPageLayout *layout,
                   guint         page,
                   cairo_t      *cr);

G_END_DECLS
