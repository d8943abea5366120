#!/bin/sh
# extract.sh: `figpress extract` end to end — each tests/extract/NAME.txt
# against NAME.expected.csv beside it, then the exit statuses and error
# messages of the command line.  Needs $FIGPRESS (the binary); exits
# non-zero on the first difference.
set -u
: "${FIGPRESS:?set FIGPRESS to the figpress binary}"
here=$(cd "$(dirname "$0")/../extract" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0

bad() {
	echo "extract.sh: FAIL: $*" >&2
	fail=1
}

for txt in "$here"/*.txt; do
	want=${txt%.txt}.expected.csv
	[ -f "$want" ] || continue
	name=$(basename "$txt")
	if ! "$FIGPRESS" extract "$txt" >"$tmp/got.csv" 2>"$tmp/err"; then
		bad "$name: exit status $?"; cat "$tmp/err" >&2
	fi
	diff -u "$want" "$tmp/got.csv" >&2 || bad "$name: output differs"
	# The same from standard input, and under a decimal-comma locale.
	LC_ALL=de_DE.UTF-8 "$FIGPRESS" extract <"$txt" >"$tmp/stdin.csv" \
	    2>/dev/null
	cmp -s "$want" "$tmp/stdin.csv" || bad "$name: stdin output differs"
done

# A missing file: FILE: error, exit 1.
"$FIGPRESS" extract "$tmp/none.txt" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] || bad "missing file: exit status is not 1"
grep -q "none.txt: error: cannot open" "$tmp/err" ||
	bad "missing file: no error message"

# Invalid UTF-8: FILE:LINE:COL: error, exit 1.
printf 'Doanh thu 5 triệu USD.\nhơn \377 tỷ\n' >"$tmp/bad.txt"
"$FIGPRESS" extract "$tmp/bad.txt" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] || bad "invalid UTF-8: exit status is not 1"
grep -q "bad.txt:2:5: error: invalid UTF-8" "$tmp/err" ||
	bad "invalid UTF-8: wrong message: $(cat "$tmp/err")"

# Usage errors exit 2.
"$FIGPRESS" extract --frobnicate >/dev/null 2>&1
[ $? -eq 2 ] || bad "unknown option: exit status is not 2"
"$FIGPRESS" extract --lang fr "$here/ai-spend-en.txt" >/dev/null 2>&1
[ $? -eq 2 ] || bad "--lang fr: exit status is not 2"

# --lang forces the reading; a number read the other way warns.
printf 'Chi phí khoảng 1.5 tỷ USD.\n' >"$tmp/mixed.txt"
"$FIGPRESS" extract --lang vi "$tmp/mixed.txt" >"$tmp/got.csv" \
    2>"$tmp/err" || bad "--lang vi: exit status $?"
grep -q '^1,9,khoảng 1.5 tỷ USD,1500000000,USD,approx,' "$tmp/got.csv" ||
	bad "--lang vi: best reading missing: $(cat "$tmp/got.csv")"
grep -q "mixed.txt:1:9: warning:" "$tmp/err" ||
	bad "--lang vi: no warning"

[ $fail -eq 0 ] && echo "extract.sh: ok"
exit $fail
