#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The monitoring and evaluation stages through jixiao-cli, read back as a
reviewer's computer would: the printed 绩效监控表 and 绩效自评表 with
pdftotext and as page images, the chart with the spending on the plan, the
scores and the review checks.

Usage: stages-check.py CLI FIXTURE.json

Prints TAP; exits 1 when a check fails.
"""

import json
import os
import re
import subprocess
import sys
import tempfile

cli, fixture = sys.argv[1], sys.argv[2]
results = []


def check(name, ok, detail=""):
    results.append((name, bool(ok), detail))


def run(*args):
    return subprocess.run(args, capture_output=True, text=True)


def squeeze(text):
    return "".join(text.split())


def pdf_text(path):
    return squeeze(run("pdftotext", "-raw", "-enc", "UTF-8", path, "-").stdout)


def pages_of(path):
    info = run("pdfinfo", path).stdout
    match = re.search(r"Pages:\s+(\d+)", info)
    return int(match.group(1)) if match else 0


def amount(value):
    return f"{value:.2f}"


with open(fixture, encoding="utf-8") as f:
    doc = json.load(f)

with tempfile.TemporaryDirectory() as tmp:
    # The same file in the monitoring stage, for the checks that follow it.
    monitoring_file = os.path.join(tmp, "monitoring.json")
    with open(monitoring_file, "w", encoding="utf-8") as f:
        json.dump(dict(doc, stage="monitoring"), f, ensure_ascii=False, indent=2)

    # 项目支出绩效监控表
    out = os.path.join(tmp, "monitoring.pdf")
    done = run(cli, "export-pdf", "--stage", "monitoring", "--with-charts", fixture, "-o", out)
    check("export-pdf --stage monitoring exits 0", done.returncode == 0, done.stderr)
    info = run("pdfinfo", out).stdout
    check("the monitoring report is A4", "595.276 x 841.89 pts (A4)" in info, info)
    check("its title names the form", re.search(r"Title:\s+.*2024年项目支出绩效监控表", info), info)
    text = pdf_text(out)
    wanted = ["2024年项目支出绩效监控表", "（2024年1–6月）", "部门项目支出绩效监控汇总表",
              "1–6月执行数", "1–6月执行率", "全年预计执行数", "6月底计划支出进度",
              "完成目标可能性", "偏差原因", "原因说明及改进措施", "附件：部门资金支出计划与执行",
              "单位：万元", "— 1 —"]
    for i, project in enumerate(doc["projects"]):
        wanted += [project["code"], f"{i + 1}.{project['name']}项目支出绩效监控表"]
        monitoring = project.get("monitoring", {})
        for key in ("executed", "expected"):
            if key in monitoring:
                wanted.append(amount(monitoring[key]))
        for indicator in project["indicators"]:
            row = indicator.get("monitoring", {})
            wanted += [indicator["name"], row.get("actual", ""), row.get("note", "")]
    wanted += ["有可能", "不可能", "确定能", "经费保障、其他", "人员保障", "35%", "60%"]
    missing = sorted({squeeze(w) for w in wanted if w and squeeze(w) not in text})
    check("pdftotext finds the monitoring forms' words, codes, amounts and entries",
          not missing, "missing: " + ", ".join(missing))

    # Without --stage it prints the document's stage, as the window, export-docx and
    # export-xlsx do: a document in its monitoring gives its 绩效监控表.
    out = os.path.join(tmp, "followed.pdf")
    done = run(cli, "export-pdf", monitoring_file, "-o", out)
    text = pdf_text(out) if done.returncode == 0 else ""
    check("export-pdf of a document in its monitoring writes the 绩效监控表, as it prints",
          "2024年项目支出绩效监控表" in text and "1–6月执行数" in text
          and "第二部分" not in text, done.stderr + text[:120])
    done = run(cli, "export-pdf", "--stage", "goals", monitoring_file, "-o", out)
    text = pdf_text(out) if done.returncode == 0 else ""
    check("export-pdf --stage goals of it writes the goal document",
          "第二部分" in text and "项目支出绩效监控表" not in text, done.stderr + text[:120])
    help_text = run(cli, "export-pdf", "--help").stdout
    check("export-pdf --help says the document's stage is the default",
          "default the document's stage" in " ".join(help_text.split()), help_text)

    # 项目支出绩效自评表
    out = os.path.join(tmp, "evaluation.pdf")
    done = run(cli, "export-pdf", "--stage", "evaluation", fixture, "-o", out)
    check("export-pdf --stage evaluation exits 0", done.returncode == 0, done.stderr)
    text = pdf_text(out)
    scores = json.loads(run(cli, "score", "--format", "json", fixture).stdout)
    wanted = ["2024年项目支出绩效自评表", "（2024年度）", "部门项目支出绩效自评汇总表", "全年预算数",
              "全年执行数", "执行率", "分值", "得分", "实际完成值", "偏差原因分析及改进措施", "总分",
              "评价结论", "存在问题", "改进措施", "合计（得分按全年预算数加权平均）"]
    for i, project in enumerate(doc["projects"]):
        wanted += [f"{i + 1}.{project['name']}项目支出绩效自评表"]
        evaluation = project.get("evaluation", {})
        wanted += [evaluation.get("conclusion", ""), evaluation.get("problems", "")]
        for indicator in project["indicators"]:
            wanted.append(indicator.get("evaluation", {}).get("actual", ""))
    for score in scores["projects"]:
        total = score["total"]
        wanted += [f"评价等级：{score['grade']}", f"{total:g}"]
    missing = sorted({squeeze(w) for w in wanted if w and squeeze(w) not in text})
    check("pdftotext finds the self-evaluation forms' words, entries, totals and grades",
          not missing, "missing: " + ", ".join(missing))

    # The pages as images: every page has ink, none is blank or cut off.
    prefix = os.path.join(tmp, "page")
    done = run("pdftoppm", "-r", "30", "-gray", out, prefix)
    images = sorted(n for n in os.listdir(tmp) if n.startswith("page"))
    check("pdftoppm turns every self-evaluation page into an image",
          done.returncode == 0 and len(images) == pages_of(out), done.stderr + str(images))
    blank = []
    for name in images:
        with open(os.path.join(tmp, name), "rb") as f:
            data = f.read()
        # Portable graymap: the header's three lines, then one byte a pixel.
        pixels = data.split(b"\n", 3)[3]
        if sum(1 for p in pixels if p < 128) < 200:
            blank.append(name)
    check("no page image is blank", images and not blank, " ".join(blank))

    # The scores, as the 自评表 prints them.
    by_code = {p["code"]: p for p in scores["projects"]}
    third = by_code[doc["projects"][2]["code"]]
    check("score: a typed 预算执行率 score is used and said to be typed",
          third["execution"]["score"] == 9.5 and third["execution"]["overridden"], third["execution"])
    check("score: 4 of 5 reports score 4/5 of the row's 12.5",
          third["indicators"][1]["score"] == 10 and third["indicators"][1]["rule"] == "at-least",
          third["indicators"][1])
    check("score: 部分达成 scores half", third["indicators"][2]["score"] == 6.25, third["indicators"][2])
    check("score: the total is the sum of its parts",
          abs(third["total"] - third["execution"]["score"]
              - sum(r["score"] for r in third["indicators"])) < 0.011, third)
    department = scores.get("department") or {}
    budgets = {p["code"]: (p.get("evaluation", {}).get("budget")
                           or p.get("monitoring", {}).get("adjusted_budget")
                           or p["funds"]["fiscal"] + p["funds"]["other"]) for p in doc["projects"]}
    weighted = sum(by_code[c]["total"] * b for c, b in budgets.items()) / sum(budgets.values())
    check("score: the department's total weighs each project by its 全年预算数, as the 汇总表 prints it",
          abs(department.get("total", -1) - weighted) < 0.006 and f"{department['total']:g}" in text
          and "合计（得分按全年预算数加权平均）" + f"{sum(budgets.values()):.2f}" in text,
          f"{department} against {weighted:.4f}")
    done = run(cli, "score", fixture)
    check("score: the text output ends with the department's line",
          done.returncode == 0 and done.stdout.rstrip().splitlines()[-1].startswith("Department"),
          done.stdout[-200:])
    done = run(cli, "score", fixture, "--project", "no-such-code")
    check("score: an unknown project code is an error", done.returncode == 1, done.stderr)

    # The chart with the spending on the plan.
    chart = os.path.join(tmp, "chart.svg")
    done = run(cli, "chart", "--stage", "monitoring", fixture, "-o", chart)
    svg = open(chart, encoding="utf-8").read() if done.returncode == 0 else ""
    check("chart --stage monitoring draws the spending and the expected year end",
          "资金支出计划与执行" in svg and "1–6月实际执行" in svg and "全年预计执行" in svg,
          done.stderr)
    done = run(cli, "chart", "--stage", "goals", fixture, "-o", chart)
    svg = open(chart, encoding="utf-8").read() if done.returncode == 0 else ""
    check("chart --stage goals draws the plan alone", done.returncode == 0 and "实际执行" not in svg,
          done.stderr)
    done = run(cli, "chart", fixture, "-o", chart)
    svg = open(chart, encoding="utf-8").read() if done.returncode == 0 else ""
    check("chart follows the document's stage (evaluation: the year's spending)",
          "全年实际执行" in svg, done.stderr)
    done = run(cli, "chart", "--stage", "later", fixture, "-o", chart)
    check("chart refuses an unknown stage", done.returncode == 2 and "later" in done.stderr, done.stderr)
    done = run(cli, "export-pdf", "--stage", "later", fixture, "-o", out)
    check("export-pdf refuses an unknown stage", done.returncode == 2 and "later" in done.stderr,
          done.stderr)

    # export-pdf tells of the open errors of what it prints.
    unfinished = json.loads(json.dumps(doc))
    unfinished["stage"] = "monitoring"
    del unfinished["projects"][0]["evaluation"]["executed"]
    # An error of the monitoring, the document's stage, which neither report counts.
    del unfinished["projects"][1]["monitoring"]["executed"]
    unfinished_file = os.path.join(tmp, "unfinished.json")
    with open(unfinished_file, "w", encoding="utf-8") as f:
        json.dump(unfinished, f, ensure_ascii=False, indent=2)
    done = run(cli, "export-pdf", "--stage", "evaluation", unfinished_file, "-o", out)
    check("export-pdf --stage evaluation of a document still in its monitoring names the "
          "self-evaluation's open error", done.returncode == 0 and "1 error" in done.stderr,
          done.stderr)
    done = run(cli, "export-pdf", "--stage", "goals", unfinished_file, "-o", out)
    check("export-pdf --stage goals does not count the stages' findings",
          done.returncode == 0 and "error" not in done.stderr, done.stderr)
    done = run(cli, "export-pdf", unfinished_file, "-o", out)
    check("export-pdf of its stage names the monitoring's open error and not the "
          "self-evaluation's", done.returncode == 0 and "1 error" in done.stderr, done.stderr)

    # The review checks follow the document's stage.
    done = run(cli, "validate", "--format", "json", monitoring_file)
    found = json.loads(done.stdout)["files"][0]["findings"]
    rules = {f["rule"] for f in found}
    behind = [f for f in found if f["rule"] == "monitoring-behind-plan"]
    check("validate: spending behind the plan is a warning naming both shares",
          any("60%" in f["message"] and "35%" in f["message"] and f["severity"] == "warning"
              for f in behind), behind)
    check("validate: no evaluation rule runs in the monitoring stage",
          not any(r.startswith("evaluation-") for r in rules), rules)
    done = run(cli, "validate", "--format", "json", fixture)
    rules = {f["rule"] for f in json.loads(done.stdout)["files"][0]["findings"]}
    check("validate: the fixture's self-evaluation is complete",
          not any(r.startswith("evaluation-") or r.startswith("monitoring-") for r in rules), rules)

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok:
        for line in str(detail).splitlines()[:8]:
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
