#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""jixiao-cli import as a clerk's script uses it: exit codes, the report and
errors on standard error, the document on standard output or in -o OUT.
Prints TAP."""

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


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=ENV, timeout=120)


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "out.jixiao.json")
    with open(out, "w", encoding="utf-8") as f:
        f.write("old")

    r = run("import", EXAMPLE, "-o", out)
    check("a document file given to import is refused with exit 1",
          r.returncode == 1 and r.stderr.startswith(EXAMPLE + ": ")
          and "open it instead" in r.stderr, r.stderr)
    check("a refused import leaves OUT alone", open(out, encoding="utf-8").read() == "old")

    r = run("import", os.path.join(tmp, "missing.docx"))
    check("a missing file exits 1 naming it", r.returncode == 1 and "missing.docx" in r.stderr,
          r.stderr)

    r = run("import")
    check("no file is a usage error (exit 2)", r.returncode == 2, r.stderr)
    r = run("import", "--help")
    check("import --help describes the command",
          r.returncode == 0 and "jixiao-cli import [OPTION" in r.stdout, r.stdout)

    env = dict(ENV, LC_ALL="zh_CN.UTF-8", LANGUAGE="zh_CN")
    r = subprocess.run([CLI, "import", EXAMPLE], capture_output=True, text=True, env=env)
    check("messages are in Chinese under zh_CN", "请直接打开" in r.stderr, r.stderr)

for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok and detail:
        for line in str(detail).splitlines()[:20]:
            print(f"# {line}")
print(f"1..{len(results)}")
