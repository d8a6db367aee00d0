/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jx-finding.h"
#include "jx-model-private.h"

struct _JxFinding
{
  GObject parent_instance;
  char *rule_id;
  JxSeverity severity;
  char *path;
  int project;
  char *message;
};

G_DEFINE_FINAL_TYPE (JxFinding, jx_finding, G_TYPE_OBJECT)

/* Read-only: a finding describes one run of the checks and never changes;
 * the properties exist so that list views can bind to them. */
enum { PROP_0, PROP_RULE_ID, PROP_SEVERITY, PROP_PATH, PROP_PROJECT, PROP_MESSAGE, N_PROPS };
static GParamSpec *properties[N_PROPS];

const char *
jx_severity_to_string (JxSeverity severity)
{
  switch (severity)
    {
    case JX_SEVERITY_ERROR: return "error";
    case JX_SEVERITY_WARNING: return "warning";
    case JX_SEVERITY_HINT: return "hint";
    case JX_SEVERITY_NONE:
    default: return "none";
    }
}

const char *
jx_severity_to_label (JxSeverity severity)
{
  switch (severity)
    {
    case JX_SEVERITY_ERROR: return C_("severity", "error");
    case JX_SEVERITY_WARNING: return C_("severity", "warning");
    case JX_SEVERITY_HINT: return C_("severity", "hint");
    case JX_SEVERITY_NONE:
    default: return C_("severity", "none");
    }
}

static void
jx_finding_finalize (GObject *object)
{
  JxFinding *self = JX_FINDING (object);

  jx_str_unref (self->rule_id);
  jx_str_unref (self->path);
  jx_str_unref (self->message);
  G_OBJECT_CLASS (jx_finding_parent_class)->finalize (object);
}

static void
jx_finding_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JxFinding *self = JX_FINDING (object);

  switch (prop_id)
    {
    case PROP_RULE_ID: g_value_set_string (value, self->rule_id); break;
    case PROP_SEVERITY: g_value_set_int (value, self->severity); break;
    case PROP_PATH: g_value_set_string (value, self->path); break;
    case PROP_PROJECT: g_value_set_int (value, self->project); break;
    case PROP_MESSAGE: g_value_set_string (value, self->message); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_finding_class_init (JxFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jx_finding_finalize;
  object_class->get_property = jx_finding_get_property;

  properties[PROP_RULE_ID] = g_param_spec_string ("rule-id", NULL, NULL, "", flags);
  properties[PROP_SEVERITY] = g_param_spec_int ("severity", NULL, NULL, JX_SEVERITY_NONE,
                                                JX_SEVERITY_ERROR, JX_SEVERITY_NONE, flags);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, "", flags);
  properties[PROP_PROJECT] = g_param_spec_int ("project", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jx_finding_init (JxFinding *self)
{
  self->project = -1;
}

JxFinding *
jx_finding_new (const char *rule_id,
                JxSeverity  severity,
                const char *path,
                int         project,
                const char *message)
{
  g_return_val_if_fail (rule_id != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  return jx_finding_new_take (jx_str_new (rule_id, strlen (rule_id)), severity,
                              jx_str_new (path, strlen (path)), project,
                              jx_str_new (message, strlen (message)));
}

/* For the checks: the texts are shared strings given up by the caller, so
 * that the many findings of a run that say the same share one message. */
JxFinding *
jx_finding_new_take (char       *rule_id,
                     JxSeverity  severity,
                     char       *path,
                     int         project,
                     char       *message)
{
  JxFinding *self = g_object_new (JX_TYPE_FINDING, NULL);

  self->rule_id = rule_id;
  self->severity = severity;
  self->path = path;
  self->project = project;
  self->message = message;
  return self;
}

const char *
jx_finding_get_rule_id (JxFinding *self)
{
  g_return_val_if_fail (JX_IS_FINDING (self), NULL);
  return self->rule_id;
}

JxSeverity
jx_finding_get_severity (JxFinding *self)
{
  g_return_val_if_fail (JX_IS_FINDING (self), JX_SEVERITY_NONE);
  return self->severity;
}

const char *
jx_finding_get_path (JxFinding *self)
{
  g_return_val_if_fail (JX_IS_FINDING (self), NULL);
  return self->path;
}

int
jx_finding_get_project (JxFinding *self)
{
  g_return_val_if_fail (JX_IS_FINDING (self), -1);
  return self->project;
}

const char *
jx_finding_get_message (JxFinding *self)
{
  g_return_val_if_fail (JX_IS_FINDING (self), NULL);
  return self->message;
}
