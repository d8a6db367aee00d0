#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the command line writes, as a clerk or a script relies on it:
an export that cannot be completed (a full disk, a file size limit, a
read-only disk) exits non-zero naming the target and the reason and leaves
the old file byte for byte; rare characters (CJK Extension B) print with an
embedded font and come back as text; the fonts command names the stand-ins.
Prints TAP. Usage: test-export-output.py JIXIAO_CLI SOURCE_ROOT"""

import os
import resource
import shutil
import subprocess
import sys
import tempfile

CLI, ROOT = sys.argv[1], sys.argv[2]
EXAMPLE = os.path.join(ROOT, "data", "examples", "zunhua-renda-2024.json")
RIGHT = os.path.join(ROOT, "tests", "fixtures", "part1", "right.json")
WRONG = os.path.join(ROOT, "tests", "fixtures", "part1", "wrong.json")
OLD = b"%PDF-1.5\n% the old file, which must survive\n"
results = []


def check(name, ok, detail=""):
    results.append((name, bool(ok), None, detail))


def skip(name, why):
    results.append((name, True, why, ""))


def run(*args, limit=None):
    def limited():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=300,
                          preexec_fn=limited if limit else None)


def assert_failed_cleanly(what, r, folder, target, reason):
    check(f"{what}: exits non-zero", r.returncode != 0, r.stderr)
    check(f"{what}: the message names the target and says {reason!r}",
          os.path.basename(target) in r.stderr and reason in r.stderr
          and "XXXXXX" not in r.stderr and f".{os.path.basename(target)}." not in r.stderr,
          r.stderr)
    with open(target, "rb") as f:
        check(f"{what}: the old file is byte-identical", f.read() == OLD)
    check(f"{what}: nothing else is left in the folder",
          os.listdir(folder) == [os.path.basename(target)], os.listdir(folder))


env_lang = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")

with tempfile.TemporaryDirectory() as tmp:
    # A file size limit, which any user may set for a child.
    target = os.path.join(tmp, "部门.pdf")
    with open(target, "wb") as f:
        f.write(OLD)
    r = run("export-pdf", EXAMPLE, "-o", target, limit=64 * 1024)
    assert_failed_cleanly("export-pdf under ulimit -f 64", r, tmp, target, "File too large")

    chart = os.path.join(tmp, "图表.png")
    os.rename(target, chart)
    r = run("chart", EXAMPLE, "-o", chart, limit=8 * 1024)
    assert_failed_cleanly("chart under ulimit -f 8", r, tmp, chart, "File too large")
    os.unlink(chart)

    # The same export without a limit succeeds and replaces the file.
    with open(target, "wb") as f:
        f.write(OLD)
    r = run("export-pdf", EXAMPLE, "-o", target)
    with open(target, "rb") as f:
        data = f.read()
    check("export-pdf without a limit replaces the old file with a whole PDF",
          r.returncode == 0 and data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
          and os.listdir(tmp) == ["部门.pdf"], r.stderr)

    # Printed all the same, with a word about the open errors.
    r = run("export-pdf", EXAMPLE, "-o", target)
    check("export-pdf of a document with errors succeeds and says how many are open",
          r.returncode == 0 and "still finds 1 error and 10 warnings" in r.stderr
          and "jixiao-cli validate" in r.stderr, r.stderr)
    r = run("export-pdf", RIGHT, "-o", target)
    check("export-pdf of a document without errors says nothing",
          r.returncode == 0 and r.stderr == "", r.stderr)

    # A small tmpfs: the disk fills up half-way. Needs root and mount.
    mnt = os.path.join(tmp, "disk")
    os.mkdir(mnt)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", mnt],
                             capture_output=True, text=True).returncode == 0
    if mounted:
        try:
            target = os.path.join(mnt, "部门.pdf")
            with open(target, "wb") as f:
                f.write(OLD)
            r = run("export-pdf", EXAMPLE, "-o", target)
            assert_failed_cleanly("export-pdf into a 200 KiB tmpfs", r, mnt, target,
                                  "No space left on device")
            subprocess.run(["mount", "-o", "remount,ro", mnt], check=True)
            r = run("export-pdf", EXAMPLE, "-o", target)
            assert_failed_cleanly("export-pdf onto a read-only disk", r, mnt, target,
                                  "Read-only file system")
        finally:
            subprocess.run(["umount", mnt])
    else:
        skip("export-pdf into a 200 KiB tmpfs", "cannot mount here (not root or no permission)")

    # CJK Extension B in names and indicators.
    out = os.path.join(tmp, "rare.pdf")
    r = run("export-pdf", RIGHT, "-o", out)
    check("a document with 𠀀 exports", r.returncode == 0, r.stderr)
    fonts = subprocess.run(["pdffonts", out], capture_output=True, text=True).stdout
    rows = [l.split() for l in fonts.splitlines()[2:]]
    extb = [row for row in rows if "BabelStoneHan" in row[0] or "HanaMinB" in row[0]]
    check("pdffonts shows an embedded Extension B font",
          extb and all(row[-5] == "yes" for row in extb), fonts)
    text = subprocess.run(["pdftotext", out, "-"], capture_output=True, text=True).stdout
    check("pdftotext gives 𠀀 and 𠀁 back in the project name",
          "𠀀𠀁村干部教育培训" in text, text[:400])
    check("pdftotext gives 𠀀 back in the indicator", "𠀀村培训人次" in text, text[:400])

    r = run("fonts")
    check("fonts names the font that draws rare characters",
          "(𠀀): BabelStone Han" in r.stdout, r.stdout)
    have_fangsong = any(subprocess.run(["fc-list", f":family={name}", "family"], capture_output=True,
                                       text=True).stdout.strip()
                        for name in ("仿宋_GB2312", "仿宋", "FangSong"))
    body = r.stdout.split("\nbody ", 1)[-1].split("\ntable ", 1)[0]
    if have_fangsong:
        check("fonts names no stand-in for the body when a 仿宋 is installed",
              "stands in for" not in body, r.stdout)
    else:
        check("fonts says which office font the body's stand-in replaces",
              "stands in for 仿宋_GB2312, which is not installed" in body, r.stdout)

    # The review hint lists characters no installed font has.
    r = run("validate", RIGHT)
    check("no glyph hint when the fonts have every character",
          "[text-glyph-missing]" not in r.stdout, r.stdout)
    nobody_has = subprocess.run(["fc-list", ":charset=2ebf0", "family"],
                                capture_output=True, text=True).stdout.strip() == ""
    if nobody_has:
        r = run("validate", WRONG)
        check("a hint names U+2EBF0, which no installed font has",
              any("projects[1].name: hint:" in l and "U+2EBF0" in l and "[text-glyph-missing]" in l
                  for l in r.stdout.splitlines()), r.stdout)
    else:
        skip("a hint names U+2EBF0", "a font on this machine has U+2EBF0")

print(f"1..{len(results)}")
for i, (name, ok, why, detail) in enumerate(results, 1):
    if why is not None:
        print(f"ok {i} - {name} # SKIP {why}")
        continue
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok:
        for line in str(detail).splitlines()[:20]:
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _, _ in results) else 1)
