/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-export-notice.h"
#include "jx-print-notice.h"

#define DISMISSED_KEY "font-notice-dismissed"

enum { RESPONSE_SHOW_PROBLEMS = 1, RESPONSE_CHOOSE_FONTS };

typedef struct
{
  GtkWindow *parent;           /* weak */
  JxDocumentSession *session;
  GSettings *settings;
  char *fonts;
  GtkCheckButton *dismiss;
  JxExportFunc go;
} Notice;

static void
notice_free (gpointer data,
             GClosure *closure)
{
  Notice *notice = data;

  g_clear_weak_pointer (&notice->parent);
  g_object_unref (notice->session);
  g_clear_object (&notice->settings);
  g_free (notice->fonts);
  g_free (notice);
}

static void
response_cb (GtkDialog *dialog,
             int        response,
             Notice    *notice)
{
  g_autoptr(GtkWindow) parent = notice->parent != NULL ? g_object_ref (notice->parent) : NULL;
  g_autoptr(JxDocumentSession) session = g_object_ref (notice->session);
  JxExportFunc go = notice->go;

  if (notice->dismiss != NULL && gtk_check_button_get_active (notice->dismiss) &&
      response == GTK_RESPONSE_ACCEPT)
    g_settings_set_string (notice->settings, DISMISSED_KEY, notice->fonts);
  /* Frees the notice. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (parent == NULL)
    return;
  if (response == GTK_RESPONSE_ACCEPT)
    go (parent, session);
  else if (response == RESPONSE_SHOW_PROBLEMS)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-problems", NULL);
  else if (response == RESPONSE_CHOOSE_FONTS)
    gtk_widget_activate_action (GTK_WIDGET (parent), "app.preferences", NULL);
}

/* The fonts to mention: those the clerk has not asked to hear no more of. */
static char *
fonts_to_mention (GSettings *settings,
                  gboolean   about_fonts)
{
  g_autofree char *fonts = about_fonts ? jx_print_notice_describe_fonts () : NULL;
  g_autofree char *dismissed = settings != NULL ? g_settings_get_string (settings, DISMISSED_KEY) : NULL;

  if (fonts == NULL || g_strcmp0 (fonts, dismissed) == 0)
    return NULL;
  return g_steal_pointer (&fonts);
}

static GtkWidget *
make_dialog (GtkWindow  *parent,
             const char *errors,
             Notice     *notice,
             const char *go_label)
{
  GtkWidget *dialog;
  g_autofree char *text = NULL;

  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE, "%s",
                                   errors != NULL ? _("The document still has errors")
                                                  : _("The office fonts are not installed"));
  text = g_strjoin ("\n\n", errors != NULL ? errors : notice->fonts,
                    errors != NULL ? notice->fonts : NULL, NULL);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", text);
  if (errors != NULL)
    gtk_dialog_add_button (GTK_DIALOG (dialog), _("Show _Problems"), RESPONSE_SHOW_PROBLEMS);
  if (notice->fonts != NULL)
    gtk_dialog_add_button (GTK_DIALOG (dialog), _("Choose _Fonts…"), RESPONSE_CHOOSE_FONTS);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (dialog), go_label, GTK_RESPONSE_ACCEPT);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                            "suggested-action");
  gtk_widget_set_name (dialog, "export-notice");
  return dialog;
}

static void
add_dismiss (GtkWidget *dialog,
             Notice    *notice)
{
  GtkWidget *area = gtk_message_dialog_get_message_area (GTK_MESSAGE_DIALOG (dialog));
  GtkWidget *check = gtk_check_button_new_with_mnemonic (_("_Do not mention these fonts again"));

  gtk_widget_set_name (check, "dismiss-fonts-check");
  gtk_box_append (GTK_BOX (area), check);
  notice->dismiss = GTK_CHECK_BUTTON (check);
}

void
jx_export_notice_run (GtkWindow         *parent,
                      JxDocumentSession *session,
                      GSettings         *settings,
                      gboolean           about_fonts,
                      const char        *go_label,
                      JxExportFunc       go)
{
  g_autofree char *errors = NULL;
  g_autofree char *fonts = NULL;
  GtkWidget *dialog;
  Notice *notice;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (JX_IS_DOCUMENT_SESSION (session));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));
  g_return_if_fail (go_label != NULL && go != NULL);

  errors = jx_print_notice_describe_errors (jx_document_session_get_review (session));
  fonts = fonts_to_mention (settings, about_fonts);
  if (errors == NULL && fonts == NULL)
    {
      go (parent, session);
      return;
    }
  notice = g_new0 (Notice, 1);
  notice->fonts = g_steal_pointer (&fonts);
  g_set_weak_pointer (&notice->parent, parent);
  notice->session = g_object_ref (session);
  notice->settings = settings != NULL ? g_object_ref (settings) : NULL;
  notice->go = go;
  dialog = make_dialog (parent, errors, notice, go_label);
  if (notice->fonts != NULL && settings != NULL)
    add_dismiss (dialog, notice);
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), notice, notice_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
