#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Only in a tree built with AddressSanitizer, under the sanitize setup:
each case of sanitize/leak-canary.c loses a block the way our code could,
and the run must stop with a leak report that names the case's function.
A suppression that hid our leaks fails here. Prints TAP."""

import subprocess
import sys

canary = sys.argv[1]
cases = ["handler", "widget", "snapshot"]
print(f"1..{len(cases)}")
failed = 0
for i, case in enumerate(cases, 1):
    run = subprocess.run([canary, case], capture_output=True, text=True, timeout=600)
    reported = "LeakSanitizer: detected memory leaks" in run.stderr
    named = f"canary_{case}" in run.stderr
    ok = run.returncode != 0 and reported and named
    failed += not ok
    print(f"{'ok' if ok else 'not ok'} {i} - a leak lost in canary_{case} is reported")
    if not ok:
        print(f"# exit {run.returncode}, leak report {'found' if reported else 'missing'}, "
              f"function {'named' if named else 'not named'}")
        for line in run.stderr.splitlines()[-12:]:
            print(f"# {line}")
sys.exit(1 if failed else 0)
