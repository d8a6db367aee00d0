/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-stage-private.h"

/* The monitoring and evaluation properties of JxIndicator, installed after
 * its own by jx-indicator.c. The members are allocated on the first entry:
 * most rows of most documents never get any. */

enum
{
  I_ACTUAL,
  I_EXPECTED,
  I_LIKELIHOOD,
  I_CAUSES,
  I_NOTE,
  I_MEASURES,
  I_RESULT,
  I_WEIGHT,
  I_ACHIEVEMENT,
  I_SCORE,
  I_ANALYSIS,
  N_STAGE_PROPS
};

static guint first_id;
static GParamSpec *pspecs[N_STAGE_PROPS];

static const JxIndicatorStage defaults = {
  .likelihood = JX_LIKELIHOOD_NONE,
  .causes = JX_CAUSE_NONE,
  .weight = JX_SCORE_UNSET,
  .achievement = JX_ACHIEVEMENT_NONE,
  .score = JX_SCORE_UNSET,
};

void
jx_indicator_stage_free (JxIndicatorStage *stage)
{
  if (stage == NULL)
    return;
  g_free (stage->actual);
  g_free (stage->expected);
  g_free (stage->note);
  g_free (stage->measures);
  g_free (stage->result);
  g_free (stage->analysis);
  jx_extras_clear (&stage->monitoring_extras);
  jx_extras_clear (&stage->evaluation_extras);
  g_free (stage);
}

JxIndicatorStage *
jx_indicator_stage_copy (const JxIndicatorStage *src)
{
  JxIndicatorStage *copy;

  if (src == NULL)
    return NULL;
  copy = g_memdup2 (src, sizeof *src);
  copy->actual = g_strdup (src->actual);
  copy->expected = g_strdup (src->expected);
  copy->note = g_strdup (src->note);
  copy->measures = g_strdup (src->measures);
  copy->result = g_strdup (src->result);
  copy->analysis = g_strdup (src->analysis);
  memset (&copy->monitoring_extras, 0, sizeof copy->monitoring_extras);
  memset (&copy->evaluation_extras, 0, sizeof copy->evaluation_extras);
  jx_extras_copy (&copy->monitoring_extras, &src->monitoring_extras);
  jx_extras_copy (&copy->evaluation_extras, &src->evaluation_extras);
  return copy;
}

JxIndicatorStage *
jx_indicator_stage_new (void)
{
  return g_memdup2 (&defaults, sizeof defaults);
}

JxIndicatorStage *
jx_indicator_peek_stage (JxIndicator *indicator)
{
  return *jx_indicator_stage_slot (indicator);
}

JxIndicatorStage *
jx_indicator_ensure_stage (JxIndicator *indicator)
{
  JxIndicatorStage **slot = jx_indicator_stage_slot (indicator);

  if (*slot == NULL)
    *slot = jx_indicator_stage_new ();
  return *slot;
}

/* What the getters read: the members, or the defaults when there are none. */
static const JxIndicatorStage *
peek (JxIndicator *indicator)
{
  JxIndicatorStage *stage = jx_indicator_peek_stage (indicator);

  return stage != NULL ? stage : &defaults;
}

void
jx_indicator_stage_install (GObjectClass *klass,
                            guint         first)
{
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  first_id = first;
  pspecs[I_ACTUAL] = g_param_spec_string ("monitoring-actual", NULL, NULL, "", rw);
  pspecs[I_EXPECTED] = g_param_spec_string ("monitoring-expected", NULL, NULL, "", rw);
  pspecs[I_LIKELIHOOD] = g_param_spec_enum ("monitoring-likelihood", NULL, NULL,
                                            JX_TYPE_LIKELIHOOD, JX_LIKELIHOOD_NONE, rw);
  pspecs[I_CAUSES] = g_param_spec_flags ("monitoring-causes", NULL, NULL, JX_TYPE_CAUSES,
                                         JX_CAUSE_NONE, rw);
  pspecs[I_NOTE] = g_param_spec_string ("monitoring-cause-note", NULL, NULL, "", rw);
  pspecs[I_MEASURES] = g_param_spec_string ("monitoring-measures", NULL, NULL, "", rw);
  pspecs[I_RESULT] = g_param_spec_string ("evaluation-actual", NULL, NULL, "", rw);
  pspecs[I_WEIGHT] = g_param_spec_double ("evaluation-weight", NULL, NULL, JX_SCORE_UNSET,
                                          JX_SCORE_MAX, JX_SCORE_UNSET, rw);
  pspecs[I_ACHIEVEMENT] = g_param_spec_enum ("evaluation-achievement", NULL, NULL,
                                             JX_TYPE_ACHIEVEMENT, JX_ACHIEVEMENT_NONE, rw);
  pspecs[I_SCORE] = g_param_spec_double ("evaluation-score", NULL, NULL, JX_SCORE_UNSET,
                                         JX_SCORE_MAX, JX_SCORE_UNSET, rw);
  pspecs[I_ANALYSIS] = g_param_spec_string ("evaluation-analysis", NULL, NULL, "", rw);
  for (guint i = 0; i < N_STAGE_PROPS; i++)
    g_object_class_install_property (klass, first + i, pspecs[i]);
}

static char *const *
text_of (const JxIndicatorStage *stage, guint id)
{
  switch (id)
    {
    case I_ACTUAL: return &stage->actual;
    case I_EXPECTED: return &stage->expected;
    case I_NOTE: return &stage->note;
    case I_MEASURES: return &stage->measures;
    case I_RESULT: return &stage->result;
    case I_ANALYSIS: return &stage->analysis;
    default: return NULL;
    }
}

static void
set_text (JxIndicator *indicator, guint id, const char *text)
{
  g_return_if_fail (JX_IS_INDICATOR (indicator));
  if (*text_of (peek (indicator), id) == NULL && (text == NULL || text[0] == '\0'))
    return;
  if (jx_stage_set_text ((char **) text_of (jx_indicator_ensure_stage (indicator), id), text))
    g_object_notify_by_pspec (G_OBJECT (indicator), pspecs[id]);
}

static const char *
get_text (JxIndicator *indicator, guint id)
{
  const char *text;

  g_return_val_if_fail (JX_IS_INDICATOR (indicator), "");
  text = *text_of (peek (indicator), id);
  return text != NULL ? text : "";
}

gboolean
jx_indicator_stage_get_property (GObject *object,
                                 guint    prop_id,
                                 GValue  *value)
{
  const JxIndicatorStage *stage = peek (JX_INDICATOR (object));
  guint id = prop_id - first_id;

  if (prop_id < first_id || id >= N_STAGE_PROPS)
    return FALSE;
  if (text_of (stage, id) != NULL)
    jx_stage_value_set_text (value, *text_of (stage, id));
  else if (id == I_LIKELIHOOD)
    g_value_set_enum (value, stage->likelihood);
  else if (id == I_CAUSES)
    g_value_set_flags (value, stage->causes);
  else if (id == I_WEIGHT)
    g_value_set_double (value, stage->weight);
  else if (id == I_ACHIEVEMENT)
    g_value_set_enum (value, stage->achievement);
  else
    g_value_set_double (value, stage->score);
  return TRUE;
}

gboolean
jx_indicator_stage_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value)
{
  JxIndicator *indicator = JX_INDICATOR (object);
  guint id = prop_id - first_id;

  if (prop_id < first_id || id >= N_STAGE_PROPS)
    return FALSE;
  if (text_of (&defaults, id) != NULL)
    set_text (indicator, id, g_value_get_string (value));
  else if (id == I_LIKELIHOOD)
    jx_indicator_set_monitoring_likelihood (indicator, g_value_get_enum (value));
  else if (id == I_CAUSES)
    jx_indicator_set_monitoring_causes (indicator, g_value_get_flags (value));
  else if (id == I_WEIGHT)
    jx_indicator_set_evaluation_weight (indicator, g_value_get_double (value));
  else if (id == I_ACHIEVEMENT)
    jx_indicator_set_evaluation_achievement (indicator, g_value_get_enum (value));
  else
    jx_indicator_set_evaluation_score (indicator, g_value_get_double (value));
  return TRUE;
}

JxExtras *
jx_indicator_get_stage_extras (JxIndicator *indicator,
                               JxStage      stage)
{
  JxIndicatorStage *data = jx_indicator_ensure_stage (indicator);

  g_return_val_if_fail (stage != JX_STAGE_GOALS, NULL);
  return stage == JX_STAGE_MONITORING ? &data->monitoring_extras : &data->evaluation_extras;
}

const char *jx_indicator_get_monitoring_actual (JxIndicator *self) { return get_text (self, I_ACTUAL); }
const char *jx_indicator_get_monitoring_expected (JxIndicator *self) { return get_text (self, I_EXPECTED); }
const char *jx_indicator_get_monitoring_cause_note (JxIndicator *self) { return get_text (self, I_NOTE); }
const char *jx_indicator_get_monitoring_measures (JxIndicator *self) { return get_text (self, I_MEASURES); }
const char *jx_indicator_get_evaluation_actual (JxIndicator *self) { return get_text (self, I_RESULT); }
const char *jx_indicator_get_evaluation_analysis (JxIndicator *self) { return get_text (self, I_ANALYSIS); }
void jx_indicator_set_monitoring_actual (JxIndicator *self, const char *v) { set_text (self, I_ACTUAL, v); }
void jx_indicator_set_monitoring_expected (JxIndicator *self, const char *v) { set_text (self, I_EXPECTED, v); }
void jx_indicator_set_monitoring_cause_note (JxIndicator *self, const char *v) { set_text (self, I_NOTE, v); }
void jx_indicator_set_monitoring_measures (JxIndicator *self, const char *v) { set_text (self, I_MEASURES, v); }
void jx_indicator_set_evaluation_actual (JxIndicator *self, const char *v) { set_text (self, I_RESULT, v); }
void jx_indicator_set_evaluation_analysis (JxIndicator *self, const char *v) { set_text (self, I_ANALYSIS, v); }

JxLikelihood
jx_indicator_get_monitoring_likelihood (JxIndicator *self)
{
  g_return_val_if_fail (JX_IS_INDICATOR (self), JX_LIKELIHOOD_NONE);
  return peek (self)->likelihood;
}

void
jx_indicator_set_monitoring_likelihood (JxIndicator  *self,
                                        JxLikelihood  likelihood)
{
  g_return_if_fail (JX_IS_INDICATOR (self));
  g_return_if_fail (likelihood <= JX_LIKELIHOOD_IMPOSSIBLE);
  if (peek (self)->likelihood == likelihood)
    return;
  jx_indicator_ensure_stage (self)->likelihood = likelihood;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[I_LIKELIHOOD]);
}

JxCauses
jx_indicator_get_monitoring_causes (JxIndicator *self)
{
  g_return_val_if_fail (JX_IS_INDICATOR (self), JX_CAUSE_NONE);
  return peek (self)->causes;
}

void
jx_indicator_set_monitoring_causes (JxIndicator *self,
                                    JxCauses     causes)
{
  g_return_if_fail (JX_IS_INDICATOR (self));
  g_return_if_fail ((causes & ~JX_CAUSE_ALL) == 0);
  if (peek (self)->causes == causes)
    return;
  jx_indicator_ensure_stage (self)->causes = causes;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[I_CAUSES]);
}

static gboolean
valid_points (double points)
{
  return points == JX_SCORE_UNSET || (points >= 0 && points <= JX_SCORE_MAX);
}

double
jx_indicator_get_evaluation_weight (JxIndicator *self)
{
  g_return_val_if_fail (JX_IS_INDICATOR (self), JX_SCORE_UNSET);
  return peek (self)->weight;
}

void
jx_indicator_set_evaluation_weight (JxIndicator *self,
                                    double       weight)
{
  g_return_if_fail (JX_IS_INDICATOR (self));
  g_return_if_fail (valid_points (weight));
  if (peek (self)->weight == weight)
    return;
  jx_indicator_ensure_stage (self)->weight = weight;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[I_WEIGHT]);
}

JxAchievement
jx_indicator_get_evaluation_achievement (JxIndicator *self)
{
  g_return_val_if_fail (JX_IS_INDICATOR (self), JX_ACHIEVEMENT_NONE);
  return peek (self)->achievement;
}

void
jx_indicator_set_evaluation_achievement (JxIndicator   *self,
                                         JxAchievement  achievement)
{
  g_return_if_fail (JX_IS_INDICATOR (self));
  g_return_if_fail (achievement <= JX_ACHIEVEMENT_NOT_MET);
  if (peek (self)->achievement == achievement)
    return;
  jx_indicator_ensure_stage (self)->achievement = achievement;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[I_ACHIEVEMENT]);
}

double
jx_indicator_get_evaluation_score (JxIndicator *self)
{
  g_return_val_if_fail (JX_IS_INDICATOR (self), JX_SCORE_UNSET);
  return peek (self)->score;
}

void
jx_indicator_set_evaluation_score (JxIndicator *self,
                                   double       score)
{
  g_return_if_fail (JX_IS_INDICATOR (self));
  g_return_if_fail (valid_points (score));
  if (peek (self)->score == score)
    return;
  jx_indicator_ensure_stage (self)->score = score;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[I_SCORE]);
}

gboolean
jx_indicator_has_stage_data (JxIndicator *self,
                             JxStage      stage)
{
  const JxIndicatorStage *s;

  g_return_val_if_fail (JX_IS_INDICATOR (self), FALSE);
  s = peek (self);
  if (stage == JX_STAGE_GOALS)
    return TRUE;
  if (stage == JX_STAGE_MONITORING)
    return s->actual != NULL || s->expected != NULL || s->likelihood != JX_LIKELIHOOD_NONE ||
           s->causes != JX_CAUSE_NONE || s->note != NULL || s->measures != NULL;
  return s->result != NULL || s->weight != JX_SCORE_UNSET ||
         s->achievement != JX_ACHIEVEMENT_NONE || s->score != JX_SCORE_UNSET ||
         s->analysis != NULL;
}
