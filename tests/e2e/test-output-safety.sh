# What an output must never replace: a file the render reads (-o or -M
# naming the report, a CSV, a bundled font, under any spelling or through
# a link), the output itself (-M = -o), a device, FIFO or folder (as root,
# -o /dev/null replaced /dev/null with a PDF); two reports of a batch, or
# of a watch, given one output.  Each is refused with a located error and
# nothing is written.  And a report of more pages than there are file
# descriptors renders to one file a page.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/reports" "$ROOT/data" "$WORK/"
cd "$WORK"
mkdir out
snap() { find reports data out -printf '%p %s %T@\n' | sort; find reports data -type f -exec md5sum {} + | sort; }
# refused WHAT EXPECT ARGS...: render exits 1 naming EXPECT, nothing changes.
refused() {
    what=$1 expect=$2; shift 2
    snap > before
    expect_status 1 $FIGPRESS render "$@" 2> err.txt
    grep -qE -- "$expect" err.txt || fail "$what: $(cat err.txt)"
    grep -qvE '^[^ ]+: error: ' err.txt && fail "$what: unlocated: $(cat err.txt)"
    snap > after
    cmp -s before after || { diff before after; fail "$what: files changed"; }
}
fontfile=$(ls "$ROOT"/fonts/NotoSerif-Regular.ttf)
b=reports/briefing.md
refused "-o the report" "^reports/briefing.md: error: will not write over reports/briefing.md" $b -o $b
refused "-o a CSV" "will not write over data/ai-spend.csv" $b -o data/ai-spend.csv
refused "-o a CSV, spelt otherwise" "will not write over data/meta-users.csv" $b -o reports/../data/./meta-users.csv
ln -s ../reports/briefing.md out/link.md
refused "-o a link to the report" "will not write over reports/briefing.md" $b -o out/link.md
ln data/meta-q4-2024.csv out/hard.pdf
refused "-o a hard link to a CSV" "will not write over data/meta-q4-2024.csv" $b -o out/hard.pdf
rm out/hard.pdf
refused "-o a font" "will not write over .*NotoSerif-Regular.ttf" $b -o "$fontfile"
refused "-M the report" "will not write over reports/briefing.md" $b -o out/x.pdf -M $b
refused "-M the output" "out/x.pdf: error: -M names the output itself" $b -o out/x.pdf -M out/x.pdf
refused "-M a page" "out/x-2.svg: error: -M names the output itself" $b --format svg -o out/x.svg -M out/x-2.svg
mkfifo out/fifo.pdf
refused "-o a FIFO" "out/fifo.pdf: error: cannot write: .*not a regular file" $b -o out/fifo.pdf
ln -s /dev/null out/null.pdf
refused "-o a link to /dev/null" "out/null.pdf: error: cannot write: .*not a regular file" $b -o out/null.pdf
refused "-M a folder" "out: error: cannot write: it is a folder" $b -o out/y.pdf -M out
if mknod out/dev.pdf c 1 3 2>/dev/null; then
    refused "-o a device" "out/dev.pdf: error: cannot write: .*not a regular file" $b -o out/dev.pdf
    [ -c out/dev.pdf ] || fail "the device was replaced"
fi

# Two reports of one name in a batch or a watch: a usage error at once.
mkdir reports/other
cp reports/briefing.md reports/other/
snap > before
expect_status 2 $FIGPRESS render $b reports/other/briefing.md -o out/ 2> err.txt
contains err.txt "reports/briefing.md and reports/other/briefing.md would both be written to out/briefing.pdf"
expect_status 2 $FIGPRESS watch $b reports/other/briefing.md -o out 2> err.txt
contains err.txt "would both be written to out/briefing.pdf"
snap > after
cmp -s before after || fail "a refused batch wrote"
# The same report twice is only rendered twice.
expect_status 0 $FIGPRESS render $b ./$b -o out/
[ -s out/briefing.pdf ] || fail "no PDF"
rm -r reports/other

# A good render beside all this still works, and a link at -o is replaced
# by the PDF, its target untouched.
echo target > out/target.txt
ln -s target.txt out/via-link.pdf
expect_status 0 $FIGPRESS render $b -o out/via-link.pdf -M out/via-link.d
[ -f out/via-link.pdf ] && [ ! -L out/via-link.pdf ] || fail "link not replaced"
[ "$(cat out/target.txt)" = target ] || fail "written through the link"
head -1 out/via-link.d | grep -q '^out/via-link.pdf:' || fail "depfile"

# More pages than descriptors: one file a page, each closed once written.
{ printf '```\n'; i=0; while [ $i -lt 1500 ]; do echo "dòng $i"; i=$((i + 1)); done; printf '```\n'; } > reports/pages.md
( ulimit -n 24 && $FIGPRESS render reports/pages.md --format png --dpi 10 -o out/p.png ) 2> err.txt ||
    fail "many pages, few descriptors: $(cat err.txt)"
n=$(ls out | grep -c '^p-[0-9]*\.png$')
[ "$n" -ge 30 ] || fail "only $n pages"
ls -A out | grep -q '^\.' && fail "temporary file left: $(ls -A out)"
exit 0
