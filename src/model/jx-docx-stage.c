/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-docx-private.h"
#include "jx-stage-report.h"

/* The Word file of a document in its monitoring or its self-evaluation:
 * the report the printout has at that stage (jx-stage-report.h), the same
 * tables with the same widths in mm: the department's summary, then per
 * project its goal rows with the stage's columns beside the targets. */

typedef struct
{
  JxDocxWriter  *w;
  JxStageReport *report;
} Report;

static void
table_title (Report *r, const char *title)
{
  g_autofree char *caption = g_strdup_printf ("%s\t单位：%s", r->report->unit_line,
                                              r->report->unit);

  jx_docx_heading (r->w, JX_DOCX_STYLE_TABLE_TITLE, title);
  jx_docx_para (r->w, JX_DOCX_STYLE_TABLE_CAPTION, caption);
}

static void
write_front (Report *r)
{
  jx_docx_para (r->w, JX_DOCX_STYLE_COVER_NOTE, r->report->department);
  jx_docx_para (r->w, JX_DOCX_STYLE_TITLE, r->report->title);
  jx_docx_para (r->w, JX_DOCX_STYLE_COVER_NOTE, r->report->period);
}

void
jx_docx_write_stage_body (JxDocxWriter *w,
                          JxDocument   *document,
                          JxStage       stage)
{
  g_autoptr(JxStageReport) report = NULL;
  Report r = { 0 };

  g_return_if_fail (stage == JX_STAGE_MONITORING || stage == JX_STAGE_EVALUATION);

  report = jx_stage_report_new (document, stage);
  r.w = w;
  r.report = report;
  write_front (&r);
  for (guint i = 0; i < report->tables->len; i++)
    {
      const JxReportTable *table = g_ptr_array_index (report->tables, i);

      table_title (&r, table->title);
      jx_docx_write_report_table (w, table);
    }
  jx_docx_write_section (w, TRUE);
}
