/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <gio/gio.h>
#include <string.h>

#include "jx-chart-private.h"
#include "jx-file.h"

#define MIN_SIZE 100
#define MAX_SIZE 10000

gboolean
jx_chart_format_from_path (const char    *path,
                           JxChartFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    *format = JX_CHART_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = JX_CHART_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = JX_CHART_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static char *
chart_title (JxChartLayout *layout)
{
  for (guint i = 0; i < jx_chart_layout_get_n_labels (layout); i++)
    {
      JxChartLabelKind kind;
      const char *text = jx_chart_layout_get_label (layout, i, &kind, NULL);

      if (kind == JX_CHART_LABEL_TITLE)
        return g_strdup (text);
    }
  return g_strdup ("");
}

/* Cairo writes glyphs as outlines; an invisible text twin of each label,
 * at the same place and size, lets viewers search and copy the words (the
 * way scanned PDFs carry their text). */
static void
append_text_layer (GString       *svg,
                   JxChartLayout *layout)
{
  for (guint i = 0; i < layout->labels->len; i++)
    {
      JxChartLabel *label = &g_array_index (layout->labels, JxChartLabel, i);
      const PangoFontDescription *font = pango_layout_get_font_description (label->layout);
      g_autofree char *text = g_markup_escape_text (pango_layout_get_text (label->layout), -1);
      double baseline = (double) pango_layout_get_baseline (label->layout) / PANGO_SCALE;
      double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE], s[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (svg, "<text x=\"%s\" y=\"%s\" font-size=\"%s\">%s</text>\n",
                              g_ascii_formatd (x, sizeof x, "%.2f", label->rect.x),
                              g_ascii_formatd (y, sizeof y, "%.2f", label->rect.y + baseline),
                              g_ascii_formatd (s, sizeof s, "%.2f", size), text);
    }
}

static GBytes *
finish_svg (GByteArray    *data,
            JxChartLayout *layout)
{
  g_autoptr(GString) svg = g_string_new_len ((const char *) data->data, data->len);
  g_autofree char *title = chart_title (layout);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  const char *root = strstr (svg->str, "<svg");
  const char *end = g_strrstr (svg->str, "</svg>");
  g_autoptr(GString) layer = g_string_new ("<g fill-opacity=\"0\" font-family=\"sans-serif\" "
                                           "xml:space=\"preserve\">\n");
  const char *root_end;

  if (root == NULL || end == NULL || (root_end = strchr (root, '>')) == NULL)
    return g_bytes_new (data->data, data->len);
  append_text_layer (layer, layout);
  g_string_append (layer, "</g>\n");
  g_string_insert (svg, end - svg->str, layer->str);
  g_string_insert (svg, root_end + 1 - svg->str, "\n<title>");
  g_string_insert (svg, root_end + 1 - svg->str + strlen ("\n<title>"), escaped);
  g_string_insert (svg, root_end + 1 - svg->str + strlen ("\n<title>") + strlen (escaped), "</title>");
  return g_string_free_to_bytes (g_steal_pointer (&svg));
}

static cairo_surface_t *
create_surface (JxChartFormat  format,
                GByteArray    *data,
                double         width,
                double         height)
{
  switch (format)
    {
    case JX_CHART_FORMAT_SVG:
      return cairo_svg_surface_create_for_stream (append_cb, data, width, height);
    case JX_CHART_FORMAT_PDF:
      return cairo_pdf_surface_create_for_stream (append_cb, data, width, height);
    case JX_CHART_FORMAT_PNG:
    default:
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
    }
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the chart: %s"),
               cairo_status_to_string (status));
  return FALSE;
}

static gboolean
check_size (double   width,
            double   height,
            GError **error)
{
  if (width >= MIN_SIZE && width <= MAX_SIZE && height >= MIN_SIZE && height <= MAX_SIZE)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("The chart’s width and height must be between %d and %d"), MIN_SIZE, MAX_SIZE);
  return FALSE;
}

GBytes *
jx_chart_render (JxChartSeries  *series,
                 JxChartMode     mode,
                 JxChartFormat   format,
                 double          width,
                 double          height,
                 GError        **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(JxChartLayout) layout = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (!check_size (width, height, error))
    return NULL;

  surface = create_surface (format, data, width, height);
  if (format == JX_CHART_FORMAT_PDF)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Jixiao");
    }
  cr = cairo_create (surface);
  layout = jx_chart_layout_new (cr, series, mode, width, height);
  if (format == JX_CHART_FORMAT_PDF)
    {
      g_autofree char *title = chart_title (layout);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
    }
  jx_chart_draw_layout (layout, cr, jx_chart_palette_print (), -1);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (status == CAIRO_STATUS_SUCCESS && format == JX_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_cb, data);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!check_status (status, error))
    return NULL;
  if (format == JX_CHART_FORMAT_SVG)
    return finish_svg (data, layout);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

gboolean
jx_chart_export (JxChartSeries  *series,
                 JxChartMode     mode,
                 const char     *path,
                 double          width,
                 double          height,
                 GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  JxChartFormat format;
  gsize length;
  const char *data;

  g_return_val_if_fail (series != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!jx_chart_format_from_path (path, &format))
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s: the file name must end in .png, .svg or .pdf"), display);
      return FALSE;
    }
  bytes = jx_chart_render (series, mode, format, width, height, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  /* Not g_file_set_contents_full: its errors name the temp file. */
  return jx_file_replace_contents_full (path, data, length, JX_FILE_EXPORT, NULL, error);
}
