/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shows the GTK 4.8 file chooser leak that the sanitizer run cannot name:
 * a chooser dialog shows a folder, waits until it has read it (its busy
 * cursor is gone), and is destroyed. The path bar along its top asks GIO
 * for each folder of the path and keeps neither the answers (GFileInfo
 * objects made in GIO's worker threads) nor its list of them, and all
 * those frames are nameless in Debian's build.
 *
 *   gcc -fsanitize=address -g tests/sanitize/gtk-chooser-leak.c -o chooser-leak \
 *     $(pkg-config --cflags --libs gtk4)
 *   GDK_DEBUG=gl-disable GTK_A11Y=none ASAN_OPTIONS=fast_unwind_on_malloc=0 \
 *     xvfb-run -a ./chooser-leak /usr/share/doc
 *     → "Direct leak of … g_list_prepend (libgtk-4.so.1+…)" and
 *       "Direct leak of … g_object_new … start_thread" */
#include <gtk/gtk.h>

static gboolean
reading (GtkWidget *dialog)
{
  GdkCursor *cursor = gtk_widget_get_cursor (dialog);

  return cursor != NULL && g_strcmp0 (gdk_cursor_get_name (cursor), "progress") == 0;
}

int
main (int argc, char **argv)
{
  GtkWidget *dialog;
  GFile *folder;
  gint64 until;

  gtk_init ();
  dialog = gtk_file_chooser_dialog_new ("chooser-leak", NULL, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        "_Cancel", GTK_RESPONSE_CANCEL, NULL);
  folder = g_file_new_for_path (argc > 1 ? argv[1] : g_get_home_dir ());
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  g_object_unref (folder);
  gtk_window_present (GTK_WINDOW (dialog));
  /* Until it has started and finished reading, and a moment after. */
  until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until || reading (dialog))
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
  gtk_window_destroy (GTK_WINDOW (dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return 0;
}
