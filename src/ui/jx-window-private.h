/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-drafts.h"
#include "jx-sidebar.h"
#include "jx-undo.h"
#include "jx-window.h"

G_BEGIN_DECLS

struct _JxWindow
{
  GtkApplicationWindow parent_instance;

  JxDocument *document;
  GFile *file;
  JxUndoStack *undo;
  /* The file on disk holds none of the document's states the undo stack
   * knows (a failed save, a restored draft): modified whatever undo says. */
  gboolean unsaved;
  gboolean saving;
  /* Close the window when the save under way succeeds. */
  gboolean close_after_save;
  gboolean closing_confirmed;

  /* What the file on disk looked like when we last read or wrote it. */
  char *disk_stamp;
  GFileMonitor *monitor;

  /* Work waiting for the first frame (JxWindowFunc and data, in pairs). */
  GArray *when_shown;
  gboolean shown;
  guint when_shown_id;

  char *draft_id;
  GPtrArray *leftover_drafts;

  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkLabel *department_label;
  GtkLabel *document_label;
  JxSidebar *sidebar;
  GtkStack *stack;
  GtkWidget *undo_button;
  GtkWidget *redo_button;
  /* Only the department form comes with the template; the others are
   * NULL until their page is first shown (jx-window.c, get_form). */
  GtkWidget *department_form;
  GtkWidget *overall_form;
  GtkWidget *measures_form;
  GtkWidget *project_form;
  GtkWidget *bottom_box;
  GtkInfoBar *disk_bar;
  GtkWidget *reload_button;
  GtkWidget *dismiss_button;
  GtkLabel *disk_label;
  GtkInfoBar *recovery_bar;
  GtkLabel *recovery_label;
  GMenu *recent_menu;
  GtkMenuButton *primary_menu_button;
  GtkMenuButton *project_menu_button;
  GMenuModel *primary_menu;
  GMenuModel *project_menu;
};

/* jx-window.c */
gboolean  jx_window_is_modified          (JxWindow     *self);
void      jx_window_update_title         (JxWindow     *self);
void      jx_window_replace_document     (JxWindow     *self,
                                          JxDocument   *document,
                                          GFile        *file,
                                          gboolean      unsaved);
void      jx_window_show_error           (JxWindow     *self,
                                          const char   *name,
                                          const char   *primary,
                                          const char   *secondary);

/* jx-window-files.c */
JxDocument *jx_window_new_document       (void);
void      jx_window_files_init           (JxWindow     *self);
void      jx_window_files_dispose        (JxWindow     *self);
void      jx_window_watch_file           (JxWindow     *self);
void      jx_window_update_recent_menu   (JxWindow     *self);
gboolean  jx_window_close_request_cb     (GtkWindow    *window);
void      jx_window_add_file_actions     (JxWindow     *self);

/* jx-window-drafts.c */
void      jx_window_drafts_init          (JxWindow     *self);
void      jx_window_drafts_dispose       (JxWindow     *self);
void      jx_window_schedule_draft       (JxWindow     *self);
void      jx_window_drop_draft           (JxWindow     *self);
void      jx_window_add_draft_actions    (JxWindow     *self);

G_END_DECLS
