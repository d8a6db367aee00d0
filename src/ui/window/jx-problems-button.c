/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-problems-button.h"

struct _JxProblemsButton
{
  GtkWidget parent_instance;

  JxReview *review;
  GtkWidget *menu_button;
  GtkWidget *icon;
  GtkWidget *label;
  JxProblemsPanel *panel;
};

G_DEFINE_FINAL_TYPE (JxProblemsButton, jx_problems_button, GTK_TYPE_WIDGET)

enum { FINDING_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
set_css_class (GtkWidget  *widget,
               const char *name,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

static void
update_badge (JxProblemsButton *self)
{
  guint errors = 0, warnings = 0, hints = 0;
  JxSeverity worst;
  g_autofree char *tooltip = NULL;
  g_autofree char *text = NULL;
  const char *icon_name;

  /* The badge counts what is wrong, not the empty fields of parts not
   * started yet (a new document): those are only "to fill in". */
  if (self->review != NULL)
    jx_review_count_open (self->review, &errors, &warnings, &hints);
  text = jx_problems_badge_text (errors, warnings, hints, &tooltip);
  if (self->review != NULL)
    {
      g_free (tooltip);
      tooltip = jx_problems_summary_text (self->review);
    }
  worst = self->review != NULL ? jx_review_get_worst_open (self->review) : JX_SEVERITY_NONE;
  icon_name = jx_problems_severity_icon (worst);
  if (icon_name == NULL && self->review != NULL && jx_review_count_to_fill_in (self->review) > 0)
    icon_name = JX_PROBLEMS_TO_FILL_IN_ICON;
  if (icon_name == NULL)
    icon_name = "object-select-symbolic";
  /* Before the checks of a new window have run, claim no result: no
   * findings yet is not "No problems found". */
  if (self->review != NULL && !jx_review_get_checked (self->review))
    {
      icon_name = "content-loading-symbolic";
      g_clear_pointer (&tooltip, g_free);
    }
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), icon_name);
  gtk_label_set_text (GTK_LABEL (self->label), text);
  gtk_widget_set_visible (self->label, text[0] != '\0');
  gtk_widget_set_tooltip_text (self->menu_button, tooltip);
  set_css_class (self->icon, "error", worst == JX_SEVERITY_ERROR);
  set_css_class (self->icon, "warning", worst == JX_SEVERITY_WARNING);
}

static void
finding_activated_cb (JxProblemsButton *self,
                      const char       *path,
                      int               project)
{
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
  g_signal_emit (self, signals[FINDING_ACTIVATED], 0, path);
}

static void
jx_problems_button_dispose (GObject *object)
{
  JxProblemsButton *self = JX_PROBLEMS_BUTTON (object);

  if (self->review != NULL)
    g_signal_handlers_disconnect_by_data (self->review, self);
  g_clear_object (&self->review);
  g_clear_pointer (&self->menu_button, gtk_widget_unparent);
  G_OBJECT_CLASS (jx_problems_button_parent_class)->dispose (object);
}

static void
jx_problems_button_class_init (JxProblemsButtonClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = jx_problems_button_dispose;
  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
jx_problems_button_init (JxProblemsButton *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *popover = gtk_popover_new ();

  self->menu_button = gtk_menu_button_new ();
  self->icon = gtk_image_new ();
  self->label = gtk_label_new (NULL);
  self->panel = JX_PROBLEMS_PANEL (jx_problems_panel_new ());
  gtk_box_append (GTK_BOX (box), self->icon);
  gtk_box_append (GTK_BOX (box), self->label);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->menu_button), box);
  gtk_widget_set_name (self->menu_button, "problems-button");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problems"), -1);
  gtk_widget_set_size_request (GTK_WIDGET (self->panel), 440, 480);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->panel));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), popover);
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));
  g_signal_connect_object (self->panel, "finding-activated", G_CALLBACK (finding_activated_cb), self,
                           G_CONNECT_SWAPPED);
  update_badge (self);
}

GtkWidget *
jx_problems_button_new (void)
{
  return g_object_new (JX_TYPE_PROBLEMS_BUTTON, NULL);
}

void
jx_problems_button_set_review (JxProblemsButton *self,
                               JxReview         *review)
{
  g_return_if_fail (JX_IS_PROBLEMS_BUTTON (self));
  g_return_if_fail (review == NULL || JX_IS_REVIEW (review));

  if (self->review != NULL)
    g_signal_handlers_disconnect_by_data (self->review, self);
  g_set_object (&self->review, review);
  if (review != NULL)
    {
      g_signal_connect_object (review, "changed", G_CALLBACK (update_badge), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (review, "notify::checked", G_CALLBACK (update_badge), self,
                               G_CONNECT_SWAPPED);
    }
  jx_problems_panel_set_review (self->panel, review);
  update_badge (self);
}

JxProblemsPanel *
jx_problems_button_get_panel (JxProblemsButton *self)
{
  g_return_val_if_fail (JX_IS_PROBLEMS_BUTTON (self), NULL);
  return self->panel;
}

void
jx_problems_button_popup (JxProblemsButton *self)
{
  g_return_if_fail (JX_IS_PROBLEMS_BUTTON (self));
  if (gtk_widget_get_mapped (self->menu_button))
    gtk_menu_button_popup (GTK_MENU_BUTTON (self->menu_button));
}

void
jx_problems_button_popdown (JxProblemsButton *self)
{
  g_return_if_fail (JX_IS_PROBLEMS_BUTTON (self));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
}

gboolean
jx_problems_button_is_open (JxProblemsButton *self)
{
  GtkPopover *popover;

  g_return_val_if_fail (JX_IS_PROBLEMS_BUTTON (self), FALSE);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->menu_button));
  return popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover));
}

GtkWidget *
jx_problems_button_get_popover (JxProblemsButton *self)
{
  g_return_val_if_fail (JX_IS_PROBLEMS_BUTTON (self), NULL);
  return GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->menu_button)));
}
