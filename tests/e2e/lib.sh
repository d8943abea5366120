# Helpers for the end-to-end tests (sourced).
fail() { echo "FAIL: $*" >&2; exit 1; }
# expect_status N CMD...: run CMD, require exit status N.
expect_status() {
    want=$1; shift
    "$@"; got=$?
    [ "$got" -eq "$want" ] || fail "exit $got, want $want: $*"
}
# contains FILE TEXT: FILE has TEXT (fixed string).
contains() { grep -qF -- "$2" "$1" || fail "$1 lacks '$2'"; }

# For tests that run `figpress watch ... > watch.out 2> watch.err &` with
# its process id in $pid: lines counts the render lines so far, and
# wait_lines N waits (at most 10 s) until there are N, failing at once if
# watch has died.
lines() { cat watch.out 2>/dev/null | wc -l; }
wait_lines() {
    i=0
    while [ "$(lines)" -lt "$1" ]; do
        i=$((i + 1))
        [ $i -le 200 ] || fail "timeout waiting for line $1: $(cat watch.out watch.err)"
        kill -0 $pid 2>/dev/null || fail "watch died: $(cat watch.err)"
        sleep 0.05
    done
}
