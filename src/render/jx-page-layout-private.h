/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-page-layout.h"
#include "jx-page-shaped.h"
#include "jx-project.h"

G_BEGIN_DECLS

#define JX_EPSILON 0.01

typedef struct
{
  GArray *boxes;    /* JxBox */
  guint   number;
} JxPage;

typedef struct
{
  JxChartSeries *series;
  JxChartMode    mode;
} JxPageChart;

struct _JxPageLayout
{
  GObject parent_instance;

  PangoContext *context;
  PangoLayout *measure;
  GHashTable *shaped;     /* LayoutKey → JxShapedText */
  GStringChunk *strings;
  GPtrArray *pages;       /* JxPage */
  GArray *outline;        /* JxOutlineEntry */
  char *title;
  char *author;
  GArray *charts;         /* JxPageChart */
  guint appendix_entry;   /* outline index of the appendix, or G_MAXUINT */

  /* The flow: where the next thing goes on the last page. */
  double y;
  guint next_number;      /* printed number of the next page, 0 = none */
};

double       jx_page_layout_pitch       (JxFontRole    role);
const char  *jx_page_layout_intern      (JxPageLayout *self,
                                         const char   *text);
void         jx_page_layout_new_page    (JxPageLayout *self);
JxPage      *jx_page_layout_last_page   (JxPageLayout *self);
JxBox       *jx_page_layout_add_box     (JxPageLayout *self,
                                         const JxBox  *box);
/* The text of a box as it was measured, to draw (owned by the layout). */
const JxShapedText *jx_page_layout_get_shaped (JxPageLayout *self,
                                               const JxBox  *box);
/* Lines the text of box takes at its width; sets box->n_lines too. */
guint        jx_page_layout_measure     (JxPageLayout *self,
                                         JxBox        *box);
/* A text box template: nothing set but what is given. */
JxBox        jx_page_layout_text_box    (const char   *text,
                                         JxFontRole    role,
                                         double        x,
                                         double        w,
                                         PangoAlignment align);
void         jx_page_layout_add_outline (JxPageLayout *self,
                                         const char   *title,
                                         guint         level);
/* A chart box of height at the cursor, the full width of the block. */
void         jx_page_layout_add_chart   (JxPageLayout  *self,
                                         JxChartSeries *series,
                                         JxChartMode    mode,
                                         double         height);
/* The stage's report (jx-page-stage.c), numbered from page 1. */
void         jx_page_layout_add_stage_report (JxPageLayout        *self,
                                              JxDocument          *document,
                                              const JxPageOptions *options);
/* "— N —" on every numbered page, outside the text block. */
void         jx_page_layout_add_folios  (JxPageLayout *self);
void         jx_page_layout_add_table   (JxPageLayout *self,
                                         JxProject    *project,
                                         const char   *title,
                                         const char   *unit_line,
                                         const char   *money_unit);

G_END_DECLS
