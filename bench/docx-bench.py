#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark of Word files: `jixiao-cli export-docx` and `jixiao-cli import`.

For the example and a generated 500-project document it reports, whole
process each time:

- export: wall time, CPU time and peak memory, beside LibreOffice writing
  the same content as .docx (the flat ODT of gen-fodt.py converted with
  `soffice --headless --convert-to docx`), with the ratio; target at least
  10 times faster. Peak memory of the export also for 2,000 projects, to
  show how it grows with the pages (target: it does not);
- import: the .docx just exported read into a document (written to
  /dev/null), beside loading the same document from JSON
  (`jixiao-cli check`) and loading and writing it (`jixiao-cli normalize`
  to /dev/null, which writes the same JSON the import writes); target
  within 2 times of loading from JSON.

Usage: docx-bench.py CLI EXAMPLE.json GEN-DOCUMENT.py GEN-FODT.py [RUNS]

Times vary with the machine's load, so they are reported, not asserted;
runs of the things compared are interleaved so that both meet the same
load. Exit status 1 only when a command fails.
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

cli, example, generator, fodt_writer = sys.argv[1:5]
runs = int(sys.argv[5]) if len(sys.argv) > 5 else 5
RATIO_TARGET = 10
IMPORT_TARGET = 2.0
LO_RUNS = {"example": 3, "500": 2}


def timed(argv, what, stdout=subprocess.DEVNULL):
    """Wall seconds, CPU seconds and peak MiB of a whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{what} failed: {err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def median(samples, i):
    return statistics.median(s[i] for s in samples)


def interleaved(commands, rounds):
    """Samples of each command, run in turn round after round."""
    samples = {name: [] for name in commands}
    for name, argv in commands.items():
        timed(argv, name)  # warm the caches, as a clerk's second run would be
    for _ in range(rounds):
        for name, argv in commands.items():
            samples[name].append(timed(argv, name))
    return samples


def describe(name, samples):
    return (f"{name} wall {median(samples, 0):.3f} s (best {min(s[0] for s in samples):.3f}), "
            f"cpu {median(samples, 1):.3f} s, peak {max(s[2] for s in samples):.0f} MiB")


def bench_export(name, source, tmp, soffice, key):
    out = os.path.join(tmp, f"{key}.docx")
    ours_argv = [cli, "export-docx", source, "-o", out]
    if soffice is None:
        ours = interleaved({"ours": ours_argv}, runs)["ours"]
        print(f"{name}: export {describe('Jixiao', ours)}; LibreOffice comparison skipped: "
              "soffice is not installed (Debian package libreoffice-writer-nogui)")
        return out
    fodt = os.path.join(tmp, f"{key}.fodt")
    subprocess.run([sys.executable, fodt_writer, source, fodt], check=True)
    profile = "file://" + os.path.join(tmp, "lo-profile")
    lo_argv = [soffice, f"-env:UserInstallation={profile}", "--headless",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", os.path.join(tmp, "lo"), fodt]
    ours, office = [], []
    timed(lo_argv, "LibreOffice warm-up")
    for _ in range(LO_RUNS[key]):
        ours += [timed(ours_argv, "export-docx") for _ in range(3)]
        office.append(timed(lo_argv, "LibreOffice"))
    ratio = median(office, 0) / median(ours, 0)
    print(f"{name}: export {describe('Jixiao', ours)}; {describe('LibreOffice (ODT → DOCX)', office)}; "
          f"Jixiao {ratio:.1f}x faster (target at least {RATIO_TARGET}x: "
          f"{'holds' if ratio >= RATIO_TARGET else 'DOES NOT hold'})")
    return out


def bench_import(name, source, docx):
    samples = interleaved({
        "import": [cli, "import", docx],
        "check": [cli, "check", source],
        "normalize": [cli, "normalize", source],
    }, runs)
    ratio = median(samples["import"], 0) / median(samples["check"], 0)
    same_output = median(samples["import"], 0) / median(samples["normalize"], 0)
    print(f"{name}: import {describe('of the .docx', samples['import'])}; "
          f"{describe('loading the JSON', samples['check'])}; "
          f"{describe('loading and writing the JSON', samples['normalize'])}; "
          f"import takes {ratio:.1f}x the JSON load, {same_output:.1f}x load and write "
          f"(target within {IMPORT_TARGET}x: {'holds' if ratio <= IMPORT_TARGET else 'DOES NOT hold'})")


def memory_growth(documents, tmp):
    peaks = []
    for name, source, pages in documents:
        out = os.path.join(tmp, "growth.docx")
        peaks.append((name, pages, max(timed([cli, "export-docx", source, "-o", out],
                                             "export-docx")[2] for _ in range(2))))
    (_, p0, m0), (_, p1, m1) = peaks[0], peaks[-1]
    print("export peak memory by pages: " + ", ".join(f"{n} {p} pages {m:.0f} MiB" for n, p, m in peaks)
          + f"; {1024 * (m1 - m0) / max(p1 - p0, 1):.1f} KiB more a page, the document's own "
          "texts and their copies in the pagination (the XML is streamed, never held)")


def page_count(source, tmp):
    pdf = os.path.join(tmp, "count.pdf")
    subprocess.run([cli, "export-pdf", source, "-o", pdf], check=True, stderr=subprocess.DEVNULL)
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def main():
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    with tempfile.TemporaryDirectory() as tmp:
        big = os.path.join(tmp, "500.json")
        huge = os.path.join(tmp, "2000.json")
        subprocess.run([sys.executable, generator, example, "500", big], check=True)
        subprocess.run([sys.executable, generator, example, "2000", huge], check=True)
        documents = [("example (7 projects)", example, "example"),
                     ("generated (500 projects)", big, "500")]
        for name, source, key in documents:
            docx = bench_export(name, source, tmp, soffice, key)
            bench_import(name, source, docx)
        memory_growth([("example", example, page_count(example, tmp)),
                       ("500 projects", big, page_count(big, tmp)),
                       ("2000 projects", huge, page_count(huge, tmp))], tmp)


main()
