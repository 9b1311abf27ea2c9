# Helpers for the tmux screen tests (sourced, not run): one tmux server per
# test, killed on exit; polling instead of fixed sleeps.
set -u
: "${YUEDU:?YUEDU must name the yuedu binary}"
: "${YUEDU_DATA:?YUEDU_DATA must name tests/data}"
: "${YUEDU_SRC:?YUEDU_SRC must name the source tree}"
export LC_ALL=C.UTF-8
# English, whatever LANGUAGE the caller has (tests of Chinese set it).
unset LANGUAGE
SAMPLE="$YUEDU_SRC/articles/01-ali-ai-zhanyi.txt"
TM_SOCK="yuedu-$(basename "$0" .sh)-$$"
TM="tmux -L $TM_SOCK -f /dev/null"
TM_FAILS=0
# Remembered places go to a temporary state directory: a fresh one for
# each tm_start unless the test sets TM_STATE (to reopen where it left).
TM_TMP=$(mktemp -d)
TM_STATE=
tm_cleanup() {
	local tries=40
	$TM kill-server 2>/dev/null
	# Readers ended by the kill may still be saving their place.
	until rm -rf "$TM_TMP" 2>/dev/null || [ $tries -eq 0 ]; do
		sleep 0.05
		tries=$((tries - 1))
	done
}
trap tm_cleanup EXIT

# tm_start COLS ROWS COMMAND...: a fresh session running COMMAND.
# Each start is a new session on the same server; the previous one goes.
TM_N=0
TM_T=s0
tm_start() {
	local cols=$1 rows=$2 old=$TM_T
	shift 2
	TM_N=$((TM_N + 1))
	TM_T=s$TM_N
	$TM new-session -d -s "$TM_T" -x "$cols" -y "$rows" \
	    "export XDG_STATE_HOME='${TM_STATE:-$TM_TMP/state$TM_N}'; $*"
	$TM set-option -g remain-on-exit on >/dev/null 2>&1
	$TM kill-session -t "$old" 2>/dev/null
}

tm_cap() { $TM capture-pane -p -t "$TM_T"; }
tm_keys() { $TM send-keys -t "$TM_T" "$@"; }

# tm_wait TEXT [SECONDS]: wait until TEXT is on the screen.
tm_wait() {
	local text=$1 tries=$(( ${2:-5} * 20 ))
	while [ "$tries" -gt 0 ]; do
		tm_cap | grep -qF -- "$text" && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}

# tm_wait_row N TEXT: wait until screen row N (1-based) starts with TEXT.
tm_wait_row() {
	local n=$1 text=$2 tries=100 row
	while [ "$tries" -gt 0 ]; do
		row=$(tm_cap | sed -n "${n}p")
		[[ "$row" == "$text"* ]] && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}

# tm_wait_in_row N TEXT: wait until screen row N holds TEXT anywhere.
tm_wait_in_row() {
	local n=$1 text=$2 tries=100
	while [ "$tries" -gt 0 ]; do
		tm_cap | sed -n "${n}p" | grep -qF -- "$text" && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}

# tm_cursor: the terminal cursor as "X Y" (0-based), and whether shown.
tm_cursor() {
	$TM display-message -p -t "$TM_T" '#{cursor_x} #{cursor_y} #{cursor_flag}'
}

# tm_wait_cursor X Y: wait until the cursor shows at column X, row Y.
tm_wait_cursor() {
	local tries=100
	while [ "$tries" -gt 0 ]; do
		[ "$(tm_cursor)" = "$1 $2 1" ] && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}

# row_wait_exact N TEXT: wait until screen row N is exactly TEXT.
row_wait_exact() {
	local tries=100
	while [ "$tries" -gt 0 ]; do
		[ "$(tm_cap | sed -n "$1p")" = "$2" ] && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}

# row_wait_match N REGEX: wait until screen row N matches the extended REGEX.
row_wait_match() {
	local tries=100
	while [ "$tries" -gt 0 ]; do
		tm_cap | sed -n "$1p" | grep -qE -- "$2" && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}

# row_matches N REGEX: the same as row_wait_match.  It once read the row
# at once, and a check made right after a key or a resize read the screen
# before the program had redrawn it.
row_matches() { row_wait_match "$@"; }

# tm_until COMMAND...: wait until COMMAND (which reads the screen) succeeds,
# e.g. tm_until eval '[ "$(tm_cap | grep -c min)" = 4 ]'.
tm_until() {
	local tries=100
	while [ "$tries" -gt 0 ]; do
		"$@" && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}
# absent TEXT: TEXT is nowhere on the screen.
absent() { ! tm_cap | grep -qF -- "$1"; }

ok() { echo "ok: $*"; }
not_ok() {
	echo "FAIL: $*"
	echo "--- screen:"
	tm_cap | sed 's/^/| /'
	TM_FAILS=$((TM_FAILS + 1))
}
check() {	# check DESCRIPTION COMMAND...
	local what=$1
	shift
	if "$@"; then ok "$what"; else not_ok "$what"; fi
}
finish() {
	if [ "$TM_FAILS" -gt 0 ]; then
		echo "$TM_FAILS check(s) failed"
		exit 1
	fi
	echo "all checks passed"
}
