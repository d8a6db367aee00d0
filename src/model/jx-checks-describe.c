/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jx-checks-private.h"
#include "jx-indicator.h"

/* Member paths in words, for people: the panel's place line and messages
 * that point at another project's text. */

/* Reads "name" or "name[index]" at *p, moving past a following '.'. */
static gboolean
next_segment (const char **p, char **name, int *index)
{
  const char *start = *p;
  const char *end = start + strcspn (start, ".[");

  if (end == start)
    return FALSE;
  *name = g_strndup (start, end - start);
  *index = -1;
  if (*end == '[')
    {
      char *close;
      guint64 value = g_ascii_strtoull (end + 1, &close, 10);

      /* Below G_MAXINT, so that index + 1 still fits in an int. */
      if (*close != ']' || close == end + 1 || value >= G_MAXINT)
        {
          g_clear_pointer (name, g_free);
          return FALSE;
        }
      *index = (int) value;
      end = close + 1;
    }
  *p = *end == '.' ? end + 1 : end;
  return TRUE;
}

static const char *
indicator_field (const char *field)
{
  if (field == NULL)
    return NULL;
  if (g_str_equal (field, "level1"))
    return "一级指标";
  if (g_str_equal (field, "level2"))
    return "二级指标";
  if (g_str_equal (field, "name"))
    return "三级指标";
  if (g_str_equal (field, "description"))
    return _("description");
  if (g_str_equal (field, "value"))
    return _("target value");
  if (g_str_equal (field, "basis"))
    return _("basis");
  return field;
}

static char *
describe_indicator (JxProject *project, int index, const char *field, const char *stage_words)
{
  GListModel *indicators = jx_project_get_indicators (project);
  g_autoptr(JxIndicator) indicator = index >= 0 ? g_list_model_get_item (indicators, index) : NULL;
  const char *what = stage_words != NULL ? stage_words : indicator_field (field);

  if (index < 0)
    return g_strdup (_("indicators"));
  if (indicator == NULL)
    return g_strdup_printf (_("indicator %d"), index + 1);
  if (what == NULL)
    return g_strdup_printf (_("indicator %d “%s”"), index + 1, jx_indicator_get_name (indicator));
  /* TRANSLATORS: indicator number, its name, the column: "indicator 5 “…”: target value" */
  return g_strdup_printf (_("indicator %d “%s”: %s"), index + 1,
                          jx_indicator_get_name (indicator), what);
}

static char *
describe_overview (const char *field)
{
  if (field == NULL)
    return g_strdup (_("Part 1 entry"));
  if (g_str_equal (field, "description"))
    return g_strdup (_("Part 1 description"));
  if (g_str_equal (field, "goal"))
    return g_strdup (_("Part 1 goal"));
  return g_strdup (_("Part 1 indicator summary"));
}

/* stage_words: the monitoring or evaluation member the path ends in, in words. */
static char *
describe_in_project (JxProject *project, const char *name, int index, const char *field,
                     const char *stage_words)
{
  if (g_str_equal (name, "indicators"))
    return describe_indicator (project, index, field, stage_words);
  if (stage_words != NULL)
    return g_strdup (stage_words);
  if (g_str_equal (name, "overview"))
    return describe_overview (field);
  if (g_str_equal (name, "goals"))
    return index < 0 ? g_strdup (_("goals")) : g_strdup_printf (_("goal %d"), index + 1);
  if (g_str_equal (name, "spending_plan"))
    return index < 0 ? g_strdup (_("spending plan"))
                     : g_strdup_printf (_("spending plan, column %d"), index + 1);
  if (g_str_equal (name, "funds"))
    return g_strdup (_("funds"));
  if (g_str_equal (name, "usage"))
    return g_strdup (_("usage"));
  if (g_str_equal (name, "name"))
    return g_strdup (_("project name"));
  if (g_str_equal (name, "code"))
    return g_strdup (_("project code"));
  return NULL;
}

/* The cover and the lists of Part 1 as wholes. */
static char *
describe_part1 (const char *name, int index, const char *field)
{
  static const struct { const char *name, *field, *words; } parts[] = {
    { "overall", "points", N_("Part 1 points") },
    { "measures", NULL, N_("guarantee measures") },
    { "department", "name", N_("department name") },
    { "department", "unit_code", N_("unit code") },
    { "department", "unit_name", N_("unit name") },
    { "department", "reviewer", N_("reviewing finance bureau") },
    { "department", "compiler", N_("compiler") },
    { "title", NULL, N_("document title") },
  };

  if (index >= 0)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (g_str_equal (name, parts[i].name) && g_strcmp0 (field, parts[i].field) == 0)
      return g_strdup (_(parts[i].words));
  return NULL;
}

static char *
describe_document_part (const char *name, int index, const char *field)
{
  if (g_str_equal (name, "overall") && field != NULL && g_str_equal (field, "summary"))
    return g_strdup (_("Part 1 summary"));
  if (g_str_equal (name, "overall") && field != NULL && g_str_has_prefix (field, "points["))
    {
      guint64 point = g_ascii_strtoull (field + strlen ("points["), NULL, 10);

      return point < G_MAXINT ? g_strdup_printf (_("Part 1 point %d"), (int) point + 1) : NULL;
    }
  if (g_str_equal (name, "measures") && index >= 0)
    return g_strdup_printf (_("measure %d"), index + 1);
  return describe_part1 (name, index, field);
}

char *
jx_checks_describe_path (JxDocument *document,
                         const char *path)
{
  const char *p = path;
  g_autofree char *name = NULL;
  g_autofree char *inner = NULL;
  g_autoptr(JxProject) project = NULL;
  int index = -1;
  int inner_index = -1;
  char *described = NULL;

  g_return_val_if_fail (JX_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!next_segment (&p, &name, &index))
    return g_strdup (path);
  if (!g_str_equal (name, "projects"))
    described = describe_document_part (name, index, *p ? p : NULL);
  else if (index >= 0 &&
           (project = g_list_model_get_item (jx_document_get_projects (document), index)) != NULL)
    {
      if (*p == '\0')
        return g_strdup (_("the whole project"));
      if (next_segment (&p, &inner, &inner_index))
        {
          g_autofree char *member = inner_index < 0 ? g_strjoin (*p ? "." : "", inner, p, NULL)
                                                    : g_strdup (p);
          g_autofree char *stage_words = jx_checks_stage_member (document, member);

          described = describe_in_project (project, inner, inner_index, *p ? p : NULL,
                                           stage_words);
        }
    }
  return described != NULL ? described : g_strdup (path);
}
