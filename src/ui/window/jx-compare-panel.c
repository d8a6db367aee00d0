/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jx-change-table.h"
#include "jx-change-watch.h"
#include "jx-compare-panel.h"
#include "jx-diff.h"
#include "jx-document-io.h"
#include "jx-error.h"
#include "jx-preview.h"
#include "jx-print.h"

/* Edits come in bursts while typing: compare again once they pause. */
#define COMPARE_DELAY_MS 400

typedef enum
{
  MODE_CLOSED,
  MODE_LOADING,     /* reading the other version */
  MODE_COMPARING,
  MODE_ROLL_FORWARD,
} Mode;

struct _JxComparePanel
{
  GtkWidget parent_instance;

  JxDocumentSession *session;
  JxDocument *document;          /* the session's, followed */
  JxChangeWatch *watch;
  guint compare_id;
  Mode mode;

  /* Comparing: the other version and where it came from. */
  JxDocument *other;
  GFile *other_file;
  gboolean saved;                /* other_file is the session's own, as saved */
  gboolean swapped;              /* the session's document is the old version */
  GCancellable *loading;
  JxDiff *diff;                  /* keeps the list's changes */

  /* Showing a roll-forward. */
  JxRollForward *roll;

  GtkWidget *box;
  GtkLabel *title_label;
  GtkLabel *summary_label;
  GtkLabel *notes_label;
  GtkStack *stack;
  GtkLabel *empty_label;
  GtkLabel *loading_label;
  JxChangeList *list;
  GtkWidget *swap_button;
  GtkWidget *table_button;
  GtkWidget *close_button;
  GtkWidget *confirm_button;
};

G_DEFINE_FINAL_TYPE (JxComparePanel, jx_compare_panel, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CHANGES, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { GO_TO, FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void follow_document (JxComparePanel *self);
static void load_other (JxComparePanel *self);

/* ---- Names ---- */

static char *
display_name (GFile *file)
{
  g_autofree char *base = file != NULL ? g_file_get_basename (file) : NULL;

  return base != NULL ? g_filename_display_name (base) : g_strdup (_("New Document"));
}

/* The versions as the 修改对照表 names them. The table is a Chinese
 * document like the one it compares, so its own words are Chinese
 * whatever the interface language is. */
static char *
table_label (JxComparePanel *self,
             gboolean        open_side)
{
  GFile *file = jx_document_session_get_file (self->session);
  g_autofree char *name = display_name (open_side ? file : self->other_file);

  if (open_side && file == NULL)
    return g_strdup ("未保存的文档");
  if (self->saved)
    return g_strconcat (name, open_side ? "（编辑中的版本）" : "（已保存的版本）", NULL);
  if (open_side && jx_document_session_get_modified (self->session))
    return g_strconcat (name, "（含未保存的修改）", NULL);
  return g_steal_pointer (&name);
}

static void
update_title (JxComparePanel *self)
{
  g_autofree char *other = display_name (self->other_file);
  g_autofree char *title = NULL;

  if (self->saved)
    title = g_strdup (_("Changes since the last save"));
  else if (self->swapped)
    title = g_strdup_printf (_("From this document to “%s”"), other);
  else
    title = g_strdup_printf (_("From “%s” to this document"), other);
  gtk_label_set_text (self->title_label, title);
}

/* ---- The list ---- */

static GListModel *
current_changes (JxComparePanel *self)
{
  if (self->mode == MODE_ROLL_FORWARD && self->roll != NULL)
    return jx_roll_forward_get_changes (self->roll);
  if (self->mode == MODE_COMPARING && self->diff != NULL)
    return jx_diff_get_changes (self->diff);
  return NULL;
}

static void
update_actions (JxComparePanel *self)
{
  GListModel *changes = current_changes (self);
  guint n = changes != NULL ? g_list_model_get_n_items (changes) : 0;
  gboolean comparing = self->mode == MODE_COMPARING;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.previous", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.next", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.copy", n > 0 || self->mode == MODE_ROLL_FORWARD);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.preview", comparing && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.print", comparing && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export-pdf", comparing && n > 0);
  gtk_widget_set_visible (self->swap_button, comparing && !self->saved);
  gtk_widget_set_visible (self->table_button, comparing);
  gtk_widget_set_visible (self->close_button, self->mode != MODE_ROLL_FORWARD);
  gtk_widget_set_visible (self->confirm_button, self->mode == MODE_ROLL_FORWARD);
}

static void
show_changes (JxComparePanel *self)
{
  GListModel *changes = current_changes (self);
  guint n = changes != NULL ? g_list_model_get_n_items (changes) : 0;
  g_autofree char *summary = NULL;

  jx_change_list_set_changes (self->list, changes);
  if (self->mode == MODE_LOADING)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else
    gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  if (self->mode == MODE_COMPARING)
    summary = n > 0 ? g_strdup_printf (ngettext ("%u change", "%u changes", n), n)
                    : g_strdup (_("No changes"));
  gtk_label_set_text (self->summary_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGES]);
}

/* The comparison of the versions as they are now. */
static JxDiff *
compare_now (JxComparePanel *self)
{
  if (self->other == NULL || self->document == NULL)
    return NULL;
  return self->swapped ? jx_diff_new (self->document, self->other)
                       : jx_diff_new (self->other, self->document);
}

static void
compare_again (JxComparePanel *self)
{
  g_clear_handle_id (&self->compare_id, g_source_remove);
  if (self->mode != MODE_COMPARING)
    return;
  g_clear_object (&self->diff);
  self->diff = compare_now (self);
  show_changes (self);
  /* An open preview of the table shows what the list does. */
  {
    GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
    JxPreview *preview = GTK_IS_WINDOW (window) ? jx_preview_find_layout (window) : NULL;

    if (preview != NULL)
      {
        g_autoptr(JxPageLayout) layout = jx_compare_panel_create_table (self);

        if (layout != NULL)
          jx_preview_set_layout (preview, layout);
      }
  }
}

static gboolean
compare_cb (gpointer data)
{
  JxComparePanel *self = data;

  self->compare_id = 0;
  compare_again (self);
  return G_SOURCE_REMOVE;
}

static void
document_changed_cb (JxComparePanel *self)
{
  if (self->mode == MODE_COMPARING && self->compare_id == 0)
    self->compare_id = g_timeout_add (COMPARE_DELAY_MS, compare_cb, self);
}

/* ---- Going to a change ---- */

/* The rows of a project's list that a member path names, or NULL. */
static GListModel *
project_list (JxProject  *project,
              const char *member)
{
  if (g_str_equal (member, "goals"))
    return jx_project_get_goals (project);
  if (g_str_equal (member, "indicators"))
    return jx_project_get_indicators (project);
  if (g_str_equal (member, "spending_plan"))
    return jx_project_get_spending_plan (project);
  return NULL;
}

/* A goal, a month or an indicator row gone from the open version goes to
 * the list it left, at the row where it stood (or the last one), where
 * the clerk would put it back. NULL for anything else. */
static char *
list_in_project (JxComparePanel *self,
                 const char     *elsewhere,
                 int             project,
                 int             position)
{
  g_autoptr(JxMemberPath) other = elsewhere != NULL ? jx_member_path_parse (elsewhere) : NULL;
  g_autoptr(JxMemberPath) list = NULL;
  g_autoptr(JxProject) shown = NULL;
  GListModel *rows;
  const char *member;
  int row = -1;

  if (other == NULL || jx_member_path_get_project (other) < 0 || jx_member_path_get_length (other) < 2 ||
      jx_member_path_get_index (other, 1) < 0)
    return NULL;
  member = jx_member_path_get_member (other, 1);
  shown = g_list_model_get_item (jx_document_get_projects (self->document), project);
  rows = shown != NULL ? project_list (shown, member) : NULL;
  if (rows != NULL && g_list_model_get_n_items (rows) > 0)
    row = MIN (MAX (position, 0), (int) g_list_model_get_n_items (rows) - 1);
  list = jx_member_path_new_in_project (project, member, row, NULL);
  return jx_member_path_to_string (list);
}

/* Where a change is in the session's document: its own path there, else
 * the list of its project it was in, else that project, else the part of
 * the document it was in. */
static char *
place_in_document (JxComparePanel *self,
                   JxChange       *change)
{
  gboolean open_is_new = !(self->mode == MODE_COMPARING && self->swapped);
  const char *path = open_is_new ? jx_change_get_new_path (change) : jx_change_get_old_path (change);
  const char *elsewhere = open_is_new ? jx_change_get_old_path (change) : jx_change_get_new_path (change);
  int project = open_is_new ? jx_change_get_new_project (change) : jx_change_get_old_project (change);

  if (path != NULL)
    return g_strdup (path);
  if (project >= 0)
    {
      int position = open_is_new ? jx_change_get_old_position (change) : jx_change_get_new_position (change);
      char *list = list_in_project (self, elsewhere, project, position);

      return list != NULL ? list : g_strdup_printf ("projects[%d]", project);
    }
  /* A paragraph of Part 1 or of the measures that is not there: its part. */
  if (elsewhere != NULL && !g_str_has_prefix (elsewhere, "projects"))
    return g_strndup (elsewhere, strcspn (elsewhere, ".["));
  return NULL;
}

static void
change_activated_cb (JxComparePanel *self,
                     JxChange       *change)
{
  g_autofree char *path = place_in_document (self, change);

  if (path != NULL)
    g_signal_emit (self, signals[GO_TO], 0, path);
}

/* ---- Reading the other version ---- */

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  g_autofree char *path = g_file_get_path (data);
  JxDocument *document;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("Only files on this computer can be compared"));
      return;
    }
  document = jx_document_load_file (path, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  JxComparePanel *self = JX_COMPARE_PANEL (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (document == NULL)
    {
      g_autofree char *name = display_name (self->other_file);
      g_autofree char *primary = g_strdup_printf (_("Could not compare with “%s”"), name);
      g_autofree char *reason = jx_document_error_describe (error);

      jx_compare_panel_close (self);
      g_signal_emit (self, signals[FAILED], 0, primary, reason);
      return;
    }
  g_set_object (&self->other, document);
  self->mode = MODE_COMPARING;
  compare_again (self);
}

static void
load_other (JxComparePanel *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = display_name (self->other_file);
  g_autofree char *reading = g_strdup_printf (_("Reading “%s”…"), name);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();
  /* The list shown stays until the new one is ready. */
  if (self->mode != MODE_COMPARING)
    {
      self->mode = MODE_LOADING;
      gtk_label_set_text (self->loading_label, reading);
      show_changes (self);
    }
  task = g_task_new (self, self->loading, loaded_cb, NULL);
  g_task_set_task_data (task, g_object_ref (self->other_file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/* ---- Following the session ---- */

static void
release_document (JxComparePanel *self)
{
  g_clear_handle_id (&self->compare_id, g_source_remove);
  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_clear_object (&self->watch);
  g_clear_object (&self->document);
}

static void
follow_document (JxComparePanel *self)
{
  release_document (self);
  g_set_object (&self->document, jx_document_session_get_document (self->session));
  if (self->document == NULL)
    return;
  self->watch = jx_change_watch_new (self->document);
  g_signal_connect_swapped (self->watch, "changed", G_CALLBACK (document_changed_cb), self);
}

/* Another document in the window: a roll-forward's list no longer applies,
 * a comparison goes on with it (with its own saved version). */
static void
session_document_cb (JxComparePanel *self)
{
  GFile *file = jx_document_session_get_file (self->session);

  follow_document (self);
  if (self->mode == MODE_ROLL_FORWARD)
    jx_compare_panel_close (self);
  else if (self->saved && file == NULL)
    jx_compare_panel_close (self);
  else if (self->saved)
    {
      g_set_object (&self->other_file, file);
      update_title (self);
      load_other (self);
    }
  else if (self->mode == MODE_COMPARING)
    compare_again (self);
}

/* What is saved changed: read it again. */
static void
session_saved_cb (JxComparePanel *self)
{
  GFile *file = jx_document_session_get_file (self->session);

  if (!self->saved || self->mode == MODE_CLOSED || jx_document_session_get_saving (self->session))
    return;
  if (file == NULL)
    {
      jx_compare_panel_close (self);
      return;
    }
  if (!jx_document_session_get_modified (self->session) || !g_file_equal (file, self->other_file))
    {
      g_set_object (&self->other_file, file);
      update_title (self);
      load_other (self);
    }
}

/* ---- Actions ---- */

static void
step_action (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  jx_compare_panel_step (JX_COMPARE_PANEL (widget), g_str_equal (action, "compare.next") ? 1 : -1);
}

static void
copy_action (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  g_autofree char *text = jx_compare_panel_to_text (JX_COMPARE_PANEL (widget));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
swap_toggled_cb (GtkToggleButton *button,
                 JxComparePanel  *self)
{
  jx_compare_panel_set_swapped (self, gtk_toggle_button_get_active (button));
}

/* "2024遵化市….jixiao.json" → "2024遵化市…修改对照表.pdf" beside it. */
static char *
table_file_name (JxComparePanel *self)
{
  GFile *file = jx_document_session_get_file (self->session);
  g_autofree char *base = file != NULL ? g_file_get_basename (file) : g_strdup ("");
  char *suffix = strstr (base, ".jixiao.json");

  if (suffix == NULL)
    suffix = strrchr (base, '.');
  if (suffix != NULL)
    *suffix = '\0';
  /* TRANSLATORS: the file name of a change table; %s is the document's name */
  return g_strdup_printf (_("%s change table.pdf"), base);
}

static void
table_action (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  JxComparePanel *self = JX_COMPARE_PANEL (widget);
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (widget));
  g_autoptr(JxPageLayout) layout = jx_compare_panel_create_table (self);
  const char *title = _("Change Table");

  if (layout == NULL || !GTK_IS_WINDOW (window))
    return;
  if (g_str_equal (action, "compare.preview"))
    jx_preview_present_layout (window, layout, title);
  else if (g_str_equal (action, "compare.print"))
    jx_print_run_layout (window, layout, title);
  else
    {
      g_autofree char *name = table_file_name (self);
      GFile *file = jx_document_session_get_file (self->session);
      g_autoptr(GFile) folder = file != NULL ? g_file_get_parent (file) : NULL;

      jx_print_choose_layout_pdf (window, layout, name, folder);
    }
}

static void
close_action (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  jx_compare_panel_close (JX_COMPARE_PANEL (widget));
}

/* ---- Building ---- */

static GtkWidget *
icon_button (const char *icon,
             const char *action,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
table_menu_button (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_menu_append (menu, _("Print Pre_view"), "compare.preview");
  g_menu_append (menu, _("_Print…"), "compare.print");
  g_menu_append (menu, _("_Export PDF…"), "compare.export-pdf");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Change _Table"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_widget_set_tooltip_text (button, _("The changes as the 修改对照表 for the finance bureau: preview, print or export as PDF"));
  return button;
}

static GtkWidget *
build_bar (JxComparePanel *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *steps = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (self->title_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "caption");
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->summary_label));
  gtk_widget_set_hexpand (titles, TRUE);

  gtk_widget_add_css_class (steps, "linked");
  gtk_box_append (GTK_BOX (steps), icon_button ("go-up-symbolic", "compare.previous", _("Previous Change (Shift+F8)")));
  gtk_box_append (GTK_BOX (steps), icon_button ("go-down-symbolic", "compare.next", _("Next Change (F8)")));

  self->swap_button = gtk_toggle_button_new_with_mnemonic (_("S_wap"));
  gtk_widget_set_tooltip_text (self->swap_button,
                               _("Compare the other way round: the other file as the newer version"));
  g_signal_connect (self->swap_button, "toggled", G_CALLBACK (swap_toggled_cb), self);
  self->table_button = table_menu_button ();
  self->confirm_button = gtk_button_new_with_mnemonic (_("_Confirm"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->confirm_button), "compare.close");
  gtk_widget_set_tooltip_text (self->confirm_button, _("The list has been checked: close it"));
  gtk_widget_add_css_class (self->confirm_button, "suggested-action");
  self->close_button = icon_button ("window-close-symbolic", "compare.close", _("Close the Comparison"));

  gtk_box_append (GTK_BOX (bar), titles);
  gtk_box_append (GTK_BOX (bar), steps);
  gtk_box_append (GTK_BOX (bar), self->swap_button);
  gtk_box_append (GTK_BOX (bar), icon_button ("edit-copy-symbolic", "compare.copy", _("Copy the List")));
  gtk_box_append (GTK_BOX (bar), self->table_button);
  gtk_box_append (GTK_BOX (bar), self->confirm_button);
  gtk_box_append (GTK_BOX (bar), self->close_button);
  gtk_widget_set_margin_start (bar, 10);
  gtk_widget_set_margin_end (bar, 6);
  gtk_widget_set_margin_top (bar, 4);
  gtk_widget_set_margin_bottom (bar, 4);
  return bar;
}

static GtkWidget *
state_label (GtkLabel **label)
{
  *label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (*label, TRUE);
  gtk_label_set_justify (*label, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (*label), "dim-label");
  gtk_widget_set_margin_start (GTK_WIDGET (*label), 24);
  gtk_widget_set_margin_end (GTK_WIDGET (*label), 24);
  return GTK_WIDGET (*label);
}

static void
jx_compare_panel_dispose (GObject *object)
{
  JxComparePanel *self = JX_COMPARE_PANEL (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  release_document (self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->other);
  g_clear_object (&self->other_file);
  g_clear_object (&self->diff);
  g_clear_object (&self->roll);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (jx_compare_panel_parent_class)->dispose (object);
}

static void
jx_compare_panel_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JxComparePanel *self = JX_COMPARE_PANEL (object);

  switch (prop_id)
    {
    case PROP_CHANGES: g_value_set_object (value, current_changes (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_compare_panel_class_init (JxComparePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_compare_panel_dispose;
  object_class->get_property = jx_compare_panel_get_property;

  properties[PROP_CHANGES] = g_param_spec_object ("changes", NULL, NULL, G_TYPE_LIST_MODEL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[GO_TO] = g_signal_new ("go-to", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "compare.previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "compare.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "compare.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "compare.preview", NULL, table_action);
  gtk_widget_class_install_action (widget_class, "compare.print", NULL, table_action);
  gtk_widget_class_install_action (widget_class, "compare.export-pdf", NULL, table_action);
  gtk_widget_class_install_action (widget_class, "compare.close", NULL, close_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "compare-panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
jx_compare_panel_init (JxComparePanel *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->box), build_bar (self));
  self->notes_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->notes_label, 0);
  gtk_label_set_wrap (self->notes_label, TRUE);
  gtk_label_set_wrap_mode (self->notes_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (GTK_WIDGET (self->notes_label), 10);
  gtk_widget_set_margin_end (GTK_WIDGET (self->notes_label), 10);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->notes_label), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->notes_label));
  gtk_box_append (GTK_BOX (self->box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->list = JX_CHANGE_LIST (jx_change_list_new ());
  g_signal_connect_swapped (self->list, "change-activated", G_CALLBACK (change_activated_cb), self);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->list), "list");
  gtk_stack_add_named (self->stack, state_label (&self->empty_label), "empty");
  gtk_stack_add_named (self->stack, state_label (&self->loading_label), "loading");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  update_actions (self);
}

GtkWidget *
jx_compare_panel_new (JxDocumentSession *session)
{
  JxComparePanel *self;

  g_return_val_if_fail (JX_IS_DOCUMENT_SESSION (session), NULL);

  self = g_object_new (JX_TYPE_COMPARE_PANEL, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "notify::document", G_CALLBACK (session_document_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::modified", G_CALLBACK (session_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::file", G_CALLBACK (session_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::saving", G_CALLBACK (session_saved_cb), self,
                           G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

/* ---- Starting and stopping ---- */

static void
start (JxComparePanel *self,
       Mode            mode)
{
  g_clear_object (&self->roll);
  g_clear_object (&self->diff);
  g_clear_object (&self->other);
  self->mode = mode;
  follow_document (self);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

void
jx_compare_panel_compare_file (JxComparePanel *self,
                               GFile          *file,
                               gboolean        saved)
{
  g_return_if_fail (JX_IS_COMPARE_PANEL (self));
  g_return_if_fail (G_IS_FILE (file));

  start (self, MODE_LOADING);
  g_set_object (&self->other_file, file);
  self->saved = saved;
  if (saved)
    jx_compare_panel_set_swapped (self, FALSE);
  gtk_label_set_text (self->empty_label, saved ? _("Everything is saved: the document is as its file.")
                                               : _("The two versions are the same."));
  update_title (self);
  load_other (self);
}

void
jx_compare_panel_compare (JxComparePanel *self,
                          JxDocument     *other,
                          GFile          *other_file)
{
  g_return_if_fail (JX_IS_COMPARE_PANEL (self));
  g_return_if_fail (JX_IS_DOCUMENT (other));

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  start (self, MODE_COMPARING);
  g_set_object (&self->other, other);
  g_set_object (&self->other_file, other_file);
  self->saved = FALSE;
  gtk_label_set_text (self->empty_label, _("The two versions are the same."));
  update_title (self);
  compare_again (self);
}

void
jx_compare_panel_set_swapped (JxComparePanel *self,
                              gboolean        swapped)
{
  g_return_if_fail (JX_IS_COMPARE_PANEL (self));

  swapped = !!swapped;
  if (swapped == self->swapped)
    return;
  self->swapped = swapped;
  /* Its "toggled" comes back here and stops above. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->swap_button), swapped);
  update_title (self);
  compare_again (self);
}

gboolean
jx_compare_panel_get_swapped (JxComparePanel *self)
{
  g_return_val_if_fail (JX_IS_COMPARE_PANEL (self), FALSE);
  return self->swapped;
}

void
jx_compare_panel_show_roll_forward (JxComparePanel *self,
                                    JxRollForward  *roll,
                                    GFile          *origin)
{
  g_autofree char *report = NULL;
  char *notes;

  g_return_if_fail (JX_IS_COMPARE_PANEL (self));
  g_return_if_fail (JX_IS_ROLL_FORWARD (roll));

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  start (self, MODE_ROLL_FORWARD);
  self->roll = g_object_ref (roll);
  g_set_object (&self->other_file, origin);
  self->saved = FALSE;
  /* The report's first line says what was done, the lines up to the list
   * what is left for the clerk (new codes, cleared budgets). */
  report = jx_roll_forward_to_text (roll);
  notes = strstr (report, "\n\n");
  if (notes != NULL)
    *notes = '\0';
  notes = strchr (report, '\n');
  if (notes != NULL)
    *notes++ = '\0';
  gtk_label_set_text (self->title_label, report);
  gtk_label_set_text (self->notes_label, notes != NULL ? notes : "");
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), notes != NULL && notes[0] != '\0');
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), report);
  gtk_label_set_text (self->empty_label, _("No text named the budget year: only the year itself moved."));
  show_changes (self);
}

gboolean
jx_compare_panel_is_comparing (JxComparePanel *self)
{
  g_return_val_if_fail (JX_IS_COMPARE_PANEL (self), FALSE);
  return self->mode == MODE_COMPARING || self->mode == MODE_LOADING;
}

GListModel *
jx_compare_panel_get_changes (JxComparePanel *self)
{
  g_return_val_if_fail (JX_IS_COMPARE_PANEL (self), NULL);
  return current_changes (self);
}

JxChangeList *
jx_compare_panel_get_list (JxComparePanel *self)
{
  g_return_val_if_fail (JX_IS_COMPARE_PANEL (self), NULL);
  return self->list;
}

gboolean
jx_compare_panel_step (JxComparePanel *self,
                       int             delta)
{
  g_return_val_if_fail (JX_IS_COMPARE_PANEL (self), FALSE);

  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return FALSE;
  return jx_change_list_step (self->list, delta);
}

char *
jx_compare_panel_to_text (JxComparePanel *self)
{
  GListModel *changes;

  g_return_val_if_fail (JX_IS_COMPARE_PANEL (self), NULL);

  if (self->mode == MODE_ROLL_FORWARD && self->roll != NULL)
    return jx_roll_forward_to_text (self->roll);
  changes = current_changes (self);
  return changes != NULL ? jx_changes_to_text (changes) : g_strdup ("");
}

JxPageLayout *
jx_compare_panel_create_table (JxComparePanel *self)
{
  g_autoptr(JxDiff) diff = NULL;
  g_autofree char *old_label = NULL;
  g_autofree char *new_label = NULL;

  g_return_val_if_fail (JX_IS_COMPARE_PANEL (self), NULL);

  if (self->mode != MODE_COMPARING || (diff = compare_now (self)) == NULL)
    return NULL;
  old_label = table_label (self, self->swapped);
  new_label = table_label (self, !self->swapped);
  return jx_change_table_new (diff, old_label, new_label);
}

void
jx_compare_panel_close (JxComparePanel *self)
{
  g_return_if_fail (JX_IS_COMPARE_PANEL (self));

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  release_document (self);
  self->mode = MODE_CLOSED;
  g_clear_object (&self->other);
  g_clear_object (&self->diff);
  g_clear_object (&self->roll);
  show_changes (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
