# Bad CSV data: each case exits 1 with a located error naming the CSV file
# (and, for a cell, its column), and writes no output file.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
printf -- '---\ntitle: T\n---\n\n```chart\ndata: d.csv\nlabel: name\nvalue: amount\n```\n' > r.md
# case | CSV content (printf format) | expected error prefix and words
check() {
    printf "$2" > d.csv
    rm -f o.pdf
    "$FIGPRESS" render r.md -o o.pdf 2> err.txt
    status=$?
    [ "$status" -eq 1 ] || fail "$1: exit $status"
    [ ! -e o.pdf ] || fail "$1: wrote an output file"
    head -1 err.txt | grep -qF -- "$3" || fail "$1: got '$(head -1 err.txt)', want '$3'"
    shift 3
    for w in "$@"; do
        head -1 err.txt | grep -qF -- "$w" || fail "$1: '$w' missing: $(head -1 err.txt)"
    done
}
check empty-cell 'name,amount\nA,"5,6 triệu USD"\nB,\n' "d.csv:3:3: error:" '"amount"'
check not-a-figure 'name,amount\nA,"5,6 triệu USD"\nB,abc\n' "d.csv:3:3: error:" '"amount"' abc
check english-in-vi 'name,amount\nA,"1.5 tỷ USD"\n' "d.csv:2:5: error:" '"amount"' '1,5'
check duplicate 'name,name\nA,1\n' "d.csv:1:6: error:" duplicate '"name"'
check ragged 'name,amount\nA,1,2\n' "d.csv:2:5: error:" "3 fields"
check utf8 'name,amount\nA,\377\n' "d.csv:2:3: error:" "UTF-8"
check zero-bytes '' "d.csv: error:" empty
check missing-column 'name,value\nA,1\n' "r.md:8:8: error:" '"amount"'
check unterminated 'name,amount\nA,"1\n' "d.csv:2:3: error:"
check utf16-no-bom 'n\000a\000m\000e\000' "d.csv:1:1: error:" UTF-16
check latin1 'name,amount\nA,"5,6 tri\352u USD"\n' "d.csv:2:11: error:" UTF-8
check range 'name,amount\nA,"5\342\200\2236 tri\341\273\207u USD"\n' \
    "d.csv:2:5: error:" '"amount"' range
check unnamed-value 'name,amount,\nA,1,x\n' "d.csv:1:13: error:" "no name"
check bracket-and-sign 'name,amount\nA,(-5)\n' "d.csv:2:3: error:" negative
rm -f d.csv
check missing-file '' ""

# A spreadsheet's export renders: BOM, ';' with decimal commas, CRLF, a
# delimiter ending every line, empty rows as ";;;" below the table and an
# accounting negative.  The chart and the table show every row.
printf -- '---\ntitle: T\nlang: vi\n---\n\n```chart\ndata: d.csv\nlabel: name\nvalue: amount\n```\n\n```table\ndata: d.csv\n```\n' > r.md
printf '\357\273\277name;amount;\r\nL\303\243i;1.234,5;\r\nL\341\273\227;(250,5);\r\n;;\r\n;;\r\n' > d.csv
rm -f o.pdf
"$FIGPRESS" render r.md -o o.pdf 2> err.txt || fail "export: $(cat err.txt)"
pdftotext o.pdf o.txt || fail "export: pdftotext"
for w in "L\303\243i" "1.234,5" "L\341\273\227" "-250,5"; do
    w=$(printf -- "$w")
    grep -qF -- "$w" o.txt || fail "export: '$w' missing"
done
exit 0
