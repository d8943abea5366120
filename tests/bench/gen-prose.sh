#!/bin/sh
# gen-prose: about MB mebibytes of deterministic Vietnamese news prose with
# figures in it ("khoảng 5,6 triệu USD", "tăng 22%"), for figpress extract.
#   sh gen-prose.sh FILE MB
set -eu
LC_ALL=C awk -v mb="$2" '
function rnd() {
	seed = (seed * 69069 + 1) % 4294967296
	return seed / 4294967296
}
BEGIN {
	seed = 11
	n = split("Doanh thu quý IV của tập đoàn đạt khoảng %d,%d tỷ USD, " \
	    "tăng %d%% so với cùng kỳ.|Chi phí huấn luyện mô hình được " \
	    "ước tính hơn %d,%d triệu USD trong năm nay.|Lợi nhuận ròng " \
	    "giảm %d%% xuống còn %d,%d nghìn tỷ đồng.|Thị trường điện toán " \
	    "đám mây ở châu Á tiếp tục mở rộng nhờ nhu cầu về trí tuệ nhân " \
	    "tạo.|Số người dùng hằng ngày vượt %d,%d tỷ người, cao hơn " \
	    "dự kiến của các nhà phân tích.", tpl, "|")
	limit = mb * 1048576; size = 0; line = ""
	while (size < limit) {
		s = sprintf(tpl[1 + int(rnd() * n)], 1 + int(rnd() * 90),
		    int(rnd() * 10), 1 + int(rnd() * 60), int(rnd() * 10), 2)
		line = line (line == "" ? "" : " ") s
		if (length(line) > 600) {
			print line; size += length(line) + 1; line = ""
			if (rnd() < 0.2) { print ""; size++ }
		}
	}
}' > "$1"
