/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-review.h"

G_BEGIN_DECLS

/* What a clerk should know before printing or exporting, in bars that
 * stand out (never grey small print) and never stop the printing: the
 * review's open errors (jx_checks_describe_open) with a button to show
 * them, and the office fonts that are missing with the font that prints
 * instead (jx_fonts_describe_stand_ins) with a button to choose fonts.
 * It follows the review and the fonts (jx-font-watch.h) by itself and
 * shows nothing when there is nothing to say.
 *
 * Signals "show-problems" and "choose-fonts": a button was clicked; the
 * print dialog, the preview or the export's question does the rest. */
#define JX_TYPE_PRINT_NOTICE (jx_print_notice_get_type ())
G_DECLARE_FINAL_TYPE (JxPrintNotice, jx_print_notice, JX, PRINT_NOTICE, GtkWidget)

GtkWidget  *jx_print_notice_new            (JxReview      *review,
                                            gboolean       about_fonts);
/* The sentences shown, NULL when that bar is hidden. */
const char *jx_print_notice_get_errors     (JxPrintNotice *self);
const char *jx_print_notice_get_fonts      (JxPrintNotice *self);
/* Whether a bar shows. */
gboolean    jx_print_notice_has_something  (JxPrintNotice *self);

/* The same sentences, once, without a widget. */
char       *jx_print_notice_describe_errors (JxReview     *review);
char       *jx_print_notice_describe_fonts  (void);

G_END_DECLS
