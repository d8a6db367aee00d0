/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "jx-docx-import-private.h"
#include "jx-measure.h"
#include "jx-numbering.h"
#include "jx-text-item.h"

/* Reads a Word file shaped like the printed document into a document. It
 * goes by the labels and headings clerks write, not by positions: every
 * department's file differs a little. Part 1 is read section by section;
 * tables are read by their label cells (jx-docx-import-table.c). What
 * cannot be placed goes into the report with its place. */

typedef struct
{
  char *title;       /* the title line, numbering stripped */
  char *name;        /* the project name it gives */
  GString *description;
  GString *goal;
  GString *summary;
  guint number;      /* paragraph of the title */
} Overview;

static void
overview_free (gpointer data)
{
  Overview *overview = data;

  g_free (overview->title);
  g_free (overview->name);
  g_string_free (overview->description, TRUE);
  g_string_free (overview->goal, TRUE);
  g_string_free (overview->summary, TRUE);
  g_free (overview);
}

/* ---- Text helpers ---- */

/* The length of a blank at p (ASCII space or control, U+00A0, U+200B,
 * U+3000, U+FEFF), or 0. */
static gsize
blank_length (const char *p)
{
  const guchar *u = (const guchar *) p;

  if (u[0] < 0x80)
    return g_ascii_isspace (u[0]) ? 1 : 0;
  if (u[0] == 0xC2 && u[1] == 0xA0)
    return 2;
  if ((u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80) ||
      (u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0x8B) ||
      (u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF))
    return 3;
  return 0;
}

char *
jx_docx_compact (const char *text)
{
  gsize length = strlen (text);
  char *out = g_malloc (length + 1);
  char *o = out;

  for (const char *p = text; *p;)
    {
      gsize blank = blank_length (p);

      if (blank > 0)
        p += blank;
      else
        *o++ = *p++;
    }
  *o = '\0';
  return out;
}

char *
jx_docx_trim (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);
  gsize blank;

  while ((blank = blank_length (start)) > 0)
    start += blank;
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (blank_length (prev) != (gsize) (end - prev))
        break;
      end = prev;
    }
  return g_strndup (start, (gsize) (end - start));
}

char *
jx_docx_place_para (guint number)
{
  /* TRANSLATORS: a place in an imported Word file. */
  return g_strdup_printf (_("paragraph %u"), number);
}

char *
jx_docx_place_row (guint table, guint row)
{
  /* TRANSLATORS: a place in an imported Word file. */
  return g_strdup_printf (_("table %u, row %u"), table, row);
}

static void
note_para (JxDocxImport *im, const JxDocxPara *para, const char *format, const char *text)
{
  g_autofree char *place = jx_docx_place_para (para->number);

  jx_import_report_add (im->report, place, format, text);
}

/* The text without typed numbering and its spaces, for headings. */
static char *
heading_key (const char *text)
{
  g_autofree char *compact = jx_docx_compact (text);
  g_autofree char *stripped = jx_numbering_strip (compact);
  gsize length = strlen (stripped);

  /* "总体绩效目标：" is a label too. */
  if (g_str_has_suffix (stripped, "："))
    stripped[length - strlen ("：")] = '\0';
  else if (g_str_has_suffix (stripped, ":"))
    stripped[length - 1] = '\0';
  return g_steal_pointer (&stripped);
}

/* ---- Headings ---- */

typedef enum
{
  HEADING_NONE,
  HEADING_TOC,
  HEADING_PART_ONE,
  HEADING_OVERALL,
  HEADING_OVERVIEWS,
  HEADING_MEASURES,
  HEADING_PART_TWO,
} Heading;

static Heading
heading_of (const char *text)
{
  g_autofree char *key = heading_key (text);

  /* Headings are short; a sentence that mentions one is not it. */
  if (g_utf8_strlen (key, -1) > 20)
    return HEADING_NONE;
  if (strcmp (key, "目录") == 0)
    return HEADING_TOC;
  if (g_str_has_prefix (key, "第一部分") || strcmp (key, "部门整体绩效目标") == 0)
    return HEADING_PART_ONE;
  if (g_str_has_prefix (key, "第二部分") || strcmp (key, "预算项目绩效目标") == 0 ||
      strcmp (key, "项目绩效目标") == 0)
    return HEADING_PART_TWO;
  if (strcmp (key, "总体绩效目标") == 0 || strcmp (key, "部门总体绩效目标") == 0 ||
      strcmp (key, "整体绩效目标") == 0)
    return HEADING_OVERALL;
  if (strcmp (key, "分项绩效目标") == 0)
    return HEADING_OVERVIEWS;
  if (strcmp (key, "工作保障措施") == 0 || strcmp (key, "保障措施") == 0)
    return HEADING_MEASURES;
  return HEADING_NONE;
}

/* A 目录 line: "一、总体绩效目标……2", a page number after a leader or a
 * tab, or a paragraph in one of Word's 目录 styles. */
static gboolean
is_toc_line (const JxDocxPara *para)
{
  g_autofree char *text = jx_docx_trim (para->text);
  const char *end = text + strlen (text);
  const char *p = end;

  if (para->style != NULL && g_str_has_prefix (para->style, "toc"))
    return TRUE;
  while (p > text && g_ascii_isdigit (p[-1]))
    p--;
  if (p == end || p == text)
    return FALSE;
  {
    const char *before = g_utf8_prev_char (p);
    gunichar c = g_utf8_get_char (before);

    return c == '\t' || c == '.' || c == 0x2026 || c == 0x00B7 || c == 0x2025 ||
           c == 0xFF0E || c == 0x22EF || c == ' ' || c == '_';
  }
}

/* The next paragraph with text, if it comes before the next table. */
static const JxDocxPara *
next_para (JxDocxImport *im)
{
  for (GList *l = im->pending->head != NULL ? im->pending->head->next : NULL; l; l = l->next)
    {
      JxDocxBlock *block = l->data;
      g_autofree char *text = NULL;

      if (block->table != NULL)
        return NULL;
      text = jx_docx_trim (block->para->text);
      if (text[0] != '\0')
        return block->para;
    }
  return NULL;
}

/* In the 目录, a part's line has no page number: it is a 目录 line when
 * one follows it. */
static gboolean
in_toc (JxDocxImport *im, const JxDocxPara *para)
{
  const JxDocxPara *next;

  if (is_toc_line (para))
    return TRUE;
  next = next_para (im);
  return heading_of (para->text) != HEADING_NONE && next != NULL && is_toc_line (next);
}

/* ---- The cover ---- */

/* "2024年部门预算绩效文本" and "遵化市…2024年部门预算绩效文本（草案）". */
static gboolean
cover_title (JxDocxImport *im, const char *compact)
{
  const char *p = compact;
  const char *year_at = NULL;
  g_autofree char *title = NULL;
  char *draft;

  if (strstr (compact, "绩效") == NULL && strstr (compact, "预算") == NULL)
    return FALSE;
  for (; *p; p++)
    if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
        g_ascii_isdigit (p[3]) && g_str_has_prefix (p + 4, "年") && (p == compact || !g_ascii_isdigit (p[-1])))
      {
        year_at = p;
        break;
      }
  if (year_at == NULL)
    return FALSE;
  {
    guint year = (guint) atoi (year_at);

    if (year < JX_YEAR_MIN || year > JX_YEAR_MAX)
      return FALSE;
    jx_document_set_year (im->document, year);
  }
  if (year_at > compact && im->department->len == 0)
    g_string_append_len (im->department, compact, year_at - compact);
  title = g_strdup (year_at + 4 + strlen ("年"));
  draft = strstr (title, "草案");
  if (draft != NULL)
    {
      /* "（草案）" or "(草案)" after the title. */
      if (draft > title)
        {
          const char *open = g_utf8_prev_char (draft);

          if (g_utf8_get_char (open) == 0xFF08 || *open == '(')
            draft = (char *) open;
        }
      *draft = '\0';
      jx_document_set_draft (im->document, TRUE);
    }
  if (title[0] != '\0')
    jx_document_set_title (im->document, title);
  im->year_found = TRUE;
  return TRUE;
}

static gboolean
strip_suffix (char *text, const char *suffix)
{
  if (!g_str_has_suffix (text, suffix) || strlen (text) == strlen (suffix))
    return FALSE;
  text[strlen (text) - strlen (suffix)] = '\0';
  return TRUE;
}

static gboolean
strip_prefix_label (char **text, const char *label)
{
  char *rest;

  if (!g_str_has_prefix (*text, label))
    return FALSE;
  rest = *text + strlen (label);
  if (g_str_has_prefix (rest, "："))
    rest += strlen ("：");
  else if (*rest == ':')
    rest++;
  else
    return FALSE;
  memmove (*text, rest, strlen (rest) + 1);
  return TRUE;
}

static void
cover_line (JxDocxImport *im, const JxDocxPara *para)
{
  JxDepartment *department = jx_document_get_department (im->document);
  g_autofree char *compact = jx_docx_compact (para->text);

  if (strcmp (compact, "（草案）") == 0 || strcmp (compact, "(草案)") == 0 ||
      strcmp (compact, "草案") == 0)
    jx_document_set_draft (im->document, TRUE);
  else if (strip_suffix (compact, "编制") || strip_prefix_label (&compact, "编制单位"))
    jx_department_set_compiler (department, compact);
  else if (strip_suffix (compact, "审核") || strip_prefix_label (&compact, "审核单位"))
    jx_department_set_reviewer (department, compact);
  else if (cover_title (im, compact))
    return;
  else if (!im->year_found)
    /* The department's name, perhaps over two lines. */
    g_string_append (im->department, compact);
  else
    note_para (im, para, _("Text on the cover other than the department, the title, "
                           "（草案） and the 编制 and 审核 lines was not imported: “%s”"),
               para->text);
}

/* ---- Part 1 ---- */

static gboolean
is_numbered (const JxDocxPara *para, const char *text)
{
  return para->numbered || jx_numbering_has (text);
}

static void
append_line (GString *text, const char *line)
{
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
}

/* Gives the gathered text to what it belongs to. */
static void
flush_tail (JxDocxImport *im)
{
  if (im->tail_of == NULL)
    return;
  if (JX_IS_DOCUMENT (im->tail_of))
    jx_document_set_summary (JX_DOCUMENT (im->tail_of), im->tail->str);
  else if (JX_IS_TEXT_ITEM (im->tail_of))
    jx_text_item_set_text (JX_TEXT_ITEM (im->tail_of), im->tail->str);
  else
    jx_measure_set_body (JX_MEASURE (im->tail_of), im->tail->str);
  g_clear_object (&im->tail_of);
  g_string_truncate (im->tail, 0);
}

/* Adds line to the text of owner, which is current until paragraphs start
 * going there; a line break before it unless the text is still empty and
 * always_break is FALSE. */
static void
add_to_tail (JxDocxImport *im,
             gpointer      owner,
             const char   *current,
             const char   *line,
             gboolean      always_break)
{
  if (im->tail_of != owner)
    {
      flush_tail (im);
      im->tail_of = g_object_ref (owner);
      g_string_assign (im->tail, current);
    }
  if (always_break)
    g_string_append_c (im->tail, '\n');
  else if (im->tail->len > 0)
    g_string_append_c (im->tail, '\n');
  g_string_append (im->tail, line);
}

static void
overall_line (JxDocxImport *im, const JxDocxPara *para, const char *text)
{
  GListStore *points = G_LIST_STORE (jx_document_get_points (im->document));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (points));

  if (is_numbered (para, text))
    {
      g_autofree char *point = jx_numbering_strip (text);
      g_autoptr(JxTextItem) item = jx_text_item_new (point);

      g_list_store_append (points, item);
    }
  else if (n == 0)
    add_to_tail (im, im->document, jx_document_get_summary (im->document), text, FALSE);
  else
    {
      /* A point's second paragraph. */
      g_autoptr(JxTextItem) last = g_list_model_get_item (G_LIST_MODEL (points), n - 1);

      add_to_tail (im, last, jx_text_item_get_text (last), text, TRUE);
    }
}

/* "1.人大招商资金绩效目标项目" → "人大招商资金". */
static char *
overview_name (const char *title)
{
  static const char *suffixes[] = { "绩效目标项目", "绩效目标", "项目" };
  char *name = g_strdup (title);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (strip_suffix (name, suffixes[i]))
      break;
  return name;
}

static gboolean
is_overview_title (const JxDocxPara *para, const char *text)
{
  g_autofree char *compact = jx_docx_compact (text);
  gboolean all_bold = para->bold != NULL && para->bold->len == 2 &&
                      g_array_index (para->bold, guint, 0) == 0 &&
                      g_array_index (para->bold, guint, 1) >= strlen (para->text) - 1;

  if (g_str_has_suffix (compact, "绩效目标项目"))
    return TRUE;
  return is_numbered (para, text) && (all_bold || g_str_has_suffix (compact, "项目")) &&
         g_utf8_strlen (compact, -1) <= 60;
}

static gboolean
labelled (const char *text, const char *label, const char **rest)
{
  if (!g_str_has_prefix (text, label))
    return FALSE;
  *rest = text + strlen (label);
  if (g_str_has_prefix (*rest, "："))
    *rest += strlen ("：");
  else if (**rest == ':')
    (*rest)++;
  else
    return FALSE;
  return TRUE;
}

static void
overview_line (JxDocxImport *im, const JxDocxPara *para, const char *text)
{
  Overview *current = im->overviews->len > 0
                      ? g_ptr_array_index (im->overviews, im->overviews->len - 1) : NULL;
  const char *rest;

  if (is_overview_title (para, text))
    {
      Overview *overview = g_new0 (Overview, 1);
      g_autofree char *stripped = jx_numbering_strip (text);

      overview->title = jx_docx_trim (stripped);
      overview->name = overview_name (overview->title);
      overview->description = g_string_new (NULL);
      overview->goal = g_string_new (NULL);
      overview->summary = g_string_new (NULL);
      overview->number = para->number;
      g_ptr_array_add (im->overviews, overview);
    }
  else if (current == NULL)
    note_para (im, para, _("Text before the first project of 分项绩效目标 was not imported: "
                           "“%s”"), text);
  else if (labelled (text, "绩效目标", &rest))
    append_line (current->goal, rest);
  else if (labelled (text, "绩效指标", &rest))
    append_line (current->summary, rest);
  else
    append_line (current->description, text);
}

/* Without bold, a short first sentence ending in 。 is the heading, as the
 * printout sets it; a longer one is all body. */
static void
split_sentence (const char *text, char **heading, char **body)
{
  const char *stop = strstr (text, "。");

  if (stop != NULL && g_utf8_strlen (text, stop - text) < 40 && stop[strlen ("。")] != '\0')
    {
      *heading = g_strndup (text, stop + strlen ("。") - text);
      *body = g_strdup (stop + strlen ("。"));
    }
  else
    {
      *heading = g_strdup ("");
      *body = g_strdup (text);
    }
}

/* The bold lead-in after the numbering is the heading: TRUE then, FALSE
 * when the heading was guessed from the first sentence. */
static gboolean
split_measure (const JxDocxPara *para, char **heading, char **body)
{
  g_autofree char *trimmed = jx_docx_trim (para->text);
  gsize lead = strstr (para->text, trimmed) - para->text;
  gsize skip = lead + jx_numbering_length (trimmed);
  const char *text = para->text + skip;
  gboolean bold = FALSE;

  for (guint i = 0; para->bold != NULL && i + 1 < para->bold->len && !bold; i += 2)
    {
      guint start = g_array_index (para->bold, guint, i);
      guint end = g_array_index (para->bold, guint, i + 1);

      /* The number itself may be regular, as the printout sets it. */
      if (end > skip && start <= skip + 3)
        {
          *heading = g_strndup (text, end - skip);
          *body = g_strdup (para->text + end);
          bold = TRUE;
        }
    }
  if (!bold)
    split_sentence (text, heading, body);
  g_strstrip (*heading);
  g_strstrip (*body);
  return bold;
}

static void
measure_line (JxDocxImport *im, const JxDocxPara *para, const char *text)
{
  GListStore *measures = G_LIST_STORE (jx_document_get_measures (im->document));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (measures));

  if (is_numbered (para, text))
    {
      g_autofree char *heading = NULL;
      g_autofree char *body = NULL;
      g_autoptr(JxMeasure) measure = NULL;

      gboolean bold = split_measure (para, &heading, &body);

      measure = jx_measure_new (heading, body);
      if (bold)
        im->bold_measures = TRUE;
      else if (heading[0] != '\0')
        g_ptr_array_add (im->guessed, g_object_ref (measure));
      g_list_store_append (measures, measure);
    }
  else if (n > 0)
    {
      g_autoptr(JxMeasure) last = g_list_model_get_item (G_LIST_MODEL (measures), n - 1);

      add_to_tail (im, last, jx_measure_get_body (last), text, FALSE);
    }
  else
    note_para (im, para, _("Text before the first measure of 工作保障措施 was not imported: "
                           "“%s”"), text);
}

/* ---- Part 2 between the tables ---- */

/* "101001 遵化市…本级　　单位：万元": the budget unit and the money unit. */
static gboolean
unit_line (JxDocxImport *im, const char *text)
{
  JxDepartment *department = jx_document_get_department (im->document);
  g_autofree char *head = NULL;
  g_autofree char *before = NULL;
  const char *unit = strstr (text, "单位：");
  const char *p;

  if (unit == NULL)
    unit = strstr (text, "单位:");
  head = unit != NULL ? g_strndup (text, unit - text) : g_strdup (text);
  before = jx_docx_trim (head);
  if (unit != NULL)
    {
      g_autofree char *name = jx_docx_compact (strchr (unit, ':') != NULL
                                               ? strchr (unit, ':') + 1
                                               : unit + strlen ("单位："));
      guint64 factor;

      if (jx_docx_parse_unit (name, &factor))
        im->unit_factor = factor;
    }
  /* The code is digits (and letters), then the unit's name. */
  for (p = before; g_ascii_isalnum (*p); p++)
    ;
  if (p - before >= 3 && (*p == ' ' || *p == '\t' || g_str_has_prefix (p, "　")))
    {
      g_autofree char *code = g_strndup (before, p - before);
      g_autofree char *name = jx_docx_trim (p);

      if (!im->unit_line_found)
        {
          jx_department_set_unit_code (department, code);
          jx_department_set_unit_name (department, name);
          im->unit_line_found = TRUE;
        }
      return TRUE;
    }
  return unit != NULL;
}

static void
tables_line (JxDocxImport *im, const JxDocxPara *para, const char *text)
{
  g_autofree char *compact = jx_docx_compact (text);

  if (g_str_has_suffix (compact, "绩效目标表"))
    {
      g_autofree char *stripped = jx_numbering_strip (compact);

      strip_suffix (stripped, "绩效目标表");
      g_free (im->title_name);
      im->title_name = g_steal_pointer (&stripped);
    }
  else if (!unit_line (im, text))
    note_para (im, para, _("Text between the project tables was not imported: “%s”"), text);
}

/* ---- Paragraph dispatch ---- */

static JxDocxPart
part_of (Heading heading)
{
  static const JxDocxPart parts[] = {
    [HEADING_TOC] = JX_PART_TOC,
    [HEADING_PART_ONE] = JX_PART_ONE,
    [HEADING_OVERALL] = JX_PART_OVERALL,
    [HEADING_OVERVIEWS] = JX_PART_OVERVIEWS,
    [HEADING_MEASURES] = JX_PART_MEASURES,
    [HEADING_PART_TWO] = JX_PART_TWO,
  };

  return parts[heading];
}

static void
paragraph (JxDocxImport *im, const JxDocxPara *para)
{
  g_autofree char *text = jx_docx_trim (para->text);
  Heading heading;

  if (text[0] == '\0')
    return;
  if (im->part == JX_PART_TOC && in_toc (im, para))
    return;
  heading = heading_of (text);
  if (heading != HEADING_NONE)
    {
      /* A section's heading repeated as its first line ("总体绩效目标：")
       * leaves it where it is. */
      flush_tail (im);
      im->part = part_of (heading);
      return;
    }
  switch (im->part)
    {
    case JX_PART_COVER:
    case JX_PART_TOC:
      cover_line (im, para);
      break;
    case JX_PART_OVERALL:
      overall_line (im, para, text);
      break;
    case JX_PART_OVERVIEWS:
      overview_line (im, para, text);
      break;
    case JX_PART_MEASURES:
      measure_line (im, para, text);
      break;
    case JX_PART_TWO:
      tables_line (im, para, text);
      break;
    case JX_PART_ONE:
    default:
      note_para (im, para, _("Text outside the sections of 第一部分 was not imported: “%s”"),
                 text);
    }
}

/* ---- Matching 分项绩效目标 to the projects ---- */

/* Projects by their names without spaces, for matching 分项绩效目标. */
static GHashTable *
projects_by_name (JxDocument *document)
{
  GListModel *projects = jx_document_get_projects (document);
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      JxProject *project = g_list_model_get_item (projects, i);
      char *name = jx_docx_compact (jx_project_get_name (project));

      if (name[0] == '\0' || g_hash_table_contains (names, name))
        {
          g_free (name);
          g_object_unref (project);
          continue;
        }
      g_hash_table_insert (names, name, project);
    }
  return names;
}

/* The project of the same name; else the one with the longest name the
 * title contains or is contained in: "人大“智慧人大”系统经费" gives the
 * project "“智慧人大”系统经费". */
static JxProject *
project_for_overview (GHashTable *names, const Overview *overview)
{
  g_autofree char *name = jx_docx_compact (overview->name);
  JxProject *best = g_hash_table_lookup (names, name);
  gsize best_length = 0;
  GHashTableIter iter;
  gpointer key, value;

  if (best != NULL || name[0] == '\0')
    return best;
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gsize length = strlen (key);

      if ((strstr (name, key) != NULL || strstr (key, name) != NULL) && length > best_length)
        {
          best = value;
          best_length = length;
        }
    }
  return best;
}

static void
attach_overviews (JxDocxImport *im)
{
  g_autoptr(GHashTable) names = projects_by_name (im->document);

  for (guint i = 0; i < im->overviews->len; i++)
    {
      Overview *overview = g_ptr_array_index (im->overviews, i);
      JxProject *project = project_for_overview (names, overview);

      if (project == NULL)
        {
          g_autofree char *place = jx_docx_place_para (overview->number);

          jx_import_report_add (im->report, place,
                                _("The 分项绩效目标 “%s” matches no project table and was "
                                  "not imported: %s"), overview->title,
                                overview->description->str);
          continue;
        }
      jx_project_set_overview_description (project, overview->description->str);
      jx_project_set_overview_goal (project, overview->goal->str);
      jx_project_set_overview_indicator_summary (project, overview->summary->str);
    }
}

/* ---- The whole ---- */

static gboolean
has_content (JxDocument *document)
{
  return g_list_model_get_n_items (jx_document_get_projects (document)) > 0 ||
         g_list_model_get_n_items (jx_document_get_points (document)) > 0 ||
         g_list_model_get_n_items (jx_document_get_measures (document)) > 0 ||
         jx_document_get_summary (document)[0] != '\0';
}

/* Where other measures have bold headings, one without had none. */
static void
undo_guesses (JxDocxImport *im)
{
  if (!im->bold_measures)
    return;
  for (guint i = 0; i < im->guessed->len; i++)
    {
      JxMeasure *measure = g_ptr_array_index (im->guessed, i);
      const char *body = jx_measure_get_body (measure);
      g_autofree char *whole = g_strconcat (jx_measure_get_heading (measure), body, NULL);

      jx_measure_set_heading (measure, "");
      jx_measure_set_body (measure, whole);
    }
}

static void
finish (JxDocxImport *im)
{
  JxDepartment *department = jx_document_get_department (im->document);

  flush_tail (im);
  undo_guesses (im);
  jx_docx_import_finish_project (im);
  attach_overviews (im);
  if (im->department->len > 0)
    jx_department_set_name (department, im->department->str);
  if (!im->year_found)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      guint year = (guint) g_date_time_get_year (now) + 1;

      jx_document_set_year (im->document, year);
      jx_import_report_add (im->report, _("cover"),
                            _("No “2024年部门预算绩效文本” line gives the year: it was set "
                              "to %u."), year);
    }
}

static void
read_block (JxDocxImport *im, JxDocxBlock *block)
{
  if (block->para != NULL)
    paragraph (im, block->para);
  else
    jx_docx_import_table (im, block->table);
}

static gboolean
has_text (const JxDocxBlock *block)
{
  g_autofree char *text = NULL;

  if (block->table != NULL)
    return TRUE;
  text = jx_docx_trim (block->para->text);
  return text[0] != '\0';
}

static void
free_block (gpointer data)
{
  jx_docx_block_clear (data);
  g_free (data);
}

/* Blocks are read as they come, each once the next paragraph with text
 * (or a table) is known: a 目录 line is told by what follows it. */
static void
block_cb (JxDocxBlock block, gpointer data)
{
  JxDocxImport *im = data;
  JxDocxBlock *copy = g_memdup2 (&block, sizeof block);

  g_queue_push_tail (im->pending, copy);
  if (!has_text (copy))
    return;
  while (im->pending->length > 1)
    {
      JxDocxBlock *head = g_queue_peek_head (im->pending);

      read_block (im, head);
      free_block (g_queue_pop_head (im->pending));
    }
}

static void
read_rest (JxDocxImport *im)
{
  while (!g_queue_is_empty (im->pending))
    {
      JxDocxBlock *head = g_queue_peek_head (im->pending);

      read_block (im, head);
      free_block (g_queue_pop_head (im->pending));
    }
}

static void
import_free (JxDocxImport *im)
{
  g_queue_free_full (im->pending, free_block);
  g_string_free (im->department, TRUE);
  g_clear_object (&im->tail_of);
  g_string_free (im->tail, TRUE);
  g_ptr_array_unref (im->overviews);
  g_ptr_array_unref (im->guessed);
  g_free (im->title_name);
  g_clear_pointer (&im->months, g_array_unref);
  g_clear_object (&im->project);
}

JxDocument *
jx_import_docx (GsfInfile      *zip,
                JxImportBudget *budget,
                JxImportReport *report,
                GError        **error)
{
  JxDocxImport im = { 0 };

  im.document = jx_document_new ();
  /* A file without 草案 on its cover is the final text. */
  jx_document_set_draft (im.document, FALSE);
  im.report = report;
  im.pending = g_queue_new ();
  im.department = g_string_new (NULL);
  im.tail = g_string_new (NULL);
  im.overviews = g_ptr_array_new_with_free_func (overview_free);
  im.guessed = g_ptr_array_new_with_free_func (g_object_unref);
  im.unit_factor = 10000;

  /* What follows the body's reading is quick, but a cancel that came
   * during it is not undone. */
  if (!jx_docx_body_read (zip, budget, block_cb, &im, error) ||
      g_cancellable_set_error_if_cancelled (budget->cancellable, error))
    {
      import_free (&im);
      g_clear_object (&im.document);
      return NULL;
    }
  read_rest (&im);
  finish (&im);
  import_free (&im);
  if (!has_content (im.document))
    {
      g_clear_object (&im.document);
      g_set_error_literal (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_EMPTY,
                           _("The Word file has nothing shaped like a 部门预算绩效文本: no "
                             "总体绩效目标, no 工作保障措施 and no table with 项目编码."));
    }
  return im.document;
}
