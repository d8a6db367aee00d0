/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jx-edit.h"
#include "jx-overall-form.h"
#include "jx-text-item.h"
#include "jx-text-list-editor.h"

struct _JxOverallForm
{
  GtkWidget parent_instance;

  GBindingGroup *bindings;
  GtkWidget *points;
};

G_DEFINE_FINAL_TYPE (JxOverallForm, jx_overall_form, GTK_TYPE_WIDGET)

static void
jx_overall_form_dispose (GObject *object)
{
  JxOverallForm *self = JX_OVERALL_FORM (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->bindings);
  G_OBJECT_CLASS (jx_overall_form_parent_class)->dispose (object);
}

static void
jx_overall_form_class_init (JxOverallFormClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jx_overall_form_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
jx_overall_form_init (JxOverallForm *self)
{
  GtkWidget *column;
  GtkWidget *page = jx_edit_page_new (&column);
  GtkWidget *summary;
  GtkWidget *area = jx_edit_text_area_new (&summary, 5);
  GtkWidget *hint = gtk_label_new (_("Numbers are added when the document is printed."));

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "summary", gtk_text_view_get_buffer (GTK_TEXT_VIEW (summary)),
                        "text", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  jx_edit_set_name (summary, _("Summary"));
  gtk_widget_set_name (summary, "overall-summary");
  self->points = jx_text_list_editor_new (JX_TYPE_TEXT_ITEM, _("_Add Point"));
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");

  gtk_box_append (GTK_BOX (column), jx_edit_heading_new (_("Summary")));
  gtk_box_append (GTK_BOX (column), area);
  gtk_box_append (GTK_BOX (column), jx_edit_heading_new (_("Numbered points")));
  gtk_box_append (GTK_BOX (column), hint);
  gtk_box_append (GTK_BOX (column), self->points);
  gtk_widget_set_parent (page, GTK_WIDGET (self));
}

gboolean
jx_overall_form_focus_path (JxOverallForm *self,
                            const char    *path)
{
  guint index;

  g_return_val_if_fail (JX_IS_OVERALL_FORM (self), FALSE);
  if (g_str_has_prefix (path, "overall.points"))
    {
      path += strlen ("overall.points");
      if (jx_edit_parse_index (&path, &index))
        jx_text_list_editor_focus_row (JX_TEXT_LIST_EDITOR (self->points), index);
      return TRUE;
    }
  return jx_edit_focus_named (GTK_WIDGET (self), "overall-summary");
}

GtkWidget *
jx_overall_form_new (void)
{
  return g_object_new (JX_TYPE_OVERALL_FORM, NULL);
}

void
jx_overall_form_set_document (JxOverallForm *self,
                              JxDocument    *document)
{
  g_return_if_fail (JX_IS_OVERALL_FORM (self));
  g_binding_group_set_source (self->bindings, document);
  jx_text_list_editor_set_model (JX_TEXT_LIST_EDITOR (self->points),
                                 document != NULL ? jx_document_get_points (document) : NULL);
}
