/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-document.h"

G_BEGIN_DECLS

/* 二、分项绩效目标: every project's entry in Part 1 (description, goal,
 * indicator summary), in print order, to be written as the one chapter it
 * is in print; each entry opens its project's table. A JxForm. A list
 * view: a document of thousands of projects builds rows only for those in
 * sight. */
#define JX_TYPE_OVERVIEWS_FORM (jx_overviews_form_get_type ())
G_DECLARE_FINAL_TYPE (JxOverviewsForm, jx_overviews_form, JX, OVERVIEWS_FORM, GtkWidget)

GtkWidget *jx_overviews_form_new (void);

G_END_DECLS
