#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Word files between Jixiao and other programs, as a clerk and a finance
bureau would pass them around:

- `jixiao-cli export-docx` of the example, read back as XML (page, margins,
  sections, footers, styles, the table grid, merged and repeated rows, the
  目录 with the printout's page numbers) and cell by cell with python-docx;
- LibreOffice opening the export (PDF: every project code and 三级指标;
  saved again as .docx and imported: the example comes back) and turning a
  flat ODT of a generated document into .docx (imported: it comes back);
- a Word file made with python-docx the way a clerk makes one (merged
  一级 cells, a table split in two, typed numbering, a missing 绩效指标描述
  column, amounts in 元, other labels), imported;
- the checked-in files LibreOffice wrote, imported without LibreOffice;
- refused files leave the output alone.

Usage: test-docx-files.py CLI GEN-DOCUMENT.py GEN-FODT.py
Prints TAP. Parts needing python-docx or LibreOffice are skipped, saying
so, where they are not installed."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

CLI, GEN_DOCUMENT, GEN_FODT = sys.argv[1:4]
ROOT = os.environ["JX_SOURCE_ROOT"]
EXAMPLE = os.path.join(ROOT, "data/examples/zunhua-renda-2024.json")
FIXTURES = os.path.join(ROOT, "tests/fixtures/docx")
ENV = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
ENV["LC_ALL"] = "C.UTF-8"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

results = []


def check(name, condition, detail=""):
    results.append((name, "ok" if condition else "not ok", detail))


def skip(name, why):
    results.append((name, "skip", why))


def run(*args, **kwargs):
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=ENV, timeout=300,
                          **kwargs)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def differences(expected, actual, path=""):
    """Every place where two documents differ, member by member; numbers
    compare by value (3 and 3.0 are one amount)."""
    out = []
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)) \
            and not isinstance(expected, bool):
        if abs(expected - actual) > 1e-9:
            out.append(f"{path}: {expected} ≠ {actual}")
    elif type(expected) is not type(actual):
        out.append(f"{path}: {expected!r} ≠ {actual!r}")
    elif isinstance(expected, dict):
        for key in sorted(set(expected) | set(actual)):
            if key not in actual or key not in expected:
                out.append(f"{path}.{key}: only in {'expected' if key in expected else 'import'}")
            else:
                out += differences(expected[key], actual[key], f"{path}.{key}")
    elif isinstance(expected, list):
        if len(expected) != len(actual):
            out.append(f"{path}: {len(expected)} items ≠ {len(actual)}")
        for i, (a, b) in enumerate(zip(expected, actual)):
            out += differences(a, b, f"{path}[{i}]")
    elif expected != actual:
        out.append(f"{path}: {expected!r} ≠ {actual!r}")
    return out


def import_file(path, tmp):
    out = os.path.join(tmp, os.path.basename(path) + ".json")
    r = run("import", path, "-o", out)
    return (load(out) if r.returncode == 0 else None), r


def money(value):
    return f"{value:.2f}"


def percent(value):
    return f"{value:g}%"


tmp = tempfile.mkdtemp(prefix="jx-docx-")
example = load(EXAMPLE)

# ---- The export, as XML ----

exported = os.path.join(tmp, "example.docx")
r = run("export-docx", EXAMPLE, "-o", exported)
check("export-docx of the example exits 0", r.returncode == 0, r.stderr)
with zipfile.ZipFile(exported) as z:
    names = z.namelist()
    body = ET.fromstring(z.read("word/document.xml"))
    styles = ET.fromstring(z.read("word/styles.xml"))
    settings = ET.fromstring(z.read("word/settings.xml"))
    footers = [ET.fromstring(z.read(f"word/footer{i}.xml")) for i in (1, 2)]
check("the package has its parts", {"[Content_Types].xml", "_rels/.rels", "word/document.xml",
                                     "word/styles.xml", "word/numbering.xml"} <= set(names), names)

sections = body.findall(f".//{W}sectPr")
last = sections[-1]
size = last.find(f"{W}pgSz")
margins = last.find(f"{W}pgMar")
check("A4 portrait", (size.get(f"{W}w"), size.get(f"{W}h")) == ("11906", "16838"))
check("the GB/T 9704 text block: top 37 mm, left 28 mm, 156 × 225 mm",
      [margins.get(f"{W}{k}") for k in ("top", "left", "bottom", "right")]
      == ["2098", "1587", "1984", "1474"], margins.attrib)
check("cover, 目录 and content are three sections", len(sections) == 3, len(sections))
check("only the content has page numbers, from 1",
      all(s.find(f"{W}footerReference") is None for s in sections[:2])
      and {f.get(f"{W}type") for f in last.findall(f"{W}footerReference")} == {"default", "even"}
      and last.find(f"{W}pgNumType").get(f"{W}start") == "1")
check("odd and even pages have footers of their own",
      settings.find(f"{W}evenAndOddHeaders") is not None)
footer_text = ["".join(t.text for t in f.iter(f"{W}t")) for f in footers]
footer_fields = ["".join(t.text for t in f.iter(f"{W}instrText")) for f in footers]
footer_jc = [f.find(f".//{W}jc").get(f"{W}val") for f in footers]
check("footers are “— N —” from a PAGE field, odd right, even left",
      all(t.startswith("— ") and t.endswith(" —") for t in footer_text)
      and all("PAGE" in f for f in footer_fields) and footer_jc == ["right", "left"],
      (footer_text, footer_fields, footer_jc))

style_by_id = {s.get(f"{W}styleId"): s for s in styles.findall(f"{W}style")}


def style_font(style_id):
    fonts = style_by_id[style_id].find(f"{W}rPr/{W}rFonts")
    size = style_by_id[style_id].find(f"{W}rPr/{W}sz")
    return (fonts.get(f"{W}eastAsia") if fonts is not None else None,
            size.get(f"{W}val") if size is not None else None)


default_fonts = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
check("body text is 3号 仿宋_GB2312 by default",
      default_fonts.find(f"{W}rFonts").get(f"{W}eastAsia") == "仿宋_GB2312"
      and default_fonts.find(f"{W}sz").get(f"{W}val") == "32")
check("titles are 2号 方正小标宋简体, headings 黑体",
      style_font("Title") == ("方正小标宋简体", "44") and style_font("Heading1")[0] == "方正小标宋简体"
      and style_font("Heading2")[0] == "黑体" and style_font("JxTableTitle")[0] == "黑体")
direct = [r for r in body.iter(f"{W}r") if r.find(f"{W}rPr") is not None
          and any(c.tag != f"{W}rStyle" for c in r.find(f"{W}rPr"))]
check("no run carries direct formatting: styles do", not direct, len(direct))

# The grid: every row covers the table's grid columns; merged cells line up.
tables = body.find(f"{W}body").findall(f"{W}tbl")
check("two tables a project: the project and its indicators",
      len(tables) == 2 * len(example["projects"]), len(tables))
grid_ok, rows_ok, header_ok, merges_ok = [], [], [], []
for t in tables:
    n_grid = len(t.findall(f"{W}tblGrid/{W}gridCol"))
    previous = {}
    for i, row in enumerate(t.findall(f"{W}tr")):
        column, starts = 0, {}
        for cell in row.findall(f"{W}tc"):
            span = cell.find(f"{W}tcPr/{W}gridSpan")
            merge = cell.find(f"{W}tcPr/{W}vMerge")
            starts[column] = merge
            if merge is not None and merge.get(f"{W}val") != "restart":
                merges_ok.append(column in previous)
            column += int(span.get(f"{W}val")) if span is not None else 1
        previous = starts
        grid_ok.append(column == n_grid)
        rows_ok.append(row.find(f"{W}trPr/{W}cantSplit") is not None)
        first_text = "".join(x.text for x in row.iter(f"{W}t"))
        header_ok.append((row.find(f"{W}trPr/{W}tblHeader") is not None)
                         == (i == 0 and first_text.startswith("一级指标")))
check("every row spans the table's grid", all(grid_ok), grid_ok.count(False))
check("no row splits across pages", all(rows_ok), rows_ok.count(False))
check("the indicator header, and only it, repeats on every page", all(header_ok),
      header_ok.count(False))
check("merged cells continue a cell above them", merges_ok and all(merges_ok))
first = tables[1].findall(f"{W}tr")
level1 = [row.find(f"{W}tc/{W}tcPr/{W}vMerge") for row in first[1:]]
check("the 一级指标 run 产出指标 is one cell over its four rows",
      [m.get(f"{W}val") if m is not None else None for m in level1[:4]] == ["restart", None, None, None]
      and level1[4] is None, [m.attrib if m is not None else None for m in level1])

# The 目录: a TOC field whose entries hold the printout's page numbers.
instructions = "".join(t.text or "" for t in body.iter(f"{W}instrText"))
check("the 目录 is a table-of-contents field over the headings", "TOC \\o \"1-2\"" in instructions)
toc_numbers = []
for p in body.iter(f"{W}p"):
    style = p.find(f"{W}pPr/{W}pStyle")
    if style is not None and style.get(f"{W}val") == "TOC2":
        toc_numbers.append(int(re.findall(r"(\d+)$", "".join(t.text for t in p.iter(f"{W}t")))[0]))
pdf = os.path.join(tmp, "example.pdf")
run("export-pdf", EXAMPLE, "-o", pdf)
toc_page = subprocess.run(["pdftotext", "-f", "2", "-l", "2", "-layout", pdf, "-"],
                          capture_output=True, text=True).stdout
printed = [int(n) for n in re.findall(r"(\d+)\s*$", toc_page, re.M)]
check("目录 page numbers are those of the printout", toc_numbers and toc_numbers == printed,
      (toc_numbers, printed))

# ---- The export, with python-docx ----

try:
    import docx  # noqa: E402  (Debian's python3-docx)
except ImportError:
    docx = None

if docx is None:
    skip("python-docx reads the export cell by cell", "python3-docx is not installed")
else:
    document = docx.Document(exported)
    wrong = []
    for n, project in enumerate(example["projects"]):
        head, indicators = document.tables[2 * n], document.tables[2 * n + 1]
        cells = [[c.text for c in row.cells] for row in head.rows]
        total = project["funds"]["fiscal"] + project["funds"]["other"]
        expect = {
            "code": project["code"] in cells[0], "name": project["name"] in cells[0],
            "total": money(total) in cells[1], "fiscal": money(project["funds"]["fiscal"]) in cells[1],
            "usage": project["usage"] in cells[2],
            "months": all(f"{p['month']}月底" in cells[3] for p in project["spending_plan"]),
            "percents": all(percent(p["percent"]) in cells[4] for p in project["spending_plan"]),
            "goals": cells[5][-1] == "\n".join(project["goals"]),
        }
        wrong += [f"{project['code']}: {k}" for k, ok in expect.items() if not ok]
        for i, indicator in enumerate(project["indicators"]):
            row = [c.text for c in indicators.rows[i + 1].cells]
            fields = [indicator[k] for k in ("level1", "level2", "name", "description", "value", "basis")]
            if row != fields:
                wrong.append(f"{project['code']} indicator {i + 1}: {row}")
    check("python-docx reads every project's cells as printed", not wrong, wrong[:5])
    check("python-docx sees A4 with the text block",
          round(document.sections[-1].page_width.mm) == 210
          and round(document.sections[-1].top_margin.mm) == 37)

# ---- Round trips ----

back, r = import_file(exported, tmp)
check("the exported example imports back as it was", back is not None
      and not differences(example, back), differences(example, back or {})[:5] or r.stderr)
check("… without notes", r.stderr.strip().endswith("imported 7 projects"), r.stderr)

varied = os.path.join(tmp, "varied.json")
subprocess.run([sys.executable, GEN_DOCUMENT, EXAMPLE, "40", varied, "--varied"], check=True)
varied_docx = os.path.join(tmp, "varied.docx")
r = run("export-docx", varied, "-o", varied_docx)
back, r2 = import_file(varied_docx, tmp)
check("a generated document with 0–12 checkpoints and 60 indicators comes back field by field",
      r.returncode == 0 and back is not None and not differences(load(varied), back),
      differences(load(varied), back or {})[:5] or r2.stderr)

# ---- Files LibreOffice wrote, checked in ----

for name in ("libreoffice-resaved.docx", "libreoffice-from-odt.docx"):
    back, r = import_file(os.path.join(FIXTURES, name), tmp)
    check(f"{name} (written by LibreOffice) imports as the example",
          back is not None and not differences(example, back),
          differences(example, back or {})[:5] or r.stderr)

# ---- LibreOffice now ----

soffice = shutil.which("soffice") or shutil.which("libreoffice")
if soffice is None:
    for what in ("LibreOffice turns the export into a PDF with every code and 三级指标",
                 "LibreOffice saves the export again as .docx, and it imports",
                 "a flat ODT of a generated document, saved as .docx by LibreOffice, imports"):
        skip(what, "LibreOffice is not installed")
else:
    profile = "file://" + os.path.join(tmp, "lo-profile")
    lo_env = dict(ENV, HOME=os.path.join(tmp, "lo-home"))

    def libreoffice(target, outdir, *files):
        return subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                               "--convert-to", target, "--outdir", outdir, *files],
                              capture_output=True, text=True, env=lo_env, timeout=600)

    lo_dir = os.path.join(tmp, "lo")
    libreoffice("pdf", lo_dir, exported)
    text = subprocess.run(["pdftotext", "-raw", os.path.join(lo_dir, "example.pdf"), "-"],
                          capture_output=True, text=True).stdout
    flat = "".join(text.split())
    missing = [p["code"] for p in example["projects"] if p["code"] not in flat]
    missing += [i["name"] for p in example["projects"] for i in p["indicators"]
                if "".join(i["name"].split()) not in flat]
    check("LibreOffice turns the export into a PDF with every code and 三级指标",
          text and not missing, missing[:5])

    fodt = os.path.join(tmp, "varied.fodt")
    subprocess.run([sys.executable, GEN_FODT, varied, fodt], check=True)
    again = os.path.join(tmp, "again")
    libreoffice("docx:MS Word 2007 XML", again, exported, fodt)
    back, r = import_file(os.path.join(again, "example.docx"), tmp)
    check("LibreOffice saves the export again as .docx, and it imports",
          back is not None and not differences(example, back),
          differences(example, back or {})[:5] or r.stderr)
    back, r = import_file(os.path.join(again, "varied.docx"), tmp)
    check("a flat ODT of a generated document, saved as .docx by LibreOffice, imports",
          back is not None and not differences(load(varied), back),
          differences(load(varied), back or {})[:5] or r.stderr)

# ---- A clerk's own Word file, made with python-docx ----

if docx is None:
    skip("a clerk's Word file imports", "python3-docx is not installed")
else:
    from docx.shared import Pt  # noqa: E402

    clerk = docx.Document()

    def para(text, bold_lead=None, style=None):
        p = clerk.add_paragraph(style=style)
        if bold_lead:
            p.add_run(bold_lead).bold = True
        p.add_run(text)
        return p

    for line in ("某某县教育局", "2025年部门预算绩效文本", "（草案）", "某某县教育局编制", "某某县财政局审核",
                 "目  录", "第一部分 部门整体绩效目标", "一、总体绩效目标……………2",
                 "第二部分 预算项目绩效目标", "1.教育信息化绩效目标表……5",
                 "第一部分 部门整体绩效目标"):
        para(line)
    para("一、总体绩效目标", style="Heading 2")
    para("总体绩效目标：")
    para("全面贯彻教育方针，办好人民满意的教育。")
    para("1、推进义务教育优质均衡发展。")
    para("（二）加强教师队伍建设。")
    para("二、分项绩效目标", style="Heading 2")
    para("1.教育信息化绩效目标项目").runs[0].bold = True
    para("建设智慧校园平台。")
    para("绩效目标：提升教学信息化水平。")
    para("绩效指标：平台覆盖率≥95%。")
    para("三、工作保障措施", style="Heading 2")
    para("成立领导小组，压实责任。", bold_lead="1．加强组织领导。")
    para("2、完善制度建设。").runs[0].bold = True
    para("健全预算绩效管理制度。")
    para("第二部分 预算项目绩效目标")
    para("1.教育信息化绩效目标表")
    para("205001 某某县教育局本级\t\t单位：元")

    t = clerk.add_table(rows=6, cols=7)
    t.style = "Table Grid"

    def put(r, c, text):
        t.cell(r, c).text = text

    put(0, 0, "项目编码"), put(0, 1, "2025P001"), put(0, 3, "项目名称"), put(0, 4, "教育信息化")
    t.cell(0, 1).merge(t.cell(0, 2)), t.cell(0, 4).merge(t.cell(0, 6))
    t.cell(1, 0).merge(t.cell(2, 0)).text = "预算规模及资金用途"
    put(1, 1, "预算数"), put(1, 2, "1,250,000.00"), put(1, 3, "其中：财政拨款"), put(1, 4, "1000000")
    put(1, 5, "其他资金"), put(1, 6, "250000元")
    t.cell(2, 1).merge(t.cell(2, 6)).text = "用于智慧校园平台建设和教师培训。"
    t.cell(3, 0).merge(t.cell(4, 0)).text = "资金支出计划（%）"
    for i, (m, pc) in enumerate((("3月", "25%"), ("6月", "50"), ("9月", "75%"), ("12月底", "100%"))):
        put(3, 2 + i, m), put(4, 2 + i, pc)
    t.cell(3, 1).merge(t.cell(4, 1))
    t.cell(5, 1).merge(t.cell(5, 6))
    put(5, 0, "绩效目标")
    goals = t.cell(5, 1)
    goals.paragraphs[0].text = "1.完成平台建设。"
    goals.add_paragraph("2.完成教师培训200人次。")

    # The indicators in a table of their own, 绩效指标描述 missing, the
    # columns in another order, 一级 merged down, then split by a page.
    header = ("一级指标", "二级指标", "三级指标", "指标值确定依据", "指标值")
    rows = [("产出指标", "数量指标", "平台数量", "年度计划", "1个"),
            ("产出指标", "数量指标", "培训人次", "年度计划", "≥200人次"),
            ("产出指标", "时效指标", "完成时间", "年度计划", "2025年12月底前"),
            ("效益指标", "社会效益指标", "教学效率提升", "调研", "明显提升"),
            ("满意度指标", "服务对象满意度指标", "教师满意度", "问卷", "≥90%")]
    for part in (rows[:3], rows[3:]):
        it = clerk.add_table(rows=1 + len(part), cols=5)
        it.style = "Table Grid"
        for c, h in enumerate(header):
            it.cell(0, c).text = h
        for r_i, row in enumerate(part, 1):
            for c, v in enumerate(row):
                if not (c == 0 and r_i > 1 and row[0] == part[r_i - 2][0]):
                    it.cell(r_i, c).text = v
        if part is rows[:3]:
            it.cell(1, 0).merge(it.cell(3, 0)).text = "产出指标"
            clerk.add_page_break()
    para("注：以上金额为预算数。")
    clerk_path = os.path.join(tmp, "clerk.docx")
    clerk.save(clerk_path)

    got, r = import_file(clerk_path, tmp)
    expected = {
        "year": 2025, "title": "部门预算绩效文本", "draft": True,
        "department": {"name": "某某县教育局", "unit_code": "205001", "unit_name": "某某县教育局本级",
                       "compiler": "某某县教育局", "reviewer": "某某县财政局"},
        "overall": {"summary": "全面贯彻教育方针，办好人民满意的教育。",
                    "points": ["推进义务教育优质均衡发展。", "加强教师队伍建设。"]},
        "measures": [{"heading": "加强组织领导。", "body": "成立领导小组，压实责任。"},
                     {"heading": "完善制度建设。", "body": "健全预算绩效管理制度。"}],
        "projects": [{
            "code": "2025P001", "name": "教育信息化",
            "funds": {"fiscal": 100, "other": 25},
            "usage": "用于智慧校园平台建设和教师培训。",
            "spending_plan": [{"month": m, "percent": p}
                              for m, p in ((3, 25), (6, 50), (9, 75), (12, 100))],
            "goals": ["完成平台建设。", "完成教师培训200人次。"],
            "overview": {"description": "建设智慧校园平台。", "goal": "提升教学信息化水平。",
                         "indicator_summary": "平台覆盖率≥95%。"},
            "indicators": [{"level1": a, "level2": b, "name": c, "description": "", "value": e,
                            "basis": d} for a, b, c, d, e in rows],
        }],
    }
    if got is None:
        check("a clerk's Word file imports", False, r.stderr)
    else:
        got.pop("format"), got.pop("version"), got.pop("money_unit")
        check("a clerk's Word file imports: typed numbering, merged and split tables, 元, "
              "columns out of order", not differences(expected, got),
              differences(expected, got)[:8])
        notes = r.stderr.splitlines()[:-1]
        check("what it could not place is reported with its place",
              any("注：以上金额为预算数。" in n and "paragraph" in n for n in notes), r.stderr)

# ---- Refused files leave the output alone ----

out = os.path.join(tmp, "kept.json")
with open(out, "w", encoding="utf-8") as f:
    f.write("kept")
r = run("import", os.path.join(FIXTURES, "bad", "zip-bomb.docx"), "-o", out)
check("a refused file exits 1 and leaves OUT as it was",
      r.returncode == 1 and open(out, encoding="utf-8").read() == "kept"
      and "zip-bomb.docx: " in r.stderr, r.stderr)
kept_docx = os.path.join(tmp, "kept.docx")
with open(kept_docx, "w", encoding="utf-8") as f:
    f.write("kept")
r = run("export-docx", os.path.join(ROOT, "tests/fixtures/broken/trailing-comma.json"), "-o", kept_docx)
check("a document that does not load is not exported, and OUT stays",
      r.returncode == 1 and open(kept_docx, encoding="utf-8").read() == "kept", r.stderr)
check("no temporary files are left beside the outputs",
      not [n for n in os.listdir(tmp) if n.startswith(".")], os.listdir(tmp))

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
