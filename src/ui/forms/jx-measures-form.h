/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-document.h"

G_BEGIN_DECLS

/* 三、工作保障措施: a heading and body per measure. A JxForm. */
#define JX_TYPE_MEASURES_FORM (jx_measures_form_get_type ())
G_DECLARE_FINAL_TYPE (JxMeasuresForm, jx_measures_form, JX, MEASURES_FORM, GtkWidget)

GtkWidget *jx_measures_form_new          (void);

G_END_DECLS
