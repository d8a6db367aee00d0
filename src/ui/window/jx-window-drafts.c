/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drafts left by an instance that did not end cleanly, offered back in the
 * recovery bar. Writing and removing drafts is the session's. */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-window-private.h"

static JxDraftStore *
store_of (JxWindow *self)
{
  return jx_document_session_get_draft_store (self->session);
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

/* Into this window if it shows nothing yet, else into a new one. */
static gboolean
restore_one (JxWindow   *self,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  JxWindow *window = self;

  if (!jx_document_session_is_blank (self->session))
    window = jx_window_new_like (self);
  if (!jx_document_session_restore_draft (window->session, id, &error))
    {
      if (window != self)
        gtk_window_destroy (GTK_WINDOW (window));
      jx_window_show_error (self, "restore-error-dialog", _("Could not restore the unsaved changes"),
                            error->message);
      return FALSE;
    }
  return TRUE;
}

void
jx_window_restore_drafts (JxWindow *self)
{
  gtk_info_bar_set_revealed (self->recovery_bar, FALSE);
  if (self->leftover_drafts == NULL)
    return;
  for (guint i = 0; i < self->leftover_drafts->len; i++)
    restore_one (self, g_ptr_array_index (self->leftover_drafts, i));
  g_clear_pointer (&self->leftover_drafts, g_ptr_array_unref);
}

void
jx_window_discard_drafts (JxWindow *self)
{
  JxDraftStore *store = store_of (self);

  gtk_info_bar_set_revealed (self->recovery_bar, FALSE);
  if (self->leftover_drafts == NULL || store == NULL)
    return;
  for (guint i = 0; i < self->leftover_drafts->len; i++)
    jx_draft_store_delete (store, g_ptr_array_index (self->leftover_drafts, i), NULL);
  g_clear_pointer (&self->leftover_drafts, g_ptr_array_unref);
}

void
jx_window_drafts_dispose (JxWindow *self)
{
  g_clear_pointer (&self->leftover_drafts, g_ptr_array_unref);
}
