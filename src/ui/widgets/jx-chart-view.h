/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-chart.h"
#include "jx-document.h"

G_BEGIN_DECLS

/* A self-contained spending-plan chart: give it a document (and a project
 * for one project's view) and it follows every edit of the plan, the funds,
 * the names and the project list by itself, redrawing with the light or
 * dark theme. Hovering shows the project, month, amount and percent;
 * clicking a project's band or bar emits "project-activated".
 *
 * Embedding it in a project form:
 *   GtkWidget *chart = jx_chart_view_new ();
 *   jx_chart_view_set_document (JX_CHART_VIEW (chart), document);
 *   jx_chart_view_set_project (JX_CHART_VIEW (chart), project);
 *
 * Properties: "document" (JxDocument), "project" (JxProject, NULL for the
 * department), "view" (JxChartMode). Signal: "project-activated"
 * (JxProject *project). */
#define JX_TYPE_CHART_VIEW (jx_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (JxChartView, jx_chart_view, JX, CHART_VIEW, GtkWidget)

GtkWidget     *jx_chart_view_new           (void);
JxDocument    *jx_chart_view_get_document  (JxChartView *self);
void           jx_chart_view_set_document  (JxChartView *self,
                                            JxDocument  *document);
JxProject     *jx_chart_view_get_project   (JxChartView *self);
void           jx_chart_view_set_project   (JxChartView *self,
                                            JxProject   *project);
JxChartMode    jx_chart_view_get_view      (JxChartView *self);
void           jx_chart_view_set_view      (JxChartView *self,
                                            JxChartMode  view);
/* The numbers shown, computed at most once per change; NULL without a
 * document. Owned by the view. */
JxChartSeries *jx_chart_view_get_series    (JxChartView *self);
/* What the pointer would find at a point of the widget (widget
 * coordinates), with the text of its tooltip; FALSE over nothing. */
gboolean       jx_chart_view_hit_test      (JxChartView *self,
                                            double       x,
                                            double       y,
                                            JxChartHit  *hit,
                                            char       **tooltip);
/* Writes the shown chart (white paper) to a .png, .svg or .pdf file. */
gboolean       jx_chart_view_export        (JxChartView *self,
                                            const char  *path,
                                            GError     **error);

G_END_DECLS
