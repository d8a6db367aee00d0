/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shows the cairo 1.16 leak that lsan.supp forgives: one word in a
 * CFF-flavoured OpenType font on a PDF surface, and the surface finished
 * and destroyed. Nothing else is left for the program to free.
 *
 *   gcc -fsanitize=address -g tests/sanitize/cairo-cff-leak.c -o cff-leak \
 *     $(pkg-config --cflags --libs pangocairo cairo-pdf)
 *   ASAN_OPTIONS=fast_unwind_on_malloc=0 ./cff-leak "Noto Serif CJK SC 12"
 *     → "Direct leak of … libcairo.so.2 … cairo_surface_finish"
 *   ASAN_OPTIONS=fast_unwind_on_malloc=0 ./cff-leak "DejaVu Sans 12"
 *     → no leak inside cairo (only Pango's font map caches) */
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

int
main (int argc, char **argv)
{
  cairo_surface_t *surface = cairo_pdf_surface_create ("cff-leak.pdf", 595, 842);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font =
    pango_font_description_from_string (argc > 1 ? argv[1] : "Noto Serif CJK SC 12");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, "绩效", -1);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return 0;
}
