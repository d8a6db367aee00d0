#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""jixiao-cli export-xlsx, read back with openpyxl as another program would:
the sheets, the headers, number cells showing the digits as written, the
drop-down lists, the page setup, and an export that fails leaving the old
file as it was. Prints TAP."""

import copy
import json
import os
import resource
import subprocess
import sys
import tempfile

import openpyxl

CLI = sys.argv[1]
ROOT = os.environ["JX_SOURCE_ROOT"]
EXAMPLE = os.path.join(ROOT, "data/examples/zunhua-renda-2024.json")
results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def run(*args, limit=None):
    def preexec():
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120,
                          preexec_fn=preexec)


def rows(sheet):
    return [list(r) for r in sheet.iter_rows(values_only=True)]


with open(EXAMPLE, encoding="utf-8") as f:
    example = json.load(f)

tmp = tempfile.mkdtemp()
out = os.path.join(tmp, "example.xlsx")
r = run("export-xlsx", EXAMPLE, "-o", out)
check("export-xlsx of the example exits 0", r.returncode == 0, r.stderr)
book = openpyxl.load_workbook(out)
check("three sheets in order", book.sheetnames == ["绩效指标", "项目", "部门"], book.sheetnames)

ind = book["绩效指标"]
table = rows(ind)
check("indicator header row",
      table[0] == ["项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "计算符号", "指标值",
                   "计量单位", "绩效指标描述", "指标值确定依据"], table[0])
n_indicators = sum(len(p["indicators"]) for p in example["projects"])
check("one row per indicator", len(table) - 1 == n_indicators, f"{len(table) - 1} != {n_indicators}")
first = example["projects"][0]
check("first row: project and categories", table[1][:5] == [
    first["code"], first["name"], "产出指标", "数量指标", "软件设备数量"], table[1])
check("“1套” as = 1 套 with 1 a number cell",
      table[1][5:8] == ["=", 1, "套"] and ind["G2"].data_type == "n", table[1])
check("“≥95%” as ≥ 95 %", table[2][5:8] == ["≥", 95, "%"], table[2])
check("“2024年12月31日前” as 定性 text",
      table[3][5:8] == ["定性", "2024年12月31日前", None] and ind["G4"].data_type == "s", table[3])
check("header row bold and frozen", ind["A1"].font.b and ind.freeze_panes == "A2", ind.freeze_panes)
check("header row repeated on every printed page", ind.print_title_rows == "$1:$1",
      ind.print_title_rows)
check("A4 landscape", ind.page_setup.orientation == "landscape" and str(ind.page_setup.paperSize) == "9",
      (ind.page_setup.orientation, ind.page_setup.paperSize))
widths = {k: v.width for k, v in ind.column_dimensions.items()}
check("columns fitted: 三级指标 wider than 计算符号", widths.get("E", 0) > widths.get("F", 99), widths)
check("long text wraps", ind["I2"].alignment.wrap_text, ind["I2"].alignment)

lists = {str(dv.sqref).split(":")[0]: (dv.formula1, dv.type) for dv in ind.data_validations.dataValidation}
check("一级指标 drop-down lists the standard names",
      lists.get("C2", ("", ""))[1] == "list" and "产出指标" in lists["C2"][0]
      and "满意度指标" in lists["C2"][0], lists)
check("二级指标 drop-down lists the standard names",
      "服务对象满意度指标" in lists.get("D2", ("",))[0] and "时效指标" in lists["D2"][0], lists)
check("计算符号 drop-down", lists.get("F2", ("",))[0] == '"≥,≤,=,>,<,定性"', lists)

prj = book["项目"]
ptable = rows(prj)
check("project header names the money unit and month-ends",
      ptable[0][:7] == ["项目编码", "项目名称", "预算数（万元）", "财政资金（万元）", "其他资金（万元）",
                        "资金用途", "1月底（%）"] and ptable[0][17] == "12月底（%）", ptable[0])
check("one row per project", len(ptable) - 1 == len(example["projects"]), len(ptable))
check("funds are number cells showing two decimals",
      ptable[1][2:5] == [3, 3, 0] and prj["C2"].number_format == "0.00", ptable[1][2:5])
plan = {p["month"]: p["percent"] for p in first["spending_plan"]}
check("spending plan in its month columns",
      all(ptable[1][6 + m - 1] == plan.get(m) for m in range(1, 13)), ptable[1][6:18])
check("goals one per line in the cell", ptable[1][18] == "\n".join(first["goals"]), ptable[1][18])
check("Part 1 entry of the project",
      ptable[1][19:22] == [first["overview"]["description"], first["overview"]["goal"],
                           first["overview"]["indicator_summary"]], ptable[1][19:22])

dept = {}
for key, heading, text in rows(book["部门"])[1:]:
    dept.setdefault(key, []).append((heading, text))
check("部门 sheet: department, year, title",
      dept.get("部门名称") == [(None, example["department"]["name"])]
      and dept.get("预算年度") == [(None, "2024")] and dept.get("草案") == [(None, "是")], dept.keys())
check("部门 sheet: the points and measures of Part 1",
      len(dept.get("总体绩效目标要点", [])) == len(example["overall"]["points"])
      and dept["工作保障措施"][0] == (example["measures"][0]["heading"], example["measures"][0]["body"]),
      dept.get("工作保障措施", [])[:1])

# Values whose digits must survive as written.
doc = copy.deepcopy(example)
values = ["1346.0088万平方米", "100.0%", "≥1,200平方米", "≤620万/月", "123456789012345678个", "-5%"]
for indicator, value in zip(doc["projects"][0]["indicators"], values):
    indicator["value"] = value
src = os.path.join(tmp, "values.json")
with open(src, "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False)
out2 = os.path.join(tmp, "values.xlsx")
r = run("export-xlsx", src, "-o", out2)
sheet = openpyxl.load_workbook(out2)["绩效指标"]
got = [(sheet.cell(row=i, column=7).value, sheet.cell(row=i, column=7).number_format,
        sheet.cell(row=i, column=8).value) for i in range(2, 8)]
check("1346.0088 is a number shown with four decimals", got[0] == (1346.0088, "0.0000", "万平方米"), got[0])
check("100.0 is shown as 100.0", got[1] == (100, "0.0", "%"), got[1])
check("1,200 keeps its thousands separator", got[2] == (1200, "#,##0", "平方米"), got[2])
check("620 万/月", got[3][0] == 620 and got[3][2] == "万/月", got[3])
check("more digits than a cell holds stay text",
      got[4][0] == "123456789012345678" and sheet.cell(row=6, column=7).data_type == "s", got[4])
check("a negative number", got[5][0] == -5, got[5])

# A failed export leaves the old file whole and no temporary file behind.
old = os.path.join(tmp, "old.xlsx")
with open(old, "wb") as f:
    f.write(b"the old workbook")
doc = copy.deepcopy(example)
doc["projects"][0]["usage"] = "长" * 40000
src = os.path.join(tmp, "long.json")
with open(src, "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False)
r = run("export-xlsx", src, "-o", old)
check("a text too long for a cell fails and names sheet, row and column",
      r.returncode == 1 and "“项目”" in r.stderr and "row 2" in r.stderr and "资金用途" in r.stderr,
      r.stderr)
with open(old, "rb") as f:
    check("… and the old file is untouched", f.read() == b"the old workbook")
r = run("export-xlsx", EXAMPLE, "-o", old, limit=8192)
check("a file size limit fails the export", r.returncode == 1 and "old.xlsx" in r.stderr, r.stderr)
with open(old, "rb") as f:
    check("… and the old file is untouched too", f.read() == b"the old workbook")
leftovers = [n for n in os.listdir(tmp) if n.startswith(".")]
check("no temporary file is left beside the target", not leftovers, leftovers)
r = run("export-xlsx", EXAMPLE, "-o", os.path.join(tmp, "no-such-dir", "x.xlsx"))
check("a missing folder fails with the path", r.returncode == 1 and "no-such-dir" in r.stderr, r.stderr)
r = run("export-xlsx", EXAMPLE)
check("no -o is a usage error", r.returncode == 2, r.stderr)

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok and detail:
        for line in str(detail).splitlines()[:20]:
            print(f"# {line}")
