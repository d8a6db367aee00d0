/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-stage.h"
#include "jx-stage-labels.h"
#include "jx-stage-switch.h"
#include "jx-widget-util.h"

#define N_MONTHS 12

struct _JxStageSwitch
{
  GtkWidget parent_instance;

  JxDocument *document;
  GtkWidget *buttons[JX_STAGE_EVALUATION + 1];
  GtkWidget *month;
  /* The widgets are being set from the document, not by the clerk. */
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (JxStageSwitch, jx_stage_switch, GTK_TYPE_WIDGET)

static void
show_document (JxStageSwitch *self)
{
  JxStage stage = self->document != NULL ? jx_document_get_stage (self->document) : JX_STAGE_GOALS;
  guint month = self->document != NULL ? jx_document_get_monitoring_month (self->document) : 6;

  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (self->buttons); i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->buttons[i]), i == stage);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->month), CLAMP (month, 1, N_MONTHS) - 1);
  gtk_widget_set_visible (self->month, stage == JX_STAGE_MONITORING);
  gtk_widget_set_sensitive (GTK_WIDGET (self), self->document != NULL);
  self->updating = FALSE;
}

static void
button_toggled_cb (GtkToggleButton *button,
                   JxStageSwitch   *self)
{
  if (self->updating || self->document == NULL || !gtk_toggle_button_get_active (button))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (self->buttons); i++)
    if (self->buttons[i] == GTK_WIDGET (button))
      jx_document_set_stage (self->document, i);
}

static void
month_selected_cb (JxStageSwitch *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->month));

  if (self->updating || self->document == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  jx_document_set_monitoring_month (self->document, selected + 1);
}

static GtkWidget *
stage_button (JxStageSwitch *self,
              GtkWidget     *group,
              const char    *label,
              const char    *tooltip)
{
  GtkWidget *button = gtk_toggle_button_new_with_mnemonic (label);

  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
  gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect (button, "toggled", G_CALLBACK (button_toggled_cb), self);
  return button;
}

static GtkWidget *
month_drop_down (void)
{
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);
  GtkWidget *drop_down;

  for (guint month = 1; month <= N_MONTHS; month++)
    {
      g_autofree char *text = jx_stage_months_text (month, TRUE);
      gtk_string_list_append (months, text);
    }
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&months)), NULL);
  gtk_widget_set_tooltip_text (drop_down, _("The months the monitoring reports on"));
  jx_widget_set_name (drop_down, _("Monitoring months"));
  return drop_down;
}

static void
jx_stage_switch_dispose (GObject *object)
{
  JxStageSwitch *self = JX_STAGE_SWITCH (object);
  GtkWidget *child;

  jx_stage_switch_set_document (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (jx_stage_switch_parent_class)->dispose (object);
}

static void
jx_stage_switch_class_init (JxStageSwitchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jx_stage_switch_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "stageswitch");
}

static void
jx_stage_switch_init (JxStageSwitch *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  gtk_widget_add_css_class (linked, "linked");
  gtk_accessible_update_property (GTK_ACCESSIBLE (linked), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Stage of the document"), -1);
  self->buttons[JX_STAGE_GOALS] =
    stage_button (self, NULL, C_("stage", "Goals"),
                  _("Goals: the targets set before the year"));
  self->buttons[JX_STAGE_MONITORING] =
    stage_button (self, self->buttons[JX_STAGE_GOALS], C_("stage", "Monitoring"),
                  _("Monitoring: spending and progress during the year, beside the goals"));
  self->buttons[JX_STAGE_EVALUATION] =
    stage_button (self, self->buttons[JX_STAGE_GOALS], C_("stage", "Evaluation"),
                  _("Self-evaluation: results and scores after the year, beside the goals"));
  for (guint i = 0; i < G_N_ELEMENTS (self->buttons); i++)
    {
      g_autofree char *name = g_strdup_printf ("stage-%s", jx_stage_to_string (i));

      gtk_widget_set_name (self->buttons[i], name);
      gtk_box_append (GTK_BOX (linked), self->buttons[i]);
    }
  gtk_widget_set_parent (linked, GTK_WIDGET (self));
  self->month = month_drop_down ();
  gtk_widget_set_name (self->month, "stage-month");
  g_signal_connect_swapped (self->month, "notify::selected", G_CALLBACK (month_selected_cb), self);
  gtk_widget_set_parent (self->month, GTK_WIDGET (self));
  show_document (self);
}

GtkWidget *
jx_stage_switch_new (void)
{
  return g_object_new (JX_TYPE_STAGE_SWITCH, NULL);
}

void
jx_stage_switch_set_document (JxStageSwitch *self,
                              JxDocument    *document)
{
  g_return_if_fail (JX_IS_STAGE_SWITCH (self));
  g_return_if_fail (document == NULL || JX_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_swapped (document, "notify::stage", G_CALLBACK (show_document), self);
      g_signal_connect_swapped (document, "notify::monitoring-month", G_CALLBACK (show_document), self);
    }
  show_document (self);
}
