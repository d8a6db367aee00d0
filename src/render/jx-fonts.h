/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The fonts installed on this computer, as fontconfig knows them: which
 * characters some font can draw, which families there are, and adding a
 * font file for the user. */

/* A font file larger than this is not a font a clerk brings along. */
#define JX_FONT_FILE_MAX_SIZE ((gsize) 128 * 1024 * 1024)

/* The characters of every installed font, fixed when it is made (make a
 * new one after installing fonts). Read-only afterwards, so threads may
 * share it. */
typedef struct _JxFontCoverage JxFontCoverage;

JxFontCoverage *jx_font_coverage_new     (void);
void            jx_font_coverage_free    (JxFontCoverage *self);
/* Whether some installed font has c. Matches JxGlyphCoverFunc, so that
 * jx_checks_run_with_fonts (document, jx_font_coverage_covers, coverage)
 * reports what would print as a box. */
gboolean        jx_font_coverage_covers  (gunichar        c,
                                          gpointer        coverage);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxFontCoverage, jx_font_coverage_free)

/* Whether a font of this family is installed, under any of its names
 * ("仿宋_GB2312" or "FangSong_GB2312"). */
gboolean        jx_fonts_have_family     (const char     *family);
/* The families that can print Chinese text, sorted, for choosing a font
 * per role in the preferences. */
GStrv           jx_fonts_list_chinese    (void);

/* Installs the font file at path for the user: copies it into the user's
 * font folder (the XDG data folder's "fonts", which fontconfig reads at
 * every start) and makes this process use it at once (fontconfig, the
 * default Pango font map of the calling thread — call it from the GUI
 * thread — and the font roles). Returns the families the file holds.
 * A file already there with the same contents is used as it is. Errors
 * name the file in a clerk's words: not a font, too large, unreadable, or
 * the folder cannot be written; nothing is left half-copied. */
GStrv           jx_fonts_install_file    (const char     *path,
                                          GError        **error);
/* The user's font folder jx_fonts_install_file copies into. */
char           *jx_fonts_get_user_dir    (void);

/* Forgets what the font roles looked up, after fonts were added. */
void            jx_fonts_changed         (void);

G_END_DECLS
