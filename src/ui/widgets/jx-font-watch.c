/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-font-watch.h"

struct _JxFontWatch
{
  GObject parent_instance;

  JxFontCoverage *coverage;   /* built when first asked for */
};

G_DEFINE_FINAL_TYPE (JxFontWatch, jx_font_watch, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
jx_font_watch_finalize (GObject *object)
{
  JxFontWatch *self = JX_FONT_WATCH (object);

  g_clear_pointer (&self->coverage, jx_font_coverage_free);
  G_OBJECT_CLASS (jx_font_watch_parent_class)->finalize (object);
}

static void
jx_font_watch_class_init (JxFontWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jx_font_watch_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jx_font_watch_init (JxFontWatch *self)
{
}

JxFontWatch *
jx_font_watch_get_default (void)
{
  static JxFontWatch *watch;

  if (watch == NULL)
    watch = g_object_new (JX_TYPE_FONT_WATCH, NULL);
  return watch;
}

JxFontCoverage *
jx_font_watch_get_coverage (JxFontWatch *self)
{
  g_return_val_if_fail (JX_IS_FONT_WATCH (self), NULL);

  /* A few milliseconds with the fonts of a Chinese desktop. */
  if (self->coverage == NULL)
    self->coverage = jx_font_coverage_new ();
  return self->coverage;
}

GStrv
jx_font_watch_install_file (JxFontWatch  *self,
                            const char   *path,
                            GError      **error)
{
  GStrv families;
  JxFontCoverage *old;

  g_return_val_if_fail (JX_IS_FONT_WATCH (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  families = jx_fonts_install_file (path, error);
  if (families == NULL)
    return NULL;
  /* Whoever holds the old coverage takes the new one in "changed". */
  old = g_steal_pointer (&self->coverage);
  self->coverage = jx_font_coverage_new ();
  g_signal_emit (self, signals[CHANGED], 0);
  jx_font_coverage_free (old);
  return families;
}

void
jx_font_watch_roles_changed (JxFontWatch *self)
{
  g_return_if_fail (JX_IS_FONT_WATCH (self));
  g_signal_emit (self, signals[CHANGED], 0);
}
