/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-change.h"
#include "jx-diff-private.h"
#include "jx-json-private.h"

/* The comparison for scripts: docs/year.md describes this shape, and
 * data/schema/comparison-v1.schema.json says it for programs. Members are
 * always present (null when they do not apply), so that a script can
 * read every change the same way. */

#define FORMAT "budget-performance-comparison"

static void
set_string_or_null (JsonObject *object, const char *member, const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

static void
set_int_or_null (JsonObject *object, const char *member, int value)
{
  if (value >= 0)
    json_object_set_int_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

static JsonObject *
version_to_json (JxDocument *document, const char *label)
{
  JsonObject *object = json_object_new ();

  set_string_or_null (object, "file", label);
  json_object_set_int_member (object, "year", jx_document_get_year (document));
  json_object_set_string_member (object, "department",
                                 jx_department_get_name (jx_document_get_department (document)));
  json_object_set_int_member (object, "projects",
                              g_list_model_get_n_items (jx_document_get_projects (document)));
  return object;
}

/* [[start, end], …] in characters (code points) of text. */
static JsonNode *
marks_to_json (const char *text, const JxTextSpan *marks, guint n)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < n; i++)
    {
      JsonArray *span = json_array_new ();

      json_array_add_int_element (span, jx_text_char_offset (text, marks[i].start));
      json_array_add_int_element (span, jx_text_char_offset (text, marks[i].end));
      json_array_add_array_element (array, span);
    }
  json_node_take_array (node, array);
  return node;
}

static void
set_marks (JsonObject *object, JxChange *change)
{
  const char *old_text = jx_change_get_old_text (change);
  const char *new_text = jx_change_get_new_text (change);
  const JxTextSpan *marks;
  guint n;

  if (old_text == NULL || new_text == NULL || jx_change_get_kind (change) == JX_CHANGE_MOVED)
    {
      json_object_set_null_member (object, "marks");
      return;
    }
  {
    JsonObject *both = json_object_new ();

    marks = jx_change_get_old_marks (change, &n);
    json_object_set_member (both, "old", marks_to_json (old_text, marks, n));
    marks = jx_change_get_new_marks (change, &n);
    json_object_set_member (both, "new", marks_to_json (new_text, marks, n));
    json_object_set_object_member (object, "marks", both);
  }
}

static JsonObject *
amount_to_json (JxMoney old_amount, JxMoney new_amount)
{
  JsonObject *object = json_object_new ();

  json_object_set_double_member (object, "old", jx_money_to_double (old_amount));
  json_object_set_double_member (object, "new", jx_money_to_double (new_amount));
  json_object_set_double_member (object, "difference", jx_money_to_double (new_amount - old_amount));
  return object;
}

static void
set_funds (JsonObject *object, JxChange *change)
{
  static const char * const parts[] = { "fiscal", "other", "total" };
  JsonObject *funds;

  if (jx_change_get_item (change) != JX_CHANGE_ITEM_FUNDS)
    {
      json_object_set_null_member (object, "funds");
      return;
    }
  funds = json_object_new ();
  for (guint i = 0; i < JX_N_FUNDS; i++)
    {
      JxMoney a, b;

      jx_change_get_funds (change, i, &a, &b);
      json_object_set_object_member (funds, parts[i], amount_to_json (a, b));
    }
  json_object_set_string_member (funds, "unit", jx_change_get_money_unit (change));
  json_object_set_object_member (object, "funds", funds);
}

static JsonObject *
change_to_json (JxChange *change)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "section",
                                 jx_change_section_to_string (jx_change_get_section (change)));
  json_object_set_string_member (object, "kind", jx_change_kind_to_string (jx_change_get_kind (change)));
  json_object_set_string_member (object, "item", jx_change_item_to_string (jx_change_get_item (change)));
  set_string_or_null (object, "member", jx_change_get_member (change));
  json_object_set_string_member (object, "place", jx_change_get_place (change));
  set_string_or_null (object, "old_path", jx_change_get_old_path (change));
  set_string_or_null (object, "new_path", jx_change_get_new_path (change));
  set_int_or_null (object, "old_project", jx_change_get_old_project (change));
  set_int_or_null (object, "new_project", jx_change_get_new_project (change));
  set_int_or_null (object, "old_position", jx_change_get_old_position (change));
  set_int_or_null (object, "new_position", jx_change_get_new_position (change));
  set_string_or_null (object, "old", jx_change_get_old_text (change));
  set_string_or_null (object, "new", jx_change_get_new_text (change));
  set_marks (object, change);
  set_funds (object, change);
  return object;
}

static JsonObject *
counts_to_json (JxDiff *self)
{
  JsonObject *counts = json_object_new ();

  for (JxChangeKind kind = JX_CHANGE_CHANGED; kind <= JX_CHANGE_RENAMED; kind++)
    json_object_set_int_member (counts, jx_change_kind_to_string (kind), jx_diff_count (self, kind));
  return counts;
}

char *
jx_diff_to_json (JxDiff     *self,
                 const char *old_label,
                 const char *new_label)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonArray *changes = json_array_new ();
  GListModel *list;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (JX_IS_DIFF (self), NULL);

  list = G_LIST_MODEL (self->changes);
  json_object_set_string_member (object, "format", FORMAT);
  json_object_set_int_member (object, "version", 1);
  json_object_set_object_member (object, "old", version_to_json (self->old_document, old_label));
  json_object_set_object_member (object, "new", version_to_json (self->new_document, new_label));
  json_object_set_int_member (object, "year_shift",
                              (gint64) jx_document_get_year (self->new_document) -
                              (gint64) jx_document_get_year (self->old_document));
  json_object_set_object_member (object, "counts", counts_to_json (self));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JxChange) change = g_list_model_get_item (list, i);

      json_array_add_object_element (changes, change_to_json (change));
    }
  json_object_set_array_member (object, "changes", changes);
  json_node_take_object (root, object);
  jx_json_write (out, root);
  return g_string_free (out, FALSE);
}
