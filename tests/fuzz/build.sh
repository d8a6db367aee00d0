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
pkgs="glib-2.0 gobject-2.0 gio-2.0 json-glib-1.0 xlsxwriter libgsf-1 libxml-2.0"

flags="-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined"
flags="$flags -fno-sanitize-recover=undefined"
flags="$flags -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74"
flags="$flags -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 -DG_LOG_USE_STRUCTURED"
flags="$flags -Wno-deprecated-declarations"
# fuzz-checks puts its texts into this clean document; fuzz-xlsx and
# fuzz-csv plan their rows into the example.
flags="$flags -DJX_FUZZ_BASE=\"$top/tests/fixtures/checks/clean.json\""
flags="$flags -DJX_FUZZ_EXAMPLE=\"$top/data/examples/zunhua-renda-2024.json\""
cflags="$flags -I$out -I$top/src/model -I$fuzz $(pkg-config --cflags $pkgs)"
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

# fuzz-xlsx and fuzz-csv: workbooks from LibreOffice and the sheets inside
# them (fuzz-xlsx packs an input that is not a zip as a sheet), and CSV
# text in the encodings clerks' files come in.
target xlsx 20000 sheet.dict
target csv 4000 -
cp "$top/tests/fixtures/sheets/"*.xlsx "$out/seeds/xlsx/"
python3 - "$top/tests/fixtures/sheets" "$out/seeds/xlsx" "$out/seeds/csv" <<'SHEETS'
import glob, os, sys, zipfile
sheets, xlsx, csv = sys.argv[1:4]
for book in glob.glob(os.path.join(sheets, "*.xlsx")):
    with zipfile.ZipFile(book) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                base = os.path.basename(book)[:-5] + "-" + os.path.basename(name)
                with open(os.path.join(xlsx, base), "wb") as f:
                    f.write(z.read(name))
text = ("项目编码,项目名称,一级指标,二级指标,三级指标,计算符号,指标值,计量单位\r\n"
        "P001,项目,产出指标,数量指标,\"次数,全年\",≥,3,次\r\n"
        ",,满意度指标,服务对象满意度指标,满意度,定性,好,\r\n")
for name, data in [("utf8.csv", text.encode()), ("bom.csv", b"\xef\xbb\xbf" + text.encode()),
                   ("gbk.csv", text.encode("gbk")),
                   ("tabs.txt", b"\xff\xfe" + text.replace(",", "\t").encode("utf-16-le"))]:
    with open(os.path.join(csv, name), "wb") as f:
        f.write(data)
SHEETS

mv "$out/targets.new" "$out/targets"
rm -rf "$out/obj"
echo "built in $out: $(cut -d' ' -f1 "$out/targets" | sed 's/^/fuzz-/' | tr '\n' ' ')"
echo "run them all for a minute each: tests/fuzz/run.sh $out 60"
