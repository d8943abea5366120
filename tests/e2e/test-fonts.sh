# Fonts: only the bundled ones, found in the source tree, at the installed
# share path (via make install) and through FIGPRESS_FONTS; no system scan.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/reports" "$ROOT/data" "$WORK/"
cd "$WORK"
unset FIGPRESS_FONTS
make -s -C "$ROOT" install PREFIX="$WORK/inst" >/dev/null || fail "make install"
[ -x inst/bin/figpress ] || fail "no installed binary"
ls inst/share/figpress/fonts/OFL.txt >/dev/null || fail "no licence installed"
inst/bin/figpress render reports/briefing.md -o inst.pdf || fail "installed render"
pdffonts inst.pdf > fonts.txt
contains fonts.txt NotoSans
if grep -v -e Noto -e '^name' -e '^---' fonts.txt | grep -q .; then
    fail "a font that is not bundled: $(cat fonts.txt)"
fi
# No bundled folder anywhere: a clear error, exit 1.
FIGPRESS_FONTS="$WORK/nothing" inst/bin/figpress render reports/briefing.md \
    -o none.pdf 2>err.txt
[ $? -eq 1 ] || fail "missing fonts must exit 1"
contains err.txt "fonts"
[ ! -e none.pdf ] || fail "output written without fonts"
# Start-up reads no system font folder.
# (Not under AddressSanitizer: LeakSanitizer cannot run under ptrace.)
if command -v strace >/dev/null && [ -z "${ASAN_OPTIONS:-}" ]; then
    FIGPRESS_FONTS="$ROOT/fonts" strace -f \
        -e trace=openat,open,stat,newfstatat -o trace.txt \
        "$FIGPRESS" render reports/briefing.md -o s.pdf || fail "strace run"
    if grep -E '/usr/share/fonts|/usr/local/share/fonts|\.fonts' trace.txt |
        grep -v ENOENT | grep -q .; then
        fail "system fonts were read: $(grep /fonts trace.txt | head -3)"
    fi
fi
exit 0
