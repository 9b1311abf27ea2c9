#!/bin/bash
# Benchmark: rendered documents against the same text shown as it is and
# against less, in one run.  Builds ~100 MB of Markdown (copies of
# tests/data/jieba_README.md and copywriting-guidelines) and ~100 MB of a
# hard-wrapped novel (63 copies of shuihu) in /tmp.  For each, in tmux
# at 80x24: time to the first screen, time after G until the last line
# shows, peak memory (VmHWM) -- for yuedu rendering (Markdown / reflow),
# yuedu --raw (the plain text) and less; and G for yuedu once it is idle,
# the rest of the text rendered on the other core.  Prints ratios.
#   usage: tests/bench/render.sh [path/to/yuedu] [runs]   (default: build/yuedu, 1)
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
. "$src/tests/bench/lib.sh"
yuedu=$(realpath "${1:-$src/build/yuedu}")
runs=${2:-1}
tmp=${TMPDIR:-/tmp}
md=$tmp/yuedu-bench-render.md
novel=$tmp/yuedu-bench-render.txt
export LC_ALL=C.UTF-8 LESSHISTFILE=- LESS= LESSOPEN= LESSCLOSE=
export XDG_STATE_HOME=$tmp/yuedu-bench-render-state
TM="tmux -L yuedu-bench-render-$$ -f /dev/null"
trap '[ "$BASHPID" = $$ ] && { $TM kill-server 2>/dev/null; rm -rf "$XDG_STATE_HOME"; }' EXIT

build() {	# build OUT COPIES FILE...
	local out=$1 n=$2
	shift 2
	[ -f "$out" ] && [ "$(stat -c %s "$out")" -gt 90000000 ] && return
	cat "$@" >"$out.one"
	: >"$out"
	for i in $(seq "$n"); do cat "$out.one" >>"$out"; done
	rm -f "$out.one"
}
build "$md" 2400 "$src/tests/data/jieba_README.md" \
    "$src/tests/data/copywriting-guidelines_README.zh-Hans.md"
build "$novel" 63 "$src/tests/data/shuihu_trad_gutenberg23863.txt"
cat "$md" "$novel" >/dev/null	# warm the page cache


# run NAME FIRST LAST CMD [idle]: first-screen ms, G ms and VmHWM kB into
# res_f, res_g, res_m (no subshell: the tmux server is this shell's).
run() {
	local s=b$RANDOM t0 t1 t2 t3 pid
	rm -rf "$XDG_STATE_HOME"	# every run from the top
	t0=$(now)
	$TM new-session -d -s "$s" -x 80 -y 24 "exec $4"
	wait_for "$s" "$2"
	t1=$(now)
	pid=$($TM display-message -p -t "$s" '#{pane_pid}')
	[ "${5:-}" = idle ] && idle "$pid"
	sleep 0.5
	t2=$(now)
	$TM send-keys -t "$s" G
	wait_for "$s" "$3"
	t3=$(now)
	sleep 0.2
	res_f=$(ms "$t0" "$t1") res_g=$(ms "$t2" "$t3")
	res_m=$(kb VmHWM "$pid")
	$TM send-keys -t "$s" q
	sleep 0.2
	$TM kill-session -t "$s" 2>/dev/null || true
}

$TM new-session -d -s idle -x 80 -y 24 "sleep 3600"
printf '%-28s %4s %10s %8s %10s\n' what run first_ms G_ms VmHWM_kB
declare -A F G M
for r in $(seq "$runs"); do
	for what in md md-idle md-raw md-less novel novel-idle novel-raw \
	    novel-less; do
		idle=
		case $what in
		md|md-idle) f=$md; cmd="$yuedu $md"
		    first=jieba; last="https://github.com/mzlogin/chinese-copy" ;;
		md-raw) f=$md; cmd="$yuedu --raw $md"
		    first="========"; last=$(tail -n 1 "$md" | cut -c1-10) ;;
		md-less) f=$md; cmd="less $md"
		    first="========"; last=$(tail -n 1 "$md" | cut -c1-10) ;;
		novel|novel-idle) cmd="$yuedu $novel"
		    first=$(head -n 3 "$novel" | tail -n 1 | cut -c1-6)
		    last=$(grep -v '^[[:space:]]*$' "$novel" | tail -n 1 | cut -c1-6) ;;
		novel-raw) cmd="$yuedu --reflow=off $novel" ;;
		novel-less) cmd="less $novel" ;;
		esac
		case $what in *-idle) idle=idle ;; esac
		run "$what" "$first" "$last" "$cmd" $idle
		a=$res_f b=$res_g c=$res_m
		F[$what]=$a G[$what]=$b M[$what]=$c
		printf '%-28s %4s %10s %8s %10s\n' "$what" "$r" "$a" "$b" "$c"
	done
done
for k in md novel; do
	echo "$k: first screen ${F[$k]} ms = $(ratio "${F[$k]}" "${F[$k-raw]}")x as it is, $(ratio "${F[$k]}" "${F[$k-less]}")x less;" \
	    "G ${G[$k]} ms = $(ratio "${G[$k]}" "${G[$k-raw]}")x, $(ratio "${G[$k]}" "${G[$k-less]}")x less;" \
	    "G once the reader is idle (the rest rendered meanwhile) ${G[$k-idle]} ms = $(ratio "${G[$k-idle]}" "${G[$k-less]}")x less;" \
	    "memory ${M[$k]} kB = $(ratio "${M[$k]}" "${M[$k-raw]}")x, $(ratio "${M[$k]}" "${M[$k-less]}")x less"
done
