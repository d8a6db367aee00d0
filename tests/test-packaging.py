#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Debian package follows the project: every library the build needs
(a -dev package in build-aux/debian-packages.txt) is a build dependency of
the package, every build dependency is one that `make` or CI installs, and
the package's version is the project's. Prints TAP."""

import os
import re
import sys

ROOT = os.environ["JX_SOURCE_ROOT"]
results = []


def check(name, ok, detail=""):
    results.append((name, bool(ok), detail))


def read(*parts):
    with open(os.path.join(ROOT, *parts), encoding="utf-8") as f:
        return f.read()


def package_list(name):
    names = set()
    for line in read("build-aux", name).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            names.add(line.split()[0])
    return names


def control_field(text, field):
    """The value of FIELD in the first paragraph that has it, folded lines
    joined."""
    match = re.search(rf"^{field}:(.*(?:\n[ \t].*)*)", text, re.M)
    return match.group(1) if match else ""


def relation_names(value):
    names = set()
    for item in value.replace("\n", " ").split(","):
        item = item.strip()
        if item:
            # "a (>= 1) | b" → a and b; build profiles and arch lists dropped.
            for alternative in item.split("|"):
                names.add(re.split(r"[\s(\[<:]", alternative.strip(), 1)[0])
    return names


make_list = package_list("debian-packages.txt")
ci_list = package_list("debian-packages-ci.txt")
control = read("debian", "control")
build_depends = relation_names(control_field(control, "Build-Depends"))

# libc6-dev comes with build-essential, which every Debian build has.
libraries = {p for p in make_list if p.startswith("lib") and p.endswith("-dev")} - {"libc6-dev"}
missing = sorted(libraries - build_depends)
check("every library in debian-packages.txt is in debian/control's Build-Depends",
      not missing, "missing: " + " ".join(missing))

# debhelper-compat is debhelper's own virtual package.
uninstalled = sorted(build_depends - make_list - ci_list - {"debhelper-compat"})
check("every build dependency of the package is installed by make or CI",
      not uninstalled, "in no package list: " + " ".join(uninstalled))

check("the package takes its libraries from shlibs, not by name",
      "${shlibs:Depends}" in control_field(control, "Depends"))

meson_version = re.search(r"project\([^)]*?version:\s*'([^']+)'", read("meson.build"), re.S)
changelog = re.match(r"jixiao \(([^)]+)\)", read("debian", "changelog"))
deb_version = changelog.group(1) if changelog else ""
upstream = re.sub(r"-[^-]*$", "", deb_version)
check("debian/changelog's version is the project's version",
      meson_version and upstream == meson_version.group(1),
      f"debian/changelog {deb_version}, meson.build "
      f"{meson_version.group(1) if meson_version else '?'}")

print(f"1..{len(results)}")
for n, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {n} - {name}")
    if not ok and detail:
        print(f"# {detail}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
