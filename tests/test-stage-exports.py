#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""jixiao-cli export-docx and export-xlsx of a document in its monitoring
and its self-evaluation, read back with python-docx and openpyxl as the
finance bureau's computer would: the Word file is the stage's report with
the stage's columns beside the targets, as it prints; the workbook has the
stage's columns after the goal columns and still imports as the same
goals. Prints TAP.

Usage: test-stage-exports.py CLI FIXTURE.json
"""

import copy
import json
import os
import subprocess
import sys
import tempfile

import docx
import openpyxl

CLI, FIXTURE = sys.argv[1], sys.argv[2]
results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120)


def amount(value):
    return f"{value:.2f}"


def cell_texts(row):
    """The texts of a Word table row, a merged cell once."""
    out = []
    for cell in row.cells:
        if out and cell._tc is out[-1][0]:
            continue
        out.append((cell._tc, cell.text.strip()))
    return [t for _, t in out]


def word_rows(path):
    document = docx.Document(path)
    return document, [[cell_texts(r) for r in t.rows] for t in document.tables]


def find_table(tables, header_word):
    return [t for t in tables if any(header_word in c for c in t[0])]


def sheet_rows(book, name):
    return [list(r) for r in book[name].iter_rows(values_only=True)]


def strip_stages(doc):
    doc = copy.deepcopy(doc)
    doc.pop("stage", None)
    doc.pop("monitoring_month", None)
    for project in doc["projects"]:
        project.pop("monitoring", None)
        project.pop("evaluation", None)
        for indicator in project["indicators"]:
            indicator.pop("monitoring", None)
            indicator.pop("evaluation", None)
    return doc


with open(FIXTURE, encoding="utf-8") as f:
    fixture = json.load(f)
projects = fixture["projects"]
first = projects[0]

tmp = tempfile.mkdtemp()
monitoring = os.path.join(tmp, "monitoring.json")
with open(monitoring, "w", encoding="utf-8") as f:
    json.dump(dict(fixture, stage="monitoring"), f, ensure_ascii=False)
evaluation = os.path.join(tmp, "evaluation.json")
with open(evaluation, "w", encoding="utf-8") as f:
    json.dump(dict(fixture, stage="evaluation"), f, ensure_ascii=False)
scores = json.loads(run("score", "--format", "json", evaluation).stdout)

# ---- Word: the 绩效监控表 ----
out = os.path.join(tmp, "monitoring.docx")
r = run("export-docx", monitoring, "-o", out)
check("export-docx of a document in its monitoring exits 0", r.returncode == 0, r.stderr)
document, tables = word_rows(out)
texts = [p.text for p in document.paragraphs]
check("the report's title, as printed", "2024年项目支出绩效监控表" in texts
      and "（2024年1–6月）" in texts, texts[:6])
check("no 目录 and no goal document: a stage report",
      "目　录" not in texts and not any("第二部分" in t for t in texts), texts[:8])
summary = find_table(tables, "1–6月执行数")
summary = [t for t in summary if t[0][0] == "序号"]
check("the department's summary heads 1–6月执行数 and 1–6月执行率",
      len(summary) == 1 and "1–6月执行率" in summary[0][0], [t[0] for t in tables])
if summary:
    body = summary[0]
    check("one summary row per project and a 合计",
          len(body) == len(projects) + 2 and body[-1][0] == "合计", body)
    check("the summary's 1–6月执行数 of each project",
          [row[5] for row in body[1:-1]] == [amount(p["monitoring"]["executed"]) for p in projects],
          body)
funds = [t for t in tables if t[0][0] == "项目编码"]
check("one project table per project, its code first",
      len(funds) == len(projects), [t[0] for t in tables])
check("… in the order of the document", [t[0][1] for t in funds] == [p["code"] for p in projects])
if funds:
    rows = funds[0]
    check("the project's 预算执行情况 columns",
          rows[1][1:] == ["年初预算数", "调整后预算数", "6月底计划支出进度", "1–6月执行数",
                          "1–6月执行率", "全年预计执行数", "全年预计执行率"], rows[1])
    check("… and its amounts: 0.90 spent of 3.00, 30%, 3.00 expected",
          rows[2][-7:] == ["3.00", "3.00", "60%", "0.90", "30%", "3.00", "100%"], rows[2])
indicators = find_table(tables, "完成目标可能性")
check("one indicator table per project with the monitoring columns",
      len(indicators) == len(projects) and indicators[0][0] ==
      ["一级指标", "二级指标", "三级指标", "年度指标值", "1–6月完成值", "全年预计完成情况",
       "完成目标可能性", "偏差原因", "原因说明及改进措施"], [t[0] for t in indicators])
if indicators:
    row = indicators[0][1]
    ind = first["indicators"][0]
    check("a row keeps its target beside its monitoring",
          row[2:7] == [ind["name"], ind["value"], ind["monitoring"]["actual"],
                       ind["monitoring"]["expected"], "确定能"], row)
    caused = [(p, i) for p in projects for i in p["indicators"]
              if i.get("monitoring", {}).get("causes")]
    if caused:
        project, ind = caused[0]
        table = indicators[projects.index(project)]
        row = [r for r in table if ind["name"] in r][0]
        check("偏差原因 and 原因说明 of a row behind its target",
              any("保障" in c or "其他" in c for c in row)
              and ind["monitoring"].get("cause_note", "") in row[-1], row)

r = run("export-docx", "--stage", "goals", monitoring, "-o", os.path.join(tmp, "goals.docx"))
goal_texts = ([p.text for p in docx.Document(os.path.join(tmp, "goals.docx")).paragraphs]
              if r.returncode == 0 else [])
check("--stage goals writes the goal document of the same file",
      r.returncode == 0 and "目　录" in goal_texts, r.stderr)
r = run("export-docx", "--stage", "later", monitoring, "-o", os.path.join(tmp, "x.docx"))
check("an unknown --stage is a usage error", r.returncode == 2 and "later" in r.stderr, r.stderr)

# ---- Word: the 绩效自评表 ----
out = os.path.join(tmp, "evaluation.docx")
r = run("export-docx", evaluation, "-o", out)
check("export-docx of a document in its self-evaluation exits 0", r.returncode == 0, r.stderr)
document, tables = word_rows(out)
summary = [t for t in tables if t[0][0] == "序号"]
check("the summary has each project's 自评得分 and grade, then the weighted total",
      len(summary) == 1 and [row[5:7] for row in summary[0][1:-1]] ==
      [[f"{p['total']:g}", p["grade"]] for p in scores["projects"]]
      and summary[0][-1][-2:] == [f"{scores['department']['total']:g}",
                                  scores["department"]["grade"]], summary)
indicators = find_table(tables, "偏差原因分析及改进措施")
check("indicator tables with 实际完成值, 分值 and 得分",
      len(indicators) == len(projects) and indicators[0][0][3:7] ==
      ["年度指标值", "实际完成值", "分值", "得分"], [t[0] for t in indicators])
if indicators:
    table, score = indicators[0], scores["projects"][0]
    check("each row's 实际完成值, 分值 and 得分 as scored",
          [r[4:7] for r in table[1:1 + len(first["indicators"])]] ==
          [[i["evaluation"]["actual"], f"{s['weight']:g}", f"{s['score']:g}"]
           for i, s in zip(first["indicators"], score["indicators"])], table)
    total = [r for r in table if r[0] == "总分"]
    check("the 总分 row with the grade", total and total[0][1:] ==
          ["100", f"{score['total']:g}", f"评价等级：{score['grade']}"], total)
    conclusion = [r for r in table if r[0] == "评价结论"]
    check("评价结论 of the project", conclusion and
          conclusion[0][1] == first["evaluation"]["conclusion"], conclusion)

# ---- Excel ----
out = os.path.join(tmp, "monitoring.xlsx")
r = run("export-xlsx", monitoring, "-o", out)
check("export-xlsx of a document in its monitoring exits 0", r.returncode == 0, r.stderr)
book = openpyxl.load_workbook(out)
ind = sheet_rows(book, "绩效指标")
check("绩效指标: the goal columns, then the monitoring's",
      ind[0][:10] == ["项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "计算符号",
                      "指标值", "计量单位", "绩效指标描述", "指标值确定依据"]
      and ind[0][10:] == ["1–6月完成值", "全年预计完成情况", "完成目标可能性", "偏差原因",
                          "原因说明", "改进措施"], ind[0])
m = first["indicators"][0]["monitoring"]
check("… a row's 完成值, expectation and likelihood",
      ind[1][10:13] == [m["actual"], m["expected"], "确定能"], ind[1])
prj = sheet_rows(book, "项目")
check("项目: the monitoring's amounts and rates after the goal columns",
      prj[0][-6:] == ["调整后预算数（万元）", "6月底计划支出进度（%）", "1–6月执行数（万元）",
                      "1–6月执行率（%）", "全年预计执行数（万元）", "全年预计执行率（%）"], prj[0])
check("… as numbers: 3 adjusted, 60% planned, 0.9 spent, 30%, 3 expected, 100%",
      prj[1][-6:] == [3, 60, 0.9, 30, 3, 100] and book["项目"].cell(2, len(prj[0]) - 3).data_type == "n",
      prj[1])
back = os.path.join(tmp, "back.json")
r = run("import", out, "-o", back)
with open(back, encoding="utf-8") as f:
    imported = json.load(f) if r.returncode == 0 else {}
check("the workbook with the monitoring columns imports as the same goals",
      r.returncode == 0 and strip_stages(imported) == strip_stages(fixture), r.stderr)
check("… and the import says which monitoring columns it did not read",
      "1–6月完成值" in r.stderr and "完成目标可能性" in r.stderr and "1–6月执行数" in r.stderr,
      r.stderr)

out = os.path.join(tmp, "evaluation.xlsx")
r = run("export-xlsx", evaluation, "-o", out)
book = openpyxl.load_workbook(out)
ind = sheet_rows(book, "绩效指标")
check("绩效指标: the self-evaluation's columns after the goal columns",
      r.returncode == 0 and ind[0][10:] == ["实际完成值", "达成情况", "分值", "得分",
                                            "偏差原因分析及改进措施"], ind[0])
score = scores["projects"][0]
check("… each row's 实际完成值, 分值 and 得分 as numbers",
      [row[10:11] + row[12:14] for row in ind[1:1 + len(first["indicators"])]] ==
      [[i["evaluation"]["actual"], s["weight"], s["score"]]
       for i, s in zip(first["indicators"], score["indicators"])], ind[1:4])
check("… 达成 for a qualitative row", ind[3][11] == "达成", ind[3])
prj = sheet_rows(book, "项目")
check("项目: 全年预算数, 全年执行数, 执行率, scores, grade and conclusions",
      prj[0][-9:] == ["全年预算数（万元）", "全年执行数（万元）", "执行率（%）", "预算执行得分", "总分",
                      "评价等级", "评价结论", "存在问题", "改进措施"]
      and prj[1][-9:] == [3, 2.85, 95, 9.5, score["total"], score["grade"],
                          first["evaluation"]["conclusion"], first["evaluation"]["problems"],
                          first["evaluation"]["improvements"]], (prj[0][-9:], prj[1][-9:]))
r = run("export-xlsx", "--stage", "goals", evaluation, "-o", out)
book = openpyxl.load_workbook(out)
check("--stage goals: the goal columns alone",
      r.returncode == 0 and len(sheet_rows(book, "绩效指标")[0]) == 10
      and len(sheet_rows(book, "项目")[0]) == 22, r.stderr)

# ---- A monitoring of January alone: "1月", never "1–1月" ----
january = os.path.join(tmp, "january.json")
doc = dict(fixture, stage="monitoring", monitoring_month=1)
doc["projects"] = copy.deepcopy(projects)
del doc["projects"][0]["monitoring"]["executed"]
with open(january, "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False)
outputs = {}
for kind, args in (("docx", ("export-docx",)), ("xlsx", ("export-xlsx",)),
                   ("pdf", ("export-pdf", "--stage", "monitoring"))):
    out = os.path.join(tmp, "january." + kind)
    r = run(*args, january, "-o", out)
    outputs[kind] = out if r.returncode == 0 else None
words = []
if outputs["docx"]:
    document, tables = word_rows(outputs["docx"])
    words += [p.text for p in document.paragraphs] + [c for t in tables for row in t for c in row]
if outputs["xlsx"]:
    book = openpyxl.load_workbook(outputs["xlsx"])
    words += [str(c) for name in book.sheetnames for c in sheet_rows(book, name)[0]]
if outputs["pdf"]:
    words.append(subprocess.run(["pdftotext", "-enc", "UTF-8", outputs["pdf"], "-"],
                                capture_output=True, text=True).stdout)
words.append(run("validate", january).stdout)
text = "\n".join(words)
check("month 1: the Word file, the workbook, the printout and the review say 1月执行数, "
      "never 1–1月", all(outputs.values()) and "1–1月" not in text and "1月执行数" in text
      and "（2024年1月）" in text and ("No 1月执行数" in text or "缺少1月执行数" in text),
      [line for line in text.splitlines() if "1–1月" in line][:5] or outputs)

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok and detail:
        for line in str(detail).splitlines()[:20]:
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
