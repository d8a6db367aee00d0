/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-document.h"

G_BEGIN_DECLS

/* The document's stage in the header bar: three linked toggle buttons,
 * 目标 / 监控 / 自评, and, while the document is at the monitoring, the
 * month it reports to (1–X月). Both are the document's own properties:
 * choosing one is an undo step and is saved with the file, and undo or
 * another document shows here at once. */
#define JX_TYPE_STAGE_SWITCH (jx_stage_switch_get_type ())
G_DECLARE_FINAL_TYPE (JxStageSwitch, jx_stage_switch, JX, STAGE_SWITCH, GtkWidget)

GtkWidget *jx_stage_switch_new          (void);
void       jx_stage_switch_set_document (JxStageSwitch *self,
                                         JxDocument    *document);

G_END_DECLS
