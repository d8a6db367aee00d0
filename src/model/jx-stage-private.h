/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-model-private.h"
#include "jx-stage.h"

G_BEGIN_DECLS

/* The monitoring and evaluation members of a project. Every project has
 * them; the properties are installed on JxProject by jx-project-stage.c. */
typedef struct
{
  JxMoney  adjusted;
  JxMoney  executed;
  JxMoney  expected;
  JxMoney  budget;
  JxMoney  full_executed;
  double   execution_score;
  char    *conclusion;     /* NULL when empty, like every text here */
  char    *problems;
  char    *improvements;
  double   monitoring_rate;  /* as last notified */
  double   evaluation_rate;
  JxExtras monitoring_extras;
  JxExtras evaluation_extras;
} JxProjectStage;

void      jx_project_stage_init            (JxProjectStage       *stage);
void      jx_project_stage_clear           (JxProjectStage       *stage);
void      jx_project_stage_copy            (JxProjectStage       *dest,
                                            const JxProjectStage *src);
/* Installs the stage properties with ids first_id, first_id + 1, … */
void      jx_project_stage_install         (GObjectClass         *klass,
                                            guint                 first_id);
/* For ids from first_id on; FALSE for any other id. */
gboolean  jx_project_stage_get_property    (GObject              *object,
                                            guint                 prop_id,
                                            GValue               *value);
gboolean  jx_project_stage_set_property    (GObject              *object,
                                            guint                 prop_id,
                                            const GValue         *value);
/* Whether the project's own members of stage (not its indicators') say
 * anything. */
gboolean  jx_project_stage_has_own         (JxProject            *project,
                                            JxStage               stage);
/* The 预算数 changed: the rates may have. */
void      jx_project_stage_total_changed   (JxProject            *project);
JxProjectStage *jx_project_get_stage       (JxProject            *project);

/* An indicator's; allocated on the first entry, so that a goal-only
 * document costs nothing more. */
typedef struct
{
  char          *actual;
  char          *expected;
  JxLikelihood   likelihood;
  JxCauses       causes;
  char          *note;
  char          *measures;
  char          *result;
  double         weight;
  JxAchievement  achievement;
  double         score;
  char          *analysis;
  JxExtras       monitoring_extras;
  JxExtras       evaluation_extras;
} JxIndicatorStage;

/* The defaults: nothing entered. */
JxIndicatorStage *jx_indicator_stage_new   (void);
void      jx_indicator_stage_free          (JxIndicatorStage     *stage);
JxIndicatorStage *jx_indicator_stage_copy  (const JxIndicatorStage *src);
void      jx_indicator_stage_install       (GObjectClass         *klass,
                                            guint                 first_id);
gboolean  jx_indicator_stage_get_property  (GObject              *object,
                                            guint                 prop_id,
                                            GValue               *value);
gboolean  jx_indicator_stage_set_property  (GObject              *object,
                                            guint                 prop_id,
                                            const GValue         *value);
/* The indicator's stage members, or NULL when none was ever entered. */
JxIndicatorStage  *jx_indicator_peek_stage (JxIndicator          *indicator);
/* The same, allocated when missing. */
JxIndicatorStage  *jx_indicator_ensure_stage (JxIndicator        *indicator);
/* jx-indicator.c's slot for it. */
JxIndicatorStage **jx_indicator_stage_slot (JxIndicator          *indicator);

/* Stores a stage text, NULL for empty; TRUE when it changed. */
gboolean  jx_stage_set_text                (char                **field,
                                            const char           *text);
/* Hands out a stage text, "" (interned) for NULL: copying the value
 * allocates nothing for the many empty ones. */
void      jx_stage_value_set_text          (GValue               *value,
                                            const char           *text);

/* What the file said about the "monitoring" and "evaluation" objects. */
JxExtras *jx_project_get_stage_extras      (JxProject            *project,
                                            JxStage               stage);
JxExtras *jx_indicator_get_stage_extras    (JxIndicator          *indicator,
                                            JxStage               stage);

G_END_DECLS
