/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-page-draw.h"
#include "jx-page-layout-private.h"

#define RULE_WIDTH 0.6

/* Each line sits in a slot of the role's pitch, its glyph box centred, so
 * that lines are evenly spaced whatever the font's own line height is. */
static void
draw_line_with_pango (JxPageLayout *layout,
                      const JxBox  *box,
                      guint         line,
                      double        y,
                      cairo_t      *cr)
{
  g_autoptr(PangoLayout) text = jx_page_layout_create_text (layout, box);
  PangoLayoutIter *iter = pango_layout_get_iter (text);
  double pitch = jx_font_role_get_info (box->role)->pitch;
  PangoRectangle extents, logical;

  for (guint i = 0; i < line && pango_layout_iter_next_line (iter); i++)
    ;
  pango_layout_iter_get_line_extents (iter, NULL, &extents);
  pango_layout_line_get_extents (pango_layout_iter_get_line_readonly (iter), NULL, &logical);
  cairo_move_to (cr, box->x + (double) extents.x / PANGO_SCALE,
                 y + (pitch - (double) logical.height / PANGO_SCALE) / 2 -
                 (double) logical.y / PANGO_SCALE);
  pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
  pango_layout_iter_free (iter);
}

/* Drawn from the text as it was shaped to be measured. */
static void
draw_text (JxPageLayout *layout,
           const JxBox  *box,
           cairo_t      *cr)
{
  const JxShapedText *shaped = jx_page_layout_get_shaped (layout, box);
  double pitch = jx_font_role_get_info (box->role)->pitch;
  guint end = MIN (box->first_line + box->n_lines, jx_shaped_text_get_n_lines (shaped));

  if (jx_shaped_text_draw_lines (shaped, cr, box->first_line, end, box->x, box->y, pitch))
    return;
  for (guint line = box->first_line; line < end; line++)
    {
      double y = box->y + (line - box->first_line) * pitch;

      if (!jx_shaped_text_draw_line (shaped, cr, line, box->x, y, pitch))
        draw_line_with_pango (layout, box, line, y, cr);
    }
}

static void
draw_linked_text (JxPageLayout *layout,
                  const JxBox  *box,
                  cairo_t      *cr)
{
  g_autofree char *attrs = NULL;

  if (box->link < 0)
    {
      draw_text (layout, box, cr);
      return;
    }
  /* Tags are ignored by every surface but PDF: there they make the 目录
   * clickable. The destination is in the target page's user space. */
  attrs = g_strdup_printf ("page=%d pos=[%.1f %.1f]", box->link + 1,
                           JX_BLOCK_LEFT, JX_BLOCK_TOP + box->link_y);
  cairo_tag_begin (cr, CAIRO_TAG_LINK, attrs);
  draw_text (layout, box, cr);
  cairo_tag_end (cr, CAIRO_TAG_LINK);
}

/* All cell frames of a page make one path, stroked once: far fewer PDF
 * operators than a stroke per cell. */
static void
draw_frames (const JxBox *boxes,
             guint        n,
             cairo_t     *cr)
{
  gboolean any = FALSE;

  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    if (boxes[i].kind == JX_BOX_FRAME)
      {
        cairo_rectangle (cr, boxes[i].x, boxes[i].y, boxes[i].w, boxes[i].h);
        any = TRUE;
      }
  if (!any)
    return;
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_stroke (cr);
}

static void
draw_leader (const JxBox *box,
             cairo_t     *cr)
{
  double dots[2] = { 0, 4.0 };
  double y = box->y + box->h;

  cairo_save (cr);
  cairo_set_line_width (cr, 1.2);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, dots, 2, 0);
  cairo_move_to (cr, box->x + 1, y);
  cairo_line_to (cr, box->x + box->w - 1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The chart brings its own white paper, labels and colours. */
static void
draw_chart (JxPageLayout *layout,
            const JxBox  *box,
            cairo_t      *cr)
{
  JxChartMode mode;
  JxChartSeries *series = jx_page_layout_get_chart (layout, box, &mode);

  cairo_save (cr);
  cairo_translate (cr, box->x, box->y);
  cairo_rectangle (cr, 0, 0, box->w, box->h);
  cairo_clip (cr);
  jx_chart_draw (cr, series, mode, box->w, box->h, jx_chart_palette_print ());
  cairo_restore (cr);
}

void
jx_page_draw (JxPageLayout *layout,
              guint         page,
              cairo_t      *cr)
{
  const JxBox *boxes;
  guint n;

  g_return_if_fail (JX_IS_PAGE_LAYOUT (layout));
  g_return_if_fail (page < jx_page_layout_get_n_pages (layout));
  g_return_if_fail (cr != NULL);

  boxes = jx_page_layout_get_boxes (layout, page, &n);
  cairo_save (cr);
  cairo_translate (cr, JX_BLOCK_LEFT, JX_BLOCK_TOP);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < n; i++)
    switch ((JxBoxKind) boxes[i].kind)
      {
      case JX_BOX_TEXT:
      case JX_BOX_FOLIO:
        draw_linked_text (layout, &boxes[i], cr);
        break;
      case JX_BOX_FRAME:
        break;
      case JX_BOX_LEADER:
        draw_leader (&boxes[i], cr);
        break;
      case JX_BOX_CHART:
        draw_chart (layout, &boxes[i], cr);
        cairo_set_source_rgb (cr, 0, 0, 0);
        break;
      default:
        g_assert_not_reached ();
      }
  draw_frames (boxes, n, cr);
  cairo_restore (cr);
}
