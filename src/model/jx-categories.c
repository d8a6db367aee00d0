/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-categories.h"

static const char * const level1_names[] = {
  "产出指标", "效益指标", "满意度指标", "成本指标", NULL,
};
static const char * const output_level2[] = {
  "数量指标", "质量指标", "时效指标", "成本指标", NULL,
};
static const char * const benefit_level2[] = {
  "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", NULL,
};
static const char * const satisfaction_level2[] = {
  "服务对象满意度指标", NULL,
};
static const char * const cost_level2[] = {
  "经济成本指标", "社会成本指标", "生态环境成本指标", NULL,
};
/* In the order of level1_names. */
static const char * const * const level2_lists[] = {
  output_level2, benefit_level2, satisfaction_level2, cost_level2,
};

#define FORMER_LEVEL1 "效果指标"

static const JxCategoryPair suggested[] = {
  { "产出指标", "数量指标" }, { "产出指标", "质量指标" }, { "产出指标", "时效指标" },
  { "产出指标", "成本指标" }, { "效益指标", "社会效益指标" },
  { "满意度指标", "服务对象满意度指标" },
};

const char * const *
jx_categories_level1 (void)
{
  return level1_names;
}

const char * const *
jx_categories_level2 (const char *level1)
{
  if (level1 == NULL)
    return NULL;
  for (guint i = 0; level1_names[i] != NULL; i++)
    if (g_str_equal (level1, level1_names[i]))
      return level2_lists[i];
  return NULL;
}

gboolean
jx_categories_is_level1 (const char *name)
{
  return name != NULL && g_strv_contains (level1_names, name);
}

gboolean
jx_categories_is_level2 (const char *name)
{
  return jx_categories_home (name) != NULL;
}

const char *
jx_categories_home (const char *level2)
{
  if (level2 == NULL)
    return NULL;
  /* The first list that has it: 成本指标 is at home under 产出指标. */
  for (guint i = 0; level1_names[i] != NULL; i++)
    if (g_strv_contains (level2_lists[i], level2))
      return level1_names[i];
  return NULL;
}

gboolean
jx_categories_fits (const char *level1,
                    const char *level2)
{
  const char * const *under = jx_categories_level2 (level1);

  if (under != NULL && g_strv_contains (under, level2))
    return TRUE;
  /* The 2020 layout's 成本指标 under a first-level 成本指标 too. */
  return g_strcmp0 (level1, "成本指标") == 0 && g_strcmp0 (level2, "成本指标") == 0;
}

gboolean
jx_categories_is_former (const char *level1)
{
  return g_strcmp0 (level1, FORMER_LEVEL1) == 0;
}

const JxCategoryPair *
jx_categories_suggested_rows (guint *n_rows)
{
  if (n_rows != NULL)
    *n_rows = G_N_ELEMENTS (suggested);
  return suggested;
}
