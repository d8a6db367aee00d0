/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jx-checks-private.h"
#include "jx-measure.h"
#include "jx-money-text.h"
#include "jx-numbering.h"
#include "jx-text-item.h"

/* Part 1 and the cover, what a finance bureau sees first: a document that
 * prints bare headings is returned before anyone reads a table. Also the
 * rules about how texts print: typed numbering, amounts that contradict
 * the tables, characters no font can draw. docs/checks.md, "Part 1 and the
 * cover", explains each. */

/* Characters named in one hint; more only make the line unreadable. */
#define GLYPHS_LISTED 8

/* ---- Characters no font has ---- */

static gboolean
needs_glyph (gunichar c)
{
  return !g_unichar_isspace (c) && !g_unichar_iscntrl (c) && c != 0x3000 &&
         g_unichar_type (c) != G_UNICODE_FORMAT;
}

/* Whether a character prints, asked of the fonts once a run for each
 * character of the Basic Multilingual Plane: a document has a few thousand
 * different characters, but millions of them. */
static gboolean
glyph_prints (JxChecker *c, gunichar ch)
{
  guint8 *known;

  if (ch >= G_N_ELEMENTS (c->glyphs->known))
    return !needs_glyph (ch) || c->covers (ch, c->covers_data);
  known = &c->glyphs->known[ch];
  if (*known == 0)
    *known = !needs_glyph (ch) || c->covers (ch, c->covers_data) ? 1 : 2;
  return *known == 1;
}

static void check_glyphs (JxChecker *c, const char *suffix, const char *text);

/* check_glyphs on a model text of the document: one the document has in
 * several places is read once a run when every character prints. */
static void
check_model_glyphs (JxChecker *c, const char *suffix, const char *text)
{
  JxTextMemo *memo = c->covers != NULL ? jx_checker_memo (c, text) : NULL;
  guint before = c->findings->len;

  if (memo != NULL && (memo->known & MEMO_GLYPHS) && memo->glyphs_print)
    return;
  check_glyphs (c, suffix, text);
  if (memo != NULL)
    {
      memo->glyphs_print = c->findings->len == before;
      memo->known |= MEMO_GLYPHS;
    }
}

static void
check_glyphs (JxChecker *c, const char *suffix, const char *text)
{
  g_autoptr(GString) listed = NULL;
  g_autoptr(GHashTable) seen = NULL;
  guint missing = 0;

  if (c->covers == NULL || text == NULL)
    return;
  if (c->glyphs == NULL)
    c->glyphs = g_new0 (JxGlyphsKnown, 1);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);

      if (glyph_prints (c, ch))
        continue;
      if (seen == NULL)
        {
          seen = g_hash_table_new (NULL, NULL);
          listed = g_string_new (NULL);
        }
      if (!g_hash_table_add (seen, GUINT_TO_POINTER (ch)) || ++missing > GLYPHS_LISTED)
        continue;
      if (listed->len > 0)
        g_string_append (listed, "、");
      g_string_append_unichar (listed, ch);
      g_string_append_printf (listed, " (U+%04X)", ch);
    }
  if (missing == 0)
    return;
  if (missing > GLYPHS_LISTED)
    g_string_append (listed, "…");
  jx_checker_report (c, RULE_TEXT_GLYPH_MISSING, suffix,
                     _("No font on this computer has %s: it would print and show as an empty "
                       "box. Install a font that has it, such as BabelStone Han "
                       "(fonts-babelstone-han) or HanaMinB (fonts-hanazono)."), listed->str);
}

/* ---- Typed numbering ---- */

/* The printed list numbers the item as prefix: "1、" for a point, "1." for
 * a measure or a goal. */
static void
check_numbering (JxChecker  *c,
                 const char *suffix,
                 const char *text,
                 const char *prefix)
{
  g_autofree char *marker = jx_numbering_marker (text);

  if (marker == NULL)
    return;
  jx_checker_report (c, RULE_TEXT_NUMBERING, suffix,
                     _("The text starts with the numbering “%s”, but the printed list numbers its "
                       "items itself: it would print as “%s%s…”. Remove the typed numbering."),
                     marker, prefix, marker);
}

/* ---- Summary, points, measures ---- */

static void
check_summary (JxChecker *c)
{
  const char *summary = jx_document_get_summary (c->document);

  if (jx_text_is_blank (summary))
    jx_checker_report (c, RULE_SUMMARY_MISSING, "overall.summary",
                       _("The 总体绩效目标 is empty, so Part 1 would print a bare heading: state "
                         "in a paragraph what the department means to achieve this year."));
  check_glyphs (c, "overall.summary", summary);
}

static void
check_points (JxChecker *c)
{
  GListModel *points = jx_document_get_points (c->document);
  guint n = g_list_model_get_n_items (points);

  if (n == 0)
    jx_checker_report (c, RULE_POINTS_MISSING, "overall.points",
                       _("No points (分条目标) follow the 总体绩效目标: add the department’s main "
                         "goals for the year, one point each."));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxTextItem) point = g_list_model_get_item (points, i);
      const char *text = jx_text_item_get_text (point);
      g_autofree char *suffix = g_strdup_printf ("overall.points[%u]", i);
      g_autofree char *prefix = g_strdup_printf ("%u、", i + 1);

      if (jx_text_is_blank (text))
        jx_checker_report (c, RULE_POINT_EMPTY, suffix,
                           _("Point %u is empty and would print as “%u、” alone: write the point "
                             "or remove it."), i + 1, i + 1);
      check_numbering (c, suffix, text, prefix);
      check_glyphs (c, suffix, text);
    }
}

static void
check_measure (JxChecker *c, JxMeasure *measure, guint i)
{
  const char *heading = jx_measure_get_heading (measure);
  const char *body = jx_measure_get_body (measure);
  g_autofree char *heading_path = g_strdup_printf ("measures[%u].heading", i);
  g_autofree char *body_path = g_strdup_printf ("measures[%u].body", i);
  g_autofree char *prefix = g_strdup_printf ("%u.", i + 1);
  gboolean no_heading = jx_text_is_blank (heading);

  if (jx_text_is_blank (body) && no_heading)
    jx_checker_report (c, RULE_MEASURE_BODY_MISSING, body_path,
                       _("Measure %u is empty and would print as “%u.” alone: write the measure "
                         "or remove it."), i + 1, i + 1);
  else if (jx_text_is_blank (body))
    jx_checker_report (c, RULE_MEASURE_BODY_MISSING, body_path,
                       _("Measure %u “%s” has a heading but no text: say what is done, by whom "
                         "and how."), i + 1, heading);
  /* Without a heading the body follows the number. */
  check_numbering (c, no_heading ? body_path : heading_path, no_heading ? body : heading, prefix);
  check_glyphs (c, heading_path, heading);
  check_glyphs (c, body_path, body);
}

static void
check_measures (JxChecker *c)
{
  GListModel *measures = jx_document_get_measures (c->document);
  guint n = g_list_model_get_n_items (measures);

  if (n == 0)
    jx_checker_report (c, RULE_MEASURES_MISSING, "measures",
                       _("There are no guarantee measures (工作保障措施), so Part 1 would print "
                         "the heading 三、工作保障措施 alone: say how the department secures its "
                         "goals (organisation, funds, supervision)."));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxMeasure) measure = g_list_model_get_item (measures, i);

      check_measure (c, measure, i);
    }
}

/* ---- Cover ---- */

static void
check_cover (JxChecker *c)
{
  JxDepartment *department = jx_document_get_department (c->document);
  const struct { const char *text; const char *path; const char *message; } fields[] = {
    { jx_department_get_name (department), "department.name",
      N_("The department’s name is empty: the cover would print the title without it, and "
         "“编制” with nobody before it.") },
    { jx_department_get_unit_code (department), "department.unit_code",
      N_("The 单位编码 is empty: every project table’s header prints the unit’s code from the "
         "budget system.") },
    { jx_department_get_unit_name (department), "department.unit_name",
      N_("The 单位名称 is empty: every project table’s header prints the unit’s name beside its "
         "code.") },
  };
  const char *reviewer = jx_department_get_reviewer (department);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (jx_text_is_blank (fields[i].text))
        jx_checker_report (c, RULE_COVER_INCOMPLETE, fields[i].path, "%s", _(fields[i].message));
      check_glyphs (c, fields[i].path, fields[i].text);
    }
  if (jx_text_is_blank (reviewer))
    jx_checker_report (c, RULE_COVER_REVIEWER_MISSING, "department.reviewer",
                       _("No finance bureau is named as reviewer: the cover prints “…审核” under "
                         "the compiler, e.g. “遵化市财政局审核”."));
  check_glyphs (c, "department.reviewer", reviewer);
  check_glyphs (c, "department.compiler", jx_department_get_compiler (department));
  check_glyphs (c, "title", jx_document_get_title (c->document));
}

/* ---- The projects' total stated in Part 1 ---- */

/* Words that name the sum of the projects' budgets in Part 1. */
static const char * const total_labels[] = { "项目支出", "项目资金", "项目经费", "项目预算", NULL };
/* Between the label and the amount: "项目支出预算共计270万元". */
static const char * const total_links[] = {
  "预算", "合计", "共计", "总计", "总额", "金额", "资金", "安排", "共", "计", "为", "是", "达",
  "：", ":", NULL
};
/* In the same clause these make the amount a change, a part or a guess. */
static const char * const total_vetoes[] = {
  "上年", "去年", "同比", "增加", "减少", "增长", "下降", "较", "累计", "约", "左右", "以上",
  "以内", "其中", "不超过", NULL
};

static const char *
skip_links (const char *p)
{
  for (guint n = 0; n < 4; n++)
    {
      guint i;

      while (*p == ' ')
        p++;
      for (i = 0; total_links[i] != NULL; i++)
        if (strncmp (p, total_links[i], strlen (total_links[i])) == 0)
          break;
      if (total_links[i] == NULL)
        return p;
      p += strlen (total_links[i]);
    }
  return p;
}

static gboolean
is_clause_end (gunichar c)
{
  return c == 0xFF0C || c == 0x3002 || c == 0xFF1B || c == 0xFF01 || c == 0xFF1F ||
         c == ',' || c == ';' || c == '\n';
}

/* The clause around [start, end): the amount's own sentence part. */
static char *
clause_around (const char *text, const char *start, const char *end)
{
  const char *a = start, *b = end;

  while (a > text && !is_clause_end (g_utf8_get_char (g_utf8_prev_char (a))))
    a = g_utf8_prev_char (a);
  while (*b && !is_clause_end (g_utf8_get_char (b)))
    b = g_utf8_next_char (b);
  return g_strndup (a, b - a);
}

static gboolean
clause_states_total (JxChecker *c, const char *clause)
{
  guint year;

  if (jx_text_contains_any (clause, total_vetoes))
    return FALSE;
  year = jx_text_foreign_year (clause, c->year);
  return year == 0;
}

/* The first total of the projects stated in text, if any. */
static gboolean
find_stated_total (JxChecker *c, const char *text, JxMoney *amount, char **written)
{
  for (guint i = 0; total_labels[i] != NULL; i++)
    for (const char *at = strstr (text, total_labels[i]); at != NULL;
         at = strstr (at + 1, total_labels[i]))
      {
        const char *p = skip_links (at + strlen (total_labels[i]));
        g_autofree char *clause = NULL;
        gsize length;

        if (!jx_money_text_read (p, c->unit, amount, &length))
          continue;
        clause = clause_around (text, at, p + length);
        if (!clause_states_total (c, clause))
          continue;
        *written = g_strndup (p, length);
        return TRUE;
      }
  return FALSE;
}

static void
check_stated_total (JxChecker *c, const char *suffix, const char *text)
{
  JxMoney total = jx_document_get_total (c->document);
  guint n = g_list_model_get_n_items (jx_document_get_projects (c->document));
  g_autofree char *written = NULL;
  g_autofree char *sum = NULL;
  JxMoney stated;

  if (text == NULL || n == 0 || !find_stated_total (c, text, &stated, &written) ||
      stated == total)
    return;
  sum = jx_money_format (total);
  jx_checker_report (c, RULE_PART1_TOTAL_MISMATCH, suffix,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "Part 1 states %s for the projects, but the %u project of "
                                  "Part 2 has %s %s: make the text and the tables agree.",
                                  "Part 1 states %s for the projects, but the %u projects of "
                                  "Part 2 add up to %s %s: make the text and the tables agree.",
                                  n),
                     written, n, sum, c->unit);
}

static void
check_part1_total (JxChecker *c)
{
  GListModel *points = jx_document_get_points (c->document);

  check_stated_total (c, "overall.summary", jx_document_get_summary (c->document));
  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(JxTextItem) point = g_list_model_get_item (points, i);
      g_autofree char *suffix = g_strdup_printf ("overall.points[%u]", i);

      check_stated_total (c, suffix, jx_text_item_get_text (point));
    }
}

void
jx_checks_part1 (JxChecker *c)
{
  check_cover (c);
  check_summary (c);
  check_points (c);
  check_measures (c);
  check_part1_total (c);
}

/* ---- A project's entry in Part 1, its goals ---- */

static void
check_overview_parts (JxChecker *c, JxProject *project)
{
  const struct { const char *text; const char *suffix; const char *message; } parts[] = {
    { jx_project_get_overview_description (project), ".overview.description",
      N_("The project’s entry in Part 1 (二、分项绩效目标) has no description: say in a sentence "
         "or two what the project does.") },
    { jx_project_get_overview_goal (project), ".overview.goal",
      N_("The project’s entry in Part 1 has no 绩效目标: state what the project is to achieve "
         "this year.") },
    { jx_project_get_overview_indicator_summary (project), ".overview.indicator_summary",
      N_("The project’s entry in Part 1 has no 绩效指标: name its main indicators and their "
         "targets.") },
  };
  guint blank = 0;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    blank += jx_text_is_blank (parts[i].text) ? 1 : 0;
  /* All three blank is overview-missing. */
  if (blank == 0 || blank == G_N_ELEMENTS (parts))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (jx_text_is_blank (parts[i].text))
      jx_checker_report (c, RULE_OVERVIEW_INCOMPLETE, parts[i].suffix, "%s", _(parts[i].message));
}

static void
check_overview_amount (JxChecker *c, JxProject *project, const char *suffix, const char *text)
{
  const struct { const char *label; JxMoney amount; } funds[] = {
    { "预算数", jx_project_get_total (project) },
    { "财政资金", jx_project_get_fiscal (project) },
    { "其他资金", jx_project_get_other (project) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (funds); i++)
    {
      g_autofree char *written = NULL;
      g_autofree char *actual = NULL;
      JxMoney stated;

      if (!jx_money_text_after (text, funds[i].label, c->unit, &stated, &written) ||
          stated == funds[i].amount)
        continue;
      actual = jx_money_format (funds[i].amount);
      jx_checker_report (c, RULE_OVERVIEW_AMOUNT_MISMATCH, suffix,
                         _("The Part 1 entry says %s %s, but the project’s funds give %s %s: "
                           "make the text and the table agree."),
                         funds[i].label, written, actual, c->unit);
      return;
    }
}

static void
check_project_goals (JxChecker *c, JxProject *project)
{
  GListModel *goals = jx_project_get_goals (project);

  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(JxTextItem) goal = g_list_model_get_item (goals, i);
      char suffix[JX_CHECKER_SUFFIX_SIZE];
      g_autofree char *prefix = g_strdup_printf ("%u.", i + 1);

      jx_checker_suffix (suffix, ".goals", i, NULL);

      check_numbering (c, suffix, jx_text_item_get_text (goal), prefix);
      check_model_glyphs (c, suffix, jx_text_item_get_text (goal));
    }
}

static void
check_indicator_glyphs (JxChecker *c, JxProject *project)
{
  GListModel *indicators = jx_project_get_indicators (project);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(JxIndicator) indicator = g_list_model_get_item (indicators, i);
      const struct { const char *field; const char *text; } fields[] = {
        { ".level1", jx_indicator_get_level1 (indicator) },
        { ".level2", jx_indicator_get_level2 (indicator) },
        { ".name", jx_indicator_get_name (indicator) },
        { ".description", jx_indicator_get_description (indicator) },
        { ".value", jx_indicator_get_value (indicator) },
        { ".basis", jx_indicator_get_basis (indicator) },
      };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          char suffix[JX_CHECKER_SUFFIX_SIZE];

          check_model_glyphs (c, jx_checker_suffix (suffix, ".indicators", i, fields[f].field),
                        fields[f].text);
        }
    }
}

static void
check_project_glyphs (JxChecker *c, JxProject *project)
{
  check_model_glyphs (c, ".code", jx_project_get_code (project));
  check_model_glyphs (c, ".name", jx_project_get_name (project));
  check_model_glyphs (c, ".usage", jx_project_get_usage (project));
  check_model_glyphs (c, ".overview.description", jx_project_get_overview_description (project));
  check_model_glyphs (c, ".overview.goal", jx_project_get_overview_goal (project));
  check_model_glyphs (c, ".overview.indicator_summary",
                jx_project_get_overview_indicator_summary (project));
  check_indicator_glyphs (c, project);
}

void
jx_checks_glyphs (JxChecker  *c,
                  const char *suffix,
                  const char *text)
{
  check_glyphs (c, suffix, text);
}

void
jx_checks_part1_project (JxChecker *c,
                         JxProject *project)
{
  check_overview_parts (c, project);
  check_overview_amount (c, project, ".overview.description",
                         jx_project_get_overview_description (project));
  check_project_goals (c, project);
  check_project_glyphs (c, project);
}
