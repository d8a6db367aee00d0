/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "jx-chart-private.h"
#include "jx-render.h"

/* Flagged projects named in a department note before "等". */
#define NOTE_NAMES 3
#define MAX_NOTES  5
#define JX_CHART_FONT "Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, Sans"

static gboolean
rects_overlap (const JxChartRect *a,
               const JxChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
collides (JxChartLayout     *self,
          const JxChartRect *rect)
{
  if (rect->x < 0 || rect->y < 0 || rect->x + rect->width > self->width ||
      rect->y + rect->height > self->height)
    return TRUE;
  for (guint i = 0; i < self->labels->len; i++)
    if (rects_overlap (rect, &g_array_index (self->labels, JxChartLabel, i).rect))
      return TRUE;
  return FALSE;
}

static PangoLayout *
make_text (JxChartLayout *self,
           cairo_t       *cr,
           const char    *text,
           double         scale,
           gboolean       bold,
           double         max_width)
{
  PangoLayout *layout = jx_render_create_layout (cr);
  /* One CJK family first, so that digits and Latin letters in a code or an
   * amount come from the same font as the Chinese around them. */
  PangoFontDescription *font = pango_font_description_from_string (JX_CHART_FONT);

  pango_font_description_set_absolute_size (font, self->base * scale * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (MAX (max_width, 1) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

static void
text_size (PangoLayout *layout,
           double      *width,
           double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

/* Measures a text; the caller places it with place_label. */
static JxChartLabel
measure_label (JxChartLayout    *self,
               cairo_t          *cr,
               const char       *text,
               JxChartLabelKind  kind,
               double            max_width)
{
  JxChartLabel label = { 0 };
  double scale = kind == JX_CHART_LABEL_TITLE ? 1.3 :
                 kind == JX_CHART_LABEL_NOTE || kind == JX_CHART_LABEL_SUBTITLE ? 0.9 : 1;

  label.layout = make_text (self, cr, text, scale, kind == JX_CHART_LABEL_TITLE, max_width);
  /* A long department's name and "资金支出计划与执行" do not fit one line
   * of a printed page: the title takes a second line before it is cut. */
  if (kind == JX_CHART_LABEL_TITLE && max_width > 0)
    {
      pango_layout_set_wrap (label.layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (label.layout, -2);
    }
  label.kind = kind;
  label.role = kind == JX_CHART_LABEL_SUBTITLE || kind == JX_CHART_LABEL_TICK ||
               kind == JX_CHART_LABEL_MESSAGE ? ROLE_MUTED : ROLE_TEXT;
  text_size (label.layout, &label.rect.width, &label.rect.height);
  return label;
}

static void
place_label (JxChartLayout *self,
             JxChartLabel  *label,
             double         x,
             double         y)
{
  label->rect.x = x;
  label->rect.y = y;
  g_array_append_val (self->labels, *label);
}

/* Places the label unless it would cover another or leave the chart;
 * a dropped value stays reachable by hovering. */
static gboolean
place_if_free (JxChartLayout *self,
               JxChartLabel  *label,
               double         x,
               double         y)
{
  label->rect.x = x;
  label->rect.y = y;
  if (collides (self, &label->rect))
    {
      g_object_unref (label->layout);
      return FALSE;
    }
  g_array_append_val (self->labels, *label);
  return TRUE;
}

static char *
format_percent (double percent)
{
  char *text = g_strdup_printf ("%.1f", percent);

  if (g_str_has_suffix (text, ".0"))
    text[strlen (text) - 2] = '\0';
  return text;
}

/* split: the kind of chart on a line of its own, for a title too long
 * for one line. */
static char *
make_title (JxChartLayout *self, gboolean split)
{
  JxChartSeries *s = self->series;
  const char *kind = self->mode == JX_CHART_MODE_CUMULATIVE ? "（按月末累计）" : "（分期）";
  const char *what = jx_chart_shows_actual (self) ? "资金支出计划与执行" : "资金支出计划";
  const char *sep = split ? "\n" : "";

  if (s->single_project)
    return g_strdup_printf ("%s%s%s%s", s->projects[0].name, what, sep, kind);
  return g_strdup_printf ("%u年%s%s%s%s", s->year, s->department, what, sep, kind);
}

static char *
make_subtitle (JxChartLayout *self)
{
  JxChartSeries *s = self->series;
  g_autofree char *total = jx_money_format (s->total);

  /* A new project has no code yet: no bare "项目编码" above its chart. */
  if (s->single_project && s->projects[0].code != NULL && s->projects[0].code[0] != '\0')
    return g_strdup_printf ("项目编码 %s　预算数 %s%s", s->projects[0].code, total, s->unit);
  if (s->single_project)
    return g_strdup_printf ("预算数 %s%s", total, s->unit);
  return g_strdup_printf ("共%u个项目　预算合计 %s%s", s->n_projects, total, s->unit);
}

static double
add_header (JxChartLayout *self,
            cairo_t       *cr,
            double         pad)
{
  g_autofree char *title = make_title (self, FALSE);
  g_autofree char *subtitle = make_subtitle (self);
  JxChartLabel label;
  double y = pad;

  label = measure_label (self, cr, title, JX_CHART_LABEL_TITLE, self->width - 2 * pad);
  if (pango_layout_get_line_count (label.layout) > 1)
    {
      g_autofree char *split = make_title (self, TRUE);

      g_object_unref (label.layout);
      label = measure_label (self, cr, split, JX_CHART_LABEL_TITLE, self->width - 2 * pad);
    }
  place_label (self, &label, pad, y);
  y += label.rect.height + self->base * 0.2;
  label = measure_label (self, cr, subtitle, JX_CHART_LABEL_SUBTITLE, self->width - 2 * pad);
  place_label (self, &label, pad, y);
  return y + label.rect.height + self->base * 0.6;
}

typedef struct
{
  char               *text;
  JxChartSwatchStyle  style;
  int                 colour;
  gboolean            flagged;
} LegendEntry;

static void
legend_entry_clear (gpointer data)
{
  g_free (((LegendEntry *) data)->text);
}

static void
add_entry (GArray             *entries,
           char               *text,
           JxChartSwatchStyle  style,
           int                 colour,
           gboolean            flagged)
{
  LegendEntry entry = { text, style, colour, flagged };

  g_array_append_val (entries, entry);
}

static void
add_actual_entries (JxChartLayout *self,
                    GArray        *entries)
{
  if (!jx_chart_shows_actual (self))
    return;
  add_entry (entries, jx_chart_actual_legend (self->series, FALSE), SWATCH_ACTUAL, -1, FALSE);
  if (self->series->has_expected)
    add_entry (entries, jx_chart_actual_legend (self->series, TRUE), SWATCH_EXPECTED, -1, FALSE);
}

/* Top band first, so the legend reads in the order of the stack. */
static GArray *
legend_entries (JxChartLayout *self)
{
  JxChartSeries *s = self->series;
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (LegendEntry));

  g_array_set_clear_func (entries, legend_entry_clear);
  if (s->single_project && self->mode == JX_CHART_MODE_CUMULATIVE)
    {
      add_entry (entries, g_strdup ("计划累计支出进度"), SWATCH_LINE, 0, FALSE);
      add_entry (entries, g_strdup ("均衡支出进度（参考）"), SWATCH_DASHED, -1, FALSE);
      add_actual_entries (self, entries);
      return entries;
    }
  for (guint i = s->n_bands; i-- > 0;)
    {
      JxChartBand *band = &s->bands[i];
      gboolean flagged = band->project >= 0 && s->projects[band->project].flags != 0;
      char *text = band->project >= 0 ? g_strdup (band->label)
                                      : g_strdup_printf ("%s（%u个项目）", band->label, band->n_members);

      add_entry (entries, text, SWATCH_AREA, (int) band->colour, flagged);
    }
  if (self->mode == JX_CHART_MODE_CUMULATIVE && s->n_bands > 0)
    {
      add_entry (entries, g_strdup ("合计"), SWATCH_LINE, -1, FALSE);
      add_entry (entries, g_strdup ("年度预算"), SWATCH_DASHED, -1, FALSE);
    }
  add_actual_entries (self, entries);
  return entries;
}

static void
add_swatch (JxChartLayout      *self,
            double              x,
            double              y,
            double              size,
            JxChartSwatchStyle  style,
            int                 colour)
{
  JxChartSwatch swatch = { { x, y, size, size }, style, colour };

  g_array_append_val (self->swatches, swatch);
}

/* One legend line: swatch, text, and a warning triangle for a project with
 * odd data. Returns the width used. */
static double
add_legend_line (JxChartLayout *self,
                 cairo_t       *cr,
                 LegendEntry   *entry,
                 double         x,
                 double         y,
                 double         max_text)
{
  double size = self->base * 0.9;
  double gap = self->base * 0.4;
  JxChartLabel label = measure_label (self, cr, entry->text, JX_CHART_LABEL_LEGEND, max_text);
  double text_x = x + size + gap;

  add_swatch (self, x, y + (label.rect.height - size) / 2, size, entry->style, entry->colour);
  place_label (self, &label, text_x, y);
  if (!entry->flagged)
    return size + gap + label.rect.width;
  add_swatch (self, text_x + label.rect.width + gap,
              y + (label.rect.height - size) / 2, size, SWATCH_WARNING, -1);
  return 2 * (size + gap) + label.rect.width;
}

/* On the right when the chart is wide enough, else in rows below the plot.
 * Returns the width taken on the right (0 when placed below) and lowers
 * *bottom by the rows used below. */
static double
add_legend (JxChartLayout *self,
            cairo_t       *cr,
            double         top,
            double        *bottom,
            double         pad)
{
  g_autoptr(GArray) entries = legend_entries (self);
  double line = self->base * 1.6;
  double extra = self->base * 2.6;  /* swatch, gaps and a warning mark */

  if (self->series->single_project && self->mode == JX_CHART_MODE_PERIOD)
    return 0;  /* one band: the title names it */
  if (self->width >= self->base * 48 && !self->series->single_project)
    {
      double max_text = MIN (self->base * 14, self->width * 0.28);
      double x = self->width - pad - max_text - extra;
      double used = 0;

      for (guint i = 0; i < entries->len && top + (i + 1) * line <= *bottom; i++)
        {
          double w = add_legend_line (self, cr, &g_array_index (entries, LegendEntry, i),
                                      x, top + i * line, max_text);
          used = MAX (used, w);
        }
      return used > 0 ? self->width - x + self->base : 0;
    }
  else
    {
      double max_text = MIN (self->base * 14, self->width - 2 * pad - extra);
      double x = pad, rows = 1, y;
      GArray *placed = g_array_new (FALSE, FALSE, sizeof (double));

      /* Measure the row count first: the rows sit at the bottom. */
      for (guint i = 0; i < entries->len; i++)
        {
          JxChartLabel probe = measure_label (self, cr, g_array_index (entries, LegendEntry, i).text,
                                              JX_CHART_LABEL_LEGEND, max_text);
          double w = probe.rect.width + extra;

          g_object_unref (probe.layout);
          if (x + w > self->width - pad && x > pad)
            {
              rows++;
              x = pad;
            }
          g_array_append_val (placed, x);
          x += w + self->base;
        }
      *bottom -= rows * line;
      y = *bottom;
      for (guint i = 0; i < entries->len; i++)
        {
          double ex = g_array_index (placed, double, i);

          if (i > 0 && ex <= g_array_index (placed, double, i - 1))
            y += line;
          add_legend_line (self, cr, &g_array_index (entries, LegendEntry, i), ex, y + self->base * 0.2,
                           max_text);
        }
      g_array_unref (placed);
      return 0;
    }
}

static char *
flagged_names (JxChartSeries *s,
               JxChartFlags   flag,
               gboolean       with_percent)
{
  GString *text = g_string_new (NULL);
  guint shown = 0;

  for (guint i = 0; i < s->n_projects && shown < NOTE_NAMES; i++)
    {
      JxChartProject *p = &s->projects[i];

      if (!(p->flags & flag))
        continue;
      if (shown++ > 0)
        g_string_append (text, "、");
      g_string_append (text, p->name[0] != '\0' ? p->name : p->code);
      if (with_percent && s->n_columns > 0)
        {
          g_autofree char *percent = format_percent (p->percent[s->n_columns - 1]);
          g_string_append_printf (text, "（%s%%）", percent);
        }
    }
  if (jx_chart_series_count_flag (s, flag) > shown)
    g_string_append (text, "等");
  return g_string_free (text, FALSE);
}

static const struct
{
  JxChartFlags flag;
  const char  *department;  /* "%u个项目…：" names follow */
  gboolean     percent;
} department_notes[] = {
  { JX_CHART_FLAG_EMPTY_PLAN, "%u个项目未填写资金支出计划，未计入图中：", FALSE },
  { JX_CHART_FLAG_INCOMPLETE, "%u个项目计划累计未达100%%：", TRUE },
  { JX_CHART_FLAG_DECREASING, "%u个项目计划累计比例出现下降：", FALSE },
  { JX_CHART_FLAG_ZERO_BUDGET, "%u个项目预算数为0，无金额：", FALSE },
  { JX_CHART_FLAG_UNORDERED, "%u个项目支出计划月份重复或顺序颠倒，按月份取值：", FALSE },
};

static void
department_notes_text (JxChartSeries *s,
                       GPtrArray     *notes)
{
  for (guint i = 0; i < G_N_ELEMENTS (department_notes); i++)
    {
      guint n = jx_chart_series_count_flag (s, department_notes[i].flag);
      g_autofree char *names = NULL;
      g_autofree char *head = NULL;

      if (n == 0)
        continue;
      names = flagged_names (s, department_notes[i].flag, department_notes[i].percent);
      head = g_strdup_printf (department_notes[i].department, n);
      g_ptr_array_add (notes, g_strconcat (head, names, NULL));
    }
  jx_chart_actual_notes (s, notes);
}

static void
project_notes_text (JxChartSeries *s,
                    GPtrArray     *notes)
{
  JxChartProject *p = &s->projects[0];

  if (p->flags & JX_CHART_FLAG_INCOMPLETE)
    {
      g_autofree char *percent = format_percent (p->percent[s->n_columns - 1]);
      g_ptr_array_add (notes, g_strdup_printf ("计划累计至%u月底为%s%%，未达100%%",
                                               s->months[s->n_columns - 1], percent));
    }
  if (p->flags & JX_CHART_FLAG_DECREASING)
    {
      guint c = (guint) p->decrease_column;
      g_autofree char *before = format_percent (p->percent[c - 1]);
      g_autofree char *after = format_percent (p->percent[c]);
      g_ptr_array_add (notes, g_strdup_printf ("%u月底计划累计比例低于前一节点（%s%%→%s%%）",
                                               s->months[c], before, after));
    }
  if (p->flags & JX_CHART_FLAG_ZERO_BUDGET)
    g_ptr_array_add (notes, g_strdup ("预算数为0，只能显示比例，没有金额"));
  if (p->flags & JX_CHART_FLAG_UNORDERED)
    g_ptr_array_add (notes, g_strdup ("支出计划月份重复或顺序颠倒，按月份取值"));
  jx_chart_actual_notes (s, notes);
}

/* The visible marks of odd data, as lines under the chart; returns the
 * new bottom. An empty plan is marked in the plot itself. */
static double
add_notes (JxChartLayout *self,
           cairo_t       *cr,
           double         bottom,
           double         pad)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  double size = self->base * 0.8;
  guint n;

  if (self->series->single_project)
    project_notes_text (self->series, notes);
  else
    department_notes_text (self->series, notes);
  n = MIN (notes->len, MAX_NOTES);
  for (guint i = n; i-- > 0;)
    {
      JxChartLabel label = measure_label (self, cr, g_ptr_array_index (notes, i), JX_CHART_LABEL_NOTE,
                                          self->width - 2 * pad - size - self->base * 0.4);

      label.role = ROLE_WARNING;
      bottom -= label.rect.height + self->base * 0.2;
      place_label (self, &label, pad + size + self->base * 0.4, bottom);
      add_swatch (self, pad, bottom + (label.rect.height - size) / 2, size, SWATCH_WARNING, -1);
    }
  return n > 0 ? bottom - self->base * 0.4 : bottom;
}

static void
value_range (JxChartLayout *self)
{
  JxChartSeries *s = self->series;

  self->lo = 0;
  self->hi = 0;
  if (self->percent_axis)
    {
      self->hi = MAX (100, jx_chart_actual_max (self));
      return;
    }
  for (guint c = 0; c < s->n_columns; c++)
    {
      JxMoney up = 0, down = 0;

      for (guint b = 0; b < s->n_bands && self->mode == JX_CHART_MODE_PERIOD; b++)
        *(s->bands[b].period[c] >= 0 ? &up : &down) += s->bands[b].period[c];
      if (self->mode == JX_CHART_MODE_CUMULATIVE)
        up = s->cumulative[c];
      self->hi = MAX (self->hi, jx_chart_money_value (up));
      self->lo = MIN (self->lo, jx_chart_money_value (down));
    }
  if (self->mode == JX_CHART_MODE_CUMULATIVE)
    {
      self->budget = jx_chart_money_value (s->total);
      self->hi = MAX (self->hi, self->budget);
    }
  self->hi = MAX (self->hi, jx_chart_actual_max (self));
}

static char *
format_tick (double value,
             double step)
{
  int decimals = 0;

  while (decimals < 6 && fabs (step * pow (10, decimals) - round (step * pow (10, decimals))) > 1e-6)
    decimals++;
  return g_strdup_printf ("%.*f", decimals, fabs (value) < step * 1e-9 ? 0.0 : value);
}

static double
tick_labels_width (JxChartLayout *self,
                   cairo_t       *cr)
{
  double widest = 0;

  for (guint i = 0; i < self->n_ticks; i++)
    {
      g_autofree char *text = format_tick (self->tick_first + i * self->tick_step, self->tick_step);
      JxChartLabel probe = measure_label (self, cr, text, JX_CHART_LABEL_TICK, -1);

      widest = MAX (widest, probe.rect.width);
      g_object_unref (probe.layout);
    }
  return widest;
}

static void
add_tick_labels (JxChartLayout *self,
                 cairo_t       *cr)
{
  const char *unit = self->percent_axis ? "%" : self->series->unit;
  JxChartLabel label;

  for (guint i = 0; i < self->n_ticks; i++)
    {
      double value = self->tick_first + i * self->tick_step;
      g_autofree char *text = format_tick (value, self->tick_step);

      label = measure_label (self, cr, text, JX_CHART_LABEL_TICK, -1);
      place_if_free (self, &label, self->plot.x - self->base * 0.4 - label.rect.width,
                     jx_chart_value_y (self, value) - label.rect.height / 2);
    }
  label = measure_label (self, cr, unit, JX_CHART_LABEL_TICK, -1);
  place_if_free (self, &label, MAX (self->plot.x - self->base * 0.4 - label.rect.width, 0),
                 self->plot.y - label.rect.height * 1.9);
}

static double
column_x (JxChartLayout *self,
          guint          column)
{
  if (self->mode == JX_CHART_MODE_PERIOD)
    return jx_chart_bar_x (self, column);
  return jx_chart_month_x (self, self->series->months[column]);
}

/* The year's end first: it is the label a reader looks for. */
static void
add_column_labels (JxChartLayout *self,
                   cairo_t       *cr)
{
  JxChartSeries *s = self->series;

  for (guint c = s->n_columns; c-- > 0;)
    {
      g_autofree char *text = self->mode == JX_CHART_MODE_PERIOD ? jx_chart_series_period_label (s, c)
                                                                 : jx_chart_series_month_label (s, c);
      JxChartLabel label = measure_label (self, cr, text, JX_CHART_LABEL_MONTH, -1);
      double x = column_x (self, c) - label.rect.width / 2;

      x = CLAMP (x, 0, self->width - label.rect.width);
      place_if_free (self, &label, x, self->plot.y + self->plot.height + self->base * 0.4);
    }
}

/* The full text is the amount and its share; short is what fits a crowded
 * chart: the amount, or the share on the project's percent axis. */
static char *
value_text (JxChartLayout *self,
            guint          column,
            gboolean       full)
{
  JxChartSeries *s = self->series;
  g_autofree char *amount = NULL;
  g_autofree char *percent = NULL;
  JxMoney value = self->mode == JX_CHART_MODE_PERIOD ? s->period[column] : s->cumulative[column];

  if (self->percent_axis)
    {
      percent = format_percent (s->projects[0].percent[column]);
      if (s->total == 0 || !full)
        return g_strdup_printf ("%s%%", percent);
      amount = jx_money_format (value);
      return g_strdup_printf ("%s%s（%s%%）", amount, s->unit, percent);
    }
  amount = jx_money_format (value);
  if (s->total == 0 || !full)
    return g_steal_pointer (&amount);
  percent = format_percent (100.0 * (double) value / (double) s->total);
  return g_strdup_printf ("%s（%s%%）", amount, percent);
}

static double
value_anchor_y (JxChartLayout *self,
                guint          column)
{
  JxChartSeries *s = self->series;
  JxMoney up = 0;

  if (self->percent_axis)
    return jx_chart_value_y (self, jx_chart_point_value (self, column));
  if (self->mode == JX_CHART_MODE_CUMULATIVE)
    return jx_chart_value_y (self, jx_chart_money_value (s->cumulative[column]));
  for (guint b = 0; b < s->n_bands; b++)
    up += MAX (s->bands[b].period[column], 0);
  return jx_chart_value_y (self, jx_chart_money_value (up));
}

static void
line_point (JxChartLayout *self,
            int            column,
            double        *x,
            double        *y)
{
  *x = jx_chart_month_x (self, column < 0 ? 0 : self->series->months[column]);
  *y = column < 0 ? jx_chart_value_y (self, 0) : value_anchor_y (self, (guint) column);
}

/* Whether the drawn line (the total or the plan) runs through rect: a
 * label there would hide it. */
static gboolean
covers_line (JxChartLayout     *self,
             const JxChartRect *rect)
{
  if (self->mode != JX_CHART_MODE_CUMULATIVE)
    return FALSE;
  for (int c = 0; c < (int) self->series->n_columns; c++)
    {
      double x0, y0, x1, y1;

      line_point (self, c - 1, &x0, &y0);
      line_point (self, c, &x1, &y1);
      for (int i = 0; i <= 32; i++)
        {
          double x = x0 + (x1 - x0) * i / 32, y = y0 + (y1 - y0) * i / 32;

          if (x >= rect->x - 2 && x <= rect->x + rect->width + 2 &&
              y >= rect->y - 2 && y <= rect->y + rect->height + 2)
            return TRUE;
        }
    }
  return FALSE;
}

/* Where a point's value may go, best first: left above a point suits a
 * rising line, the other sides its turns; a bar's value sits on top. */
static guint
value_candidates (JxChartLayout *self,
                  guint          column,
                  double         w,
                  double         h,
                  double         xy[][2])
{
  double px = column_x (self, column), py = value_anchor_y (self, column);
  double gap = self->base * 0.3;
  double right = self->plot.x + self->plot.width - w;
  guint n = 0;

  xy[n][0] = px - w - gap;
  xy[n++][1] = py - h - gap;
  xy[n][0] = px - w / 2;
  xy[n++][1] = py - h - gap;
  xy[n][0] = px + gap;
  xy[n++][1] = py - h - gap;
  /* Below a stack's top would sit inside the bands, away from its line. */
  if (self->percent_axis)
    {
      xy[n][0] = px + gap;
      xy[n++][1] = py + gap;
      xy[n][0] = px - w / 2;
      xy[n++][1] = py + gap * 2;
    }
  if (self->mode == JX_CHART_MODE_PERIOD)
    {
      xy[0][0] = px - w / 2;
      n = 1;
    }
  for (guint i = 0; i < n; i++)
    xy[i][0] = CLAMP (xy[i][0], self->plot.x, MAX (right, self->plot.x));
  return n;
}

static gboolean
try_value_label (JxChartLayout *self,
                 cairo_t       *cr,
                 guint          column,
                 gboolean       full)
{
  g_autofree char *text = value_text (self, column, full);
  JxChartLabel label = measure_label (self, cr, text, JX_CHART_LABEL_VALUE, -1);
  double xy[5][2];
  guint n = value_candidates (self, column, label.rect.width, label.rect.height, xy);

  /* A bar's value wider than its slot would read as its neighbour's. */
  if (self->mode == JX_CHART_MODE_PERIOD &&
      label.rect.width > self->plot.width / self->series->n_columns)
    n = 0;
  for (guint i = 0; i < n; i++)
    {
      label.rect.x = xy[i][0];
      label.rect.y = xy[i][1];
      if (!collides (self, &label.rect) && !covers_line (self, &label.rect))
        {
          g_array_append_val (self->labels, label);
          return TRUE;
        }
    }
  g_object_unref (label.layout);
  return FALSE;
}

/* The year's end first; a value that finds no free place is left out (the
 * pointer still shows it) rather than printed over another. */
static void
add_value_labels (JxChartLayout *self,
                  cairo_t       *cr)
{
  for (guint c = self->series->n_columns; c-- > 0;)
    if (!try_value_label (self, cr, c, TRUE))
      try_value_label (self, cr, c, FALSE);
}

static void
add_message (JxChartLayout *self,
             cairo_t       *cr)
{
  const char *text = self->series->n_projects == 0 ? "还没有项目" :
                     self->series->single_project ? "未填写资金支出计划" :
                     "各项目均未填写资金支出计划";
  JxChartLabel label = measure_label (self, cr, text, JX_CHART_LABEL_MESSAGE, self->plot.width);

  if (self->series->n_projects > 0)
    label.role = ROLE_WARNING;
  place_label (self, &label, self->plot.x + (self->plot.width - label.rect.width) / 2,
               self->plot.y + (self->plot.height - label.rect.height) / 2);
}

static void
add_marks (JxChartLayout *self)
{
  JxChartSeries *s = self->series;
  JxChartProject *p = &s->projects[0];
  double point[2];

  if (!self->percent_axis || self->mode != JX_CHART_MODE_CUMULATIVE || s->n_columns == 0)
    return;
  if (p->decrease_column >= 0)
    {
      point[0] = jx_chart_month_x (self, s->months[p->decrease_column]);
      point[1] = jx_chart_value_y (self, p->percent[p->decrease_column]);
      g_array_append_vals (self->marks, point, 2);
    }
  if (p->flags & JX_CHART_FLAG_INCOMPLETE)
    {
      point[0] = jx_chart_month_x (self, s->months[s->n_columns - 1]);
      point[1] = jx_chart_value_y (self, p->percent[s->n_columns - 1]);
      g_array_append_vals (self->marks, point, 2);
    }
}

static void
place_plot (JxChartLayout *self,
            cairo_t       *cr,
            double         top,
            double         bottom,
            double         right)
{
  JxChartLabel probe = measure_label (self, cr, "0", JX_CHART_LABEL_MONTH, -1);
  double line = probe.rect.height;
  double max_ticks;

  g_object_unref (probe.layout);
  self->plot.y = top + line * 2;
  self->plot.height = MAX (bottom - line - self->base * 0.6 - self->plot.y, self->base);
  max_ticks = CLAMP (self->plot.height / (line * 2.2), 2, 10);
  jx_chart_nice_ticks (self->lo, self->hi, (guint) max_ticks, &self->tick_first, &self->tick_step,
                       &self->n_ticks);
  self->lo = self->tick_first;
  self->hi = self->tick_first + (self->n_ticks - 1) * self->tick_step;
  self->plot.x = self->base + tick_labels_width (self, cr) + self->base * 0.6;
  self->plot.width = MAX (self->width - MAX (right, self->base * 3) - self->plot.x, self->base);
}

JxChartLayout *
jx_chart_layout_new (cairo_t       *cr,
                     JxChartSeries *series,
                     JxChartMode    mode,
                     double         width,
                     double         height)
{
  JxChartLayout *self;
  double top, bottom, right, pad;

  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (series != NULL, NULL);

  self = g_new0 (JxChartLayout, 1);
  self->series = jx_chart_series_ref (series);
  self->mode = mode;
  self->width = MAX (width, 1);
  self->height = MAX (height, 1);
  self->base = CLAMP (MIN (self->width / 56, self->height / 30), 10, 15);
  self->labels = g_array_new (FALSE, TRUE, sizeof (JxChartLabel));
  self->swatches = g_array_new (FALSE, TRUE, sizeof (JxChartSwatch));
  self->marks = g_array_new (FALSE, FALSE, sizeof (double));
  self->percent_axis = series->single_project && mode == JX_CHART_MODE_CUMULATIVE;
  self->has_data = series->n_columns > 0;
  pad = self->base;

  top = add_header (self, cr, pad);
  bottom = add_notes (self, cr, self->height - pad, pad);
  right = add_legend (self, cr, top + self->base * 2, &bottom, pad);
  value_range (self);
  place_plot (self, cr, top, bottom, right);
  add_tick_labels (self, cr);
  if (!self->has_data)
    {
      add_message (self, cr);
      return self;
    }
  add_column_labels (self, cr);
  jx_chart_add_actual_labels (self, cr);
  add_value_labels (self, cr);
  add_marks (self);
  return self;
}

void
jx_chart_layout_free (JxChartLayout *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->labels->len; i++)
    g_object_unref (g_array_index (self->labels, JxChartLabel, i).layout);
  g_array_unref (self->labels);
  g_array_unref (self->swatches);
  g_array_unref (self->marks);
  jx_chart_series_unref (self->series);
  g_free (self);
}

JxChartLabel
jx_chart_layout_measure_label (JxChartLayout    *self,
                               cairo_t          *cr,
                               const char       *text,
                               JxChartLabelKind  kind)
{
  return measure_label (self, cr, text, kind, -1);
}

gboolean
jx_chart_layout_place_if_free (JxChartLayout *self,
                               JxChartLabel  *label,
                               double         x,
                               double         y)
{
  return place_if_free (self, label, x, y);
}
