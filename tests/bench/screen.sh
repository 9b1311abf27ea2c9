#!/bin/bash
# Benchmark: the reader against less on ~100 MB of novel text (63 copies
# of tests/data/shuihu_trad_gutenberg23863.txt, built in /tmp).  Each
# program runs in its own tmux session at 80x24; we time how long until
# the first row of the text shows, then how long after G until the last
# line shows, and read the peak memory (VmHWM, with RssAnon and RssFile)
# from /proc.  Not a ctest test: run it on a quiet machine.
#   usage: tests/bench/screen.sh [path/to/yuedu] [runs]   (default: build/yuedu, 3)
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
. "$src/tests/bench/lib.sh"
yuedu=$(realpath "${1:-$src/build/yuedu}")
runs=${2:-3}
novel=$src/tests/data/shuihu_trad_gutenberg23863.txt
big=${TMPDIR:-/tmp}/yuedu-bench-screen.txt
export LC_ALL=C.UTF-8 LESSHISTFILE=- LESS= LESSOPEN= LESSCLOSE=
TM="tmux -L yuedu-bench-$$ -f /dev/null"
trap '$TM kill-server 2>/dev/null' EXIT

if [ ! -f "$big" ] || [ "$(stat -c %s "$big")" -ne $((63 * $(stat -c %s "$novel"))) ]; then
	: >"$big"
	for i in $(seq 63); do cat "$novel" >>"$big"; done
fi
echo "file: $big ($(stat -c %s "$big") bytes, $(wc -l <"$big") lines)"
cat "$big" >/dev/null	# warm the page cache: measure the programs, not the disk
first=$(head -n 1 "$big" | cut -c1-8)
last=$(grep -v '^[[:space:]]*$' "$big" | tail -n 1 | cut -c1-8)


$TM new-session -d -s idle -x 80 -y 24 "sleep 600"
printf '%-6s %4s %12s %10s %12s %12s %12s\n' prog run first_ms G_ms VmHWM_kB RssAnon_kB RssFile_kB
for run in $(seq "$runs"); do
	for prog in yuedu less; do
		case $prog in
		yuedu) cmd="exec $yuedu $big" ;;
		less) cmd="exec less $big" ;;
		esac
		s=$prog$run
		t0=$(now)
		$TM new-session -d -s "$s" -x 80 -y 24 "$cmd"
		wait_for "$s" "$first"
		t1=$(now)
		pid=$($TM display-message -p -t "$s" '#{pane_pid}')
		sleep 0.5	# let any background work settle
		t2=$(now)
		$TM send-keys -t "$s" G
		wait_for "$s" "$last"
		t3=$(now)
		sleep 0.2
		printf '%-6s %4s %12s %10s %12s %12s %12s\n' "$prog" "$run" \
		    "$(ms "$t0" "$t1")" "$(ms "$t2" "$t3")" "$(kb VmHWM "$pid")" \
		    "$(kb RssAnon "$pid")" "$(kb RssFile "$pid")"
		$TM send-keys -t "$s" q
		sleep 0.2
		$TM kill-session -t "$s" 2>/dev/null || true
	done
done
