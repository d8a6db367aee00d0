/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-document.h"
#include "jx-member-path.h"

G_BEGIN_DECLS

/* What the window asks of every form that edits a part of the document:
 * show this document, and put the focus on a place in it. A form edits the
 * model through its setters and lists and decides nothing: the rules are
 * the model's, the undo history follows the document by itself (several
 * changes that make one action are bracketed with jx_document_begin_action).
 *
 * A new form: a GtkWidget that implements this interface, lays itself out
 * with jx-form-layout.h, and gets a page in the window (jx-window.c, the
 * table of pages) and a sidebar entry. */
#define JX_TYPE_FORM (jx_form_get_type ())
G_DECLARE_INTERFACE (JxForm, jx_form, JX, FORM, GtkWidget)

struct _JxFormInterface
{
  GTypeInterface parent_iface;

  void     (*set_document) (JxForm             *self,
                            JxDocument         *document);
  /* place is a whole path ("projects[2].indicators[0].name"); FALSE when
   * it names nothing the form shows. */
  gboolean (*focus_place)  (JxForm             *self,
                            const JxMemberPath *place);
};

void     jx_form_set_document (JxForm             *self,
                               JxDocument         *document);
gboolean jx_form_focus_place  (JxForm             *self,
                               const JxMemberPath *place);

G_END_DECLS
