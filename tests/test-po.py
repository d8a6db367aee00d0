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


def unquote(text):
    """The string a PO quoted line holds, with its C escapes read."""
    body = text.strip()
    if len(body) < 2 or body[0] != '"' or body[-1] != '"':
        raise ValueError("not a quoted string: " + text)
    escapes = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(0)), body[1:-1])


def parse_po(text):
    """The entries of a PO file: msgid (wrapped lines joined), every msgstr,
    flags and whether it is obsolete, so that a message whose msgid is
    wrapped over several lines ("msgid \"\"" and then its lines) is read
    like any other."""
    entries = []
    entry = None
    field = None

    def finish():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for raw in text.splitlines() + [""]:
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
        if not line:
            finish()
            entry, field = None, None
            continue
        if entry is None:
            entry = {"flags": set(), "msgstr": [], "obsolete": False}
        entry["obsolete"] |= obsolete
        if line.startswith("#,"):
            entry["flags"] |= {f.strip() for f in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if field == "msgstr":
                entry["msgstr"][-1] += unquote(line)
            elif field is not None:
                entry[field] += unquote(line)
        else:
            keyword, _, value = line.partition(" ")
            if keyword.startswith("msgstr"):
                field = "msgstr"
                entry["msgstr"].append(unquote(value))
            elif keyword in ("msgid", "msgid_plural", "msgctxt"):
                if keyword == "msgid" and "msgid" in entry:
                    # No blank line between two entries.
                    finish()
                    entry = {"flags": set(), "msgstr": [], "obsolete": obsolete}
                field = keyword
                entry[field] = unquote(value)
    return entries



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

    with open(merged, encoding="utf-8") as f:
        entries = parse_po(f.read())
    live = [e for e in entries if e["msgid"] and not e["obsolete"]]
    untranslated = [e["msgid"] for e in live if any(not m for m in e["msgstr"])]
    check("no untranslated message in zh_CN", not untranslated,
          "untranslated: " + " | ".join(untranslated[:15]))
    fuzzy = [e["msgid"] for e in live if "fuzzy" in e["flags"]]
    check("no fuzzy message in zh_CN", not fuzzy, "fuzzy: " + " | ".join(fuzzy[:15]))

    # The same counted by gettext itself, which reads the file as msgfmt does.
    r = subprocess.run(["msgfmt", "--statistics", "--output-file", os.devnull, merged],
                       capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))
    counts = {kind: int(n) for n, kind in
              re.findall(r"(\d+) (translated|fuzzy|untranslated)", r.stderr)}
    check("msgfmt counts no untranslated or fuzzy message in zh_CN",
          r.returncode == 0 and counts.get("translated", 0) == len(live)
          and not counts.get("fuzzy") and not counts.get("untranslated"),
          r.stderr.strip() + f" (messages: {len(live)})")

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
