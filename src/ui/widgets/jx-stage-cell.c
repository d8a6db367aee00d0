/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jx-score-entry.h"
#include "jx-stage-cell.h"
#include "jx-stage-labels.h"
#include "jx-widget-util.h"

/* ---- The columns ---- */

static const JxStageColumn columns[] = {
  { JX_STAGE_MONITORING, JX_STAGE_CELL_TEXT, "monitoring.actual", "monitoring-actual",
    N_("Achieved in %s"), 100 },
  { JX_STAGE_MONITORING, JX_STAGE_CELL_TEXT, "monitoring.expected", "monitoring-expected",
    N_("Expected for the year"), 126 },
  { JX_STAGE_MONITORING, JX_STAGE_CELL_LIKELIHOOD, "monitoring.likelihood", "monitoring-likelihood",
    N_("Likelihood of meeting the target"), 104 },
  { JX_STAGE_MONITORING, JX_STAGE_CELL_CAUSES, "monitoring.causes", "monitoring-causes",
    N_("Causes of deviation"), 116 },
  { JX_STAGE_MONITORING, JX_STAGE_CELL_TEXT, "monitoring.note", "monitoring-cause-note",
    N_("Explanation of the causes"), 120 },
  { JX_STAGE_MONITORING, JX_STAGE_CELL_TEXT, "monitoring.measures", "monitoring-measures",
    N_("Corrective measures"), 120 },
  { JX_STAGE_EVALUATION, JX_STAGE_CELL_TEXT, "evaluation.actual", "evaluation-actual",
    N_("Actual value"), 100 },
  { JX_STAGE_EVALUATION, JX_STAGE_CELL_ACHIEVEMENT, "evaluation.achievement", "evaluation-achievement",
    N_("Achievement"), 100 },
  { JX_STAGE_EVALUATION, JX_STAGE_CELL_WEIGHT, "evaluation.weight", "evaluation-weight",
    N_("Weight"), 64 },
  { JX_STAGE_EVALUATION, JX_STAGE_CELL_SCORE, "evaluation.score", "evaluation-score",
    N_("Score"), 64 },
  { JX_STAGE_EVALUATION, JX_STAGE_CELL_TEXT, "evaluation.analysis", "evaluation-analysis",
    N_("Deviation analysis and improvements"), 160 },
};

const JxStageColumn *
jx_stage_columns (JxStage  stage,
                  guint   *n_columns)
{
  guint first = G_N_ELEMENTS (columns);
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (columns[i].stage == stage)
      {
        first = MIN (first, i);
        n++;
      }
  *n_columns = n;
  return n > 0 ? &columns[first] : NULL;
}

const JxStageColumn *
jx_stage_column_find (const char *member)
{
  for (guint i = 0; member != NULL && i < G_N_ELEMENTS (columns); i++)
    if (g_str_equal (columns[i].member, member))
      return &columns[i];
  return NULL;
}

char *
jx_stage_column_title (const JxStageColumn *column,
                       guint                month)
{
  g_return_val_if_fail (column != NULL, NULL);

  if (strstr (column->title, "%s") != NULL)
    return jx_stage_months_label (_(column->title), month);
  return g_strdup (_(column->title));
}

/* ---- A cell ---- */

struct _JxStageCell
{
  GtkWidget parent_instance;

  const JxStageColumn *column;
  JxScoreWatch *watch;
  JxIndicator *indicator;
  GtkWidget *child;
  GtkWidget *focus;
  GtkWidget *causes[JX_N_CAUSES];
  /* The widgets are being set from the indicator. */
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (JxStageCell, jx_stage_cell, GTK_TYPE_WIDGET)

static const JxCauses cause_bits[JX_N_CAUSES] = {
  JX_CAUSE_FUNDS, JX_CAUSE_RULES, JX_CAUSE_STAFF, JX_CAUSE_EQUIPMENT, JX_CAUSE_OTHER,
};

/* ---- Showing the indicator ---- */

static void
show_text (JxStageCell *self)
{
  g_autofree char *text = NULL;

  if (self->indicator != NULL)
    g_object_get (self->indicator, self->column->property, &text, NULL);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->child)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->child), text != NULL ? text : "");
  /* A narrow cell cuts long text: the whole of it shows on hovering. */
  jx_widget_set_tooltip (self->child, text != NULL && g_utf8_strlen (text, -1) > 5 ? text : NULL);
}

static void
show_choice (JxStageCell *self)
{
  int value = 0;

  if (self->indicator != NULL)
    g_object_get (self->indicator, self->column->property, &value, NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->child), (guint) value);
}

static void
show_causes (JxStageCell *self)
{
  JxCauses causes = self->indicator != NULL ? jx_indicator_get_monitoring_causes (self->indicator)
                                            : JX_CAUSE_NONE;
  g_autofree char *label = jx_causes_to_label (causes);

  for (guint i = 0; i < JX_N_CAUSES; i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->causes[i]), (causes & cause_bits[i]) != 0);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->child), label[0] != '\0' ? label : "—");
  jx_widget_set_tooltip (self->child, label[0] != '\0' ? label : NULL);
}

static void
show_points (JxStageCell *self)
{
  double points = JX_SCORE_UNSET;

  if (self->indicator != NULL)
    g_object_get (self->indicator, self->column->property, &points, NULL);
  jx_score_entry_set_score (JX_SCORE_ENTRY (self->child), points);
}

/* What the rules compute for the row: the default 分值, the 得分 and how it
 * was reached, and whether the row is judged by 达成. */
static void
show_computed (JxStageCell *self)
{
  const JxRowScore *row = self->indicator != NULL ? jx_score_watch_get_row (self->watch, self->indicator)
                                                  : NULL;
  g_autofree char *explanation = NULL;

  switch (self->column->kind)
    {
    case JX_STAGE_CELL_WEIGHT:
      jx_score_entry_set_computed (JX_SCORE_ENTRY (self->child),
                                   row != NULL && row->weight_default ? row->weight : -1);
      break;
    case JX_STAGE_CELL_SCORE:
      jx_score_entry_set_computed (JX_SCORE_ENTRY (self->child), row != NULL ? row->computed : -1);
      explanation = row != NULL ? jx_row_score_explain (row) : NULL;
      jx_widget_set_tooltip (GTK_WIDGET (self), explanation);
      break;
    case JX_STAGE_CELL_ACHIEVEMENT:
      /* A quantitative row is scored by its number: there is nothing to judge. */
      gtk_widget_set_sensitive (self->child, row == NULL || row->rule == JX_SCORE_RULE_QUALITATIVE);
      jx_widget_set_tooltip (GTK_WIDGET (self),
                             row != NULL && row->rule != JX_SCORE_RULE_QUALITATIVE
                               ? _("A quantified target is scored by its actual value")
                               : NULL);
      break;
    default:
      break;
    }
}

static void
show_indicator (JxStageCell *self)
{
  self->updating = TRUE;
  switch (self->column->kind)
    {
    case JX_STAGE_CELL_TEXT: show_text (self); break;
    case JX_STAGE_CELL_LIKELIHOOD:
    case JX_STAGE_CELL_ACHIEVEMENT: show_choice (self); break;
    case JX_STAGE_CELL_CAUSES: show_causes (self); break;
    case JX_STAGE_CELL_WEIGHT:
    case JX_STAGE_CELL_SCORE: show_points (self); break;
    default: break;
    }
  self->updating = FALSE;
  show_computed (self);
}

static void
indicator_notify_cb (JxStageCell *self,
                     GParamSpec  *pspec)
{
  if (g_str_equal (pspec->name, self->column->property))
    show_indicator (self);
}

/* ---- Writing what the clerk does ---- */

static gboolean
writable (JxStageCell *self)
{
  return !self->updating && self->indicator != NULL;
}

static void
text_changed_cb (JxStageCell *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->child));
  g_autofree char *current = NULL;

  if (!writable (self))
    return;
  g_object_get (self->indicator, self->column->property, &current, NULL);
  if (g_strcmp0 (current, text) != 0)
    g_object_set (self->indicator, self->column->property, text, NULL);
  jx_widget_set_tooltip (self->child, g_utf8_strlen (text, -1) > 5 ? text : NULL);
}

/* A choice is a step of its own, never merged with the one before as
 * keystrokes are: each click can be undone. */
static void
set_choice (JxStageCell *self,
            int          value)
{
  JxDocument *document = jx_score_watch_get_document (self->watch);

  if (document != NULL)
    jx_document_begin_action (document, NULL);
  if (self->column->kind == JX_STAGE_CELL_CAUSES)
    jx_indicator_set_monitoring_causes (self->indicator, (JxCauses) value);
  else
    g_object_set (self->indicator, self->column->property, value, NULL);
  if (document != NULL)
    jx_document_end_action (document);
}

static void
choice_selected_cb (JxStageCell *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->child));

  if (writable (self) && selected != GTK_INVALID_LIST_POSITION)
    set_choice (self, (int) selected);
}

static void
cause_toggled_cb (JxStageCell *self)
{
  JxCauses causes = JX_CAUSE_NONE;

  if (!writable (self))
    return;
  for (guint i = 0; i < JX_N_CAUSES; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->causes[i])))
      causes |= cause_bits[i];
  set_choice (self, (int) causes);
}

static void
points_changed_cb (JxStageCell *self)
{
  if (writable (self))
    g_object_set (self->indicator, self->column->property,
                  jx_score_entry_get_score (JX_SCORE_ENTRY (self->child)), NULL);
}

/* ---- Building ---- */

static GtkWidget *
text_cell (JxStageCell *self)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 4);
  jx_widget_disable_undo (entry);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (text_changed_cb), self);
  self->focus = entry;
  return entry;
}

/* The words are the printed forms', the same in every language. */
static GtkWidget *
choice_cell (JxStageCell *self)
{
  g_autoptr(GtkStringList) words = gtk_string_list_new (NULL);
  GtkWidget *drop_down;

  gtk_string_list_append (words, "—");
  for (int value = 1; value <= 3; value++)
    gtk_string_list_append (words, self->column->kind == JX_STAGE_CELL_LIKELIHOOD
                                     ? jx_likelihood_to_label (value)
                                     : jx_achievement_to_label (value));
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&words)), NULL);
  g_signal_connect_swapped (drop_down, "notify::selected", G_CALLBACK (choice_selected_cb), self);
  self->focus = drop_down;
  return drop_down;
}

static GtkWidget *
causes_cell (JxStageCell *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *hint = gtk_label_new (_("Choose every cause that applies"));

  gtk_widget_add_css_class (hint, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_box_append (GTK_BOX (box), hint);
  for (guint i = 0; i < JX_N_CAUSES; i++)
    {
      self->causes[i] = gtk_check_button_new_with_label (jx_cause_to_label (cause_bits[i]));
      g_signal_connect_swapped (self->causes[i], "toggled", G_CALLBACK (cause_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), self->causes[i]);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (button), TRUE);
  self->focus = button;
  return button;
}

static GtkWidget *
points_cell (JxStageCell *self)
{
  GtkWidget *entry = jx_score_entry_new (JX_SCORE_MAX);

  g_signal_connect_swapped (entry, "notify::score", G_CALLBACK (points_changed_cb), self);
  self->focus = jx_score_entry_get_entry (JX_SCORE_ENTRY (entry));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->focus), 3);
  return entry;
}

static void
build (JxStageCell *self)
{
  switch (self->column->kind)
    {
    case JX_STAGE_CELL_TEXT: self->child = text_cell (self); break;
    case JX_STAGE_CELL_LIKELIHOOD:
    case JX_STAGE_CELL_ACHIEVEMENT: self->child = choice_cell (self); break;
    case JX_STAGE_CELL_CAUSES: self->child = causes_cell (self); break;
    default: self->child = points_cell (self); break;
    }
  gtk_widget_set_hexpand (self->child, TRUE);
  gtk_widget_set_parent (self->child, GTK_WIDGET (self));
}

static void
jx_stage_cell_dispose (GObject *object)
{
  JxStageCell *self = JX_STAGE_CELL (object);

  jx_stage_cell_bind (self, NULL);
  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_clear_object (&self->watch);
  g_clear_pointer (&self->child, gtk_widget_unparent);
  G_OBJECT_CLASS (jx_stage_cell_parent_class)->dispose (object);
}

static gboolean
jx_stage_cell_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (JX_STAGE_CELL (widget)->focus);
}

static void
jx_stage_cell_class_init (JxStageCellClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jx_stage_cell_dispose;
  GTK_WIDGET_CLASS (klass)->grab_focus = jx_stage_cell_grab_focus;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
jx_stage_cell_init (JxStageCell *self)
{
}

GtkWidget *
jx_stage_cell_new (const JxStageColumn *column,
                   JxScoreWatch        *watch)
{
  JxStageCell *self;

  g_return_val_if_fail (column != NULL, NULL);
  g_return_val_if_fail (JX_IS_SCORE_WATCH (watch), NULL);

  self = g_object_new (JX_TYPE_STAGE_CELL, NULL);
  self->column = column;
  self->watch = g_object_ref (watch);
  build (self);
  if (column->kind >= JX_STAGE_CELL_ACHIEVEMENT)
    g_signal_connect_swapped (watch, "changed", G_CALLBACK (show_computed), self);
  show_indicator (self);
  return GTK_WIDGET (self);
}

const JxStageColumn *
jx_stage_cell_get_column (JxStageCell *self)
{
  g_return_val_if_fail (JX_IS_STAGE_CELL (self), NULL);
  return self->column;
}

void
jx_stage_cell_bind (JxStageCell *self,
                    JxIndicator *indicator)
{
  g_return_if_fail (JX_IS_STAGE_CELL (self));
  g_return_if_fail (indicator == NULL || JX_IS_INDICATOR (indicator));

  if (self->indicator == indicator)
    return;
  if (self->indicator != NULL)
    g_signal_handlers_disconnect_by_func (self->indicator, indicator_notify_cb, self);
  g_set_object (&self->indicator, indicator);
  if (indicator != NULL)
    g_signal_connect_swapped (indicator, "notify", G_CALLBACK (indicator_notify_cb), self);
  if (self->child != NULL)
    show_indicator (self);
}

JxIndicator *
jx_stage_cell_get_indicator (JxStageCell *self)
{
  g_return_val_if_fail (JX_IS_STAGE_CELL (self), NULL);
  return self->indicator;
}

GtkWidget *
jx_stage_cell_get_focus_widget (JxStageCell *self)
{
  g_return_val_if_fail (JX_IS_STAGE_CELL (self), NULL);
  return self->focus;
}
