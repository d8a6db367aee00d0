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
#include "jx-model-private.h"

/* Builds the members an object writes, in the order the contract lists
 * them, then lays them out in the order the file had them, unknown members
 * in their places. */

static void
add_string (JsonObject *object, const char *name, const char *value)
{
  json_object_set_string_member (object, name, value);
}

/* Optional members are written when the file had them or they say something. */
static void
add_optional (JsonObject *object, const JxExtras *extras, const char *name,
              const char *value, const char *default_value)
{
  if (jx_extras_has_member (extras, name) || g_strcmp0 (value, default_value) != 0)
    add_string (object, name, value);
}

static JsonNode *
amount_node (JxMoney amount)
{
  JsonNode *node = json_node_alloc ();

  /* Whole amounts stay integers; others are the double nearest to the
   * micro-unit value, which the writer prints as exactly those decimals. */
  if (amount % JX_MONEY_SCALE == 0)
    json_node_init_int (node, amount / JX_MONEY_SCALE);
  else
    json_node_init_double (node, jx_money_to_double (amount));
  return node;
}

static JsonNode *
number_node (double value)
{
  JsonNode *node = json_node_alloc ();

  if (value == (double) (gint64) value)
    json_node_init_int (node, (gint64) value);
  else
    json_node_init_double (node, value);
  return node;
}

static JsonNode *
arrange (JsonObject *known, const JxExtras *extras)
{
  g_autoptr(JsonObject) result = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (known);
  JsonNode *node;

  if (extras->order != NULL)
    for (guint i = 0; i < extras->order->len; i++)
      {
        const char *name = g_ptr_array_index (extras->order, i);
        JsonNode *value = json_object_get_member (known, name);

        if (value == NULL && extras->unknown != NULL)
          value = json_object_get_member (extras->unknown, name);
        if (value != NULL)
          json_object_set_member (result, name, json_node_ref (value));
      }

  for (GList *l = members; l != NULL; l = l->next)
    if (!json_object_has_member (result, l->data))
      json_object_set_member (result, l->data, json_node_ref (json_object_get_member (known, l->data)));

  json_object_unref (known);
  node = json_node_alloc ();
  json_node_init_object (node, result);
  return node;
}

typedef JsonNode *(*WriteItem) (gpointer item);

static JsonNode *
list_node (GListModel *list, WriteItem write_item)
{
  guint n = g_list_model_get_n_items (list);
  JsonArray *array = json_array_sized_new (n);
  JsonNode *node = json_node_alloc ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      json_array_add_element (array, write_item (item));
    }
  json_node_init_array (node, array);
  json_array_unref (array);
  return node;
}

static JsonNode *
text_item_node (gpointer item)
{
  JsonNode *node = json_node_alloc ();

  json_node_init_string (node, jx_text_item_get_text (item));
  return node;
}

static JsonNode *
measure_node (gpointer item)
{
  JxExtras *extras = jx_measure_get_extras (item);
  JsonObject *known = json_object_new ();

  if (extras->order == NULL)
    add_string (known, "heading", jx_measure_get_heading (item));
  else
    add_optional (known, extras, "heading", jx_measure_get_heading (item), "");
  add_string (known, "body", jx_measure_get_body (item));
  return arrange (known, extras);
}

static JsonNode *
checkpoint_node (gpointer item)
{
  JsonObject *known = json_object_new ();

  json_object_set_int_member (known, "month", jx_checkpoint_get_month (item));
  json_object_set_member (known, "percent", number_node (jx_checkpoint_get_percent (item)));
  return arrange (known, jx_checkpoint_get_extras (item));
}

static JsonNode *
indicator_node (gpointer item)
{
  JxIndicator *indicator = item;
  JxExtras *extras = jx_indicator_get_extras (indicator);
  JsonObject *known = json_object_new ();
  gboolean fresh = extras->order == NULL;

  add_string (known, "level1", jx_indicator_get_level1 (indicator));
  add_string (known, "level2", jx_indicator_get_level2 (indicator));
  add_string (known, "name", jx_indicator_get_name (indicator));
  add_optional (known, extras, "description", jx_indicator_get_description (indicator),
                fresh ? NULL : "");
  add_string (known, "value", jx_indicator_get_value (indicator));
  add_optional (known, extras, "basis", jx_indicator_get_basis (indicator), fresh ? NULL : "");
  return arrange (known, extras);
}

static JsonNode *
funds_node (JxProject *project)
{
  JsonObject *known = json_object_new ();

  json_object_set_member (known, "fiscal", amount_node (jx_project_get_fiscal (project)));
  json_object_set_member (known, "other", amount_node (jx_project_get_other (project)));
  return arrange (known, jx_project_get_funds_extras (project));
}

static JsonNode *
overview_node (JxProject *project)
{
  JxExtras *extras = jx_project_get_overview_extras (project);
  JsonObject *known = json_object_new ();
  const char *fallback = extras->order == NULL ? NULL : "";

  add_optional (known, extras, "description", jx_project_get_overview_description (project), fallback);
  add_optional (known, extras, "goal", jx_project_get_overview_goal (project), fallback);
  add_optional (known, extras, "indicator_summary",
                jx_project_get_overview_indicator_summary (project), fallback);
  return arrange (known, extras);
}

static gboolean
has_overview (JxProject *project)
{
  return jx_extras_has_member (jx_project_get_extras (project), "overview") ||
         jx_project_get_overview_description (project)[0] != '\0' ||
         jx_project_get_overview_goal (project)[0] != '\0' ||
         jx_project_get_overview_indicator_summary (project)[0] != '\0';
}

static JsonNode *
project_node (gpointer item)
{
  JxProject *project = item;
  JxExtras *extras = jx_project_get_extras (project);
  JsonObject *known = json_object_new ();

  add_string (known, "code", jx_project_get_code (project));
  add_string (known, "name", jx_project_get_name (project));
  json_object_set_member (known, "funds", funds_node (project));
  add_optional (known, extras, "usage", jx_project_get_usage (project),
                extras->order == NULL ? NULL : "");
  json_object_set_member (known, "spending_plan",
                          list_node (jx_project_get_spending_plan (project), checkpoint_node));
  json_object_set_member (known, "goals", list_node (jx_project_get_goals (project), text_item_node));
  if (has_overview (project))
    json_object_set_member (known, "overview", overview_node (project));
  json_object_set_member (known, "indicators",
                          list_node (jx_project_get_indicators (project), indicator_node));
  return arrange (known, extras);
}

static JsonNode *
department_node (JxDepartment *department)
{
  JxExtras *extras = jx_department_get_extras (department);
  JsonObject *known = json_object_new ();

  add_string (known, "name", jx_department_get_name (department));
  add_string (known, "unit_code", jx_department_get_unit_code (department));
  add_string (known, "unit_name", jx_department_get_unit_name (department));
  add_optional (known, extras, "compiler", jx_department_get_compiler (department), "");
  add_optional (known, extras, "reviewer", jx_department_get_reviewer (department), "");
  return arrange (known, extras);
}

static JsonNode *
overall_node (JxDocument *document)
{
  JsonObject *known = json_object_new ();

  add_string (known, "summary", jx_document_get_summary (document));
  json_object_set_member (known, "points", list_node (jx_document_get_points (document), text_item_node));
  return arrange (known, jx_document_get_overall_extras (document));
}

static JsonNode *
document_node (JxDocument *self)
{
  JxExtras *extras = jx_document_get_extras (self);
  JsonObject *known = json_object_new ();
  gboolean fresh = extras->order == NULL;

  add_string (known, "format", JX_DOCUMENT_FORMAT);
  json_object_set_int_member (known, "version", JX_DOCUMENT_VERSION);
  json_object_set_int_member (known, "year", jx_document_get_year (self));
  add_optional (known, extras, "title", jx_document_get_title (self), fresh ? NULL : JX_DEFAULT_TITLE);
  if (fresh || jx_extras_has_member (extras, "draft") || !jx_document_get_draft (self))
    json_object_set_boolean_member (known, "draft", jx_document_get_draft (self));
  add_optional (known, extras, "money_unit", jx_document_get_money_unit (self),
                fresh ? NULL : JX_DEFAULT_UNIT);
  json_object_set_member (known, "department", department_node (jx_document_get_department (self)));
  json_object_set_member (known, "overall", overall_node (self));
  json_object_set_member (known, "measures", list_node (jx_document_get_measures (self), measure_node));
  json_object_set_member (known, "projects", list_node (jx_document_get_projects (self), project_node));
  return arrange (known, extras);
}

char *
jx_document_to_data (JxDocument *self,
                     gsize      *length)
{
  g_autoptr(JsonNode) root = NULL;
  GString *out;

  g_return_val_if_fail (JX_IS_DOCUMENT (self), NULL);

  root = document_node (self);
  out = g_string_sized_new (64 * 1024);
  jx_json_write (out, root);
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/* Saving */

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
  return jx_file_replace_contents (path, data, length, error);
}

JxDocument *
jx_document_load_file (const char  *path,
                       GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GError) local_error = NULL;
  JxDocument *document;
  gsize length;
  struct stat st;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && (gsize) st.st_size > JX_MAX_FILE_SIZE)
    return jx_document_load_data ("", JX_MAX_FILE_SIZE + 1, error);

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;

  document = jx_document_load_data (data, length, &local_error);
  if (document == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return document;
}
