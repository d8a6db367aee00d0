#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""jixiao-cli roll-forward and diff as a clerk starting next year's document
and a finance bureau comparing drafts use them: the new file, the list of
changes, last year's file never written over; diff's exit status, text, JSON
checked against its schema, and the 修改对照表 PDF. Prints TAP."""

import json
import os
import subprocess
import sys
import tempfile

CLI, SCHEMA = sys.argv[1], sys.argv[2]
ROOT = os.environ["JX_SOURCE_ROOT"]
EXAMPLE = os.path.join(ROOT, "data/examples/zunhua-renda-2024.json")
ENV = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
ENV["LC_ALL"] = "C.UTF-8"

results = []


def run(*args, env=ENV):
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=120)


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


with open(EXAMPLE, "rb") as f:
    example_bytes = f.read()

with tempfile.TemporaryDirectory() as tmp:
    old = os.path.join(tmp, "2024.jixiao.json")
    with open(old, "wb") as f:
        f.write(example_bytes)
    new = os.path.join(tmp, "2025.jixiao.json")

    r = run("roll-forward", old, "-o", new)
    check("roll-forward exits 0", r.returncode == 0, r.stderr)
    doc = load(new)
    check("the new file is for 2025 and a draft", doc["year"] == 2025 and doc["draft"] is True)
    check("projects, codes and budgets are kept",
          [p["code"] for p in doc["projects"]] == [p["code"] for p in load(old)["projects"]] and
          doc["projects"][0]["funds"]["fiscal"] == 3)
    check("a deadline in the budget year moved",
          doc["projects"][0]["indicators"][2]["value"] == "2025年12月31日前")
    lines = r.stdout.splitlines()
    check("the list names each moved text once",
          sum("→" in l for l in lines) == 11 and
          any("2024年12月31日前 → 2025年12月31日前" in l for l in lines), r.stdout)
    check("the list says the codes are to be renewed", "7 project codes still carry the year 24" in r.stdout,
          r.stdout)
    with open(old, "rb") as f:
        check("last year's file is untouched", f.read() == example_bytes)

    r = run("validate", new)
    check("validate the new file: a hint per old code",
          r.stdout.count("[project-code-year]") == 7 and "projects[0].code: hint:" in r.stdout, r.stdout)

    cleared = os.path.join(tmp, "cleared.jixiao.json")
    r = run("roll-forward", old, "-o", cleared, "--clear-amounts", "--clear-plans")
    doc = load(cleared)
    check("--clear-amounts and --clear-plans",
          r.returncode == 0 and all(p["funds"] == {"fiscal": 0, "other": 0} and
                                    p["spending_plan"] == [] for p in doc["projects"]) and
          "Budgets cleared in 7 projects" in r.stdout, r.stdout + r.stderr)

    r = run("roll-forward", old, "-o", old)
    check("refuses to write over FILE itself", r.returncode == 2 and "carried over" in r.stderr, r.stderr)
    link = os.path.join(tmp, "link.json")
    os.symlink(old, link)
    r = run("roll-forward", old, "-o", link)
    check("refuses FILE under another name", r.returncode == 2, r.stderr)
    with open(old, "rb") as f:
        check("FILE is still last year's", f.read() == example_bytes)

    other = os.path.join(tmp, "other.jixiao.json")
    with open(other, "wb") as f:
        f.write(example_bytes)
    r = run("roll-forward", old, "-o", other)
    check("refuses to replace another year's document", r.returncode == 1 and "2024" in r.stderr and
          load(other)["year"] == 2024, r.stderr)
    r = run("roll-forward", old, "-o", other, "--force")
    check("--force replaces it", r.returncode == 0 and load(other)["year"] == 2025, r.stderr)
    r = run("roll-forward", old, "-o", new)
    check("replacing the same year's document needs no --force", r.returncode == 0, r.stderr)

    r = run("roll-forward", old)
    check("without -o: exit 2 and a proposed name next to FILE",
          r.returncode == 2 and
          os.path.join(tmp, "2025遵化市人民代表大会常务委员会.jixiao.json") in r.stderr, r.stderr)

    broken = os.path.join(tmp, "broken.json")
    with open(broken, "w") as f:
        f.write('{"format": "budget-performance-document",')
    r = run("roll-forward", broken, "-o", os.path.join(tmp, "x.json"))
    check("a file that does not load: exit 1, located message",
          r.returncode == 1 and r.stderr.startswith(broken + ":1:") and
          not os.path.exists(os.path.join(tmp, "x.json")), r.stderr)

    zh = dict(ENV, LANGUAGE="zh_CN")
    r = run("roll-forward", old, "-o", new, env=zh)
    check("in Chinese", "预算年度：2024 → 2025" in r.stdout and "第二部分" in r.stdout, r.stdout)



def edited_copy(path, out):
    doc = load(path)
    doc["department"]["reviewer"] = "遵化市财政局预算科"
    point = doc["overall"]["points"][1]
    doc["overall"]["points"][1] = point.replace("进一步密切代表与群众的联系", "进一步加强代表与群众的联系")
    projects = doc["projects"]
    projects[0]["name"] = "“智慧人大”平台经费"
    projects[1]["funds"]["fiscal"] += 5
    projects[1]["spending_plan"][1]["percent"] = 50
    projects[2]["goals"].append("组织代表开展专题调研。")
    rows = projects[3]["indicators"]
    rows.insert(0, rows.pop(4))
    projects[4]["indicators"][1]["value"] = "≥98%"
    projects.pop(6)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)


def validator():
    try:
        import jsonschema
    except ImportError:
        return None
    with open(SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    return jsonschema.Draft202012Validator(schema)


with tempfile.TemporaryDirectory() as tmp:
    edited = os.path.join(tmp, "returned.jixiao.json")
    edited_copy(EXAMPLE, edited)

    r = run("diff", EXAMPLE, EXAMPLE)
    check("diff of identical files: exit 0, nothing printed", r.returncode == 0 and r.stdout == "",
          r.stdout + r.stderr)
    r = run("diff", EXAMPLE, edited)
    check("diff of different files: exit 1", r.returncode == 1, r.stderr)
    out = r.stdout
    check("text: sections in reading order",
          out.index("== Cover and department ==") < out.index("== Part 1") < out.index("== Part 2"),
          out)
    check("text: each kind of change once",
          out.count("Reviewed by: 遵化市财政局 → 遵化市财政局预算科") == 1 and
          out.count("[-密切-]") == 1 and out.count("{+加强+}") == 1 and
          out.count("renamed: “智慧人大”系统经费 → “智慧人大”平台经费") == 1 and
          out.count("财政资金 60.00 → 65.00（+5.00）") == 1 and
          out.count("“人大八届四次会议费” · Spending plan · End of month 6: 60% → 50%") == 1 and
          out.count("Performance goal 3: added: 组织代表开展专题调研。") == 1 and
          out.count("moved from row 5 to row 1") == 1 and
          out.count("Target value: ≥95% → ≥98%") == 1 and
          out.count("removed: 人大招商资金") == 1, out)

    r = run("diff", "--format", "json", EXAMPLE, edited)
    try:
        report = json.loads(r.stdout)
    except ValueError as e:
        report = {}
        r.stdout += repr(e)
    v = validator()
    errors = [] if v is None else [e.message for e in v.iter_errors(report)]
    check("JSON: matches its documented schema", r.returncode == 1 and v is not None and not errors,
          "\n".join(errors[:5]) or r.stdout[:500])
    kinds = [c["kind"] for c in report.get("changes", [])]
    check("JSON: counts agree with the changes",
          report.get("counts") == {k: kinds.count(k) for k in
                                   ("changed", "added", "removed", "moved", "renamed")} and
          report["counts"]["renamed"] == 1 and report["counts"]["moved"] == 1, r.stdout[:800])
    word = [c for c in report.get("changes", []) if c["new_path"] == "overall.points[1]"]
    check("JSON: marks are character offsets of the changed words",
          len(word) == 1 and [word[0]["new"][a:b] for a, b in word[0]["marks"]["new"]] == ["加强"] and
          [word[0]["old"][a:b] for a, b in word[0]["marks"]["old"]] == ["密切"], str(word))
    funds = [c for c in report.get("changes", []) if c["item"] == "funds"]
    check("JSON: funds with old, new and difference",
          len(funds) == 1 and funds[0]["funds"]["total"] == {"old": 60, "new": 65, "difference": 5},
          str(funds))

    nxt = os.path.join(tmp, "2025.jixiao.json")
    run("roll-forward", EXAMPLE, "-o", nxt)
    r = run("diff", "--format", "json", EXAMPLE, nxt)
    report = json.loads(r.stdout)
    check("next year's document: the year shift is shown once",
          r.returncode == 1 and report["year_shift"] == 1 and len(report["changes"]) == 1 and
          report["changes"][0]["item"] == "year", r.stdout[:600])

    pdf = os.path.join(tmp, "changes.pdf")
    r = run("diff", "--format", "pdf", "-o", pdf, EXAMPLE, edited)
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout \
        if os.path.exists(pdf) else ""
    check("PDF: the 修改对照表 with every change numbered",
          r.returncode == 1 and "修改对照表" in text and "序号" in text and "备注" in text and
          "遵化市财政局预算科" in text, r.stderr + text[:300])
    r = run("diff", "--format", "pdf", EXAMPLE, edited)
    check("PDF without -o: exit 2", r.returncode == 2 and "-o" in r.stderr, r.stderr)

    broken = os.path.join(tmp, "broken.json")
    with open(broken, "w") as f:
        f.write('{"format": "budget-performance-document", "version": 1,')
    r = run("diff", EXAMPLE, broken)
    check("a file that does not load: exit 2 and a located message",
          r.returncode == 2 and r.stderr.startswith(broken + ":1:") and r.stdout == "", r.stderr)
    r = run("diff", os.path.join(tmp, "none.json"), EXAMPLE)
    check("a missing file: exit 2", r.returncode == 2 and "none.json" in r.stderr, r.stderr)
    r = run("diff", EXAMPLE)
    check("one file only: exit 2", r.returncode == 2, r.stderr)
    r = run("diff", "--format", "xml", EXAMPLE, edited)
    check("unknown format: exit 2", r.returncode == 2 and "xml" in r.stderr, r.stderr)

    out_file = os.path.join(tmp, "changes.json")
    r = run("diff", "--format", "json", "-o", out_file, EXAMPLE, edited)
    check("-o writes the file and prints nothing",
          r.returncode == 1 and r.stdout == "" and load(out_file)["format"] == "budget-performance-comparison",
          r.stderr)

    zh = dict(ENV, LANGUAGE="zh_CN")
    r = run("diff", EXAMPLE, edited, env=zh)
    check("diff in Chinese", "== 封面与部门 ==" in r.stdout and "改名：" in r.stdout and
          "项目2「人大八届四次会议费」· 资金支出计划 · 6月底：60% → 50%" in r.stdout
          and "月末" not in r.stdout, r.stdout)

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok:
        for line in str(detail).splitlines()[:10]:
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
