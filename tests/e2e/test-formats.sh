# SVG and PNG: one file a page from the same layout as the PDF, named per
# the manual, sized by paper and --dpi, written all-or-nothing.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/reports" "$ROOT/data" "$WORK/"
cd "$WORK"
export SOURCE_DATE_EPOCH=1738195200

$FIGPRESS render reports/briefing.md -o plain.pdf || fail "plain render"
pages=$(pdfinfo plain.pdf | awk '/^Pages:/ {print $2}')

# count PATTERN: how many files match.
count() { ls $1 2>/dev/null | wc -l; }
# png_size FILE: "WIDTH HEIGHT" from the IHDR chunk (big-endian at 16).
png_size() {
    od -A n -t u1 -j 16 -N 8 "$1" |
        awk '{print $1*16777216 + $2*65536 + $3*256 + $4, \
            $5*16777216 + $6*65536 + $7*256 + $8}'
}
# is_png FILE: starts with the PNG signature.
is_png() { [ "$(od -A n -t x1 -N 8 "$1" | tr -d ' ')" = 89504e470d0a1a0a ]; }

# --- SVG -------------------------------------------------------------------
mkdir svg
# Pages left by a longer render are removed; unrelated files are not.
touch svg/briefing-$((pages + 1)).svg svg/briefing-$((pages + 2)).svg \
    svg/keep.svg
$FIGPRESS render reports/briefing.md --format svg -o svg/ || fail "svg"
[ "$(count 'svg/briefing-*.svg')" -eq "$pages" ] ||
    fail "svg: $(count 'svg/briefing-*.svg') files for $pages pages"
[ -f svg/keep.svg ] || fail "svg: an unrelated file was removed"
i=1
while [ $i -le "$pages" ]; do
    f=svg/briefing-$i.svg
    head -c 400 $f | grep -q 'width="595.276pt" height="841.89pt"' ||
        fail "$f is not A4: $(head -c 300 $f)"
    # Text as glyph outlines, consistently: no <text> anywhere.
    grep -q '<symbol' $f || fail "$f has no glyphs"
    ! grep -q '<text' $f || fail "$f mixes in <text>"
    i=$((i + 1))
done
# Same inputs, same bytes.
mkdir svg2
$FIGPRESS render reports/briefing.md --format svg -o svg2/ || fail "svg again"
cmp -s svg/briefing-1.svg svg2/briefing-1.svg || fail "two SVG renders differ"
# Beside the report without -o; -o FILE.svg numbers FILE.
$FIGPRESS render reports/briefing.md --format svg || fail "svg beside"
[ -f reports/briefing-1.svg ] && [ -f reports/briefing-$pages.svg ] ||
    fail "svg beside the report: $(ls reports)"
$FIGPRESS render reports/briefing.md --format svg -o one.svg || fail "-o one.svg"
[ -f one-1.svg ] && [ ! -e one.svg ] || fail "-o one.svg: $(ls)"
# -M names the first page as the target.
$FIGPRESS render reports/briefing.md --format svg -o dep.svg -M dep.d ||
    fail "svg -M"
head -n 1 dep.d | grep -q '^dep-1.svg:' || fail "depfile: $(head -n 1 dep.d)"

# --- PNG -------------------------------------------------------------------
mkdir png
$FIGPRESS render reports/briefing.md --format png -o png/ || fail "png"
[ "$(count 'png/briefing-*.png')" -eq "$pages" ] ||
    fail "png: $(count 'png/briefing-*.png') files for $pages pages"
for f in png/briefing-*.png; do
    is_png $f || fail "$f is not a PNG"
    # A4 at the default 150 dpi.
    [ "$(png_size $f)" = "1240 1754" ] || fail "$f is $(png_size $f)"
done
$FIGPRESS render reports/briefing.md --format png --dpi 72 -o p72.png ||
    fail "png 72 dpi"
[ "$(png_size p72-1.png)" = "595 842" ] || fail "72 dpi: $(png_size p72-1.png)"
$FIGPRESS render reports/briefing.md --format png --dpi 40 --paper A5 \
    -o a5.png || fail "png A5"
[ "$(png_size a5-1.png)" = "233 331" ] || fail "A5 40 dpi: $(png_size a5-1.png)"
# Antialiased: edges blend paper and ink through many shades, not two.
# pngstat (a small cairo program) decodes the PNG: W H colours tinted.
cc -o pngstat "$ROOT/tests/e2e/pngstat.c" $(pkg-config --cflags --libs cairo) ||
    fail "cannot build pngstat"
set -- $(./pngstat png/briefing-1.png)
[ "$1 $2" = "1240 1754" ] || fail "pngstat reads $1 x $2"
[ "$3" -gt 64 ] || fail "only $3 colours: not antialiased"
[ "$4" -gt 0 ] || fail "the colour page has no colour"
# A handout as PNG: one file a sheet, landscape sheet for 2-up.
$FIGPRESS render reports/briefing.md --format png --handout 2 --dpi 50 \
    -o sheet.png || fail "png handout"
[ "$(count 'sheet-*.png')" -eq $(( (pages + 1) / 2 )) ] || fail "png sheets"
[ "$(png_size sheet-1.png)" = "585 413" ] || fail "sheet: $(png_size sheet-1.png)"

# --- failures --------------------------------------------------------------
# A failed render leaves the previous files as they were.
cp png/briefing-1.png before.png
sed 's/ai-spend.csv/missing.csv/' reports/briefing.md > reports/broken.md
cp reports/broken.md reports/briefing.md
expect_status 1 $FIGPRESS render reports/briefing.md --format png -o png/ \
    2>err.txt
contains err.txt "missing.csv"
cmp -s before.png png/briefing-1.png || fail "a failed render touched a page"
[ "$(count 'png/.briefing*')" -eq 0 ] || fail "temporary files left: $(ls -a png)"

expect_status 2 $FIGPRESS render reports/briefing.md --format jpeg 2>err.txt
contains err.txt "--format takes pdf, svg or png"
for d in 0 9 601 abc 15x ""; do
    expect_status 2 $FIGPRESS render reports/briefing.md --format png \
        --dpi "$d" 2>/dev/null
done
exit 0
