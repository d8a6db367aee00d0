/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-page-shaped.h"

typedef struct
{
  PangoFont *font;        /* a reference */
  guint first_glyph;
  guint n_glyphs;
  guint first_cluster;
  guint n_clusters;
  guint text_start;       /* bytes of the text the run shows */
  guint text_length;
} Run;

typedef struct
{
  float x;                /* the line's left in the layout */
  float logical_y;        /* its logical box, from the baseline */
  float logical_height;
  float width;
  guint first_run;
  guint n_runs;
  gboolean pango_only;
} Line;

typedef struct
{
  guint32 index;
  float x;                /* from the line's left */
  float y;                /* from the baseline */
} Glyph;

struct _JxShapedText
{
  const char *text;
  guint n_lines;
  Line *lines;
  GArray *runs;           /* Run */
  GArray *glyphs;         /* Glyph */
  GArray *clusters;       /* cairo_text_cluster_t */
};

static double
units (int value)
{
  return (double) value / PANGO_SCALE;
}

/* Pango takes the point a line is drawn at in its own units, cutting off
 * what is finer: the same here, for the very same glyph positions. */
static double
in_units (double value)
{
  return units ((int) (value * PANGO_SCALE));
}

/* A run as cairo takes it; FALSE for what Pango alone draws. */
static gboolean
add_run (JxShapedText *self, PangoGlyphItem *item, int *x_position)
{
  PangoGlyphString *glyphs = item->glyphs;
  PangoGlyphItemIter iter;
  Run run = { 0 };
  gboolean more;

  if (item->item->analysis.level & 1)
    return FALSE;
  for (int i = 0; i < glyphs->num_glyphs; i++)
    if (glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
      return FALSE;

  run.font = g_object_ref (item->item->analysis.font);
  run.first_glyph = self->glyphs->len;
  run.first_cluster = self->clusters->len;
  run.text_start = item->item->offset;
  run.text_length = item->item->length;

  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      PangoGlyphInfo *info = &glyphs->glyphs[i];

      if (info->glyph != PANGO_GLYPH_EMPTY)
        {
          Glyph glyph = { info->glyph, units (*x_position + info->geometry.x_offset),
                          units (info->geometry.y_offset - item->y_offset) };

          g_array_append_val (self->glyphs, glyph);
        }
      *x_position += info->geometry.width;
    }
  run.n_glyphs = self->glyphs->len - run.first_glyph;

  /* Which bytes each cluster shows, empty glyphs left out as cairo does
   * not get them. */
  for (more = pango_glyph_item_iter_init_start (&iter, item, self->text); more;
       more = pango_glyph_item_iter_next_cluster (&iter))
    {
      cairo_text_cluster_t cluster = { iter.end_index - iter.start_index, 0 };

      for (int i = iter.start_glyph; i < iter.end_glyph; i++)
        if (glyphs->glyphs[i].glyph != PANGO_GLYPH_EMPTY)
          cluster.num_glyphs++;
      g_array_append_val (self->clusters, cluster);
    }
  run.n_clusters = self->clusters->len - run.first_cluster;
  g_array_append_val (self->runs, run);
  return TRUE;
}

JxShapedText *
jx_shaped_text_new (PangoLayout *layout,
                    const char  *text)
{
  JxShapedText *self = g_new0 (JxShapedText, 1);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  guint line = 0;

  self->text = text;
  self->n_lines = (guint) pango_layout_get_line_count (layout);
  self->lines = g_new0 (Line, self->n_lines);
  self->runs = g_array_new (FALSE, FALSE, sizeof (Run));
  self->glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  self->clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));

  do
    {
      PangoLayoutLine *l = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle extents, logical;
      Line *out = &self->lines[line];
      int x_position = 0;

      pango_layout_iter_get_line_extents (iter, NULL, &extents);
      pango_layout_line_get_extents (l, NULL, &logical);
      out->x = units (extents.x);
      out->logical_y = units (logical.y);
      out->logical_height = units (logical.height);
      out->width = units (logical.width);
      out->first_run = self->runs->len;
      out->pango_only = text == NULL;
      for (GSList *r = l->runs; r != NULL && !out->pango_only; r = r->next)
        out->pango_only = !add_run (self, r->data, &x_position);
      out->n_runs = self->runs->len - out->first_run;
    }
  while (++line < self->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return self;
}

void
jx_shaped_text_free (JxShapedText *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->runs->len; i++)
    g_object_unref (g_array_index (self->runs, Run, i).font);
  g_array_unref (self->runs);
  g_array_unref (self->glyphs);
  g_array_unref (self->clusters);
  g_free (self->lines);
  g_free (self);
}

guint
jx_shaped_text_get_n_lines (const JxShapedText *self)
{
  return self->n_lines;
}

double
jx_shaped_text_get_line_width (const JxShapedText *self,
                               guint               line)
{
  g_return_val_if_fail (line < self->n_lines, 0);
  return self->lines[line].width;
}

gboolean
jx_shaped_text_draw_line (const JxShapedText *self,
                          cairo_t            *cr,
                          guint               line,
                          double              x,
                          double              y,
                          double              pitch)
{
  const Line *l;
  cairo_glyph_t stack[128];
  double left, baseline;

  g_return_val_if_fail (line < self->n_lines, FALSE);
  l = &self->lines[line];
  if (l->pango_only)
    return FALSE;

  left = in_units (x + l->x);
  baseline = in_units (y + (pitch - l->logical_height) / 2 - l->logical_y);
  for (guint r = 0; r < l->n_runs; r++)
    {
      const Run *run = &g_array_index (self->runs, Run, l->first_run + r);
      const Glyph *glyphs = &g_array_index (self->glyphs, Glyph, run->first_glyph);
      g_autofree cairo_glyph_t *heap = NULL;
      cairo_glyph_t *out = stack;

      if (run->n_glyphs == 0)
        continue;
      if (run->n_glyphs > G_N_ELEMENTS (stack))
        out = heap = g_new (cairo_glyph_t, run->n_glyphs);
      for (guint i = 0; i < run->n_glyphs; i++)
        {
          out[i].index = glyphs[i].index;
          out[i].x = left + glyphs[i].x;
          out[i].y = baseline + glyphs[i].y;
        }
      cairo_set_scaled_font (cr, pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->font)));
      cairo_show_text_glyphs (cr, self->text + run->text_start, (int) run->text_length,
                              out, (int) run->n_glyphs,
                              &g_array_index (self->clusters, cairo_text_cluster_t, run->first_cluster),
                              (int) run->n_clusters, 0);
    }
  return TRUE;
}

/* Glyphs, clusters and text of consecutive runs in one font, gathered to
 * go to cairo at once. */
typedef struct
{
  PangoFont *font;
  GArray *glyphs;       /* cairo_glyph_t */
  GArray *clusters;     /* cairo_text_cluster_t */
  guint text_start;
  guint text_end;
} Batch;

static void
flush (const JxShapedText *self, cairo_t *cr, Batch *batch)
{
  if (batch->font != NULL && batch->glyphs->len > 0)
    {
      cairo_set_scaled_font (cr, pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (batch->font)));
      cairo_show_text_glyphs (cr, self->text + batch->text_start,
                              (int) (batch->text_end - batch->text_start),
                              (cairo_glyph_t *) batch->glyphs->data, (int) batch->glyphs->len,
                              (cairo_text_cluster_t *) batch->clusters->data,
                              (int) batch->clusters->len, 0);
    }
  batch->font = NULL;
  g_array_set_size (batch->glyphs, 0);
  g_array_set_size (batch->clusters, 0);
}

gboolean
jx_shaped_text_draw_lines (const JxShapedText *self,
                           cairo_t            *cr,
                           guint               first,
                           guint               end,
                           double              x,
                           double              y,
                           double              pitch)
{
  Batch batch = { NULL, };

  g_return_val_if_fail (first <= end && end <= self->n_lines, FALSE);
  for (guint line = first; line < end; line++)
    if (self->lines[line].pango_only)
      return FALSE;

  batch.glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  batch.clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
  for (guint line = first; line < end; line++)
    {
      const Line *l = &self->lines[line];
      double left = in_units (x + l->x);
      double baseline = in_units (y + (line - first) * pitch + (pitch - l->logical_height) / 2 -
                                  l->logical_y);

      for (guint r = 0; r < l->n_runs; r++)
        {
          const Run *run = &g_array_index (self->runs, Run, l->first_run + r);
          const Glyph *glyphs = &g_array_index (self->glyphs, Glyph, run->first_glyph);

          if (run->n_glyphs == 0)
            continue;
          /* A run in another font, or text that is not next to the last
           * run's (it comes before it), starts a new call. */
          if (batch.font != NULL && (batch.font != run->font || run->text_start < batch.text_end))
            flush (self, cr, &batch);
          if (batch.font == NULL)
            {
              batch.font = run->font;
              batch.text_start = batch.text_end = run->text_start;
            }
          /* Bytes between the runs (a line break) show no glyph. */
          if (run->text_start > batch.text_end)
            {
              cairo_text_cluster_t gap = { (int) (run->text_start - batch.text_end), 0 };

              g_array_append_val (batch.clusters, gap);
            }
          for (guint i = 0; i < run->n_glyphs; i++)
            {
              cairo_glyph_t glyph = { glyphs[i].index, left + glyphs[i].x, baseline + glyphs[i].y };

              g_array_append_val (batch.glyphs, glyph);
            }
          g_array_append_vals (batch.clusters,
                               &g_array_index (self->clusters, cairo_text_cluster_t, run->first_cluster),
                               run->n_clusters);
          batch.text_end = run->text_start + run->text_length;
        }
    }
  flush (self, cr, &batch);
  g_array_unref (batch.glyphs);
  g_array_unref (batch.clusters);
  return TRUE;
}
