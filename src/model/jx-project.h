/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-money.h"

G_BEGIN_DECLS

/* One budget project and its 项目绩效目标表. The lists are GListStores of
 * JxCheckpoint, JxTextItem and JxIndicator. */
#define JX_TYPE_PROJECT (jx_project_get_type ())
G_DECLARE_FINAL_TYPE (JxProject, jx_project, JX, PROJECT, GObject)

JxProject  *jx_project_new                          (const char *code,
                                                     const char *name);
JxProject  *jx_project_copy                         (JxProject  *self);
const char *jx_project_get_code                     (JxProject  *self);
void        jx_project_set_code                     (JxProject  *self,
                                                     const char *code);
const char *jx_project_get_name                     (JxProject  *self);
void        jx_project_set_name                     (JxProject  *self,
                                                     const char *name);
/* The name, or "（未命名项目）" while it is blank: how the project list
 * and the forms name a project that has no name yet, in the interface's
 * words (translated). */
const char *jx_project_get_shown_name               (JxProject  *self);
/* The same for the printout, the PDF and the Word file: the document is
 * Chinese whatever the interface's language, so always "（未命名项目）". */
const char *jx_project_get_printed_name             (JxProject  *self);
JxMoney     jx_project_get_fiscal                   (JxProject  *self);
void        jx_project_set_fiscal                   (JxProject  *self,
                                                     JxMoney     fiscal);
JxMoney     jx_project_get_other                    (JxProject  *self);
void        jx_project_set_other                    (JxProject  *self,
                                                     JxMoney     other);
/* 预算数: fiscal + other, never stored. */
JxMoney     jx_project_get_total                    (JxProject  *self);
const char *jx_project_get_usage                    (JxProject  *self);
void        jx_project_set_usage                    (JxProject  *self,
                                                     const char *usage);
GListModel *jx_project_get_spending_plan            (JxProject  *self);
GListModel *jx_project_get_goals                    (JxProject  *self);
GListModel *jx_project_get_indicators               (JxProject  *self);
const char *jx_project_get_overview_description     (JxProject  *self);
void        jx_project_set_overview_description     (JxProject  *self,
                                                     const char *text);
const char *jx_project_get_overview_goal            (JxProject  *self);
void        jx_project_set_overview_goal            (JxProject  *self,
                                                     const char *text);
const char *jx_project_get_overview_indicator_summary (JxProject  *self);
void        jx_project_set_overview_indicator_summary (JxProject  *self,
                                                     const char *text);

G_END_DECLS
