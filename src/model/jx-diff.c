/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jx-change-private.h"
#include "jx-checkpoint.h"
#include "jx-checks.h"
#include "jx-diff-match.h"
#include "jx-diff-private.h"
#include "jx-indicator.h"
#include "jx-measure.h"
#include "jx-member-path.h"
#include "jx-stage.h"
#include "jx-text-item.h"
#include "jx-year-text.h"

G_DEFINE_FINAL_TYPE (JxDiff, jx_diff, G_TYPE_OBJECT)

static void
jx_diff_dispose (GObject *object)
{
  JxDiff *self = JX_DIFF (object);

  g_clear_object (&self->old_document);
  g_clear_object (&self->new_document);
  g_clear_object (&self->changes);
  G_OBJECT_CLASS (jx_diff_parent_class)->dispose (object);
}

static void
jx_diff_class_init (JxDiffClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jx_diff_dispose;
}

static void
jx_diff_init (JxDiff *self)
{
  self->changes = g_list_store_new (JX_TYPE_CHANGE);
}

/* ---- the state of one comparison ---- */

typedef struct
{
  JxDiff     *self;
  JxDocument *old;
  JxDocument *new;
  guint       from, to;   /* the two budget years */
  GPtrArray  *out;        /* JxChange, in reading order */
  GPtrArray  *old_projects;
  GPtrArray  *new_projects;
} Cmp;

/* The old text as it reads in the new year: the years that name the
 * budget year moved along. NULL when that is the text itself. */
static char *
as_new_year (Cmp *c, const char *text)
{
  return c->from == c->to ? NULL : jx_year_text_shift (text, c->from, c->to, NULL);
}

/* Equal, or equal once the old text's budget years are moved along;
 * *compared receives that moved text when there is one. */
static gboolean
same_text (Cmp *c, const char *old_text, const char *new_text, char **compared)
{
  *compared = NULL;
  if (strcmp (old_text, new_text) == 0)
    return TRUE;
  *compared = as_new_year (c, old_text);
  return *compared != NULL && strcmp (*compared, new_text) == 0;
}

/* A key to match items by: the text as it reads in the new year. */
static char *
old_key (Cmp *c, const char *text)
{
  char *moved = as_new_year (c, text);

  return moved != NULL ? moved : g_strdup (text);
}

static JxChange *
add (Cmp *c, JxChangeSection section, JxChangeKind kind, JxChangeItem item)
{
  JxChange *change = jx_change_new (section, kind, item);

  g_ptr_array_add (c->out, change);
  return change;
}

/* "project 3 “…”: indicator 2 “…”", numbered as in the new version when
 * the project is there; the inner part from the version that has it. */
static char *
describe (Cmp *c, int old_project, int new_project, JxDocument *inner, const char *path)
{
  g_autoptr(JxMemberPath) parsed = jx_member_path_parse (path);
  g_autofree char *head = NULL;
  JxProject *project;

  if (old_project < 0 && new_project < 0)
    return jx_change_describe_path (inner, path);
  if (new_project >= 0)
    {
      g_autoptr(JxMemberPath) at = jx_member_path_new_in_project (new_project, NULL, -1, NULL);

      head = jx_member_path_describe (at, c->new);
    }
  else
    {
      project = g_ptr_array_index (c->old_projects, old_project);
      /* TRANSLATORS: a project only the older version has, by its place
       * there and its name, e.g. 原项目2「旧名称」 */
      head = g_strdup_printf (C_("place", "Former project %d “%s”"), old_project + 1,
                              jx_project_get_name (project));
    }
  if (parsed == NULL || jx_member_path_get_length (parsed) < 2)
    return g_steal_pointer (&head);
  return jx_member_path_describe_with_project (parsed, head, inner);
}

static void
set_paths (JxChange *change, const char *old_path, const char *new_path)
{
  change->old_path = g_strdup (old_path);
  change->new_path = g_strdup (new_path);
}

/* One text in both versions: a change when they differ. */
static void
compare_text (Cmp *c, JxChangeSection section, JxChangeItem item, const char *member,
              int old_project, int new_project, const char *old_path, const char *new_path,
              const char *old_text, const char *new_text)
{
  g_autofree char *compared = NULL;
  JxChange *change;

  if (same_text (c, old_text, new_text, &compared))
    return;
  change = add (c, section, JX_CHANGE_CHANGED, item);
  change->member = member;
  change->old_project = old_project;
  change->new_project = new_project;
  set_paths (change, old_path, new_path);
  change->place = describe (c, old_project, new_project, c->new, new_path);
  jx_change_set_texts (change, old_text, new_text, compared);
}

/* An item that is in one version only, or moved: its text on each side. */
static JxChange *
add_item (Cmp *c, JxChangeSection section, JxChangeKind kind, JxChangeItem item,
          int old_project, int new_project, const char *old_path, const char *new_path,
          const char *old_text, const char *new_text)
{
  JxChange *change = add (c, section, kind, item);

  change->old_project = old_project;
  change->new_project = new_project;
  set_paths (change, old_path, new_path);
  change->place = new_path != NULL ? describe (c, old_project, new_project, c->new, new_path)
                                   : describe (c, old_project, new_project, c->old, old_path);
  if (kind == JX_CHANGE_MOVED)
    {
      change->old_text = g_strdup (old_text);
      change->new_text = g_strdup (new_text);
    }
  else
    jx_change_set_texts (change, old_text, new_text, NULL);
  return change;
}

/* Calls emit for each item in reading order: the new list's order, with
 * what was removed where it stood before. */
typedef void (*EmitFunc) (Cmp *c, int old_index, int new_index, JxMatchHow how, gpointer data);

static void
walk_match (Cmp *c, JxMatch *match, EmitFunc emit, gpointer data)
{
  guint next_old = 0;

  for (guint j = 0; j < match->n_new; j++)
    {
      int i = match->new_to_old[j];

      if (i >= 0 && match->new_how[j] != JX_MATCH_MOVED)
        {
          for (; next_old < (guint) i; next_old++)
            if (match->old_to_new[next_old] < 0)
              emit (c, (int) next_old, -1, JX_MATCH_NONE, data);
          next_old = (guint) i + 1;
        }
      emit (c, i, (int) j, i >= 0 ? match->new_how[j] : JX_MATCH_NONE, data);
    }
  for (; next_old < match->n_old; next_old++)
    if (match->old_to_new[next_old] < 0)
      emit (c, (int) next_old, -1, JX_MATCH_NONE, data);
}

/* Matches two lists by keys (old keys as they read in the new year). */
static JxMatch *
match_lists (GPtrArray *old_keys, GPtrArray *new_keys, gboolean fill)
{
  JxMatch *match = jx_match_new (old_keys->len, new_keys->len);

  jx_match_by_key (match, (const char * const *) old_keys->pdata,
                   (const char * const *) new_keys->pdata);
  jx_match_find_moves (match);
  if (fill)
    jx_match_fill_gaps (match);
  return match;
}

static GPtrArray *
text_keys (Cmp *c, GListModel *items, gboolean old_side)
{
  GPtrArray *keys = g_ptr_array_new_full (g_list_model_get_n_items (items), g_free);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(JxTextItem) item = g_list_model_get_item (items, i);
      const char *text = jx_text_item_get_text (item);

      g_ptr_array_add (keys, old_side ? old_key (c, text) : g_strdup (text));
    }
  return keys;
}

/* ---- lists of texts: Part 1 points, goals ---- */

typedef struct
{
  JxChangeSection section;
  JxChangeItem    item;
  int             old_project;
  int             new_project;
  GListModel     *old_items;
  GListModel     *new_items;
  const char     *old_prefix;   /* "projects[3].goals", "overall.points" */
  const char     *new_prefix;
} TextList;

static const char *
text_at (GListModel *items, int index)
{
  g_autoptr(JxTextItem) item = index >= 0 ? g_list_model_get_item (items, index) : NULL;

  /* The list keeps the item, and the item its text. */
  return item != NULL ? jx_text_item_get_text (item) : NULL;
}

static void
emit_text_item (Cmp *c, int i, int j, JxMatchHow how, gpointer data)
{
  TextList *list = data;
  g_autofree char *old_path = NULL;
  g_autofree char *new_path = NULL;
  const char *old_text, *new_text;
  JxChange *change;

  if (how == JX_MATCH_KEPT)
    return;
  old_path = i >= 0 ? g_strdup_printf ("%s[%d]", list->old_prefix, i) : NULL;
  new_path = j >= 0 ? g_strdup_printf ("%s[%d]", list->new_prefix, j) : NULL;
  old_text = text_at (list->old_items, i);
  new_text = text_at (list->new_items, j);
  if (how == JX_MATCH_CHANGED)
    {
      compare_text (c, list->section, list->item, NULL, list->old_project, list->new_project,
                    old_path, new_path, old_text, new_text);
      return;
    }
  change = add_item (c, list->section,
                     how == JX_MATCH_MOVED ? JX_CHANGE_MOVED
                     : j >= 0 ? JX_CHANGE_ADDED : JX_CHANGE_REMOVED,
                     list->item, list->old_project, list->new_project, old_path, new_path,
                     old_text, new_text);
  change->old_position = i;
  change->new_position = j;
}

static void
compare_text_list (Cmp *c, TextList *list)
{
  g_autoptr(GPtrArray) old_keys = text_keys (c, list->old_items, TRUE);
  g_autoptr(GPtrArray) new_keys = text_keys (c, list->new_items, FALSE);
  g_autoptr(JxMatch) match = match_lists (old_keys, new_keys, TRUE);

  walk_match (c, match, emit_text_item, list);
}

/* ---- the cover ---- */

static void
compare_cover (Cmp *c)
{
  JxDepartment *o = jx_document_get_department (c->old);
  JxDepartment *n = jx_document_get_department (c->new);
  const struct { const char *member; const char *path; const char *a, *b; } fields[] = {
    { "title", "title", jx_document_get_title (c->old), jx_document_get_title (c->new) },
    { "money_unit", "money_unit", jx_document_get_money_unit (c->old),
      jx_document_get_money_unit (c->new) },
    { "name", "department.name", jx_department_get_name (o), jx_department_get_name (n) },
    { "unit_code", "department.unit_code", jx_department_get_unit_code (o),
      jx_department_get_unit_code (n) },
    { "unit_name", "department.unit_name", jx_department_get_unit_name (o),
      jx_department_get_unit_name (n) },
    { "compiler", "department.compiler", jx_department_get_compiler (o),
      jx_department_get_compiler (n) },
    { "reviewer", "department.reviewer", jx_department_get_reviewer (o),
      jx_department_get_reviewer (n) },
  };

  if (c->from != c->to)
    {
      JxChange *year = add (c, JX_CHANGE_SECTION_COVER, JX_CHANGE_CHANGED, JX_CHANGE_ITEM_YEAR);

      year->member = "year";
      set_paths (year, "year", "year");
      year->place = jx_change_describe_path (c->new, "year");
      year->old_text = g_strdup_printf ("%u", c->from);
      year->new_text = g_strdup_printf ("%u", c->to);
    }
  if (jx_document_get_draft (c->old) != jx_document_get_draft (c->new))
    {
      JxChange *draft = add (c, JX_CHANGE_SECTION_COVER, JX_CHANGE_CHANGED, JX_CHANGE_ITEM_FIELD);

      draft->member = "draft";
      set_paths (draft, "draft", "draft");
      draft->place = jx_change_describe_path (c->new, "draft");
      draft->old_text = g_strdup (jx_document_get_draft (c->old) ? _("yes") : _("no"));
      draft->new_text = g_strdup (jx_document_get_draft (c->new) ? _("yes") : _("no"));
    }
  compare_text (c, JX_CHANGE_SECTION_COVER, JX_CHANGE_ITEM_FIELD, "stage", -1, -1, "stage",
                "stage", jx_stage_to_label (jx_document_get_stage (c->old)),
                jx_stage_to_label (jx_document_get_stage (c->new)));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    compare_text (c, JX_CHANGE_SECTION_COVER, JX_CHANGE_ITEM_FIELD, fields[i].member, -1, -1,
                  fields[i].path, fields[i].path, fields[i].a, fields[i].b);
}

/* ---- Part 1 ---- */

static char *
measure_text (JxMeasure *measure)
{
  return g_strconcat (jx_measure_get_heading (measure), jx_measure_get_body (measure), NULL);
}

static GPtrArray *
measure_keys (Cmp *c, GListModel *measures, gboolean old_side)
{
  GPtrArray *keys = g_ptr_array_new_full (g_list_model_get_n_items (measures), g_free);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(JxMeasure) measure = g_list_model_get_item (measures, i);
      g_autofree char *key = g_strjoin ("\x1f", jx_measure_get_heading (measure),
                                        jx_measure_get_body (measure), NULL);

      g_ptr_array_add (keys, old_side ? old_key (c, key) : g_steal_pointer (&key));
    }
  return keys;
}

static void
emit_measure (Cmp *c, int i, int j, JxMatchHow how, gpointer data)
{
  g_autoptr(JxMeasure) o = NULL;
  g_autoptr(JxMeasure) n = NULL;
  g_autofree char *old_path = NULL, *new_path = NULL;
  g_autofree char *old_text = NULL, *new_text = NULL;
  JxChange *change;

  if (how == JX_MATCH_KEPT)
    return;
  o = i >= 0 ? g_list_model_get_item (jx_document_get_measures (c->old), i) : NULL;
  n = j >= 0 ? g_list_model_get_item (jx_document_get_measures (c->new), j) : NULL;
  old_path = i >= 0 ? g_strdup_printf ("measures[%d]", i) : NULL;
  new_path = j >= 0 ? g_strdup_printf ("measures[%d]", j) : NULL;
  old_text = o != NULL ? measure_text (o) : NULL;
  new_text = n != NULL ? measure_text (n) : NULL;
  if (how == JX_MATCH_CHANGED)
    {
      g_autofree char *old_heading = g_strconcat (old_path, ".heading", NULL);
      g_autofree char *new_heading = g_strconcat (new_path, ".heading", NULL);
      g_autofree char *old_body = g_strconcat (old_path, ".body", NULL);
      g_autofree char *new_body = g_strconcat (new_path, ".body", NULL);

      compare_text (c, JX_CHANGE_SECTION_PART1, JX_CHANGE_ITEM_PARAGRAPH, "heading", -1, -1,
                    old_heading, new_heading, jx_measure_get_heading (o), jx_measure_get_heading (n));
      compare_text (c, JX_CHANGE_SECTION_PART1, JX_CHANGE_ITEM_PARAGRAPH, "body", -1, -1,
                    old_body, new_body, jx_measure_get_body (o), jx_measure_get_body (n));
      return;
    }
  change = add_item (c, JX_CHANGE_SECTION_PART1,
                     how == JX_MATCH_MOVED ? JX_CHANGE_MOVED
                     : j >= 0 ? JX_CHANGE_ADDED : JX_CHANGE_REMOVED,
                     JX_CHANGE_ITEM_PARAGRAPH, -1, -1, old_path, new_path, old_text, new_text);
  change->old_position = i;
  change->new_position = j;
}

static void
compare_overview (Cmp *c, int i, int j, JxMatchHow how, gpointer data)
{
  static const char * const members[] = { "description", "goal", "indicator_summary" };
  JxProject *o, *n;

  if (i < 0 || j < 0)
    return;
  o = g_ptr_array_index (c->old_projects, i);
  n = g_ptr_array_index (c->new_projects, j);
  for (guint k = 0; k < G_N_ELEMENTS (members); k++)
    {
      g_autofree char *old_path = NULL, *new_path = NULL;
      const char *texts[2][3] = {
        { jx_project_get_overview_description (o), jx_project_get_overview_goal (o),
          jx_project_get_overview_indicator_summary (o) },
        { jx_project_get_overview_description (n), jx_project_get_overview_goal (n),
          jx_project_get_overview_indicator_summary (n) },
      };

      /* Equal as written is equal in any year: no paths to build. */
      if (strcmp (texts[0][k], texts[1][k]) == 0)
        continue;
      old_path = g_strdup_printf ("projects[%d].overview.%s", i, members[k]);
      new_path = g_strdup_printf ("projects[%d].overview.%s", j, members[k]);
      compare_text (c, JX_CHANGE_SECTION_PART1, JX_CHANGE_ITEM_PARAGRAPH, members[k], i, j,
                    old_path, new_path, texts[0][k], texts[1][k]);
    }
}

static void
compare_part1 (Cmp *c, JxMatch *projects)
{
  TextList points = { JX_CHANGE_SECTION_PART1, JX_CHANGE_ITEM_PARAGRAPH, -1, -1,
                      jx_document_get_points (c->old), jx_document_get_points (c->new),
                      "overall.points", "overall.points" };
  g_autoptr(GPtrArray) old_keys = measure_keys (c, jx_document_get_measures (c->old), TRUE);
  g_autoptr(GPtrArray) new_keys = measure_keys (c, jx_document_get_measures (c->new), FALSE);
  g_autoptr(JxMatch) measures = match_lists (old_keys, new_keys, TRUE);

  compare_text (c, JX_CHANGE_SECTION_PART1, JX_CHANGE_ITEM_PARAGRAPH, "summary", -1, -1,
                "overall.summary", "overall.summary", jx_document_get_summary (c->old),
                jx_document_get_summary (c->new));
  compare_text_list (c, &points);
  /* 二、分项绩效目标 is printed project by project. */
  walk_match (c, projects, compare_overview, NULL);
  walk_match (c, measures, emit_measure, NULL);
}

/* ---- Part 2 ---- */

static GPtrArray *
projects_of (JxDocument *document)
{
  GListModel *projects = jx_document_get_projects (document);
  GPtrArray *array = g_ptr_array_new_full (g_list_model_get_n_items (projects), g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    g_ptr_array_add (array, g_list_model_get_item (projects, i));
  return array;
}

/* Between two years, a code with its year segment set to the new year's:
 * the finance system's new codes match last year's. */
static char *
code_key (Cmp *c, const char *code)
{
  char *key = g_strdup (code);
  guint year = c->to;

  if (c->from != c->to && jx_year_code_segment (code) >= 0)
    {
      key[6] = (char) ('0' + year / 10 % 10);
      key[7] = (char) ('0' + year % 10);
    }
  return key;
}

static gboolean
codes_differ_by_year_only (Cmp *c, const char *old_code, const char *new_code)
{
  g_autofree char *key = NULL;

  if (c->from == c->to || jx_year_code_segment (old_code) != (int) (c->from % 100) ||
      jx_year_code_segment (new_code) != (int) (c->to % 100))
    return FALSE;
  key = code_key (c, old_code);
  return strcmp (key, new_code) == 0;
}

static JxMatch *
match_projects (Cmp *c)
{
  g_autoptr(GPtrArray) old_codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) new_codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) old_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) new_names = g_ptr_array_new_with_free_func (g_free);
  JxMatch *match = jx_match_new (c->old_projects->len, c->new_projects->len);

  for (guint i = 0; i < c->old_projects->len; i++)
    {
      JxProject *p = g_ptr_array_index (c->old_projects, i);
      const char *code = jx_project_get_code (p);

      g_ptr_array_add (old_codes, code[0] != '\0' ? code_key (c, code) : NULL);
      g_ptr_array_add (old_names, jx_project_get_name (p)[0] != '\0'
                                  ? old_key (c, jx_project_get_name (p)) : NULL);
    }
  for (guint j = 0; j < c->new_projects->len; j++)
    {
      JxProject *p = g_ptr_array_index (c->new_projects, j);
      const char *code = jx_project_get_code (p);

      g_ptr_array_add (new_codes, code[0] != '\0' ? code_key (c, code) : NULL);
      g_ptr_array_add (new_names, jx_project_get_name (p)[0] != '\0'
                                  ? g_strdup (jx_project_get_name (p)) : NULL);
    }
  jx_match_by_key (match, (const char * const *) old_codes->pdata,
                   (const char * const *) new_codes->pdata);
  jx_match_by_key (match, (const char * const *) old_names->pdata,
                   (const char * const *) new_names->pdata);
  jx_match_find_moves (match);
  return match;
}

static void
compare_funds (Cmp *c, JxProject *o, JxProject *n, int i, int j)
{
  JxChange *change;

  if (jx_project_get_fiscal (o) == jx_project_get_fiscal (n) &&
      jx_project_get_other (o) == jx_project_get_other (n))
    return;
  change = add (c, JX_CHANGE_SECTION_PROJECTS, JX_CHANGE_CHANGED, JX_CHANGE_ITEM_FUNDS);
  change->member = "funds";
  change->old_project = i;
  change->new_project = j;
  change->old_path = g_strdup_printf ("projects[%d].funds", i);
  change->new_path = g_strdup_printf ("projects[%d].funds", j);
  change->place = describe (c, i, j, c->new, change->new_path);
  change->old_funds[JX_FUNDS_FISCAL] = jx_project_get_fiscal (o);
  change->old_funds[JX_FUNDS_OTHER] = jx_project_get_other (o);
  change->old_funds[JX_FUNDS_TOTAL] = jx_project_get_total (o);
  change->new_funds[JX_FUNDS_FISCAL] = jx_project_get_fiscal (n);
  change->new_funds[JX_FUNDS_OTHER] = jx_project_get_other (n);
  change->new_funds[JX_FUNDS_TOTAL] = jx_project_get_total (n);
  change->money_unit = g_strdup (jx_document_get_money_unit (c->new));
}

static int
find_month (GListModel *plan, guint month, double *percent)
{
  for (guint k = 0; k < g_list_model_get_n_items (plan); k++)
    {
      g_autoptr(JxCheckpoint) point = g_list_model_get_item (plan, k);

      if (jx_checkpoint_get_month (point) == month)
        {
          *percent = jx_checkpoint_get_percent (point);
          return (int) k;
        }
    }
  return -1;
}

static void
compare_month (Cmp *c, GListModel *old_plan, GListModel *new_plan, guint month, int i, int j)
{
  double a = 0, b = 0;
  int x = find_month (old_plan, month, &a);
  int y = find_month (new_plan, month, &b);
  JxChange *change;
  g_autofree char *head = NULL;
  g_autofree char *month_name = NULL;

  if (x >= 0 && y >= 0 && a == b)
    return;
  change = add (c, JX_CHANGE_SECTION_PROJECTS,
                x < 0 ? JX_CHANGE_ADDED : y < 0 ? JX_CHANGE_REMOVED : JX_CHANGE_CHANGED,
                JX_CHANGE_ITEM_PLAN);
  change->member = "percent";
  change->old_project = i;
  change->new_project = j;
  change->old_position = x;
  change->new_position = y;
  if (x >= 0)
    change->old_path = g_strdup_printf ("projects[%d].spending_plan[%d]", i, x);
  if (y >= 0)
    change->new_path = g_strdup_printf ("projects[%d].spending_plan[%d]", j, y);
  head = describe (c, i, j, c->new, "projects[0].spending_plan");
  month_name = jx_checkpoint_describe_month (month);
  /* "项目2「…」· 资金支出计划 · 6月底", the month as the form names it. */
  change->place = g_strdup_printf ("%s · %s", head, month_name);
  change->old_text = x >= 0 ? g_strdup_printf ("%g%%", a) : NULL;
  change->new_text = y >= 0 ? g_strdup_printf ("%g%%", b) : NULL;
}

static void
compare_plan (Cmp *c, JxProject *o, JxProject *n, int i, int j)
{
  GListModel *old_plan = jx_project_get_spending_plan (o);
  GListModel *new_plan = jx_project_get_spending_plan (n);
  guint32 months = 0;

  for (guint k = 0; k < g_list_model_get_n_items (old_plan); k++)
    {
      g_autoptr(JxCheckpoint) point = g_list_model_get_item (old_plan, k);

      months |= 1u << MIN (jx_checkpoint_get_month (point), 31);
    }
  for (guint k = 0; k < g_list_model_get_n_items (new_plan); k++)
    {
      g_autoptr(JxCheckpoint) point = g_list_model_get_item (new_plan, k);

      months |= 1u << MIN (jx_checkpoint_get_month (point), 31);
    }
  for (guint month = 1; month <= 12; month++)
    if (months & (1u << month))
      compare_month (c, old_plan, new_plan, month, i, j);
}

/* The project itself: renamed (matched by code), a new code (matched by
 * name), moved in the list. */
static void
compare_identity (Cmp *c, JxProject *o, JxProject *n, int i, int j, JxMatchHow how)
{
  g_autofree char *old_path = g_strdup_printf ("projects[%d]", i);
  g_autofree char *new_path = g_strdup_printf ("projects[%d]", j);
  const char *old_code = jx_project_get_code (o), *new_code = jx_project_get_code (n);
  g_autofree char *compared = NULL;
  JxChange *change;

  if (!same_text (c, jx_project_get_name (o), jx_project_get_name (n), &compared))
    {
      change = add (c, JX_CHANGE_SECTION_PROJECTS, JX_CHANGE_RENAMED, JX_CHANGE_ITEM_PROJECT);
      change->member = "name";
      change->old_project = i;
      change->new_project = j;
      change->old_path = g_strconcat (old_path, ".name", NULL);
      change->new_path = g_strconcat (new_path, ".name", NULL);
      change->place = describe (c, i, j, c->new, new_path);
      jx_change_set_texts (change, jx_project_get_name (o), jx_project_get_name (n), compared);
    }
  if (strcmp (old_code, new_code) != 0 && !codes_differ_by_year_only (c, old_code, new_code))
    {
      change = add (c, JX_CHANGE_SECTION_PROJECTS, JX_CHANGE_CHANGED, JX_CHANGE_ITEM_PROJECT);
      change->member = "code";
      change->old_project = i;
      change->new_project = j;
      change->old_path = g_strconcat (old_path, ".code", NULL);
      change->new_path = g_strconcat (new_path, ".code", NULL);
      change->place = describe (c, i, j, c->new, change->new_path);
      jx_change_set_texts (change, old_code, new_code, NULL);
    }
  if (how == JX_MATCH_MOVED)
    {
      change = add_item (c, JX_CHANGE_SECTION_PROJECTS, JX_CHANGE_MOVED, JX_CHANGE_ITEM_PROJECT,
                         i, j, old_path, new_path, jx_project_get_name (o), jx_project_get_name (n));
      change->old_position = i;
      change->new_position = j;
    }
}

/* ---- indicator rows ---- */

typedef struct
{
  JxProject *old_project;
  JxProject *new_project;
  int        i, j;
} Rows;

static char *
row_text (JxIndicator *row)
{
  return g_strdup_printf ("%s / %s / %s：%s", jx_indicator_get_level1 (row),
                          jx_indicator_get_level2 (row), jx_indicator_get_name (row),
                          jx_indicator_get_value (row));
}

static GPtrArray *
row_keys (Cmp *c, GListModel *rows, gboolean old_side)
{
  GPtrArray *keys = g_ptr_array_new_full (g_list_model_get_n_items (rows), g_free);

  for (guint k = 0; k < g_list_model_get_n_items (rows); k++)
    {
      g_autoptr(JxIndicator) row = g_list_model_get_item (rows, k);
      g_autofree char *key = g_strjoin ("\x1f", jx_indicator_get_level1 (row),
                                        jx_indicator_get_level2 (row),
                                        jx_indicator_get_name (row), NULL);

      g_ptr_array_add (keys, old_side ? old_key (c, key) : g_steal_pointer (&key));
    }
  return keys;
}

static void
compare_cells (Cmp *c, Rows *rows, JxIndicator *o, JxIndicator *n, int x, int y)
{
  static const char * const members[] = { "level1", "level2", "name", "description", "value",
                                          "basis" };
  const char *a[] = { jx_indicator_get_level1 (o), jx_indicator_get_level2 (o),
                      jx_indicator_get_name (o), jx_indicator_get_description (o),
                      jx_indicator_get_value (o), jx_indicator_get_basis (o) };
  const char *b[] = { jx_indicator_get_level1 (n), jx_indicator_get_level2 (n),
                      jx_indicator_get_name (n), jx_indicator_get_description (n),
                      jx_indicator_get_value (n), jx_indicator_get_basis (n) };

  for (guint k = 0; k < G_N_ELEMENTS (members); k++)
    {
      g_autofree char *old_path = NULL, *new_path = NULL;
      guint before = c->out->len;

      if (strcmp (a[k], b[k]) == 0)
        continue;
      old_path = g_strdup_printf ("projects[%d].indicators[%d].%s", rows->i, x, members[k]);
      new_path = g_strdup_printf ("projects[%d].indicators[%d].%s", rows->j, y, members[k]);

      compare_text (c, JX_CHANGE_SECTION_PROJECTS, JX_CHANGE_ITEM_CELL, members[k], rows->i,
                    rows->j, old_path, new_path, a[k], b[k]);
      if (c->out->len > before)
        {
          JxChange *change = g_ptr_array_index (c->out, before);

          change->old_position = x;
          change->new_position = y;
        }
    }
}

static void
emit_row (Cmp *c, int x, int y, JxMatchHow how, gpointer data)
{
  Rows *rows = data;
  g_autoptr(JxIndicator) o = x >= 0 ? g_list_model_get_item (
    jx_project_get_indicators (rows->old_project), x) : NULL;
  g_autoptr(JxIndicator) n = y >= 0 ? g_list_model_get_item (
    jx_project_get_indicators (rows->new_project), y) : NULL;

  if (how == JX_MATCH_MOVED || how == JX_MATCH_NONE)
    {
      g_autofree char *old_path = x >= 0 ? g_strdup_printf ("projects[%d].indicators[%d]",
                                                            rows->i, x) : NULL;
      g_autofree char *new_path = y >= 0 ? g_strdup_printf ("projects[%d].indicators[%d]",
                                                            rows->j, y) : NULL;
      g_autofree char *old_text = o != NULL ? row_text (o) : NULL;
      g_autofree char *new_text = n != NULL ? row_text (n) : NULL;
      JxChange *change = add_item (c, JX_CHANGE_SECTION_PROJECTS,
                                   how == JX_MATCH_MOVED ? JX_CHANGE_MOVED
                                   : n != NULL ? JX_CHANGE_ADDED : JX_CHANGE_REMOVED,
                                   JX_CHANGE_ITEM_INDICATOR, rows->i, rows->j, old_path, new_path,
                                   old_text, new_text);

      change->old_position = x;
      change->new_position = y;
    }
  if (o != NULL && n != NULL)
    compare_cells (c, rows, o, n, x, y);
}

static void
compare_indicators (Cmp *c, JxProject *o, JxProject *n, int i, int j)
{
  g_autoptr(GPtrArray) old_keys = row_keys (c, jx_project_get_indicators (o), TRUE);
  g_autoptr(GPtrArray) new_keys = row_keys (c, jx_project_get_indicators (n), FALSE);
  g_autoptr(JxMatch) match = match_lists (old_keys, new_keys, TRUE);
  Rows rows = { o, n, i, j };

  walk_match (c, match, emit_row, &rows);
}

static void
compare_project (Cmp *c, int i, int j, JxMatchHow how, gpointer data)
{
  JxProject *o = i >= 0 ? g_ptr_array_index (c->old_projects, i) : NULL;
  JxProject *n = j >= 0 ? g_ptr_array_index (c->new_projects, j) : NULL;
  g_autofree char *old_path = i >= 0 ? g_strdup_printf ("projects[%d]", i) : NULL;
  g_autofree char *new_path = j >= 0 ? g_strdup_printf ("projects[%d]", j) : NULL;

  if (o == NULL || n == NULL)
    {
      JxChange *change = add_item (c, JX_CHANGE_SECTION_PROJECTS,
                                   n != NULL ? JX_CHANGE_ADDED : JX_CHANGE_REMOVED,
                                   JX_CHANGE_ITEM_PROJECT, i, j, old_path, new_path,
                                   o != NULL ? jx_project_get_name (o) : NULL,
                                   n != NULL ? jx_project_get_name (n) : NULL);

      change->old_position = i;
      change->new_position = j;
      return;
    }
  compare_identity (c, o, n, i, j, how);
  compare_funds (c, o, n, i, j);
  {
    g_autofree char *old_usage = g_strconcat (old_path, ".usage", NULL);
    g_autofree char *new_usage = g_strconcat (new_path, ".usage", NULL);

    compare_text (c, JX_CHANGE_SECTION_PROJECTS, JX_CHANGE_ITEM_FIELD, "usage", i, j, old_usage,
                  new_usage, jx_project_get_usage (o), jx_project_get_usage (n));
  }
  compare_plan (c, o, n, i, j);
  {
    g_autofree char *old_goals = g_strconcat (old_path, ".goals", NULL);
    g_autofree char *new_goals = g_strconcat (new_path, ".goals", NULL);
    TextList goals = { JX_CHANGE_SECTION_PROJECTS, JX_CHANGE_ITEM_GOAL, i, j,
                       jx_project_get_goals (o), jx_project_get_goals (n), old_goals, new_goals };

    compare_text_list (c, &goals);
  }
  compare_indicators (c, o, n, i, j);
}

/* ---- the whole ---- */

static void
compare_documents (Cmp *c)
{
  g_autoptr(JxMatch) projects = match_projects (c);

  compare_cover (c);
  compare_part1 (c, projects);
  walk_match (c, projects, compare_project, NULL);
}

JxDiff *
jx_diff_new (JxDocument *old_document,
             JxDocument *new_document)
{
  JxDiff *self;
  Cmp c = { 0 };

  g_return_val_if_fail (JX_IS_DOCUMENT (old_document), NULL);
  g_return_val_if_fail (JX_IS_DOCUMENT (new_document), NULL);

  self = g_object_new (JX_TYPE_DIFF, NULL);
  self->old_document = g_object_ref (old_document);
  self->new_document = g_object_ref (new_document);
  c.self = self;
  c.old = old_document;
  c.new = new_document;
  c.from = jx_document_get_year (old_document);
  c.to = jx_document_get_year (new_document);
  c.out = g_ptr_array_new_with_free_func (g_object_unref);
  c.old_projects = projects_of (old_document);
  c.new_projects = projects_of (new_document);
  compare_documents (&c);
  /* One splice: one items-changed for a view that shows the list. */
  g_list_store_splice (self->changes, 0, 0, c.out->pdata, c.out->len);
  g_ptr_array_unref (c.out);
  g_ptr_array_unref (c.old_projects);
  g_ptr_array_unref (c.new_projects);
  return self;
}

JxDocument *
jx_diff_get_old_document (JxDiff *self)
{
  g_return_val_if_fail (JX_IS_DIFF (self), NULL);
  return self->old_document;
}

JxDocument *
jx_diff_get_new_document (JxDiff *self)
{
  g_return_val_if_fail (JX_IS_DIFF (self), NULL);
  return self->new_document;
}

GListModel *
jx_diff_get_changes (JxDiff *self)
{
  g_return_val_if_fail (JX_IS_DIFF (self), NULL);
  return G_LIST_MODEL (self->changes);
}

gboolean
jx_diff_is_empty (JxDiff *self)
{
  g_return_val_if_fail (JX_IS_DIFF (self), TRUE);
  return g_list_model_get_n_items (G_LIST_MODEL (self->changes)) == 0;
}

guint
jx_diff_count (JxDiff       *self,
               JxChangeKind  kind)
{
  GListModel *changes;
  guint n = 0;

  g_return_val_if_fail (JX_IS_DIFF (self), 0);

  changes = G_LIST_MODEL (self->changes);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(JxChange) change = g_list_model_get_item (changes, i);

      n += jx_change_get_kind (change) == kind;
    }
  return n;
}

char *
jx_diff_to_text (JxDiff *self)
{
  g_return_val_if_fail (JX_IS_DIFF (self), NULL);
  return jx_changes_to_text (G_LIST_MODEL (self->changes));
}
