#!/bin/bash
# Benchmark: the first screen of a 20 MB EPUB book and of a 5 MB HTML page
# (made by tests/data/make_books.py from 紅樓夢 chapters), beside yuedu on
# the same text as plain text.  Each file opens in its own tmux session at
# 80x24; we time until its first text row shows and read the peak memory
# (VmHWM) from /proc.  Not a ctest test: run it on a quiet machine.
#   usage: tests/bench/html_epub.sh [path/to/yuedu] [runs]   (default: build/yuedu, 3)
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
. "$src/tests/bench/lib.sh"
yuedu=$(realpath "${1:-$src/build/yuedu}")
runs=${2:-3}
d=${TMPDIR:-/tmp}/yuedu-bench-html-epub
export LC_ALL=C.UTF-8
TM="tmux -L yuedu-bench-$$ -f /dev/null"
trap '$TM kill-server 2>/dev/null' EXIT

if [ ! -f "$d/bench.epub" ] || [ ! -f "$d/bench.html" ]; then
	python3 "$src/tests/data/make_books.py" "$d" --bench-epub 20
	python3 "$src/tests/data/make_books.py" "$d" --bench-html 5
fi
for f in bench.epub bench_epub.txt bench.html bench_html.txt; do
	echo "$f: $(stat -c %s "$d/$f") bytes"
	cat "$d/$f" >/dev/null	# the page cache: measure the program
done
unzip -l "$d/bench.epub" | tail -1 | awk '{print "bench.epub expands to " $1 " bytes in " $2 " entries"}'


$TM new-session -d -s idle -x 80 -y 24 "sleep 600"
printf '%-16s %4s %9s %10s\n' file run first_ms VmHWM_kB
for run in $(seq "$runs"); do
	for f in bench.epub bench_epub.txt bench.html bench_html.txt; do
		s=${f%%.*}${f##*.}$run
		t0=$(now)
		$TM new-session -d -s "$s" -x 80 -y 24 \
			"XDG_STATE_HOME=$d/state exec $yuedu --no-remember $d/$f"
		wait_for "$s" "第一回"
		t1=$(now)
		pid=$($TM display-message -p -t "$s" '#{pane_pid}')
		printf '%-16s %4s %9d %10s\n' "$f" "$run" $(( (t1 - t0) / 1000000 )) \
			"$(kb VmHWM "$pid")"
		$TM kill-session -t "$s"
	done
done
