/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-change-watch.h"
#include "jx-document-io.h"
#include "jx-indicator.h"
#include "jx-test-utils.h"

/* Edits anywhere in the document reach the watch, including in rows added
 * after it was made; rows that were removed no longer do. */

static void
count_cb (JxChangeWatch *watch, guint *count)
{
  (*count)++;
}

static JxDocument *
load_example (void)
{
  g_autofree char *path = jx_test_source_path ("data/examples/zunhua-renda-2024.json");
  g_autoptr(GError) error = NULL;
  JxDocument *document = jx_document_load_file (path, &error);

  g_assert_no_error (error);
  return document;
}

static void
test_edits (void)
{
  g_autoptr(JxDocument) document = load_example ();
  g_autoptr(JxChangeWatch) watch = jx_change_watch_new (document);
  GListModel *projects = jx_document_get_projects (document);
  g_autoptr(JxProject) project = g_list_model_get_item (projects, 3);
  GListStore *indicators = G_LIST_STORE (jx_project_get_indicators (project));
  g_autoptr(JxIndicator) row = g_list_model_get_item (G_LIST_MODEL (indicators), 2);
  g_autoptr(JxIndicator) added = jx_indicator_new ("产出指标", "数量指标", "培训人次", "", "≥300人次", "");
  guint count = 0;

  g_signal_connect (watch, "changed", G_CALLBACK (count_cb), &count);

  jx_indicator_set_value (row, "2024年12月31日前");
  g_assert_cmpuint (count, ==, 1);
  jx_document_set_year (document, 2025);
  g_assert_cmpuint (count, >=, 2);
  count = 0;
  jx_department_set_name (jx_document_get_department (document), "某单位");
  g_assert_cmpuint (count, >=, 1);

  count = 0;
  g_list_store_append (indicators, added);
  g_assert_cmpuint (count, ==, 1);
  jx_indicator_set_value (added, "≥400人次");
  g_assert_cmpuint (count, ==, 2);

  /* Gone from the document: its edits are no longer the document's. */
  g_list_store_remove (indicators, 2);
  count = 0;
  jx_indicator_set_value (row, "≥95%");
  g_assert_cmpuint (count, ==, 0);
}

static void
test_new_project (void)
{
  g_autoptr(JxDocument) document = jx_document_new ();
  g_autoptr(JxChangeWatch) watch = jx_change_watch_new (document);
  g_autoptr(JxProject) project = jx_project_new ("P1", "新项目");
  g_autoptr(JxIndicator) row = jx_indicator_new ("产出指标", "数量指标", "次数", "", "1次", "");
  guint count = 0;

  g_signal_connect (watch, "changed", G_CALLBACK (count_cb), &count);
  g_list_store_append (G_LIST_STORE (jx_document_get_projects (document)), project);
  count = 0;
  g_list_store_append (G_LIST_STORE (jx_project_get_indicators (project)), row);
  jx_indicator_set_name (row, "活动次数");
  jx_project_set_name (project, "改名");
  g_assert_cmpuint (count, ==, 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/change-watch/edits", test_edits);
  g_test_add_func ("/change-watch/new-project", test_new_project);

  return g_test_run ();
}
