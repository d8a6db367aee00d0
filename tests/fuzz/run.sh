#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every fuzz target that tests/fuzz/build.sh built, one after the other:
#   tests/fuzz/run.sh [OUTDIR [SECONDS]]     (default: _fuzz, 60 seconds each)
# Each target starts from its seeds (OUTDIR/seeds/NAME) and its own corpus
# (OUTDIR/corpus/NAME, which keeps what earlier runs found). It prints one
# line per target, "PASS: fuzz-NAME …" or "FAIL: fuzz-NAME …"; a failure
# names the input that broke it (kept in OUTDIR/artifacts/NAME/, and shown
# in base64 so that it survives in a CI log) and the target's log
# (OUTDIR/logs/NAME.log). Exits 1 if any target failed.
set -u

top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-"$top/_fuzz"}
seconds=${2:-60}

if [ ! -s "$out/targets" ]; then
  echo "FAIL: fuzz: no targets in $out/targets; run tests/fuzz/build.sh $out first"
  exit 1
fi

# A leak or a GLib warning is a failure like a crash; UBSan stops at once.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
export G_SLICE=always-malloc

status=0
while read -r name max_len dict; do
  [ -n "$name" ] || continue
  log="$out/logs/$name.log"
  artifacts="$out/artifacts/$name"
  mkdir -p "$out/logs" "$artifacts" "$out/corpus/$name"
  rm -f "$artifacts"/*
  set -- -max_len="$max_len" -max_total_time="$seconds" -timeout=60 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/"
  if [ "$dict" != "-" ]; then
    set -- "$@" -dict="$top/tests/fuzz/$dict"
  fi
  "$out/fuzz-$name" "$@" "$out/corpus/$name" "$out/seeds/$name" < /dev/null > "$log" 2>&1
  result=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  inputs=$(ls "$out/corpus/$name" | wc -l)
  if [ "$result" -eq 0 ]; then
    echo "PASS: fuzz-$name: ${runs:-?} inputs in $seconds s, corpus of $inputs"
    continue
  fi
  status=1
  echo "FAIL: fuzz-$name (exit $result after ${runs:-?} inputs); log: $log"
  grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|.*ERROR \*\*|.*CRITICAL \*\*)' "$log" | head -n 5
  for input in "$artifacts"/*; do
    [ -f "$input" ] || continue
    echo "  input: $input ($(wc -c < "$input") bytes); replay: $out/fuzz-$name $input"
    echo "  base64 (decode with base64 -d):"
    base64 -w 76 "$input" | head -n 200 | sed 's/^/    /'
  done
done < "$out/targets"
exit "$status"
