/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-chart-view.h"
#include "jx-document-session.h"

G_BEGIN_DECLS

/* The chart window of a document window: the department's spending-plan
 * chart of the session's document, cumulative or by period, following edits
 * and a newly opened document; clicking a project's band shows that
 * project's chart and activates win.focus-path on the parent for its form.
 * One per parent: it is transient for it. */
#define JX_TYPE_CHART_WINDOW (jx_chart_window_get_type ())
G_DECLARE_FINAL_TYPE (JxChartWindow, jx_chart_window, JX, CHART_WINDOW, GtkWindow)

/* Shows parent's chart window, making it first if needed. */
JxChartWindow *jx_chart_window_present  (GtkWindow         *parent,
                                         JxDocumentSession *session);
JxChartWindow *jx_chart_window_find     (GtkWindow         *parent);
JxChartView   *jx_chart_window_get_view (JxChartWindow     *self);
/* Saves the chart the chart window shows (else the department's cumulative
 * chart) as PNG, SVG or PDF, asking where. */
void           jx_chart_window_export   (GtkWindow         *parent,
                                         JxDocumentSession *session);
/* Asks where, and saves the chart view shows. */
void           jx_chart_export_choose   (GtkWindow         *parent,
                                         JxChartView       *view);

G_END_DECLS
