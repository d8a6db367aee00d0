/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-amount-entry.h"
#include "jx-stage.h"
#include "jx-widget-util.h"

struct _JxAmountEntry
{
  GtkWidget parent_instance;

  GtkWidget *entry;
  GtkWidget *message;
  JxMoney amount;
  char *error;
  gboolean updating;
  /* Empty is "not entered" (JX_AMOUNT_UNSET), not 0. */
  gboolean optional;
};

G_DEFINE_FINAL_TYPE (JxAmountEntry, jx_amount_entry, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_AMOUNT, PROP_OPTIONAL, N_PROPS };
static GParamSpec *properties[N_PROPS];

static gboolean
parse_text (JxAmountEntry *self,
            const char    *text,
            JxMoney       *amount,
            GError       **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (stripped[0] == '\0')
    {
      *amount = self->optional ? JX_AMOUNT_UNSET : 0;
      return TRUE;
    }
  if (!jx_money_parse (stripped, amount, error))
    return FALSE;
  if (*amount > JX_MONEY_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("This amount is too large"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
show_error (JxAmountEntry *self,
            const char    *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (GTK_LABEL (self->message), message != NULL ? message : "");
  gtk_widget_set_visible (self->message, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (self->entry, "error");
  else
    gtk_widget_remove_css_class (self->entry, "error");
}

static void
text_changed_cb (JxAmountEntry *self)
{
  g_autoptr(GError) error = NULL;
  JxMoney amount;

  if (self->updating)
    return;
  /* Empty is a field being retyped (also the step between the deletion
   * and insertion of a replacement); it means 0 once the clerk leaves.
   * In an optional field it means "not entered" at once. */
  if (!self->optional && is_blank (gtk_editable_get_text (GTK_EDITABLE (self->entry))))
    {
      show_error (self, NULL);
      return;
    }
  if (!parse_text (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)), &amount, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  if (amount == self->amount)
    return;
  self->amount = amount;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT]);
}

static char *
format_amount (JxMoney amount)
{
  if (amount < 0)
    return g_strdup ("");
  /* Two decimals as printed, unless the file holds more. */
  if (amount % 10000 == 0)
    return jx_money_format (amount);
  return jx_money_format_exact (amount);
}

/* A neater form of the same amount once the clerk leaves the field. */
static void
focus_leave_cb (JxAmountEntry *self)
{
  g_autofree char *text = NULL;

  if (self->error != NULL)
    return;
  if (!self->optional && is_blank (gtk_editable_get_text (GTK_EDITABLE (self->entry))) &&
      self->amount != 0)
    {
      self->amount = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT]);
    }
  text = format_amount (self->amount);
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  self->updating = FALSE;
}

static void
jx_amount_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JxAmountEntry *self = JX_AMOUNT_ENTRY (object);

  if (prop_id == PROP_AMOUNT)
    g_value_set_int64 (value, self->amount);
  else if (prop_id == PROP_OPTIONAL)
    g_value_set_boolean (value, self->optional);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
jx_amount_entry_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  JxAmountEntry *self = JX_AMOUNT_ENTRY (object);

  if (prop_id == PROP_AMOUNT)
    jx_amount_entry_set_amount (self, g_value_get_int64 (value));
  else if (prop_id == PROP_OPTIONAL)
    jx_amount_entry_set_optional (self, g_value_get_boolean (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
jx_amount_entry_dispose (GObject *object)
{
  JxAmountEntry *self = JX_AMOUNT_ENTRY (object);

  g_clear_pointer (&self->entry, gtk_widget_unparent);
  g_clear_pointer (&self->message, gtk_widget_unparent);
  G_OBJECT_CLASS (jx_amount_entry_parent_class)->dispose (object);
}

static void
jx_amount_entry_finalize (GObject *object)
{
  g_free (JX_AMOUNT_ENTRY (object)->error);
  G_OBJECT_CLASS (jx_amount_entry_parent_class)->finalize (object);
}

static gboolean
jx_amount_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (JX_AMOUNT_ENTRY (widget)->entry);
}

static void
jx_amount_entry_class_init (JxAmountEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = jx_amount_entry_get_property;
  object_class->set_property = jx_amount_entry_set_property;
  object_class->dispose = jx_amount_entry_dispose;
  object_class->finalize = jx_amount_entry_finalize;
  widget_class->grab_focus = jx_amount_entry_grab_focus;

  properties[PROP_AMOUNT] =
    g_param_spec_int64 ("amount", NULL, NULL, JX_AMOUNT_UNSET, JX_MONEY_MAX, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPTIONAL] =
    g_param_spec_boolean ("optional", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
jx_amount_entry_init (JxAmountEntry *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 2);

  self->entry = gtk_entry_new ();
  gtk_entry_set_alignment (GTK_ENTRY (self->entry), 1.0);
  gtk_entry_set_input_purpose (GTK_ENTRY (self->entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 12);
  gtk_widget_add_css_class (self->entry, "numeric");
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "0.00");
  jx_widget_disable_undo (self->entry);
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (self->entry, focus);

  /* The reason wraps under the entry rather than widening it. */
  self->message = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0, "wrap", TRUE, "visible", FALSE,
                                "max-width-chars", 16, "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                "css-classes", (const char *[]) { "error", "caption", NULL },
                                NULL);
  gtk_widget_set_parent (self->message, GTK_WIDGET (self));
}

GtkWidget *
jx_amount_entry_new (void)
{
  return g_object_new (JX_TYPE_AMOUNT_ENTRY, NULL);
}

JxMoney
jx_amount_entry_get_amount (JxAmountEntry *self)
{
  g_return_val_if_fail (JX_IS_AMOUNT_ENTRY (self), 0);
  return self->amount;
}

void
jx_amount_entry_set_amount (JxAmountEntry *self,
                            JxMoney        amount)
{
  JxMoney shown;
  gboolean changed;

  g_return_if_fail (JX_IS_AMOUNT_ENTRY (self));

  if (amount < 0)
    amount = self->optional ? JX_AMOUNT_UNSET : 0;
  changed = amount != self->amount;
  self->amount = amount;
  /* Leave the clerk's own spelling of the same amount alone. */
  if (!parse_text (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)), &shown, NULL) || shown != amount)
    {
      g_autofree char *text = format_amount (amount);

      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
      self->updating = FALSE;
      show_error (self, NULL);
    }
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT]);
}

GtkWidget *
jx_amount_entry_get_entry (JxAmountEntry *self)
{
  g_return_val_if_fail (JX_IS_AMOUNT_ENTRY (self), NULL);
  return self->entry;
}

const char *
jx_amount_entry_get_error (JxAmountEntry *self)
{
  g_return_val_if_fail (JX_IS_AMOUNT_ENTRY (self), NULL);
  return self->error;
}

gboolean
jx_amount_entry_get_optional (JxAmountEntry *self)
{
  g_return_val_if_fail (JX_IS_AMOUNT_ENTRY (self), FALSE);
  return self->optional;
}

void
jx_amount_entry_set_optional (JxAmountEntry *self,
                              gboolean       optional)
{
  g_return_if_fail (JX_IS_AMOUNT_ENTRY (self));

  optional = !!optional;
  if (self->optional == optional)
    return;
  self->optional = optional;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPTIONAL]);
  jx_amount_entry_set_amount (self, self->amount);
}

void
jx_amount_entry_set_placeholder (JxAmountEntry *self,
                                 const char    *text)
{
  g_return_if_fail (JX_IS_AMOUNT_ENTRY (self));
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), text);
}
