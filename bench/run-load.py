#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Loading and reviewing large documents, next to yardsticks run on the same
files in the same run, whole processes:

- `jixiao-cli check` (load into the model) beside a bare json-glib parse of
  the same file (bench-json-glib): target at most 0.5x;
- `jixiao-cli validate` (load and every review check) beside Python's
  json.load of the same file: target at most 1.0x;
- the peak resident memory of `validate` beside the file's size: target at
  most 2x;
- `validate FOLDER` of 300 files on every processor beside the same on one
  processor (taskset): on 2 cores about 0.5x.

Documents of 2,000 and 8,000 projects come from bench-io, once as it makes
them (texts repeat from project to project, as departments copy them) and
once with every text its own. The runs of ours and of the yardstick are
interleaved, so that both meet the same load; medians are printed, of wall
time and of processor time (user + system), since on a shared machine wall
time also counts the waiting. Peak memory is the operating system's
(ru_maxrss of the process), the median of the runs' peaks.

Usage: run-load.py CLI BENCH-IO BENCH-JSON-GLIB [RUNS]

Figures are reported, not asserted: the exit status is 1 only when a run
fails.
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

cli, bench_io, json_glib = sys.argv[1:4]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
PYTHON_LOAD = "import json, sys\nwith open(sys.argv[1], 'rb') as f:\n    json.load(f)\n"


def timed(argv, ok_codes=(0,)):
    """Wall seconds, processor seconds and peak MiB of a whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in ok_codes:
        raise SystemExit(f"{' '.join(argv)} failed ({code}): {err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def paired(ours, theirs, ok_codes=(0,)):
    """Medians of interleaved runs: (wall, cpu, peak) for each side."""
    a, b = [], []
    timed(ours, ok_codes)       # warm the page cache for both
    timed(theirs, ok_codes)
    for _ in range(runs):
        a.append(timed(ours, ok_codes))
        b.append(timed(theirs, ok_codes))
    def med(samples):
        # Each run's peak is a true peak; their median is what a run takes
        # (with huge pages the peak moves by a few MiB from run to run).
        return (statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples),
                statistics.median(s[2] for s in samples))
    return med(a), med(b)


def line(what, ours, theirs, name, target):
    wall_ratio = ours[0] / theirs[0]
    cpu_ratio = ours[1] / theirs[1]
    verdict = "met" if wall_ratio <= target else ("met in processor time" if cpu_ratio <= target else "NOT met")
    print(f"  {what:9} {ours[0]:7.3f} s wall {ours[1]:7.3f} s cpu {ours[2]:6.0f} MiB | "
          f"{name} {theirs[0]:7.3f} s wall {theirs[1]:7.3f} s cpu {theirs[2]:6.0f} MiB | "
          f"{wall_ratio:.2f}x wall, {cpu_ratio:.2f}x cpu (target <= {target}x: {verdict})")


def document(tmp, n, unique):
    path = os.path.join(tmp, f"{n}{'-unique' if unique else ''}.json")
    argv = [bench_io, "generate", path, str(n)] + (["unique"] if unique else [])
    subprocess.run(argv, check=True)
    return path


def loading(tmp):
    for n, unique in ((2000, False), (8000, False), (8000, True)):
        path = document(tmp, n, unique)
        size = os.path.getsize(path) / (1024 * 1024)
        label = f"{n} projects{', every text its own' if unique else ''}"
        print(f"{label}: {size:.1f} MiB")
        ours, theirs = paired([cli, "check", path], [json_glib, path])
        line("check", ours, theirs, "json-glib", 0.5)
        ours, theirs = paired([cli, "validate", path], [sys.executable, "-c", PYTHON_LOAD, path],
                              ok_codes=(0, 1))
        line("validate", ours, theirs, "json.load", 1.0)
        memory = ours[2] / size
        print(f"  validate peak memory {ours[2]:.0f} MiB = {memory:.2f}x the file "
              f"(target <= 2x: {'met' if memory <= 2 else 'NOT met'})")
        os.remove(path)


def folder(tmp):
    taskset = shutil.which("taskset")
    if taskset is None:
        print("validate FOLDER: skipped, taskset (util-linux) is not installed")
        return
    folder = os.path.join(tmp, "folder")
    os.mkdir(folder)
    source = document(tmp, 40, False)
    for i in range(300):
        shutil.copy(source, os.path.join(folder, f"{i:03}.json"))
    ours, theirs = paired([cli, "validate", folder], [taskset, "-c", "0", cli, "validate", folder],
                          ok_codes=(0, 1))
    print(f"validate FOLDER, 300 files of 40 projects, on {os.cpu_count()} processors:")
    print(f"  all processors {ours[0]:.3f} s wall | one processor {theirs[0]:.3f} s wall | "
          f"{ours[0] / theirs[0]:.2f}x (about {1 / max(os.cpu_count(), 1):.2f}x expected)")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        loading(tmp)
        folder(tmp)


main()
