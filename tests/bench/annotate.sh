#!/bin/bash
# Benchmark: the reading aids on ~100 MB of novel text (63 copies of
# tests/data/shuihu_trad_gutenberg23863.txt, the file tests/bench/screen.sh
# builds, in /tmp).  In tmux at 80x24, how long until the first screen
# shows for `yuedu`, `yuedu --annotate` (the lexicon mapped and every Han
# character of the screen segmented and read) and less, with the peak
# memory (VmHWM) of each, and the ratios; then `yuedu --define 银行`:
# latency (median of 20) and peak memory (/usr/bin/time -f %M).  Not a
# ctest test: run it on a quiet machine.
#   usage: tests/bench/annotate.sh [path/to/yuedu] [runs]   (default: build/yuedu, 3)
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
. "$src/tests/bench/lib.sh"
yuedu=$(realpath "${1:-$src/build/yuedu}")
runs=${2:-3}
novel=$src/tests/data/shuihu_trad_gutenberg23863.txt
big=${TMPDIR:-/tmp}/yuedu-bench-screen.txt
state=$(mktemp -d)
export LC_ALL=C.UTF-8 LESSHISTFILE=- LESS= LESSOPEN= LESSCLOSE=
export XDG_STATE_HOME=$state XDG_CONFIG_HOME=/nonexistent
TM="tmux -L yuedu-bench-annotate-$$ -f /dev/null"
trap '$TM kill-server 2>/dev/null; rm -rf "$state"' EXIT

if [ ! -f "$big" ] || [ "$(stat -c %s "$big")" -ne $((63 * $(stat -c %s "$novel"))) ]; then
	: >"$big"
	for _ in $(seq 63); do cat "$novel" >>"$big"; done
fi
echo "file: $big ($(stat -c %s "$big") bytes)"
cat "$big" >/dev/null	# warm the page cache: measure the programs, not the disk
# What each first screen shows first: a piece of the first text row.
first=$(grep -m 1 -v '^[[:space:]]*$' "$big" | cut -c1-6)
first_ann=$("$yuedu" --annotate --pinyin=show --dump -w 80 "$novel" |
    grep -m 1 -v '^[[:space:]]*$' | cut -c1-12)
echo "first row: '$first'   annotated: '$first_ann'"

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

$TM new-session -d -s idle -x 80 -y 24 "sleep 600"
declare -A t m
printf '%-10s %4s %10s %10s\n' prog run first_ms VmHWM_kB
for run in $(seq "$runs"); do
	for prog in yuedu annotate less; do
		case $prog in
		yuedu) cmd="exec $yuedu $big" want=$first ;;
		annotate) cmd="exec $yuedu --annotate $big" want=$first_ann ;;
		less) cmd="exec less $big" want=$first ;;
		esac
		s=$prog$run
		t0=$(now)
		$TM new-session -d -s "$s" -x 80 -y 24 "$cmd"
		wait_for "$s" "$want"
		t1=$(now)
		pid=$($TM display-message -p -t "$s" '#{pane_pid}')
		sleep 0.3
		t[$prog]="${t[$prog]:-} $(ms "$t0" "$t1")"
		m[$prog]=$(kb VmHWM "$pid")
		printf '%-10s %4s %10s %10s\n' "$prog" "$run" "$(ms "$t0" "$t1")" \
		    "${m[$prog]}"
		$TM send-keys -t "$s" q
		sleep 0.2
		$TM kill-session -t "$s" 2>/dev/null || true
	done
done
# shellcheck disable=SC2086
ty=$(median ${t[yuedu]}) ta=$(median ${t[annotate]}) tl=$(median ${t[less]})
echo "first screen, median ms: yuedu $ty, yuedu --annotate $ta, less $tl"
awk -v a="$ta" -v y="$ty" -v l="$tl" 'BEGIN {
	printf "ratios: --annotate / plain %.2f, --annotate / less %.2f, plain / less %.2f\n",
	    a / (y ? y : 1), a / (l ? l : 1), y / (l ? l : 1) }'
echo "peak memory kB: yuedu ${m[yuedu]}, yuedu --annotate ${m[annotate]}, less ${m[less]}"

d=()
for _ in $(seq 20); do
	t0=$(now)
	"$yuedu" --define 银行 >/dev/null
	d+=("$(( ($(now) - t0) / 100000 ))")	# tenths of a ms
done
dm=$(median "${d[@]}")
mem=$( { /usr/bin/time -f %M "$yuedu" --define 银行 >/dev/null; } 2>&1 )
printf -- '--define 银行: median %d.%d ms (20 runs), peak memory %s kB\n' \
    $((dm / 10)) $((dm % 10)) "$mem"
