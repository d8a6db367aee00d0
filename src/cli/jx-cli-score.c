/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jx-cli-private.h"
#include "jx-json.h"
#include "jx-scoring.h"

/* The 自评 scores of a document, each with how it was reached: what the
 * printed 自评表 says, for a clerk who wants to see why, and for scripts. */

static const char *
status_word (JxScoreStatus status)
{
  switch (status)
    {
    case JX_SCORE_NO_ACTUAL: return "no-actual";
    case JX_SCORE_UNIT_MISMATCH: return "unit-mismatch";
    case JX_SCORE_NO_CHOICE: return "no-choice";
    case JX_SCORE_OK:
    default: return "ok";
    }
}

static const char *
rule_word (JxScoreRule rule)
{
  switch (rule)
    {
    case JX_SCORE_RULE_AT_LEAST: return "at-least";
    case JX_SCORE_RULE_AT_MOST: return "at-most";
    case JX_SCORE_RULE_EQUAL: return "equal";
    case JX_SCORE_RULE_QUALITATIVE:
    default: return "qualitative";
    }
}

static void
print_project (JxProject *project, const JxProjectScore *score)
{
  GListModel *indicators = jx_project_get_indicators (project);
  g_autofree char *total = jx_score_format (score->total);
  g_autofree char *execution = jx_score_format (score->execution_score);
  g_autofree char *why = jx_project_score_explain_execution (score);

  /* TRANSLATORS: code, name, total score, grade (优, 良, 中, 差) */
  g_print (_("%s %s: %s (%s)\n"), jx_project_get_code (project), jx_project_get_name (project),
           total, jx_score_grade (score->total));
  /* TRANSLATORS: the budget execution line: score, out of 10, then how */
  g_print (_("  预算执行率: %s / 10 — %s\n"), execution, why);
  for (guint i = 0; i < score->n_rows; i++)
    {
      g_autoptr(JxIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autofree char *points = jx_score_format (score->rows[i].score);
      g_autofree char *weight = jx_score_format (score->rows[i].weight);
      g_autofree char *how = jx_row_score_explain (&score->rows[i]);

      /* TRANSLATORS: row number, indicator, score, out of its weight, then how */
      g_print (_("  %u %s: %s / %s — %s\n"), i + 1, jx_indicator_get_name (indicator), points,
               weight, how);
    }
}

static JsonNode *
points_node (double points)
{
  return json_node_init_double (json_node_alloc (), round (points * 100) / 100);
}

static JsonObject *
row_to_json (JxIndicator *indicator, const JxRowScore *row)
{
  JsonObject *object = json_object_new ();
  g_autofree char *why = jx_row_score_explain (row);

  json_object_set_string_member (object, "name", jx_indicator_get_name (indicator));
  json_object_set_string_member (object, "rule", rule_word (row->rule));
  json_object_set_string_member (object, "status", status_word (row->status));
  json_object_set_member (object, "weight", points_node (row->weight));
  json_object_set_boolean_member (object, "default_weight", row->weight_default);
  json_object_set_member (object, "computed", points_node (row->computed));
  json_object_set_member (object, "score", points_node (row->score));
  json_object_set_boolean_member (object, "overridden", row->overridden);
  json_object_set_string_member (object, "explanation", why);
  return object;
}

static JsonObject *
project_to_json (JxProject *project, const JxProjectScore *score)
{
  GListModel *indicators = jx_project_get_indicators (project);
  JsonObject *object = json_object_new ();
  JsonObject *execution = json_object_new ();
  JsonArray *rows = json_array_new ();
  g_autofree char *why = jx_project_score_explain_execution (score);

  json_object_set_string_member (object, "code", jx_project_get_code (project));
  json_object_set_string_member (object, "name", jx_project_get_name (project));
  json_object_set_member (object, "total", points_node (score->total));
  json_object_set_string_member (object, "grade", jx_score_grade (score->total));
  if (score->rate >= 0)
    json_object_set_member (execution, "rate", points_node (score->rate));
  else
    json_object_set_null_member (execution, "rate");
  json_object_set_member (execution, "score", points_node (score->execution_score));
  json_object_set_boolean_member (execution, "overridden", score->execution_overridden);
  json_object_set_string_member (execution, "explanation", why);
  json_object_set_object_member (object, "execution", execution);
  for (guint i = 0; i < score->n_rows; i++)
    {
      g_autoptr(JxIndicator) indicator = g_list_model_get_item (indicators, i);

      json_array_add_object_element (rows, row_to_json (indicator, &score->rows[i]));
    }
  json_object_set_array_member (object, "indicators", rows);
  return object;
}

/* The department's line, under the projects: what the 自评汇总表's 合计
 * prints. */
static void
print_department (JxDocument *document)
{
  double score = jx_document_get_score (document);
  g_autofree char *total = NULL;

  if (score < 0)
    return;
  total = jx_score_format (score);
  /* TRANSLATORS: the department's score and grade (优, 良, 中, 差) */
  g_print (_("Department, weighted by 全年预算数: %s (%s)\n"), total, jx_score_grade (score));
}

static void
print_json (JxDocument *document, JsonArray *projects)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GString) out = g_string_new (NULL);
  JsonObject *object = json_object_new ();
  double score = jx_document_get_score (document);

  json_object_set_string_member (object, "format", "budget-performance-scores");
  json_object_set_int_member (object, "version", 1);
  if (score >= 0)
    {
      JsonObject *department = json_object_new ();

      json_object_set_member (department, "total", points_node (score));
      json_object_set_string_member (department, "grade", jx_score_grade (score));
      json_object_set_object_member (object, "department", department);
    }
  else
    json_object_set_null_member (object, "department");
  json_object_set_array_member (object, "projects", projects);
  json_node_take_object (root, object);
  jx_json_write (out, root);
  g_print ("%s", out->str);
}

static int
score_file (const char *file, const char *code, gboolean json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = jx_document_load_file (file, &error);
  GListModel *projects;
  JsonArray *array;
  gboolean found = FALSE;

  if (document == NULL)
    {
      jx_cli_print_load_error (file, error);
      return 2;
    }
  projects = jx_document_get_projects (document);
  array = json_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);
      g_autoptr(JxProjectScore) score = NULL;

      if (code != NULL && !g_str_equal (code, jx_project_get_code (project)))
        continue;
      found = TRUE;
      score = jx_project_score_new (project, jx_document_get_money_unit (document));
      if (json)
        json_array_add_object_element (array, project_to_json (project, score));
      else
        print_project (project, score);
    }
  if (json)
    print_json (document, array);
  else
    {
      json_array_unref (array);
      if (code == NULL)
        print_department (document);
    }
  if (code != NULL && !found)
    {
      g_printerr (_("%s: no project with the code “%s”\n"), file, code);
      return 1;
    }
  return 0;
}

int
jx_cli_score (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("FILE — the self-evaluation scores and how each was reached"));
  g_autofree char *format = NULL;
  g_autofree char *project = NULL;
  GOptionEntry entries[] = {
    { "project", 0, 0, G_OPTION_ARG_STRING, &project,
      N_("Only the project with this code"), N_("CODE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Output “text” (default) or “json”"), N_("FORMAT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Scores each project as its 项目支出绩效自评表 does: 预算执行率 10 points, the "
      "indicators 90 points by their 分值 (产出 50, 效益 30, 满意度 10 when none is set), and "
      "prints each score with the rule that gave it."));
  if (!jx_cli_parse_options (context, &argc, &argv))
    return 2;
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    {
      g_printerr (_("jixiao-cli score: unknown format “%s”: use text or json\n"), format);
      return 2;
    }
  if (argc != 2)
    {
      g_printerr ("%s\n", _("jixiao-cli score: name one file"));
      return 2;
    }
  return score_file (argv[1], project, format != NULL && g_str_equal (format, "json"));
}
