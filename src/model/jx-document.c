/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-stage-private.h"

enum
{
  PROP_0,
  PROP_YEAR,
  PROP_TITLE,
  PROP_DRAFT,
  PROP_MONEY_UNIT,
  PROP_DEPARTMENT,
  PROP_SUMMARY,
  PROP_POINTS,
  PROP_MEASURES,
  PROP_PROJECTS,
  PROP_TOTAL,
  PROP_STAGE,
  PROP_MONITORING_MONTH,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum { ACTION_BEGIN, ACTION_END, N_SIGNALS };
static guint signals[N_SIGNALS];

struct _JxDocument
{
  GObject parent_instance;
  guint year;
  gboolean draft;
  char *title;
  char *money_unit;
  char *summary;
  JxDepartment *department;
  GListStore *points;
  GListStore *measures;
  GListStore *projects;
  /* The projects whose "notify::total" we follow, in list order. */
  GPtrArray *watched;
  JxMoney total;
  JxStage stage;
  guint monitoring_month;
  JxExtras extras;
  JxExtras overall_extras;
};

G_DEFINE_FINAL_TYPE (JxDocument, jx_document, G_TYPE_OBJECT)

static void
update_total (JxDocument *self)
{
  JxMoney total = 0;

  /* Loading refuses totals past G_MAXINT64; an edit that gets there
   * saturates instead of overflowing. */
  for (guint i = 0; i < self->watched->len; i++)
    {
      JxMoney add = jx_project_get_total (g_ptr_array_index (self->watched, i));

      total = add <= G_MAXINT64 - total ? total + add : G_MAXINT64;
    }

  if (total == self->total)
    return;
  self->total = total;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
}

static void
project_total_changed_cb (JxDocument *self)
{
  update_total (self);
}

static void
projects_changed_cb (JxDocument *self,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GListModel *projects)
{
  for (guint i = 0; i < removed; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, position + i),
                                          project_total_changed_cb, self);
  g_ptr_array_remove_range (self->watched, position, removed);

  for (guint i = 0; i < added; i++)
    {
      JxProject *project = g_list_model_get_item (projects, position + i);

      g_signal_connect_object (project, "notify::total",
                               G_CALLBACK (project_total_changed_cb), self, G_CONNECT_SWAPPED);
      g_ptr_array_insert (self->watched, position + i, project);
    }

  update_total (self);
}

static void
jx_document_dispose (GObject *object)
{
  JxDocument *self = JX_DOCUMENT (object);

  if (self->projects != NULL)
    g_signal_handlers_disconnect_by_func (self->projects, projects_changed_cb, self);
  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_object (&self->projects);
  g_clear_object (&self->points);
  g_clear_object (&self->measures);
  g_clear_object (&self->department);
  G_OBJECT_CLASS (jx_document_parent_class)->dispose (object);
}

static void
jx_document_finalize (GObject *object)
{
  JxDocument *self = JX_DOCUMENT (object);

  jx_str_unref (self->title);
  jx_str_unref (self->money_unit);
  jx_str_unref (self->summary);
  jx_extras_clear (&self->extras);
  jx_extras_clear (&self->overall_extras);
  G_OBJECT_CLASS (jx_document_parent_class)->finalize (object);
}

static void
jx_document_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JxDocument *self = JX_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_YEAR: g_value_set_uint (value, self->year); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_DRAFT: g_value_set_boolean (value, self->draft); break;
    case PROP_MONEY_UNIT: g_value_set_string (value, self->money_unit); break;
    case PROP_DEPARTMENT: g_value_set_object (value, self->department); break;
    case PROP_SUMMARY: g_value_set_string (value, self->summary); break;
    case PROP_POINTS: g_value_set_object (value, self->points); break;
    case PROP_MEASURES: g_value_set_object (value, self->measures); break;
    case PROP_PROJECTS: g_value_set_object (value, self->projects); break;
    case PROP_TOTAL: g_value_set_int64 (value, self->total); break;
    case PROP_STAGE: g_value_set_enum (value, self->stage); break;
    case PROP_MONITORING_MONTH: g_value_set_uint (value, self->monitoring_month); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_document_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  JxDocument *self = JX_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_YEAR: jx_document_set_year (self, g_value_get_uint (value)); break;
    case PROP_TITLE: jx_document_set_title (self, g_value_get_string (value)); break;
    case PROP_DRAFT: jx_document_set_draft (self, g_value_get_boolean (value)); break;
    case PROP_MONEY_UNIT: jx_document_set_money_unit (self, g_value_get_string (value)); break;
    case PROP_SUMMARY: jx_document_set_summary (self, g_value_get_string (value)); break;
    case PROP_STAGE: jx_document_set_stage (self, g_value_get_enum (value)); break;
    case PROP_MONITORING_MONTH:
      jx_document_set_monitoring_month (self, g_value_get_uint (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_document_class_init (JxDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = jx_document_dispose;
  object_class->finalize = jx_document_finalize;
  object_class->get_property = jx_document_get_property;
  object_class->set_property = jx_document_set_property;

  properties[PROP_YEAR] =
    g_param_spec_uint ("year", NULL, NULL, JX_YEAR_MIN, JX_YEAR_MAX, JX_YEAR_MIN, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, JX_DEFAULT_TITLE, flags);
  properties[PROP_DRAFT] = g_param_spec_boolean ("draft", NULL, NULL, TRUE, flags);
  properties[PROP_MONEY_UNIT] =
    g_param_spec_string ("money-unit", NULL, NULL, JX_DEFAULT_UNIT, flags);
  properties[PROP_DEPARTMENT] =
    g_param_spec_object ("department", NULL, NULL, JX_TYPE_DEPARTMENT, ro);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, "", flags);
  properties[PROP_POINTS] = g_param_spec_object ("points", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_MEASURES] = g_param_spec_object ("measures", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_PROJECTS] = g_param_spec_object ("projects", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL, JX_TYPE_STAGE, JX_STAGE_GOALS, flags);
  properties[PROP_MONITORING_MONTH] =
    g_param_spec_uint ("monitoring-month", NULL, NULL, 1, 12, 6, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTION_BEGIN] =
    g_signal_new ("action-begin", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[ACTION_END] =
    g_signal_new ("action-end", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
jx_document_init (JxDocument *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  /* A new document is for next year's budget, which is when clerks write it. */
  self->year = CLAMP ((guint) g_date_time_get_year (now) + 1, JX_YEAR_MIN, JX_YEAR_MAX);
  self->draft = TRUE;
  self->title = jx_str_new (JX_DEFAULT_TITLE, strlen (JX_DEFAULT_TITLE));
  self->money_unit = jx_str_new (JX_DEFAULT_UNIT, strlen (JX_DEFAULT_UNIT));
  self->summary = jx_str_empty ();
  self->monitoring_month = 6;
  self->department = jx_department_new ();
  self->points = g_list_store_new (JX_TYPE_TEXT_ITEM);
  self->measures = g_list_store_new (JX_TYPE_MEASURE);
  self->projects = g_list_store_new (JX_TYPE_PROJECT);
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect_object (self->projects, "items-changed",
                           G_CALLBACK (projects_changed_cb), self, G_CONNECT_SWAPPED);
}

JxDocument *
jx_document_new (void)
{
  return g_object_new (JX_TYPE_DOCUMENT, NULL);
}

JxExtras *jx_document_get_extras (JxDocument *self) { return &self->extras; }
JxExtras *jx_document_get_overall_extras (JxDocument *self) { return &self->overall_extras; }

guint
jx_document_get_year (JxDocument *self)
{
  g_return_val_if_fail (JX_IS_DOCUMENT (self), 0);
  return self->year;
}

void
jx_document_set_year (JxDocument *self,
                      guint       year)
{
  g_return_if_fail (JX_IS_DOCUMENT (self));
  g_return_if_fail (year >= JX_YEAR_MIN && year <= JX_YEAR_MAX);
  if (self->year == year)
    return;
  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

static void
set_string (JxDocument *self, char **field, guint prop_id, const char *value)
{
  g_return_if_fail (JX_IS_DOCUMENT (self));
  if (jx_str_set (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

const char *
jx_document_get_title (JxDocument *self)
{
  g_return_val_if_fail (JX_IS_DOCUMENT (self), NULL);
  return self->title;
}

void
jx_document_set_title (JxDocument *self,
                       const char *title)
{
  set_string (self, &self->title, PROP_TITLE, title);
}

gboolean
jx_document_get_draft (JxDocument *self)
{
  g_return_val_if_fail (JX_IS_DOCUMENT (self), FALSE);
  return self->draft;
}

void
jx_document_set_draft (JxDocument *self,
                       gboolean    draft)
{
  g_return_if_fail (JX_IS_DOCUMENT (self));
  draft = !!draft;
  if (self->draft == draft)
    return;
  self->draft = draft;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

const char *
jx_document_get_money_unit (JxDocument *self)
{
  g_return_val_if_fail (JX_IS_DOCUMENT (self), NULL);
  return self->money_unit;
}

void
jx_document_set_money_unit (JxDocument *self,
                            const char *money_unit)
{
  set_string (self, &self->money_unit, PROP_MONEY_UNIT, money_unit);
}

JxDepartment *
jx_document_get_department (JxDocument *self)
{
  g_return_val_if_fail (JX_IS_DOCUMENT (self), NULL);
  return self->department;
}

const char *
jx_document_get_summary (JxDocument *self)
{
  g_return_val_if_fail (JX_IS_DOCUMENT (self), NULL);
  return self->summary;
}

void
jx_document_set_summary (JxDocument *self,
                         const char *summary)
{
  set_string (self, &self->summary, PROP_SUMMARY, summary);
}

GListModel *
jx_document_get_points (JxDocument *self)
{
  g_return_val_if_fail (JX_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->points);
}

GListModel *
jx_document_get_measures (JxDocument *self)
{
  g_return_val_if_fail (JX_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->measures);
}

GListModel *
jx_document_get_projects (JxDocument *self)
{
  g_return_val_if_fail (JX_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->projects);
}

JxMoney
jx_document_get_total (JxDocument *self)
{
  g_return_val_if_fail (JX_IS_DOCUMENT (self), 0);
  return self->total;
}

JxProject *
jx_document_find_project (JxDocument *self,
                          const char *code,
                          guint      *position)
{
  g_return_val_if_fail (JX_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < self->watched->len; i++)
    {
      JxProject *project = g_ptr_array_index (self->watched, i);

      if (strcmp (jx_project_get_code (project), code) == 0)
        {
          if (position != NULL)
            *position = i;
          return project;
        }
    }
  return NULL;
}

void
jx_document_begin_action (JxDocument *self,
                          const char *label)
{
  g_return_if_fail (JX_IS_DOCUMENT (self));
  g_signal_emit (self, signals[ACTION_BEGIN], 0, label);
}

void
jx_document_end_action (JxDocument *self)
{
  g_return_if_fail (JX_IS_DOCUMENT (self));
  g_signal_emit (self, signals[ACTION_END], 0);
}

JxStage
jx_document_get_stage (JxDocument *self)
{
  g_return_val_if_fail (JX_IS_DOCUMENT (self), JX_STAGE_GOALS);
  return self->stage;
}

void
jx_document_set_stage (JxDocument *self,
                       JxStage     stage)
{
  g_return_if_fail (JX_IS_DOCUMENT (self));
  g_return_if_fail (stage <= JX_STAGE_EVALUATION);
  if (self->stage == stage)
    return;
  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

guint
jx_document_get_monitoring_month (JxDocument *self)
{
  g_return_val_if_fail (JX_IS_DOCUMENT (self), 6);
  return self->monitoring_month;
}

void
jx_document_set_monitoring_month (JxDocument *self,
                                  guint       month)
{
  g_return_if_fail (JX_IS_DOCUMENT (self));
  g_return_if_fail (month >= 1 && month <= 12);
  if (self->monitoring_month == month)
    return;
  self->monitoring_month = month;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONITORING_MONTH]);
}
