/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "jx-page-table-private.h"
#include "jx-stage-report.h"

/* The reports of the later stages of the year, laid out like the goal
 * tables (A4, the same fonts, header rows repeated, merged labels): the
 * department's summary, then per project the 项目支出绩效监控表 after the
 * monitoring forms of 财预〔2019〕136号, or the 项目支出绩效自评表 after those
 * of 财预〔2020〕10号. Their rows and words are the model's
 * (jx-stage-report.h); this lays them on the pages. */

typedef struct
{
  JxPageLayout  *layout;
  JxDocument    *document;
  JxStage        stage;
  JxStageReport *report;
} Report;

static void
add_table (Report *r, const JxReportTable *table)
{
  g_autoptr(JxPageTable) t = jx_page_table_new (r->layout);

  jx_page_table_add_report (t, table);
  jx_page_table_place (t, table->title, r->report->unit_line, r->report->unit);
}

/* ---- the report ---------------------------------------------------------- */

static void
add_centered (JxPageLayout *layout, const char *text, JxFontRole role)
{
  JxBox box = jx_page_layout_text_box (jx_page_layout_intern (layout, text), role, 0,
                                       JX_BLOCK_WIDTH, PANGO_ALIGN_CENTER);

  jx_page_layout_measure (layout, &box);
  box.y = layout->y;
  box.h = box.n_lines * jx_page_layout_pitch (role);
  jx_page_layout_add_box (layout, &box);
  layout->y += box.h;
}

static void
add_front (Report *r)
{
  jx_page_layout_new_page (r->layout);
  jx_page_layout_add_outline (r->layout, r->report->title, 0);
  add_centered (r->layout, r->report->department, JX_FONT_HEADING);
  add_centered (r->layout, r->report->title, JX_FONT_TITLE);
  add_centered (r->layout, r->report->period, JX_FONT_BODY);
  r->layout->y += jx_page_layout_pitch (JX_FONT_TABLE);
}

/* The summary, then each project's table a line below the one before. */
static void
add_tables (Report *r)
{
  for (guint i = 0; i < r->report->tables->len; i++)
    {
      if (i > 0)
        r->layout->y += jx_page_layout_pitch (JX_FONT_BODY);
      add_table (r, g_ptr_array_index (r->report->tables, i));
    }
}

#define APPENDIX_TITLE "附件：部门资金支出计划与执行"

/* The department's cumulative plan with the stage's spending on it. */
static void
add_appendix (Report *r)
{
  g_autoptr(JxChartSeries) series = NULL;
  JxBox box;

  if (g_list_model_get_n_items (jx_document_get_projects (r->document)) == 0)
    return;
  series = jx_chart_series_new_for_stage (r->document, NULL, r->stage);
  jx_page_layout_new_page (r->layout);
  jx_page_layout_add_outline (r->layout, APPENDIX_TITLE, 0);
  box = jx_page_layout_text_box (jx_page_layout_intern (r->layout, APPENDIX_TITLE),
                                 JX_FONT_HEADING, 0, JX_BLOCK_WIDTH, PANGO_ALIGN_LEFT);
  jx_page_layout_measure (r->layout, &box);
  box.h = box.n_lines * jx_page_layout_pitch (JX_FONT_HEADING);
  jx_page_layout_add_box (r->layout, &box);
  r->layout->y += box.h + 6 * JX_MM;
  jx_page_layout_add_chart (r->layout, series, JX_CHART_MODE_CUMULATIVE,
                            floor ((JX_BLOCK_HEIGHT - r->layout->y) * 0.7));
}

void
jx_page_layout_add_stage_report (JxPageLayout        *self,
                                 JxDocument          *document,
                                 const JxPageOptions *options)
{
  g_autoptr(JxStageReport) report = jx_stage_report_new (document, options->stage);
  Report r = { 0 };

  r.layout = self;
  r.document = document;
  r.stage = options->stage;
  r.report = report;
  g_free (self->title);
  self->title = g_strconcat (report->department, report->title, NULL);

  add_front (&r);
  add_tables (&r);
  if (options->with_charts)
    add_appendix (&r);
}
