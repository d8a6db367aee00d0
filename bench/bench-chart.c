/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "jx-bench-utils.h"
#include "jx-chart.h"

/* Smooth hover needs a frame every 16 ms at 60 frames a second. */
#define TARGET_MS   16.0
#define N_PROJECTS  2000
#define N_FRAMES    200
#define WIDTH       1280
#define HEIGHT      800

int
main (int    argc,
      char **argv)
{
  g_autoptr(JxDocument) document = NULL;
  g_autoptr(JxChartSeries) series = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  double start, series_ms, full_ms = 0, worst_ms = 0, hover_ms;

  setlocale (LC_ALL, "");
  document = jx_bench_large_document (N_PROJECTS);

  start = jx_bench_now_ms ();
  for (int i = 0; i < 20; i++)
    {
      g_clear_pointer (&series, jx_chart_series_unref);
      series = jx_chart_series_new (document, NULL);
    }
  series_ms = (jx_bench_now_ms () - start) / 20;

  /* A redraw after a change of size: layout (text measured) and drawing. */
  jx_chart_draw (cr, series, JX_CHART_MODE_CUMULATIVE, WIDTH, HEIGHT, jx_chart_palette_light ());
  for (int i = 0; i < N_FRAMES; i++)
    {
      double frame = jx_bench_now_ms ();

      jx_chart_draw (cr, series, JX_CHART_MODE_CUMULATIVE, WIDTH, HEIGHT, jx_chart_palette_light ());
      frame = jx_bench_now_ms () - frame;
      full_ms += frame;
      worst_ms = MAX (worst_ms, frame);
    }
  full_ms /= N_FRAMES;

  /* A hover frame: the layout is kept, only drawing with a highlight. */
  {
    g_autoptr(JxChartLayout) layout = jx_chart_layout_new (cr, series, JX_CHART_MODE_CUMULATIVE, WIDTH, HEIGHT);

    start = jx_bench_now_ms ();
    for (int i = 0; i < N_FRAMES; i++)
      jx_chart_layout_draw (layout, cr, jx_chart_palette_light (), i % 7);
    hover_ms = (jx_bench_now_ms () - start) / N_FRAMES;
  }

  g_print ("department chart of %d projects, %dx%d:\n", N_PROJECTS, WIDTH, HEIGHT);
  g_print ("  series (once per change): %.2f ms\n", series_ms);
  g_print ("  redraw with layout:       %.2f ms mean, %.2f ms worst (target %.0f ms: %s)\n",
           full_ms, worst_ms, TARGET_MS, full_ms <= TARGET_MS ? "met" : "MISSED");
  g_print ("  hover redraw:             %.2f ms mean\n", hover_ms);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
