/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-templates.h"

guint
jx_template_default_year (GDateTime *now)
{
  g_return_val_if_fail (now != NULL, JX_YEAR_MIN);
  return CLAMP ((guint) g_date_time_get_year (now) + 1, JX_YEAR_MIN, JX_YEAR_MAX);
}

JxDocument *
jx_template_new_document (GDateTime *now)
{
  JxDocument *document = jx_document_new ();
  g_autoptr(JxProject) project = jx_template_new_project ();

  g_return_val_if_fail (now != NULL, document);

  jx_document_set_year (document, jx_template_default_year (now));
  g_list_store_append (G_LIST_STORE (jx_document_get_projects (document)), project);
  return document;
}

JxProject *
jx_template_new_project (void)
{
  return jx_project_new ("", "");
}
