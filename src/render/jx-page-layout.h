/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "jx-document.h"
#include "jx-chart.h"
#include "jx-stage.h"
#include "jx-page-fonts.h"

G_BEGIN_DECLS

/* Page geometry in points, after GB/T 9704-2012: A4 with a 156 × 225 mm
 * text block 37 mm from the top and 28 mm from the left. */
#define JX_MM            (72.0 / 25.4)
#define JX_PAGE_WIDTH    (210.0 * JX_MM)
#define JX_PAGE_HEIGHT   (297.0 * JX_MM)
#define JX_BLOCK_LEFT    (28.0 * JX_MM)
#define JX_BLOCK_TOP     (37.0 * JX_MM)
#define JX_BLOCK_WIDTH   (156.0 * JX_MM)
#define JX_BLOCK_HEIGHT  (225.0 * JX_MM)
#define JX_FOLIO_GAP     (7.0 * JX_MM)

typedef enum
{
  JX_BOX_TEXT,    /* lines of a text, see first_line/n_lines */
  JX_BOX_FRAME,   /* a stroked rectangle: a table cell */
  JX_BOX_LEADER,  /* dotted leader of a 目录 line, on the baseline y+h */
  JX_BOX_FOLIO,   /* the page number; the only box outside the text block */
  JX_BOX_CHART,   /* a spending-plan chart filling the box, see jx_page_layout_get_chart */
} JxBoxKind;

typedef enum
{
  JX_BOX_JUSTIFY  = 1 << 0,
  JX_BOX_BOLD     = 1 << 1,  /* the whole text bold */
  JX_BOX_CELL     = 1 << 2,  /* text inside a table cell */
  JX_BOX_HEADER   = 1 << 3,  /* part of the repeated indicator header row */
  JX_BOX_MARKUP   = 1 << 4,  /* text is Pango markup: the marks of a 修改对照表 */
} JxBoxFlags;

/* One thing drawn on a page, in points relative to the text block's top
 * left corner. A text box shows lines [first_line, first_line + n_lines)
 * of its text laid out at width w, one line every role pitch. */
typedef struct
{
  const char *text;     /* owned by the layout */
  float       x, y, w, h;
  float       indent;   /* first-line indent */
  guint       bold_len; /* leading bytes of text drawn bold */
  int         link;     /* page index a click goes to, or -1 */
  float       link_y;
  guint16     first_line;
  guint16     n_lines;
  guint8      kind;     /* JxBoxKind */
  guint8      role;     /* JxFontRole */
  guint8      align;    /* PangoAlignment */
  guint8      flags;    /* JxBoxFlags */
  guint       source;   /* for tests: indicator row number + 1 in its table, else 0;
                         * a chart box: the chart's index in the layout */
} JxBox;

/* A bookmark: the parts, the sections of Part 1 and every project table. */
typedef struct
{
  char  *title;
  guint  level;         /* 0 part, 1 section or table */
  guint  page;          /* page index (0 = cover) */
  float  y;             /* top of the heading in the text block */
  guint  number;        /* printed page number shown in the 目录 */
} JxOutlineEntry;

/* What the printout includes beyond the document itself. */
typedef struct
{
  /* An appendix page after Part 2 with the department's spending-plan
   * chart, cumulative and by period; only for a document with projects. */
  gboolean with_charts;
  /* GOALS: the document. MONITORING or EVALUATION: that stage's report
   * instead: the department's summary, then one 项目支出绩效监控表 or
   * 项目支出绩效自评表 per project, and with_charts the spending chart with
   * the stage's execution on it. */
  JxStage  stage;
} JxPageOptions;

#define JX_TYPE_PAGE_LAYOUT (jx_page_layout_get_type ())
G_DECLARE_FINAL_TYPE (JxPageLayout, jx_page_layout, JX, PAGE_LAYOUT, GObject)

/* Measures the whole document and breaks it into pages. The layout keeps
 * its own copies of the texts: the document may change afterwards. */
JxPageLayout         *jx_page_layout_new             (JxDocument   *document);
/* options NULL: the same as jx_page_layout_new. */
JxPageLayout         *jx_page_layout_new_full        (JxDocument          *document,
                                                      const JxPageOptions *options);
guint                 jx_page_layout_get_n_pages     (JxPageLayout *self);
/* The printed page number, 0 for the cover and 目录 pages. */
guint                 jx_page_layout_get_page_number (JxPageLayout *self,
                                                      guint         page);
const JxBox          *jx_page_layout_get_boxes       (JxPageLayout *self,
                                                      guint         page,
                                                      guint        *n_boxes);
const JxOutlineEntry *jx_page_layout_get_outline     (JxPageLayout *self,
                                                      guint        *n_entries);
const char           *jx_page_layout_get_title       (JxPageLayout *self);
const char           *jx_page_layout_get_author      (JxPageLayout *self);
PangoContext         *jx_page_layout_get_context     (JxPageLayout *self);
/* The series and view a chart box draws (owned by the layout). */
JxChartSeries        *jx_page_layout_get_chart       (JxPageLayout *self,
                                                      const JxBox  *box,
                                                      JxChartMode  *mode);
/* A layout of a text box's text, as it was measured. */
PangoLayout          *jx_page_layout_create_text     (JxPageLayout *self,
                                                      const JxBox  *box);

G_END_DECLS
