/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "jx-member-path.h"
#include "jx-test-utils.h"

/* Paths in and out as the file format writes them. */
static void
test_round_trip (void)
{
  const char *paths[] = {
    "", "year", "department.name", "overall.points[0]", "measures[12].body",
    "projects[3].indicators[2].value", "projects[0].spending_plan[11].percent",
    "projects[2147483646]", "projects[0].funds.fiscal",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(JxMemberPath) path = jx_member_path_parse (paths[i]);
      g_autofree char *text = NULL;

      g_assert_nonnull (path);
      text = jx_member_path_to_string (path);
      g_assert_cmpstr (text, ==, paths[i]);
    }
}

static void
test_not_paths (void)
{
  const char *texts[] = {
    ".", "a.", ".a", "a..b", "a[", "a[]", "a[x]", "a[1", "a[-1]", "a[1]b", "a b", "项目",
    "a[2147483647]", "a[99999999999999999999]", "[1]", "a.[1]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (jx_member_path_parse (texts[i]) != NULL)
      g_error ("“%s” was taken for a path", texts[i]);
}

static void
test_parts (void)
{
  g_autoptr(JxMemberPath) path = jx_member_path_parse ("projects[3].indicators[2].value");
  g_autoptr(JxMemberPath) tail = jx_member_path_get_tail (path, 1);
  g_autoptr(JxMemberPath) project = jx_member_path_new_in_project (3, NULL, -1, NULL);
  g_autoptr(JxMemberPath) built = jx_member_path_new_in_project (3, "indicators", 2, "value");
  g_autoptr(JxMemberPath) other = jx_member_path_new_in_project (4, NULL, -1, NULL);
  g_autoptr(JxMemberPath) overall = jx_member_path_parse ("overall.points[1]");
  g_autofree char *tail_text = jx_member_path_to_string (tail);

  g_assert_cmpuint (jx_member_path_get_length (path), ==, 3);
  g_assert_cmpstr (jx_member_path_get_member (path, 1), ==, "indicators");
  g_assert_cmpint (jx_member_path_get_index (path, 1), ==, 2);
  g_assert_cmpint (jx_member_path_get_index (path, 2), ==, -1);
  g_assert_cmpint (jx_member_path_get_project (path), ==, 3);
  g_assert_cmpint (jx_member_path_get_project (overall), ==, -1);
  g_assert_cmpstr (tail_text, ==, "indicators[2].value");
  g_assert_true (jx_member_path_has_prefix (path, project));
  g_assert_false (jx_member_path_has_prefix (path, other));
  g_assert_false (jx_member_path_has_prefix (project, path));
  g_assert_true (jx_member_path_equal (path, built));
  g_assert_false (jx_member_path_equal (path, project));
}

/* The loader's messages start with the place. */
static void
test_prefix (void)
{
  const char *rest = NULL;
  g_autoptr(JxMemberPath) path =
    jx_member_path_parse_prefix ("projects[0].funds.fiscal: an amount must be 0 or more", &rest);
  g_autoptr(JxMemberPath) none = jx_member_path_parse_prefix ("42:15: unexpected end", &rest);
  g_autofree char *text = jx_member_path_to_string (path);

  g_assert_cmpstr (text, ==, "projects[0].funds.fiscal");
  g_assert_null (none);
  g_assert_cmpstr (rest, ==, "42:15: unexpected end");
  path = (jx_member_path_free (path),
          jx_member_path_parse_prefix ("year: must be from 2000 to 2100", &rest));
  g_assert_nonnull (path);
  g_assert_cmpstr (rest, ==, "must be from 2000 to 2100");
  g_assert_null (jx_member_path_parse_prefix ("no place here", NULL));
}

/* Undo shows where a step happened by the object it touched. */
static void
test_find (void)
{
  g_autoptr(JxDocument) document = jx_test_load_example ();
  JxProject *project = jx_test_project_at (document, 3);
  const struct { gpointer object; const char *path; } cases[] = {
    { jx_document_get_department (document), "department" },
    { project, "projects[3]" },
    { jx_test_indicator_at (project, 2), "projects[3].indicators[2]" },
    { g_list_model_get_item (jx_project_get_goals (project), 0), "projects[3].goals[0]" },
    { g_list_model_get_item (jx_document_get_points (document), 1), "overall.points[1]" },
    { g_list_model_get_item (jx_document_get_measures (document), 0), "measures[0]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JxMemberPath) path = jx_member_path_find (document, cases[i].object);
      g_autofree char *text = path != NULL ? jx_member_path_to_string (path) : NULL;

      g_assert_cmpstr (text, ==, cases[i].path);
    }
  for (guint i = 3; i < G_N_ELEMENTS (cases); i++)
    g_object_unref (cases[i].object);
  g_assert_null (jx_member_path_find (document, document));
}

/* A clerk reads the place as the forms name it. */
static void
test_describe_chinese (void)
{
  g_autoptr(JxDocument) document = jx_test_load ("tests/fixtures/checks/clean.json");
  const char *cases[][2] = {
    { "projects[1].indicators[0].name", "项目2「干部教育培训」· 绩效指标第1行「培训人次」· 三级指标" },
    { "projects[0].funds.other", "项目1「办公楼屋面维修」· 其他资金" },
    { "projects[0].spending_plan[2].month", "项目1「办公楼屋面维修」· 资金支出计划第3行 · 月份" },
    { "overall.points[0]", "总体绩效目标 · 第1条" },
    { "department.unit_name", "预算单位名称" },
    { "projects[9].code", "项目10 · 项目编码" },
    { "projects[0].indicators[1].monitoring.actual", "项目1「办公楼屋面维修」· 绩效指标第2行「工程验收合格率」· 运行监控 · 1–6月完成值" },
    { "projects[1].evaluation.conclusion", "项目2「干部教育培训」· 绩效自评 · 评价结论" },
  };
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed");
      return;
    }
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *described = jx_member_path_describe_string (cases[i][0], document);

      g_assert_cmpstr (described, ==, cases[i][1]);
    }
  /* An unnamed project is named by its number. */
  jx_project_set_name (jx_test_project_at (document, 1), "  ");
  {
    g_autofree char *described = jx_member_path_describe_string ("projects[1].name", document);
    g_assert_cmpstr (described, ==, "项目2 · 项目名称");
  }
  g_setenv ("LANGUAGE", "", TRUE);
  setlocale (LC_ALL, saved);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JIXIAO_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/member-path/round-trip", test_round_trip);
  g_test_add_func ("/member-path/not-paths", test_not_paths);
  g_test_add_func ("/member-path/parts", test_parts);
  g_test_add_func ("/member-path/prefix", test_prefix);
  g_test_add_func ("/member-path/describe-chinese", test_describe_chinese);
  g_test_add_func ("/member-path/find", test_find);
  return g_test_run ();
}
