#!/bin/bash
# --heading=. makes every line a heading: memory follows the titles kept,
# not three times each line.  A 30 MB line as a heading keeps its first
# 4 KiB as the title.
. "$(dirname "$0")/lib.sh"
{ printf '标题'; head -c 30000000 /dev/zero | tr '\0' a; printf '\n正文\n'; } >"$tmp/long.txt"
/usr/bin/time -f '%M' -o "$tmp/kb" "$YUEDU" --outline --heading=. "$tmp/long.txt" \
	>"$tmp/out" 2>"$tmp/err"
check "--heading=. on a 30 MB line: exit 0" 0 "$?"
check "two headings" 2 "$(wc -l <"$tmp/out")"
title=$(head -n 1 "$tmp/out" | cut -f 3)
check "the long title is cut to 4 KiB" 1 \
	"$([ ${#title} -gt 1000 ] && [ ${#title} -le 4096 ] && echo 1)"
kb=$(tail -n 1 "$tmp/kb")
echo "peak: $kb KB"
check "peak memory under 60 MB (was 3 x 30 MB + the text)" 1 \
	"$([ "$kb" -lt 60000 ] && echo 1)"
exit $fail
