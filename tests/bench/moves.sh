#!/bin/bash
# Benchmark: moves that should cost the same on 1 GB as on 1 MB, against
# less, in one run.  Builds ~1 GB of novel text (641 copies of
# tests/data/shuihu_trad_gutenberg23863.txt) in /tmp, and uses the novel
# itself (1.6 MB) as the small one.  For each, in tmux at 80x24: time to
# the first screen, time after G until the last line shows, time after 50%
# until the screen changes, peak memory (VmHWM) and heap (RssAnon) at the
# end.  yuedu runs with --reflow=off, showing the text as less does
# (reflowing renders the whole text for G: see render.sh).  Prints ratios.
#   usage: tests/bench/moves.sh [path/to/yuedu] [runs]   (default: build/yuedu, 1)
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
. "$src/tests/bench/lib.sh"
yuedu=$(realpath "${1:-$src/build/yuedu}")
runs=${2:-1}
tmp=${TMPDIR:-/tmp}
small=$src/tests/data/shuihu_trad_gutenberg23863.txt
big=$tmp/yuedu-bench-moves.txt
export LC_ALL=C.UTF-8 LESSHISTFILE=- LESS= LESSOPEN= LESSCLOSE=
export XDG_STATE_HOME=$tmp/yuedu-bench-moves-state
TM="tmux -L yuedu-bench-moves-$$ -f /dev/null"
trap '[ "$BASHPID" = $$ ] && { $TM kill-server 2>/dev/null; rm -rf "$XDG_STATE_HOME"; }' EXIT

if [ ! -f "$big" ] || [ "$(stat -c %s "$big")" -ne $((641 * $(stat -c %s "$small"))) ]; then
	: >"$big"
	for i in $(seq 641); do cat "$small" >>"$big"; done
fi
cat "$big" >/dev/null	# warm the page cache: measure the programs, not the disk
first=$(head -n 3 "$small" | tail -n 1 | cut -c1-6)
last=$(grep -v '^[[:space:]]*$' "$small" | tail -n 1 | cut -c1-10)

wait_change() {	# wait_change SESSION SCREEN: until the text rows differ
	local end=$(( $(now) + 60000000000 ))
	while [ "$(now)" -lt "$end" ]; do
		[ "$($TM capture-pane -p -t "$1" | head -n 23)" != "$2" ] &&
			return 0
		sleep 0.002
	done
	echo "timeout waiting for a change in $1" >&2
	return 1
}

# run CMD: first-screen, G and 50% ms, VmHWM and RssAnon kB into res_*
# (no subshell: the tmux server is this shell's).
run() {
	local s=b$RANDOM t0 t1 top pid
	rm -rf "$XDG_STATE_HOME"	# every run from the top
	t0=$(now)
	$TM new-session -d -s "$s" -x 80 -y 24 "exec $1"
	wait_for "$s" "$first"
	t1=$(now)
	res_f=$(ms "$t0" "$t1")
	pid=$($TM display-message -p -t "$s" '#{pane_pid}')
	sleep 0.5	# let the first screen settle
	top=$($TM capture-pane -p -t "$s" | head -n 23)
	t0=$(now)
	$TM send-keys -t "$s" G
	wait_for "$s" "$last"
	t1=$(now)
	res_g=$(ms "$t0" "$t1")
	$TM send-keys -t "$s" g
	wait_for "$s" "$first"
	sleep 0.3
	t0=$(now)
	$TM send-keys -t "$s" 5 0 %
	wait_change "$s" "$top"
	t1=$(now)
	res_p=$(ms "$t0" "$t1")
	sleep 0.3
	res_m=$(kb VmHWM "$pid") res_a=$(kb RssAnon "$pid")
	$TM send-keys -t "$s" q
	sleep 0.2
	$TM kill-session -t "$s" 2>/dev/null || true
}

$TM new-session -d -s idle -x 80 -y 24 "sleep 3600"
echo "small: $small ($(stat -c %s "$small") bytes); big: $big ($(stat -c %s "$big") bytes)"
printf '%-12s %4s %9s %6s %7s %10s %11s\n' what run first_ms G_ms 50%_ms VmHWM_kB RssAnon_kB
declare -A F G P M A
for r in $(seq "$runs"); do
	for what in small small-less big big-less; do
		case $what in
		small) cmd="$yuedu --reflow=off $small" ;;
		small-less) cmd="less $small" ;;
		big) cmd="$yuedu --reflow=off $big" ;;
		big-less) cmd="less $big" ;;
		esac
		run "$cmd"
		F[$what]=$res_f G[$what]=$res_g P[$what]=$res_p
		M[$what]=$res_m A[$what]=$res_a
		printf '%-12s %4s %9s %6s %7s %10s %11s\n' "$what" "$r" \
		    "$res_f" "$res_g" "$res_p" "$res_m" "$res_a"
	done
done
for k in small big; do
	echo "$k: first screen ${F[$k]} ms = $(ratio "${F[$k]}" "${F[$k-less]}")x less;" \
	    "G ${G[$k]} ms = $(ratio "${G[$k]}" "${G[$k-less]}")x less;" \
	    "50% ${P[$k]} ms = $(ratio "${P[$k]}" "${P[$k-less]}")x less;" \
	    "peak ${M[$k]} kB = $(ratio "${M[$k]}" "${M[$k-less]}")x less;" \
	    "heap ${A[$k]} kB = $(ratio "${A[$k]}" "${A[$k-less]}")x less"
done
echo "1 GB against 1.6 MB: first screen $(ratio "${F[big]}" "${F[small]}")x," \
    "G $(ratio "${G[big]}" "${G[small]}")x, 50% $(ratio "${P[big]}" "${P[small]}")x" \
    "(less: $(ratio "${F[big-less]}" "${F[small-less]}")x, $(ratio "${G[big-less]}" "${G[small-less]}")x," \
    "$(ratio "${P[big-less]}" "${P[small-less]}")x)"
