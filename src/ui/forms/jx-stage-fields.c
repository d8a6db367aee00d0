/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-amount-entry.h"
#include "jx-form-layout.h"
#include "jx-score-entry.h"
#include "jx-score-watch.h"
#include "jx-scoring.h"
#include "jx-stage.h"
#include "jx-stage-fields.h"
#include "jx-stage-labels.h"
#include "jx-widget-util.h"

struct _JxStageFields
{
  GtkWidget parent_instance;

  JxDocument *document;
  JxProject *project;
  /* The score, and the changes to the project and its rows. */
  JxScoreWatch *watch;
  GBindingGroup *bindings;

  GtkWidget *heading;
  GtkWidget *monitoring;
  GtkWidget *evaluation;

  /* Monitoring */
  GtkWidget *total;
  GtkWidget *adjusted;
  GtkWidget *executed;
  GtkWidget *executed_title;
  GtkWidget *rate;
  GtkWidget *rate_title;
  GtkWidget *expected;
  GtkWidget *expected_rate;

  /* Evaluation */
  GtkWidget *budget;
  GtkWidget *full_executed;
  GtkWidget *full_rate;
  GtkWidget *execution_score;
  GtkWidget *execution_note;
  GtkWidget *score;
  GtkWidget *score_note;
};

G_DEFINE_FINAL_TYPE (JxStageFields, jx_stage_fields, GTK_TYPE_WIDGET)

#define BIDI (G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE)

static JxStage
current_stage (JxStageFields *self)
{
  return self->document != NULL ? jx_document_get_stage (self->document) : JX_STAGE_GOALS;
}

static guint
current_month (JxStageFields *self)
{
  return self->document != NULL ? jx_document_get_monitoring_month (self->document) : 6;
}

static void
set_label_take (GtkWidget *label,
                char      *text)
{
  gtk_label_set_text (GTK_LABEL (label), text);
  g_free (text);
}

/* The amount an empty entry stands for, as its gray hint. */
static void
set_stand_in (GtkWidget *entry,
              JxMoney    amount)
{
  g_autofree char *text = jx_money_format (amount);

  jx_amount_entry_set_placeholder (JX_AMOUNT_ENTRY (entry), text);
}

/* ---- Monitoring ---- */

static char *
monitoring_rate_text (JxStageFields *self)
{
  double rate = jx_project_get_monitoring_rate (self->project);
  guint month = current_month (self);
  guint checkpoint = 0;
  double planned = jx_project_get_planned_percent (self->project, month, &checkpoint);
  g_autofree char *rate_text = jx_stage_percent_text (rate);
  g_autofree char *planned_text = jx_stage_percent_text (planned);

  if (rate < 0)
    return g_strdup (_("— (computed once the spending is entered)"));
  if (checkpoint == 0)
    return g_steal_pointer (&rate_text);
  /* TRANSLATORS: the execution rate, then the share the spending plan has
   * by the end of a month, e.g. "35%, the plan has 60% by the end of month 6" */
  return g_strdup_printf (_("%1$s, the plan has %2$s by the end of month %3$u"),
                          rate_text, planned_text, checkpoint);
}

static void
show_monitoring (JxStageFields *self)
{
  guint month = current_month (self);
  g_autofree char *expected = jx_stage_percent_text (jx_project_get_monitoring_expected_rate (self->project));
  g_autofree char *executed = jx_stage_months_label (_("Spen_t in %s"), month);

  set_label_take (self->heading, jx_stage_months_label (_("Monitoring of %s"), month));
  gtk_label_set_text_with_mnemonic (GTK_LABEL (self->executed_title), executed);
  set_label_take (self->rate_title, jx_stage_months_label (_("Execution rate in %s"), month));
  set_label_take (self->total, jx_money_format (jx_project_get_total (self->project)));
  set_stand_in (self->adjusted, jx_project_get_total (self->project));
  set_label_take (self->rate, monitoring_rate_text (self));
  set_label_take (self->expected_rate,
                  jx_project_get_monitoring_expected (self->project) < 0
                    ? g_strdup ("")
                    : g_strdup_printf (_("Expected rate %s"), expected));
}

/* ---- Evaluation ---- */

static void
show_evaluation (JxStageFields *self)
{
  const JxProjectScore *score = jx_score_watch_get_score (self->watch);
  g_autofree char *total = jx_score_format (score->total);
  g_autofree char *execution = jx_score_format (score->execution_score);
  g_autofree char *rows = jx_score_format (score->rows_total);
  g_autofree char *weights = jx_score_format (score->weights_total);

  gtk_label_set_text (GTK_LABEL (self->heading), _("Self-evaluation"));
  set_stand_in (self->budget, jx_project_get_evaluation_full_budget (self->project));
  set_label_take (self->full_rate, jx_stage_percent_text (jx_project_get_evaluation_rate (self->project)));
  jx_score_entry_set_computed (JX_SCORE_ENTRY (self->execution_score), score->execution_computed);
  set_label_take (self->execution_note, jx_project_score_explain_execution (score));
  /* TRANSLATORS: a project's total score and its grade (优, 良, 中, 差) */
  set_label_take (self->score, g_strdup_printf (_("%s points (%s)"), total, jx_score_grade (score->total)));
  /* TRANSLATORS: the points of the budget execution, of the indicators,
   * and what the indicators' weights add up to */
  set_label_take (self->score_note,
                  g_strdup_printf (_("%s for the budget execution and %s for the indicators, whose "
                                     "weights add up to %s"), execution, rows, weights));
}

static void
refresh (JxStageFields *self)
{
  JxStage stage = current_stage (self);

  gtk_widget_set_visible (GTK_WIDGET (self), self->project != NULL && stage != JX_STAGE_GOALS);
  if (self->project == NULL || stage == JX_STAGE_GOALS)
    return;
  gtk_widget_set_visible (self->monitoring, stage == JX_STAGE_MONITORING);
  gtk_widget_set_visible (self->evaluation, stage == JX_STAGE_EVALUATION);
  if (stage == JX_STAGE_MONITORING)
    show_monitoring (self);
  else
    show_evaluation (self);
}

/* ---- Building ---- */

static GtkWidget *
value_label (void)
{
  /* Selectable for copying, but no stop for Tab: nothing to type there. */
  return g_object_new (GTK_TYPE_LABEL, "xalign", 0.0, "selectable", TRUE, "can-focus", FALSE,
                       "wrap", TRUE, "css-classes", (const char *[]) { "numeric", NULL }, NULL);
}

static GtkWidget *
note_label (void)
{
  return g_object_new (GTK_TYPE_LABEL, "xalign", 0.0, "wrap", TRUE, "hexpand", TRUE,
                       "wrap-mode", PANGO_WRAP_WORD_CHAR,
                       "css-classes", (const char *[]) { "dim-label", NULL }, NULL);
}

static GtkWidget *
bound_amount (JxStageFields *self,
              const char    *property,
              const char    *name)
{
  GtkWidget *entry = jx_amount_entry_new ();

  jx_amount_entry_set_optional (JX_AMOUNT_ENTRY (entry), TRUE);
  gtk_widget_set_name (entry, name);
  gtk_widget_set_halign (entry, GTK_ALIGN_START);
  g_binding_group_bind (self->bindings, property, entry, "amount", BIDI);
  return entry;
}

/* A row of the grid: the field, with a note after it when given. Returns
 * the row's label. */
static GtkWidget *
add_row (GtkWidget  *grid,
         const char *title,
         GtkWidget  *field,
         GtkWidget  *note)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label;

  gtk_box_append (GTK_BOX (box), field);
  if (note != NULL)
    {
      gtk_widget_set_valign (note, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), note);
    }
  jx_form_grid_add (grid, title, box);
  label = gtk_widget_get_prev_sibling (box);
  if (JX_IS_AMOUNT_ENTRY (field))
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), jx_amount_entry_get_entry (JX_AMOUNT_ENTRY (field)));
  else if (JX_IS_SCORE_ENTRY (field))
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), jx_score_entry_get_entry (JX_SCORE_ENTRY (field)));
  return label;
}

static GtkWidget *
build_monitoring (JxStageFields *self)
{
  GtkWidget *grid = jx_form_grid_new ();

  self->total = value_label ();
  add_row (grid, _("Budget at the start of the year"), self->total, NULL);
  self->adjusted = bound_amount (self, "monitoring-adjusted-budget", "monitoring-adjusted-budget");
  add_row (grid, _("Ad_justed budget"), self->adjusted, NULL);
  jx_widget_set_tooltip (jx_amount_entry_get_entry (JX_AMOUNT_ENTRY (self->adjusted)),
                         _("Leave it empty when the budget was not adjusted"));
  self->executed = bound_amount (self, "monitoring-executed", "monitoring-executed");
  self->executed_title = add_row (grid, "", self->executed, NULL);
  self->rate = value_label ();
  gtk_widget_set_name (self->rate, "monitoring-rate");
  self->rate_title = add_row (grid, "", self->rate, NULL);
  self->expected = bound_amount (self, "monitoring-expected", "monitoring-expected");
  self->expected_rate = note_label ();
  add_row (grid, _("E_xpected spending for the year"), self->expected, self->expected_rate);
  return grid;
}

static GtkWidget *
build_evaluation (JxStageFields *self)
{
  GtkWidget *grid = jx_form_grid_new ();

  self->budget = bound_amount (self, "evaluation-budget", "evaluation-budget");
  add_row (grid, _("Budget for the _year"), self->budget, NULL);
  jx_widget_set_tooltip (jx_amount_entry_get_entry (JX_AMOUNT_ENTRY (self->budget)),
                         _("Leave it empty to use the adjusted budget, or the budget"));
  self->full_executed = bound_amount (self, "evaluation-executed", "evaluation-executed");
  add_row (grid, _("Spent in the yea_r"), self->full_executed, NULL);
  self->full_rate = value_label ();
  gtk_widget_set_name (self->full_rate, "evaluation-rate");
  add_row (grid, _("Execution rate"), self->full_rate, NULL);
  self->execution_score = jx_score_entry_new (JX_SCORE_EXECUTION_POINTS);
  gtk_widget_set_name (self->execution_score, "evaluation-execution-score");
  gtk_widget_set_halign (self->execution_score, GTK_ALIGN_START);
  jx_widget_set_tooltip (jx_score_entry_get_entry (JX_SCORE_ENTRY (self->execution_score)),
                         _("Empty: the points the rule gives; type points to replace them"));
  g_binding_group_bind (self->bindings, "evaluation-execution-score", self->execution_score, "score", BIDI);
  self->execution_note = note_label ();
  gtk_widget_set_name (self->execution_note, "evaluation-execution-note");
  add_row (grid, _("Budget e_xecution score"), self->execution_score, self->execution_note);
  self->score = value_label ();
  gtk_widget_set_name (self->score, "evaluation-total");
  gtk_widget_add_css_class (self->score, "heading");
  self->score_note = note_label ();
  add_row (grid, _("Total score"), self->score, self->score_note);
  return grid;
}

static void
jx_stage_fields_dispose (GObject *object)
{
  JxStageFields *self = JX_STAGE_FIELDS (object);
  GtkWidget *child;

  jx_stage_fields_set_project (self, NULL);
  jx_stage_fields_set_document (self, NULL);
  g_clear_object (&self->watch);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->bindings);
  G_OBJECT_CLASS (jx_stage_fields_parent_class)->dispose (object);
}

static void
jx_stage_fields_class_init (JxStageFieldsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jx_stage_fields_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
}

static void
jx_stage_fields_init (JxStageFields *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 10);
  self->watch = jx_score_watch_new ();
  g_signal_connect_swapped (self->watch, "changed", G_CALLBACK (refresh), self);
  self->bindings = g_binding_group_new ();
  self->heading = jx_form_heading_new ("");
  self->monitoring = build_monitoring (self);
  self->evaluation = build_evaluation (self);
  gtk_widget_set_parent (self->heading, GTK_WIDGET (self));
  gtk_widget_set_parent (self->monitoring, GTK_WIDGET (self));
  gtk_widget_set_parent (self->evaluation, GTK_WIDGET (self));
  refresh (self);
}

GtkWidget *
jx_stage_fields_new (void)
{
  return g_object_new (JX_TYPE_STAGE_FIELDS, NULL);
}

void
jx_stage_fields_set_document (JxStageFields *self,
                              JxDocument    *document)
{
  g_return_if_fail (JX_IS_STAGE_FIELDS (self));
  g_return_if_fail (document == NULL || JX_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_swapped (document, "notify::stage", G_CALLBACK (refresh), self);
      g_signal_connect_swapped (document, "notify::monitoring-month", G_CALLBACK (refresh), self);
    }
  jx_score_watch_set_project (self->watch, document, self->project);
  refresh (self);
}

void
jx_stage_fields_set_project (JxStageFields *self,
                             JxProject     *project)
{
  g_return_if_fail (JX_IS_STAGE_FIELDS (self));
  g_return_if_fail (project == NULL || JX_IS_PROJECT (project));

  if (self->project == project)
    return;
  g_set_object (&self->project, project);
  g_binding_group_set_source (self->bindings, project);
  /* The project and its rows are followed through the watch. */
  jx_score_watch_set_project (self->watch, self->document, project);
  refresh (self);
}

gboolean
jx_stage_fields_focus (JxStageFields *self,
                       const char    *member)
{
  static const char *fields[][3] = {
    { "monitoring", "monitoring.executed", "monitoring-executed" },
    { "monitoring", "monitoring.adjusted_budget", "monitoring-adjusted-budget" },
    { "monitoring", "monitoring.expected", "monitoring-expected" },
    { "evaluation", "evaluation.budget", "evaluation-budget" },
    { "evaluation", "evaluation.executed", "evaluation-executed" },
    { "evaluation", "evaluation.execution_score", "evaluation-execution-score" },
  };
  JxStage stage = current_stage (self);

  g_return_val_if_fail (JX_IS_STAGE_FIELDS (self), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if ((g_str_equal (member, fields[i][1]) || g_str_equal (member, fields[i][0])) &&
        g_str_equal (fields[i][0], jx_stage_to_string (stage)))
      return jx_widget_focus_named (GTK_WIDGET (self), fields[i][2]);
  return FALSE;
}
