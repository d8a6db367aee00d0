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

/* Runs every rule over the whole document. Returns the findings (JxFinding)
 * in document order: the document's own parts first, then each project in
 * turn. Never fails: a document with problems is what this is for. */
GPtrArray    *jx_checks_run                (JxDocument  *document);

/* Counts findings of each severity; any pointer may be NULL. */
void          jx_checks_count              (GPtrArray   *findings,
                                            guint       *errors,
                                            guint       *warnings,
                                            guint       *hints);
/* The worst severity among the findings of one project (JX_SEVERITY_NONE
 * when it has none), for a mark in the project list. */
JxSeverity    jx_checks_worst_for_project  (GPtrArray   *findings,
                                            guint        project);
/* The place a member path names, in a clerk's words, and the project it
 * is in ("projects[3].…" → 3, else -1): jx_member_path_describe and
 * jx_member_path_get_project for a path in text. */
char         *jx_checks_describe_path      (JxDocument  *document,
                                            const char  *path);
int           jx_checks_path_project       (const char  *path);

G_END_DECLS
