/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jx-checkpoint.h"
#include "jx-chart-view.h"
#include "jx-stage-labels.h"

/* PNG in pixels (sharp on a projector), vector formats as A4 landscape. */
#define EXPORT_PNG_WIDTH   1600
#define EXPORT_PNG_HEIGHT  1000
#define EXPORT_PAGE_WIDTH  842
#define EXPORT_PAGE_HEIGHT 595

struct _JxChartView
{
  GtkWidget      parent_instance;

  JxDocument    *document;
  JxProject     *project;
  JxChartMode    view;

  JxChartSeries *series;    /* NULL when the model changed since */
  JxChartLayout *layout;    /* NULL when the series or the size changed */
  GPtrArray     *watched;   /* the model objects we listen to */
  gboolean       rewatch;   /* a list changed: listen to its new items */
  int            hover_band;
};

G_DEFINE_FINAL_TYPE (JxChartView, jx_chart_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_DOCUMENT, PROP_PROJECT, PROP_VIEW, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { PROJECT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void watch_model (JxChartView *self);

static void
invalidate_layout (JxChartView *self)
{
  g_clear_pointer (&self->layout, jx_chart_layout_free);
  self->hover_band = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
invalidate (JxChartView *self)
{
  g_clear_pointer (&self->series, jx_chart_series_unref);
  invalidate_layout (self);
}

static void
value_changed_cb (JxChartView *self)
{
  invalidate (self);
}

/* A list gained or lost items: the new ones need listening to as well,
 * which waits for the next draw so that filling a list item by item does
 * not reconnect to every project each time. */
static void
items_changed_cb (JxChartView *self)
{
  self->rewatch = TRUE;
  invalidate (self);
}

static void
watch (JxChartView *self,
       gpointer     object,
       const char  *signal,
       GCallback    callback)
{
  g_signal_connect_object (object, signal, callback, self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->watched, g_object_ref (object));
}

static void
unwatch_model (JxChartView *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched, i), self);
  g_ptr_array_set_size (self->watched, 0);
}

/* What of a project the chart shows: its name, its budget and, at a later
 * stage, the spending drawn on the plan. One handler a project: the
 * department chart listens to thousands. */
static void
project_notify_cb (JxChartView *self,
                   GParamSpec  *pspec)
{
  static const char * const shown[] = {
    "name", "code", "total", "monitoring-adjusted-budget", "monitoring-executed",
    "monitoring-expected", "evaluation-budget", "evaluation-executed",
  };

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    if (g_str_equal (pspec->name, shown[i]))
      {
        invalidate (self);
        return;
      }
}

static void
watch_project (JxChartView *self,
               JxProject   *project)
{
  GListModel *plan = jx_project_get_spending_plan (project);

  watch (self, project, "notify", G_CALLBACK (project_notify_cb));
  watch (self, plan, "items-changed", G_CALLBACK (items_changed_cb));
  for (guint i = 0; i < g_list_model_get_n_items (plan); i++)
    {
      g_autoptr(JxCheckpoint) checkpoint = g_list_model_get_item (plan, i);
      watch (self, checkpoint, "notify", G_CALLBACK (value_changed_cb));
    }
}

static void
watch_model (JxChartView *self)
{
  GListModel *projects;

  unwatch_model (self);
  self->rewatch = FALSE;
  if (self->document == NULL)
    return;
  watch (self, self->document, "notify::year", G_CALLBACK (value_changed_cb));
  watch (self, self->document, "notify::money-unit", G_CALLBACK (value_changed_cb));
  watch (self, self->document, "notify::stage", G_CALLBACK (value_changed_cb));
  watch (self, self->document, "notify::monitoring-month", G_CALLBACK (value_changed_cb));
  watch (self, jx_document_get_department (self->document), "notify::name",
         G_CALLBACK (value_changed_cb));
  if (self->project != NULL)
    {
      watch_project (self, self->project);
      return;
    }
  projects = jx_document_get_projects (self->document);
  watch (self, projects, "items-changed", G_CALLBACK (items_changed_cb));
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JxProject) project = g_list_model_get_item (projects, i);
      watch_project (self, project);
    }
}

JxChartSeries *
jx_chart_view_get_series (JxChartView *self)
{
  g_return_val_if_fail (JX_IS_CHART_VIEW (self), NULL);
  if (self->rewatch)
    watch_model (self);
  if (self->series == NULL && self->document != NULL)
    self->series = jx_chart_series_new (self->document, self->project);
  return self->series;
}

static JxChartLayout *
ensure_layout (JxChartView *self,
               cairo_t     *cr)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  JxChartSeries *series = jx_chart_view_get_series (self);
  cairo_surface_t *scratch = NULL;

  if (self->layout != NULL || series == NULL || width <= 0 || height <= 0)
    return self->layout;
  if (cr == NULL)
    {
      scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cr = cairo_create (scratch);
    }
  self->layout = jx_chart_layout_new (cr, series, self->view, width, height);
  if (scratch != NULL)
    {
      cairo_destroy (cr);
      cairo_surface_destroy (scratch);
    }
  return self->layout;
}

/* The theme's text colour tells a dark theme from a light one on every
 * GTK 4 version, with or without a style manager. */
static const JxChartPalette *
theme_palette (JxChartView *self)
{
  GdkRGBA colour;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &colour);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (0.299 * colour.red + 0.587 * colour.green + 0.114 * colour.blue > 0.5)
    return jx_chart_palette_dark ();
  return jx_chart_palette_light ();
}

static void
jx_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  JxChartView *self = JX_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0 || self->document == NULL)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (ensure_layout (self, cr) != NULL)
    jx_chart_layout_draw (self->layout, cr, theme_palette (self), self->hover_band);
  cairo_destroy (cr);
}

static void
jx_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  g_clear_pointer (&JX_CHART_VIEW (widget)->layout, jx_chart_layout_free);
}

static void
jx_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  gboolean horizontal = orientation == GTK_ORIENTATION_HORIZONTAL;

  *minimum = horizontal ? 360 : 240;
  *natural = horizontal ? 720 : 440;
}

static char *
format_percent (double percent)
{
  char *text = g_strdup_printf ("%.1f", percent);

  if (g_str_has_suffix (text, ".0"))
    text[strlen (text) - 2] = '\0';
  return text;
}

static char *
hit_subject (JxChartSeries    *series,
             const JxChartHit *hit)
{
  if (hit->band < 0)
    return g_strdup (_("Department total"));
  if (hit->project < 0)
    return g_strdup_printf (ngettext ("Other projects (%u project)", "Other projects (%u projects)",
                                      series->bands[hit->band].n_members),
                            series->bands[hit->band].n_members);
  return g_strdup (series->projects[hit->project].name);
}

static char *
hit_tooltip (JxChartView      *self,
             const JxChartHit *hit)
{
  JxChartSeries *series = self->series;
  g_autofree char *subject = hit_subject (series, hit);
  g_autofree char *amount = jx_money_format (hit->amount);
  g_autofree char *percent = format_percent (hit->percent);
  guint month = series->months[hit->column];
  guint first = hit->column > 0 ? series->months[hit->column - 1] + 1 : 1;

  if (self->view == JX_CHART_MODE_CUMULATIVE)
    return g_strdup_printf (_("%s\nBy the end of month %u: %s %s planned, %s%% of the budget"),
                            subject, month, amount, series->unit, percent);
  return g_strdup_printf (_("%s\nMonths %u–%u: %s %s planned, %s%% of the budget"),
                          subject, first, month, amount, series->unit, percent);
}

gboolean
jx_chart_view_hit_test (JxChartView *self,
                        double       x,
                        double       y,
                        JxChartHit  *hit,
                        char       **tooltip)
{
  JxChartHit found;

  g_return_val_if_fail (JX_IS_CHART_VIEW (self), FALSE);
  if (ensure_layout (self, NULL) == NULL || !jx_chart_layout_hit_test (self->layout, x, y, &found))
    return FALSE;
  if (hit != NULL)
    *hit = found;
  if (tooltip != NULL)
    *tooltip = hit_tooltip (self, &found);
  return TRUE;
}

/* How near the pointer must be to a diamond of the stage's spending. */
#define ACTUAL_HIT_RADIUS 10

static char *
actual_text (JxChartSeries *series,
             gboolean       expected)
{
  g_autofree char *amount = jx_money_format (expected ? series->expected : series->actual);
  g_autofree char *percent = format_percent (expected ? series->expected_percent
                                                      : series->actual_percent);
  g_autofree char *months = NULL;

  if (expected)
    return g_strdup_printf (_("Expected by the end of the year: %s %s, %s%% of the budget"),
                            amount, series->unit, percent);
  if (series->stage == JX_STAGE_EVALUATION)
    return g_strdup_printf (_("Spent in the year: %s %s, %s%% of the budget"),
                            amount, series->unit, percent);
  months = jx_stage_months_text (series->actual_month, FALSE);
  return g_strdup_printf (_("Spent in %s: %s %s, %s%% of the budget"),
                          months, amount, series->unit, percent);
}

/* The tooltip of the stage's spending under the pointer, or NULL. */
static char *
actual_tooltip (JxChartView *self,
                double       x,
                double       y)
{
  if (ensure_layout (self, NULL) == NULL)
    return NULL;
  for (int expected = 0; expected <= 1; expected++)
    {
      double px, py;

      if (jx_chart_layout_get_actual_point (self->layout, expected, &px, &py) &&
          hypot (px - x, py - y) <= ACTUAL_HIT_RADIUS)
        return actual_text (self->series, expected);
    }
  return NULL;
}

static gboolean
query_tooltip_cb (JxChartView *self,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip)
{
  g_autofree char *text = NULL;

  if (keyboard)
    return FALSE;
  text = actual_tooltip (self, x, y);
  if (text == NULL && !jx_chart_view_hit_test (self, x, y, NULL, &text))
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
set_hover (JxChartView *self,
           int          band)
{
  gboolean clickable = band >= 0 && self->series->bands[band].project >= 0 && self->project == NULL;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), clickable ? "pointer" : NULL);
  if (band == self->hover_band)
    return;
  self->hover_band = band;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (JxChartView *self,
           double       x,
           double       y)
{
  JxChartHit hit;

  set_hover (self, jx_chart_view_hit_test (self, x, y, &hit, NULL) ? hit.band : -1);
}

static void
leave_cb (JxChartView *self)
{
  set_hover (self, -1);
}

static void
released_cb (JxChartView *self,
             int          n_press,
             double       x,
             double       y)
{
  JxChartHit hit;

  if (!jx_chart_view_hit_test (self, x, y, &hit, NULL) || hit.project < 0)
    return;
  g_signal_emit (self, signals[PROJECT_ACTIVATED], 0, self->series->projects[hit.project].project);
}

gboolean
jx_chart_view_export (JxChartView *self,
                      const char  *path,
                      GError     **error)
{
  JxChartSeries *series;
  JxChartFormat format = JX_CHART_FORMAT_PNG;
  gboolean png;

  g_return_val_if_fail (JX_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  series = jx_chart_view_get_series (self);
  if (series == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no chart to export"));
      return FALSE;
    }
  jx_chart_format_from_path (path, &format);
  png = format == JX_CHART_FORMAT_PNG;
  return jx_chart_export (series, self->view, path, png ? EXPORT_PNG_WIDTH : EXPORT_PAGE_WIDTH,
                          png ? EXPORT_PNG_HEIGHT : EXPORT_PAGE_HEIGHT, error);
}

static void
jx_chart_view_dispose (GObject *object)
{
  JxChartView *self = JX_CHART_VIEW (object);

  unwatch_model (self);
  g_clear_pointer (&self->layout, jx_chart_layout_free);
  g_clear_pointer (&self->series, jx_chart_series_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (jx_chart_view_parent_class)->dispose (object);
}

static void
jx_chart_view_finalize (GObject *object)
{
  g_ptr_array_unref (JX_CHART_VIEW (object)->watched);
  G_OBJECT_CLASS (jx_chart_view_parent_class)->finalize (object);
}

static void
jx_chart_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JxChartView *self = JX_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    case PROP_PROJECT: g_value_set_object (value, self->project); break;
    case PROP_VIEW: g_value_set_enum (value, self->view); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_chart_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  JxChartView *self = JX_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: jx_chart_view_set_document (self, g_value_get_object (value)); break;
    case PROP_PROJECT: jx_chart_view_set_project (self, g_value_get_object (value)); break;
    case PROP_VIEW: jx_chart_view_set_view (self, g_value_get_enum (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_chart_view_class_init (JxChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = jx_chart_view_dispose;
  object_class->finalize = jx_chart_view_finalize;
  object_class->get_property = jx_chart_view_get_property;
  object_class->set_property = jx_chart_view_set_property;
  widget_class->snapshot = jx_chart_view_snapshot;
  widget_class->measure = jx_chart_view_measure;
  widget_class->size_allocate = jx_chart_view_size_allocate;

  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, JX_TYPE_DOCUMENT, flags);
  properties[PROP_PROJECT] = g_param_spec_object ("project", NULL, NULL, JX_TYPE_PROJECT, flags);
  properties[PROP_VIEW] = g_param_spec_enum ("view", NULL, NULL, JX_TYPE_CHART_MODE,
                                             JX_CHART_MODE_CUMULATIVE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PROJECT_ACTIVATED] =
    g_signal_new ("project-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, JX_TYPE_PROJECT);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
jx_chart_view_init (JxChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->hover_band = -1;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect_swapped (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Spending plan chart"), -1);
}

GtkWidget *
jx_chart_view_new (void)
{
  return g_object_new (JX_TYPE_CHART_VIEW, NULL);
}

JxDocument *
jx_chart_view_get_document (JxChartView *self)
{
  g_return_val_if_fail (JX_IS_CHART_VIEW (self), NULL);
  return self->document;
}

void
jx_chart_view_set_document (JxChartView *self,
                            JxDocument  *document)
{
  g_return_if_fail (JX_IS_CHART_VIEW (self));
  g_return_if_fail (document == NULL || JX_IS_DOCUMENT (document));
  if (!g_set_object (&self->document, document))
    return;
  watch_model (self);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

JxProject *
jx_chart_view_get_project (JxChartView *self)
{
  g_return_val_if_fail (JX_IS_CHART_VIEW (self), NULL);
  return self->project;
}

void
jx_chart_view_set_project (JxChartView *self,
                           JxProject   *project)
{
  g_return_if_fail (JX_IS_CHART_VIEW (self));
  g_return_if_fail (project == NULL || JX_IS_PROJECT (project));
  if (!g_set_object (&self->project, project))
    return;
  watch_model (self);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

JxChartMode
jx_chart_view_get_view (JxChartView *self)
{
  g_return_val_if_fail (JX_IS_CHART_VIEW (self), JX_CHART_MODE_CUMULATIVE);
  return self->view;
}

void
jx_chart_view_set_view (JxChartView *self,
                        JxChartMode  view)
{
  g_return_if_fail (JX_IS_CHART_VIEW (self));
  if (self->view == view)
    return;
  self->view = view;
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}
