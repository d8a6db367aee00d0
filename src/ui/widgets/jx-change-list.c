/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jx-change-list.h"
#include "jx-text-diff.h"

/* A long paragraph is cut to its changed words with this much around
 * them: the list is for what changed, and 300 characters hide it. */
#define EXCERPT_LIMIT   160
#define EXCERPT_CONTEXT 30
/* An added, removed or moved text is shown by its start. */
#define HEAD_CHARS      90

/* Struck through and underlined, so that the marks read without colour
 * too; the tints are the theme's red and green at low alpha, which show
 * on a dark theme as well. */
#define REMOVED_OPEN "<span strikethrough=\"true\" background=\"#e01b24\" bgalpha=\"22%\">"
#define ADDED_OPEN   "<span underline=\"single\" background=\"#2ec27e\" bgalpha=\"28%\">"
#define MARK_CLOSE   "</span>"

struct _JxChangeList
{
  GtkWidget parent_instance;

  GtkSingleSelection *selection;
  GtkListView *list_view;
  GtkWidget *scrolled;
};

G_DEFINE_FINAL_TYPE (JxChangeList, jx_change_list, GTK_TYPE_WIDGET)

enum { CHANGE_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- What a row says ---- */

static void
append_escaped (GString *out, const char *text, gsize length)
{
  g_autofree char *escaped = g_markup_escape_text (text, (gssize) length);

  g_string_append (out, escaped);
}

/* text[from, to) with its marks inside it wrapped in open … MARK_CLOSE. */
static void
append_range (GString          *out,
              const char       *text,
              const JxTextSpan *marks,
              guint             n,
              gsize             from,
              gsize             to,
              const char       *open)
{
  gsize at = from;

  for (guint i = 0; i < n; i++)
    {
      gsize start = MAX (marks[i].start, from), end = MIN (marks[i].end, to);

      if (start >= end)
        continue;
      append_escaped (out, text + at, start - at);
      g_string_append (out, open);
      append_escaped (out, text + start, end - start);
      g_string_append (out, MARK_CLOSE);
      at = end;
    }
  append_escaped (out, text + at, to - at);
}

static void
append_marked (GString          *out,
               const char       *text,
               const JxTextSpan *marks,
               guint             n,
               const char       *open)
{
  g_autoptr(GArray) parts = jx_text_excerpts (text, marks, n, EXCERPT_LIMIT, EXCERPT_CONTEXT);
  gsize length = strlen (text);

  for (guint i = 0; i < parts->len; i++)
    {
      const JxTextSpan *part = &g_array_index (parts, JxTextSpan, i);

      if (part->start > 0)
        g_string_append (out, "…");
      append_range (out, text, marks, n, part->start, part->end, open);
      if (i + 1 == parts->len && part->end < length)
        g_string_append (out, "…");
    }
}

/* The start of a text, whole or cut with "…", escaped. */
static void
append_head (GString    *out,
             const char *text)
{
  glong n = g_utf8_strlen (text, -1);
  const char *end = g_utf8_offset_to_pointer (text, MIN (n, HEAD_CHARS));

  append_escaped (out, text, end - text);
  if (*end != '\0')
    g_string_append (out, "…");
}

static const char *
or_empty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

static void
append_side (GString    *out,
             JxChange   *change,
             gboolean    new_side)
{
  const char *text = new_side ? jx_change_get_new_text (change) : jx_change_get_old_text (change);
  g_autoptr(GArray) spans = NULL;

  if (or_empty (text) == NULL)
    {
      g_string_append_printf (out, "<i>%s</i>", _("(empty)"));
      return;
    }
  /* Words only added (or only removed): this side is cut around where
   * they go, as the other side is around them. */
  spans = jx_change_get_excerpt_spans (change, new_side);
  append_marked (out, text, (const JxTextSpan *) spans->data, spans->len,
                 new_side ? ADDED_OPEN : REMOVED_OPEN);
}

static void
append_funds (GString  *out,
              JxChange *change,
              gboolean  new_side)
{
  const char *labels[JX_N_FUNDS] = { C_("place", "Fiscal funds"), C_("place", "Other funds"),
                                     _("Budget (total)") };

  for (guint i = 0; i < JX_N_FUNDS; i++)
    {
      JxMoney before = 0, after = 0;
      g_autofree char *amount = NULL;

      jx_change_get_funds (change, i, &before, &after);
      amount = jx_money_format (new_side ? after : before);
      if (i > 0)
        g_string_append (out, " · ");
      append_escaped (out, labels[i], -1);
      g_string_append_c (out, ' ');
      if (before == after)
        append_escaped (out, amount, -1);
      else
        {
          g_string_append (out, new_side ? ADDED_OPEN : REMOVED_OPEN);
          append_escaped (out, amount, -1);
          g_string_append (out, MARK_CLOSE);
        }
      if (new_side && before != after)
        {
          g_autofree char *delta = jx_money_format (after - before);

          g_string_append_printf (out, "（%s%s）", after > before ? "+" : "", delta);
        }
    }
  if (jx_change_get_money_unit (change) != NULL)
    {
      g_string_append_c (out, ' ');
      append_escaped (out, jx_change_get_money_unit (change), -1);
    }
}

static char *
moved_text (JxChange *change)
{
  int from = jx_change_get_old_position (change) + 1;
  int to = jx_change_get_new_position (change) + 1;

  if (jx_change_get_item (change) == JX_CHANGE_ITEM_INDICATOR)
    return g_strdup_printf (_("Moved from row %d to row %d"), from, to);
  return g_strdup_printf (_("Moved from place %d to place %d"), from, to);
}

void
jx_change_list_row_text (JxChange        *change,
                         JxChangeRowText *text)
{
  GString *a = g_string_new (NULL);
  GString *b = g_string_new (NULL);
  const char *old_text = or_empty (jx_change_get_old_text (change));
  const char *new_text = or_empty (jx_change_get_new_text (change));

  g_return_if_fail (JX_IS_CHANGE (change));

  text->label[0] = _("Old:");
  text->label[1] = _("New:");
  switch (jx_change_get_kind (change))
    {
    case JX_CHANGE_ADDED:
      text->label[0] = _("Added:");
      g_string_append (a, ADDED_OPEN);
      append_head (a, new_text != NULL ? new_text : "");
      g_string_append (a, MARK_CLOSE);
      break;
    case JX_CHANGE_REMOVED:
      text->label[0] = _("Removed:");
      g_string_append (a, REMOVED_OPEN);
      append_head (a, old_text != NULL ? old_text : "");
      g_string_append (a, MARK_CLOSE);
      break;
    case JX_CHANGE_MOVED:
      {
        g_autofree char *moved = moved_text (change);

        text->label[0] = text->label[1] = NULL;
        append_escaped (a, moved, -1);
        append_head (b, old_text != NULL ? old_text : new_text != NULL ? new_text : "");
      }
      break;
    case JX_CHANGE_CHANGED:
    case JX_CHANGE_RENAMED:
    default:
      if (jx_change_get_item (change) == JX_CHANGE_ITEM_FUNDS)
        {
          append_funds (a, change, FALSE);
          append_funds (b, change, TRUE);
        }
      else
        {
          append_side (a, change, FALSE);
          append_side (b, change, TRUE);
        }
      break;
    }
  text->markup[0] = g_string_free (a, FALSE);
  text->markup[1] = b->len > 0 ? g_string_free (b, FALSE) : (g_string_free (b, TRUE), NULL);
}

void
jx_change_row_text_clear (JxChangeRowText *text)
{
  g_clear_pointer (&text->markup[0], g_free);
  g_clear_pointer (&text->markup[1], g_free);
}

/* A word for the kind of change, shown beside its place. */
static const char *
kind_label (JxChange *change)
{
  switch (jx_change_get_kind (change))
    {
    case JX_CHANGE_ADDED: return _("added");
    case JX_CHANGE_REMOVED: return _("removed");
    case JX_CHANGE_MOVED: return _("moved");
    case JX_CHANGE_RENAMED: return _("renamed");
    case JX_CHANGE_CHANGED:
    default: return _("changed");
    }
}

/* ---- Rows ---- */

/* A row: the section's heading (first of its section only), the place and
 * the kind, then one or two lines of text. */
static GtkWidget *
row_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = row_label ("heading");
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *place = row_label ("caption-heading");
  GtkWidget *kind = gtk_label_new (NULL);

  gtk_widget_set_margin_top (row, 5);
  gtk_widget_set_margin_bottom (row, 5);
  gtk_widget_set_margin_start (row, 10);
  gtk_widget_set_margin_end (row, 10);
  gtk_widget_set_margin_bottom (heading, 4);
  gtk_widget_set_hexpand (place, TRUE);
  gtk_widget_set_valign (kind, GTK_ALIGN_START);
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_widget_add_css_class (kind, "caption");
  gtk_box_append (GTK_BOX (top), place);
  gtk_box_append (GTK_BOX (top), kind);
  gtk_box_append (GTK_BOX (row), heading);
  gtk_box_append (GTK_BOX (row), top);
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *label = gtk_label_new (NULL);
      GtkWidget *text = row_label (NULL);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_widget_set_hexpand (text, TRUE);
      gtk_box_append (GTK_BOX (line), label);
      gtk_box_append (GTK_BOX (line), text);
      gtk_box_append (GTK_BOX (row), line);
    }
  gtk_list_item_set_child (item, row);
}

/* Whether the change at position starts its section. */
static gboolean
starts_section (GListModel *model,
                guint       position,
                JxChange   *change)
{
  g_autoptr(JxChange) before = NULL;

  if (position == 0)
    return TRUE;
  before = g_list_model_get_item (model, position - 1);
  return before == NULL || jx_change_get_section (before) != jx_change_get_section (change);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             JxChangeList             *self)
{
  JxChange *change = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *heading = gtk_widget_get_first_child (row);
  GtkWidget *top = gtk_widget_get_next_sibling (heading);
  GtkWidget *place = gtk_widget_get_first_child (top);
  GtkWidget *kind = gtk_widget_get_next_sibling (place);
  GtkWidget *first = gtk_widget_get_next_sibling (top);
  GtkWidget *second = gtk_widget_get_next_sibling (first);
  GListModel *model = gtk_single_selection_get_model (self->selection);
  gboolean starts = starts_section (model, gtk_list_item_get_position (item), change);
  JxChangeRowText text = { { NULL } };
  GtkWidget *lines[2] = { first, second };

  gtk_widget_set_visible (heading, starts);
  if (starts)
    gtk_label_set_text (GTK_LABEL (heading), jx_change_section_to_label (jx_change_get_section (change)));
  gtk_label_set_text (GTK_LABEL (place), jx_change_get_place (change));
  gtk_label_set_text (GTK_LABEL (kind), kind_label (change));
  jx_change_list_row_text (change, &text);
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *label = gtk_widget_get_first_child (lines[i]);
      GtkWidget *shown = gtk_widget_get_next_sibling (label);

      gtk_widget_set_visible (lines[i], text.markup[i] != NULL);
      gtk_widget_set_visible (label, text.label[i] != NULL);
      gtk_label_set_text (GTK_LABEL (label), text.label[i] != NULL ? text.label[i] : "");
      gtk_label_set_markup (GTK_LABEL (shown), text.markup[i] != NULL ? text.markup[i] : "");
    }
  jx_change_row_text_clear (&text);
}

static void
activate_cb (GtkListView  *list_view,
             guint         position,
             JxChangeList *self)
{
  g_autoptr(JxChange) change = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (change == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_emit (self, signals[CHANGE_ACTIVATED], 0, change);
}

/* Ctrl+C: the selected change as the command line prints it. */
static void
copy_action (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  JxChangeList *self = JX_CHANGE_LIST (widget);
  g_autoptr(JxChange) change = gtk_single_selection_get_selected_item (self->selection) != NULL
    ? g_object_ref (gtk_single_selection_get_selected_item (self->selection)) : NULL;
  g_autofree char *text = NULL;

  if (change == NULL)
    return;
  text = jx_change_to_text (change);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

/* ---- Object ---- */

static void
jx_change_list_dispose (GObject *object)
{
  JxChangeList *self = JX_CHANGE_LIST (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->selection);
  G_OBJECT_CLASS (jx_change_list_parent_class)->dispose (object);
}

static void
jx_change_list_class_init (JxChangeListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_change_list_dispose;

  signals[CHANGE_ACTIVATED] =
    g_signal_new ("change-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, JX_TYPE_CHANGE);

  gtk_widget_class_install_action (widget_class, "changes.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "changes.copy", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "change-list");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
jx_change_list_init (JxChangeList *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                                      factory));
  gtk_list_view_set_show_separators (self->list_view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Changes"), -1);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (activate_cb), self);
  /* One click goes to the place, as a link would: the selection follows. */
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->list_view));
  gtk_widget_set_vexpand (self->scrolled, TRUE);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
}

GtkWidget *
jx_change_list_new (void)
{
  return g_object_new (JX_TYPE_CHANGE_LIST, NULL);
}

void
jx_change_list_set_changes (JxChangeList *self,
                            GListModel   *changes)
{
  guint selected;

  g_return_if_fail (JX_IS_CHANGE_LIST (self));
  g_return_if_fail (changes == NULL || G_IS_LIST_MODEL (changes));

  selected = gtk_single_selection_get_selected (self->selection);
  gtk_single_selection_set_model (self->selection, changes);
  if (changes != NULL && selected != GTK_INVALID_LIST_POSITION && g_list_model_get_n_items (changes) > 0)
    gtk_single_selection_set_selected (self->selection, MIN (selected, g_list_model_get_n_items (changes) - 1));
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

GListModel *
jx_change_list_get_changes (JxChangeList *self)
{
  g_return_val_if_fail (JX_IS_CHANGE_LIST (self), NULL);
  return gtk_single_selection_get_model (self->selection);
}

guint
jx_change_list_get_selected (JxChangeList *self)
{
  g_return_val_if_fail (JX_IS_CHANGE_LIST (self), GTK_INVALID_LIST_POSITION);
  return gtk_single_selection_get_selected (self->selection);
}

void
jx_change_list_select (JxChangeList *self,
                       guint         position)
{
  g_return_if_fail (JX_IS_CHANGE_LIST (self));

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    return;
  gtk_single_selection_set_selected (self->selection, position);
  /* GTK 4.8 has no gtk_list_view_scroll_to (): the list's own action
   * scrolls without taking the focus from the form. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

gboolean
jx_change_list_step (JxChangeList *self,
                     int           delta)
{
  guint n, selected, next;
  g_autoptr(JxChange) change = NULL;

  g_return_val_if_fail (JX_IS_CHANGE_LIST (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  selected = gtk_single_selection_get_selected (self->selection);
  if (n == 0)
    return FALSE;
  if (selected == GTK_INVALID_LIST_POSITION)
    next = delta > 0 ? 0 : n - 1;
  else if ((delta < 0 && selected == 0) || (delta > 0 && selected + 1 >= n))
    return FALSE;
  else
    next = delta > 0 ? selected + 1 : selected - 1;
  jx_change_list_select (self, next);
  change = g_list_model_get_item (G_LIST_MODEL (self->selection), next);
  g_signal_emit (self, signals[CHANGE_ACTIVATED], 0, change);
  return TRUE;
}
