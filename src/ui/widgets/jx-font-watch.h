/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-fonts.h"

G_BEGIN_DECLS

/* The printed fonts as the whole application sees them: what every
 * installed font can draw (for the review's hint about characters that
 * would print as a box) and one signal when the fonts change — a font file
 * added, a family chosen for a role — so that the review, the preview,
 * the print dialog and the preferences follow at once.
 *
 * Signal "changed": the installed fonts or a role's family changed; the
 * coverage may be a new one (the old one is freed after the signal). */
#define JX_TYPE_FONT_WATCH (jx_font_watch_get_type ())
G_DECLARE_FINAL_TYPE (JxFontWatch, jx_font_watch, JX, FONT_WATCH, GObject)

/* The one watch of the process (GUI thread). */
JxFontWatch    *jx_font_watch_get_default   (void);
/* What the installed fonts can draw, for jx_review_set_glyph_cover with
 * jx_font_coverage_covers; valid until the next "changed". */
JxFontCoverage *jx_font_watch_get_coverage  (JxFontWatch  *self);
/* Installs a font file for the user (jx_fonts_install_file) and tells
 * everyone. Returns the families the file holds. */
GStrv           jx_font_watch_install_file  (JxFontWatch  *self,
                                             const char   *path,
                                             GError      **error);
/* A role's family was chosen or reset (jx_font_role_set_family). */
void            jx_font_watch_roles_changed (JxFontWatch  *self);

G_END_DECLS
