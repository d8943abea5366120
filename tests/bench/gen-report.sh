#!/bin/sh
# gen-report: writes a deterministic benchmark report of N sections, one a
# page (A5): a Vietnamese H1, a justified ~120-word paragraph and a log-scale
# bar chart of 2-4 bars read from its own CSV.  Also writes floor.tsv, the
# same per-page text for tests/bench/floor.c.  POSIX sh + awk only.
#
#   sh gen-report.sh DIR N same|diff
#
# same: the paragraph is the same on every page (what caching can reuse);
# diff: every page has its own paragraph.
set -eu
dir=$1 n=$2 mode=$3
mkdir -p "$dir/data"
LC_ALL=C awk -v dir="$dir" -v n="$n" -v mode="$mode" '
function rnd() {	# LCG, the same numbers on every awk
	seed = (seed * 69069 + 1) % 4294967296
	return seed / 4294967296
}
function pick(a, k) { return a[1 + int(rnd() * k)] }
function paragraph(   s, i, w, cap) {
	s = ""; cap = 1
	for (i = 1; i <= 120; i++) {
		w = pick(words, nw)
		if (cap) { w = toupper(substr(w, 1, 1)) substr(w, 2); cap = 0 }
		s = s (i > 1 ? " " : "") w
		if (i % 17 == 0 || i == 120) { s = s "."; cap = 1 }
		else if (i % 7 == 0) s = s ","
	}
	return s
}
# "12,5 triệu USD" / "3 tỷ USD" / "850 nghìn USD"
function figure(   e, m, units, u, v) {
	e = int(rnd() * 9)		# 10^3 .. 10^11
	m = 1 + rnd() * 9
	split("nghìn triệu tỷ", units, " ")
	u = units[1 + int(e / 3)]
	v = m * 10 ^ (e % 3)
	if (v < 100) { v = sprintf("%.1f", v); sub(/\./, ",", v); sub(/,0$/, "", v) }
	else v = sprintf("%d", v)
	return v " " u " USD"
}
BEGIN {
	nw = split("chi phí đầu tư hạ tầng dữ liệu mô hình trung tâm máy chủ " \
	    "doanh nghiệp thị trường nghiên cứu người dùng tăng trưởng lợi nhuận " \
	    "doanh thu công nghệ năng lực tính toán kế hoạch năm quý báo cáo " \
	    "tổng hợp so với cùng kỳ mức độ cạnh tranh khu vực châu Á Việt Nam " \
	    "điện toán đám mây chính sách quản lý rủi ro nguồn vốn lớn nhỏ " \
	    "hiệu quả đáng kể dự kiến khoảng hơn dưới ước tính giảm mạnh " \
	    "chuyển đổi số ứng dụng trí tuệ nhân tạo huấn luyện suy luận " \
	    "nhà đầu tư kỹ sư phần mềm thiết bị mạng lưới tiêu thụ điện năng", \
	    words, " ")
	split("Chi phí huấn luyện|Kế hoạch đầu tư|Doanh thu quý|" \
	    "Lợi nhuận ròng|Chi cho hạ tầng|Ngân sách nghiên cứu", cats, "|")
	split("Thị trường|Hạ tầng|Đầu tư|Nghiên cứu|Người dùng|Dữ liệu", heads, "|")
	rep = dir "/report.md"; tsv = dir "/floor.tsv"
	printf "---\ntitle: Báo cáo thử hiệu năng %d trang\n", n > rep
	printf "author: figpress bench\ndate: 2025-01-30\nlang: vi\n" > rep
	printf "paper: A5\nalign: justify\n---\n" > rep
	seed = 20250130; fixed = paragraph()
	for (p = 1; p <= n; p++) {
		title = heads[1 + (p - 1) % 6] " " p ": chi tiêu và tăng trưởng"
		para = mode == "same" ? fixed : paragraph()
		nb = 2 + int(rnd() * 3)
		csv = sprintf("%s/data/p%04d.csv", dir, p)
		printf "label,amount\n" > csv
		bars = ""
		for (b = 1; b <= nb; b++) {
			f = figure()
			printf "%s,\"%s\"\n", cats[b + (p % 3)], f > csv
			bars = bars "\t" cats[b + (p % 3)] "\t" f
		}
		close(csv)
		cap = "Hình " p ". Các khoản chi trên thang logarit, mỗi vạch lớn gấp 10 lần vạch trước."
		printf "\n# %s\n\n%s\n\n", title, para > rep
		printf "```chart\ntype: bar\ndata: data/p%04d.csv\n", p > rep
		printf "label: label\nvalue: amount\nscale: log\n" > rep
		printf "caption: %s\n```\n", cap > rep
		printf "%s\t%s\t%s%s\n", title, para, cap, bars > tsv
	}
}'
