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

# The model's libraries: GLib, json-glib and the spreadsheet ones.
pkgs="glib-2.0 gobject-2.0 gio-2.0 json-glib-1.0 xlsxwriter libgsf-1 libxml-2.0"

# fuzz-checks puts its texts into this clean document; fuzz-xlsx and
# fuzz-csv plan their rows into the example.
flags="$flags -DJX_FUZZ_BASE=\"$top/tests/fixtures/checks/clean.json\""
flags="$flags -DJX_FUZZ_EXAMPLE=\"$top/data/examples/zunhua-renda-2024.json\""

for target in fuzz-document fuzz-checks fuzz-docx fuzz-xlsx fuzz-csv; do
  # shellcheck disable=SC2046,SC2086
  $cc $flags -I"$out" -I"$top/src/model" -I"$top/tests/fuzz" \
    $(pkg-config --cflags $pkgs) \
    "$top/tests/fuzz/$target.c" "$top"/src/model/*.c \
    $(pkg-config --libs $pkgs) -lm \
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
# fuzz-xlsx and fuzz-csv: workbooks from LibreOffice and the sheets inside
# them (fuzz-xlsx packs an input that is not a zip as a sheet), and CSV
# text in the encodings clerks' files come in.
mkdir -p "$out/seeds-xlsx" "$out/seeds-csv"
cp "$top/tests/fixtures/sheets/"*.xlsx "$out/seeds-xlsx/"
python3 - "$top/tests/fixtures/sheets" "$out/seeds-xlsx" "$out/seeds-csv" <<'SHEETS'
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
echo "built $out/fuzz-document, fuzz-checks, fuzz-docx, fuzz-xlsx and fuzz-csv; run for example:"
echo "  $out/fuzz-document -dict=$top/tests/fuzz/document.dict -max_len=20000 \\"
echo "    -max_total_time=300 -jobs=1 $out/corpus $out/seeds"
echo "  $out/fuzz-checks -dict=$top/tests/fuzz/document.dict -max_len=4000 \\"
echo "    -max_total_time=300 -jobs=1 $out/corpus-checks $out/seeds-checks"
echo "  $out/fuzz-docx -dict=$top/tests/fuzz/docx.dict -max_len=200000 \\"
echo "    -max_total_time=300 -jobs=1 $out/corpus-docx $out/seeds-docx"
echo "  $out/fuzz-xlsx -dict=$top/tests/fuzz/sheet.dict -max_len=20000 \\"
echo "    -max_total_time=300 -jobs=1 $out/corpus-xlsx $out/seeds-xlsx"
echo "  $out/fuzz-csv -max_len=4000 -max_total_time=300 -jobs=1 $out/corpus-csv $out/seeds-csv"
