/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jx-edit.h"
#include "jx-measure.h"
#include "jx-measures-form.h"
#include "jx-text-list-editor.h"

struct _JxMeasuresForm
{
  GtkWidget parent_instance;

  GtkWidget *measures;
};

G_DEFINE_FINAL_TYPE (JxMeasuresForm, jx_measures_form, GTK_TYPE_WIDGET)

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
  GtkWidget *page = jx_edit_page_new (&column);

  self->measures = jx_text_list_editor_new (JX_TYPE_MEASURE, _("_Add Measure"));
  gtk_box_append (GTK_BOX (column), jx_edit_heading_new (_("Guarantee measures")));
  gtk_box_append (GTK_BOX (column), self->measures);
  gtk_widget_set_parent (page, GTK_WIDGET (self));
}

gboolean
jx_measures_form_focus_path (JxMeasuresForm *self,
                             const char     *path)
{
  guint index;

  g_return_val_if_fail (JX_IS_MEASURES_FORM (self), FALSE);
  path += strlen ("measures");
  if (jx_edit_parse_index (&path, &index))
    jx_text_list_editor_focus_row (JX_TEXT_LIST_EDITOR (self->measures), index);
  return TRUE;
}

GtkWidget *
jx_measures_form_new (void)
{
  return g_object_new (JX_TYPE_MEASURES_FORM, NULL);
}

void
jx_measures_form_set_document (JxMeasuresForm *self,
                               JxDocument     *document)
{
  g_return_if_fail (JX_IS_MEASURES_FORM (self));
  jx_text_list_editor_set_model (JX_TEXT_LIST_EDITOR (self->measures),
                                 document != NULL ? jx_document_get_measures (document) : NULL);
}
