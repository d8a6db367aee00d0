/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-font-watch.h"
#include "jx-page-fonts.h"
#include "jx-settings.h"

GSettings *
jx_settings_get (void)
{
  static GSettings *settings;
  static gboolean looked;

  if (!looked)
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema =
        source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

      looked = TRUE;
      if (schema != NULL)
        settings = g_settings_new_full (schema, NULL, NULL);
      else
        g_message ("Settings schema %s is not installed: using the defaults", APP_ID);
    }
  return settings;
}

static const struct
{
  const char *key;
  JxFontRole roles[2];
  guint n_roles;
} font_keys[] = {
  { "font-title", { JX_FONT_TITLE }, 1 },
  { "font-heading", { JX_FONT_HEADING }, 1 },
  { "font-body", { JX_FONT_BODY }, 1 },
  { "font-table", { JX_FONT_TABLE, JX_FONT_NARROW }, 2 },
  { "font-folio", { JX_FONT_FOLIO }, 1 },
};

static void
font_changed_cb (GSettings  *settings,
                 const char *key,
                 gpointer    user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (font_keys); i++)
    if (g_strcmp0 (key, font_keys[i].key) == 0)
      {
        g_autofree char *family = g_settings_get_string (settings, key);

        for (guint r = 0; r < font_keys[i].n_roles; r++)
          jx_font_role_set_family (font_keys[i].roles[r], family);
        /* The preview, the print dialog and the preferences follow. */
        jx_font_watch_roles_changed (jx_font_watch_get_default ());
      }
}

void
jx_settings_follow_fonts (GSettings *settings)
{
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_signal_connect (settings, "changed", G_CALLBACK (font_changed_cb), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (font_keys); i++)
    font_changed_cb (settings, font_keys[i].key, NULL);
}
