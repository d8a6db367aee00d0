/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/xmlwriter.h>

#include "jx-docx.h"
#include "jx-indicator.h"
#include "jx-project.h"
#include "jx-report-table.h"
#include "jx-stage.h"

G_BEGIN_DECLS

/* Lengths in WordprocessingML are in twentieths of a point ("twips"). */
#define JX_DOCX_TWIPS_PER_MM   (1440.0 / 25.4)
#define JX_DOCX_MM(mm)         ((int) ((mm) * JX_DOCX_TWIPS_PER_MM + 0.5))
/* The text block of GB/T 9704-2012: 156 mm wide. */
#define JX_DOCX_BLOCK_WIDTH    JX_DOCX_MM (156.0)

/* The kinds of automatically numbered lists, as printed. */
typedef enum
{
  JX_DOCX_LIST_POINTS,     /* 1、 in 总体绩效目标 */
  JX_DOCX_LIST_OVERVIEWS,  /* 1. bold, 分项绩效目标 */
  JX_DOCX_LIST_MEASURES,   /* 1. regular before a bold heading */
  JX_DOCX_LIST_GOALS,      /* 1. in a table's 绩效目标 cell */
} JxDocxListKind;

/* Style ids written to styles.xml and used by the body. */
#define JX_DOCX_STYLE_BODY          "Normal"
#define JX_DOCX_STYLE_TITLE         "Title"
#define JX_DOCX_STYLE_COVER_NOTE    "JxCoverSignature"
#define JX_DOCX_STYLE_PART          "Heading1"
#define JX_DOCX_STYLE_SECTION       "Heading2"
#define JX_DOCX_STYLE_TOC_HEADING   "TOCHeading"
#define JX_DOCX_STYLE_TOC1          "TOC1"
#define JX_DOCX_STYLE_TOC2          "TOC2"
#define JX_DOCX_STYLE_OVERVIEW      "JxOverviewTitle"
#define JX_DOCX_STYLE_MEASURE_HEAD  "JxMeasureHeading"
#define JX_DOCX_STYLE_TABLE_TITLE   "JxTableTitle"
#define JX_DOCX_STYLE_TABLE_CAPTION "JxTableCaption"
#define JX_DOCX_STYLE_TABLE_JOIN    "JxTableJoin"
#define JX_DOCX_STYLE_CELL          "JxCellText"
#define JX_DOCX_STYLE_CELL_CENTRE   "JxCellCentre"
#define JX_DOCX_STYLE_CELL_HEAD     "JxCellHeader"
#define JX_DOCX_STYLE_CELL_NARROW   "JxCellNarrow"
#define JX_DOCX_STYLE_TABLE         "JxProjectTable"
#define JX_DOCX_STYLE_FOOTER        "Footer"
/* The name the 目录 field's \t switch refers to: the table titles are its
 * second level next to the built-in headings. */
#define JX_DOCX_TABLE_TITLE_NAME    "项目表标题"

typedef struct
{
  xmlTextWriterPtr xml;
  gboolean failed;
  guint next_bookmark;
  GArray *lists;        /* JxDocxListKind of each numbering instance, id = index + 1 */
  const JxDocxOptions *options;
} JxDocxWriter;

void     jx_docx_start      (JxDocxWriter *w,
                             const char   *name);
void     jx_docx_end        (JxDocxWriter *w);
void     jx_docx_attr       (JxDocxWriter *w,
                             const char   *name,
                             const char   *value);
void     jx_docx_attr_int   (JxDocxWriter *w,
                             const char   *name,
                             gint64        value);
/* <name w:val="value"/>, or <name/> when value is NULL. */
void     jx_docx_val        (JxDocxWriter *w,
                             const char   *name,
                             const char   *value);
void     jx_docx_val_int    (JxDocxWriter *w,
                             const char   *name,
                             gint64        value);
/* A run of text, in a character style or none (NULL): tabs become <w:tab/>,
 * line breaks <w:br/>, and characters XML cannot carry are dropped. */
void     jx_docx_run        (JxDocxWriter *w,
                             const char   *text,
                             const char   *char_style);
/* Opens <w:p> with its style, in a numbered list (0: none), and keep-with-next. */
void     jx_docx_para_start (JxDocxWriter *w,
                             const char   *style,
                             guint         list,
                             gboolean      keep_next);
/* A whole paragraph of one style and text. */
void     jx_docx_para       (JxDocxWriter *w,
                             const char   *style,
                             const char   *text);
/* A new numbering instance of kind, starting at 1; its id for para_start. */
guint    jx_docx_new_list   (JxDocxWriter *w,
                             JxDocxListKind kind);

/* Brackets a heading with a bookmark the 目录 links to; the number of the
 * bookmark is returned by bookmark_start. */
guint    jx_docx_bookmark_start (JxDocxWriter *w);
void     jx_docx_bookmark_end   (JxDocxWriter *w,
                                 guint         id);
char    *jx_docx_bookmark_name  (guint         id);

/* word/document.xml's body: jx-docx-body.c. */
void     jx_docx_write_body     (JxDocxWriter *w,
                                 JxDocument   *document);
/* One project's 项目绩效目标表: jx-docx-table.c. */
void     jx_docx_write_table    (JxDocxWriter *w,
                                 JxProject    *project);
/* The stage reports (监控 and 自评) in place of Part 1 and Part 2:
 * jx-docx-stage.c. */
void     jx_docx_write_stage_body (JxDocxWriter *w,
                                   JxDocument   *document,
                                   JxStage       stage);

/* ---- Tables laid out in mm like the printout's: jx-docx-table.c ----
 *
 * Each table's grid is the union of its rows' column edges; a cell spans
 * the grid columns between its edges, and labels run down over rows as
 * vertical merges. */

#define JX_DOCX_MAX_CELLS 16
#define JX_DOCX_MAX_EDGES 64

typedef enum
{
  JX_DOCX_MERGE_NONE,
  JX_DOCX_MERGE_START,
  JX_DOCX_MERGE_CONTINUE,
} JxDocxMerge;

typedef struct
{
  double x, w;               /* mm */
  const char *text;
  const char *style;
  JxDocxMerge merge;
  GListModel *goals;         /* the cell lists the goals, numbered */
  gboolean open_below;       /* no bottom border: the next table's top is the line */
  char *owned;               /* text to free */
} JxDocxCell;

typedef struct
{
  JxDocxCell cells[JX_DOCX_MAX_CELLS];
  guint n;
  gboolean header;           /* repeated on every page */
} JxDocxRow;

typedef struct
{
  GArray *rows;              /* JxDocxRow */
  double edges[JX_DOCX_MAX_EDGES];
  guint n_edges;
} JxDocxTable;

JxDocxTable *jx_docx_table_new      (void);
void         jx_docx_table_free     (JxDocxTable  *t);
JxDocxRow   *jx_docx_table_add_row  (JxDocxTable  *t);
/* A cell after the row's last one, w mm wide; _take owns text. */
JxDocxCell  *jx_docx_row_add        (JxDocxRow    *row,
                                     double        w,
                                     const char   *text,
                                     const char   *style);
JxDocxCell  *jx_docx_row_take       (JxDocxRow    *row,
                                     double        w,
                                     char         *text,
                                     const char   *style);
/* keep_together: every row stays with the next on one page. */
void         jx_docx_table_write    (JxDocxWriter *w,
                                     JxDocxTable  *t,
                                     gboolean      keep_together);
/* A table the model describes: the rows above its header row as a table
 * kept on one page, then the rest from the header row, which Word repeats
 * on each page. */
void         jx_docx_write_report_table (JxDocxWriter        *w,
                                         const JxReportTable *table);

/* Paragraphs of the body: jx-docx-body.c. A heading with the bookmark the
 * 目录 and the PDF outline link to. */
void     jx_docx_heading          (JxDocxWriter *w,
                                   const char   *style,
                                   const char   *text);
/* The page set-up of a section; numbered: page numbers from 1 in the footer. */
void     jx_docx_write_section    (JxDocxWriter *w,
                                   gboolean      numbered);
/* The styles and numbering parts: jx-docx-styles.c. */
void     jx_docx_write_styles    (JxDocxWriter *w);
void     jx_docx_write_numbering (JxDocxWriter *w);

G_END_DECLS
