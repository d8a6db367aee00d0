/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "jx-model-private.h"

struct _JxCheckpoint
{
  GObject parent_instance;
  guint month;
  double percent;
  JxExtras extras;
};

G_DEFINE_FINAL_TYPE (JxCheckpoint, jx_checkpoint, G_TYPE_OBJECT)

enum { PROP_0, PROP_MONTH, PROP_PERCENT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
jx_checkpoint_finalize (GObject *object)
{
  JxCheckpoint *self = JX_CHECKPOINT (object);

  jx_extras_clear (&self->extras);
  G_OBJECT_CLASS (jx_checkpoint_parent_class)->finalize (object);
}

static void
jx_checkpoint_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JxCheckpoint *self = JX_CHECKPOINT (object);

  switch (prop_id)
    {
    case PROP_MONTH: g_value_set_uint (value, self->month); break;
    case PROP_PERCENT: g_value_set_double (value, self->percent); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_checkpoint_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  JxCheckpoint *self = JX_CHECKPOINT (object);

  switch (prop_id)
    {
    case PROP_MONTH: jx_checkpoint_set_month (self, g_value_get_uint (value)); break;
    case PROP_PERCENT: jx_checkpoint_set_percent (self, g_value_get_double (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_checkpoint_class_init (JxCheckpointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jx_checkpoint_finalize;
  object_class->get_property = jx_checkpoint_get_property;
  object_class->set_property = jx_checkpoint_set_property;

  properties[PROP_MONTH] =
    g_param_spec_uint ("month", NULL, NULL, 1, 12, 12,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERCENT] =
    g_param_spec_double ("percent", NULL, NULL, 0, 100, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jx_checkpoint_init (JxCheckpoint *self)
{
  self->month = 12;
}

JxCheckpoint *
jx_checkpoint_new (guint  month,
                   double percent)
{
  JxCheckpoint *self = g_object_new (JX_TYPE_CHECKPOINT, NULL);

  self->month = CLAMP (month, 1, 12);
  self->percent = CLAMP (percent, 0, 100);
  return self;
}

JxCheckpoint *
jx_checkpoint_copy (JxCheckpoint *self)
{
  JxCheckpoint *copy;

  g_return_val_if_fail (JX_IS_CHECKPOINT (self), NULL);
  copy = jx_checkpoint_new (self->month, self->percent);
  jx_extras_copy (&copy->extras, &self->extras);
  return copy;
}

JxExtras *
jx_checkpoint_get_extras (JxCheckpoint *self)
{
  return &self->extras;
}

guint
jx_checkpoint_get_month (JxCheckpoint *self)
{
  g_return_val_if_fail (JX_IS_CHECKPOINT (self), 0);
  return self->month;
}

void
jx_checkpoint_set_month (JxCheckpoint *self,
                         guint         month)
{
  g_return_if_fail (JX_IS_CHECKPOINT (self));
  g_return_if_fail (month >= 1 && month <= 12);
  if (self->month == month)
    return;
  self->month = month;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTH]);
}

double
jx_checkpoint_get_percent (JxCheckpoint *self)
{
  g_return_val_if_fail (JX_IS_CHECKPOINT (self), 0);
  return self->percent;
}

void
jx_checkpoint_set_percent (JxCheckpoint *self,
                           double        percent)
{
  g_return_if_fail (JX_IS_CHECKPOINT (self));
  g_return_if_fail (percent >= 0 && percent <= 100);
  if (self->percent == percent)
    return;
  self->percent = percent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERCENT]);
}

char *
jx_checkpoint_format_percent (double percent)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Whole numbers as clerks write them; a fraction only when there is one. */
  if (fabs (percent - round (percent)) < 1e-9)
    return g_strdup_printf ("%.0f%%", percent);
  g_ascii_formatd (buffer, sizeof buffer, "%.2f", percent);
  while (buffer[strlen (buffer) - 1] == '0')
    buffer[strlen (buffer) - 1] = '\0';
  /* 33.001 rounds to "33.00": no lone point. */
  if (buffer[strlen (buffer) - 1] == '.')
    buffer[strlen (buffer) - 1] = '\0';
  return g_strdup_printf ("%s%%", buffer);
}

char *
jx_checkpoint_describe_month (guint month)
{
  /* TRANSLATORS: a checkpoint of the spending plan, e.g. "by the end of month 6";
   * as the printed form heads its column (6月底) */
  return g_strdup_printf (_("End of month %u"), month);
}
