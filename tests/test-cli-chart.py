#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""jixiao-cli chart as a script uses it: no display, the requested size and
format, clear messages and exit codes, no half-written file. Prints TAP."""

import os
import struct
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
    return subprocess.run([CLI, "chart", *args], capture_output=True, text=True, env=ENV, timeout=60)


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "plan.png")
    r = run(EXAMPLE, "-o", out)
    check("department chart without a display exits 0", r.returncode == 0, r.stderr)
    check("default PNG is 960x600", os.path.exists(out) and png_size(out) == (960, 600))

    r = run(EXAMPLE, "--width", "640", "--height", "400", "--view", "period", "-o", out)
    check("period view at 640x400", r.returncode == 0 and png_size(out) == (640, 400), r.stderr)

    svg = os.path.join(tmp, "project.SVG")
    r = run(EXAMPLE, "--project", "13028124P00085710001H", "-o", svg)
    text = open(svg, encoding="utf-8").read() if os.path.exists(svg) else ""
    check("project chart as SVG names the project and its odd plan",
          r.returncode == 0 and "人大慰问老干部补贴" in text and "未达100%" in text, r.stderr)

    pdf = os.path.join(tmp, "plan.pdf")
    r = run(EXAMPLE, "-o", pdf)
    check("PDF output", r.returncode == 0 and open(pdf, "rb").read(5) == b"%PDF-", r.stderr)

    r = run(EXAMPLE, "--view", "weekly", "-o", out)
    check("unknown view exits 2 naming it", r.returncode == 2 and "weekly" in r.stderr, r.stderr)

    r = run(EXAMPLE)
    check("missing -o exits 2", r.returncode == 2 and "-o" in r.stderr, r.stderr)

    r = run(EXAMPLE, "--project", "NO-SUCH", "-o", out)
    check("unknown project exits 1 naming the code", r.returncode == 1 and "NO-SUCH" in r.stderr, r.stderr)

    jpg = os.path.join(tmp, "plan.jpg")
    r = run(EXAMPLE, "-o", jpg)
    check("unknown format exits 1 and writes nothing",
          r.returncode == 1 and ".png" in r.stderr and not os.path.exists(jpg), r.stderr)

    with open(out, "wb") as f:
        f.write(b"old")
    r = run(EXAMPLE, "--width", "5", "-o", out)
    check("a refused size keeps the old file",
          r.returncode == 1 and open(out, "rb").read() == b"old", r.stderr)

    r = run(os.path.join(tmp, "missing.json"), "-o", out)
    check("missing document exits 1 with its name", r.returncode == 1 and "missing.json" in r.stderr, r.stderr)

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok and detail:
        for line in str(detail).splitlines():
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
