#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Exports the example with `jixiao-cli export-pdf` and reads the PDF back
with poppler's tools as a reviewer's computer would.

Usage: pdf-check.py CLI EXAMPLE.json

Prints TAP; exits 1 when a check fails.
"""

import json
import os
import re
import subprocess
import sys
import tempfile

cli, example = sys.argv[1], sys.argv[2]
results = []


def check(name, ok, detail=""):
    results.append((name, bool(ok), detail))


def run(*args):
    return subprocess.run(args, capture_output=True, text=True)


def squeeze(text):
    return "".join(text.split())


with tempfile.TemporaryDirectory() as tmp, open(example, encoding="utf-8") as f:
    doc = json.load(f)
    out = os.path.join(tmp, "example.pdf")
    done = run(cli, "export-pdf", example, "-o", out)
    check("export-pdf exits 0", done.returncode == 0, done.stderr)
    check("no temporary file is left", os.listdir(tmp) == ["example.pdf"], os.listdir(tmp))

    info = run("pdfinfo", out).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    check("cover, 目录, Part 1 and seven tables make 12 or more pages", pages >= 12, info)
    check("pages are A4", "595.276 x 841.89 pts (A4)" in info, info)
    check("title metadata", re.search(r"Title:\s+.*2024年部门预算绩效文本", info), info)
    check("author metadata", re.search(r"Author:\s+" + doc["department"]["name"], info), info)

    text = squeeze(run("pdftotext", "-raw", "-enc", "UTF-8", out, "-").stdout)
    wanted = ["目录", "第一部分部门整体绩效目标", "一、总体绩效目标", "二、分项绩效目标",
              "三、工作保障措施", "第二部分预算项目绩效目标", "（草案）", "单位：万元",
              "预算规模及资金用途", "资金支出计划（%）", "指标值确定依据", "— 1 —"]
    for i, project in enumerate(doc["projects"]):
        wanted += [project["code"], project["name"], f"{i + 1}.{project['name']}绩效目标表"]
        for indicator in project["indicators"]:
            wanted += [indicator["name"], indicator["value"], indicator["basis"]]
    for measure in doc["measures"]:
        wanted.append(measure["heading"])
    missing = sorted({squeeze(w) for w in wanted if squeeze(w) not in text})
    check("pdftotext finds every code, name, 三级指标, 指标值, 依据 and heading",
          not missing, "missing: " + ", ".join(missing))

    # Every other text of the document, word for word.
    prose = [doc["overall"]["summary"]] + doc["overall"]["points"]
    prose += [m["body"] for m in doc["measures"]]
    for project in doc["projects"]:
        prose += [project.get("usage", "")] + project["goals"]
        prose += [i.get("description", "") for i in project["indicators"]]
        prose += list(project.get("overview", {}).values())
    # A paragraph that goes on to the next page has the page number between.
    flowing = re.sub(r"—\d+—", "", text)
    missing = [p[:20] for p in prose if squeeze(p) and squeeze(p) not in flowing]
    check("pdftotext finds every paragraph, goal, usage and description", not missing,
          "missing: " + " | ".join(missing))

    fonts = run("pdffonts", out).stdout.splitlines()[2:]
    check("fonts are listed", len(fonts) >= 2, fonts)
    check("every font is embedded", all(line.split()[-5] == "yes" for line in fonts), fonts)

    with open(out, "rb") as pdf:
        raw = pdf.read()
    check("the PDF has an outline", b"/Outlines" in raw)
    links = raw.count(b"/Subtype /Link")
    check("目录 entries are links", links >= 3 + len(doc["projects"]), f"{links} links")

    check("without --with-charts there is no appendix", "附件" not in text)
    charted = os.path.join(tmp, "charts.pdf")
    done = run(cli, "export-pdf", "--with-charts", example, "-o", charted)
    check("export-pdf --with-charts exits 0", done.returncode == 0, done.stderr)
    info = run("pdfinfo", charted).stdout
    charted_pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    check("--with-charts adds one page", charted_pages == pages + 1, info)
    last = squeeze(run("pdftotext", "-raw", "-enc", "UTF-8", "-f", str(charted_pages),
                       "-l", str(charted_pages), charted, "-").stdout)
    before = squeeze(run("pdftotext", "-raw", "-enc", "UTF-8", "-f", str(pages),
                         "-l", str(pages), charted, "-").stdout)
    number = int(re.findall(r"—(\d+)—", before)[-1]) + 1
    check("the last page is the appendix with both charts and its page number",
          "附件：部门资金支出计划" in last and "资金支出计划（按月末累计）" in last
          and "资金支出计划（分期）" in last and f"—{number}—" in last, last)
    toc = squeeze(run("pdftotext", "-raw", "-enc", "UTF-8", "-f", "2", "-l", "2", charted, "-").stdout)
    check("the 目录 lists the appendix with its page number",
          re.search(r"附件：部门资金支出计划[.…·]*" + str(number) + "$", toc) is not None, toc)
    with open(charted, "rb") as pdf:
        charted_raw = pdf.read()
    charted_links = charted_raw.count(b"/Subtype /Link")
    # cairo writes bookmark titles as UTF-16 hex strings.
    check("the appendix has a bookmark",
          "附件：部门资金支出计划".encode("utf-16-be").hex().upper().encode() in charted_raw.upper())
    check("the appendix line of the 目录 is a link", charted_links > links,
          f"{charted_links} links against {links}")

    bad = run(cli, "export-pdf", example, "-o", os.path.join(tmp, "missing", "x.pdf"))
    check("an unwritable output fails with a message", bad.returncode == 1 and "missing" in bad.stderr,
          bad.stderr)
    usage = run(cli, "export-pdf", example)
    check("export-pdf without -o is a usage error", usage.returncode == 2, usage.stderr)

    fonts_out = run(cli, "fonts").stdout
    check("fonts names each role and the real family",
          all(role in fonts_out for role in ("title", "heading", "body", "table", "page-number"))
          and "Noto" in fonts_out, fonts_out)

print(f"1..{len(results)}")
failed = 0
for n, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {n} - {name}")
    if not ok:
        failed += 1
        for line in str(detail).splitlines():
            print(f"# {line}")
sys.exit(1 if failed else 0)
