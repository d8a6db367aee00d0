/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-document-session.h"
#include "jx-roll-forward.h"

G_BEGIN_DECLS

/* 开始下一年度…: asks whether last year's budgets and spending plans are
 * kept as a starting point, then makes next year's document from the
 * session's (jx_roll_forward_new) and emits "done" (JxRollForward *) for
 * the window to open it; the session's own document is not changed. A
 * document that cannot go on (the last year there is) says why in the
 * dialog. Transient for parent and modal. */
#define JX_TYPE_ROLL_FORWARD_DIALOG (jx_roll_forward_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JxRollForwardDialog, jx_roll_forward_dialog, JX, ROLL_FORWARD_DIALOG, GtkWindow)

JxRollForwardDialog *jx_roll_forward_dialog_new       (GtkWindow           *parent,
                                                       JxDocumentSession   *session);
/* What the choices say now. */
JxRollForwardFlags   jx_roll_forward_dialog_get_flags (JxRollForwardDialog *self);
void                 jx_roll_forward_dialog_set_flags (JxRollForwardDialog *self,
                                                       JxRollForwardFlags   flags);
/* What the Start button does: makes the document, emits "done" and
 * closes, or shows why it cannot and stays. Returns whether it was made. */
gboolean             jx_roll_forward_dialog_accept    (JxRollForwardDialog *self);

G_END_DECLS
