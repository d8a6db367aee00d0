/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-import-private.h"

G_BEGIN_DECLS

/* The body of a Word file as the importer needs it: paragraphs and tables
 * in order, with what tells headings, lists and lead-ins apart. Field
 * codes, deleted text and the duplicate fallbacks of text boxes are gone;
 * field results, inserted text and text boxes are kept. */

typedef struct
{
  char   *text;        /* tabs as \t, line breaks as \n */
  GArray *bold;        /* guint pairs: [start, end) byte ranges in bold, or NULL */
  char   *style;       /* the paragraph style's name, lower case, or NULL */
  gint    outline;     /* outline level 0…8, or -1 */
  gboolean numbered;   /* an item of an automatically numbered list */
  guint   number;      /* 1-based among the paragraphs outside tables; 0 in a cell */
} JxDocxPara;

typedef enum
{
  JX_DOCX_MERGE_NONE,
  JX_DOCX_MERGE_RESTART,
  JX_DOCX_MERGE_CONTINUE,
} JxDocxMerge;

typedef struct
{
  GPtrArray  *paras;   /* JxDocxPara */
  char       *text;    /* the paragraphs joined by \n */
  guint       column;  /* first grid column */
  guint       span;    /* grid columns covered, at least 1 */
  JxDocxMerge merge;
  GPtrArray  *tables;  /* JxDocxTable inside the cell, or NULL; their
                        * paragraphs are in paras too */
} JxDocxCell;

typedef struct
{
  GPtrArray *rows;     /* GPtrArray of JxDocxCell */
  guint      number;   /* 1-based, in the order of the body */
} JxDocxTable;

typedef struct
{
  JxDocxPara  *para;   /* one of the two */
  JxDocxTable *table;
} JxDocxBlock;

/* Each block of the body as soon as it is complete, in order; the
 * function owns it (jx_docx_block_clear). Blocks are handed over one by
 * one so that a long document is never held whole. */
typedef void (*JxDocxBlockFunc) (JxDocxBlock block,
                                 gpointer    data);

gboolean    jx_docx_body_read   (GsfInfile       *zip,
                                 JxImportBudget  *budget,
                                 JxDocxBlockFunc  func,
                                 gpointer         data,
                                 GError         **error);
void        jx_docx_block_clear (JxDocxBlock     *block);

G_END_DECLS
