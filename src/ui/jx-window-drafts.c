/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drafts: unsaved changes written to disk a few seconds after the last
 * edit, and offered back after a crash. */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-settings.h"
#include "jx-window-private.h"

static JxDraftStore *
store_of (JxWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return JX_IS_APPLICATION (app) ? jx_application_get_draft_store (JX_APPLICATION (app)) : NULL;
}

/* The delay the clerk chose in the preferences, or the default. */
static guint
draft_delay_ms (void)
{
  GSettings *settings = jx_settings_get ();

  if (settings == NULL)
    return JX_DRAFT_DEFAULT_DELAY_MS;
  return g_settings_get_uint (settings, "autosave-delay") * 1000;
}

void
jx_window_schedule_draft (JxWindow *self)
{
  JxDraftStore *store = store_of (self);
  g_autofree char *path = NULL;

  if (store == NULL || !jx_window_is_modified (self))
    return;
  if (self->draft_id == NULL)
    self->draft_id = jx_draft_store_new_id (store);
  path = self->file != NULL ? g_file_get_path (self->file) : NULL;
  jx_draft_store_schedule (store, self->draft_id, path, self->document, draft_delay_ms ());
}

void
jx_window_drop_draft (JxWindow *self)
{
  JxDraftStore *store = store_of (self);
  g_autoptr(GError) error = NULL;

  if (store == NULL || self->draft_id == NULL)
    return;
  if (!jx_draft_store_delete (store, self->draft_id, &error))
    g_warning ("Could not remove the draft %s: %s", self->draft_id, error->message);
}

/* Typing and clicking are what edit; a key or button let go restarts the
 * draft timer (the store writes only when the timer runs out). */
static void
input_done_cb (JxWindow *self)
{
  jx_window_schedule_draft (self);
}

static void
draft_saved_cb (JxWindow     *self,
                const char   *id,
                const GError *error)
{
  if (error != NULL && g_strcmp0 (id, self->draft_id) == 0)
    g_warning ("Could not write the draft of this document: %s", error->message);
}

/* Recovery. */

static char *
describe (JxDraftInfo *info)
{
  g_autofree char *time = g_date_time_format (info->time, "%Y-%m-%d %H:%M");
  g_autofree char *what = NULL;

  if (info->original_path != NULL)
    what = g_filename_display_basename (info->original_path);
  else if (info->department[0] != '\0')
    what = g_strdup (info->department);
  else
    what = g_strdup (_("New Document"));
  /* TRANSLATORS: a draft: "file or department (time)" */
  return g_strdup_printf (_("%s (%s)"), what, time);
}

guint
jx_window_offer_recovery (JxWindow *self)
{
  JxDraftStore *store;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *text = NULL;
  guint n;

  g_return_val_if_fail (JX_IS_WINDOW (self), 0);
  store = store_of (self);
  if (store == NULL || (all = jx_draft_store_list (store, NULL)) == NULL)
    return 0;
  g_clear_pointer (&self->leftover_drafts, g_ptr_array_unref);
  self->leftover_drafts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < all->len; i++)
    {
      JxDraftInfo *info = g_ptr_array_index (all, i);
      g_autofree char *line = NULL;

      if (info->live)
        continue;
      g_ptr_array_add (self->leftover_drafts, g_strdup (info->id));
      line = describe (info);
      g_string_append_printf (names, "%s%s", names->len > 0 ? "、" : "", line);
    }
  n = self->leftover_drafts->len;
  if (n == 0)
    return 0;
  text = g_strdup_printf (_("Jixiao did not close properly last time. Unsaved changes were kept: %s."),
                          names->str);
  gtk_label_set_text (self->recovery_label, text);
  gtk_info_bar_set_revealed (self->recovery_bar, TRUE);
  return n;
}

static gboolean
restore_one (JxWindow   *self,
             const char *id)
{
  JxDraftStore *store = store_of (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JxDocument) document = jx_draft_store_load (store, id, &path, &error);
  g_autoptr(GFile) file = NULL;
  JxWindow *window = self;

  if (document == NULL || !jx_draft_store_claim (store, id, &error))
    {
      jx_window_show_error (self, "restore-error-dialog", _("Could not restore the unsaved changes"),
                            error->message);
      return FALSE;
    }
  if (!jx_window_is_blank (self))
    {
      window = jx_window_new (JX_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
      gtk_window_present (GTK_WINDOW (window));
    }
  jx_window_drop_draft (window);
  g_free (window->draft_id);
  window->draft_id = g_strdup (id);
  if (path != NULL)
    file = g_file_new_for_path (path);
  /* The file on disk does not hold these changes: modified until saved. */
  jx_window_replace_document (window, document, file, TRUE);
  return TRUE;
}

static void
restore_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;

  gtk_info_bar_set_revealed (self->recovery_bar, FALSE);
  if (self->leftover_drafts == NULL)
    return;
  for (guint i = 0; i < self->leftover_drafts->len; i++)
    restore_one (self, g_ptr_array_index (self->leftover_drafts, i));
  g_clear_pointer (&self->leftover_drafts, g_ptr_array_unref);
}

static void
discard_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;
  JxDraftStore *store = store_of (self);

  gtk_info_bar_set_revealed (self->recovery_bar, FALSE);
  if (self->leftover_drafts == NULL || store == NULL)
    return;
  for (guint i = 0; i < self->leftover_drafts->len; i++)
    jx_draft_store_delete (store, g_ptr_array_index (self->leftover_drafts, i), NULL);
  g_clear_pointer (&self->leftover_drafts, g_ptr_array_unref);
}

void
jx_window_add_draft_actions (JxWindow *self)
{
  static const GActionEntry entries[] = {
    { "restore-drafts", restore_activated },
    { "discard-drafts", discard_activated },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
}

static void
application_set_cb (JxWindow *self)
{
  JxDraftStore *store = store_of (self);

  if (store != NULL)
    g_signal_connect_object (store, "save-finished", G_CALLBACK (draft_saved_cb), self,
                             G_CONNECT_SWAPPED);
}

void
jx_window_drafts_init (JxWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *clicks = gtk_gesture_click_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-released", G_CALLBACK (input_done_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (clicks), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (clicks, "released", G_CALLBACK (input_done_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (clicks));
  g_signal_connect (self, "notify::application", G_CALLBACK (application_set_cb), NULL);
}

void
jx_window_drafts_dispose (JxWindow *self)
{
  JxDraftStore *store = store_of (self);

  if (store != NULL)
    {
      g_signal_handlers_disconnect_by_data (store, self);
      if (self->draft_id != NULL)
        jx_draft_store_cancel (store, self->draft_id);
    }
  g_clear_pointer (&self->leftover_drafts, g_ptr_array_unref);
}
