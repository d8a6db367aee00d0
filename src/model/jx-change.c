/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jx-change-private.h"
#include "jx-checks.h"
#include "jx-member-path.h"

/* Texts up to this many characters are shown whole on one line. */
#define SHORT_CHARS 40
/* Longer ones are cut to the changed words and this many characters
 * around them, so that a list of changes stays readable. */
#define LONG_CHARS 120
#define CONTEXT_CHARS 20

G_DEFINE_FINAL_TYPE (JxChange, jx_change, G_TYPE_OBJECT)

static void
jx_change_finalize (GObject *object)
{
  JxChange *self = JX_CHANGE (object);

  g_free (self->place);
  g_free (self->old_path);
  g_free (self->new_path);
  g_free (self->old_text);
  g_free (self->new_text);
  g_clear_pointer (&self->old_marks, g_array_unref);
  g_clear_pointer (&self->new_marks, g_array_unref);
  g_free (self->money_unit);
  G_OBJECT_CLASS (jx_change_parent_class)->finalize (object);
}

static void
jx_change_class_init (JxChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jx_change_finalize;
}

static void
jx_change_init (JxChange *self)
{
  self->old_project = self->new_project = -1;
  self->old_position = self->new_position = -1;
}

JxChange *
jx_change_new (JxChangeSection section,
               JxChangeKind    kind,
               JxChangeItem    item)
{
  JxChange *self = g_object_new (JX_TYPE_CHANGE, NULL);

  self->section = section;
  self->kind = kind;
  self->item = item;
  return self;
}

void
jx_change_set_texts (JxChange   *self,
                     const char *old_text,
                     const char *new_text,
                     const char *compared)
{
  g_return_if_fail (JX_IS_CHANGE (self));

  g_free (self->old_text);
  g_free (self->new_text);
  self->old_text = g_strdup (old_text);
  self->new_text = g_strdup (new_text);
  g_clear_pointer (&self->old_marks, g_array_unref);
  g_clear_pointer (&self->new_marks, g_array_unref);
  if (old_text != NULL && new_text != NULL)
    {
      g_return_if_fail (compared == NULL || strlen (compared) == strlen (old_text));
      jx_text_diff_marks (compared != NULL ? compared : old_text, new_text,
                          &self->old_marks, &self->new_marks);
    }
}

JxChangeSection
jx_change_get_section (JxChange *self)
{
  g_return_val_if_fail (JX_IS_CHANGE (self), 0);
  return self->section;
}

JxChangeKind
jx_change_get_kind (JxChange *self)
{
  g_return_val_if_fail (JX_IS_CHANGE (self), 0);
  return self->kind;
}

JxChangeItem
jx_change_get_item (JxChange *self)
{
  g_return_val_if_fail (JX_IS_CHANGE (self), 0);
  return self->item;
}

const char *
jx_change_get_member (JxChange *self)
{
  g_return_val_if_fail (JX_IS_CHANGE (self), NULL);
  return self->member;
}

const char *
jx_change_get_place (JxChange *self)
{
  g_return_val_if_fail (JX_IS_CHANGE (self), NULL);
  return self->place;
}

const char *
jx_change_get_old_path (JxChange *self)
{
  g_return_val_if_fail (JX_IS_CHANGE (self), NULL);
  return self->old_path;
}

const char *
jx_change_get_new_path (JxChange *self)
{
  g_return_val_if_fail (JX_IS_CHANGE (self), NULL);
  return self->new_path;
}

int
jx_change_get_old_project (JxChange *self)
{
  g_return_val_if_fail (JX_IS_CHANGE (self), -1);
  return self->old_project;
}

int
jx_change_get_new_project (JxChange *self)
{
  g_return_val_if_fail (JX_IS_CHANGE (self), -1);
  return self->new_project;
}

int
jx_change_get_old_position (JxChange *self)
{
  g_return_val_if_fail (JX_IS_CHANGE (self), -1);
  return self->old_position;
}

int
jx_change_get_new_position (JxChange *self)
{
  g_return_val_if_fail (JX_IS_CHANGE (self), -1);
  return self->new_position;
}

const char *
jx_change_get_old_text (JxChange *self)
{
  g_return_val_if_fail (JX_IS_CHANGE (self), NULL);
  return self->old_text;
}

const char *
jx_change_get_new_text (JxChange *self)
{
  g_return_val_if_fail (JX_IS_CHANGE (self), NULL);
  return self->new_text;
}

const char *
jx_change_get_money_unit (JxChange *self)
{
  g_return_val_if_fail (JX_IS_CHANGE (self), NULL);
  return self->money_unit;
}

static const JxTextSpan *
marks_of (GArray *marks, guint *n_marks)
{
  if (n_marks != NULL)
    *n_marks = marks != NULL ? marks->len : 0;
  return marks != NULL && marks->len > 0 ? (const JxTextSpan *) marks->data : NULL;
}

const JxTextSpan *
jx_change_get_old_marks (JxChange *self,
                         guint    *n_marks)
{
  g_return_val_if_fail (JX_IS_CHANGE (self), NULL);
  return marks_of (self->old_marks, n_marks);
}

const JxTextSpan *
jx_change_get_new_marks (JxChange *self,
                         guint    *n_marks)
{
  g_return_val_if_fail (JX_IS_CHANGE (self), NULL);
  return marks_of (self->new_marks, n_marks);
}

GArray *
jx_change_get_excerpt_spans (JxChange *self,
                             gboolean  new_side)
{
  GArray *own, *other, *spans;
  const char *text;
  gsize before = 0, length;

  g_return_val_if_fail (JX_IS_CHANGE (self), NULL);

  own = new_side ? self->new_marks : self->old_marks;
  other = new_side ? self->old_marks : self->new_marks;
  text = new_side ? self->new_text : self->old_text;
  length = text != NULL ? strlen (text) : 0;
  spans = g_array_new (FALSE, FALSE, sizeof (JxTextSpan));
  if (own != NULL && own->len > 0)
    return g_array_append_vals (spans, own->data, own->len);
  /* The text around the other side's marks is the same in both, so each
   * goes at its own start less what the marks before it add. */
  for (guint i = 0; other != NULL && i < other->len; i++)
    {
      const JxTextSpan *mark = &g_array_index (other, JxTextSpan, i);
      JxTextSpan point;

      point.start = point.end = MIN (mark->start - before, length);
      before += mark->end - mark->start;
      g_array_append_val (spans, point);
    }
  return spans;
}

gboolean
jx_change_get_funds (JxChange    *self,
                     JxFundsPart  part,
                     JxMoney     *old_amount,
                     JxMoney     *new_amount)
{
  g_return_val_if_fail (JX_IS_CHANGE (self), FALSE);
  g_return_val_if_fail (part < JX_N_FUNDS, FALSE);

  if (self->item != JX_CHANGE_ITEM_FUNDS)
    return FALSE;
  if (old_amount != NULL)
    *old_amount = self->old_funds[part];
  if (new_amount != NULL)
    *new_amount = self->new_funds[part];
  return TRUE;
}

/* ---- words ---- */

const char *
jx_change_section_to_string (JxChangeSection section)
{
  static const char * const words[] = { "cover", "part1", "projects" };

  g_return_val_if_fail (section <= JX_CHANGE_SECTION_PROJECTS, NULL);
  return words[section];
}

const char *
jx_change_kind_to_string (JxChangeKind kind)
{
  static const char * const words[] = { "changed", "added", "removed", "moved", "renamed" };

  g_return_val_if_fail (kind <= JX_CHANGE_RENAMED, NULL);
  return words[kind];
}

const char *
jx_change_item_to_string (JxChangeItem item)
{
  static const char * const words[] = { "year", "field", "paragraph", "project", "funds",
                                        "plan", "goal", "indicator", "cell" };

  g_return_val_if_fail (item <= JX_CHANGE_ITEM_CELL, NULL);
  return words[item];
}

const char *
jx_change_section_to_label (JxChangeSection section)
{
  switch (section)
    {
    case JX_CHANGE_SECTION_COVER: return _("Cover and department");
    case JX_CHANGE_SECTION_PART1: return _("Part 1: the department’s overall goals");
    case JX_CHANGE_SECTION_PROJECTS: return _("Part 2: the projects");
    default: g_return_val_if_reached (NULL);
    }
}

char *
jx_change_describe_path (JxDocument *document,
                         const char *path)
{
  g_return_val_if_fail (JX_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return jx_member_path_describe_string (path, document);
}

/* ---- as text ---- */

static gboolean
is_short (const char *text)
{
  return text == NULL || (strchr (text, '\n') == NULL && g_utf8_strlen (text, -1) <= SHORT_CHARS);
}

static const char *
shown (const char *text)
{
  return text == NULL || text[0] == '\0' ? _("(empty)") : text;
}

/* Appends text[from, to) with its marks inside it in open … close. */
static void
append_marked_range (GString *out, const char *text, GArray *marks, gsize from, gsize to,
                     const char *open, const char *close)
{
  gsize at = from;

  for (guint i = 0; marks != NULL && i < marks->len; i++)
    {
      const JxTextSpan *span = &g_array_index (marks, JxTextSpan, i);
      gsize start = MAX (span->start, from), end = MIN (span->end, to);

      if (start >= end)
        continue;
      g_string_append_len (out, text + at, start - at);
      g_string_append (out, open);
      g_string_append_len (out, text + start, end - start);
      g_string_append (out, close);
      at = end;
    }
  g_string_append_len (out, text + at, to - at);
}

/* A long text as the parts around its marks, "…" where text is left out. */
static void
append_marked (GString *out, const char *text, GArray *marks, const char *open,
               const char *close)
{
  g_autoptr(GArray) parts = jx_text_excerpts (text, marks != NULL ? (JxTextSpan *) marks->data : NULL,
                                              marks != NULL ? marks->len : 0, LONG_CHARS,
                                              CONTEXT_CHARS);
  gsize length = strlen (text);

  for (guint i = 0; i < parts->len; i++)
    {
      const JxTextSpan *part = &g_array_index (parts, JxTextSpan, i);

      if (part->start > 0)
        g_string_append (out, "…");
      append_marked_range (out, text, marks, part->start, part->end, open, close);
      if (i + 1 == parts->len && part->end < length)
        g_string_append (out, "…");
    }
}

static void
append_funds (GString *out, JxChange *self)
{
  static const char * const labels[] = { "财政资金", "其他资金", "预算数" };
  gboolean first = TRUE;

  for (guint i = 0; i < JX_N_FUNDS; i++)
    {
      g_autofree char *before = NULL, *after = NULL, *difference = NULL;
      JxMoney delta = self->new_funds[i] - self->old_funds[i];

      if (delta == 0)
        continue;
      before = jx_money_format (self->old_funds[i]);
      after = jx_money_format (self->new_funds[i]);
      difference = jx_money_format (delta);
      g_string_append_printf (out, "%s%s %s → %s（%s%s）", first ? "" : "，", labels[i], before,
                              after, delta > 0 ? "+" : "", difference);
      first = FALSE;
    }
  if (self->money_unit != NULL)
    g_string_append_printf (out, " %s", self->money_unit);
}

/* One side of a change: cut around its changed words, or around where
 * the other side's words go when only that side has any. */
static void
append_side (GString *out, JxChange *self, gboolean new_side, const char *open,
             const char *close)
{
  const char *text = new_side ? self->new_text : self->old_text;
  g_autoptr(GArray) spans = NULL;

  if (self->old_text != NULL && self->new_text != NULL)
    spans = jx_change_get_excerpt_spans (self, new_side);
  append_marked (out, shown (text), text != NULL && text[0] != '\0' ? spans : NULL, open, close);
}

static void
append_long (GString *out, JxChange *self, gboolean old_side, gboolean new_side)
{
  if (old_side)
    {
      g_string_append (out, "\n  − ");
      append_side (out, self, FALSE, "[-", "-]");
    }
  if (new_side)
    {
      g_string_append (out, "\n  + ");
      append_side (out, self, TRUE, "{+", "+}");
    }
}

static void
append_move (GString *out, JxChange *self)
{
  if (self->item == JX_CHANGE_ITEM_INDICATOR)
    g_string_append_printf (out, _("moved from row %d to row %d"),
                            self->old_position + 1, self->new_position + 1);
  else
    g_string_append_printf (out, _("moved from place %d to place %d"),
                            self->old_position + 1, self->new_position + 1);
}

static void
describe (GString *out, JxChange *self)
{
  switch (self->kind)
    {
    case JX_CHANGE_ADDED:
    case JX_CHANGE_REMOVED:
      {
        gboolean added = self->kind == JX_CHANGE_ADDED;
        const char *text = added ? self->new_text : self->old_text;

        if (text != NULL && is_short (text))
          /* TRANSLATORS: "added: the text that was added" */
          g_string_append_printf (out, added ? _("added: %s") : _("removed: %s"), shown (text));
        else
          g_string_append (out, added ? _("added") : _("removed"));
        if (text != NULL && !is_short (text))
          append_long (out, self, !added, added);
      }
      break;
    case JX_CHANGE_MOVED:
      append_move (out, self);
      break;
    default:
      if (self->item == JX_CHANGE_ITEM_FUNDS)
        append_funds (out, self);
      else if (is_short (self->old_text) && is_short (self->new_text))
        /* TRANSLATORS: "renamed: old name → new name" */
        g_string_append_printf (out, self->kind == JX_CHANGE_RENAMED ? _("renamed: %s → %s")
                                                                     : "%s → %s",
                                shown (self->old_text), shown (self->new_text));
      else
        {
          g_string_append (out, self->kind == JX_CHANGE_RENAMED ? _("renamed") : _("changed"));
          append_long (out, self, TRUE, TRUE);
        }
    }
}

char *
jx_change_to_text (JxChange *self)
{
  g_autoptr(GString) what = g_string_new (NULL);

  g_return_val_if_fail (JX_IS_CHANGE (self), NULL);

  describe (what, self);
  /* TRANSLATORS: a place in the document and what changed there */
  return g_strdup_printf (_("%s: %s"), self->place, what->str);
}

char *
jx_changes_to_text (GListModel *changes)
{
  GString *out;
  int section = -1;

  g_return_val_if_fail (G_IS_LIST_MODEL (changes), NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(JxChange) change = g_list_model_get_item (changes, i);
      g_autofree char *line = jx_change_to_text (change);

      if ((int) change->section != section)
        {
          section = change->section;
          g_string_append_printf (out, "%s== %s ==\n", out->len > 0 ? "\n" : "",
                                  jx_change_section_to_label (change->section));
        }
      g_string_append_printf (out, "%s\n", line);
    }
  return g_string_free (out, FALSE);
}
