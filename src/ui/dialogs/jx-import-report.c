/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-import-report.h"
#include "jx-widget-util.h"

struct _JxImportReportWindow
{
  GtkWindow parent_instance;

  JxImportReport *report;
  GtkLabel *summary;
  GtkTextView *notes;
};

G_DEFINE_FINAL_TYPE (JxImportReportWindow, jx_import_report_window, GTK_TYPE_WINDOW)

#define WIDGET_NAME "import-report"

static void
copy_clicked_cb (JxImportReportWindow *self)
{
  g_autofree char *text = jx_import_report_window_get_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

/* Each note as two lines, its place in bold above what was there: the
 * texts are long and read better so than as "place: text". */
static void
fill_notes (JxImportReportWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes);
  GtkTextTag *place = gtk_text_buffer_create_tag (buffer, NULL, "weight", PANGO_WEIGHT_BOLD, NULL);
  GtkTextTag *text = gtk_text_buffer_create_tag (buffer, NULL, "pixels-below-lines", 10,
                                                 "left-margin", 12, NULL);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  for (guint i = 0; i < jx_import_report_get_n_notes (self->report); i++)
    {
      gtk_text_buffer_insert_with_tags (buffer, &end, jx_import_report_get_place (self->report, i), -1,
                                        place, NULL);
      gtk_text_buffer_insert (buffer, &end, "\n", 1);
      gtk_text_buffer_insert_with_tags (buffer, &end, jx_import_report_get_text (self->report, i), -1,
                                        text, NULL);
      gtk_text_buffer_insert (buffer, &end, "\n", 1);
    }
}

static char *
summary_text (const char *file_name,
              guint       n_projects,
              guint       n_notes)
{
  g_autofree char *made = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
    "“%s” is now a new document with %u project; it is not saved yet.",
    "“%s” is now a new document with %u projects; it is not saved yet.", n_projects),
    file_name, n_projects);
  g_autofree char *left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
    "%u part of the file could not be placed in it. Check it against the file and add what is needed:",
    "%u parts of the file could not be placed in it. Check them against the file and add what is needed:",
    n_notes), n_notes);

  /* TRANSLATORS: two sentences of the import report, one after the other */
  return g_strdup_printf (_("%s %s"), made, left);
}

static void
build (JxImportReportWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *copy = gtk_button_new_with_mnemonic (_("_Copy All"));
  GtkWidget *close = gtk_button_new_with_mnemonic (_("_Close"));

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_wrap_mode (self->summary, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->summary, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary));

  /* Text to select and copy, not to edit. */
  self->notes = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_editable (self->notes, FALSE);
  gtk_text_view_set_wrap_mode (self->notes, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->notes, 8);
  gtk_text_view_set_right_margin (self->notes, 8);
  gtk_text_view_set_top_margin (self->notes, 8);
  gtk_text_view_set_bottom_margin (self->notes, 8);
  gtk_widget_set_name (GTK_WIDGET (self->notes), "import-report-notes");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->notes), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->summary, NULL, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->notes));
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_tooltip_text (copy, _("Copy the whole report, one note a line"));
  gtk_widget_set_name (copy, "import-report-copy");
  g_signal_connect_swapped (copy, "clicked", G_CALLBACK (copy_clicked_cb), self);
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (gtk_window_close), self);
  gtk_box_append (GTK_BOX (buttons), copy);
  gtk_box_append (GTK_BOX (buttons), close);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_window_set_child (GTK_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), close);
}

static void
jx_import_report_window_finalize (GObject *object)
{
  JxImportReportWindow *self = JX_IMPORT_REPORT_WINDOW (object);

  g_clear_pointer (&self->report, jx_import_report_unref);
  G_OBJECT_CLASS (jx_import_report_window_parent_class)->finalize (object);
}

static void
jx_import_report_window_class_init (JxImportReportWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jx_import_report_window_finalize;
}

static void
jx_import_report_window_init (JxImportReportWindow *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Import Report"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 480);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  /* The window's notice shows it again. */
  gtk_window_set_hide_on_close (GTK_WINDOW (self), TRUE);
  gtk_widget_set_name (GTK_WIDGET (self), WIDGET_NAME);
  gtk_widget_add_controller (GTK_WIDGET (self), jx_widget_close_keys ());
  build (self);
}

JxImportReportWindow *
jx_import_report_window_new (GtkWindow      *parent,
                             const char     *file_name,
                             guint           n_projects,
                             JxImportReport *report)
{
  JxImportReportWindow *self;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (file_name != NULL && report != NULL, NULL);

  self = g_object_new (JX_TYPE_IMPORT_REPORT_WINDOW, "transient-for", parent, NULL);
  self->report = jx_import_report_ref (report);
  summary = summary_text (file_name, n_projects, jx_import_report_get_n_notes (report));
  gtk_label_set_text (self->summary, summary);
  fill_notes (self);
  return self;
}

JxImportReportWindow *
jx_import_report_window_find (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (JX_IS_IMPORT_REPORT_WINDOW (window) && gtk_window_get_transient_for (window) == parent)
        return JX_IMPORT_REPORT_WINDOW (window);
    }
  return NULL;
}

char *
jx_import_report_window_get_text (JxImportReportWindow *self)
{
  g_return_val_if_fail (JX_IS_IMPORT_REPORT_WINDOW (self), NULL);
  return jx_import_report_to_text (self->report);
}
