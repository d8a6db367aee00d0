/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#ifdef __GLIBC__
#endif
#include <sys/stat.h>
#include <unistd.h>

#include "jx-page-draw.h"
#include "jx-pdf.h"

struct _JxPdfExport
{
  JxPageLayout *layout;
  cairo_surface_t *surface;
  cairo_t *cr;
  char *path;
  char *temp;
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

JxPdfExport *
jx_pdf_export_new (JxPageLayout  *layout,
                   const char    *path,
                   GError       **error)
{
  JxPdfExport *self;
  g_autofree char *temp = NULL;
  int fd;

  g_return_val_if_fail (JX_IS_PAGE_LAYOUT (layout), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  temp = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (temp, O_WRONLY, 0644);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write “%s”: %s"), display, g_strerror (saved));
      return NULL;
    }
  close (fd);

  self = g_new0 (JxPdfExport, 1);
  self->layout = g_object_ref (layout);
  self->path = g_strdup (path);
  self->temp = g_steal_pointer (&temp);
  self->surface = cairo_pdf_surface_create (self->temp, JX_PAGE_WIDTH, JX_PAGE_HEIGHT);
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
  g_object_unref (self->layout);
  g_free (self->path);
  g_free (self->temp);
  g_free (self);
}

gboolean
jx_pdf_export_finish (JxPdfExport  *self,
                      GError      **error)
{
  cairo_status_t status;
  g_autofree char *display = NULL;
  mode_t mask;

  g_return_val_if_fail (self != NULL, FALSE);

  while (jx_pdf_export_step (self))
    ;
  cairo_destroy (g_steal_pointer (&self->cr));
  cairo_surface_finish (self->surface);
  status = cairo_surface_status (self->surface);
  display = g_filename_display_name (self->path);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
                   display, cairo_status_to_string (status));
      jx_pdf_export_cancel (self);
      return FALSE;
    }
  /* mkstemp made the file private; give it the mode a new file would get. */
  mask = umask (0);
  umask (mask);
  g_chmod (self->temp, 0666 & ~mask);
  if (g_rename (self->temp, self->path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write “%s”: %s"), display, g_strerror (saved));
      jx_pdf_export_cancel (self);
      return FALSE;
    }
  export_free (self);
  return TRUE;
}

void
jx_pdf_export_cancel (JxPdfExport *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->cr, cairo_destroy);
  if (self->surface != NULL)
    cairo_surface_finish (self->surface);
  g_unlink (self->temp);
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
