/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-numbering.h"

/* Each case: what the clerk typed, and what prints after stripping. */
typedef struct
{
  const char *typed;
  const char *stripped;
} Case;

static void
assert_cases (const Case *cases,
              gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *out = jx_numbering_strip (cases[i].typed);

      g_test_message ("%s", cases[i].typed);
      g_assert_cmpstr (out, ==, cases[i].stripped);
      g_assert_true (jx_numbering_has (cases[i].typed) ==
                     (g_strcmp0 (cases[i].typed, cases[i].stripped) != 0));
    }
}

static void
test_arabic (void)
{
  static const Case cases[] = {
    { "1、加强预算管理", "加强预算管理" },
    { "1.加强预算管理", "加强预算管理" },
    { "1. 加强预算管理", "加强预算管理" },
    { "12．完善制度", "完善制度" },
    { "１、全角数字", "全角数字" },
    { "3）落实责任", "落实责任" },
    { "3)落实责任", "落实责任" },
    { "1.1、细化目标", "细化目标" },
    { "2.3.1．分解任务", "分解任务" },
    { "  2、前面有空格", "前面有空格" },
    { "4、\u3000全角空格", "全角空格" },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_chinese (void)
{
  static const Case cases[] = {
    { "一、总体目标", "总体目标" },
    { "十二、其他", "其他" },
    { "二．保障措施", "保障措施" },
    { "（一）加强组织领导", "加强组织领导" },
    { "(二)强化监督", "强化监督" },
    { "（三）、强化监督", "强化监督" },
    { "（1）完成采购", "完成采购" },
    { "(12) 完成采购", "完成采购" },
    { "壹、总则", "总则" },
    { "第一，加强领导", "加强领导" },
    { "第二、完善制度", "完善制度" },
    { "第3：落实经费", "落实经费" },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_enclosed (void)
{
  static const Case cases[] = {
    { "①提高效率", "提高效率" },
    { "⑳最后一条", "最后一条" },
    { "⑴带括号的数字", "带括号的数字" },
    { "⒈带点的数字", "带点的数字" },
    { "㈠带括号的汉字", "带括号的汉字" },
    { "② 有空格", "有空格" },
    { "Ⅱ、罗马数字", "罗马数字" },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

/* Text that begins with a number the clerk meant as a word stays whole. */
static void
test_not_numbering (void)
{
  static const Case cases[] = {
    { "1.5万元用于设备购置", "1.5万元用于设备购置" },
    { "1.5 万元用于设备购置", "1.5 万元用于设备购置" },
    { "2024年完成验收", "2024年完成验收" },
    { "1、2月完成招标", "1、2月完成招标" },
    { "1、2、3月完成招标", "1、2、3月完成招标" },
    { "一、二季度完成招标", "一、二季度完成招标" },
    { "第一、二季度完成招标", "第一、二季度完成招标" },
    { "第一季度完成招标", "第一季度完成招标" },
    { "第一批次已到位", "第一批次已到位" },
    { "一是加强领导", "一是加强领导" },
    { "三个项目全部完成", "三个项目全部完成" },
    { "Ⅲ类水质断面比例", "Ⅲ类水质断面比例" },
    { "1000、", "1000、" },
    { "（2024年）工作要点", "（2024年）工作要点" },
    { "（注：按实际）", "（注：按实际）" },
    { "100%完成", "100%完成" },
    { "加强预算管理", "加强预算管理" },
    { "", "" },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_twice (void)
{
  static const Case cases[] = {
    { "（一）1、加强领导", "加强领导" },
    { "1、1、加强领导", "加强领导" },
    { "1、", "" },
    { "（二）", "" },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_marker (void)
{
  g_autofree char *a = jx_numbering_marker ("  1、 加强");
  g_autofree char *b = jx_numbering_marker ("（一）\u3000加强");
  g_autofree char *c = jx_numbering_marker ("加强");

  g_assert_cmpstr (a, ==, "1、");
  g_assert_cmpstr (b, ==, "（一）");
  g_assert_null (c);
  g_assert_cmpuint (jx_numbering_length ("（一）\u3000加强"), ==,
                    strlen ("（一）\u3000"));
}

static void
test_bad_input (void)
{
  g_assert_cmpuint (jx_numbering_length (NULL), ==, 0);
  g_assert_null (jx_numbering_strip (NULL));
  g_assert_cmpuint (jx_numbering_length ("1、\xff\xfe"), ==, 0);
  g_assert_cmpuint (jx_numbering_length ("（"), ==, 0);
  g_assert_cmpuint (jx_numbering_length ("第"), ==, 0);
  g_assert_cmpuint (jx_numbering_length ("1."), ==, 2);
}

static void
assert_split (const char *text, const char * const *expected)
{
  g_auto(GStrv) items = jx_numbering_split_inline (text);

  g_test_message ("%s", text);
  if (expected == NULL)
    {
      g_assert_null (items);
      return;
    }
  g_assert_nonnull (items);
  g_assert_cmpstrv (items, expected);
}

static void
test_split_inline (void)
{
  const char *two[] = { "完成维修", "消除隐患。", NULL };
  const char *three[] = { "完成维修。", "消除隐患。", "提升满意度", NULL };
  const char *brackets[] = { "建成平台", "开展培训", NULL };
  const char *spaced[] = { "维修面积达 2.5万平方米", "验收合格", NULL };

  assert_split ("1.完成维修；2.消除隐患。", two);
  assert_split ("1、完成维修。2、消除隐患。3、提升满意度", three);
  assert_split ("（1）建成平台；（2）开展培训", brackets);
  assert_split ("1. 维修面积达 2.5万平方米； 2. 验收合格", spaced);
  /* One item, a number in the text, another style, not from 1: no list. */
  assert_split ("1.完成维修", NULL);
  assert_split ("1.维修面积达 2.5万平方米", NULL);
  assert_split ("1.完成维修；2、消除隐患", NULL);
  assert_split ("2.完成维修；3.消除隐患", NULL);
  assert_split ("完成维修；2.消除隐患", NULL);
  assert_split ("12.完成维修；13.消除隐患", NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/numbering/arabic", test_arabic);
  g_test_add_func ("/numbering/chinese", test_chinese);
  g_test_add_func ("/numbering/enclosed", test_enclosed);
  g_test_add_func ("/numbering/not-numbering", test_not_numbering);
  g_test_add_func ("/numbering/twice", test_twice);
  g_test_add_func ("/numbering/marker", test_marker);
  g_test_add_func ("/numbering/bad-input", test_bad_input);
  g_test_add_func ("/numbering/split-inline", test_split_inline);
  return g_test_run ();
}
