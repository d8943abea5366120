# figpress watch: renders, renders again after each kind of save (in
# place, rename over, delete and create, an editor's dance: once), keeps
# the old PDF and goes on after a bad edit, follows a data file added by an
# edit, and exits 0 on SIGTERM and SIGINT.  Every wait is bounded.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/reports" "$ROOT/data" "$WORK/"
cd "$WORK"
csv=data/ai-spend.csv
pdf=out/briefing.pdf
header='entity,amount,note'
deepseek='DeepSeek (chi phí huấn luyện mô hình V3)'
meta='Meta (kế hoạch chi cho AI năm 2025),"hơn 60 tỷ USD",'
spend() { printf '%s\n%s,"%s",\n%s\n' "$header" "$deepseek" "$1" "$meta"; }

$FIGPRESS watch reports/briefing.md -o out > watch.out 2> watch.err &
pid=$!
trap 'kill -KILL $pid 2>/dev/null' EXIT
last() { tail -1 watch.out; }
# has TEXT: the PDF's text holds TEXT.
has() { pdftotext -enc UTF-8 $pdf - | tr '\n' ' ' | grep -qF -- "$1" ||
    fail "$pdf lacks '$1'"; }
no_temp() { ls -A out | grep -q '^\.' && fail "temporary file left: $(ls -A out)"; true; }

wait_lines 1
last | grep -qE '^[0-2][0-9]:[0-5][0-9]:[0-5][0-9] reports/briefing.md: [0-9]+ pages, [0-9]+ ms$' ||
    fail "line: $(last)"
[ -s $pdf ] || fail "no first render"
has "khoảng 5,6 triệu USD"

# 1. Written in place.
spend "khoảng 7,1 triệu USD" > $csv
wait_lines 2
has "khoảng 7,1 triệu USD"

# 2. Replaced by rename.
spend "khoảng 8,2 triệu USD" > $csv.new
mv $csv.new $csv
wait_lines 3
has "khoảng 8,2 triệu USD"

# 3. An editor's dance (vim: rename away, write anew, drop the backup)
# gives one render.
mv $csv $csv~
spend "khoảng 9,3 triệu USD" > $csv
rm $csv~
wait_lines 4
sleep 0.5
[ "$(lines)" -eq 4 ] || fail "a save gave several renders: $(cat watch.out)"
has "khoảng 9,3 triệu USD"
no_temp

# 4. A bad figure: the error is printed, the old PDF stays byte for byte.
cp $pdf good.pdf
spend "khoảng abc triệu USD" > $csv
wait_lines 5
last | grep -q "reports/briefing.md: failed" || fail "no failure line: $(last)"
grep -q "^$csv:2:[0-9]*: error:" watch.err || fail "no located error: $(cat watch.err)"
cmp -s $pdf good.pdf || fail "a failed render changed the PDF"
no_temp

# 5. Fixed again.
spend "khoảng 5,6 triệu USD" > $csv
wait_lines 6
last | grep -q "pages" || fail "not rendered after the fix: $(last)"
has "khoảng 5,6 triệu USD"

# 6. Deleted (an error), then created again.
cp $pdf good.pdf
rm $csv
wait_lines 7
last | grep -q "failed" || fail "a deleted CSV: $(last)"
cmp -s $pdf good.pdf || fail "a failed render changed the PDF"
spend "khoảng 6,6 triệu USD" > $csv
wait_lines 8
has "khoảng 6,6 triệu USD"

# 7. A report that fails to parse, then a file added by an edit: the
# report names a CSV that does not exist yet; creating it renders.
cp reports/briefing.md briefing.bak
printf -- '---\ntitle: [unclosed\n---\n' > reports/briefing.md
wait_lines 9
last | grep -q "failed" || fail "a broken report: $(last)"
grep -q "reports/briefing.md:2" watch.err || fail "no error in the report: $(cat watch.err)"
sed 's|^  users: ../data/meta-users.csv|  users: ../data/users-new.csv|; s|data: ../data/meta-users.csv|data: ../data/users-new.csv|' \
    briefing.bak > reports/briefing.md
wait_lines 10
last | grep -q "failed" || fail "a missing CSV: $(last)"
grep -q "users-new.csv" watch.err || fail "no error for the new CSV"
sed 's/hơn 3,35 tỷ/hơn 3,45 tỷ/' data/meta-users.csv > data/users-new.csv
wait_lines 11
last | grep -q "pages" || fail "not rendered once the new CSV exists: $(last)"
has "hơn 3,45 tỷ người dùng"
# The new file is watched, the old one no longer matters.
sed -i 's/hơn 3,45 tỷ/hơn 3,55 tỷ/' data/users-new.csv
wait_lines 12
has "hơn 3,55 tỷ người dùng"
touch data/meta-users.csv
sleep 0.4
[ "$(lines)" -eq 12 ] || fail "a file no longer read triggered a render"

# SIGTERM: a clean exit.
kill -TERM $pid
i=0
while kill -0 $pid 2>/dev/null; do
    i=$((i + 1)); [ $i -le 100 ] || fail "watch ignores SIGTERM"; sleep 0.05
done
wait $pid; status=$?
[ $status -eq 0 ] || fail "exit status $status after SIGTERM"
no_temp

# SIGINT (Ctrl-C), as a shell's background job (which ignores it unless
# watch takes it back).  A fresh watch.out, so that the wait is for this
# watch's first line, not the last one's (a signal sent before watch has
# set up its handling would be ignored, or kill it).
: > watch.out
$FIGPRESS watch reports/briefing.md -o out > watch.out 2> watch.err &
pid=$!
wait_lines 1
kill -INT $pid
i=0
while kill -0 $pid 2>/dev/null; do
    i=$((i + 1)); [ $i -le 100 ] || fail "watch ignores SIGINT"; sleep 0.05
done
wait $pid; status=$?
[ $status -eq 0 ] || fail "exit status $status after SIGINT"

expect_status 2 $FIGPRESS watch 2>/dev/null
expect_status 2 $FIGPRESS watch -o reports/briefing.md reports/briefing.md 2>/dev/null
trap - EXIT
exit 0
