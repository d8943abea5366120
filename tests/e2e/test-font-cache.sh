# Font cache: fontconfig's cache of the bundled fonts lives in figpress's
# cache folder ($XDG_CACHE_HOME/figpress); a render through it gives the
# same PDF as one that reads every font, and a font replaced in place (the
# folder's time does not change) is read again.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/reports" "$ROOT/data" "$ROOT/fonts" "$WORK/"
cd "$WORK"
export FIGPRESS_FONTS="$WORK/fonts" SOURCE_DATE_EPOCH=1738195200
export XDG_CACHE_HOME="$WORK/cache"
"$FIGPRESS" render reports/briefing.md -o first.pdf || fail "first render"
ls cache/figpress/*.cache-* > /dev/null 2>&1 || fail "no font cache written"
"$FIGPRESS" render reports/briefing.md -o cached.pdf || fail "cached render"
cmp -s first.pdf cached.pdf || fail "the cache changed the PDF"
# The cache written under SOURCE_DATE_EPOCH (the fonts were copied after
# that date) is trusted: a render reads it and writes nothing.  fontconfig
# alone dates such a cache by the variable and then distrusts it.
ls -i cache/figpress/*.cache-* > cache.before
"$FIGPRESS" render reports/briefing.md -o cached2.pdf || fail "cached render"
ls -i cache/figpress/*.cache-* > cache.after
cmp -s cache.before cache.after ||
    fail "the font cache was written again: $(cat cache.before cache.after)"
cmp -s first.pdf cached2.pdf || fail "the cache changed the PDF"
# No cache folder to be had (HOME is a file): every font is read, nothing
# is said about it, and the PDF is the same.
: > home-file
env -u XDG_CACHE_HOME HOME="$WORK/home-file" "$FIGPRESS" render \
    reports/briefing.md -o uncached.pdf 2> err.txt ||
    fail "render without a cache"
[ ! -s err.txt ] || fail "a render without a cache folder said: $(cat err.txt)"
cmp -s first.pdf uncached.pdf || fail "the PDF depends on the cache"
# A font copied over itself in place (same inode, same folder time, a new
# modification time) is read again: the stamp the cache is trusted by is
# renewed, and the PDF stays the same.
cat cache/figpress/*.stamp > stamp.before
sleep 0.01
cp fonts/NotoSansMono-Regular.ttf mono.ttf
cp mono.ttf fonts/NotoSansMono-Regular.ttf
"$FIGPRESS" render reports/briefing.md -o again.pdf || fail "render after"
cat cache/figpress/*.stamp > stamp.after
! cmp -s stamp.before stamp.after ||
    fail "the cache was trusted after a font was replaced in place"
cmp -s first.pdf again.pdf || fail "a font read again changed the PDF"
exit 0
