/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "jx-checkpoint.h"
#include "jx-department.h"
#include "jx-document.h"
#include "jx-indicator.h"
#include "jx-measure.h"
#include "jx-project.h"
#include "jx-text-item.h"

G_BEGIN_DECLS

/* What a file said about an object beyond what the model knows: the order
 * its members came in, and the members this version does not understand,
 * so that saving writes both back where they were. */
typedef struct
{
  GPtrArray  *order;    /* member names as read; NULL for a new object */
  JsonObject *unknown;  /* members not known to this version, or NULL */
} JxExtras;

void      jx_extras_clear      (JxExtras       *extras);
void      jx_extras_copy       (JxExtras       *dest,
                                const JxExtras *src);
gboolean  jx_extras_has_member (const JxExtras *extras,
                                const char     *name);

/* Replaces *field by a copy of value (NULL counts as ""); TRUE when it changed. */
gboolean  jx_set_string        (char          **field,
                                const char     *value);

JxExtras *jx_document_get_extras          (JxDocument   *self);
JxExtras *jx_document_get_overall_extras  (JxDocument   *self);
JxExtras *jx_department_get_extras        (JxDepartment *self);
JxExtras *jx_project_get_extras           (JxProject    *self);
JxExtras *jx_project_get_funds_extras     (JxProject    *self);
JxExtras *jx_project_get_overview_extras  (JxProject    *self);
JxExtras *jx_checkpoint_get_extras        (JxCheckpoint *self);
JxExtras *jx_indicator_get_extras         (JxIndicator  *self);
JxExtras *jx_measure_get_extras           (JxMeasure    *self);

G_END_DECLS
