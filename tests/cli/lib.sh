# Helpers for the command-line tests (sourced, not run): a temporary
# directory $tmp removed on exit, and check() counting failures in $fail;
# a test ends with `exit $fail`.
set -u
: "${YUEDU:?YUEDU must name the yuedu binary}"
# English, whatever LANGUAGE the caller has (tests of Chinese set it).
unset LANGUAGE
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT
fail=0

# check WHAT EXPECTED ACTUAL: ok when the two strings are equal.
check() {
	if [ "$2" = "$3" ]; then
		echo "ok: $1"
	else
		echo "FAIL: $1"
		echo "  expected: $(printf '%s' "$2" | head -5)"
		echo "  actual:   $(printf '%s' "$3" | head -5)"
		fail=1
	fi
}
