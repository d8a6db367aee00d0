/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-docx-reader.h"
#include "jx-project.h"

G_BEGIN_DECLS

/* What the importer of a Word file has found so far. */

typedef enum
{
  JX_PART_COVER,
  JX_PART_TOC,
  JX_PART_ONE,        /* 第一部分 before its first section */
  JX_PART_OVERALL,    /* 一、总体绩效目标 */
  JX_PART_OVERVIEWS,  /* 二、分项绩效目标 */
  JX_PART_MEASURES,   /* 三、工作保障措施 */
  JX_PART_TWO,        /* 第二部分: the tables */
} JxDocxPart;

/* The fields of an indicator row, in the printed order. */
typedef enum
{
  JX_FIELD_LEVEL1,
  JX_FIELD_LEVEL2,
  JX_FIELD_NAME,
  JX_FIELD_DESCRIPTION,
  JX_FIELD_VALUE,
  JX_FIELD_BASIS,
  JX_N_FIELDS
} JxIndicatorField;

typedef struct
{
  gboolean found;
  guint column[JX_N_FIELDS];   /* first grid column, G_MAXUINT when missing */
  guint span[JX_N_FIELDS];
} JxIndicatorColumns;

typedef struct
{
  JxDocument *document;
  JxImportReport *report;
  GQueue *pending;             /* JxDocxBlock*, the block being read first */
  JxDocxPart part;
  gboolean year_found;
  gboolean unit_line_found;
  /* Cover lines before the year line: the department's name. */
  GString *department;
  GPtrArray *overviews;        /* Overview, matched to projects at the end */
  /* The table being read and how its indicator columns lie. */
  JxProject *project;
  JxIndicatorColumns columns;
  gboolean indicators_started;
  /* The shape of the indicator table, which a table Word split off it
   * has too: its grid width and the grid columns its cells start at. */
  guint indicator_width;
  guint64 indicator_starts;
  /* The grid columns of the stage's own indicator columns (1–6月完成值,
   * 得分 …), named once at the header and not read. */
  guint64 stage_columns;
  char *title_name;            /* from "N.{name}绩效目标表" above the table */
  guint64 unit_factor;         /* yuan in the money unit of the tables */
  /* The funds as the project table gives them, reconciled at its end. */
  gboolean have_total, have_fiscal, have_other;
  JxMoney total, fiscal, other;
  guint project_table;         /* its table number, for the report */
  GArray *months;              /* guint pairs (column, month) awaiting their percents */
  /* Measures whose heading was guessed from a short first sentence, and
   * whether any measure had a bold lead-in (then the guesses are undone). */
  GPtrArray *guessed;
  gboolean bold_measures;
  /* The Part 1 text that paragraphs are being added to (the summary, the
   * last point or the last measure's body), gathered here and set once
   * it is done: a point that goes on for thousands of paragraphs is not
   * copied again with each one. tail_of is the JxDocument, JxTextItem or
   * JxMeasure it belongs to (a reference), or NULL. */
  GObject *tail_of;
  GString *tail;
} JxDocxImport;

/* Text without the spaces Word files are full of (ASCII, full-width,
 * no-break), to compare labels: "项 目 编 码" is "项目编码". */
char     *jx_docx_compact        (const char   *text);
/* Trimmed of spaces at both ends, full-width ones too. */
char     *jx_docx_trim           (const char   *text);
/* Places in a clerk's words. */
char     *jx_docx_place_para     (guint         number);
char     *jx_docx_place_row      (guint         table,
                                  guint         row);

/* A table of the body: jx-docx-import-table.c. */
void      jx_docx_import_table   (JxDocxImport *im,
                                  JxDocxTable  *table);
/* Sets the funds of the project just read from what its table gave. */
void      jx_docx_import_finish_project (JxDocxImport *im);
/* The money unit of a "单位：万元" text: TRUE with the yuan it holds. */
gboolean  jx_docx_parse_unit     (const char   *unit,
                                  guint64      *factor);

G_END_DECLS
