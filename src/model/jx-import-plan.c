/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jx-document-io.h"
#include "jx-import-plan.h"
#include "jx-import-private.h"
#include "jx-indicator-value.h"
#include "jx-indicator.h"
#include "jx-sheet-import-private.h"

/* Placing indicator rows in a document. Each row belongs to the project of
 * its 项目编码, else of its 项目名称; rows without either to the project
 * named above the header, else to the project named like the sheet, else to
 * the document's only project. Within a project, a row replaces the
 * indicator of the same 三级指标 (under the same categories when there are
 * two) and is added otherwise, next to its category. */

typedef struct
{
  JxSheetRow        *row;      /* borrowed from the plan's data */
  JxImportRowAction  action;
  JxIndicator       *target;   /* REPLACE, SAME: the indicator it matches */
} PlanRow;

typedef struct
{
  JxProject     *project;      /* in the document, or new (added by apply) */
  JxImportMatch  match;
  GArray        *rows;         /* PlanRow */
  /* The project had no indicators: the rows come in the sheet's order. */
  gboolean       append;
} PlanProject;

struct _JxImportPlan
{
  gatomicrefcount ref_count;
  JxDocument     *document;
  JxSheetData     data;
  GPtrArray      *projects;    /* PlanProject */
  /* The document's projects and those the plan adds, by code and by name
   * (the first of each, the document's before the new ones). */
  GHashTable     *by_code;
  GHashTable     *by_name;
  GHashTable     *planned;     /* JxProject → its PlanProject */
  gboolean        applied;
};

G_DEFINE_BOXED_TYPE (JxImportPlan, jx_import_plan, jx_import_plan_ref, jx_import_plan_unref)

static void
plan_project_free (gpointer data)
{
  PlanProject *p = data;

  for (guint i = 0; i < p->rows->len; i++)
    g_clear_object (&g_array_index (p->rows, PlanRow, i).target);
  g_array_unref (p->rows);
  g_object_unref (p->project);
  g_free (p);
}

JxImportPlan *
jx_import_plan_ref (JxImportPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
jx_import_plan_unref (JxImportPlan *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_ptr_array_unref (self->projects);
  g_hash_table_unref (self->by_code);
  g_hash_table_unref (self->by_name);
  g_hash_table_unref (self->planned);
  jx_sheet_data_clear (&self->data);
  g_object_unref (self->document);
  g_free (self);
}

/* ---- Which project ---- */

static PlanProject *
plan_project_for (JxImportPlan *self, JxProject *project, JxImportMatch match)
{
  PlanProject *p = g_hash_table_lookup (self->planned, project);

  if (p != NULL)
    return p;
  p = g_new0 (PlanProject, 1);
  p->project = g_object_ref (project);
  p->match = match;
  p->rows = g_array_new (FALSE, TRUE, sizeof (PlanRow));
  p->append = g_list_model_get_n_items (jx_project_get_indicators (project)) == 0;
  g_ptr_array_add (self->projects, p);
  g_hash_table_insert (self->planned, project, p);
  return p;
}

static void
index_project (JxImportPlan *self, JxProject *project)
{
  const char *code = jx_project_get_code (project);
  const char *name = jx_project_get_name (project);

  if (code[0] != '\0' && !g_hash_table_contains (self->by_code, code))
    g_hash_table_insert (self->by_code, g_strdup (code), project);
  if (name[0] != '\0' && !g_hash_table_contains (self->by_name, name))
    g_hash_table_insert (self->by_name, g_strdup (name), project);
}

/* Among the document's projects and those the plan adds. */
static JxProject *
find_project (JxImportPlan *self, const char *code, const char *name)
{
  JxProject *project = code != NULL ? g_hash_table_lookup (self->by_code, code) : NULL;

  if (project == NULL && name != NULL)
    project = g_hash_table_lookup (self->by_name, name);
  return project;
}

static PlanProject *
new_project (JxImportPlan *self, const char *code, const char *name)
{
  JxProject *known = find_project (self, code[0] ? code : NULL, name[0] ? name : NULL);
  g_autoptr(JxProject) project = NULL;

  if (known != NULL)
    return plan_project_for (self, known, JX_IMPORT_MATCH_NEW);
  project = jx_project_new (code, name);
  index_project (self, project);
  return plan_project_for (self, project, JX_IMPORT_MATCH_NEW);
}

static gboolean
is_new (JxImportPlan *self, JxProject *project)
{
  PlanProject *p = g_hash_table_lookup (self->planned, project);

  return p != NULL && p->match == JX_IMPORT_MATCH_NEW;
}

static PlanProject *
found (JxImportPlan *self, JxProject *project, JxImportMatch match)
{
  return plan_project_for (self, project, is_new (self, project) ? JX_IMPORT_MATCH_NEW : match);
}

static PlanProject *
resolve (JxImportPlan *self, JxSheetRow *row)
{
  GListModel *projects = jx_document_get_projects (self->document);
  JxProject *project;

  if (row->code[0] != '\0' && (project = find_project (self, row->code, NULL)) != NULL)
    return found (self, project, JX_IMPORT_MATCH_CODE);
  if (row->project[0] != '\0' && (project = find_project (self, NULL, row->project)) != NULL)
    return found (self, project, JX_IMPORT_MATCH_NAME);
  if (row->code[0] != '\0' || row->project[0] != '\0')
    return new_project (self, row->code, row->project);
  if (row->label_code != NULL && (project = find_project (self, row->label_code, NULL)) != NULL)
    return found (self, project, JX_IMPORT_MATCH_LABEL);
  if (row->label_name != NULL && (project = find_project (self, NULL, row->label_name)) != NULL)
    return found (self, project, JX_IMPORT_MATCH_LABEL);
  if (row->label_code != NULL || row->label_name != NULL)
    return new_project (self, row->label_code != NULL ? row->label_code : "",
                        row->label_name != NULL ? row->label_name : "");
  if ((project = find_project (self, row->sheet, row->sheet)) != NULL)
    return found (self, project, JX_IMPORT_MATCH_SHEET);
  if (g_list_model_get_n_items (projects) == 1)
    {
      g_autoptr(JxProject) only = g_list_model_get_item (projects, 0);

      return found (self, only, JX_IMPORT_MATCH_ONLY);
    }
  /* A document without projects: the sheet is one, named like it. */
  if (g_list_model_get_n_items (projects) == 0)
    return new_project (self, "", row->sheet);
  return NULL;
}

/* ---- Which indicator ---- */

/* Names compare without their spaces and with full-width forms plain. */
static gboolean
same_name (JxIndicator *indicator, const char *name)
{
  g_autofree char *a = jx_value_normalize (jx_indicator_get_name (indicator));
  g_autofree char *b = jx_value_normalize (name);

  return g_str_equal (a, b);
}

static gboolean
same_row (JxIndicator *indicator, const JxSheetRow *row)
{
  return g_str_equal (jx_indicator_get_level1 (indicator), row->level1) &&
         g_str_equal (jx_indicator_get_level2 (indicator), row->level2) &&
         g_str_equal (jx_indicator_get_name (indicator), row->name) &&
         g_str_equal (jx_indicator_get_value (indicator), row->value) &&
         (!row->has_description ||
          g_str_equal (jx_indicator_get_description (indicator), row->description)) &&
         (!row->has_basis || g_str_equal (jx_indicator_get_basis (indicator), row->basis));
}

/* The project's indicator of the row's 三级指标 that no earlier row took,
 * preferring one under the same categories. */
static JxIndicator *
match_indicator (PlanProject *p, const JxSheetRow *row, GHashTable *taken)
{
  GListModel *indicators = jx_project_get_indicators (p->project);
  JxIndicator *first = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(JxIndicator) indicator = g_list_model_get_item (indicators, i);

      if (g_hash_table_contains (taken, indicator) || !same_name (indicator, row->name))
        continue;
      if (g_str_equal (jx_indicator_get_level1 (indicator), row->level1) &&
          g_str_equal (jx_indicator_get_level2 (indicator), row->level2))
        return indicator;
      if (first == NULL)
        first = indicator;
    }
  return first;
}

static void
add_row (PlanProject *p, JxSheetRow *row, GHashTable *taken)
{
  PlanRow planned = { row, JX_IMPORT_ROW_ADD, NULL };
  JxIndicator *target = p->match == JX_IMPORT_MATCH_NEW ? NULL : match_indicator (p, row, taken);

  if (target != NULL)
    {
      g_hash_table_add (taken, target);
      planned.target = g_object_ref (target);
      planned.action = same_row (target, row) ? JX_IMPORT_ROW_SAME : JX_IMPORT_ROW_REPLACE;
    }
  g_array_append_val (p->rows, planned);
}

/* A document file holds at most so many indicators a project and so many
 * projects (jx-document-io.h): an import past them could not be saved. */
static gboolean
within_limits (JxImportPlan *self, GError **error)
{
  guint n_projects = g_list_model_get_n_items (jx_document_get_projects (self->document));

  for (guint i = 0; i < self->projects->len; i++)
    {
      PlanProject *p = g_ptr_array_index (self->projects, i);
      guint n = g_list_model_get_n_items (jx_project_get_indicators (p->project));

      for (guint j = 0; j < p->rows->len; j++)
        n += g_array_index (p->rows, PlanRow, j).action == JX_IMPORT_ROW_ADD;
      n_projects += p->match == JX_IMPORT_MATCH_NEW;
      if (n > JX_MAX_ROWS)
        {
          g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_TOO_LARGE,
                       _("Project “%s” would have %u indicators after the import, and a project "
                         "can have at most %u. Import fewer rows into it."),
                       jx_project_get_name (p->project)[0] != '\0' ? jx_project_get_name (p->project)
                                                                   : jx_project_get_code (p->project),
                       n, JX_MAX_ROWS);
          return FALSE;
        }
    }
  if (n_projects > JX_MAX_PROJECTS)
    {
      g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_TOO_LARGE,
                   _("The document would have %u projects after the import, and it can have at "
                     "most %u."), n_projects, JX_MAX_PROJECTS);
      return FALSE;
    }
  return TRUE;
}

static gboolean
make_plan (JxImportPlan *self, GError **error)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < self->data.rows->len; i++)
    {
      JxSheetRow *row = g_ptr_array_index (self->data.rows, i);
      PlanProject *p = resolve (self, row);

      if (p == NULL)
        {
          jx_import_report_add (self->data.skipped, row->place,
                                _("the row names no project (no 项目编码 or 项目名称 in it or "
                                  "above the header, and no project is named like the sheet), "
                                  "and the document has several: the row is left out"));
          continue;
        }
      add_row (p, row, taken);
    }
  return within_limits (self, error);
}

JxImportPlan *
jx_import_plan_new_from_data (JxSheetData  *data,
                              JxDocument   *document,
                              GError      **error)
{
  JxImportPlan *self = g_new0 (JxImportPlan, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->document = g_object_ref (document);
  self->data = *data;
  memset (data, 0, sizeof *data);
  self->projects = g_ptr_array_new_with_free_func (plan_project_free);
  self->by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->planned = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (jx_document_get_projects (document)); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (jx_document_get_projects (document), i);

      index_project (self, project);
    }
  if (!make_plan (self, error))
    g_clear_pointer (&self, jx_import_plan_unref);
  return self;
}

/* ---- Applying ---- */

static GHashTable *
items_of (GListModel *list)
{
  GHashTable *items = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_hash_table_add (items, g_list_model_get_item (list, i));
  return items;
}

/* Everything the plan replaces is still where it was. */
static gboolean
still_valid (JxImportPlan *self, GError **error)
{
  g_autoptr(GHashTable) projects = items_of (jx_document_get_projects (self->document));

  for (guint i = 0; i < self->projects->len; i++)
    {
      PlanProject *p = g_ptr_array_index (self->projects, i);
      g_autoptr(GHashTable) indicators = NULL;

      if (p->match == JX_IMPORT_MATCH_NEW)
        continue;
      if (!g_hash_table_contains (projects, p->project))
        goto changed;
      indicators = items_of (jx_project_get_indicators (p->project));
      for (guint j = 0; j < p->rows->len; j++)
        {
          PlanRow *row = &g_array_index (p->rows, PlanRow, j);

          if (row->target != NULL && !g_hash_table_contains (indicators, row->target))
            goto changed;
        }
    }
  return TRUE;

changed:
  g_set_error_literal (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_EMPTY,
                       _("The document changed after the import was prepared: a project or "
                         "indicator it would replace is gone. Import the file again."));
  return FALSE;
}

/* Where new rows go: after the last indicator of the same 一级 and 二级指标,
 * else of the same 一级指标, else at the end — the printed table merges a
 * category's cells only when its rows stand together. The places are kept
 * per category while rows are added (a sheet of many rows would otherwise
 * scan the whole table for each), and found again by one scan after a
 * replaced row changed its categories. */
typedef struct
{
  GListModel *indicators;
  /* "一级\x1f二级" and "一级" → the position after its last indicator. */
  GHashTable *after_both;
  GHashTable *after_level1;
  gboolean    stale;
} Places;

static char *
both_key (const char *level1,
          const char *level2)
{
  return g_strconcat (level1, "\x1f", level2, NULL);
}

static void
places_scan (Places *places)
{
  guint n = g_list_model_get_n_items (places->indicators);

  g_hash_table_remove_all (places->after_both);
  g_hash_table_remove_all (places->after_level1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxIndicator) indicator = g_list_model_get_item (places->indicators, i);
      const char *level1 = jx_indicator_get_level1 (indicator);

      g_hash_table_insert (places->after_both, both_key (level1, jx_indicator_get_level2 (indicator)),
                           GUINT_TO_POINTER (i + 1));
      g_hash_table_insert (places->after_level1, g_strdup (level1), GUINT_TO_POINTER (i + 1));
    }
  places->stale = FALSE;
}

static void
places_init (Places     *places,
             GListModel *indicators)
{
  places->indicators = indicators;
  places->after_both = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  places->after_level1 = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  places->stale = TRUE;
}

static void
places_clear (Places *places)
{
  g_hash_table_unref (places->after_both);
  g_hash_table_unref (places->after_level1);
}

static guint
places_find (Places           *places,
             const JxSheetRow *row)
{
  g_autofree char *key = both_key (row->level1, row->level2);
  gpointer after;

  if (places->stale)
    places_scan (places);
  if ((after = g_hash_table_lookup (places->after_both, key)) != NULL ||
      (after = g_hash_table_lookup (places->after_level1, row->level1)) != NULL)
    return GPOINTER_TO_UINT (after);
  return g_list_model_get_n_items (places->indicators);
}

static void
shift_after (GHashTable *table,
             guint       position)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > position)
      g_hash_table_iter_replace (&iter, GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + 1));
}

/* A row was put at position: what stood there and after moves down one. */
static void
places_inserted (Places           *places,
                 guint             position,
                 const JxSheetRow *row)
{
  guint level1_after;

  shift_after (places->after_both, position);
  shift_after (places->after_level1, position);
  g_hash_table_insert (places->after_both, both_key (row->level1, row->level2),
                       GUINT_TO_POINTER (position + 1));
  level1_after = GPOINTER_TO_UINT (g_hash_table_lookup (places->after_level1, row->level1));
  g_hash_table_insert (places->after_level1, g_strdup (row->level1),
                       GUINT_TO_POINTER (MAX (level1_after, position + 1)));
}

static void
apply_row (PlanProject *p, const PlanRow *planned, Places *places)
{
  const JxSheetRow *row = planned->row;
  GListStore *indicators = G_LIST_STORE (jx_project_get_indicators (p->project));
  g_autoptr(JxIndicator) added = NULL;
  guint position;

  if (planned->action == JX_IMPORT_ROW_SAME)
    return;
  if (planned->action == JX_IMPORT_ROW_REPLACE)
    {
      if (!g_str_equal (jx_indicator_get_level1 (planned->target), row->level1) ||
          !g_str_equal (jx_indicator_get_level2 (planned->target), row->level2))
        places->stale = TRUE;
      jx_indicator_set_level1 (planned->target, row->level1);
      jx_indicator_set_level2 (planned->target, row->level2);
      jx_indicator_set_name (planned->target, row->name);
      jx_indicator_set_value (planned->target, row->value);
      if (row->has_description)
        jx_indicator_set_description (planned->target, row->description);
      if (row->has_basis)
        jx_indicator_set_basis (planned->target, row->basis);
      return;
    }
  added = jx_indicator_new (row->level1, row->level2, row->name, row->description, row->value,
                            row->basis);
  if (p->append)
    {
      g_list_store_append (indicators, added);
      return;
    }
  position = places_find (places, row);
  g_list_store_insert (indicators, position, added);
  places_inserted (places, position, row);
}

static void
apply_project (PlanProject *p)
{
  Places places;

  places_init (&places, jx_project_get_indicators (p->project));
  for (guint j = 0; j < p->rows->len; j++)
    apply_row (p, &g_array_index (p->rows, PlanRow, j), &places);
  places_clear (&places);
}

gboolean
jx_import_plan_apply (JxImportPlan  *self,
                      GError       **error)
{
  GListStore *projects;
  GPtrArray *added;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->applied)
    {
      g_set_error_literal (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_EMPTY,
                           _("This import has been made already."));
      return FALSE;
    }
  if (!still_valid (self, error))
    return FALSE;
  projects = G_LIST_STORE (jx_document_get_projects (self->document));
  added = g_ptr_array_new ();
  /* One user action: the undo history keeps the whole import as one step. */
  jx_document_begin_action (self->document, _("Import Indicators"));
  for (guint i = 0; i < self->projects->len; i++)
    {
      PlanProject *p = g_ptr_array_index (self->projects, i);

      apply_project (p);
      if (p->match == JX_IMPORT_MATCH_NEW)
        g_ptr_array_add (added, p->project);
    }
  /* New projects, filled first, join the document in one change of its
   * list: the document sums its total once, not once a project. */
  g_list_store_splice (projects, g_list_model_get_n_items (G_LIST_MODEL (projects)), 0,
                       added->pdata, added->len);
  jx_document_end_action (self->document);
  g_ptr_array_unref (added);
  self->applied = TRUE;
  return TRUE;
}

/* ---- What the plan says ---- */

JxDocument *
jx_import_plan_get_document (JxImportPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->document;
}

guint
jx_import_plan_get_n_projects (JxImportPlan *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->projects->len;
}

static PlanProject *
get_project (JxImportPlan *self, guint project)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (project < self->projects->len, NULL);
  return g_ptr_array_index (self->projects, project);
}

const char *
jx_import_plan_get_project_code (JxImportPlan *self,
                                 guint         project)
{
  PlanProject *p = get_project (self, project);

  return p != NULL ? jx_project_get_code (p->project) : NULL;
}

const char *
jx_import_plan_get_project_name (JxImportPlan *self,
                                 guint         project)
{
  PlanProject *p = get_project (self, project);

  return p != NULL ? jx_project_get_name (p->project) : NULL;
}

JxImportMatch
jx_import_plan_get_project_match (JxImportPlan *self,
                                  guint         project)
{
  PlanProject *p = get_project (self, project);

  return p != NULL ? p->match : JX_IMPORT_MATCH_NEW;
}

guint
jx_import_plan_get_n_rows (JxImportPlan *self,
                           guint         project)
{
  PlanProject *p = get_project (self, project);

  return p != NULL ? p->rows->len : 0;
}

static PlanRow *
get_row (JxImportPlan *self, guint project, guint row)
{
  PlanProject *p = get_project (self, project);

  g_return_val_if_fail (p != NULL && row < p->rows->len, NULL);
  return &g_array_index (p->rows, PlanRow, row);
}

JxImportRowAction
jx_import_plan_get_row_action (JxImportPlan *self,
                               guint         project,
                               guint         row)
{
  PlanRow *r = get_row (self, project, row);

  return r != NULL ? r->action : JX_IMPORT_ROW_ADD;
}

const char *
jx_import_plan_get_row_place (JxImportPlan *self,
                              guint         project,
                              guint         row)
{
  PlanRow *r = get_row (self, project, row);

  return r != NULL ? r->row->place : NULL;
}

const char *
jx_import_plan_get_row_name (JxImportPlan *self,
                             guint         project,
                             guint         row)
{
  PlanRow *r = get_row (self, project, row);

  return r != NULL ? r->row->name : NULL;
}

static void
describe_field (GString    *text,
                const char *field,
                const char *before,
                const char *after)
{
  if (g_str_equal (before, after))
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  /* TRANSLATORS: a field of an indicator, its value now and the value the import gives it */
  g_string_append_printf (text, _("%s: %s → %s"), field,
                          before[0] != '\0' ? before : _("(empty)"),
                          after[0] != '\0' ? after : _("(empty)"));
}

char *
jx_import_plan_describe_row (JxImportPlan *self,
                             guint         project,
                             guint         row)
{
  PlanRow *r = get_row (self, project, row);
  GString *text;
  JxIndicator *t;

  if (r == NULL)
    return g_strdup ("");
  if (r->action == JX_IMPORT_ROW_ADD)
    /* TRANSLATORS: the 指标值 of an indicator the import adds */
    return g_strdup_printf (_("指标值: %s"), r->row->value[0] != '\0' ? r->row->value : _("(empty)"));
  text = g_string_new (NULL);
  t = r->target;
  if (r->action == JX_IMPORT_ROW_REPLACE)
    {
      describe_field (text, "一级指标", jx_indicator_get_level1 (t), r->row->level1);
      describe_field (text, "二级指标", jx_indicator_get_level2 (t), r->row->level2);
      describe_field (text, "三级指标", jx_indicator_get_name (t), r->row->name);
      describe_field (text, "指标值", jx_indicator_get_value (t), r->row->value);
      if (r->row->has_description)
        describe_field (text, "绩效指标描述", jx_indicator_get_description (t), r->row->description);
      if (r->row->has_basis)
        describe_field (text, "指标值确定依据", jx_indicator_get_basis (t), r->row->basis);
    }
  return g_string_free (text, FALSE);
}

static void
count_project (PlanProject *p, guint counts[3])
{
  for (guint j = 0; j < p->rows->len; j++)
    counts[g_array_index (p->rows, PlanRow, j).action]++;
}

void
jx_import_plan_count (JxImportPlan *self,
                      guint        *added,
                      guint        *replaced,
                      guint        *same)
{
  guint counts[3] = { 0, 0, 0 };

  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->projects->len; i++)
    count_project (g_ptr_array_index (self->projects, i), counts);
  if (added != NULL)
    *added = counts[JX_IMPORT_ROW_ADD];
  if (replaced != NULL)
    *replaced = counts[JX_IMPORT_ROW_REPLACE];
  if (same != NULL)
    *same = counts[JX_IMPORT_ROW_SAME];
}

JxImportReport *
jx_import_plan_get_skipped (JxImportPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->data.skipped;
}

const char *
jx_import_match_describe (JxImportMatch match)
{
  switch (match)
    {
    case JX_IMPORT_MATCH_CODE: return _("found by its 项目编码");
    case JX_IMPORT_MATCH_NAME: return _("found by its 项目名称");
    case JX_IMPORT_MATCH_LABEL: return _("named above the sheet’s header");
    case JX_IMPORT_MATCH_SHEET: return _("named like the sheet");
    case JX_IMPORT_MATCH_ONLY: return _("the document’s only project");
    case JX_IMPORT_MATCH_NEW:
    default: return _("new: it is added");
    }
}

char *
jx_import_plan_to_text (JxImportPlan *self)
{
  GString *text = g_string_new (NULL);
  g_autofree char *skipped = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->projects->len; i++)
    {
      PlanProject *p = g_ptr_array_index (self->projects, i);
      guint counts[3] = { 0, 0, 0 };

      count_project (p, counts);
      /* TRANSLATORS: code, name, how it was found; then the rows: added, replaced, unchanged */
      g_string_append_printf (text, _("%s %s (%s): %u added, %u replaced, %u unchanged\n"),
                              jx_project_get_code (p->project), jx_project_get_name (p->project),
                              jx_import_match_describe (p->match), counts[JX_IMPORT_ROW_ADD],
                              counts[JX_IMPORT_ROW_REPLACE], counts[JX_IMPORT_ROW_SAME]);
    }
  skipped = jx_import_report_to_text (self->data.skipped);
  g_string_append (text, skipped);
  return g_string_free (text, FALSE);
}

/* ---- Making plans ---- */

struct _JxImportRows
{
  JxSheetData data;
};

void
jx_import_rows_free (JxImportRows *rows)
{
  if (rows == NULL)
    return;
  jx_sheet_data_clear (&rows->data);
  g_free (rows);
}

JxImportRows *
jx_import_rows_read (const char    *path,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JxImportRows) rows = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  bytes = jx_import_read_file (path, error);
  if (bytes == NULL || !jx_import_check_sheet (bytes, cancellable, error))
    return NULL;
  rows = g_new0 (JxImportRows, 1);
  jx_sheet_data_init (&rows->data, FALSE);
  if (!jx_sheet_data_read (&rows->data, bytes, path, cancellable, error))
    return NULL;
  if (rows->data.rows->len == 0)
    {
      g_set_error_literal (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_EMPTY,
                           _("The file has no indicator rows to import."));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

JxImportPlan *
jx_import_plan_new_for_rows (JxImportRows  *rows,
                             JxDocument    *document,
                             GError       **error)
{
  g_autoptr(JxImportRows) owned = rows;

  g_return_val_if_fail (rows != NULL, NULL);
  g_return_val_if_fail (JX_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return jx_import_plan_new_from_data (&owned->data, document, error);
}

JxImportPlan *
jx_import_plan_new (const char  *path,
                    JxDocument  *document,
                    GError     **error)
{
  JxImportRows *rows;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (JX_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rows = jx_import_rows_read (path, NULL, error);
  return rows != NULL ? jx_import_plan_new_for_rows (rows, document, error) : NULL;
}

JxDocument *
jx_sheet_import_document (JxSheetData     *data,
                          JxImportReport  *report,
                          GError         **error)
{
  g_autoptr(JxDocument) document = g_object_ref (data->document);
  g_autoptr(JxImportPlan) plan = jx_import_plan_new_from_data (data, document, error);
  JxImportReport *skipped;

  if (plan == NULL || !jx_import_plan_apply (plan, error))
    return NULL;
  skipped = jx_import_plan_get_skipped (plan);
  for (guint i = 0; report != NULL && i < jx_import_report_get_n_notes (skipped); i++)
    jx_import_report_add (report, jx_import_report_get_place (skipped, i), "%s",
                          jx_import_report_get_text (skipped, i));
  return g_steal_pointer (&document);
}
