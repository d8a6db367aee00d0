#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds every libFuzzer target with clang, outside meson's build:
#   tests/fuzz/build.sh [OUTDIR]     (default: _fuzz)
# For each target NAME (tests/fuzz/fuzz-NAME.c) it leaves
#   OUTDIR/fuzz-NAME      the program,
#   OUTDIR/seeds/NAME/    its seed inputs, made from files of the repository
#                         and tests/fuzz/corpus/NAME/,
# and the line "NAME MAX_LEN DICT" in OUTDIR/targets. tests/fuzz/run.sh
# (`make fuzz`, and CI) runs every target listed there.
# The model is compiled with the fuzzer's coverage, AddressSanitizer and
# UndefinedBehaviorSanitizer.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
fuzz=$top/tests/fuzz
out=${1:-"$top/_fuzz"}
cc=${CC:-clang}
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -rf "$out/seeds" "$out/obj"
mkdir -p "$out/seeds" "$out/obj"
: > "$out/targets.new"

# The model needs only these of meson's config.h.
cat > "$out/config.h" <<CONFIG
#define GETTEXT_PACKAGE "jixiao"
#define LOCALEDIR "/usr/share/locale"
#define PACKAGE_VERSION "fuzz"
#define DEVELOPMENT_BUILD 0
CONFIG

# The libraries the model links (see src/model/meson.build).
pkgs="glib-2.0 gobject-2.0 gio-2.0 json-glib-1.0 libgsf-1 libxml-2.0"

flags="-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined"
flags="$flags -fno-sanitize-recover=undefined"
flags="$flags -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74"
flags="$flags -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 -DG_LOG_USE_STRUCTURED"
flags="$flags -Wno-deprecated-declarations"
# fuzz-checks puts its texts into this clean document.
flags="$flags -DJX_FUZZ_BASE=\"$top/tests/fixtures/checks/clean.json\""
cflags="$flags -I$out -I$top/src/model $(pkg-config --cflags $pkgs)"
libs="$(pkg-config --libs $pkgs) -lm"

# The model once, for every target, two files at a time.
export cc cflags out
ls "$top"/src/model/*.c | xargs -P "$(nproc)" -I{} sh -c \
  '$cc $cflags -fsanitize=fuzzer-no-link -c "$1" -o "$out/obj/$(basename "$1" .c).o"' sh {}

# target NAME MAX_LEN DICT: builds fuzz-NAME.c, lists it in OUTDIR/targets
# with the longest input it is given and its dictionary (a file in
# tests/fuzz, or - for none), and starts its seeds with the checked-in
# corpus. The seeds made below go to "$out/seeds/NAME".
target () {
  # shellcheck disable=SC2086
  $cc $cflags -fsanitize=fuzzer "$fuzz/fuzz-$1.c" "$out"/obj/*.o $libs -o "$out/fuzz-$1"
  mkdir -p "$out/seeds/$1"
  if [ -d "$fuzz/corpus/$1" ]; then
    cp "$fuzz/corpus/$1"/* "$out/seeds/$1/"
  fi
  echo "$1 $2 $3" >> "$out/targets.new"
}

# fuzz-document: the example, split into compact parts of a few projects to
# fit the input length, and the test fixtures.
target document 20000 document.dict
cp "$top/data/examples/"*.json "$top/tests/fixtures/valid/"*.json \
  "$top/tests/fixtures/broken/"*.json "$out/seeds/document/"
python3 - "$top/data/examples/zunhua-renda-2024.json" "$out/seeds/document" <<'SPLIT'
import json, sys
document = json.load(open(sys.argv[1], encoding="utf-8"))
projects = document["projects"]
for start in range(0, len(projects), 3):
    document["projects"] = projects[start:start + 3]
    with open(f"{sys.argv[2]}/example-{start}.json", "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False, separators=(",", ":"))
SPLIT

# fuzz-checks reads lines of text: the example's texts.
target checks 4000 document.dict
python3 - "$top/data/examples/zunhua-renda-2024.json" "$out/seeds/checks" <<'TEXTS'
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
target docx 200000 docx.dict
cp "$top/tests/fixtures/docx/"*.docx "$top/tests/fixtures/docx/bad/"*.docx "$out/seeds/docx/"
python3 - "$out/seeds/docx" <<'PARTS'
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

mv "$out/targets.new" "$out/targets"
rm -rf "$out/obj"
echo "built in $out: $(cut -d' ' -f1 "$out/targets" | sed 's/^/fuzz-/' | tr '\n' ' ')"
echo "run them all for a minute each: tests/fuzz/run.sh $out 60"
