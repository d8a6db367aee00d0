/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-export.h"
#include "jx-compare-panel.h"
#include "jx-problems-button.h"
#include "jx-sidebar.h"
#include "jx-stage-switch.h"
#include "jx-window.h"

G_BEGIN_DECLS

/* The window's parts, shared by the files that make it up:
 * each using only those below it:
 *   jx-window.c          the window itself: its parts and how they follow the session
 *   jx-window-actions.c  every win.* action and the keys of the window
 *   jx-window-import.c   importing Word, Excel and CSV files, and files dropped
 *   jx-window-export.c   exporting Word and Excel files in the background
 *   jx-window-files.c    new, open, save, recent files, changes on disk, closing
 *   jx-window-compare.c  next year's document, the compare view
 *   jx-window-drafts.c   offering back the drafts of a crash
 *   jx-window-pages.c    the form of each page, going to a place
 *   jx-window-base.c     work after the first frame, messages, the notice,
 *                        another window */
struct _JxWindow
{
  GtkApplicationWindow parent_instance;

  JxDocumentSession *session;
  /* The session's document and undo history the window follows now. */
  JxDocument *document;
  JxUndoStack *undo;

  /* Close the window when the save under way succeeds. */
  gboolean close_after_save;
  gboolean closing_confirmed;

  /* Work waiting for the first frame (WhenShown). */
  GArray *when_shown;
  gboolean shown;
  guint when_shown_id;

  /* The import being read (jx-window-import.c) and the exports being
   * written (jx-window-export.c). */
  GCancellable *import_cancellable;
  /* Imports whose reading has not ended yet, cancelled ones included. */
  guint n_import_reads;
  guint n_exports;
  /* The year of the document as its file holds it, as last read or
   * written (0 without a file), and of the one being written: saving a
   * document of another year over it asks first. */
  guint file_year;
  guint saving_year;
  /* The file a new document was made from (next year's from last year's)
   * and that document: saving it proposes a name beside that file. */
  GFile *origin;
  JxDocument *origin_document;

  /* The crash leftovers this instance claimed and offers in the recovery
   * bar (JxDraftInfo). */
  GPtrArray *leftover_drafts;

  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkLabel *department_label;
  GtkLabel *document_label;
  JxSidebar *sidebar;
  GtkStack *stack;
  GtkPaned *compare_paned;
  JxComparePanel *compare_panel;   /* NULL until first shown */
  GtkWidget *undo_button;
  GtkWidget *redo_button;
  /* The form of each page (JxForm). Only the department form comes with
   * the template; the others are NULL until their page is first shown. */
  GtkWidget *forms[JX_SIDEBAR_N_PAGES];
  /* Where the focus last was in a form (weak), for F6 to come back to. */
  GtkWidget *form_focus;
  JxProblemsButton *problems_button;
  JxStageSwitch *stage_switch;
  GtkInfoBar *disk_bar;
  GtkWidget *reload_button;
  GtkWidget *dismiss_button;
  GtkLabel *disk_label;
  GtkInfoBar *recovery_bar;
  GtkLabel *recovery_label;
  /* What an export or import just did, with one button (jx_window_show_notice). */
  GtkInfoBar *notice_bar;
  GtkLabel *notice_label;
  GtkWidget *notice_button;
  GMenu *recent_menu;
  GtkMenuButton *primary_menu_button;
  GtkMenuButton *project_menu_button;
  GMenuModel *primary_menu;
  GMenuModel *project_menu;
};

/* jx-window.c */
void       jx_window_update_title         (JxWindow      *self);

/* jx-window-pages.c */
void       jx_window_selection_changed_cb (JxWindow      *self);
void       jx_window_update_project_actions (JxWindow    *self);
/* The form of a page, built on first use. */
GtkWidget *jx_window_get_form             (JxWindow      *self,
                                           JxSidebarPage  page);

/* jx-window-base.c */
void       jx_window_map_cb               (JxWindow      *self);
void       jx_window_first_frame_cb       (GdkFrameClock *clock,
                                           JxWindow      *self);
void       jx_window_show_error           (JxWindow      *self,
                                           const char    *name,
                                           const char    *primary,
                                           const char    *secondary);
/* Says text in the notice bar above the forms until it is closed or another
 * notice takes its place; with button_label, its button activates action
 * (a detailed action name, "win.undo" or "win.show-folder::URI"). */
void       jx_window_show_notice          (JxWindow      *self,
                                           const char    *text,
                                           const char    *button_label,
                                           const char    *action);
void       jx_window_hide_notice          (JxWindow      *self);
/* A new window beside this one, with its application and drafts. */
JxWindow  *jx_window_new_like             (JxWindow      *self);
/* A window with unsaved work is never replaced: a document it cannot
 * take goes to a new window. */
JxWindow  *jx_window_target_for_new       (JxWindow      *self);

/* jx-window-actions.c */
void       jx_window_add_actions          (JxWindow      *self);
void       jx_window_update_undo_actions  (JxWindow      *self);
/* F6 and Ctrl+Page Up/Down in the review's popover too. */
void       jx_window_add_review_keys      (JxWindow      *self);

/* jx-window-import.c */
void       jx_window_choose_import        (JxWindow      *self);
void       jx_window_show_import_report   (JxWindow      *self);
void       jx_window_cancel_import        (JxWindow      *self);
void       jx_window_import_init          (JxWindow      *self);
void       jx_window_import_dispose       (JxWindow      *self);

/* jx-window-export.c */
void       jx_window_choose_export        (JxWindow      *self,
                                           JxExportFormat format);
/* Shows the folder of the file at uri, the file selected if the file
 * manager can. */
void       jx_window_show_folder          (JxWindow      *self,
                                           const char    *uri);

/* jx-window-files.c */
void       jx_window_files_init           (JxWindow      *self);
void       jx_window_choose_open          (JxWindow      *self);
void       jx_window_open_recent          (JxWindow      *self,
                                           GFile         *file);
void       jx_window_new_document         (JxWindow      *self);
void       jx_window_reload               (JxWindow      *self);
void       jx_window_save                 (JxWindow      *self);
void       jx_window_choose_save_as       (JxWindow      *self);
void       jx_window_show_disk_state      (JxWindow      *self);
gboolean   jx_window_close_request_cb     (GtkWindow     *window);
/* Opens file as Open does: its window if it is open already, here, or in
 * a new window when this one has unsaved work. */
void       jx_window_open_in_window       (JxWindow      *self,
                                           GFile         *file);
/* A chooser starts in the folder last used; the one chosen is remembered. */
void       jx_window_start_in_last_folder (GtkFileChooser *chooser);
void       jx_window_remember_folder      (GFile         *file);

/* jx-window-compare.c */
void       jx_window_compare_init         (JxWindow      *self);
void       jx_window_update_compare_actions (JxWindow    *self);
void       jx_window_choose_compare       (JxWindow      *self);
void       jx_window_compare_saved        (JxWindow      *self);
gboolean   jx_window_step_change          (JxWindow      *self,
                                           int            delta);
void       jx_window_start_next_year      (JxWindow      *self);

/* jx-window-drafts.c */
void       jx_window_restore_drafts       (JxWindow      *self);
void       jx_window_discard_drafts       (JxWindow      *self);
void       jx_window_drafts_dispose       (JxWindow      *self);

G_END_DECLS
