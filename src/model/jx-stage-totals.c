/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-checkpoint.h"
#include "jx-stage.h"

/* What the monitoring and the evaluation compare and add up: the plan's
 * share by a month, the expected rate, the department's sums. The review
 * checks, the printed reports and the charts all read them here, so that
 * they agree to the last figure. */

double
jx_project_get_planned_percent (JxProject *self,
                                guint      month,
                                guint     *checkpoint_month)
{
  GListModel *plan;
  double percent = 0;
  guint at = 0;

  g_return_val_if_fail (JX_IS_PROJECT (self), 0);

  /* A plan promises "by this month-end": its last checkpoint not after
   * month counts, and nothing before the first. */
  plan = jx_project_get_spending_plan (self);
  for (guint i = 0; i < g_list_model_get_n_items (plan); i++)
    {
      g_autoptr(JxCheckpoint) point = g_list_model_get_item (plan, i);

      if (jx_checkpoint_get_month (point) > month)
        break;
      percent = jx_checkpoint_get_percent (point);
      at = jx_checkpoint_get_month (point);
    }
  if (checkpoint_month != NULL)
    *checkpoint_month = at;
  return percent;
}

static double
rate_of (JxMoney amount, JxMoney budget)
{
  if (amount < 0 || budget <= 0)
    return -1;
  return 100.0 * (double) amount / (double) budget;
}

double
jx_project_get_monitoring_expected_rate (JxProject *self)
{
  g_return_val_if_fail (JX_IS_PROJECT (self), -1);
  return rate_of (jx_project_get_monitoring_expected (self), jx_project_get_monitoring_budget (self));
}

void
jx_stage_totals_add (JxStageTotals *totals,
                     JxProject     *project,
                     JxStage        stage,
                     guint          month)
{
  gboolean monitoring = stage == JX_STAGE_MONITORING;
  JxMoney total, budget, executed, expected;

  g_return_if_fail (totals != NULL);
  g_return_if_fail (JX_IS_PROJECT (project));
  g_return_if_fail (stage == JX_STAGE_MONITORING || stage == JX_STAGE_EVALUATION);

  total = jx_project_get_total (project);
  budget = monitoring ? jx_project_get_monitoring_budget (project)
                      : jx_project_get_evaluation_full_budget (project);
  executed = monitoring ? jx_project_get_monitoring_executed (project)
                        : jx_project_get_evaluation_executed (project);
  expected = monitoring ? jx_project_get_monitoring_expected (project) : JX_AMOUNT_UNSET;

  totals->n_projects++;
  totals->total += total;
  totals->budget += budget;
  if (monitoring)
    totals->planned += jx_money_percent_of (total, jx_project_get_planned_percent (project, month,
                                                                                 NULL));
  if (executed >= 0)
    {
      totals->n_executed++;
      totals->executed += executed;
      totals->executed_budget += budget;
    }
  if (expected >= 0)
    {
      totals->n_expected++;
      totals->expected += expected;
      totals->expected_budget += budget;
    }
  /* A rate is of the budgets of the projects that have the amount: one
   * project not yet reported does not pull the department's rate down. */
  totals->planned_percent = totals->total > 0 ? 100.0 * (double) totals->planned /
                                                (double) totals->total : -1;
  totals->rate = totals->n_executed > 0 ? rate_of (totals->executed, totals->executed_budget) : -1;
  totals->expected_rate = totals->n_expected > 0 ? rate_of (totals->expected, totals->expected_budget)
                                                 : -1;
}

void
jx_document_get_stage_totals (JxDocument    *document,
                              JxStage        stage,
                              JxStageTotals *totals)
{
  GListModel *projects;

  g_return_if_fail (JX_IS_DOCUMENT (document));
  g_return_if_fail (totals != NULL);

  *totals = (JxStageTotals) JX_STAGE_TOTALS_INIT;
  projects = jx_document_get_projects (document);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);

      jx_stage_totals_add (totals, project, stage, jx_document_get_monitoring_month (document));
    }
}
