#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Load and save speed on a 2,000-project document, next to Python's json.load
of the same file in the same run. Target: load into the model in at most
3x Python's time."""

import json
import os
import subprocess
import sys
import tempfile
import time

bench_io = sys.argv[1]
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "large.json")
    subprocess.run([bench_io, "generate", path, "2000"], check=True)
    size = os.path.getsize(path)
    print(f"document                     {size / 1e6:.1f} MB")

    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        with open(path, "rb") as f:
            json.load(f)
        times.append((time.perf_counter() - t0) * 1000)
    python_best = min(times)
    print(f"python json.load             best {python_best:8.1f} ms")

    out = subprocess.run([bench_io, "load", path, "5"], check=True, capture_output=True, text=True).stdout
    ours = None
    for line in out.splitlines():
        if line.startswith("load-best-ms"):
            ours = float(line.split()[1])
        else:
            print(line)
    ratio = ours / python_best
    verdict = "met" if ratio <= 3 else "NOT met"
    print(f"load / python                {ratio:.2f}x (target <= 3x: {verdict})")
