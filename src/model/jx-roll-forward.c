/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jx-change-private.h"
#include "jx-checkpoint.h"
#include "jx-document-io.h"
#include "jx-indicator.h"
#include "jx-measure.h"
#include "jx-roll-forward.h"
#include "jx-stage.h"
#include "jx-text-item.h"
#include "jx-year-text.h"

G_DEFINE_QUARK (jx-roll-forward-error-quark, jx_roll_forward_error)

struct _JxRollForward
{
  GObject parent_instance;
  JxDocument *document;
  GListStore *changes;
  guint from;
  guint cleared_amounts;
  guint cleared_plans;
  guint old_codes;
  guint cleared_stages;
};

G_DEFINE_FINAL_TYPE (JxRollForward, jx_roll_forward, G_TYPE_OBJECT)

static void
jx_roll_forward_dispose (GObject *object)
{
  JxRollForward *self = JX_ROLL_FORWARD (object);

  g_clear_object (&self->document);
  g_clear_object (&self->changes);
  G_OBJECT_CLASS (jx_roll_forward_parent_class)->dispose (object);
}

static void
jx_roll_forward_class_init (JxRollForwardClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jx_roll_forward_dispose;
}

static void
jx_roll_forward_init (JxRollForward *self)
{
  self->changes = g_list_store_new (JX_TYPE_CHANGE);
}

/* ---- the texts ---- */

typedef void (*SetText) (gpointer object, const char *text);

typedef struct
{
  JxRollForward   *self;
  JxChangeSection  section;
  JxChangeItem     item;
  int              project;
} Where;

/* Moves the years of one text and lists it when any moved. */
static void
visit (const Where *where, gpointer object, SetText set, const char *text,
       const char *member, const char *format, ...) G_GNUC_PRINTF (6, 7);

static void
visit (const Where *where, gpointer object, SetText set, const char *text,
       const char *member, const char *format, ...)
{
  JxRollForward *self = where->self;
  g_autoptr(GArray) spans = NULL;
  g_autofree char *shifted = jx_year_text_shift (text, self->from, self->from + 1, &spans);
  g_autofree char *path = NULL;
  g_autofree char *old_text = NULL;
  g_autoptr(JxChange) change = NULL;
  va_list args;

  if (shifted == NULL)
    return;
  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);
  old_text = g_strdup (text);
  set (object, shifted);

  change = jx_change_new (where->section, JX_CHANGE_CHANGED, where->item);
  change->member = member;
  change->old_path = g_strdup (path);
  change->new_path = g_strdup (path);
  change->old_project = change->new_project = where->project;
  change->place = jx_change_describe_path (self->document, path);
  change->old_text = g_steal_pointer (&old_text);
  change->new_text = g_steal_pointer (&shifted);
  /* The years are the change: the same places in both texts. */
  change->old_marks = g_array_ref (spans);
  change->new_marks = g_array_copy (spans);
  g_list_store_append (self->changes, change);
}

static void
visit_cover (JxRollForward *self)
{
  JxDocument *document = self->document;
  JxDepartment *department = jx_document_get_department (document);
  Where where = { self, JX_CHANGE_SECTION_COVER, JX_CHANGE_ITEM_FIELD, -1 };

  visit (&where, document, (SetText) jx_document_set_title, jx_document_get_title (document),
         "title", "title");
  visit (&where, department, (SetText) jx_department_set_name,
         jx_department_get_name (department), "name", "department.name");
  visit (&where, department, (SetText) jx_department_set_unit_name,
         jx_department_get_unit_name (department), "unit_name", "department.unit_name");
  visit (&where, department, (SetText) jx_department_set_compiler,
         jx_department_get_compiler (department), "compiler", "department.compiler");
  visit (&where, department, (SetText) jx_department_set_reviewer,
         jx_department_get_reviewer (department), "reviewer", "department.reviewer");
}

static void
visit_overviews (JxRollForward *self, GListModel *projects)
{
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);
      Where where = { self, JX_CHANGE_SECTION_PART1, JX_CHANGE_ITEM_PARAGRAPH, (int) i };

      visit (&where, project, (SetText) jx_project_set_overview_description,
             jx_project_get_overview_description (project), "description",
             "projects[%u].overview.description", i);
      visit (&where, project, (SetText) jx_project_set_overview_goal,
             jx_project_get_overview_goal (project), "goal", "projects[%u].overview.goal", i);
      visit (&where, project, (SetText) jx_project_set_overview_indicator_summary,
             jx_project_get_overview_indicator_summary (project), "indicator_summary",
             "projects[%u].overview.indicator_summary", i);
    }
}

/* Part 1 in the order it is printed: 总体绩效目标, 分项绩效目标, 工作保障措施. */
static void
visit_part1 (JxRollForward *self)
{
  JxDocument *document = self->document;
  GListModel *points = jx_document_get_points (document);
  GListModel *measures = jx_document_get_measures (document);
  Where where = { self, JX_CHANGE_SECTION_PART1, JX_CHANGE_ITEM_PARAGRAPH, -1 };

  visit (&where, document, (SetText) jx_document_set_summary, jx_document_get_summary (document),
         "summary", "overall.summary");
  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(JxTextItem) point = g_list_model_get_item (points, i);

      visit (&where, point, (SetText) jx_text_item_set_text, jx_text_item_get_text (point),
             NULL, "overall.points[%u]", i);
    }
  visit_overviews (self, jx_document_get_projects (document));
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(JxMeasure) measure = g_list_model_get_item (measures, i);

      visit (&where, measure, (SetText) jx_measure_set_heading, jx_measure_get_heading (measure),
             "heading", "measures[%u].heading", i);
      visit (&where, measure, (SetText) jx_measure_set_body, jx_measure_get_body (measure),
             "body", "measures[%u].body", i);
    }
}

static void
visit_indicators (JxRollForward *self, JxProject *project, guint p)
{
  GListModel *indicators = jx_project_get_indicators (project);
  Where where = { self, JX_CHANGE_SECTION_PROJECTS, JX_CHANGE_ITEM_CELL, (int) p };

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(JxIndicator) row = g_list_model_get_item (indicators, i);

      visit (&where, row, (SetText) jx_indicator_set_name, jx_indicator_get_name (row),
             "name", "projects[%u].indicators[%u].name", p, i);
      visit (&where, row, (SetText) jx_indicator_set_description,
             jx_indicator_get_description (row), "description",
             "projects[%u].indicators[%u].description", p, i);
      visit (&where, row, (SetText) jx_indicator_set_value, jx_indicator_get_value (row),
             "value", "projects[%u].indicators[%u].value", p, i);
      visit (&where, row, (SetText) jx_indicator_set_basis, jx_indicator_get_basis (row),
             "basis", "projects[%u].indicators[%u].basis", p, i);
    }
}

static void
visit_project (JxRollForward *self, JxProject *project, guint p)
{
  GListModel *goals = jx_project_get_goals (project);
  Where where = { self, JX_CHANGE_SECTION_PROJECTS, JX_CHANGE_ITEM_FIELD, (int) p };

  visit (&where, project, (SetText) jx_project_set_name, jx_project_get_name (project),
         "name", "projects[%u].name", p);
  visit (&where, project, (SetText) jx_project_set_usage, jx_project_get_usage (project),
         "usage", "projects[%u].usage", p);
  where.item = JX_CHANGE_ITEM_GOAL;
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(JxTextItem) goal = g_list_model_get_item (goals, i);

      visit (&where, goal, (SetText) jx_text_item_set_text, jx_text_item_get_text (goal),
             NULL, "projects[%u].goals[%u]", p, i);
    }
  visit_indicators (self, project, p);
}

/* ---- amounts, plans, codes ---- */

static void
carry_projects (JxRollForward *self, JxRollForwardFlags flags)
{
  GListModel *projects = jx_document_get_projects (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);
      GListModel *plan = jx_project_get_spending_plan (project);
      int segment = jx_year_code_segment (jx_project_get_code (project));

      visit_project (self, project, i);
      if ((flags & JX_ROLL_FORWARD_CLEAR_AMOUNTS) && jx_project_get_total (project) > 0)
        {
          jx_project_set_fiscal (project, 0);
          jx_project_set_other (project, 0);
          self->cleared_amounts++;
        }
      if ((flags & JX_ROLL_FORWARD_CLEAR_PLANS) && g_list_model_get_n_items (plan) > 0)
        {
          g_list_store_remove_all (G_LIST_STORE (plan));
          self->cleared_plans++;
        }
      if (segment >= 0 && (guint) segment == self->from % 100)
        self->old_codes++;
    }
}

/* Last year's 监控 and 自评 are last year's: next year starts at its goals. */
static void
clear_stages (JxRollForward *self)
{
  GListModel *projects = jx_document_get_projects (self->document);
  JxStage stage = jx_document_get_stage (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);

      self->cleared_stages += jx_project_has_stage_data (project, JX_STAGE_MONITORING) ||
                              jx_project_has_stage_data (project, JX_STAGE_EVALUATION);
    }
  jx_document_drop_stages (self->document);
  if (stage != JX_STAGE_GOALS)
    {
      g_autoptr(JxChange) change = jx_change_new (JX_CHANGE_SECTION_COVER, JX_CHANGE_CHANGED,
                                                  JX_CHANGE_ITEM_FIELD);

      change->member = "stage";
      change->old_path = g_strdup ("stage");
      change->new_path = g_strdup ("stage");
      change->place = jx_change_describe_path (self->document, "stage");
      change->old_text = g_strdup (jx_stage_to_label (stage));
      change->new_text = g_strdup (jx_stage_to_label (JX_STAGE_GOALS));
      g_list_store_append (self->changes, change);
    }
}

static void
add_year_change (JxRollForward *self, gboolean was_draft)
{
  g_autoptr(JxChange) year = jx_change_new (JX_CHANGE_SECTION_COVER, JX_CHANGE_CHANGED,
                                            JX_CHANGE_ITEM_YEAR);

  year->member = "year";
  year->old_path = g_strdup ("year");
  year->new_path = g_strdup ("year");
  year->place = jx_change_describe_path (self->document, "year");
  year->old_text = g_strdup_printf ("%u", self->from);
  year->new_text = g_strdup_printf ("%u", self->from + 1);
  g_list_store_append (self->changes, year);
  if (!was_draft)
    {
      g_autoptr(JxChange) draft = jx_change_new (JX_CHANGE_SECTION_COVER, JX_CHANGE_CHANGED,
                                                 JX_CHANGE_ITEM_FIELD);

      draft->member = "draft";
      draft->old_path = g_strdup ("draft");
      draft->new_path = g_strdup ("draft");
      draft->place = jx_change_describe_path (self->document, "draft");
      draft->old_text = g_strdup (_("no"));
      draft->new_text = g_strdup (_("yes"));
      g_list_store_append (self->changes, draft);
    }
}

/* Through the file format, so that members written by other tools or
 * newer versions come along exactly as saving would keep them. */
static JxDocument *
copy_document (JxDocument *document, GError **error)
{
  gsize length;
  g_autofree char *data = jx_document_to_data (document, &length);

  return jx_document_load_data (data, length, error);
}

JxRollForward *
jx_roll_forward_new (JxDocument          *document,
                     JxRollForwardFlags   flags,
                     GError             **error)
{
  g_autoptr(JxRollForward) self = NULL;
  gboolean was_draft;

  g_return_val_if_fail (JX_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (jx_document_get_year (document) >= JX_YEAR_MAX)
    {
      g_set_error (error, JX_ROLL_FORWARD_ERROR, JX_ROLL_FORWARD_ERROR_LAST_YEAR,
                   _("The document is for %u, the last year a document can be for: there is "
                     "no next year to carry it to."), jx_document_get_year (document));
      return NULL;
    }
  self = g_object_new (JX_TYPE_ROLL_FORWARD, NULL);
  self->document = copy_document (document, error);
  if (self->document == NULL)
    return NULL;
  self->from = jx_document_get_year (document);
  was_draft = jx_document_get_draft (self->document);
  jx_document_set_year (self->document, self->from + 1);
  jx_document_set_draft (self->document, TRUE);
  add_year_change (self, was_draft);
  clear_stages (self);
  visit_cover (self);
  visit_part1 (self);
  carry_projects (self, flags);
  return g_steal_pointer (&self);
}

JxDocument *
jx_roll_forward_get_document (JxRollForward *self)
{
  g_return_val_if_fail (JX_IS_ROLL_FORWARD (self), NULL);
  return self->document;
}

GListModel *
jx_roll_forward_get_changes (JxRollForward *self)
{
  g_return_val_if_fail (JX_IS_ROLL_FORWARD (self), NULL);
  return G_LIST_MODEL (self->changes);
}

guint
jx_roll_forward_get_n_cleared_amounts (JxRollForward *self)
{
  g_return_val_if_fail (JX_IS_ROLL_FORWARD (self), 0);
  return self->cleared_amounts;
}

guint
jx_roll_forward_get_n_cleared_plans (JxRollForward *self)
{
  g_return_val_if_fail (JX_IS_ROLL_FORWARD (self), 0);
  return self->cleared_plans;
}

guint
jx_roll_forward_get_n_cleared_stages (JxRollForward *self)
{
  g_return_val_if_fail (JX_IS_ROLL_FORWARD (self), 0);
  return self->cleared_stages;
}

guint
jx_roll_forward_get_n_old_codes (JxRollForward *self)
{
  g_return_val_if_fail (JX_IS_ROLL_FORWARD (self), 0);
  return self->old_codes;
}

char *
jx_roll_forward_to_text (JxRollForward *self)
{
  g_autofree char *list = NULL;
  GString *out;
  guint texts;

  g_return_val_if_fail (JX_IS_ROLL_FORWARD (self), NULL);

  /* The year, （草案） and the stage are listed too; the rest are texts. */
  texts = 0;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->changes)); i++)
    {
      g_autoptr(JxChange) change = g_list_model_get_item (G_LIST_MODEL (self->changes), i);

      gboolean mark = g_strcmp0 (change->member, "draft") == 0 ||
                      g_strcmp0 (change->member, "stage") == 0;

      if (change->item != JX_CHANGE_ITEM_YEAR && !mark)
        texts++;
    }
  out = g_string_new (NULL);
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                            "The %u document from the %u one: years moved in %u text.\n",
                                            "The %u document from the %u one: years moved in %u texts.\n",
                                            texts),
                          self->from + 1, self->from, texts);
  if (self->cleared_amounts > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "Budgets cleared in %u project.\n",
                                              "Budgets cleared in %u projects.\n",
                                              self->cleared_amounts), self->cleared_amounts);
  if (self->cleared_plans > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "Spending plans cleared in %u project.\n",
                                              "Spending plans cleared in %u projects.\n",
                                              self->cleared_plans), self->cleared_plans);
  if (self->cleared_stages > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "Monitoring and evaluation entries cleared in %u project.\n",
                                              "Monitoring and evaluation entries cleared in %u projects.\n",
                                              self->cleared_stages), self->cleared_stages);
  if (self->old_codes > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "%u project code still carries the year %02u: enter the new code once the finance system issues it.\n",
                                              "%u project codes still carry the year %02u: enter the new codes once the finance system issues them.\n",
                                              self->old_codes), self->old_codes, self->from % 100);
  list = jx_changes_to_text (G_LIST_MODEL (self->changes));
  g_string_append_printf (out, "\n%s", list);
  return g_string_free (out, FALSE);
}
