# The command line: help, version, usage errors and exit statuses.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
$FIGPRESS --help > help.txt || fail "--help exit status"
contains help.txt "figpress render"
contains help.txt "--handout"
[ -s help.txt ] || fail "help is empty"
$FIGPRESS --version > version.txt || fail "--version exit status"
grep -qE '^figpress [0-9]+\.[0-9]+\.[0-9]+$' version.txt || fail "version: $(cat version.txt)"
expect_status 2 $FIGPRESS --bogus 2>err.txt
contains err.txt "usage:"
expect_status 2 $FIGPRESS 2>/dev/null
expect_status 2 $FIGPRESS render 2>/dev/null
expect_status 2 $FIGPRESS render --nonsense x.md 2>err.txt
# A usage error names the option once, shows the synopsis and points at
# --help, instead of the whole help text.
contains err.txt "figpress render: unknown option '--nonsense'"
contains err.txt "usage: figpress render"
contains err.txt "figpress --help"
[ "$(grep -c nonsense err.txt)" = 1 ] || fail "option named twice"
grep -q "resolution of --format png" err.txt && fail "whole help on error"
expect_status 2 $FIGPRESS render x.md -o 2>err.txt
contains err.txt "option '-o' needs a value"
expect_status 2 $FIGPRESS watch --frob 2>err.txt
contains err.txt "figpress watch: unknown option '--frob'"
expect_status 2 $FIGPRESS frob 2>err.txt
contains err.txt "unknown command 'frob'"
expect_status 2 $FIGPRESS render --paper B5 x.md 2>/dev/null
# A missing report is an input error, not a usage error.
expect_status 1 $FIGPRESS render missing.md 2>err.txt
contains err.txt "missing.md"
contains err.txt "error:"
exit 0
