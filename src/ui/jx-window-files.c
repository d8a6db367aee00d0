/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's files: new, open, save, save as, recent files, the file
 * changed on disk, and asking before unsaved changes are closed away. */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-document-io.h"
#include "jx-file.h"
#include "jx-indicator-table.h"
#include "jx-settings.h"
#include "jx-window-private.h"

#define MAX_RECENT 8

static char *
display_name (GFile *file)
{
  g_autofree char *base = file != NULL ? g_file_get_basename (file) : NULL;

  return base != NULL ? g_filename_display_name (base) : g_strdup (_("New Document"));
}

/* What identifies one state of the file on disk: a save by anyone (an
 * atomic rename included) changes it. NULL when there is no file. */
static char *
query_stamp (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  if (file == NULL)
    return NULL;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_UNIX_INODE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return NULL;
  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%u:%" G_GOFFSET_FORMAT ":%" G_GUINT64_FORMAT,
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED),
                          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC),
                          g_file_info_get_size (info),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE));
}

static gboolean
changed_on_disk (JxWindow *self)
{
  g_autofree char *stamp = query_stamp (self->file);

  return self->file != NULL && g_strcmp0 (stamp, self->disk_stamp) != 0;
}

static void
add_recent (JxWindow *self,
            gpointer  uri)
{
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

/* The recent files list is read in full the first time it is used (20 ms
 * for a few hundred entries): not before the window's first frame. Once
 * shown, at once: a save made as the window closes must not wait for an
 * idle that the closing cancels. */
static void
remember_recent (JxWindow *self,
                 GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  if (self->shown)
    add_recent (self, uri);
  else
    jx_window_when_shown (self, add_recent, g_steal_pointer (&uri), g_free);
}

/* Choosers start in the folder last used, and remember the one chosen. */
static void
start_in_last_folder (GtkFileChooser *chooser)
{
  GSettings *settings = jx_settings_get ();
  g_autofree char *folder = settings != NULL ? g_settings_get_string (settings, "last-folder") : NULL;
  g_autoptr(GFile) dir = NULL;

  if (folder == NULL || folder[0] == '\0' || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    return;
  dir = g_file_new_for_path (folder);
  gtk_file_chooser_set_current_folder (chooser, dir, NULL);
}

static void
remember_folder (GFile *file)
{
  GSettings *settings = jx_settings_get ();
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *path = parent != NULL ? g_file_get_path (parent) : NULL;

  if (settings != NULL && path != NULL)
    g_settings_set_string (settings, "last-folder", path);
}

/* The file a finished chooser gives (NULL when cancelled), its folder
 * remembered for the next chooser; the chooser is let go. */
static GFile *
take_chosen_file (GtkNativeDialog *chooser,
                  int              response)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file != NULL)
    remember_folder (file);
  return file;
}

/* A new document starts with one project holding the usual indicator
 * rows, and next year's budget: documents are written the autumn before. */
JxDocument *
jx_window_new_document (void)
{
  JxDocument *document = jx_document_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(JxProject) project = jx_project_new ("P001", "新项目");

  jx_document_set_year (document, CLAMP (g_date_time_get_year (now) + 1, JX_YEAR_MIN, JX_YEAR_MAX));
  jx_indicator_add_standard_rows (G_LIST_STORE (jx_project_get_indicators (project)));
  g_list_store_append (G_LIST_STORE (jx_document_get_projects (document)), project);
  return document;
}

/* Watching the file. */

static void
show_disk_bar (JxWindow *self,
               gboolean  gone)
{
  g_autofree char *name = display_name (self->file);
  g_autofree char *text = NULL;

  if (gone)
    text = g_strdup_printf (_("“%s” was deleted or moved by another program. Saving writes it again."),
                            name);
  else if (jx_window_is_modified (self))
    text = g_strdup_printf (_("“%s” was changed by another program. Reload shows its version; "
                              "your unsaved changes here would be lost."), name);
  else
    text = g_strdup_printf (_("“%s” was changed by another program. Reload to see its version."), name);
  gtk_label_set_text (self->disk_label, text);
  gtk_widget_set_visible (self->reload_button, !gone);
  gtk_button_set_label (GTK_BUTTON (self->dismiss_button), gone ? _("_OK") : _("_Keep Mine"));
  gtk_info_bar_set_revealed (self->disk_bar, TRUE);
}

static void
monitor_changed_cb (JxWindow          *self,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event)
{
  g_autofree char *stamp = NULL;

  /* Our own write is recognised by its stamp once it is done. */
  if (self->saving || event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;
  stamp = query_stamp (self->file);
  if (g_strcmp0 (stamp, self->disk_stamp) == 0)
    return;
  show_disk_bar (self, stamp == NULL);
}

void
jx_window_watch_file (JxWindow *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_pointer (&self->disk_stamp, g_free);
  gtk_info_bar_set_revealed (self->disk_bar, FALSE);
  if (self->file == NULL)
    return;
  self->disk_stamp = query_stamp (self->file);
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
disk_bar_response_cb (JxWindow *self,
                      int       response)
{
  if (response == GTK_RESPONSE_CLOSE)
    gtk_info_bar_set_revealed (self->disk_bar, FALSE);
}

static void
dismiss_clicked_cb (JxWindow *self)
{
  gtk_info_bar_set_revealed (self->disk_bar, FALSE);
}

/* Opening. */

gboolean
jx_window_open_file (JxWindow *self,
                     GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (JX_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("Only files on this computer can be opened"));
  else
    document = jx_document_load_file (path, &error);

  if (document == NULL)
    {
      g_autofree char *name = display_name (file);
      g_autofree char *primary = g_strdup_printf (_("Could not open “%s”"), name);

      jx_window_show_error (self, "load-error-dialog", primary, error->message);
      return FALSE;
    }
  /* Only an unmodified document or a reload the clerk asked for is replaced. */
  jx_window_drop_draft (self);
  jx_window_replace_document (self, document, file, FALSE);
  remember_recent (self, file);
  return TRUE;
}

/* A window with unsaved work is never replaced: the file goes to a new one. */
static JxWindow *
target_window (JxWindow *self)
{
  JxWindow *window;

  if (!jx_window_is_modified (self))
    return self;
  window = jx_window_new (JX_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  JxWindow        *self)
{
  g_autoptr(GFile) file = take_chosen_file (chooser, response);

  if (file == NULL)
    return;
  if (!jx_window_is_modified (self))
    jx_window_open_file (self, file);
  else
    {
      /* Keep this window if the file does not load. */
      JxWindow *window = target_window (self);
      if (!jx_window_open_file (window, file))
        gtk_window_destroy (GTK_WINDOW (window));
    }
}

static GtkFileFilter *
document_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Budget performance documents (*.json)"));
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

static void
open_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = document_filter ();

  chooser = gtk_file_chooser_native_new (_("Open Document"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  start_in_last_folder (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  if (self->file != NULL && g_file_equal (file, self->file))
    return;
  if (!jx_window_is_modified (self))
    jx_window_open_file (self, file);
  else
    {
      JxWindow *window = target_window (self);
      if (!jx_window_open_file (window, file))
        gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
new_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;
  g_autoptr(JxDocument) document = jx_window_new_document ();

  jx_window_replace_document (target_window (self), document, NULL, FALSE);
}

static void
reload_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;
  g_autoptr(GFile) file = self->file != NULL ? g_object_ref (self->file) : NULL;

  if (file != NULL)
    jx_window_open_file (self, file);
}

/* Saving runs in a thread: the write is synced to the disk, which can take
 * long on a slow or network drive. */

typedef struct
{
  GFile *file;
  char *path;
  char *data;
  gsize length;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_object_unref (job->file);
  g_free (job->path);
  g_free (job->data);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  g_autoptr(JxDocument) check = NULL;
  g_autoptr(GError) error = NULL;

  /* Never write a file that would not open again. */
  check = jx_document_load_data (job->data, job->length, &error);
  if (check == NULL)
    {
      g_task_return_new_error (task, error->domain, error->code,
                               _("The document could not be written so that it opens again: %s"),
                               error->message);
      return;
    }
  if (!jx_file_replace_contents (job->path, job->data, job->length, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  JxWindow *self = JX_WINDOW (source);
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = display_name (job->file);
      g_autofree char *primary = g_strdup_printf (_("Could not save “%s”"), name);

      self->close_after_save = FALSE;
      jx_window_update_title (self);
      jx_window_show_error (self, "save-error-dialog", primary, error->message);
      return;
    }

  self->unsaved = FALSE;
  if (self->file == NULL || !g_file_equal (self->file, job->file))
    {
      g_set_object (&self->file, job->file);
      g_object_notify (G_OBJECT (self), "file");
    }
  jx_window_watch_file (self);
  remember_recent (self, job->file);
  /* Edits made while the file was written keep the document modified. */
  if (!jx_window_is_modified (self))
    jx_window_drop_draft (self);
  jx_window_update_title (self);
  g_object_notify (G_OBJECT (self), "modified");
  if (self->close_after_save)
    {
      self->closing_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

void
jx_window_save_to_file (JxWindow *self,
                        GFile    *file)
{
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  g_return_if_fail (JX_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->saving)
    return;
  job = g_new0 (SaveJob, 1);
  job->file = g_object_ref (file);
  job->path = g_file_get_path (file);
  job->data = jx_document_to_data (self->document, &job->length);
  task = g_task_new (self, NULL, save_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  if (job->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only files on this computer can be saved"));
      return;
    }
  /* The state written is the saved state; the window counts as modified
   * until the write is known to have succeeded. */
  self->saving = TRUE;
  self->unsaved = TRUE;
  jx_undo_stack_mark_saved (self->undo);
  g_task_run_in_thread (task, save_thread);
}

gboolean
jx_window_is_saving (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), FALSE);
  return self->saving;
}

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     JxWindow        *self)
{
  g_autoptr(GFile) file = take_chosen_file (chooser, response);

  if (file != NULL)
    jx_window_save_to_file (self, file);
  else
    self->close_after_save = FALSE;
}

static void
save_as_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = document_filter ();
  JxDepartment *department = jx_document_get_department (self->document);
  g_autofree char *suggested = NULL;

  chooser = gtk_file_chooser_native_new (_("Save Document"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->file, NULL);
  else
    {
      /* The year and the department: how clerks name these files. */
      suggested = g_strdup_printf ("%u%s.jixiao.json", jx_document_get_year (self->document),
                                   jx_department_get_name (department));
      start_in_last_folder (GTK_FILE_CHOOSER (chooser));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
overwrite_response_cb (GtkDialog *dialog,
                       int        response,
                       JxWindow  *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    jx_window_save_to_file (self, self->file);
  else
    self->close_after_save = FALSE;
}

/* Someone else wrote the file since we read it: say so, never overwrite
 * silently. */
static void
confirm_overwrite (JxWindow *self)
{
  g_autofree char *name = display_name (self->file);
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   _("“%s” was changed by another program"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("Saving replaces that version with yours. "
                                              "Use “Save As” to keep both."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Replace"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_widget_set_name (dialog, "overwrite-dialog");
  g_signal_connect (dialog, "response", G_CALLBACK (overwrite_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  JxWindow *self = user_data;

  if (self->file == NULL)
    save_as_activated (NULL, NULL, self);
  else if (changed_on_disk (self) && self->disk_stamp != NULL)
    confirm_overwrite (self);
  else
    jx_window_save_to_file (self, self->file);
}

/* Recent files. */

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;

  return -g_date_time_compare (gtk_recent_info_get_modified (ia), gtk_recent_info_get_modified (ib));
}

void
jx_window_update_recent_menu (JxWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) ours = g_ptr_array_new ();
  const char *app = g_get_prgname ();

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l != NULL; l = l->next)
    if (app != NULL && gtk_recent_info_has_application (l->data, app) &&
        g_str_has_suffix (gtk_recent_info_get_uri (l->data), ".json") && gtk_recent_info_exists (l->data))
      g_ptr_array_add (ours, l->data);
  g_ptr_array_sort (ours, compare_recent);
  for (guint i = 0; i < MIN (ours->len, MAX_RECENT); i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (ours, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (self->recent_menu, item);
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* Closing. */

/* After the dialog's response has finished: the dialog is transient for
 * this window and must go first. */
static gboolean
close_later_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
close_response_cb (GtkDialog *dialog,
                   int        response,
                   JxWindow  *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  switch (response)
    {
    case GTK_RESPONSE_ACCEPT:
      self->close_after_save = TRUE;
      save_activated (NULL, NULL, self);
      break;
    case GTK_RESPONSE_REJECT:
      self->closing_confirmed = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, close_later_cb, g_object_ref (self), g_object_unref);
      break;
    default:
      break;
    }
}

gboolean
jx_window_close_request_cb (GtkWindow *window)
{
  JxWindow *self = JX_WINDOW (window);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (self->closing_confirmed || !jx_window_is_modified (self))
    {
      /* The clerk chose to let the changes go: the draft goes with them. */
      jx_window_drop_draft (self);
      return FALSE;
    }
  if (self->saving)
    return TRUE;
  name = display_name (self->file);
  dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Save the changes to “%s” before closing?"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("If you do not save, your changes are lost."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Discard"), GTK_RESPONSE_REJECT, _("_Save"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gtk_widget_set_name (dialog, "close-dialog");
  g_signal_connect (dialog, "response", G_CALLBACK (close_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Setup. */

void
jx_window_add_file_actions (JxWindow *self)
{
  static const GActionEntry entries[] = {
    { "new", new_activated },
    { "open", open_activated },
    { "open-recent", open_recent_activated, "s" },
    { "save", save_activated },
    { "save-as", save_as_activated },
    { "reload", reload_activated },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
}

static void
follow_recent (JxWindow *self,
               gpointer  data)
{
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (jx_window_update_recent_menu), self, G_CONNECT_SWAPPED);
  jx_window_update_recent_menu (self);
}

void
jx_window_files_init (JxWindow *self)
{
  g_signal_connect_object (self->disk_bar, "response", G_CALLBACK (disk_bar_response_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dismiss_button, "clicked", G_CALLBACK (dismiss_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  jx_window_when_shown (self, follow_recent, NULL, NULL);
}

void
jx_window_files_dispose (JxWindow *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
}

