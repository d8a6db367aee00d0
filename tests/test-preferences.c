/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "jx-font-watch.h"
#include "jx-page-fonts.h"
#include "jx-preferences-window.h"
#include "jx-settings.h"
#include "jx-test-gtk.h"

/* A machine with only the AR PL fonts: no office font is installed. */
#define ONLY_FONTS "/usr/share/fonts/truetype/arphic"
#define ADDED_FONT "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
#define ADDED_FAMILY "WenQuanYi Micro Hei"

/* Everything due, and a frame of every window that shows: list views
 * bind their rows when they lay out. */
static void
wait_idle (void)
{
  jx_test_settle ();
}

static gboolean
has_label (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (has_label (c, text))
      return TRUE;
  return FALSE;
}

static char *
resolved (JxFontRole role)
{
  PangoContext *context = jx_page_context_new ();
  char *family = jx_font_role_resolve (context, role);

  g_object_unref (context);
  return family;
}

/* Choosing a family in the preferences changes what the printout uses, and
 * the window says which real font that is; "Default" goes back. */
static void
test_fonts_follow_settings (void)
{
  GSettings *settings = jx_settings_get ();
  GtkWindow *window;
  g_autofree char *before = resolved (JX_FONT_BODY);
  g_autofree char *after = NULL;
  g_autofree char *table = NULL;
  g_autofree char *back = NULL;

  g_assert_nonnull (settings);
  jx_settings_follow_fonts (settings);
  window = jx_preferences_window_new (NULL, settings);
  gtk_window_present (window);
  wait_idle ();
  {
    /* Said plainly: which office font is missing and what prints instead. */
    g_autofree char *line = g_strdup_printf ("仿宋_GB2312 is not installed: %s prints instead", before);
    g_assert_true (has_label (GTK_WIDGET (window), line));
  }

  g_settings_set_string (settings, "font-body", "AR PL UKai CN");
  g_settings_set_string (settings, "font-table", "AR PL UKai CN");
  wait_idle ();
  g_assert_cmpstr (jx_font_role_get_family (JX_FONT_BODY), ==, "AR PL UKai CN");
  after = resolved (JX_FONT_BODY);
  table = resolved (JX_FONT_NARROW);
  g_assert_cmpstr (after, ==, "AR PL UKai CN");
  g_assert_cmpstr (table, ==, "AR PL UKai CN");
  g_assert_true (has_label (GTK_WIDGET (window), "Printed with: AR PL UKai CN"));

  g_settings_reset (settings, "font-body");
  wait_idle ();
  g_assert_null (jx_font_role_get_family (JX_FONT_BODY));
  back = resolved (JX_FONT_BODY);
  g_assert_cmpstr (back, ==, before);

  gtk_window_destroy (window);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, prefix);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The position of family among a drop-down's choices, or -1. */
static int
choice_position (GtkDropDown *choice,
                 const char  *family)
{
  GListModel *model = gtk_drop_down_get_model (choice);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), family) == 0)
      return (int) i;
  return -1;
}

/* The missing office font stands out (not grey), with a warning mark. */
static void
test_stand_in_visible (void)
{
  GSettings *settings = jx_settings_get ();
  GtkWindow *window = jx_preferences_window_new (NULL, settings);
  GtkWidget *line;

  gtk_window_present (window);
  wait_idle ();
  line = find_label (GTK_WIDGET (window), "黑体 is not installed: AR PL");
  g_assert_nonnull (line);
  g_assert_true (gtk_widget_has_css_class (line, "warning"));
  g_assert_false (gtk_widget_has_css_class (line, "dim-label"));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_prev_sibling (line)));
  /* Page numbers too: 宋体. */
  g_assert_nonnull (find_label (GTK_WIDGET (window), "宋体 is not installed: AR PL"));
  gtk_window_destroy (window);
}

/* A role's font is chosen among the installed ones that print Chinese;
 * the first choice is the built-in list. */
static void
test_choose_installed (void)
{
  GSettings *settings = jx_settings_get ();
  GtkWindow *window;
  GtkDropDown *body;
  int ukai;

  jx_settings_follow_fonts (settings);
  window = jx_preferences_window_new (NULL, settings);
  gtk_window_present (window);
  wait_idle ();
  body = GTK_DROP_DOWN (find_named (GTK_WIDGET (window), "font-body"));
  g_assert_nonnull (body);
  g_assert_cmpuint (gtk_drop_down_get_selected (body), ==, 0);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (body)), 0), ==,
                   "Built-in list");
  g_assert_cmpint (choice_position (body, "DejaVu Sans"), ==, -1);
  ukai = choice_position (body, "AR PL UKai CN");
  g_assert_cmpint (ukai, >, 0);

  gtk_drop_down_set_selected (body, ukai);
  wait_idle ();
  g_assert_cmpstr (jx_font_role_get_family (JX_FONT_BODY), ==, "AR PL UKai CN");
  g_assert_true (has_label (GTK_WIDGET (window), "Printed with: AR PL UKai CN"));
  gtk_drop_down_set_selected (body, 0);
  wait_idle ();
  g_assert_null (jx_font_role_get_family (JX_FONT_BODY));
  {
    g_autofree char *body = g_settings_get_string (settings, "font-body");

    g_assert_cmpstr (body, ==, "");
  }
  gtk_window_destroy (window);
}

static int changes;

static void
count_change (void)
{
  changes++;
}

/* A clerk adds a font file: it is installed for the user, listed at once
 * for every role, and the window says so; a file that is no font is
 * refused with its name. */
static void
test_add_font_file (void)
{
  GSettings *settings = jx_settings_get ();
  GtkWindow *window = jx_preferences_window_new (NULL, settings);
  g_autofree char *tmp = jx_test_make_tmpdir ();
  g_autofree char *fake = g_build_filename (tmp, "仿宋_GB2312.ttf", NULL);
  g_autofree char *copy = g_build_filename (g_get_user_data_dir (), "fonts", "wqy-microhei.ttc", NULL);
  GtkWidget *result;
  GtkDropDown *title;

  gtk_window_present (window);
  wait_idle ();
  result = find_named (GTK_WIDGET (window), "add-font-result");
  title = GTK_DROP_DOWN (find_named (GTK_WIDGET (window), "font-title"));
  g_assert_false (gtk_widget_get_visible (result));
  g_assert_cmpint (choice_position (title, ADDED_FAMILY), ==, -1);
  g_signal_connect_swapped (jx_font_watch_get_default (), "changed", G_CALLBACK (count_change), NULL);

  g_assert_true (g_file_set_contents (fake, "这不是字体", -1, NULL));
  g_assert_false (jx_preferences_window_add_font_file (window, fake));
  g_assert_true (gtk_widget_get_visible (result));
  g_assert_true (gtk_widget_has_css_class (result, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (result)), "仿宋_GB2312.ttf"));
  g_assert_cmpint (changes, ==, 0);

  g_assert_true (jx_preferences_window_add_font_file (window, ADDED_FONT));
  g_assert_cmpint (changes, ==, 1);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  g_assert_true (gtk_widget_has_css_class (result, "success"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (result)), ADDED_FAMILY));
  wait_idle ();
  g_assert_cmpint (choice_position (title, ADDED_FAMILY), >, 0);
  g_signal_handlers_disconnect_by_func (jx_font_watch_get_default (), count_change, NULL);
  gtk_window_destroy (window);
  jx_test_remove_tree (tmp);
}

static GtkWidget *
find_spin (GtkWidget *root)
{
  if (GTK_IS_SPIN_BUTTON (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_spin (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_autosave_delay_bound (void)
{
  GSettings *settings = jx_settings_get ();
  GtkWindow *window = jx_preferences_window_new (NULL, settings);
  GtkWidget *spin;

  gtk_window_present (window);
  wait_idle ();
  spin = find_spin (GTK_WIDGET (window));
  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 12);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-delay"), ==, 12);
  gtk_window_destroy (window);
}

int
main (int argc, char **argv)
{
  g_autofree char *fonts = NULL;
  int status;

  jx_test_isolate_xdg ();
  fonts = jx_test_isolate_fonts (ONLY_FONTS);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/preferences/fonts-follow-settings", test_fonts_follow_settings);
  g_test_add_func ("/preferences/stand-in-visible", test_stand_in_visible);
  g_test_add_func ("/preferences/choose-installed", test_choose_installed);
  g_test_add_func ("/preferences/autosave-delay-bound", test_autosave_delay_bound);
  /* Last: it adds a font. */
  g_test_add_func ("/preferences/add-font-file", test_add_font_file);
  status = g_test_run ();
  jx_test_remove_tree (fonts);
  return status;
}
