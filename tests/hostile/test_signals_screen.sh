#!/bin/bash
# Signals and the terminal: every fatal signal leaves a clean shell (modes
# restored, alternate screen left) and the status of that signal; TERM and
# HUP end the reader while a key waits for the outline; a reader whose
# terminal is closed goes; ^Z suspends and fg redraws the whole screen.
. "$(dirname "$0")/../screen/lib.sh"
TMP=$(mktemp -d /tmp/yuedu-signals.XXXXXX)
trap '$TM kill-server 2>/dev/null; rm -rf "$TMP"' EXIT

pane() { $TM display-message -p -t "$TM_T" "$1"; }
prompt_after_exit() {
	tm_cap | grep -A1 '^EXIT=' | tail -n 1 | grep -qx '\$ *'
}
reader_pid() { pgrep -P "$(pane '#{pane_pid}')" -x yuedu; }
# exit_in WANT...: the status printed after the reader is one of WANT.
exit_in() {
	local tries=200 got
	while [ $tries -gt 0 ]; do
		got=$(tm_cap | sed -n 's/^EXIT=\([0-9]*\).*/\1/p' | tail -n 1)
		if [ -n "$got" ]; then
			for w in "$@"; do [ "$got" = "$w" ] && return 0; done
			echo "  exit status $got"
			return 1
		fi
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}

# A heading pattern that takes a moment on each line: the outline of
# 40000 lines takes a minute.
for i in $(seq 40000); do echo aaaaaaaaaaaaaaaaaaaaaaaaa; done >"$TMP/slow.txt"
SLOW="--heading='^(a|aa)*[bc]' $TMP/slow.txt"

tm_start 80 24 "bash --norc --noprofile -i"
tm_keys "PS1='$ '; ulimit -c 0; stty -g > $TMP/before; clear" Enter
tm_wait '$' >/dev/null

run_and_kill() {	# run_and_kill SIGNAL ARGS STATUS...
	local sig=$1 args=$2 pid
	shift 2
	tm_keys "clear; $YUEDU $args; echo EXIT=\$?; stty -g > $TMP/after" Enter
	if ! tm_wait_in_row 24 "line 1/"; then
		not_ok "$sig: the reader opened"
		return
	fi
	pid=$(reader_pid)
	kill -s "$sig" "$pid"
	check "$sig: exit status $*" exit_in "$@"
	check "$sig: terminal modes restored" cmp -s "$TMP/before" "$TMP/after"
	check "$sig: the reader's screen is gone" absent "阿里巴巴"
	check "$sig: the alternate screen is left" \
	    test "$(pane '#{alternate_on}')" = 0
	check "$sig: the shell prompt follows" prompt_after_exit
	rm -f "$TMP/after"
}
# Under the sanitizers SEGV and BUS are reported by ASan (status 1, or
# 134 when it aborts).
run_and_kill QUIT "$SAMPLE" 131
run_and_kill USR1 "$SAMPLE" 138
run_and_kill USR2 "$SAMPLE" 140
run_and_kill ALRM "$SAMPLE" 142
run_and_kill ABRT "$SAMPLE" 134
run_and_kill SEGV "$SAMPLE" 139 1 134
run_and_kill BUS "$SAMPLE" 135 1 134

# --- TERM and HUP while t waits for the outline
wait_outline() {	# wait_outline SIGNAL STATUS
	local sig=$1 want=$2 pid t0
	tm_keys "clear; $YUEDU $SLOW; echo EXIT=\$?; stty -g > $TMP/after" Enter
	if ! tm_wait_in_row 24 "UTF-8 line 1"; then
		not_ok "$sig: the reader opened"
		return
	fi
	tm_keys t
	check "$sig: t waits for the outline" tm_wait "building the outline" 10
	pid=$(reader_pid)
	kill -s "$sig" "$pid"
	check "$sig while waiting for the outline: exit status $want" \
	    exit_in "$want"
	check "$sig: the reader is gone" test ! -e "/proc/$pid"
	check "$sig: terminal modes restored" cmp -s "$TMP/before" "$TMP/after"
	check "$sig: the shell prompt follows" prompt_after_exit
	rm -f "$TMP/after"
}
wait_outline TERM 143
wait_outline HUP 129

# --- ^Z suspends; fg redraws everything
tm_keys "clear; $YUEDU $SAMPLE" Enter
check "^Z: the reader opened" tm_wait_in_row 24 "line 1/25"
tm_keys C-z
check "^Z: the shell says the reader stopped" tm_wait "Stopped"
check "^Z: the alternate screen is left" \
    test "$(pane '#{alternate_on}')" = 0
tm_keys "clear" Enter
# The prompt first: "fg" typed before it would be echoed above it.
tm_wait_row 1 '$' || not_ok "clear: the prompt on a clear screen"
tm_keys "fg" Enter
check "fg: the text is drawn again" tm_wait_row 1 "(網經社訊)"
check "fg: the status line too" tm_wait_in_row 24 "line 1/25"
tm_keys G
check "fg: keys work" tm_wait_in_row 24 "line 13/25"
tm_keys q
check "fg, q: the reader's screen is gone" tm_wait_row 1 "$ fg"
check "fg, q: nothing of the text left" absent "網經社訊"
check "fg, q: the alternate screen is left" \
    test "$(pane '#{alternate_on}')" = 0

# --- the terminal closes while the outline is built: the reader goes
tm_start 80 24 "$YUEDU $SLOW"
check "orphan: the reader opened" tm_wait_in_row 24 "UTF-8 line 1"
tm_keys t
check "orphan: t waits for the outline" tm_wait "building the outline" 10
pid=$(pgrep -P "$(pane '#{pane_pid}')" -x yuedu || pane '#{pane_pid}')
$TM kill-session -t "$TM_T"
gone() {
	local tries=100
	while [ $tries -gt 0 ]; do
		[ -e "/proc/$1" ] || return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}
check "orphan: the reader ends within 5 s of its terminal" gone "$pid"
finish
