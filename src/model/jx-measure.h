/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One numbered guarantee measure of 三、工作保障措施. */
#define JX_TYPE_MEASURE (jx_measure_get_type ())
G_DECLARE_FINAL_TYPE (JxMeasure, jx_measure, JX, MEASURE, GObject)

JxMeasure  *jx_measure_new         (const char *heading,
                                    const char *body);
const char *jx_measure_get_heading (JxMeasure  *self);
void        jx_measure_set_heading (JxMeasure  *self,
                                    const char *heading);
const char *jx_measure_get_body    (JxMeasure  *self);
void        jx_measure_set_body    (JxMeasure  *self,
                                    const char *body);
JxMeasure  *jx_measure_copy        (JxMeasure  *self);

G_END_DECLS
