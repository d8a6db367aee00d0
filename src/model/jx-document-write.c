/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jx-document-io.h"
#include "jx-file.h"
#include "jx-json-private.h"
#include "jx-stage-private.h"

/* The file is written straight from the model: each object lists the
 * members it writes, in the order the contract gives them; they are then
 * laid out in the order the file had them, with the members this version
 * does not know in their places, in the same layout jx_json_write uses. */

typedef enum
{
  VALUE_STRING,
  VALUE_INT,
  VALUE_BOOL,
  VALUE_AMOUNT,
  VALUE_NUMBER,
  VALUE_OBJECT,
  VALUE_LIST,
  VALUE_NODE,
} ValueKind;

typedef void (*WriteObject) (GString *out, gpointer object, guint level);

typedef struct
{
  const char *name;
  ValueKind kind;
  union
  {
    const char *text;
    gint64 integer;
    double number;
    struct
    {
      WriteObject write;
      gpointer object;
      GListModel *list;
    } nested;
    JsonNode *node;
  } v;
} Member;

#define MAX_MEMBERS 16

typedef struct
{
  Member members[MAX_MEMBERS];
  guint n;
  const JxExtras *extras;
} Members;

static Member *
add (Members *m, const char *name, ValueKind kind)
{
  Member *member;

  g_assert (m->n < MAX_MEMBERS);
  member = &m->members[m->n++];
  member->name = name;
  member->kind = kind;
  return member;
}

static void
add_string (Members *m, const char *name, const char *value)
{
  add (m, name, VALUE_STRING)->v.text = value;
}

/* Optional members are written when the file had them or they say something. */
static void
add_optional (Members *m, const char *name, const char *value, const char *default_value)
{
  if (jx_extras_has_member (m->extras, name) || g_strcmp0 (value, default_value) != 0)
    add_string (m, name, value);
}

static void
add_int (Members *m, const char *name, gint64 value)
{
  add (m, name, VALUE_INT)->v.integer = value;
}

static void
add_amount (Members *m, const char *name, JxMoney value)
{
  add (m, name, VALUE_AMOUNT)->v.integer = value;
}

static void
add_object (Members *m, const char *name, WriteObject write, gpointer object)
{
  Member *member = add (m, name, VALUE_OBJECT);

  member->v.nested.write = write;
  member->v.nested.object = object;
}

static void
add_list (Members *m, const char *name, GListModel *list, WriteObject write_item)
{
  Member *member = add (m, name, VALUE_LIST);

  member->v.nested.write = write_item;
  member->v.nested.list = list;
}

static void
write_list (GString *out, GListModel *list, WriteObject write_item, guint level)
{
  guint n = g_list_model_get_n_items (list);

  if (n == 0)
    {
      g_string_append (out, "[]");
      return;
    }
  g_string_append (out, "[\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      jx_json_write_indent (out, level + 1);
      write_item (out, item, level + 1);
      g_string_append (out, i + 1 < n ? ",\n" : "\n");
    }
  jx_json_write_indent (out, level);
  g_string_append_c (out, ']');
}

static void
write_value (GString *out, const Member *member, guint level)
{
  switch (member->kind)
    {
    case VALUE_STRING:
      jx_json_write_string (out, member->v.text);
      break;
    case VALUE_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, member->v.integer);
      break;
    case VALUE_BOOL:
      g_string_append (out, member->v.integer ? "true" : "false");
      break;
    case VALUE_AMOUNT:
      {
        /* From the integer: all its decimals and no more (0.1, 3, 123.456789). */
        g_autofree char *text = jx_money_format_exact (member->v.integer);
        g_string_append (out, text);
      }
      break;
    case VALUE_NUMBER:
      if (member->v.number == (double) (gint64) member->v.number)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) member->v.number);
      else
        jx_json_write_double (out, member->v.number);
      break;
    case VALUE_OBJECT:
      member->v.nested.write (out, member->v.nested.object, level);
      break;
    case VALUE_LIST:
      write_list (out, member->v.nested.list, member->v.nested.write, level);
      break;
    case VALUE_NODE:
      jx_json_write_node (out, member->v.node, level);
      break;
    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  const char *name;
  const Member *member;   /* a known member, or */
  JsonNode *unknown;      /* one this version does not know */
} Slot;

static void
write_members (GString *out, const Members *m, guint level)
{
  Slot slots[MAX_MEMBERS * 2];
  g_autofree Slot *more = NULL;
  Slot *s = slots;
  guint n = 0;
  guint capacity = G_N_ELEMENTS (slots);
  gboolean used[MAX_MEMBERS] = { FALSE };
  const GPtrArray *order = m->extras->order;

  if (order != NULL && order->len + m->n > capacity)
    {
      capacity = order->len + m->n;
      s = more = g_new (Slot, capacity);
    }

  if (order != NULL)
    for (guint i = 0; i < order->len; i++)
      {
        const char *name = g_ptr_array_index (order, i);
        guint k;

        for (k = 0; k < m->n && strcmp (m->members[k].name, name) != 0; k++)
          ;
        if (k < m->n)
          {
            used[k] = TRUE;
            s[n++] = (Slot) { name, &m->members[k], NULL };
          }
        else if (m->extras->unknown != NULL && json_object_has_member (m->extras->unknown, name))
          s[n++] = (Slot) { name, NULL, json_object_get_member (m->extras->unknown, name) };
      }
  for (guint k = 0; k < m->n; k++)
    if (!used[k])
      s[n++] = (Slot) { m->members[k].name, &m->members[k], NULL };

  if (n == 0)
    {
      g_string_append (out, "{}");
      return;
    }
  g_string_append (out, "{\n");
  for (guint i = 0; i < n; i++)
    {
      jx_json_write_indent (out, level + 1);
      jx_json_write_string (out, s[i].name);
      g_string_append (out, ": ");
      if (s[i].member != NULL)
        write_value (out, s[i].member, level + 1);
      else
        jx_json_write_node (out, s[i].unknown, level + 1);
      g_string_append (out, i + 1 < n ? ",\n" : "\n");
    }
  jx_json_write_indent (out, level);
  g_string_append_c (out, '}');
}

static void
write_text_item (GString *out, gpointer item, guint level)
{
  jx_json_write_string (out, jx_text_item_get_text (item));
}

static void
write_measure (GString *out, gpointer item, guint level)
{
  Members m = { .extras = jx_measure_get_extras (item) };

  if (m.extras->order == NULL)
    add_string (&m, "heading", jx_measure_get_heading (item));
  else
    add_optional (&m, "heading", jx_measure_get_heading (item), "");
  add_string (&m, "body", jx_measure_get_body (item));
  write_members (out, &m, level);
}

static void
write_checkpoint (GString *out, gpointer item, guint level)
{
  Members m = { .extras = jx_checkpoint_get_extras (item) };

  add_int (&m, "month", jx_checkpoint_get_month (item));
  add (&m, "percent", VALUE_NUMBER)->v.number = jx_checkpoint_get_percent (item);
  write_members (out, &m, level);
}

/* ---- Monitoring and evaluation ----
 *
 * Each stage object is written when it says something or the file had it,
 * and inside it each member likewise: a goal-only file comes back byte for
 * byte. */

static void
add_stage_amount (Members *m, const char *name, JxMoney amount)
{
  if (amount >= 0)
    add_amount (m, name, amount);
}

static void
add_stage_points (Members *m, const char *name, double points)
{
  if (points >= 0)
    add (m, name, VALUE_NUMBER)->v.number = points;
}

static void
add_stage_word (Members *m, const char *name, const char *word)
{
  if (word != NULL)
    add_string (m, name, word);
}

static void
write_project_monitoring (GString *out, gpointer project, guint level)
{
  Members m = { .extras = jx_project_get_stage_extras (project, JX_STAGE_MONITORING) };

  add_stage_amount (&m, "adjusted_budget", jx_project_get_monitoring_adjusted_budget (project));
  add_stage_amount (&m, "executed", jx_project_get_monitoring_executed (project));
  add_stage_amount (&m, "expected", jx_project_get_monitoring_expected (project));
  write_members (out, &m, level);
}

static void
write_project_evaluation (GString *out, gpointer project, guint level)
{
  Members m = { .extras = jx_project_get_stage_extras (project, JX_STAGE_EVALUATION) };

  add_stage_amount (&m, "budget", jx_project_get_evaluation_budget (project));
  add_stage_amount (&m, "executed", jx_project_get_evaluation_executed (project));
  add_stage_points (&m, "execution_score", jx_project_get_evaluation_execution_score (project));
  add_optional (&m, "conclusion", jx_project_get_evaluation_conclusion (project), "");
  add_optional (&m, "problems", jx_project_get_evaluation_problems (project), "");
  add_optional (&m, "improvements", jx_project_get_evaluation_improvements (project), "");
  write_members (out, &m, level);
}

static JsonNode *
causes_node (JxCauses causes)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < JX_N_CAUSES; i++)
    if (causes & (1u << i))
      json_array_add_string_element (array, jx_cause_to_string (1u << i));
  json_node_take_array (node, array);
  return node;
}

static void
write_indicator_monitoring (GString *out, gpointer indicator, guint level)
{
  Members m = { .extras = jx_indicator_get_stage_extras (indicator, JX_STAGE_MONITORING) };
  JxCauses causes = jx_indicator_get_monitoring_causes (indicator);
  g_autoptr(JsonNode) node = causes_node (causes);

  add_optional (&m, "actual", jx_indicator_get_monitoring_actual (indicator), "");
  add_optional (&m, "expected", jx_indicator_get_monitoring_expected (indicator), "");
  add_stage_word (&m, "likelihood",
                  jx_likelihood_to_string (jx_indicator_get_monitoring_likelihood (indicator)));
  if (causes != JX_CAUSE_NONE || jx_extras_has_member (m.extras, "causes"))
    add (&m, "causes", VALUE_NODE)->v.node = node;
  add_optional (&m, "note", jx_indicator_get_monitoring_cause_note (indicator), "");
  add_optional (&m, "measures", jx_indicator_get_monitoring_measures (indicator), "");
  write_members (out, &m, level);
}

static void
write_indicator_evaluation (GString *out, gpointer indicator, guint level)
{
  Members m = { .extras = jx_indicator_get_stage_extras (indicator, JX_STAGE_EVALUATION) };

  add_optional (&m, "actual", jx_indicator_get_evaluation_actual (indicator), "");
  add_stage_points (&m, "weight", jx_indicator_get_evaluation_weight (indicator));
  add_stage_word (&m, "achievement",
                  jx_achievement_to_string (jx_indicator_get_evaluation_achievement (indicator)));
  add_stage_points (&m, "score", jx_indicator_get_evaluation_score (indicator));
  add_optional (&m, "analysis", jx_indicator_get_evaluation_analysis (indicator), "");
  write_members (out, &m, level);
}

/* Whether a stage object is written: it says something, the file had it, or
 * it carries members this version does not know. */
static gboolean
stage_written (const JxExtras *owner, const char *name, gboolean says, const JxExtras *inner)
{
  return says || jx_extras_has_member (owner, name) || (inner != NULL && inner->unknown != NULL);
}

static void
add_project_stages (Members *m, JxProject *project)
{
  if (stage_written (m->extras, "monitoring", jx_project_stage_has_own (project, JX_STAGE_MONITORING),
                     jx_project_get_stage_extras (project, JX_STAGE_MONITORING)))
    add_object (m, "monitoring", write_project_monitoring, project);
  if (stage_written (m->extras, "evaluation", jx_project_stage_has_own (project, JX_STAGE_EVALUATION),
                     jx_project_get_stage_extras (project, JX_STAGE_EVALUATION)))
    add_object (m, "evaluation", write_project_evaluation, project);
}

/* An indicator's stage members exist only once something was entered or
 * read, so that asking does not allocate them. */
static void
add_indicator_stages (Members *m, JxIndicator *indicator)
{
  JxIndicatorStage *stage = jx_indicator_peek_stage (indicator);

  if (stage == NULL)
    return;
  if (stage_written (m->extras, "monitoring", jx_indicator_has_stage_data (indicator, JX_STAGE_MONITORING),
                     &stage->monitoring_extras))
    add_object (m, "monitoring", write_indicator_monitoring, indicator);
  if (stage_written (m->extras, "evaluation", jx_indicator_has_stage_data (indicator, JX_STAGE_EVALUATION),
                     &stage->evaluation_extras))
    add_object (m, "evaluation", write_indicator_evaluation, indicator);
}

static void
add_document_stage (Members *m, JxDocument *document)
{
  JxStage stage = jx_document_get_stage (document);
  guint month = jx_document_get_monitoring_month (document);

  if (stage != JX_STAGE_GOALS || jx_extras_has_member (m->extras, "stage"))
    add_string (m, "stage", jx_stage_to_string (stage));
  if (stage != JX_STAGE_GOALS || month != 6 || jx_extras_has_member (m->extras, "monitoring_month"))
    add_int (m, "monitoring_month", month);
}

static void
write_indicator (GString *out, gpointer item, guint level)
{
  JxIndicator *indicator = item;
  Members m = { .extras = jx_indicator_get_extras (indicator) };
  const char *fallback = m.extras->order == NULL ? NULL : "";

  add_string (&m, "level1", jx_indicator_get_level1 (indicator));
  add_string (&m, "level2", jx_indicator_get_level2 (indicator));
  add_string (&m, "name", jx_indicator_get_name (indicator));
  add_optional (&m, "description", jx_indicator_get_description (indicator), fallback);
  add_string (&m, "value", jx_indicator_get_value (indicator));
  add_optional (&m, "basis", jx_indicator_get_basis (indicator), fallback);
  add_indicator_stages (&m, indicator);
  write_members (out, &m, level);
}

static void
write_funds (GString *out, gpointer project, guint level)
{
  Members m = { .extras = jx_project_get_funds_extras (project) };

  add_amount (&m, "fiscal", jx_project_get_fiscal (project));
  add_amount (&m, "other", jx_project_get_other (project));
  write_members (out, &m, level);
}

static void
write_overview (GString *out, gpointer project, guint level)
{
  Members m = { .extras = jx_project_get_overview_extras (project) };
  const char *fallback = m.extras->order == NULL ? NULL : "";

  add_optional (&m, "description", jx_project_get_overview_description (project), fallback);
  add_optional (&m, "goal", jx_project_get_overview_goal (project), fallback);
  add_optional (&m, "indicator_summary", jx_project_get_overview_indicator_summary (project), fallback);
  write_members (out, &m, level);
}

static gboolean
has_overview (JxProject *project)
{
  return jx_extras_has_member (jx_project_get_extras (project), "overview") ||
         jx_project_get_overview_description (project)[0] != '\0' ||
         jx_project_get_overview_goal (project)[0] != '\0' ||
         jx_project_get_overview_indicator_summary (project)[0] != '\0';
}

static void
write_project (GString *out, gpointer item, guint level)
{
  JxProject *project = item;
  Members m = { .extras = jx_project_get_extras (project) };

  add_string (&m, "code", jx_project_get_code (project));
  add_string (&m, "name", jx_project_get_name (project));
  add_object (&m, "funds", write_funds, project);
  add_optional (&m, "usage", jx_project_get_usage (project), m.extras->order == NULL ? NULL : "");
  add_list (&m, "spending_plan", jx_project_get_spending_plan (project), write_checkpoint);
  add_list (&m, "goals", jx_project_get_goals (project), write_text_item);
  if (has_overview (project))
    add_object (&m, "overview", write_overview, project);
  add_list (&m, "indicators", jx_project_get_indicators (project), write_indicator);
  add_project_stages (&m, project);
  write_members (out, &m, level);
}

static void
write_department (GString *out, gpointer department, guint level)
{
  Members m = { .extras = jx_department_get_extras (department) };

  add_string (&m, "name", jx_department_get_name (department));
  add_string (&m, "unit_code", jx_department_get_unit_code (department));
  add_string (&m, "unit_name", jx_department_get_unit_name (department));
  add_optional (&m, "compiler", jx_department_get_compiler (department), "");
  add_optional (&m, "reviewer", jx_department_get_reviewer (department), "");
  write_members (out, &m, level);
}

static void
write_overall (GString *out, gpointer document, guint level)
{
  Members m = { .extras = jx_document_get_overall_extras (document) };

  add_string (&m, "summary", jx_document_get_summary (document));
  add_list (&m, "points", jx_document_get_points (document), write_text_item);
  write_members (out, &m, level);
}

static void
write_document (GString *out, JxDocument *self)
{
  Members m = { .extras = jx_document_get_extras (self) };
  gboolean fresh = m.extras->order == NULL;

  add_string (&m, "format", JX_DOCUMENT_FORMAT);
  add_int (&m, "version", JX_DOCUMENT_VERSION);
  add_int (&m, "year", jx_document_get_year (self));
  add_optional (&m, "title", jx_document_get_title (self), fresh ? NULL : JX_DEFAULT_TITLE);
  if (fresh || jx_extras_has_member (m.extras, "draft") || !jx_document_get_draft (self))
    add (&m, "draft", VALUE_BOOL)->v.integer = jx_document_get_draft (self);
  add_optional (&m, "money_unit", jx_document_get_money_unit (self), fresh ? NULL : JX_DEFAULT_UNIT);
  add_document_stage (&m, self);
  add_object (&m, "department", write_department, jx_document_get_department (self));
  add_object (&m, "overall", write_overall, self);
  add_list (&m, "measures", jx_document_get_measures (self), write_measure);
  add_list (&m, "projects", jx_document_get_projects (self), write_project);
  write_members (out, &m, 0);
  g_string_append_c (out, '\n');
}

char *
jx_document_to_data (JxDocument *self,
                     gsize      *length)
{
  GString *out;

  g_return_val_if_fail (JX_IS_DOCUMENT (self), NULL);

  out = g_string_sized_new (64 * 1024);
  write_document (out, self);
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/* Saving */

gboolean
jx_document_save_data (const char  *data,
                       gsize        length,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(JxDocument) check = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Never write a file that would not open again. */
  check = jx_document_load_data (data, length, &local_error);
  if (check == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("The document could not be written so that it opens again: %s"),
                   local_error->message);
      return FALSE;
    }
  return jx_file_replace_contents (path, data, length, error);
}

gboolean
jx_document_save_file (JxDocument  *self,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (JX_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = jx_document_to_data (self, &length);
  return jx_document_save_data (data, length, path, error);
}
