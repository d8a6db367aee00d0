#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark of the spreadsheet import and export against python3-openpyxl.

- Export: `jixiao-cli export-xlsx` of a generated 2,000-project document,
  beside a Python script that loads the same document and writes the same
  workbook with openpyxl (three sheets, bold frozen header rows, column
  widths, drop-down lists, number cells).
- Import: `jixiao-cli import` of a sheet of 10,000 indicator rows written by
  openpyxl, beside openpyxl reading the same workbook into rows of values,
  as `load_workbook` does by default and in its read-only mode (its
  fastest, which keeps no cells).
- Memory as the sheet grows: our import of sheets of 10,000, 50,000 and
  90,000 rows (the limit is 100,000), time and peak memory of each.

Whole processes, median of several runs, ours and openpyxl's interleaved so
that both meet the same load. The target is relative: at least 10 times
faster than openpyxl. Times are reported, not asserted; the exit status is
1 only when a run fails.

Usage: xlsx-bench.py CLI EXAMPLE.json GEN-DOCUMENT.py [RUNS]
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

cli, example, generator = sys.argv[1:4]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
PYTHON = "/usr/bin/python3"   # Debian's, which has python3-openpyxl
RATIO_TARGET = 10

OPENPYXL_WRITE = r'''
import json, sys
import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation
doc = json.load(open(sys.argv[1], encoding="utf-8"))
book = openpyxl.Workbook()
bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")

def sheet(title, headers, first=False):
    ws = book.active if first else book.create_sheet()
    ws.title = title
    ws.append(headers)
    for cell in ws[1]:
        cell.font = bold
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    return ws

ind = sheet("绩效指标", ["项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "计算符号",
                         "指标值", "计量单位", "绩效指标描述", "指标值确定依据"], True)
for col, choices in (("C", "产出指标,效益指标,满意度指标"), ("F", "≥,≤,=,>,<,定性")):
    dv = DataValidation(type="list", formula1='"%s"' % choices)
    dv.add("%s2:%s1048576" % (col, col))
    ind.add_data_validation(dv)
for p in doc["projects"]:
    for i in p["indicators"]:
        v = i["value"]
        op = v[0] if v[:1] in "≥≤><" else "="
        digits = v.lstrip("≥≤><=")
        number = "".join(c for c in digits if c.isdigit() or c == ".")
        unit = digits[len(number):]
        ind.append([p["code"], p["name"], i["level1"], i["level2"], i["name"], op,
                    float(number) if number else v, unit, i.get("description", ""),
                    i.get("basis", "")])
for row in ind.iter_rows(min_row=2):
    for cell in row:
        cell.alignment = wrap
prj = sheet("项目", ["项目编码", "项目名称", "预算数", "财政资金", "其他资金", "资金用途"]
            + ["%d月底" % m for m in range(1, 13)] + ["绩效目标"])
for p in doc["projects"]:
    plan = {c["month"]: c["percent"] for c in p["spending_plan"]}
    f = p["funds"]
    prj.append([p["code"], p["name"], f["fiscal"] + f["other"], f["fiscal"], f["other"],
                p.get("usage", "")] + [plan.get(m) for m in range(1, 13)]
               + ["\n".join(p["goals"])])
dept = sheet("部门", ["名称", "标题", "内容"])
dept.append(["部门名称", None, doc["department"]["name"]])
for point in doc["overall"]["points"]:
    dept.append(["总体绩效目标要点", None, point])
for width, col in ((24, "A"), (22, "B"), (24, "E"), (28, "I")):
    ind.column_dimensions[col].width = width
book.save(sys.argv[2])
'''

OPENPYXL_READ = r'''
import json, sys
import openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=sys.argv[3] == "read-only", data_only=True)
rows = [[c for c in row] for ws in book.worksheets for row in ws.iter_rows(values_only=True)]
json.dump(rows, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, default=str)
'''

SHEET_WRITER = r'''
import sys
import openpyxl
n = int(sys.argv[1])
levels = [("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"),
          ("产出指标", "成本指标"), ("效益指标", "社会效益指标"), ("满意度指标", "服务对象满意度指标")]
book = openpyxl.Workbook()
ws = book.active
ws.title = "绩效指标"
ws.append(["项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位",
           "绩效指标描述", "指标值确定依据"])
for i in range(n):
    l1, l2 = levels[i % 6]
    ws.append(["13028124P%012d" % (i // 6), "第%d号预算项目" % (i // 6 + 1), l1, l2,
               "指标%d完成情况" % (i + 1), "≥", 90 + i % 10, "%", "围绕中心工作，切实提高履职质量。",
               "依据年度工作计划和相关政策标准"])
book.save(sys.argv[2])
'''


def timed(argv, what):
    """Wall seconds, peak MiB and CPU seconds of a whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{what} failed: {err}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def side_by_side(name, ours, theirs, n):
    """Interleaved runs; median wall and peak memory of each."""
    a, b = [], []
    timed(ours, name)
    for _ in range(n):
        a.append(timed(ours, name))
        b.append(timed(theirs, name + " with openpyxl"))
    wall_a, wall_b = statistics.median(s[0] for s in a), statistics.median(s[0] for s in b)
    cpu_a, cpu_b = statistics.median(s[2] for s in a), statistics.median(s[2] for s in b)
    peak_a, peak_b = max(s[1] for s in a), max(s[1] for s in b)
    ratio = wall_b / wall_a
    verdict = "holds" if ratio >= RATIO_TARGET else "DOES NOT hold"
    # On a loaded machine the wall times wait for the processor; CPU time
    # says what each run itself cost.
    print(f"{name}: Jixiao {wall_a:.3f} s (cpu {cpu_a:.3f} s), peak {peak_a:.0f} MiB; "
          f"openpyxl {wall_b:.3f} s (cpu {cpu_b:.3f} s), peak {peak_b:.0f} MiB; "
          f"{ratio:.1f}x faster, {cpu_b / max(cpu_a, 0.001):.1f}x in cpu "
          f"(target at least {RATIO_TARGET}x: {verdict})")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        doc = os.path.join(tmp, "2000.json")
        subprocess.run([sys.executable, generator, example, "2000", doc], check=True)
        write_py = os.path.join(tmp, "write.py")
        read_py = os.path.join(tmp, "read.py")
        sheet_py = os.path.join(tmp, "sheet.py")
        for path, text in ((write_py, OPENPYXL_WRITE), (read_py, OPENPYXL_READ),
                           (sheet_py, SHEET_WRITER)):
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        side_by_side("export of 2,000 projects (12,000 indicators)",
                     [cli, "export-xlsx", doc, "-o", os.path.join(tmp, "ours.xlsx")],
                     [PYTHON, write_py, doc, os.path.join(tmp, "theirs.xlsx")], runs)
        sheets = {}
        for n in (10000, 50000, 90000):
            sheets[n] = os.path.join(tmp, f"sheet-{n}.xlsx")
            subprocess.run([PYTHON, sheet_py, str(n), sheets[n]], check=True)
        out = os.path.join(tmp, "imported.json")
        for mode in ("default", "read-only"):
            side_by_side(f"import of a 10,000-row sheet written by openpyxl (openpyxl {mode})",
                         [cli, "import", sheets[10000], "-o", out],
                         [PYTHON, read_py, sheets[10000], os.path.join(tmp, "rows.json"), mode],
                         runs)
        for n, sheet in sheets.items():
            wall, peak, cpu = timed([cli, "import", sheet, "-o", out], f"import of {n} rows")
            size = os.path.getsize(sheet) / (1024 * 1024)
            print(f"import of {n} rows ({size:.1f} MiB file): {wall:.3f} s (cpu {cpu:.3f} s), "
                  f"peak {peak:.0f} MiB")


main()
