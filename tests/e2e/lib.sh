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
