# figpress watch --root: the sandbox root is the one render takes.  A report
# two folders below its data is refused by default and renders with --root.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
mkdir -p data deep/reports
printf 'entity,amount\nA,"5 triệu USD"\nB,"7 triệu USD"\n' > data/x.csv
printf -- '---\ntitle: Root\ndata: {x: ../../data/x.csv}\n---\n\nA: {{x.A.amount}}.\n' \
    > deep/reports/r.md

# watch_once ARGS...: run watch until its first line, then stop it.
watch_once() {
    rm -f w.out w.err
    $FIGPRESS watch "$@" > w.out 2> w.err &
    pid=$!
    i=0
    while [ ! -s w.out ]; do
        i=$((i + 1))
        [ $i -le 200 ] || { kill -KILL $pid; fail "no line: $(cat w.err)"; }
        kill -0 $pid 2>/dev/null || fail "watch died: $(cat w.err)"
        sleep 0.05
    done
    kill -TERM $pid
    wait $pid || fail "exit status $? on SIGTERM"
}

watch_once deep/reports/r.md -o out
grep -q 'failed' w.out || fail "outside the default root rendered: $(cat w.out)"
contains w.err "deep/reports/r.md:3:"
contains w.err "error:"
[ -e out/r.pdf ] && fail "a PDF was written"

watch_once deep/reports/r.md -o out --root "$WORK"
grep -qE 'r.md: 1 page, [0-9]+ ms$' w.out || fail "line: $(cat w.out) $(cat w.err)"
pdftotext out/r.pdf - | grep -qF "5 triệu USD" || fail "figure missing"
expect_status 2 $FIGPRESS watch deep/reports/r.md --root 2>/dev/null
exit 0
