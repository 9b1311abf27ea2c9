#!/bin/bash
# Endless sources: --dump of a character device streams in constant
# memory as cat does; a pipe is read into an unlinked temporary file
# (page cache, not heap).
. "$(dirname "$0")/lib.sh"
# The sanitizers keep freed memory in quarantine (256 MB): not here.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=1"

/usr/bin/time -f '%M' -o "$tmp/kb" timeout 60 "$YUEDU" --dump /dev/zero 2>"$tmp/err" |
	head -c 20000000 >"$tmp/out"
check "--dump /dev/zero | head: 20 MB come" 20000000 "$(wc -c <"$tmp/out")"
check "... shown inertly (^@)" "^@^@^@^@" "$(head -c 8 "$tmp/out")"
kb=$(tail -n 1 "$tmp/kb")
echo "peak: $kb KB"
check "... in constant memory (under 60 MB; it grew 1 GB/s)" 1 \
	"$([ "$kb" -lt 60000 ] 2>/dev/null && echo 1)"
printf '一\n二\n\n三' >"$tmp/s.txt"
check "a device's lines come as they are" "$(printf '一\n二\n\n三')" \
	"$("$YUEDU" --dump /dev/stdin <"$tmp/s.txt")"

# 40 MB through a pipe: memory stays far below the text's size.
yes '这是一个测试行，用来看看管道里的文字。' | head -n 700000 >"$tmp/p.txt"
cat "$tmp/p.txt" | /usr/bin/time -f '%M' -o "$tmp/kb" "$YUEDU" --dump | tail -n 1 >"$tmp/last"
check "a 40 MB pipe: the last line comes" 1 "$(grep -c 管道 "$tmp/last")"
kb=$(tail -n 1 "$tmp/kb")
echo "pipe peak: $kb KB"
check "a 40 MB pipe: spooled, not on the heap (under 60 MB)" 1 \
	"$([ "$kb" -lt 60000 ] 2>/dev/null && echo 1)"
exit $fail
