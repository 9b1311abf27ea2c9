#!/bin/sh
# Build the libFuzzer targets with clang in build-fuzz/ and run each for a
# while with its seed corpus (corpus/TARGET/) and dictionary (dict/):
#   tests/fuzz/run.sh [SECONDS [TARGET...]]   (default 60 each, all)
# New corpus entries go to build-fuzz/corpus/TARGET/, crash inputs to
# build-fuzz/artifacts/TARGET/: keep one in tests/fuzz/crashes/TARGET/
# with its fix so `make test` replays it.  Exits 1 if a target crashed.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-60}
[ $# -gt 0 ] && shift
b=$src/build-fuzz
cmake -S "$src" -B "$b" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	-DYUEDU_FUZZ=ON -DYUEDU_WERROR=OFF -DBUILD_TESTING=OFF >/dev/null
cmake --build "$b" -j"${JOBS:-2}" >/dev/null
if [ $# -eq 0 ]; then
	set -- $(cd "$src/tests/fuzz" && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//')
fi
failed=""
for t in "$@"; do
	mkdir -p "$b/corpus/$t" "$b/artifacts/$t"
	dict=""
	[ -f "$src/tests/fuzz/dict/$t.dict" ] && dict="-dict=$src/tests/fuzz/dict/$t.dict"
	len=""
	[ "$t" = epub ] && len="-max_len=65536"
	echo "fuzz: $t for ${secs}s" >&2
	if ! "$b/tests/fuzz/fuzz_$t" -max_total_time="$secs" -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 $len $dict \
	    -artifact_prefix="$b/artifacts/$t/" \
	    "$b/corpus/$t" "$src/tests/fuzz/corpus/$t" 2>"$b/fuzz_$t.log"; then
		failed="$failed $t"
		grep -E 'ERROR|SUMMARY|artifact' "$b/fuzz_$t.log" >&2 || true
	fi
	grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::average_exec_per_sec)' \
	    "$b/fuzz_$t.log" >&2 || true
done
if [ -n "$failed" ]; then
	echo "fuzz: crashed:$failed (see build-fuzz/fuzz_TARGET.log)" >&2
	exit 1
fi
