#!/bin/sh
# watch-loop: how long from saving a CSV to the new briefing PDF in place,
# with `figpress watch` running — the edit loop a writer feels.  Each run
# saves data/ai-spend.csv as an editor does (a new file renamed over it)
# and waits for watch's line, printed once the new PDF is renamed into
# place; the timing is done by watch-loop.c, so that no process start
# falls inside the measured interval.  Prints the median of N runs in ms.
# Usage: tests/bench/watch-loop.sh [FIGPRESS] [N]   (build/figpress, 20)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-$root/build/figpress}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
n=${2:-20}
work=$(mktemp -d "${TMPDIR:-/tmp}/figpress-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -r "$root/reports" "$root/data" "$work/"
${CC:-cc} -O2 -o "$work/watch-loop" "$here/watch-loop.c"
export FIGPRESS_FONTS="${FIGPRESS_FONTS:-$root/fonts}"
cd "$work"
./watch-loop "$bin" "$n"
