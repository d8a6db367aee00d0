#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package from this tree with debhelper and checks it
# with lintian:   build-aux/make-deb.sh [OUTDIR]     (default: _deb)
# The tree is copied first (the files git knows, with their local changes,
# and new files that are not ignored), so that build folders stay out of
# the package and nothing is written next to the tree. Leaves
# OUTDIR/jixiao_VERSION_ARCH.deb (and the -dbgsym package of its debugging
# symbols), the .changes and .buildinfo files, and the logs build.log and
# lintian.log.
#   --build-only     build, without lintian
#   --lintian-only   only run lintian on what OUTDIR holds
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
steps="build check"
case "${1:-}" in
  --build-only) steps=build; shift ;;
  --lintian-only) steps=check; shift ;;
esac
out=${1:-"$top/_deb"}
mkdir -p "$out"
out=$(cd "$out" && pwd)
version=$(dpkg-parsechangelog -l "$top/debian/changelog" -S Version)
arch=$(dpkg-architecture -q DEB_HOST_ARCH)
deb="$out/jixiao_${version}_${arch}.deb"
changes="$out/jixiao_${version}_${arch}.changes"

build () {
  local src="$out/src/jixiao-$version"

  rm -rf "$out/src" "$out"/jixiao*_*
  mkdir -p "$src"
  if git -C "$top" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git -C "$top" ls-files -z --cached --others --exclude-standard |
      tar -C "$top" --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -C "$src" -xf -
  else
    tar -C "$top" --exclude='./_*' -cf - . | tar -C "$src" -xf -
  fi
  echo "make-deb: building jixiao $version in $src (log: $out/build.log)"
  if ! (cd "$src" && dpkg-buildpackage -b --no-sign) >"$out/build.log" 2>&1; then
    tail -n 40 "$out/build.log"
    echo "make-deb: dpkg-buildpackage failed; log: $out/build.log" >&2
    return 1
  fi
  mv "$out/src"/jixiao*_* "$out/"
  rm -rf "$out/src"
  echo "make-deb: built $deb"
}

# Errors and warnings fail; every tag left on purpose is overridden in
# debian/ with its reason (overridden tags are listed, not hidden).
check () {
  echo "make-deb: lintian (log: $out/lintian.log)"
  if ! lintian --fail-on error,warning --display-info --show-overrides \
       "$changes" >"$out/lintian.log" 2>&1; then
    cat "$out/lintian.log"
    echo "make-deb: lintian found errors or warnings; log: $out/lintian.log" >&2
    return 1
  fi
  cat "$out/lintian.log"
  echo "make-deb: lintian found no errors and no warnings"
}

for step in $steps; do
  $step
done
