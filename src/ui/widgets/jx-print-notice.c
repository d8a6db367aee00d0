/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-checks.h"
#include "jx-font-watch.h"
#include "jx-page-fonts.h"
#include "jx-print-notice.h"

struct _JxPrintNotice
{
  GtkWidget parent_instance;

  JxReview *review;
  gboolean about_fonts;
  char *errors;
  char *fonts;

  GtkInfoBar *errors_bar;
  GtkLabel *errors_label;
  GtkInfoBar *fonts_bar;
  GtkLabel *fonts_label;
};

G_DEFINE_FINAL_TYPE (JxPrintNotice, jx_print_notice, GTK_TYPE_WIDGET)

enum { SHOW_PROBLEMS, CHOOSE_FONTS, N_SIGNALS };
static guint signals[N_SIGNALS];

char *
jx_print_notice_describe_errors (JxReview *review)
{
  GListModel *list;
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (JX_IS_REVIEW (review), NULL);

  list = jx_review_get_findings (review);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (findings, g_list_model_get_item (list, i));
  return jx_checks_describe_open (findings);
}

char *
jx_print_notice_describe_fonts (void)
{
  PangoContext *context = jx_page_context_new ();
  char *text = jx_fonts_describe_stand_ins (context);

  g_object_unref (context);
  return text;
}

/* Shows text in the bar, or hides the bar when there is none. */
static void
show_bar (GtkInfoBar *bar,
          GtkLabel   *label,
          const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (bar), text != NULL);
}

static void
update_errors (JxPrintNotice *self)
{
  g_free (self->errors);
  self->errors = self->review != NULL ? jx_print_notice_describe_errors (self->review) : NULL;
  show_bar (self->errors_bar, self->errors_label, self->errors);
}

static void
update_fonts (JxPrintNotice *self)
{
  g_free (self->fonts);
  self->fonts = self->about_fonts ? jx_print_notice_describe_fonts () : NULL;
  show_bar (self->fonts_bar, self->fonts_label, self->fonts);
}

static void
errors_response_cb (GtkInfoBar    *bar,
                    int            response,
                    JxPrintNotice *self)
{
  g_signal_emit (self, signals[SHOW_PROBLEMS], 0);
}

static void
fonts_response_cb (GtkInfoBar    *bar,
                   int            response,
                   JxPrintNotice *self)
{
  g_signal_emit (self, signals[CHOOSE_FONTS], 0);
}

static GtkInfoBar *
make_bar (JxPrintNotice *self,
          const char    *name,
          const char    *button,
          GtkLabel     **label_out,
          GCallback      response)
{
  GtkInfoBar *bar = GTK_INFO_BAR (gtk_info_bar_new ());
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (GTK_WIDGET (bar), name);
  gtk_info_bar_set_message_type (bar, GTK_MESSAGE_WARNING);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* Wraps in the window it is put in instead of widening it. */
  gtk_label_set_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Font names can be copied, but the text takes no focus: a dialog
   * would give it the first focus and show it all selected. */
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_focusable (label, FALSE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_info_bar_add_child (bar, icon);
  gtk_info_bar_add_child (bar, label);
  gtk_info_bar_add_button (bar, button, GTK_RESPONSE_ACCEPT);
  g_signal_connect (bar, "response", response, self);
  gtk_widget_set_visible (GTK_WIDGET (bar), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (bar), GTK_WIDGET (self));
  *label_out = GTK_LABEL (label);
  return bar;
}

static void
jx_print_notice_dispose (GObject *object)
{
  JxPrintNotice *self = JX_PRINT_NOTICE (object);
  GtkWidget *child;

  if (self->review != NULL)
    g_signal_handlers_disconnect_by_data (self->review, self);
  g_clear_object (&self->review);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (jx_print_notice_parent_class)->dispose (object);
}

static void
jx_print_notice_finalize (GObject *object)
{
  JxPrintNotice *self = JX_PRINT_NOTICE (object);

  g_free (self->errors);
  g_free (self->fonts);
  G_OBJECT_CLASS (jx_print_notice_parent_class)->finalize (object);
}

static void
jx_print_notice_class_init (JxPrintNoticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_print_notice_dispose;
  object_class->finalize = jx_print_notice_finalize;

  signals[SHOW_PROBLEMS] = g_signal_new ("show-problems", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CHOOSE_FONTS] = g_signal_new ("choose-fonts", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "print-notice");
}

static void
jx_print_notice_init (JxPrintNotice *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  self->errors_bar = make_bar (self, "errors-notice", _("Show _Problems"), &self->errors_label,
                               G_CALLBACK (errors_response_cb));
  self->fonts_bar = make_bar (self, "fonts-notice", _("Choose _Fonts…"), &self->fonts_label,
                              G_CALLBACK (fonts_response_cb));
}

GtkWidget *
jx_print_notice_new (JxReview *review,
                     gboolean  about_fonts)
{
  JxPrintNotice *self;

  g_return_val_if_fail (review == NULL || JX_IS_REVIEW (review), NULL);

  self = g_object_new (JX_TYPE_PRINT_NOTICE, NULL);
  self->about_fonts = about_fonts;
  if (review != NULL)
    {
      self->review = g_object_ref (review);
      g_signal_connect_object (review, "changed", G_CALLBACK (update_errors), self, G_CONNECT_SWAPPED);
    }
  if (about_fonts)
    g_signal_connect_object (jx_font_watch_get_default (), "changed", G_CALLBACK (update_fonts), self,
                             G_CONNECT_SWAPPED);
  update_errors (self);
  update_fonts (self);
  return GTK_WIDGET (self);
}

const char *
jx_print_notice_get_errors (JxPrintNotice *self)
{
  g_return_val_if_fail (JX_IS_PRINT_NOTICE (self), NULL);
  return self->errors;
}

const char *
jx_print_notice_get_fonts (JxPrintNotice *self)
{
  g_return_val_if_fail (JX_IS_PRINT_NOTICE (self), NULL);
  return self->fonts;
}

gboolean
jx_print_notice_has_something (JxPrintNotice *self)
{
  g_return_val_if_fail (JX_IS_PRINT_NOTICE (self), FALSE);
  return self->errors != NULL || self->fonts != NULL;
}
