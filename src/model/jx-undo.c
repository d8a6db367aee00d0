/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jx-checkpoint.h"
#include "jx-indicator.h"
#include "jx-measure.h"
#include "jx-text-item.h"
#include "jx-undo.h"

/* The stack keeps a shadow of every watched object's recorded property
 * values and of every watched list's items: a "notify" then tells the old
 * value and an "items-changed" which items left, and both are recorded
 * without the editing code having to know about undo. */

/* What is watched of the objects of one class; worked out once, because a
 * big document has tens of thousands of objects. */
typedef struct
{
  GParamSpec **recorded;   /* writable plain values */
  guint        n_recorded;
  GParamSpec **children;   /* contained lists and objects */
  guint        n_children;
} ClassInfo;

typedef struct
{
  JxUndoStack *stack;
  GObject     *object;    /* owned */
  GObject     *parent;    /* the list or object containing it, borrowed */
  guint        count;     /* how many places of the document hold it */
  gulong       handler;
  /* An object: the last values of its recorded properties and the lists
   * and objects it contains. */
  ClassInfo   *info;
  GValue      *values;
  GObject    **children;
  /* A list: its items as they were after the last "items-changed". */
  GPtrArray   *items;
} Watch;

typedef struct
{
  GObject    *object;     /* owned: the object, or the GListStore */
  GParamSpec *pspec;      /* NULL for a list change */
  GValue      old_value;
  GValue      new_value;
  guint       position;
  GPtrArray  *removed;
  GPtrArray  *added;
} Change;

typedef struct
{
  char      *label;
  GPtrArray *changes;
  gint64     time;       /* of the last change recorded into it */
} Step;

struct _JxUndoStack
{
  GObject      parent_instance;
  JxDocument  *document;
  GHashTable  *watches;   /* GObject* → Watch* */
  GHashTable  *classes;   /* GType → ClassInfo* */
  GPtrArray   *steps;
  guint        position;  /* steps[0..position) are applied */
  gint         saved;     /* position of the saved state, -1 when unreachable */
  guint        limit;
  gboolean     sealed;
  gboolean     applying;
  guint        depth;
  guint        action_depth;  /* of the groups the document's actions opened */
  Step        *group;
  JxUndoClock  clock;
  gpointer     clock_data;
  /* What the properties said last, to notify only real changes. */
  gboolean     was_undoable;
  gboolean     was_redoable;
  gboolean     was_modified;
  char        *old_undo_label;
  char        *old_redo_label;
};

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_LIMIT,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum
{
  STEP_APPLIED,
  CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JxUndoStack, jx_undo_stack, G_TYPE_OBJECT)

static void watch_object (JxUndoStack *self, GObject *object, GObject *parent);
static void unwatch (JxUndoStack *self, GObject *object);
static void record (JxUndoStack *self, Change *change);

/* Changes and steps */

static void
change_free (Change *change)
{
  g_object_unref (change->object);
  if (change->pspec != NULL)
    {
      g_value_unset (&change->old_value);
      g_value_unset (&change->new_value);
    }
  g_clear_pointer (&change->removed, g_ptr_array_unref);
  g_clear_pointer (&change->added, g_ptr_array_unref);
  g_free (change);
}

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  return step;
}

static void
step_free (Step *step)
{
  g_free (step->label);
  g_ptr_array_unref (step->changes);
  g_free (step);
}

static gboolean
same_property (Change *a, Change *b)
{
  return a->pspec != NULL && a->object == b->object && a->pspec == b->pspec;
}

/* Keeps the first old value and takes the later new one. */
static void
merge_change (Change *into, Change *later)
{
  g_value_unset (&into->new_value);
  g_value_init (&into->new_value, into->pspec->value_type);
  g_value_copy (&later->new_value, &into->new_value);
  change_free (later);
}

static void
apply_change (Change *change, gboolean undo)
{
  if (change->pspec != NULL)
    {
      g_object_set_property (change->object, change->pspec->name,
                             undo ? &change->old_value : &change->new_value);
      return;
    }

  {
    GPtrArray *out = undo ? change->added : change->removed;
    GPtrArray *in = undo ? change->removed : change->added;

    g_list_store_splice (G_LIST_STORE (change->object), change->position,
                         out->len, in->pdata, in->len);
  }
}

/* Labels */

typedef struct
{
  const char *type_name;
  const char *property;
  const char *label;
} FieldLabel;

static const FieldLabel field_labels[] = {
  { "JxDocument", "year", N_("Year") },
  { "JxDocument", "title", N_("Title") },
  { "JxDocument", "draft", N_("Draft Mark") },
  { "JxDocument", "money-unit", N_("Money Unit") },
  { "JxDocument", "summary", N_("Summary") },
  { "JxDepartment", "name", N_("Department Name") },
  { "JxDepartment", "unit-code", N_("Unit Code") },
  { "JxDepartment", "unit-name", N_("Unit Name") },
  { "JxDepartment", "compiler", N_("Compiler") },
  { "JxDepartment", "reviewer", N_("Reviewer") },
  { "JxProject", "code", N_("Project Code") },
  { "JxProject", "name", N_("Project Name") },
  { "JxProject", "fiscal", N_("Fiscal Funds") },
  { "JxProject", "other", N_("Other Funds") },
  { "JxProject", "usage", N_("Fund Usage") },
  { "JxProject", "overview-description", N_("Overview Description") },
  { "JxProject", "overview-goal", N_("Overview Goal") },
  { "JxProject", "overview-indicator-summary", N_("Indicator Summary") },
  { "JxIndicator", "level1", N_("Level 1 Indicator") },
  { "JxIndicator", "level2", N_("Level 2 Indicator") },
  { "JxIndicator", "name", N_("Indicator Name") },
  { "JxIndicator", "description", N_("Indicator Description") },
  { "JxIndicator", "value", N_("Target Value") },
  { "JxIndicator", "basis", N_("Indicator Basis") },
  { "JxCheckpoint", "month", N_("Spending Plan Month") },
  { "JxCheckpoint", "percent", N_("Spending Plan Percent") },
  { "JxMeasure", "heading", N_("Measure Heading") },
  { "JxMeasure", "body", N_("Measure Text") },
  /* Monitoring and evaluation */
  { "JxDocument", "stage", N_("Stage") },
  { "JxDocument", "monitoring-month", N_("Monitoring Month") },
  { "JxProject", "monitoring-adjusted-budget", N_("Adjusted Budget") },
  { "JxProject", "monitoring-executed", N_("Spending to Date") },
  { "JxProject", "monitoring-expected", N_("Expected Spending for the Year") },
  { "JxProject", "evaluation-budget", N_("Budget for the Year") },
  { "JxProject", "evaluation-executed", N_("Spending for the Year") },
  { "JxProject", "evaluation-execution-score", N_("Budget Execution Score") },
  { "JxProject", "evaluation-conclusion", N_("Evaluation Conclusion") },
  { "JxProject", "evaluation-problems", N_("Problems Found") },
  { "JxProject", "evaluation-improvements", N_("Improvement Measures") },
  { "JxIndicator", "monitoring-actual", N_("Value to Date") },
  { "JxIndicator", "monitoring-expected", N_("Expected Value for the Year") },
  { "JxIndicator", "monitoring-likelihood", N_("Likelihood of Meeting the Target") },
  { "JxIndicator", "monitoring-causes", N_("Causes of Deviation") },
  { "JxIndicator", "monitoring-cause-note", N_("Explanation of the Causes") },
  { "JxIndicator", "monitoring-measures", N_("Corrective Measures") },
  { "JxIndicator", "evaluation-actual", N_("Actual Value") },
  { "JxIndicator", "evaluation-weight", N_("Weight") },
  { "JxIndicator", "evaluation-achievement", N_("Achievement") },
  { "JxIndicator", "evaluation-score", N_("Score") },
  { "JxIndicator", "evaluation-analysis", N_("Deviation Analysis") },
};

static Watch *
lookup (JxUndoStack *self, gpointer object)
{
  return g_hash_table_lookup (self->watches, object);
}

/* A text item is an overall point in the document and a goal in a project. */
static gboolean
is_project_goal (JxUndoStack *self, GObject *item_or_list)
{
  Watch *watch = lookup (self, item_or_list);

  if (watch != NULL && JX_IS_TEXT_ITEM (item_or_list))
    watch = watch->parent != NULL ? lookup (self, watch->parent) : NULL;
  return watch != NULL && watch->parent != NULL && JX_IS_PROJECT (watch->parent);
}

static const char *
field_label (JxUndoStack *self, Change *change)
{
  const char *type_name = G_OBJECT_TYPE_NAME (change->object);

  if (JX_IS_TEXT_ITEM (change->object))
    return is_project_goal (self, change->object) ? _("Project Goal") : _("Overall Point");
  for (gsize i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (strcmp (field_labels[i].type_name, type_name) == 0
        && strcmp (field_labels[i].property, change->pspec->name) == 0)
      return _(field_labels[i].label);
  return change->pspec->name;
}

static const char *
item_label (JxUndoStack *self, Change *change)
{
  GType type = g_list_model_get_item_type (G_LIST_MODEL (change->object));

  if (type == JX_TYPE_PROJECT)
    return _("Project");
  if (type == JX_TYPE_INDICATOR)
    return _("Indicator");
  if (type == JX_TYPE_CHECKPOINT)
    return _("Spending Plan Row");
  if (type == JX_TYPE_MEASURE)
    return _("Measure");
  return is_project_goal (self, change->object) ? _("Project Goal") : _("Overall Point");
}

/* The same items in another order: a move made as one splice. */
static gboolean
is_reorder (Change *change)
{
  g_autoptr(GHashTable) removed = NULL;

  if (change->removed->len != change->added->len || change->removed->len < 2)
    return FALSE;
  removed = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < change->removed->len; i++)
    g_hash_table_add (removed, g_ptr_array_index (change->removed, i));
  for (guint i = 0; i < change->added->len; i++)
    if (!g_hash_table_contains (removed, g_ptr_array_index (change->added, i)))
      return FALSE;
  return TRUE;
}

static char *
describe_change (JxUndoStack *self, Change *change)
{
  /* TRANSLATORS: %s is a field, e.g. "Project Name"; shown as "Undo Edit Project Name" */
  if (change->pspec != NULL)
    return g_strdup_printf (_("Edit %s"), field_label (self, change));
  /* TRANSLATORS: %s is a kind of row, e.g. "Indicator" */
  if (change->removed->len == 0)
    return g_strdup_printf (_("Add %s"), item_label (self, change));
  /* TRANSLATORS: %s is a kind of row, e.g. "Indicator" */
  if (change->added->len == 0)
    return g_strdup_printf (_("Remove %s"), item_label (self, change));
  /* TRANSLATORS: %s is a kind of row, e.g. "Indicator" */
  if (is_reorder (change))
    return g_strdup_printf (_("Move %s"), item_label (self, change));
  /* TRANSLATORS: %s is a kind of row, e.g. "Indicator"; several rows replaced */
  return g_strdup_printf (_("Change %s List"), item_label (self, change));
}

/* Watching */

static gboolean
values_equal (GParamSpec *pspec, const GValue *a, const GValue *b)
{
  /* g_param_values_cmp compares doubles with an epsilon; undo must be exact. */
  if (G_VALUE_HOLDS_DOUBLE (a))
    return g_value_get_double (a) == g_value_get_double (b);
  return g_param_values_cmp (pspec, a, b) == 0;
}

static void
object_notify_cb (GObject    *object,
                  GParamSpec *pspec,
                  Watch      *watch)
{
  JxUndoStack *self = watch->stack;
  g_auto(GValue) now = G_VALUE_INIT;
  GValue *shadow = NULL;
  Change *change;

  for (guint i = 0; i < watch->info->n_recorded && shadow == NULL; i++)
    if (watch->info->recorded[i] == pspec)
      shadow = &watch->values[i];
  if (shadow == NULL)
    return;   /* derived, read-only */

  g_value_init (&now, pspec->value_type);
  g_object_get_property (object, pspec->name, &now);
  if (values_equal (pspec, shadow, &now))
    return;

  change = g_new0 (Change, 1);
  change->object = g_object_ref (object);
  change->pspec = pspec;
  g_value_init (&change->old_value, pspec->value_type);
  g_value_init (&change->new_value, pspec->value_type);
  g_value_copy (shadow, &change->old_value);
  g_value_copy (&now, &change->new_value);
  g_value_unset (shadow);
  g_value_init (shadow, pspec->value_type);
  g_value_copy (&now, shadow);

  if (self->applying)
    change_free (change);
  else
    record (self, change);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
list_changed_cb (GListModel *list,
                 guint       position,
                 guint       removed,
                 guint       added,
                 Watch      *watch)
{
  JxUndoStack *self = watch->stack;
  Change *change = g_new0 (Change, 1);

  change->object = g_object_ref (G_OBJECT (list));
  change->position = position;
  change->removed = g_ptr_array_new_with_free_func (g_object_unref);
  change->added = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < removed; i++)
    g_ptr_array_add (change->removed, g_object_ref (g_ptr_array_index (watch->items, position + i)));
  for (guint i = 0; i < added; i++)
    g_ptr_array_add (change->added, g_list_model_get_item (list, position + i));

  g_ptr_array_remove_range (watch->items, position, removed);
  for (guint i = 0; i < added; i++)
    {
      GObject *item = g_ptr_array_index (change->added, i);

      g_ptr_array_insert (watch->items, position + i, g_object_ref (item));
      watch_object (self, item, G_OBJECT (list));
    }
  /* After watching the added ones, so that an item moved within the list
   * keeps its watch. */
  for (guint i = 0; i < removed; i++)
    unwatch (self, g_ptr_array_index (change->removed, i));

  if (removed == 0 && added == 0)
    {
      change_free (change);
      return;
    }
  if (self->applying)
    change_free (change);
  else
    record (self, change);
  g_signal_emit (self, signals[CHANGED], 0);
}

static Watch *
watch_new (JxUndoStack *self, GObject *object, GObject *parent)
{
  Watch *watch = g_new0 (Watch, 1);

  watch->stack = self;
  watch->object = g_object_ref (object);
  watch->parent = parent;
  watch->count = 1;
  g_hash_table_insert (self->watches, object, watch);
  return watch;
}

static void
watch_list (JxUndoStack *self, GListModel *list, GObject *parent)
{
  Watch *watch = lookup (self, list);
  guint n = g_list_model_get_n_items (list);

  if (watch != NULL)
    {
      watch->count++;
      return;
    }
  watch = watch_new (self, G_OBJECT (list), parent);
  watch->items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      GObject *item = g_list_model_get_item (list, i);

      g_ptr_array_add (watch->items, item);
      watch_object (self, item, G_OBJECT (list));
    }
  watch->handler = g_signal_connect (list, "items-changed", G_CALLBACK (list_changed_cb), watch);
}

static void
class_info_free (ClassInfo *info)
{
  g_free (info->recorded);
  g_free (info->children);
  g_free (info);
}

static ClassInfo *
class_info (JxUndoStack *self, GObject *object)
{
  GType type = G_OBJECT_TYPE (object);
  ClassInfo *info = g_hash_table_lookup (self->classes, GSIZE_TO_POINTER (type));
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  if (info != NULL)
    return info;
  info = g_new0 (ClassInfo, 1);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
  info->recorded = g_new0 (GParamSpec *, n);
  info->children = g_new0 (GParamSpec *, n);
  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = pspecs[i];

      /* A contained list or object (the department) is watched as a child. */
      if (g_type_is_a (pspec->value_type, G_TYPE_OBJECT)
          || g_type_is_a (pspec->value_type, G_TYPE_LIST_MODEL))
        info->children[info->n_children++] = pspec;
      /* Read-only ones are derived ("total", "shown-compiler"). */
      else if ((pspec->flags & G_PARAM_WRITABLE) && !(pspec->flags & G_PARAM_CONSTRUCT_ONLY))
        info->recorded[info->n_recorded++] = pspec;
    }
  g_hash_table_insert (self->classes, GSIZE_TO_POINTER (type), info);
  return info;
}

static void
watch_children (JxUndoStack *self, Watch *watch)
{
  ClassInfo *info = watch->info;

  if (info->n_children == 0)
    return;
  watch->children = g_new0 (GObject *, info->n_children);
  for (guint i = 0; i < info->n_children; i++)
    {
      GObject *child = NULL;

      g_object_get (watch->object, info->children[i]->name, &child, NULL);
      watch->children[i] = child;
      if (child == NULL)
        continue;
      if (G_IS_LIST_STORE (child))
        watch_list (self, G_LIST_MODEL (child), watch->object);
      else
        watch_object (self, child, watch->object);
    }
}

/* What g_object_get_property does once it has found the property by its
 * name: a document of 2,000 projects has 260,000 values to read when it
 * opens, and looking each name up again was most of the time. */
static void
read_property (GObject    *object,
               GParamSpec *pspec,
               GValue     *value)
{
  GObjectClass *klass = g_type_class_peek (pspec->owner_type);
  GParamSpec *target = g_param_spec_get_redirect_target (pspec);

  if (klass == NULL || klass->get_property == NULL)
    {
      g_object_get_property (object, pspec->name, value);
      return;
    }
  klass->get_property (object, pspec->param_id, value, target != NULL ? target : pspec);
}

static void
watch_object (JxUndoStack *self, GObject *object, GObject *parent)
{
  Watch *watch = lookup (self, object);
  ClassInfo *info;

  if (watch != NULL)
    {
      /* Pasted elsewhere before being cut: it will belong to the new place. */
      watch->count++;
      watch->parent = parent;
      return;
    }
  watch = watch_new (self, object, parent);
  watch->info = info = class_info (self, object);
  watch->values = g_new0 (GValue, info->n_recorded);
  for (guint i = 0; i < info->n_recorded; i++)
    {
      g_value_init (&watch->values[i], info->recorded[i]->value_type);
      read_property (object, info->recorded[i], &watch->values[i]);
    }
  watch_children (self, watch);
  watch->handler = g_signal_connect (object, "notify", G_CALLBACK (object_notify_cb), watch);
}

static void
unwatch (JxUndoStack *self, GObject *object)
{
  Watch *watch = lookup (self, object);

  if (watch == NULL || --watch->count > 0)
    return;
  g_signal_handler_disconnect (object, watch->handler);
  g_hash_table_steal (self->watches, object);
  if (watch->items != NULL)
    {
      for (guint i = 0; i < watch->items->len; i++)
        unwatch (self, g_ptr_array_index (watch->items, i));
      g_ptr_array_unref (watch->items);
    }
  if (watch->info != NULL)
    {
      for (guint i = 0; watch->children != NULL && i < watch->info->n_children; i++)
        if (watch->children[i] != NULL)
          {
            unwatch (self, watch->children[i]);
            g_object_unref (watch->children[i]);
          }
      for (guint i = 0; i < watch->info->n_recorded; i++)
        g_value_unset (&watch->values[i]);
      g_free (watch->children);
      g_free (watch->values);
    }
  g_object_unref (watch->object);
  g_free (watch);
}

/* State and notifications */

static Step *
undo_step (JxUndoStack *self)
{
  return self->position > 0 ? g_ptr_array_index (self->steps, self->position - 1) : NULL;
}

static Step *
redo_step (JxUndoStack *self)
{
  return self->position < self->steps->len ? g_ptr_array_index (self->steps, self->position) : NULL;
}

static void
notify_if (JxUndoStack *self, gboolean *was, gboolean now, guint prop_id)
{
  if (*was == now)
    return;
  *was = now;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
notify_label_if (JxUndoStack *self, char **was, const char *now, guint prop_id)
{
  if (g_strcmp0 (*was, now) == 0)
    return;
  g_free (*was);
  *was = g_strdup (now);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
update_state (JxUndoStack *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  notify_if (self, &self->was_undoable, jx_undo_stack_get_can_undo (self), PROP_CAN_UNDO);
  notify_if (self, &self->was_redoable, jx_undo_stack_get_can_redo (self), PROP_CAN_REDO);
  notify_if (self, &self->was_modified, jx_undo_stack_get_modified (self), PROP_MODIFIED);
  notify_label_if (self, &self->old_undo_label, jx_undo_stack_get_undo_label (self), PROP_UNDO_LABEL);
  notify_label_if (self, &self->old_redo_label, jx_undo_stack_get_redo_label (self), PROP_REDO_LABEL);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Recording */

static void
drop_first_step (JxUndoStack *self)
{
  g_ptr_array_remove_index (self->steps, 0);
  self->position--;
  self->saved = self->saved > 0 ? self->saved - 1 : -1;
}

static void
drop_last_step (JxUndoStack *self)
{
  if (self->saved == (gint) self->steps->len)
    self->saved = -1;
  g_ptr_array_set_size (self->steps, self->steps->len - 1);
}

static void
enforce_limit (JxUndoStack *self)
{
  while (self->steps->len > self->limit)
    {
      if (self->position > 0)
        drop_first_step (self);
      else
        drop_last_step (self);
    }
}

static void
push_step (JxUndoStack *self, Step *step)
{
  while (self->steps->len > self->position)
    drop_last_step (self);
  if (step->label == NULL)
    step->label = describe_change (self, g_ptr_array_index (step->changes, 0));
  g_ptr_array_add (self->steps, step);
  self->position++;
  enforce_limit (self);
  update_state (self);
}

static gint64
now (JxUndoStack *self)
{
  return self->clock != NULL ? self->clock (self->clock_data) : g_get_monotonic_time ();
}

static gboolean
can_merge (JxUndoStack *self, Step *top, Change *change, gint64 time)
{
  return !self->sealed
         && top != NULL
         && self->position == self->steps->len
         && top->changes->len == 1
         && same_property (g_ptr_array_index (top->changes, 0), change)
         && time - top->time <= JX_UNDO_MERGE_INTERVAL;
}

static void
record (JxUndoStack *self, Change *change)
{
  gint64 time = now (self);
  Step *top = undo_step (self);
  Step *step;

  if (self->group != NULL)
    {
      GPtrArray *changes = self->group->changes;
      Change *last = changes->len > 0 ? g_ptr_array_index (changes, changes->len - 1) : NULL;

      if (last != NULL && same_property (last, change))
        merge_change (last, change);
      else
        g_ptr_array_add (changes, change);
      return;
    }

  if (can_merge (self, top, change, time))
    {
      merge_change (g_ptr_array_index (top->changes, 0), change);
      top->time = time;
      return;
    }

  step = step_new (NULL);
  step->time = time;
  g_ptr_array_add (step->changes, change);
  self->sealed = FALSE;
  push_step (self, step);
}

/* GObject */

static void
jx_undo_stack_dispose (GObject *object)
{
  JxUndoStack *self = JX_UNDO_STACK (object);

  if (self->document != NULL)
    unwatch (self, G_OBJECT (self->document));
  g_clear_pointer (&self->group, step_free);
  if (self->steps != NULL)
    g_ptr_array_set_size (self->steps, 0);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (jx_undo_stack_parent_class)->dispose (object);
}

static void
jx_undo_stack_finalize (GObject *object)
{
  JxUndoStack *self = JX_UNDO_STACK (object);

  g_hash_table_unref (self->watches);
  g_hash_table_unref (self->classes);
  g_ptr_array_unref (self->steps);
  g_free (self->old_undo_label);
  g_free (self->old_redo_label);
  G_OBJECT_CLASS (jx_undo_stack_parent_class)->finalize (object);
}

static void
jx_undo_stack_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JxUndoStack *self = JX_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    case PROP_CAN_UNDO: g_value_set_boolean (value, jx_undo_stack_get_can_undo (self)); break;
    case PROP_CAN_REDO: g_value_set_boolean (value, jx_undo_stack_get_can_redo (self)); break;
    case PROP_MODIFIED: g_value_set_boolean (value, jx_undo_stack_get_modified (self)); break;
    case PROP_UNDO_LABEL: g_value_set_string (value, jx_undo_stack_get_undo_label (self)); break;
    case PROP_REDO_LABEL: g_value_set_string (value, jx_undo_stack_get_redo_label (self)); break;
    case PROP_LIMIT: g_value_set_uint (value, self->limit); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_undo_stack_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  JxUndoStack *self = JX_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_LIMIT: jx_undo_stack_set_limit (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_undo_stack_class_init (JxUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = jx_undo_stack_dispose;
  object_class->finalize = jx_undo_stack_finalize;
  object_class->get_property = jx_undo_stack_get_property;
  object_class->set_property = jx_undo_stack_set_property;

  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, JX_TYPE_DOCUMENT, ro);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, ro);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, ro);
  properties[PROP_LIMIT] =
    g_param_spec_uint ("limit", NULL, NULL, 1, G_MAXUINT, JX_UNDO_DEFAULT_LIMIT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[STEP_APPLIED] =
    g_signal_new ("step-applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_OBJECT, G_TYPE_BOOLEAN);
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jx_undo_stack_init (JxUndoStack *self)
{
  self->watches = g_hash_table_new (NULL, NULL);
  self->classes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) class_info_free);
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->limit = JX_UNDO_DEFAULT_LIMIT;
}

/* Public API */

static void
action_begin_cb (JxUndoStack *self,
                 const char  *label)
{
  self->action_depth++;
  jx_undo_stack_begin_group (self, label);
}

/* An action begun before this stack watched the document ends unseen. */
static void
action_end_cb (JxUndoStack *self)
{
  if (self->action_depth == 0)
    return;
  self->action_depth--;
  jx_undo_stack_end_group (self);
}

JxUndoStack *
jx_undo_stack_new (JxDocument *document)
{
  JxUndoStack *self;

  g_return_val_if_fail (JX_IS_DOCUMENT (document), NULL);

  self = g_object_new (JX_TYPE_UNDO_STACK, NULL);
  self->document = g_object_ref (document);
  watch_object (self, G_OBJECT (document), NULL);
  g_signal_connect_object (document, "action-begin", G_CALLBACK (action_begin_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "action-end", G_CALLBACK (action_end_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

JxDocument *
jx_undo_stack_get_document (JxUndoStack *self)
{
  g_return_val_if_fail (JX_IS_UNDO_STACK (self), NULL);
  return self->document;
}

gboolean
jx_undo_stack_get_can_undo (JxUndoStack *self)
{
  g_return_val_if_fail (JX_IS_UNDO_STACK (self), FALSE);
  return self->position > 0;
}

gboolean
jx_undo_stack_get_can_redo (JxUndoStack *self)
{
  g_return_val_if_fail (JX_IS_UNDO_STACK (self), FALSE);
  return self->position < self->steps->len;
}

gboolean
jx_undo_stack_get_modified (JxUndoStack *self)
{
  g_return_val_if_fail (JX_IS_UNDO_STACK (self), FALSE);
  return self->saved != (gint) self->position;
}

const char *
jx_undo_stack_get_undo_label (JxUndoStack *self)
{
  Step *step;

  g_return_val_if_fail (JX_IS_UNDO_STACK (self), NULL);
  step = undo_step (self);
  return step != NULL ? step->label : NULL;
}

const char *
jx_undo_stack_get_redo_label (JxUndoStack *self)
{
  Step *step;

  g_return_val_if_fail (JX_IS_UNDO_STACK (self), NULL);
  step = redo_step (self);
  return step != NULL ? step->label : NULL;
}

/* The object a window should show for a step: for a list change the
 * object owning the list. */
static GObject *
step_subject (JxUndoStack *self, Step *step)
{
  Change *first = g_ptr_array_index (step->changes, 0);
  Watch *watch;

  if (first->pspec != NULL)
    return first->object;
  watch = lookup (self, first->object);
  return watch != NULL && watch->parent != NULL ? watch->parent : first->object;
}

static void
apply_step (JxUndoStack *self, Step *step, gboolean undo)
{
  g_autoptr(GObject) subject = NULL;

  self->applying = TRUE;
  if (undo)
    for (guint i = step->changes->len; i > 0; i--)
      apply_change (g_ptr_array_index (step->changes, i - 1), TRUE);
  else
    for (guint i = 0; i < step->changes->len; i++)
      apply_change (g_ptr_array_index (step->changes, i), FALSE);
  self->applying = FALSE;
  self->sealed = TRUE;

  subject = g_object_ref (step_subject (self, step));
  self->position += undo ? -1 : 1;
  update_state (self);
  g_signal_emit (self, signals[STEP_APPLIED], 0, subject, undo);
}

gboolean
jx_undo_stack_undo (JxUndoStack *self)
{
  g_return_val_if_fail (JX_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (self->position == 0)
    return FALSE;
  apply_step (self, undo_step (self), TRUE);
  return TRUE;
}

gboolean
jx_undo_stack_redo (JxUndoStack *self)
{
  g_return_val_if_fail (JX_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (self->position == self->steps->len)
    return FALSE;
  apply_step (self, redo_step (self), FALSE);
  return TRUE;
}

void
jx_undo_stack_begin_group (JxUndoStack *self,
                           const char  *label)
{
  g_return_if_fail (JX_IS_UNDO_STACK (self));

  if (self->depth++ == 0)
    {
      self->sealed = TRUE;
      self->group = step_new (label);
    }
  else if (self->group->label == NULL && label != NULL)
    self->group->label = g_strdup (label);
}

void
jx_undo_stack_end_group (JxUndoStack *self)
{
  Step *group;

  g_return_if_fail (JX_IS_UNDO_STACK (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    return;
  group = g_steal_pointer (&self->group);
  self->sealed = TRUE;
  if (group->changes->len == 0)
    {
      step_free (group);
      return;
    }
  group->time = now (self);
  push_step (self, group);
}

void
jx_undo_stack_seal (JxUndoStack *self)
{
  g_return_if_fail (JX_IS_UNDO_STACK (self));
  self->sealed = TRUE;
}

void
jx_undo_stack_mark_saved (JxUndoStack *self)
{
  g_return_if_fail (JX_IS_UNDO_STACK (self));
  self->saved = (gint) self->position;
  self->sealed = TRUE;
  update_state (self);
}

void
jx_undo_stack_mark_unsaved (JxUndoStack *self)
{
  g_return_if_fail (JX_IS_UNDO_STACK (self));
  self->saved = -1;
  update_state (self);
}

void
jx_undo_stack_clear (JxUndoStack *self)
{
  g_return_if_fail (JX_IS_UNDO_STACK (self));
  g_return_if_fail (self->depth == 0);

  self->saved = jx_undo_stack_get_modified (self) ? -1 : 0;
  g_ptr_array_set_size (self->steps, 0);
  self->position = 0;
  self->sealed = TRUE;
  update_state (self);
}

guint
jx_undo_stack_get_limit (JxUndoStack *self)
{
  g_return_val_if_fail (JX_IS_UNDO_STACK (self), 0);
  return self->limit;
}

void
jx_undo_stack_set_limit (JxUndoStack *self,
                         guint        limit)
{
  g_return_if_fail (JX_IS_UNDO_STACK (self));
  g_return_if_fail (limit >= 1);

  if (self->limit == limit)
    return;
  self->limit = limit;
  enforce_limit (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIMIT]);
  update_state (self);
}

void
jx_undo_stack_set_clock (JxUndoStack *self,
                         JxUndoClock  clock,
                         gpointer     user_data)
{
  g_return_if_fail (JX_IS_UNDO_STACK (self));
  self->clock = clock;
  self->clock_data = user_data;
}

JxProject *
jx_undo_stack_find_project (JxUndoStack *self,
                            gpointer     object)
{
  g_return_val_if_fail (JX_IS_UNDO_STACK (self), NULL);
  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  for (Watch *watch = lookup (self, object); watch != NULL;
       watch = watch->parent != NULL ? lookup (self, watch->parent) : NULL)
    if (JX_IS_PROJECT (watch->object))
      return JX_PROJECT (watch->object);
  return NULL;
}
