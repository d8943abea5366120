#!/bin/sh
# gen-long: a deterministic long report (issue 4): N sections of prose
# (every paragraph its own), one bar chart every second section, and one
# table of ROWS rows in the middle.  POSIX sh + awk only.
#
#   sh gen-long.sh DIR SECTIONS ROWS
#
# 200 sections and 2,000 rows make the report-200 workload: about 200 A4
# pages, 100 charts and a 2,000-row table.
set -eu
dir=$1 n=$2 rows=$3
mkdir -p "$dir/data"
LC_ALL=C awk -v dir="$dir" -v n="$n" -v rows="$rows" '
function rnd() {	# LCG, the same numbers on every awk
	seed = (seed * 69069 + 1) % 4294967296
	return seed / 4294967296
}
function pick(a, k) { return a[1 + int(rnd() * k)] }
function paragraph(nwords,   s, i, w, cap) {
	s = ""; cap = 1
	for (i = 1; i <= nwords; i++) {
		w = pick(words, nw)
		if (cap) { w = toupper(substr(w, 1, 1)) substr(w, 2); cap = 0 }
		s = s (i > 1 ? " " : "") w
		if (i % 15 == 0 || i == nwords) { s = s "."; cap = 1 }
		else if (i % 6 == 0) s = s ","
	}
	return s
}
function chart(p,   csv, b, nb) {
	csv = sprintf("%s/data/c%04d.csv", dir, p)
	printf "label,amount\n" > csv
	nb = 3 + int(rnd() * 4)
	for (b = 1; b <= nb; b++)
		printf "%s,%d\n", cats[b], 10 + int(rnd() * 990) > csv
	close(csv)
	printf "```chart\ntype: bar\ndata: data/c%04d.csv\n", p > rep
	printf "label: label\nvalue: amount\n" > rep
	printf "caption: Hình %d. Chi tiêu theo hạng mục (tỷ đồng).\n```\n\n", \
	    p / 2 > rep
}
function table(   csv, i, v) {
	csv = dir "/data/rows.csv"
	print "mã,địa phương,doanh thu,tăng trưởng" > csv
	for (i = 1; i <= rows; i++) {
		v = 1 + int(rnd() * 9000)
		printf "KH-%05d,%s,\"%d,%d tỷ đồng\",%d%%\n", i, \
		    pick(city, ncity), v / 10, v % 10, int(rnd() * 40) > csv
	}
	close(csv)
	printf "# Phụ lục: bảng doanh thu\n\n" > rep
	printf "```table\ndata: data/rows.csv\n" > rep
	printf "caption: Doanh thu theo khách hàng.\n" > rep
	printf "source: Số liệu tổng hợp\n```\n\n" > rep
}
BEGIN {
	nw = split("chi phí đầu tư hạ tầng dữ liệu mô hình trung tâm máy chủ " \
	    "doanh nghiệp thị trường nghiên cứu người dùng tăng trưởng lợi nhuận " \
	    "doanh thu công nghệ năng lực tính toán kế hoạch năm quý báo cáo " \
	    "tổng hợp so với cùng kỳ mức độ cạnh tranh khu vực châu Á Việt Nam " \
	    "điện toán đám mây chính sách quản lý rủi ro nguồn vốn lớn nhỏ " \
	    "hiệu quả đáng kể dự kiến khoảng hơn dưới ước tính giảm mạnh", \
	    words, " ")
	split("Huấn luyện|Suy luận|Lưu trữ|Mạng|Nhân sự|Điện năng", cats, "|")
	ncity = split("Hà Nội|Hải Phòng|Đà Nẵng|Huế|Cần Thơ|Nha Trang|" \
	    "Vũng Tàu|Quy Nhơn|Biên Hòa|Thủ Đức", city, "|")
	rep = dir "/report.md"
	seed = 20250204
	printf "---\ntitle: Báo cáo dài %d mục\nauthor: figpress bench\n", n > rep
	printf "date: 2025-02-04\nlang: vi\npaper: A4\n---\n" > rep
	for (p = 1; p <= n; p++) {
		printf "\n# Mục %d: chi tiêu và tăng trưởng\n\n", p > rep
		printf "%s\n\n%s\n\n", paragraph(110), paragraph(90) > rep
		if (p % 2 == 0)
			chart(p)
		printf "- %s\n- %s\n\n", paragraph(14), paragraph(12) > rep
		printf "%s\n", paragraph(50) > rep
		if (p == int(n / 2))
			table()
	}
}'
