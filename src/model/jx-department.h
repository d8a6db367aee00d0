/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define JX_TYPE_DEPARTMENT (jx_department_get_type ())
G_DECLARE_FINAL_TYPE (JxDepartment, jx_department, JX, DEPARTMENT, GObject)

JxDepartment *jx_department_new                (void);
const char   *jx_department_get_name           (JxDepartment *self);
void          jx_department_set_name           (JxDepartment *self,
                                                const char   *name);
const char   *jx_department_get_unit_code      (JxDepartment *self);
void          jx_department_set_unit_code      (JxDepartment *self,
                                                const char   *unit_code);
const char   *jx_department_get_unit_name      (JxDepartment *self);
void          jx_department_set_unit_name      (JxDepartment *self,
                                                const char   *unit_name);
/* The stored compiler; empty means "the department's name". */
const char   *jx_department_get_compiler       (JxDepartment *self);
void          jx_department_set_compiler       (JxDepartment *self,
                                                const char   *compiler);
/* What is printed as "…编制". */
const char   *jx_department_get_shown_compiler (JxDepartment *self);
const char   *jx_department_get_reviewer       (JxDepartment *self);
void          jx_department_set_reviewer       (JxDepartment *self,
                                                const char   *reviewer);

G_END_DECLS
