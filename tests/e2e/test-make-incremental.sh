# `make` with the -M dependency files: after a change to one CSV it renders
# again exactly the reports that read it, nothing when nothing changed, and
# independent reports in parallel with -j2.  Runs the repository's own
# Makefile in a scratch copy with BUILD pointing at a wrapper around the
# tested binary, so nothing is compiled.
. "$(dirname "$0")/lib.sh"
P=$WORK/proj
mkdir -p "$P/.ci" "$P/bin" "$P/reports" "$P/tests/fuzz"
cp "$ROOT/Makefile" "$P/"
cp "$ROOT/tests/fuzz/fuzz.mk" "$P/tests/fuzz/"
cp -r "$ROOT/data" "$P/"
cp "$ROOT/reports/briefing.md" "$P/reports/"
# The packages are there (this binary was built); skip the dpkg queries.
printf 'exit 0\n' > "$P/.ci/install-deps"
# The wrapper logs each render's start and end (for the -j2 check) and can
# be slowed down so that parallel renders overlap for sure.
cat > "$P/bin/figpress" <<EOF
#!/bin/sh
echo "start \$4" >> "$P/renders.log"
[ -n "\${SLOW:-}" ] && sleep "\$SLOW"
"$FIGPRESS" "\$@"; s=\$?
echo "end \$4" >> "$P/renders.log"
exit \$s
EOF
chmod +x "$P/bin/figpress"
cat > "$P/reports/users.md" <<'EOF'
---
title: Người dùng
lang: vi
data: {users: ../data/meta-users.csv}
---

# Người dùng

Các ứng dụng có {{users.Người dùng hằng ngày các ứng dụng Meta.số người}}.
EOF
cat > "$P/reports/plain.md" <<'EOF'
---
title: Không có số liệu
lang: vi
---

Chỉ có chữ, *nghiêng* một chút.
EOF
PDFS="out/briefing.pdf out/users.pdf out/plain.pdf"
mk() { make -C "$P" --no-print-directory BUILD=bin "$@"; }
# What a make run rendered: the outputs named in the wrapper's log.
rendered() { sed -n 's/^start //p' "$P/renders.log" | sort | tr '\n' ' '; }
run() { : > "$P/renders.log"; mk $PDFS >"$WORK/make.out" 2>&1 ||
    fail "make: $(cat "$WORK/make.out")"; }

run
[ "$(rendered)" = "out/briefing.pdf out/plain.pdf out/users.pdf " ] ||
    fail "first make rendered: $(rendered)"
for f in briefing users plain; do
    [ -s "$P/out/$f.pdf" ] && [ -s "$P/out/$f.pdf.d" ] || fail "no $f.pdf(.d)"
done

# The rule lists the report, its data, the fonts it drew with — and an
# empty rule for each, so a deleted input does not stop make.
d=$P/out/briefing.pdf.d
head -1 "$d" | grep -q '^out/briefing.pdf: ' || fail "rule: $(head -1 "$d")"
for f in reports/briefing.md data/ai-spend.csv data/meta-q4-2024.csv \
    data/meta-users.csv; do
    grep -qx "  $f \\\\\\|  $f" "$d" || fail "$d does not list $f"
    grep -qx "$f:" "$d" || fail "$d has no empty rule for $f"
done
# Exactly the fonts embedded in the PDF, not every bundled one.
sed -n 's|^  .*/\([^/]*\)\.ttf.*|\1|p' "$d" | sort > "$WORK/deps-fonts"
pdffonts "$P/out/briefing.pdf" | awk 'NR > 2 {sub(/^[A-Z]+\+/, "", $1); print $1}' |
    sort -u > "$WORK/pdf-fonts"
cmp -s "$WORK/deps-fonts" "$WORK/pdf-fonts" ||
    fail "fonts in -M: $(cat "$WORK/deps-fonts") ; in the PDF: $(cat "$WORK/pdf-fonts")"
[ "$(wc -l < "$WORK/deps-fonts")" -lt "$(ls "$ROOT"/fonts/*.ttf | wc -l)" ] ||
    fail "-M lists every bundled font"
# The body text is set in the serif, *nghiêng* in its italic.
grep -q "NotoSerif-Italic.ttf" "$P/out/plain.pdf.d" || fail "plain.md's italic"
if grep -qF "$P/data/" "$P/out/plain.pdf.d"; then fail "plain.md lists data"; fi

# No change: nothing to do, and make -n agrees.  (make -q cannot say so:
# the phony `deps` target, which installs packages, is always out of date.)
run
[ -z "$(rendered)" ] || fail "make with no change rendered: $(rendered)"
uptodate() {
    mk -n $PDFS > "$WORK/n.out" 2>&1 || fail "make -n: $(cat "$WORK/n.out")"
    ! grep -q "render" "$WORK/n.out"
}
uptodate || fail "make -n would render: $(cat "$WORK/n.out")"

# One CSV touched: exactly its readers.
sleep 0.01
touch "$P/data/ai-spend.csv"
if uptodate; then fail "make -n missed a touched CSV"; fi
grep -q "render reports/briefing.md" "$WORK/n.out" || fail "make -n: $(cat "$WORK/n.out")"
run
[ "$(rendered)" = "out/briefing.pdf " ] || fail "after ai-spend.csv: $(rendered)"
touch "$P/data/meta-users.csv"
run
[ "$(rendered)" = "out/briefing.pdf out/users.pdf " ] ||
    fail "after meta-users.csv: $(rendered)"
touch "$P/reports/plain.md"
run
[ "$(rendered)" = "out/plain.pdf " ] || fail "after plain.md: $(rendered)"

# An input that goes away with the reference to it: no "No rule to make
# target", the report renders, and the old file is no longer listed.
cp "$P/data/meta-users.csv" "$P/data/users-2025.csv"
sed -i 's|../data/meta-users.csv|../data/users-2025.csv|' "$P/reports/users.md"
rm "$P/data/meta-users.csv"
sed -i '/^  users:/d' "$P/reports/briefing.md"
sed -i '/^## Người dùng/,$d' "$P/reports/briefing.md"
run
[ "$(rendered)" = "out/briefing.pdf out/users.pdf " ] ||
    fail "after the move: $(rendered)"
if grep -q meta-users "$P/out/users.pdf.d"; then fail "stale rule"; fi
grep -q "data/users-2025.csv" "$P/out/users.pdf.d" || fail "new input"

# -j2: two independent reports render at the same time.
touch "$P/reports/users.md" "$P/reports/plain.md"
: > "$P/renders.log"
SLOW=0.5 mk -j2 out/users.pdf out/plain.pdf >"$WORK/make.out" 2>&1 ||
    fail "make -j2: $(cat "$WORK/make.out")"
head -2 "$P/renders.log" | grep -c '^start' | grep -qx 2 ||
    fail "make -j2 did not overlap the renders: $(cat "$P/renders.log")"
uptodate || fail "out of date after make -j2: $(cat "$WORK/n.out")"
exit 0
