/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jx-checkpoint.h"
#include "jx-indicator.h"
#include "jx-report-private.h"
#include "jx-text-item.h"

/* The rows, columns and words of the 项目绩效目标表, once: the printout
 * (jx-page-table.c) and the Word file (jx-docx-table.c) draw them. The
 * widths are those of the paper form laid on the 156 mm block. */

#define LABEL_W JX_REPORT_LABEL_W
#define REST_W  JX_REPORT_REST_W

static void
cell_clear (gpointer data)
{
  JxReportCell *cell = data;

  g_free (cell->text);
  g_clear_object (&cell->goals);
}

static void
row_clear (gpointer data)
{
  g_array_unref (((JxReportRow *) data)->cells);
}

void
jx_report_table_free (JxReportTable *table)
{
  if (table == NULL)
    return;
  g_free (table->title);
  g_array_unref (table->rows);
  g_free (table);
}

/* ---- building (jx-report-private.h) ---------------------------------------- */

JxReportTable *
jx_report_builder_start (JxReportBuilder *b,
                         char            *title)
{
  JxReportTable *table = g_new0 (JxReportTable, 1);

  table->title = title;
  table->rows = g_array_new (FALSE, TRUE, sizeof (JxReportRow));
  g_array_set_clear_func (table->rows, row_clear);
  table->header_last = G_MAXUINT;
  b->table = table;
  b->x = 0;
  return table;
}

guint
jx_report_builder_row (JxReportBuilder *b,
                       double           x,
                       guint            indicator)
{
  JxReportRow row = { 0 };

  row.cells = g_array_new (FALSE, TRUE, sizeof (JxReportCell));
  g_array_set_clear_func (row.cells, cell_clear);
  row.indicator = indicator;
  g_array_append_val (b->table->rows, row);
  b->x = x;
  return b->table->rows->len - 1;
}

JxReportCell *
jx_report_builder_take (JxReportBuilder *b,
                        double           w,
                        char            *text,
                        JxReportAlign    align)
{
  JxReportRow *row = &g_array_index (b->table->rows, JxReportRow, b->table->rows->len - 1);
  JxReportCell cell = { 0 };

  cell.text = text;
  cell.x = b->x;
  cell.w = w;
  cell.rows = 1;
  cell.align = align;
  g_array_append_val (row->cells, cell);
  b->x += w;
  return &g_array_index (row->cells, JxReportCell, row->cells->len - 1);
}

JxReportCell *
jx_report_builder_add (JxReportBuilder *b,
                       double           w,
                       const char      *text,
                       JxReportAlign    align)
{
  return jx_report_builder_take (b, w, g_strdup (text), align);
}

void
jx_report_builder_label (JxReportBuilder *b,
                         double           w,
                         char            *text,
                         guint            rows)
{
  JxReportCell *cell = jx_report_builder_take (b, w, text, JX_REPORT_ALIGN_CENTRE);

  cell->rows = rows;
  cell->label = TRUE;
}

guint
jx_report_builder_titles (JxReportBuilder    *b,
                          double              x,
                          const double       *widths,
                          const char * const *titles,
                          guint               n)
{
  guint row = jx_report_builder_row (b, x, 0);

  for (guint c = 0; c < n; c++)
    jx_report_builder_add (b, widths[c], titles[c], JX_REPORT_ALIGN_CENTRE)->title = TRUE;
  return row;
}

/* ---- rows of every project table ------------------------------------------ */

void
jx_report_add_identity_row (JxReportBuilder *b,
                            JxProject       *project)
{
  jx_report_builder_row (b, 0, 0);
  jx_report_builder_add (b, LABEL_W, "项目编码", JX_REPORT_ALIGN_CENTRE);
  jx_report_builder_add (b, 50, jx_project_get_code (project), JX_REPORT_ALIGN_CENTRE);
  jx_report_builder_add (b, 20, "项目名称", JX_REPORT_ALIGN_CENTRE);
  jx_report_builder_add (b, REST_W - 70, jx_project_get_name (project), JX_REPORT_ALIGN_CENTRE);
}

void
jx_report_add_goal_row (JxReportBuilder *b,
                        JxProject       *project)
{
  GListModel *goals = jx_project_get_goals (project);
  GString *text = g_string_new (NULL);
  JxReportCell *cell;

  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(JxTextItem) goal = g_list_model_get_item (goals, i);

      g_string_append_printf (text, "%s%u.%s", i > 0 ? "\n" : "", i + 1,
                              jx_text_item_get_text (goal));
    }
  jx_report_builder_row (b, 0, 0);
  jx_report_builder_add (b, LABEL_W, "绩效目标", JX_REPORT_ALIGN_CENTRE);
  cell = jx_report_builder_take (b, REST_W, g_string_free (text, FALSE), JX_REPORT_ALIGN_LEFT);
  cell->goals = g_object_ref (goals);
}

static gboolean
same_level (JxIndicator *a, JxIndicator *b, gboolean level2)
{
  if (b == NULL || g_strcmp0 (jx_indicator_get_level1 (a), jx_indicator_get_level1 (b)) != 0)
    return FALSE;
  return !level2 || g_strcmp0 (jx_indicator_get_level2 (a), jx_indicator_get_level2 (b)) == 0;
}

/* How many rows from indicator i on have its 一级 (or, level2, its 一级
 * and 二级): a run of equal categories shares one label. */
static guint
level_run (GListModel *indicators, guint i, gboolean level2)
{
  g_autoptr(JxIndicator) ind = g_list_model_get_item (indicators, i);
  guint n = g_list_model_get_n_items (indicators);
  guint end = i + 1;

  for (; end < n; end++)
    {
      g_autoptr(JxIndicator) next = g_list_model_get_item (indicators, end);

      if (!same_level (ind, next, level2))
        break;
    }
  return end - i;
}

static gboolean
starts_run (GListModel *indicators, guint i, gboolean level2)
{
  g_autoptr(JxIndicator) ind = g_list_model_get_item (indicators, i);
  g_autoptr(JxIndicator) previous = i > 0 ? g_list_model_get_item (indicators, i - 1) : NULL;

  return previous == NULL || !same_level (ind, previous, level2);
}

void
jx_report_add_indicator_row (JxReportBuilder *b,
                             const double    *w,
                             GListModel      *indicators,
                             guint            i)
{
  g_autoptr(JxIndicator) ind = g_list_model_get_item (indicators, i);
  gboolean first1 = starts_run (indicators, i, FALSE);
  gboolean first2 = starts_run (indicators, i, TRUE);

  jx_report_builder_row (b, first1 ? 0 : first2 ? w[0] : w[0] + w[1], i + 1);
  if (first1)
    jx_report_builder_label (b, w[0], g_strdup (jx_indicator_get_level1 (ind)),
                             level_run (indicators, i, FALSE));
  if (first2)
    jx_report_builder_label (b, w[1], g_strdup (jx_indicator_get_level2 (ind)),
                             level_run (indicators, i, TRUE));
}

/* ---- 项目绩效目标表 -------------------------------------------------------- */

static void
add_budget_rows (JxReportBuilder *b, JxProject *project)
{
  const JxReportAlign centre = JX_REPORT_ALIGN_CENTRE;

  jx_report_builder_row (b, 0, 0);
  jx_report_builder_label (b, LABEL_W, g_strdup ("预算规模及资金用途"), 2);
  jx_report_builder_add (b, 18, "预算数", centre);
  jx_report_builder_take (b, 19, jx_money_format (jx_project_get_total (project)), centre);
  jx_report_builder_add (b, 30, "其中：财政资金", centre);
  jx_report_builder_take (b, 19, jx_money_format (jx_project_get_fiscal (project)), centre);
  jx_report_builder_add (b, 20, "其他资金", centre);
  jx_report_builder_take (b, REST_W - 106, jx_money_format (jx_project_get_other (project)),
                          centre);
  jx_report_builder_row (b, LABEL_W, 0);
  jx_report_builder_add (b, REST_W, jx_project_get_usage (project), JX_REPORT_ALIGN_JUSTIFY);
}

/* A row of the plan: each checkpoint's text, or one empty cell. */
static void
add_plan_cells (JxReportBuilder *b, GListModel *plan, guint n, gboolean percents)
{
  double w = n > 0 ? REST_W / n : REST_W;

  if (n == 0)
    jx_report_builder_add (b, REST_W, "", JX_REPORT_ALIGN_CENTRE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxCheckpoint) point = g_list_model_get_item (plan, i);
      char *text = percents ? jx_checkpoint_format_percent (jx_checkpoint_get_percent (point))
                            : g_strdup_printf ("%u月底", jx_checkpoint_get_month (point));

      jx_report_builder_take (b, w, text, JX_REPORT_ALIGN_CENTRE)->narrow = w < 15;
    }
}

static void
add_plan_rows (JxReportBuilder *b, JxProject *project)
{
  GListModel *plan = jx_project_get_spending_plan (project);
  /* At most a column for each month and one for the year's start. */
  guint n = MIN (g_list_model_get_n_items (plan), 13);

  jx_report_builder_row (b, 0, 0);
  jx_report_builder_label (b, LABEL_W, g_strdup ("资金支出计划（%）"), 2);
  add_plan_cells (b, plan, n, FALSE);
  jx_report_builder_row (b, LABEL_W, 0);
  add_plan_cells (b, plan, n, TRUE);
}

static const double indicator_widths[6] = { 22, 22, 28, 36, 22, 26 };

static void
add_indicators (JxReportBuilder *b, JxProject *project)
{
  static const char *titles[6] = { "一级指标", "二级指标", "三级指标", "绩效指标描述",
                                   "指标值", "指标值确定依据" };
  GListModel *indicators = jx_project_get_indicators (project);
  const double *w = indicator_widths;

  b->table->header = jx_report_builder_titles (b, 0, w, titles, 6);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(JxIndicator) ind = g_list_model_get_item (indicators, i);

      jx_report_add_indicator_row (b, w, indicators, i);
      jx_report_builder_add (b, w[2], jx_indicator_get_name (ind), JX_REPORT_ALIGN_LEFT);
      jx_report_builder_add (b, w[3], jx_indicator_get_description (ind), JX_REPORT_ALIGN_LEFT);
      jx_report_builder_add (b, w[4], jx_indicator_get_value (ind), JX_REPORT_ALIGN_CENTRE);
      jx_report_builder_add (b, w[5], jx_indicator_get_basis (ind), JX_REPORT_ALIGN_LEFT);
    }
}

JxReportTable *
jx_report_table_new_goals (JxProject *project)
{
  JxReportBuilder b = { 0 };

  g_return_val_if_fail (JX_IS_PROJECT (project), NULL);

  jx_report_builder_start (&b, NULL);
  jx_report_add_identity_row (&b, project);
  add_budget_rows (&b, project);
  add_plan_rows (&b, project);
  jx_report_add_goal_row (&b, project);
  add_indicators (&b, project);
  return b.table;
}
