/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What printing remembers between runs, in $XDG_CONFIG_HOME/jixiao/print.ini:
 * the printer settings, the page setup and the appendix of charts. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jx-print-settings.h"

static char *
settings_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "jixiao", "print.ini", NULL);
}

void
jx_print_settings_load (GtkPrintSettings **settings,
                        GtkPageSetup     **setup)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = settings_path ();

  *settings = NULL;
  *setup = NULL;
  if (g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    {
      *settings = gtk_print_settings_new_from_key_file (file, NULL, NULL);
      *setup = gtk_page_setup_new_from_key_file (file, NULL, NULL);
    }
  if (*setup == NULL)
    {
      /* The document is laid out for A4 portrait (GB/T 9704). */
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      *setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size (*setup, a4);
    }
}

#define OPTIONS_GROUP "Jixiao"
#define WITH_CHARTS_KEY "WithCharts"

gboolean
jx_print_settings_get_with_charts (void)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = settings_path ();

  return g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL) &&
         g_key_file_get_boolean (file, OPTIONS_GROUP, WITH_CHARTS_KEY, NULL);
}

static void
write_settings (GKeyFile *file)
{
  g_autofree char *path = settings_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  if (!g_key_file_save_to_file (file, path, &error))
    g_warning ("Could not remember the print settings: %s", error->message);
}

void
jx_print_settings_set_with_charts (gboolean with_charts)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = settings_path ();

  /* Keeps the printer and page setup already remembered beside it. */
  g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_COMMENTS, NULL);
  g_key_file_set_boolean (file, OPTIONS_GROUP, WITH_CHARTS_KEY, with_charts);
  write_settings (file);
}

void
jx_print_settings_save (GtkPrintSettings *settings,
                        GtkPageSetup     *setup,
                        gboolean          with_charts)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();

  if (settings != NULL)
    gtk_print_settings_to_key_file (settings, file, NULL);
  if (setup != NULL)
    gtk_page_setup_to_key_file (setup, file, NULL);
  g_key_file_set_boolean (file, OPTIONS_GROUP, WITH_CHARTS_KEY, with_charts);
  write_settings (file);
}
