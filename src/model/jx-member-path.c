/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jx-indicator.h"
#include "jx-member-path.h"
#include "jx-project.h"
#include "jx-stage.h"
#include "jx-text-item.h"

typedef struct
{
  char *member;
  int   index;
} Segment;

struct _JxMemberPath
{
  GArray *segments;   /* of Segment */
};

G_DEFINE_BOXED_TYPE (JxMemberPath, jx_member_path, jx_member_path_copy, jx_member_path_free)

static void
segment_clear (gpointer data)
{
  g_free (((Segment *) data)->member);
}

JxMemberPath *
jx_member_path_new (void)
{
  JxMemberPath *path = g_new0 (JxMemberPath, 1);

  path->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  g_array_set_clear_func (path->segments, segment_clear);
  return path;
}

void
jx_member_path_free (JxMemberPath *path)
{
  if (path == NULL)
    return;
  g_array_unref (path->segments);
  g_free (path);
}

JxMemberPath *
jx_member_path_copy (const JxMemberPath *path)
{
  JxMemberPath *copy;

  g_return_val_if_fail (path != NULL, NULL);

  copy = jx_member_path_new ();
  for (guint i = 0; i < path->segments->len; i++)
    {
      const Segment *s = &g_array_index (path->segments, Segment, i);
      jx_member_path_append (copy, s->member, s->index);
    }
  return copy;
}

JxMemberPath *
jx_member_path_append (JxMemberPath *path,
                       const char   *member,
                       int           index)
{
  Segment s;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (member != NULL && member[0] != '\0', path);

  s.member = g_strdup (member);
  s.index = index < 0 ? -1 : index;
  g_array_append_val (path->segments, s);
  return path;
}

JxMemberPath *
jx_member_path_new_in_project (guint       project,
                               const char *member,
                               int         index,
                               const char *field)
{
  JxMemberPath *path = jx_member_path_new ();

  g_return_val_if_fail (project < G_MAXINT, path);

  jx_member_path_append (path, "projects", (int) project);
  if (member != NULL)
    jx_member_path_append (path, member, index);
  if (field != NULL)
    jx_member_path_append (path, field, -1);
  return path;
}

/* Parsing */

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Reads one segment at *p ("name" or "name[index]"). */
static gboolean
read_segment (const char **p,
              Segment     *segment)
{
  const char *start = *p;
  const char *end = start;

  while (is_name_char (*end))
    end++;
  if (end == start)
    return FALSE;
  segment->index = -1;
  if (*end == '[')
    {
      const char *digits = end + 1;
      char *close;
      guint64 value;

      if (!g_ascii_isdigit (*digits))
        return FALSE;
      value = g_ascii_strtoull (digits, &close, 10);
      /* Below G_MAXINT, so that index + 1 still fits in an int. */
      if (*close != ']' || value >= G_MAXINT)
        return FALSE;
      segment->index = (int) value;
      segment->member = g_strndup (start, end - start);
      *p = close + 1;
      return TRUE;
    }
  segment->member = g_strndup (start, end - start);
  *p = end;
  return TRUE;
}

/* Parses a path that ends at stop (a pointer into text). */
static JxMemberPath *
parse_until (const char *text,
             const char *stop)
{
  g_autoptr(JxMemberPath) path = jx_member_path_new ();
  const char *p = text;

  if (p == stop)
    return g_steal_pointer (&path);
  for (;;)
    {
      Segment s;

      if (!read_segment (&p, &s))
        return NULL;
      g_array_append_val (path->segments, s);
      if (p == stop)
        return g_steal_pointer (&path);
      if (*p != '.' || p + 1 >= stop)
        return NULL;
      p++;
    }
}

JxMemberPath *
jx_member_path_parse (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);
  return parse_until (text, text + strlen (text));
}

JxMemberPath *
jx_member_path_parse_prefix (const char  *text,
                             const char **rest)
{
  const char *colon;
  JxMemberPath *path = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  colon = strstr (text, ": ");
  if (colon != NULL && colon > text)
    path = parse_until (text, colon);
  if (rest != NULL)
    *rest = path != NULL ? colon + 2 : text;
  return path;
}

/* Reading */

guint
jx_member_path_get_length (const JxMemberPath *path)
{
  g_return_val_if_fail (path != NULL, 0);
  return path->segments->len;
}

const char *
jx_member_path_get_member (const JxMemberPath *path,
                           guint               segment)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (segment < path->segments->len, NULL);
  return g_array_index (path->segments, Segment, segment).member;
}

int
jx_member_path_get_index (const JxMemberPath *path,
                          guint               segment)
{
  g_return_val_if_fail (path != NULL, -1);
  g_return_val_if_fail (segment < path->segments->len, -1);
  return g_array_index (path->segments, Segment, segment).index;
}

int
jx_member_path_get_project (const JxMemberPath *path)
{
  const Segment *first;

  g_return_val_if_fail (path != NULL, -1);
  if (path->segments->len == 0)
    return -1;
  first = &g_array_index (path->segments, Segment, 0);
  return g_str_equal (first->member, "projects") ? first->index : -1;
}

JxMemberPath *
jx_member_path_get_tail (const JxMemberPath *path,
                         guint               start)
{
  JxMemberPath *tail;

  g_return_val_if_fail (path != NULL, NULL);

  tail = jx_member_path_new ();
  for (guint i = start; i < path->segments->len; i++)
    {
      const Segment *s = &g_array_index (path->segments, Segment, i);
      jx_member_path_append (tail, s->member, s->index);
    }
  return tail;
}

static gboolean
segment_equal (const Segment *a,
               const Segment *b)
{
  return a->index == b->index && g_str_equal (a->member, b->member);
}

gboolean
jx_member_path_has_prefix (const JxMemberPath *path,
                           const JxMemberPath *prefix)
{
  g_return_val_if_fail (path != NULL && prefix != NULL, FALSE);

  if (prefix->segments->len > path->segments->len)
    return FALSE;
  for (guint i = 0; i < prefix->segments->len; i++)
    if (!segment_equal (&g_array_index (path->segments, Segment, i),
                        &g_array_index (prefix->segments, Segment, i)))
      return FALSE;
  return TRUE;
}

gboolean
jx_member_path_equal (const JxMemberPath *a,
                      const JxMemberPath *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return a->segments->len == b->segments->len && jx_member_path_has_prefix (a, b);
}

char *
jx_member_path_to_string (const JxMemberPath *path)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (path != NULL, g_string_free (text, FALSE));

  for (guint i = 0; i < path->segments->len; i++)
    {
      const Segment *s = &g_array_index (path->segments, Segment, i);

      if (i > 0)
        g_string_append_c (text, '.');
      g_string_append (text, s->member);
      if (s->index >= 0)
        g_string_append_printf (text, "[%d]", s->index);
    }
  return g_string_free (text, FALSE);
}

/* Describing */

/* Where a member is: what the names below it mean depends on it. */
typedef enum
{
  IN_DOCUMENT,
  IN_DEPARTMENT,
  IN_OVERALL,
  IN_MEASURE,
  IN_PROJECT,
  IN_FUNDS,
  IN_CHECKPOINT,
  IN_OVERVIEW,
  IN_INDICATOR,
  IN_MONITORING,
  IN_EVALUATION,
  IN_UNKNOWN,
} Within;

typedef struct
{
  Within      within;
  const char *member;
  const char *label;      /* the member as a whole; context "place" */
  const char *item;       /* one element of it, with its number (from 1) */
  Within      inner;      /* what the member, or an element of it, holds */
  gboolean    implied;    /* said by the words of what lies inside it */
} Place;

/* The words are those of the forms and the printed document. */
static const Place places[] = {
  { IN_DOCUMENT, "year", NC_("place", "Budget year"), NULL, IN_UNKNOWN, FALSE },
  { IN_DOCUMENT, "title", NC_("place", "Title"), NULL, IN_UNKNOWN, FALSE },
  { IN_DOCUMENT, "draft", NC_("place", "Draft mark"), NULL, IN_UNKNOWN, FALSE },
  { IN_DOCUMENT, "money_unit", NC_("place", "Money unit"), NULL, IN_UNKNOWN, FALSE },
  { IN_DOCUMENT, "stage", NC_("place", "Stage"), NULL, IN_UNKNOWN, FALSE },
  { IN_DOCUMENT, "monitoring_month", NC_("place", "Monitoring month"), NULL, IN_UNKNOWN, FALSE },
  { IN_DOCUMENT, "department", NC_("place", "Cover and department"), NULL, IN_DEPARTMENT, TRUE },
  { IN_DEPARTMENT, "name", NC_("place", "Department name"), NULL, IN_UNKNOWN, FALSE },
  { IN_DEPARTMENT, "unit_code", NC_("place", "Budget unit code"), NULL, IN_UNKNOWN, FALSE },
  { IN_DEPARTMENT, "unit_name", NC_("place", "Budget unit name"), NULL, IN_UNKNOWN, FALSE },
  { IN_DEPARTMENT, "compiler", NC_("place", "Compiled by"), NULL, IN_UNKNOWN, FALSE },
  { IN_DEPARTMENT, "reviewer", NC_("place", "Reviewed by"), NULL, IN_UNKNOWN, FALSE },
  { IN_DOCUMENT, "overall", NC_("place", "Overall goals"), NULL, IN_OVERALL, FALSE },
  { IN_OVERALL, "summary", NC_("place", "Summary"), NULL, IN_UNKNOWN, FALSE },
  { IN_OVERALL, "points", NC_("place", "Numbered points"), NC_("place", "Point %d"), IN_UNKNOWN, FALSE },
  { IN_DOCUMENT, "measures", NC_("place", "Guarantee measures"), NC_("place", "Guarantee measure %d"),
    IN_MEASURE, FALSE },
  { IN_MEASURE, "heading", NC_("place", "Heading"), NULL, IN_UNKNOWN, FALSE },
  { IN_MEASURE, "body", NC_("place", "Text"), NULL, IN_UNKNOWN, FALSE },
  { IN_DOCUMENT, "projects", NC_("place", "Projects"), NC_("place", "Project %d"), IN_PROJECT, FALSE },
  { IN_PROJECT, "code", NC_("place", "Project code"), NULL, IN_UNKNOWN, FALSE },
  { IN_PROJECT, "name", NC_("place", "Project name"), NULL, IN_UNKNOWN, FALSE },
  { IN_PROJECT, "funds", NC_("place", "Funds"), NULL, IN_FUNDS, TRUE },
  { IN_FUNDS, "fiscal", NC_("place", "Fiscal funds"), NULL, IN_UNKNOWN, FALSE },
  { IN_FUNDS, "other", NC_("place", "Other funds"), NULL, IN_UNKNOWN, FALSE },
  { IN_PROJECT, "usage", NC_("place", "Use of funds"), NULL, IN_UNKNOWN, FALSE },
  { IN_PROJECT, "spending_plan", NC_("place", "Spending plan"), NC_("place", "Spending plan row %d"),
    IN_CHECKPOINT, FALSE },
  { IN_CHECKPOINT, "month", NC_("place", "Month"), NULL, IN_UNKNOWN, FALSE },
  { IN_CHECKPOINT, "percent", NC_("place", "Share spent"), NULL, IN_UNKNOWN, FALSE },
  { IN_PROJECT, "goals", NC_("place", "Performance goals"), NC_("place", "Performance goal %d"),
    IN_UNKNOWN, FALSE },
  { IN_PROJECT, "overview", NC_("place", "Part 1 entry"), NULL, IN_OVERVIEW, FALSE },
  { IN_OVERVIEW, "description", NC_("place", "Description"), NULL, IN_UNKNOWN, FALSE },
  { IN_OVERVIEW, "goal", NC_("place", "Goal"), NULL, IN_UNKNOWN, FALSE },
  { IN_OVERVIEW, "indicator_summary", NC_("place", "Indicator summary"), NULL, IN_UNKNOWN, FALSE },
  { IN_PROJECT, "indicators", NC_("place", "Indicators"), NC_("place", "Indicator row %d"),
    IN_INDICATOR, FALSE },
  { IN_INDICATOR, "level1", NC_("place", "Level 1"), NULL, IN_UNKNOWN, FALSE },
  { IN_INDICATOR, "level2", NC_("place", "Level 2"), NULL, IN_UNKNOWN, FALSE },
  { IN_INDICATOR, "name", NC_("place", "Level 3"), NULL, IN_UNKNOWN, FALSE },
  { IN_INDICATOR, "description", NC_("place", "Indicator description"), NULL, IN_UNKNOWN, FALSE },
  { IN_INDICATOR, "value", NC_("place", "Target value"), NULL, IN_UNKNOWN, FALSE },
  { IN_INDICATOR, "basis", NC_("place", "Basis of the target"), NULL, IN_UNKNOWN, FALSE },
  { IN_PROJECT, "monitoring", NC_("place", "Monitoring"), NULL, IN_MONITORING, FALSE },
  { IN_PROJECT, "evaluation", NC_("place", "Self-evaluation"), NULL, IN_EVALUATION, FALSE },
  { IN_INDICATOR, "monitoring", NC_("place", "Monitoring"), NULL, IN_MONITORING, FALSE },
  { IN_INDICATOR, "evaluation", NC_("place", "Self-evaluation"), NULL, IN_EVALUATION, FALSE },
};

/* The columns of the monitoring and self-evaluation forms by their own
 * terms, which stay as printed in every language; X is the month the
 * monitoring runs to. */
static const struct { Within within; const char *member; const char *words; } stage_terms[] = {
  { IN_MONITORING, "adjusted_budget", "调整后预算数" },
  { IN_MONITORING, "executed", "1–X月执行数" },
  { IN_MONITORING, "expected", "全年预计执行数" },
  { IN_MONITORING, "actual", "1–X月完成值" },
  { IN_MONITORING, "likelihood", "完成目标可能性" },
  { IN_MONITORING, "causes", "偏差原因" },
  { IN_MONITORING, "note", "原因说明" },
  { IN_MONITORING, "measures", "改进措施" },
  { IN_EVALUATION, "budget", "全年预算数" },
  { IN_EVALUATION, "executed", "全年执行数" },
  { IN_EVALUATION, "execution_score", "预算执行率得分" },
  { IN_EVALUATION, "conclusion", "评价结论" },
  { IN_EVALUATION, "problems", "存在问题" },
  { IN_EVALUATION, "improvements", "改进措施" },
  { IN_EVALUATION, "actual", "实际完成值" },
  { IN_EVALUATION, "weight", "分值" },
  { IN_EVALUATION, "achievement", "达成情况" },
  { IN_EVALUATION, "score", "得分" },
  { IN_EVALUATION, "analysis", "偏差原因分析及改进措施" },
};

static char *
describe_stage_term (Within         within,
                     const Segment *s,
                     JxDocument    *document)
{
  for (guint i = 0; i < G_N_ELEMENTS (stage_terms); i++)
    if (stage_terms[i].within == within && g_str_equal (stage_terms[i].member, s->member))
      {
        g_autofree char *month = document != NULL
          ? g_strdup_printf ("%u", jx_document_get_monitoring_month (document)) : g_strdup ("X");
        g_auto(GStrv) parts = g_strsplit (stage_terms[i].words, "X", -1);

        return g_strjoinv (month, parts);
      }
  return NULL;
}

static const Place *
find_place (Within      within,
            const char *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    if (places[i].within == within && g_str_equal (places[i].member, member))
      return &places[i];
  return NULL;
}

static const char *
place_word (const char *msgid)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "place", msgid);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* "项目2「新项目」", or "项目2" when it has no name or is not there. */
static char *
describe_project (int         index,
                  JxDocument *document)
{
  g_autoptr(JxProject) project = NULL;
  const char *name;

  if (document != NULL)
    project = g_list_model_get_item (jx_document_get_projects (document), (guint) index);
  name = project != NULL ? jx_project_get_name (project) : NULL;
  if (name == NULL || is_blank (name))
    return g_strdup_printf (place_word (NC_("place", "Project %d")), index + 1);
  /* TRANSLATORS: a project by its number and its name, e.g. 项目2「新项目」 */
  return g_strdup_printf (place_word (NC_("place", "Project %d “%s”")), index + 1, name);
}

static char *
describe_segment (const Place   *place,
                  const Segment *s,
                  JxDocument    *document)
{
  if (place == NULL)
    return s->index >= 0 ? g_strdup_printf ("%s[%d]", s->member, s->index) : g_strdup (s->member);
  if (s->index < 0 || place->item == NULL)
    return g_strdup (place_word (place->label));
  if (g_str_equal (place->member, "projects"))
    return describe_project (s->index, document);
  return g_strdup_printf (place_word (place->item), s->index + 1);
}

/* "项目2「新项目」· 绩效指标第1行 · 三级指标": a full-width bracket
 * brings its own space. */
static char *
join_parts (GPtrArray *parts)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append (text, g_str_has_suffix (text->str, "」") ? "· " : " · ");
      g_string_append (text, g_ptr_array_index (parts, i));
    }
  return g_string_free (text, FALSE);
}

/* "绩效指标第2行「调研报告完成数」": a row is named by its 三级指标 as well,
 * when it has one, for rows move between versions and after edits. */
static char *
describe_indicator_row (const Place   *place,
                        const Segment *s,
                        JxProject     *project)
{
  g_autoptr(JxIndicator) indicator = NULL;
  const char *name;

  if (project != NULL)
    indicator = g_list_model_get_item (jx_project_get_indicators (project), (guint) s->index);
  name = indicator != NULL ? jx_indicator_get_name (indicator) : NULL;
  if (name == NULL || is_blank (name))
    return g_strdup_printf (place_word (place->item), s->index + 1);
  /* TRANSLATORS: an indicator row by its number and its 三级指标,
   * e.g. 绩效指标第2行「调研报告完成数」 */
  return g_strdup_printf (place_word (NC_("place", "Indicator row %d “%s”")), s->index + 1, name);
}

/* The words of path, in parts; the project it is in said as project_words
 * when that is given. */
static void
describe_segments (const JxMemberPath *path,
                   const char         *project_words,
                   JxDocument         *document,
                   GPtrArray          *parts)
{
  g_autoptr(JxProject) project = NULL;
  Within within = IN_DOCUMENT;
  gboolean implied = FALSE;

  for (guint i = 0; i < path->segments->len; i++)
    {
      const Segment *s = &g_array_index (path->segments, Segment, i);
      const Place *place = within != IN_UNKNOWN ? find_place (within, s->member) : NULL;
      gboolean project_row = place != NULL && within == IN_DOCUMENT && s->index >= 0 &&
                             g_str_equal (place->member, "projects");
      char *words;

      if (project_row && document != NULL)
        project = g_list_model_get_item (jx_document_get_projects (document), (guint) s->index);
      if (project_row && project_words != NULL)
        words = g_strdup (project_words);
      else if (place == NULL && s->index < 0)
        words = describe_stage_term (within, s, document);
      else if (place != NULL && within == IN_PROJECT && s->index >= 0 &&
               g_str_equal (place->member, "indicators"))
        words = describe_indicator_row (place, s, project);
      else
        words = NULL;

      /* "财政资金", not "资金 · 财政资金". */
      if (implied)
        g_ptr_array_remove_index (parts, parts->len - 1);
      g_ptr_array_add (parts, words != NULL ? words : describe_segment (place, s, document));
      implied = place != NULL && place->implied;
      within = place != NULL ? place->inner : IN_UNKNOWN;
    }
}

char *
jx_member_path_describe (const JxMemberPath *path,
                         JxDocument         *document)
{
  return jx_member_path_describe_with_project (path, NULL, document);
}

char *
jx_member_path_describe_with_project (const JxMemberPath *path,
                                      const char         *project_words,
                                      JxDocument         *document)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (document == NULL || JX_IS_DOCUMENT (document), NULL);

  if (path->segments->len == 0)
    return g_strdup (_("the whole document"));
  describe_segments (path, project_words, document, parts);
  return join_parts (parts);
}

char *
jx_member_path_describe_string (const char *text,
                                JxDocument *document)
{
  g_autoptr(JxMemberPath) path = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  path = jx_member_path_parse (text);
  return path != NULL ? jx_member_path_describe (path, document) : g_strdup (text);
}

/* Finding */

static int
index_in (GListModel *list,
          gpointer    object)
{
  guint position;

  if (!g_type_is_a (G_OBJECT_TYPE (object), g_list_model_get_item_type (list)))
    return -1;
  return g_list_store_find (G_LIST_STORE (list), object, &position) ? (int) position : -1;
}

static JxMemberPath *
find_in_project (JxProject *project,
                 guint      index,
                 gpointer   object)
{
  const struct { const char *member; GListModel *list; } lists[] = {
    { "spending_plan", jx_project_get_spending_plan (project) },
    { "goals", jx_project_get_goals (project) },
    { "indicators", jx_project_get_indicators (project) },
  };

  if (object == (gpointer) project)
    return jx_member_path_new_in_project (index, NULL, -1, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      int row = index_in (lists[i].list, object);

      if (row >= 0)
        return jx_member_path_new_in_project (index, lists[i].member, row, NULL);
    }
  return NULL;
}

JxMemberPath *
jx_member_path_find (JxDocument *document,
                     gpointer    object)
{
  GListModel *projects;
  int index;

  g_return_val_if_fail (JX_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  if (object == (gpointer) jx_document_get_department (document))
    return jx_member_path_append (jx_member_path_new (), "department", -1);
  if ((index = index_in (jx_document_get_points (document), object)) >= 0)
    return jx_member_path_append (jx_member_path_append (jx_member_path_new (), "overall", -1),
                                  "points", index);
  if ((index = index_in (jx_document_get_measures (document), object)) >= 0)
    return jx_member_path_append (jx_member_path_new (), "measures", index);
  projects = jx_document_get_projects (document);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);
      JxMemberPath *path = find_in_project (project, i, object);

      if (path != NULL)
        return path;
    }
  return NULL;
}
