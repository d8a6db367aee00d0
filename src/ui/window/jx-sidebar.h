/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-document.h"
#include "jx-review.h"

G_BEGIN_DECLS

/* The pages of the document, Part 1's in print order; one for every
 * project. */
typedef enum
{
  JX_SIDEBAR_PAGE_DEPARTMENT,
  JX_SIDEBAR_PAGE_OVERALL,
  JX_SIDEBAR_PAGE_OVERVIEWS,
  JX_SIDEBAR_PAGE_MEASURES,
  JX_SIDEBAR_PAGE_PROJECT,
} JxSidebarPage;

#define JX_SIDEBAR_N_FIXED 4
#define JX_SIDEBAR_N_PAGES (JX_SIDEBAR_PAGE_PROJECT + 1)

typedef enum
{
  JX_SIDEBAR_SORT_DOCUMENT,
  JX_SIDEBAR_SORT_CODE,
  JX_SIDEBAR_SORT_NAME,
  JX_SIDEBAR_SORT_TOTAL,
} JxSidebarSort;

/* The list of the document's parts and projects, with search, sorting and
 * the department total. Emits "selection-changed" when another page is
 * chosen, and "move-project" (project, new document position) when a project
 * is dragged onto another. */
#define JX_TYPE_SIDEBAR (jx_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (JxSidebar, jx_sidebar, JX, SIDEBAR, GtkWidget)

GtkWidget     *jx_sidebar_new                  (void);
void           jx_sidebar_set_document         (JxSidebar     *self,
                                                JxDocument    *document);
JxSidebarPage  jx_sidebar_get_page             (JxSidebar     *self);
/* The project shown, or NULL when a fixed page is selected. */
JxProject     *jx_sidebar_get_project          (JxSidebar     *self);
void           jx_sidebar_select_page          (JxSidebar     *self,
                                                JxSidebarPage  page);
/* Selects the project, clearing the search if it hides it. */
void           jx_sidebar_select_project       (JxSidebar     *self,
                                                JxProject     *project);
void           jx_sidebar_set_search           (JxSidebar     *self,
                                                const char    *text);
void           jx_sidebar_set_sort             (JxSidebar     *self,
                                                JxSidebarSort  sort);
/* Number of projects that pass the search. */
guint          jx_sidebar_get_n_shown_projects (JxSidebar     *self);
/* Whether the list shows projects in document order (so that moving them
 * means something). */
gboolean       jx_sidebar_in_document_order    (JxSidebar     *self);
/* Selects the entry delta rows away in the list as it shows (a part or
 * a project); FALSE when there is none. */
gboolean       jx_sidebar_select_relative      (JxSidebar     *self,
                                                int            delta);
void           jx_sidebar_focus_list           (JxSidebar     *self);
/* Puts the focus in the search entry (Ctrl+F). */
void           jx_sidebar_focus_search         (JxSidebar     *self);
/* Marks each project with the worst severity of its findings in review. */
void           jx_sidebar_set_review           (JxSidebar     *self,
                                                JxReview      *review);

G_END_DECLS
