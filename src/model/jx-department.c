/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-model-private.h"

enum
{
  PROP_0,
  PROP_NAME,
  PROP_UNIT_CODE,
  PROP_UNIT_NAME,
  PROP_COMPILER,
  PROP_REVIEWER,
  PROP_SHOWN_COMPILER,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

struct _JxDepartment
{
  GObject parent_instance;
  char *text[PROP_SHOWN_COMPILER];
  JxExtras extras;
};

G_DEFINE_FINAL_TYPE (JxDepartment, jx_department, G_TYPE_OBJECT)

static void
set_text (JxDepartment *self, guint prop_id, const char *text)
{
  g_return_if_fail (JX_IS_DEPARTMENT (self));
  if (!jx_str_set (&self->text[prop_id], text))
    return;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  if (prop_id == PROP_NAME || prop_id == PROP_COMPILER)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN_COMPILER]);
  g_object_thaw_notify (G_OBJECT (self));
}

static const char *
get_text (JxDepartment *self, guint prop_id)
{
  g_return_val_if_fail (JX_IS_DEPARTMENT (self), NULL);
  return self->text[prop_id];
}

static void
jx_department_finalize (GObject *object)
{
  JxDepartment *self = JX_DEPARTMENT (object);

  for (guint i = 0; i < PROP_SHOWN_COMPILER; i++)
    jx_str_unref (self->text[i]);
  jx_extras_clear (&self->extras);
  G_OBJECT_CLASS (jx_department_parent_class)->finalize (object);
}

static void
jx_department_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JxDepartment *self = JX_DEPARTMENT (object);

  if (prop_id == PROP_SHOWN_COMPILER)
    g_value_set_string (value, jx_department_get_shown_compiler (self));
  else
    g_value_set_string (value, self->text[prop_id]);
}

static void
jx_department_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  set_text (JX_DEPARTMENT (object), prop_id, g_value_get_string (value));
}

static void
jx_department_class_init (JxDepartmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jx_department_finalize;
  object_class->get_property = jx_department_get_property;
  object_class->set_property = jx_department_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_UNIT_CODE] = g_param_spec_string ("unit-code", NULL, NULL, "", flags);
  properties[PROP_UNIT_NAME] = g_param_spec_string ("unit-name", NULL, NULL, "", flags);
  properties[PROP_COMPILER] = g_param_spec_string ("compiler", NULL, NULL, "", flags);
  properties[PROP_REVIEWER] = g_param_spec_string ("reviewer", NULL, NULL, "", flags);
  properties[PROP_SHOWN_COMPILER] =
    g_param_spec_string ("shown-compiler", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jx_department_init (JxDepartment *self)
{
  for (guint i = 1; i < PROP_SHOWN_COMPILER; i++)
    self->text[i] = jx_str_empty ();
}

JxDepartment *
jx_department_new (void)
{
  return g_object_new (JX_TYPE_DEPARTMENT, NULL);
}

JxExtras *
jx_department_get_extras (JxDepartment *self)
{
  return &self->extras;
}

const char *
jx_department_get_shown_compiler (JxDepartment *self)
{
  g_return_val_if_fail (JX_IS_DEPARTMENT (self), NULL);
  return self->text[PROP_COMPILER][0] != '\0' ? self->text[PROP_COMPILER] : self->text[PROP_NAME];
}

const char *jx_department_get_name (JxDepartment *self) { return get_text (self, PROP_NAME); }
const char *jx_department_get_unit_code (JxDepartment *self) { return get_text (self, PROP_UNIT_CODE); }
const char *jx_department_get_unit_name (JxDepartment *self) { return get_text (self, PROP_UNIT_NAME); }
const char *jx_department_get_compiler (JxDepartment *self) { return get_text (self, PROP_COMPILER); }
const char *jx_department_get_reviewer (JxDepartment *self) { return get_text (self, PROP_REVIEWER); }

void jx_department_set_name (JxDepartment *self, const char *v) { set_text (self, PROP_NAME, v); }
void jx_department_set_unit_code (JxDepartment *self, const char *v) { set_text (self, PROP_UNIT_CODE, v); }
void jx_department_set_unit_name (JxDepartment *self, const char *v) { set_text (self, PROP_UNIT_NAME, v); }
void jx_department_set_compiler (JxDepartment *self, const char *v) { set_text (self, PROP_COMPILER, v); }
void jx_department_set_reviewer (JxDepartment *self, const char *v) { set_text (self, PROP_REVIEWER, v); }
