/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-document.h"

G_BEGIN_DECLS

/* Next year's document from this one: the year one on, （草案） on, the
 * projects, goals, Part 1 and indicators kept, the years in texts that name
 * the budget year moved with it (jx-year-text.h), last year's monitoring
 * and evaluation entries cleared, and every text that changed listed for
 * the clerk to confirm. Project codes stay as they are:
 * the finance system issues the new ones, and the review's
 * project-code-year hint says so. */

typedef enum
{
  JX_ROLL_FORWARD_KEEP          = 0,
  /* 财政资金 and 其他资金 back to zero, for budgets that start afresh. */
  JX_ROLL_FORWARD_CLEAR_AMOUNTS = 1 << 0,
  /* Spending plans emptied, for plans that are set anew. */
  JX_ROLL_FORWARD_CLEAR_PLANS   = 1 << 1,
} JxRollForwardFlags;

#define JX_ROLL_FORWARD_ERROR (jx_roll_forward_error_quark ())

typedef enum
{
  JX_ROLL_FORWARD_ERROR_LAST_YEAR,   /* the document is for the last year Jixiao knows */
} JxRollForwardError;

GQuark jx_roll_forward_error_quark (void);

#define JX_TYPE_ROLL_FORWARD (jx_roll_forward_get_type ())
G_DECLARE_FINAL_TYPE (JxRollForward, jx_roll_forward, JX, ROLL_FORWARD, GObject)

/* Makes the next year's document; document itself is not changed. */
JxRollForward *jx_roll_forward_new               (JxDocument         *document,
                                                  JxRollForwardFlags  flags,
                                                  GError            **error);
/* The new document. */
JxDocument    *jx_roll_forward_get_document      (JxRollForward      *self);
/* What changed, as JxChange (jx-change.h) in the order of the document:
 * the year, （草案） when it was off, the stage when it was not the goals,
 * then each text whose years moved, with
 * the years marked. Cleared amounts and plans are counted, not listed. */
GListModel    *jx_roll_forward_get_changes       (JxRollForward      *self);
/* Projects whose budget was cleared (those that had one). */
guint          jx_roll_forward_get_n_cleared_amounts (JxRollForward  *self);
/* Projects whose spending plan was cleared (those that had one). */
guint          jx_roll_forward_get_n_cleared_plans   (JxRollForward  *self);
/* Projects whose 监控 or 自评 entries were cleared: next year's document
 * starts at its goals. */
guint          jx_roll_forward_get_n_cleared_stages  (JxRollForward  *self);
/* Projects whose code carries the old year's segment: new codes to enter. */
guint          jx_roll_forward_get_n_old_codes   (JxRollForward      *self);
/* The whole list as text to read or copy: a line on what was done, the
 * changed places, and what is left for the clerk. */
char          *jx_roll_forward_to_text           (JxRollForward      *self);

G_END_DECLS
