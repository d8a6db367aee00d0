/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jx-document-io.h"
#include "jx-docx-export.h"
#include "jx-export.h"
#include "jx-xlsx.h"

static const char *
extension (JxExportFormat format)
{
  return format == JX_EXPORT_WORD ? ".docx" : ".xlsx";
}

/* A department name may hold characters a file name cannot. */
static void
make_file_name (char *name)
{
  for (char *c = name; *c != '\0'; c++)
    if (*c == '/' || *c == '\\' || *c == ':')
      *c = '_';
}

static char *
strip_document_extension (const char *base)
{
  const char *suffixes[] = { ".jixiao.json", ".json" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (base, suffixes[i]) && strlen (base) > strlen (suffixes[i]))
      return g_strndup (base, strlen (base) - strlen (suffixes[i]));
  return g_strdup (base);
}

char *
jx_export_suggest_name (JxDocumentSession *session,
                        JxExportFormat     format)
{
  JxDocument *document = jx_document_session_get_document (session);
  GFile *file = jx_document_session_get_file (session);
  g_autofree char *stem = NULL;
  char *name;

  g_return_val_if_fail (JX_IS_DOCUMENT_SESSION (session), NULL);

  if (file != NULL)
    {
      g_autofree char *base = g_file_get_basename (file);
      g_autofree char *display = g_filename_display_name (base);

      stem = strip_document_extension (display);
    }
  else
    /* The title the cover prints, as the finance bureau files them:
     * "2024年遵化市人民代表大会常务委员会部门预算绩效文本". */
    stem = g_strdup_printf ("%u年%s%s", jx_document_get_year (document),
                            jx_department_get_name (jx_document_get_department (document)),
                            jx_document_get_title (document));
  name = g_strconcat (stem, extension (format), NULL);
  make_file_name (name);
  return name;
}

void
jx_export_add_filter (GtkFileChooser *chooser,
                      JxExportFormat  format)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (format == JX_EXPORT_WORD)
    {
      gtk_file_filter_set_name (filter, _("Word documents (*.docx)"));
      gtk_file_filter_add_mime_type (filter,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      gtk_file_filter_add_suffix (filter, "docx");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Excel workbooks (*.xlsx)"));
      gtk_file_filter_add_mime_type (filter,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      gtk_file_filter_add_suffix (filter, "xlsx");
    }
  gtk_file_chooser_add_filter (chooser, filter);
}

/* ---- Writing in the background ---- */

typedef struct
{
  JxExportFormat format;
  char *path;
  /* The document when the export began, as its file would hold it: the
   * worker reads its own copy, never the document being edited. */
  char *data;
  gsize length;
  JxDocxOptions options;
  guint *toc_pages;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->path);
  g_free (job->data);
  g_free (job->toc_pages);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  g_autoptr(JxDocument) copy = jx_document_load_data (job->data, job->length, &error);
  gboolean ok;

  if (copy == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->format == JX_EXPORT_WORD)
    ok = jx_docx_write_file (copy, &job->options, job->path, &error);
  else
    ok = jx_xlsx_export (copy, job->path, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
jx_export_write_async (JxDocumentSession   *session,
                       JxExportFormat       format,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  JxDocument *document;
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (JX_IS_DOCUMENT_SESSION (session));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, jx_export_write_async);
  job = g_new0 (ExportJob, 1);
  job->format = format;
  job->path = g_file_get_path (file);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  if (job->path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Could not write “%s”: only files on this computer can be written"),
                               name);
      return;
    }
  document = jx_document_session_get_document (session);
  if (format == JX_EXPORT_WORD)
    {
      /* The 目录's page numbers are the printout's: pagination needs the
       * fonts, which belong to this thread. */
      g_autoptr(JxPageLayout) layout = jx_page_layout_new (document);

      job->toc_pages = jx_docx_options_from_layout (layout, document, &job->options);
    }
  job->data = jx_document_to_data (document, &job->length);
  g_task_run_in_thread (task, export_thread);
}

gboolean
jx_export_write_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
