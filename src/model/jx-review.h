/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-checks.h"
#include "jx-document.h"
#include "jx-finding.h"
#include "jx-member-path.h"

G_BEGIN_DECLS

/* How long a document must stay still before it is checked again. */
#define JX_REVIEW_DEFAULT_DELAY_MS 400

/* The review of one document: its findings (jx_checks_run), checked again a
 * moment after the document stops changing, so that typing never waits for
 * the checks, with counts and the worst severity per project and per place.
 * Everything that shows findings reads them here: the problems panel, the
 * project list's marks, the print dialog, `jixiao-cli validate`.
 *
 * The debounce runs on the thread-default main context of the thread that
 * set the document; jx_review_recheck checks at once (a command-line tool
 * needs no main loop).
 *
 * Properties: "document" (JxDocument, read-write), "checked" (gboolean:
 * FALSE while a check waits for the hold, see jx_review_hold). Signal
 * "changed": the findings were replaced (after "items-changed" of the
 * findings list). */
#define JX_TYPE_REVIEW (jx_review_get_type ())
G_DECLARE_FINAL_TYPE (JxReview, jx_review, JX, REVIEW, GObject)

/* Checks document (may be NULL) at once, and again after its edits. */
JxReview   *jx_review_new                 (JxDocument       *document);
/* Checks document once and does not follow its edits: the review of a
 * file on the command line, in any thread. covers (may be NULL) adds the
 * hints of characters no installed font has (jx_checks_run_with_fonts). */
JxReview   *jx_review_new_once            (JxDocument       *document,
                                           JxGlyphCoverFunc  covers,
                                           gpointer          user_data);
/* From the next check on, with the hints of characters covers says no font
 * can draw (NULL: without). */
void        jx_review_set_glyph_cover     (JxReview         *self,
                                           JxGlyphCoverFunc  covers,
                                           gpointer          user_data);
JxDocument *jx_review_get_document        (JxReview         *self);
/* Checks the new document at once, unless held. */
void        jx_review_set_document        (JxReview         *self,
                                           JxDocument       *document);
guint       jx_review_get_delay           (JxReview         *self);
void        jx_review_set_delay           (JxReview         *self,
                                           guint             delay_ms);
/* Checks now, whatever the delay or the hold. */
void        jx_review_recheck             (JxReview         *self);
/* While held, checks wait (a new document has no findings yet) and run when
 * the hold is let go: a window holds them until its first frame. */
void        jx_review_hold                (JxReview         *self,
                                           gboolean          hold);
/* FALSE while a check waits for the hold: no findings yet is not the same
 * as none. */
gboolean    jx_review_get_checked         (JxReview         *self);

/* A GListModel of JxFinding in document order, replaced as a whole after
 * each check. */
GListModel *jx_review_get_findings        (JxReview         *self);
/* Any pointer may be NULL. */
void        jx_review_count               (JxReview         *self,
                                           guint            *errors,
                                           guint            *warnings,
                                           guint            *hints);
/* JX_SEVERITY_NONE when there is nothing. */
JxSeverity  jx_review_get_worst           (JxReview         *self);

/* To fill in: a finding that only says a field of a part the clerk has
 * not started yet is empty (jx_checks_rule_is_blank in a part that
 * jx_template_part_is_untouched), such as every empty field of a new
 * document or of a project just added. They stay in the findings and in
 * jx_review_count (print, export and the command line count them), but
 * are not problems yet: the badge counts the open findings, and the marks
 * of projects and places leave them out. */
gboolean    jx_review_is_to_fill_in       (JxReview         *self,
                                           JxFinding        *finding);
guint       jx_review_count_to_fill_in    (JxReview         *self);
/* jx_review_count without the findings to fill in. */
void        jx_review_count_open          (JxReview         *self,
                                           guint            *errors,
                                           guint            *warnings,
                                           guint            *hints);
JxSeverity  jx_review_get_worst_open      (JxReview         *self);
/* The worst open finding of the project (not to fill in). */
JxSeverity  jx_review_worst_for_project   (JxReview         *self,
                                           guint             project);
/* The worst open finding at place or inside it ("projects[2]" covers its
 * indicators); JX_SEVERITY_NONE when there is none. */
JxSeverity  jx_review_worst_at            (JxReview         *self,
                                           const JxMemberPath *place);
/* The findings at place or inside it, in document order (the array holds
 * references). */
GPtrArray  *jx_review_findings_at         (JxReview         *self,
                                           const JxMemberPath *place);

G_END_DECLS
