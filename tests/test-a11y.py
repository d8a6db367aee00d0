#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Accessibility: the real application, opened on the example under its own
session bus and accessibility registry, exposes every control with a name a
screen reader can speak. Prints TAP.

Usage: test-a11y.py JIXIAO  (run by meson under Xvfb)"""

import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

if os.environ.get("JX_A11Y_INNER") != "1":
    # Re-run inside a private session bus, which brings its own AT-SPI registry.
    # Its lines are passed on as they come, so that a run the test harness
    # ends for taking too long shows what it was waiting for.
    env = dict(os.environ, JX_A11Y_INNER="1")
    env.pop("GTK_A11Y", None)
    env.pop("NO_AT_BRIDGE", None)
    # Criticals stay fatal for the application, not for the accessibility
    # library in this script: a registry that fails must give a TAP line.
    env["JX_A11Y_APP_G_DEBUG"] = env.pop("G_DEBUG", "")
    inner = subprocess.Popen(["dbus-run-session", "--", "/usr/bin/python3"] + sys.argv, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    plan = False
    last = collections.deque(maxlen=10)
    for line in inner.stdout:
        # The bus's AT-SPI registry shares our stdout: keep its chatter out of TAP.
        line = line.rstrip("\n")
        tap = re.match(r"(ok |not ok |1\.\.|#|Bail out!)", line)
        plan = plan or line.startswith("1..")
        print(line if tap else "# " + line, flush=True)
        last.append(line)
    if inner.wait() != 0 and not plan:
        print("1..1\nnot ok 1 - could not run under a session bus")
        for line in last:
            print("# " + line)
    sys.exit(inner.returncode)

import gi  # noqa: E402

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

APP = sys.argv[1]
EXAMPLE = os.path.join(os.environ["JX_SOURCE_ROOT"], "data/examples/zunhua-renda-2024.json")
# Roles a user operates; each needs a name.
CONTROLS = {"push button", "toggle button", "check box", "radio button", "combo box", "text",
            "entry", "spin button", "menu item", "check menu item", "radio menu item",
            "password text", "slider", "switch", "tree table", "table", "list box", "page tab"}

results = []
xauthority = os.environ.get("XAUTHORITY", "")
note_display = (f"DISPLAY={os.environ.get('DISPLAY', '')} XAUTHORITY={xauthority}"
                f"{'' if not xauthority or os.path.exists(xauthority) else ' (missing)'}")
TMP = tempfile.mkdtemp(prefix="jx-a11y-")
# A call to a busy application built with sanitizers can take longer than
# the library's 0.8 s: a node that times out would silently leave the tree.
Atspi.set_timeout(60000, 60000)


def check(name, ok, detail=""):
    results.append((name, bool(ok), detail))


def note(text):
    print(f"# {text}", flush=True)


def app_exited(proc, log):
    """Why the application is not there: it exited, with its last words."""
    if proc.poll() is None:
        return None
    with open(log, encoding="utf-8", errors="replace") as f:
        tail = f.read().splitlines()[-10:]
    return "\n".join([f"the application exited with status {proc.returncode}"] + tail)


def is_ours(app, name, proc):
    """The application started by this snapshot, not the one before it,
    which may still be listed while the registry sees it go."""
    try:
        return app.get_name() == name and app.get_process_id() == proc.pid
    except GLib.Error:  # it went away while we asked
        return False


def find_app(name, proc):
    """Waits until the application has registered with the registry, for as
    long as it runs: a build with sanitizers on a busy machine takes minutes
    to get there, and the test harness's time limit ends a run that hangs."""
    while proc.poll() is None:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            a = desktop.get_child_at_index(i)
            if a is not None and is_ours(a, name, proc):
                return a
        time.sleep(0.3)
    return None


def walk(node, path, out):
    try:
        role = node.get_role_name()
        name = node.get_name() or ""
    except Exception:  # a node that went away while we looked
        return
    here = f"{path}/{role}"
    out.append((here, role, name, node))
    for i in range(node.get_child_count()):
        child = node.get_child_at_index(i)
        if child is not None:
            walk(child, here, out)


def snapshot(language):
    """Starts the application on the example under a language and returns its
    accessibility nodes and, if there are none, why."""
    # The first call starts the accessibility bus and its registry, and
    # returns once the registry answers: the application then finds both
    # running, rather than racing their start on a busy machine.
    note(f"the registry lists {Atspi.get_desktop(0).get_child_count()} applications")
    env = dict(os.environ, GDK_DEBUG="gl-disable", GTK_USE_PORTAL="0", LANGUAGE=language,
               G_DEBUG=os.environ.get("JX_A11Y_APP_G_DEBUG", ""))
    log = os.path.join(TMP, f"app-{language or 'default'}.log")
    with open(log, "w") as out:
        proc = subprocess.Popen([APP, EXAMPLE], env=env, stdout=out, stderr=subprocess.STDOUT)
    nodes = []
    started = time.monotonic()
    try:
        note(f"waiting for the application (LANGUAGE={language!r}) to register")
        app = find_app(os.path.basename(APP), proc)
        if app is None:
            return [], app_exited(proc, log)
        note(f"registered after {time.monotonic() - started:.1f} s; waiting for the document")
        # The tree fills as the window builds: read it until it shows the
        # document (the total in the sidebar), however long that takes.
        while True:
            nodes = []
            for i in range(app.get_child_count()):
                walk(app.get_child_at_index(i), "", nodes)
            if any(r == "label" and "270.00" in name for _, r, name, _ in nodes):
                note(f"the document shows after {time.monotonic() - started:.1f} s")
                return nodes, None
            why = app_exited(proc, log)
            if why:
                return nodes, why
            time.sleep(0.3)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


note(note_display)
nodes, why = snapshot("")
check("the application appears in the accessibility tree", nodes, why)
frames = [n for n in nodes if n[1] == "frame"]
check("the main window is a named frame", frames and frames[0][2], str(frames[:1]))
controls = [n for n in nodes if n[1] in CONTROLS]
check("the window has controls to operate", len(controls) > 0, str(len(controls)))
# GTK falls back to the widget's class name ("GtkMenuButton"): that is no name.
unnamed = [f"{p} ({r}: {name!r})" for p, r, name, _ in controls
           if not name.strip() or re.match(r"^Gtk[A-Z]", name)]
check("every control has an accessible name", not unnamed, "\n".join(unnamed[:20]))
labels = [name for _, r, name, _ in nodes if r == "label"]
check("the department and the total are readable",
      "遵化市人民代表大会常务委员会" in labels and any("270.00" in l for l in labels),
      " | ".join(labels[:12]))

# Under Chinese every word the window shows or speaks is Chinese: what stays
# Latin is the file's name, codes, numbers, key names and the window buttons
# the window manager's theme names.
ALLOWED = re.compile(r"zunhua-renda-2024\.json|/[\w/.-]+|[0-9A-Z]{6,}|Ctrl|Shift|Alt|F1|PDF|SVG|PNG|"
                     r"Delete|Insert|Enter|Tab|Esc|Home|End|Minimize|Maximize|Close|"
                     r"Gtk[A-Z]\w+|[.,:;%()（）+]")
zh, why = snapshot("zh_CN")
check("the Chinese interface starts", zh, why)
english = sorted({name for _, r, name, _ in zh
                  if r in CONTROLS | {"label", "frame", "page tab"} and
                  re.search(r"[A-Za-z]{2,}", ALLOWED.sub(" ", name))})
check("under zh_CN no English words are shown", not english, "\n".join(english[:20]))

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok:
        for line in str(detail).splitlines()[:20]:
            print(f"# {line}")
shutil.rmtree(TMP, ignore_errors=True)
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
