# Keeping the place and the terminal: 80->40->80 columns, 10x4 and rapid
# resizes, LANG=C, q leaves a clean shell, SIGINT/SIGTERM/SIGHUP restore
# the terminal, no usable terminal, text on standard input.
. "$(dirname "$0")/lib.sh"
TMP=$(mktemp -d /tmp/yuedu-robust.XXXXXX)
trap '$TM kill-server 2>/dev/null; rm -rf "$TMP"' EXIT

pane() { $TM display-message -p -t "$TM_T" "$1"; }
# status_is FILE STATUS: FILE (written when the command ends) says STATUS.
status_is() {
	local tries=100
	while [ "$tries" -gt 0 ] && [ ! -s "$1" ]; do
		sleep 0.05
		tries=$((tries - 1))
	done
	[ "$(cat "$1" 2>/dev/null)" = "$2" ]
}

# --- resize keeps the place
tm_start 80 24 "$YUEDU --ambiguous=narrow $SAMPLE"
tm_wait_in_row 24 "line 1/" >/dev/null
tm_keys 5 g j	# second row of line 5
check "80 cols: second row of line 5 on top" \
    tm_wait_row 1 "配送,甚至菜鳥的物流優化。例如,通義千問大模型若與電商場景深度結合,可能徹底重構“人"
$TM resize-window -t "$TM_T" -x 40 -y 24
check "40 cols: the top row holds the same place" \
    row_matches 1 "^配送,甚至菜鳥的物流優化。例如,通義千問大\$"
check "40 cols: rows re-laid out to 40 columns" \
    tm_wait_row 2 "模型若與電商場景深度結合,可能徹底重構“人"
$TM resize-window -t "$TM_T" -x 80 -y 24
check "80 -> 40 -> 80 comes back to the same row" \
    tm_wait_row 1 "配送,甚至菜鳥的物流優化。例如,通義千問大模型若與電商場景深度結合,可能徹底重構“人"
check "status line still says line 5" tm_wait_in_row 24 "line 5/25"

# --- 10x4 and rapid resizes
tm_start 10 4 "$YUEDU $SAMPLE; echo \$? > $TMP/status"
check "10x4: status line on row 4" tm_wait_in_row 4 "%"
tm_keys j ] t j Enter h q G '[' d u
for i in 1 2 3 4 5 6 7 8 9 10; do
	for s in 10x4 3x2 1x1 80x24 20x3 2x9 61x5 59x30; do
		$TM resize-window -t "$TM_T" -x "${s%x*}" -y "${s#*x}"
	done
	tm_keys j t
done
$TM resize-window -t "$TM_T" -x 10 -y 4
tm_keys Escape g
sleep 0.3
check "10x4 and 80 rapid resizes: still running" \
    test ! -e "$TMP/status"
check "10x4: status line back on row 4" tm_wait_in_row 4 "%"
tm_keys q
check "10x4: q exits 0" status_is "$TMP/status" 0

# --- LANG=C and no locale at all still show Chinese
tm_start 80 24 "env -u LC_ALL -u LC_CTYPE LANG=C $YUEDU $SAMPLE"
check "LANG=C shows Chinese" tm_wait_row 1 "(網經社訊)在第21個510阿里日"
tm_start 80 24 "env -u LC_ALL -u LC_CTYPE -u LANG $YUEDU $SAMPLE"
check "no locale variables: Chinese" tm_wait_row 1 "(網經社訊)在第21個510阿里日"

# --- a shell around the reader: q, signals, no terminal, stdin
tm_start 80 24 "bash --norc --noprofile -i"
tm_keys "PS1='$ '; stty -g > $TMP/before; clear" Enter
tm_wait '$' >/dev/null

prompt_after_exit() {
	tm_cap | grep -A1 '^EXIT=' | tail -n 1 | grep -qx '\$ *'
}

run_and_end() {	# run_and_end HOW EXPECTED_STATUS
	local how=$1 want=$2 pid
	tm_keys "clear; $YUEDU $SAMPLE; echo EXIT=\$?; stty -g > $TMP/after" Enter
	if ! tm_wait_in_row 24 "line 1/25"; then
		not_ok "$how: the reader opened"
		return
	fi
	case $how in
	q) tm_keys q ;;
	SIGINT) tm_keys C-c ;;
	*)
		pid=$(pgrep -P "$(pane '#{pane_pid}')" -x yuedu)
		kill -s "${how#SIG}" "$pid"
		;;
	esac
	check "$how: exit status $want" tm_wait "EXIT=$want"
	check "$how: terminal modes restored" cmp -s "$TMP/before" "$TMP/after"
	check "$how: the reader's screen is gone" absent "阿里巴巴"
	check "$how: the shell prompt follows" prompt_after_exit
	rm -f "$TMP/after"
}
run_and_end q 0
run_and_end SIGINT 130
run_and_end SIGTERM 143
run_and_end SIGHUP 129

tm_keys "clear; TERM=no-such-terminal $YUEDU $SAMPLE; echo EXIT=\$?" Enter
check "unknown terminal: exit 2" tm_wait "EXIT=2"
check "unknown terminal: a clear message" \
    tm_wait "yuedu: cannot use the terminal (TERM=no-such-terminal)"

tm_keys "clear; cat $SAMPLE | $YUEDU; echo EXIT=\$?" Enter
check "text on standard input, keys from the terminal" \
    tm_wait_row 1 "(網經社訊)"
tm_keys ']'
check "stdin: ] moves to the first heading" \
    tm_wait_row 1 "AI協同效應:從業務割裂到全局價值重構"
tm_keys q
check "stdin: q returns to the shell, status 0" tm_wait "EXIT=0"
finish
