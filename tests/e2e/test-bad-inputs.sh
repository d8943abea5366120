# Hostile inputs: every file of tests/bad/cases.tsv, and the big ones made
# here (100 MB, a million rows, 10,000 levels ...), must fail cleanly: exit
# status 1 (never 0, never a signal or a hang), only located
# "FILE[:LINE[:COL]]: error|warning: ..." lines on stderr naming the
# expected place and limit, no file created or changed.  Peak RSS of each
# run (tests/bad/rss.c) is listed in $WORK/rss.txt and printed.
. "$(dirname "$0")/lib.sh"
set -u
cp -r "$ROOT/tests/bad" "$WORK/bad"
mkdir -p "$WORK/gen/reports" "$WORK/gen/data" "$WORK/out"
cc -O2 -o "$WORK/rss" "$ROOT/tests/bad/rss.c" || fail "cannot build rss.c"
printf 'a previous good render\n' > "$WORK/out/prev.pdf"
cp "$WORK/out/prev.pdf" "$WORK/prev.copy"
: > "$WORK/rss.txt"
ncases=0

# Every file under bad/, gen/ and out/ with its type, size and mtime.
snapshot() {
    (cd "$WORK" && find bad gen out -printf '%y %p %s %T@\n' | sort)
}

# run_case NAME EXPECT CMD...: CMD must fail cleanly (see the top).
run_case() {
    name=$1 expect=$2; shift 2
    ncases=$((ncases + 1))
    snapshot > "$WORK/before"
    start=$(date +%s%N)
    "$WORK/rss" timeout 60 "$@" > "$WORK/stdout" 2> "$WORK/stderr.raw"
    st=$?
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    rss=$(sed -n 's/^rss: //p' "$WORK/stderr.raw" | tail -1)
    grep -v '^rss: ' "$WORK/stderr.raw" > "$WORK/stderr"
    printf '%-36s %8s KB %6d ms\n' "$name" "$rss" "$ms" >> "$WORK/rss.txt"
    [ "$st" -eq 1 ] || { cat "$WORK/stderr"; fail "$name: exit $st, want 1"; }
    [ -s "$WORK/stderr" ] || fail "$name: no message"
    bad=$(grep -cvE '^[^ ].*: (error|warning): .' \
        "$WORK/stderr")
    [ "$bad" -eq 0 ] || { cat "$WORK/stderr"; fail "$name: unlocated or \
garbled lines on stderr"; }
    [ "$(wc -l < "$WORK/stderr")" -le 12 ] ||
        fail "$name: $(wc -l < "$WORK/stderr") lines of messages"
    grep -qE -- "$expect" "$WORK/stderr" ||
        { cat "$WORK/stderr"; fail "$name: stderr lacks /$expect/"; }
    snapshot > "$WORK/after"
    cmp -s "$WORK/before" "$WORK/after" ||
        { diff "$WORK/before" "$WORK/after"; fail "$name: files changed"; }
    cmp -s "$WORK/out/prev.pdf" "$WORK/prev.copy" ||
        fail "$name: the previous output was touched"
}

# render_case NAME EXPECT REPORT [ARGS...]: with -o onto an existing file.
render_case() {
    n=$1 e=$2 r=$3; shift 3
    run_case "$n" "$e" "$FIGPRESS" render "$r" -o "$WORK/out/prev.pdf" "$@"
}

# --- the files of tests/bad --------------------------------------------------
cd "$WORK/bad"
while IFS='	' read -r cmd file args expect; do
    case "$cmd" in ''|'#'*) continue ;; esac
    [ "$args" = "-" ] && args=
    if [ "$cmd" = extract ]; then
        run_case "$file" "$expect" "$FIGPRESS" extract "$file"
        [ "$(cat "$WORK/stdout")" = "line,column,text,value,unit,bound,context" ] ||
            fail "$file: extract printed rows for a bad file"
        continue
    fi
    dir=$(dirname "$file") base=$(basename "$file")
    # shellcheck disable=SC2086 # args holds whole words
    (cd "$dir" && render_case "$file" "$expect" "$base" $args) || exit 1
    # Without -o: REPORT.pdf beside it must not appear (the snapshot).
    (cd "$dir" && run_case "$file (no -o)" "$expect" "$FIGPRESS" render \
        "$base" $args) || exit 1
    ncases=$((ncases + 2))
done < cases.tsv

# --- generated: too big, too many, too deep -----------------------------------
cd "$WORK/gen/reports"
d=../data
head -c 100000000 /dev/zero | tr '\0' 'a' > $d/big-line.txt
render_case big-line-report "big-line\.txt: error: larger than the limit of 16 MiB" $d/big-line.txt
run_case big-line-extract "big-line\.txt: error: larger than 64 MiB" \
    "$FIGPRESS" extract $d/big-line.txt
printf '```chart\ndata: ../data/big-line.txt\n```\n' > big-line-csv.md
render_case big-line-csv "big-line\.txt: error: file is larger than the 64 MiB limit" big-line-csv.md

awk 'BEGIN { print "name,v"; for (i = 0; i <= 1000000; i++) print "r" i "," i }' > $d/rows.csv
printf '```chart\ndata: ../data/rows.csv\n```\n' > rows-over.md
render_case rows-1000001 "rows\.csv:1000002:1: error: more than 1000000 data rows" rows-over.md
head -n 1000001 $d/rows.csv > $d/rows1m.csv
printf '# T\n\n```table\ndata: ../data/rows1m.csv\n```\n' > rows-table.md
render_case rows-1m-table "rows-table\.md:4:7: error: table: data: .* has 1000000 data rows, more than the limit of 30000" rows-table.md
printf '```chart\ndata: ../data/rows1m.csv\n```\n' > rows-chart.md
render_case rows-1m-chart "rows-chart\.md:2:7: error: chart: data: .*more than the limit of 60" rows-chart.md
head -n 100001 $d/rows.csv > $d/cats.csv
printf '```chart\ntype: hbar\ndata: ../data/cats.csv\n```\n' > cats.md
render_case categories-100000 "cats\.md:3:7: error: chart: data: .* has 100000 data rows, more than the limit of 60 for a chart" cats.md
awk 'BEGIN { for (r = 0; r < 2; r++) { for (i = 0; i < 10000; i++) printf "%s%s", (i ? "," : ""), (r ? i : "c" i); print "" } }' > $d/cols.csv
printf '```chart\ndata: ../data/cols.csv\n```\n' > cols.md
render_case columns-10000 "cols\.csv:1:[0-9]+: error: more than 1000 columns" cols.md

awk 'BEGIN { for (i = 0; i < 10000; i++) printf "- "; print "x" }' > deep-list.md
render_case deep-list "deep-list\.md:1: error: .*nested more than 32 levels" deep-list.md
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "1. "; print "x" }' > deep-ordered.md
render_case deep-ordered "deep-ordered\.md:1: error: .*nested more than 32" deep-ordered.md
awk 'BEGIN { for (i = 0; i < 10000; i++) printf ">"; print " x" }' > deep-quote.md
render_case deep-quote "deep-quote\.md:1: error: .*nested more than 32" deep-quote.md
awk 'BEGIN { for (i = 0; i < 5000; i++) printf "> - "; print "x" }' > deep-mixed.md
render_case deep-mixed "deep-mixed\.md:1: error: .*nested more than 32" deep-mixed.md
awk 'BEGIN { for (i = 0; i < 40; i++) { for (j = 0; j < i; j++) printf "  "; print "- x" } }' > deep-indented.md
render_case deep-indented "deep-indented\.md:[0-9]+: error: .*nested more than 32" deep-indented.md
awk 'BEGIN { printf "```chart\ndata: ../data/cats.csv\nvalue: "; for (i = 0; i < 10000; i++) printf "["; for (i = 0; i < 10000; i++) printf "]"; print "\n```" }' > deep-yaml.md
render_case deep-yaml "deep-yaml\.md:3:[0-9]+: error: chart: too deeply nested" deep-yaml.md

head -n 4 $d/rows.csv > $d/small.csv
awk 'BEGIN { for (i = 0; i < 1001; i++) print "```chart\ndata: ../data/small.csv\n```\n" }' > charts.md
render_case charts-1001 "charts\.md:4001:1: error: chart: more than 1000 charts" charts.md
awk 'BEGIN { print "```"; for (i = 0; i < 5001; i++) print "x"; print "```" }' > code-lines.md
render_case code-5001-lines "code-lines\.md:1: error: a block of more than 5000 lines" code-lines.md
awk 'BEGIN { for (i = 0; i < 6000; i++) print "x\\"; print "x" }' > hard-breaks.md
render_case hard-breaks-6000 "hard-breaks\.md:1: error: a block of more than 5000 lines" hard-breaks.md
awk 'BEGIN { printf "---\ntitle: "; for (i = 0; i < 5000; i++) printf "W"; print "\n---\nx" }' > long-title.md
render_case long-title "long-title\.md:2:8: error: front matter: title: longer than the limit of 4096 bytes" long-title.md
# One paragraph of 600 KB: past 2^31 Pango units wide, it was set as one
# line and the rest of the text was silently dropped (exit 0).
awk 'BEGIN { for (i = 0; i < 60000; i++) printf "chi phí %d ", i; print "" }' > long-line.md
render_case long-line-600k "long-line\.md:1: error: a line of more than 32 KiB of text" long-line.md
awk 'BEGIN { printf "```\n"; for (i = 0; i < 4000; i++) printf "x = %d; ", i; print "\n```" }' > long-code-line.md
render_case long-code-line "long-code-line\.md:1: error: a line of more than 32 KiB" long-code-line.md
# 80,000 links in one paragraph (hard breaks keep its lines short) took
# 21 s to draw; 1,000 table columns 117 s and 3.3 GB (10,000 rows).
awk 'BEGIN { for (l = 0; l < 4000; l++) { for (i = 0; i < 20; i++) printf "[l%d](u%d) ", i, l; print "\\" } print "x" }' > links.md
render_case links-80000 "links\.md:1: error: more than 10000 links and styled runs in one block" links.md
awk 'BEGIN { for (r = 0; r < 3; r++) { for (i = 0; i < 1000; i++) printf "%s%s", (i ? "," : ""), (r ? i : "c" i); print "" } }' > $d/wide.csv
printf '# T\n\n```table\ndata: ../data/wide.csv\n```\n' > wide-table.md
render_case table-1000-columns "wide-table\.md:4:7: error: table: 1000 columns, more than the limit of 40" wide-table.md
awk 'BEGIN { for (r = 0; r < 3; r++) { printf "|"; for (i = 0; i < 50; i++) printf " %s |", (r == 1 ? "---" : "x"); print "" } }' > wide-pipe.md
render_case pipe-50-columns "wide-pipe\.md:1: error: a table of more than 40 columns" wide-pipe.md
head -n 16001 $d/rows.csv > $d/rows16k.csv
printf '```table\ndata: ../data/rows16k.csv\n```\n\n```table\ndata: ../data/rows16k.csv\n```\n' > table-rows.md
render_case table-rows-32000 "table-rows\.md:5:1: error: table: more than 30000 table rows in one report" table-rows.md
awk 'BEGIN { for (b = 0; b < 46; b++) { print "```"; for (i = 0; i < 4990; i++) print "x"; print "```\n" } }' > pages.md
render_case pages-5218 "pages\.md:2[0-9]{5}: error: the layout passes the limit of 5000 pages here" pages.md

# --- special files and links ----------------------------------------------------
mkfifo $d/fifo.csv
printf '```chart\ndata: ../data/fifo.csv\n```\n' > fifo.md
render_case fifo "fifo\.csv: error: is a FIFO or socket" fifo.md
ln -s /dev/zero $d/zero.csv
printf '```chart\ndata: ../data/zero.csv\n```\n' > zero.md
render_case zero-link "zero\.md:2:7: error: data: \.\./data/zero\.csv leads to /dev/zero, outside the report's root" zero.md
render_case zero-link-root "zero\.csv: error: file is larger than the 64 MiB limit" zero.md --root /
ln -s /etc/passwd $d/passwd.csv
printf -- '---\ndata: {p: ../data/passwd.csv}\n---\nx\n' > link-out.md
render_case link-out "link-out\.md:2:[0-9]+: error: front matter: data: .* leads to /etc/passwd, outside" link-out.md
ln -s ../.. $d/up
printf '```chart\ndata: ../data/up/bad/data/good.csv\n```\n' > dir-link.md
render_case dir-link "dir-link\.md:2:7: error: data: .*outside the report's root" dir-link.md
render_case missing-root "nowhere: error: --root: No such file" zero.md --root "$WORK/nowhere"
# The report itself a directory, /dev/zero, a FIFO nobody writes to (data
# named on the command line is the user's own choice; only a hang is wrong).
render_case report-dir "reports: error: cannot read" ../reports
render_case report-dev-zero "/dev/zero: error: larger than the limit of 16 MiB" /dev/zero

# --- a data file that disappears mid-render (best effort) ---------------------
# 400 charts over 400 files, deleted while the render runs: the render must
# end with 0 or 1, never a signal, and a failure must say where.
rm -f $d/big-line.txt $d/rows.csv $d/rows1m.csv
i=0
while [ $i -lt 400 ]; do
    printf 'name,v\nA,%d\nB,2\n' $((i + 1)) > $d/v$i.csv
    printf '```chart\ndata: ../data/v%d.csv\n```\n\n' $i
    i=$((i + 1))
done > vanish.md
"$FIGPRESS" render vanish.md -o "$WORK/out/vanish.pdf" 2> "$WORK/stderr" &
pid=$!
i=399
while [ $i -ge 0 ]; do rm -f $d/v$i.csv; i=$((i - 1)); done
wait $pid
st=$?
[ "$st" -eq 0 ] || [ "$st" -eq 1 ] || fail "vanish: exit $st"
if [ "$st" -eq 1 ]; then
    grep -qE 'v[0-9]+\.csv: error: cannot read data file' "$WORK/stderr" ||
        fail "vanish: $(head -3 "$WORK/stderr")"
    [ ! -e "$WORK/out/vanish.pdf" ] || fail "vanish: failed, yet wrote"
else
    pdfinfo "$WORK/out/vanish.pdf" > /dev/null || fail "vanish: bad PDF"
fi
printf '%-36s exit %s\n' vanish "$st" >> "$WORK/rss.txt"
ls "$WORK/out" | grep -v '^prev.pdf$\|^vanish.pdf$' && fail "temporary files left"

echo "$ncases hostile inputs, peak RSS and time of each:"
cat "$WORK/rss.txt"
exit 0
