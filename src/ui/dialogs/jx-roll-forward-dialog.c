/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-roll-forward-dialog.h"
#include "jx-widget-util.h"

struct _JxRollForwardDialog
{
  GtkWindow parent_instance;

  JxDocumentSession *session;

  GtkCheckButton *keep_amounts;
  GtkCheckButton *clear_amounts;
  GtkCheckButton *keep_plans;
  GtkCheckButton *clear_plans;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (JxRollForwardDialog, jx_roll_forward_dialog, GTK_TYPE_WINDOW)

enum { DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
start_clicked_cb (JxRollForwardDialog *self)
{
  jx_roll_forward_dialog_accept (self);
}

/* Enter starts, as in any dialog, also from the choices: a check button
 * takes Enter for itself. On a button it stays that button's. */
static gboolean
enter_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  JxRollForwardDialog *self = JX_ROLL_FORWARD_DIALOG (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && GTK_IS_BUTTON (focus))
    return FALSE;
  jx_roll_forward_dialog_accept (self);
  return TRUE;
}

static GtkEventController *
enter_keys (void)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, 0),
                                                             gtk_keyval_trigger_new (GDK_KEY_KP_Enter, 0));

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger, gtk_callback_action_new (enter_cb, NULL, NULL)));
  return controller;
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  return label;
}

/* Two choices of which one holds; the first is on. */
static GtkWidget *
choice_pair (const char      *first_text,
             const char      *second_text,
             GtkCheckButton **first,
             GtkCheckButton **second)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  *first = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (first_text));
  *second = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (second_text));
  gtk_check_button_set_group (*second, *first);
  gtk_check_button_set_active (*first, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*first));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*second));
  return box;
}

static void
build_header (JxRollForwardDialog *self)
{
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *start = gtk_button_new_with_mnemonic (_("_Start"));

  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_widget_add_css_class (start, "suggested-action");
  gtk_widget_set_name (start, "roll-forward-start");
  g_signal_connect_swapped (start, "clicked", G_CALLBACK (start_clicked_cb), self);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), cancel);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), start);
  gtk_window_set_titlebar (GTK_WINDOW (self), header);
  gtk_window_set_default_widget (GTK_WINDOW (self), start);
}

static void
build_content (JxRollForwardDialog *self,
               guint                year)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *title = g_strdup_printf (_("Start the %u document from the %u one"), year + 1, year);
  GtkWidget *intro = gtk_label_new (title);
  GtkWidget *about = gtk_label_new (_("The new document opens in a window of its own, not yet saved; "
                                      "this document stays as it is. Projects, goals, Part 1 and the "
                                      "indicators are kept, and years in texts that name the budget year "
                                      "move with it, for you to check in the list that follows. Last "
                                      "year’s monitoring and self-evaluation entries stay with last year."));

  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_widget_add_css_class (intro, "title-4");
  gtk_label_set_xalign (GTK_LABEL (about), 0);
  gtk_label_set_wrap (GTK_LABEL (about), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (about), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (about), 52);
  gtk_widget_add_css_class (about, "dim-label");
  gtk_box_append (GTK_BOX (box), intro);
  gtk_box_append (GTK_BOX (box), about);
  gtk_box_append (GTK_BOX (box), heading (_("Budgets (财政资金, 其他资金)")));
  gtk_box_append (GTK_BOX (box), choice_pair (_("_Keep last year’s amounts as a starting point"),
                                              _("Start every budget at _zero"),
                                              &self->keep_amounts, &self->clear_amounts));
  gtk_box_append (GTK_BOX (box), heading (_("Spending plans (资金支出计划)")));
  gtk_box_append (GTK_BOX (box), choice_pair (_("Keep last year’s _plans"),
                                              _("Start every plan _empty, to be set anew"),
                                              &self->keep_plans, &self->clear_plans));
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_window_set_child (GTK_WINDOW (self), box);
}

static void
jx_roll_forward_dialog_dispose (GObject *object)
{
  JxRollForwardDialog *self = JX_ROLL_FORWARD_DIALOG (object);

  g_clear_object (&self->session);
  G_OBJECT_CLASS (jx_roll_forward_dialog_parent_class)->dispose (object);
}

static void
jx_roll_forward_dialog_class_init (JxRollForwardDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jx_roll_forward_dialog_dispose;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 1, JX_TYPE_ROLL_FORWARD);
}

static void
jx_roll_forward_dialog_init (JxRollForwardDialog *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Start Next Year"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_resizable (GTK_WINDOW (self), FALSE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_widget_set_name (GTK_WIDGET (self), "roll-forward-dialog");
  gtk_widget_add_controller (GTK_WIDGET (self), jx_widget_close_keys ());
  gtk_widget_add_controller (GTK_WIDGET (self), enter_keys ());
  build_header (self);
}

JxRollForwardDialog *
jx_roll_forward_dialog_new (GtkWindow         *parent,
                            JxDocumentSession *session)
{
  JxRollForwardDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (JX_IS_DOCUMENT_SESSION (session), NULL);

  self = g_object_new (JX_TYPE_ROLL_FORWARD_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  build_content (self, jx_document_get_year (jx_document_session_get_document (session)));
  return self;
}

JxRollForwardFlags
jx_roll_forward_dialog_get_flags (JxRollForwardDialog *self)
{
  g_return_val_if_fail (JX_IS_ROLL_FORWARD_DIALOG (self), JX_ROLL_FORWARD_KEEP);

  return (gtk_check_button_get_active (self->clear_amounts) ? JX_ROLL_FORWARD_CLEAR_AMOUNTS : 0) |
         (gtk_check_button_get_active (self->clear_plans) ? JX_ROLL_FORWARD_CLEAR_PLANS : 0);
}

void
jx_roll_forward_dialog_set_flags (JxRollForwardDialog *self,
                                  JxRollForwardFlags   flags)
{
  g_return_if_fail (JX_IS_ROLL_FORWARD_DIALOG (self));

  gtk_check_button_set_active ((flags & JX_ROLL_FORWARD_CLEAR_AMOUNTS) ? self->clear_amounts
                                                                      : self->keep_amounts, TRUE);
  gtk_check_button_set_active ((flags & JX_ROLL_FORWARD_CLEAR_PLANS) ? self->clear_plans
                                                                    : self->keep_plans, TRUE);
}

gboolean
jx_roll_forward_dialog_accept (JxRollForwardDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxRollForward) roll = NULL;

  g_return_val_if_fail (JX_IS_ROLL_FORWARD_DIALOG (self), FALSE);

  roll = jx_roll_forward_new (jx_document_session_get_document (self->session),
                              jx_roll_forward_dialog_get_flags (self), &error);
  if (roll == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }
  /* Kept alive through the handlers, which may close the window. */
  g_object_ref (self);
  g_signal_emit (self, signals[DONE], 0, roll);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
  return TRUE;
}
