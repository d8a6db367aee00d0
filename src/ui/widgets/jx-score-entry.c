/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jx-score-entry.h"
#include "jx-scoring.h"
#include "jx-widget-util.h"

struct _JxScoreEntry
{
  GtkWidget parent_instance;

  GtkWidget *entry;
  double score;
  double computed;
  double maximum;
  char *error;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (JxScoreEntry, jx_score_entry, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_SCORE, PROP_COMPUTED, PROP_MAXIMUM, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* Points are kept to 0.01, as the forms print them. */
static double
round_points (double points)
{
  return round (points * 100) / 100;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* Reads the entry: TRUE with *score (JX_SCORE_UNSET when empty), or FALSE
 * with the reason. */
static gboolean
read_text (JxScoreEntry *self,
           const char   *text,
           double       *score,
           char        **error)
{
  double points;

  if (is_blank (text))
    {
      *score = JX_SCORE_UNSET;
      return TRUE;
    }
  if (jx_score_parse (text, &points) && points >= 0 && points <= self->maximum + 1e-9)
    {
      *score = round_points (points);
      return TRUE;
    }
  if (error != NULL)
    {
      g_autofree char *maximum = jx_score_format (self->maximum);
      *error = g_strdup_printf (_("Type points from 0 to %s, or leave it empty for the computed ones"),
                                maximum);
    }
  return FALSE;
}

static void
show_error (JxScoreEntry *self,
            char         *message)
{
  g_free (self->error);
  self->error = message;
  jx_widget_set_tooltip (self->entry, message);
  if (message != NULL)
    gtk_widget_add_css_class (self->entry, "error");
  else
    gtk_widget_remove_css_class (self->entry, "error");
}

static void
text_changed_cb (JxScoreEntry *self)
{
  char *error = NULL;
  double score;

  if (self->updating)
    return;
  if (!read_text (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)), &score, &error))
    {
      show_error (self, error);
      return;
    }
  show_error (self, NULL);
  if (score == self->score)
    return;
  self->score = score;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
}

static void
show_score (JxScoreEntry *self)
{
  g_autofree char *text = self->score < 0 ? g_strdup ("") : jx_score_format (self->score);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  self->updating = FALSE;
  show_error (self, NULL);
}

/* A refused text is put back to the score when the clerk leaves. */
static void
focus_leave_cb (JxScoreEntry *self)
{
  if (self->error != NULL)
    show_score (self);
}

static void
jx_score_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JxScoreEntry *self = JX_SCORE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_SCORE: g_value_set_double (value, self->score); break;
    case PROP_COMPUTED: g_value_set_double (value, self->computed); break;
    case PROP_MAXIMUM: g_value_set_double (value, self->maximum); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_score_entry_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  JxScoreEntry *self = JX_SCORE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_SCORE: jx_score_entry_set_score (self, g_value_get_double (value)); break;
    case PROP_COMPUTED: jx_score_entry_set_computed (self, g_value_get_double (value)); break;
    case PROP_MAXIMUM: jx_score_entry_set_maximum (self, g_value_get_double (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_score_entry_dispose (GObject *object)
{
  g_clear_pointer (&JX_SCORE_ENTRY (object)->entry, gtk_widget_unparent);
  G_OBJECT_CLASS (jx_score_entry_parent_class)->dispose (object);
}

static void
jx_score_entry_finalize (GObject *object)
{
  g_free (JX_SCORE_ENTRY (object)->error);
  G_OBJECT_CLASS (jx_score_entry_parent_class)->finalize (object);
}

static gboolean
jx_score_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (JX_SCORE_ENTRY (widget)->entry);
}

static void
jx_score_entry_class_init (JxScoreEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = jx_score_entry_get_property;
  object_class->set_property = jx_score_entry_set_property;
  object_class->dispose = jx_score_entry_dispose;
  object_class->finalize = jx_score_entry_finalize;
  widget_class->grab_focus = jx_score_entry_grab_focus;

  properties[PROP_SCORE] = g_param_spec_double ("score", NULL, NULL, JX_SCORE_UNSET, JX_SCORE_MAX,
                                                JX_SCORE_UNSET, rw);
  properties[PROP_COMPUTED] = g_param_spec_double ("computed", NULL, NULL, -1, JX_SCORE_MAX, -1, rw);
  properties[PROP_MAXIMUM] = g_param_spec_double ("maximum", NULL, NULL, 0, JX_SCORE_MAX,
                                                  JX_SCORE_MAX, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
jx_score_entry_init (JxScoreEntry *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->score = JX_SCORE_UNSET;
  self->computed = -1;
  self->maximum = JX_SCORE_MAX;
  self->entry = gtk_entry_new ();
  gtk_entry_set_alignment (GTK_ENTRY (self->entry), 1.0);
  gtk_entry_set_input_purpose (GTK_ENTRY (self->entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 5);
  gtk_widget_add_css_class (self->entry, "numeric");
  jx_widget_disable_undo (self->entry);
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (self->entry, focus);
}

GtkWidget *
jx_score_entry_new (double maximum)
{
  return g_object_new (JX_TYPE_SCORE_ENTRY, "maximum", maximum, NULL);
}

double
jx_score_entry_get_score (JxScoreEntry *self)
{
  g_return_val_if_fail (JX_IS_SCORE_ENTRY (self), JX_SCORE_UNSET);
  return self->score;
}

void
jx_score_entry_set_score (JxScoreEntry *self,
                          double        score)
{
  double was;
  double shown;

  g_return_if_fail (JX_IS_SCORE_ENTRY (self));

  if (score < 0)
    score = JX_SCORE_UNSET;
  was = self->score;
  self->score = score;
  /* Leave the clerk's own spelling of the same points alone. */
  if (!read_text (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)), &shown, NULL) ||
      shown != (score < 0 ? JX_SCORE_UNSET : round_points (score)))
    show_score (self);
  if (was != score)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
}

void
jx_score_entry_set_computed (JxScoreEntry *self,
                             double        computed)
{
  g_autofree char *hint = NULL;

  g_return_if_fail (JX_IS_SCORE_ENTRY (self));

  if (self->computed == computed)
    return;
  self->computed = computed;
  hint = computed >= 0 ? jx_score_format (computed) : NULL;
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), hint);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPUTED]);
}

void
jx_score_entry_set_maximum (JxScoreEntry *self,
                            double        maximum)
{
  g_return_if_fail (JX_IS_SCORE_ENTRY (self));

  if (self->maximum == maximum)
    return;
  self->maximum = maximum;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAXIMUM]);
}

GtkWidget *
jx_score_entry_get_entry (JxScoreEntry *self)
{
  g_return_val_if_fail (JX_IS_SCORE_ENTRY (self), NULL);
  return self->entry;
}

const char *
jx_score_entry_get_error (JxScoreEntry *self)
{
  g_return_val_if_fail (JX_IS_SCORE_ENTRY (self), NULL);
  return self->error;
}
