# Locale-proof (STYLE 11): under a decimal-comma locale the unit suites
# pass and the briefing's PDF is byte-identical to the one made under C.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/reports" "$ROOT/data" "$WORK/"
cd "$WORK"
# A private locale folder: no root and no system locale needed.
mkdir -p "$WORK/loc"
localedef -i de_DE -f UTF-8 "$WORK/loc/de_DE.UTF-8" >/dev/null 2>&1
[ -d "$WORK/loc/de_DE.UTF-8" ] || fail "localedef could not build de_DE.UTF-8"
export LOCPATH="$WORK/loc"
[ "$(LC_ALL=de_DE.UTF-8 locale decimal_point)" = "," ] ||
    fail "the test locale does not use a decimal comma"
LC_ALL=C $FIGPRESS render reports/briefing.md -o c.pdf || fail "render in C"
LC_ALL=de_DE.UTF-8 $FIGPRESS render reports/briefing.md -o de.pdf ||
    fail "render in de_DE"
cmp -s c.pdf de.pdf || fail "the locale changes the PDF bytes"
LC_ALL=de_DE.UTF-8 $FIGPRESS extract "$ROOT/tests/extract/ai-spend-vi.txt" > de.csv
LC_ALL=C $FIGPRESS extract "$ROOT/tests/extract/ai-spend-vi.txt" > c.csv
cmp -s c.csv de.csv || fail "the locale changes extract's output"
if [ -x "$ROOT/build/check-units" ]; then
    # Messages stay English: the suites compare strerror texts.
    # The suites read fixtures relative to the top folder.
    (cd "$ROOT" && env -u LC_ALL LANG=de_DE.UTF-8 LC_MESSAGES=C \
        build/check-units) > units.txt 2>&1 ||
        fail "unit suites under de_DE: $(tail -5 units.txt)"
fi
exit 0
