/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-department-form.h"
#include "jx-font-watch.h"
#include "jx-form.h"
#include "jx-project-form.h"
#include "jx-settings.h"
#include "jx-window-private.h"

G_DEFINE_FINAL_TYPE (JxWindow, jx_window, GTK_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_SESSION, PROP_DOCUMENT, PROP_MODIFIED, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* ---- Title and labels ---- */

void
jx_window_update_title (JxWindow *self)
{
  GFile *file = jx_document_session_get_file (self->session);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *base = g_file_get_basename (file);

      name = g_filename_display_name (base);
      subtitle = parent != NULL ? g_file_get_parse_name (parent) : g_strdup ("");
    }
  else if (self->origin != NULL)
    {
      g_autofree char *base = g_file_get_basename (self->origin);
      g_autofree char *origin = g_filename_display_name (base);

      name = g_strdup (_("New Document"));
      subtitle = g_strdup_printf (_("Made from “%s” · not saved yet"), origin);
    }
  else
    {
      name = g_strdup (_("New Document"));
      subtitle = g_strdup (_("Not saved yet"));
    }
  /* The mark clerks know from other editors: a star before the name. */
  title = jx_document_session_get_modified (self->session) ? g_strdup_printf ("*%s", name)
                                                           : g_strdup (name);
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

/* ---- Following the session ---- */

/* Show where an undone change happened, so that it does not go unseen. */
static void
step_applied_cb (JxWindow    *self,
                 GObject     *object,
                 gboolean     undo,
                 JxUndoStack *stack)
{
  g_autoptr(JxMemberPath) place = object != NULL ? jx_member_path_find (self->document, object) : NULL;

  if (place != NULL)
    jx_window_show_place (self, place, FALSE);
  jx_window_update_project_actions (self);
}

static void
follow_undo (JxWindow *self)
{
  if (self->undo != NULL)
    g_signal_handlers_disconnect_by_data (self->undo, self);
  g_set_object (&self->undo, jx_document_session_get_undo (self->session));
  g_signal_connect_object (self->undo, "notify::can-undo", G_CALLBACK (jx_window_update_undo_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "notify::can-redo", G_CALLBACK (jx_window_update_undo_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "notify::undo-label", G_CALLBACK (jx_window_update_undo_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "step-applied", G_CALLBACK (step_applied_cb), self,
                           G_CONNECT_SWAPPED);
  jx_window_update_undo_actions (self);
}

static void
release_document (JxWindow *self)
{
  if (self->document == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->document, self);
  g_signal_handlers_disconnect_by_data (jx_document_get_department (self->document), self);
  g_signal_handlers_disconnect_by_data (jx_document_get_projects (self->document), self);
  g_clear_object (&self->document);
}

/* A new document in the session (opened, restored, new): every part shows it. */
static void
session_document_cb (JxWindow *self)
{
  JxDocument *document = jx_document_session_get_document (self->session);
  GFile *file = jx_document_session_get_file (self->session);

  release_document (self);
  self->document = g_object_ref (document);
  self->file_year = file != NULL ? jx_document_get_year (document) : 0;
  /* Where a new document came from holds for that document only. */
  if (document != self->origin_document)
    {
      g_clear_object (&self->origin);
      g_clear_object (&self->origin_document);
    }
  g_signal_connect_object (document, "notify", G_CALLBACK (update_document_labels), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (jx_document_get_department (document), "notify::name",
                           G_CALLBACK (update_document_labels), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (jx_document_get_projects (document), "items-changed",
                           G_CALLBACK (jx_window_update_project_actions), self, G_CONNECT_SWAPPED);
  for (guint page = 0; page < JX_SIDEBAR_N_PAGES; page++)
    if (self->forms[page] != NULL)
      jx_form_set_document (JX_FORM (self->forms[page]), document);
  jx_sidebar_set_document (self->sidebar, document);
  if (self->stage_switch != NULL)
    jx_stage_switch_set_document (self->stage_switch, document);
  follow_undo (self);
  update_document_labels (self);
  jx_window_update_project_actions (self);
  jx_window_update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
session_modified_cb (JxWindow *self)
{
  jx_window_update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Moving from one field to another ends the typing step. The field of a
 * form is remembered for F6 to come back to. */
static void
focus_changed_cb (JxWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (self->undo != NULL)
    jx_undo_stack_seal (self->undo);
  if (focus != NULL && focus != self->form_focus &&
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->stack)))
    {
      g_clear_weak_pointer (&self->form_focus);
      g_set_weak_pointer (&self->form_focus, focus);
    }
}

/* The review hints at characters no installed font can draw (they would
 * print as boxes), with what the fonts can draw now. */
static void
use_font_coverage (JxWindow *self)
{
  JxFontWatch *watch = jx_font_watch_get_default ();

  jx_review_set_glyph_cover (jx_document_session_get_review (self->session), jx_font_coverage_covers,
                             jx_font_watch_get_coverage (watch));
}

/* A font file added: the hints of characters it has go at once. */
static void
fonts_changed_cb (JxWindow *self)
{
  JxReview *review = jx_document_session_get_review (self->session);

  if (!self->shown)
    return;
  use_font_coverage (self);
  if (jx_review_get_checked (review))
    jx_review_recheck (review);
}

/* The checks of the document the window opens with run once it shows
 * its first frame: the badge and the marks come a moment later. */
static void
start_review (JxWindow *self,
              gpointer  data)
{
  use_font_coverage (self);
  jx_review_hold (jx_document_session_get_review (self->session), FALSE);
}

/* ---- GObject ---- */

static void
jx_window_dispose (GObject *object)
{
  JxWindow *self = JX_WINDOW (object);

  g_clear_handle_id (&self->when_shown_id, g_source_remove);
  g_clear_pointer (&self->when_shown, g_array_unref);
  if (gtk_widget_get_realized (GTK_WIDGET (self)))
    g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (self)),
                                          jx_window_first_frame_cb, self);
  jx_window_drafts_dispose (self);
  jx_window_import_dispose (self);
  g_clear_weak_pointer (&self->form_focus);
  release_document (self);
  g_clear_object (&self->origin);
  g_clear_object (&self->origin_document);
  if (self->undo != NULL)
    g_signal_handlers_disconnect_by_data (self->undo, self);
  g_clear_object (&self->undo);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  /* The forms built on first show belong to the stack, which goes with the template. */
  for (guint page = 0; page < JX_SIDEBAR_N_PAGES; page++)
    self->forms[page] = NULL;
  self->compare_panel = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), JX_TYPE_WINDOW);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (jx_window_parent_class)->dispose (object);
}

static void
jx_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JxWindow *self = JX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    case PROP_MODIFIED: g_value_set_boolean (value, jx_window_get_modified (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_window_class_init (JxWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = jx_window_dispose;
  object_class->get_property = jx_window_get_property;
  window_class->close_request = jx_window_close_request_cb;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JX_TYPE_DOCUMENT_SESSION, ro);
  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, JX_TYPE_DOCUMENT, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);
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
  gtk_widget_class_bind_template_child (widget_class, JxWindow, compare_paned);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, redo_button);
  gtk_widget_class_bind_template_child_full (widget_class, "department_form", FALSE,
                                             G_STRUCT_OFFSET (JxWindow, forms[JX_SIDEBAR_PAGE_DEPARTMENT]));
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
  gtk_widget_class_bind_template_child (widget_class, JxWindow, notice_bar);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, notice_label);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, notice_button);
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

/* A finding chosen in the review's list: its page, and the focus in its field. */
static void
finding_activated_cb (JxWindow   *self,
                      const char *path)
{
  g_autoptr(JxMemberPath) place = jx_member_path_parse (path);

  if (place != NULL)
    jx_window_show_place (self, place, TRUE);
}

static void
add_problems_button (JxWindow *self)
{
  JxReview *review = jx_document_session_get_review (self->session);

  jx_review_hold (review, TRUE);
  jx_window_when_shown (self, start_review, NULL, NULL);
  g_signal_connect_object (jx_font_watch_get_default (), "changed", G_CALLBACK (fonts_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->problems_button = JX_PROBLEMS_BUTTON (jx_problems_button_new ());
  jx_problems_button_set_review (self->problems_button, review);
  /* The title bar is the window's own child: not bound to the template,
   * which would unparent it behind the window's back. */
  gtk_header_bar_pack_end (GTK_HEADER_BAR (gtk_window_get_titlebar (GTK_WINDOW (self))),
                           GTK_WIDGET (self->problems_button));
  g_signal_connect_object (self->problems_button, "finding-activated",
                           G_CALLBACK (finding_activated_cb), self, G_CONNECT_SWAPPED);
  jx_sidebar_set_review (self->sidebar, review);
  jx_window_add_review_keys (self);
}

/* After the undo buttons: the stage changes what every form shows. Like
 * the badge, packed in code rather than bound to the template. */
static void
add_stage_switch (JxWindow *self)
{
  self->stage_switch = JX_STAGE_SWITCH (jx_stage_switch_new ());
  gtk_widget_set_name (GTK_WIDGET (self->stage_switch), "stage-switch");
  gtk_header_bar_pack_start (GTK_HEADER_BAR (gtk_window_get_titlebar (GTK_WINDOW (self))),
                             GTK_WIDGET (self->stage_switch));
  jx_stage_switch_set_document (self->stage_switch, self->document);
}

/* The draft delay the clerk chose in the preferences, or the default. */
static void
follow_draft_delay (JxWindow *self)
{
  GSettings *settings = jx_settings_get ();

  if (settings != NULL)
    jx_document_session_set_draft_delay (self->session,
                                         g_settings_get_uint (settings, "autosave-delay") * 1000);
}

static void
follow_session (JxWindow *self)
{
  follow_draft_delay (self);
  g_signal_connect_object (self->session, "notify::document", G_CALLBACK (session_document_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::modified", G_CALLBACK (session_modified_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::file", G_CALLBACK (jx_window_update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::disk-state", G_CALLBACK (jx_window_show_disk_state),
                           self, G_CONNECT_SWAPPED);
  session_document_cb (self);
}

static void
jx_window_init (JxWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->session = jx_document_session_new (NULL);
  jx_window_add_actions (self);
  add_menus (self);
  g_signal_connect_object (self->sidebar, "selection-changed", G_CALLBACK (jx_window_selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_changed_cb), NULL);
  g_signal_connect (self, "map", G_CALLBACK (jx_window_map_cb), NULL);
  follow_session (self);
  add_problems_button (self);
  add_stage_switch (self);
  jx_window_files_init (self);
  jx_window_import_init (self);
  jx_window_compare_init (self);
  remember_size (self);
}

JxWindow *
jx_window_new (GtkApplication *application)
{
  return g_object_new (JX_TYPE_WINDOW, "application", application, NULL);
}

/* ---- Reading and short cuts to the session ---- */

JxDocumentSession *
jx_window_get_session (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), NULL);
  return self->session;
}

JxDocument *
jx_window_get_document (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), NULL);
  return jx_document_session_get_document (self->session);
}

GFile *
jx_window_get_file (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), NULL);
  return jx_document_session_get_file (self->session);
}

JxUndoStack *
jx_window_get_undo_stack (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), NULL);
  return jx_document_session_get_undo (self->session);
}

gboolean
jx_window_get_modified (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), FALSE);
  return jx_document_session_get_modified (self->session);
}

gboolean
jx_window_is_saving (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), FALSE);
  return jx_document_session_get_saving (self->session);
}

gboolean
jx_window_is_blank (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), FALSE);
  return jx_document_session_is_blank (self->session);
}

void
jx_window_set_document (JxWindow   *self,
                        JxDocument *document,
                        GFile      *file)
{
  g_return_if_fail (JX_IS_WINDOW (self));
  g_return_if_fail (JX_IS_DOCUMENT (document));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  jx_document_session_set_document (self->session, document, file, FALSE);
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
  return jx_window_get_form (self, JX_SIDEBAR_PAGE_PROJECT);
}
