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

# fuzz-checks puts its texts into this clean document.
flags="$flags -DJX_FUZZ_BASE=\"$top/tests/fixtures/checks/clean.json\""

for target in fuzz-document fuzz-checks fuzz-docx; do
  # shellcheck disable=SC2046,SC2086
  $cc $flags -I"$out" -I"$top/src/model" \
    $(pkg-config --cflags glib-2.0 gobject-2.0 gio-2.0 json-glib-1.0 libgsf-1 libxml-2.0) \
    "$top/tests/fuzz/$target.c" "$top"/src/model/*.c \
    $(pkg-config --libs glib-2.0 gobject-2.0 gio-2.0 json-glib-1.0 libgsf-1 libxml-2.0) -lm \
    -o "$out/$target"
done

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

# fuzz-checks reads lines of text: seed it with the example's texts.
mkdir -p "$out/seeds-checks"
python3 - "$top/data/examples/zunhua-renda-2024.json" "$out/seeds-checks" <<'TEXTS'
import json, sys
document = json.load(open(sys.argv[1], encoding="utf-8"))
for n, project in enumerate(document["projects"]):
    lines = [project["usage"]] + project["goals"]
    for indicator in project["indicators"]:
        lines += [indicator["value"], indicator["name"], indicator["level2"]]
    with open(f"{sys.argv[2]}/project-{n}.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(lines[:24]))
TEXTS
# fuzz-docx takes Word files, and the text of their word/document.xml
# alone (it wraps that in a package itself): the Word files of the tests,
# the refused ones too, and their main parts.
mkdir -p "$out/seeds-docx"
cp "$top/tests/fixtures/docx/"*.docx "$top/tests/fixtures/docx/bad/"*.docx "$out/seeds-docx/"
python3 - "$out/seeds-docx" <<'PARTS'
import glob, os, sys, zipfile
for path in glob.glob(os.path.join(sys.argv[1], "*.docx")):
    try:
        with zipfile.ZipFile(path) as z:
            xml = z.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError):
        continue
    if len(xml) <= 200000:
        with open(path[:-5] + "-document.xml", "wb") as f:
            f.write(xml)
PARTS
echo "built $out/fuzz-document, $out/fuzz-checks and $out/fuzz-docx; run for example:"
echo "  $out/fuzz-document -dict=$top/tests/fuzz/document.dict -max_len=20000 \\"
echo "    -max_total_time=300 -jobs=1 $out/corpus $out/seeds"
echo "  $out/fuzz-checks -dict=$top/tests/fuzz/document.dict -max_len=4000 \\"
echo "    -max_total_time=300 -jobs=1 $out/corpus-checks $out/seeds-checks"
echo "  $out/fuzz-docx -dict=$top/tests/fuzz/docx.dict -max_len=200000 \\"
echo "    -max_total_time=300 -jobs=1 $out/corpus-docx $out/seeds-docx"
