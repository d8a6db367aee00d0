/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The standard indicator categories of the 项目绩效目标表, once for the
 * whole program: the pick-lists of the indicator table, the review checks,
 * the importers and the drop-downs of exported workbooks all read them here.
 *
 * 一级指标 as the current forms have them (财预〔2021〕101号): 产出指标,
 * 效益指标, 满意度指标 and 成本指标, each with its 二级指标. 成本指标 is also a
 * 二级指标 under 产出指标, the layout of 财预〔2020〕10号 that many departments
 * still print. 效果指标, the first level of the former framework (财预〔2013〕
 * 53号) over benefit and satisfaction, is no standard name any more: it is
 * known only so that the review can say what replaced it.
 *
 * The names are the document's own words and stay Chinese in every locale. */

typedef struct
{
  const char *level1;
  const char *level2;
} JxCategoryPair;

/* The standard first levels in the order of the form, NULL-terminated. */
const char * const   *jx_categories_level1         (void);
/* The standard second levels under a standard first level, NULL-terminated;
 * NULL for any other name. */
const char * const   *jx_categories_level2         (const char *level1);
gboolean              jx_categories_is_level1      (const char *name);
gboolean              jx_categories_is_level2      (const char *name);
/* The first level a standard second level is listed under ("数量指标" →
 * "产出指标"); NULL for any other name. */
const char           *jx_categories_home           (const char *level2);
/* Whether a standard second level may stand under a standard first level. */
gboolean              jx_categories_fits           (const char *level1,
                                                    const char *level2);
/* 效果指标: a first level of the former framework. */
gboolean              jx_categories_is_former      (const char *level1);
/* The rows a new project's table suggests, one per usual category (a
 * placeholder, not content: see jx-templates.h). */
const JxCategoryPair *jx_categories_suggested_rows (guint      *n_rows);

G_END_DECLS
