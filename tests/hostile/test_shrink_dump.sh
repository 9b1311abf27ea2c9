#!/bin/bash
# A file cut short while --dump reads it (an editor rewriting in place,
# copytruncate): no SIGBUS; the output stops before the lost bytes, a
# message says why, and the exit status is 2.
. "$(dirname "$0")/lib.sh"

line='这是一个测试行，用来看看文件在读的时候变短会怎么样。'
for i in $(seq 20000); do echo "$line"; done >"$tmp/orig.txt"
cp "$tmp/orig.txt" "$tmp/f.txt"

# The reader of the output waits for go: --dump blocks on a full pipe
# with most of the file still to read.
{
	"$YUEDU" --dump "$tmp/f.txt" 2>"$tmp/err"
	echo $? >"$tmp/rc"
} | {
	while [ ! -e "$tmp/go" ]; do sleep 0.05; done
	cat >"$tmp/out"
} &
tries=200
until pid=$(pgrep -n -f -- "--dump $tmp/f.txt") &&
	grep -q "$tmp/f.txt" "/proc/$pid/maps" 2>/dev/null; do
	sleep 0.05
	tries=$((tries - 1))
	[ $tries -gt 0 ] || break
done
sleep 0.3
truncate -s 4096 "$tmp/f.txt"
touch "$tmp/go"
wait

check "--dump of a shrunk file: exit 2, no SIGBUS" 2 "$(cat "$tmp/rc")"
check "a message names the file and what happened" 1 \
	"$(grep -c 'f.txt: the file shrank while it was read' "$tmp/err")"
n=$(wc -c <"$tmp/out")
check "the output is whole lines of the file, no zeros" 0 \
	"$(cmp -n "$n" "$tmp/out" "$tmp/orig.txt" >/dev/null; echo $?)"
check "the output stops early" 1 "$([ "$n" -lt 1000000 ] && echo 1)"
check "no NUL byte shown" 0 "$(tr -cd '\000' <"$tmp/out" | wc -c)"
exit $fail
