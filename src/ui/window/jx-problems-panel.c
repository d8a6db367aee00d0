/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jx-member-path.h"
#include "jx-problems-panel.h"

struct _JxProblemsPanel
{
  GtkWidget parent_instance;

  JxReview *review;

  GtkLabel *summary_label;
  GtkStack *stack;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (JxProblemsPanel, jx_problems_panel, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_REVIEW, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { FINDING_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

const char *
jx_problems_severity_icon (JxSeverity severity)
{
  switch (severity)
    {
    case JX_SEVERITY_ERROR: return "dialog-error-symbolic";
    case JX_SEVERITY_WARNING: return "dialog-warning-symbolic";
    case JX_SEVERITY_HINT: return "dialog-information-symbolic";
    case JX_SEVERITY_NONE:
    default: return NULL;
    }
}

static const char *
severity_css_class (JxSeverity severity)
{
  switch (severity)
    {
    case JX_SEVERITY_ERROR: return "error";
    case JX_SEVERITY_WARNING: return "warning";
    case JX_SEVERITY_HINT:
    case JX_SEVERITY_NONE:
    default: return "dim-label";
    }
}

char *
jx_problems_badge_text (guint   errors,
                        guint   warnings,
                        guint   hints,
                        char  **tooltip)
{
  guint total = errors + warnings + hints;

  if (tooltip != NULL)
    {
      g_autofree char *e = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
      g_autofree char *w = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings),
                                            warnings);
      g_autofree char *h = g_strdup_printf (ngettext ("%u hint", "%u hints", hints), hints);

      *tooltip = total == 0 ? g_strdup (_("No problems found"))
                            /* TRANSLATORS: "1 error, 9 warnings, 2 hints" */
                            : g_strdup_printf (_("%s, %s, %s"), e, w, h);
    }
  return total == 0 ? g_strdup ("") : g_strdup_printf ("%u", total);
}

/* ---- Rows ---- */

/* "项目2「新项目」· 绩效指标第1行 · 三级指标": the place as a clerk reads it. */
static char *
place_of (JxProblemsPanel *self, JxFinding *finding)
{
  return jx_member_path_describe_string (jx_finding_get_path (finding),
                                         jx_review_get_document (self->review));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *message = gtk_label_new (NULL);
  GtkWidget *place = gtk_label_new (NULL);

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 8);
  gtk_widget_set_margin_end (row, 8);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_xalign (GTK_LABEL (place), 0);
  gtk_label_set_wrap (GTK_LABEL (place), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (place), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (place, "dim-label");
  gtk_widget_add_css_class (place, "caption");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), message);
  gtk_box_append (GTK_BOX (texts), place);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), texts);
  gtk_list_item_set_child (item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             JxProblemsPanel          *self)
{
  JxFinding *finding = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (row);
  GtkWidget *texts = gtk_widget_get_next_sibling (icon);
  GtkWidget *message = gtk_widget_get_first_child (texts);
  GtkWidget *place = gtk_widget_get_next_sibling (message);
  JxSeverity severity = jx_finding_get_severity (finding);
  g_autofree char *where = place_of (self, finding);
  g_autofree char *tooltip = NULL;
  const char *classes[] = { severity_css_class (severity), NULL };

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), jx_problems_severity_icon (severity));
  gtk_widget_set_css_classes (icon, classes);
  gtk_widget_set_tooltip_text (icon, jx_severity_to_label (severity));
  gtk_label_set_text (GTK_LABEL (message), jx_finding_get_message (finding));
  gtk_label_set_text (GTK_LABEL (place), where);
  tooltip = g_strdup_printf ("%s [%s]", jx_finding_get_path (finding),
                             jx_finding_get_rule_id (finding));
  gtk_widget_set_tooltip_text (place, tooltip);
}

static void
row_activated_cb (GtkListView     *list_view,
                  guint            position,
                  JxProblemsPanel *self)
{
  g_autoptr(JxFinding) finding = g_list_model_get_item (jx_review_get_findings (self->review), position);

  if (finding != NULL)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, jx_finding_get_path (finding),
                   jx_finding_get_project (finding));
}

/* ---- Following the review ---- */

static void
update_summary (JxProblemsPanel *self)
{
  guint errors = 0, warnings = 0, hints = 0;
  g_autofree char *tooltip = NULL;
  g_autofree char *badge = NULL;

  if (self->review != NULL)
    jx_review_count (self->review, &errors, &warnings, &hints);
  badge = jx_problems_badge_text (errors, warnings, hints, &tooltip);
  gtk_label_set_text (self->summary_label, tooltip);
  gtk_stack_set_visible_child_name (self->stack, badge[0] != '\0' ? "list" : "empty");
}

/* ---- Object ---- */

static void
jx_problems_panel_dispose (GObject *object)
{
  JxProblemsPanel *self = JX_PROBLEMS_PANEL (object);
  GtkWidget *child;

  if (self->review != NULL)
    g_signal_handlers_disconnect_by_data (self->review, self);
  g_clear_object (&self->review);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (jx_problems_panel_parent_class)->dispose (object);
}

static void
jx_problems_panel_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JxProblemsPanel *self = JX_PROBLEMS_PANEL (object);

  switch (prop_id)
    {
    case PROP_REVIEW: g_value_set_object (value, self->review); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_problems_panel_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  JxProblemsPanel *self = JX_PROBLEMS_PANEL (object);

  switch (prop_id)
    {
    case PROP_REVIEW: jx_problems_panel_set_review (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_problems_panel_class_init (JxProblemsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_problems_panel_dispose;
  object_class->get_property = jx_problems_panel_get_property;
  object_class->set_property = jx_problems_panel_set_property;

  properties[PROP_REVIEW] =
    g_param_spec_object ("review", NULL, NULL, JX_TYPE_REVIEW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "problems-panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
make_list (JxProblemsPanel *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (gtk_no_selection_new (NULL));
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (selection, factory));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_list_view_set_show_separators (self->list_view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problems"), -1);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

/* Severity colours for the icons here and on the badge; the theme colours
 * only labels. Named colours follow a dark theme too. */
static void
ensure_style (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (done || display == NULL)
    return;
  done = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
    "problems-panel image.error, #problems-button image.error { color: @error_color; }\n"
    "problems-panel image.warning, #problems-button image.warning { color: @warning_color; }\n",
    -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
jx_problems_panel_init (JxProblemsPanel *self)
{
  GtkWidget *empty = gtk_label_new (_("The review checks found nothing to fix."));

  ensure_style ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->summary_label), 10);
  gtk_widget_set_margin_end (GTK_WIDGET (self->summary_label), 10);
  gtk_widget_set_margin_top (GTK_WIDGET (self->summary_label), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->summary_label), 8);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "heading");
  gtk_widget_set_parent (GTK_WIDGET (self->summary_label), GTK_WIDGET (self));

  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_label_set_justify (GTK_LABEL (empty), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_start (empty, 24);
  gtk_widget_set_margin_end (empty, 24);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, make_list (self), "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
  update_summary (self);
}

GtkWidget *
jx_problems_panel_new (void)
{
  return g_object_new (JX_TYPE_PROBLEMS_PANEL, NULL);
}

JxReview *
jx_problems_panel_get_review (JxProblemsPanel *self)
{
  g_return_val_if_fail (JX_IS_PROBLEMS_PANEL (self), NULL);
  return self->review;
}

void
jx_problems_panel_set_review (JxProblemsPanel *self,
                              JxReview        *review)
{
  GtkNoSelection *selection;

  g_return_if_fail (JX_IS_PROBLEMS_PANEL (self));
  g_return_if_fail (review == NULL || JX_IS_REVIEW (review));

  if (self->review == review)
    return;
  if (self->review != NULL)
    g_signal_handlers_disconnect_by_data (self->review, self);
  g_set_object (&self->review, review);
  selection = GTK_NO_SELECTION (gtk_list_view_get_model (self->list_view));
  gtk_no_selection_set_model (selection, review != NULL ? jx_review_get_findings (review) : NULL);
  if (review != NULL)
    g_signal_connect_object (review, "changed", G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  update_summary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW]);
}
