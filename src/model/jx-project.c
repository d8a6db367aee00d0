/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jx-stage-private.h"

enum
{
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_USAGE,
  PROP_OVERVIEW_DESCRIPTION,
  PROP_OVERVIEW_GOAL,
  PROP_OVERVIEW_INDICATOR_SUMMARY,
  N_TEXT_PROPS,
  PROP_FISCAL = N_TEXT_PROPS,
  PROP_OTHER,
  PROP_TOTAL,
  PROP_SPENDING_PLAN,
  PROP_GOALS,
  PROP_INDICATORS,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

struct _JxProject
{
  GObject parent_instance;
  char *text[N_TEXT_PROPS];
  JxMoney fiscal;
  JxMoney other;
  GListStore *spending_plan;
  GListStore *goals;
  GListStore *indicators;
  JxExtras extras;
  JxExtras funds_extras;
  JxExtras overview_extras;
  JxProjectStage stage;     /* monitoring and evaluation */
};

G_DEFINE_FINAL_TYPE (JxProject, jx_project, G_TYPE_OBJECT)

static void
set_text (JxProject *self, guint prop_id, const char *text)
{
  g_return_if_fail (JX_IS_PROJECT (self));
  if (jx_str_set (&self->text[prop_id], text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static const char *
get_text (JxProject *self, guint prop_id)
{
  g_return_val_if_fail (JX_IS_PROJECT (self), NULL);
  return self->text[prop_id];
}

static void
set_money (JxProject *self, JxMoney *field, guint prop_id, JxMoney amount)
{
  g_return_if_fail (JX_IS_PROJECT (self));
  g_return_if_fail (amount >= 0 && amount <= JX_MONEY_MAX);
  if (*field == amount)
    return;
  *field = amount;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
  jx_project_stage_total_changed (self);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
jx_project_finalize (GObject *object)
{
  JxProject *self = JX_PROJECT (object);

  for (guint i = 0; i < N_TEXT_PROPS; i++)
    jx_str_unref (self->text[i]);
  g_clear_object (&self->spending_plan);
  g_clear_object (&self->goals);
  g_clear_object (&self->indicators);
  jx_extras_clear (&self->extras);
  jx_extras_clear (&self->funds_extras);
  jx_extras_clear (&self->overview_extras);
  jx_project_stage_clear (&self->stage);
  G_OBJECT_CLASS (jx_project_parent_class)->finalize (object);
}

static void
jx_project_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JxProject *self = JX_PROJECT (object);

  if (jx_project_stage_get_property (object, prop_id, value))
    return;
  switch (prop_id)
    {
    case PROP_FISCAL: g_value_set_int64 (value, self->fiscal); break;
    case PROP_OTHER: g_value_set_int64 (value, self->other); break;
    case PROP_TOTAL: g_value_set_int64 (value, jx_project_get_total (self)); break;
    case PROP_SPENDING_PLAN: g_value_set_object (value, self->spending_plan); break;
    case PROP_GOALS: g_value_set_object (value, self->goals); break;
    case PROP_INDICATORS: g_value_set_object (value, self->indicators); break;
    default: g_value_set_string (value, self->text[prop_id]);
    }
}

static void
jx_project_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  JxProject *self = JX_PROJECT (object);

  if (jx_project_stage_set_property (object, prop_id, value))
    return;
  switch (prop_id)
    {
    case PROP_FISCAL: jx_project_set_fiscal (self, g_value_get_int64 (value)); break;
    case PROP_OTHER: jx_project_set_other (self, g_value_get_int64 (value)); break;
    default: set_text (self, prop_id, g_value_get_string (value));
    }
}

static void
jx_project_class_init (JxProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jx_project_finalize;
  object_class->get_property = jx_project_get_property;
  object_class->set_property = jx_project_set_property;

  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, "", flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_USAGE] = g_param_spec_string ("usage", NULL, NULL, "", flags);
  properties[PROP_OVERVIEW_DESCRIPTION] =
    g_param_spec_string ("overview-description", NULL, NULL, "", flags);
  properties[PROP_OVERVIEW_GOAL] = g_param_spec_string ("overview-goal", NULL, NULL, "", flags);
  properties[PROP_OVERVIEW_INDICATOR_SUMMARY] =
    g_param_spec_string ("overview-indicator-summary", NULL, NULL, "", flags);
  properties[PROP_FISCAL] = g_param_spec_int64 ("fiscal", NULL, NULL, 0, JX_MONEY_MAX, 0, flags);
  properties[PROP_OTHER] = g_param_spec_int64 ("other", NULL, NULL, 0, JX_MONEY_MAX, 0, flags);
  properties[PROP_TOTAL] = g_param_spec_int64 ("total", NULL, NULL, 0, 2 * JX_MONEY_MAX, 0, ro);
  properties[PROP_SPENDING_PLAN] =
    g_param_spec_object ("spending-plan", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_GOALS] = g_param_spec_object ("goals", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_INDICATORS] =
    g_param_spec_object ("indicators", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  jx_project_stage_install (object_class, N_PROPS);
}

static void
jx_project_init (JxProject *self)
{
  for (guint i = 1; i < N_TEXT_PROPS; i++)
    self->text[i] = jx_str_empty ();
  self->spending_plan = g_list_store_new (JX_TYPE_CHECKPOINT);
  self->goals = g_list_store_new (JX_TYPE_TEXT_ITEM);
  self->indicators = g_list_store_new (JX_TYPE_INDICATOR);
  jx_project_stage_init (&self->stage);
}

JxProject *
jx_project_new (const char *code,
                const char *name)
{
  JxProject *self = g_object_new (JX_TYPE_PROJECT, NULL);

  jx_str_set (&self->text[PROP_CODE], code);
  jx_str_set (&self->text[PROP_NAME], name);
  return self;
}

static void
copy_list (GListStore *dest, GListModel *src, gpointer (*copy) (gpointer))
{
  guint n = g_list_model_get_n_items (src);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (src, i);
      g_ptr_array_add (items, copy (item));
    }
  g_list_store_splice (dest, 0, g_list_model_get_n_items (G_LIST_MODEL (dest)),
                       items->pdata, items->len);
}

/* A deep copy, unknown members included: for "duplicate project". */
JxProject *
jx_project_copy (JxProject *self)
{
  JxProject *copy;

  g_return_val_if_fail (JX_IS_PROJECT (self), NULL);

  copy = g_object_new (JX_TYPE_PROJECT, NULL);
  for (guint i = 1; i < N_TEXT_PROPS; i++)
    jx_str_take (&copy->text[i], jx_str_ref (self->text[i]));
  copy->fiscal = self->fiscal;
  copy->other = self->other;
  copy_list (copy->spending_plan, G_LIST_MODEL (self->spending_plan),
             (gpointer (*) (gpointer)) jx_checkpoint_copy);
  copy_list (copy->goals, G_LIST_MODEL (self->goals), (gpointer (*) (gpointer)) jx_text_item_copy);
  copy_list (copy->indicators, G_LIST_MODEL (self->indicators),
             (gpointer (*) (gpointer)) jx_indicator_copy);
  jx_extras_copy (&copy->extras, &self->extras);
  jx_extras_copy (&copy->funds_extras, &self->funds_extras);
  jx_extras_copy (&copy->overview_extras, &self->overview_extras);
  jx_project_stage_copy (&copy->stage, &self->stage);
  return copy;
}

/* For the reader: texts[0…5] are code, name, usage and the overview's
 * three, references it gives up; nobody is listening yet. */
void
jx_project_take_texts (JxProject  *self,
                       char      **texts)
{
  for (guint i = 1; i < N_TEXT_PROPS; i++)
    jx_str_take (&self->text[i], texts[i - 1]);
}

/* For the reader: sets the amounts without notifying anyone (nobody
 * can be listening yet). */
void
jx_project_init_funds (JxProject *self,
                       JxMoney    fiscal,
                       JxMoney    other)
{
  self->fiscal = fiscal;
  self->other = other;
}

JxExtras *jx_project_get_extras (JxProject *self) { return &self->extras; }
JxExtras *jx_project_get_funds_extras (JxProject *self) { return &self->funds_extras; }
JxExtras *jx_project_get_overview_extras (JxProject *self) { return &self->overview_extras; }
JxProjectStage *jx_project_get_stage (JxProject *self) { return &self->stage; }

JxMoney
jx_project_get_fiscal (JxProject *self)
{
  g_return_val_if_fail (JX_IS_PROJECT (self), 0);
  return self->fiscal;
}

void
jx_project_set_fiscal (JxProject *self,
                       JxMoney    fiscal)
{
  set_money (self, &self->fiscal, PROP_FISCAL, fiscal);
}

JxMoney
jx_project_get_other (JxProject *self)
{
  g_return_val_if_fail (JX_IS_PROJECT (self), 0);
  return self->other;
}

void
jx_project_set_other (JxProject *self,
                      JxMoney    other)
{
  set_money (self, &self->other, PROP_OTHER, other);
}

JxMoney
jx_project_get_total (JxProject *self)
{
  g_return_val_if_fail (JX_IS_PROJECT (self), 0);
  return self->fiscal + self->other;
}

GListModel *
jx_project_get_spending_plan (JxProject *self)
{
  g_return_val_if_fail (JX_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->spending_plan);
}

GListModel *
jx_project_get_goals (JxProject *self)
{
  g_return_val_if_fail (JX_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->goals);
}

GListModel *
jx_project_get_indicators (JxProject *self)
{
  g_return_val_if_fail (JX_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->indicators);
}

const char *jx_project_get_code (JxProject *self) { return get_text (self, PROP_CODE); }
const char *jx_project_get_name (JxProject *self) { return get_text (self, PROP_NAME); }
const char *jx_project_get_usage (JxProject *self) { return get_text (self, PROP_USAGE); }
const char *jx_project_get_overview_description (JxProject *self) { return get_text (self, PROP_OVERVIEW_DESCRIPTION); }
const char *jx_project_get_overview_goal (JxProject *self) { return get_text (self, PROP_OVERVIEW_GOAL); }
const char *jx_project_get_overview_indicator_summary (JxProject *self) { return get_text (self, PROP_OVERVIEW_INDICATOR_SUMMARY); }

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000)
        return FALSE;
    }
  return TRUE;
}

const char *
jx_project_get_shown_name (JxProject *self)
{
  const char *name = jx_project_get_name (self);

  return is_blank (name) ? _("(unnamed project)") : name;
}

const char *
jx_project_get_printed_name (JxProject *self)
{
  const char *name = jx_project_get_name (self);

  /* The document's words, as its other printed words: not translated. */
  return is_blank (name) ? "（未命名项目）" : name;
}

void jx_project_set_code (JxProject *self, const char *v) { set_text (self, PROP_CODE, v); }
void jx_project_set_name (JxProject *self, const char *v) { set_text (self, PROP_NAME, v); }
void jx_project_set_usage (JxProject *self, const char *v) { set_text (self, PROP_USAGE, v); }
void jx_project_set_overview_description (JxProject *self, const char *v) { set_text (self, PROP_OVERVIEW_DESCRIPTION, v); }
void jx_project_set_overview_goal (JxProject *self, const char *v) { set_text (self, PROP_OVERVIEW_GOAL, v); }
void jx_project_set_overview_indicator_summary (JxProject *self, const char *v) { set_text (self, PROP_OVERVIEW_INDICATOR_SUMMARY, v); }
