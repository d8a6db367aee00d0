/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 导出 → Word 文档 and Excel 工作簿: the chooser with the proposed name, the
 * writing in the background (jx-export.h) and the notice when it is done.
 * The document can be edited meanwhile; the file gets the state it had when
 * the export began. */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-window-private.h"

static const char *
format_title (JxExportFormat format)
{
  return format == JX_EXPORT_WORD ? _("Export Word Document") : _("Export Excel Workbook");
}

static char *
display_name (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);

  return g_filename_display_name (base);
}

typedef struct
{
  JxWindow *window;
  JxExportFormat format;
  GFile *file;
} Export;

static void
export_free (Export *export)
{
  GApplication *app = g_application_get_default ();

  export->window->n_exports--;
  g_object_unref (export->window);
  g_object_unref (export->file);
  g_free (export);
  /* Held so that closing the last window does not end the writing. */
  if (app != NULL)
    g_application_release (app);
}

/* A closed window cannot show the failure: the application's other one does. */
static GtkWindow *
error_parent (JxWindow *self)
{
  GtkApplication *app;

  if (self->notice_bar != NULL)
    return GTK_WINDOW (self);
  app = GTK_APPLICATION (g_application_get_default ());
  return app != NULL ? gtk_application_get_active_window (app) : NULL;
}

static void
show_export_error (JxWindow       *self,
                   JxExportFormat  format,
                   GFile          *file,
                   const GError   *error)
{
  GtkWindow *parent = error_parent (self);
  g_autofree char *name = display_name (file);
  g_autofree char *primary = g_strdup_printf (format == JX_EXPORT_WORD
                                              ? _("Could not export the Word document “%s”")
                                              : _("Could not export the Excel workbook “%s”"),
                                              name);
  GtkWidget *dialog;

  if (JX_IS_WINDOW (parent))
    {
      jx_window_show_error (JX_WINDOW (parent), "export-error-dialog", primary, error->message);
      return;
    }
  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  gtk_widget_set_name (dialog, "export-error-dialog");
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Export *export = user_data;
  JxWindow *self = export->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = display_name (export->file);
  g_autofree char *text = NULL;
  g_autofree char *action = NULL;
  g_autoptr(GFile) folder = g_file_get_parent (export->file);

  if (!jx_export_write_finish (result, &error))
    {
      jx_window_hide_notice (self);
      show_export_error (self, export->format, export->file, error);
      export_free (export);
      return;
    }
  text = g_strdup_printf (export->format == JX_EXPORT_WORD ? _("The Word document “%s” is written.")
                                                           : _("The Excel workbook “%s” is written."),
                          name);
  if (folder != NULL)
    {
      g_autofree char *uri = g_file_get_uri (export->file);

      action = g_strdup_printf ("win.show-folder::%s", uri);
    }
  jx_window_show_notice (self, text, folder != NULL ? _("Open _Folder") : NULL, action);
  export_free (export);
}

void
jx_window_export (JxWindow       *self,
                  JxExportFormat  format,
                  GFile          *file)
{
  GApplication *app = g_application_get_default ();
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  Export *export;

  g_return_if_fail (JX_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  name = display_name (file);
  text = g_strdup_printf (_("Writing “%s”…"), name);
  jx_window_show_notice (self, text, NULL, NULL);
  export = g_new0 (Export, 1);
  export->window = g_object_ref (self);
  export->format = format;
  export->file = g_object_ref (file);
  self->n_exports++;
  if (app != NULL)
    g_application_hold (app);
  jx_export_write_async (self->session, format, file, NULL, written_cb, export);
}

gboolean
jx_window_is_exporting (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), FALSE);
  return self->n_exports > 0;
}

/* The chooser is modal for the window and lives no longer than it. */
typedef struct
{
  JxWindow *window;
  JxExportFormat format;
} Choice;

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  Choice *choice = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    {
      jx_window_remember_folder (file);
      jx_window_export (choice->window, choice->format, file);
    }
  g_object_unref (chooser);
}

/* Beside the document, where a clerk looks for what belongs to it; a new
 * document's exports go where the last file was chosen. */
static void
start_folder (JxWindow       *self,
              GtkFileChooser *chooser)
{
  GFile *file = jx_document_session_get_file (self->session);
  g_autoptr(GFile) folder = file != NULL ? g_file_get_parent (file) : NULL;

  if (folder != NULL)
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
  else
    jx_window_start_in_last_folder (chooser);
}

void
jx_window_choose_export (JxWindow       *self,
                         JxExportFormat  format)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = jx_export_suggest_name (self->session, format);
  Choice *choice;

  chooser = gtk_file_chooser_native_new (format_title (format), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  jx_export_add_filter (GTK_FILE_CHOOSER (chooser), format);
  start_folder (self, GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  choice = g_new0 (Choice, 1);
  choice->window = self;
  choice->format = format;
  g_signal_connect_data (chooser, "response", G_CALLBACK (export_response_cb), choice,
                         (GClosureNotify) g_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The file manager shows the folder with the file selected, as GNOME apps
 * do (org.freedesktop.FileManager1); without one — a sandbox, another
 * desktop — the desktop opens the folder (the portal in a sandbox). */
typedef struct
{
  JxWindow *window;
  char *uri;
} ShowFile;

static void
show_folder_of (JxWindow   *self,
                const char *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *folder_uri = folder != NULL ? g_file_get_uri (folder) : NULL;

  if (folder_uri != NULL)
    gtk_show_uri (GTK_WINDOW (self), folder_uri, GDK_CURRENT_TIME);
}

static void
shown_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  ShowFile *show = user_data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);

  if (reply == NULL)
    show_folder_of (show->window, show->uri);
  g_object_unref (show->window);
  g_free (show->uri);
  g_free (show);
}

void
jx_window_show_folder (JxWindow   *self,
                       const char *uri)
{
  GApplication *app = g_application_get_default ();
  GDBusConnection *bus = app != NULL ? g_application_get_dbus_connection (app) : NULL;
  const char *uris[] = { uri, NULL };
  ShowFile *show;

  g_return_if_fail (JX_IS_WINDOW (self));
  g_return_if_fail (uri != NULL);

  if (bus == NULL)
    {
      show_folder_of (self, uri);
      return;
    }
  show = g_new0 (ShowFile, 1);
  show->window = g_object_ref (self);
  show->uri = g_strdup (uri);
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, -1,
                          NULL, shown_cb, show);
}
