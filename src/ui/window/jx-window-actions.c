/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every action of a document window (win.*), in one table, and the keys
 * that only the window has. A handler here is thin: it calls the model
 * (jx-document-edit.h), the session, a dialog or a flow of jx-window-files.c.
 * A new window action is one line in add_actions and one handler; its
 * accelerator goes in jx-application.c's table, its menu item in
 * ui/jx-window.ui. */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-chart-window.h"
#include "jx-document-edit.h"
#include "jx-export-notice.h"
#include "jx-print.h"
#include "jx-preview.h"
#include "jx-project-form.h"
#include "jx-settings.h"
#include "jx-widget-util.h"
#include "jx-window-private.h"

/* ---- Undo ---- */

void
jx_window_update_undo_actions (JxWindow *self)
{
  GActionMap *map = G_ACTION_MAP (self);
  const char *undo_label = jx_undo_stack_get_undo_label (self->undo);
  const char *redo_label = jx_undo_stack_get_redo_label (self->undo);
  g_autofree char *undo_tip = undo_label != NULL ? g_strdup_printf (_("Undo “%s” (Ctrl+Z)"), undo_label)
                                                 : g_strdup (_("Undo (Ctrl+Z)"));
  g_autofree char *redo_tip = redo_label != NULL ? g_strdup_printf (_("Redo “%s” (Ctrl+Shift+Z)"), redo_label)
                                                 : g_strdup (_("Redo (Ctrl+Shift+Z)"));

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "undo")),
                               jx_undo_stack_get_can_undo (self->undo));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "redo")),
                               jx_undo_stack_get_can_redo (self->undo));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), undo_tip);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), redo_tip);
}

static void
undo_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;

  jx_undo_stack_undo (self->undo);
}

static void
redo_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;

  jx_undo_stack_redo (self->undo);
}

/* ---- Projects ---- */

static gboolean
current_position (JxWindow *self,
                  guint    *position)
{
  JxProject *current = jx_sidebar_get_project (self->sidebar);

  return current != NULL &&
         g_list_store_find (G_LIST_STORE (jx_document_get_projects (self->document)), current, position);
}

static void
show_new_project (JxWindow  *self,
                  JxProject *project)
{
  jx_sidebar_select_project (self->sidebar, project);
  jx_project_form_focus_name (JX_PROJECT_FORM (jx_window_get_form (self, JX_SIDEBAR_PAGE_PROJECT)));
}

/* After the project shown, or at the end. */
static void
project_add_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;
  guint position;

  if (!current_position (self, &position))
    position = G_MAXUINT - 1;
  show_new_project (self, jx_document_add_project (self->document, position + 1));
}

static void
project_duplicate_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;
  JxProject *copy;
  guint position;

  if (current_position (self, &position) &&
      (copy = jx_document_duplicate_project (self->document, position)) != NULL)
    show_new_project (self, copy);
}

/* No question asked: undo brings it back. */
static void
project_delete_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;
  GListModel *projects = jx_document_get_projects (self->document);
  guint position;
  guint n;

  if (!current_position (self, &position) || !jx_document_delete_project (self->document, position))
    return;
  n = g_list_model_get_n_items (projects);
  if (n > 0)
    {
      g_autoptr(JxProject) next = g_list_model_get_item (projects, MIN (position, n - 1));
      jx_sidebar_select_project (self->sidebar, next);
    }
  else
    jx_sidebar_select_page (self->sidebar, JX_SIDEBAR_PAGE_MEASURES);
}

static void
move_project (JxWindow *self,
              guint     from,
              guint     to)
{
  g_autoptr(JxProject) moved = g_list_model_get_item (jx_document_get_projects (self->document), from);

  if (moved != NULL && jx_document_move_project (self->document, from, to))
    jx_sidebar_select_project (self->sidebar, moved);
}

static void
project_move_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;
  gboolean up = g_str_equal (g_action_get_name (G_ACTION (action)), "project-move-up");
  guint position;

  if (!current_position (self, &position) || (up && position == 0))
    return;
  move_project (self, position, up ? position - 1 : position + 1);
}

/* A project dragged onto another in the sidebar. */
static void
sidebar_move_cb (JxWindow  *self,
                 JxProject *project,
                 guint      to)
{
  guint from;

  if (g_list_store_find (G_LIST_STORE (jx_document_get_projects (self->document)), project, &from))
    move_project (self, from, to);
}

/* ---- Places ---- */

static void
find_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;

  jx_sidebar_focus_search (self->sidebar);
}

/* Going to the place a member path names (a finding, a chart's project). */
static void
focus_path_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;
  g_autoptr(JxMemberPath) place = jx_member_path_parse (g_variant_get_string (parameter, NULL));

  if (place != NULL)
    jx_window_show_place (self, place, TRUE);
}

static void
show_problems_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;

  jx_problems_button_popup (self->problems_button);
}

/* The keyboard shortcuts window, built the first time it is asked for
 * (GTK's own help-overlay mechanism builds it with every window, which
 * costs a noticeable part of the start-up). */
static void
show_shortcuts_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplicationWindow *window = user_data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/jixiao/Jixiao/jx-shortcuts.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

/* ---- Moving around ---- */

/* The panes F6 goes through, as in GNOME's applications: the project
 * list, the form, the review's list. */
typedef enum { PANE_NONE = -1, PANE_LIST, PANE_FORM, PANE_REVIEW, N_PANES } Pane;

static GtkWidget *
shown_form (JxWindow *self)
{
  return gtk_stack_get_visible_child (self->stack);
}

static Pane
focused_pane (JxWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (jx_problems_button_is_open (self->problems_button))
    return PANE_REVIEW;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar)))
    return PANE_LIST;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->stack)))
    return PANE_FORM;
  return PANE_NONE;
}

/* The form gets the focus back where it was, or on its first field. */
static void
focus_form (JxWindow *self)
{
  GtkWidget *form = shown_form (self);

  if (self->form_focus != NULL && gtk_widget_is_ancestor (self->form_focus, form) &&
      gtk_widget_get_mapped (self->form_focus) && gtk_widget_grab_focus (self->form_focus))
    return;
  gtk_widget_child_focus (form, GTK_DIR_TAB_FORWARD);
}

static void
focus_pane (JxWindow *self,
            Pane      pane)
{
  if (pane != PANE_REVIEW)
    jx_problems_button_popdown (self->problems_button);
  if (pane == PANE_LIST)
    jx_sidebar_focus_list (self->sidebar);
  else if (pane == PANE_FORM)
    focus_form (self);
  else
    jx_problems_button_popup (self->problems_button);
}

static void
cycle_panes_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;
  gboolean back = g_str_equal (g_action_get_name (G_ACTION (action)), "focus-previous-pane");
  Pane pane = focused_pane (self);

  if (pane == PANE_NONE)
    pane = back ? PANE_FORM : PANE_LIST;
  else
    pane = (pane + (back ? N_PANES - 1 : 1)) % N_PANES;
  focus_pane (self, pane);
}

/* The field's own name ("project-usage"), not its type's. */
static const char *
field_name (GtkWidget *focus,
            GtkWidget *form)
{
  for (GtkWidget *w = focus; w != NULL && w != form; w = gtk_widget_get_parent (w))
    if (!g_str_equal (gtk_widget_get_name (w), G_OBJECT_TYPE_NAME (w)))
      return gtk_widget_get_name (w);
  return NULL;
}

/* Ctrl+Page Up/Down: the previous or next entry of the list, as a tab of
 * a notebook. Typing in a field, the focus goes to the same field of the
 * next project. */
static void
go_relative_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;
  int delta = g_str_equal (g_action_get_name (G_ACTION (action)), "go-previous") ? -1 : 1;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean in_form = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->stack));
  g_autofree char *field = in_form ? g_strdup (field_name (focus, shown_form (self))) : NULL;

  if (!jx_sidebar_select_relative (self->sidebar, delta) || !in_form)
    return;
  if (field == NULL || !jx_widget_focus_named (shown_form (self), field))
    gtk_widget_child_focus (shown_form (self), GTK_DIR_TAB_FORWARD);
}

/* ---- Files and drafts ---- */

static void
new_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  jx_window_new_document (user_data);
}

static void
open_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  jx_window_choose_open (user_data);
}

static void
open_recent_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  jx_window_open_recent (user_data, file);
}

static void
save_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  jx_window_save (user_data);
}

static void
save_as_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  jx_window_choose_save_as (user_data);
}

static void
reload_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  jx_window_reload (user_data);
}

static void
restore_drafts_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  jx_window_restore_drafts (user_data);
}

static void
discard_drafts_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  jx_window_discard_drafts (user_data);
}

/* ---- The year: next year's document, comparing versions ---- */

static void
start_next_year_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  jx_window_start_next_year (user_data);
}

static void
compare_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  jx_window_choose_compare (user_data);
}

static void
compare_saved_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  jx_window_compare_saved (user_data);
}

static void
step_change_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gboolean next = g_str_equal (g_action_get_name (G_ACTION (action)), "next-change");

  jx_window_step_change (user_data, next ? 1 : -1);
}

/* ---- Print, PDF, charts ---- */

static void
print_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;

  jx_print_run (GTK_WINDOW (self), self->session);
}

static void
export_pdf_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;

  /* Open errors and missing office fonts are said first; the PDF is made anyway. */
  jx_export_notice_run (GTK_WINDOW (self), self->session, jx_settings_get (), TRUE, _("_Export…"),
                        jx_print_choose_pdf);
}

static void
choose_docx (GtkWindow *parent, JxDocumentSession *session)
{
  jx_window_choose_export (JX_WINDOW (parent), JX_EXPORT_WORD);
}

static void
choose_xlsx (GtkWindow *parent, JxDocumentSession *session)
{
  jx_window_choose_export (JX_WINDOW (parent), JX_EXPORT_EXCEL);
}

/* Open errors are said first, as before a PDF; the fonts are not: a Word
 * or Excel file names them and the program that opens it chooses. */
static void
export_docx_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;

  jx_export_notice_run (GTK_WINDOW (self), self->session, jx_settings_get (), FALSE, _("_Export…"),
                        choose_docx);
}

static void
export_xlsx_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;

  jx_export_notice_run (GTK_WINDOW (self), self->session, jx_settings_get (), FALSE, _("_Export…"),
                        choose_xlsx);
}

static void
show_folder_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;

  jx_window_show_folder (self, g_variant_get_string (parameter, NULL));
}

static void
import_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;

  jx_window_choose_import (self);
}

static void
import_cancel_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;

  jx_window_cancel_import (self);
}

static void
hide_notice_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;

  jx_window_hide_notice (self);
}

static void
show_import_report_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;

  jx_window_show_import_report (self);
}

static void
print_preview_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;

  jx_preview_present (GTK_WINDOW (self), self->session);
}

static void
show_chart_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;

  jx_chart_window_present (GTK_WINDOW (self), self->session);
}

static void
export_chart_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;

  jx_chart_window_export (GTK_WINDOW (self), self->session);
}

/* ---- Keys ---- */

/* Keys that act on the project list only while it has the focus (elsewhere
 * Delete and Alt+arrows belong to the text fields and the indicator table). */
static void
add_sidebar_keys (JxWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  struct { guint key; GdkModifierType mods; const char *action; } keys[] = {
    { GDK_KEY_Delete, 0, "win.project-delete" },
    { GDK_KEY_Up, GDK_ALT_MASK, "win.project-move-up" },
    { GDK_KEY_Down, GDK_ALT_MASK, "win.project-move-down" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar), controller);
}

/* Ctrl+Shift+M opens the review's list, from anywhere in the window (also
 * in a window without an application, as the tests make them). */
static void
add_window_keys (JxWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control><Shift>m"),
                      gtk_named_action_new ("win.show-problems")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* F6 and Ctrl+Page Up/Down before the widget with the focus: a split
 * pane takes F6 and a text field Ctrl+Page Up/Down for themselves. In a
 * window without an application too (the tests make them), and in the
 * review's popover, whose keys stop at it. */
static GtkEventController *
moving_keys (void)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  struct { const char *trigger; const char *action; } keys[] = {
    { "F6", "win.focus-next-pane" },
    { "<Shift>F6", "win.focus-previous-pane" },
    { "<Control>Page_Up", "win.go-previous" },
    { "<Control>Page_Down", "win.go-next" },
  };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
      gtk_shortcut_new (gtk_shortcut_trigger_parse_string (keys[i].trigger),
                        gtk_named_action_new (keys[i].action)));
  return controller;
}

void
jx_window_add_actions (JxWindow *self)
{
  static const GActionEntry entries[] = {
    /* Editing */
    { "undo", undo_activated },
    { "redo", redo_activated },
    { "project-add", project_add_activated },
    { "project-duplicate", project_duplicate_activated },
    { "project-delete", project_delete_activated },
    { "project-move-up", project_move_activated },
    { "project-move-down", project_move_activated },
    /* Places */
    { "find", find_activated },
    { "focus-path", focus_path_activated, "s" },
    { "show-problems", show_problems_activated },
    { "show-help-overlay", show_shortcuts_activated },
    { "focus-next-pane", cycle_panes_activated },
    { "focus-previous-pane", cycle_panes_activated },
    { "go-previous", go_relative_activated },
    { "go-next", go_relative_activated },
    /* Files and drafts */
    { "new", new_activated },
    { "open", open_activated },
    { "open-recent", open_recent_activated, "s" },
    { "save", save_activated },
    { "save-as", save_as_activated },
    { "reload", reload_activated },
    { "restore-drafts", restore_drafts_activated },
    { "discard-drafts", discard_drafts_activated },
    /* The year */
    { "start-next-year", start_next_year_activated },
    { "compare", compare_activated },
    { "compare-saved", compare_saved_activated },
    { "next-change", step_change_activated },
    { "previous-change", step_change_activated },
    /* Print, PDF, charts */
    { "print", print_activated },
    { "export-pdf", export_pdf_activated },
    { "export-docx", export_docx_activated },
    { "export-xlsx", export_xlsx_activated },
    { "show-folder", show_folder_activated, "s" },
    { "import", import_activated },
    { "import-cancel", import_cancel_activated },
    { "show-import-report", show_import_report_activated },
    { "hide-notice", hide_notice_activated },
    { "print-preview", print_preview_activated },
    { "show-chart", show_chart_activated },
    { "export-chart", export_chart_activated },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  g_signal_connect_object (self->sidebar, "move-project", G_CALLBACK (sidebar_move_cb), self,
                           G_CONNECT_SWAPPED);
  add_sidebar_keys (self);
  add_window_keys (self);
  gtk_widget_add_controller (GTK_WIDGET (self), moving_keys ());
}

/* The problems button comes after the actions. */
void
jx_window_add_review_keys (JxWindow *self)
{
  gtk_widget_add_controller (jx_problems_button_get_popover (self->problems_button), moving_keys ());
}
