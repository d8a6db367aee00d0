/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "jx-page-fonts.h"
#include "jx-preferences-window.h"
#include "jx-settings.h"
#include "jx-test-gtk.h"

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
    g_autofree char *line = g_strdup_printf ("Printed with: %s", before);
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
  jx_test_isolate_xdg ();
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/preferences/fonts-follow-settings", test_fonts_follow_settings);
  g_test_add_func ("/preferences/autosave-delay-bound", test_autosave_delay_bound);
  return g_test_run ();
}
