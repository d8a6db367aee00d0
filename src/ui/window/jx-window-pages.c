/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's pages: the form shown for each part of the document, and
 * going to a place in it. */
#include "config.h"

#include "jx-department-form.h"
#include "jx-form.h"
#include "jx-measures-form.h"
#include "jx-overall-form.h"
#include "jx-overviews-form.h"
#include "jx-project-form.h"
#include "jx-window-private.h"

void
jx_window_update_project_actions (JxWindow *self)
{
  JxProject *project = jx_sidebar_get_project (self->sidebar);
  GListModel *projects = jx_document_get_projects (self->document);
  guint position = 0;
  gboolean found = project != NULL && g_list_store_find (G_LIST_STORE (projects), project, &position);
  guint n = g_list_model_get_n_items (projects);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "project-duplicate")), found);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "project-delete")), found);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "project-move-up")),
                               found && position > 0);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "project-move-down")),
                               found && position + 1 < n);
}

/* ---- Pages ---- */

static const char *page_names[JX_SIDEBAR_N_PAGES] = {
  "department", "overall", "overviews", "measures", "project",
};

/* Only the page shown at start-up comes with the window (the template); the
 * others are built the first time they are shown, which keeps their widgets,
 * styles and rows out of the start-up. */
GtkWidget *
jx_window_get_form (JxWindow      *self,
                    JxSidebarPage  page)
{
  GtkWidget **form = &self->forms[page];

  if (*form == NULL)
    {
      *form = page == JX_SIDEBAR_PAGE_OVERALL ? jx_overall_form_new ()
            : page == JX_SIDEBAR_PAGE_OVERVIEWS ? jx_overviews_form_new ()
            : page == JX_SIDEBAR_PAGE_MEASURES ? jx_measures_form_new ()
            : page == JX_SIDEBAR_PAGE_PROJECT ? jx_project_form_new ()
            : jx_department_form_new ();
      jx_form_set_document (JX_FORM (*form), self->document);
      gtk_stack_add_named (self->stack, *form, page_names[page]);
    }
  return *form;
}

void
jx_window_selection_changed_cb (JxWindow *self)
{
  JxSidebarPage page = jx_sidebar_get_page (self->sidebar);
  JxProject *project = jx_sidebar_get_project (self->sidebar);
  GtkWidget *form = jx_window_get_form (self, page);

  if (page == JX_SIDEBAR_PAGE_PROJECT && project != NULL &&
      jx_project_form_get_project (JX_PROJECT_FORM (form)) != project)
    {
      jx_project_form_set_project (JX_PROJECT_FORM (form), project);
      jx_project_form_scroll_to_top (JX_PROJECT_FORM (form));
    }
  gtk_stack_set_visible_child_name (self->stack, page_names[page]);
  jx_window_update_project_actions (self);
}

/* The page a place is on: a project's, Part 1's, the measures' or the
 * cover's. A project's entry in Part 1 is written on Part 1's page. */
static JxSidebarPage
page_of (const JxMemberPath *place)
{
  const char *first = jx_member_path_get_length (place) > 0 ? jx_member_path_get_member (place, 0) : "";

  if (g_str_equal (first, "projects") && jx_member_path_get_length (place) > 1 &&
      g_str_equal (jx_member_path_get_member (place, 1), "overview"))
    return JX_SIDEBAR_PAGE_OVERVIEWS;
  if (g_str_equal (first, "projects"))
    return JX_SIDEBAR_PAGE_PROJECT;
  if (g_str_equal (first, "overall"))
    return JX_SIDEBAR_PAGE_OVERALL;
  if (g_str_equal (first, "measures"))
    return JX_SIDEBAR_PAGE_MEASURES;
  return JX_SIDEBAR_PAGE_DEPARTMENT;
}

void
jx_window_show_place (JxWindow           *self,
                      const JxMemberPath *place,
                      gboolean            focus)
{
  JxSidebarPage page;

  g_return_if_fail (JX_IS_WINDOW (self));
  g_return_if_fail (place != NULL);

  page = page_of (place);
  if (page == JX_SIDEBAR_PAGE_PROJECT)
    {
      int index = jx_member_path_get_project (place);
      g_autoptr(JxProject) project = index >= 0
        ? g_list_model_get_item (jx_document_get_projects (self->document), (guint) index) : NULL;

      if (project == NULL)
        return;
      if (jx_sidebar_get_project (self->sidebar) != project)
        jx_sidebar_select_project (self->sidebar, project);
    }
  else if (jx_sidebar_get_page (self->sidebar) != page)
    jx_sidebar_select_page (self->sidebar, page);
  if (focus)
    jx_form_focus_place (JX_FORM (jx_window_get_form (self, page)), place);
}

void
jx_window_show_project (JxWindow  *self,
                        JxProject *project)
{
  g_return_if_fail (JX_IS_WINDOW (self));
  g_return_if_fail (JX_IS_PROJECT (project));
  jx_sidebar_select_project (self->sidebar, project);
}
