/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-chart-actions.h"
#include "jx-document-io.h"
#include "jx-problems-actions.h"
#include "jx-print.h"
#include "jx-window.h"

struct _JxWindow
{
  GtkApplicationWindow parent_instance;

  JxDocument *document;
  GFile *file;

  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkLabel *department_label;
  GtkLabel *document_label;
  GtkColumnView *projects_view;
  GtkColumnViewColumn *total_column;
  GtkLabel *count_label;
  GtkLabel *total_label;
};

G_DEFINE_FINAL_TYPE (JxWindow, jx_window, GTK_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_DOCUMENT, PROP_FILE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
update_titles (JxWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);
      g_autofree char *base = g_file_get_basename (self->file);

      title = g_filename_display_name (base);
      subtitle = parent != NULL ? g_file_get_parse_name (parent) : g_strdup ("");
    }
  else
    {
      title = g_strdup (_("New Document"));
      subtitle = g_strdup (_("Not saved yet"));
    }

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* The cover line as it will be printed: the document's own words, which
 * stay Chinese whatever the interface language is. */
static void
update_document_labels (JxWindow *self)
{
  JxDepartment *department = jx_document_get_department (self->document);
  const char *name = jx_department_get_name (department);
  g_autofree char *line = NULL;

  gtk_label_set_text (self->department_label,
                      name[0] != '\0' ? name : _("(department name not set)"));
  line = g_strdup_printf ("%u年%s%s", jx_document_get_year (self->document),
                          jx_document_get_title (self->document),
                          jx_document_get_draft (self->document) ? "（草案）" : "");
  gtk_label_set_text (self->document_label, line);
}

static void
update_totals (JxWindow *self)
{
  guint n = g_list_model_get_n_items (jx_document_get_projects (self->document));
  const char *unit = jx_document_get_money_unit (self->document);
  g_autofree char *total = jx_money_format (jx_document_get_total (self->document));
  g_autofree char *count = g_strdup_printf (ngettext ("%u project", "%u projects", n), n);
  g_autofree char *line = g_strdup_printf (_("Department total: %s %s"), total, unit);
  g_autofree char *column = g_strdup_printf (_("Budget (%s)"), unit);

  gtk_label_set_text (self->count_label, count);
  gtk_label_set_text (self->total_label, line);
  gtk_column_view_column_set_title (self->total_column, column);
}

static void
document_changed_cb (JxWindow *self)
{
  update_document_labels (self);
  update_totals (self);
}

static char *
format_money_cb (gpointer this, gint64 amount)
{
  return jx_money_format (amount);
}

static GtkExpression *
project_expression (const char *property)
{
  return gtk_property_expression_new (JX_TYPE_PROJECT,
                                      gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item"),
                                      property);
}

static void
setup_text_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  const char *property = user_data;
  GtkWidget *label = gtk_label_new (NULL);
  GtkExpression *expression = project_expression (property);

  if (g_str_equal (property, "total"))
    {
      expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, &expression,
                                                G_CALLBACK (format_money_cb), NULL, NULL);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  gtk_expression_bind (expression, label, "label", item);
  gtk_list_item_set_child (item, label);
}

static GtkColumnViewColumn *
add_column (JxWindow *self, const char *title, const char *property, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_text_cb), (gpointer) property);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->projects_view, column);
  g_object_unref (column);
  return column;
}

static void
jx_window_dispose (GObject *object)
{
  JxWindow *self = JX_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JX_TYPE_WINDOW);
  G_OBJECT_CLASS (jx_window_parent_class)->dispose (object);
}

static void
jx_window_finalize (GObject *object)
{
  JxWindow *self = JX_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->file);
  G_OBJECT_CLASS (jx_window_parent_class)->finalize (object);
}

static void
jx_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JxWindow *self = JX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    case PROP_FILE: g_value_set_object (value, self->file); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_window_class_init (JxWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_window_dispose;
  object_class->finalize = jx_window_finalize;
  object_class->get_property = jx_window_get_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, JX_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jixiao/Jixiao/jx-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JxWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, department_label);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, document_label);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, projects_view);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, total_label);
}

static void
jx_window_init (JxWindow *self)
{
  g_autoptr(JxDocument) document = jx_document_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  jx_chart_install_actions (self);
  jx_problems_install_actions (self);

  add_column (self, _("Code"), "code", FALSE);
  add_column (self, _("Project"), "name", TRUE);
  self->total_column = add_column (self, _("Budget"), "total", FALSE);

  jx_window_set_document (self, document, NULL);
  jx_print_install_actions (self);
}

JxWindow *
jx_window_new (JxApplication *application)
{
  return g_object_new (JX_TYPE_WINDOW, "application", application, NULL);
}

JxDocument *
jx_window_get_document (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), NULL);
  return self->document;
}

GFile *
jx_window_get_file (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), NULL);
  return self->file;
}

void
jx_window_set_document (JxWindow   *self,
                        JxDocument *document,
                        GFile      *file)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (JX_IS_WINDOW (self));
  g_return_if_fail (JX_IS_DOCUMENT (document));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (jx_document_get_department (self->document), self);
      g_signal_handlers_disconnect_by_data (jx_document_get_projects (self->document), self);
    }
  g_set_object (&self->document, document);
  g_set_object (&self->file, file);

  g_signal_connect_object (document, "notify", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (jx_document_get_department (document), "notify::name",
                           G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (jx_document_get_projects (document), "items-changed",
                           G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);

  selection = gtk_no_selection_new (g_object_ref (jx_document_get_projects (document)));
  gtk_column_view_set_model (self->projects_view, GTK_SELECTION_MODEL (selection));

  update_titles (self);
  document_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
show_load_error (JxWindow *self, GFile *file, const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (name);
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   _("Could not open “%s”"), display);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  gtk_widget_set_name (dialog, "load-error-dialog");
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
jx_window_open_file (JxWindow *self,
                     GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (JX_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("Only files on this computer can be opened"));
  else
    document = jx_document_load_file (path, &error);

  if (document == NULL)
    {
      show_load_error (self, file, error);
      return FALSE;
    }
  jx_window_set_document (self, document, file);
  return TRUE;
}

gboolean
jx_window_is_blank (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), FALSE);
  return self->file == NULL &&
         g_list_model_get_n_items (jx_document_get_projects (self->document)) == 0 &&
         jx_department_get_name (jx_document_get_department (self->document))[0] == '\0';
}
