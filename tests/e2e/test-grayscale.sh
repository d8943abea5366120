# Greyscale: --grayscale and `print: grayscale` leave no coloured pixel on a
# rasterised page (text, links, rules, charts, tables), and bars of
# several series get hatch patterns.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/reports" "$ROOT/data" "$WORK/"
cd "$WORK"

# tinted FILE.pdf: coloured pixels (r, g, b unequal) over all its pages,
# rasterised at 40 dpi and read back with od and awk.
tinted() {
    rm -f ras-*.ppm
    pdftoppm -r 40 "$1" ras || fail "pdftoppm $1"
    for p in ras-*.ppm; do
        hdr=$(head -n 3 "$p" | wc -c)
        tail -c +$((hdr + 1)) "$p" | od -A n -v -t u1 -w3
    done | awk 'NF == 3 && ($1 != $2 || $2 != $3) {n++} END {print n + 0}'
}

# A report that uses every colour the page has: a link, code, a quote, a
# table, a three-series chart.
cat > q.csv <<'CSV'
quarter,revenue,profit,capex
Q1,"$36.5 billion","$12.4 billion","$6.7 billion"
Q2,"$39.1 billion","$13.5 billion","$8.5 billion"
Q3,"$40.6 billion","$15.7 billion","$9.2 billion"
Q4,"$48.4 billion","$20.8 billion","$14.8 billion"
CSV
cat > mix.md <<'MD'
---
title: Grey check
author: Test
date: 2025-01-30
lang: en
---

# Quarters

Text with a [link to the source](https://example.com/q4) and an
[internal link](#quarters), some `code` and **bold** words.

> A quoted remark about the quarter.

```chart
type: grouped
data: q.csv
label: quarter
value: [revenue, profit, capex]
title: Revenue, profit and capital spending
source: Company filings
```

```table
data: q.csv
columns: [quarter, revenue, profit]
```
MD
sed 's/^lang: en$/lang: en\nprint: grayscale/' mix.md > mix-fm.md

# The checker sees colour where there is some, so it can fail.
$FIGPRESS render reports/briefing.md -o colour.pdf || fail "colour render"
[ "$(tinted colour.pdf)" -gt 100 ] || fail "the colour briefing has no colour"
$FIGPRESS render mix.md -o mix-colour.pdf || fail "colour mix"
[ "$(tinted mix-colour.pdf)" -gt 100 ] || fail "the colour mix has no colour"

$FIGPRESS render reports/briefing.md --grayscale -o grey.pdf || fail "grey"
n=$(tinted grey.pdf); [ "$n" -eq 0 ] || fail "briefing: $n coloured pixels"
$FIGPRESS render mix.md --grayscale -o mix-grey.pdf || fail "grey mix"
n=$(tinted mix-grey.pdf); [ "$n" -eq 0 ] || fail "mix: $n coloured pixels"
# The front matter says the same as the flag.
$FIGPRESS render mix-fm.md -o mix-fm.pdf || fail "print: grayscale"
n=$(tinted mix-fm.pdf); [ "$n" -eq 0 ] || fail "print: grayscale: $n coloured"
# And so does a handout.
$FIGPRESS render reports/briefing.md --grayscale --handout 4 -o h.pdf ||
    fail "grey handout"
n=$(tinted h.pdf); [ "$n" -eq 0 ] || fail "handout: $n coloured pixels"

# The PNG output itself (decoded by a small cairo program).
cc -o pngstat "$ROOT/tests/e2e/pngstat.c" $(pkg-config --cflags --libs cairo) ||
    fail "cannot build pngstat"
$FIGPRESS render mix.md --grayscale --format png --dpi 60 -o g.png ||
    fail "grey png"
set -- $(./pngstat g-1.png)
[ "$4" -eq 0 ] || fail "grey PNG: $4 coloured pixels"
$FIGPRESS render mix.md --format png --dpi 60 -o c.png || fail "colour png"
set -- $(./pngstat c-1.png)
[ "$4" -gt 0 ] || fail "colour PNG has no colour"

# SVG: every colour written is a grey; the bars of series 2 and 3 are
# hatched (each hatch is clipped to its bar), the colour chart is not.
$FIGPRESS render mix.md --grayscale --format svg -o g.svg || fail "grey svg"
grep -o 'rgb([^)]*)' g-1.svg | awk -F'[(,)]' '$2 != $3 || $3 != $4 {bad=1}
    END {exit bad}' || fail "a colour in the grey SVG"
$FIGPRESS render mix.md --format svg -o c.svg || fail "colour svg"
hatched=$(grep -c '<clipPath' g-1.svg)
plain=$(grep -c '<clipPath' c-1.svg)
[ "$hatched" -ge $((plain + 8)) ] ||
    fail "grey chart not hatched: $hatched clips against $plain"

# Distinct greys for the three series: the legend swatches differ.
[ "$(grep -o 'rgb([^)]*)' g-1.svg | sort -u | wc -l)" -ge 8 ] ||
    fail "too few greys"
exit 0
