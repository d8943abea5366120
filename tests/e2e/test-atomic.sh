# A failed render leaves the previous PDF byte for byte and no temporary
# file: a bad figure, a missing data file, a full file system (a small
# tmpfs, when this machine lets us mount one), a render killed mid-way
# (SIGKILL leaves its temporary file — nothing can catch it — and the next
# good render of the same PDF removes such files once they are stale;
# SIGTERM and SIGHUP leave nothing, for a PDF or a set of page files).
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/reports" "$ROOT/data" "$WORK/"
cd "$WORK"
export SOURCE_DATE_EPOCH=1738195200
mkdir out
$FIGPRESS render reports/briefing.md -o out/briefing.pdf || fail "first render"
cp out/briefing.pdf good.pdf
no_temp() { ls -A "$1" | grep -q '^\.' && fail "temporary file left in $1: $(ls -A "$1")"; true; }
intact() { cmp -s "$1" good.pdf || fail "$1 changed after a failed render ($2)"; }

# A bad figure in a CSV.
cp data/ai-spend.csv spend.bak
sed -i 's/khoảng 5,6 triệu USD/khoảng 5,6,7 triệu USD/' data/ai-spend.csv
expect_status 1 $FIGPRESS render reports/briefing.md -o out/briefing.pdf 2>err.txt
grep -q "^data/ai-spend.csv:2:[0-9]*: error:" err.txt || fail "no located error: $(cat err.txt)"
intact out/briefing.pdf "bad figure"
no_temp out
cp spend.bak data/ai-spend.csv

# A missing data file.
mv data/meta-users.csv users.bak
expect_status 1 $FIGPRESS render reports/briefing.md -o out/briefing.pdf 2>err.txt
contains err.txt "data/meta-users.csv"
intact out/briefing.pdf "missing file"
no_temp out
mv users.bak data/meta-users.csv

# An output folder that is not there: nothing written anywhere.
expect_status 1 $FIGPRESS render reports/briefing.md -o nowhere/x.pdf 2>err.txt
contains err.txt "nowhere/x.pdf"

# A full file system: the PDF (50 KB and more) does not fit in 16 KiB, the
# old one stays.
mkdir full
if mount -t tmpfs -o size=16k tmpfs full 2>/dev/null; then
    trap 'umount "$WORK/full" 2>/dev/null' EXIT
    head -c 2000 good.pdf > full/briefing.pdf
    cp full/briefing.pdf small.pdf
    expect_status 1 $FIGPRESS render reports/briefing.md -o full/briefing.pdf 2>err.txt
    grep -q "full/briefing.pdf: error: cannot write: No space left on device" err.txt ||
        fail "full disk: $(cat err.txt)"
    cmp -s full/briefing.pdf small.pdf || fail "full disk changed the old PDF"
    no_temp full
    umount full && trap - EXIT
else
    echo "skipped: cannot mount a tmpfs here"
fi

# wait_temp PID PATTERN: until a file matching PATTERN is in out/.
wait_temp() {
    i=0
    until ls -A out | grep -q "$2"; do
        i=$((i + 1))
        [ $i -le 400 ] || { kill -KILL $1; fail "no temporary file seen"; }
        kill -0 $1 2>/dev/null || fail "the long render ended before it could be killed"
        sleep 0.02
    done
}

# Killed mid-way: a long report, SIGKILL once its PDF is being written.
{
    printf -- '---\ntitle: Dài\nlang: vi\n---\n\n'
    yes "Chi phí huấn luyện mô hình, trung tâm dữ liệu, máy chủ và mạng; doanh thu, lợi nhuận, người dùng và kế hoạch chi tiêu của các hãng lớn trong năm tới." |
        head -n 1200 | sed G
} > reports/long.md
cp good.pdf out/long.pdf
$FIGPRESS render reports/long.md -o out/long.pdf 2>/dev/null &
pid=$!
wait_temp $pid '^\.long\.pdf\.'
kill -KILL $pid 2>/dev/null || fail "the long render ended before it could be killed"
wait $pid 2>/dev/null
cmp -s out/long.pdf good.pdf || fail "SIGKILL damaged the old PDF"
left=$(ls -A out | grep '^\.long\.pdf\.' | head -1)
[ -n "$left" ] || fail "expected the killed render's temporary file"
# A fresh leftover may belong to a render still running: kept.  An old
# one is removed by the next good render of the same PDF.
$FIGPRESS render reports/briefing.md -o out/long.pdf || fail "render after kill"
[ -e "out/$left" ] || fail "a fresh temporary file was removed"
touch -d '1 hour ago' "out/$left"
$FIGPRESS render reports/briefing.md -o out/long.pdf || fail "render after kill"
[ ! -e "out/$left" ] || fail "a stale temporary file was kept"
no_temp out

# SIGTERM (kill, a service stopping) and SIGHUP (the terminal closed) are
# caught: the temporary files go, the old outputs stay, and the process
# still ends by its signal.  For PNG, some pages are done by then.
cp good.pdf out/long.pdf
for sig in TERM HUP; do
    $FIGPRESS render reports/long.md -o out/long.pdf 2>/dev/null &
    pid=$!
    wait_temp $pid '^\.long\.pdf\.'
    kill -$sig $pid
    wait $pid; st=$?
    [ $st -gt 128 ] || fail "SIG$sig: exit $st"
    cmp -s out/long.pdf good.pdf || fail "SIG$sig damaged the old PDF"
    no_temp out
done
echo old > out/long-1.png
$FIGPRESS render reports/long.md --format png --dpi 20 -o out/long.png 2>/dev/null &
pid=$!
wait_temp $pid '^\.long-2\.png\.'
kill -TERM $pid
wait $pid
[ "$(cat out/long-1.png)" = old ] || fail "SIGTERM replaced a page"
no_temp out
exit 0
