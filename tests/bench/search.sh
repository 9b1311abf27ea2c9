#!/bin/bash
# Benchmark: find a term at the end of ~100 MB of Chinese text, yuedu
# against less, side by side in one run.  The file is 63 copies of
# tests/data/shuihu_trad_gutenberg23863.txt plus one last line holding
# 網經社, built in /tmp.  less gets `less +/網經社` in a tmux pane (a real
# pseudo-terminal) and is timed until the match is on screen; yuedu gets
# the simplified 网经社 (found only through its folding) both as
# `--grep` and, when the reader screen exists, as `yuedu +/网经社` in
# tmux.  Not a ctest test: run it on a quiet machine.
#   usage: tests/bench/search.sh [path/to/yuedu]   (default: build/yuedu)
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
yuedu=${1:-$src/build/yuedu}
novel=$src/tests/data/shuihu_trad_gutenberg23863.txt
big=${TMPDIR:-/tmp}/yuedu-bench-search-$(id -u)-63x.txt
sock=yuedu-bench-search-$$

if [ ! -f "$big" ] || [ "$(tail -n 1 "$big")" != "結尾有網經社的一行" ]; then
	: >"$big"
	for _ in $(seq 63); do cat "$novel" >>"$big"; done
	printf '\n結尾有網經社的一行\n' >>"$big"
fi
echo "file: $big ($(stat -c %s "$big") bytes)"
cat "$big" >/dev/null	# warm the page cache

now() { date +%s.%N; }
cleanup() { tmux -L "$sock" kill-server 2>/dev/null || true; }
trap cleanup EXIT

# Time COMMAND in a fresh tmux pane until TEXT shows (timeout 60 s).
pane_time() {
	local text=$1 cmd=$2 start end
	cleanup
	start=$(now)
	tmux -L "$sock" -f /dev/null new-session -d -x 100 -y 30 \
	    "env LANG=C.UTF-8 LESS= LESSOPEN= $cmd; sleep 30"
	for _ in $(seq 6000); do
		if tmux -L "$sock" capture-pane -p 2>/dev/null | grep -q "$text"
		then
			end=$(now)
			cleanup
			echo "$end - $start" | bc
			return
		fi
		sleep 0.01
	done
	cleanup
	echo "timeout"
}

best() { printf '%s\n' "$@" | sort -g | head -1; }

g=() l=() p=() z=()
for run in 1 2 3; do
	start=$(now)
	out=$("$yuedu" --grep 网经社 "$big")
	end=$(now)
	g+=("$(echo "$end - $start" | bc)")
	[ "$out" = "1065269:結尾有網經社的一行" ] || { echo "wrong --grep output: $out"; exit 1; }
	z+=("$(pane_time 網經社 "echo 網經社")")
	l+=("$(pane_time 網經社 "less +/網經社 $big")")
	if [ -f "$src/src/screen.c" ]; then
		p+=("$(pane_time 網經社 "$yuedu +/网经社 $big")")
	fi
	echo "run $run: yuedu --grep ${g[-1]} s; less +/ ${l[-1]} s${p:+; yuedu +/ ${p[-1]} s}; tmux floor (echo) ${z[-1]} s"
done
bg=$(best "${g[@]}") bl=$(best "${l[@]}") bz=$(best "${z[@]}")
echo "tmux floor: a pane that only echoes the term shows it after $bz s"
echo "best: yuedu --grep $bg s, less $bl s: $(echo "scale=1; $bl / $bg" | bc)x"
if [ ${#p[@]} -gt 0 ]; then
	bp=$(best "${p[@]}")
	echo "best: yuedu +/ in tmux $bp s: $(echo "scale=1; $bl / $bp" | bc)x faster than less"
fi
