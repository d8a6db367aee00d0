/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-department.h"
#include "jx-money.h"
#include "jx-project.h"

G_BEGIN_DECLS

#define JX_DOCUMENT_FORMAT  "budget-performance-document"
#define JX_DOCUMENT_VERSION 1
#define JX_DEFAULT_TITLE    "部门预算绩效文本"
#define JX_DEFAULT_UNIT     "万元"
#define JX_YEAR_MIN         2000
#define JX_YEAR_MAX         2100

/* A department's budget performance document for one year: the cover data,
 * Part 1 (summary, points, measures) and the projects of Part 2.
 * "points" is a GListStore of JxTextItem, "measures" of JxMeasure and
 * "projects" of JxProject. "total" is the sum of the projects' totals and is
 * kept current as projects are added, removed or their funds change.
 *
 * Signals "action-begin" (const char *label) and "action-end": emitted by
 * jx_document_begin_action / jx_document_end_action around several changes
 * that make one user action, for the undo history to keep them as one step
 * (as GtkTextBuffer's begin_user_action). */
#define JX_TYPE_DOCUMENT (jx_document_get_type ())
G_DECLARE_FINAL_TYPE (JxDocument, jx_document, JX, DOCUMENT, GObject)

JxDocument   *jx_document_new                (void);
guint         jx_document_get_year           (JxDocument *self);
void          jx_document_set_year           (JxDocument *self,
                                              guint       year);
const char   *jx_document_get_title          (JxDocument *self);
void          jx_document_set_title          (JxDocument *self,
                                              const char *title);
gboolean      jx_document_get_draft          (JxDocument *self);
void          jx_document_set_draft          (JxDocument *self,
                                              gboolean    draft);
const char   *jx_document_get_money_unit     (JxDocument *self);
void          jx_document_set_money_unit     (JxDocument *self,
                                              const char *money_unit);
JxDepartment *jx_document_get_department     (JxDocument *self);
const char   *jx_document_get_summary        (JxDocument *self);
void          jx_document_set_summary        (JxDocument *self,
                                              const char *summary);
GListModel   *jx_document_get_points         (JxDocument *self);
GListModel   *jx_document_get_measures       (JxDocument *self);
GListModel   *jx_document_get_projects       (JxDocument *self);
JxMoney       jx_document_get_total          (JxDocument *self);
JxProject    *jx_document_find_project       (JxDocument *self,
                                              const char *code,
                                              guint      *position);
/* Brackets the changes of one user action (they nest; label, already
 * translated, names the step: "Move Project"). Code that edits a document
 * it did not open calls these instead of knowing the undo history. */
void          jx_document_begin_action       (JxDocument *self,
                                              const char *label);
void          jx_document_end_action         (JxDocument *self);

G_END_DECLS
