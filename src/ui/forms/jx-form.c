/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-form.h"

G_DEFINE_INTERFACE (JxForm, jx_form, GTK_TYPE_WIDGET)

static void
jx_form_default_init (JxFormInterface *iface)
{
}

void
jx_form_set_document (JxForm     *self,
                      JxDocument *document)
{
  g_return_if_fail (JX_IS_FORM (self));
  g_return_if_fail (document == NULL || JX_IS_DOCUMENT (document));
  JX_FORM_GET_IFACE (self)->set_document (self, document);
}

gboolean
jx_form_focus_place (JxForm             *self,
                     const JxMemberPath *place)
{
  g_return_val_if_fail (JX_IS_FORM (self), FALSE);
  g_return_val_if_fail (place != NULL, FALSE);
  return JX_FORM_GET_IFACE (self)->focus_place (self, place);
}
