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
rm -f d.csv
check missing-file '' "" 
exit 0
