/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-model-private.h"

enum { PROP_0, PROP_HEADING, PROP_BODY, N_PROPS };
static GParamSpec *properties[N_PROPS];

struct _JxMeasure
{
  GObject parent_instance;
  char *text[N_PROPS];
  JxExtras extras;
};

G_DEFINE_FINAL_TYPE (JxMeasure, jx_measure, G_TYPE_OBJECT)

static void
set_text (JxMeasure *self, guint prop_id, const char *text)
{
  if (jx_str_set (&self->text[prop_id], text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
jx_measure_finalize (GObject *object)
{
  JxMeasure *self = JX_MEASURE (object);

  for (guint i = 0; i < N_PROPS; i++)
    jx_str_unref (self->text[i]);
  jx_extras_clear (&self->extras);
  G_OBJECT_CLASS (jx_measure_parent_class)->finalize (object);
}

static void
jx_measure_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  g_value_set_string (value, JX_MEASURE (object)->text[prop_id]);
}

static void
jx_measure_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  set_text (JX_MEASURE (object), prop_id, g_value_get_string (value));
}

static void
jx_measure_class_init (JxMeasureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jx_measure_finalize;
  object_class->get_property = jx_measure_get_property;
  object_class->set_property = jx_measure_set_property;

  properties[PROP_HEADING] = g_param_spec_string ("heading", NULL, NULL, "", flags);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jx_measure_init (JxMeasure *self)
{
  for (guint i = 1; i < N_PROPS; i++)
    self->text[i] = jx_str_empty ();
}

JxMeasure *
jx_measure_new (const char *heading,
                const char *body)
{
  JxMeasure *self = g_object_new (JX_TYPE_MEASURE, NULL);

  jx_str_set (&self->text[PROP_HEADING], heading);
  jx_str_set (&self->text[PROP_BODY], body);
  return self;
}

/* For the reader: references it gives up. */
JxMeasure *
jx_measure_new_take (char *heading,
                     char *body)
{
  JxMeasure *self = g_object_new (JX_TYPE_MEASURE, NULL);

  self->text[PROP_HEADING] = heading;
  self->text[PROP_BODY] = body;
  return self;
}

JxMeasure *
jx_measure_copy (JxMeasure *self)
{
  JxMeasure *copy;

  g_return_val_if_fail (JX_IS_MEASURE (self), NULL);
  copy = jx_measure_new_take (jx_str_ref (self->text[PROP_HEADING]),
                              jx_str_ref (self->text[PROP_BODY]));
  jx_extras_copy (&copy->extras, &self->extras);
  return copy;
}

JxExtras *
jx_measure_get_extras (JxMeasure *self)
{
  return &self->extras;
}

const char *
jx_measure_get_heading (JxMeasure *self)
{
  g_return_val_if_fail (JX_IS_MEASURE (self), NULL);
  return self->text[PROP_HEADING];
}

void
jx_measure_set_heading (JxMeasure  *self,
                        const char *heading)
{
  g_return_if_fail (JX_IS_MEASURE (self));
  set_text (self, PROP_HEADING, heading);
}

const char *
jx_measure_get_body (JxMeasure *self)
{
  g_return_val_if_fail (JX_IS_MEASURE (self), NULL);
  return self->text[PROP_BODY];
}

void
jx_measure_set_body (JxMeasure  *self,
                     const char *body)
{
  g_return_if_fail (JX_IS_MEASURE (self));
  set_text (self, PROP_BODY, body);
}
