/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-document.h"

G_BEGIN_DECLS

/* 一、总体绩效目标: the summary and the numbered points. A JxForm. */
#define JX_TYPE_OVERALL_FORM (jx_overall_form_get_type ())
G_DECLARE_FINAL_TYPE (JxOverallForm, jx_overall_form, JX, OVERALL_FORM, GtkWidget)

GtkWidget *jx_overall_form_new          (void);

G_END_DECLS
