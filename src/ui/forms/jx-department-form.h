/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-document.h"

G_BEGIN_DECLS

/* The cover and the department: year, title, draft, money unit, the
 * department's name, budget unit, compiler and reviewer. A JxForm. */
#define JX_TYPE_DEPARTMENT_FORM (jx_department_form_get_type ())
G_DECLARE_FINAL_TYPE (JxDepartmentForm, jx_department_form, JX, DEPARTMENT_FORM, GtkWidget)

GtkWidget *jx_department_form_new          (void);

G_END_DECLS
