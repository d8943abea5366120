# The briefing renders to a tagged, valid PDF with Vietnamese text, embedded
# subset fonts, metadata and reproducible bytes.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/reports" "$ROOT/data" "$WORK/"
cd "$WORK"
export SOURCE_DATE_EPOCH=1738195200
$FIGPRESS render reports/briefing.md -o out1.pdf || fail "render"
$FIGPRESS render reports/briefing.md -o out2.pdf || fail "second render"
cmp -s out1.pdf out2.pdf || fail "two renders differ"
LC_ALL=de_DE.UTF-8 $FIGPRESS render reports/briefing.md -o out3.pdf 2>/dev/null
cmp -s out1.pdf out3.pdf || fail "a decimal-comma locale changes the bytes"

pdfinfo out1.pdf > info.txt
contains info.txt "DeepSeek và cuộc đua chi tiêu AI"
contains info.txt "Nhóm phân tích"
contains info.txt "figpress"
grep -qE "^Tagged: +yes" info.txt || fail "PDF is not tagged"
pages=$(awk '/^Pages:/ {print $2}' info.txt)
# A two-page briefing: the cost chart and Meta's results on the first
# page, the users and what to watch on the second.
[ "$pages" -eq 2 ] || fail "briefing has $pages pages, not 2"
pdftotext -enc UTF-8 -f 1 -l 1 out1.pdf page1.txt
pdftotext -enc UTF-8 -f 2 -l 2 out1.pdf page2.txt
contains page1.txt "gấp khoảng 10.700 lần"
contains page1.txt "Gốc trục: 100 nghìn USD"
contains page1.txt "Kết quả quý IV/2024 của Meta"
contains page2.txt "Người dùng"
contains page2.txt "Điều cần theo dõi"

pdftotext -enc UTF-8 out1.pdf text.txt
contains text.txt "DeepSeek và cuộc đua chi tiêu AI"
contains text.txt "khoảng 5,6 triệu USD"
contains text.txt "hơn 60 tỷ USD"
contains text.txt "48,39 tỷ USD, tăng 22%"
contains text.txt "20,8 tỷ USD, tăng 43%"
contains text.txt "10.714 lần"
contains text.txt "hơn 3,35 tỷ người dùng mỗi ngày, tăng 5%"
contains text.txt "Llama đạt 1 tỷ người dùng"
# How these differ from Meta's own release (DESIGN.md).
contains text.txt "Thông cáo của chính Meta ghi doanh thu quý IV tăng 21%"
contains text.txt "lãi ròng 20,84 tỷ USD, tăng 49%"
contains text.txt "Trang 1/$pages"
contains text.txt "Nguồn:"
# NFC out: no combining marks in the text layer.
if grep -qP '[\x{0300}-\x{0323}]' text.txt; then fail "NFD text in the PDF"; fi

pdffonts out1.pdf > fonts.txt
contains fonts.txt "NotoSans"
# Every font embedded and subset: columns emb and sub are "yes".
awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-3) != "yes") {bad=1} END {exit bad}' fonts.txt \
    || fail "a font is not embedded and subset: $(cat fonts.txt)"
if command -v qpdf >/dev/null; then
    qpdf --check out1.pdf > qpdf.txt 2>&1 || fail "qpdf --check: $(cat qpdf.txt)"
fi
exit 0
