/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-bench-utils.h"
#include "jx-checkpoint.h"
#include "jx-document-io.h"
#include "jx-indicator.h"
#include "jx-text-item.h"

static JxDocument *
load_example (void)
{
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "examples", "zunhua-renda-2024.json", NULL);
  g_autoptr(GError) error = NULL;
  JxDocument *doc = jx_document_load_file (path, &error);

  if (doc == NULL)
    g_error ("cannot load the example: %s", error->message);
  return doc;
}

static void
vary (JxProject *p, guint i)
{
  g_autofree char *code = g_strdup_printf ("13028124P%012u", i);
  g_autofree char *name = g_strdup_printf ("%s（第%u批）", jx_project_get_name (p), i + 1);
  g_autofree char *usage = g_strdup_printf ("%s项目实施地点涉及第%u片区，资金按进度拨付，"
                                            "严格执行政府采购和财务管理制度，确保专款专用。%s",
                                            jx_project_get_usage (p), i % 37 + 1,
                                            jx_project_get_overview_description (p));
  GListModel *indicators = jx_project_get_indicators (p);

  jx_project_set_code (p, code);
  jx_project_set_name (p, name);
  jx_project_set_usage (p, usage);
  jx_project_set_fiscal (p, (JxMoney) (i % 97 + 1) * 1250000 + (JxMoney) (i % 13) * 10000);
  jx_project_set_other (p, (JxMoney) (i % 5) * 500000);
  for (guint k = 0; k < g_list_model_get_n_items (indicators); k++)
    {
      g_autoptr(JxIndicator) ind = g_list_model_get_item (indicators, k);
      g_autofree char *basis = g_strdup_printf ("%s；参照本单位%u年度工作计划及相关管理办法确定",
                                                jx_indicator_get_basis (ind), 2023 + k % 2);
      g_autofree char *description = g_strdup_printf ("%s，按季度统计并与上年同期比较，"
                                                      "数据来源于单位台账和第三方抽样调查结果",
                                                      jx_indicator_get_description (ind));
      jx_indicator_set_basis (ind, basis);
      jx_indicator_set_description (ind, description);
    }
  {
    g_autoptr(JxTextItem) goal = jx_text_item_new (jx_project_get_overview_indicator_summary (p));
    g_list_store_append (G_LIST_STORE (jx_project_get_goals (p)), goal);
  }
}

JxDocument *
jx_bench_large_document (guint n_projects)
{
  g_autoptr(JxDocument) example = load_example ();
  JxDocument *doc = load_example ();
  GListModel *source = jx_document_get_projects (example);
  guint n_source = g_list_model_get_n_items (source);
  g_autoptr(GPtrArray) projects = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_projects; i++)
    {
      g_autoptr(JxProject) original = g_list_model_get_item (source, i % n_source);
      JxProject *p = jx_project_copy (original);

      vary (p, i);
      g_ptr_array_add (projects, p);
    }
  g_list_store_splice (G_LIST_STORE (jx_document_get_projects (doc)), 0,
                       g_list_model_get_n_items (jx_document_get_projects (doc)),
                       projects->pdata, projects->len);
  return doc;
}

static char *
numbered (const char *text, guint i, guint k)
{
  return g_strdup_printf ("%s（%u-%u）", text, i + 1, k + 1);
}

void
jx_bench_unique_texts (JxDocument *document)
{
  GListModel *projects = jx_document_get_projects (document);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) p = g_list_model_get_item (projects, i);
      GListModel *indicators = jx_project_get_indicators (p);
      GListModel *goals = jx_project_get_goals (p);
      g_autofree char *description = numbered (jx_project_get_overview_description (p), i, 0);
      g_autofree char *goal = numbered (jx_project_get_overview_goal (p), i, 0);
      g_autofree char *summary = numbered (jx_project_get_overview_indicator_summary (p), i, 0);

      jx_project_set_overview_description (p, description);
      jx_project_set_overview_goal (p, goal);
      jx_project_set_overview_indicator_summary (p, summary);
      for (guint k = 0; k < g_list_model_get_n_items (goals); k++)
        {
          g_autoptr(JxTextItem) item = g_list_model_get_item (goals, k);
          g_autofree char *text = numbered (jx_text_item_get_text (item), i, k);

          jx_text_item_set_text (item, text);
        }
      for (guint k = 0; k < g_list_model_get_n_items (indicators); k++)
        {
          g_autoptr(JxIndicator) ind = g_list_model_get_item (indicators, k);
          g_autofree char *name = numbered (jx_indicator_get_name (ind), i, k);
          g_autofree char *description = numbered (jx_indicator_get_description (ind), i, k);
          g_autofree char *basis = numbered (jx_indicator_get_basis (ind), i, k);

          jx_indicator_set_name (ind, name);
          jx_indicator_set_description (ind, description);
          jx_indicator_set_basis (ind, basis);
        }
    }
}

double
jx_bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}
