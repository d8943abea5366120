# A block quote's bar runs through the gap between its paragraphs and ends
# with its last line, not in the space after the quote.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
cc -o pngstat "$ROOT/tests/e2e/pngstat.c" \
    $(pkg-config --cflags --libs cairo) || fail "cannot build pngstat"
printf -- '---\ntitle: Q\nlang: en\npaper: A4\n---\n\n' > q.md
printf 'Before the quote.\n\n> First paragraph of the quote.\n>\n' >> q.md
printf '> Second and last paragraph.\n\n' >> q.md
printf 'After the quote.\n' >> q.md
$FIGPRESS render q.md -o q.pdf || fail "render"
# At 72 dpi a pixel is a point; the bar stands 4 pt inside the 62 pt
# margin of A4.
$FIGPRESS render q.md --format png --dpi 72 -o q.png || fail "png"
pdftotext -bbox q.pdf bbox.html
# Where the words stand: the quote's first line, its last line and the
# paragraph after it, in points from the top.
first=$(awk -F'"' '/>First</ { print int($4); exit }' bbox.html)
last=$(awk -F'"' '/>paragraph\.</ { print int($8 + 0.999) }' bbox.html |
    tail -1)
after=$(awk -F'"' '/>After</ { print int($4); exit }' bbox.html)
[ -n "$first" ] && [ -n "$last" ] && [ -n "$after" ] || fail "words not found"
set -- $(./pngstat q-1.png 66 $((first - 12)) "$after")
top=$1 bottom=$2
[ "$top" -ge 0 ] || fail "no quote bar in column 66"
[ "$top" -le "$first" ] || fail "bar starts at $top, below the quote ($first)"
# The bar runs on through the second paragraph.
[ "$bottom" -gt $((first + 20)) ] || fail "bar ends at $bottom"
[ "$bottom" -le $((last + 4)) ] ||
    fail "bar runs on to $bottom pt, past the last line ($last pt)"
exit 0
