/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every part of the window uses: work put off until the first frame,
 * error messages, and another window for a document this one cannot take. */
#include "config.h"

#include "jx-window-private.h"

/* ---- After the first frame ---- */

typedef struct
{
  JxWindowFunc func;
  gpointer data;
  GDestroyNotify destroy;
} WhenShown;

static void
when_shown_clear (gpointer data)
{
  WhenShown *work = data;

  if (work->destroy != NULL)
    work->destroy (work->data);
}

static gboolean
run_when_shown (gpointer user_data)
{
  JxWindow *self = user_data;
  g_autoptr(GArray) pending = g_steal_pointer (&self->when_shown);

  self->when_shown_id = 0;
  for (guint i = 0; pending != NULL && i < pending->len; i++)
    {
      WhenShown *work = &g_array_index (pending, WhenShown, i);
      work->func (self, work->data);
    }
  return G_SOURCE_REMOVE;
}

static void
schedule_when_shown (JxWindow *self)
{
  /* From the main loop, below redrawing: the frame goes out first. */
  if (self->when_shown_id == 0)
    self->when_shown_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, run_when_shown, self, NULL);
}

void
jx_window_first_frame_cb (GdkFrameClock *clock,
                JxWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, jx_window_first_frame_cb, self);
  self->shown = TRUE;
  if (self->when_shown != NULL)
    schedule_when_shown (self);
}

void
jx_window_map_cb (JxWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, jx_window_map_cb, NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                    G_CALLBACK (jx_window_first_frame_cb), self);
}

void
jx_window_when_shown (JxWindow       *self,
                      JxWindowFunc    func,
                      gpointer        data,
                      GDestroyNotify  destroy)
{
  WhenShown work = { func, data, destroy };

  g_return_if_fail (JX_IS_WINDOW (self));
  g_return_if_fail (func != NULL);
  if (self->when_shown == NULL)
    {
      self->when_shown = g_array_new (FALSE, FALSE, sizeof (WhenShown));
      g_array_set_clear_func (self->when_shown, when_shown_clear);
    }
  g_array_append_val (self->when_shown, work);
  if (self->shown)
    schedule_when_shown (self);
}

void
jx_window_show_error (JxWindow   *self,
                      const char *name,
                      const char *primary,
                      const char *secondary)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  gtk_widget_set_name (dialog, name);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

JxWindow *
jx_window_new_like (JxWindow *self)
{
  JxWindow *window;

  /* Of this window's own type, with its application and its drafts. */
  window = g_object_new (G_OBJECT_TYPE (self), "application", gtk_window_get_application (GTK_WINDOW (self)),
                         NULL);
  if (jx_document_session_get_draft_store (self->session) != NULL)
    jx_document_session_set_draft_store (window->session,
                                         jx_document_session_get_draft_store (self->session));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

JxWindow *
jx_window_target_for_new (JxWindow *self)
{
  if (!jx_document_session_get_modified (self->session))
    return self;
  return jx_window_new_like (self);
}

/* The file system's identity of a file (device and inode), or NULL. */
static char *
file_id (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ID_FILE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? g_strdup (g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE))
                      : NULL;
}

JxWindow *
jx_window_find_for_file (GFile *file)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autofree char *id = NULL;
  gboolean looked = FALSE;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GFile *shown;
      g_autofree char *shown_id = NULL;

      if (!JX_IS_WINDOW (window) ||
          (shown = jx_document_session_get_file (JX_WINDOW (window)->session)) == NULL)
        continue;
      if (g_file_equal (shown, file))
        return JX_WINDOW (window);
      if (!looked)
        {
          id = file_id (file);
          looked = TRUE;
        }
      if (id != NULL && (shown_id = file_id (shown)) != NULL && g_str_equal (id, shown_id))
        return JX_WINDOW (window);
    }
  return NULL;
}
