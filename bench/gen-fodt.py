#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a document's printed content as a flat OpenDocument text (.fodt)
that LibreOffice turns into a PDF, so that the benchmark compares like with
like: the same cover, 目录 lines, Part 1 paragraphs and one table per project
with the same rows, columns and merged 一级/二级 cells, on A4 with the same
text block, fonts and sizes as Jixiao prints them.

Usage: gen-fodt.py DOCUMENT.json OUT.fodt
"""

import json
import subprocess
import sys
from decimal import Decimal
from xml.sax.saxutils import escape

# The role fonts of src/render/jx-page-fonts.c: the office font first, the
# free fallback last. Each role takes the first family this machine has, as
# Jixiao's fontconfig lookup does.
ROLE_FAMILIES = {
    "title": ["方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong",
              "Noto Serif CJK SC"],
    "heading": ["黑体", "SimHei", "FandolHei", "Noto Sans CJK SC"],
    "body": ["仿宋_GB2312", "仿宋", "FangSong", "FandolFang", "Noto Serif CJK SC"],
    "folio": ["宋体", "SimSun", "FandolSong", "Noto Serif CJK SC"],
}


def installed_families():
    try:
        out = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
    except OSError:
        return set()
    return {name.strip() for line in out.splitlines() for name in line.split(",")}


def pick_fonts():
    have = installed_families()
    return {role: next((f for f in names if f in have), names[-1])
            for role, names in ROLE_FAMILIES.items()}


FONTS = pick_fonts()
TITLE, HEI, SERIF, SONG = FONTS["title"], FONTS["heading"], FONTS["body"], FONTS["folio"]

# Column widths of the project table in mm; they add up to the 156 mm block.
COLUMNS = [22, 20, 24, 30, 22, 18, 20]

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
"""


def font_decls():
    faces = "".join(f'<style:font-face style:name="{escape(name)}" svg:font-family="{escape(name)}"/>'
                    for name in sorted(set(FONTS.values())))
    return f"<office:font-face-decls>{faces}</office:font-face-decls>"


def text_props(font, size, bold=False):
    weight = "bold" if bold else "normal"
    return (f'<style:text-properties style:font-name="{escape(font)}" fo:font-size="{size}pt" '
            f'fo:font-weight="{weight}" style:font-name-asian="{escape(font)}" '
            f'style:font-size-asian="{size}pt" style:font-weight-asian="{weight}" '
            f'fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/>')


def paragraph_style(name, font, size, pitch, align="start", indent=0, bold=False, extra=""):
    return (f'<style:style style:name="{name}" style:family="paragraph">'
            f'<style:paragraph-properties fo:text-align="{align}" fo:line-height="{pitch}pt" '
            f'fo:text-indent="{indent}pt" {extra}/>{text_props(font, size, bold)}</style:style>')


def styles():
    pitch = round(225 / 25.4 * 72 / 22, 2)
    out = ["<office:styles>",
           paragraph_style("Title", TITLE, 22, 36, "center", bold=True),
           paragraph_style("Heading", HEI, 16, pitch, indent=32),
           paragraph_style("Body", SERIF, 16, pitch, "justify", indent=32),
           paragraph_style("Centered", SERIF, 16, pitch, "center"),
           paragraph_style("Toc", SERIF, 16, pitch),
           paragraph_style("Cell", SERIF, 10.5, 15, "center"),
           paragraph_style("CellText", SERIF, 10.5, 15, "justify"),
           paragraph_style("TableTitle", HEI, 16, pitch, "center"),
           paragraph_style("Folio", SONG, 14, 20, "end"),
           '<style:style style:name="Bold" style:family="text">'
           '<style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>',
           "</office:styles>"]
    return "".join(out)


def automatic_styles():
    cols = "".join(
        f'<style:style style:name="C{i}" style:family="table-column">'
        f'<style:table-column-properties style:column-width="{w}mm"/></style:style>'
        for i, w in enumerate(COLUMNS))
    return ("<office:automatic-styles>"
            '<style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="210mm" '
            'fo:page-height="297mm" fo:margin-top="37mm" fo:margin-bottom="28mm" fo:margin-left="28mm" '
            'fo:margin-right="26mm" style:print-orientation="portrait"/>'
            '<style:footer-style><style:header-footer-properties fo:min-height="7mm" '
            'fo:margin-top="7mm"/></style:footer-style></style:page-layout>'
            '<style:style style:name="Table" style:family="table"><style:table-properties '
            'style:width="156mm" table:align="left"/></style:style>'
            f"{cols}"
            '<style:style style:name="Box" style:family="table-cell"><style:table-cell-properties '
            'fo:border="0.6pt solid #000000" fo:padding="1mm" style:vertical-align="middle"/></style:style>'
            '<style:style style:name="NewPage" style:family="paragraph" style:parent-style-name="Title">'
            '<style:paragraph-properties fo:break-before="page"/></style:style>'
            "</office:automatic-styles>"
            '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4">'
            '<style:footer><text:p text:style-name="Folio">— <text:page-number text:select-page="current"/> —'
            "</text:p></style:footer></style:master-page></office:master-styles>")


def p(style, text, bold_len=0):
    if bold_len:
        return (f'<text:p text:style-name="{style}"><text:span text:style-name="Bold">'
                f"{escape(text[:bold_len])}</text:span>{escape(text[bold_len:])}</text:p>")
    return f'<text:p text:style-name="{style}">{escape(text)}</text:p>'


def paragraphs(style, text):
    return "".join(p(style, line) for line in text.split("\n"))


def cell(content, cols=1, rows=1, style="Cell"):
    span = ""
    if cols > 1:
        span += f' table:number-columns-spanned="{cols}"'
    if rows > 1:
        span += f' table:number-rows-spanned="{rows}"'
    body = content if content.startswith("<") else p(style, content)
    out = f'<table:table-cell table:style-name="Box" office:value-type="string"{span}>{body}</table:table-cell>'
    return out + "<table:covered-table-cell/>" * (cols - 1)


def covered(n=1):
    return "<table:covered-table-cell/>" * n


def row(*cells):
    return "<table:table-row>" + "".join(cells) + "</table:table-row>"


def money(value):
    return f"{Decimal(str(value)).quantize(Decimal('0.01'))}"


def columns():
    return "".join(f'<table:table-column table:style-name="C{i}"/>' for i in range(len(COLUMNS)))


def plan_table(plan):
    if not plan:
        return p("Cell", "")
    cols = f'<table:table-column table:number-columns-repeated="{len(plan)}"/>'
    months = "".join(cell(f"{c['month']}月底") for c in plan)
    percents = "".join(cell(f"{c['percent']}") for c in plan)
    return f'<table:table table:name="plan">{cols}{row(months)}{row(percents)}</table:table>'


def runs(values):
    """(start, length) of each run of equal values."""
    out, start = [], 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            out.append((start, i - start))
            start = i
    return out


def indicator_rows(indicators):
    n = len(indicators)
    level1 = [ind["level1"] for ind in indicators]
    level2 = [(ind["level1"], ind["level2"]) for ind in indicators]
    span1 = {s: l for s, l in runs(level1)}
    span2 = {s: l for s, l in runs(level2)}
    rows = []
    for i, ind in enumerate(indicators):
        cells = [cell(ind["level1"], rows=span1[i]) if i in span1 else covered(),
                 cell(ind["level2"], rows=span2[i]) if i in span2 else covered(),
                 cell(ind["name"], style="CellText"),
                 cell(ind["description"], cols=2, style="CellText"),
                 cell(ind["value"]),
                 cell(ind["basis"], style="CellText")]
        rows.append(row(*cells))
    return "".join(rows) if n else ""


def project_tables(number, project, unit_line, money_unit):
    funds = project.get("funds", {})
    fiscal, other = Decimal(str(funds.get("fiscal", 0))), Decimal(str(funds.get("other", 0)))
    goals = "".join(p("CellText", f"{k + 1}.{g}") for k, g in enumerate(project.get("goals", [])))
    top = (f'<table:table table:name="p{number}" table:style-name="Table">{columns()}'
           + row(cell("项目编码"), cell(project["code"], cols=2), cell("项目名称"),
                 cell(project["name"], cols=3))
           + row(cell("预算规模及资金用途", rows=2), cell("预算数"), cell(money(fiscal + other)),
                 cell("其中：财政资金"), cell(money(fiscal)), cell("其他资金"), cell(money(other)))
           + row(covered(), cell(project.get("usage", ""), cols=6, style="CellText"))
           + row(cell("资金支出计划（%）"), cell(plan_table(project.get("spending_plan", [])), cols=6))
           + row(cell("绩效目标"), cell(goals or p("Cell", ""), cols=6))
           + "</table:table>")
    header = row(cell("一级指标"), cell("二级指标"), cell("三级指标"), cell("绩效指标描述", cols=2),
                 cell("指标值"), cell("指标值确定依据"))
    indicators = (f'<table:table table:name="i{number}" table:style-name="Table">{columns()}'
                  f"<table:table-header-rows>{header}</table:table-header-rows>"
                  f"{indicator_rows(project.get('indicators', []))}</table:table>")
    head = (p("TableTitle", f"{number}.{project['name']}绩效目标表")
            + p("CellText", f"{unit_line}　　单位：{money_unit}"))
    return head + top + indicators


def body(doc):
    dep = doc["department"]
    overall = doc.get("overall", {})
    projects = doc.get("projects", [])
    out = [p("Title", dep["name"]), p("Title", f"{doc['year']}年{doc['title']}")]
    if doc.get("draft"):
        out.append(p("Title", "（草案）"))
    out += [p("Centered", f"{dep.get('compiler') or dep['name']}编制")]
    if dep.get("reviewer"):
        out.append(p("Centered", f"{dep['reviewer']}审核"))

    out.append(p("NewPage", "目录"))
    toc = ["第一部分　部门整体绩效目标", "一、总体绩效目标", "二、分项绩效目标", "三、工作保障措施",
           "第二部分　预算项目绩效目标"]
    toc += [f"{i + 1}.{pr['name']}绩效目标表" for i, pr in enumerate(projects)]
    out += [p("Toc", line) for line in toc]

    out.append(p("NewPage", "第一部分　部门整体绩效目标"))
    out.append(p("Heading", "一、总体绩效目标"))
    out.append(paragraphs("Body", overall.get("summary", "")))
    out += [paragraphs("Body", f"{i + 1}、{t}") for i, t in enumerate(overall.get("points", []))]
    out.append(p("Heading", "二、分项绩效目标"))
    for i, pr in enumerate(q for q in projects if any(q.get("overview", {}).values())):
        ov = pr["overview"]
        title = f"{i + 1}.{pr['name']}绩效目标项目"
        out.append(p("Body", title, len(title)))
        out.append(paragraphs("Body", ov.get("description", "")))
        for label, key in (("绩效目标：", "goal"), ("绩效指标：", "indicator_summary")):
            if ov.get(key):
                out.append(paragraphs("Body", label + ov[key]))
    out.append(p("Heading", "三、工作保障措施"))
    for i, m in enumerate(doc.get("measures", [])):
        head = f"{i + 1}.{m.get('heading', '')}"
        out.append(p("Body", head + m.get("body", "").replace("\n", " "),
                     len(head) if m.get("heading") else 0))

    out.append(p("NewPage", "第二部分　预算项目绩效目标"))
    unit_line = f"{dep.get('unit_code', '')} {dep.get('unit_name', '')}"
    out += [project_tables(i + 1, pr, unit_line, doc.get("money_unit", "万元"))
            for i, pr in enumerate(projects)]
    return "".join(out)


def main():
    source, target = sys.argv[1:3]
    with open(source, encoding="utf-8") as f:
        doc = json.load(f)
    title = f"{doc['year']}年{doc['title']}"
    with open(target, "w", encoding="utf-8") as f:
        f.write(HEAD)
        f.write(f"<office:meta><dc:title>{escape(title)}</dc:title>"
                f"<meta:initial-creator>{escape(doc['department']['name'])}</meta:initial-creator>"
                "</office:meta>")
        f.write(font_decls() + styles() + automatic_styles())
        f.write(f"<office:body><office:text>{body(doc)}</office:text></office:body></office:document>\n")


main()
