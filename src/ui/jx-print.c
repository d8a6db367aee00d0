/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jx-page-draw.h"
#include "jx-page-layout.h"
#include "jx-pdf.h"
#include "jx-preview.h"
#include "jx-print.h"

/* ---- remembered page setup ------------------------------------------- */

static char *
settings_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "jixiao", "print.ini", NULL);
}

static void
load_settings (GtkPrintSettings **settings,
               GtkPageSetup     **setup)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = settings_path ();

  *settings = NULL;
  *setup = NULL;
  if (g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    {
      *settings = gtk_print_settings_new_from_key_file (file, NULL, NULL);
      *setup = gtk_page_setup_new_from_key_file (file, NULL, NULL);
    }
  if (*setup == NULL)
    {
      /* The document is laid out for A4 portrait (GB/T 9704). */
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      *setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size (*setup, a4);
    }
}

#define OPTIONS_GROUP "Jixiao"
#define WITH_CHARTS_KEY "WithCharts"

gboolean
jx_print_get_with_charts (void)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = settings_path ();

  return g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL) &&
         g_key_file_get_boolean (file, OPTIONS_GROUP, WITH_CHARTS_KEY, NULL);
}

static void
write_settings (GKeyFile *file)
{
  g_autofree char *path = settings_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  if (!g_key_file_save_to_file (file, path, &error))
    g_warning ("Could not remember the print settings: %s", error->message);
}

void
jx_print_set_with_charts (gboolean with_charts)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = settings_path ();

  /* Keeps the printer and page setup already remembered beside it. */
  g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_COMMENTS, NULL);
  g_key_file_set_boolean (file, OPTIONS_GROUP, WITH_CHARTS_KEY, with_charts);
  write_settings (file);
}

static gboolean
operation_with_charts (GtkPrintOperation *operation)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (operation), "jx-with-charts"));
}

static void
save_settings (GtkPrintOperation *operation)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
  GtkPageSetup *setup = g_object_get_data (G_OBJECT (operation), "jx-page-setup");

  if (settings != NULL)
    gtk_print_settings_to_key_file (settings, file, NULL);
  if (setup != NULL)
    gtk_page_setup_to_key_file (setup, file, NULL);
  g_key_file_set_boolean (file, OPTIONS_GROUP, WITH_CHARTS_KEY, operation_with_charts (operation));
  write_settings (file);
}

static JxPageLayout *
layout_document (JxWindow *window,
                 gboolean  with_charts)
{
  JxPageOptions options = { .with_charts = with_charts };

  return jx_page_layout_new_full (jx_window_get_document (window), &options);
}

/* ---- printing --------------------------------------------------------- */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                JxWindow          *window)
{
  JxPageLayout *layout = layout_document (window, operation_with_charts (operation));

  g_object_set_data_full (G_OBJECT (operation), "jx-layout", layout, g_object_unref);
  /* What was chosen in the dialog's page setup, to be offered next time. */
  g_object_set_data_full (G_OBJECT (operation), "jx-page-setup",
                          gtk_page_setup_copy (gtk_print_context_get_page_setup (context)),
                          g_object_unref);
  gtk_print_operation_set_n_pages (operation, jx_page_layout_get_n_pages (layout));
}

/* The pages are A4; on other paper they are scaled to fit and centred. */
static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              gpointer           user_data)
{
  JxPageLayout *layout = g_object_get_data (G_OBJECT (operation), "jx-layout");
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double scale = MIN (width / JX_PAGE_WIDTH, height / JX_PAGE_HEIGHT);

  if (scale > 0.999 && scale < 1.001)
    scale = 1.0;
  cairo_save (cr);
  cairo_translate (cr, (width - JX_PAGE_WIDTH * scale) / 2, (height - JX_PAGE_HEIGHT * scale) / 2);
  cairo_scale (cr, scale, scale);
  jx_page_draw (layout, page, cr);
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
         JxWindow                *window)
{
  g_object_set_data (G_OBJECT (operation), "jx-done", GINT_TO_POINTER (TRUE));
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    save_settings (operation);
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error (GTK_WINDOW (window), _("Could not print the document"),
                  error != NULL ? error->message : "");
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
            GtkWindow                *parent,
            JxWindow                 *window)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);

  /* GTK measures with the print context after this returns and ends the
   * preview only when told: give it a context, end it when idle. */
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  jx_preview_present (window);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, end_preview_cb, g_object_ref (preview), g_object_unref);
  return TRUE;
}

/* The dialog's own tab: what the printout includes beyond the document. */
static GObject *
create_custom_widget_cb (GtkPrintOperation *operation,
                         gpointer           user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *check = gtk_check_button_new_with_mnemonic (_("Add the department's spending-plan _chart as an appendix page"));
  GtkWidget *hint = gtk_label_new (_("The appendix follows Part 2 and is listed in the 目录."));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), operation_with_charts (operation));
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_set_margin_start (hint, 28);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), hint);
  g_object_set_data (G_OBJECT (box), "jx-with-charts-check", check);
  return G_OBJECT (box);
}

static void
custom_widget_apply_cb (GtkPrintOperation *operation,
                        GtkWidget         *widget,
                        JxWindow          *window)
{
  GtkCheckButton *check = g_object_get_data (G_OBJECT (widget), "jx-with-charts-check");
  gboolean with_charts = gtk_check_button_get_active (check);
  JxPreview *preview = g_object_get_data (G_OBJECT (window), "jx-preview");

  g_object_set_data (G_OBJECT (operation), "jx-with-charts", GINT_TO_POINTER (with_charts));
  /* An open preview shows what is about to be printed. */
  if (preview != NULL)
    jx_preview_set_with_charts (preview, with_charts);
}

GtkPrintOperation *
jx_print_operation_new (JxWindow *window)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;

  load_settings (&settings, &setup);
  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_job_name (operation, gtk_window_get_title (GTK_WINDOW (window)));
  g_object_set_data (G_OBJECT (operation), "jx-with-charts", GINT_TO_POINTER (jx_print_get_with_charts ()));
  gtk_print_operation_set_custom_tab_label (operation, _("Jixiao"));
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (create_custom_widget_cb), NULL);
  g_signal_connect_object (operation, "custom-widget-apply", G_CALLBACK (custom_widget_apply_cb), window, 0);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), window, 0);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), NULL);
  g_signal_connect_object (operation, "done", G_CALLBACK (done_cb), window, 0);
  g_signal_connect_object (operation, "preview", G_CALLBACK (preview_cb), window, 0);
  return operation;
}

static void
print_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  JxWindow *window = user_data;
  GtkPrintOperation *operation = jx_print_operation_new (window);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  /* The window keeps the last operation alive until the next one. */
  g_object_set_data_full (G_OBJECT (window), "jx-print-operation", operation, g_object_unref);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (window), &error);
  if (g_object_get_data (G_OBJECT (operation), "jx-done") != NULL)
    return;
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (GTK_WINDOW (window), _("Could not print the document"), error->message);
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    save_settings (operation);
}

/* ---- PDF export with progress ------------------------------------------- */

typedef struct
{
  JxWindow *window;
  JxPdfExport *export;
  guint n_pages;
  GtkWindow *progress;
  GtkProgressBar *bar;
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
  g_object_unref (job->window);
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
    show_error (GTK_WINDOW (job->window), _("Could not export the PDF"), error->message);
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
  gtk_window_set_transient_for (job->progress, GTK_WINDOW (job->window));
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

gboolean
jx_print_export_pdf (JxWindow    *window,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(JxPageLayout) layout = layout_document (window, jx_print_get_with_charts ());
  Export *job;
  JxPdfExport *export = jx_pdf_export_new (layout, path, error);

  if (export == NULL)
    return FALSE;
  job = g_new0 (Export, 1);
  job->window = g_object_ref (window);
  job->export = export;
  job->n_pages = jx_page_layout_get_n_pages (layout);
  export_build_progress (job);
  job->idle_id = g_idle_add (export_step_cb, job);
  return TRUE;
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    JxWindow        *window)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    show_error (GTK_WINDOW (window), _("Could not export the PDF"),
                _("Only files on this computer can be written"));
  else if (!jx_print_export_pdf (window, path, &error))
    show_error (GTK_WINDOW (window), _("Could not export the PDF"), error->message);
}

static char *
suggested_name (JxWindow *window)
{
  GFile *file = jx_window_get_file (window);
  g_autofree char *base = NULL;
  char *dot;

  if (file == NULL)
    return g_strdup_printf ("%u年部门预算绩效文本.pdf", jx_document_get_year (jx_window_get_document (window)));
  base = g_file_get_basename (file);
  dot = strrchr (base, '.');
  if (dot != NULL)
    *dot = '\0';
  return g_strconcat (base, ".pdf", NULL);
}

static void
export_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  JxWindow *window = user_data;
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (window);

  dialog = gtk_file_chooser_native_new (_("Export PDF"), GTK_WINDOW (window),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_response_cb), window, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
preview_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  jx_preview_present (JX_WINDOW (user_data));
}

static void
application_set_cb (JxWindow *window)
{
  static const char *print_accels[] = { "<Control>p", NULL };
  static const char *export_accels[] = { "<Control><Shift>e", NULL };
  static const char *preview_accels[] = { "<Control><Shift>p", NULL };
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));

  if (app == NULL)
    return;
  gtk_application_set_accels_for_action (app, "win.print", print_accels);
  gtk_application_set_accels_for_action (app, "win.export-pdf", export_accels);
  gtk_application_set_accels_for_action (app, "win.print-preview", preview_accels);
}

void
jx_print_install_actions (JxWindow *window)
{
  static const GActionEntry entries[] = {
    { "print", print_activated },
    { "export-pdf", export_activated },
    { "print-preview", preview_activated },
  };

  g_return_if_fail (JX_IS_WINDOW (window));

  g_action_map_add_action_entries (G_ACTION_MAP (window), entries, G_N_ELEMENTS (entries), window);
  /* The window gets its application after init. */
  g_signal_connect (window, "notify::application", G_CALLBACK (application_set_cb), NULL);
  application_set_cb (window);
}
