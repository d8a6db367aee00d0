#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that documents the JSON Schema accepts are accepted by the program.

Usage: schema-check.py SCHEMA CLI FILE-OR-FOLDER...

Each FILE must be valid against SCHEMA, and `CLI check FILE` must then exit
with 0. Prints TAP; exits 1 when any file fails.
"""

import json
import os
import subprocess
import sys

try:
    import jsonschema
    from jsonschema.validators import validator_for
except ImportError:
    # The python3 first in PATH may lack the module that Debian's
    # python3-jsonschema gives /usr/bin/python3: try that one instead.
    system_python = "/usr/bin/python3"
    if os.path.realpath(sys.executable) != os.path.realpath(system_python) \
            and os.access(system_python, os.X_OK):
        os.execv(system_python, [system_python] + sys.argv)
    print("1..1\nnot ok 1 - python3 module jsonschema not found "
          "(install the Debian package python3-jsonschema)")
    sys.exit(1)


def json_path(parts):
    path = ""
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "(top level)"


def check(validator, cli, path):
    """Returns None when the file passes, else the reason it does not."""
    try:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
    except (OSError, ValueError) as e:
        return f"cannot read: {e}"

    error = jsonschema.exceptions.best_match(validator.iter_errors(document))
    if error is not None:
        return f"schema: {json_path(error.absolute_path)}: {error.message}"

    try:
        result = subprocess.run([cli, "check", path], capture_output=True,
                                text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"{cli} check: {e}"
    if result.returncode != 0:
        said = (result.stderr.strip() or result.stdout.strip()).splitlines()
        return (f"schema accepts it but `{os.path.basename(cli)} check` "
                f"exited {result.returncode}: {said[0] if said else ''}")
    return None


def main(argv):
    if len(argv) < 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    schema_path, cli = argv[1], argv[2]
    files = []
    for arg in argv[3:]:
        if os.path.isdir(arg):
            files += sorted(os.path.join(arg, n) for n in os.listdir(arg)
                            if n.endswith(".json"))
        else:
            files.append(arg)

    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=None)

    print(f"1..{len(files)}")
    failures = 0
    for number, path in enumerate(files, 1):
        name = os.path.basename(path)
        reason = check(validator, cli, path)
        if reason is None:
            print(f"ok {number} - {name}")
        else:
            failures += 1
            reason = " ".join(reason.split())
            if len(reason) > 300:
                reason = reason[:300] + "…"
            print(f"not ok {number} - {name}: {reason}")
    sys.stdout.flush()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
