/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "jx-bench-utils.h"
#include "jx-change-watch.h"
#include "jx-checkpoint.h"
#include "jx-checks.h"
#include "jx-document-io.h"
#include "jx-indicator.h"
#include "jx-text-item.h"

/* Times the review checks on two documents of 2,000 projects, the size of
 * a large county's budget: the shared large document (the example's
 * projects, long texts, so many copies) and one generated here with varied
 * texts and a planted problem in every tenth project. The checks rerun as
 * the clerk types, so a run should stay well under 200 ms; the verdict is
 * printed, never turned into a failure. With --write FILE the generated
 * document is also saved, for timing "jixiao-cli validate" on it. Last, what
 * typing costs before the recheck: the change watch per keystroke. */

#define N_PROJECTS   2000
#define N_RUNS       7
#define BUDGET_MS    200.0

static void
add_text (GListModel *list, const char *text)
{
  g_autoptr(JxTextItem) item = jx_text_item_new (text);

  g_list_store_append (G_LIST_STORE (list), item);
}

static void
add_indicator (JxProject *project, const char *level1, const char *level2,
               const char *name, const char *value)
{
  g_autoptr(JxIndicator) indicator =
    jx_indicator_new (level1, level2, name, name, value, "年度工作计划");

  g_list_store_append (G_LIST_STORE (jx_project_get_indicators (project)), indicator);
}

/* Realistic text of realistic length; every tenth project carries the
 * kind of problem the checks look for, so that they do their full work. */
static JxProject *
make_project (guint i)
{
  g_autofree char *code = g_strdup_printf ("13028124P%012u", i);
  g_autofree char *name = g_strdup_printf ("第%u号重点工作专项经费", i);
  g_autofree char *usage = g_strdup_printf ("预算数%u万元，其中：财政资金%u万元，其他资金0万元。"
                                            "主要用于第%u项重点工作的组织实施。", 10 + i % 90,
                                            10 + i % 90, i);
  g_autofree char *goal = g_strdup_printf ("完成第%u项重点工作的组织实施，按计划推进各项任务落实到位。", i);
  g_autofree char *overview = g_strdup_printf ("围绕第%u项重点工作，加强统筹协调，确保任务按期完成。", i);
  g_autofree char *goal2 = g_strdup_printf ("提升第%u项工作的服务保障水平，增强工作实效。", i);
  g_autofree char *summary = g_strdup_printf ("第%u项工作完成率≥95%%；群众满意度≥90%%。", i);
  g_autofree char *count = g_strdup_printf ("≥%u次", 3 + i % 20);
  g_autofree char *cost = g_strdup_printf ("≤%u万元", 10 + i % 90);
  JxProject *project = jx_project_new (code, name);
  const guint months[] = { 3, 6, 10, 12 };
  const double percents[] = { 30, 60, 90, 100 };
  gboolean faulty = i % 10 == 0;

  jx_project_set_fiscal (project, (10 + i % 90) * JX_MONEY_SCALE);
  jx_project_set_usage (project, usage);
  for (guint k = 0; k < G_N_ELEMENTS (months); k++)
    {
      g_autoptr(JxCheckpoint) point = jx_checkpoint_new (months[k], faulty ? 30 : percents[k]);

      g_list_store_append (G_LIST_STORE (jx_project_get_spending_plan (project)), point);
    }
  add_text (jx_project_get_goals (project), goal);
  add_text (jx_project_get_goals (project), faulty ? "提高人大代表履职能力和水平,增强工作活力。"
                                                   : goal2);
  jx_project_set_overview_description (project, overview);
  jx_project_set_overview_goal (project, faulty ? "尊重代表主体地位，增强服务意识，创新工作方法。" : goal);
  jx_project_set_overview_indicator_summary (project, summary);
  add_indicator (project, "产出指标", "数量指标", "开展活动次数", faulty ? "≥95%" : count);
  add_indicator (project, "产出指标", "质量指标", "任务完成率", "≥95%");
  add_indicator (project, "产出指标", "时效指标", "完成时限", faulty ? "≥95%" : "2024年12月31日前");
  add_indicator (project, "产出指标", "成本指标", "预算控制数", cost);
  add_indicator (project, "效益指标", "社会效益指标", "工作实效提升程度", "有效提升");
  add_indicator (project, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%");
  return project;
}

static JxDocument *
make_document (void)
{
  JxDocument *document = jx_document_new ();
  GListStore *projects = G_LIST_STORE (jx_document_get_projects (document));

  jx_document_set_year (document, 2024);
  jx_department_set_name (jx_document_get_department (document), "某市人民代表大会常务委员会");
  jx_document_set_summary (document, "深入贯彻落实各项决策部署，依法履职，增强监督实效。");
  for (guint i = 0; i < N_PROJECTS; i++)
    {
      g_autoptr(JxProject) project = make_project (i);

      g_list_store_append (projects, project);
    }
  return document;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* CPU time as well as wall time: on a busy machine the wall time also
 * counts other programs. */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

static void
time_checks (const char *label, JxDocument *document)
{
  double times[N_RUNS];
  double cpu[N_RUNS];
  guint n_findings = 0;
  double median;

  for (guint run = 0; run < N_RUNS; run++)
    {
      double start = jx_bench_now_ms ();
      double start_cpu = cpu_ms ();
      g_autoptr(GPtrArray) findings = jx_checks_run (document);

      times[run] = jx_bench_now_ms () - start;
      cpu[run] = cpu_ms () - start_cpu;
      n_findings = findings->len;
    }
  qsort (times, N_RUNS, sizeof times[0], compare_doubles);
  qsort (cpu, N_RUNS, sizeof cpu[0], compare_doubles);
  median = times[N_RUNS / 2];
  printf ("checks on %-30s %u projects, %5u findings: median %6.1f ms (CPU %6.1f ms), "
          "best %6.1f ms (target <= %.0f ms: %s)\n", label,
          g_list_model_get_n_items (jx_document_get_projects (document)), n_findings, median,
          cpu[N_RUNS / 2], times[0], BUDGET_MS, median <= BUDGET_MS ? "met" : "NOT met");
}

/* What typing costs before the debounced recheck: following the document
 * (once, when it is opened), a keystroke, and adding a row. */
static void
time_watch (JxDocument *document)
{
  g_autoptr(JxChangeWatch) watch = NULL;
  g_autoptr(JxProject) project = g_list_model_get_item (jx_document_get_projects (document), 10);
  g_autoptr(JxTextItem) goal = jx_text_item_new ("");
  double start = jx_bench_now_ms ();
  double watched, typed;

  watch = jx_change_watch_new (document);
  watched = jx_bench_now_ms ();
  for (guint i = 0; i < 1000; i++)
    jx_project_set_usage (project, i % 2 ? "主要用于" : "主要用于会议");
  typed = jx_bench_now_ms ();
  g_list_store_append (G_LIST_STORE (jx_project_get_goals (project)), goal);
  printf ("change watch on 2000 projects: follow %.1f ms, one keystroke %.4f ms, add a row %.3f ms\n",
          watched - start, (typed - watched) / 1000, jx_bench_now_ms () - typed);
}

int
main (int argc, char **argv)
{
  g_autoptr(JxDocument) large = jx_bench_large_document (N_PROJECTS);
  g_autoptr(JxDocument) varied = make_document ();

  if (argc == 3 && g_str_equal (argv[1], "--write"))
    {
      g_autoptr(GError) error = NULL;

      if (!jx_document_save_file (varied, argv[2], &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 2;
        }
    }
  time_checks ("the shared large document", large);
  time_checks ("the varied generated document", varied);
  time_watch (large);
  return 0;
}
