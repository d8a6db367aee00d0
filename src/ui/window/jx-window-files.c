/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's files: new, open, save, save as, recent files, the file
 * changed on disk, and asking before unsaved changes are closed away. The
 * session does the loading and saving; these are the choosers, questions
 * and messages around it. */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-error.h"
#include "jx-settings.h"
#include "jx-templates.h"
#include "jx-window-private.h"
#include "jx-year-file.h"

#define MAX_RECENT 8

static char *
display_name (GFile *file)
{
  g_autofree char *base = file != NULL ? g_file_get_basename (file) : NULL;

  return base != NULL ? g_filename_display_name (base) : g_strdup (_("New Document"));
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
void
jx_window_start_in_last_folder (GtkFileChooser *chooser)
{
  GSettings *settings = jx_settings_get ();
  g_autofree char *folder = settings != NULL ? g_settings_get_string (settings, "last-folder") : NULL;
  g_autoptr(GFile) dir = NULL;

  if (folder == NULL || folder[0] == '\0' || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    return;
  dir = g_file_new_for_path (folder);
  gtk_file_chooser_set_current_folder (chooser, dir, NULL);
}

void
jx_window_remember_folder (GFile *file)
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
    jx_window_remember_folder (file);
  return file;
}

static GtkFileFilter *
document_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Budget performance documents (*.json)"));
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

/* ---- The file changed on disk ---- */

void
jx_window_show_disk_state (JxWindow *self)
{
  JxDiskState state = jx_document_session_get_disk_state (self->session);
  g_autofree char *name = display_name (jx_document_session_get_file (self->session));
  g_autofree char *text = NULL;
  gboolean gone = state == JX_DISK_STATE_GONE;

  if (state == JX_DISK_STATE_UNCHANGED)
    {
      gtk_info_bar_set_revealed (self->disk_bar, FALSE);
      return;
    }
  if (gone)
    text = g_strdup_printf (_("“%s” was deleted or moved by another program. Saving writes it again."),
                            name);
  else if (jx_document_session_get_modified (self->session))
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

/* ---- Opening ---- */

static void
show_load_error (JxWindow     *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *name = display_name (file);
  g_autofree char *primary = g_strdup_printf (_("Could not open “%s”"), name);
  g_autofree char *reason = jx_document_error_describe (error);

  jx_window_show_error (self, "load-error-dialog", primary, reason);
}

gboolean
jx_window_open_file (JxWindow *self,
                     GFile    *file)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (JX_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Only an unmodified document or a reload the clerk asked for is replaced. */
  if (!jx_document_session_load (self->session, file, &error))
    {
      show_load_error (self, file, error);
      return FALSE;
    }
  remember_recent (self, file);
  return TRUE;
}

/* A file already open shows its window. A window with unsaved work keeps
 * it: the file opens in a new window, which goes again if the file does
 * not load. */
void
jx_window_open_in_window (JxWindow *self,
                          GFile    *file)
{
  JxWindow *window = jx_window_find_for_file (file);

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }
  window = jx_window_target_for_new (self);

  if (!jx_window_open_file (window, file) && window != self)
    gtk_window_destroy (GTK_WINDOW (window));
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  JxWindow        *self)
{
  g_autoptr(GFile) file = take_chosen_file (chooser, response);

  if (file != NULL)
    jx_window_open_in_window (self, file);
}

void
jx_window_choose_open (JxWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = document_filter ();

  chooser = gtk_file_chooser_native_new (_("Open Document"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  jx_window_start_in_last_folder (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
jx_window_open_recent (JxWindow *self,
                       GFile    *file)
{
  jx_window_open_in_window (self, file);
}

void
jx_window_new_document (JxWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(JxDocument) document = jx_template_new_document (now);
  JxWindow *window = jx_window_target_for_new (self);

  jx_document_session_set_document (window->session, document, NULL, FALSE);
}

void
jx_window_reload (JxWindow *self)
{
  GFile *file = jx_document_session_get_file (self->session);
  g_autoptr(GFile) keep = file != NULL ? g_object_ref (file) : NULL;

  if (keep != NULL)
    jx_window_open_file (self, keep);
}

/* ---- Saving ---- */

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(JxWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file = jx_document_session_get_file (self->session);

  if (!jx_document_session_save_finish (self->session, result, &error))
    {
      self->close_after_save = FALSE;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
        {
          g_autofree char *name = display_name (file);
          g_autofree char *primary = g_strdup_printf (_("Could not save “%s”"), name);

          jx_window_show_error (self, "save-error-dialog", primary, error->message);
        }
      return;
    }
  self->file_year = self->saving_year;
  remember_recent (self, file);
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
  g_return_if_fail (JX_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  self->saving_year = jx_document_get_year (jx_document_session_get_document (self->session));
  /* The window stays until the save is done, even if closed meanwhile. */
  jx_document_session_save_async (self->session, file, NULL, saved_cb, g_object_ref (self));
}

/* ---- Another year's file ---- */

typedef struct
{
  JxWindow *window;
  GFile *file;
} YearReplace;

static void
year_replace_free (gpointer data,
                   GClosure *closure)
{
  YearReplace *replace = data;

  g_object_unref (replace->window);
  g_object_unref (replace->file);
  g_free (replace);
}

static void
year_replace_response_cb (GtkDialog   *dialog,
                          int          response,
                          YearReplace *replace)
{
  JxWindow *self = replace->window;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    jx_window_save_to_file (self, replace->file);
  else
    self->close_after_save = FALSE;
}

/* The file chosen holds another year's document — last year's, most
 * often — which one Enter would lose. The chooser of GTK 4.8 cannot be
 * stopped from its answer, so the question comes after it. */
static void
confirm_year_replace (JxWindow *self,
                      GFile    *file,
                      guint     there)
{
  g_autofree char *name = display_name (file);
  guint year = jx_document_get_year (jx_document_session_get_document (self->session));
  g_autofree char *secondary = g_strdup_printf (_("Replacing it with this %u document loses the %u "
                                                  "document from that file. Choose another name to "
                                                  "keep both."), year, there);
  YearReplace *replace = g_new0 (YearReplace, 1);
  GtkWidget *dialog;
  GtkWidget *button;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   _("“%s” holds the %u document"), name, there);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Replace"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  gtk_widget_set_name (dialog, "year-replace-dialog");
  replace->window = g_object_ref (self);
  replace->file = g_object_ref (file);
  g_signal_connect_data (dialog, "response", G_CALLBACK (year_replace_response_cb), replace,
                         year_replace_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Writes to file, asking first when it holds another year's document. */
static void
save_checking_year (JxWindow *self,
                    GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);
  guint year = jx_document_get_year (jx_document_session_get_document (self->session));
  guint there = 0;

  if (path != NULL && jx_year_file_check (path, year, &there) == JX_YEAR_FILE_OTHER_YEAR)
    confirm_year_replace (self, file, there);
  else
    jx_window_save_to_file (self, file);
}

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     JxWindow        *self)
{
  g_autoptr(GFile) file = take_chosen_file (chooser, response);

  if (file != NULL)
    save_checking_year (self, file);
  else
    self->close_after_save = FALSE;
}

/* A document saved as its file holds it is offered its own file; one of
 * another year than its file (next year's, made from last year's, or a
 * year changed by hand) is offered "{year}{department}.jixiao.json"
 * beside the file it came from, never that file's own name. */
static void
propose_name (JxWindow       *self,
              GtkFileChooser *chooser)
{
  JxDocument *document = jx_document_session_get_document (self->session);
  GFile *file = jx_document_session_get_file (self->session);
  GFile *near = file != NULL ? file : self->origin;
  g_autofree char *near_path = near != NULL ? g_file_get_path (near) : NULL;
  g_autofree char *proposal = NULL;
  g_autofree char *name = NULL;

  if (file != NULL && jx_document_get_year (document) == self->file_year)
    {
      gtk_file_chooser_set_file (chooser, file, NULL);
      return;
    }
  proposal = jx_year_file_propose (document, near_path);
  name = g_path_get_basename (proposal);
  if (near_path != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (near);

      gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }
  else
    jx_window_start_in_last_folder (chooser);
  gtk_file_chooser_set_current_name (chooser, name);
}

void
jx_window_choose_save_as (JxWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = document_filter ();

  chooser = gtk_file_chooser_native_new (_("Save Document"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  propose_name (self, GTK_FILE_CHOOSER (chooser));
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
    jx_window_save_to_file (self, jx_document_session_get_file (self->session));
  else
    self->close_after_save = FALSE;
}

/* Someone else wrote the file since we read it: say so, never overwrite
 * silently. */
static void
confirm_overwrite (JxWindow *self)
{
  g_autofree char *name = display_name (jx_document_session_get_file (self->session));
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
save_to_own_file (JxWindow *self)
{
  if (jx_document_session_changed_on_disk (self->session))
    confirm_overwrite (self);
  else
    jx_window_save_to_file (self, jx_document_session_get_file (self->session));
}

static void
year_save_response_cb (GtkDialog *dialog,
                       int        response,
                       JxWindow  *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    save_to_own_file (self);
  else if (response == GTK_RESPONSE_APPLY)
    jx_window_choose_save_as (self);
  else
    self->close_after_save = FALSE;
}

/* The year was changed since the file was read: saving over it would put
 * this year's document where last year's was. */
static void
confirm_year_save (JxWindow *self)
{
  g_autofree char *name = display_name (jx_document_session_get_file (self->session));
  guint year = jx_document_get_year (jx_document_session_get_document (self->session));
  g_autofree char *secondary = g_strdup_printf (_("This document is now for %u. Saving replaces the "
                                                  "%u document in that file; Save As keeps both."),
                                                year, self->file_year);
  GtkWidget *dialog;
  GtkWidget *button;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   _("“%s” holds the %u document"), name, self->file_year);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Replace"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("Save _As…"), GTK_RESPONSE_APPLY);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_APPLY);
  gtk_widget_set_name (dialog, "year-save-dialog");
  g_signal_connect (dialog, "response", G_CALLBACK (year_save_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
jx_window_save (JxWindow *self)
{
  GFile *file = jx_document_session_get_file (self->session);
  guint year = jx_document_get_year (jx_document_session_get_document (self->session));

  if (file == NULL)
    jx_window_choose_save_as (self);
  else if (self->file_year != 0 && year != self->file_year)
    confirm_year_save (self);
  else
    save_to_own_file (self);
}

/* ---- Recent files ---- */

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;

  return -g_date_time_compare (gtk_recent_info_get_modified (ia), gtk_recent_info_get_modified (ib));
}

static void
update_recent_menu (JxWindow *self)
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

static void
follow_recent (JxWindow *self,
               gpointer  data)
{
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
}

/* ---- Closing ---- */

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
      jx_window_save (self);
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

  if (self->closing_confirmed || !jx_document_session_get_modified (self->session))
    {
      /* The clerk chose to let the changes go: the draft goes with them. */
      jx_document_session_discard_draft (self->session);
      return FALSE;
    }
  if (jx_document_session_get_saving (self->session))
    return TRUE;
  name = display_name (jx_document_session_get_file (self->session));
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

void
jx_window_files_init (JxWindow *self)
{
  g_signal_connect_object (self->disk_bar, "response", G_CALLBACK (disk_bar_response_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dismiss_button, "clicked", G_CALLBACK (dismiss_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  jx_window_when_shown (self, follow_recent, NULL, NULL);
}
