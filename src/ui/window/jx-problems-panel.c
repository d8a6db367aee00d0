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
  GtkWidget *fix_all_button;
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
  /* The number beside the worst severity's icon counts that severity:
   * a red icon with "13" for one error and twelve warnings would read as
   * thirteen errors. The tooltip gives them all. */
  if (total == 0)
    return g_strdup ("");
  return g_strdup_printf ("%u", errors > 0 ? errors : warnings > 0 ? warnings : hints);
}

char *
jx_problems_summary_text (JxReview *review)
{
  guint errors = 0, warnings = 0, hints = 0, blank;
  g_autofree char *open = NULL;
  g_autofree char *badge = NULL;

  g_return_val_if_fail (JX_IS_REVIEW (review), NULL);

  jx_review_count_open (review, &errors, &warnings, &hints);
  blank = jx_review_count_to_fill_in (review);
  badge = jx_problems_badge_text (errors, warnings, hints, &open);
  if (blank == 0)
    return g_steal_pointer (&open);
  if (badge[0] == '\0')
    /* TRANSLATORS: a new document: nothing wrong, its empty fields still to write */
    return g_strdup_printf (ngettext ("Nothing wrong so far; %u place still to fill in",
                                      "Nothing wrong so far; %u places still to fill in", blank), blank);
  /* TRANSLATORS: "1 error, 9 warnings, 2 hints; 6 places still to fill in" */
  return g_strdup_printf (ngettext ("%s; %u place still to fill in",
                                    "%s; %u places still to fill in", blank), open, blank);
}

/* ---- Rows ---- */

/* "项目2「新项目」· 绩效指标第1行 · 三级指标": the place as a clerk reads it. */
static char *
place_of (JxProblemsPanel *self, JxFinding *finding)
{
  return jx_member_path_describe_string (jx_finding_get_path (finding),
                                         jx_review_get_document (self->review));
}

/* One change of the document, one undo step, named as the button is. */
static void
apply_fix (JxProblemsPanel *self,
           JxFinding       *finding)
{
  JxDocument *document = jx_review_get_document (self->review);

  jx_document_begin_action (document, jx_checks_fix_label (finding));
  jx_checks_fix (document, finding);
  jx_document_end_action (document);
  jx_review_recheck (self->review);
}

static void
fix_clicked_cb (GtkButton   *button,
                GtkListItem *item)
{
  JxFinding *finding = gtk_list_item_get_item (item);
  GtkWidget *panel = gtk_widget_get_ancestor (GTK_WIDGET (button), JX_TYPE_PROBLEMS_PANEL);

  if (finding != NULL && panel != NULL && JX_PROBLEMS_PANEL (panel)->review != NULL)
    apply_fix (JX_PROBLEMS_PANEL (panel), finding);
}

/* The review's own fix of a finding, where it has one (jx_checks_can_fix). */
static GtkWidget *
make_fix_button (GtkListItem *item)
{
  GtkWidget *button = gtk_button_new ();

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, "fix-button");
  g_signal_connect (button, "clicked", G_CALLBACK (fix_clicked_cb), item);
  return button;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              JxProblemsPanel          *self)
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
  gtk_box_append (GTK_BOX (row), make_fix_button (item));
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
  GtkWidget *fix;
  JxSeverity severity = jx_finding_get_severity (finding);
  g_autofree char *where = place_of (self, finding);
  g_autofree char *tooltip = NULL;
  gboolean blank = jx_review_is_to_fill_in (self->review, finding);
  const char *classes[] = { blank ? "dim-label" : severity_css_class (severity), NULL };

  /* A field of a part not started yet is to fill in, not wrong. */
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), blank ? JX_PROBLEMS_TO_FILL_IN_ICON
                                                        : jx_problems_severity_icon (severity));
  gtk_widget_set_css_classes (icon, classes);
  gtk_widget_set_tooltip_text (icon, blank ? _("To fill in") : jx_severity_to_label (severity));
  gtk_label_set_text (GTK_LABEL (message), jx_finding_get_message (finding));
  gtk_label_set_text (GTK_LABEL (place), where);
  tooltip = g_strdup_printf ("%s [%s]", jx_finding_get_path (finding),
                             jx_finding_get_rule_id (finding));
  gtk_widget_set_tooltip_text (place, tooltip);
  fix = gtk_widget_get_next_sibling (texts);
  gtk_widget_set_visible (fix, jx_checks_can_fix (finding));
  if (jx_checks_can_fix (finding))
    gtk_button_set_label (GTK_BUTTON (fix), jx_checks_fix_label (finding));
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

static GPtrArray *
fixable_findings (JxProblemsPanel *self)
{
  GListModel *findings = jx_review_get_findings (self->review);
  GPtrArray *fixable = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      JxFinding *finding = g_list_model_get_item (findings, i);

      if (jx_checks_can_fix (finding))
        g_ptr_array_add (fixable, finding);
      else
        g_object_unref (finding);
    }
  return fixable;
}

/* All of them at once is one undo step too. */
static void
fix_all_clicked_cb (JxProblemsPanel *self)
{
  g_autoptr(GPtrArray) fixable = NULL;
  JxDocument *document;

  if (self->review == NULL)
    return;
  fixable = fixable_findings (self);
  document = jx_review_get_document (self->review);
  jx_document_begin_action (document, _("Remove All Typed Numbering"));
  jx_checks_fix_all (document, fixable, NULL);
  jx_document_end_action (document);
  jx_review_recheck (self->review);
}

/* Offered once the same fix is wanted in more than one place. */
static void
update_fix_all (JxProblemsPanel *self)
{
  g_autoptr(GPtrArray) fixable = self->review != NULL ? fixable_findings (self) : NULL;
  guint n = fixable != NULL ? fixable->len : 0;
  g_autofree char *label = NULL;

  gtk_widget_set_visible (self->fix_all_button, n > 1);
  if (n <= 1)
    return;
  /* TRANSLATORS: the button of the problems panel, n places */
  label = g_strdup_printf (ngettext ("Remove the typed numbering in %u place",
                                     "Remove the typed numbering in %u places", n), n);
  gtk_button_set_label (GTK_BUTTON (self->fix_all_button), label);
}

static void
update_summary (JxProblemsPanel *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *none = NULL;
  gboolean any;

  if (self->review != NULL)
    summary = jx_problems_summary_text (self->review);
  else
    none = jx_problems_badge_text (0, 0, 0, &summary);
  any = self->review != NULL && g_list_model_get_n_items (jx_review_get_findings (self->review)) > 0;
  gtk_label_set_text (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, any ? "list" : "empty");
  update_fix_all (self);
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

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
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

  self->fix_all_button = gtk_button_new ();
  gtk_widget_set_name (self->fix_all_button, "fix-all-button");
  gtk_widget_set_halign (self->fix_all_button, GTK_ALIGN_START);
  gtk_widget_set_margin_start (self->fix_all_button, 10);
  gtk_widget_set_margin_bottom (self->fix_all_button, 6);
  g_signal_connect_swapped (self->fix_all_button, "clicked", G_CALLBACK (fix_all_clicked_cb), self);
  gtk_widget_set_parent (self->fix_all_button, GTK_WIDGET (self));

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
