/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-form-layout.h"
#include "jx-widget-util.h"

GtkWidget *
jx_form_page_new (GtkWidget **column)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);

  g_object_set (box, "margin-top", 18, "margin-bottom", 24, "margin-start", 24, "margin-end", 24, NULL);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_widget_set_hexpand (scroller, TRUE);
  gtk_widget_set_vexpand (scroller, TRUE);
  *column = box;
  return scroller;
}

GtkWidget *
jx_form_heading_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  return label;
}

GtkWidget *
jx_form_grid_new (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  return grid;
}

void
jx_form_grid_add (GtkWidget  *grid,
                  const char *text,
                  GtkWidget  *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);
  GtkWidget *target = field;

  if (!GTK_IS_EDITABLE (target) && gtk_widget_get_first_child (field) != NULL &&
      GTK_IS_EDITABLE (gtk_widget_get_first_child (field)))
    target = gtk_widget_get_first_child (field);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), target);
  gtk_widget_set_hexpand (field, TRUE);
  /* A row below the others: the label at the start, the field after it. */
  gtk_grid_attach_next_to (GTK_GRID (grid), label, NULL, GTK_POS_BOTTOM, 1, 1);
  gtk_grid_attach_next_to (GTK_GRID (grid), field, label, GTK_POS_RIGHT, 1, 1);
}

GtkWidget *
jx_form_entry_new (void)
{
  GtkWidget *entry = gtk_entry_new ();

  jx_widget_disable_undo (entry);
  return entry;
}

