#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""jixiao-cli import of Word files and workbooks shaped the way clerks and
other programs shape them, beyond the usual layouts: section rows merged
across a sheet, cells merged across columns, covers worded another way.
Each check imports a file made here with python3-docx or python3-openpyxl
and compares what a clerk would look at, field by field. Prints TAP.

Usage: test-import-quirks.py CLI"""

import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

CLI = sys.argv[1]
ENV = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
ENV["LC_ALL"] = "C.UTF-8"
tmp = tempfile.mkdtemp()
results = []

try:
    import openpyxl
except ImportError:
    openpyxl = None
try:
    import docx
except ImportError:
    docx = None


def check(name, condition, detail=""):
    results.append((name, "ok" if condition else "not ok", detail))


def skip(name, why):
    results.append((name, "skip", why))


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=ENV, timeout=300)


def path(name):
    return os.path.join(tmp, name)


def import_file(name):
    """The imported document (or None) and the run, for its report."""
    out = path(name + ".json")
    r = run("import", path(name), "-o", out)
    if r.returncode != 0:
        return None, r
    with open(out, encoding="utf-8") as f:
        return json.load(f), r


def rows_of(document):
    return [(i["level1"], i["level2"], i["name"], i.get("description", ""), i["value"],
             i.get("basis", ""))
            for p in document["projects"] for i in p.get("indicators", [])]


# ---- Workbooks ----

if openpyxl is None:
    skip("workbooks made by openpyxl", "python3-openpyxl is not installed")
else:
    # A section row merged across the sheet and a 指标值 merged over the
    # column beside it: a merged range is one wide cell, its text in its
    # first column only.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "人大代表活动经费"
    sheet.append(["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "指标值确定依据"])
    sheet.append(["一、产出指标"])
    sheet.merge_cells("A2:F2")
    sheet.append(["产出指标", "数量指标", "开展代表活动次数", 6, "次", "年度计划"])
    sheet.append(["满意度指标", "服务对象满意度指标", "代表满意度", "≥90%"])
    sheet.merge_cells("D4:E4")
    sheet.append([None, None, "代表履职满意度", 85, "%"])
    sheet.merge_cells("F3:F5")
    book.save(path("sections.xlsx"))
    got, r = import_file("sections.xlsx")
    expected = [("产出指标", "数量指标", "开展代表活动次数", "", "6次", "年度计划"),
                ("满意度指标", "服务对象满意度指标", "代表满意度", "", "≥90%", "年度计划"),
                ("满意度指标", "服务对象满意度指标", "代表履职满意度", "", "85%", "年度计划")]
    check("a section row merged across the sheet is no indicator; a cell merged across "
          "columns fills its first column only, one merged down fills every row",
          got is not None and rows_of(got) == expected,
          rows_of(got) if got is not None else r.stderr)

    # Dates as a Chinese Excel saves them when a clerk types "2024年12月",
    # "12月31日" or "2024/12/31": date cells under the built-in formats 57,
    # 58 and 14, which the file names by number only. The imported value
    # is what the cell shows, not a day the clerk never typed.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "甲项目"
    sheet.append(["项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "指标值"])
    dates = [("完成年月", datetime.datetime(2024, 12, 1), 'yyyy"年"m"月"', 57),
             ("完成日期", datetime.datetime(2024, 12, 31), 'm"月"d"日"', 58),
             ("验收日期", datetime.datetime(2024, 12, 31), "yyyy/m/d", 14),
             ("交付日期", datetime.datetime(2024, 6, 30), 'yyyy"年"m"月"d"日"', 31)]
    for row, (name, when, code, _) in enumerate(dates, 2):
        sheet.append(["P001", "甲项目", "产出指标", "时效指标", name, when])
        sheet.cell(row, 6).number_format = code
    book.save(path("dates.xlsx"))
    with zipfile.ZipFile(path("dates.xlsx")) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    styles = parts["xl/styles.xml"].decode()
    for _, _, code, builtin in dates:
        quoted = code.replace('"', "&quot;")
        number = re.search(r'<numFmt numFmtId="(\d+)" formatCode="%s"/>' % re.escape(quoted), styles)
        styles = styles.replace(number.group(0), "")
        styles = styles.replace('numFmtId="%s"' % number.group(1), 'numFmtId="%d"' % builtin)
    parts["xl/styles.xml"] = styles.encode()
    with zipfile.ZipFile(path("dates.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    got, r = import_file("dates.xlsx")
    values = [i["value"] for i in got["projects"][0]["indicators"]] if got else r.stderr
    check("Excel's built-in Chinese date formats: a date cell is read as it shows, "
          "2024年12月 without a day", values == ["2024年12月", "12月31日", "2024/12/31", "2024年6月30日"],
          values)

    # A 项目 sheet whose 绩效目标 were typed in one cell and one line.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "绩效指标"
    sheet.append(["项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "指标值"])
    sheet.append(["P001", "甲项目", "产出指标", "数量指标", "次数", "≥6次"])
    projects = book.create_sheet("项目")
    projects.append(["项目编码", "项目名称", "财政资金（万元）", "其他资金（万元）", "绩效目标"])
    projects.append(["P001", "甲项目", 10, 0, "1、完成校舍维修；2、消除安全隐患。"])
    book.save(path("goals.xlsx"))
    got, r = import_file("goals.xlsx")
    goals = got["projects"][0].get("goals") if got else r.stderr
    check("a 绩效目标 cell typed 1、…；2、… in one line is two goals",
          goals == ["完成校舍维修", "消除安全隐患。"], goals)

# ---- Word files ----


def word_file(name, lines, table=None):
    """A Word file of paragraphs and, after them, a table given as rows of
    texts; table(t) may then merge its cells."""
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if table is not None:
        rows, merge = table
        t = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        t.style = "Table Grid"
        for r, texts in enumerate(rows):
            for c, text in enumerate(texts):
                t.cell(r, c).text = text
        merge(t)
    document.save(path(name))


PROJECT_TABLE = [
    ("项目编码", "P001", "项目名称", "甲项目", "", ""),
    ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"),
    ("产出指标", "数量指标", "次数", "开展次数", "≥6次", ""),
    ("产出指标", "质量指标", "很长的三级指标名称", "", "≥95%", "计划"),
]

if docx is None:
    skip("Word files made by python-docx", "python3-docx is not installed")
else:
    def merge_across(t):
        t.cell(2, 4).merge(t.cell(2, 5))
        t.cell(3, 2).merge(t.cell(3, 3))

    word_file("spans.docx", ["某局", "2025年部门预算绩效文本", "第二部分 预算项目绩效目标"],
              (PROJECT_TABLE, merge_across))
    got, r = import_file("spans.docx")
    expected = [("产出指标", "数量指标", "次数", "开展次数", "≥6次", ""),
                ("产出指标", "质量指标", "很长的三级指标名称", "", "≥95%", "计划")]
    check("Word: an indicator cell merged across two columns is the first column's text only",
          got is not None and rows_of(got) == expected,
          rows_of(got) if got is not None else r.stderr)

    # A clerk's own table: the 其他资金 typed into its label's cell, where
    # the row has no cell for it; the goals typed in one line, "1.…；2.…".
    # A second project's table has only 预算数 and 财政拨款: the rest of the
    # budget is 其他资金, not lost.
    FUNDS = [
        ("项目编码", "P001", "项目名称", "甲项目", "", ""),
        ("预算规模及资金用途", "预算数", "12.00", "其中：财政资金", "10.00", "其他资金 2.00"),
        ("", "用于校舍维修。", "", "", "", ""),
        ("绩效目标", "1.完成校舍维修；2.消除安全隐患。", "", "", "", ""),
        ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"),
        ("产出指标", "数量指标", "维修面积", "", "≥1200平方米", "计划"),
    ]

    def merge_funds(t):
        t.cell(1, 0).merge(t.cell(2, 0))
        t.cell(2, 1).merge(t.cell(2, 5))
        t.cell(3, 1).merge(t.cell(3, 5))

    word_file("funds.docx", ["某局", "2025年部门预算绩效文本", "第二部分 预算项目绩效目标"],
              (FUNDS, merge_funds))
    got, r = import_file("funds.docx")
    project = got["projects"][0] if got else {}
    check("Word: an amount typed in its label's cell is read; goals typed 1.…；2.… in one "
          "line are two goals",
          project.get("funds") == {"fiscal": 10, "other": 2}
          and project.get("goals") == ["完成校舍维修", "消除安全隐患。"]
          and "not 财政资金" not in r.stderr, (project, r.stderr))

    ONLY_FISCAL = [
        ("项目编码", "P002", "项目名称", "乙项目", "", ""),
        ("预算数", "30.00", "财政拨款", "25.00", "", ""),
        ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"),
        ("产出指标", "数量指标", "次数", "", "≥6次", ""),
    ]
    word_file("fiscal.docx", ["某局", "2025年部门预算绩效文本", "第二部分 预算项目绩效目标"],
              (ONLY_FISCAL, lambda t: None))
    got, r = import_file("fiscal.docx")
    project = got["projects"][0] if got else {}
    check("Word: a table of 预算数 and 财政拨款 only keeps its 预算数, the rest as 其他资金",
          project.get("funds") == {"fiscal": 25, "other": 5}, (project, r.stderr))

    # A 预算数 that is not the sum of its two funds: the note names the
    # project as the forms do, not only the table's number in the file.
    WRONG_SUM = [
        ("项目编码", "P003", "项目名称", "丙项目", "", ""),
        ("预算数", "12.00", "财政资金", "10.00", "其他资金", "1.00"),
        ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"),
        ("产出指标", "数量指标", "次数", "", "≥6次", ""),
    ]
    word_file("sum.docx", ["某局", "2025年部门预算绩效文本", "第二部分 预算项目绩效目标"],
              (WRONG_SUM, lambda t: None))
    got, r = import_file("sum.docx")
    check("Word: a 预算数 that is not the sum is noted with its project named as the forms do",
          got is not None and "table 1: Project 1 “丙项目”: its 预算数 12 is not" in r.stderr,
          r.stderr)

shutil.rmtree(tmp)

print(f"1..{len(results)}")
for i, (name, status, detail) in enumerate(results, 1):
    if status == "skip":
        print(f"ok {i} - {name} # SKIP {detail}")
        continue
    print(f"{status} {i} - {name}")
    if status != "ok" and detail:
        for line in str(detail).splitlines()[:8]:
            print(f"# {line}")
sys.exit(0 if all(s != "not ok" for _, s, _ in results) else 1)
