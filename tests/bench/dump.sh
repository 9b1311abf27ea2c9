#!/bin/bash
# Benchmark: `yuedu --dump` on ~100 MB of novel text, side by side with cat
# (the floor) on the same file: wall time and peak memory, one run each.
# Builds the file in /tmp from 63 copies of
# tests/data/shuihu_trad_gutenberg23863.txt.  Not a ctest test.
#   usage: tests/bench/dump.sh [path/to/yuedu] [width]   (default: build/yuedu 80)
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
yuedu=${1:-$src/build/yuedu}
width=${2:-80}
novel=$src/tests/data/shuihu_trad_gutenberg23863.txt
big=${TMPDIR:-/tmp}/yuedu-bench-dump.txt
copies=63

if [ ! -f "$big" ] || [ "$(stat -c %s "$big")" -ne \
    $(( copies * $(stat -c %s "$novel") )) ]; then
	: >"$big"
	for _ in $(seq $copies); do
		cat "$novel" >>"$big"
	done
fi
echo "file: $big ($(stat -c %s "$big") bytes, $copies copies of $(basename "$novel"))"
# Warm the page cache so both runs read from memory.
cat "$big" >/dev/null

measure() {	# measure NAME COMMAND...: prints "seconds kilobytes"
	local log
	log=$(mktemp)
	/usr/bin/time -v "$@" >/dev/null 2>"$log"
	awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
		for (i = 1; i <= n; i++) s = s * 60 + t[i] }
		/Maximum resident set size/ { kb = $2 }
		END { printf "%.2f %d\n", s, kb }' "$log"
	rm -f "$log"
}

read -r cat_s cat_kb <<<"$(measure cat "$big")"
read -r yd_s yd_kb <<<"$(measure "$yuedu" --dump -w "$width" "$big")"
printf '%-28s %8s %12s\n' command seconds "peak RSS KB"
printf '%-28s %8s %12s\n' "cat" "$cat_s" "$cat_kb"
printf '%-28s %8s %12s\n' "yuedu --dump -w $width" "$yd_s" "$yd_kb"
awk -v a="$yd_s" -v b="$cat_s" 'BEGIN { if (b > 0) printf "time ratio yuedu/cat: %.1f\n", a / b;
	else printf "time ratio yuedu/cat: cat took under 0.01 s\n" }'
awk -v a="$yd_kb" -v b="$cat_kb" 'BEGIN { printf "memory ratio yuedu/cat: %.1f\n", a / b }'
