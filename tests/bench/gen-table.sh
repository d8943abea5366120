#!/bin/sh
# gen-table: a report holding one table block over a deterministic CSV of
# N rows (Vietnamese labels, figures as people write them).
#   sh gen-table.sh DIR N
set -eu
dir=$1 n=$2
mkdir -p "$dir"
LC_ALL=C awk -v dir="$dir" -v n="$n" '
BEGIN {
	seed = 7
	split("Hà Nội|Hải Phòng|Đà Nẵng|Huế|Cần Thơ|Nha Trang|Vũng Tàu|" \
	    "Quy Nhơn|Biên Hòa|Thủ Đức", city, "|")
	csv = dir "/rows.csv"; rep = dir "/report.md"
	print "mã,địa phương,doanh thu,tăng trưởng" > csv
	for (i = 1; i <= n; i++) {
		seed = (seed * 69069 + 1) % 4294967296
		v = 1 + int(seed / 65536) % 9000
		g = int(seed / 65536) % 40
		printf "KH-%05d,%s,\"%d,%d tỷ đồng\",%d%%\n", i, city[1 + i % 10], \
		    v / 10, v % 10, g > csv
	}
	printf "---\ntitle: Bảng %d dòng\nlang: vi\npaper: A4\n---\n\n", n > rep
	printf "```table\ndata: rows.csv\ncaption: Doanh thu theo khách hàng.\n" > rep
	printf "source: Số liệu tổng hợp\n```\n" > rep
}'
