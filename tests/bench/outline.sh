#!/bin/bash
# Benchmark: `yuedu --outline` on ~100 MB of novel text.  Builds the big
# file in /tmp from tests/data/shuihu_trad_gutenberg23863.txt (1.6 MB, 71
# headings) repeated until it reaches 100 MB, then times the outline.
# Not a ctest test: run it on a quiet machine.
#   usage: tests/bench/outline.sh [path/to/yuedu]   (default: build/yuedu)
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
yuedu=${1:-$src/build/yuedu}
novel=$src/tests/data/shuihu_trad_gutenberg23863.txt
big=${TMPDIR:-/tmp}/yuedu-bench-outline.txt
want=$((100 * 1000 * 1000))

if [ ! -f "$big" ] || [ "$(stat -c %s "$big")" -lt "$want" ]; then
	: >"$big"
	while [ "$(stat -c %s "$big")" -lt "$want" ]; do
		cat "$novel" >>"$big"
	done
fi
copies=$(( $(stat -c %s "$big") / $(stat -c %s "$novel") ))
echo "file: $big ($(stat -c %s "$big") bytes, $copies copies of $(basename "$novel"))"
# Warm the page cache so the figure is the outline's, not the disk's.
cat "$big" >/dev/null
best=
for run in 1 2 3; do
	start=$(date +%s.%N)
	n=$("$yuedu" --outline "$big" | wc -l)
	end=$(date +%s.%N)
	t=$(echo "$end - $start" | bc)
	echo "run $run: $t s, $n headings"
	if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then
		best=$t
	fi
done
echo "best: $best s (expected headings: $((copies * 71)))"
