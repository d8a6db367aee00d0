/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jx-chart-actions.h"
#include "jx-department-form.h"
#include "jx-document-io.h"
#include "jx-edit.h"
#include "jx-indicator-table.h"
#include "jx-measure.h"
#include "jx-measures-form.h"
#include "jx-overall-form.h"
#include "jx-print.h"
#include "jx-problems-actions.h"
#include "jx-project-form.h"
#include "jx-text-item.h"
#include "jx-settings.h"
#include "jx-window-private.h"

G_DEFINE_FINAL_TYPE (JxWindow, jx_window, GTK_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_DOCUMENT, PROP_FILE, PROP_MODIFIED, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* Titles and labels. */

gboolean
jx_window_is_modified (JxWindow *self)
{
  return self->unsaved || (self->undo != NULL && jx_undo_stack_get_modified (self->undo));
}

void
jx_window_update_title (JxWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);
      g_autofree char *base = g_file_get_basename (self->file);

      name = g_filename_display_name (base);
      subtitle = parent != NULL ? g_file_get_parse_name (parent) : g_strdup ("");
    }
  else
    {
      name = g_strdup (_("New Document"));
      subtitle = g_strdup (_("Not saved yet"));
    }
  /* The mark clerks know from other editors: a star before the name. */
  title = jx_window_is_modified (self) ? g_strdup_printf ("*%s", name) : g_strdup (name);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* The cover line as it will be printed: the document's own words, which
 * stay Chinese whatever the interface language is. */
static void
update_document_labels (JxWindow *self)
{
  JxDepartment *department = jx_document_get_department (self->document);
  const char *name = jx_department_get_name (department);
  g_autofree char *line = NULL;

  gtk_label_set_text (self->department_label,
                      name[0] != '\0' ? name : _("(department name not set)"));
  line = g_strdup_printf ("%u年%s%s", jx_document_get_year (self->document),
                          jx_document_get_title (self->document),
                          jx_document_get_draft (self->document) ? "（草案）" : "");
  gtk_label_set_text (self->document_label, line);
}

static void
modified_changed_cb (JxWindow *self)
{
  jx_window_update_title (self);
  if (jx_window_is_modified (self))
    jx_window_schedule_draft (self);
  else
    jx_window_drop_draft (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Pages. */

static void
update_project_actions (JxWindow *self)
{
  JxProject *project = jx_sidebar_get_project (self->sidebar);
  GListModel *projects = jx_document_get_projects (self->document);
  guint position = 0;
  gboolean found = project != NULL && g_list_store_find (G_LIST_STORE (projects), project, &position);
  guint n = g_list_model_get_n_items (projects);
  GActionMap *map = G_ACTION_MAP (self);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "project-duplicate")), found);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "project-delete")), found);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "project-move-up")),
                               found && position > 0);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "project-move-down")),
                               found && position + 1 < n);
}

static const char *page_names[] = { "department", "overall", "measures", "project" };

static GtkWidget **
form_slot (JxWindow      *self,
           JxSidebarPage  page)
{
  switch (page)
    {
    case JX_SIDEBAR_PAGE_OVERALL: return &self->overall_form;
    case JX_SIDEBAR_PAGE_MEASURES: return &self->measures_form;
    case JX_SIDEBAR_PAGE_PROJECT: return &self->project_form;
    case JX_SIDEBAR_PAGE_DEPARTMENT:
    default: return &self->department_form;
    }
}

static void
set_form_document (GtkWidget  *form,
                   JxDocument *document)
{
  if (JX_IS_PROJECT_FORM (form))
    jx_project_form_set_document (JX_PROJECT_FORM (form), document);
  else if (JX_IS_OVERALL_FORM (form))
    jx_overall_form_set_document (JX_OVERALL_FORM (form), document);
  else if (JX_IS_MEASURES_FORM (form))
    jx_measures_form_set_document (JX_MEASURES_FORM (form), document);
  else
    jx_department_form_set_document (JX_DEPARTMENT_FORM (form), document);
}

/* Only the page shown at start-up comes with the window (the template); the
 * others are built the first time they are shown, which keeps their widgets,
 * styles and rows out of the start-up. */
static GtkWidget *
get_form (JxWindow      *self,
          JxSidebarPage  page)
{
  GtkWidget **slot = form_slot (self, page);

  if (*slot == NULL)
    {
      *slot = page == JX_SIDEBAR_PAGE_OVERALL ? jx_overall_form_new ()
            : page == JX_SIDEBAR_PAGE_MEASURES ? jx_measures_form_new ()
            : jx_project_form_new ();
      set_form_document (*slot, self->document);
      gtk_stack_add_named (self->stack, *slot, page_names[page]);
    }
  return *slot;
}

static void
selection_changed_cb (JxWindow *self)
{
  JxSidebarPage page = jx_sidebar_get_page (self->sidebar);
  JxProject *project = jx_sidebar_get_project (self->sidebar);

  get_form (self, page);
  if (page == JX_SIDEBAR_PAGE_PROJECT && project != NULL)
    {
      JxProjectForm *form = JX_PROJECT_FORM (self->project_form);

      if (jx_project_form_get_project (form) != project)
        {
          jx_project_form_set_project (form, project);
          jx_project_form_scroll_to_top (form);
        }
    }
  gtk_stack_set_visible_child_name (self->stack, page_names[page]);
  update_project_actions (self);
}

void
jx_window_show_project (JxWindow  *self,
                        JxProject *project)
{
  g_return_if_fail (JX_IS_WINDOW (self));
  g_return_if_fail (JX_IS_PROJECT (project));
  jx_sidebar_select_project (self->sidebar, project);
}

/* Undo. */

static void
update_undo_actions (JxWindow *self)
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

/* Show where an undone change happened, so that it does not go unseen. */
static void
step_applied_cb (JxWindow    *self,
                 GObject     *object,
                 gboolean     undo,
                 JxUndoStack *stack)
{
  JxProject *project = object != NULL ? jx_undo_stack_find_project (stack, object) : NULL;

  if (project != NULL)
    {
      if (jx_sidebar_get_project (self->sidebar) != project)
        jx_sidebar_select_project (self->sidebar, project);
    }
  else if (JX_IS_DEPARTMENT (object))
    jx_sidebar_select_page (self->sidebar, JX_SIDEBAR_PAGE_DEPARTMENT);
  else if (JX_IS_MEASURE (object))
    jx_sidebar_select_page (self->sidebar, JX_SIDEBAR_PAGE_MEASURES);
  else if (JX_IS_TEXT_ITEM (object))
    jx_sidebar_select_page (self->sidebar, JX_SIDEBAR_PAGE_OVERALL);
  update_project_actions (self);
}

void
jx_window_begin_action (JxWindow   *self,
                        const char *label)
{
  g_return_if_fail (JX_IS_WINDOW (self));
  jx_undo_stack_begin_group (self->undo, label);
}

void
jx_window_end_action (JxWindow *self)
{
  g_return_if_fail (JX_IS_WINDOW (self));
  jx_undo_stack_end_group (self->undo);
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

/* Moving from one field to another ends the typing step. */
static void
focus_changed_cb (JxWindow *self)
{
  if (self->undo != NULL)
    jx_undo_stack_seal (self->undo);
}

/* Projects. */

static char *
unique_code (JxDocument *document,
             const char *base)
{
  if (jx_document_find_project (document, base, NULL) == NULL)
    return g_strdup (base);
  for (guint i = 2;; i++)
    {
      g_autofree char *code = g_strdup_printf ("%s-%u", base, i);
      if (jx_document_find_project (document, code, NULL) == NULL)
        return g_steal_pointer (&code);
    }
}

static guint
insert_position (JxWindow *self)
{
  JxProject *current = jx_sidebar_get_project (self->sidebar);
  GListModel *projects = jx_document_get_projects (self->document);
  guint position;

  if (current != NULL && g_list_store_find (G_LIST_STORE (projects), current, &position))
    return position + 1;
  return g_list_model_get_n_items (projects);
}

static void
insert_project (JxWindow   *self,
                JxProject  *project,
                const char *label)
{
  GListStore *projects = G_LIST_STORE (jx_document_get_projects (self->document));

  jx_undo_stack_begin_group (self->undo, label);
  g_list_store_insert (projects, insert_position (self), project);
  jx_undo_stack_end_group (self->undo);
  jx_sidebar_select_project (self->sidebar, project);
  jx_project_form_focus_name (JX_PROJECT_FORM (get_form (self, JX_SIDEBAR_PAGE_PROJECT)));
}

static void
project_add_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;
  guint n = g_list_model_get_n_items (jx_document_get_projects (self->document));
  g_autofree char *base = g_strdup_printf ("P%03u", n + 1);
  g_autofree char *code = unique_code (self->document, base);
  /* Document content, not interface text: the name a clerk replaces. */
  g_autoptr(JxProject) project = jx_project_new (code, "新项目");

  jx_indicator_add_standard_rows (G_LIST_STORE (jx_project_get_indicators (project)));
  insert_project (self, project, _("Add Project"));
}

static void
project_duplicate_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;
  JxProject *current = jx_sidebar_get_project (self->sidebar);
  g_autoptr(JxProject) copy = NULL;
  g_autofree char *base = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;

  if (current == NULL)
    return;
  copy = jx_project_copy (current);
  base = g_strdup_printf ("%s-副本", jx_project_get_code (current));
  code = unique_code (self->document, base);
  name = g_strdup_printf ("%s（副本）", jx_project_get_name (current));
  jx_project_set_code (copy, code);
  jx_project_set_name (copy, name);
  insert_project (self, copy, _("Duplicate Project"));
}

static void
project_delete_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;
  JxProject *current = jx_sidebar_get_project (self->sidebar);
  GListStore *projects = G_LIST_STORE (jx_document_get_projects (self->document));
  guint position;
  guint n;

  /* No question asked: undo brings it back. */
  if (current == NULL || !g_list_store_find (projects, current, &position))
    return;
  jx_undo_stack_begin_group (self->undo, _("Delete Project"));
  g_list_store_remove (projects, position);
  jx_undo_stack_end_group (self->undo);
  n = g_list_model_get_n_items (G_LIST_MODEL (projects));
  if (n > 0)
    {
      g_autoptr(JxProject) next = g_list_model_get_item (G_LIST_MODEL (projects), MIN (position, n - 1));
      jx_sidebar_select_project (self->sidebar, next);
    }
  else
    jx_sidebar_select_page (self->sidebar, JX_SIDEBAR_PAGE_MEASURES);
}

static void
move_project (JxWindow  *self,
              JxProject *project,
              guint      to)
{
  GListStore *projects = G_LIST_STORE (jx_document_get_projects (self->document));
  g_autoptr(JxProject) keep = g_object_ref (project);
  guint from;

  if (!g_list_store_find (projects, project, &from) || from == to ||
      to >= g_list_model_get_n_items (G_LIST_MODEL (projects)))
    return;
  jx_undo_stack_begin_group (self->undo, _("Move Project"));
  g_list_store_remove (projects, from);
  g_list_store_insert (projects, to, keep);
  jx_undo_stack_end_group (self->undo);
  jx_sidebar_select_project (self->sidebar, keep);
}

static void
project_move_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;
  JxProject *current = jx_sidebar_get_project (self->sidebar);
  gboolean up = g_str_equal (g_action_get_name (G_ACTION (action)), "project-move-up");
  guint position;

  if (current == NULL ||
      !g_list_store_find (G_LIST_STORE (jx_document_get_projects (self->document)), current, &position))
    return;
  if (up && position == 0)
    return;
  move_project (self, current, up ? position - 1 : position + 1);
}

static void
sidebar_move_cb (JxWindow  *self,
                 JxProject *project,
                 guint      to)
{
  move_project (self, project, to);
}

static void
find_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;
  GtkWidget *entry = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)));

  gtk_widget_grab_focus (entry);
}

/* Going to the place a member path names (a finding of the checks). */
static void
focus_path_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;
  const char *path = g_variant_get_string (parameter, NULL);
  const char *rest = path;
  guint index;

  if (g_str_has_prefix (path, "projects"))
    {
      g_autoptr(JxProject) project = NULL;

      rest += strlen ("projects");
      if (!jx_edit_parse_index (&rest, &index) ||
          (project = g_list_model_get_item (jx_document_get_projects (self->document), index)) == NULL)
        return;
      jx_sidebar_select_project (self->sidebar, project);
      jx_project_form_focus_path (JX_PROJECT_FORM (get_form (self, JX_SIDEBAR_PAGE_PROJECT)),
                                  rest[0] == '.' ? rest + 1 : rest);
    }
  else if (g_str_has_prefix (path, "overall"))
    {
      jx_sidebar_select_page (self->sidebar, JX_SIDEBAR_PAGE_OVERALL);
      jx_overall_form_focus_path (JX_OVERALL_FORM (get_form (self, JX_SIDEBAR_PAGE_OVERALL)), path);
    }
  else if (g_str_has_prefix (path, "measures"))
    {
      jx_sidebar_select_page (self->sidebar, JX_SIDEBAR_PAGE_MEASURES);
      jx_measures_form_focus_path (JX_MEASURES_FORM (get_form (self, JX_SIDEBAR_PAGE_MEASURES)), path);
    }
  else
    {
      jx_sidebar_select_page (self->sidebar, JX_SIDEBAR_PAGE_DEPARTMENT);
      jx_department_form_focus_path (JX_DEPARTMENT_FORM (get_form (self, JX_SIDEBAR_PAGE_DEPARTMENT)), path);
    }
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

/* The document. */

static void
document_notify_cb (JxWindow *self)
{
  update_document_labels (self);
}

static void
disconnect_document (JxWindow *self)
{
  if (self->document == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->document, self);
  g_signal_handlers_disconnect_by_data (jx_document_get_department (self->document), self);
  g_signal_handlers_disconnect_by_data (jx_document_get_projects (self->document), self);
  g_signal_handlers_disconnect_by_data (self->undo, self);
}

void
jx_window_replace_document (JxWindow   *self,
                            JxDocument *document,
                            GFile      *file,
                            gboolean    unsaved)
{
  disconnect_document (self);
  g_set_object (&self->document, document);
  g_set_object (&self->file, file);
  g_clear_object (&self->undo);
  self->undo = jx_undo_stack_new (document);
  self->unsaved = unsaved;

  g_signal_connect_object (document, "notify", G_CALLBACK (document_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (jx_document_get_department (document), "notify::name",
                           G_CALLBACK (document_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (jx_document_get_projects (document), "items-changed",
                           G_CALLBACK (update_project_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "notify::modified", G_CALLBACK (modified_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "notify::can-undo", G_CALLBACK (update_undo_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "notify::can-redo", G_CALLBACK (update_undo_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "notify::undo-label", G_CALLBACK (update_undo_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "step-applied", G_CALLBACK (step_applied_cb), self,
                           G_CONNECT_SWAPPED);

  for (JxSidebarPage page = JX_SIDEBAR_PAGE_DEPARTMENT; page <= JX_SIDEBAR_PAGE_PROJECT; page++)
    if (*form_slot (self, page) != NULL)
      set_form_document (*form_slot (self, page), document);
  jx_sidebar_set_document (self->sidebar, document);

  update_document_labels (self);
  update_undo_actions (self);
  update_project_actions (self);
  jx_window_update_title (self);
  jx_window_watch_file (self);
  if (unsaved)
    jx_window_schedule_draft (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
jx_window_show_error (JxWindow   *self,
                      const char *name,
                      const char *primary,
                      const char *secondary)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  gtk_widget_set_name (dialog, name);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* After the first frame. */

typedef struct
{
  JxWindowFunc func;
  gpointer data;
  GDestroyNotify destroy;
} WhenShown;

static void
when_shown_clear (gpointer data)
{
  WhenShown *work = data;

  if (work->destroy != NULL)
    work->destroy (work->data);
}

static gboolean
run_when_shown (gpointer user_data)
{
  JxWindow *self = user_data;
  g_autoptr(GArray) pending = g_steal_pointer (&self->when_shown);

  self->when_shown_id = 0;
  for (guint i = 0; pending != NULL && i < pending->len; i++)
    {
      WhenShown *work = &g_array_index (pending, WhenShown, i);
      work->func (self, work->data);
    }
  return G_SOURCE_REMOVE;
}

static void
schedule_when_shown (JxWindow *self)
{
  /* From the main loop, below redrawing: the frame goes out first. */
  if (self->when_shown_id == 0)
    self->when_shown_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, run_when_shown, self, NULL);
}

static void
first_frame_cb (GdkFrameClock *clock,
                JxWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  self->shown = TRUE;
  if (self->when_shown != NULL)
    schedule_when_shown (self);
}

static void
map_cb (JxWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, map_cb, NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                    G_CALLBACK (first_frame_cb), self);
}

void
jx_window_when_shown (JxWindow       *self,
                      JxWindowFunc    func,
                      gpointer        data,
                      GDestroyNotify  destroy)
{
  WhenShown work = { func, data, destroy };

  g_return_if_fail (JX_IS_WINDOW (self));
  g_return_if_fail (func != NULL);
  if (self->when_shown == NULL)
    {
      self->when_shown = g_array_new (FALSE, FALSE, sizeof (WhenShown));
      g_array_set_clear_func (self->when_shown, when_shown_clear);
    }
  g_array_append_val (self->when_shown, work);
  if (self->shown)
    schedule_when_shown (self);
}

/* GObject. */

static void
jx_window_dispose (GObject *object)
{
  JxWindow *self = JX_WINDOW (object);

  g_clear_handle_id (&self->when_shown_id, g_source_remove);
  g_clear_pointer (&self->when_shown, g_array_unref);
  if (gtk_widget_get_realized (GTK_WIDGET (self)))
    g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (self)),
                                          first_frame_cb, self);
  jx_window_files_dispose (self);
  jx_window_drafts_dispose (self);
  disconnect_document (self);
  /* The forms built on first show belong to the stack, which goes with the template. */
  self->overall_form = self->measures_form = self->project_form = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), JX_TYPE_WINDOW);
  G_OBJECT_CLASS (jx_window_parent_class)->dispose (object);
}

static void
jx_window_finalize (GObject *object)
{
  JxWindow *self = JX_WINDOW (object);

  g_clear_object (&self->undo);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_free (self->disk_stamp);
  g_free (self->draft_id);
  G_OBJECT_CLASS (jx_window_parent_class)->finalize (object);
}

static void
jx_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JxWindow *self = JX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    case PROP_FILE: g_value_set_object (value, self->file); break;
    case PROP_MODIFIED: g_value_set_boolean (value, jx_window_is_modified (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_window_class_init (JxWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jx_window_dispose;
  object_class->finalize = jx_window_finalize;
  object_class->get_property = jx_window_get_property;
  window_class->close_request = jx_window_close_request_cb;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, JX_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (JX_TYPE_SIDEBAR);
  g_type_ensure (JX_TYPE_DEPARTMENT_FORM);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jixiao/Jixiao/jx-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JxWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, department_label);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, document_label);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, department_form);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, bottom_box);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, disk_bar);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, disk_label);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, reload_button);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, dismiss_button);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, project_menu_button);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, project_menu);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, recovery_bar);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, recovery_label);
}

static void
add_editing_actions (JxWindow *self)
{
  static const GActionEntry entries[] = {
    { "undo", undo_activated },
    { "redo", redo_activated },
    { "find", find_activated },
    { "focus-path", focus_path_activated, "s" },
    { "project-add", project_add_activated },
    { "project-duplicate", project_duplicate_activated },
    { "project-delete", project_delete_activated },
    { "project-move-up", project_move_activated },
    { "project-move-down", project_move_activated },
    { "show-help-overlay", show_shortcuts_activated },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
}

/* Keys that act on the project list only while it has the focus (elsewhere
 * Delete and Alt+arrows belong to the text fields and the indicator table). */
static void
add_sidebar_shortcuts (JxWindow *self)
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

/* GTK builds a menu's popover, item by item, as soon as a menu button is
 * given the model: it is given when the menu is first opened instead. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       menu)
{
  gtk_menu_button_set_create_popup_func (button, NULL, NULL, NULL);
  gtk_menu_button_set_menu_model (button, menu);
}

static void
add_menus (JxWindow *self)
{
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_menu_cb,
                                         self->primary_menu, NULL);
  gtk_menu_button_set_create_popup_func (self->project_menu_button, create_menu_cb,
                                         self->project_menu, NULL);
}

/* A new window opens at the size and state the last one had. */
static void
remember_size (JxWindow *self)
{
  GSettings *settings = jx_settings_get ();

  if (settings == NULL)
    return;
  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

static void
jx_window_init (JxWindow *self)
{
  g_autoptr(JxDocument) document = jx_window_new_document ();

  gtk_widget_init_template (GTK_WIDGET (self));
  jx_chart_install_actions (self);
  jx_problems_install_actions (self);

  add_editing_actions (self);
  jx_window_add_file_actions (self);
  jx_window_add_draft_actions (self);
  add_sidebar_shortcuts (self);
  add_menus (self);
  g_signal_connect_object (self->sidebar, "selection-changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "move-project", G_CALLBACK (sidebar_move_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_changed_cb), NULL);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  jx_window_files_init (self);
  jx_window_drafts_init (self);

  jx_window_replace_document (self, document, NULL, FALSE);
  jx_print_install_actions (self);
  jx_sidebar_set_problems (self->sidebar, jx_problems_get_panel (self));
  remember_size (self);
}

JxWindow *
jx_window_new (JxApplication *application)
{
  return g_object_new (JX_TYPE_WINDOW, "application", application, NULL);
}

JxDocument *
jx_window_get_document (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), NULL);
  return self->document;
}

GFile *
jx_window_get_file (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), NULL);
  return self->file;
}

JxUndoStack *
jx_window_get_undo_stack (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), NULL);
  return self->undo;
}

void
jx_window_set_document (JxWindow   *self,
                        JxDocument *document,
                        GFile      *file)
{
  g_return_if_fail (JX_IS_WINDOW (self));
  g_return_if_fail (JX_IS_DOCUMENT (document));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  jx_window_replace_document (self, document, file, FALSE);
}

gboolean
jx_window_get_modified (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), FALSE);
  return jx_window_is_modified (self);
}

gboolean
jx_window_is_blank (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), FALSE);
  return self->file == NULL && !jx_window_is_modified (self);
}

GtkWidget *
jx_window_get_sidebar (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->sidebar);
}

GtkWidget *
jx_window_get_project_form (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), NULL);
  return get_form (self, JX_SIDEBAR_PAGE_PROJECT);
}

GtkWidget *
jx_window_get_bottom_box (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), NULL);
  return self->bottom_box;
}
