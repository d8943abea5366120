#!/bin/sh
# run: the benchmarks behind `make bench`.  Generates the workloads, runs
# figpress and the physical floor (floor.c) on each several times under
# rss.c, and prints one table: medians of wall and CPU time, pages per
# second, time per page, peak RSS and output size, and figpress's time as a
# ratio to the floor for the generated briefings.  report-200 is issue 4's
# long report (gen-long.sh): ~200 pages, 100 charts, a 2,000-row table.
# Last, watch-loop.c times the edit loop: a saved CSV to the new PDF.
#
#   sh tests/bench/run.sh build/bench/figpress
#
# Expects build/bench/rss, floor and watch-loop beside the binary (the
# Makefile's bench target builds them all).  BENCH_QUICK=1 runs each
# workload once (for trying the script, not for numbers).
set -eu
fig=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
bin=$(dirname "$fig")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$bin/work
export FIGPRESS_FONTS="$root/fonts" SOURCE_DATE_EPOCH=1738195200

gen() {
	rm -rf "$work"
	mkdir -p "$work"
	sh "$here/gen-report.sh" "$work/briefing-100" 100 same
	sh "$here/gen-report.sh" "$work/briefing-100-diff" 100 diff
	sh "$here/gen-report.sh" "$work/briefing-1000" 1000 same
	sh "$here/gen-report.sh" "$work/briefing-1000-diff" 1000 diff
	sh "$here/gen-table.sh" "$work/table-20k" 20000
	sh "$here/gen-long.sh" "$work/report-200" 200 2000
	sh "$here/gen-prose.sh" "$work/prose-10mb.txt" 10
	mkdir -p "$work/briefing"
	cp -R "$root/reports" "$root/data" "$work/briefing/"
}

# median FILE COLUMN: the median of one column of rss output lines.
median() {
	sort -n -k "$2,$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END {
	    if (NR % 2) print v[(NR + 1) / 2]
	    else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# measure NAME RUNS CMD...: run CMD RUNS times and leave the rss lines in
# $work/NAME.times.  Short workloads get one warm-up run first (page cache,
# fonts); the long ones come after them and do not need it.
measure() {
	name=$1 runs=$2
	shift 2
	[ "${BENCH_QUICK:-0}" = 1 ] && runs=1
	[ "$runs" -gt 3 ] && "$bin/rss" "$@" > /dev/null
	: > "$work/$name.times"
	i=0
	while [ "$i" -lt "$runs" ]; do
		"$bin/rss" "$@" >> "$work/$name.times"
		i=$((i + 1))
	done
}

pages_of() {
	if command -v pdfinfo > /dev/null 2>&1; then
		pdfinfo "$1" | awk '/^Pages:/ { print $2 }'
	else
		echo "-"
	fi
}

# row NAME PAGES OUTFILE [FLOORNAME]: one line of the table.
row() {
	name=$1 pages=$2 out=$3 fl=${4:-}
	t=$work/$name.times
	wall=$(median "$t" 1) cpu=$(median "$t" 2) rss=$(median "$t" 3)
	kib=$(( $(wc -c < "$out") / 1024 ))
	fw=- fc=-
	if [ -n "$fl" ]; then
		fw=$(median "$work/$fl.times" 1)
		fc=$(median "$work/$fl.times" 2)
	fi
	awk -v n="$name" -v p="$pages" -v r="$(wc -l < "$t")" -v w="$wall" \
	    -v c="$cpu" -v m="$rss" -v k="$kib" -v fw="$fw" -v fc="$fc" 'BEGIN {
		pps = p == "-" ? "-" : sprintf("%.0f", p / (w / 1000))
		mpp = p == "-" ? "-" : sprintf("%.2f", w / p)
		rw = fw == "-" ? "-" : sprintf("%.2fx", w / fw)
		rc = fc == "-" ? "-" : sprintf("%.2fx", c / fc)
		printf "%-19s %5s %4d %9.0f %8.0f %7s %7s %7.1f %8d %8s %7s %7s\n",
		    n, p, r, w, c, pps, mpp, m / 1024, k,
		    fw == "-" ? "-" : sprintf("%.0f", fw), rw, rc
	}'
}

# versus NAME RUNS: figpress and the floor on a generated briefing, run
# in turns so that both see the same load on a shared machine.
versus() {
	name=$1 runs=$2
	[ "${BENCH_QUICK:-0}" = 1 ] && runs=1
	: > "$work/$name.times"
	: > "$work/$name.floor.times"
	i=0
	while [ "$i" -lt "$runs" ]; do
		"$bin/rss" "$fig" render "$work/$name/report.md" \
		    -o "$work/$name/out.pdf" >> "$work/$name.times"
		"$bin/rss" "$bin/floor" "$work/$name/floor.tsv" \
		    "$work/$name/floor.pdf" >> "$work/$name.floor.times"
		i=$((i + 1))
	done
}

start=$(date +%s)
gen
# The generated workloads (40 MB) are still being written back: each
# render's fsync of its PDF would wait for them (briefing 25 ms, not 19).
sync
measure briefing 31 "$fig" render "$work/briefing/reports/briefing.md" \
    -o "$work/briefing/out.pdf"
versus briefing-100 7
versus briefing-100-diff 7
versus briefing-1000 3
versus briefing-1000-diff 3
measure table-20k 3 "$fig" render "$work/table-20k/report.md" \
    -o "$work/table-20k/out.pdf"
measure report-200 3 "$fig" render "$work/report-200/report.md" \
    -o "$work/report-200/out.pdf"
measure extract-10mb 3 "$fig" extract "$work/prose-10mb.txt"

echo
echo "figpress bench ($(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg)):" \
    "medians; ms/page and floor ms are wall time, what a reader"
echo "waits (layout sets long reports' texts on two threads); x cpu" \
    "compares the work (user+sys).  floor = Cairo + PangoCairo drawing"
echo "the same page content at fixed positions, on one thread."
echo
printf "%-19s %5s %4s %9s %8s %7s %7s %7s %8s %8s %7s %7s\n" workload pages \
    runs "wall ms" "cpu ms" pages/s ms/page "RSS MiB" "out KiB" \
    "floor ms" "x wall" "x cpu"
row briefing "$(pages_of "$work/briefing/out.pdf")" "$work/briefing/out.pdf"
for w in briefing-100 briefing-100-diff briefing-1000 briefing-1000-diff; do
	row "$w" "$(pages_of "$work/$w/out.pdf")" "$work/$w/out.pdf" "$w.floor"
done
row table-20k "$(pages_of "$work/table-20k/out.pdf")" \
    "$work/table-20k/out.pdf"
row report-200 "$(pages_of "$work/report-200/out.pdf")" \
    "$work/report-200/out.pdf"
"$fig" extract "$work/prose-10mb.txt" > "$work/extract.csv"
row extract-10mb - "$work/extract.csv"
echo
# The edit loop of watch mode (issue 7): save data/ai-spend.csv, wait for
# the new briefing PDF; timed inside watch-loop.c.
(cd "$work/briefing" && "$bin/watch-loop" "$fig" \
    "$([ "${BENCH_QUICK:-0}" = 1 ] && echo 3 || echo 21)")
# Wall times here move by a third from one minute to the next; the work
# of the briefing's start-up, counted in instructions, does not.
if command -v valgrind > /dev/null; then
	instr=$(cd "$work/briefing" && valgrind --tool=callgrind \
	    --callgrind-out-file=/dev/null "$fig" render reports/briefing.md \
	    -o "$work/briefing/callgrind.pdf" 2>&1 |
	    sed -n 's/.*refs: *//p' | tr -d ,)
	echo "briefing: $(awk -v n="$instr" 'BEGIN { printf "%.1f", n / 1e6 }')M" \
	    "instructions, all threads (callgrind)"
fi
echo "floor peak RSS: 100 pages $(median "$work/briefing-100.floor.times" 3) KiB," \
    "1000 pages $(median "$work/briefing-1000.floor.times" 3) KiB;" \
    "bench took $(( $(date +%s) - start )) s"
