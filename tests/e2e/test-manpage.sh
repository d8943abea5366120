# The manual page and --help name the same long options; the page formats
# without warnings; `make install` puts it in share/man/man1.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
page="$ROOT/src/figpress.1"
[ -f "$page" ] || fail "no src/figpress.1"

$FIGPRESS --help > help.txt || fail "--help"
# Long options, one a line: roff writes a hyphen as \-.
grep -o -- '--[a-z][a-z-]*' help.txt | sort -u > help-opts.txt
sed 's/\\-/-/g' "$page" | grep -o -- '--[a-z][a-z-]*' | sort -u > man-opts.txt
[ "$(wc -l < help-opts.txt)" -ge 8 ] || fail "too few options: $(cat help-opts.txt)"
for o in $(cat help-opts.txt); do
    grep -qx -- "$o" man-opts.txt || fail "figpress.1 lacks $o"
done
for o in $(cat man-opts.txt); do
    grep -qx -- "$o" help-opts.txt || fail "--help lacks $o (in figpress.1)"
done
# Every subcommand is in both.
for c in render extract watch; do
    contains help.txt "figpress $c"
    grep -q "^\.B figpress $c" "$page" || fail "figpress.1 lacks figpress $c"
done

# It formats cleanly.
if command -v groff >/dev/null; then
    LC_ALL=C.UTF-8 groff -k -man -Tutf8 -ww -z "$page" 2> groff.txt ||
        fail "groff: $(cat groff.txt)"
    [ ! -s groff.txt ] || fail "groff warns: $(cat groff.txt)"
fi

# make install places it (into a scratch root).
make -s -C "$ROOT" install DESTDIR="$WORK/root" PREFIX=/usr \
    BUILD="$(dirname "$FIGPRESS")" > make.txt 2>&1 || fail "make install: $(cat make.txt)"
[ -f "$WORK/root/usr/share/man/man1/figpress.1" ] || fail "man page not installed"
cmp -s "$page" "$WORK/root/usr/share/man/man1/figpress.1" ||
    fail "installed man page differs"
[ -x "$WORK/root/usr/bin/figpress" ] || fail "binary not installed"
exit 0
