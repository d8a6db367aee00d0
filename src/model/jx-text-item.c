/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-model-private.h"

struct _JxTextItem
{
  GObject parent_instance;
  char *text;
};

G_DEFINE_FINAL_TYPE (JxTextItem, jx_text_item, G_TYPE_OBJECT)

enum { PROP_0, PROP_TEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
jx_text_item_finalize (GObject *object)
{
  JxTextItem *self = JX_TEXT_ITEM (object);

  jx_str_unref (self->text);
  G_OBJECT_CLASS (jx_text_item_parent_class)->finalize (object);
}

static void
jx_text_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JxTextItem *self = JX_TEXT_ITEM (object);

  switch (prop_id)
    {
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_text_item_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  JxTextItem *self = JX_TEXT_ITEM (object);

  switch (prop_id)
    {
    case PROP_TEXT: jx_text_item_set_text (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_text_item_class_init (JxTextItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jx_text_item_finalize;
  object_class->get_property = jx_text_item_get_property;
  object_class->set_property = jx_text_item_set_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jx_text_item_init (JxTextItem *self)
{
  self->text = jx_str_empty ();
}

JxTextItem *
jx_text_item_new (const char *text)
{
  JxTextItem *self = g_object_new (JX_TYPE_TEXT_ITEM, NULL);

  jx_str_set (&self->text, text);
  return self;
}

JxTextItem *
jx_text_item_copy (JxTextItem *self)
{
  JxTextItem *copy;

  g_return_val_if_fail (JX_IS_TEXT_ITEM (self), NULL);
  copy = g_object_new (JX_TYPE_TEXT_ITEM, NULL);
  copy->text = jx_str_ref (self->text);
  return copy;
}

/* For the reader: text is a reference it gives up. */
JxTextItem *
jx_text_item_new_take (char *text)
{
  JxTextItem *self = g_object_new (JX_TYPE_TEXT_ITEM, NULL);

  self->text = text;
  return self;
}

const char *
jx_text_item_get_text (JxTextItem *self)
{
  g_return_val_if_fail (JX_IS_TEXT_ITEM (self), NULL);
  return self->text;
}

void
jx_text_item_set_text (JxTextItem *self,
                       const char *text)
{
  g_return_if_fail (JX_IS_TEXT_ITEM (self));
  if (jx_str_set (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}
