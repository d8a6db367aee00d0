#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""jixiao-cli COMMAND --help in Chinese reads as a whole: where an option's
description names the value it takes, it names it as the option line shows
it ("-o, --output=输出文件  把 Word 文件写入“输出文件”"), not by an English
placeholder the reader sees nowhere else; and the option lines show the
values in Chinese too. Prints TAP."""

import os
import re
import subprocess
import sys

CLI = sys.argv[1]
ENV = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
ENV["LC_ALL"] = "C.UTF-8"
ENV["LANGUAGE"] = "zh_CN"
COMMANDS = ["check", "normalize", "validate", "chart", "export-pdf", "export-xlsx",
            "export-docx", "import", "score", "fonts", "roll-forward", "diff"]
# Names of formats and the positional FILE of the usage line are not placeholders.
NOT_PLACEHOLDERS = {"PNG", "SVG", "PDF", "CSV", "XLSX", "JSON", "UTF", "GBK", "FILE", "TSV"}

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


for command in COMMANDS:
    r = subprocess.run([CLI, command, "--help"], capture_output=True, text=True, env=ENV, timeout=60)
    check(f"{command} --help exits 0", r.returncode == 0, r.stderr)
    shown = set()
    options = []
    for line in r.stdout.splitlines():
        m = re.match(r"\s+(?:-\w, )?--[\w-]+(?:=(\S+))?\s+(.*)", line)
        if m:
            if m.group(1):
                shown.add(m.group(1))
            options.append(m.group(2))
    stray = []
    for description in options:
        for word in re.findall(r"\b[A-Z]{3,}\b", description):
            if word not in NOT_PLACEHOLDERS and word not in shown:
                stray.append(f"{word}: {description}")
    check(f"{command} --help names no value the option lines do not show", not stray,
          "\n".join(stray))
    english = sorted(value for value in shown if re.fullmatch(r"[A-Z]+", value))
    check(f"{command} --help shows the values options take in Chinese", not english,
          " ".join(english))

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok and detail:
        for line in str(detail).splitlines()[:5]:
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
