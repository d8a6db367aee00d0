/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-document.h"
#include "jx-money.h"
#include "jx-text-diff.h"

G_BEGIN_DECLS

/* One change between two versions of a document — one line of a
 * comparison or of the list a roll-forward shows — with where it is in
 * both versions, in member paths and in a clerk's words, and what it was
 * and became. */

/* Where a reviewer reads it: the cover, Part 1, or Part 2's projects. */
typedef enum
{
  JX_CHANGE_SECTION_COVER,
  JX_CHANGE_SECTION_PART1,
  JX_CHANGE_SECTION_PROJECTS,
} JxChangeSection;

typedef enum
{
  JX_CHANGE_CHANGED,
  JX_CHANGE_ADDED,
  JX_CHANGE_REMOVED,
  JX_CHANGE_MOVED,     /* the same, in another place of its list */
  JX_CHANGE_RENAMED,   /* a project matched by its code under another name */
} JxChangeKind;

/* What the change is about. */
typedef enum
{
  JX_CHANGE_ITEM_YEAR,       /* the budget year, shown once */
  JX_CHANGE_ITEM_FIELD,      /* a field of the cover, of a project, a plain text */
  JX_CHANGE_ITEM_PARAGRAPH,  /* a paragraph of Part 1: summary, point, measure, project entry */
  JX_CHANGE_ITEM_PROJECT,    /* a whole project: added, removed, renamed, moved, new code */
  JX_CHANGE_ITEM_FUNDS,      /* 财政资金, 其他资金 and 预算数 together */
  JX_CHANGE_ITEM_PLAN,       /* one month-end of the spending plan */
  JX_CHANGE_ITEM_GOAL,
  JX_CHANGE_ITEM_INDICATOR,  /* a whole indicator row: added, removed, moved */
  JX_CHANGE_ITEM_CELL,       /* one cell of an indicator row kept in both */
} JxChangeItem;

typedef enum
{
  JX_FUNDS_FISCAL,
  JX_FUNDS_OTHER,
  JX_FUNDS_TOTAL,
  JX_N_FUNDS
} JxFundsPart;

#define JX_TYPE_CHANGE (jx_change_get_type ())
G_DECLARE_FINAL_TYPE (JxChange, jx_change, JX, CHANGE, GObject)

JxChangeSection  jx_change_get_section      (JxChange    *self);
JxChangeKind     jx_change_get_kind         (JxChange    *self);
JxChangeItem     jx_change_get_item         (JxChange    *self);
/* The member that changed, as in the file ("value", "name", "fiscal"), or
 * NULL when the change is about a whole item. */
const char      *jx_change_get_member       (JxChange    *self);
/* In a clerk's words: "project 3 “人大代表活动经费”: indicator 2 “…”: target value". */
const char      *jx_change_get_place        (JxChange    *self);
/* Member paths in the old and the new version; NULL on the side where the
 * item is not (added: no old path; removed: no new path). */
const char      *jx_change_get_old_path     (JxChange    *self);
const char      *jx_change_get_new_path     (JxChange    *self);
/* The project's index in each version, -1 when outside projects or absent. */
int              jx_change_get_old_project  (JxChange    *self);
int              jx_change_get_new_project  (JxChange    *self);
/* Its place in its list in each version, counting from 0, -1 if absent:
 * what a move is from and to. */
int              jx_change_get_old_position (JxChange    *self);
int              jx_change_get_new_position (JxChange    *self);
/* The text before and after; NULL on the side where there is none. */
const char      *jx_change_get_old_text     (JxChange    *self);
const char      *jx_change_get_new_text     (JxChange    *self);
/* The words of each text that changed (JxTextSpan, bytes). */
const JxTextSpan *jx_change_get_old_marks   (JxChange    *self,
                                             guint       *n_marks);
const JxTextSpan *jx_change_get_new_marks   (JxChange    *self,
                                             guint       *n_marks);
/* The spans a long text of one side is cut around when shown (JxTextSpan,
 * bytes, free with g_array_unref): its marks, or, when the words were only
 * added on the other side (or only removed), the points in this side's
 * text where they go, as empty spans. So both sides of a change read side
 * by side around the same place, in the compare view and in diff. */
GArray          *jx_change_get_excerpt_spans (JxChange   *self,
                                              gboolean    new_side);
/* A funds change's amounts in the money unit; FALSE for other changes. */
gboolean         jx_change_get_funds        (JxChange    *self,
                                             JxFundsPart  part,
                                             JxMoney     *old_amount,
                                             JxMoney     *new_amount);
const char      *jx_change_get_money_unit   (JxChange    *self);

/* The change in one line or a few, for people: "place: old → new", long
 * texts as "−"/"+" lines with the changed words in [-…-] and {+…+}. */
char            *jx_change_to_text          (JxChange    *self);
/* A list of changes with a heading before each section, as text to read
 * or to copy. "" for no changes. */
char            *jx_changes_to_text         (GListModel  *changes);

/* Stable words for machine-readable output: "cover", "changed", "funds". */
const char      *jx_change_section_to_string (JxChangeSection section);
const char      *jx_change_kind_to_string    (JxChangeKind    kind);
const char      *jx_change_item_to_string    (JxChangeItem    item);
/* The section's heading, translated: "封面与部门", "第一部分", "第二部分". */
const char      *jx_change_section_to_label  (JxChangeSection section);

/* A member path of document in a clerk's words, with the project named:
 * "project 3 “人大代表活动经费”: goal 2", "cover: reviewer". */
char            *jx_change_describe_path     (JxDocument     *document,
                                              const char     *path);

G_END_DECLS
