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

/* "“预算.json” in ~/文档/2024 (2024-03-01 10:20)": a clerk keeps several
 * files of one name, one folder a year. */
static char *
describe (JxDraftInfo *info)
{
  g_autofree char *time = g_date_time_format (info->time, "%Y-%m-%d %H:%M");
  g_autofree char *what = NULL;

  if (info->original_path == NULL && info->department[0] != '\0')
    /* TRANSLATORS: a draft of a document never saved, by its department */
    what = g_strdup_printf (_("a new document of %s"), info->department);
  else
    what = jx_draft_info_describe_place (info);
  /* TRANSLATORS: a draft: "file in folder, or department (time)" */
  return g_strdup_printf (_("%s (%s)"), what, time);
}

static void
show_offer (JxWindow *self)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->leftover_drafts->len; i++)
    {
      g_autofree char *line = describe (g_ptr_array_index (self->leftover_drafts, i));

      g_string_append_printf (names, "%s%s", names->len > 0 ? "、" : "", line);
    }
  text = g_strdup_printf (_("Jixiao did not close properly last time. Unsaved changes were kept: %s."),
                          names->str);
  gtk_label_set_text (self->recovery_label, text);
  gtk_info_bar_set_revealed (self->recovery_bar, TRUE);
}

/* The leftovers become this instance's (jx_draft_store_claim_leftovers),
 * so another instance started after the same crash does not offer them
 * too; those already offered here stay offered. */
guint
jx_window_offer_recovery (JxWindow *self)
{
  JxDraftStore *store;
  g_autoptr(GPtrArray) claimed = NULL;

  g_return_val_if_fail (JX_IS_WINDOW (self), 0);
  store = store_of (self);
  if (store == NULL)
    return 0;
  claimed = jx_draft_store_claim_leftovers (store, NULL);
  if (self->leftover_drafts == NULL)
    self->leftover_drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) jx_draft_info_free);
  for (guint i = 0; claimed != NULL && i < claimed->len; i++)
    g_ptr_array_add (self->leftover_drafts, g_steal_pointer (&g_ptr_array_index (claimed, i)));
  if (self->leftover_drafts->len == 0)
    {
      g_clear_pointer (&self->leftover_drafts, g_ptr_array_unref);
      return 0;
    }
  show_offer (self);
  return self->leftover_drafts->len;
}

/* The window of the draft's file if it is open, else this window if it
 * shows nothing yet, else a new one. */
static JxWindow *
window_for_draft (JxWindow    *self,
                  JxDraftInfo *info)
{
  if (info->original_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (info->original_path);
      JxWindow *open = jx_window_find_for_file (file);

      if (open != NULL)
        return open;
    }
  if (jx_document_session_is_blank (self->session))
    return self;
  return jx_window_new_like (self);
}

/* Returns whether the draft is dealt with: restored, or failed for good.
 * A file open with changes of its own keeps both: the draft stays offered. */
static gboolean
restore_one (JxWindow    *self,
             JxDraftInfo *info)
{
  g_autoptr(GError) error = NULL;
  JxWindow *window = window_for_draft (self, info);
  gboolean made = window != self && jx_document_session_get_file (window->session) == NULL;

  if (jx_document_session_get_modified (window->session))
    {
      g_autofree char *place = jx_draft_info_describe_place (info);
      g_autofree char *primary = g_strdup_printf (_("%s is open with changes not saved yet"), place);

      gtk_window_present (GTK_WINDOW (window));
      jx_window_show_error (window, "restore-error-dialog", primary,
                            _("Save or undo the changes in its window first, then restore the changes kept "
                              "from last time: neither is lost meanwhile."));
      return FALSE;
    }
  if (!jx_document_session_restore_draft (window->session, info->id, &error))
    {
      if (made)
        gtk_window_destroy (GTK_WINDOW (window));
      jx_window_show_error (self, "restore-error-dialog", _("Could not restore the unsaved changes"),
                            error->message);
      return TRUE;
    }
  gtk_window_present (GTK_WINDOW (window));
  return TRUE;
}

void
jx_window_restore_drafts (JxWindow *self)
{
  g_autoptr(GPtrArray) drafts = g_steal_pointer (&self->leftover_drafts);

  gtk_info_bar_set_revealed (self->recovery_bar, FALSE);
  if (drafts == NULL)
    return;
  for (guint i = 0; i < drafts->len; i++)
    {
      JxDraftInfo *info = g_ptr_array_index (drafts, i);

      if (restore_one (self, info))
        continue;
      if (self->leftover_drafts == NULL)
        self->leftover_drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) jx_draft_info_free);
      g_ptr_array_add (self->leftover_drafts, g_steal_pointer (&g_ptr_array_index (drafts, i)));
    }
  if (self->leftover_drafts != NULL)
    show_offer (self);
}

void
jx_window_discard_drafts (JxWindow *self)
{
  JxDraftStore *store = store_of (self);

  gtk_info_bar_set_revealed (self->recovery_bar, FALSE);
  if (self->leftover_drafts == NULL || store == NULL)
    return;
  for (guint i = 0; i < self->leftover_drafts->len; i++)
    jx_draft_store_delete (store, ((JxDraftInfo *) g_ptr_array_index (self->leftover_drafts, i))->id, NULL);
  g_clear_pointer (&self->leftover_drafts, g_ptr_array_unref);
}

void
jx_window_drafts_dispose (JxWindow *self)
{
  g_clear_pointer (&self->leftover_drafts, g_ptr_array_unref);
}
