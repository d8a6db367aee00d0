/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-document.h"

G_BEGIN_DECLS

/* Edits of the same property of the same object closer together than this
 * are one step (continuous typing in one field). */
#define JX_UNDO_MERGE_INTERVAL (1500 * G_TIME_SPAN_MILLISECOND)
/* Steps kept by default; the oldest are forgotten beyond it. */
#define JX_UNDO_DEFAULT_LIMIT  1000

/* Microseconds of a monotonic clock; tests pass a fake one. */
typedef gint64 (*JxUndoClock) (gpointer user_data);

/* The undo/redo history of one document.
 *
 * The stack watches the whole document by itself: every writable property
 * of every model object in it (document, department, projects, checkpoints,
 * goals, points, measures, indicators) and every list ("items-changed" of
 * the GListStores, including the lists of projects added later). Any code
 * that edits the model through the ordinary setters and GListStore calls is
 * undoable without calling the stack. Derived read-only properties ("total",
 * "shown-compiler") are not recorded. Removed objects are kept by the stack
 * and put back as the same objects, so undo restores the document exactly
 * (jx_document_to_data gives the same bytes).
 *
 * A step is one user action. Outside a group every change is its own step,
 * except that consecutive changes of the same property of the same object
 * are merged into one step unless a group boundary, an undo/redo, a
 * jx_undo_stack_mark_saved, a jx_undo_stack_seal or a pause longer than
 * JX_UNDO_MERGE_INTERVAL lies between them.
 *
 * Undo and redo are not recorded; changes made by signal handlers while an
 * undo or redo runs are not recorded either (they must not edit the model).
 *
 * Properties (all read-only, all notify):
 *   "document"   JxDocument  the watched document
 *   "can-undo"   gboolean
 *   "can-redo"   gboolean
 *   "modified"   gboolean    the document differs from the saved state
 *   "undo-label" string      label of the step undo would revert, or NULL
 *   "redo-label" string      label of the step redo would apply, or NULL
 *   "limit"      guint       (read-write) most steps kept, >= 1
 *
 * Signal "step-applied" (JxUndoStack *stack, GObject *object, gboolean undo):
 * emitted after an undo (undo TRUE) or redo (FALSE) has been applied.
 * object is the model object the step touched first (for a list change the
 * object owning the list: the JxDocument or a JxProject), so a window can
 * show where the change happened; see jx_undo_stack_find_project.
 *
 * Signal "changed" (JxUndoStack *stack): emitted after every change of a
 * value or a list the stack sees in its document, undo and redo included:
 * for work that follows the whole document (a draft) and would otherwise
 * watch every object a second time. */
#define JX_TYPE_UNDO_STACK (jx_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (JxUndoStack, jx_undo_stack, JX, UNDO_STACK, GObject)

/* Starts watching document (a reference is kept). The document as it is
 * now counts as the saved state: "modified" is FALSE. */
JxUndoStack *jx_undo_stack_new            (JxDocument  *document);
JxDocument  *jx_undo_stack_get_document   (JxUndoStack *self);
gboolean     jx_undo_stack_get_can_undo   (JxUndoStack *self);
gboolean     jx_undo_stack_get_can_redo   (JxUndoStack *self);
gboolean     jx_undo_stack_get_modified   (JxUndoStack *self);
/* Translated, short, for "Undo %s"-style menu items: the group's label, or
 * for a step outside any group a description such as "Edit Project Name",
 * "Add Indicator", "Remove Project". NULL when there is no such step. */
const char  *jx_undo_stack_get_undo_label (JxUndoStack *self);
const char  *jx_undo_stack_get_redo_label (JxUndoStack *self);

/* Revert / re-apply one step. FALSE (and nothing happens) when there is no
 * step to undo / redo. Must not be called while a group is open. */
gboolean     jx_undo_stack_undo           (JxUndoStack *self);
gboolean     jx_undo_stack_redo           (JxUndoStack *self);

/* Everything recorded between begin and the matching end is one step
 * (e.g. "delete project", "add indicator", a paste, a move: remove + insert).
 * Groups nest; only the outermost one makes a step, and its label is the
 * outermost non-NULL label given (label may be NULL; it is copied and should
 * already be translated). A group in which nothing changed makes no step.
 * begin and end must balance. */
void         jx_undo_stack_begin_group    (JxUndoStack *self,
                                           const char  *label);
void         jx_undo_stack_end_group      (JxUndoStack *self);

/* The next change starts a new step even if it would merge with the last
 * one (call it e.g. when the focus leaves a field). */
void         jx_undo_stack_seal           (JxUndoStack *self);

/* The document as it is now is the saved state: "modified" becomes FALSE.
 * Undoing or redoing away from it sets "modified"; coming back clears it.
 * A new change after an undo discards the redo steps; if the saved state
 * was among them, "modified" stays TRUE until the next mark_saved. */
void         jx_undo_stack_mark_saved     (JxUndoStack *self);

/* No reachable state is the saved one: "modified" becomes TRUE until the
 * next mark_saved, whatever is undone or redone (e.g. for a document
 * restored from a draft, which differs from its file). */
void         jx_undo_stack_mark_unsaved   (JxUndoStack *self);

/* Forgets all steps (e.g. after a reload). "modified" keeps its value: TRUE
 * stays TRUE until the next mark_saved. Must not be called while a group is
 * open. */
void         jx_undo_stack_clear          (JxUndoStack *self);

guint        jx_undo_stack_get_limit      (JxUndoStack *self);
void         jx_undo_stack_set_limit      (JxUndoStack *self,
                                           guint        limit);

/* Replaces the clock used to measure the merge pause (default
 * g_get_monotonic_time). clock NULL restores the default. */
void         jx_undo_stack_set_clock      (JxUndoStack *self,
                                           JxUndoClock  clock,
                                           gpointer     user_data);

/* The project of the document that object is (a JxProject) or belongs to
 * (its indicator, checkpoint, goal, or one of its lists), or NULL when it
 * belongs to no project of the watched document. */
JxProject   *jx_undo_stack_find_project   (JxUndoStack *self,
                                           gpointer     object);

G_END_DECLS
