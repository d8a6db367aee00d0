/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-stage-private.h"

/* The monitoring and evaluation properties of JxProject. They live apart
 * from jx-project.c because they are a concern of their own; jx-project.c
 * hands them the property ids after its own. Being ordinary writable
 * properties, the undo stack records them like any other field. */

enum
{
  P_ADJUSTED,
  P_EXECUTED,
  P_EXPECTED,
  P_BUDGET,
  P_FULL_EXECUTED,
  P_EXECUTION_SCORE,
  P_CONCLUSION,
  P_PROBLEMS,
  P_IMPROVEMENTS,
  N_WRITABLE,
  P_MONITORING_RATE = N_WRITABLE,
  P_EVALUATION_RATE,
  N_STAGE_PROPS
};

static guint first_id;
static GParamSpec *pspecs[N_STAGE_PROPS];

static const char * const names[N_STAGE_PROPS] = {
  "monitoring-adjusted-budget", "monitoring-executed", "monitoring-expected",
  "evaluation-budget", "evaluation-executed", "evaluation-execution-score",
  "evaluation-conclusion", "evaluation-problems", "evaluation-improvements",
  "monitoring-rate", "evaluation-rate",
};

void
jx_project_stage_init (JxProjectStage *stage)
{
  memset (stage, 0, sizeof *stage);
  stage->adjusted = stage->executed = stage->expected = JX_AMOUNT_UNSET;
  stage->budget = stage->full_executed = JX_AMOUNT_UNSET;
  stage->execution_score = JX_SCORE_UNSET;
  stage->monitoring_rate = stage->evaluation_rate = -1;
}

void
jx_project_stage_clear (JxProjectStage *stage)
{
  g_free (stage->conclusion);
  g_free (stage->problems);
  g_free (stage->improvements);
  jx_extras_clear (&stage->monitoring_extras);
  jx_extras_clear (&stage->evaluation_extras);
  jx_project_stage_init (stage);
}

void
jx_project_stage_copy (JxProjectStage       *dest,
                       const JxProjectStage *src)
{
  jx_project_stage_clear (dest);
  *dest = *src;
  dest->conclusion = g_strdup (src->conclusion);
  dest->problems = g_strdup (src->problems);
  dest->improvements = g_strdup (src->improvements);
  memset (&dest->monitoring_extras, 0, sizeof dest->monitoring_extras);
  memset (&dest->evaluation_extras, 0, sizeof dest->evaluation_extras);
  jx_extras_copy (&dest->monitoring_extras, &src->monitoring_extras);
  jx_extras_copy (&dest->evaluation_extras, &src->evaluation_extras);
}

void
jx_project_stage_install (GObjectClass *klass,
                          guint         first)
{
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  first_id = first;
  for (guint i = P_ADJUSTED; i <= P_FULL_EXECUTED; i++)
    pspecs[i] = g_param_spec_int64 (names[i], NULL, NULL, JX_AMOUNT_UNSET, JX_MONEY_MAX,
                                    JX_AMOUNT_UNSET, rw);
  pspecs[P_EXECUTION_SCORE] = g_param_spec_double (names[P_EXECUTION_SCORE], NULL, NULL,
                                                   JX_SCORE_UNSET, 10, JX_SCORE_UNSET, rw);
  for (guint i = P_CONCLUSION; i <= P_IMPROVEMENTS; i++)
    pspecs[i] = g_param_spec_string (names[i], NULL, NULL, "", rw);
  for (guint i = P_MONITORING_RATE; i <= P_EVALUATION_RATE; i++)
    pspecs[i] = g_param_spec_double (names[i], NULL, NULL, -1, G_MAXDOUBLE, -1, ro);
  for (guint i = 0; i < N_STAGE_PROPS; i++)
    g_object_class_install_property (klass, first + i, pspecs[i]);
}

static JxMoney *
money_field (JxProjectStage *stage, guint id)
{
  switch (id)
    {
    case P_ADJUSTED: return &stage->adjusted;
    case P_EXECUTED: return &stage->executed;
    case P_EXPECTED: return &stage->expected;
    case P_BUDGET: return &stage->budget;
    case P_FULL_EXECUTED: return &stage->full_executed;
    default: return NULL;
    }
}

static char **
text_field (JxProjectStage *stage, guint id)
{
  switch (id)
    {
    case P_CONCLUSION: return &stage->conclusion;
    case P_PROBLEMS: return &stage->problems;
    case P_IMPROVEMENTS: return &stage->improvements;
    default: return NULL;
    }
}

/* Empty texts are kept as NULL and handed out as one interned "", so that
 * a copy of the value (the undo stack keeps one) allocates nothing. */
void
jx_stage_value_set_text (GValue     *value,
                         const char *text)
{
  if (text == NULL)
    g_value_set_interned_string (value, g_intern_static_string (""));
  else
    g_value_set_string (value, text);
}

gboolean
jx_stage_set_text (char       **field,
                   const char  *text)
{
  if (text == NULL || text[0] == '\0')
    {
      if (*field == NULL)
        return FALSE;
      g_clear_pointer (field, g_free);
      return TRUE;
    }
  if (*field != NULL && strcmp (*field, text) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (text);
  return TRUE;
}

static double
rate_of (JxMoney amount, JxMoney budget)
{
  if (amount < 0 || budget <= 0)
    return -1;
  return 100.0 * (double) amount / (double) budget;
}

static void
update_rates (JxProject *project)
{
  JxProjectStage *stage = jx_project_get_stage (project);
  double monitoring = jx_project_get_monitoring_rate (project);
  double evaluation = jx_project_get_evaluation_rate (project);

  g_object_freeze_notify (G_OBJECT (project));
  if (monitoring != stage->monitoring_rate)
    {
      stage->monitoring_rate = monitoring;
      g_object_notify_by_pspec (G_OBJECT (project), pspecs[P_MONITORING_RATE]);
    }
  if (evaluation != stage->evaluation_rate)
    {
      stage->evaluation_rate = evaluation;
      g_object_notify_by_pspec (G_OBJECT (project), pspecs[P_EVALUATION_RATE]);
    }
  g_object_thaw_notify (G_OBJECT (project));
}

void
jx_project_stage_total_changed (JxProject *project)
{
  update_rates (project);
}

static void
set_money (JxProject *project, guint id, JxMoney amount)
{
  JxMoney *field;

  g_return_if_fail (JX_IS_PROJECT (project));
  g_return_if_fail (amount == JX_AMOUNT_UNSET || (amount >= 0 && amount <= JX_MONEY_MAX));
  field = money_field (jx_project_get_stage (project), id);
  if (*field == amount)
    return;
  *field = amount;
  g_object_freeze_notify (G_OBJECT (project));
  g_object_notify_by_pspec (G_OBJECT (project), pspecs[id]);
  update_rates (project);
  g_object_thaw_notify (G_OBJECT (project));
}

static JxMoney
get_money (JxProject *project, guint id)
{
  g_return_val_if_fail (JX_IS_PROJECT (project), JX_AMOUNT_UNSET);
  return *money_field (jx_project_get_stage (project), id);
}

static void
set_text (JxProject *project, guint id, const char *text)
{
  g_return_if_fail (JX_IS_PROJECT (project));
  if (jx_stage_set_text (text_field (jx_project_get_stage (project), id), text))
    g_object_notify_by_pspec (G_OBJECT (project), pspecs[id]);
}

static const char *
get_text (JxProject *project, guint id)
{
  const char *text;

  g_return_val_if_fail (JX_IS_PROJECT (project), "");
  text = *text_field (jx_project_get_stage (project), id);
  return text != NULL ? text : "";
}

gboolean
jx_project_stage_get_property (GObject *object,
                               guint    prop_id,
                               GValue  *value)
{
  JxProject *project = JX_PROJECT (object);
  JxProjectStage *stage = jx_project_get_stage (project);
  guint id = prop_id - first_id;

  if (prop_id < first_id || id >= N_STAGE_PROPS)
    return FALSE;
  if (money_field (stage, id) != NULL)
    g_value_set_int64 (value, *money_field (stage, id));
  else if (text_field (stage, id) != NULL)
    jx_stage_value_set_text (value, *text_field (stage, id));
  else if (id == P_EXECUTION_SCORE)
    g_value_set_double (value, stage->execution_score);
  else if (id == P_MONITORING_RATE)
    g_value_set_double (value, jx_project_get_monitoring_rate (project));
  else
    g_value_set_double (value, jx_project_get_evaluation_rate (project));
  return TRUE;
}

gboolean
jx_project_stage_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value)
{
  JxProject *project = JX_PROJECT (object);
  JxProjectStage *stage = jx_project_get_stage (project);
  guint id = prop_id - first_id;

  if (prop_id < first_id || id >= N_WRITABLE)
    return FALSE;
  if (money_field (stage, id) != NULL)
    set_money (project, id, g_value_get_int64 (value));
  else if (text_field (stage, id) != NULL)
    set_text (project, id, g_value_get_string (value));
  else
    jx_project_set_evaluation_execution_score (project, g_value_get_double (value));
  return TRUE;
}

JxExtras *
jx_project_get_stage_extras (JxProject *project,
                             JxStage    stage)
{
  JxProjectStage *data = jx_project_get_stage (project);

  g_return_val_if_fail (stage != JX_STAGE_GOALS, NULL);
  return stage == JX_STAGE_MONITORING ? &data->monitoring_extras : &data->evaluation_extras;
}

JxMoney jx_project_get_monitoring_adjusted_budget (JxProject *self) { return get_money (self, P_ADJUSTED); }
JxMoney jx_project_get_monitoring_executed (JxProject *self) { return get_money (self, P_EXECUTED); }
JxMoney jx_project_get_monitoring_expected (JxProject *self) { return get_money (self, P_EXPECTED); }
JxMoney jx_project_get_evaluation_budget (JxProject *self) { return get_money (self, P_BUDGET); }
JxMoney jx_project_get_evaluation_executed (JxProject *self) { return get_money (self, P_FULL_EXECUTED); }
void jx_project_set_monitoring_adjusted_budget (JxProject *self, JxMoney v) { set_money (self, P_ADJUSTED, v); }
void jx_project_set_monitoring_executed (JxProject *self, JxMoney v) { set_money (self, P_EXECUTED, v); }
void jx_project_set_monitoring_expected (JxProject *self, JxMoney v) { set_money (self, P_EXPECTED, v); }
void jx_project_set_evaluation_budget (JxProject *self, JxMoney v) { set_money (self, P_BUDGET, v); }
void jx_project_set_evaluation_executed (JxProject *self, JxMoney v) { set_money (self, P_FULL_EXECUTED, v); }
const char *jx_project_get_evaluation_conclusion (JxProject *self) { return get_text (self, P_CONCLUSION); }
const char *jx_project_get_evaluation_problems (JxProject *self) { return get_text (self, P_PROBLEMS); }
const char *jx_project_get_evaluation_improvements (JxProject *self) { return get_text (self, P_IMPROVEMENTS); }
void jx_project_set_evaluation_conclusion (JxProject *self, const char *v) { set_text (self, P_CONCLUSION, v); }
void jx_project_set_evaluation_problems (JxProject *self, const char *v) { set_text (self, P_PROBLEMS, v); }
void jx_project_set_evaluation_improvements (JxProject *self, const char *v) { set_text (self, P_IMPROVEMENTS, v); }

double
jx_project_get_evaluation_execution_score (JxProject *self)
{
  g_return_val_if_fail (JX_IS_PROJECT (self), JX_SCORE_UNSET);
  return jx_project_get_stage (self)->execution_score;
}

void
jx_project_set_evaluation_execution_score (JxProject *self,
                                           double     score)
{
  JxProjectStage *stage;

  g_return_if_fail (JX_IS_PROJECT (self));
  g_return_if_fail (score == JX_SCORE_UNSET || (score >= 0 && score <= 10));
  stage = jx_project_get_stage (self);
  if (stage->execution_score == score)
    return;
  stage->execution_score = score;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[P_EXECUTION_SCORE]);
}

JxMoney
jx_project_get_monitoring_budget (JxProject *self)
{
  JxProjectStage *stage;

  g_return_val_if_fail (JX_IS_PROJECT (self), 0);
  stage = jx_project_get_stage (self);
  return stage->adjusted >= 0 ? stage->adjusted : jx_project_get_total (self);
}

JxMoney
jx_project_get_evaluation_full_budget (JxProject *self)
{
  JxProjectStage *stage;

  g_return_val_if_fail (JX_IS_PROJECT (self), 0);
  stage = jx_project_get_stage (self);
  return stage->budget >= 0 ? stage->budget : jx_project_get_monitoring_budget (self);
}

double
jx_project_get_monitoring_rate (JxProject *self)
{
  g_return_val_if_fail (JX_IS_PROJECT (self), -1);
  return rate_of (jx_project_get_stage (self)->executed, jx_project_get_monitoring_budget (self));
}

double
jx_project_get_evaluation_rate (JxProject *self)
{
  g_return_val_if_fail (JX_IS_PROJECT (self), -1);
  return rate_of (jx_project_get_stage (self)->full_executed,
                  jx_project_get_evaluation_full_budget (self));
}

gboolean
jx_project_stage_has_own (JxProject *self,
                          JxStage    stage)
{
  JxProjectStage *data = jx_project_get_stage (self);

  if (stage == JX_STAGE_MONITORING)
    return data->adjusted >= 0 || data->executed >= 0 || data->expected >= 0;
  return data->budget >= 0 || data->full_executed >= 0 || data->execution_score >= 0 ||
         data->conclusion != NULL || data->problems != NULL || data->improvements != NULL;
}

gboolean
jx_project_has_stage_data (JxProject *self,
                           JxStage    stage)
{
  GListModel *indicators;

  g_return_val_if_fail (JX_IS_PROJECT (self), FALSE);
  if (stage == JX_STAGE_GOALS)
    return TRUE;
  if (jx_project_stage_has_own (self, stage))
    return TRUE;
  indicators = jx_project_get_indicators (self);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(JxIndicator) indicator = g_list_model_get_item (indicators, i);

      if (jx_indicator_has_stage_data (indicator, stage))
        return TRUE;
    }
  return FALSE;
}

/* Only what the stage sections say is cleared: the goals stay. */
static void
clear_project (JxProject *project)
{
  GListModel *indicators = jx_project_get_indicators (project);

  for (guint i = 0; i < N_WRITABLE; i++)
    g_object_set_property (G_OBJECT (project), names[i], g_param_spec_get_default_value (pspecs[i]));
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(JxIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autofree GParamSpec **list = NULL;
      guint n;

      list = g_object_class_list_properties (G_OBJECT_GET_CLASS (indicator), &n);
      for (guint k = 0; k < n; k++)
        if ((g_str_has_prefix (list[k]->name, "monitoring-") ||
             g_str_has_prefix (list[k]->name, "evaluation-")) &&
            (list[k]->flags & G_PARAM_WRITABLE))
          g_object_set_property (G_OBJECT (indicator), list[k]->name,
                                 g_param_spec_get_default_value (list[k]));
    }
}

/* What the file said of the stages goes too: the members it had (empty
 * ones included) and the unknown members inside them. */
static void
forget_project (JxProject *project)
{
  static const char * const stages[] = { "monitoring", "evaluation", NULL };
  GListModel *indicators = jx_project_get_indicators (project);

  jx_extras_forget (jx_project_get_extras (project), stages);
  jx_extras_clear (jx_project_get_stage_extras (project, JX_STAGE_MONITORING));
  jx_extras_clear (jx_project_get_stage_extras (project, JX_STAGE_EVALUATION));
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(JxIndicator) indicator = g_list_model_get_item (indicators, i);
      JxIndicatorStage *stage = jx_indicator_peek_stage (indicator);

      jx_extras_forget (jx_indicator_get_extras (indicator), stages);
      if (stage != NULL)
        {
          jx_extras_clear (&stage->monitoring_extras);
          jx_extras_clear (&stage->evaluation_extras);
        }
    }
}

void
jx_document_drop_stages (JxDocument *self)
{
  static const char * const members[] = { "stage", "monitoring_month", NULL };
  GListModel *projects;

  g_return_if_fail (JX_IS_DOCUMENT (self));
  jx_document_clear_stages (self);
  projects = jx_document_get_projects (self);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);

      forget_project (project);
    }
  jx_extras_forget (jx_document_get_extras (self), members);
}

void
jx_document_clear_stages (JxDocument *self)
{
  GListModel *projects;

  g_return_if_fail (JX_IS_DOCUMENT (self));
  projects = jx_document_get_projects (self);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);

      clear_project (project);
    }
  jx_document_set_stage (self, JX_STAGE_GOALS);
}
