/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-docx-export.h"

/* The model writes the Word file but cannot paginate; the printout's
 * layout knows on which page each 目录 line's heading is. Word would work
 * the numbers out itself only when a clerk updates the field, so they are
 * filled in from our pagination and read right at once. */

guint *
jx_docx_options_from_layout (JxPageLayout  *layout,
                             JxDocument    *document,
                             JxDocxOptions *options)
{
  guint n_entries;
  const JxOutlineEntry *outline = jx_page_layout_get_outline (layout, &n_entries);
  guint n = jx_docx_toc_length (document);
  guint *pages = g_new0 (guint, MAX (n, 1));
  guint first_numbered = 0;

  g_return_val_if_fail (n_entries >= n, NULL);

  /* The outline lists the same lines in the same order (and perhaps the
   * appendix after them). */
  for (guint i = 0; i < n; i++)
    pages[i] = outline[i].number;
  while (first_numbered < jx_page_layout_get_n_pages (layout) &&
         jx_page_layout_get_page_number (layout, first_numbered) == 0)
    first_numbered++;

  *options = (JxDocxOptions) { 0 };
  options->toc_pages = pages;
  options->n_toc_pages = n;
  /* The page before page 1 is blank when the cover and 目录 are an odd
   * number of pages; the cover is always one. */
  if (first_numbered > 2)
    {
      guint n_boxes;

      jx_page_layout_get_boxes (layout, first_numbered - 1, &n_boxes);
      options->blank_page_after_toc = n_boxes == 0;
    }
  return pages;
}

gboolean
jx_docx_export_stage_file (JxDocument  *document,
                           JxStage      stage,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(JxPageLayout) layout = NULL;
  g_autofree guint *pages = NULL;
  JxDocxOptions options = { .stage = stage };

  g_return_val_if_fail (JX_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A stage's report has no 目录 to number. */
  if (stage == JX_STAGE_GOALS)
    {
      layout = jx_page_layout_new (document);
      pages = jx_docx_options_from_layout (layout, document, &options);
    }
  return jx_docx_write_file (document, &options, path, error);
}

gboolean
jx_docx_export_file (JxDocument  *document,
                     const char  *path,
                     GError     **error)
{
  g_return_val_if_fail (JX_IS_DOCUMENT (document), FALSE);

  return jx_docx_export_stage_file (document, jx_document_get_stage (document), path, error);
}
