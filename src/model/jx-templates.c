/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "jx-checkpoint.h"
#include "jx-department.h"
#include "jx-templates.h"

guint
jx_template_default_year (GDateTime *now)
{
  g_return_val_if_fail (now != NULL, JX_YEAR_MIN);
  return CLAMP ((guint) g_date_time_get_year (now) + 1, JX_YEAR_MIN, JX_YEAR_MAX);
}

JxDocument *
jx_template_new_document (GDateTime *now)
{
  JxDocument *document = jx_document_new ();
  g_autoptr(JxProject) project = jx_template_new_project ();

  g_return_val_if_fail (now != NULL, document);

  jx_document_set_year (document, jx_template_default_year (now));
  g_list_store_append (G_LIST_STORE (jx_document_get_projects (document)), project);
  return document;
}

JxProject *
jx_template_new_project (void)
{
  return jx_project_new ("", "");
}

static gboolean
blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
empty_list (GListModel *list)
{
  return list == NULL || g_list_model_get_n_items (list) == 0;
}

static gboolean
cover_untouched (JxDocument *document)
{
  JxDepartment *department = jx_document_get_department (document);

  const char *title = jx_document_get_title (document);

  return (blank (title) || g_str_equal (title, JX_DEFAULT_TITLE)) &&
         (department == NULL ||
          (blank (jx_department_get_name (department)) && blank (jx_department_get_unit_code (department)) &&
           blank (jx_department_get_unit_name (department)) &&
           blank (jx_department_get_compiler (department)) &&
           blank (jx_department_get_reviewer (department))));
}

static gboolean
project_untouched (JxProject *project)
{
  return blank (jx_project_get_name (project)) && blank (jx_project_get_code (project)) &&
         jx_project_get_fiscal (project) == 0 && jx_project_get_other (project) == 0 &&
         blank (jx_project_get_usage (project)) && empty_list (jx_project_get_spending_plan (project)) &&
         empty_list (jx_project_get_goals (project)) && empty_list (jx_project_get_indicators (project)) &&
         blank (jx_project_get_overview_description (project)) &&
         blank (jx_project_get_overview_goal (project)) &&
         blank (jx_project_get_overview_indicator_summary (project));
}

gboolean
jx_template_part_is_untouched (JxDocument         *document,
                               const JxMemberPath *place)
{
  const char *first;
  int project;

  g_return_val_if_fail (JX_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (place != NULL, FALSE);

  if (jx_member_path_get_length (place) == 0)
    return FALSE;
  first = jx_member_path_get_member (place, 0);
  project = jx_member_path_get_project (place);
  if (project >= 0)
    {
      g_autoptr(JxProject) item = NULL;

      if ((guint) project >= g_list_model_get_n_items (jx_document_get_projects (document)))
        return FALSE;
      item = g_list_model_get_item (jx_document_get_projects (document), (guint) project);
      return project_untouched (item);
    }
  if (g_str_equal (first, "department") || g_str_equal (first, "title"))
    return cover_untouched (document);
  if (g_str_equal (first, "overall"))
    return blank (jx_document_get_summary (document)) && empty_list (jx_document_get_points (document));
  if (g_str_equal (first, "measures"))
    return empty_list (jx_document_get_measures (document));
  return FALSE;
}

static const struct
{
  const char *name;
  guint n;
  guint months[4];
  double percents[4];
} plan_presets[JX_PLAN_N_PRESETS] = {
  [JX_PLAN_PRESET_QUARTERS] = { N_("Even by quarter"), 4, { 3, 6, 9, 12 }, { 25, 50, 75, 100 } },
  [JX_PLAN_PRESET_HALVES] = { N_("By half-year"), 2, { 6, 12 }, { 50, 100 } },
  /* The shape of every plan in the published example document. */
  [JX_PLAN_PRESET_COMMON] = { N_("Usual checkpoints"), 4, { 3, 6, 10, 12 }, { 30, 60, 90, 100 } },
};

const char *
jx_template_plan_preset_name (JxPlanPreset preset)
{
  g_return_val_if_fail (preset < JX_PLAN_N_PRESETS, NULL);
  return _(plan_presets[preset].name);
}

GPtrArray *
jx_template_plan_preset (JxPlanPreset preset)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (preset < JX_PLAN_N_PRESETS, rows);
  for (guint i = 0; i < plan_presets[preset].n; i++)
    g_ptr_array_add (rows, jx_checkpoint_new (plan_presets[preset].months[i],
                                              plan_presets[preset].percents[i]));
  return rows;
}

static guint
month_at (GListModel *plan,
          guint       position)
{
  g_autoptr(JxCheckpoint) row = g_list_model_get_item (plan, position);

  return jx_checkpoint_get_month (row);
}

static double
percent_at (GListModel *plan,
            guint       position)
{
  g_autoptr(JxCheckpoint) row = g_list_model_get_item (plan, position);

  return jx_checkpoint_get_percent (row);
}

/* Quarter ends first, after the last month planned, then anywhere; then
 * any month, in the same order. 0 when every month is taken. */
static guint
next_month (const gboolean used[13],
            guint          last)
{
  static const guint steps[] = { 3, 1 };

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      guint step = steps[s];

      for (guint month = step; month <= 12; month += step)
        if (month > last && !used[month])
          return month;
      for (guint month = step; month <= 12; month += step)
        if (!used[month])
          return month;
    }
  return 0;
}

gboolean
jx_template_next_checkpoint (GListModel *plan,
                             guint      *position,
                             guint      *month,
                             double     *percent)
{
  gboolean used[13] = { FALSE };
  guint n, last = 0, at, before_month = 0, after_month = 12;
  double before = 0, after = 100, value;

  g_return_val_if_fail (G_IS_LIST_MODEL (plan), FALSE);

  n = g_list_model_get_n_items (plan);
  for (guint i = 0; i < n; i++)
    {
      guint m = month_at (plan, i);

      used[m] = TRUE;
      last = MAX (last, m);
    }
  if ((*month = next_month (used, last)) == 0)
    return FALSE;
  /* Before the first row planned later: the months stay in order. */
  for (at = 0; at < n && month_at (plan, at) < *month; at++)
    ;
  if (at > 0)
    {
      before_month = month_at (plan, at - 1);
      before = percent_at (plan, at - 1);
    }
  if (at < n)
    {
      after_month = month_at (plan, at);
      after = percent_at (plan, at);
    }
  value = after_month > before_month
            ? before + (after - before) * (*month - before_month) / (after_month - before_month)
            : after;
  value = round (value);
  *percent = CLAMP (value, MIN (before, after), MAX (before, after));
  *position = at;
  return TRUE;
}
