/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-department-form.h"
#include "jx-form.h"
#include "jx-form-layout.h"
#include "jx-stage-summary.h"
#include "jx-widget-util.h"

struct _JxDepartmentForm
{
  GtkWidget parent_instance;

  GBindingGroup *document_bindings;
  GBindingGroup *department_bindings;
  GtkWidget *compiler_entry;
  GtkWidget *stage_summary;
};

static void jx_department_form_form_init (JxFormInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JxDepartmentForm, jx_department_form, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (JX_TYPE_FORM, jx_department_form_form_init))

#define BIDI (G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE)

static GtkWidget *
bound_entry (GBindingGroup *group,
             const char    *property)
{
  GtkWidget *entry = jx_form_entry_new ();
  g_autofree char *name = g_strdup_printf ("document-%s", property);

  gtk_widget_set_name (entry, name);

  g_binding_group_bind (group, property, entry, "text", BIDI);
  return entry;
}

static GtkWidget *
build_cover (JxDepartmentForm *self)
{
  GtkWidget *grid = jx_form_grid_new ();
  GtkWidget *year = gtk_spin_button_new_with_range (JX_YEAR_MIN, JX_YEAR_MAX, 1);
  GtkWidget *draft = gtk_check_button_new_with_mnemonic (_("_Draft: print “（草案）” under the title"));
  GtkWidget *title = bound_entry (self->document_bindings, "title");
  GtkWidget *unit = bound_entry (self->document_bindings, "money-unit");

  jx_widget_disable_undo (year);
  gtk_widget_set_halign (year, GTK_ALIGN_START);
  gtk_editable_set_width_chars (GTK_EDITABLE (unit), 8);
  gtk_widget_set_halign (unit, GTK_ALIGN_START);
  g_binding_group_bind (self->document_bindings, "year", year, "value", BIDI);
  g_binding_group_bind (self->document_bindings, "draft", draft, "active", BIDI);
  gtk_widget_set_name (year, "document-year");
  gtk_widget_set_name (draft, "document-draft");
  jx_form_grid_add (grid, _("Budget _year"), year);
  jx_form_grid_add (grid, _("_Title"), title);
  jx_form_grid_add (grid, "", draft);
  jx_form_grid_add (grid, _("Money _unit"), unit);
  return grid;
}

static GtkWidget *
build_department (JxDepartmentForm *self)
{
  GtkWidget *grid = jx_form_grid_new ();
  GBindingGroup *group = self->department_bindings;
  GtkWidget *name = bound_entry (group, "name");
  GtkWidget *unit_code = bound_entry (group, "unit-code");
  GtkWidget *unit_name = bound_entry (group, "unit-name");

  /* Gray hints in what a new document leaves empty. */
  gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("The department's full name, as on the cover"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (unit_code), _("As in the budget system"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (unit_name), _("Printed above every project's table"));
  jx_form_grid_add (grid, _("Department _name"), name);
  jx_form_grid_add (grid, _("Budget unit _code"), unit_code);
  jx_form_grid_add (grid, _("Budget unit na_me"), unit_name);
  self->compiler_entry = bound_entry (group, "compiler");
  jx_form_grid_add (grid, _("C_ompiled by"), self->compiler_entry);
  jx_form_grid_add (grid, _("_Reviewed by"), bound_entry (group, "reviewer"));
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
  GtkWidget *page = jx_form_page_new (&column);

  self->document_bindings = g_binding_group_new ();
  self->department_bindings = g_binding_group_new ();
  gtk_box_append (GTK_BOX (column), jx_form_heading_new (_("Cover")));
  gtk_box_append (GTK_BOX (column), build_cover (self));
  gtk_box_append (GTK_BOX (column), jx_form_heading_new (_("Department")));
  gtk_box_append (GTK_BOX (column), build_department (self));
  self->stage_summary = jx_stage_summary_new ();
  gtk_box_append (GTK_BOX (column), self->stage_summary);
  gtk_widget_set_parent (page, GTK_WIDGET (self));
}

static gboolean
focus_place (JxForm             *form,
             const JxMemberPath *place)
{
  static const char *fields[][2] = {
    { "year", "document-year" }, { "title", "document-title" }, { "draft", "document-draft" },
    { "money_unit", "document-money-unit" }, { "department", "document-name" },
    { "department.name", "document-name" }, { "department.unit_code", "document-unit-code" },
    { "department.unit_name", "document-unit-name" }, { "department.compiler", "document-compiler" },
    { "department.reviewer", "document-reviewer" },
  };
  g_autofree char *path = jx_member_path_to_string (place);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (path, fields[i][0]))
      return jx_widget_focus_named (GTK_WIDGET (form), fields[i][1]);
  return FALSE;
}

static void
set_document (JxForm     *form,
              JxDocument *document)
{
  JxDepartmentForm *self = JX_DEPARTMENT_FORM (form);

  g_binding_group_set_source (self->document_bindings, document);
  g_binding_group_set_source (self->department_bindings,
                              document != NULL ? jx_document_get_department (document) : NULL);
  jx_stage_summary_set_document (JX_STAGE_SUMMARY (self->stage_summary), document);
}

static void
jx_department_form_form_init (JxFormInterface *iface)
{
  iface->set_document = set_document;
  iface->focus_place = focus_place;
}

GtkWidget *
jx_department_form_new (void)
{
  return g_object_new (JX_TYPE_DEPARTMENT_FORM, NULL);
}
