/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

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
};

typedef struct
{
  GSettings *settings;
  const FontRow *row;
  GtkWidget *button;
  GtkWidget *sample;
  GtkWidget *resolved;
  GtkWidget *reset;
} FontWidgets;

static void
font_widgets_free_closure (gpointer  data,
                           GClosure *closure)
{
  FontWidgets *w = data;

  g_object_unref (w->settings);
  g_free (w);
}

static void
refresh_row (FontWidgets *w)
{
  PangoContext *context = jx_page_context_new ();
  g_autoptr(PangoFontDescription) desc = jx_font_role_description (context, w->row->role, FALSE);
  g_autofree char *family = jx_font_role_resolve (context, w->row->role);
  g_autofree char *chosen = g_settings_get_string (w->settings, w->row->key);
  g_autofree char *uses = g_strdup_printf (_("Printed with: %s"), family[0] ? family : _("no Chinese font found"));
  g_autofree char *button_font = g_strdup_printf ("%s 12", chosen[0] ? chosen : family);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_font_description_set_size (desc, 15 * PANGO_SCALE);
  pango_attr_list_insert (attrs, pango_attr_font_desc_new (desc));
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  gtk_label_set_attributes (GTK_LABEL (w->sample), attrs);
  pango_attr_list_unref (attrs);

  gtk_label_set_text (GTK_LABEL (w->resolved), uses);
  g_signal_handlers_block_matched (w->button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, w);
  gtk_font_chooser_set_font (GTK_FONT_CHOOSER (w->button), button_font);
  g_signal_handlers_unblock_matched (w->button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, w);
  gtk_widget_set_sensitive (w->reset, chosen[0] != '\0');
  g_object_unref (context);
}

static void
font_set_cb (GtkFontButton *button,
             FontWidgets   *w)
{
  PangoFontFamily *family = gtk_font_chooser_get_font_family (GTK_FONT_CHOOSER (button));

  if (family != NULL)
    g_settings_set_string (w->settings, w->row->key, pango_font_family_get_name (family));
}

static void
reset_clicked_cb (GtkButton   *button,
                  FontWidgets *w)
{
  g_settings_reset (w->settings, w->row->key);
}

static void
setting_changed_cb (GSettings   *settings,
                    const char  *key,
                    FontWidgets *w)
{
  refresh_row (w);
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
  w->button = gtk_font_button_new ();
  w->sample = gtk_label_new (SAMPLE_TEXT);
  w->resolved = gtk_label_new (NULL);
  w->reset = gtk_button_new_with_mnemonic (_("_Default"));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_font_chooser_set_level (GTK_FONT_CHOOSER (w->button), GTK_FONT_CHOOSER_LEVEL_FAMILY);
  gtk_font_button_set_use_font (GTK_FONT_BUTTON (w->button), TRUE);
  gtk_font_button_set_title (GTK_FONT_BUTTON (w->button), _(row->title));
  gtk_widget_set_hexpand (w->button, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (w->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(row->title), -1);
  gtk_widget_set_tooltip_text (w->reset, _("Use the built-in list: the office font when installed, else a free font"));
  gtk_label_set_xalign (GTK_LABEL (w->sample), 0);
  gtk_label_set_ellipsize (GTK_LABEL (w->sample), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (w->resolved), 0);
  gtk_widget_add_css_class (w->resolved, "dim-label");
  gtk_label_set_selectable (GTK_LABEL (w->resolved), TRUE);

  gtk_grid_attach (grid, title, 0, y, 1, 1);
  gtk_grid_attach (grid, w->button, 1, y, 1, 1);
  gtk_grid_attach (grid, w->reset, 2, y, 1, 1);
  gtk_grid_attach (grid, w->sample, 1, y + 1, 2, 1);
  gtk_grid_attach (grid, w->resolved, 1, y + 2, 2, 1);

  /* The row's widgets go with its button. */
  g_signal_connect_data (w->button, "font-set", G_CALLBACK (font_set_cb), w,
                         font_widgets_free_closure, 0);
  g_signal_connect (w->reset, "clicked", G_CALLBACK (reset_clicked_cb), w);
  /* Follows the key for as long as the button lives. */
  closure = g_cclosure_new (G_CALLBACK (setting_changed_cb), w, NULL);
  g_object_watch_closure (G_OBJECT (w->button), closure);
  g_signal_connect_closure (settings, signal, closure, FALSE);
  refresh_row (w);
}

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

GtkWindow *
jx_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *note = gtk_label_new (_("The printout and the PDF use these families. The built-in "
                                     "lists start with the fonts of government offices and end "
                                     "with a free font, so documents print on any machine."));

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  gtk_window_set_title (GTK_WINDOW (window), _("Preferences"));
  gtk_window_set_default_size (GTK_WINDOW (window), 600, -1);
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
  gtk_widget_add_css_class (note, "dim-label");
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint i = 0; i < G_N_ELEMENTS (font_rows); i++)
    {
      add_font_row (GTK_GRID (grid), (int) i * 4, settings, &font_rows[i]);
      if (i + 1 < G_N_ELEMENTS (font_rows))
        gtk_grid_attach (GTK_GRID (grid), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, (int) i * 4 + 3, 3, 1);
    }

  gtk_box_append (GTK_BOX (box), section_title (_("Printed Fonts")));
  gtk_box_append (GTK_BOX (box), note);
  gtk_box_append (GTK_BOX (box), grid);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), section_title (_("Drafts")));
  gtk_box_append (GTK_BOX (box), drafts_box (settings));
  gtk_window_set_child (GTK_WINDOW (window), box);
  return GTK_WINDOW (window);
}
