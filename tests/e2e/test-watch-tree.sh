# figpress watch when the tree around the files changes: the data folder
# removed and made again (a checkout, rm -rf and a copy back), renamed away
# and back, a CSV that is a link (its target saved, the link pointed
# elsewhere), the -o folder removed, and a save while the first render is
# still running (before its files were watched).  No render is lost; every
# wait is bounded.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/reports" "$ROOT/data" "$WORK/"
cd "$WORK"
pdf=out/briefing.pdf
: > watch.out
$FIGPRESS watch reports/briefing.md -o out > watch.out 2> watch.err &
pid=$!
trap 'kill -KILL $pid 2>/dev/null' EXIT
last() { tail -1 watch.out; }
# holds TEXT [PDF]: the PDF's text holds TEXT (a test, not a failure).
holds() { pdftotext -enc UTF-8 "${2:-$pdf}" - 2>/dev/null | tr '\n' ' ' |
    grep -qF -- "$1"; }
has() { holds "$@" || fail "${2:-$pdf} lacks '$1'"; }
users() { sed -i "s/hơn [0-9],[0-9]* tỷ/hơn $1 tỷ/" "$2"; }

wait_lines 1
has "hơn 3,35 tỷ người dùng"

# 1. The data folder removed, then copied back.
cp -r data data.bak
rm -rf data
wait_lines 2
last | grep -q "failed" || fail "no failure without data: $(last)"
grep -q "cannot watch" watch.err && fail "warned: $(cat watch.err)"
cp -r data.bak data
users 3,36 data/meta-users.csv
wait_lines 3
last | grep -q "pages" || fail "not rendered once data is back: $(last)"
has "hơn 3,36 tỷ người dùng"

# 2. Renamed away (a failure), edited there, renamed back.
mv data data.away
wait_lines 4
users 3,37 data.away/meta-users.csv
sleep 0.3
mv data.away data
i=0
until holds "hơn 3,37 tỷ người dùng"; do
    i=$((i + 1)); [ $i -le 100 ] || fail "not rendered after the rename back: $(cat watch.out)"
    sleep 0.05
done

# 3. A CSV that is a link: its target saved, then the link re-pointed.
n=$(lines)
mkdir shared
mv data/meta-users.csv shared/users-a.csv
ln -s ../shared/users-a.csv data/meta-users.csv
wait_lines $((n + 1))
users 3,38 shared/users-a.csv
wait_lines $((n + 2))
has "hơn 3,38 tỷ người dùng"
sed 's/hơn [0-9],[0-9]* tỷ/hơn 3,39 tỷ/' shared/users-a.csv > shared/users-b.csv
ln -s ../shared/users-b.csv data/link.tmp
mv -T data/link.tmp data/meta-users.csv
wait_lines $((n + 3))
has "hơn 3,39 tỷ người dùng"

# 4. The -o folder removed: made again by the next render.
n=$(lines)
rm -rf out
touch data/meta-q4-2024.csv
wait_lines $((n + 1))
last | grep -q "pages" || fail "-o removed: $(last)"
[ -s $pdf ] || fail "no PDF in a re-made out/"
kill -TERM $pid
wait $pid || fail "exit status after SIGTERM"

# 5. A save while the first render runs (its files are not watched yet):
# a report long enough to take a while, its CSV changed early in it.
{
    printf -- '---\ntitle: Dài\nlang: vi\ndata: {users: ../data/meta-users.csv}\n---\n\n'
    printf '{{users.Người dùng hằng ngày các ứng dụng Meta.số người}}\n\n'
    yes "Chi phí huấn luyện mô hình, trung tâm dữ liệu, máy chủ và mạng; doanh thu, lợi nhuận, người dùng và kế hoạch chi tiêu của các hãng lớn trong năm tới, theo từng quý." |
        head -n 2500 | sed G
} > reports/long.md
: > watch.out
$FIGPRESS watch reports/long.md -o out > watch.out 2> watch.err &
pid=$!
sleep 0.2
users 3,40 shared/users-b.csv
i=0
until holds "hơn 3,40 tỷ người dùng" out/long.pdf; do
    i=$((i + 1)); [ $i -le 200 ] || fail "a save during the first render was lost: $(cat watch.out)"
    kill -0 $pid 2>/dev/null || fail "watch died: $(cat watch.err)"
    sleep 0.05
done
kill -TERM $pid
wait $pid || fail "exit status after SIGTERM"
ls -A out | grep -q '^\.' && fail "temporary file left: $(ls -A out)"
exit 0
