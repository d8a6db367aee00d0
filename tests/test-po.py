#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every user-visible string reaches the translators and zh_CN translates all of
them: no file with translatable strings is missing from po/POTFILES.in, and
every message extracted from the sources has a finished Chinese translation.
Prints TAP."""

import os
import re
import subprocess
import sys
import tempfile

ROOT = os.environ["JX_SOURCE_ROOT"]
results = []


def check(name, ok, detail=""):
    results.append((name, bool(ok), detail))


with open(os.path.join(ROOT, "po", "POTFILES.in"), encoding="utf-8") as f:
    listed = [l.strip() for l in f if l.strip() and not l.startswith("#")]

missing_files = [p for p in listed if not os.path.exists(os.path.join(ROOT, p))]
check("every file in POTFILES.in exists", not missing_files, " ".join(missing_files))

needs = []
for top in ("src", "ui", "data"):
    for base, _, names in os.walk(os.path.join(ROOT, top)):
        for n in sorted(names):
            path = os.path.join(base, n)
            rel = os.path.relpath(path, ROOT)
            try:
                text = open(path, encoding="utf-8").read()
            except (UnicodeDecodeError, OSError):
                continue
            if n.endswith(".c") and re.search(r"\b(_|N_|C_|NC_|ngettext|g_dngettext)\s*\(", text):
                needs.append(rel)
            elif n.endswith(".ui") and 'translatable="yes"' in text:
                needs.append(rel)
unlisted = [p for p in needs if p not in listed]
check("every source file with translatable strings is in POTFILES.in", not unlisted,
      "missing: " + " ".join(unlisted))

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "jixiao.pot")
    files = [p for p in listed if os.path.exists(os.path.join(ROOT, p))]
    r = subprocess.run(
        ["xgettext", "--from-code=UTF-8", "--add-comments", "--keyword=_", "--keyword=N_",
         "--keyword=C_:1c,2", "--keyword=NC_:1c,2", "--keyword=g_dngettext:2,3",
         "--keyword=ngettext:1,2", "--keyword=g_dpgettext2:2c,3", "--flag=N_:1:pass-c-format",
         "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format", "--flag=g_dngettext:2:pass-c-format",
         "--flag=g_strdup_printf:1:c-format", "--flag=g_set_error:4:c-format",
         "--directory", ROOT, "--output", pot] + files,
        capture_output=True, text=True)
    check("xgettext reads every listed file", r.returncode == 0, r.stderr)

    merged = os.path.join(tmp, "zh_CN.po")
    r = subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "--output-file", merged,
                        os.path.join(ROOT, "po", "zh_CN.po"), pot], capture_output=True, text=True)
    check("zh_CN.po merges with the sources' messages", r.returncode == 0, r.stderr)

    r = subprocess.run(["msgattrib", "--untranslated", "--no-obsolete", merged],
                       capture_output=True, text=True)
    untranslated = re.findall(r'^msgid "(.+)"$', r.stdout, re.M)
    check("no untranslated message in zh_CN", not untranslated,
          "untranslated: " + " | ".join(untranslated[:15]))

    r = subprocess.run(["msgattrib", "--only-fuzzy", "--no-obsolete", merged],
                       capture_output=True, text=True)
    fuzzy = re.findall(r'^msgid "(.+)"$', r.stdout, re.M)
    check("no fuzzy message in zh_CN", not fuzzy, "fuzzy: " + " | ".join(fuzzy[:15]))

    r = subprocess.run(["msgfmt", "--check", "--output-file", os.devnull,
                        os.path.join(ROOT, "po", "zh_CN.po")], capture_output=True, text=True)
    check("zh_CN.po compiles with format checks", r.returncode == 0, r.stderr)

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok:
        for line in str(detail).splitlines()[:8]:
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
