#!/bin/sh
# End-to-end tests: every tests/e2e/test-*.sh runs with $FIGPRESS set to
# the binary and a fresh scratch folder in $WORK; prints one summary line.
set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${FIGPRESS:?set FIGPRESS to the figpress binary}"
export FIGPRESS
export ROOT="$(cd "$here/../.." && pwd)"
export FIGPRESS_FONTS="$ROOT/fonts"
passed=0 failed=0
for t in "$here"/test-*.sh; do
    [ -f "$t" ] || continue
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/figpress-e2e.XXXXXX")
    # The font cache of each test's copies of fonts/ goes with the test.
    XDG_CACHE_HOME="$WORK/.cache"
    export WORK XDG_CACHE_HOME
    if sh "$t" >"$WORK.log" 2>&1; then
        passed=$((passed + 1))
        echo "PASS $(basename "$t")"
    else
        failed=$((failed + 1))
        echo "FAIL $(basename "$t")"
        sed 's/^/    /' "$WORK.log"
    fi
    rm -rf "$WORK" "$WORK.log"
done
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
