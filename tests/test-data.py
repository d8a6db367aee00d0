#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The desktop integration files are valid, the document type is recognised by
name and by content, and `meson install` puts everything where a distribution
expects it. Prints TAP. Usage: test-data.py BUILD_DIR APP_ID"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

BUILD, APP_ID = sys.argv[1], sys.argv[2]
ROOT = os.environ["JX_SOURCE_ROOT"]
results = []


def check(name, ok, detail=""):
    results.append((name, bool(ok), detail))


def run(*args, **kw):
    return subprocess.run(list(args), capture_output=True, text=True, timeout=120, **kw)


FONT_SUFFIXES = (".otf", ".ttf", ".ttc")


def check_bundled_font(m):
    """The GNOME runtime has no FangSong-style font, so the manifest brings one:
    pinned by checksum, installed where the runtime's fontconfig looks, with its
    licence, and one that the printout's body role asks for."""
    fonts = [mod for mod in m["modules"] if isinstance(mod, dict)
             and any(s.get("url", "").endswith(FONT_SUFFIXES) for s in mod.get("sources", []))]
    check("flatpak manifest bundles a font module before the application",
          fonts and m["modules"].index(fonts[0]) < len(m["modules"]) - 1, [mod.get("name") for mod in fonts])
    if not fonts:
        return
    module = fonts[0]
    sources = module["sources"]
    check("every bundled font source is fetched over https and pinned by sha256",
          all(s.get("url", "").startswith("https://") and len(s.get("sha256", "")) == 64
              and all(c in "0123456789abcdef" for c in s["sha256"]) for s in sources), sources)
    # Run the module's install commands against stand-in files with /app moved
    # into a temporary folder: they must put the font and its licence in place.
    with tempfile.TemporaryDirectory() as tmp:
        work, app = os.path.join(tmp, "src"), os.path.join(tmp, "app")
        os.makedirs(work)
        for s in sources:
            open(os.path.join(work, s.get("dest-filename", s["url"].rsplit("/", 1)[1])), "w").close()
        ok = True
        for cmd in module.get("build-commands", []):
            r = subprocess.run(cmd.replace("/app/", app + "/"), shell=True, cwd=work,
                               capture_output=True, text=True)
            ok = ok and r.returncode == 0
        installed = [os.path.relpath(os.path.join(d, f), app) for d, _, fs in os.walk(app) for f in fs]
        font_files = [f for f in installed if f.endswith(FONT_SUFFIXES)]
        check("the font module installs its font under /app/share/fonts",
              ok and font_files and all(f.startswith("share/fonts/") for f in font_files), installed)
        check("the font module installs the font's licence",
              any(f.startswith(f"share/licenses/{m['id']}/") for f in installed), installed)
    cli = os.path.join(BUILD, "src", "cli", "jixiao-cli")
    r = run(cli, "fonts")
    lines = r.stdout.splitlines()
    # "body  16.0 pt  REAL FONT" is followed by "asked for: FAMILY, FAMILY, ..."
    body = next((lines[i + 1] for i, line in enumerate(lines[:-1]) if line.split()[:1] == ["body"]), "")
    family = os.path.basename(next(s["url"] for s in sources if s["url"].endswith(FONT_SUFFIXES)))
    family = family.rsplit(".", 1)[0].split("-")[0]
    check(f"the printout's body role asks for the bundled font ({family})", family in body, r.stdout)


data = os.path.join(BUILD, "data")
r = run("desktop-file-validate", os.path.join(data, APP_ID + ".desktop"))
check("desktop file is valid", r.returncode == 0 and not r.stdout.strip(), r.stdout + r.stderr)
with open(os.path.join(data, APP_ID + ".desktop"), encoding="utf-8") as f:
    desktop = f.read()
check("desktop file has a Chinese name and comment",
      "Name[zh_CN]=" in desktop and "Comment[zh_CN]=" in desktop, desktop)

r = run("appstreamcli", "validate", "--no-net", "--pedantic", os.path.join(data, APP_ID + ".metainfo.xml"))
check("metainfo is valid", r.returncode == 0, r.stdout + r.stderr)
with open(os.path.join(data, APP_ID + ".metainfo.xml"), encoding="utf-8") as f:
    check("metainfo is translated", 'xml:lang="zh_CN"' in f.read())

r = run("glib-compile-schemas", "--strict", "--dry-run", data)
check("settings schema compiles strictly", r.returncode == 0, r.stderr)

with tempfile.TemporaryDirectory() as tmp:
    mime = os.path.join(tmp, "share", "mime")
    os.makedirs(os.path.join(mime, "packages"))
    shutil.copy(os.path.join(ROOT, "data", "io.github.jixiao.Jixiao.mime.xml"),
                os.path.join(mime, "packages", APP_ID + ".xml"))
    r = run("update-mime-database", mime)
    check("mime type definition is accepted", r.returncode == 0, r.stderr)
    env = dict(os.environ, XDG_DATA_DIRS=os.path.join(tmp, "share") + ":/usr/share",
               XDG_DATA_HOME=os.path.join(tmp, "home"))
    named = os.path.join(tmp, "部门.jixiao.json")
    sniffed = os.path.join(tmp, "download")
    shutil.copy(os.path.join(ROOT, "data", "examples", "zunhua-renda-2024.json"), named)
    shutil.copy(named, sniffed)
    for path, how in ((named, "by name"), (sniffed, "by content")):
        r = run("gio", "info", "-a", "standard::content-type", path, env=env)
        check(f"a document is recognised {how}", "application/x-jixiao-document" in r.stdout,
              r.stdout + r.stderr)

with tempfile.TemporaryDirectory() as dest:
    r = run("meson", "install", "-C", BUILD, "--destdir", dest, "--no-rebuild", "--quiet",
            env=dict(os.environ, DESTDIR=dest))
    check("meson install succeeds", r.returncode == 0, r.stdout + r.stderr)
    found = set()
    for base, _, names in os.walk(dest):
        for n in names:
            found.add(os.path.relpath(os.path.join(base, n), dest))
    expected = [
        "bin/jixiao", "bin/jixiao-cli",
        "share/jixiao/examples/zunhua-renda-2024.json",
        "share/jixiao/schema/document-v1.schema.json",
        f"share/applications/{APP_ID}.desktop",
        f"share/metainfo/{APP_ID}.metainfo.xml",
        f"share/glib-2.0/schemas/{APP_ID}.gschema.xml",
        f"share/mime/packages/{APP_ID}.xml",
        f"share/icons/hicolor/scalable/apps/{APP_ID}.svg",
        f"share/icons/hicolor/symbolic/apps/{APP_ID}-symbolic.svg",
        "share/locale/zh_CN/LC_MESSAGES/jixiao.mo",
    ]
    for e in expected:
        check(f"installed: {e}", any(f.endswith(e) for f in found), "")

manifest = os.path.join(ROOT, "flatpak", "io.github.jixiao.Jixiao.json")
try:
    with open(manifest, encoding="utf-8") as f:
        m = json.load(f)
    check("flatpak manifest is JSON with our app id and meson", m.get("id") == "io.github.jixiao.Jixiao"
          and m["modules"][-1].get("buildsystem") == "meson", str(m)[:200])
    check("flatpak manifest asks for no file system access (portals do that)",
          not any(a.startswith("--filesystem") for a in m.get("finish-args", [])), m.get("finish-args"))
    check_bundled_font(m)
except (OSError, ValueError, KeyError) as e:
    check("flatpak manifest is JSON", False, str(e))
r = run("flatpak-builder", "--show-manifest", manifest, env=dict(os.environ, G_DEBUG="fatal-warnings"))
check("flatpak-builder reads the manifest without a warning", r.returncode == 0, r.stderr)

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok:
        for line in str(detail).splitlines()[:6]:
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
