/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "jx-document-io.h"
#include "jx-error.h"
#include "jx-json-private.h"
#include "jx-stage-private.h"

/* Walks the parsed tree into model objects. Every refusal names the member
 * path, e.g. "projects[3].indicators[2].value: …". */
typedef struct
{
  GString *path;
  GError **error;
} Reader;

G_GNUC_PRINTF (3, 4)
static gboolean
fail (Reader *r, JxDocumentError code, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (r->path->len > 0)
    g_set_error (r->error, JX_DOCUMENT_ERROR, code, "%s: %s", r->path->str, message);
  else
    g_set_error_literal (r->error, JX_DOCUMENT_ERROR, code, message);
  return FALSE;
}

static gsize
push_member (Reader *r, const char *name)
{
  gsize mark = r->path->len;

  if (mark > 0)
    g_string_append_c (r->path, '.');
  g_string_append (r->path, name);
  return mark;
}

static gsize
push_index (Reader *r, guint index)
{
  gsize mark = r->path->len;

  g_string_append_printf (r->path, "[%u]", index);
  return mark;
}

static void
pop (Reader *r, gsize mark)
{
  g_string_truncate (r->path, mark);
}

static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY: return _("an array");
    case JSON_NODE_NULL: return _("null");
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING: return _("a text");
        case G_TYPE_BOOLEAN: return _("true or false");
        case G_TYPE_INT64: return _("a whole number");
        default: return _("a number with decimals");
        }
    }
}

/* Finds a member and checks its JSON type; absent optional members give
 * *out = NULL and TRUE. */
static gboolean
get_member (Reader      *r,
            JsonObject  *object,
            const char  *name,
            gboolean     required,
            JsonNodeType node_type,
            GType        value_type,
            const char  *expected,   /* untranslated: only a failure needs it */
            JsonNode   **out)
{
  JsonNode *node = json_object_get_member (object, name);
  gboolean ok;
  gsize mark;

  *out = NULL;
  if (node == NULL)
    {
      if (!required)
        return TRUE;
      mark = push_member (r, name);
      fail (r, JX_DOCUMENT_ERROR_CONTENT, _("this member is missing; expected %s"), _(expected));
      pop (r, mark);
      return FALSE;
    }

  ok = json_node_get_node_type (node) == node_type;
  if (ok && node_type == JSON_NODE_VALUE && value_type != G_TYPE_INVALID)
    {
      GType t = json_node_get_value_type (node);
      ok = t == value_type || (value_type == G_TYPE_DOUBLE && t == G_TYPE_INT64);
    }
  if (!ok)
    {
      mark = push_member (r, name);
      fail (r, JX_DOCUMENT_ERROR_CONTENT, _("expected %s, found %s"), _(expected), describe_node (node));
      pop (r, mark);
      return FALSE;
    }
  *out = node;
  return TRUE;
}

/* No text member has to be filled in: a draft is a valid file, and the
 * review checks report what is still empty. */
typedef enum { OPTIONAL, REQUIRED } Need;

static gboolean
read_string (Reader *r, JsonObject *object, const char *name, Need need, char **out)
{
  JsonNode *node;

  if (!get_member (r, object, name, need != OPTIONAL, JSON_NODE_VALUE, G_TYPE_STRING,
                   N_("a text"), &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_int (Reader *r, JsonObject *object, const char *name, gint64 min, gint64 max, gint64 *out)
{
  JsonNode *node;
  gint64 v;
  gsize mark;

  if (!get_member (r, object, name, TRUE, JSON_NODE_VALUE, G_TYPE_DOUBLE,
                   N_("a whole number"), &node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    v = json_node_get_int (node);
  else
    {
      /* 2024.0 is a whole number too (JSON Schema agrees). */
      double d = json_node_get_double (node);

      if (d != floor (d) || d < -9e15 || d > 9e15)
        {
          mark = push_member (r, name);
          fail (r, JX_DOCUMENT_ERROR_CONTENT, _("expected a whole number, found %s"),
                describe_node (node));
          pop (r, mark);
          return FALSE;
        }
      v = (gint64) d;
    }
  if (v >= min && v <= max)
    {
      *out = v;
      return TRUE;
    }
  mark = push_member (r, name);
  fail (r, JX_DOCUMENT_ERROR_CONTENT, _("must be from %lld to %lld, found %lld"),
        (long long) min, (long long) max, (long long) v);
  pop (r, mark);
  return FALSE;
}

static gboolean
read_amount (Reader *r, JsonObject *object, const char *name, JxMoney *out)
{
  JsonNode *node;
  double v;
  gsize mark;

  if (!get_member (r, object, name, TRUE, JSON_NODE_VALUE, G_TYPE_DOUBLE,
                   N_("an amount (a number)"), &node))
    return FALSE;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 i = json_node_get_int (node);
      v = (i >= 0 && i <= JX_MONEY_MAX / JX_MONEY_SCALE) ? (double) i : (i < 0 ? -1.0 : 1e300);
    }
  else
    v = json_node_get_double (node);

  if (jx_money_from_double (v, out))
    return TRUE;

  mark = push_member (r, name);
  if (v < 0)
    fail (r, JX_DOCUMENT_ERROR_CONTENT, _("an amount must be 0 or more"));
  else if (v >= 1e9)
    fail (r, JX_DOCUMENT_ERROR_CONTENT, _("an amount must be less than 1,000,000,000"));
  else
    fail (r, JX_DOCUMENT_ERROR_CONTENT, _("an amount has at most 6 decimal places"));
  pop (r, mark);
  return FALSE;
}

/* Remembers member order and keeps what this version does not know. */
static void
read_extras (JsonObject *object, const char * const *known, JxExtras *extras)
{
  g_autoptr(GList) members = json_object_get_members (object);

  jx_extras_clear (extras);
  extras->order = g_ptr_array_new_full (8, g_free);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      g_ptr_array_add (extras->order, g_strdup (name));
      if (g_strv_contains (known, name))
        continue;
      if (extras->unknown == NULL)
        extras->unknown = json_object_new ();
      json_object_set_member (extras->unknown, name,
                              json_node_copy (json_object_get_member (object, name)));
    }
}

typedef gboolean (*ReadItem) (Reader *r, JsonNode *element, gpointer user_data, GPtrArray *items);

/* Reads a required array member element by element into a list store,
 * all at once so that views see one change. */
static gboolean
read_list (Reader *r, JsonObject *object, const char *name, gboolean required,
           ReadItem read_item, gpointer user_data, GListModel *store)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  JsonNode *node;
  JsonArray *array;
  gsize mark;
  guint n;

  if (!get_member (r, object, name, required, JSON_NODE_ARRAY, G_TYPE_INVALID, N_("an array"), &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  mark = push_member (r, name);
  for (guint i = 0; i < n; i++)
    {
      gsize item_mark = push_index (r, i);

      if (!read_item (r, json_array_get_element (array, i), user_data, items))
        return FALSE;
      pop (r, item_mark);
    }
  pop (r, mark);
  g_list_store_splice (G_LIST_STORE (store), 0, 0, items->pdata, items->len);
  return TRUE;
}

static gboolean
expect_object (Reader *r, JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return TRUE;
  return fail (r, JX_DOCUMENT_ERROR_CONTENT, _("expected an object, found %s"), describe_node (node));
}

static gboolean
read_text_item (Reader *r, JsonNode *element, gpointer user_data, GPtrArray *items)
{
  if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
    return fail (r, JX_DOCUMENT_ERROR_CONTENT, _("expected a text, found %s"), describe_node (element));
  g_ptr_array_add (items, jx_text_item_new (json_node_get_string (element)));
  return TRUE;
}

static gboolean
read_measure (Reader *r, JsonNode *element, gpointer user_data, GPtrArray *items)
{
  static const char * const known[] = { "heading", "body", NULL };
  g_autoptr(JxMeasure) measure = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  JsonObject *object;

  if (!expect_object (r, element))
    return FALSE;
  object = json_node_get_object (element);
  if (!read_string (r, object, "heading", OPTIONAL, &heading) ||
      !read_string (r, object, "body", REQUIRED, &body))
    return FALSE;
  measure = jx_measure_new (heading, body);
  read_extras (object, known, jx_measure_get_extras (measure));
  g_ptr_array_add (items, g_steal_pointer (&measure));
  return TRUE;
}

static gboolean
read_checkpoint (Reader *r, JsonNode *element, gpointer user_data, GPtrArray *items)
{
  static const char * const known[] = { "month", "percent", NULL };
  JsonObject *object;
  JsonNode *percent_node;
  JxCheckpoint *checkpoint;
  gint64 month;
  double percent;
  gsize mark;

  if (!expect_object (r, element))
    return FALSE;
  object = json_node_get_object (element);
  if (!read_int (r, object, "month", 1, 12, &month) ||
      !get_member (r, object, "percent", TRUE, JSON_NODE_VALUE, G_TYPE_DOUBLE,
                   N_("a percentage (a number from 0 to 100)"), &percent_node))
    return FALSE;

  percent = json_node_get_value_type (percent_node) == G_TYPE_INT64
              ? (double) json_node_get_int (percent_node)
              : json_node_get_double (percent_node);
  if (percent < 0 || percent > 100)
    {
      mark = push_member (r, "percent");
      fail (r, JX_DOCUMENT_ERROR_CONTENT, _("a percentage must be from 0 to 100"));
      pop (r, mark);
      return FALSE;
    }
  checkpoint = jx_checkpoint_new ((guint) month, percent);
  read_extras (object, known, jx_checkpoint_get_extras (checkpoint));
  g_ptr_array_add (items, checkpoint);
  return TRUE;
}

/* ---- Monitoring and evaluation: optional members of projects and rows ---- */

/* An optional member that is one of the words of a stage enumeration. */
static gboolean
read_word (Reader *r, JsonObject *object, const char *name, const char *expected,
           gboolean (*parse) (const char *, int *), int *out)
{
  g_autofree char *word = NULL;
  gsize mark;

  if (!read_string (r, object, name, OPTIONAL, &word))
    return FALSE;
  if (word == NULL || parse (word, out))
    return TRUE;
  mark = push_member (r, name);
  fail (r, JX_DOCUMENT_ERROR_CONTENT, _("expected %s, found “%s”"), _(expected), word);
  pop (r, mark);
  return FALSE;
}

static gboolean
parse_stage (const char *text, int *out)
{
  JxStage stage;

  if (!jx_stage_from_string (text, &stage))
    return FALSE;
  *out = stage;
  return TRUE;
}

static gboolean
parse_likelihood (const char *text, int *out)
{
  JxLikelihood likelihood;

  if (!jx_likelihood_from_string (text, &likelihood))
    return FALSE;
  *out = likelihood;
  return TRUE;
}

static gboolean
parse_achievement (const char *text, int *out)
{
  JxAchievement achievement;

  if (!jx_achievement_from_string (text, &achievement))
    return FALSE;
  *out = achievement;
  return TRUE;
}

/* An optional amount: *out is left as it is when the member is absent. */
static gboolean
read_optional_amount (Reader *r, JsonObject *object, const char *name, JxMoney *out)
{
  return !json_object_has_member (object, name) || read_amount (r, object, name, out);
}

/* An optional number of points from 0 to max. */
static gboolean
read_points (Reader *r, JsonObject *object, const char *name, double max, double *out)
{
  JsonNode *node;
  double v;
  gsize mark;

  if (!get_member (r, object, name, FALSE, JSON_NODE_VALUE, G_TYPE_DOUBLE,
                   N_("a number of points"), &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  v = json_node_get_value_type (node) == G_TYPE_INT64 ? (double) json_node_get_int (node)
                                                      : json_node_get_double (node);
  if (v >= 0 && v <= max)
    {
      *out = v;
      return TRUE;
    }
  mark = push_member (r, name);
  fail (r, JX_DOCUMENT_ERROR_CONTENT, _("must be from 0 to %g points"), max);
  pop (r, mark);
  return FALSE;
}

static gboolean
read_causes (Reader *r, JsonObject *object, JxCauses *out)
{
  JsonNode *node;
  JsonArray *array;
  gboolean ok = TRUE;
  gsize mark;

  if (!get_member (r, object, "causes", FALSE, JSON_NODE_ARRAY, G_TYPE_INVALID,
                   N_("an array of causes"), &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  array = json_node_get_array (node);
  mark = push_member (r, "causes");
  for (guint i = 0; ok && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JxCauses cause;
      gsize item = push_index (r, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING &&
          jx_cause_from_string (json_node_get_string (element), &cause))
        *out |= cause;
      else
        ok = fail (r, JX_DOCUMENT_ERROR_CONTENT,
                   _("expected one of “funds”, “rules”, “staff”, “equipment” or “other”"));
      pop (r, item);
    }
  pop (r, mark);
  return ok;
}

/* The object member name, or NULL (and TRUE) when it is absent. */
static gboolean
stage_object (Reader *r, JsonObject *object, const char *name, JsonObject **out)
{
  JsonNode *node;

  *out = NULL;
  if (!get_member (r, object, name, FALSE, JSON_NODE_OBJECT, G_TYPE_INVALID, N_("an object"), &node))
    return FALSE;
  if (node != NULL)
    *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
read_project_monitoring (Reader *r, JsonObject *object, JxProject *project)
{
  static const char * const known[] = { "adjusted_budget", "executed", "expected", NULL };
  JxMoney amounts[3] = { JX_AMOUNT_UNSET, JX_AMOUNT_UNSET, JX_AMOUNT_UNSET };
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < G_N_ELEMENTS (amounts); i++)
    ok = read_optional_amount (r, object, known[i], &amounts[i]);
  if (!ok)
    return FALSE;
  jx_project_set_monitoring_adjusted_budget (project, amounts[0]);
  jx_project_set_monitoring_executed (project, amounts[1]);
  jx_project_set_monitoring_expected (project, amounts[2]);
  read_extras (object, known, jx_project_get_stage_extras (project, JX_STAGE_MONITORING));
  return TRUE;
}

static gboolean
read_project_evaluation (Reader *r, JsonObject *object, JxProject *project)
{
  static const char * const known[] = {
    "budget", "executed", "execution_score", "conclusion", "problems", "improvements", NULL
  };
  JxMoney budget = JX_AMOUNT_UNSET, executed = JX_AMOUNT_UNSET;
  double score = JX_SCORE_UNSET;
  char *texts[3] = { NULL };
  gboolean ok;

  ok = read_optional_amount (r, object, "budget", &budget) &&
       read_optional_amount (r, object, "executed", &executed) &&
       read_points (r, object, "execution_score", 10, &score);
  for (guint i = 0; ok && i < G_N_ELEMENTS (texts); i++)
    ok = read_string (r, object, known[3 + i], OPTIONAL, &texts[i]);
  if (ok)
    {
      jx_project_set_evaluation_budget (project, budget);
      jx_project_set_evaluation_executed (project, executed);
      jx_project_set_evaluation_execution_score (project, score);
      jx_project_set_evaluation_conclusion (project, texts[0]);
      jx_project_set_evaluation_problems (project, texts[1]);
      jx_project_set_evaluation_improvements (project, texts[2]);
      read_extras (object, known, jx_project_get_stage_extras (project, JX_STAGE_EVALUATION));
    }
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_free (texts[i]);
  return ok;
}

static gboolean
read_indicator_monitoring (Reader *r, JsonObject *object, JxIndicator *indicator)
{
  static const char * const known[] = {
    "actual", "expected", "likelihood", "causes", "note", "measures", NULL
  };
  int likelihood = JX_LIKELIHOOD_NONE;
  JxCauses causes = JX_CAUSE_NONE;
  char *texts[4] = { NULL };
  static const guint text_members[4] = { 0, 1, 4, 5 };
  gboolean ok;

  ok = read_word (r, object, "likelihood", N_("“certain”, “possible” or “impossible”"),
                  parse_likelihood, &likelihood) &&
       read_causes (r, object, &causes);
  for (guint i = 0; ok && i < G_N_ELEMENTS (texts); i++)
    ok = read_string (r, object, known[text_members[i]], OPTIONAL, &texts[i]);
  if (ok)
    {
      jx_indicator_set_monitoring_actual (indicator, texts[0]);
      jx_indicator_set_monitoring_expected (indicator, texts[1]);
      jx_indicator_set_monitoring_likelihood (indicator, likelihood);
      jx_indicator_set_monitoring_causes (indicator, causes);
      jx_indicator_set_monitoring_cause_note (indicator, texts[2]);
      jx_indicator_set_monitoring_measures (indicator, texts[3]);
      read_extras (object, known, jx_indicator_get_stage_extras (indicator, JX_STAGE_MONITORING));
    }
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_free (texts[i]);
  return ok;
}

static gboolean
read_indicator_evaluation (Reader *r, JsonObject *object, JxIndicator *indicator)
{
  static const char * const known[] = { "actual", "weight", "achievement", "score", "analysis", NULL };
  g_autofree char *actual = NULL;
  g_autofree char *analysis = NULL;
  double weight = JX_SCORE_UNSET, score = JX_SCORE_UNSET;
  int achievement = JX_ACHIEVEMENT_NONE;

  if (!read_string (r, object, "actual", OPTIONAL, &actual) ||
      !read_points (r, object, "weight", JX_SCORE_MAX, &weight) ||
      !read_word (r, object, "achievement", N_("“met”, “partial” or “not-met”"),
                  parse_achievement, &achievement) ||
      !read_points (r, object, "score", JX_SCORE_MAX, &score) ||
      !read_string (r, object, "analysis", OPTIONAL, &analysis))
    return FALSE;
  jx_indicator_set_evaluation_actual (indicator, actual);
  jx_indicator_set_evaluation_weight (indicator, weight);
  jx_indicator_set_evaluation_achievement (indicator, achievement);
  jx_indicator_set_evaluation_score (indicator, score);
  jx_indicator_set_evaluation_analysis (indicator, analysis);
  read_extras (object, known, jx_indicator_get_stage_extras (indicator, JX_STAGE_EVALUATION));
  return TRUE;
}

typedef gboolean (*ReadStage) (Reader *r, JsonObject *object, gpointer target);

/* "monitoring" and "evaluation" of a project or an indicator. */
static gboolean
read_stages (Reader *r, JsonObject *object, gpointer target, ReadStage monitoring,
             ReadStage evaluation)
{
  const char *names[2] = { "monitoring", "evaluation" };
  ReadStage readers[2] = { monitoring, evaluation };

  for (guint i = 0; i < 2; i++)
    {
      JsonObject *member;
      gsize mark;
      gboolean ok;

      if (!stage_object (r, object, names[i], &member))
        return FALSE;
      if (member == NULL)
        continue;
      mark = push_member (r, names[i]);
      ok = readers[i] (r, member, target);
      pop (r, mark);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_document_stage (Reader *r, JsonObject *root, JxDocument *document)
{
  int stage = JX_STAGE_GOALS;
  gint64 month = 6;

  if (!read_word (r, root, "stage", N_("“goals”, “monitoring” or “evaluation”"), parse_stage, &stage))
    return FALSE;
  if (json_object_has_member (root, "monitoring_month") &&
      !read_int (r, root, "monitoring_month", 1, 12, &month))
    return FALSE;
  jx_document_set_stage (document, stage);
  jx_document_set_monitoring_month (document, (guint) month);
  return TRUE;
}

static gboolean
read_indicator (Reader *r, JsonNode *element, gpointer user_data, GPtrArray *items)
{
  static const char * const known[] = {
    "level1", "level2", "name", "description", "value", "basis", "monitoring", "evaluation", NULL
  };
  static const Need needs[] = { REQUIRED, REQUIRED, REQUIRED, OPTIONAL, REQUIRED, OPTIONAL };
  char *texts[G_N_ELEMENTS (needs)] = { NULL };
  JxIndicator *indicator = NULL;
  JsonObject *object;

  if (!expect_object (r, element))
    return FALSE;
  object = json_node_get_object (element);
  for (guint i = 0; i < G_N_ELEMENTS (needs); i++)
    if (!read_string (r, object, known[i], needs[i], &texts[i]))
      goto out;

  indicator = jx_indicator_new (texts[0], texts[1], texts[2], texts[3], texts[4], texts[5]);
  if (!read_stages (r, object, indicator, (ReadStage) read_indicator_monitoring,
                    (ReadStage) read_indicator_evaluation))
    {
      g_clear_object (&indicator);
      goto out;
    }
  read_extras (object, known, jx_indicator_get_extras (indicator));
  g_ptr_array_add (items, indicator);

out:
  for (guint i = 0; i < G_N_ELEMENTS (needs); i++)
    g_free (texts[i]);
  return indicator != NULL;
}

static gboolean
read_funds (Reader *r, JsonObject *object, JxProject *project)
{
  static const char * const known[] = { "fiscal", "other", NULL };
  JsonNode *node;
  JsonObject *funds;
  JxMoney fiscal, other;
  gsize mark;
  gboolean ok;

  if (!get_member (r, object, "funds", TRUE, JSON_NODE_OBJECT, G_TYPE_INVALID,
                   N_("an object with “fiscal” and “other”"), &node))
    return FALSE;
  funds = json_node_get_object (node);
  mark = push_member (r, "funds");
  ok = read_amount (r, funds, "fiscal", &fiscal) && read_amount (r, funds, "other", &other);
  pop (r, mark);
  if (!ok)
    return FALSE;
  jx_project_set_fiscal (project, fiscal);
  jx_project_set_other (project, other);
  read_extras (funds, known, jx_project_get_funds_extras (project));
  return TRUE;
}

static gboolean
read_overview (Reader *r, JsonObject *object, JxProject *project)
{
  static const char * const known[] = { "description", "goal", "indicator_summary", NULL };
  g_autofree char *description = NULL;
  g_autofree char *goal = NULL;
  g_autofree char *summary = NULL;
  JsonNode *node;
  JsonObject *overview;
  gsize mark;
  gboolean ok;

  if (!get_member (r, object, "overview", FALSE, JSON_NODE_OBJECT, G_TYPE_INVALID,
                   N_("an object"), &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  overview = json_node_get_object (node);
  mark = push_member (r, "overview");
  ok = read_string (r, overview, "description", OPTIONAL, &description) &&
       read_string (r, overview, "goal", OPTIONAL, &goal) &&
       read_string (r, overview, "indicator_summary", OPTIONAL, &summary);
  pop (r, mark);
  if (!ok)
    return FALSE;
  jx_project_set_overview_description (project, description);
  jx_project_set_overview_goal (project, goal);
  jx_project_set_overview_indicator_summary (project, summary);
  read_extras (overview, known, jx_project_get_overview_extras (project));
  return TRUE;
}

/* What read_project needs to know of the projects before this one. */
typedef struct
{
  JxMoney total;
} ProjectsSeen;

/* Each amount is bounded, but thousands of projects could still add up
 * past what the document's total can hold. */
static gboolean
add_to_total (Reader *r, ProjectsSeen *seen, JxProject *project)
{
  JxMoney total = jx_project_get_total (project);
  gsize mark;

  if (total <= G_MAXINT64 - seen->total)
    {
      seen->total += total;
      return TRUE;
    }
  mark = push_member (r, "funds");
  fail (r, JX_DOCUMENT_ERROR_CONTENT,
        _("the amounts of all projects together are more than a document can hold"));
  pop (r, mark);
  return FALSE;
}

static gboolean
read_project (Reader *r, JsonNode *element, gpointer user_data, GPtrArray *items)
{
  static const char * const known[] = {
    "code", "name", "funds", "usage", "spending_plan", "goals", "overview", "indicators",
    "monitoring", "evaluation", NULL
  };
  ProjectsSeen *seen = user_data;
  g_autoptr(JxProject) project = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *usage = NULL;
  JsonObject *object;

  if (!expect_object (r, element))
    return FALSE;
  object = json_node_get_object (element);
  /* Empty and repeated codes are a draft's, for the review to report. */
  if (!read_string (r, object, "code", REQUIRED, &code) ||
      !read_string (r, object, "name", REQUIRED, &name))
    return FALSE;

  project = jx_project_new (code, name);
  if (!read_funds (r, object, project) ||
      !add_to_total (r, seen, project) ||
      !read_string (r, object, "usage", OPTIONAL, &usage) ||
      !read_list (r, object, "spending_plan", TRUE, read_checkpoint, NULL,
                  jx_project_get_spending_plan (project)) ||
      !read_list (r, object, "goals", TRUE, read_text_item, NULL, jx_project_get_goals (project)) ||
      !read_overview (r, object, project) ||
      !read_list (r, object, "indicators", TRUE, read_indicator, NULL,
                  jx_project_get_indicators (project)) ||
      !read_stages (r, object, project, (ReadStage) read_project_monitoring,
                    (ReadStage) read_project_evaluation))
    return FALSE;
  jx_project_set_usage (project, usage);
  read_extras (object, known, jx_project_get_extras (project));
  g_ptr_array_add (items, g_steal_pointer (&project));
  return TRUE;
}

static gboolean
read_department (Reader *r, JsonObject *root, JxDepartment *department)
{
  static const char * const known[] = { "name", "unit_code", "unit_name", "compiler", "reviewer", NULL };
  static const Need needs[] = { REQUIRED, REQUIRED, REQUIRED, OPTIONAL, OPTIONAL };
  char *texts[G_N_ELEMENTS (needs)] = { NULL };
  JsonNode *node;
  JsonObject *object;
  gboolean ok = TRUE;
  gsize mark;

  if (!get_member (r, root, "department", TRUE, JSON_NODE_OBJECT, G_TYPE_INVALID,
                   N_("an object"), &node))
    return FALSE;
  object = json_node_get_object (node);
  mark = push_member (r, "department");
  for (guint i = 0; ok && i < G_N_ELEMENTS (needs); i++)
    ok = read_string (r, object, known[i], needs[i], &texts[i]);
  pop (r, mark);

  if (ok)
    {
      jx_department_set_name (department, texts[0]);
      jx_department_set_unit_code (department, texts[1]);
      jx_department_set_unit_name (department, texts[2]);
      jx_department_set_compiler (department, texts[3]);
      jx_department_set_reviewer (department, texts[4]);
      read_extras (object, known, jx_department_get_extras (department));
    }
  for (guint i = 0; i < G_N_ELEMENTS (needs); i++)
    g_free (texts[i]);
  return ok;
}

static gboolean
read_overall (Reader *r, JsonObject *root, JxDocument *document)
{
  static const char * const known[] = { "summary", "points", NULL };
  g_autofree char *summary = NULL;
  JsonNode *node;
  JsonObject *object;
  gboolean ok;
  gsize mark;

  if (!get_member (r, root, "overall", TRUE, JSON_NODE_OBJECT, G_TYPE_INVALID,
                   N_("an object"), &node))
    return FALSE;
  object = json_node_get_object (node);
  mark = push_member (r, "overall");
  ok = read_string (r, object, "summary", OPTIONAL, &summary) &&
       read_list (r, object, "points", FALSE, read_text_item, NULL,
                  jx_document_get_points (document));
  pop (r, mark);
  if (!ok)
    return FALSE;
  jx_document_set_summary (document, summary);
  read_extras (object, known, jx_document_get_overall_extras (document));
  return TRUE;
}

/* "format" and "version" first, so that a file of another kind or of a
 * newer version is named for what it is, not for its first odd member. */
static gboolean
read_identity (Reader *r, JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "format");
  gint64 version;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      strcmp (json_node_get_string (node), JX_DOCUMENT_FORMAT) != 0)
    return fail (r, JX_DOCUMENT_ERROR_NOT_DOCUMENT,
                 _("this is not a budget performance document: its member “format” must be “%s”"),
                 JX_DOCUMENT_FORMAT);

  if (!read_int (r, root, "version", G_MININT64, G_MAXINT64, &version))
    return FALSE;
  if (version < 1)
    {
      gsize mark = push_member (r, "version");
      fail (r, JX_DOCUMENT_ERROR_CONTENT, _("the format version must be %d"), JX_DOCUMENT_VERSION);
      pop (r, mark);
      return FALSE;
    }
  if (version > JX_DOCUMENT_VERSION)
    {
      gsize mark = push_member (r, "version");
      fail (r, JX_DOCUMENT_ERROR_VERSION,
            _("the file has format version %lld, written by a newer program; this version "
              "reads format version %d. Update the program to open it"),
            (long long) version, JX_DOCUMENT_VERSION);
      pop (r, mark);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_document (Reader *r, JsonNode *root_node, JxDocument *document)
{
  static const char * const known[] = {
    "format", "version", "year", "title", "draft", "money_unit",
    "department", "overall", "measures", "projects", "stage", "monitoring_month", NULL
  };
  ProjectsSeen seen = { 0 };
  g_autofree char *title = NULL;
  g_autofree char *unit = NULL;
  JsonObject *root;
  JsonNode *draft;
  gint64 year;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    return fail (r, JX_DOCUMENT_ERROR_NOT_DOCUMENT,
                 _("this is not a budget performance document: expected an object, found %s"),
                 describe_node (root_node));
  root = json_node_get_object (root_node);

  if (!read_identity (r, root) ||
      !read_int (r, root, "year", JX_YEAR_MIN, JX_YEAR_MAX, &year) ||
      !read_string (r, root, "title", OPTIONAL, &title) ||
      !get_member (r, root, "draft", FALSE, JSON_NODE_VALUE, G_TYPE_BOOLEAN,
                   N_("true or false"), &draft) ||
      !read_string (r, root, "money_unit", OPTIONAL, &unit) ||
      !read_document_stage (r, root, document) ||
      !read_department (r, root, jx_document_get_department (document)) ||
      !read_overall (r, root, document) ||
      !read_list (r, root, "measures", TRUE, read_measure, NULL,
                  jx_document_get_measures (document)) ||
      !read_list (r, root, "projects", TRUE, read_project, &seen,
                  jx_document_get_projects (document)))
    return FALSE;

  jx_document_set_year (document, (guint) year);
  if (title != NULL)
    jx_document_set_title (document, title);
  if (draft != NULL)
    jx_document_set_draft (document, json_node_get_boolean (draft));
  if (unit != NULL)
    jx_document_set_money_unit (document, unit);
  read_extras (root, known, jx_document_get_extras (document));
  return TRUE;
}

JxDocument *
jx_document_load_data (const char  *data,
                       gsize        length,
                       GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JxDocument) document = NULL;
  g_autoptr(GString) path = g_string_new (NULL);
  Reader reader = { path, error };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > JX_MAX_FILE_SIZE)
    {
      g_set_error (error, JX_DOCUMENT_ERROR, JX_DOCUMENT_ERROR_TOO_LARGE,
                   _("the file is larger than %u MB, more than any document can be"),
                   (guint) (JX_MAX_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }

  if ((root = jx_json_parse (data, length, JX_MAX_DEPTH, error)) == NULL)
    return NULL;

  document = jx_document_new ();
  if (!read_document (&reader, root, document))
    return NULL;
  return g_steal_pointer (&document);
}
