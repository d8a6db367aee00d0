#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The three layers stay apart: the model includes no drawing or GTK
header, the renderer no GTK header, neither includes a header of a layer
above it (the renderer's or the programs'), and no file includes another layer's
private header (a header whose name ends in -private.h). Tests may look
inside any layer. Prints TAP."""

import os
import re
import sys

ROOT = os.environ["JX_SOURCE_ROOT"]
SRC = os.path.join(ROOT, "src")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
FORBIDDEN = {
    "model": re.compile(r"^(gtk|gdk|pango|cairo|adwaita)"),
    "render": re.compile(r"^(gtk|gdk|adwaita)"),
}
# What each layer may build on: the model on nothing of ours, the
# renderer on the model, the programs on both.
BELOW = {"model": set(), "render": {"model"}, "cli": {"model", "render"},
         "ui": {"model", "render"}}
results = []


def check(name, ok, detail=""):
    results.append((name, bool(ok), detail))


# Which layer owns each header.
owner = {}
for layer in sorted(os.listdir(SRC)):
    folder = os.path.join(SRC, layer)
    if os.path.isdir(folder):
        for name in os.listdir(folder):
            if name.endswith(".h"):
                owner[name] = layer

for layer in sorted(set(owner.values())):
    folder = os.path.join(SRC, layer)
    upward, private = [], []
    for name in sorted(os.listdir(folder)):
        if not name.endswith((".c", ".h")):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            text = f.read()
        for kind, header in INCLUDE.findall(text):
            base = os.path.basename(header)
            if layer in FORBIDDEN and FORBIDDEN[layer].match(header):
                upward.append(f"{name}: {header}")
            if (kind == '"' and base in owner and owner[base] != layer
                    and owner[base] not in BELOW.get(layer, set())):
                upward.append(f"{name}: {header} ({owner[base]})")
            if (kind == '"' and base.endswith("-private.h") and base in owner
                    and owner[base] != layer):
                private.append(f"{name}: {header} ({owner[base]})")
    check(f"src/{layer} includes no header of a layer above it", not upward,
          "\n".join(upward))
    check(f"src/{layer} includes no other layer's private header", not private,
          "\n".join(private))

# Our code never takes a GTK render node: widgets draw through GtkSnapshot
# and GTK owns every node it makes. The sanitizer run relies on this to
# forgive render nodes GTK 4.8 itself loses (tests/sanitize/lsan.supp).
NODE_CALL = re.compile(r"\b(gsk_\w*node\w*|gtk_snapshot_(free_)?to_node|GskRenderNode)\b")
holders = []
for folder, _, names in sorted(os.walk(SRC)):
    for name in sorted(names):
        if name.endswith((".c", ".h")):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    if NODE_CALL.search(line):
                        holders.append(f"{os.path.relpath(os.path.join(folder, name), ROOT)}:{number}: {line.strip()}")
check("src never holds a GTK render node", not holders, "\n".join(holders))

# The sanitizer run forgives leaks under the library functions named in
# one part of its suppression file because our code never calls them.
SUPP = os.path.join(ROOT, "tests", "sanitize", "lsan.supp")
forgiven, part = [], False
with open(SUPP, encoding="utf-8") as f:
    for line in f:
        if line.startswith("## "):
            part = "never calls" in line
        elif part and line.startswith("leak:"):
            forgiven.append(line[len("leak:"):].strip())
callers = []
for folder, _, names in sorted(os.walk(SRC)):
    for name in sorted(names):
        if name.endswith((".c", ".h")):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                text = f.read()
            for function in forgiven:
                pattern = r"\w*".join(re.escape(part) for part in function.split("*"))
                if re.search(r"\b" + pattern + r"\b", text):
                    callers.append(f"{os.path.relpath(os.path.join(folder, name), ROOT)}: {function}")
check(f"src never calls the {len(forgiven)} functions whose leaks the sanitizer run forgives",
      forgiven and not callers, "\n".join(callers))

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok:
        for line in str(detail).splitlines()[:8]:
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
