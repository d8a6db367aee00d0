/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-application.h"
#include "jx-document-session.h"
#include "jx-help-window.h"
#include "jx-preferences-window.h"
#include "jx-indicator-table.h"
#include "jx-settings.h"
#include "jx-window.h"

struct _JxApplication
{
  GtkApplication parent_instance;

  JxDraftStore *drafts;
  gboolean recovery_offered;
};

G_DEFINE_FINAL_TYPE (JxApplication, jx_application, GTK_TYPE_APPLICATION)

static void
window_shown_cb (JxWindow *window,
                 gpointer  data)
{
  jx_window_offer_recovery (window);
}

/* Leftover drafts are offered once, in the first window shown, once it
 * has drawn its first frame (looking for them reads the drafts folder). */
static void
offer_recovery (JxApplication *self,
                JxWindow      *window)
{
  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;
  jx_window_when_shown (window, window_shown_cb, NULL, NULL);
}

static JxWindow *
new_window (JxApplication *self)
{
  return jx_window_new (GTK_APPLICATION (self));
}

/* Every document window keeps its drafts in the application's store,
 * however it was made. */
static void
jx_application_window_added (GtkApplication *app,
                             GtkWindow      *window)
{
  JxApplication *self = JX_APPLICATION (app);

  GTK_APPLICATION_CLASS (jx_application_parent_class)->window_added (app, window);
  if (JX_IS_WINDOW (window) && self->drafts != NULL)
    jx_document_session_set_draft_store (jx_window_get_session (JX_WINDOW (window)), self->drafts);
}

static void
jx_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (new_window (JX_APPLICATION (app)));
  gtk_window_present (window);
  offer_recovery (JX_APPLICATION (app), JX_WINDOW (window));
}

/* A window that shows nothing yet takes the first file; the others open
 * in windows of their own. */
static JxWindow *
window_for_file (JxApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (JX_IS_WINDOW (active) && jx_window_is_blank (JX_WINDOW (active)))
    return JX_WINDOW (active);
  return new_window (self);
}

static void
jx_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  JxApplication *self = JX_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      JxWindow *window = jx_window_find_for_file (files[i]);

      /* A file already open: its window comes to the front. */
      if (window != NULL)
        {
          gtk_window_present (GTK_WINDOW (window));
          continue;
        }
      window = window_for_file (self);
      gtk_window_present (GTK_WINDOW (window));
      /* Last year's Word file given on the command line or by "Open With"
       * is imported as it would be from the menu. */
      if (jx_window_is_document_file (files[i]))
        jx_window_open_file (window, files[i]);
      else
        jx_window_import (window, files[i]);
      offer_recovery (self, window);
    }
  /* Whatever was read ahead of them and not taken goes. */
  jx_document_session_drop_read_aheads ();
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Closing each window lets it ask about its own unsaved changes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  const char *developers[] = { _("The Jixiao developers"), NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_show_about_dialog (parent,
                         "program-name", _("Jixiao"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Write, check, chart and print department budget performance documents"),
                         "website", "https://github.com/jixiao/jixiao",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         /* Translators: put your names here, one per line. */
                         "translator-credits", _("translator-credits"),
                         "copyright", _("© 2026 The Jixiao developers"),
                         NULL);
}

static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (jx_help_window_new (parent));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GSettings *settings = jx_settings_get ();

  if (settings != NULL)
    gtk_window_present (jx_preferences_window_new (parent, settings));
}

static void
jx_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "quit", quit_activated },
    { "about", about_activated },
    { "help", help_activated },
    { "preferences", preferences_activated },
  };
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.help", { "F1", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.project-add", { "<Control><Shift>n", NULL } },
    { "win.project-duplicate", { "<Control><Shift>d", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.export-pdf", { "<Control><Shift>e", NULL } },
    { "win.print-preview", { "<Control><Shift>p", NULL } },
    { "win.next-change", { "F8", NULL } },
    { "win.previous-change", { "<Shift>F8", NULL } },
  };
  JxApplication *self = JX_APPLICATION (app);
  GSettings *settings;

  G_APPLICATION_CLASS (jx_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
  self->drafts = jx_draft_store_new (NULL);

  settings = jx_settings_get ();
  if (settings != NULL)
    {
      jx_settings_follow_fonts (settings);
      jx_indicator_table_remember_widths (settings, "indicator-column-widths");
    }
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app), "preferences")),
                               settings != NULL);
}

static void
jx_application_shutdown (GApplication *app)
{
  JxApplication *self = JX_APPLICATION (app);

  G_APPLICATION_CLASS (jx_application_parent_class)->shutdown (app);
  g_clear_object (&self->drafts);
}

static void
jx_application_class_init (JxApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = jx_application_activate;
  app_class->open = jx_application_open;
  app_class->startup = jx_application_startup;
  app_class->shutdown = jx_application_shutdown;
  GTK_APPLICATION_CLASS (klass)->window_added = jx_application_window_added;
}

static void
jx_application_init (JxApplication *self)
{
}

JxApplication *
jx_application_new (void)
{
  return g_object_new (JX_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/jixiao/Jixiao",
                       NULL);
}

JxDraftStore *
jx_application_get_draft_store (JxApplication *self)
{
  g_return_val_if_fail (JX_IS_APPLICATION (self), NULL);
  return self->drafts;
}
