/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-department-form.h"
#include "jx-edit.h"

struct _JxDepartmentForm
{
  GtkWidget parent_instance;

  GBindingGroup *document_bindings;
  GBindingGroup *department_bindings;
  GtkWidget *compiler_entry;
};

G_DEFINE_FINAL_TYPE (JxDepartmentForm, jx_department_form, GTK_TYPE_WIDGET)

#define BIDI (G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE)

static GtkWidget *
bound_entry (GBindingGroup *group,
             const char    *property)
{
  GtkWidget *entry = jx_edit_entry_new ();
  g_autofree char *name = g_strdup_printf ("document-%s", property);

  gtk_widget_set_name (entry, name);

  g_binding_group_bind (group, property, entry, "text", BIDI);
  return entry;
}

static GtkWidget *
build_cover (JxDepartmentForm *self)
{
  GtkWidget *grid = jx_edit_grid_new ();
  GtkWidget *year = gtk_spin_button_new_with_range (JX_YEAR_MIN, JX_YEAR_MAX, 1);
  GtkWidget *draft = gtk_check_button_new_with_mnemonic (_("_Draft: print “（草案）” under the title"));
  GtkWidget *title = bound_entry (self->document_bindings, "title");
  GtkWidget *unit = bound_entry (self->document_bindings, "money-unit");

  jx_edit_disable_undo (year);
  gtk_widget_set_halign (year, GTK_ALIGN_START);
  gtk_editable_set_width_chars (GTK_EDITABLE (unit), 8);
  gtk_widget_set_halign (unit, GTK_ALIGN_START);
  g_binding_group_bind (self->document_bindings, "year", year, "value", BIDI);
  g_binding_group_bind (self->document_bindings, "draft", draft, "active", BIDI);
  gtk_widget_set_name (year, "document-year");
  gtk_widget_set_name (draft, "document-draft");
  jx_edit_grid_add (grid, _("Budget _year"), year);
  jx_edit_grid_add (grid, _("_Title"), title);
  jx_edit_grid_add (grid, "", draft);
  jx_edit_grid_add (grid, _("Money _unit"), unit);
  return grid;
}

static GtkWidget *
build_department (JxDepartmentForm *self)
{
  GtkWidget *grid = jx_edit_grid_new ();
  GBindingGroup *group = self->department_bindings;

  jx_edit_grid_add (grid, _("Department _name"), bound_entry (group, "name"));
  jx_edit_grid_add (grid, _("Budget unit _code"), bound_entry (group, "unit-code"));
  jx_edit_grid_add (grid, _("Budget unit na_me"), bound_entry (group, "unit-name"));
  self->compiler_entry = bound_entry (group, "compiler");
  jx_edit_grid_add (grid, _("C_ompiled by"), self->compiler_entry);
  jx_edit_grid_add (grid, _("_Reviewed by"), bound_entry (group, "reviewer"));
  /* An empty compiler prints the department's name: show which. */
  g_binding_group_bind (group, "name", self->compiler_entry, "placeholder-text", G_BINDING_SYNC_CREATE);
  return grid;
}

static void
jx_department_form_dispose (GObject *object)
{
  JxDepartmentForm *self = JX_DEPARTMENT_FORM (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->document_bindings);
  g_clear_object (&self->department_bindings);
  G_OBJECT_CLASS (jx_department_form_parent_class)->dispose (object);
}

static void
jx_department_form_class_init (JxDepartmentFormClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jx_department_form_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
jx_department_form_init (JxDepartmentForm *self)
{
  GtkWidget *column;
  GtkWidget *page = jx_edit_page_new (&column);

  self->document_bindings = g_binding_group_new ();
  self->department_bindings = g_binding_group_new ();
  gtk_box_append (GTK_BOX (column), jx_edit_heading_new (_("Cover")));
  gtk_box_append (GTK_BOX (column), build_cover (self));
  gtk_box_append (GTK_BOX (column), jx_edit_heading_new (_("Department")));
  gtk_box_append (GTK_BOX (column), build_department (self));
  gtk_widget_set_parent (page, GTK_WIDGET (self));
}

gboolean
jx_department_form_focus_path (JxDepartmentForm *self,
                               const char       *path)
{
  static const char *fields[][2] = {
    { "year", "document-year" }, { "title", "document-title" }, { "draft", "document-draft" },
    { "money_unit", "document-money-unit" }, { "department", "document-name" },
    { "department.name", "document-name" }, { "department.unit_code", "document-unit-code" },
    { "department.unit_name", "document-unit-name" }, { "department.compiler", "document-compiler" },
    { "department.reviewer", "document-reviewer" },
  };

  g_return_val_if_fail (JX_IS_DEPARTMENT_FORM (self), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (path, fields[i][0]) == 0)
      return jx_edit_focus_named (GTK_WIDGET (self), fields[i][1]);
  return FALSE;
}

GtkWidget *
jx_department_form_new (void)
{
  return g_object_new (JX_TYPE_DEPARTMENT_FORM, NULL);
}

void
jx_department_form_set_document (JxDepartmentForm *self,
                                 JxDocument       *document)
{
  g_return_if_fail (JX_IS_DEPARTMENT_FORM (self));
  g_binding_group_set_source (self->document_bindings, document);
  g_binding_group_set_source (self->department_bindings,
                              document != NULL ? jx_document_get_department (document) : NULL);
}
