/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-document.h"
#include "jx-member-path.h"

G_BEGIN_DECLS

/* What a new document and a new project start with. Nothing a clerk has
 * to replace: fields start empty (the forms show gray hints in them) and
 * the indicator table starts without rows, offering the usual categories
 * (jx_categories_suggested_rows) until one is written into. So a new
 * project holds no empty rows that the review would count as errors. */

/* The budget year a document written at now is for: the next one, since
 * documents are written the autumn before. */
guint       jx_template_default_year (GDateTime *now);
/* A document for the year after now's, with one new project. */
JxDocument *jx_template_new_document (GDateTime *now);
/* A project without code (the budget system assigns it), name, money or
 * rows. */
JxProject  *jx_template_new_project  (void);

/* Whether the part of document that place is in (the cover, the overall
 * goals, the guarantee measures or one project) still holds nothing a
 * clerk wrote, as a new document or a new project starts. Such a part is
 * still to be written: the review reports its empty fields as "to fill
 * in", not as mistakes (jx_review_is_to_fill_in). */
gboolean    jx_template_part_is_untouched (JxDocument         *document,
                                           const JxMemberPath *place);

/* The shapes of a spending plan a clerk picks rather than types:
 * 按季度均衡 (end of March, June, September, December: 25, 50, 75, 100%),
 * 上下半年 (June, December: 50, 100%) and the checkpoints most documents
 * use (March, June, October, December: 30, 60, 90, 100%). */
typedef enum
{
  JX_PLAN_PRESET_QUARTERS,
  JX_PLAN_PRESET_HALVES,
  JX_PLAN_PRESET_COMMON,
} JxPlanPreset;

#define JX_PLAN_N_PRESETS (JX_PLAN_PRESET_COMMON + 1)

/* Its name, translated ("按季度均衡"). */
const char *jx_template_plan_preset_name (JxPlanPreset preset);
/* Its rows, new JxCheckpoints in month order. */
GPtrArray  *jx_template_plan_preset      (JxPlanPreset preset);
/* The row a clerk adding one to plan means: the next quarter end after
 * the last month planned (else the first free quarter end, else the first
 * free month), at the place that keeps the months in order, with a
 * percent between its neighbours (in proportion to the months between
 * them; the year starts at 0% and ends at 100%), rounded to a whole
 * percent. FALSE when every month already has a row. */
gboolean    jx_template_next_checkpoint  (GListModel  *plan,
                                          guint       *position,
                                          guint       *month,
                                          double      *percent);

G_END_DECLS
