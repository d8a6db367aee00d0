/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 文件 → 导入… and files dropped on the window: Word, Excel and CSV files.
 *
 * A file is read in a worker thread while the window stays usable; the
 * notice says so and can cancel. What it becomes depends on the window:
 *   - a window with a document the clerk has (a file or unsaved work) and
 *     a workbook or CSV file: the indicator rows are planned into that
 *     document and the preview (jx-import-preview.h) says what would
 *     change before anything does;
 *   - otherwise, and for Word files: the file becomes a new, unsaved
 *     document, here or in a new window as Open does, and the import
 *     report lists what could not be placed.
 * A file that cannot be read changes nothing: the message says why. */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-import-plan.h"
#include "jx-import-preview.h"
#include "jx-import-report.h"
#include "jx-window-private.h"

static char *
display_name (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);

  return g_filename_display_name (base);
}

/* ---- Reading in the background ---- */

typedef struct
{
  char *path;
  /* Asked for: the rows for an open document (else a new document). */
  gboolean want_rows;
  /* What came back: rows, or a document and its report. */
  JxImportRows *rows;
  JxDocument *document;
  JxImportReport *report;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->rows, jx_import_rows_free);
  g_clear_object (&job->document);
  g_clear_pointer (&job->report, jx_import_report_unref);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;

  if (job->want_rows)
    {
      job->rows = jx_import_rows_read (job->path, cancellable, &error);
      if (job->rows != NULL)
        {
          g_task_return_boolean (task, TRUE);
          return;
        }
      /* A Word file has no rows to put into a document: it becomes one. */
      if (!g_error_matches (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_UNSUPPORTED))
        {
          g_task_return_error (task, error);
          return;
        }
      g_clear_error (&error);
    }
  job->report = jx_import_report_new ();
  job->document = jx_import_file (job->path, job->report, cancellable, &error);
  if (job->document != NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* ---- Showing what came ---- */

static void
show_import_error (JxWindow     *self,
                   GFile        *file,
                   const GError *error)
{
  g_autofree char *name = display_name (file);
  g_autofree char *primary = g_strdup_printf (_("Could not import “%s”"), name);

  jx_window_show_error (self, "import-error-dialog", primary, error->message);
}

static void
present_report (JxWindow       *window,
                GFile          *file,
                JxImportReport *report)
{
  JxImportReportWindow *old = jx_import_report_window_find (GTK_WINDOW (window));
  g_autofree char *name = display_name (file);
  JxDocument *document = jx_document_session_get_document (window->session);
  JxImportReportWindow *dialog;

  /* The report is of the document the window shows: an older one goes. */
  if (old != NULL)
    gtk_window_destroy (GTK_WINDOW (old));
  dialog = jx_import_report_window_new (GTK_WINDOW (window), name,
                                        g_list_model_get_n_items (jx_document_get_projects (document)),
                                        report);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_new_document (JxWindow       *self,
                   GFile          *file,
                   JxDocument     *document,
                   JxImportReport *report)
{
  JxWindow *window = jx_window_target_for_new (self);
  g_autofree char *name = display_name (file);
  guint n_notes = jx_import_report_get_n_notes (report);
  g_autofree char *text = NULL;

  /* Unsaved: closing asks, and Save asks where (the file imported is
   * never written over). */
  jx_document_session_set_document (window->session, document, NULL, TRUE);
  if (window != self)
    gtk_window_present (GTK_WINDOW (window));
  if (n_notes > 0)
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
        "Imported from “%s”, not saved yet. %u part of the file could not be placed.",
        "Imported from “%s”, not saved yet. %u parts of the file could not be placed.", n_notes),
        name, n_notes);
      jx_window_show_notice (window, text, _("Show _Report"), "win.show-import-report");
      present_report (window, file, report);
    }
  else
    {
      text = g_strdup_printf (_("Imported from “%s”, not saved yet. Everything in the file was placed."),
                              name);
      jx_window_show_notice (window, text, NULL, NULL);
    }
}

static void import_file (JxWindow *self, GFile *file, gboolean want_rows);

/* The first project that got rows, so that the clerk sees them. */
static void
show_first_project (JxWindow     *self,
                    JxImportPlan *plan)
{
  GListModel *projects = jx_document_get_projects (jx_document_session_get_document (self->session));
  const char *code, *name;

  if (jx_import_plan_get_n_projects (plan) == 0)
    return;
  code = jx_import_plan_get_project_code (plan, 0);
  name = jx_import_plan_get_project_name (plan, 0);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);

      if (code[0] != '\0' ? g_str_equal (jx_project_get_code (project), code)
                          : g_str_equal (jx_project_get_name (project), name))
        {
          jx_window_show_project (self, project);
          return;
        }
    }
}

static void
preview_applied_cb (JxImportPreview *preview,
                    JxWindow        *self)
{
  JxImportPlan *plan = jx_import_preview_get_plan (preview);
  guint added, replaced;
  g_autofree char *text = NULL;

  show_first_project (self, plan);
  jx_import_plan_count (plan, &added, &replaced, NULL);
  /* TRANSLATORS: the counts of the indicators an import added and replaced */
  text = g_strdup_printf (_("Imported: %u indicators added, %u replaced. One undo takes the import back."),
                          added, replaced);
  jx_window_show_notice (self, text, _("_Undo"), "win.undo");
}

/* The preview belongs to the window of the document: the file opens
 * beside it. */
static void
preview_open_as_new_cb (JxImportPreview *preview,
                        GFile           *file)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (preview));

  if (JX_IS_WINDOW (parent))
    import_file (JX_WINDOW (parent), file, FALSE);
}

static void
show_preview (JxWindow     *self,
              GFile        *file,
              JxImportRows *rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxImportPlan) plan = NULL;
  g_autofree char *name = display_name (file);
  JxImportPreview *preview;

  /* Planned here, where the document lives: the document may have
   * changed while the file was read. */
  plan = jx_import_plan_new_for_rows (rows, jx_document_session_get_document (self->session), &error);
  if (plan == NULL)
    {
      show_import_error (self, file, error);
      return;
    }
  preview = jx_import_preview_find (GTK_WINDOW (self));
  if (preview != NULL)
    gtk_window_destroy (GTK_WINDOW (preview));
  preview = jx_import_preview_new (GTK_WINDOW (self), plan, name);
  g_signal_connect_object (preview, "applied", G_CALLBACK (preview_applied_cb), self, 0);
  g_signal_connect_data (preview, "open-as-new", G_CALLBACK (preview_open_as_new_cb),
                         g_object_ref (file), (GClosureNotify) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (preview));
}

typedef struct
{
  JxWindow *window;
  GFile *file;
  GCancellable *cancellable;
} Import;

static void
import_free (Import *import)
{
  g_object_unref (import->window);
  g_object_unref (import->file);
  g_object_unref (import->cancellable);
  g_free (import);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Import *import = user_data;
  JxWindow *self = import->window;
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  self->n_import_reads--;
  /* Cancelled, replaced by another import, or the window closed: the
   * result is let go and nothing changes. */
  if (g_cancellable_is_cancelled (import->cancellable) || self->notice_bar == NULL)
    {
      import_free (import);
      return;
    }
  g_clear_object (&self->import_cancellable);
  jx_window_hide_notice (self);
  if (!ok)
    show_import_error (self, import->file, error);
  else if (job->rows != NULL)
    show_preview (self, import->file, g_steal_pointer (&job->rows));
  else
    show_new_document (self, import->file, job->document, job->report);
  import_free (import);
}

static void
import_file (JxWindow *self,
             GFile    *file,
             gboolean  want_rows)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = display_name (file);
  g_autofree char *text = g_strdup_printf (_("Reading “%s”…"), name);
  ImportJob *job;
  Import *import;

  jx_window_cancel_import (self);
  job = g_new0 (ImportJob, 1);
  job->path = g_file_get_path (file);
  job->want_rows = want_rows;
  import = g_new0 (Import, 1);
  import->window = g_object_ref (self);
  import->file = g_object_ref (file);
  import->cancellable = g_cancellable_new ();
  self->import_cancellable = g_object_ref (import->cancellable);
  task = g_task_new (NULL, import->cancellable, read_cb, import);
  g_task_set_source_tag (task, import_file);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  self->n_import_reads++;
  if (job->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("Only files on this computer can be imported."));
      return;
    }
  jx_window_show_notice (self, text, _("_Cancel"), "win.import-cancel");
  g_task_run_in_thread (task, import_thread);
}

void
jx_window_import (JxWindow *self,
                  GFile    *file)
{
  g_return_if_fail (JX_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A blank window takes the file as its document; one with the clerk's
   * document offers the rows to it. */
  import_file (self, file, !jx_document_session_is_blank (self->session));
}

void
jx_window_cancel_import (JxWindow *self)
{
  g_return_if_fail (JX_IS_WINDOW (self));

  if (self->import_cancellable == NULL)
    return;
  /* The reader stops within a moment; what it read is let go. */
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  jx_window_hide_notice (self);
}

gboolean
jx_window_is_importing (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), FALSE);
  return self->import_cancellable != NULL;
}

gboolean
jx_window_is_reading_import (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), FALSE);
  return self->n_import_reads > 0;
}

/* ---- The chooser ---- */

static const struct
{
  const char *name;
  const char *suffix;
  const char *mime;
} kinds[] = {
  { N_("Word documents (*.docx)"), "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  { N_("Excel workbooks (*.xlsx)"), "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  { N_("CSV files (*.csv)"), "csv", "text/csv" },
};

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("All files Jixiao can import"));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      gtk_file_filter_add_suffix (all, kinds[i].suffix);
      gtk_file_filter_add_mime_type (all, kinds[i].mime);
    }
  gtk_file_chooser_add_filter (chooser, all);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(kinds[i].name));
      gtk_file_filter_add_suffix (filter, kinds[i].suffix);
      gtk_file_filter_add_mime_type (filter, kinds[i].mime);
      gtk_file_chooser_add_filter (chooser, filter);
    }
  gtk_file_chooser_set_filter (chooser, all);
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  JxWindow *self = JX_WINDOW (user_data);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file != NULL)
    {
      jx_window_remember_folder (file);
      jx_window_import (self, file);
    }
}

void
jx_window_choose_import (JxWindow *self)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (JX_IS_WINDOW (self));

  chooser = gtk_file_chooser_native_new (_("Import Word, Excel or CSV File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filters (GTK_FILE_CHOOSER (chooser));
  jx_window_start_in_last_folder (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
jx_window_show_import_report (JxWindow *self)
{
  JxImportReportWindow *report;

  g_return_if_fail (JX_IS_WINDOW (self));
  report = jx_import_report_window_find (GTK_WINDOW (self));
  if (report != NULL)
    gtk_window_present (GTK_WINDOW (report));
}

/* ---- Dropped files ---- */

gboolean
jx_window_is_document_file (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *lower = base != NULL ? g_utf8_strdown (base, -1) : NULL;

  return lower != NULL && g_str_has_suffix (lower, ".json");
}

/* As GNOME apps do: a document file opens, any other is imported (the
 * importer recognises it by its content and says what it is not). Of
 * several files dropped at once the first is taken. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         JxWindow      *self)
{
  GSList *files = g_value_get_boxed (value);
  GFile *file = files != NULL ? files->data : NULL;

  if (file == NULL)
    return FALSE;
  if (jx_window_is_document_file (file))
    jx_window_open_in_window (self, file);
  else
    jx_window_import (self, file);
  return TRUE;
}

void
jx_window_import_init (JxWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
jx_window_import_dispose (JxWindow *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
}
