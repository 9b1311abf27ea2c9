# The remembered place in tmux, with a temporary XDG_STATE_HOME: the top
# row and marks come back on reopening; --no-remember and +N win; a corrupt
# state file and a state directory that cannot be written give a warning
# and the reader still opens; two processes quitting at once keep both
# places; SIGTERM saves the place and restores the terminal.
. "$(dirname "$0")/lib.sh"

tmp=$TM_TMP/t
mkdir -p "$tmp"
cp "$YUEDU_DATA/xianfa.md" "$tmp/xianfa.md"
# The novel is hard-wrapped: read as written (--reflow=off), each line
# is a row start.
cp "$YUEDU_DATA/hongloumeng_trad_ch1-5.txt" "$tmp/hlm.txt"
cp "$YUEDU_DATA/sunzi-bingfa-simplified-utf-8.txt" "$tmp/sunzi.txt"
F=$tmp/xianfa.md
Y="$YUEDU --ambiguous=narrow"
export TM_STATE=$tmp/state

# read ARGS...: the reader on a fresh session; says EXIT=N when it ends.
read_file() { tm_start 80 24 "$Y $*; echo EXIT=\$?; sleep 60"; }
# top_line: the line number the status line shows.
top_line() { tm_cap | sed -n 24p | sed -E 's/.*line ([0-9]+).*/\1/'; }

read_file "$F"
check "first open starts at line 1" tm_wait_in_row 24 "line 1/"
tm_keys 101 g
check "101g goes to line 101" tm_wait_in_row 24 "line 101/"
top=$(tm_cap | sed -n 1p)
tm_keys 41 g m a 61 g m b 101 g q
check "q quits" tm_wait "EXIT=0"
check "the place is saved under XDG_STATE_HOME/yuedu" \
    test -n "$(ls "$TM_STATE/yuedu" 2>/dev/null)"

read_file "$F"
check "reopening restores line 101" tm_wait_in_row 24 "line 101/"
check "the same top row" row_wait_exact 1 "$top"
tm_keys "'" a
check "mark a restored (line 41)" tm_wait_in_row 24 "line 41/"
tm_keys "'" b
check "mark b restored (line 61)" tm_wait_in_row 24 "line 61/"
tm_keys 101 g q
tm_wait "EXIT=0"

cp "$F" "$tmp/renamed.md"
read_file "$tmp/renamed.md"
check "a renamed copy of the text finds the place" tm_wait_in_row 24 "line 101/"

read_file --no-remember "$F"
check "--no-remember starts at the top" tm_wait_in_row 24 "line 1/"
tm_keys 301 g q
tm_wait "EXIT=0"
read_file "+21 $F"
check "+21 wins over the remembered place" tm_wait_in_row 24 "line 21/"
tm_keys "'" a
check "... and the marks still come back" tm_wait_in_row 24 "line 41/"
tm_keys 101 g q
tm_wait "EXIT=0"
read_file "$F"
check "--no-remember saved nothing (still line 101)" \
    tm_wait_in_row 24 "line 101/"
tm_keys q
tm_wait "EXIT=0"

# A corrupt state file: a warning, the reader opens at the top.
for f in "$TM_STATE"/yuedu/*; do printf 'garbage\n\001\002' >"$f"; done
read_file "$F"
check "corrupt state: opens at the top" tm_wait_in_row 24 "line 1/"
check "corrupt state: a one-line warning" tm_wait_in_row 24 "not a yuedu state file"
tm_keys 29 g q
check "corrupt state: q still quits cleanly" tm_wait "EXIT=0"
read_file "$F"
check "the corrupt record is replaced on quit" tm_wait_in_row 24 "line 29/"
tm_keys q
tm_wait "EXIT=0"

# A state directory that cannot be made (its parent is a regular file:
# root ignores permissions, not that).
: >"$tmp/notadir"
TM_STATE=$tmp/notadir/state read_file "$F"
check "unusable state dir: the reader opens" tm_wait_in_row 24 "line 1/"
check "unusable state dir: a warning in the status line" \
    tm_wait_in_row 24 "Not a directory"
tm_keys 50 g q
check "unusable state dir: exits 0" tm_wait "EXIT=0"
check "unusable state dir: one line on stderr on the way out" \
    tm_wait "yuedu: cannot create $tmp/notadir/state/yuedu: Not a directory"
check "unusable state dir: nothing else printed" \
    test "$(tm_cap | grep -c yuedu:)" = 1

# Two processes quitting at once: both places kept (different files),
# and both marks kept (the same file).
tm_new() {	# tm_new NAME ARGS...
	local name=$1
	shift
	$TM new-session -d -s "$name" -x 80 -y 24 \
	    "export XDG_STATE_HOME='$TM_STATE'; $Y --reflow=off $*; echo EXIT=\$?; sleep 60"
}
tm_new p1 "$tmp/hlm.txt"
tm_new p2 "$tmp/sunzi.txt"
tm_new p3 "$tmp/hlm.txt"
$TM kill-session -t "$TM_T" 2>/dev/null
wait_in() {	# wait_in SESSION TEXT
	local tries=100
	while [ $tries -gt 0 ]; do
		$TM capture-pane -p -t "$1" | grep -qF -- "$2" && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}
$TM send-keys -t p1 7 7 g m c
$TM send-keys -t p2 3 3 g
$TM send-keys -t p3 9 9 g m d
check "p1 at line 77" wait_in p1 "line 77/"
check "p2 at line 33" wait_in p2 "line 33/"
check "p3 at line 99" wait_in p3 "line 99/"
$TM send-keys -t p1 q \; send-keys -t p2 q \; send-keys -t p3 q
for s in p1 p2 p3; do check "$s quits" wait_in $s "EXIT=0"; done
read_file "$tmp/sunzi.txt"
check "two at once: the other file's place is kept" tm_wait_in_row 24 "line 33/"
read_file --reflow=off "$tmp/hlm.txt"
tm_wait_in_row 24 "/1007"
check "two at once on one file: one of the two places is kept" \
    row_wait_match 24 'line (77|99)/'

tm_keys "'" c
check "two at once on one file: the first one's mark is kept" \
    tm_wait_in_row 24 "line 77/"
tm_keys "'" d
check "two at once on one file: the second one's mark is kept" \
    tm_wait_in_row 24 "line 99/"
tm_keys q
tm_wait "EXIT=0"

# SIGTERM: the place is saved and the terminal restored.
read_file "$F"
tm_wait_in_row 24 "line 29/"
tm_keys 71 g
check "at line 71 before SIGTERM" tm_wait_in_row 24 "line 71/"
pid=$(pgrep -P "$($TM display -p -t "$TM_T" '#{pane_pid}')" yuedu)
kill -TERM $pid
check "SIGTERM: exit status 143" tm_wait "EXIT=143"
check "SIGTERM: the terminal is out of the alternate screen" \
    test "$($TM display -p -t "$TM_T" '#{alternate_on}')" = 0
check "SIGTERM: the cursor is visible again" \
    test "$($TM display -p -t "$TM_T" '#{cursor_flag}')" = 1
read_file "$F"
check "SIGTERM saved the place" tm_wait_in_row 24 "line 71/"
tm_keys 11 g
pid=$(pgrep -P "$($TM display -p -t "$TM_T" '#{pane_pid}')" yuedu)
kill -HUP $pid
tm_wait "EXIT=129"
read_file "$F"
check "SIGHUP saved the place" tm_wait_in_row 24 "line 11/"
tm_keys q

finish
