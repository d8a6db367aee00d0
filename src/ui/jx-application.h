/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-drafts.h"

G_BEGIN_DECLS

#define JX_TYPE_APPLICATION (jx_application_get_type ())
G_DECLARE_FINAL_TYPE (JxApplication, jx_application, JX, APPLICATION, GtkApplication)

JxApplication *jx_application_new             (void);
/* The drafts of all this instance's windows (created at startup). */
JxDraftStore  *jx_application_get_draft_store (JxApplication *self);

G_END_DECLS
