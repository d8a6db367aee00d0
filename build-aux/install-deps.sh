#!/usr/bin/env bash
# Installs the Debian packages listed in build-aux/debian-packages.txt that are
# not installed yet. Does nothing (no network, no sudo) when all are present.
# Usage: install-deps.sh [LIST]
set -euo pipefail

list=${1:-"$(dirname "$0")/debian-packages.txt"}
if [ ! -r "$list" ]; then
  echo "install-deps: cannot read package list $list" >&2
  exit 1
fi

missing=()
while read -r pkg _; do
  [ -n "$pkg" ] || continue
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  case "$status" in
    *" installed") ;;
    *) missing+=("$pkg") ;;
  esac
done < <(sed -e 's/#.*//' "$list")

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all Debian packages from $list are installed"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "install-deps: missing ${missing[*]}; not root and no sudo to install them" >&2
    exit 1
  fi
  sudo=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! "${sudo[@]}" apt-get update -q >"$log" 2>&1 ||
   ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
       apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$log" 2>&1; then
  cat "$log" >&2
  echo "install-deps: apt-get failed to install: ${missing[*]}" >&2
  exit 1
fi
echo "install-deps: installed ${missing[*]}"
