#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""jixiao-cli validate as a finance bureau's script would use it: exit
status, the text line format and the JSON report (TAP output)."""
import json
import os
import shutil
import re
import subprocess
import sys
import tempfile

cli, example, fixtures = sys.argv[1:4]
clean = os.path.join(fixtures, 'clean.json')
hints = os.path.join(fixtures, 'hints-only.json')
results = []


def run(*args):
    return subprocess.run([cli, 'validate', *args], capture_output=True, text=True)


def check(name, ok, detail=''):
    results.append((name, ok, detail))


r = run(example)
lines = r.stdout.splitlines()
line_re = re.compile(r'^(.+?): (\S+): (error|warning|hint): (.+) \[([a-z0-9-]+)\]$')
check('example has errors: exit 1', r.returncode == 1, r.stderr)
check('example: 13 findings', len(lines) == 13, r.stdout)
check('every line is FILE: path: severity: message [rule-id]',
      all(line_re.match(l) and line_re.match(l).group(1) == example for l in lines), r.stdout)
check('the 30/30/30/30 plan is reported',
      any('projects[5].spending_plan[3].percent: error:' in l and '[plan-incomplete]' in l
          for l in lines), r.stdout)

r = run(clean)
check('clean document: exit 0, no output', r.returncode == 0 and r.stdout == '', r.stdout)
r = run(hints)
check('hints only: exit 0', r.returncode == 0 and '[text-punctuation]' in r.stdout, r.stdout)
r = run('--strict', hints)
check('hints only with --strict: exit 1', r.returncode == 1, r.stdout)
r = run('--strict', clean)
check('clean with --strict: exit 0', r.returncode == 0, r.stdout)

with tempfile.TemporaryDirectory() as tmp:
    broken = os.path.join(tmp, 'broken.json')
    with open(broken, 'w') as f:
        f.write('{"format": "budget-performance-document", "version": 1,')
    r = run(clean, broken, example)
    check('a file that does not load: exit 2', r.returncode == 2, r.stderr)
    check('the load error names the file', broken in r.stderr, r.stderr)
    check('the other files are still reviewed', '[plan-incomplete]' in r.stdout, r.stdout)

    r = run('--format', 'json', clean, example, broken)
    try:
        report = json.loads(r.stdout)
        files = report['files']
        ok = (report['format'] == 'budget-performance-findings' and len(files) == 3 and
              files[0]['findings'] == [] and files[0]['errors'] == 0 and
              files[1]['errors'] == 1 and files[1]['warnings'] == 10 and files[1]['hints'] == 2 and
              len(files[1]['findings']) == 13 and files[2]['loaded'] is False and
              files[2]['error'] != '')
        first = files[1]['findings'][0]
        ok = ok and set(first) == {'path', 'project', 'severity', 'rule', 'message'}
        ok = ok and first['project'] == 0 and first['rule'] == 'indicator-unit-mismatch'
    except (ValueError, KeyError, IndexError) as e:
        ok = False
        r.stdout += repr(e)
    check('JSON report for a folder of files', ok and r.returncode == 2, r.stdout)

r = run(fixtures)
check('a folder stands for its .json files, in name order',
      r.returncode == 0 and r.stdout.startswith(hints + ':'), r.stdout)

with tempfile.TemporaryDirectory() as tmp:
    r = run(tmp)
    check('a folder with no documents says so and exits 2',
          r.returncode == 2 and 'no documents' in r.stderr and r.stdout == '', r.stderr)

    # Files are reviewed in parallel; the report keeps the order of names.
    names = []
    for i in range(24):
        name = os.path.join(tmp, 'd%02d.json' % i)
        shutil.copy(example if i % 3 else hints, name)
        names.append(name)
    r = run(tmp)
    files = [l.split(': ')[0] for l in r.stdout.splitlines()]
    ordered = [f for k, f in enumerate(files) if k == 0 or f != files[k - 1]]
    check('a folder of many files is reported file by file in name order',
          r.returncode == 1 and ordered == names, '\n'.join(ordered))
    one_by_one = ''.join(run(n).stdout for n in names)
    check('the same lines as reviewing each file alone', r.stdout == one_by_one, r.stdout[:400])

r = run('--format', 'xml', clean)
check('unknown format: exit 2', r.returncode == 2 and 'xml' in r.stderr, r.stderr)
r = run()
check('no file: exit 2', r.returncode == 2, r.stderr)

print('1..%d' % len(results))
for i, (name, ok, detail) in enumerate(results, 1):
    print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
    if not ok:
        for l in detail.splitlines()[:40]:
            print('# ' + l)
