/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "jx-measure.h"
#include "jx-page-layout-private.h"
#include "jx-text-item.h"

/* Two characters of 3号 text: the first-line indent of every paragraph. */
#define INDENT (2 * 16.0)

/* Each text is shaped once, when it is measured, and drawn from what was
 * measured: the shaped texts are kept, compact, for the layout's life.
 * Forms repeat the same labels, values and bases in every table: equal
 * texts at equal widths are shaped once between them. */

typedef struct
{
  const char *text;   /* interned: equal texts have equal pointers */
  float w, indent;
  guint bold_len;
  guint8 role, align, flags;
} LayoutKey;

G_DEFINE_FINAL_TYPE (JxPageLayout, jx_page_layout, G_TYPE_OBJECT)

static guint
layout_key_hash (gconstpointer data)
{
  const LayoutKey *key = data;

  return g_direct_hash (key->text) ^ (guint) (key->w * 64) ^ (key->role << 24) ^
         (key->flags << 16) ^ (key->align << 20) ^ key->bold_len ^ ((guint) key->indent << 8);
}

static gboolean
layout_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const LayoutKey *x = a, *y = b;

  return x->text == y->text && x->w == y->w && x->indent == y->indent &&
         x->bold_len == y->bold_len && x->role == y->role && x->align == y->align &&
         x->flags == y->flags;
}

static void
page_free (gpointer data)
{
  JxPage *page = data;

  g_array_unref (page->boxes);
  g_free (page);
}

static void
outline_entry_clear (gpointer data)
{
  JxOutlineEntry *entry = data;

  g_free (entry->title);
}

static void
page_chart_clear (gpointer data)
{
  JxPageChart *chart = data;

  g_clear_pointer (&chart->series, jx_chart_series_unref);
}

static void
jx_page_layout_finalize (GObject *object)
{
  JxPageLayout *self = JX_PAGE_LAYOUT (object);

  g_clear_object (&self->measure);
  g_hash_table_unref (self->shaped);
  g_clear_object (&self->context);
  g_string_chunk_free (self->strings);
  g_ptr_array_unref (self->pages);
  g_array_unref (self->outline);
  g_free (self->title);
  g_free (self->author);
  g_array_unref (self->charts);
  G_OBJECT_CLASS (jx_page_layout_parent_class)->finalize (object);
}

static void
jx_page_layout_class_init (JxPageLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jx_page_layout_finalize;
}

static void
jx_page_layout_init (JxPageLayout *self)
{
  self->context = jx_page_context_new ();
  self->measure = pango_layout_new (self->context);
  self->shaped = g_hash_table_new_full (layout_key_hash, layout_key_equal, g_free,
                                        (GDestroyNotify) jx_shaped_text_free);
  self->strings = g_string_chunk_new (64 * 1024);
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->outline = g_array_new (FALSE, TRUE, sizeof (JxOutlineEntry));
  g_array_set_clear_func (self->outline, outline_entry_clear);
  self->charts = g_array_new (FALSE, TRUE, sizeof (JxPageChart));
  g_array_set_clear_func (self->charts, page_chart_clear);
  self->appendix_entry = G_MAXUINT;
}

/* ---- the flow ---------------------------------------------------------- */

double
jx_page_layout_pitch (JxFontRole role)
{
  return jx_font_role_get_info (role)->pitch;
}

const char *
jx_page_layout_intern (JxPageLayout *self,
                       const char   *text)
{
  return g_string_chunk_insert_const (self->strings, text != NULL ? text : "");
}

JxPage *
jx_page_layout_last_page (JxPageLayout *self)
{
  return g_ptr_array_index (self->pages, self->pages->len - 1);
}

void
jx_page_layout_new_page (JxPageLayout *self)
{
  JxPage *page = g_new0 (JxPage, 1);

  page->boxes = g_array_new (FALSE, FALSE, sizeof (JxBox));
  page->number = self->next_number;
  if (self->next_number > 0)
    self->next_number++;
  g_ptr_array_add (self->pages, page);
  self->y = 0;
}

JxBox *
jx_page_layout_add_box (JxPageLayout *self,
                        const JxBox  *box)
{
  JxPage *page = jx_page_layout_last_page (self);

  g_array_append_vals (page->boxes, box, 1);
  return &g_array_index (page->boxes, JxBox, page->boxes->len - 1);
}

JxBox
jx_page_layout_text_box (const char     *text,
                         JxFontRole      role,
                         double          x,
                         double          w,
                         PangoAlignment  align)
{
  JxBox box = { 0 };

  box.text = text;
  box.kind = JX_BOX_TEXT;
  box.role = role;
  box.x = x;
  box.w = w;
  box.align = align;
  box.link = -1;
  return box;
}

static void
setup_layout (PangoLayout  *layout,
              PangoContext *context,
              const JxBox  *box)
{
  g_autoptr(PangoFontDescription) desc =
    jx_font_role_description (context, box->role, (box->flags & JX_BOX_BOLD) != 0);
  PangoAttrList *attrs = NULL;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) floor (box->w * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_indent (layout, (int) (box->indent * PANGO_SCALE));
  pango_layout_set_alignment (layout, box->align);
  pango_layout_set_justify (layout, (box->flags & JX_BOX_JUSTIFY) != 0);
  if (box->bold_len > 0)
    {
      g_autoptr(PangoFontDescription) bold = jx_font_role_description (context, box->role, TRUE);
      PangoAttribute *attr = pango_attr_font_desc_new (bold);

      attr->start_index = 0;
      attr->end_index = box->bold_len;
      attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, attr);
    }
  pango_layout_set_attributes (layout, attrs);
  if (attrs != NULL)
    pango_attr_list_unref (attrs);
  if (box->flags & JX_BOX_MARKUP)
    pango_layout_set_markup (layout, box->text, -1);
  else
    pango_layout_set_text (layout, box->text, -1);
}

/* Only the box's text is interned; the key's flags keep what changes the
 * lines and drop what only marks the box for tests. */
const JxShapedText *
jx_page_layout_get_shaped (JxPageLayout *self,
                           const JxBox  *box)
{
  LayoutKey key = { box->text, box->w, box->indent, box->bold_len, box->role, box->align,
                    box->flags & (JX_BOX_JUSTIFY | JX_BOX_BOLD | JX_BOX_MARKUP) };
  JxShapedText *shaped = g_hash_table_lookup (self->shaped, &key);

  if (shaped == NULL)
    {
      setup_layout (self->measure, self->context, box);
      /* Markup strikes out and underlines, which Pango draws. */
      shaped = jx_shaped_text_new (self->measure,
                                   (box->flags & JX_BOX_MARKUP) ? NULL : box->text);
      g_hash_table_insert (self->shaped, g_memdup2 (&key, sizeof key), shaped);
    }
  return shaped;
}

guint
jx_page_layout_measure (JxPageLayout *self,
                        JxBox        *box)
{
  if (box->text == NULL || box->text[0] == '\0')
    box->n_lines = 0;
  else
    box->n_lines = jx_shaped_text_get_n_lines (jx_page_layout_get_shaped (self, box));
  return box->n_lines;
}

PangoLayout *
jx_page_layout_create_text (JxPageLayout *self,
                            const JxBox  *box)
{
  PangoLayout *layout;

  g_return_val_if_fail (JX_IS_PAGE_LAYOUT (self), NULL);
  g_return_val_if_fail (box != NULL && box->text != NULL, NULL);

  layout = pango_layout_new (self->context);
  setup_layout (layout, self->context, box);
  return layout;
}

static void
ensure_space (JxPageLayout *self,
              double        height)
{
  if (self->y > JX_EPSILON && JX_BLOCK_HEIGHT - self->y < height - JX_EPSILON)
    jx_page_layout_new_page (self);
}

/* Places a measured text box at the cursor, breaking it between lines over
 * as many pages as it needs, keeping two lines together at either end. */
static void
flow_box (JxPageLayout *self,
          JxBox         box)
{
  double pitch = jx_page_layout_pitch (box.role);
  guint total = box.n_lines;
  guint first = 0;

  while (first < total)
    {
      guint fit = (guint) floor ((JX_BLOCK_HEIGHT - self->y + JX_EPSILON) / pitch);
      guint rest = total - first;
      guint take = MIN (fit, rest);

      if (take < rest)
        {
          if (rest - take < 2 && take > 1)
            take = rest - 2 < take ? MAX (rest, 2) - 2 : take;
          if (take < 2 && self->y > JX_EPSILON)
            take = 0;
        }
      if (take > 0)
        {
          box.y = self->y;
          box.first_line = first;
          box.n_lines = take;
          box.h = take * pitch;
          jx_page_layout_add_box (self, &box);
          self->y += box.h;
          first += take;
        }
      if (first < total)
        jx_page_layout_new_page (self);
    }
}

static void
add_paragraph (JxPageLayout *self,
               const char   *text,
               guint         bold_len)
{
  JxBox box = jx_page_layout_text_box (jx_page_layout_intern (self, text), JX_FONT_BODY,
                                       0, JX_BLOCK_WIDTH, PANGO_ALIGN_LEFT);

  box.indent = INDENT;
  box.flags = JX_BOX_JUSTIFY;
  box.bold_len = bold_len;
  if (jx_page_layout_measure (self, &box) > 0)
    flow_box (self, box);
}

/* Each line of a multi-line text is a paragraph of its own. */
static void
add_paragraphs (JxPageLayout *self,
                const char   *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_strstrip (lines[i])[0] != '\0')
      add_paragraph (self, lines[i], 0);
}

void
jx_page_layout_add_outline (JxPageLayout *self,
             const char   *title,
             guint         level)
{
  JxOutlineEntry entry = { 0 };

  entry.title = g_strdup (title);
  entry.level = level;
  entry.page = self->pages->len - 1;
  entry.y = self->y;
  entry.number = jx_page_layout_last_page (self)->number;
  g_array_append_val (self->outline, entry);
}

/* A heading that keeps with the two lines after it. */
static void
add_heading (JxPageLayout  *self,
             const char    *text,
             JxFontRole     role,
             PangoAlignment align,
             double         indent,
             guint          outline_level)
{
  JxBox box = jx_page_layout_text_box (jx_page_layout_intern (self, text), role,
                                       0, JX_BLOCK_WIDTH, align);
  double pitch = jx_page_layout_pitch (role);

  box.indent = indent;
  jx_page_layout_measure (self, &box);
  ensure_space (self, box.n_lines * pitch + 2 * jx_page_layout_pitch (JX_FONT_BODY));
  if (outline_level != G_MAXUINT)
    jx_page_layout_add_outline (self, text, outline_level);
  flow_box (self, box);
}

/* ---- the document's parts ---------------------------------------------- */

static void
add_centered (JxPageLayout *self,
              const char   *text,
              JxFontRole    role,
              gboolean      bold,
              double        y)
{
  JxBox box = jx_page_layout_text_box (jx_page_layout_intern (self, text), role,
                                       0, JX_BLOCK_WIDTH, PANGO_ALIGN_CENTER);

  box.flags = bold ? JX_BOX_BOLD : 0;
  jx_page_layout_measure (self, &box);
  box.y = y;
  box.h = box.n_lines * jx_page_layout_pitch (role);
  jx_page_layout_add_box (self, &box);
  self->y = y + box.h;
}

static void
add_cover (JxPageLayout *self,
           JxDocument   *document)
{
  JxDepartment *department = jx_document_get_department (document);
  const char *reviewer = jx_department_get_reviewer (department);
  g_autofree char *title = g_strdup_printf ("%u年%s", jx_document_get_year (document),
                                            jx_document_get_title (document));
  double pitch = jx_page_layout_pitch (JX_FONT_BODY);

  jx_page_layout_new_page (self);
  add_centered (self, jx_department_get_name (department), JX_FONT_TITLE, FALSE, 48 * JX_MM);
  add_centered (self, title, JX_FONT_TITLE, FALSE, self->y + 12);
  if (jx_document_get_draft (document))
    add_centered (self, "（草案）", JX_FONT_TITLE, FALSE, self->y + 6);

  if (reviewer != NULL && reviewer[0] != '\0')
    {
      g_autofree char *line = g_strdup_printf ("%s审核", reviewer);

      add_centered (self, line, JX_FONT_BODY, FALSE, JX_BLOCK_HEIGHT - pitch);
    }
  {
    g_autofree char *line = g_strdup_printf ("%s编制", jx_department_get_shown_compiler (department));
    JxPage *page = jx_page_layout_last_page (self);
    guint before = page->boxes->len;
    double h;

    add_centered (self, line, JX_FONT_BODY, FALSE, 0);
    /* Stack the compiler line just above the reviewer line. */
    h = g_array_index (page->boxes, JxBox, before).h;
    g_array_index (page->boxes, JxBox, before).y =
      JX_BLOCK_HEIGHT - (reviewer != NULL && reviewer[0] != '\0' ? pitch : 0) - h;
  }
}

static void
add_overall (JxPageLayout *self,
             JxDocument   *document)
{
  GListModel *points = jx_document_get_points (document);

  add_heading (self, "一、总体绩效目标", JX_FONT_HEADING, PANGO_ALIGN_LEFT, INDENT, 1);
  add_paragraphs (self, jx_document_get_summary (document));
  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(JxTextItem) item = g_list_model_get_item (points, i);
      g_autofree char *text = g_strdup_printf ("%u、%s", i + 1, jx_text_item_get_text (item));

      add_paragraphs (self, text);
    }
}

static gboolean
has_overview (JxProject *project)
{
  return jx_project_get_overview_description (project)[0] != '\0' ||
         jx_project_get_overview_goal (project)[0] != '\0' ||
         jx_project_get_overview_indicator_summary (project)[0] != '\0';
}

static void
add_labelled (JxPageLayout *self,
              const char   *label,
              const char   *text)
{
  g_autofree char *line = NULL;

  if (text[0] == '\0')
    return;
  line = g_strconcat (label, text, NULL);
  add_paragraphs (self, line);
}

static void
add_overviews (JxPageLayout *self,
               JxDocument   *document)
{
  GListModel *projects = jx_document_get_projects (document);
  guint n = 0;

  add_heading (self, "二、分项绩效目标", JX_FONT_HEADING, PANGO_ALIGN_LEFT, INDENT, 1);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);
      g_autofree char *title = NULL;

      if (!has_overview (project))
        continue;
      title = g_strdup_printf ("%u.%s绩效目标项目", ++n, jx_project_get_printed_name (project));
      ensure_space (self, 5 * jx_page_layout_pitch (JX_FONT_BODY));
      add_paragraph (self, title, strlen (title));
      add_paragraphs (self, jx_project_get_overview_description (project));
      add_labelled (self, "绩效目标：", jx_project_get_overview_goal (project));
      add_labelled (self, "绩效指标：", jx_project_get_overview_indicator_summary (project));
    }
}

static void
add_measures (JxPageLayout *self,
              JxDocument   *document)
{
  GListModel *measures = jx_document_get_measures (document);

  add_heading (self, "三、工作保障措施", JX_FONT_HEADING, PANGO_ALIGN_LEFT, INDENT, 1);
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(JxMeasure) measure = g_list_model_get_item (measures, i);
      g_autofree char *head = g_strdup_printf ("%u.%s", i + 1, jx_measure_get_heading (measure));
      g_autofree char *text = g_strconcat (head, jx_measure_get_body (measure), NULL);
      g_autofree char *flat = g_strdelimit (g_strdup (text), "\n", ' ');

      /* Only the heading is bold: "1." stays regular when there is none. */
      add_paragraph (self, flat, jx_measure_get_heading (measure)[0] != '\0' ? strlen (head) : 0);
    }
}

static void
add_part_title (JxPageLayout *self,
                const char   *title)
{
  if (self->pages->len == 0 || self->y > JX_EPSILON)
    jx_page_layout_new_page (self);
  jx_page_layout_add_outline (self, title, 0);
  add_centered (self, title, JX_FONT_TITLE, FALSE, 0);
  self->y += jx_page_layout_pitch (JX_FONT_BODY);
}

static void
add_projects (JxPageLayout *self,
              JxDocument   *document)
{
  GListModel *projects = jx_document_get_projects (document);
  JxDepartment *department = jx_document_get_department (document);
  g_autofree char *unit_line = g_strdup_printf ("%s %s", jx_department_get_unit_code (department),
                                                jx_department_get_unit_name (department));

  add_part_title (self, "第二部分　预算项目绩效目标");
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);
      g_autofree char *title = g_strdup_printf ("%u.%s绩效目标表", i + 1,
                                                jx_project_get_printed_name (project));

      if (i > 0)
        self->y += jx_page_layout_pitch (JX_FONT_BODY);
      jx_page_layout_add_table (self, project, title, unit_line,
                                jx_document_get_money_unit (document));
    }
}

/* ---- the appendix ------------------------------------------------------- */

#define APPENDIX_TITLE "附件：部门资金支出计划"
/* Between the heading and the chart, and between the two charts. */
#define CHART_GAP (6.0 * JX_MM)

void
jx_page_layout_add_chart (JxPageLayout  *self,
                          JxChartSeries *series,
                          JxChartMode    mode,
                          double         height)
{
  JxPageChart chart = { jx_chart_series_ref (series), mode };
  JxBox box = { 0 };

  box.kind = JX_BOX_CHART;
  box.link = -1;
  box.x = 0;
  box.y = self->y;
  box.w = JX_BLOCK_WIDTH;
  box.h = height;
  box.source = self->charts->len;
  g_array_append_val (self->charts, chart);
  jx_page_layout_add_box (self, &box);
  self->y += height;
}

/* A page of its own: the heading, the cumulative chart and the period view
 * below it sharing the rest of the text block. A document without projects
 * has nothing to chart and gets no appendix; projects without plans do get
 * one, where the chart marks the missing plans. */
static void
add_appendix (JxPageLayout *self,
              JxDocument   *document)
{
  g_autoptr(JxChartSeries) series = NULL;
  double rest;

  if (g_list_model_get_n_items (jx_document_get_projects (document)) == 0)
    return;
  series = jx_chart_series_new_for_stage (document, NULL, JX_STAGE_GOALS);
  jx_page_layout_new_page (self);
  self->appendix_entry = self->outline->len;
  jx_page_layout_add_outline (self, APPENDIX_TITLE, 0);
  {
    JxBox box = jx_page_layout_text_box (jx_page_layout_intern (self, APPENDIX_TITLE), JX_FONT_HEADING,
                                         0, JX_BLOCK_WIDTH, PANGO_ALIGN_LEFT);

    jx_page_layout_measure (self, &box);
    flow_box (self, box);
  }
  self->y += CHART_GAP;
  rest = JX_BLOCK_HEIGHT - self->y - CHART_GAP;
  jx_page_layout_add_chart (self, series, JX_CHART_MODE_CUMULATIVE, floor (rest * 0.5));
  self->y += CHART_GAP;
  jx_page_layout_add_chart (self, series, JX_CHART_MODE_PERIOD, floor (JX_BLOCK_HEIGHT - self->y));
}

/* ---- 目录 --------------------------------------------------------------- */

static void
add_toc_line (JxPageLayout         *self,
              const JxOutlineEntry *entry,
              gboolean              numbered,
              guint                 page_offset)
{
  double pitch = jx_page_layout_pitch (JX_FONT_BODY);
  double number_w = 3 * 16.0;
  double indent = entry->level == 0 ? 0 : INDENT;
  JxBox title = jx_page_layout_text_box (jx_page_layout_intern (self, entry->title), JX_FONT_BODY,
                                         indent, JX_BLOCK_WIDTH - indent - number_w - 16, PANGO_ALIGN_LEFT);
  JxBox *placed;

  title.flags = entry->level == 0 ? JX_BOX_BOLD : 0;
  title.link = entry->page + page_offset;
  title.link_y = entry->y;
  jx_page_layout_measure (self, &title);
  ensure_space (self, title.n_lines * pitch);
  flow_box (self, title);
  /* The parts only group their sections; the appendix is a page to find. */
  if (entry->level == 0 && !numbered)
    return;

  placed = &g_array_index (jx_page_layout_last_page (self)->boxes, JxBox,
                           jx_page_layout_last_page (self)->boxes->len - 1);
  {
    g_autofree char *digits = g_strdup_printf ("%u", entry->number);
    JxBox number = jx_page_layout_text_box (jx_page_layout_intern (self, digits), JX_FONT_BODY,
                                            JX_BLOCK_WIDTH - number_w, number_w, PANGO_ALIGN_RIGHT);
    JxBox leader = { 0 };
    PangoRectangle logical;
    double last_w, digits_w;

    /* The leader runs from the end of the title's last line. */
    setup_layout (self->measure, self->context, placed);
    pango_layout_line_get_extents (pango_layout_get_line_readonly (self->measure, placed->n_lines - 1),
                                   NULL, &logical);
    last_w = (double) logical.width / PANGO_SCALE + (placed->n_lines == 1 ? indent : 0);
    number.y = self->y - pitch;
    number.link = title.link;
    number.link_y = title.link_y;
    jx_page_layout_measure (self, &number);
    number.h = pitch;
    jx_page_layout_add_box (self, &number);
    setup_layout (self->measure, self->context, &number);
    pango_layout_get_extents (self->measure, NULL, &logical);
    digits_w = (double) logical.width / PANGO_SCALE;
    leader.kind = JX_BOX_LEADER;
    leader.link = -1;
    leader.x = MAX (last_w, indent) + 8;
    leader.w = JX_BLOCK_WIDTH - digits_w - 6 - leader.x;
    leader.y = self->y - pitch;
    leader.h = pitch * 0.68;
    if (leader.w > 4)
      jx_page_layout_add_box (self, &leader);
  }
}

static void
add_toc (JxPageLayout *self,
         guint         content_offset)
{
  jx_page_layout_new_page (self);
  add_centered (self, "目　录", JX_FONT_TITLE, FALSE, 0);
  self->y += jx_page_layout_pitch (JX_FONT_BODY);
  for (guint i = 0; i < self->outline->len; i++)
    add_toc_line (self, &g_array_index (self->outline, JxOutlineEntry, i),
                  i == self->appendix_entry, content_offset);
}

void
jx_page_layout_add_folios (JxPageLayout *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      JxPage *page = g_ptr_array_index (self->pages, i);
      g_autofree char *text = NULL;
      JxBox box;
      double inset = jx_font_role_get_info (JX_FONT_FOLIO)->size;

      if (page->number == 0)
        continue;
      /* GB/T 9704: odd numbers right, even left, one character in. */
      text = g_strdup_printf ("— %u —", page->number);
      box = jx_page_layout_text_box (jx_page_layout_intern (self, text), JX_FONT_FOLIO,
                                     page->number % 2 ? 0 : inset, JX_BLOCK_WIDTH - inset,
                                     page->number % 2 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      box.kind = JX_BOX_FOLIO;
      jx_page_layout_measure (self, &box);
      box.y = JX_BLOCK_HEIGHT + JX_FOLIO_GAP;
      box.h = jx_page_layout_pitch (JX_FONT_FOLIO);
      g_array_append_val (page->boxes, box);
    }
}

/* The content first, so that the 目录 knows its page numbers; then the
 * cover and 目录 are put in front of it. */
static void
lay_out (JxPageLayout        *self,
         JxDocument          *document,
         const JxPageOptions *options)
{
  g_autoptr(GPtrArray) content = NULL;
  guint offset;

  self->next_number = 1;
  if (options != NULL && options->stage != JX_STAGE_GOALS)
    {
      jx_page_layout_add_stage_report (self, document, options);
      jx_page_layout_add_folios (self);
      return;
    }
  add_part_title (self, "第一部分　部门整体绩效目标");
  add_overall (self, document);
  add_overviews (self, document);
  add_measures (self, document);
  add_projects (self, document);
  if (options != NULL && options->with_charts)
    add_appendix (self, document);

  content = g_steal_pointer (&self->pages);
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->next_number = 0;
  add_cover (self, document);
  add_toc (self, 0);
  /* Page 1 is a right-hand page in two-sided printing: a 目录 of an odd
   * number of pages is followed by a blank page, without a number. */
  if (self->pages->len % 2 == 1)
    jx_page_layout_new_page (self);
  offset = self->pages->len;
  for (guint i = 1; i < self->pages->len; i++)
    {
      JxPage *page = g_ptr_array_index (self->pages, i);

      for (guint b = 0; b < page->boxes->len; b++)
        if (g_array_index (page->boxes, JxBox, b).link >= 0)
          g_array_index (page->boxes, JxBox, b).link += offset;
    }
  for (guint i = 0; i < self->outline->len; i++)
    g_array_index (self->outline, JxOutlineEntry, i).page += offset;
  g_ptr_array_set_free_func (content, NULL);
  for (guint i = 0; i < content->len; i++)
    g_ptr_array_add (self->pages, content->pdata[i]);
  jx_page_layout_add_folios (self);
}

JxPageLayout *
jx_page_layout_new (JxDocument *document)
{
  return jx_page_layout_new_full (document, NULL);
}

JxPageLayout *
jx_page_layout_new_full (JxDocument          *document,
                         const JxPageOptions *options)
{
  JxPageLayout *self;
  JxDepartment *department;

  g_return_val_if_fail (JX_IS_DOCUMENT (document), NULL);

  self = g_object_new (JX_TYPE_PAGE_LAYOUT, NULL);
  department = jx_document_get_department (document);
  self->title = g_strdup_printf ("%s%u年%s", jx_department_get_name (department),
                                 jx_document_get_year (document), jx_document_get_title (document));
  self->author = g_strdup (jx_department_get_shown_compiler (department));
  lay_out (self, document, options);
  return self;
}

guint
jx_page_layout_get_n_pages (JxPageLayout *self)
{
  g_return_val_if_fail (JX_IS_PAGE_LAYOUT (self), 0);
  return self->pages->len;
}

guint
jx_page_layout_get_page_number (JxPageLayout *self,
                                guint         page)
{
  g_return_val_if_fail (JX_IS_PAGE_LAYOUT (self), 0);
  g_return_val_if_fail (page < self->pages->len, 0);
  return ((JxPage *) g_ptr_array_index (self->pages, page))->number;
}

const JxBox *
jx_page_layout_get_boxes (JxPageLayout *self,
                          guint         page,
                          guint        *n_boxes)
{
  JxPage *p;

  g_return_val_if_fail (JX_IS_PAGE_LAYOUT (self), NULL);
  g_return_val_if_fail (page < self->pages->len, NULL);

  p = g_ptr_array_index (self->pages, page);
  if (n_boxes != NULL)
    *n_boxes = p->boxes->len;
  return (const JxBox *) p->boxes->data;
}

const JxOutlineEntry *
jx_page_layout_get_outline (JxPageLayout *self,
                            guint        *n_entries)
{
  g_return_val_if_fail (JX_IS_PAGE_LAYOUT (self), NULL);
  if (n_entries != NULL)
    *n_entries = self->outline->len;
  return (const JxOutlineEntry *) self->outline->data;
}

JxChartSeries *
jx_page_layout_get_chart (JxPageLayout *self,
                          const JxBox  *box,
                          JxChartMode  *mode)
{
  const JxPageChart *chart;

  g_return_val_if_fail (JX_IS_PAGE_LAYOUT (self), NULL);
  g_return_val_if_fail (box != NULL && box->kind == JX_BOX_CHART, NULL);
  g_return_val_if_fail (box->source < self->charts->len, NULL);

  chart = &g_array_index (self->charts, JxPageChart, box->source);
  if (mode != NULL)
    *mode = chart->mode;
  return chart->series;
}

const char *
jx_page_layout_get_title (JxPageLayout *self)
{
  g_return_val_if_fail (JX_IS_PAGE_LAYOUT (self), NULL);
  return self->title;
}

const char *
jx_page_layout_get_author (JxPageLayout *self)
{
  g_return_val_if_fail (JX_IS_PAGE_LAYOUT (self), NULL);
  return self->author;
}

PangoContext *
jx_page_layout_get_context (JxPageLayout *self)
{
  g_return_val_if_fail (JX_IS_PAGE_LAYOUT (self), NULL);
  return self->context;
}
