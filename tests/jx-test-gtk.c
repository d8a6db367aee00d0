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

/* The file list of GTK 4.8's chooser: a tree view on its own model of the
 * folder's files, which it gets once the first files are read. */
static gboolean
shows_folder_files (GtkWidget *widget)
{
  if (GTK_IS_TREE_VIEW (widget) && gtk_widget_get_mapped (widget))
    {
      GtkTreeModel *model = gtk_tree_view_get_model (GTK_TREE_VIEW (widget));

      if (model != NULL && g_str_equal (G_OBJECT_TYPE_NAME (model), "GtkFileSystemModel"))
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_folder_files (child))
      return TRUE;
  return FALSE;
}

static gboolean
chooser_read (gpointer chooser)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (chooser);
  GdkCursor *cursor = gtk_widget_get_cursor (chooser);

  return folder != NULL && shows_folder_files (chooser) &&
         (cursor == NULL || g_strcmp0 (gdk_cursor_get_name (cursor), "progress") != 0);
}

gboolean
jx_test_wait_chooser_read (GtkWidget *chooser)
{
  g_return_val_if_fail (GTK_IS_FILE_CHOOSER (chooser), FALSE);
  if (!jx_test_wait_for (chooser_read, chooser, GUI_TIMEOUT_MS))
    return FALSE;
  /* What it read last reaches it through the main loop. */
  jx_test_settle ();
  return chooser_read (chooser);
}

#if defined(__SANITIZE_ADDRESS__)
# define WITH_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define WITH_ASAN 1
# endif
#endif

#ifdef WITH_ASAN
static void
run_without_leak_check (gconstpointer data)
{
  GTestFunc func = (GTestFunc) data;
  g_autofree char *saved = NULL;
  g_autofree char *options = NULL;

  if (g_test_subprocess ())
    {
      func ();
      return;
    }
  /* The child reads its options as it starts; the last one given wins. */
  saved = g_strdup (g_getenv ("ASAN_OPTIONS"));
  options = g_strconcat (saved != NULL ? saved : "", saved != NULL ? ":" : "", "detect_leaks=0", NULL);
  g_setenv ("ASAN_OPTIONS", options, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (saved != NULL)
    g_setenv ("ASAN_OPTIONS", saved, TRUE);
  else
    g_unsetenv ("ASAN_OPTIONS");
  g_test_trap_assert_passed ();
}
#endif

void
jx_test_add_chooser_func (const char *path,
                          GTestFunc   func)
{
#ifdef WITH_ASAN
  g_test_add_data_func (path, (gconstpointer) func, run_without_leak_check);
#else
  g_test_add_func (path, func);
#endif
}

void
jx_test_screenshot (gpointer    widget,
                    const char *name)
{
  const char *dir = g_getenv ("JX_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  graphene_rect_t bounds;
  int width, height;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  if (dir == NULL)
    return;
  jx_test_settle ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  if (width <= 0 || height <= 0 || gtk_widget_get_native (widget) == NULL)
    {
      g_test_message ("no picture of %s: it does not show", name);
      return;
    }
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_test_message ("no picture of %s: nothing is drawn", name);
      return;
    }
  gsk_render_node_get_bounds (node, &bounds);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &bounds);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  if (!gdk_texture_save_to_png (texture, path))
    g_test_message ("could not write %s", path);
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
