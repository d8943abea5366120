# Charts too tall or too crowded for the page: forty hbar rows close up to
# fit an A4 page above its footer, and forty vertical bars stand their
# labels upright; sixty rows on A5 are an error at the type key, and
# nothing is written.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
mkdir data reports
{
    echo "store,sales"
    i=1
    while [ $i -le 60 ]; do
        printf 'Store %02d — Lancaster,"$%d,000"\n' $i $((100 + i * 13 % 97))
        i=$((i + 1))
    done
} > data/stores.csv
head -41 data/stores.csv > data/forty.csv
chart() {   # chart TYPE CSV
    printf '```chart\ntype: %s\ndata: ../data/%s\nvalue: sales\n' "$1" "$2"
    printf 'title: Sales\nsource: Tills\n```\n\n'
}
{
    printf -- '---\ntitle: Fit\nlang: en\n---\n\nText.\n\n'
    chart hbar forty.csv
    chart bar forty.csv
} > reports/fit.md
$FIGPRESS render reports/fit.md -o fit.pdf || fail "render"
# No word reaches down to the footer ("Page N of M") on any page: the
# chart did not run over the footer and off the page.  Fields split at
# '"': $8 is a word's yMax.
pdftotext -bbox fit.pdf bbox.html
awk -F'"' '/<page / { page++ }
    /<word / { y[page, ++n[page]] = $8; w[page, n[page]] = $0 }
    END {
        for (p = 1; p <= page; p++) {
            foot = 0
            for (i = 1; i <= n[p]; i++)
                if (w[p, i] ~ />Page</) foot = y[p, i]
            if (foot == 0) { print "no footer on page " p; exit 1 }
            for (i = 1; i <= n[p]; i++)
                if (y[p, i] + 0 > foot - 10 &&
                    w[p, i] !~ />(Page|[0-9]+|of)</) {
                    print "page " p ": " w[p, i]; exit 1
                }
        }
    }' bbox.html > over.txt || fail "text under the footer: $(cat over.txt)"
pdftotext fit.pdf fit.txt
contains fit.txt "Store 40 — Lancaster"
grep -c '\$[0-9]*,000' fit.txt > n.txt
[ "$(cat n.txt)" -ge 80 ] || fail "value labels missing: $(cat n.txt) of 80"

{
    printf -- '---\ntitle: Too many\nlang: en\npaper: A5\n---\n\nText.\n\n'
    chart hbar stores.csv
} > reports/many.md
$FIGPRESS render reports/many.md -o many.pdf 2> err.txt
[ $? -eq 1 ] || fail "60 rows on A5: exit status"
[ ! -e many.pdf ] || fail "a PDF was written"
want='^reports/many\.md:10:7: error: chart: type: 60 categories do not fit'
want="$want down one page as horizontal bars \\(at most [0-9]+ here\\)"
grep -qE "$want" err.txt || fail "error: $(cat err.txt)"
exit 0
