/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jx-form-layout.h"
#include "jx-text-area.h"
#include "jx-widget-util.h"
#include "jx-form.h"
#include "jx-overall-form.h"
#include "jx-text-item.h"
#include "jx-text-list-editor.h"

struct _JxOverallForm
{
  GtkWidget parent_instance;

  GBindingGroup *bindings;
  GtkWidget *points;
};

static void jx_overall_form_form_init (JxFormInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JxOverallForm, jx_overall_form, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (JX_TYPE_FORM, jx_overall_form_form_init))

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
  GtkWidget *page = jx_form_page_new (&column);
  GtkWidget *summary;
  GtkWidget *area = jx_text_area_new_framed (&summary, 5);
  GtkWidget *hint = gtk_label_new (_("Numbers are added when the document is printed."));

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "summary", gtk_text_view_get_buffer (GTK_TEXT_VIEW (summary)),
                        "text", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  jx_widget_set_name (summary, _("Summary"));
  jx_text_area_set_placeholder (JX_TEXT_AREA (summary),
                                _("What the department sets out to do this year: the opening paragraphs of the overall goals"));
  gtk_widget_set_name (summary, "overall-summary");
  self->points = jx_text_list_editor_new (JX_TYPE_TEXT_ITEM, _("_Add Point"));
  jx_text_list_editor_set_hints (JX_TEXT_LIST_EDITOR (self->points),
                                 _("No points yet. Add them one by one, or paste several paragraphs "
                                   "into a point: each line becomes a point."),
                                 _("One of the department's goals for the year"));
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");

  gtk_box_append (GTK_BOX (column), jx_form_heading_new (_("Summary")));
  gtk_box_append (GTK_BOX (column), area);
  gtk_box_append (GTK_BOX (column), jx_form_heading_new (_("Numbered points")));
  gtk_box_append (GTK_BOX (column), hint);
  gtk_box_append (GTK_BOX (column), self->points);
  gtk_widget_set_parent (page, GTK_WIDGET (self));
}

/* "overall.points[N]" is a point; anything else of Part 1's summary. */
static gboolean
focus_place (JxForm             *form,
             const JxMemberPath *place)
{
  JxOverallForm *self = JX_OVERALL_FORM (form);
  guint n = jx_member_path_get_length (place);

  if (n == 0 || !g_str_equal (jx_member_path_get_member (place, 0), "overall"))
    return FALSE;
  if (n >= 2 && g_str_equal (jx_member_path_get_member (place, 1), "points"))
    {
      int index = jx_member_path_get_index (place, 1);

      if (index >= 0)
        jx_text_list_editor_focus_row (JX_TEXT_LIST_EDITOR (self->points), (guint) index);
      return TRUE;
    }
  return jx_widget_focus_named (GTK_WIDGET (self), "overall-summary");
}

static void
set_document (JxForm     *form,
              JxDocument *document)
{
  JxOverallForm *self = JX_OVERALL_FORM (form);

  g_binding_group_set_source (self->bindings, document);
  jx_text_list_editor_set_document (JX_TEXT_LIST_EDITOR (self->points), document);
  jx_text_list_editor_set_model (JX_TEXT_LIST_EDITOR (self->points),
                                 document != NULL ? jx_document_get_points (document) : NULL);
}

static void
jx_overall_form_form_init (JxFormInterface *iface)
{
  iface->set_document = set_document;
  iface->focus_place = focus_place;
}

GtkWidget *
jx_overall_form_new (void)
{
  return g_object_new (JX_TYPE_OVERALL_FORM, NULL);
}
