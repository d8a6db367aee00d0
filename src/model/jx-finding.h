/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Ordered so that a larger value is worse: the worst of a set is its MAX. */
typedef enum
{
  JX_SEVERITY_NONE,
  JX_SEVERITY_HINT,
  JX_SEVERITY_WARNING,
  JX_SEVERITY_ERROR,
} JxSeverity;

/* "error", "warning", "hint": stable words for machine-readable output. */
const char *jx_severity_to_string (JxSeverity severity);
/* The same word, translated, for people. */
const char *jx_severity_to_label  (JxSeverity severity);

/* One problem a review check found: which rule, how bad, what to do, and
 * where (a member path such as "projects[3].indicators[2].value"). */
#define JX_TYPE_FINDING (jx_finding_get_type ())
G_DECLARE_FINAL_TYPE (JxFinding, jx_finding, JX, FINDING, GObject)

JxFinding  *jx_finding_new          (const char *rule_id,
                                     JxSeverity  severity,
                                     const char *path,
                                     int         project,
                                     const char *message);
const char *jx_finding_get_rule_id  (JxFinding  *self);
JxSeverity  jx_finding_get_severity (JxFinding  *self);
const char *jx_finding_get_path     (JxFinding  *self);
/* Index of the project the path is in, or -1 for the document's own parts. */
int         jx_finding_get_project  (JxFinding  *self);
const char *jx_finding_get_message  (JxFinding  *self);

G_END_DECLS
