/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "jx-checkpoint.h"
#include "jx-document-io.h"
#include "jx-problems-button.h"
#include "jx-problems-panel.h"
#include "jx-review.h"
#include "jx-test-utils.h"
#include "jx-widget-util.h"
#include "jx-window.h"

/* The problems panel as a clerk meets it: the example's findings on
 * opening, an updated list a moment after an edit, a finding that leads to
 * its place, and the badge in the window's header bar. */

static gboolean
review_changed (gpointer data)
{
  gboolean *changed = data;

  return *changed;
}

static void
note_change_cb (JxReview *review, gboolean *changed)
{
  *changed = TRUE;
}

/* Runs the main loop until the review checks again. */
static void
wait_for_recheck (JxReview *review)
{
  gboolean changed = FALSE;
  gulong id = g_signal_connect (review, "changed", G_CALLBACK (note_change_cb), &changed);

  g_assert_true (jx_test_wait_for (review_changed, &changed, 30000));
  g_signal_handler_disconnect (review, id);
}

static JxReview *
review_of (JxWindow *window)
{
  return jx_document_session_get_review (jx_window_get_session (window));
}

/* The text of the panel's summary line: its first label. */
static const char *
summary_of (GtkWidget *panel)
{
  GtkWidget *label = gtk_widget_get_first_child (panel);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
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

/* The panel shows what the review found, and follows it as the clerk
 * fixes things: nothing while typing, all of it a moment later. */
static void
test_findings_follow_edits (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  g_autoptr(JxReview) review = jx_review_new (document);
  GtkWidget *panel = g_object_ref_sink (jx_problems_panel_new ());
  g_autoptr(JxProject) project = g_list_model_get_item (jx_document_get_projects (document), 5);
  GListModel *plan = jx_project_get_spending_plan (project);
  GtkWidget *list;
  gint64 edited;

  jx_problems_panel_set_review (JX_PROBLEMS_PANEL (panel), review);
  list = find_descendant (panel, GTK_TYPE_LIST_VIEW);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))),
                    ==, 13);
  g_assert_cmpstr (summary_of (panel), ==, "1 error, 10 warnings, 2 hints");
  g_assert_cmpint (jx_review_worst_for_project (review, 5), ==, JX_SEVERITY_ERROR);
  g_assert_cmpint (jx_review_worst_for_project (review, 3), ==, JX_SEVERITY_WARNING);
  g_assert_cmpint (jx_review_worst_for_project (review, 6), ==, JX_SEVERITY_NONE);

  /* The clerk fixes the 30/30/30/30 plan: nothing happens while typing... */
  for (guint i = 1; i < 4; i++)
    {
      g_autoptr(JxCheckpoint) point = g_list_model_get_item (plan, i);

      jx_checkpoint_set_percent (point, 30 + 70 * i / 3.0);
    }
  edited = g_get_monotonic_time ();
  g_assert_cmpstr (summary_of (panel), ==, "1 error, 10 warnings, 2 hints");
  /* ...and a moment later both plan findings are gone. */
  wait_for_recheck (review);
  g_assert_cmpint (g_get_monotonic_time () - edited, >=, JX_REVIEW_DEFAULT_DELAY_MS * 1000 / 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))),
                    ==, 11);
  g_assert_cmpstr (summary_of (panel), ==, "0 errors, 9 warnings, 2 hints");
  g_assert_cmpint (jx_review_worst_for_project (review, 5), ==, JX_SEVERITY_NONE);

  jx_problems_panel_set_review (JX_PROBLEMS_PANEL (panel), NULL);
  g_assert_cmpstr (summary_of (panel), ==, "No problems found");
  g_object_unref (panel);
}

static void
activated_path_cb (JxProblemsButton *button, const char *path, char **out)
{
  *out = g_strdup (path);
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
  g_autoptr(JxReview) review = jx_review_new (document);
  g_autofree char *activated = NULL;
  GtkWidget *list;

  gtk_window_set_child (GTK_WINDOW (window), panel);
  jx_problems_panel_set_review (JX_PROBLEMS_PANEL (panel), review);
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

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
test_window (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  JxWindow *window = jx_window_new (NULL);
  JxReview *review = review_of (window);
  GtkWidget *badge = jx_widget_find_named (GTK_WIDGET (window), "problems-button");
  JxProblemsButton *button = JX_PROBLEMS_BUTTON (gtk_widget_get_parent (badge));
  JxProblemsPanel *panel = jx_problems_button_get_panel (button);
  g_autofree char *activated = NULL;
  GtkWidget *popover;

  g_assert_true (jx_problems_panel_get_review (panel) == review);
  g_assert_true (gtk_widget_get_ancestor (badge, GTK_TYPE_HEADER_BAR) != NULL);

  jx_window_set_document (window, document, NULL);
  g_assert_true (jx_review_get_document (review) == document);
  /* The checks wait for the window's first frame, then the badge shows.
   * Until then it claims nothing: no findings yet is not "no problems". */
  g_assert_cmpuint (g_list_model_get_n_items (jx_review_get_findings (review)), ==, 0);
  g_assert_false (jx_review_get_checked (review));
  g_assert_null (gtk_widget_get_tooltip_text (badge));
  g_assert_cmpstr (badge_icon (badge), ==, "content-loading-symbolic");
  gtk_window_present (GTK_WINDOW (window));
  wait_for_recheck (review);
  g_assert_cmpuint (g_list_model_get_n_items (jx_review_get_findings (review)), ==, 13);
  g_assert_true (jx_review_get_checked (review));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (badge), ==, "1 error, 10 warnings, 2 hints");
  g_assert_cmpstr (badge_icon (badge), ==, "dialog-error-symbolic");
  g_assert_true (jx_test_wait_for (is_mapped, badge, 30000));

  /* Once shown, another document is checked at once. */
  {
    g_autoptr(JxDocument) other = jx_test_load_example ();

    jx_window_set_document (window, other, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (jx_review_get_findings (review)), ==, 13);
    jx_window_set_document (window, document, NULL);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-problems", NULL));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (badge)));
  g_assert_true (gtk_widget_get_visible (popover));
  /* Choosing a finding closes the popover and tells the window the place. */
  g_signal_connect (button, "finding-activated", G_CALLBACK (activated_path_cb), &activated);
  g_signal_emit_by_name (panel, "finding-activated", "projects[5].spending_plan", 5);
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpstr (activated, ==, "projects[5].spending_plan");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Closing the window with the list open (Ctrl+Q over the popover) is
 * clean: the test aborts on any GTK critical. */
static void
test_close_with_popover_open (void)
{
  JxWindow *window = jx_window_new (NULL);
  GtkWidget *badge = jx_widget_find_named (GTK_WIDGET (window), "problems-button");
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (badge)));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (jx_test_wait_for (is_mapped, badge, 30000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-problems", NULL));
  g_assert_true (jx_test_wait_for (is_mapped, popover, 30000));
  gtk_window_destroy (GTK_WINDOW (window));
  jx_test_run_pending ();
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
