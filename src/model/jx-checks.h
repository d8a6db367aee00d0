/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-document.h"
#include "jx-finding.h"

G_BEGIN_DECLS

/* One review rule: its stable id (used in output, docs and tests), its
 * severity, and a one-line translatable summary of what it checks. */
typedef struct
{
  const char *id;
  JxSeverity  severity;
  const char *summary;
} JxRule;

/* The rules in the order docs/checks.md lists them. */
const JxRule *jx_checks_get_rules          (guint       *n_rules);
const JxRule *jx_checks_find_rule          (const char  *id);
/* Whether the rule only says that something has not been written yet (a
 * name, the budget, the goals, the measures): in a part the clerk has not
 * started, its findings are still to fill in rather than mistakes. */
gboolean      jx_checks_rule_is_blank      (const char  *id);

/* Runs every rule over the whole document. Returns the findings (JxFinding)
 * in document order: the document's own parts first, then each project in
 * turn. Never fails: a document with problems is what this is for. */
GPtrArray    *jx_checks_run                (JxDocument  *document);

/* Whether some installed font can draw c. The model knows no fonts: the
 * render layer gives one (jx_font_coverage_covers) and the CLI or the
 * application pass it here. */
typedef gboolean (*JxGlyphCoverFunc) (gunichar c,
                                      gpointer user_data);
/* jx_checks_run, and a hint for every text with characters that covers
 * says no font can draw. */
GPtrArray    *jx_checks_run_with_fonts     (JxDocument       *document,
                                            JxGlyphCoverFunc  covers,
                                            gpointer          user_data);

/* Fixes the review can make by itself (the problems panel's button).
 * can_fix: whether finding has one; fix_label: what it does, translated
 * ("Remove the typed numbering"), or NULL. jx_checks_fix applies it to
 * document through the ordinary setters, so an undo stack records it (wrap
 * it in a group for one step); FALSE when the finding no longer applies
 * (the text changed since). jx_checks_fix_all applies every fixable
 * finding of findings whose rule is rule_id (NULL: any) and returns how
 * many it fixed. */
gboolean      jx_checks_can_fix            (JxFinding   *finding);
const char   *jx_checks_fix_label          (JxFinding   *finding);
gboolean      jx_checks_fix                (JxDocument  *document,
                                            JxFinding   *finding);
guint         jx_checks_fix_all            (JxDocument  *document,
                                            GPtrArray   *findings,
                                            const char  *rule_id);

/* For printing and exporting, which never refuse (drafts are printed for
 * discussion): the open errors and warnings in one translated sentence,
 * "The review still finds 2 errors and 3 warnings: …", or NULL when no
 * error is open. */
char         *jx_checks_describe_open      (GPtrArray   *findings);

/* Counts findings of each severity; any pointer may be NULL. */
void          jx_checks_count              (GPtrArray   *findings,
                                            guint       *errors,
                                            guint       *warnings,
                                            guint       *hints);
/* The worst severity among the findings of one project (JX_SEVERITY_NONE
 * when it has none), for a mark in the project list. */
JxSeverity    jx_checks_worst_for_project  (GPtrArray   *findings,
                                            guint        project);
/* The project a member path is in ("projects[3].…" → 3), or -1. */
int           jx_checks_path_project       (const char  *path);

G_END_DECLS
