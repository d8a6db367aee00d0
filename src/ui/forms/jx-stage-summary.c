/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-change-watch.h"
#include "jx-form-layout.h"
#include "jx-scoring.h"
#include "jx-stage.h"
#include "jx-stage-labels.h"
#include "jx-stage-summary.h"

/* Summing thousands of projects on every keystroke would be felt. */
#define REFRESH_DELAY_MS 300

enum { ROW_BUDGET, ROW_ADJUSTED, ROW_SPENT, ROW_PLAN, ROW_EXPECTED, ROW_SCORE, N_ROWS };

struct _JxStageSummary
{
  GtkWidget parent_instance;

  JxDocument *document;
  JxChangeWatch *watch;
  guint refresh_id;
  gboolean stale;
  GtkWidget *heading;
  GtkWidget *grid;
  GtkWidget *titles[N_ROWS];
  GtkWidget *values[N_ROWS];
};

G_DEFINE_FINAL_TYPE (JxStageSummary, jx_stage_summary, GTK_TYPE_WIDGET)

static void
set_row (JxStageSummary *self,
         guint           row,
         char           *title,
         char           *value)
{
  gboolean shown = value != NULL;

  gtk_widget_set_visible (self->titles[row], shown);
  gtk_widget_set_visible (self->values[row], shown);
  if (shown)
    {
      gtk_label_set_text (GTK_LABEL (self->titles[row]), title);
      gtk_label_set_text (GTK_LABEL (self->values[row]), value);
    }
  g_free (title);
  g_free (value);
}

static char *
amount_text (JxStageSummary *self,
             JxMoney         amount)
{
  g_autofree char *number = jx_money_format (amount);

  return g_strdup_printf ("%s %s", number, jx_document_get_money_unit (self->document));
}

/* "12.50 万元, 41% of the budgets of the 3 of 4 projects that report it" */
static char *
spent_text (JxStageSummary      *self,
            const JxStageTotals *totals,
            JxMoney              amount,
            double               rate,
            guint                n_reported)
{
  g_autofree char *sum = amount_text (self, amount);
  g_autofree char *percent = jx_stage_percent_text (rate);

  if (n_reported == 0)
    return g_strdup (_("— (no project has entered it yet)"));
  if (n_reported == totals->n_projects)
    /* TRANSLATORS: an amount with its unit, then the rate */
    return g_strdup_printf (_("%s, rate %s"), sum, percent);
  /* TRANSLATORS: an amount with its unit, the rate, then how many projects have entered it */
  return g_strdup_printf (ngettext ("%s, rate %s (%u of %u project entered)",
                                    "%s, rate %s (%u of %u projects entered)", totals->n_projects),
                          sum, percent, n_reported, totals->n_projects);
}

static void
show_monitoring (JxStageSummary *self)
{
  guint month = jx_document_get_monitoring_month (self->document);
  JxStageTotals t = JX_STAGE_TOTALS_INIT;

  jx_document_get_stage_totals (self->document, JX_STAGE_MONITORING, &t);
  gtk_label_set_text (GTK_LABEL (self->heading), _("Department: monitoring"));
  set_row (self, ROW_BUDGET, g_strdup (_("Budget at the start of the year")), amount_text (self, t.total));
  set_row (self, ROW_ADJUSTED, g_strdup (_("Adjusted budget")), amount_text (self, t.budget));
  set_row (self, ROW_SPENT, jx_stage_months_label (_("Spent in %s"), month),
           spent_text (self, &t, t.executed, t.rate, t.n_executed));
  set_row (self, ROW_PLAN, g_strdup_printf (_("Plan by the end of month %u"), month),
           jx_stage_percent_text (t.planned_percent));
  set_row (self, ROW_EXPECTED, g_strdup (_("Expected spending for the year")),
           spent_text (self, &t, t.expected, t.expected_rate, t.n_expected));
  set_row (self, ROW_SCORE, NULL, NULL);
}

static void
show_evaluation (JxStageSummary *self)
{
  JxStageTotals t = JX_STAGE_TOTALS_INIT;
  double score = jx_document_get_score (self->document);
  g_autofree char *points = jx_score_format (score);

  jx_document_get_stage_totals (self->document, JX_STAGE_EVALUATION, &t);
  gtk_label_set_text (GTK_LABEL (self->heading), _("Department: self-evaluation"));
  set_row (self, ROW_BUDGET, g_strdup (_("Budget at the start of the year")), amount_text (self, t.total));
  set_row (self, ROW_ADJUSTED, g_strdup (_("Budget for the year")), amount_text (self, t.budget));
  set_row (self, ROW_SPENT, g_strdup (_("Spent in the year")),
           spent_text (self, &t, t.executed, t.rate, t.n_executed));
  set_row (self, ROW_PLAN, NULL, NULL);
  set_row (self, ROW_EXPECTED, NULL, NULL);
  /* TRANSLATORS: the department's score, its grade, and how it is weighed */
  set_row (self, ROW_SCORE, g_strdup (_("Department score")),
           score < 0 ? g_strdup ("—")
                     : g_strdup_printf (_("%s points (%s), each project weighed by its budget for the year"),
                                        points, jx_score_grade (score)));
}

static void
refresh (JxStageSummary *self)
{
  JxStage stage = self->document != NULL ? jx_document_get_stage (self->document) : JX_STAGE_GOALS;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->stale = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self), stage != JX_STAGE_GOALS);
  if (stage == JX_STAGE_MONITORING)
    show_monitoring (self);
  else if (stage == JX_STAGE_EVALUATION)
    show_evaluation (self);
}

static gboolean
refresh_cb (gpointer data)
{
  JxStageSummary *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Summed again a moment after the document stops changing, and only
 * while it shows: a hidden page catches up when it is shown. */
static void
changed_cb (JxStageSummary *self)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->refresh_id == 0)
    self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

static void
stage_changed_cb (JxStageSummary *self)
{
  refresh (self);
}

static void
map_cb (JxStageSummary *self)
{
  if (self->stale)
    refresh (self);
}

static void
jx_stage_summary_dispose (GObject *object)
{
  JxStageSummary *self = JX_STAGE_SUMMARY (object);
  GtkWidget *child;

  jx_stage_summary_set_document (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (jx_stage_summary_parent_class)->dispose (object);
}

static void
jx_stage_summary_class_init (JxStageSummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jx_stage_summary_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
}

static void
jx_stage_summary_init (JxStageSummary *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  static const char *names[N_ROWS] = {
    "summary-budget", "summary-adjusted", "summary-spent", "summary-plan", "summary-expected",
    "summary-score",
  };

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 10);
  self->heading = jx_form_heading_new ("");
  gtk_widget_set_parent (self->heading, GTK_WIDGET (self));
  self->grid = jx_form_grid_new ();
  for (guint row = 0; row < N_ROWS; row++)
    {
      /* Selectable for copying, but no stop for Tab. */
      self->values[row] = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0, "selectable", TRUE,
                                        "can-focus", FALSE, "wrap", TRUE, "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                        "css-classes", (const char *[]) { "numeric", NULL }, NULL);
      gtk_widget_set_name (self->values[row], names[row]);
      jx_form_grid_add (self->grid, "", self->values[row]);
      self->titles[row] = gtk_widget_get_prev_sibling (self->values[row]);
    }
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  refresh (self);
}

GtkWidget *
jx_stage_summary_new (void)
{
  return g_object_new (JX_TYPE_STAGE_SUMMARY, NULL);
}

void
jx_stage_summary_set_document (JxStageSummary *self,
                               JxDocument     *document)
{
  g_return_if_fail (JX_IS_STAGE_SUMMARY (self));
  g_return_if_fail (document == NULL || JX_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_clear_object (&self->watch);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      self->watch = jx_change_watch_new (document);
      g_signal_connect_swapped (self->watch, "changed", G_CALLBACK (changed_cb), self);
      g_signal_connect_swapped (document, "notify::stage", G_CALLBACK (stage_changed_cb), self);
      g_signal_connect_swapped (document, "notify::monitoring-month", G_CALLBACK (stage_changed_cb), self);
    }
  refresh (self);
}
