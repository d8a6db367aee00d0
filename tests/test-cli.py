#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""jixiao-cli as a clerk's script or a finance bureau's batch job uses it:
no display, exit codes and messages on the right streams. Prints TAP."""

import os
import subprocess
import sys
import tempfile

CLI = sys.argv[1]
ROOT = os.environ["JX_SOURCE_ROOT"]
EXAMPLE = os.path.join(ROOT, "data/examples/zunhua-renda-2024.json")
BROKEN = os.path.join(ROOT, "tests/fixtures/broken")
ENV = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
ENV["LC_ALL"] = "C.UTF-8"

results = []


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=ENV, timeout=60)


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


r = run("check", EXAMPLE)
check("check example exits 0", r.returncode == 0, r.stderr)
check("check example names 7 projects and 270.00",
      r.stdout.strip() == EXAMPLE + ": ok, 7 projects, total 270.00 万元", r.stdout)

syntax = os.path.join(BROKEN, "trailing-comma.json")
content = os.path.join(BROKEN, "amount-negative.json")
r = run("check", EXAMPLE, syntax, content)
check("check with broken files exits 1", r.returncode == 1, str(r.returncode))
lines = r.stderr.strip().splitlines()
check("syntax error as FILE:LINE:COL: message",
      len(lines) == 2 and lines[0].startswith(syntax + ":64:9: "), r.stderr)
check("content error as FILE: path: message",
      len(lines) == 2 and lines[1].startswith(content + ": projects[0].funds.fiscal: "), r.stderr)
check("good file still reported on stdout", r.stdout.count(": ok,") == 1, r.stdout)

r = run("check", os.path.join(BROKEN, "no-such-file.json"))
check("missing file exits 1 with its name", r.returncode == 1 and "no-such-file.json" in r.stderr, r.stderr)

r = run("normalize", EXAMPLE)
with open(EXAMPLE, encoding="utf-8") as f:
    original = f.read()
check("normalize to stdout reproduces the example", r.returncode == 0 and r.stdout == original)

with tempfile.TemporaryDirectory() as tmp:
    src = os.path.join(tmp, "in.json")
    out = os.path.join(tmp, "out.json")
    with open(src, "w", encoding="utf-8") as f:
        f.write('\ufeff{"format":"budget-performance-document","version":1,"year":2025,\r\n'
                '"department":{"name":"部","unit_code":"1","unit_name":"部"},'
                '"overall":{"summary":"","points":[]},"measures":[],"projects":[]}')
    r = run("normalize", src, "-o", out)
    check("normalize -o writes the file", r.returncode == 0 and os.path.exists(out), r.stderr)
    with open(out, encoding="utf-8") as f:
        text = f.read()
    check("normalized text is pretty-printed without BOM or CR",
          text.startswith('{\n  "format": "budget-performance-document",\n') and "\r" not in text
          and text.endswith("}\n"), text[:80])
    r = run("normalize", os.path.join(BROKEN, "month-13.json"), "-o", out)
    check("normalize of a broken file fails and leaves the output alone",
          r.returncode == 1 and open(out, encoding="utf-8").read() == text, r.stderr)

r = run("--help")
check("--help exits 0 and lists the commands", r.returncode == 0 and "check" in r.stdout
      and "normalize" in r.stdout, r.stdout)
r = run("check", "--help")
check("check --help describes the command", r.returncode == 0 and "FILE" in r.stdout)
r = run("export-pdf", "--help")
check("a command's usage line names the command",
      "jixiao-cli export-pdf [OPTION" in r.stdout, r.stdout)
r = run("--version")
check("--version", r.returncode == 0 and r.stdout.startswith("jixiao-cli "), r.stdout)
r = run("frobnicate")
check("unknown command exits 2", r.returncode == 2 and "frobnicate" in r.stderr, r.stderr)
r = run("check")
check("check without a file exits 2", r.returncode == 2)

# What is not an ordinary file is refused at once, not waited on or read
# without end (run() gives up after 60 s).
with tempfile.TemporaryDirectory() as tmp:
    fifo = os.path.join(tmp, "pipe.json")
    os.mkfifo(fifo)
    for path, word in ((fifo, "pipe"), ("/dev/zero", "device"), (tmp, "folder")):
        r = run("check", path)
        check(f"check refuses a {word} at once, saying what it is",
              r.returncode == 1 and word in r.stderr and path in r.stderr, r.stderr)
    r = run("validate", fifo)
    check("validate refuses a pipe and exits 2", r.returncode == 2 and "pipe" in r.stderr, r.stderr)

zh = dict(ENV, LANGUAGE="zh_CN")
r = subprocess.run([CLI, "check", os.path.join(BROKEN, "month-13.json")], capture_output=True,
                   text=True, env=zh, timeout=60)
check("messages are Chinese under zh_CN",
      "projects[0].spending_plan[1].month: 应在 1 到 12 之间，实际为 13" in r.stderr, r.stderr)
r = subprocess.run([CLI, "fonts"], capture_output=True, text=True, env=zh, timeout=60)
roles = [line.split()[0] for line in r.stdout.splitlines() if line[:1] not in ("", " ")]
check("fonts names the roles in Chinese under zh_CN",
      roles == ["标题", "各级标题", "正文", "表格", "表格（窄列）", "页码"] and "首选列表：" in r.stdout,
      r.stdout)

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok and detail:
        for line in str(detail).splitlines()[:5]:
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
