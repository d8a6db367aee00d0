/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jx-document-edit.h"
#include "jx-list.h"
#include "jx-templates.h"

static GListStore *
projects_of (JxDocument *self)
{
  return G_LIST_STORE (jx_document_get_projects (self));
}

static JxProject *
insert_project (JxDocument *self,
                guint       position,
                JxProject  *project,
                const char *label)
{
  GListStore *projects = projects_of (self);

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (projects)));
  jx_document_begin_action (self, label);
  g_list_store_insert (projects, position, project);
  jx_document_end_action (self);
  return project;
}

JxProject *
jx_document_add_project (JxDocument *self,
                         guint       position)
{
  g_autoptr(JxProject) project = jx_template_new_project ();

  g_return_val_if_fail (JX_IS_DOCUMENT (self), NULL);
  return insert_project (self, position, project, _("Add Project"));
}

JxProject *
jx_document_duplicate_project (JxDocument *self,
                               guint       position)
{
  g_autoptr(JxProject) original = NULL;
  g_autoptr(JxProject) copy = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (JX_IS_DOCUMENT (self), NULL);

  original = g_list_model_get_item (G_LIST_MODEL (projects_of (self)), position);
  if (original == NULL)
    return NULL;
  copy = jx_project_copy (original);
  /* Document content, not interface text. */
  name = g_strdup_printf ("%s（副本）", jx_project_get_name (original));
  jx_project_set_name (copy, name);
  return insert_project (self, position + 1, copy, _("Duplicate Project"));
}

gboolean
jx_document_delete_project (JxDocument *self,
                            guint       position)
{
  GListStore *projects;

  g_return_val_if_fail (JX_IS_DOCUMENT (self), FALSE);

  projects = projects_of (self);
  if (position >= g_list_model_get_n_items (G_LIST_MODEL (projects)))
    return FALSE;
  jx_document_begin_action (self, _("Delete Project"));
  g_list_store_remove (projects, position);
  jx_document_end_action (self);
  return TRUE;
}

gboolean
jx_document_move_project (JxDocument *self,
                          guint       from,
                          guint       to)
{
  gboolean moved;

  g_return_val_if_fail (JX_IS_DOCUMENT (self), FALSE);

  jx_document_begin_action (self, _("Move Project"));
  moved = jx_list_store_move (projects_of (self), from, to);
  jx_document_end_action (self);
  return moved;
}
