/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "jx-application.h"
#include "jx-test-gtk.h"
#include "jx-window.h"

static JxApplication *app;

static void
wait_idle (void)
{
  jx_test_settle ();
}

static gboolean
is_recent (gpointer uri)
{
  return gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri);
}

typedef struct
{
  GMenuModel *menu;
  const char *uri;
} MenuTarget;

static gboolean menu_has_target (GMenuModel *menu, const char *uri);

static gboolean
menu_lists (gpointer data)
{
  MenuTarget *target = data;

  return menu_has_target (target->menu, target->uri);
}

static GtkWidget *
find_label_with_text (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with_text (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_rows_showing (GtkWidget *root, const char *suffix)
{
  guint n = 0;

  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_str_has_suffix (gtk_label_get_text (GTK_LABEL (root)), suffix))
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_rows_showing (child, suffix);
  return n;
}

static JxWindow *
open_example (void)
{
  g_autofree char *path = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JxWindow *window = jx_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (jx_window_open_file (window, file));
  wait_idle ();
  return window;
}

static void
test_example_listed (void)
{
  JxWindow *window = open_example ();
  JxDocument *doc = jx_window_get_document (window);

  g_assert_cmpuint (g_list_model_get_n_items (jx_document_get_projects (doc)), ==, 7);
  /* What the clerk sees: the department, the total and one row per project. */
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "遵化市人民代表大会常务委员会"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "Department total: 270.00 万元"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "人大慰问老干部补贴"));
  g_assert_cmpuint (count_rows_showing (GTK_WIDGET (window), ".00"), >=, 7);

  /* The list follows the model. */
  jx_project_set_fiscal (g_list_model_get_item (jx_document_get_projects (doc), 0), 4000000);
  g_object_unref (g_list_model_get_item (jx_document_get_projects (doc), 0));
  wait_idle ();
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "Department total: 271.00 万元"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "4.00"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_broken_file_keeps_document (void)
{
  JxWindow *window = open_example ();
  JxDocument *before = jx_window_get_document (window);
  g_autofree char *path = jx_test_source_path ("tests/fixtures/broken/amount-negative.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *dialog = NULL;
  GListModel *toplevels;

  g_assert_false (jx_window_open_file (window, file));
  wait_idle ();
  g_assert_true (jx_window_get_document (window) == before);
  g_assert_cmpuint (g_list_model_get_n_items (jx_document_get_projects (before)), ==, 7);
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "Department total: 270.00 万元"));

  /* The loader's own message is shown. */
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);
      if (g_strcmp0 (gtk_widget_get_name (w), "load-error-dialog") == 0)
        dialog = w;
    }
  g_assert_nonnull (dialog);
  g_assert_nonnull (find_label_with_text (dialog,
    "Project 1 · Fiscal funds: an amount must be 0 or more"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Adds the canonical names of the space-separated accelerators in ACCELS. */
static void
add_accels (GHashTable *names, const char *accels)
{
  g_auto(GStrv) parts = g_strsplit (accels, " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint key = 0;
      GdkModifierType mods = 0;

      if (parts[i][0] == '\0' || !gtk_accelerator_parse (parts[i], &key, &mods))
        continue;
      g_hash_table_add (names, gtk_accelerator_name (key, mods));
    }
}

static void
collect_listed (GtkWidget *root, GHashTable *names)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (root))
    {
      g_autofree char *accelerator = NULL;

      g_object_get (root, "accelerator", &accelerator, NULL);
      if (accelerator != NULL)
        add_accels (names, accelerator);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_listed (child, names);
}

static void
assert_listed (GHashTable *listed, const char *accel, const char *action)
{
  guint key = 0;
  GdkModifierType mods = 0;
  g_autofree char *name = NULL;

  g_assert_true (gtk_accelerator_parse (accel, &key, &mods));
  name = gtk_accelerator_name (key, mods);
  if (!g_hash_table_contains (listed, name))
    g_error ("%s (%s) works but is not in the shortcuts window", accel, action);
}

/* Every key the application or the window answers to is in the shortcuts
 * window (keys scoped to one widget are listed there by hand). */
static void
test_shortcuts_listed (void)
{
  JxWindow *window = open_example ();
  GtkShortcutsWindow *overlay;
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_auto(GStrv) overlay_accels =
    gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");

  GLogLevelFlags fatal;

  /* The shortcuts window is built when asked for, and Ctrl+? asks. GTK
   * 4.8 warns about the page switcher of a section that spans two pages
   * ("GtkLabel reported min width -4", GTK alone does it with our file):
   * warnings are not fatal while it opens; criticals still are. */
  g_assert_cmpstrv (overlay_accels, ((const char *[]) { "<Control>question", NULL }));
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  wait_idle ();
  g_log_set_always_fatal (fatal);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  g_assert_nonnull (gtk_window_get_title (GTK_WINDOW (overlay)));
  collect_listed (GTK_WIDGET (overlay), listed);
  g_assert_cmpuint (g_hash_table_size (listed), >, 10);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        assert_listed (listed, accels[j], actions[i]);
    }
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          g_autofree char *accel = NULL;

          /* GTK's own (space, F10 and the like) are not ours to list. */
          if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !GTK_IS_NAMED_ACTION (gtk_shortcut_get_action (shortcut)))
            continue;
          accel = gtk_accelerator_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                        gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
          assert_listed (listed, accel,
                         gtk_named_action_get_action_name (GTK_NAMED_ACTION (gtk_shortcut_get_action (shortcut))));
        }
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
any_text_selected (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_label_get_selection_bounds (GTK_LABEL (root), NULL, NULL))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (any_text_selected (child))
      return TRUE;
  return FALSE;
}

/* The help opens to read, not with its first paragraphs selected. */
static void
test_help_opens_unselected (void)
{
  JxWindow *window = open_example ();
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *help = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  wait_idle ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && help == NULL; i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);
      if (w != GTK_WIDGET (window) && gtk_widget_get_visible (w) &&
          find_label_with_text (w, "What Jixiao does") != NULL)
        help = w;
    }
  g_assert_nonnull (help);
  g_assert_false (any_text_selected (help));
  gtk_window_destroy (GTK_WINDOW (help));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
other_toplevel (GtkWidget *main_window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);
      if (w != main_window && gtk_widget_get_visible (w))
        return w;
    }
  return NULL;
}

/* Runs the window's own shortcut for KEYS, as pressing them would. */
static gboolean
activate_shortcut (GtkWidget *window, const char *keys)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_strcmp0 (trigger, keys) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, window, NULL);
        }
    }
  return FALSE;
}

/* Help and Preferences are not application windows: the keys that close
 * them are their own. */
static void
test_secondary_windows_close_with_escape (void)
{
  const char *actions[] = { "help", "preferences" };
  JxWindow *window = open_example ();

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWidget *other;

      g_action_group_activate_action (G_ACTION_GROUP (app), actions[i], NULL);
      wait_idle ();
      other = other_toplevel (GTK_WIDGET (window));
      g_assert_nonnull (other);
      g_assert_true (activate_shortcut (other, "Escape|<Control>w"));
      wait_idle ();
      g_assert_null (other_toplevel (GTK_WIDGET (window)));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_menu_buttons (GtkWidget *root, GPtrArray *buttons)
{
  if (GTK_IS_MENU_BUTTON (root))
    g_ptr_array_add (buttons, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_menu_buttons (child, buttons);
}

/* The header bar's menus get their items when first opened, and then show
 * them (the main menu, the project menu). */
static void
test_menus_open (void)
{
  JxWindow *window = open_example ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint menus = 0;

  collect_menu_buttons (gtk_window_get_titlebar (GTK_WINDOW (window)), buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkMenuButton *button = g_ptr_array_index (buttons, i);
      GtkPopover *popover;

      /* The problems badge carries a panel, not a menu. */
      if (gtk_menu_button_get_popover (button) != NULL)
        continue;
      menus++;
      gtk_menu_button_popup (button);
      wait_idle ();
      popover = gtk_menu_button_get_popover (button);
      g_assert_nonnull (gtk_menu_button_get_menu_model (button));
      g_assert_nonnull (popover);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
      g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (button)), >, 0);
      gtk_menu_button_popdown (button);
      wait_idle ();
      /* Opening it again shows the same menu. */
      gtk_menu_button_popup (button);
      wait_idle ();
      g_assert_true (gtk_menu_button_get_popover (button) == popover);
      gtk_menu_button_popdown (button);
      wait_idle ();
    }
  g_assert_cmpuint (menus, ==, 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
menu_has_target (GMenuModel *menu, const char *target)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GVariant) value =
        g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
      const char *links[] = { G_MENU_LINK_SECTION, G_MENU_LINK_SUBMENU };

      if (value != NULL && g_strcmp0 (g_variant_get_string (value, NULL), target) == 0)
        return TRUE;
      for (guint j = 0; j < G_N_ELEMENTS (links); j++)
        {
          g_autoptr(GMenuModel) link = g_menu_model_get_item_link (menu, i, links[j]);
          if (link != NULL && menu_has_target (link, target))
            return TRUE;
        }
    }
  return FALSE;
}

/* An opened file joins the recent files (once the window shows: reading
 * that list waits for the first frame) and the window's Open Recent menu. */
static void
test_recent_files (void)
{
  g_autofree char *path = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentManager *recent = gtk_recent_manager_get_default ();
  JxWindow *window;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GMenuModel *menu = NULL;
  MenuTarget target = { NULL, uri };

  /* Earlier tests opened it too. */
  gtk_recent_manager_remove_item (recent, uri, NULL);
  g_assert_false (gtk_recent_manager_has_item (recent, uri));
  window = open_example ();

  g_assert_true (jx_test_wait_for (is_recent, (gpointer) uri, 30000));

  collect_menu_buttons (gtk_window_get_titlebar (GTK_WINDOW (window)), buttons);
  for (guint i = 0; i < buttons->len && menu == NULL; i++)
    {
      GtkMenuButton *button = g_ptr_array_index (buttons, i);

      if (gtk_menu_button_get_primary (button))
        {
          gtk_menu_button_popup (button);
          wait_idle ();
          menu = gtk_menu_button_get_menu_model (button);
          gtk_menu_button_popdown (button);
        }
    }
  g_assert_nonnull (menu);
  target.menu = menu;
  g_assert_true (jx_test_wait_for (menu_lists, &target, 30000));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The next window opens at the size the last one was given. */
static void
test_size_remembered (void)
{
  JxWindow *first = jx_window_new (GTK_APPLICATION (app));
  JxWindow *second;
  int width = 0, height = 0;

  gtk_window_set_default_size (GTK_WINDOW (first), 1111, 755);
  gtk_window_present (GTK_WINDOW (first));
  wait_idle ();
  gtk_window_destroy (GTK_WINDOW (first));

  second = jx_window_new (GTK_APPLICATION (app));
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 1111);
  g_assert_cmpint (height, ==, 755);
  gtk_window_destroy (GTK_WINDOW (second));
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  jx_test_isolate_xdg ();
  gtk_test_init (&argc, &argv, NULL);

  app = jx_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/example-listed", test_example_listed);
  g_test_add_func ("/window/broken-file-keeps-document", test_broken_file_keeps_document);
  g_test_add_func ("/window/shortcuts-listed", test_shortcuts_listed);
  g_test_add_func ("/window/help-opens-unselected", test_help_opens_unselected);
  g_test_add_func ("/window/secondary-windows-close-with-escape", test_secondary_windows_close_with_escape);
  g_test_add_func ("/window/size-remembered", test_size_remembered);
  g_test_add_func ("/window/menus-open", test_menus_open);
  g_test_add_func ("/window/recent-files", test_recent_files);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
