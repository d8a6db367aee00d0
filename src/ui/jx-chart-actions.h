/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-window.h"

G_BEGIN_DECLS

/* Adds to the window:
 *   win.show-chart    opens (or raises) the window's chart window: the
 *                     department chart of the window's document, which
 *                     follows edits and a newly opened document;
 *   win.export-chart  saves the chart shown there (else the department's
 *                     cumulative chart) as PNG, SVG or PDF. */
void jx_chart_install_actions (JxWindow *window);

G_END_DECLS
