/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "jx-checkpoint.h"
#include "jx-document-io.h"
#include "jx-problems-actions.h"
#include "jx-problems-panel.h"
#include "jx-test-utils.h"
#include "jx-window.h"

/* The problems panel as a clerk meets it: the example's findings on
 * opening, an updated list a moment after an edit, a finding that leads to
 * its place, and the badge in the window's header bar. */

static void
changed_cb (GListModel *model, guint position, guint removed, guint added, gboolean *changed)
{
  *changed = TRUE;
}

/* Spins the main loop until the findings change, or fails after 5 s. */
static void
wait_for_recheck (JxProblemsPanel *panel)
{
  GListModel *findings = jx_problems_panel_get_findings (panel);
  gboolean changed = FALSE;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  gulong id = g_signal_connect (findings, "items-changed", G_CALLBACK (changed_cb), &changed);

  while (!changed && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_signal_handler_disconnect (findings, id);
  g_assert_true (changed);
}

static GtkWidget *
find_descendant (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_findings_follow_edits (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  GtkWidget *panel = g_object_ref_sink (jx_problems_panel_new ());
  JxProblemsPanel *self = JX_PROBLEMS_PANEL (panel);
  g_autoptr(JxProject) project = g_list_model_get_item (jx_document_get_projects (document), 5);
  GListModel *plan = jx_project_get_spending_plan (project);
  guint errors, warnings, hints;
  gint64 edited;

  jx_problems_panel_set_document (self, document);
  g_assert_cmpuint (g_list_model_get_n_items (jx_problems_panel_get_findings (self)), ==, 13);
  jx_problems_panel_count (self, &errors, &warnings, &hints);
  g_assert_cmpuint (errors, ==, 1);
  g_assert_cmpuint (warnings, ==, 10);
  g_assert_cmpuint (hints, ==, 2);
  g_assert_cmpint (jx_problems_panel_worst_for_project (self, 5), ==, JX_SEVERITY_ERROR);
  g_assert_cmpint (jx_problems_panel_worst_for_project (self, 3), ==, JX_SEVERITY_WARNING);
  g_assert_cmpint (jx_problems_panel_worst_for_project (self, 6), ==, JX_SEVERITY_NONE);

  /* The clerk fixes the 30/30/30/30 plan: nothing happens while typing... */
  for (guint i = 1; i < 4; i++)
    {
      g_autoptr(JxCheckpoint) point = g_list_model_get_item (plan, i);

      jx_checkpoint_set_percent (point, 30 + 70 * i / 3.0);
    }
  edited = g_get_monotonic_time ();
  g_assert_cmpuint (g_list_model_get_n_items (jx_problems_panel_get_findings (self)), ==, 13);
  /* ...and a moment later both plan findings are gone. */
  wait_for_recheck (self);
  g_assert_cmpint (g_get_monotonic_time () - edited, >=, JX_PROBLEMS_RECHECK_DELAY_MS * 1000 / 2);
  g_assert_cmpuint (g_list_model_get_n_items (jx_problems_panel_get_findings (self)), ==, 11);
  g_assert_cmpint (jx_problems_panel_worst_for_project (self, 5), ==, JX_SEVERITY_NONE);

  jx_problems_panel_set_document (self, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (jx_problems_panel_get_findings (self)), ==, 0);
  g_object_unref (panel);
}

static void
activated_cb (JxProblemsPanel *panel, const char *path, int project, char **out)
{
  *out = g_strdup_printf ("%s %d", path, project);
}

static void
test_activation (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *panel = jx_problems_panel_new ();
  g_autofree char *activated = NULL;
  GtkWidget *list;

  gtk_window_set_child (GTK_WINDOW (window), panel);
  jx_problems_panel_set_document (JX_PROBLEMS_PANEL (panel), document);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (panel, "finding-activated", G_CALLBACK (activated_cb), &activated);
  list = find_descendant (panel, GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list);
  g_signal_emit_by_name (list, "activate", 3);
  g_assert_cmpstr (activated, ==, "projects[3].overview.goal 3");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_badge_text (void)
{
  g_autofree char *tooltip = NULL;
  g_autofree char *none_tooltip = NULL;
  g_autofree char *badge = jx_problems_badge_text (1, 9, 2, &tooltip);
  g_autofree char *none = jx_problems_badge_text (0, 0, 0, &none_tooltip);

  g_assert_cmpstr (badge, ==, "12");
  g_assert_cmpstr (tooltip, ==, "1 error, 9 warnings, 2 hints");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (none_tooltip, ==, "No problems found");
}

/* The icon the badge shows. */
static const char *
badge_icon (GtkWidget *button)
{
  GtkWidget *image = find_descendant (button, GTK_TYPE_IMAGE);

  g_assert_nonnull (image);
  return gtk_image_get_icon_name (GTK_IMAGE (image));
}

static void
test_window (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  JxWindow *window = jx_window_new (NULL);
  JxProblemsPanel *panel = jx_problems_get_panel (window);
  GtkWidget *button = jx_problems_get_button (window);
  GtkWidget *popover;

  g_assert_nonnull (panel);
  g_assert_true (jx_problems_panel_get_document (panel) == jx_window_get_document (window));
  g_assert_true (gtk_widget_get_ancestor (button, GTK_TYPE_HEADER_BAR) != NULL);

  jx_window_set_document (window, document, NULL);
  g_assert_true (jx_problems_panel_get_document (panel) == document);
  /* The checks wait for the window's first frame, then the badge shows.
   * Until then it claims nothing: no findings yet is not "no problems". */
  g_assert_cmpuint (g_list_model_get_n_items (jx_problems_panel_get_findings (panel)), ==, 0);
  g_assert_false (jx_problems_panel_get_checked (panel));
  g_assert_null (gtk_widget_get_tooltip_text (button));
  g_assert_cmpstr (badge_icon (button), ==, "content-loading-symbolic");
  gtk_window_present (GTK_WINDOW (window));
  wait_for_recheck (panel);
  g_assert_cmpuint (g_list_model_get_n_items (jx_problems_panel_get_findings (panel)), ==, 13);
  g_assert_true (jx_problems_panel_get_checked (panel));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "1 error, 10 warnings, 2 hints");
  g_assert_cmpstr (badge_icon (button), ==, "dialog-error-symbolic");
  while (!gtk_widget_get_mapped (button))
    g_main_context_iteration (NULL, TRUE);

  /* Once shown, another document is checked at once. */
  {
    g_autoptr(JxDocument) other = jx_test_load_example ();

    jx_window_set_document (window, other, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (jx_problems_panel_get_findings (panel)), ==, 13);
    jx_window_set_document (window, document, NULL);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-problems", NULL));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (gtk_widget_get_visible (popover));
  /* Choosing a finding closes the popover for the window to take over. */
  g_signal_emit_by_name (panel, "finding-activated", "projects[5].spending_plan", 5);
  g_assert_false (gtk_widget_get_visible (popover));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Closing the window with the list open (Ctrl+Q over the popover) is
 * clean: the test aborts on any GTK critical. */
static void
test_close_with_popover_open (void)
{
  JxWindow *window = jx_window_new (NULL);
  GtkWidget *button = jx_problems_get_button (window);

  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (button))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-problems", NULL));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

int
main (int argc, char **argv)
{
  jx_test_isolate_xdg ();
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/problems-panel/findings-follow-edits", test_findings_follow_edits);
  g_test_add_func ("/problems-panel/activation", test_activation);
  g_test_add_func ("/problems-panel/badge-text", test_badge_text);
  g_test_add_func ("/problems-panel/window", test_window);
  g_test_add_func ("/problems-panel/close-with-popover-open", test_close_with_popover_open);

  return g_test_run ();
}
