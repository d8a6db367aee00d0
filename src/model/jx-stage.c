/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-stage.h"

/* The nicks are the file's words. */
G_DEFINE_ENUM_TYPE (JxStage, jx_stage,
  G_DEFINE_ENUM_VALUE (JX_STAGE_GOALS, "goals"),
  G_DEFINE_ENUM_VALUE (JX_STAGE_MONITORING, "monitoring"),
  G_DEFINE_ENUM_VALUE (JX_STAGE_EVALUATION, "evaluation"))

G_DEFINE_ENUM_TYPE (JxLikelihood, jx_likelihood,
  G_DEFINE_ENUM_VALUE (JX_LIKELIHOOD_NONE, "none"),
  G_DEFINE_ENUM_VALUE (JX_LIKELIHOOD_CERTAIN, "certain"),
  G_DEFINE_ENUM_VALUE (JX_LIKELIHOOD_POSSIBLE, "possible"),
  G_DEFINE_ENUM_VALUE (JX_LIKELIHOOD_IMPOSSIBLE, "impossible"))

G_DEFINE_FLAGS_TYPE (JxCauses, jx_causes,
  G_DEFINE_ENUM_VALUE (JX_CAUSE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (JX_CAUSE_FUNDS, "funds"),
  G_DEFINE_ENUM_VALUE (JX_CAUSE_RULES, "rules"),
  G_DEFINE_ENUM_VALUE (JX_CAUSE_STAFF, "staff"),
  G_DEFINE_ENUM_VALUE (JX_CAUSE_EQUIPMENT, "equipment"),
  G_DEFINE_ENUM_VALUE (JX_CAUSE_OTHER, "other"))

G_DEFINE_ENUM_TYPE (JxAchievement, jx_achievement,
  G_DEFINE_ENUM_VALUE (JX_ACHIEVEMENT_NONE, "none"),
  G_DEFINE_ENUM_VALUE (JX_ACHIEVEMENT_MET, "met"),
  G_DEFINE_ENUM_VALUE (JX_ACHIEVEMENT_PARTIAL, "partial"),
  G_DEFINE_ENUM_VALUE (JX_ACHIEVEMENT_NOT_MET, "not-met"))

static const char *
enum_nick (GType type, int value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);

  return v != NULL ? v->value_nick : NULL;
}

/* "none" is how a member is left out, never a word of the file. */
static gboolean
enum_from_nick (GType type, const char *text, int *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v;

  if (text == NULL || strcmp (text, "none") == 0)
    return FALSE;
  v = g_enum_get_value_by_nick (klass, text);
  if (v == NULL)
    return FALSE;
  *value = v->value;
  return TRUE;
}

const char *
jx_stage_to_string (JxStage stage)
{
  return enum_nick (JX_TYPE_STAGE, stage);
}

gboolean
jx_stage_from_string (const char *text,
                      JxStage    *stage)
{
  int value;

  if (!enum_from_nick (JX_TYPE_STAGE, text, &value))
    return FALSE;
  *stage = value;
  return TRUE;
}

const char *
jx_likelihood_to_string (JxLikelihood likelihood)
{
  return likelihood == JX_LIKELIHOOD_NONE ? NULL : enum_nick (JX_TYPE_LIKELIHOOD, likelihood);
}

gboolean
jx_likelihood_from_string (const char   *text,
                           JxLikelihood *likelihood)
{
  int value;

  if (!enum_from_nick (JX_TYPE_LIKELIHOOD, text, &value))
    return FALSE;
  *likelihood = value;
  return TRUE;
}

const char *
jx_achievement_to_string (JxAchievement achievement)
{
  return achievement == JX_ACHIEVEMENT_NONE ? NULL : enum_nick (JX_TYPE_ACHIEVEMENT, achievement);
}

gboolean
jx_achievement_from_string (const char    *text,
                            JxAchievement *achievement)
{
  int value;

  if (!enum_from_nick (JX_TYPE_ACHIEVEMENT, text, &value))
    return FALSE;
  *achievement = value;
  return TRUE;
}

const char *
jx_cause_to_string (JxCauses cause)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (JX_TYPE_CAUSES);
  GFlagsValue *v;

  if (cause == JX_CAUSE_NONE || (cause & (cause - 1)) != 0)
    return NULL;
  v = g_flags_get_first_value (klass, cause);
  return v != NULL ? v->value_nick : NULL;
}

gboolean
jx_cause_from_string (const char *text,
                      JxCauses   *cause)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (JX_TYPE_CAUSES);
  GFlagsValue *v;

  if (text == NULL || strcmp (text, "none") == 0)
    return FALSE;
  v = g_flags_get_value_by_nick (klass, text);
  if (v == NULL)
    return FALSE;
  *cause = v->value;
  return TRUE;
}

const char *
jx_stage_to_label (JxStage stage)
{
  switch (stage)
    {
    case JX_STAGE_GOALS: return "目标";
    case JX_STAGE_MONITORING: return "监控";
    case JX_STAGE_EVALUATION: return "自评";
    default: return "";
    }
}

const char *
jx_likelihood_to_label (JxLikelihood likelihood)
{
  switch (likelihood)
    {
    case JX_LIKELIHOOD_CERTAIN: return "确定能";
    case JX_LIKELIHOOD_POSSIBLE: return "有可能";
    case JX_LIKELIHOOD_IMPOSSIBLE: return "不可能";
    default: return "";
    }
}

const char *
jx_cause_to_label (JxCauses cause)
{
  switch (cause)
    {
    case JX_CAUSE_FUNDS: return "经费保障";
    case JX_CAUSE_RULES: return "制度保障";
    case JX_CAUSE_STAFF: return "人员保障";
    case JX_CAUSE_EQUIPMENT: return "硬件条件保障";
    case JX_CAUSE_OTHER: return "其他";
    default: return "";
    }
}

const char *
jx_achievement_to_label (JxAchievement achievement)
{
  switch (achievement)
    {
    case JX_ACHIEVEMENT_MET: return "达成";
    case JX_ACHIEVEMENT_PARTIAL: return "部分达成";
    case JX_ACHIEVEMENT_NOT_MET: return "未达成";
    default: return "";
    }
}

char *
jx_causes_to_label (JxCauses causes)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < JX_N_CAUSES; i++)
    if (causes & (1u << i))
      g_string_append_printf (text, "%s%s", text->len > 0 ? "、" : "",
                              jx_cause_to_label (1u << i));
  return g_string_free (text, FALSE);
}

char *
jx_stage_period_label (guint month)
{
  return month <= 1 ? g_strdup ("1月") : g_strdup_printf ("1–%u月", month);
}
