/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-document.h"

G_BEGIN_DECLS

/* One project's 项目绩效目标表 and its overview. Built once; showing
 * another project rebinds the same widgets. A JxForm: its document is the
 * one the projects belong to, and it focuses places in the project shown. */
#define JX_TYPE_PROJECT_FORM (jx_project_form_get_type ())
G_DECLARE_FINAL_TYPE (JxProjectForm, jx_project_form, JX, PROJECT_FORM, GtkWidget)

GtkWidget *jx_project_form_new                 (void);
void       jx_project_form_set_project         (JxProjectForm *self,
                                                JxProject     *project);
JxProject *jx_project_form_get_project         (JxProjectForm *self);
GtkWidget *jx_project_form_get_indicator_table (JxProjectForm *self);
/* Where a view of the spending plan (a chart) goes, under the plan. */
GtkWidget *jx_project_form_get_plan_extras     (JxProjectForm *self);
void       jx_project_form_focus_name          (JxProjectForm *self);
/* Scrolls the form back to its top (for a newly shown project). */
void       jx_project_form_scroll_to_top       (JxProjectForm *self);

G_END_DECLS
