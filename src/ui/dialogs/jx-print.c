/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jx-page-draw.h"
#include "jx-page-layout.h"
#include "jx-pdf.h"
#include "jx-preview.h"
#include "jx-print.h"
#include "jx-print-notice.h"
#include "jx-print-settings.h"

/* What one print operation knows, for as long as the operation lives. */
typedef struct
{
  JxDocumentSession *session;  /* NULL when printing a fixed layout */
  JxPageLayout *fixed;         /* pages laid out elsewhere (a 修改对照表), or NULL */
  GtkWindow *parent;           /* weak */
  gboolean with_charts;
  JxPageLayout *layout;        /* from "begin-print" on */
  GtkPageSetup *page_setup;    /* what the dialog chose, to offer next time */
  char *to_file;               /* "Print to File" that goes through the PDF export */
  gboolean done;
} PrintJob;

static gboolean start_export (GtkWindow          *parent,
                              JxPageLayout       *layout,
                              const char         *path,
                              const char         *error_title,
                              GError            **error);

static void
print_job_free (gpointer data,
                GObject *operation)
{
  PrintJob *job = data;

  g_clear_weak_pointer (&job->parent);
  g_clear_object (&job->session);
  g_clear_object (&job->fixed);
  g_clear_object (&job->layout);
  g_clear_object (&job->page_setup);
  g_free (job->to_file);
  g_free (job);
}

static void
save_settings (GtkPrintOperation *operation,
               PrintJob          *job)
{
  jx_print_settings_save (gtk_print_operation_get_print_settings (operation), job->page_setup,
                          job->with_charts);
}

static JxPageLayout *
layout_document (JxDocumentSession *session,
                 gboolean           with_charts)
{
  JxDocument *document = jx_document_session_get_document (session);
  /* A document at a later stage prints that stage's report. */
  JxPageOptions options = { .with_charts = with_charts, .stage = jx_document_get_stage (document) };

  return jx_page_layout_new_full (document, &options);
}

/* ---- printing --------------------------------------------------------- */

static gboolean
is_a4_portrait (GtkPageSetup *setup)
{
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  return gtk_paper_size_is_equal (gtk_page_setup_get_paper_size (setup), a4) &&
         gtk_page_setup_get_orientation (setup) == GTK_PAGE_ORIENTATION_PORTRAIT;
}

/* "Print to File" of the whole document as a PDF is the PDF export, whose
 * checked writing reports a full disk and keeps the old file; GTK's file
 * printer writes over the old file and does not notice a short write at
 * the end. Only GTK's file printer sets an output URI. What the export
 * cannot do — some pages, several pages a sheet, copies, other paper,
 * PostScript or SVG — is left to GTK. */
static char *
print_to_file_path (GtkPrintOperation *operation,
                    GtkPrintContext   *context)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
  const char *uri;
  const char *format;
  g_autoptr(GFile) file = NULL;

  if (settings == NULL || (uri = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI)) == NULL)
    return NULL;
  format = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT);
  if ((format != NULL && g_strcmp0 (format, "pdf") != 0) ||
      gtk_print_settings_get_print_pages (settings) != GTK_PRINT_PAGES_ALL ||
      gtk_print_settings_get_page_set (settings) != GTK_PAGE_SET_ALL ||
      gtk_print_settings_get_n_copies (settings) > 1 ||
      gtk_print_settings_get_number_up (settings) > 1 ||
      gtk_print_settings_get_reverse (settings) ||
      ABS (gtk_print_settings_get_scale (settings) - 100.0) > 0.01 ||
      !is_a4_portrait (gtk_print_context_get_page_setup (context)))
    return NULL;
  file = g_file_new_for_uri (uri);
  return g_file_get_path (file);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  g_set_object (&job->page_setup, NULL);
  job->page_setup = gtk_page_setup_copy (gtk_print_context_get_page_setup (context));
  g_clear_pointer (&job->to_file, g_free);
  job->to_file = print_to_file_path (operation, context);
  if (job->to_file != NULL)
    {
      /* GTK writes nothing then; "done" starts the export. */
      gtk_print_operation_cancel (operation);
      return;
    }
  g_clear_object (&job->layout);
  job->layout = job->fixed != NULL ? g_object_ref (job->fixed)
                                   : layout_document (job->session, job->with_charts);
  gtk_print_operation_set_n_pages (operation, jx_page_layout_get_n_pages (job->layout));
}

/* The pages are A4; on other paper they are scaled to fit and centred. */
static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double scale = MIN (width / JX_PAGE_WIDTH, height / JX_PAGE_HEIGHT);

  if (scale > 0.999 && scale < 1.001)
    scale = 1.0;
  cairo_save (cr);
  cairo_translate (cr, (width - JX_PAGE_WIDTH * scale) / 2, (height - JX_PAGE_HEIGHT * scale) / 2);
  cairo_scale (cr, scale, scale);
  jx_page_draw (job->layout, page, cr);
  cairo_restore (cr);
}

static void
show_error (GtkWindow  *parent,
            const char *title,
            const char *message)
{
  GtkWidget *dialog = gtk_message_dialog_new (parent,
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", title);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GTK emits "done" when a run ends, synchronous or not; it may also end
 * before that (an error before the dialog), which the caller handles. */
static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         PrintJob                *job)
{
  job->done = TRUE;
  if (job->to_file != NULL)
    {
      g_autoptr(GError) error = NULL;

      g_autoptr(JxPageLayout) layout = NULL;

      save_settings (operation, job);
      if (job->parent == NULL)
        return;
      layout = job->fixed != NULL ? g_object_ref (job->fixed)
                                  : layout_document (job->session, job->with_charts);
      if (!start_export (job->parent, layout, job->to_file, _("Could not print to the file"), &error))
        show_error (job->parent, _("Could not print to the file"), error->message);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    save_settings (operation, job);
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error (job->parent, _("Could not print the document"), error != NULL ? error->message : "");
    }
}

/* The dialog's Preview button would start an external viewer that may not
 * be installed: show the app's own preview instead. */
static gboolean
end_preview_cb (gpointer data)
{
  gtk_print_operation_preview_end_preview (GTK_PRINT_OPERATION_PREVIEW (data));
  return G_SOURCE_REMOVE;
}

static gboolean
preview_cb (GtkPrintOperation        *operation,
            GtkPrintOperationPreview *preview,
            GtkPrintContext          *context,
            GtkWindow                *dialog,
            PrintJob                 *job)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);

  /* GTK measures with the print context after this returns and ends the
   * preview only when told: give it a context, end it when idle. */
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (job->parent != NULL && job->fixed != NULL)
    {
      g_autofree char *title = NULL;

      g_object_get (operation, "job-name", &title, NULL);
      jx_preview_present_layout (job->parent, job->fixed, title);
    }
  else if (job->parent != NULL)
    jx_preview_present (job->parent, job->session);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, end_preview_cb, g_object_ref (preview), g_object_unref);
  return TRUE;
}

/* ---- what to know before printing -------------------------------------- */

/* The dialog ends as cancelled and its window shows what the clerk asked
 * for: the problems, or the fonts in the preferences. */
static void
leave_dialog_for (GtkWidget  *notice,
                  const char *action,
                  PrintJob   *job)
{
  GtkRoot *root = gtk_widget_get_root (notice);
  /* Ending the dialog may end the job too. */
  g_autoptr(GtkWindow) parent = job->parent != NULL ? g_object_ref (job->parent) : NULL;

  if (GTK_IS_DIALOG (root))
    gtk_dialog_response (GTK_DIALOG (root), GTK_RESPONSE_CANCEL);
  if (parent != NULL)
    {
      gtk_window_present (parent);
      gtk_widget_activate_action (GTK_WIDGET (parent), action, NULL);
    }
}

static void
notice_show_problems_cb (GtkWidget *notice,
                         PrintJob  *job)
{
  leave_dialog_for (notice, "win.show-problems", job);
}

static void
notice_choose_fonts_cb (GtkWidget *notice,
                        PrintJob  *job)
{
  leave_dialog_for (notice, "app.preferences", job);
}

static GtkWidget *
make_notice (PrintJob *job)
{
  GtkWidget *notice = jx_print_notice_new (jx_document_session_get_review (job->session), TRUE);

  g_signal_connect (notice, "show-problems", G_CALLBACK (notice_show_problems_cb), job);
  g_signal_connect (notice, "choose-fonts", G_CALLBACK (notice_choose_fonts_cb), job);
  return notice;
}

/* The notices also go below the dialog's tabs, above its Print button,
 * where they are seen without looking for them (and after the dialog's
 * own fields in the focus chain), before the dialog first shows: GTK puts
 * the tab into its dialog right after "create-custom-widget". Without
 * GTK's own dialog (a portal's) the tab does not show either. */
static void
tab_parent_cb (GtkWidget  *tab,
               GParamSpec *pspec,
               PrintJob   *job)
{
  GtkRoot *root = gtk_widget_get_root (tab);
  GtkWidget *notice;

  if (!GTK_IS_DIALOG (root))
    return;
  g_signal_handlers_disconnect_by_func (tab, tab_parent_cb, job);
  notice = make_notice (job);
  gtk_widget_set_name (notice, "print-dialog-notice");
  gtk_box_append (GTK_BOX (gtk_dialog_get_content_area (GTK_DIALOG (root))), notice);
}

/* The dialog's own tab: what the printout includes beyond the document,
 * and what to know before printing. */
static GObject *
create_custom_widget_cb (GtkPrintOperation *operation,
                         PrintJob          *job)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *check = gtk_check_button_new_with_mnemonic (_("Add the department's spending-plan _chart as an appendix page"));
  GtkWidget *hint = gtk_label_new (_("The appendix follows Part 2 and is listed in the 目录."));
  GtkWidget *notice = make_notice (job);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_name (check, "with-charts-check");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), job->with_charts);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_set_margin_start (hint, 28);
  gtk_widget_set_margin_top (notice, 12);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_box_append (GTK_BOX (box), notice);
  /* The job outlives the dialog, which holds the operation. */
  g_signal_connect (box, "notify::parent", G_CALLBACK (tab_parent_cb), job);
  return G_OBJECT (box);
}

static void
custom_widget_apply_cb (GtkPrintOperation *operation,
                        GtkWidget         *widget,
                        PrintJob          *job)
{
  GtkWidget *check = gtk_widget_get_first_child (widget);
  JxPreview *preview = job->parent != NULL ? jx_preview_find (job->parent) : NULL;

  job->with_charts = gtk_check_button_get_active (GTK_CHECK_BUTTON (check));
  /* An open preview shows what is about to be printed. */
  if (preview != NULL)
    jx_preview_set_with_charts (preview, job->with_charts);
}

/* For a session's document, or for a fixed layout (session NULL). */
static GtkPrintOperation *
operation_new_full (GtkWindow         *parent,
                    JxDocumentSession *session,
                    JxPageLayout      *fixed,
                    PrintJob         **job_out)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  PrintJob *job;

  operation = gtk_print_operation_new ();
  job = g_new0 (PrintJob, 1);
  job->session = session != NULL ? g_object_ref (session) : NULL;
  job->fixed = fixed != NULL ? g_object_ref (fixed) : NULL;
  g_set_weak_pointer (&job->parent, parent);
  job->with_charts = jx_print_settings_get_with_charts ();
  g_object_weak_ref (G_OBJECT (operation), print_job_free, job);

  jx_print_settings_load (&settings, &setup);
  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_job_name (operation, gtk_window_get_title (parent));
  /* The appendix is the document's: a fixed layout has nothing to add. */
  if (fixed == NULL)
    {
      gtk_print_operation_set_custom_tab_label (operation, _("Jixiao"));
      g_signal_connect (operation, "create-custom-widget", G_CALLBACK (create_custom_widget_cb), job);
      g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (custom_widget_apply_cb), job);
    }
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), job);
  g_signal_connect (operation, "preview", G_CALLBACK (preview_cb), job);
  *job_out = job;
  return operation;
}

static GtkPrintOperation *
operation_new (GtkWindow         *parent,
               JxDocumentSession *session,
               PrintJob         **job_out)
{
  return operation_new_full (parent, session, NULL, job_out);
}

GtkPrintOperation *
jx_print_operation_new (GtkWindow         *parent,
                        JxDocumentSession *session)
{
  PrintJob *job;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (JX_IS_DOCUMENT_SESSION (session), NULL);
  return operation_new (parent, session, &job);
}

static void
release_when_done_cb (GtkPrintOperation *operation)
{
  g_object_unref (operation);
}

static void
run_operation (GtkWindow         *parent,
               GtkPrintOperation *operation,
               PrintJob          *job)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      /* Alive until the printing ends. */
      g_signal_connect_after (operation, "done", G_CALLBACK (release_when_done_cb), NULL);
      return;
    }
  /* A run that ended before "done" (an error before the dialog). */
  if (!job->done && result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    show_error (parent, _("Could not print the document"), error->message);
  else if (!job->done && result == GTK_PRINT_OPERATION_RESULT_APPLY)
    save_settings (operation, job);
  g_object_unref (operation);
}

void
jx_print_run (GtkWindow         *parent,
              JxDocumentSession *session)
{
  GtkPrintOperation *operation;
  PrintJob *job;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (JX_IS_DOCUMENT_SESSION (session));

  operation = operation_new (parent, session, &job);
  run_operation (parent, operation, job);
}

void
jx_print_run_layout (GtkWindow    *parent,
                     JxPageLayout *layout,
                     const char   *title)
{
  GtkPrintOperation *operation;
  PrintJob *job;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (JX_IS_PAGE_LAYOUT (layout));

  operation = operation_new_full (parent, NULL, layout, &job);
  if (title != NULL)
    gtk_print_operation_set_job_name (operation, title);
  run_operation (parent, operation, job);
}

/* ---- PDF export with progress ------------------------------------------- */

typedef struct
{
  GtkWindow *parent;           /* weak */
  JxPdfExport *export;
  guint n_pages;
  GtkWindow *progress;
  GtkProgressBar *bar;
  const char *error_title;
  guint idle_id;
  guint show_id;
} Export;

static void
export_free (Export *job)
{
  g_clear_handle_id (&job->idle_id, g_source_remove);
  g_clear_handle_id (&job->show_id, g_source_remove);
  if (job->export != NULL)
    jx_pdf_export_cancel (job->export);
  if (job->progress != NULL)
    gtk_window_destroy (job->progress);
  g_clear_weak_pointer (&job->parent);
  g_free (job);
}

static gboolean
export_step_cb (gpointer data)
{
  Export *job = data;
  gint64 until = g_get_monotonic_time () + 40 * 1000;
  gboolean more = TRUE;
  g_autoptr(GError) error = NULL;

  /* Pages in slices of 40 ms keep the progress window responsive. */
  while (more && g_get_monotonic_time () < until)
    more = jx_pdf_export_step (job->export);
  if (job->bar != NULL)
    gtk_progress_bar_set_fraction (job->bar, (double) jx_pdf_export_get_done (job->export) / MAX (job->n_pages, 1));
  if (more)
    return G_SOURCE_CONTINUE;

  job->idle_id = 0;
  if (!jx_pdf_export_finish (g_steal_pointer (&job->export), &error))
    show_error (job->parent, job->error_title, error->message);
  export_free (job);
  return G_SOURCE_REMOVE;
}

static void
export_cancel_cb (GtkButton *button,
                  Export    *job)
{
  export_free (job);
}

static gboolean
export_show_cb (gpointer data)
{
  Export *job = data;

  job->show_id = 0;
  gtk_window_present (job->progress);
  return G_SOURCE_REMOVE;
}

/* Shown only when the export lasts long enough to be noticed. */
static void
export_build_progress (Export *job)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label = gtk_label_new (_("Exporting PDF…"));
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  job->progress = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (job->progress, _("Export PDF"));
  gtk_window_set_transient_for (job->progress, job->parent);
  gtk_window_set_modal (job->progress, TRUE);
  gtk_window_set_deletable (job->progress, FALSE);
  gtk_widget_set_size_request (GTK_WIDGET (job->progress), 360, -1);
  job->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_halign (cancel, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (job->bar));
  gtk_box_append (GTK_BOX (box), cancel);
  gtk_window_set_child (job->progress, box);
  g_signal_connect (cancel, "clicked", G_CALLBACK (export_cancel_cb), job);
  job->show_id = g_timeout_add (300, export_show_cb, job);
}

static gboolean
start_export (GtkWindow     *parent,
              JxPageLayout  *layout,
              const char    *path,
              const char    *error_title,
              GError       **error)
{
  JxPdfExport *export = jx_pdf_export_new (layout, path, error);
  Export *job;

  if (export == NULL)
    return FALSE;
  job = g_new0 (Export, 1);
  g_set_weak_pointer (&job->parent, parent);
  job->export = export;
  job->n_pages = jx_page_layout_get_n_pages (layout);
  job->error_title = error_title;
  export_build_progress (job);
  job->idle_id = g_idle_add (export_step_cb, job);
  return TRUE;
}

gboolean
jx_print_export_pdf (GtkWindow          *parent,
                     JxDocumentSession  *session,
                     const char         *path,
                     GError            **error)
{
  g_autoptr(JxPageLayout) layout = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (JX_IS_DOCUMENT_SESSION (session), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  layout = layout_document (session, jx_print_settings_get_with_charts ());
  return start_export (parent, layout, path, _("Could not export the PDF"), error);
}

gboolean
jx_print_export_layout_pdf (GtkWindow     *parent,
                            JxPageLayout  *layout,
                            const char    *path,
                            GError       **error)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (JX_IS_PAGE_LAYOUT (layout), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return start_export (parent, layout, path, _("Could not export the PDF"), error);
}

typedef struct
{
  GtkWindow *parent;           /* weak */
  JxDocumentSession *session;  /* or */
  JxPageLayout *layout;
} Choice;

static void
choice_free (Choice *choice)
{
  g_clear_weak_pointer (&choice->parent);
  g_clear_object (&choice->session);
  g_clear_object (&choice->layout);
  g_free (choice);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    Choice          *choice)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL || choice->parent == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    show_error (choice->parent, _("Could not export the PDF"),
                _("Only files on this computer can be written"));
  else if (!(choice->layout != NULL
               ? jx_print_export_layout_pdf (choice->parent, choice->layout, path, &error)
               : jx_print_export_pdf (choice->parent, choice->session, path, &error)))
    show_error (choice->parent, _("Could not export the PDF"), error->message);
}

static char *
suggested_name (JxDocumentSession *session)
{
  GFile *file = jx_document_session_get_file (session);
  g_autofree char *base = NULL;
  char *dot;

  if (file == NULL)
    return g_strdup_printf ("%u年部门预算绩效文本.pdf",
                            jx_document_get_year (jx_document_session_get_document (session)));
  base = g_file_get_basename (file);
  dot = strrchr (base, '.');
  if (dot != NULL)
    *dot = '\0';
  return g_strconcat (base, ".pdf", NULL);
}

static void
choose_pdf (Choice     *choice,
            const char *name,
            GFile      *folder)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkWindow *parent = choice->parent;

  dialog = gtk_file_chooser_native_new (_("Export PDF"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect_data (dialog, "response", G_CALLBACK (export_response_cb), choice,
                         (GClosureNotify) choice_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
jx_print_choose_pdf (GtkWindow         *parent,
                     JxDocumentSession *session)
{
  g_autofree char *name = suggested_name (session);
  Choice *choice = g_new0 (Choice, 1);

  g_set_weak_pointer (&choice->parent, parent);
  choice->session = g_object_ref (session);
  choose_pdf (choice, name, NULL);
}

void
jx_print_choose_layout_pdf (GtkWindow    *parent,
                            JxPageLayout *layout,
                            const char   *name,
                            GFile        *folder)
{
  Choice *choice;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (JX_IS_PAGE_LAYOUT (layout));
  g_return_if_fail (name != NULL);

  choice = g_new0 (Choice, 1);
  g_set_weak_pointer (&choice->parent, parent);
  choice->layout = g_object_ref (layout);
  choose_pdf (choice, name, folder);
}
