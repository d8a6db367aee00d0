/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Leaks of our own kind, on purpose, one a run: the sanitizer run must
 * report each, or its suppressions hide our leaks. test-leak-canary.py
 * runs every case and expects a leak report naming the case's function.
 *
 *   handler   a string lost in a signal handler GTK calls
 *   widget    a list made with a GTK constructor and never freed
 *   snapshot  a string lost while a widget of ours draws text in a frame
 */
#include <gtk/gtk.h>

static char *lost;
static gboolean clicked;

/* LeakSanitizer looks for pointers in the stack too: a copy of the lost
 * pointer left in a dead frame would keep it "reachable". Calls that reach
 * deeper than the leak overwrite those frames. */
static G_GNUC_NO_INLINE void
clear_stack (void)
{
  volatile char frames[256 * 1024];

  for (gsize i = 0; i < sizeof frames; i += 64)
    frames[i] = 0;
}

static G_GNUC_NO_INLINE void
canary_handler (GtkButton *button)
{
  lost = g_strdup_printf ("%p", (void *) button);
  lost = NULL;
  clicked = TRUE;
}

static G_GNUC_NO_INLINE void
canary_widget (void)
{
  GtkStringList *list = gtk_string_list_new ((const char *[]) { "绩效", NULL });

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

#define CANARY_TYPE_VIEW (canary_view_get_type ())
G_DECLARE_FINAL_TYPE (CanaryView, canary_view, CANARY, VIEW, GtkWidget)

struct _CanaryView
{
  GtkWidget parent_instance;
  gboolean  drawn;
};

G_DEFINE_FINAL_TYPE (CanaryView, canary_view, GTK_TYPE_WIDGET)

static void
canary_snapshot (GtkWidget   *widget,
                 GtkSnapshot *snapshot)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, "项目支出绩效目标表");

  gtk_snapshot_append_layout (snapshot, layout, &(GdkRGBA) { 0, 0, 0, 1 });
  g_object_unref (layout);
  lost = g_strdup ("drawn");
  lost = NULL;
  CANARY_VIEW (widget)->drawn = TRUE;
}

static void
canary_view_class_init (CanaryViewClass *klass)
{
  GTK_WIDGET_CLASS (klass)->snapshot = canary_snapshot;
}

static void
canary_view_init (CanaryView *self)
{
  gtk_widget_set_size_request (GTK_WIDGET (self), 200, 40);
}

int
main (int argc, char **argv)
{
  const char *which = argc > 1 ? argv[1] : "";
  GtkWidget *window;

  gtk_init ();
  window = gtk_window_new ();
  if (g_str_equal (which, "handler"))
    {
      GtkWidget *button = gtk_button_new_with_label ("绩效");

      gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

      g_signal_connect (button, "clicked", G_CALLBACK (canary_handler), NULL);
      gtk_window_set_child (GTK_WINDOW (window), button);
      gtk_window_present (GTK_WINDOW (window));
      /* GTK shows the button pressed a moment, then says "clicked". */
      gtk_widget_activate (button);
      while (!clicked && g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, TRUE);
      if (!clicked)
        return 2;
    }
  else if (g_str_equal (which, "widget"))
    canary_widget ();
  else if (g_str_equal (which, "snapshot"))
    {
      GtkWidget *view = g_object_new (CANARY_TYPE_VIEW, NULL);
      gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

      gtk_window_set_child (GTK_WINDOW (window), view);
      gtk_window_present (GTK_WINDOW (window));
      while (!CANARY_VIEW (view)->drawn && g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, TRUE);
      if (!CANARY_VIEW (view)->drawn)
        return 2;
    }
  else
    return 2;
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  clear_stack ();
  return 0;
}
