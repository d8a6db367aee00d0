/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-stage-private.h"

enum
{
  PROP_0,
  PROP_LEVEL1,
  PROP_LEVEL2,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_VALUE,
  PROP_BASIS,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

struct _JxIndicator
{
  GObject parent_instance;
  char *text[N_PROPS];
  JxExtras extras;
  JxIndicatorStage *stage;  /* monitoring and evaluation, NULL until entered */
};

G_DEFINE_FINAL_TYPE (JxIndicator, jx_indicator, G_TYPE_OBJECT)

static void
set_text (JxIndicator *self, guint prop_id, const char *text)
{
  g_return_if_fail (JX_IS_INDICATOR (self));
  if (jx_str_set (&self->text[prop_id], text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static const char *
get_text (JxIndicator *self, guint prop_id)
{
  g_return_val_if_fail (JX_IS_INDICATOR (self), NULL);
  return self->text[prop_id];
}

static void
jx_indicator_finalize (GObject *object)
{
  JxIndicator *self = JX_INDICATOR (object);

  for (guint i = 0; i < N_PROPS; i++)
    jx_str_unref (self->text[i]);
  jx_extras_clear (&self->extras);
  jx_indicator_stage_free (self->stage);
  G_OBJECT_CLASS (jx_indicator_parent_class)->finalize (object);
}

static void
jx_indicator_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  if (!jx_indicator_stage_get_property (object, prop_id, value))
    g_value_set_string (value, JX_INDICATOR (object)->text[prop_id]);
}

static void
jx_indicator_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  if (!jx_indicator_stage_set_property (object, prop_id, value))
    set_text (JX_INDICATOR (object), prop_id, g_value_get_string (value));
}

static void
jx_indicator_class_init (JxIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jx_indicator_finalize;
  object_class->get_property = jx_indicator_get_property;
  object_class->set_property = jx_indicator_set_property;

  properties[PROP_LEVEL1] = g_param_spec_string ("level1", NULL, NULL, "", flags);
  properties[PROP_LEVEL2] = g_param_spec_string ("level2", NULL, NULL, "", flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", flags);
  properties[PROP_VALUE] = g_param_spec_string ("value", NULL, NULL, "", flags);
  properties[PROP_BASIS] = g_param_spec_string ("basis", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  jx_indicator_stage_install (object_class, N_PROPS);
}

static void
jx_indicator_init (JxIndicator *self)
{
  for (guint i = 1; i < N_PROPS; i++)
    self->text[i] = jx_str_empty ();
}

JxIndicator *
jx_indicator_new (const char *level1,
                  const char *level2,
                  const char *name,
                  const char *description,
                  const char *value,
                  const char *basis)
{
  JxIndicator *self = g_object_new (JX_TYPE_INDICATOR, NULL);
  const char *texts[N_PROPS] = { NULL, level1, level2, name, description, value, basis };

  for (guint i = 1; i < N_PROPS; i++)
    jx_str_set (&self->text[i], texts[i]);
  return self;
}

JxIndicator *
jx_indicator_copy (JxIndicator *self)
{
  JxIndicator *copy;

  g_return_val_if_fail (JX_IS_INDICATOR (self), NULL);
  copy = g_object_new (JX_TYPE_INDICATOR, NULL);
  for (guint i = 1; i < N_PROPS; i++)
    jx_str_take (&copy->text[i], jx_str_ref (self->text[i]));
  jx_extras_copy (&copy->extras, &self->extras);
  copy->stage = jx_indicator_stage_copy (self->stage);
  return copy;
}

/* For the reader: texts[0…5] are level1 … basis, references it gives up. */
JxIndicator *
jx_indicator_new_take (char **texts)
{
  JxIndicator *self = g_object_new (JX_TYPE_INDICATOR, NULL);

  for (guint i = 1; i < N_PROPS; i++)
    self->text[i] = texts[i - 1];
  return self;
}

JxExtras *
jx_indicator_get_extras (JxIndicator *self)
{
  return &self->extras;
}

JxIndicatorStage **
jx_indicator_stage_slot (JxIndicator *self)
{
  return &self->stage;
}

const char *jx_indicator_get_level1 (JxIndicator *self) { return get_text (self, PROP_LEVEL1); }
const char *jx_indicator_get_level2 (JxIndicator *self) { return get_text (self, PROP_LEVEL2); }
const char *jx_indicator_get_name (JxIndicator *self) { return get_text (self, PROP_NAME); }
const char *jx_indicator_get_description (JxIndicator *self) { return get_text (self, PROP_DESCRIPTION); }
const char *jx_indicator_get_value (JxIndicator *self) { return get_text (self, PROP_VALUE); }
const char *jx_indicator_get_basis (JxIndicator *self) { return get_text (self, PROP_BASIS); }

void jx_indicator_set_level1 (JxIndicator *self, const char *v) { set_text (self, PROP_LEVEL1, v); }
void jx_indicator_set_level2 (JxIndicator *self, const char *v) { set_text (self, PROP_LEVEL2, v); }
void jx_indicator_set_name (JxIndicator *self, const char *v) { set_text (self, PROP_NAME, v); }
void jx_indicator_set_description (JxIndicator *self, const char *v) { set_text (self, PROP_DESCRIPTION, v); }
void jx_indicator_set_value (JxIndicator *self, const char *v) { set_text (self, PROP_VALUE, v); }
void jx_indicator_set_basis (JxIndicator *self, const char *v) { set_text (self, PROP_BASIS, v); }
