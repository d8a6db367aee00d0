/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-checkpoint.h"
#include "jx-month-button.h"
#include "jx-widget-util.h"

struct _JxMonthButton
{
  GtkWidget parent_instance;

  guint month;
  GtkWidget *menu_button;
  GtkWidget *popover;
  /* The grid's buttons, months[0] for January. */
  GtkWidget *months[12];
};

G_DEFINE_FINAL_TYPE (JxMonthButton, jx_month_button, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_MONTH, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { MONTH_CHOSEN, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
month_clicked_cb (GtkWidget     *button,
                  JxMonthButton *self)
{
  guint month = 0;

  for (guint i = 0; i < 12; i++)
    if (self->months[i] == button)
      month = i + 1;
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  if (month != 0 && month != self->month)
    g_signal_emit (self, signals[MONTH_CHOSEN], 0, month);
}

/* The grid opens at the row's month, whatever is under the pointer. */
static void
popover_map_cb (JxMonthButton *self)
{
  /* A month chosen but not taken by the model is not left pressed. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->months[self->month - 1]), TRUE);
  gtk_widget_grab_focus (self->months[self->month - 1]);
}

static GtkWidget *
build_grid (JxMonthButton *self)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = jx_checkpoint_describe_month (i + 1);
      GtkWidget *button = gtk_toggle_button_new_with_label (name);

      gtk_widget_add_css_class (button, "flat");
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (self->months[0]));
      g_signal_connect (button, "clicked", G_CALLBACK (month_clicked_cb), self);
      gtk_grid_attach (GTK_GRID (grid), button, i % 3, i / 3, 1, 1);
      self->months[i] = button;
    }
  return grid;
}

static void
show_month (JxMonthButton *self)
{
  g_autofree char *name = jx_checkpoint_describe_month (self->month);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->menu_button), name);
  /* Setting the group's active button emits "clicked" on none. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->months[self->month - 1]), TRUE);
}

static void
jx_month_button_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_MONTH: g_value_set_uint (value, JX_MONTH_BUTTON (object)->month); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_month_button_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_MONTH: jx_month_button_set_month (JX_MONTH_BUTTON (object), g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_month_button_dispose (GObject *object)
{
  JxMonthButton *self = JX_MONTH_BUTTON (object);

  g_clear_pointer (&self->menu_button, gtk_widget_unparent);
  G_OBJECT_CLASS (jx_month_button_parent_class)->dispose (object);
}

static gboolean
jx_month_button_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (JX_MONTH_BUTTON (widget)->menu_button);
}

static void
jx_month_button_class_init (JxMonthButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_month_button_dispose;
  object_class->get_property = jx_month_button_get_property;
  object_class->set_property = jx_month_button_set_property;
  widget_class->grab_focus = jx_month_button_grab_focus;
  properties[PROP_MONTH] =
    g_param_spec_uint ("month", NULL, NULL, 1, 12, 12,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  signals[MONTH_CHOSEN] =
    g_signal_new ("month-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
jx_month_button_init (JxMonthButton *self)
{
  self->month = 12;
  self->menu_button = gtk_menu_button_new ();
  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), build_grid (self));
  g_signal_connect_swapped (self->popover, "map", G_CALLBACK (popover_map_cb), self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), self->popover);
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));
  jx_widget_set_tooltip (self->menu_button, _("Month"));
  jx_widget_set_name (self->menu_button, _("Month"));
  show_month (self);
}

GtkWidget *
jx_month_button_new (void)
{
  return g_object_new (JX_TYPE_MONTH_BUTTON, NULL);
}

guint
jx_month_button_get_month (JxMonthButton *self)
{
  g_return_val_if_fail (JX_IS_MONTH_BUTTON (self), 0);
  return self->month;
}

void
jx_month_button_set_month (JxMonthButton *self,
                           guint          month)
{
  g_return_if_fail (JX_IS_MONTH_BUTTON (self));
  g_return_if_fail (month >= 1 && month <= 12);

  if (self->month == month)
    return;
  self->month = month;
  show_month (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTH]);
}

void
jx_month_button_set_taken (JxMonthButton  *self,
                           const gboolean  taken[13])
{
  g_return_if_fail (JX_IS_MONTH_BUTTON (self));
  for (guint i = 0; i < 12; i++)
    gtk_widget_set_sensitive (self->months[i], !taken[i + 1] || i + 1 == self->month);
}

void
jx_month_button_popup (JxMonthButton *self)
{
  g_return_if_fail (JX_IS_MONTH_BUTTON (self));
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->menu_button));
}

void
jx_month_button_popdown (JxMonthButton *self)
{
  g_return_if_fail (JX_IS_MONTH_BUTTON (self));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
}
