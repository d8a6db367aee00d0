/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-font-watch.h"
#include "jx-widget-util.h"
#include "jx-page-fonts.h"
#include "jx-preferences-window.h"

#define SAMPLE_TEXT "2024年部门预算绩效文本　一、总体绩效目标"

typedef struct
{
  const char *key;
  JxFontRole role;
  const char *title;
} FontRow;

static const FontRow font_rows[] = {
  { "font-title", JX_FONT_TITLE, N_("Titles") },
  { "font-heading", JX_FONT_HEADING, N_("Headings") },
  { "font-body", JX_FONT_BODY, N_("Body text") },
  { "font-table", JX_FONT_TABLE, N_("Tables") },
  { "font-folio", JX_FONT_FOLIO, N_("Page numbers") },
};

/* One role's widgets: the families to choose from (the built-in list
 * first), a sample in the font that prints, and which font that is. */
typedef struct
{
  GSettings *settings;
  const FontRow *row;
  GtkDropDown *choice;
  GtkStringList *families;
  GtkWidget *sample;
  GtkWidget *status_icon;
  GtkWidget *status;
} FontWidgets;

static void
font_widgets_free_closure (gpointer  data,
                           GClosure *closure)
{
  FontWidgets *w = data;

  g_object_unref (w->settings);
  g_free (w);
}

/* ---- One role ---- */

/* The choices: the built-in list, the family chosen (even if it is gone)
 * and every installed family that prints Chinese. Returns the position of
 * the chosen one. */
static guint
fill_families (FontWidgets *w,
               const char  *chosen)
{
  g_auto(GStrv) installed = jx_fonts_list_chinese ();
  g_autoptr(GStrvBuilder) items = g_strv_builder_new ();
  g_auto(GStrv) all = NULL;
  guint position = 0;
  guint n = 1;

  g_strv_builder_add (items, _("Built-in list"));
  if (chosen[0] != '\0' && !g_strv_contains ((const char * const *) installed, chosen))
    {
      g_strv_builder_add (items, chosen);
      position = n++;
    }
  for (guint i = 0; installed[i] != NULL; i++, n++)
    {
      g_strv_builder_add (items, installed[i]);
      if (g_str_equal (installed[i], chosen))
        position = n;
    }
  all = g_strv_builder_end (items);
  gtk_string_list_splice (w->families, 0, g_list_model_get_n_items (G_LIST_MODEL (w->families)),
                          (const char * const *) all);
  return position;
}

/* The font that prints, in words a clerk acts on: a missing office font
 * stands out, with what prints instead. */
static void
show_status (FontWidgets  *w,
             PangoContext *context)
{
  g_autofree char *stand_in = jx_font_role_get_stand_in (context, w->row->role);
  g_autofree char *family = jx_font_role_resolve (context, w->row->role);
  g_autofree char *text = NULL;

  if (stand_in != NULL)
    /* TRANSLATORS: "仿宋_GB2312 is not installed: Noto Serif CJK SC prints instead" */
    text = g_strdup_printf (_("%s is not installed: %s prints instead"),
                            jx_font_role_get_office_family (w->row->role),
                            stand_in[0] != '\0' ? stand_in : _("no Chinese font found"));
  else
    text = g_strdup_printf (_("Printed with: %s"), family[0] != '\0' ? family : _("no Chinese font found"));
  gtk_label_set_text (GTK_LABEL (w->status), text);
  gtk_widget_set_visible (w->status_icon, stand_in != NULL);
  if (stand_in != NULL)
    {
      gtk_widget_remove_css_class (w->status, "dim-label");
      gtk_widget_add_css_class (w->status, "warning");
    }
  else
    {
      gtk_widget_remove_css_class (w->status, "warning");
      gtk_widget_add_css_class (w->status, "dim-label");
    }
}

static void
show_sample (FontWidgets  *w,
             PangoContext *context)
{
  g_autoptr(PangoFontDescription) desc = jx_font_role_description (context, w->row->role, FALSE);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_font_description_set_size (desc, 15 * PANGO_SCALE);
  pango_attr_list_insert (attrs, pango_attr_font_desc_new (desc));
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  gtk_label_set_attributes (GTK_LABEL (w->sample), attrs);
  pango_attr_list_unref (attrs);
}

static void choice_changed_cb (GtkDropDown *choice, GParamSpec *pspec, FontWidgets *w);

static void
refresh_row (FontWidgets *w)
{
  PangoContext *context = jx_page_context_new ();
  g_autofree char *chosen = g_settings_get_string (w->settings, w->row->key);
  guint position;

  g_signal_handlers_block_by_func (w->choice, choice_changed_cb, w);
  position = fill_families (w, chosen);
  gtk_drop_down_set_selected (w->choice, position);
  g_signal_handlers_unblock_by_func (w->choice, choice_changed_cb, w);
  show_sample (w, context);
  show_status (w, context);
  g_object_unref (context);
}

static void
choice_changed_cb (GtkDropDown *choice,
                   GParamSpec  *pspec,
                   FontWidgets *w)
{
  guint position = gtk_drop_down_get_selected (choice);
  const char *family = gtk_string_list_get_string (w->families, position);

  if (position == 0 || family == NULL)
    g_settings_reset (w->settings, w->row->key);
  else
    g_settings_set_string (w->settings, w->row->key, family);
}

static void
setting_changed_cb (GSettings   *settings,
                    const char  *key,
                    FontWidgets *w)
{
  refresh_row (w);
}

static GtkWidget *
status_box (FontWidgets *w)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  w->status_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (w->status_icon, "warning");
  gtk_widget_set_valign (w->status_icon, GTK_ALIGN_START);
  w->status = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (w->status), 0);
  gtk_label_set_wrap (GTK_LABEL (w->status), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (w->status), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (w->status), TRUE);
  gtk_widget_set_hexpand (w->status, TRUE);
  gtk_box_append (GTK_BOX (box), w->status_icon);
  gtk_box_append (GTK_BOX (box), w->status);
  return box;
}

static void
add_font_row (GtkGrid *grid, int y, GSettings *settings, const FontRow *row)
{
  FontWidgets *w = g_new0 (FontWidgets, 1);
  GtkWidget *title = gtk_label_new (_(row->title));
  GClosure *closure;
  g_autofree char *signal = g_strconcat ("changed::", row->key, NULL);

  w->settings = g_object_ref (settings);
  w->row = row;
  w->families = gtk_string_list_new (NULL);
  /* The expression lets the clerk type part of a name to find it. */
  w->choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (w->families),
                                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT,
                                                                             NULL, "string")));
  w->sample = gtk_label_new (SAMPLE_TEXT);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_hexpand (GTK_WIDGET (w->choice), TRUE);
  gtk_drop_down_set_enable_search (w->choice, TRUE);
  gtk_widget_set_name (GTK_WIDGET (w->choice), row->key);
  jx_widget_set_name (GTK_WIDGET (w->choice), _(row->title));
  gtk_widget_set_tooltip_text (GTK_WIDGET (w->choice),
                               _("The built-in list uses the office font when it is installed, else a free font"));
  gtk_label_set_xalign (GTK_LABEL (w->sample), 0);
  gtk_label_set_ellipsize (GTK_LABEL (w->sample), PANGO_ELLIPSIZE_END);

  gtk_grid_attach (grid, title, 0, y, 1, 1);
  gtk_grid_attach (grid, GTK_WIDGET (w->choice), 1, y, 1, 1);
  gtk_grid_attach (grid, w->sample, 1, y + 1, 1, 1);
  gtk_grid_attach (grid, status_box (w), 1, y + 2, 1, 1);

  /* The row's widgets go with its drop-down. */
  g_signal_connect_data (w->choice, "notify::selected", G_CALLBACK (choice_changed_cb), w,
                         font_widgets_free_closure, 0);
  /* Follows the key and the installed fonts for as long as it lives. */
  closure = g_cclosure_new (G_CALLBACK (setting_changed_cb), w, NULL);
  g_object_watch_closure (G_OBJECT (w->choice), closure);
  g_signal_connect_closure (settings, signal, closure, FALSE);
  closure = g_cclosure_new_swap (G_CALLBACK (refresh_row), w, NULL);
  g_object_watch_closure (G_OBJECT (w->choice), closure);
  g_signal_connect_closure (jx_font_watch_get_default (), "changed", closure, FALSE);
  refresh_row (w);
}

/* ---- Adding a font file ---- */

static void
show_added (GtkLabel     *result,
            const char   *path,
            GStrv         families,
            const GError *error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *list = families != NULL ? g_strjoinv ("、", families) : NULL;
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (result), error != NULL ? "success" : "error");
  gtk_widget_add_css_class (GTK_WIDGET (result), error != NULL ? "error" : "success");
  if (error != NULL)
    text = g_strdup (error->message);
  else
    /* TRANSLATORS: the file, then the families it holds */
    text = g_strdup_printf (_("“%s” is installed for you: %s. The printout uses it at once; choose "
                              "it for a role above if it is not an office font."), name, list);
  gtk_label_set_text (result, text);
  gtk_widget_set_visible (GTK_WIDGET (result), TRUE);
}

static void
font_file_chosen_cb (GtkNativeDialog *dialog,
                     int              response,
                     GWeakRef        *window_ref)
{
  g_autoptr(GtkWindow) window = g_weak_ref_get (window_ref);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (window != NULL && file != NULL && (path = g_file_get_path (file)) != NULL)
    jx_preferences_window_add_font_file (window, path);
}

static void
weak_ref_free (gpointer  data,
               GClosure *closure)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
add_font_clicked_cb (GtkButton *button,
                     gpointer   data)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  GWeakRef *window_ref = g_new0 (GWeakRef, 1);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Add a Font File"), window, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("Font files (TrueType, OpenType)"));
  gtk_file_filter_add_suffix (filter, "ttf");
  gtk_file_filter_add_suffix (filter, "otf");
  gtk_file_filter_add_suffix (filter, "ttc");
  gtk_file_filter_add_suffix (filter, "otc");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_weak_ref_init (window_ref, window);
  g_signal_connect_data (dialog, "response", G_CALLBACK (font_file_chosen_cb), window_ref,
                         weak_ref_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static GtkWidget *
add_font_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *hint = gtk_label_new (_("A font file brought from another computer, such as "
                                     "仿宋_GB2312.ttf, is installed for you alone and used at once."));
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Font File…"));
  GtkWidget *result = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_set_hexpand (hint, TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, "add-font-button");
  gtk_widget_set_name (result, "add-font-result");
  gtk_label_set_wrap (GTK_LABEL (result), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (result), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (result), 0);
  gtk_label_set_selectable (GTK_LABEL (result), TRUE);
  gtk_widget_set_visible (result, FALSE);
  g_signal_connect (button, "clicked", G_CALLBACK (add_font_clicked_cb), NULL);
  gtk_box_append (GTK_BOX (row), hint);
  gtk_box_append (GTK_BOX (row), button);
  gtk_box_append (GTK_BOX (box), row);
  gtk_box_append (GTK_BOX (box), result);
  return box;
}

/* ---- The window ---- */

static GtkWidget *
section_title (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-4");
  return label;
}

static GtkWidget *
drafts_box (GSettings *settings)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("Keep unsaved changes as a draft after (_seconds)"));
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 300, 1);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  g_settings_bind (settings, "autosave-delay", spin, "value", G_SETTINGS_BIND_DEFAULT);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), spin);
  return box;
}

static GtkWidget *
fonts_grid (GSettings *settings)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint i = 0; i < G_N_ELEMENTS (font_rows); i++)
    {
      add_font_row (GTK_GRID (grid), (int) i * 4, settings, &font_rows[i]);
      if (i + 1 < G_N_ELEMENTS (font_rows))
        gtk_grid_attach (GTK_GRID (grid), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, (int) i * 4 + 3, 2, 1);
    }
  return grid;
}

GtkWindow *
jx_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *note = gtk_label_new (_("The printout and the PDF use these families. The built-in "
                                     "lists start with the fonts of government offices and end "
                                     "with a free font, so documents print on any machine."));

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  gtk_window_set_title (GTK_WINDOW (window), _("Preferences"));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 640);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  /* Escape and Ctrl+W close it: it is not one of the application's
   * windows, so the application's Ctrl+W does not reach it. */
  gtk_widget_add_controller (GTK_WIDGET (window), jx_widget_close_keys ());
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (note), 0);

  gtk_box_append (GTK_BOX (box), section_title (_("Printed Fonts")));
  gtk_box_append (GTK_BOX (box), note);
  gtk_box_append (GTK_BOX (box), fonts_grid (settings));
  gtk_box_append (GTK_BOX (box), add_font_box ());
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), section_title (_("Drafts")));
  gtk_box_append (GTK_BOX (box), drafts_box (settings));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  return GTK_WINDOW (window);
}

gboolean
jx_preferences_window_add_font_file (GtkWindow  *window,
                                     const char *path)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) families = NULL;
  GtkWidget *result;

  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  result = jx_widget_find_named (GTK_WIDGET (window), "add-font-result");
  g_return_val_if_fail (GTK_IS_LABEL (result), FALSE);
  families = jx_font_watch_install_file (jx_font_watch_get_default (), path, &error);
  show_added (GTK_LABEL (result), path, families, error);
  return families != NULL;
}
