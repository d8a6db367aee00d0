/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-text-diff.h"
#include "jx-year-text.h"

/* Years in texts: which name the budget year and move with it, which the
 * review reports as another year's, and how two versions of a text are
 * marked word by word. */

static void
assert_shift (const char *text, guint from, guint to, const char *expected)
{
  g_autofree char *shifted = jx_year_text_shift (text, from, to, NULL);

  if (expected == NULL)
    g_assert_null (shifted);
  else
    g_assert_cmpstr (shifted, ==, expected);
}

static void
test_shift_budget_year (void)
{
  assert_shift ("2024年12月31日前", 2024, 2025, "2025年12月31日前");
  assert_shift ("2024年度工作计划", 2024, 2025, "2025年度工作计划");
  assert_shift ("2024.07-2025.01", 2024, 2025, "2025.07-2026.01");
  assert_shift ("2024-12-31前完成", 2024, 2025, "2025-12-31前完成");
  assert_shift ("2024/6/30", 2024, 2025, "2025/6/30");
  assert_shift ("截至2024年底完成率100%", 2024, 2025, "截至2025年底完成率100%");
  assert_shift ("2024年春节、重阳节走访慰问", 2024, 2025, "2025年春节、重阳节走访慰问");
  assert_shift ("2024年12月至2025年6月", 2024, 2025, "2025年12月至2026年6月");
  assert_shift ("二〇二四年十二月", 2024, 2025, "二〇二五年十二月");
  assert_shift ("二零二九年", 2029, 2030, "二零三零年");
  /* Two years of distance, both ways: a comparison of two documents. */
  assert_shift ("2024年12月31日前", 2024, 2026, "2026年12月31日前");
  assert_shift ("2025年度", 2025, 2024, "2024年度");
}

static void
test_shift_leaves_other_years (void)
{
  assert_shift ("比2023年增长10%", 2024, 2025, NULL);
  assert_shift ("较2024年提高", 2024, 2025, NULL);
  assert_shift ("与2024年持平", 2024, 2025, NULL);
  assert_shift ("自2024年1月1日起施行", 2024, 2025, NULL);
  assert_shift ("2021年至2025年规划期", 2024, 2025, NULL);
  assert_shift ("2021-2024年", 2024, 2025, NULL);
  assert_shift ("依据《2024年工作要点》", 2024, 2025, NULL);
  assert_shift ("冀财预〔2024〕15号", 2024, 2025, NULL);
  assert_shift ("[2024]15号文件", 2024, 2025, NULL);
  assert_shift ("2025年1月底前", 2024, 2025, NULL);
  assert_shift ("2024份问卷", 2024, 2025, NULL);
  assert_shift ("≤2024.5万元", 2024, 2025, NULL);
  assert_shift ("编号13028124P000942", 2024, 2025, NULL);
  assert_shift ("GB/T 9704-2012", 2012, 2013, NULL);
  assert_shift ("no digits at all", 2024, 2025, NULL);
  assert_shift ("2024年", 2024, 2024, NULL);
}

static void
test_shift_spans (void)
{
  g_autoptr(GArray) spans = NULL;
  const char *text = "较2023年，2024年度和2024.07-2025.01";
  g_autofree char *shifted = jx_year_text_shift (text, 2024, 2025, &spans);

  g_assert_cmpstr (shifted, ==, "较2023年，2025年度和2025.07-2026.01");
  g_assert_cmpuint (strlen (shifted), ==, strlen (text));
  g_assert_cmpuint (spans->len, ==, 3);
  g_assert_cmpuint (g_array_index (spans, JxTextSpan, 0).start, ==, strstr (text, "2024年度") - text);
  g_assert_cmpuint (g_array_index (spans, JxTextSpan, 0).end -
                    g_array_index (spans, JxTextSpan, 0).start, ==, 4);
}

static void
test_scan_roles (void)
{
  g_autoptr(GArray) mentions = jx_year_text_scan ("比2023年增长，2021年至2025年，《2019年办法》，〔2018〕3号");
  const JxYearRole roles[] = { JX_YEAR_COMPARISON, JX_YEAR_RANGE_START, JX_YEAR_RANGE_END,
                               JX_YEAR_TITLE, JX_YEAR_NUMBER };

  g_assert_cmpuint (mentions->len, ==, G_N_ELEMENTS (roles));
  for (guint i = 0; i < mentions->len; i++)
    g_assert_cmpint (g_array_index (mentions, JxYearMention, i).role, ==, roles[i]);
  g_assert_cmpint (g_array_index (mentions, JxYearMention, 1).other, ==, 2);
  g_assert_cmpint (g_array_index (mentions, JxYearMention, 2).other, ==, 1);
  g_assert_cmpuint (g_array_index (mentions, JxYearMention, 4).year, ==, 2018);
}

static void
test_foreign (void)
{
  g_assert_cmpuint (jx_year_text_foreign ("2023年底前改善机关办公环境。", 2024), ==, 2023);
  g_assert_cmpuint (jx_year_text_foreign ("2024年底前完成。", 2024), ==, 0);
  g_assert_cmpuint (jx_year_text_foreign ("比2023年增长", 2024), ==, 0);
  g_assert_cmpuint (jx_year_text_foreign ("2021年至2025年规划", 2024), ==, 0);
  g_assert_cmpuint (jx_year_text_foreign ("2019年至2022年规划", 2024), ==, 2019);
  g_assert_cmpuint (jx_year_text_foreign ("依据《2019年办法》", 2024), ==, 0);
  g_assert_cmpuint (jx_year_text_foreign ("截至2023年底", 2024), ==, 0);
  g_assert_cmpuint (jx_year_text_foreign ("2023-12-31", 2024), ==, 0);
  g_assert_cmpuint (jx_year_text_foreign ("完成", 2024), ==, 0);
}

static char *
marked (const char *text, GArray *marks)
{
  GString *out = g_string_new (NULL);
  gsize at = 0;

  for (guint i = 0; i < marks->len; i++)
    {
      const JxTextSpan *span = &g_array_index (marks, JxTextSpan, i);

      g_string_append_len (out, text + at, span->start - at);
      g_string_append_c (out, '[');
      g_string_append_len (out, text + span->start, span->end - span->start);
      g_string_append_c (out, ']');
      at = span->end;
    }
  g_string_append (out, text + at);
  return g_string_free (out, FALSE);
}

static void
assert_marks (const char *old_text, const char *new_text, const char *old_marked,
              const char *new_marked)
{
  g_autoptr(GArray) old_marks = NULL;
  g_autoptr(GArray) new_marks = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  jx_text_diff_marks (old_text, new_text, &old_marks, &new_marks);
  a = marked (old_text, old_marks);
  b = marked (new_text, new_marks);
  g_assert_cmpstr (a, ==, old_marked);
  g_assert_cmpstr (b, ==, new_marked);
}

static void
test_marks (void)
{
  assert_marks ("进一步密切代表与群众的联系。", "进一步加强代表与群众的联系。",
                "进一步[密切]代表与群众的联系。", "进一步[加强]代表与群众的联系。");
  assert_marks ("满意度≥95%", "满意度≥90%", "满意度≥[95]%", "满意度≥[90]%");
  assert_marks ("相同的文字", "相同的文字", "相同的文字", "相同的文字");
  assert_marks ("", "新增一句。", "", "[新增一句。]");
  assert_marks ("删去一句。", "", "[删去一句。]", "");
  /* One common character between two changes joins them. */
  assert_marks ("甲的乙", "丙的丁", "[甲的乙]", "[丙的丁]");
  assert_marks ("开展活动3次，覆盖全体代表。", "开展活动5次，覆盖全体代表和委员。",
                "开展活动[3]次，覆盖全体代表。", "开展活动[5]次，覆盖全体代表[和委员]。");
}

static void
test_char_offset (void)
{
  const char *text = "进一步a";

  g_assert_cmpint (jx_text_char_offset (text, strlen ("进一步")), ==, 3);
  g_assert_cmpint (jx_text_char_offset (text, strlen (text)), ==, 4);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/year-text/shift/budget-year", test_shift_budget_year);
  g_test_add_func ("/year-text/shift/other-years", test_shift_leaves_other_years);
  g_test_add_func ("/year-text/shift/spans", test_shift_spans);
  g_test_add_func ("/year-text/scan/roles", test_scan_roles);
  g_test_add_func ("/year-text/foreign", test_foreign);
  g_test_add_func ("/text-diff/marks", test_marks);
  g_test_add_func ("/text-diff/char-offset", test_char_offset);
  return g_test_run ();
}
