/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-change-watch.h"
#include "jx-review.h"
#include "jx-templates.h"

struct _JxReview
{
  GObject parent_instance;

  JxDocument *document;
  JxChangeWatch *watch;
  guint delay_ms;
  guint recheck_id;
  gboolean held;
  gboolean waiting;         /* a check waits for the hold to go */
  GListStore *findings;
  GPtrArray *places;        /* JxMemberPath of each finding, in order */
  GArray *worst;            /* JxSeverity per project, of the open findings */
  guint counts[JX_SEVERITY_ERROR + 1];
  /* The findings that only say a part not started yet is empty, and the
   * counts of the others. */
  GHashTable *to_fill_in;
  guint open_counts[JX_SEVERITY_ERROR + 1];
  JxGlyphCoverFunc covers;
  gpointer covers_data;
};

G_DEFINE_FINAL_TYPE (JxReview, jx_review, G_TYPE_OBJECT)

enum { PROP_0, PROP_DOCUMENT, PROP_CHECKED, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* An empty field of a part the clerk has not started (a new document's
 * cover, a project just added) is still to be written, not a mistake: it
 * is listed, and counts at print and export, but not in the badge and the
 * marks. Once anything is written in the part, its empty fields are
 * problems like any other. */
static gboolean
is_to_fill_in (JxReview           *self,
               JxFinding          *finding,
               const JxMemberPath *place)
{
  return self->document != NULL && jx_checks_rule_is_blank (jx_finding_get_rule_id (finding)) &&
         jx_template_part_is_untouched (self->document, place);
}

/* What the counts and marks read, worked out once per check. */
static void
index_findings (JxReview  *self,
                GPtrArray *findings)
{
  guint n = self->document != NULL
              ? g_list_model_get_n_items (jx_document_get_projects (self->document)) : 0;

  memset (self->counts, 0, sizeof self->counts);
  memset (self->open_counts, 0, sizeof self->open_counts);
  g_hash_table_remove_all (self->to_fill_in);
  g_ptr_array_set_size (self->places, 0);
  g_array_set_size (self->worst, 0);
  g_array_set_size (self->worst, n);
  for (guint i = 0; i < findings->len; i++)
    {
      JxFinding *finding = g_ptr_array_index (findings, i);
      JxSeverity severity = jx_finding_get_severity (finding);
      int project = jx_finding_get_project (finding);
      JxMemberPath *place = jx_member_path_parse (jx_finding_get_path (finding));

      self->counts[severity]++;
      g_ptr_array_add (self->places, place != NULL ? place : jx_member_path_new ());
      if (is_to_fill_in (self, finding, g_ptr_array_index (self->places, i)))
        {
          g_hash_table_add (self->to_fill_in, finding);
          continue;
        }
      self->open_counts[severity]++;
      if (project >= 0 && (guint) project < n)
        g_array_index (self->worst, JxSeverity, project) =
          MAX (g_array_index (self->worst, JxSeverity, project), severity);
    }
}

static void
replace_findings (JxReview  *self,
                  GPtrArray *findings)
{
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->findings));

  index_findings (self, findings);
  g_list_store_splice (self->findings, 0, old, findings->pdata, findings->len);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
set_waiting (JxReview *self,
             gboolean  waiting)
{
  if (self->waiting == waiting)
    return;
  self->waiting = waiting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKED]);
}

void
jx_review_recheck (JxReview *self)
{
  g_autoptr(GPtrArray) findings = NULL;

  g_return_if_fail (JX_IS_REVIEW (self));

  g_clear_handle_id (&self->recheck_id, g_source_remove);
  if (self->document == NULL)
    findings = g_ptr_array_new_with_free_func (g_object_unref);
  else if (self->covers != NULL)
    findings = jx_checks_run_with_fonts (self->document, self->covers, self->covers_data);
  else
    findings = jx_checks_run (self->document);
  replace_findings (self, findings);
  set_waiting (self, FALSE);
}

static gboolean
recheck_cb (gpointer user_data)
{
  JxReview *self = user_data;

  self->recheck_id = 0;
  if (self->held)
    set_waiting (self, TRUE);
  else
    jx_review_recheck (self);
  return G_SOURCE_REMOVE;
}

/* Each keystroke only moves the deadline: the checks run once the clerk
 * pauses, never inside the edit itself. */
static void
document_changed_cb (JxReview *self)
{
  g_clear_handle_id (&self->recheck_id, g_source_remove);
  self->recheck_id = g_timeout_add (self->delay_ms, recheck_cb, self);
}

static void
jx_review_dispose (GObject *object)
{
  JxReview *self = JX_REVIEW (object);

  g_clear_handle_id (&self->recheck_id, g_source_remove);
  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_clear_object (&self->watch);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (jx_review_parent_class)->dispose (object);
}

static void
jx_review_finalize (GObject *object)
{
  JxReview *self = JX_REVIEW (object);

  g_clear_object (&self->findings);
  g_ptr_array_unref (self->places);
  g_array_unref (self->worst);
  g_hash_table_unref (self->to_fill_in);
  G_OBJECT_CLASS (jx_review_parent_class)->finalize (object);
}

static void
jx_review_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JxReview *self = JX_REVIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    case PROP_CHECKED: g_value_set_boolean (value, !self->waiting); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_review_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  JxReview *self = JX_REVIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: jx_review_set_document (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_review_class_init (JxReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jx_review_dispose;
  object_class->finalize = jx_review_finalize;
  object_class->get_property = jx_review_get_property;
  object_class->set_property = jx_review_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, JX_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECKED] =
    g_param_spec_boolean ("checked", NULL, NULL, TRUE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jx_review_init (JxReview *self)
{
  self->delay_ms = JX_REVIEW_DEFAULT_DELAY_MS;
  self->findings = g_list_store_new (JX_TYPE_FINDING);
  self->places = g_ptr_array_new_with_free_func ((GDestroyNotify) jx_member_path_free);
  self->worst = g_array_new (FALSE, TRUE, sizeof (JxSeverity));
  self->to_fill_in = g_hash_table_new (NULL, NULL);
}

JxReview *
jx_review_new (JxDocument *document)
{
  JxReview *self;

  g_return_val_if_fail (document == NULL || JX_IS_DOCUMENT (document), NULL);

  self = g_object_new (JX_TYPE_REVIEW, NULL);
  jx_review_set_document (self, document);
  return self;
}

JxReview *
jx_review_new_once (JxDocument       *document,
                    JxGlyphCoverFunc  covers,
                    gpointer          user_data)
{
  JxReview *self;

  g_return_val_if_fail (JX_IS_DOCUMENT (document), NULL);

  self = g_object_new (JX_TYPE_REVIEW, NULL);
  self->document = g_object_ref (document);
  self->covers = covers;
  self->covers_data = user_data;
  jx_review_recheck (self);
  return self;
}

void
jx_review_set_glyph_cover (JxReview         *self,
                           JxGlyphCoverFunc  covers,
                           gpointer          user_data)
{
  g_return_if_fail (JX_IS_REVIEW (self));
  self->covers = covers;
  self->covers_data = user_data;
}

JxDocument *
jx_review_get_document (JxReview *self)
{
  g_return_val_if_fail (JX_IS_REVIEW (self), NULL);
  return self->document;
}

void
jx_review_set_document (JxReview   *self,
                        JxDocument *document)
{
  g_return_if_fail (JX_IS_REVIEW (self));
  g_return_if_fail (document == NULL || JX_IS_DOCUMENT (document));

  if (self->document == document && self->document != NULL)
    return;
  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_clear_object (&self->watch);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      self->watch = jx_change_watch_new (document);
      g_signal_connect_swapped (self->watch, "changed", G_CALLBACK (document_changed_cb), self);
    }
  /* The old document's findings go now; the new one's come at once, or
   * as soon as the hold is let go. */
  if (self->held)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      g_clear_handle_id (&self->recheck_id, g_source_remove);
      replace_findings (self, none);
      set_waiting (self, TRUE);
    }
  else
    jx_review_recheck (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

guint
jx_review_get_delay (JxReview *self)
{
  g_return_val_if_fail (JX_IS_REVIEW (self), 0);
  return self->delay_ms;
}

void
jx_review_set_delay (JxReview *self,
                     guint     delay_ms)
{
  g_return_if_fail (JX_IS_REVIEW (self));
  self->delay_ms = delay_ms;
}

void
jx_review_hold (JxReview *self,
                gboolean  hold)
{
  g_return_if_fail (JX_IS_REVIEW (self));

  self->held = hold;
  if (!hold && self->waiting)
    jx_review_recheck (self);
}

gboolean
jx_review_get_checked (JxReview *self)
{
  g_return_val_if_fail (JX_IS_REVIEW (self), FALSE);
  return !self->waiting;
}

GListModel *
jx_review_get_findings (JxReview *self)
{
  g_return_val_if_fail (JX_IS_REVIEW (self), NULL);
  return G_LIST_MODEL (self->findings);
}

void
jx_review_count (JxReview *self,
                 guint    *errors,
                 guint    *warnings,
                 guint    *hints)
{
  g_return_if_fail (JX_IS_REVIEW (self));

  if (errors != NULL)
    *errors = self->counts[JX_SEVERITY_ERROR];
  if (warnings != NULL)
    *warnings = self->counts[JX_SEVERITY_WARNING];
  if (hints != NULL)
    *hints = self->counts[JX_SEVERITY_HINT];
}

void
jx_review_count_open (JxReview *self,
                      guint    *errors,
                      guint    *warnings,
                      guint    *hints)
{
  g_return_if_fail (JX_IS_REVIEW (self));

  if (errors != NULL)
    *errors = self->open_counts[JX_SEVERITY_ERROR];
  if (warnings != NULL)
    *warnings = self->open_counts[JX_SEVERITY_WARNING];
  if (hints != NULL)
    *hints = self->open_counts[JX_SEVERITY_HINT];
}

guint
jx_review_count_to_fill_in (JxReview *self)
{
  g_return_val_if_fail (JX_IS_REVIEW (self), 0);
  return g_hash_table_size (self->to_fill_in);
}

gboolean
jx_review_is_to_fill_in (JxReview  *self,
                         JxFinding *finding)
{
  g_return_val_if_fail (JX_IS_REVIEW (self), FALSE);
  return finding != NULL && g_hash_table_contains (self->to_fill_in, finding);
}

JxSeverity
jx_review_get_worst_open (JxReview *self)
{
  g_return_val_if_fail (JX_IS_REVIEW (self), JX_SEVERITY_NONE);

  for (JxSeverity s = JX_SEVERITY_ERROR; s > JX_SEVERITY_NONE; s--)
    if (self->open_counts[s] > 0)
      return s;
  return JX_SEVERITY_NONE;
}

JxSeverity
jx_review_get_worst (JxReview *self)
{
  g_return_val_if_fail (JX_IS_REVIEW (self), JX_SEVERITY_NONE);

  for (JxSeverity s = JX_SEVERITY_ERROR; s > JX_SEVERITY_NONE; s--)
    if (self->counts[s] > 0)
      return s;
  return JX_SEVERITY_NONE;
}

JxSeverity
jx_review_worst_for_project (JxReview *self,
                             guint     project)
{
  g_return_val_if_fail (JX_IS_REVIEW (self), JX_SEVERITY_NONE);

  if (project >= self->worst->len)
    return JX_SEVERITY_NONE;
  return g_array_index (self->worst, JxSeverity, project);
}

JxSeverity
jx_review_worst_at (JxReview           *self,
                    const JxMemberPath *place)
{
  JxSeverity worst = JX_SEVERITY_NONE;

  g_return_val_if_fail (JX_IS_REVIEW (self), JX_SEVERITY_NONE);
  g_return_val_if_fail (place != NULL, JX_SEVERITY_NONE);

  for (guint i = 0; i < self->places->len; i++)
    if (jx_member_path_has_prefix (g_ptr_array_index (self->places, i), place))
      {
        g_autoptr(JxFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->findings), i);

        worst = MAX (worst, jx_finding_get_severity (finding));
      }
  return worst;
}

GPtrArray *
jx_review_findings_at (JxReview           *self,
                       const JxMemberPath *place)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (JX_IS_REVIEW (self), found);
  g_return_val_if_fail (place != NULL, found);

  for (guint i = 0; i < self->places->len; i++)
    if (jx_member_path_has_prefix (g_ptr_array_index (self->places, i), place))
      g_ptr_array_add (found, g_list_model_get_item (G_LIST_MODEL (self->findings), i));
  return found;
}
