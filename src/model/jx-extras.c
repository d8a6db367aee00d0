/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-model-private.h"

void
jx_extras_clear (JxExtras *extras)
{
  g_clear_pointer (&extras->order, g_ptr_array_unref);
  g_clear_pointer (&extras->unknown, json_object_unref);
}

static JsonObject *
copy_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_alloc ();
  g_autoptr(JsonNode) copy = NULL;

  json_node_init_object (node, object);
  copy = json_node_copy (node);
  return json_object_ref (json_node_get_object (copy));
}

void
jx_extras_copy (JxExtras       *dest,
                const JxExtras *src)
{
  jx_extras_clear (dest);
  if (src->order != NULL)
    dest->order = g_ptr_array_ref (src->order);   /* never changed once read */
  if (src->unknown != NULL)
    dest->unknown = copy_object (src->unknown);
}

gboolean
jx_extras_has_member (const JxExtras *extras,
                      const char     *name)
{
  if (extras->order == NULL)
    return FALSE;
  for (guint i = 0; i < extras->order->len; i++)
    if (strcmp (g_ptr_array_index (extras->order, i), name) == 0)
      return TRUE;
  return FALSE;
}

void
jx_extras_forget (JxExtras           *extras,
                  const char * const *names)
{
  GPtrArray *order;

  for (guint k = 0; extras->unknown != NULL && names[k] != NULL; k++)
    json_object_remove_member (extras->unknown, names[k]);
  if (extras->order == NULL)
    return;
  /* The order is shared with copies and with other objects read alike:
   * a new one, never an edit. */
  order = g_ptr_array_new_full (extras->order->len, g_free);
  for (guint i = 0; i < extras->order->len; i++)
    {
      const char *name = g_ptr_array_index (extras->order, i);

      if (!g_strv_contains (names, name))
        g_ptr_array_add (order, g_strdup (name));
    }
  g_ptr_array_unref (extras->order);
  extras->order = order;
}

gboolean
jx_set_string (char       **field,
               const char  *value)
{
  if (value == NULL)
    value = "";
  if (*field != NULL && strcmp (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}
