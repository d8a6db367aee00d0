/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-form.h"
#include "jx-form-layout.h"
#include "jx-overviews-form.h"
#include "jx-text-area.h"
#include "jx-widget-util.h"

/* The three texts of an entry, in print order: project property, member
 * of the file, and what the form calls it. */
static const struct
{
  const char *property;
  const char *member;
  const char *label;
  const char *hint;
} fields[] = {
  { "overview-description", "description", NC_("part one", "Description"),
    N_("What the project does and for whom, printed under its name") },
  { "overview-goal", "goal", NC_("part one", "Performance goal:"),
    N_("The goal in a sentence, printed after “绩效目标：”") },
  { "overview-indicator-summary", "indicator_summary", NC_("part one", "Performance indicators:"),
    N_("The main indicators and their values, printed after “绩效指标：”") },
};

#define N_FIELDS G_N_ELEMENTS (fields)

struct _JxOverviewsForm
{
  GtkWidget parent_instance;

  JxDocument *document;
  GtkWidget *list_view;
  GtkNoSelection *selection;
  GHashTable *rows;        /* row widget → Entry (owned) */
  GPtrArray *bound;        /* the Entries bound to a project */
  guint focus_tick;        /* while a field is being gone to */
};

static void jx_overviews_form_form_init (JxFormInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JxOverviewsForm, jx_overviews_form, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (JX_TYPE_FORM, jx_overviews_form_form_init))

/* One project's entry on screen. */
typedef struct
{
  JxOverviewsForm *form;
  GtkListItem *item;
  GtkWidget *title;
  GtkWidget *views[N_FIELDS];
  JxProject *project;      /* while bound */
  GBinding *bindings[N_FIELDS];   /* references */
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry);
}

/* "3. 人大代表活动经费", numbered as Part 2 numbers the tables. */
static void
show_title (Entry *entry)
{
  g_autofree char *title = NULL;

  if (entry->project == NULL)
    return;
  title = g_strdup_printf ("%u. %s", gtk_list_item_get_position (entry->item) + 1,
                           jx_project_get_shown_name (entry->project));
  gtk_label_set_text (GTK_LABEL (entry->title), title);
}

static void
open_project_cb (GtkWidget *button,
                 Entry     *entry)
{
  g_autofree char *path = NULL;

  if (entry->project == NULL)
    return;
  path = g_strdup_printf ("projects[%u]", gtk_list_item_get_position (entry->item));
  gtk_widget_activate_action (button, "win.focus-path", "s", path);
}

static GtkWidget *
entry_head (Entry *entry)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *button = gtk_button_new_with_label (_("Open Project Table"));

  entry->title = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0, "hexpand", TRUE, "wrap", TRUE,
                               "wrap-mode", PANGO_WRAP_WORD_CHAR,
                               "css-classes", (const char *[]) { "heading", NULL }, NULL);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, "open-project");
  jx_widget_set_tooltip (button, _("The project’s table in part two"));
  g_signal_connect (button, "clicked", G_CALLBACK (open_project_cb), entry);
  gtk_box_append (GTK_BOX (box), entry->title);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          JxOverviewsForm          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  Entry *entry = g_new0 (Entry, 1);

  entry->form = self;
  entry->item = item;
  gtk_box_append (GTK_BOX (box), entry_head (entry));
  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *name = g_dpgettext2 (NULL, "part one", fields[i].label);
      GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", name, "xalign", 0.0,
                                       "css-classes", (const char *[]) { "dim-label", NULL }, NULL);
      GtkWidget *area = jx_text_area_new_framed (&entry->views[i], 2);

      gtk_widget_set_name (entry->views[i], fields[i].member);
      jx_widget_set_name (entry->views[i], name);
      jx_text_area_set_placeholder (JX_TEXT_AREA (entry->views[i]), _(fields[i].hint));
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), area);
    }
  g_object_set (box, "margin-top", 12, "margin-bottom", 18, "margin-start", 24, "margin-end", 24, NULL);
  g_hash_table_insert (self->rows, box, entry);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  /* Projects moved or added before it renumber it. */
  g_signal_connect_swapped (item, "notify::position", G_CALLBACK (show_title), entry);
}

static void
unbind_entry (Entry *entry)
{
  if (entry->project == NULL)
    return;
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_binding_unbind (entry->bindings[i]);
      g_clear_object (&entry->bindings[i]);
    }
  g_signal_handlers_disconnect_by_data (entry->project, entry);
  g_ptr_array_remove_fast (entry->form->bound, entry);
  entry->project = NULL;
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         JxOverviewsForm          *self)
{
  Entry *entry = g_hash_table_lookup (self->rows, gtk_list_item_get_child (item));

  unbind_entry (entry);
  entry->project = gtk_list_item_get_item (item);
  for (guint i = 0; i < N_FIELDS; i++)
    entry->bindings[i] =
      g_object_ref (g_object_bind_property (entry->project, fields[i].property,
                                            gtk_text_view_get_buffer (GTK_TEXT_VIEW (entry->views[i])),
                                            "text", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
  g_signal_connect_swapped (entry->project, "notify::name", G_CALLBACK (show_title), entry);
  g_ptr_array_add (self->bound, entry);
  show_title (entry);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           JxOverviewsForm          *self)
{
  unbind_entry (g_hash_table_lookup (self->rows, gtk_list_item_get_child (item)));
}

static void
teardown_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             JxOverviewsForm          *self)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  Entry *entry = g_hash_table_lookup (self->rows, child);

  if (entry != NULL)
    {
      unbind_entry (entry);
      g_signal_handlers_disconnect_by_data (item, entry);
      g_hash_table_remove (self->rows, child);
    }
}

static GtkWidget *
build_intro (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *hint = gtk_label_new (_("Each project’s entry in part one, in the order they print. "
                                     "A project whose three texts are empty is left out."));

  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), jx_form_heading_new (_("Per-project goals")));
  gtk_box_append (GTK_BOX (box), hint);
  g_object_set (box, "margin-top", 6, "margin-bottom", 12, "margin-start", 24, "margin-end", 24, NULL);
  return box;
}

static void
jx_overviews_form_dispose (GObject *object)
{
  JxOverviewsForm *self = JX_OVERVIEWS_FORM (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (jx_overviews_form_parent_class)->dispose (object);
}

static void
jx_overviews_form_finalize (GObject *object)
{
  JxOverviewsForm *self = JX_OVERVIEWS_FORM (object);

  g_hash_table_unref (self->rows);
  g_ptr_array_unref (self->bound);
  G_OBJECT_CLASS (jx_overviews_form_parent_class)->finalize (object);
}

static void
jx_overviews_form_class_init (JxOverviewsFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_overviews_form_dispose;
  object_class->finalize = jx_overviews_form_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
jx_overviews_form_init (JxOverviewsForm *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  self->rows = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) entry_free);
  self->bound = g_ptr_array_new ();
  self->selection = gtk_no_selection_new (NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_cb), self);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory);
  gtk_list_view_set_show_separators (GTK_LIST_VIEW (self->list_view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Per-project goals"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->list_view);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_set_hexpand (scroller, TRUE);
  gtk_widget_set_parent (build_intro (), GTK_WIDGET (self));
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));
}

GtkWidget *
jx_overviews_form_new (void)
{
  return g_object_new (JX_TYPE_OVERVIEWS_FORM, NULL);
}

/* Going to a place. The entry is built once the list has scrolled to it,
 * which may take a frame. */

typedef struct
{
  JxOverviewsForm *form;   /* a reference */
  guint position;
  guint field;
  guint tries;             /* frames left */
  guint held;              /* frames the focus has stayed */
  gboolean focused;
} Pending;

static Entry *
entry_at (JxOverviewsForm *self,
          guint            position)
{
  for (guint i = 0; i < self->bound->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->bound, i);

      if (gtk_list_item_get_position (entry->item) == position)
        return entry;
    }
  return NULL;
}

static gboolean
focus_entry (JxOverviewsForm *self,
             guint            position,
             guint            field)
{
  Entry *entry = entry_at (self, position);

  /* The list scrolls to the row that takes the focus (a scrolling of our
   * own would fight the list's). */
  return entry != NULL && gtk_widget_get_mapped (entry->views[field]) &&
         gtk_widget_grab_focus (entry->views[field]);
}

/* The list may still build and recycle its rows for a frame or two after
 * the page first shows: an entry focused at once can be handed another
 * project, leaving the focus on the list itself. So the focus is put
 * back until it has stayed in the field through a frame (unless the
 * clerk has moved it elsewhere meanwhile). */
static gboolean
focus_later_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  Pending *pending = data;
  JxOverviewsForm *self = pending->form;
  Entry *entry = entry_at (self, pending->position);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (--pending->tries == 0)
    return G_SOURCE_REMOVE;
  if (entry != NULL && focus == entry->views[pending->field] &&
      gtk_widget_get_mapped (entry->views[pending->field]))
    return ++pending->held >= 3 ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
  pending->held = 0;
  if (focus != NULL && focus != self->list_view && !gtk_widget_is_ancestor (focus, self->list_view))
    {
      /* Elsewhere by the clerk's doing, or the first frame of the page. */
      if (pending->focused)
        return G_SOURCE_REMOVE;
    }
  /* Not built, or kept for the focus but out of sight. */
  if (entry == NULL || !gtk_widget_get_mapped (entry->views[pending->field]))
    {
      gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", pending->position);
      return G_SOURCE_CONTINUE;
    }
  pending->focused = focus_entry (self, pending->position, pending->field) || pending->focused;
  return G_SOURCE_CONTINUE;
}

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  pending->form->focus_tick = 0;
  g_object_unref (pending->form);
  g_free (pending);
}

static void
go_to (JxOverviewsForm *self,
       guint            position,
       guint            field)
{
  Pending *pending;

  /* The last place asked for wins. */
  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (self->list_view, self->focus_tick);
  pending = g_new0 (Pending, 1);
  pending->form = g_object_ref (self);
  pending->position = position;
  pending->field = field;
  pending->tries = 60;
  pending->focused = focus_entry (self, position, field);
  self->focus_tick = gtk_widget_add_tick_callback (self->list_view, focus_later_cb, pending, pending_free);
}

/* "projects[N].overview", "projects[N].overview.goal". */
static gboolean
focus_place (JxForm             *form,
             const JxMemberPath *place)
{
  JxOverviewsForm *self = JX_OVERVIEWS_FORM (form);
  int project = jx_member_path_get_project (place);
  guint field = 0;

  if (self->document == NULL || project < 0 || jx_member_path_get_length (place) < 2 ||
      !g_str_equal (jx_member_path_get_member (place, 1), "overview") ||
      (guint) project >= g_list_model_get_n_items (jx_document_get_projects (self->document)))
    return FALSE;
  if (jx_member_path_get_length (place) > 2)
    for (guint i = 0; i < N_FIELDS; i++)
      if (g_str_equal (jx_member_path_get_member (place, 2), fields[i].member))
        field = i;
  go_to (self, (guint) project, field);
  return TRUE;
}

static void
set_document (JxForm     *form,
              JxDocument *document)
{
  JxOverviewsForm *self = JX_OVERVIEWS_FORM (form);

  g_set_object (&self->document, document);
  gtk_no_selection_set_model (self->selection,
                              document != NULL ? jx_document_get_projects (document) : NULL);
}

static void
jx_overviews_form_form_init (JxFormInterface *iface)
{
  iface->set_document = set_document;
  iface->focus_place = focus_place;
}
