/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-widget-util.h"

void
jx_widget_disable_undo (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), FALSE);
  else if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_enable_undo (GTK_EDITABLE (widget), FALSE);
}

static void
name_parts (GtkWidget  *widget,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) || GTK_IS_EDITABLE (child) || GTK_IS_POPOVER (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      if (!GTK_IS_POPOVER (child))
        name_parts (child, name);
    }
}

void
jx_widget_set_name (GtkWidget  *widget,
                  const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  name_parts (widget, name);
}

static GQuark
tooltip_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("jx-tooltip");
  return quark;
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  const char *text = g_object_get_qdata (G_OBJECT (widget), tooltip_quark ());

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
jx_widget_set_tooltip (GtkWidget  *widget,
                     const char *text)
{
  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (g_strcmp0 (text, g_object_get_qdata (G_OBJECT (widget), tooltip_quark ())) == 0)
    return;
  if (g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, query_tooltip_cb, NULL) == 0)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
      gtk_widget_set_has_tooltip (widget, TRUE);
    }
  g_object_set_qdata_full (G_OBJECT (widget), tooltip_quark (), g_strdup (text), g_free);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static GtkScrolledWindow *
vertical_scroller (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      {
        GtkPolicyType policy;

        gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (w), NULL, &policy);
        if (policy != GTK_POLICY_NEVER)
          return GTK_SCROLLED_WINDOW (w);
      }
  return NULL;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  guint *ticks = data;
  GtkScrolledWindow *scroller = vertical_scroller (widget);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double value, page, top, bottom;

  /* A new row of a list view settles over a few frames: follow it. */
  (*ticks)--;
  content = scroller != NULL ? gtk_scrolled_window_get_child (scroller) : NULL;
  /* Coordinates in the scrolled content, not in the viewport that moves. */
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (content == NULL || !gtk_widget_compute_bounds (widget, content, &bounds))
    return *ticks > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  /* A little of what is around it shows too. */
  top = bounds.origin.y - 24;
  bottom = bounds.origin.y + bounds.size.height + 24;
  if (top < value)
    gtk_adjustment_set_value (adjustment, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (adjustment, MIN (top, bottom - page));
  return *ticks > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

void
jx_widget_scroll_into_view (GtkWidget *widget)
{
  guint *ticks = g_new (guint, 1);

  *ticks = 4;
  gtk_widget_add_tick_callback (widget, scroll_tick_cb, ticks, g_free);
}

GtkWidget *
jx_widget_find_named (GtkWidget  *root,
                    const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = jx_widget_find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
jx_widget_focus_named (GtkWidget  *root,
                     const char *name)
{
  GtkWidget *widget = jx_widget_find_named (root, name);

  if (widget == NULL || !gtk_widget_grab_focus (widget))
    return FALSE;
  jx_widget_scroll_into_view (widget);
  return TRUE;
}

GtkEventController *
jx_widget_close_keys (void)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape|<Control>w"),
                      gtk_named_action_new ("window.close")));
  return keys;
}
