/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jx-amount-entry.h"
#include "jx-chart-view.h"
#include "jx-checkpoint.h"
#include "jx-form-layout.h"
#include "jx-text-area.h"
#include "jx-widget-util.h"
#include "jx-indicator-table.h"
#include "jx-form.h"
#include "jx-project-form.h"
#include "jx-stage.h"
#include "jx-stage-cell.h"
#include "jx-stage-fields.h"
#include "jx-text-item.h"
#include "jx-text-list-editor.h"

struct _JxProjectForm
{
  GtkWidget parent_instance;

  JxDocument *document;
  JxProject *project;
  GBindingGroup *bindings;
  GtkWidget *page;
  GtkWidget *name_entry;
  GtkWidget *total_label;
  GtkWidget *plan;
  GtkWidget *plan_extras;
  GtkWidget *chart;
  GtkWidget *goals;
  GtkWidget *indicators;
  GtkWidget *overview_state;
  /* The budget execution of a later stage, and the self-evaluation's
   * conclusion after the indicators it rests on. */
  GtkWidget *stage_fields;
  GtkWidget *evaluation_texts;
};

static void jx_project_form_form_init (JxFormInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JxProjectForm, jx_project_form, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (JX_TYPE_FORM, jx_project_form_form_init))

#define BIDI (G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE)

static gboolean
total_to_label (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_autofree char *amount = jx_money_format (g_value_get_int64 (from));

  g_value_set_string (to, amount);
  return TRUE;
}

static GtkWidget *
bound_entry (JxProjectForm *self,
             const char    *property,
             const char    *name)
{
  GtkWidget *entry = jx_form_entry_new ();

  gtk_widget_set_name (entry, name);
  g_binding_group_bind (self->bindings, property, entry, "text", BIDI);
  return entry;
}

static GtkWidget *
bound_area (JxProjectForm *self,
            const char    *property,
            const char    *name,
            const char    *title,
            const char    *hint,
            int            lines)
{
  GtkWidget *view;
  GtkWidget *area = jx_text_area_new_framed (&view, lines);

  jx_widget_set_name (view, title);
  jx_text_area_set_placeholder (JX_TEXT_AREA (view), hint);

  gtk_widget_set_name (view, name);
  g_binding_group_bind (self->bindings, property, gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                        "text", BIDI);
  return area;
}

static GtkWidget *
bound_amount (JxProjectForm *self,
              const char    *property,
              const char    *name)
{
  GtkWidget *entry = jx_amount_entry_new ();

  gtk_widget_set_name (entry, name);
  gtk_widget_set_halign (entry, GTK_ALIGN_START);
  g_binding_group_bind (self->bindings, property, entry, "amount", BIDI);
  return entry;
}

static GtkWidget *
build_head (JxProjectForm *self)
{
  GtkWidget *grid = jx_form_grid_new ();

  GtkWidget *code = bound_entry (self, "code", "project-code");

  /* Gray hints in what a new project leaves empty. */
  gtk_entry_set_placeholder_text (GTK_ENTRY (code), _("As the budget system gives it"));
  jx_form_grid_add (grid, _("Project _code"), code);
  self->name_entry = bound_entry (self, "name", "project-name");
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->name_entry), _("The project's name as in the budget"));
  jx_form_grid_add (grid, _("Project _name"), self->name_entry);
  jx_form_grid_add (grid, _("_Fiscal funds"), bound_amount (self, "fiscal", "project-fiscal"));
  jx_form_grid_add (grid, _("_Other funds"), bound_amount (self, "other", "project-other"));
  /* Selectable for copying, but no stop for Tab: nothing to type there
   * (not merely unfocusable: a selectable label would then hold Tab). */
  self->total_label = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0, "selectable", TRUE,
                                    "css-classes", (const char *[]) { "heading", "numeric", NULL },
                                    NULL);
  gtk_widget_set_can_focus (self->total_label, FALSE);
  gtk_widget_set_name (self->total_label, "project-total");
  g_binding_group_bind_full (self->bindings, "total", self->total_label, "label",
                             G_BINDING_SYNC_CREATE, total_to_label, NULL, NULL, NULL);
  jx_form_grid_add (grid, _("Budget (total)"), self->total_label);
  return grid;
}

/* Where the project stands in Part 1 (二、分项绩效目标), whose texts are
 * written on their own page, one after the other in print order. */
static void
show_overview_state (JxProjectForm *self)
{
  const char *parts[4] = { NULL };
  g_autofree char *filled = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  if (self->project == NULL)
    return;
  if (jx_project_get_overview_description (self->project)[0] != '\0')
    parts[n++] = C_("part one", "description");
  if (jx_project_get_overview_goal (self->project)[0] != '\0')
    parts[n++] = C_("part one", "goal");
  if (jx_project_get_overview_indicator_summary (self->project)[0] != '\0')
    parts[n++] = C_("part one", "indicators");
  if (n == 0)
    text = g_strdup (_("Not written yet: the project is left out of part one until it is."));
  else
    {
      /* TRANSLATORS: the separator of the parts written, "项目概述、绩效目标" */
      filled = g_strjoinv (_(", "), (char **) parts);
      /* TRANSLATORS: the parts of the project's entry in part one written so far */
      text = g_strdup_printf (_("Written: %s."), filled);
    }
  gtk_label_set_text (GTK_LABEL (self->overview_state), text);
}

static void
overview_clicked_cb (JxProjectForm *self)
{
  g_autoptr(JxMemberPath) place = NULL;
  g_autofree char *path = NULL;

  if (self->document == NULL || self->project == NULL ||
      (place = jx_member_path_find (self->document, self->project)) == NULL)
    return;
  jx_member_path_append (place, "overview", -1);
  path = jx_member_path_to_string (place);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.focus-path", "s", path);
}

static GtkWidget *
build_overview_link (JxProjectForm *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Write in Per-Project Goals"));

  self->overview_state = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0, "wrap", TRUE,
                                       "css-classes", (const char *[]) { "dim-label", NULL }, NULL);
  gtk_widget_set_name (button, "overview-link");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  jx_widget_set_tooltip (button, _("Part one prints every project’s description, goal and indicators "
                                   "one after the other: write them there, in that order"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (overview_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), self->overview_state);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static void
append (GtkWidget *column, GtkWidget *widget)
{
  gtk_box_append (GTK_BOX (column), widget);
}

/* 评价结论, 存在问题 and 改进措施 close the 自评表, after the indicators. */
static GtkWidget *
build_evaluation_texts (JxProjectForm *self)
{
  static const struct { const char *property; const char *name; const char *title; } texts[] = {
    { "evaluation-conclusion", "evaluation-conclusion", N_("Evaluation conclusion") },
    { "evaluation-problems", "evaluation-problems", N_("Problems found") },
    { "evaluation-improvements", "evaluation-improvements", N_("Improvement measures") },
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      gtk_box_append (GTK_BOX (box), jx_form_heading_new (_(texts[i].title)));
      gtk_box_append (GTK_BOX (box), bound_area (self, texts[i].property, texts[i].name,
                                                 _(texts[i].title), NULL, 2));
    }
  return box;
}

static void
show_stage (JxProjectForm *self)
{
  JxStage stage = self->document != NULL ? jx_document_get_stage (self->document) : JX_STAGE_GOALS;

  gtk_widget_set_visible (self->evaluation_texts, stage == JX_STAGE_EVALUATION);
}

static void
build (JxProjectForm *self,
       GtkWidget     *column)
{
  GtkWidget *plan_hint = gtk_label_new (_("Share of the budget spent by the end of each month, counted from January."));

  gtk_label_set_xalign (GTK_LABEL (plan_hint), 0);
  gtk_label_set_wrap (GTK_LABEL (plan_hint), TRUE);
  gtk_widget_add_css_class (plan_hint, "dim-label");
  self->plan = jx_text_list_editor_new (JX_TYPE_CHECKPOINT, _("Add _Month"));
  jx_text_list_editor_set_hints (JX_TEXT_LIST_EDITOR (self->plan),
                                 _("No spending plan yet: pick one of the presets, or add the months one by one."),
                                 NULL);
  self->plan_extras = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_name (self->plan_extras, "plan-extras");
  /* The plan as the printed chart shows it, following every edit. */
  self->chart = jx_chart_view_new ();
  gtk_widget_set_size_request (self->chart, -1, 220);
  gtk_box_append (GTK_BOX (self->plan_extras), self->chart);
  self->goals = jx_text_list_editor_new (JX_TYPE_TEXT_ITEM, _("Add _Goal"));
  jx_text_list_editor_set_hints (JX_TEXT_LIST_EDITOR (self->goals),
                                 _("No goals yet. Add them one by one, or paste several lines "
                                   "into a goal: each line becomes a goal."),
                                 _("What the project achieves, in one sentence or a few"));
  self->indicators = jx_indicator_table_new ();

  append (column, jx_form_heading_new (_("Project details")));
  append (column, build_head (self));
  self->stage_fields = jx_stage_fields_new ();
  append (column, self->stage_fields);
  append (column, jx_form_heading_new (_("Use of funds")));
  append (column, bound_area (self, "usage", "project-usage", _("Use of funds"),
                              _("The budget, where the money comes from and what it is spent on"), 3));
  append (column, jx_form_heading_new (_("Spending plan")));
  append (column, plan_hint);
  append (column, self->plan);
  append (column, self->plan_extras);
  append (column, jx_form_heading_new (_("Performance goals")));
  append (column, self->goals);
  append (column, jx_form_heading_new (_("Indicators")));
  append (column, self->indicators);
  self->evaluation_texts = build_evaluation_texts (self);
  append (column, self->evaluation_texts);
  append (column, jx_form_heading_new (_("In part one: per-project goals")));
  append (column, build_overview_link (self));
}

static void
jx_project_form_dispose (GObject *object)
{
  JxProjectForm *self = JX_PROJECT_FORM (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->bindings);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (jx_project_form_parent_class)->dispose (object);
}

static void
jx_project_form_class_init (JxProjectFormClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jx_project_form_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
jx_project_form_init (JxProjectForm *self)
{
  GtkWidget *column;

  self->bindings = g_binding_group_new ();
  self->page = jx_form_page_new (&column);
  build (self, column);
  gtk_widget_set_parent (self->page, GTK_WIDGET (self));
  show_stage (self);
}

GtkWidget *
jx_project_form_new (void)
{
  return g_object_new (JX_TYPE_PROJECT_FORM, NULL);
}

/* The chart gets the document only with a project: a chart view with a
 * document and no project charts, and listens to, every project of it,
 * which with 2,000 projects made the first switch and every reset of the
 * form connect and disconnect tens of thousands of handlers. */
static void
show_chart (JxProjectForm *self)
{
  JxChartView *chart = JX_CHART_VIEW (self->chart);

  if (self->project == NULL)
    {
      jx_chart_view_set_document (chart, NULL);
      jx_chart_view_set_project (chart, NULL);
      return;
    }
  jx_chart_view_set_project (chart, self->project);
  jx_chart_view_set_document (chart, self->document);
}

void
jx_project_form_set_project (JxProjectForm *self,
                             JxProject     *project)
{
  g_return_if_fail (JX_IS_PROJECT_FORM (self));
  g_return_if_fail (project == NULL || JX_IS_PROJECT (project));

  if (self->project == project)
    return;
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    {
      g_signal_connect_object (project, "notify::overview-description",
                               G_CALLBACK (show_overview_state), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "notify::overview-goal",
                               G_CALLBACK (show_overview_state), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "notify::overview-indicator-summary",
                               G_CALLBACK (show_overview_state), self, G_CONNECT_SWAPPED);
      show_overview_state (self);
    }
  g_binding_group_set_source (self->bindings, project);
  jx_stage_fields_set_project (JX_STAGE_FIELDS (self->stage_fields), project);
  show_chart (self);
  jx_text_list_editor_set_project (JX_TEXT_LIST_EDITOR (self->plan), project);
  jx_text_list_editor_set_model (JX_TEXT_LIST_EDITOR (self->plan),
                                 project != NULL ? jx_project_get_spending_plan (project) : NULL);
  jx_text_list_editor_set_model (JX_TEXT_LIST_EDITOR (self->goals),
                                 project != NULL ? jx_project_get_goals (project) : NULL);
  jx_indicator_table_set_model (JX_INDICATOR_TABLE (self->indicators),
                                project != NULL ? jx_project_get_indicators (project) : NULL);
  jx_indicator_table_set_stage_project (JX_INDICATOR_TABLE (self->indicators), self->document, project);
}

JxProject *
jx_project_form_get_project (JxProjectForm *self)
{
  g_return_val_if_fail (JX_IS_PROJECT_FORM (self), NULL);
  return self->project;
}

GtkWidget *
jx_project_form_get_indicator_table (JxProjectForm *self)
{
  g_return_val_if_fail (JX_IS_PROJECT_FORM (self), NULL);
  return self->indicators;
}

GtkWidget *
jx_project_form_get_plan_extras (JxProjectForm *self)
{
  g_return_val_if_fail (JX_IS_PROJECT_FORM (self), NULL);
  return self->plan_extras;
}

void
jx_project_form_focus_name (JxProjectForm *self)
{
  g_return_if_fail (JX_IS_PROJECT_FORM (self));
  gtk_widget_grab_focus (self->name_entry);
}

/* "monitoring.likelihood" of a row, or the first column of its stage for
 * "monitoring" alone. */
static gboolean
focus_stage_cell (JxProjectForm      *self,
                  const JxMemberPath *inside,
                  int                 row)
{
  g_autoptr(JxMemberPath) tail = jx_member_path_get_tail (inside, 1);
  g_autofree char *member = jx_member_path_to_string (tail);
  const char *stage = jx_member_path_get_member (inside, 1);
  const JxStageColumn *columns;
  JxStage shown = jx_document_get_stage (self->document);
  guint n;

  if (!g_str_equal (stage, "monitoring") && !g_str_equal (stage, "evaluation"))
    return FALSE;
  if (jx_member_path_get_length (inside) == 2)
    {
      columns = jx_stage_columns (shown, &n);
      if (n == 0 || !g_str_equal (stage, jx_stage_to_string (shown)))
        return FALSE;
      g_free (member);
      member = g_strdup (columns[0].member);
    }
  return jx_indicator_table_focus_stage_cell (JX_INDICATOR_TABLE (self->indicators), row, member);
}

static gboolean
focus_indicator (JxProjectForm      *self,
                 const JxMemberPath *inside)
{
  static const char *fields[] = { "level1", "level2", "name", "description", "value", "basis" };
  int row = jx_member_path_get_index (inside, 0);

  if (row < 0)
    {
      gtk_widget_child_focus (self->indicators, GTK_DIR_TAB_FORWARD);
      return TRUE;
    }
  if (jx_member_path_get_length (inside) > 1 && focus_stage_cell (self, inside, row))
    return TRUE;
  for (guint column = 0; column < G_N_ELEMENTS (fields); column++)
    if (jx_member_path_get_length (inside) > 1 &&
        g_str_equal (jx_member_path_get_member (inside, 1), fields[column]))
      return jx_indicator_table_focus_cell (JX_INDICATOR_TABLE (self->indicators), row, column);
  return jx_indicator_table_focus_cell (JX_INDICATOR_TABLE (self->indicators), row,
                                        JX_INDICATOR_COLUMN_NAME);
}

static gboolean
focus_list_row (GtkWidget          *editor,
                const JxMemberPath *inside)
{
  int row = jx_member_path_get_index (inside, 0);

  if (row >= 0)
    jx_text_list_editor_focus_row (JX_TEXT_LIST_EDITOR (editor), (guint) row);
  else
    gtk_widget_child_focus (editor, GTK_DIR_TAB_FORWARD);
  return TRUE;
}

/* The field of a place inside the project shown: "name", "funds.fiscal",
 * "goals[1]", "indicators[2].value". */
static gboolean
focus_inside (JxProjectForm      *self,
              const JxMemberPath *inside)
{
  static const char *fields[][2] = {
    { "code", "project-code" }, { "name", "project-name" }, { "funds", "project-fiscal" },
    { "funds.fiscal", "project-fiscal" }, { "funds.other", "project-other" },
    { "usage", "project-usage" }, { "overview", "overview-link" },
    { "evaluation.conclusion", "evaluation-conclusion" },
    { "evaluation.problems", "evaluation-problems" },
    { "evaluation.improvements", "evaluation-improvements" },
  };
  g_autofree char *path = jx_member_path_to_string (inside);
  const char *first = jx_member_path_get_length (inside) > 0
                        ? jx_member_path_get_member (inside, 0) : "";

  if (g_str_equal (first, "indicators"))
    return focus_indicator (self, inside);
  if (g_str_equal (first, "goals"))
    return focus_list_row (self->goals, inside);
  if (g_str_equal (first, "spending_plan"))
    return focus_list_row (self->plan, inside);
  if ((g_str_equal (first, "monitoring") || g_str_equal (first, "evaluation")) &&
      jx_stage_fields_focus (JX_STAGE_FIELDS (self->stage_fields), path))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (path, fields[i][0]))
      return jx_widget_focus_named (GTK_WIDGET (self), fields[i][1]);
  return jx_widget_focus_named (GTK_WIDGET (self), "project-name");
}

/* Only a place in the project the form shows. */
static gboolean
focus_place (JxForm             *form,
             const JxMemberPath *place)
{
  JxProjectForm *self = JX_PROJECT_FORM (form);
  g_autoptr(JxMemberPath) inside = NULL;
  guint position;
  int index = jx_member_path_get_project (place);

  if (index < 0 || self->project == NULL || self->document == NULL ||
      !g_list_store_find (G_LIST_STORE (jx_document_get_projects (self->document)), self->project,
                          &position) || position != (guint) index)
    return FALSE;
  inside = jx_member_path_get_tail (place, 1);
  return focus_inside (self, inside);
}

static void
set_document (JxForm     *form,
              JxDocument *document)
{
  JxProjectForm *self = JX_PROJECT_FORM (form);

  jx_project_form_set_project (self, NULL);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  jx_text_list_editor_set_document (JX_TEXT_LIST_EDITOR (self->plan), document);
  jx_text_list_editor_set_document (JX_TEXT_LIST_EDITOR (self->goals), document);
  if (document != NULL)
    g_signal_connect_swapped (document, "notify::stage", G_CALLBACK (show_stage), self);
  jx_stage_fields_set_document (JX_STAGE_FIELDS (self->stage_fields), document);
  show_stage (self);
}

static void
jx_project_form_form_init (JxFormInterface *iface)
{
  iface->set_document = set_document;
  iface->focus_place = focus_place;
}

void
jx_project_form_scroll_to_top (JxProjectForm *self)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (JX_IS_PROJECT_FORM (self));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->page));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}
