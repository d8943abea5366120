# figpress render with many reports: goes on past a failed one, reports
# every failure, exits 1 if any failed; a progress bar on a terminal only.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/data" "$WORK/"
cd "$WORK"
mkdir reports out
for n in 1 2 3; do
    cat > reports/good$n.md <<EOF
---
title: Báo cáo $n
lang: vi
data: {spend: ../data/ai-spend.csv}
---

# Báo cáo $n

Chi phí {{spend.DeepSeek (chi phí huấn luyện mô hình V3).amount}}.
EOF
done
printf 'entity,amount\nA,"khoảng abc triệu USD"\n' > data/bad.csv
cat > reports/bad.md <<'EOF'
---
title: Hỏng
lang: vi
data: {bad: ../data/bad.csv}
---

Số {{bad.A.amount}}.
EOF
# An image is not supported: a warning, not an error.
cat > reports/warn.md <<'EOF'
---
title: Cảnh báo
lang: vi
---

Ảnh ![biểu đồ](chart.png) ở đây.
EOF
echo "old" > out/bad.pdf

expect_status 1 $FIGPRESS render reports/bad.md reports/good1.md missing.md \
    reports/good2.md reports/good3.md reports/warn.md -o out/ 2> err.txt
for n in 1 2 3; do [ -s out/good$n.pdf ] || fail "good$n.pdf not rendered"; done
[ -s out/warn.pdf ] || fail "a warning stopped warn.md"
[ "$(cat out/bad.pdf)" = "old" ] || fail "the failed report's old PDF changed"
grep -q "^data/bad.csv:2:[0-9]*: error:" err.txt || fail "bad.csv: $(cat err.txt)"
grep -q "^reports/bad.md:7:[0-9]*: error:" err.txt || fail "bad.md: $(cat err.txt)"
grep -q "^missing.md: error: cannot read" err.txt || fail "missing.md: $(cat err.txt)"
grep -q "^reports/warn.md:6: warning: images" err.txt || fail "warn.md: $(cat err.txt)"
contains err.txt "figpress: 2 of 6 reports failed"
# Off a terminal: no bar, no escape codes, no carriage returns.
if grep -q "$(printf '\033')" err.txt; then fail "escape codes off a terminal"; fi
if grep -q "$(printf '\r')" err.txt; then fail "CR off a terminal"; fi
if grep -q '\[#' err.txt; then fail "a bar off a terminal"; fi
ls -A out | grep -q '^\.' && fail "temporary files left: $(ls -A out)"

# All good: 0.  --strict: a warning fails.
expect_status 0 $FIGPRESS render reports/good1.md reports/warn.md -o out/ 2>/dev/null
expect_status 1 $FIGPRESS render --strict reports/good1.md reports/warn.md -o out/ 2>err.txt
contains err.txt "1 of 2 reports failed"
expect_status 0 $FIGPRESS render --strict reports/good1.md reports/good2.md -o out/

# On a terminal (script(1) gives one): the bar is drawn and cleared.
if command -v script >/dev/null 2>&1; then
    script -qec "$FIGPRESS render reports/good1.md reports/good2.md \
        reports/good3.md -o out/" /dev/null > tty.txt 2>&1 ||
        fail "render under script: $(cat tty.txt)"
    grep -q '\[#*  *\] 1/3 reports/good1.md' tty.txt || fail "no bar: $(od -c tty.txt | head)"
    grep -q '3/3 reports/good3.md, page 1/1' tty.txt || fail "no last step"
    # The last thing written is the clearing: CR, erase line.
    tail -c 4 tty.txt | od -An -c | tr -d ' ' | grep -qx '\\r033\[K' ||
        fail "bar not cleared: $(tail -c 20 tty.txt | od -c)"
    # Diagnostics start on a clean line, not after the bar.
    script -qec "$FIGPRESS render reports/good1.md reports/bad.md -o out/" \
        /dev/null > tty2.txt 2>&1
    grep -q "$(printf "\033")\[Kreports/bad.md:7" tty2.txt ||
        fail "error printed over the bar: $(od -c tty2.txt | head -20)"
    # One short report alone: no bar.
    script -qec "$FIGPRESS render reports/good1.md -o out/" /dev/null > tty3.txt 2>&1
    [ ! -s tty3.txt ] || fail "a bar for one short report: $(od -c tty3.txt | head)"
fi

# The words follow the numbers: a figure quoted literally in the prose
# warns once its CSV changes (--strict fails); the briefing, which quotes
# its figures through {{references}}, renders without a word.
cp -r "$ROOT/reports/briefing.md" reports/
expect_status 0 $FIGPRESS render reports/briefing.md -o out/ 2>err.txt
[ ! -s err.txt ] || fail "the briefing warns: $(cat err.txt)"
cat > reports/literal.md <<'EOF2'
---
title: Chi phí
lang: vi
data: {spend: ../data/ai-spend.csv}
---

DeepSeek cho biết chi phí huấn luyện chỉ khoảng 5,6 triệu USD.
EOF2
expect_status 0 $FIGPRESS render --strict reports/literal.md -o out/ 2>err.txt
[ ! -s err.txt ] || fail "a matching figure warns: $(cat err.txt)"
sed -i 's/khoảng 5,6 triệu USD/khoảng 7,1 triệu USD/' data/ai-spend.csv
expect_status 0 $FIGPRESS render reports/literal.md -o out/ 2>err.txt
contains err.txt 'reports/literal.md:7:42: warning: "khoảng 5,6 triệu USD" no longer matches spend.DeepSeek (chi phí huấn luyện mô hình V3).amount (khoảng 7,1 triệu USD)'
expect_status 1 $FIGPRESS render --strict reports/literal.md -o out/ 2>/dev/null
exit 0
