/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The year's work in the window: starting next year's document, and the
 * compare view under the forms — with another file, or with the saved
 * version of this one — with its previous and next change. */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-compare-panel.h"
#include "jx-roll-forward-dialog.h"
#include "jx-window-private.h"

/* ---- The compare view ---- */

static void
go_to_cb (JxWindow   *self,
          const char *path)
{
  g_autoptr(JxMemberPath) place = jx_member_path_parse (path);

  if (place != NULL)
    jx_window_show_place (self, place, TRUE);
}

static void
failed_cb (JxWindow   *self,
           const char *primary,
           const char *secondary)
{
  jx_window_show_error (self, "compare-error-dialog", primary, secondary);
}

/* The forms keep the larger part of the window; the list gets the rest,
 * at least enough for a few changes. */
static void
place_panel (JxWindow *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self->compare_paned));
  int width;

  /* A window not shown yet: its size to be, less the title bar. */
  if (height <= 0)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      height -= 50;
    }
  if (height <= 0)
    height = 650;
  gtk_paned_set_position (self->compare_paned, MAX (height * 11 / 20, height - 340));
}

static JxComparePanel *
ensure_panel (JxWindow *self)
{
  if (self->compare_panel == NULL)
    {
      self->compare_panel = JX_COMPARE_PANEL (jx_compare_panel_new (self->session));
      g_signal_connect_object (self->compare_panel, "go-to", G_CALLBACK (go_to_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->compare_panel, "failed", G_CALLBACK (failed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->compare_panel, "notify::visible",
                               G_CALLBACK (jx_window_update_compare_actions), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->compare_panel, "notify::changes",
                               G_CALLBACK (jx_window_update_compare_actions), self, G_CONNECT_SWAPPED);
      gtk_paned_set_end_child (self->compare_paned, GTK_WIDGET (self->compare_panel));
    }
  return self->compare_panel;
}

static JxComparePanel *
show_panel (JxWindow *self)
{
  JxComparePanel *panel = ensure_panel (self);

  if (!gtk_widget_get_visible (GTK_WIDGET (panel)))
    place_panel (self);
  return panel;
}

GtkWidget *
jx_window_get_compare_panel (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), NULL);
  return GTK_WIDGET (ensure_panel (self));
}

void
jx_window_update_compare_actions (JxWindow *self)
{
  GActionMap *map = G_ACTION_MAP (self);
  GListModel *changes = self->compare_panel != NULL ? jx_compare_panel_get_changes (self->compare_panel) : NULL;
  gboolean stepping = changes != NULL && g_list_model_get_n_items (changes) > 0 &&
                      gtk_widget_get_visible (GTK_WIDGET (self->compare_panel));

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "compare-saved")),
                               jx_document_session_get_file (self->session) != NULL);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "next-change")), stepping);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "previous-change")), stepping);
}

void
jx_window_compare_with (JxWindow *self,
                        GFile    *file)
{
  g_return_if_fail (JX_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  jx_compare_panel_compare_file (show_panel (self), file, FALSE);
}

void
jx_window_compare_saved (JxWindow *self)
{
  GFile *file = jx_document_session_get_file (self->session);

  if (file != NULL)
    jx_compare_panel_compare_file (show_panel (self), file, TRUE);
}

static void
compare_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     JxWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file != NULL)
    jx_window_compare_with (self, file);
}

/* The other version is usually beside this one: the chooser starts in
 * this document's folder. */
void
jx_window_choose_compare (JxWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GFile *file = jx_document_session_get_file (self->session);
  g_autoptr(GFile) folder = file != NULL ? g_file_get_parent (file) : NULL;

  chooser = gtk_file_chooser_native_new (_("Compare with Another Version"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("Co_mpare"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Budget performance documents (*.json)"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (compare_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gboolean
jx_window_step_change (JxWindow *self,
                       int       delta)
{
  return self->compare_panel != NULL && jx_compare_panel_step (self->compare_panel, delta);
}

/* ---- Next year's document ---- */

/* In a window of its own, beside last year's, not saved yet: saving asks
 * where, proposing next year's name beside the file it came from. */
static void
roll_forward_done_cb (JxWindow      *self,
                      JxRollForward *roll)
{
  JxWindow *window = jx_window_new_like (self);
  GFile *origin = jx_document_session_get_file (self->session);
  JxDocument *next = jx_roll_forward_get_document (roll);

  /* Before the document, so that its title says where it came from. */
  g_set_object (&window->origin, origin);
  g_set_object (&window->origin_document, next);
  jx_document_session_set_document (window->session, next, NULL, TRUE);
  jx_compare_panel_show_roll_forward (show_panel (window), roll, origin);
}

void
jx_window_start_next_year (JxWindow *self)
{
  JxRollForwardDialog *dialog = jx_roll_forward_dialog_new (GTK_WINDOW (self), self->session);

  g_signal_connect_object (dialog, "done", G_CALLBACK (roll_forward_done_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
jx_window_compare_init (JxWindow *self)
{
  g_signal_connect_object (self->session, "notify::file", G_CALLBACK (jx_window_update_compare_actions),
                           self, G_CONNECT_SWAPPED);
  jx_window_update_compare_actions (self);
}
