# Vietnamese in NFD renders exactly as in NFC: same PDF bytes, same pixels,
# the same NFC text layer, metadata and outline; a character no bundled
# font has is a box and one located warning, never an abort.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/tests/vietnamese" "$WORK/vi"
cd "$WORK/vi"
export SOURCE_DATE_EPOCH=1738195200

# Combining marks U+0300..U+036F, as UTF-8 bytes (locale-proof).
marks=$(printf '\314[\200-\277]\\|\315[\200-\257]')
has_marks() { LC_ALL=C grep -q "$marks" "$1"; }

# The fixtures are what they claim to be.
has_marks caption-nfd.md || fail "caption-nfd.md is not decomposed"
has_marks caption-nfd.csv || fail "caption-nfd.csv is not decomposed"
if has_marks caption-nfc.md || has_marks caption-nfc.csv; then
    fail "the NFC fixtures hold combining marks"
fi

$FIGPRESS render caption-nfc.md -o nfc.pdf 2>nfc.err || fail "NFC render: $(cat nfc.err)"
$FIGPRESS render caption-nfd.md -o nfd.pdf 2>nfd.err || fail "NFD render: $(cat nfd.err)"
[ -s nfc.err ] && fail "NFC render warned: $(cat nfc.err)"
[ -s nfd.err ] && fail "NFD render warned: $(cat nfd.err)"

# Pixel for pixel, page for page.
pdftoppm -r 50 nfc.pdf nfc || fail "pdftoppm nfc"
pdftoppm -r 50 nfd.pdf nfd || fail "pdftoppm nfd"
pages=0
for p in nfc-*.ppm; do
    q="nfd-${p#nfc-}"
    [ -f "$q" ] || fail "NFD render lacks page $p"
    cmp -s "$p" "$q" || fail "page $p differs between NFC and NFD"
    pages=$((pages + 1))
done
[ "$pages" -ge 2 ] || fail "caption set has $pages pages"
[ "$(ls nfd-*.ppm | wc -l)" -eq "$pages" ] || fail "page counts differ"
# Nothing else may differ either: not the metadata, not the outline.
cmp -s nfc.pdf nfd.pdf || fail "NFC and NFD renders differ in bytes"

# The text layer reads back as NFC, the same for both.
pdftotext -enc UTF-8 nfc.pdf nfc.txt
pdftotext -enc UTF-8 nfd.pdf nfd.txt
cmp -s nfc.txt nfd.txt || fail "pdftotext differs: $(diff nfc.txt nfd.txt | head -5)"
if has_marks nfd.txt; then fail "NFD text in the PDF text layer"; fi
# Whole lines: the title's second line must be there on its own, not
# just inside the running header.
while IFS= read -r line; do
    grep -qxF -- "$line" nfd.txt || fail "no line '$line' in the text"
done < caption-expected.txt

# Front matter → PDF metadata, headings → outline: NFC too.
pdfinfo nfd.pdf > info.txt
contains info.txt "Doanh thu quý IV/2024 tăng 22%, ứng dụng AI đẩy mạnh"
contains info.txt "Nhóm phân tích dữ liệu"
if has_marks info.txt; then fail "NFD text in the PDF metadata"; fi
if command -v qpdf >/dev/null; then
    qpdf --json --json-key=outlines nfd.pdf > outline.txt ||
        fail "qpdf --json"
    contains outline.txt '"title": "DOANH THU QUÝ IV/2024 TĂNG 22%"'
    contains outline.txt '"title": "ỨNG DỤNG: Trí tuệ nhân tạo trong quảng cáo"'
    contains outline.txt '"title": "ẨN SỐ: Chi phí suy luận"'
    if has_marks outline.txt; then fail "NFD text in the outline"; fi
fi

# The whole alphabet in every role, stacked capitals, breaks and a
# justified page render without a warning (and look right: see the PNGs).
for r in alphabet stacked breaks justify lang-en; do
    $FIGPRESS render $r.md -o $r.pdf 2>$r.err || fail "$r: $(cat $r.err)"
    [ -s $r.err ] && fail "$r warned: $(cat $r.err)"
    pdftotext -enc UTF-8 $r.pdf $r.txt
    if has_marks $r.txt; then fail "$r: NFD in the text layer"; fi
done
contains alphabet.txt "ỰỲÝỸỶỴĐ"
contains breaks.txt "kết thúc ở đây."

# Emoji and Han: drawn as boxes, one warning with the report line, the
# rest of the text kept; --strict turns the warning into a failure.
$FIGPRESS render fallback.md -o fallback.pdf 2>fallback.err ||
    fail "fallback render failed: $(cat fallback.err)"
[ "$(wc -l < fallback.err)" -eq 1 ] || fail "want one warning: $(cat fallback.err)"
contains fallback.err "fallback.md:13:1: warning: no bundled font has “📈” (U+1F4C8)"
pdftotext -enc UTF-8 fallback.pdf fallback.txt
contains fallback.txt "Doanh thu tăng"
contains fallback.txt "mạnh, còn"
contains fallback.txt "là chữ Hán."
expect_status 1 $FIGPRESS render fallback.md -o strict.pdf --strict 2>/dev/null
exit 0
