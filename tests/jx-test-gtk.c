/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-test-gtk.h"

#define GUI_TIMEOUT_MS 30000

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

gboolean
jx_test_wait_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gboolean done;
  gulong id;

  if (!gtk_widget_get_mapped (widget) || (clock = gtk_widget_get_frame_clock (widget)) == NULL)
    return FALSE;
  g_object_ref (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (gtk_widget_get_root (widget)));
  done = jx_test_wait_for (is_true, &painted, GUI_TIMEOUT_MS);
  g_signal_handler_disconnect (clock, id);
  g_object_unref (clock);
  return done;
}

void
jx_test_settle (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  jx_test_run_pending ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_mapped (window))
        jx_test_wait_frame (window);
    }
  jx_test_run_pending ();
}

static gboolean
mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

gboolean
jx_test_wait_mapped (GtkWidget *widget)
{
  return jx_test_wait_for (mapped, widget, GUI_TIMEOUT_MS);
}

GtkWidget *
jx_test_find_toplevel (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (w), name) == 0 && gtk_widget_get_visible (w))
        return w;
    }
  return NULL;
}

/* GTK 4.8's text view lays out lines edited since the last frame while it
 * is being allocated, and asks for a new size from there: the list row it
 * sits in, allocated a moment before, is then skipped for that one frame
 * with this warning. An indicator cell being edited is such a text view,
 * and a line typed into it changes its height. */
static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
      domain = fields[i].value;
    else if (g_str_equal (fields[i].key, "MESSAGE"))
      message = fields[i].value;
  if ((level & G_LOG_LEVEL_WARNING) != 0 && g_strcmp0 (domain, "Gtk") == 0 && message != NULL &&
      g_str_has_prefix (message, "Trying to snapshot GtkListItemWidget") &&
      g_str_has_suffix (message, "without a current allocation"))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, data);
}

void
jx_test_allow_edited_row_frame (void)
{
  g_log_set_writer_func (log_writer, NULL, NULL);
}
