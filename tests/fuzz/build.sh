#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer target with clang, outside meson's build:
#   tests/fuzz/build.sh [OUTDIR]     (default: _fuzz)
# The model sources are compiled with the fuzzer's coverage and with
# AddressSanitizer and UndefinedBehaviorSanitizer.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-"$top/_fuzz"}
cc=${CC:-clang}
mkdir -p "$out"

# The model needs only these of meson's config.h.
cat > "$out/config.h" <<CONFIG
#define GETTEXT_PACKAGE "jixiao"
#define LOCALEDIR "/usr/share/locale"
#define PACKAGE_VERSION "fuzz"
#define DEVELOPMENT_BUILD 0
CONFIG

flags="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined"
flags="$flags -fno-sanitize-recover=undefined"
flags="$flags -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74"
flags="$flags -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 -DG_LOG_USE_STRUCTURED"
flags="$flags -Wno-deprecated-declarations"

# shellcheck disable=SC2046,SC2086
$cc $flags -I"$out" -I"$top/src/model" \
  $(pkg-config --cflags glib-2.0 gobject-2.0 gio-2.0 json-glib-1.0) \
  "$top/tests/fuzz/fuzz-document.c" "$top"/src/model/*.c \
  $(pkg-config --libs glib-2.0 gobject-2.0 gio-2.0 json-glib-1.0) -lm \
  -o "$out/fuzz-document"

# The seed corpus: the example and the test fixtures.
mkdir -p "$out/seeds"
cp "$top/data/examples/"*.json "$top/tests/fixtures/valid/"*.json \
  "$top/tests/fixtures/broken/"*.json "$out/seeds/"
# The example is longer than -max_len=20000: add it compact, a few
# projects a file, so that the fuzzer starts from its real texts too.
python3 - "$top/data/examples/zunhua-renda-2024.json" "$out/seeds" <<'SPLIT'
import json, sys
document = json.load(open(sys.argv[1], encoding="utf-8"))
projects = document["projects"]
for start in range(0, len(projects), 3):
    document["projects"] = projects[start:start + 3]
    with open(f"{sys.argv[2]}/example-{start}.json", "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False, separators=(",", ":"))
SPLIT
echo "built $out/fuzz-document; run for example:"
echo "  $out/fuzz-document -dict=$top/tests/fuzz/document.dict -max_len=20000 \\"
echo "    -max_total_time=300 -jobs=1 $out/corpus $out/seeds"
