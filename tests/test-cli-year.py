#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""jixiao-cli roll-forward as a clerk starting next year's document uses it:
the new file, the list of changes, and last year's file never written over.
Prints TAP."""

import json
import os
import subprocess
import sys
import tempfile

CLI = sys.argv[1]
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

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok:
        for line in str(detail).splitlines()[:10]:
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
