/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-document.h"
#include "jx-list.h"

G_BEGIN_DECLS

/* The edits of a document's project list as a clerk makes them. Each one is
 * one undo step (bracketed with jx_document_begin_action), whoever calls it:
 * the window's actions, an importer, a test. Positions are in the document's
 * order, from 0. */

/* Inserts a new project (jx_template_new_project) at position, or at the
 * end when position is past it. Returns the project (the document holds it). */
JxProject *jx_document_add_project       (JxDocument *self,
                                          guint       position);
/* Inserts a copy of the project at position right after it, named
 * "…（副本）". The copy keeps the code: the review reports the code used
 * twice until the clerk enters the new one. NULL when there is none. */
JxProject *jx_document_duplicate_project (JxDocument *self,
                                          guint       position);
/* FALSE when there is no project at position. */
gboolean   jx_document_delete_project    (JxDocument *self,
                                          guint       position);
gboolean   jx_document_move_project      (JxDocument *self,
                                          guint       from,
                                          guint       to);

G_END_DECLS
