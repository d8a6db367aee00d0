#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""jixiao-cli import of workbooks and CSV files made by other programs
(python3-openpyxl here, LibreOffice in tests/fixtures/sheets), checked cell
by cell: round trips through export-xlsx, the layouts clerks and budget
systems use, --into an open document, and each kind of bad input, which
changes nothing. Prints TAP."""

import copy
import json
import os
import resource
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

CLI = sys.argv[1]
ROOT = os.environ["JX_SOURCE_ROOT"]
EXAMPLE = os.path.join(ROOT, "data/examples/zunhua-renda-2024.json")
SHEETS = os.path.join(ROOT, "tests/fixtures/sheets")
GENERATE = os.path.join(ROOT, "bench/gen-document.py")
ENV = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
ENV["LC_ALL"] = "C.UTF-8"
tmp = tempfile.mkdtemp()
results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=ENV, timeout=300)


def path(name):
    return os.path.join(tmp, name)


def load(name):
    with open(name, encoding="utf-8") as f:
        return json.load(f)


def normalized(name):
    """The document's fields, optional members filled in with what leaving
    them out means, so that two files of the same document compare equal."""
    r = run("normalize", name)
    if r.returncode != 0:
        return r.stderr
    doc = json.loads(r.stdout)
    doc.setdefault("title", "部门预算绩效文本")
    doc.setdefault("draft", True)
    doc.setdefault("money_unit", "万元")
    for key in ("compiler", "reviewer"):
        doc["department"].setdefault(key, "")
    for project in doc["projects"]:
        project.setdefault("usage", "")
        project.setdefault("spending_plan", [])
        project.setdefault("goals", [])
        project.setdefault("indicators", [])
        project["overview"] = {"description": "", "goal": "", "indicator_summary": "",
                               **project.get("overview", {})}
        for indicator in project["indicators"]:
            indicator.setdefault("description", "")
            indicator.setdefault("basis", "")
    return doc


with open(EXAMPLE, encoding="utf-8") as f:
    example = json.load(f)


def indicators(document, code):
    for project in document["projects"]:
        if project["code"] == code:
            return [(i["level1"], i["level2"], i["name"], i["value"], i.get("description", ""),
                     i.get("basis", "")) for i in project["indicators"]]
    return None


# ---- Round trips: document → export-xlsx → import → the same document ----

def round_trip(source, label):
    book, back = path(label + ".xlsx"), path(label + ".back.json")
    r1 = run("export-xlsx", source, "-o", book)
    r2 = run("import", book, "-o", back)
    same = r1.returncode == 0 and r2.returncode == 0 and normalized(back) == normalized(source)
    check(f"{label}: export-xlsx and import give the same document, field by field", same,
          r1.stderr + r2.stderr)
    return book


round_trip(EXAMPLE, "example")
varied = path("varied.json")
subprocess.run([sys.executable, GENERATE, EXAMPLE, "30", varied, "--varied"], check=True)
round_trip(varied, "varied")
tricky = copy.deepcopy(example)
tricky.update(title="部门预算绩效文本（修订）", draft=False, money_unit="元", year=2025)
tricky["department"]["compiler"] = ""
del tricky["department"]["reviewer"]
tricky["measures"][0]["heading"] = ""
first = tricky["projects"][0]
first["funds"] = {"fiscal": 123456.789012, "other": 0.000001}
first["spending_plan"] = [{"month": m, "percent": round(100 * m / 12, 4)} for m in range(1, 13)]
first["usage"] = "第一行\n第二行\t有制表符"
first["overview"] = {"description": "", "goal": "", "indicator_summary": ""}
for ind, value in zip(first["indicators"], ["1346.0088万平方米", "100.0%", "≥1,200平方米",
                                            "2023.07-2024.01", "=10辆", "≤620万/月"]):
    ind["value"] = value
first["indicators"][0]["description"] = ""
tricky["projects"][1]["indicators"] = []
tricky["projects"][2]["goals"] = []
with open(path("tricky.json"), "w", encoding="utf-8") as f:
    json.dump(tricky, f, ensure_ascii=False)
book = path("tricky.xlsx")
run("export-xlsx", path("tricky.json"), "-o", book)
r = run("import", book, "-o", path("tricky.back.json"))
back = normalized(path("tricky.back.json"))
expected = normalized(path("tricky.json"))
if isinstance(expected, dict):
    # The one spelling the split form does not keep: "=" before a number.
    expected["projects"][0]["indicators"][4]["value"] = "10辆"
check("hard values, amounts, plans and empty parts survive the round trip", back == expected,
      r.stderr)

r = run("import", os.path.join(SHEETS, "libreoffice-resaved.xlsx"), "-o", path("lo.json"))
check("the export opened and saved again by LibreOffice imports as the same document",
      r.returncode == 0 and normalized(path("lo.json")) == normalized(EXAMPLE), r.stderr)

# ---- Layouts of other programs, into the example ----

CODE = "13028124P000939100016"        # 人大代表活动经费, the example's third project
OTHER = "13028124P000930100013"       # 人大八届四次会议费


def into(book, *extra):
    out = path("into.json")
    if os.path.exists(out):
        os.unlink(out)
    r = run("import", book, "--into", EXAMPLE, "-o", out, *extra)
    return r, (load(out) if r.returncode == 0 else None)


r, doc = into(os.path.join(SHEETS, "libreoffice-formulas.xlsx"))
got = indicators(doc, CODE) if doc else None
check("LibreOffice: formulas give their cached values, merged cells repeat, % formats show",
      got is not None and got[0][:4] == ("产出指标", "数量指标", "开展代表活动次数", "≥10次")
      and got[1][:4] == ("产出指标", "质量指标", "调研报告完成数", "≥5篇")
      and ("效益指标", "社会效益指标", "参与决策次数", "≥3次", "", "") in got
      and ("满意度指标", "服务对象满意度指标", "代表满意度", "≥95%", "", "") in got, (r.stderr, got))

# Title rows, merged 项目 and 一级 cells, blank cells meaning "as above",
# number cells of every kind.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "指标表"
ws.append(["2024年部门项目绩效目标表"])
ws.merge_cells("A1:H1")
ws.append(["单位：万元"])
ws.append(["项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "计算符号", "指标值",
           "计量单位", "指标值确定依据"])
ws.append([CODE, "人大代表活动经费", "产出指标", "数量指标", "开展代表活动次数", "≥", 12, "次",
           "年度计划"])
ws.append([None, None, None, None, "新增活动", "≤", 0.1 + 0.2, "万元", None])
ws.append([None, None, None, "质量指标", "调研报告完成数", "=", 1346.0088, "篇", None])
ws["G6"].number_format = "0.0000"
ws.append([None, None, "效益指标", "社会效益指标", "代表履职", "定性", "明显提升", None, None])
ws.append([OTHER, "人大八届四次会议费", "满意度指标", "服务对象满意度指标", "代表满意度", "≥", 0.95,
           None, None])
ws["G8"].number_format = "0%"
ws.append([None, None, None, None, "会议满意度", "≥", 100, "%", None])
ws["G9"].number_format = "0.0"
ws.append(["合计", None, None, None, None, None, None, None, "共 6 项"])
for cells in ("A4:A7", "B4:B7", "C4:C6"):
    ws.merge_cells(cells)
wb.save(path("layout.xlsx"))
r, doc = into(path("layout.xlsx"))
mine, other = (indicators(doc, CODE), indicators(doc, OTHER)) if doc else (None, None)
check("--into places rows by 项目编码, merged and blank cells as above",
      mine is not None and ("产出指标", "数量指标", "开展代表活动次数", "≥12次", "开展代表视察调研活动次数",
                            "年度计划") in mine
      and ("产出指标", "数量指标", "新增活动", "≤0.3万元", "", "") in mine
      and ("产出指标", "质量指标", "调研报告完成数", "1346.0088篇", "调研报告完成数", "") in mine
      and ("效益指标", "社会效益指标", "代表履职", "明显提升", "", "") in mine, (r.stderr, mine))
check("a number cell shows its digits: 0.1+0.2 as 0.3, 1346.0088, a percent format as %",
      other is not None and any(o[2:4] == ("代表满意度", "≥95%") for o in other)
      and any(o[2:4] == ("会议满意度", "≥100.0%") for o in other), other)
check("a replaced row keeps the description the sheet has no column for",
      mine is not None and [m[4] for m in mine if m[2] == "开展代表活动次数"] == ["开展代表视察调研活动次数"],
      mine)
check("a row added next to its category", mine is not None
      and [m[2] for m in mine].index("新增活动") == [m[2] for m in mine].index("开展代表活动次数") + 1,
      [m[2] for m in mine] if mine else None)
check("the total row is left out, with its place on standard error",
      "sheet “指标表”, row 10: no 三级指标" in r.stderr, r.stderr)
check("other projects are untouched",
      doc is not None and doc["projects"][0] == example["projects"][0])

r = run("import", path("layout.xlsx"), "--into", EXAMPLE, "--preview")
check("--preview lists projects matched and rows replaced or added, writes nothing",
      r.returncode == 0 and f"{CODE} 人大代表活动经费 (found by its 项目编码): 2 added, 2 replaced, 0 unchanged"
      in r.stdout and f"{OTHER} 人大八届四次会议费 (found by its 项目编码): 2 added" in r.stdout
      and "row 10" in r.stdout, r.stdout + r.stderr)

# One sheet per project, the project named above the header; the budget
# systems' header words (指标性质, 度量单位, 三级指标名称, 年度指标值).
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "项目一"
ws.append(["项目绩效目标表"])
ws.append(["项目编码：" + CODE])
ws.append(["一级指标", "二级指标", "三级指标名称", "指标性质", "年度指标值", "度量单位", "指标解释"])
ws.append(["产出指标", "数量指标", "开展代表活动次数", "≥", 20, "次", "全年"])
ws2 = wb.create_sheet("人大八届四次会议费")
ws2.append(["一级指标", "二级指标", "三级指标名称", "指标性质", "年度指标值", "度量单位"])
ws2.append(["产出指标", "时效指标", "会议完成时限", "定性", "2024年1月31日前", None])
ws3 = wb.create_sheet("说明")
ws3.append(["填表说明：指标值为数字时，计算符号填 ≥、≤ 或 =。"])
wb.save(path("per-project.xlsx"))
r, doc = into(path("per-project.xlsx"))
check("a project named above the header (项目编码：…) gets its sheet's rows",
      doc is not None and ("产出指标", "数量指标", "开展代表活动次数", "≥20次", "全年",
                           "根据《代表法》有关要求，不定期组织代表活动") in indicators(doc, CODE),
      r.stderr)
check("a sheet named like a project gets its rows",
      doc is not None and any(i[2:4] == ("会议完成时限", "2024年1月31日前") for i in indicators(doc, OTHER)),
      r.stderr)
check("a sheet without a header is named as not read",
      "sheet “说明”: no header row naming 一级指标" in r.stderr, r.stderr)

# A CSV in GBK, as Chinese Excel and WPS save it, for a project the
# document does not have.
csv_text = ("项目编码,项目名称,一级指标,二级指标,三级指标,指标值\r\n"
            "NEW001,新建项目,产出指标,数量指标,培训人次,≥300人次\r\n"
            ",,效益指标,社会效益指标,\"群众知晓率,抽样\",≥90%\r\n")
with open(path("gbk.csv"), "wb") as f:
    f.write(csv_text.encode("gbk"))
r, doc = into(path("gbk.csv"))
added = [p for p in doc["projects"] if p["code"] == "NEW001"] if doc else []
check("a GBK CSV: its project is added with its rows, quotes read",
      len(added) == 1 and added[0]["name"] == "新建项目"
      and [(i["name"], i["value"]) for i in added[0]["indicators"]]
      == [("培训人次", "≥300人次"), ("群众知晓率,抽样", "≥90%")], (r.stderr, added))
r = run("import", path("gbk.csv"), "-o", path("gbk.json"))
doc = load(path("gbk.json")) if r.returncode == 0 else None
check("a CSV alone becomes a new document with its project",
      doc is not None and [p["code"] for p in doc["projects"]] == ["NEW001"], r.stderr)
with open(path("表.csv"), "wb") as f:
    f.write(b"\xef\xbb\xbf" + "一级指标,二级指标,三级指标,指标值\n产出指标,数量指标,a,1次\n".encode())
r = run("import", path("表.csv"), "-o", path("bom.json"))
doc = load(path("bom.json")) if r.returncode == 0 else None
check("a UTF-8 CSV with a byte order mark and no project columns: a project named like the file",
      doc is not None and [p["name"] for p in doc["projects"]] == ["表"]
      and doc["projects"][0]["indicators"][0]["value"] == "1次", r.stderr)
r = run("import", path("表.csv"), "--into", EXAMPLE, "--preview")
check("rows naming no project, into a document of several, are left out with the reason",
      r.returncode == 0 and "names no project" in r.stdout, r.stdout + r.stderr)

# ---- Bad input: a clear message naming the place, and nothing changes ----

out = path("kept.json")


def refused(label, book, *words):
    with open(out, "w", encoding="utf-8") as f:
        f.write("old")
    r = run("import", book, "--into", EXAMPLE, "-o", out)
    kept = open(out, encoding="utf-8").read() == "old"
    check(f"{label}: refused, saying {' / '.join(words)}, OUT untouched",
          r.returncode == 1 and all(w in r.stderr for w in words) and kept, r.stderr)
    return r


wb = openpyxl.Workbook()
wb.active.title = "指标"
wb.active.append(["一级指标", "二级指标", "三级指标", "指标值"])
wb.active.append(["产出指标", "数量指标", "次数", "≥3次"])
wb.active.append([3, "质量指标", "合格率", "≥95%"])
wb.save(path("number.xlsx"))
refused("a number where a name is expected", path("number.xlsx"),
        "Sheet “指标”, row 3, column “一级指标” (A3)", "number 3")

wb = openpyxl.Workbook()
wb.active.title = "指标"
wb.active.append(["一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位"])
wb.active.append(["产出指标", "数量指标", "次数", "≥", "优良", "次"])
wb.save(path("text.xlsx"))
refused("text where a number is expected", path("text.xlsx"),
        "Sheet “指标”, row 2, column “指标值” (E2)", "must be a number, not “优良”")

wb = openpyxl.Workbook()
wb.active.title = "数据"
wb.active.append(["序号", "名称", "金额"])
wb.save(path("noheader.xlsx"))
refused("no header", path("noheader.xlsx"), "No sheet has a header row", "“数据”",
        "一级指标, 二级指标, 三级指标", "年度指标值")

with open(path("garbage.xlsx"), "wb") as f:
    f.write(bytes(range(256)) * 4)
refused("not a workbook", path("garbage.xlsx"), "not a file Jixiao can import")

with zipfile.ZipFile(path("docx.xlsx"), "w") as z:
    z.writestr("word/document.xml", "<w:document/>")
refused("a Word document --into", path("docx.xlsx"), "Word document")


def big_sheet(name, rows, cell):
    """A workbook of one sheet streamed into the zip without building it in memory."""
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml",
                   '<workbook xmlns:r="r"><sheets><sheet name="大表" sheetId="1" r:id="rId1"/>'
                   "</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
                   "</Relationships>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as s:
            s.write(b"<worksheet><sheetData>")
            s.write(b'<row r="1"><c r="A1" t="inlineStr"><is><t>\xe4\xb8\x80\xe7\xba\xa7\xe6\x8c'
                    b'\x87\xe6\xa0\x87</t></is></c></row>')
            chunk = []
            for i in range(2, rows + 2):
                chunk.append(cell(i))
                if len(chunk) == 10000:
                    s.write(b"".join(chunk))
                    chunk = []
            s.write(b"".join(chunk) + b"</sheetData></worksheet>")


big_sheet(path("million.xlsx"), 1000000,
          lambda i: b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d"><v>%d</v></c></row>'
          % (i, i, i * 7919 % 1000003, i, i * 104729 % 999983))
before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
r = refused("a sheet of a million rows", path("million.xlsx"), "“大表” has more than 100000 rows")
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
check("… read in bounded memory", peak < 200 * 1024, f"{peak} KiB")

big_sheet(path("bomb.xlsx"), 3000000, lambda i: b"<row/>")
check("the zip bomb is small on disk", os.path.getsize(path("bomb.xlsx")) < 2 * 1024 * 1024,
      os.path.getsize(path("bomb.xlsx")))
refused("a zip bomb", path("bomb.xlsx"), "unpacks to more than")

r = run("import", path("layout.xlsx"), "--preview")
check("--preview without --into is a usage error", r.returncode == 2, r.stderr)

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok and detail:
        for line in str(detail).splitlines()[:30]:
            print(f"# {line}")
