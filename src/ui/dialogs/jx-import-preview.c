/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-import-preview.h"
#include "jx-widget-util.h"

/* ---- One line of the list ---- */

typedef enum
{
  ITEM_PROJECT,
  ITEM_ROW,
  ITEM_SKIPPED_GROUP,
  ITEM_SKIPPED,
} ItemKind;

#define JX_TYPE_PREVIEW_ITEM (jx_preview_item_get_type ())
G_DECLARE_FINAL_TYPE (JxPreviewItem, jx_preview_item, JX, PREVIEW_ITEM, GObject)

struct _JxPreviewItem
{
  GObject parent_instance;

  ItemKind kind;
  char *title;     /* the project, the 三级指标, or the place of a row left out */
  char *change;    /* what happens to it */
  char *note;      /* where it is or why */
  GListStore *children;
};

G_DEFINE_FINAL_TYPE (JxPreviewItem, jx_preview_item, G_TYPE_OBJECT)

static void
jx_preview_item_finalize (GObject *object)
{
  JxPreviewItem *self = JX_PREVIEW_ITEM (object);

  g_free (self->title);
  g_free (self->change);
  g_free (self->note);
  g_clear_object (&self->children);
  G_OBJECT_CLASS (jx_preview_item_parent_class)->finalize (object);
}

static void
jx_preview_item_class_init (JxPreviewItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jx_preview_item_finalize;
}

static void
jx_preview_item_init (JxPreviewItem *self)
{
}

static JxPreviewItem *
item_new (ItemKind    kind,
          const char *title,
          char       *change,
          char       *note)
{
  JxPreviewItem *item = g_object_new (JX_TYPE_PREVIEW_ITEM, NULL);

  item->kind = kind;
  item->title = g_strdup (title);
  item->change = change;
  item->note = note;
  if (kind == ITEM_PROJECT || kind == ITEM_SKIPPED_GROUP)
    item->children = g_list_store_new (JX_TYPE_PREVIEW_ITEM);
  return item;
}

/* ---- The dialog ---- */

struct _JxImportPreview
{
  GtkWindow parent_instance;

  JxImportPlan *plan;
  GtkTreeListModel *tree;
  GtkLabel *summary;
  GtkWidget *import_button;
  gboolean done;
};

enum { SIGNAL_APPLIED, SIGNAL_OPEN_AS_NEW, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JxImportPreview, jx_import_preview, GTK_TYPE_WINDOW)

static const char *
action_words (JxImportRowAction action)
{
  switch (action)
    {
    case JX_IMPORT_ROW_ADD: return _("Add");
    case JX_IMPORT_ROW_REPLACE: return _("Replace");
    case JX_IMPORT_ROW_SAME:
    default: return _("Already the same");
    }
}

static char *
project_change (JxImportPlan *plan,
                guint         project)
{
  guint counts[3] = { 0, 0, 0 };
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint row = 0; row < jx_import_plan_get_n_rows (plan, project); row++)
    counts[jx_import_plan_get_row_action (plan, project, row)]++;
  if (counts[JX_IMPORT_ROW_ADD] > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("add %u"), counts[JX_IMPORT_ROW_ADD]));
  if (counts[JX_IMPORT_ROW_REPLACE] > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("replace %u"), counts[JX_IMPORT_ROW_REPLACE]));
  if (counts[JX_IMPORT_ROW_SAME] > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("same %u"), counts[JX_IMPORT_ROW_SAME]));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static JxPreviewItem *
project_item (JxImportPlan *plan,
              guint         project)
{
  const char *code = jx_import_plan_get_project_code (plan, project);
  const char *name = jx_import_plan_get_project_name (plan, project);
  const char *match = jx_import_match_describe (jx_import_plan_get_project_match (plan, project));
  JxPreviewItem *item;

  item = item_new (ITEM_PROJECT, name[0] != '\0' ? name : code, project_change (plan, project),
                   code[0] != '\0' && name[0] != '\0' ? g_strdup_printf ("%s · %s", code, match)
                                                      : g_strdup (match));
  for (guint row = 0; row < jx_import_plan_get_n_rows (plan, project); row++)
    {
      g_autofree char *what = jx_import_plan_describe_row (plan, project, row);
      const char *place = jx_import_plan_get_row_place (plan, project, row);
      g_autoptr(JxPreviewItem) child =
        item_new (ITEM_ROW, jx_import_plan_get_row_name (plan, project, row),
                  g_strdup (action_words (jx_import_plan_get_row_action (plan, project, row))),
                  what[0] != '\0' ? g_strdup_printf ("%s\n%s", place, what) : g_strdup (place));

      g_list_store_append (item->children, child);
    }
  return item;
}

static JxPreviewItem *
skipped_item (JxImportReport *skipped)
{
  guint n = jx_import_report_get_n_notes (skipped);
  JxPreviewItem *item = item_new (ITEM_SKIPPED_GROUP, _("Rows left out"),
                                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", n), n),
                                  g_strdup (_("They stay as they are in the file; the document does not get them.")));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxPreviewItem) child =
        item_new (ITEM_SKIPPED, jx_import_report_get_place (skipped, i), g_strdup (_("Left out")),
                  g_strdup (jx_import_report_get_text (skipped, i)));

      g_list_store_append (item->children, child);
    }
  return item;
}

static GListModel *
children_cb (gpointer item,
             gpointer user_data)
{
  JxPreviewItem *self = item;

  return self->children != NULL ? g_object_ref (G_LIST_MODEL (self->children)) : NULL;
}

static GtkTreeListModel *
make_tree (JxImportPlan *plan)
{
  GListStore *root = g_list_store_new (JX_TYPE_PREVIEW_ITEM);
  JxImportReport *skipped = jx_import_plan_get_skipped (plan);

  for (guint project = 0; project < jx_import_plan_get_n_projects (plan); project++)
    {
      g_autoptr(JxPreviewItem) item = project_item (plan, project);

      g_list_store_append (root, item);
    }
  if (jx_import_report_get_n_notes (skipped) > 0)
    {
      g_autoptr(JxPreviewItem) item = skipped_item (skipped);

      g_list_store_append (root, item);
    }
  /* Open: the clerk reads the rows without opening each project. */
  return gtk_tree_list_model_new (G_LIST_MODEL (root), FALSE, TRUE, children_cb, NULL, NULL);
}

/* ---- The columns ---- */

typedef enum { COLUMN_TITLE, COLUMN_CHANGE, COLUMN_NOTE } Column;

static JxPreviewItem *
item_of (GtkListItem *list_item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);

  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

/* Wrapped: the project names, places and reasons are long. */
static GtkWidget *
make_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Asks for the whole line and wraps only what the column cannot hold
   * (by default a wrapped label asks for a few words' width). */
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_NONE);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  data)
{
  Column column = GPOINTER_TO_INT (data);

  if (column == COLUMN_TITLE)
    {
      GtkWidget *expander = gtk_tree_expander_new ();

      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), make_label ());
      gtk_list_item_set_child (list_item, expander);
    }
  else
    gtk_list_item_set_child (list_item, make_label ());
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  data)
{
  Column column = GPOINTER_TO_INT (data);
  g_autoptr(JxPreviewItem) item = item_of (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GtkWidget *label = child;
  gboolean group = item->kind == ITEM_PROJECT || item->kind == ITEM_SKIPPED_GROUP;

  if (column == COLUMN_TITLE)
    {
      gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (child), gtk_list_item_get_item (list_item));
      label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (child));
    }
  gtk_label_set_text (GTK_LABEL (label), column == COLUMN_TITLE ? item->title
                                         : column == COLUMN_CHANGE ? item->change : item->note);
  if (group && column != COLUMN_NOTE)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
  if (column == COLUMN_NOTE || (column == COLUMN_TITLE && item->kind == ITEM_SKIPPED))
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
add_column (GtkColumnView *view,
            Column         column,
            const char    *title,
            int            width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (col, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (col, width);
  else
    gtk_column_view_column_set_expand (col, TRUE);
  gtk_column_view_append_column (view, col);
  g_object_unref (col);
}

static GtkWidget *
make_list (JxImportPreview *self)
{
  GtkNoSelection *selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->tree)));
  GtkWidget *view = gtk_column_view_new (GTK_SELECTION_MODEL (selection));
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_widget_set_name (view, "import-preview-list");
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  /* Fixed widths for the names and changes: wrapped labels sharing the
   * free width would shrink to a word each. */
  add_column (GTK_COLUMN_VIEW (view), COLUMN_TITLE, _("Project / Indicator"), 250);
  add_column (GTK_COLUMN_VIEW (view), COLUMN_CHANGE, _("Change"), 180);
  add_column (GTK_COLUMN_VIEW (view), COLUMN_NOTE, _("Place in the file, and what changes or why not"), 0);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

/* ---- What it says ---- */

/* Sentences one after the other, as the language writes them. */
static void
add_sentence (GString    *text,
              const char *sentence)
{
  if (text->len == 0)
    g_string_append (text, sentence);
  else
    {
      g_autofree char *joined = NULL;

      /* TRANSLATORS: two sentences, one after the other */
      joined = g_strdup_printf (_("%s %s"), text->str, sentence);
      g_string_assign (text, joined);
    }
}

static char *
summary_text (JxImportPlan *plan,
              gboolean     *anything)
{
  guint n_projects = jx_import_plan_get_n_projects (plan);
  guint n_skipped = jx_import_report_get_n_notes (jx_import_plan_get_skipped (plan));
  guint added, replaced, same;
  GString *text = g_string_new (NULL);

  jx_import_plan_count (plan, &added, &replaced, &same);
  *anything = added + replaced > 0;
  if (n_projects > 0)
    {
      g_autofree char *projects = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
        "The rows belong to %u project.", "The rows belong to %u projects.", n_projects), n_projects);
      g_autofree char *rows = g_strdup_printf (_("Indicators to add: %u; to replace: %u; already the same: %u."),
                                               added, replaced, same);

      add_sentence (text, projects);
      add_sentence (text, rows);
    }
  if (n_skipped > 0)
    {
      g_autofree char *left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
        /* TRANSLATORS: what could not be placed may be rows or whole sheets */
        "%u entry could not be placed: it is listed last, with the reason.",
        "%u entries could not be placed: they are listed last, with the reasons.", n_skipped), n_skipped);

      add_sentence (text, left);
    }
  g_string_append (text, "\n");
  if (*anything)
    g_string_append (text, _("The document does not change until you choose Import; one undo "
                             "takes the whole import back."));
  else
    g_string_append (text, _("Importing would change nothing: the document has these rows already."));
  return g_string_free (text, FALSE);
}

static void
copy_clicked_cb (JxImportPreview *self)
{
  g_autofree char *text = jx_import_plan_to_text (self->plan);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

gboolean
jx_import_preview_apply (JxImportPreview *self)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;
  gboolean ok;

  g_return_val_if_fail (JX_IS_IMPORT_PREVIEW (self), FALSE);
  if (self->done)
    return FALSE;
  self->done = TRUE;
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  ok = jx_import_plan_apply (self->plan, &error);
  /* Gone before the window shows what changed, or says why nothing did. */
  g_object_ref (self);
  gtk_window_destroy (GTK_WINDOW (self));
  if (ok)
    g_signal_emit (self, signals[SIGNAL_APPLIED], 0);
  else if (parent != NULL)
    {
      GtkWidget *dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                                  GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s",
                                                  _("Could not import the indicators"));

      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
      gtk_widget_set_name (dialog, "import-apply-error-dialog");
      g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_object_unref (self);
  return ok;
}

void
jx_import_preview_open_as_new (JxImportPreview *self)
{
  g_return_if_fail (JX_IS_IMPORT_PREVIEW (self));
  if (self->done)
    return;
  self->done = TRUE;
  g_object_ref (self);
  gtk_window_destroy (GTK_WINDOW (self));
  g_signal_emit (self, signals[SIGNAL_OPEN_AS_NEW], 0);
  g_object_unref (self);
}

static GtkWidget *
make_buttons (JxImportPreview *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *copy = gtk_button_new_with_mnemonic (_("_Copy List"));
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *as_new = gtk_button_new_with_mnemonic (_("Open as _New Document"));

  self->import_button = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_widget_set_tooltip_text (copy, _("Copy what would change, one project a line"));
  gtk_widget_set_tooltip_text (as_new, _("Leave this document as it is and open the whole file "
                                         "in a new window, as a document of its own"));
  gtk_widget_set_tooltip_text (self->import_button, _("Put the rows into this document"));
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  gtk_widget_set_name (copy, "import-preview-copy");
  gtk_widget_set_name (as_new, "import-preview-as-new");
  gtk_widget_set_name (self->import_button, "import-preview-import");
  gtk_widget_set_hexpand (spacer, TRUE);
  g_signal_connect_swapped (copy, "clicked", G_CALLBACK (copy_clicked_cb), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  g_signal_connect_swapped (as_new, "clicked", G_CALLBACK (jx_import_preview_open_as_new), self);
  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (jx_import_preview_apply), self);
  gtk_box_append (GTK_BOX (box), copy);
  gtk_box_append (GTK_BOX (box), spacer);
  gtk_box_append (GTK_BOX (box), cancel);
  gtk_box_append (GTK_BOX (box), as_new);
  gtk_box_append (GTK_BOX (box), self->import_button);
  return box;
}

static void
build (JxImportPreview *self,
       const char      *file_name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *heading_text =
    g_strdup_printf (_("Import the indicator rows of “%s” into this document?"), file_name);
  GtkWidget *heading = gtk_label_new (heading_text);
  gboolean anything;
  g_autofree char *summary = summary_text (self->plan, &anything);

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (heading), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (heading, "title-4");
  self->summary = GTK_LABEL (gtk_label_new (summary));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_wrap_mode (self->summary, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_name (GTK_WIDGET (self->summary), "import-preview-summary");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (box), make_list (self));
  gtk_box_append (GTK_BOX (box), make_buttons (self));
  gtk_widget_set_sensitive (self->import_button, anything);
  gtk_window_set_child (GTK_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), anything ? self->import_button : NULL);
}

static void
jx_import_preview_dispose (GObject *object)
{
  JxImportPreview *self = JX_IMPORT_PREVIEW (object);

  g_clear_object (&self->tree);
  G_OBJECT_CLASS (jx_import_preview_parent_class)->dispose (object);
}

static void
jx_import_preview_finalize (GObject *object)
{
  JxImportPreview *self = JX_IMPORT_PREVIEW (object);

  g_clear_pointer (&self->plan, jx_import_plan_unref);
  G_OBJECT_CLASS (jx_import_preview_parent_class)->finalize (object);
}

static void
jx_import_preview_class_init (JxImportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jx_import_preview_dispose;
  object_class->finalize = jx_import_preview_finalize;
  signals[SIGNAL_APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_OPEN_AS_NEW] = g_signal_new ("open-as-new", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jx_import_preview_init (JxImportPreview *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Import Indicators"));
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 600);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_widget_set_name (GTK_WIDGET (self), "import-preview");
  gtk_widget_add_controller (GTK_WIDGET (self), jx_widget_close_keys ());
}

JxImportPreview *
jx_import_preview_new (GtkWindow    *parent,
                       JxImportPlan *plan,
                       const char   *file_name)
{
  JxImportPreview *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (plan != NULL && file_name != NULL, NULL);

  self = g_object_new (JX_TYPE_IMPORT_PREVIEW, "transient-for", parent, NULL);
  self->plan = jx_import_plan_ref (plan);
  self->tree = make_tree (plan);
  build (self, file_name);
  return self;
}

JxImportPreview *
jx_import_preview_find (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (JX_IS_IMPORT_PREVIEW (window) && gtk_window_get_transient_for (window) == parent)
        return JX_IMPORT_PREVIEW (window);
    }
  return NULL;
}

JxImportPlan *
jx_import_preview_get_plan (JxImportPreview *self)
{
  g_return_val_if_fail (JX_IS_IMPORT_PREVIEW (self), NULL);
  return self->plan;
}

GListModel *
jx_import_preview_get_rows (JxImportPreview *self)
{
  g_return_val_if_fail (JX_IS_IMPORT_PREVIEW (self), NULL);
  return G_LIST_MODEL (self->tree);
}
