/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "jx-file.h"
#include "jx-page-draw.h"
#include "jx-pdf.h"

/* cairo 1.16 does not report a short write when a file surface finishes:
 * a full disk gave a truncated PDF and success. So cairo writes into a
 * stream whose every write is checked, into a temp file that replaces the
 * target only when complete and synced. */
struct _JxPdfExport
{
  JxPageLayout *layout;
  cairo_surface_t *surface;
  cairo_t *cr;
  char *path;
  JxAtomicFile *file;
  guint done;
};

static void
add_metadata (JxPdfExport *self)
{
  guint n;
  const JxOutlineEntry *entries = jx_page_layout_get_outline (self->layout, &n);
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_TITLE,
                                  jx_page_layout_get_title (self->layout));
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_AUTHOR,
                                  jx_page_layout_get_author (self->layout));
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_CREATOR, "Jixiao " PACKAGE_VERSION);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *dest = g_strdup_printf ("page=%u pos=[%.1f %.1f]", entries[i].page + 1,
                                               JX_BLOCK_LEFT, JX_BLOCK_TOP + entries[i].y);
      int id = cairo_pdf_surface_add_outline (self->surface,
                                              entries[i].level == 0 ? CAIRO_PDF_OUTLINE_ROOT : parent,
                                              entries[i].title, dest,
                                              CAIRO_PDF_OUTLINE_FLAG_OPEN);

      if (entries[i].level == 0)
        parent = id;
    }
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  JxPdfExport *self = closure;

  return jx_atomic_file_write (self->file, data, length) ? CAIRO_STATUS_SUCCESS
                                                         : CAIRO_STATUS_WRITE_ERROR;
}

JxPdfExport *
jx_pdf_export_new (JxPageLayout  *layout,
                   const char    *path,
                   GError       **error)
{
  JxPdfExport *self;
  JxAtomicFile *file;

  g_return_val_if_fail (JX_IS_PAGE_LAYOUT (layout), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  file = jx_atomic_file_new (path, JX_FILE_EXPORT, error);
  if (file == NULL)
    return NULL;
  self = g_new0 (JxPdfExport, 1);
  self->layout = g_object_ref (layout);
  self->path = g_strdup (path);
  self->file = file;
  self->surface = cairo_pdf_surface_create_for_stream (write_cb, self, JX_PAGE_WIDTH, JX_PAGE_HEIGHT);
  self->cr = cairo_create (self->surface);
  add_metadata (self);
  return self;
}

gboolean
jx_pdf_export_step (JxPdfExport *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->done >= jx_page_layout_get_n_pages (self->layout) ||
      cairo_surface_status (self->surface) != CAIRO_STATUS_SUCCESS)
    return FALSE;
  jx_page_draw (self->layout, self->done, self->cr);
  cairo_show_page (self->cr);
  self->done++;
  return self->done < jx_page_layout_get_n_pages (self->layout);
}

guint
jx_pdf_export_get_done (JxPdfExport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->done;
}

static void
export_free (JxPdfExport *self)
{
  g_clear_pointer (&self->cr, cairo_destroy);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_pointer (&self->file, jx_atomic_file_abort);
  g_object_unref (self->layout);
  g_free (self->path);
  g_free (self);
}

gboolean
jx_pdf_export_finish (JxPdfExport  *self,
                      GError      **error)
{
  cairo_status_t status;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  while (jx_pdf_export_step (self))
    ;
  cairo_destroy (g_steal_pointer (&self->cr));
  cairo_surface_finish (self->surface);
  status = cairo_surface_status (self->surface);
  if (status != CAIRO_STATUS_SUCCESS && status != CAIRO_STATUS_WRITE_ERROR)
    {
      g_autofree char *display = g_filename_display_name (self->path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
                   display, cairo_status_to_string (status));
      export_free (self);
      return FALSE;
    }
  /* A failed write is the stream's to tell: it knows the reason. */
  ok = jx_atomic_file_commit (g_steal_pointer (&self->file), NULL, error);
  export_free (self);
  return ok;
}

void
jx_pdf_export_cancel (JxPdfExport *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->cr, cairo_destroy);
  if (self->surface != NULL)
    cairo_surface_finish (self->surface);
  export_free (self);
}

gboolean
jx_pdf_write (JxPageLayout  *layout,
              const char    *path,
              GError       **error)
{
  JxPdfExport *export = jx_pdf_export_new (layout, path, error);

  return export != NULL && jx_pdf_export_finish (export, error);
}
