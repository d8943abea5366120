# Paper: A4, A5 and Letter, portrait or landscape, from the front matter or
# --paper; the briefing keeps all its words on A5 (wrapped headings too).
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/reports" "$ROOT/data" "$WORK/"
cd "$WORK"

size() { pdfinfo "$1" | sed -n 's/^Page size: *//p'; }
# paper REPORT WORDS: a copy of REPORT whose front matter says paper: WORDS.
paper() { sed "s/^paper: .*/paper: $2/" "$1" > "reports/p.md"; }

$FIGPRESS render reports/briefing.md --paper A5 -o a5.pdf || fail "A5"
size a5.pdf | grep -q '^419.528 x 595.276 pts' || fail "A5: $(size a5.pdf)"
$FIGPRESS render reports/briefing.md --paper Letter -o lt.pdf || fail "Letter"
size lt.pdf | grep -q '^612 x 792 pts' || fail "Letter: $(size lt.pdf)"
$FIGPRESS render reports/briefing.md --paper "a4 LANDSCAPE" -o l.pdf ||
    fail "A4 landscape"
size l.pdf | grep -q '^841.89 x 595.276 pts' || fail "landscape: $(size l.pdf)"

paper reports/briefing.md "A5 landscape"
$FIGPRESS render reports/p.md -o fm.pdf || fail "front matter paper"
size fm.pdf | grep -q '^595.276 x 419.528 pts' || fail "fm: $(size fm.pdf)"
# --paper wins over the front matter; the orientation stays unless named.
$FIGPRESS render reports/p.md --paper Letter -o over.pdf || fail "override"
size over.pdf | grep -q '^792 x 612 pts' || fail "override: $(size over.pdf)"
$FIGPRESS render reports/p.md --paper "Letter portrait" -o port.pdf ||
    fail "override portrait"
size port.pdf | grep -q '^612 x 792 pts' || fail "portrait: $(size port.pdf)"
paper reports/briefing.md "B5"
expect_status 1 $FIGPRESS render reports/p.md -o bad.pdf 2>err.txt
contains err.txt "p.md:"
contains err.txt "paper"

# On A5 the long subtitle and the first heading wrap; every line of them
# is drawn (pdftotext joins the lines with a newline: compare words).
pdftotext -enc UTF-8 a5.pdf a5.txt
tr '\n' ' ' < a5.txt > a5-flat.txt
contains a5-flat.txt "kết quả quý IV/2024 của Meta"
contains a5-flat.txt "so với hơn 60 tỷ USD"
contains a5-flat.txt "khoảng 5,6 triệu USD"
pages=$(pdfinfo a5.pdf | awk '/^Pages:/ {print $2}')
contains a5.txt "Trang $pages/$pages"
qpdf --check a5.pdf > qpdf.txt 2>&1 || fail "qpdf A5: $(cat qpdf.txt)"
# And every word of the A4 PDF is in the A5 one.
$FIGPRESS render reports/briefing.md -o a4.pdf || fail "A4"
pdftotext -enc UTF-8 a4.pdf - | tr -s ' \n' '\n\n' | grep -v '^Trang' |
    sort -u > a4-words.txt
tr -s ' \n' '\n\n' < a5.txt | grep -v '^Trang' | sort -u > a5-words.txt
missing=$(comm -23 a4-words.txt a5-words.txt | grep -v '^[0-9/]*$' | head -5)
[ -z "$missing" ] || fail "words missing on A5: $missing"
exit 0
