/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "jx-checkpoint.h"
#include "jx-document-io.h"
#include "jx-problems-button.h"
#include "jx-problems-panel.h"
#include "jx-review.h"
#include "jx-test-gtk.h"
#include "jx-test-utils.h"
#include "jx-text-item.h"
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
  g_autofree char *warnings = jx_problems_badge_text (0, 9, 2, NULL);
  g_autofree char *hints = jx_problems_badge_text (0, 0, 2, NULL);

  /* Beside the error icon: the errors, not all twelve findings. */
  g_assert_cmpstr (badge, ==, "1");
  g_assert_cmpstr (warnings, ==, "9");
  g_assert_cmpstr (hints, ==, "2");
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

/* The number the badge shows beside its icon. */
static const char *
badge_number (GtkWidget *button)
{
  GtkWidget *label = find_descendant (button, GTK_TYPE_LABEL);

  g_assert_nonnull (label);
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : "";
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
  /* One error beside the error icon, not thirteen findings. */
  g_assert_cmpstr (badge_number (badge), ==, "1");
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

static gboolean
is_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

/* The visible fix buttons of the panel's rows, in order. */
static void
collect_fix_buttons (GtkWidget *widget,
                     GPtrArray *buttons)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), "fix-button") == 0 && gtk_widget_get_mapped (widget))
    g_ptr_array_add (buttons, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_fix_buttons (child, buttons);
}

static guint
n_fix_buttons (GtkWidget *panel)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_fix_buttons (panel, buttons);
  return buttons->len;
}

static gboolean
has_fix_buttons (gpointer panel)
{
  return n_fix_buttons (panel) > 0;
}

static const char *
point_text (JxDocument *document,
            guint       i)
{
  g_autoptr(JxTextItem) point = g_list_model_get_item (jx_document_get_points (document), i);

  return jx_text_item_get_text (point);
}

static void
type_numbering (JxDocument *document,
                guint       i,
                const char *text)
{
  g_autoptr(JxTextItem) point = g_list_model_get_item (jx_document_get_points (document), i);

  jx_text_item_set_text (point, text);
}

/* Points typed with their own numbering: the finding's button takes it off
 * (one undo step); with more than one, one button takes them all off,
 * again one undo step. */
static void
test_fix_numbering (void)
{
  g_autoptr(JxDocument) document = jx_test_load ("tests/fixtures/checks/clean.json");
  JxWindow *window = jx_window_new (NULL);
  JxReview *review = review_of (window);
  JxUndoStack *undo;
  GtkWidget *badge = jx_widget_find_named (GTK_WIDGET (window), "problems-button");
  JxProblemsPanel *panel = jx_problems_button_get_panel (JX_PROBLEMS_BUTTON (gtk_widget_get_parent (badge)));
  GtkWidget *fix_all = jx_widget_find_named (GTK_WIDGET (panel), "fix-all-button");
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *popover;

  jx_window_set_document (window, document, NULL);
  undo = jx_document_session_get_undo (jx_window_get_session (window));
  gtk_window_present (GTK_WINDOW (window));
  wait_for_recheck (review);
  type_numbering (document, 0, "1、完成办公楼屋面防水维修，消除安全隐患。");
  jx_undo_stack_seal (undo);
  wait_for_recheck (review);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-problems", NULL));
  g_assert_true (jx_test_wait_for (has_fix_buttons, panel, 30000));
  g_assert_false (gtk_widget_get_visible (fix_all));

  collect_fix_buttons (GTK_WIDGET (panel), buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  g_assert_cmpstr (gtk_button_get_label (buttons->pdata[0]), ==, "Remove the typed numbering");
  g_signal_emit_by_name (buttons->pdata[0], "clicked");
  g_assert_cmpstr (point_text (document, 0), ==, "完成办公楼屋面防水维修，消除安全隐患。");
  g_assert_cmpstr (jx_undo_stack_get_undo_label (undo), ==, "Remove the typed numbering");
  g_assert_cmpuint (n_fix_buttons (GTK_WIDGET (panel)), ==, 0);
  g_assert_true (jx_undo_stack_undo (undo));
  g_assert_cmpstr (point_text (document, 0), ==, "1、完成办公楼屋面防水维修，消除安全隐患。");

  type_numbering (document, 1, "（二）较2023年提高培训覆盖面，2021年至2025年持续开展干部轮训。");
  jx_undo_stack_seal (undo);
  wait_for_recheck (review);
  g_assert_true (gtk_widget_get_visible (fix_all));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (fix_all)), ==, "Remove the typed numbering in 2 places");
  g_signal_emit_by_name (fix_all, "clicked");
  g_assert_cmpstr (point_text (document, 0), ==, "完成办公楼屋面防水维修，消除安全隐患。");
  g_assert_cmpstr (point_text (document, 1), ==, "较2023年提高培训覆盖面，2021年至2025年持续开展干部轮训。");
  g_assert_false (gtk_widget_get_visible (fix_all));
  g_assert_true (jx_undo_stack_undo (undo));
  g_assert_cmpstr (point_text (document, 0), ==, "1、完成办公楼屋面防水维修，消除安全隐患。");
  g_assert_cmpstr (point_text (document, 1), ==, "（二）较2023年提高培训覆盖面，2021年至2025年持续开展干部轮训。");
  /* The rows changed under the pointer, which started a tooltip's delay;
   * closing the list ends it. (GTK 4.8 would look for the tooltip in the
   * list's surface after the window has gone.) */
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (badge)));
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_true (jx_test_wait_for (is_unmapped, popover, 30000));
  jx_test_settle ();
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
  g_test_add_func ("/problems-panel/fix-numbering", test_fix_numbering);

  return g_test_run ();
}
