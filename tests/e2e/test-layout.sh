# Layout end to end: page count, running header and footer, the table
# header repeated on every continuation page, the outline, external and
# internal links, qpdf-clean tagged output, identical bytes across runs.
. "$(dirname "$0")/lib.sh"
sh "$ROOT/tests/layout/gen-long.sh" "$WORK" || fail "generator"
cd "$WORK"
$FIGPRESS render long.md -o a.pdf || fail "render"
$FIGPRESS render long.md -o b.pdf || fail "second render"
cmp -s a.pdf b.pdf || fail "two renders of the same input differ"
# Hundreds of texts are set on two threads, whichever takes each first:
# the bytes must not depend on which did.
awk 'BEGIN { print "---\ntitle: Nhiều đoạn\nlang: vi\ndate: 2025-01-30\n---\n";
    for (p = 1; p <= 300; p++) {
        if (p % 25 == 1) printf "## Phần %d\n\n", p;
        printf "Đoạn %d:", p;
        for (w = 0; w < 40 + (p * 7) % 60; w++) printf " chữ%d", (p * w) % 97;
        print "\n" } }' > many.md
i=0
while [ "$i" -lt 4 ]; do
    $FIGPRESS render many.md -o "many$i.pdf" || fail "render many.md"
    cmp -s many0.pdf "many$i.pdf" || fail "render $i of many.md differs"
    i=$((i + 1))
done

pdfinfo a.pdf > info.txt
pages=$(awk '/^Pages:/ {print $2}' info.txt)
[ "$pages" -ge 3 ] || fail "only $pages pages"
grep -qE '^Tagged: +yes' info.txt || fail "not tagged"
qpdf --check a.pdf > qpdf.txt 2>&1 || fail "qpdf --check: $(cat qpdf.txt)"

# Header (from page 2), footer on every page, table header on every page
# the table continues onto.
table_pages=0
p=1
while [ "$p" -le "$pages" ]; do
    pdftotext -f "$p" -l "$p" -layout a.pdf "page$p.txt"
    contains "page$p.txt" "Page $p of $pages"
    if [ "$p" -gt 1 ]; then
        head -3 "page$p.txt" | grep -q "Layout fixture" ||
            fail "page $p has no running header"
    fi
    if grep -q "Row [0-9]" "page$p.txt"; then
        table_pages=$((table_pages + 1))
        contains "page$p.txt" "Entity name"
    fi
    p=$((p + 1))
done
[ "$table_pages" -ge 3 ] || fail "the table spans only $table_pages pages"
# Every row once, in order, none lost at a break.
pdftotext a.pdf all.txt
n=$(grep -o "Row [0-9]*" all.txt | sort -u | wc -l)
[ "$n" -eq 120 ] || fail "$n of 120 rows in the text"

# Outline: the headings, nested.
qpdf --json a.pdf > json.txt
for h in "First section" "A subsection" "Second section" "Third section"; do
    contains json.txt "\"title\": \"$h\""
done
# Links: the external URI and the internal destination.
qpdf --qdf --object-streams=disable a.pdf qdf.pdf
contains qdf.pdf "/URI (https://example.org/figpress)"
# The outline entry and the link annotation both point at the heading's
# named destination.
n=$(grep -ac "/Dest (second-section)" qdf.pdf)
[ "$n" -ge 2 ] || fail "internal link missing ($n references)"
exit 0
