/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One row of a project's indicator table. */
#define JX_TYPE_INDICATOR (jx_indicator_get_type ())
G_DECLARE_FINAL_TYPE (JxIndicator, jx_indicator, JX, INDICATOR, GObject)

JxIndicator *jx_indicator_new             (const char  *level1,
                                           const char  *level2,
                                           const char  *name,
                                           const char  *description,
                                           const char  *value,
                                           const char  *basis);
JxIndicator *jx_indicator_copy            (JxIndicator *self);
const char  *jx_indicator_get_level1      (JxIndicator *self);
void         jx_indicator_set_level1      (JxIndicator *self,
                                           const char  *level1);
const char  *jx_indicator_get_level2      (JxIndicator *self);
void         jx_indicator_set_level2      (JxIndicator *self,
                                           const char  *level2);
const char  *jx_indicator_get_name        (JxIndicator *self);
void         jx_indicator_set_name        (JxIndicator *self,
                                           const char  *name);
const char  *jx_indicator_get_description (JxIndicator *self);
void         jx_indicator_set_description (JxIndicator *self,
                                           const char  *description);
const char  *jx_indicator_get_value       (JxIndicator *self);
void         jx_indicator_set_value       (JxIndicator *self,
                                           const char  *value);
const char  *jx_indicator_get_basis       (JxIndicator *self);
void         jx_indicator_set_basis       (JxIndicator *self,
                                           const char  *basis);

G_END_DECLS
