/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-problems-actions.h"

#define PANEL_KEY  "jx-problems-panel"
#define BUTTON_KEY "jx-problems-button"

static void
update_badge (GtkMenuButton *button, JxProblemsPanel *panel)
{
  GtkWidget *box = gtk_menu_button_get_child (button);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  guint errors, warnings, hints;
  JxSeverity worst;
  g_autofree char *tooltip = NULL;
  g_autofree char *text = NULL;
  const char *icon_name;

  jx_problems_panel_count (panel, &errors, &warnings, &hints);
  text = jx_problems_badge_text (errors, warnings, hints, &tooltip);
  worst = errors > 0 ? JX_SEVERITY_ERROR : warnings > 0 ? JX_SEVERITY_WARNING
        : hints > 0 ? JX_SEVERITY_HINT : JX_SEVERITY_NONE;
  icon_name = jx_problems_severity_icon (worst);
  if (icon_name == NULL)
    icon_name = "object-select-symbolic";
  /* Before the checks of a new window have run, claim no result: no
   * findings yet is not "No problems found". */
  if (!jx_problems_panel_get_checked (panel))
    {
      icon_name = "content-loading-symbolic";
      g_clear_pointer (&tooltip, g_free);
    }
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_visible (label, text[0] != '\0');
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), tooltip);
  if (worst == JX_SEVERITY_ERROR)
    gtk_widget_add_css_class (icon, "error");
  else
    gtk_widget_remove_css_class (icon, "error");
  if (worst == JX_SEVERITY_WARNING)
    gtk_widget_add_css_class (icon, "warning");
  else
    gtk_widget_remove_css_class (icon, "warning");
}

static void
findings_changed_cb (GListModel *findings, guint position, guint removed, guint added,
                     GtkMenuButton *button)
{
  update_badge (button, g_object_get_data (G_OBJECT (button), PANEL_KEY));
}

static void
window_document_cb (JxWindow *window)
{
  jx_problems_panel_set_document (jx_problems_get_panel (window), jx_window_get_document (window));
}

static void
window_shown_cb (JxWindow *window, gpointer data)
{
  jx_problems_panel_hold_checks (jx_problems_get_panel (window), FALSE);
  update_badge (GTK_MENU_BUTTON (jx_problems_get_button (window)), jx_problems_get_panel (window));
}

static void
panel_document_cb (JxProblemsPanel *panel, GParamSpec *pspec, GtkMenuButton *button)
{
  update_badge (button, panel);
}

static void
finding_activated_cb (JxProblemsPanel *panel, const char *path, int project, JxWindow *window)
{
  gtk_menu_button_popdown (GTK_MENU_BUTTON (jx_problems_get_button (window)));
  /* The window decides what "select the project, focus the field" means;
   * a window without the action simply shows the list again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-path", "s", path);
}

static void
show_problems_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkWidget *button = jx_problems_get_button (JX_WINDOW (user_data));

  if (gtk_widget_get_mapped (button))
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
}

static GtkWidget *
make_button (JxProblemsPanel *panel)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *popover = gtk_popover_new ();

  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), box);
  gtk_widget_set_name (button, "problems-button");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problems"), -1);
  gtk_widget_set_size_request (GTK_WIDGET (panel), 440, 480);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (panel));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_object_set_data (G_OBJECT (button), PANEL_KEY, panel);
  g_signal_connect_object (jx_problems_panel_get_findings (panel), "items-changed",
                           G_CALLBACK (findings_changed_cb), button, 0);
  g_signal_connect_object (panel, "notify::document", G_CALLBACK (panel_document_cb), button, 0);
  update_badge (GTK_MENU_BUTTON (button), panel);
  return button;
}

static void
add_shortcut (JxWindow *window)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control><Shift>m"),
                      gtk_named_action_new ("win.show-problems")));
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

void
jx_problems_install_actions (JxWindow *window)
{
  static const GActionEntry entries[] = {
    { "show-problems", show_problems_cb, NULL, NULL, NULL },
  };
  GtkWidget *panel = jx_problems_panel_new ();
  GtkWidget *titlebar = gtk_window_get_titlebar (GTK_WINDOW (window));
  GtkWidget *button;

  g_return_if_fail (JX_IS_WINDOW (window));
  g_return_if_fail (g_object_get_data (G_OBJECT (window), PANEL_KEY) == NULL);

  g_object_set_data (G_OBJECT (window), PANEL_KEY, panel);
  /* The checks of the document the window opens with run once it shows
   * its first frame: the badge and the marks come a moment later. */
  jx_problems_panel_hold_checks (JX_PROBLEMS_PANEL (panel), TRUE);
  jx_window_when_shown (window, window_shown_cb, NULL, NULL);
  button = make_button (JX_PROBLEMS_PANEL (panel));
  g_object_set_data_full (G_OBJECT (window), BUTTON_KEY, g_object_ref_sink (button),
                          g_object_unref);
  if (GTK_IS_HEADER_BAR (titlebar))
    gtk_header_bar_pack_end (GTK_HEADER_BAR (titlebar), button);

  g_action_map_add_action_entries (G_ACTION_MAP (window), entries, G_N_ELEMENTS (entries), window);
  add_shortcut (window);
  g_signal_connect (panel, "finding-activated", G_CALLBACK (finding_activated_cb), window);
  g_signal_connect (window, "notify::document", G_CALLBACK (window_document_cb), NULL);
  if (jx_window_get_document (window) != NULL)
    window_document_cb (window);
}

JxProblemsPanel *
jx_problems_get_panel (JxWindow *window)
{
  g_return_val_if_fail (JX_IS_WINDOW (window), NULL);
  return g_object_get_data (G_OBJECT (window), PANEL_KEY);
}

GtkWidget *
jx_problems_get_button (JxWindow *window)
{
  g_return_val_if_fail (JX_IS_WINDOW (window), NULL);
  return g_object_get_data (G_OBJECT (window), BUTTON_KEY);
}
