# Handouts: N-up sheets of the briefing — sheet counts and sizes, original
# page numbers, extractable text, valid vector PDF, fonts once, names.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/reports" "$ROOT/data" "$WORK/"
cd "$WORK"
export SOURCE_DATE_EPOCH=1738195200

# pdfinfo FILE FIELD: the value of one pdfinfo line.
info() { pdfinfo "$1" | sed -n "s/^$2: *//p"; }

$FIGPRESS render reports/briefing.md -o plain.pdf || fail "plain render"
pages=$(info plain.pdf Pages)
[ "$pages" -ge 2 ] || fail "briefing has $pages pages"

$FIGPRESS render reports/briefing.md --handout 2 -o h2.pdf || fail "2-up"
$FIGPRESS render reports/briefing.md --handout 4 -o h4.pdf || fail "4-up"
[ "$(info h2.pdf Pages)" -eq $(( (pages + 1) / 2 )) ] ||
    fail "2-up: $(info h2.pdf Pages) sheets for $pages pages"
[ "$(info h4.pdf Pages)" -eq $(( (pages + 3) / 4 )) ] ||
    fail "4-up: $(info h4.pdf Pages) sheets for $pages pages"
# 2-up turns A4 landscape, 4-up stays portrait.
info h2.pdf "Page size" | grep -q "^841.89 x 595.276 pts" ||
    fail "2-up sheet: $(info h2.pdf 'Page size')"
info h4.pdf "Page size" | grep -q "^595.276 x 841.89 pts" ||
    fail "4-up sheet: $(info h4.pdf 'Page size')"
# --paper names the sheet in a handout; the pages keep their A4 layout.
$FIGPRESS render reports/briefing.md --handout 2 --paper Letter -o hl.pdf ||
    fail "Letter handout"
info hl.pdf "Page size" | grep -q "^792 x 612 pts" ||
    fail "Letter sheet: $(info hl.pdf 'Page size')"
pdftotext -enc UTF-8 hl.pdf hl.txt
contains hl.txt "Trang $pages/$pages"
# An orientation --paper names is the sheet's, the grid follows it (it
# was ignored: "A4 landscape" with 4-up came out portrait).
$FIGPRESS render reports/briefing.md --handout 4 --paper "A4 landscape" \
    -o h4l.pdf || fail "4-up landscape"
info h4l.pdf "Page size" | grep -q "^841.89 x 595.276 pts" ||
    fail "4-up on A4 landscape: $(info h4l.pdf 'Page size')"
$FIGPRESS render reports/briefing.md --handout 2 --paper "A5 portrait" \
    -o h2p.pdf || fail "2-up portrait"
info h2p.pdf "Page size" | grep -q "^419.528 x 595.276 pts" ||
    fail "2-up on A5 portrait: $(info h2p.pdf 'Page size')"
pdftotext -enc UTF-8 -f 1 -l 1 h2p.pdf h2p.txt
contains h2p.txt "Trang 2/$pages"

# The text survives imposition, with every original page number.
pdftotext -enc UTF-8 h2.pdf h2.txt
contains h2.txt "DeepSeek và cuộc đua chi tiêu AI"
contains h2.txt "khoảng 5,6 triệu USD"
contains h2.txt "48,39 tỷ USD"
p=1
while [ $p -le "$pages" ]; do
    contains h2.txt "Trang $p/$pages"
    p=$((p + 1))
done
# Two pages side by side: page 2 is on the first sheet.
pdftotext -enc UTF-8 -f 1 -l 1 h2.pdf sheet1.txt
contains sheet1.txt "Trang 2/$pages"

# faces FILE: the embedded font subsets, tag dropped, one a line, sorted.
faces() { pdffonts "$1" | tail -n +3 | awk '{sub(/^[A-Z]+\+/, "", $1); print $1, $2}' | sort; }

# Valid, vector (no page turned into an image), every face embedded once:
# the same subsets as the plain PDF, not one set per page or sheet.
faces plain.pdf > plain-fonts.txt
[ -s plain-fonts.txt ] || fail "plain.pdf lists no fonts"
for f in h2.pdf h4.pdf; do
    qpdf --check $f > qpdf.txt 2>&1 || fail "qpdf --check $f: $(cat qpdf.txt)"
    [ "$(pdfimages -list $f | tail -n +3 | wc -l)" -eq 0 ] ||
        fail "$f has raster images"
    faces $f > fonts.txt
    cmp -s fonts.txt plain-fonts.txt ||
        fail "$f fonts differ from the report's: $(cat fonts.txt)"
    pdffonts $f | awk 'NR > 2 && $(NF-4) != "yes" {bad=1} END {exit bad}' ||
        fail "$f: a font is not embedded"
done

# Same inputs, same bytes.
$FIGPRESS render reports/briefing.md --handout 2 -o h2b.pdf
cmp -s h2.pdf h2b.pdf || fail "two handouts differ"

# A page with links and destinations, imposed: still a valid PDF (cairo
# 1.16 damages the xref for links on untagged pages).
cat > links.md <<'MD'
---
title: Links
lang: en
---

# First

See [the source](https://example.com/a) and [the second part](#second).

# Second

Back to [the first part](#first).
MD
$FIGPRESS render links.md --handout 4 -o links.pdf || fail "links handout"
qpdf --check links.pdf > qpdf.txt 2>&1 || fail "links handout: $(cat qpdf.txt)"
pdftotext links.pdf links.txt
contains links.txt "the second part"

# Without -o a handout goes beside the report, not over its PDF.
$FIGPRESS render reports/briefing.md --handout 2 || fail "default name"
[ -f reports/briefing-handout.pdf ] || fail "no reports/briefing-handout.pdf"
[ ! -e reports/briefing.pdf ] || fail "the handout took the report's name"
mkdir hand
$FIGPRESS render reports/briefing.md --handout 4 -o hand/ || fail "folder"
[ -f hand/briefing-handout.pdf ] || fail "no hand/briefing-handout.pdf"

# Only 2 and 4.
for n in 0 1 3 5 8 two 2x ""; do
    expect_status 2 $FIGPRESS render reports/briefing.md --handout "$n" \
        -o bad.pdf 2>err.txt
    contains err.txt "--handout takes 2 or 4"
done
[ ! -e bad.pdf ] || fail "a usage error wrote a file"
exit 0
