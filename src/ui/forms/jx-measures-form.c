/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jx-form-layout.h"
#include "jx-widget-util.h"
#include "jx-form.h"
#include "jx-measure.h"
#include "jx-measures-form.h"
#include "jx-text-list-editor.h"

struct _JxMeasuresForm
{
  GtkWidget parent_instance;

  GtkWidget *measures;
};

static void jx_measures_form_form_init (JxFormInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JxMeasuresForm, jx_measures_form, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (JX_TYPE_FORM, jx_measures_form_form_init))

static void
jx_measures_form_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (jx_measures_form_parent_class)->dispose (object);
}

static void
jx_measures_form_class_init (JxMeasuresFormClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jx_measures_form_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
jx_measures_form_init (JxMeasuresForm *self)
{
  GtkWidget *column;
  GtkWidget *page = jx_form_page_new (&column);

  self->measures = jx_text_list_editor_new (JX_TYPE_MEASURE, _("_Add Measure"));
  jx_text_list_editor_set_hints (JX_TEXT_LIST_EDITOR (self->measures),
                                 _("No measures yet. Add them one by one, or paste several lines "
                                   "into a measure: each line becomes a measure."),
                                 _("How the department makes sure the goals are met"));
  gtk_box_append (GTK_BOX (column), jx_form_heading_new (_("Guarantee measures")));
  gtk_box_append (GTK_BOX (column), self->measures);
  gtk_widget_set_parent (page, GTK_WIDGET (self));
}

static gboolean
focus_place (JxForm             *form,
             const JxMemberPath *place)
{
  JxMeasuresForm *self = JX_MEASURES_FORM (form);

  if (jx_member_path_get_length (place) == 0 ||
      !g_str_equal (jx_member_path_get_member (place, 0), "measures"))
    return FALSE;
  if (jx_member_path_get_index (place, 0) >= 0)
    jx_text_list_editor_focus_row (JX_TEXT_LIST_EDITOR (self->measures),
                                   (guint) jx_member_path_get_index (place, 0));
  return TRUE;
}

static void
set_document (JxForm     *form,
              JxDocument *document)
{
  JxMeasuresForm *self = JX_MEASURES_FORM (form);

  jx_text_list_editor_set_document (JX_TEXT_LIST_EDITOR (self->measures), document);
  jx_text_list_editor_set_model (JX_TEXT_LIST_EDITOR (self->measures),
                                 document != NULL ? jx_document_get_measures (document) : NULL);
}

static void
jx_measures_form_form_init (JxFormInterface *iface)
{
  iface->set_document = set_document;
  iface->focus_place = focus_place;
}

GtkWidget *
jx_measures_form_new (void)
{
  return g_object_new (JX_TYPE_MEASURES_FORM, NULL);
}
