#!/bin/bash
# One line of 200 MB (a novel with its line ends taken out, a marker in its
# middle): memory follows what is shown, not the length of the line (it
# was about 35 bytes per byte of the line: 7 GB here, minutes to the first
# screen).  --dump streams a 20 MB line in tens of MB (290 MB before);
# the reader shows the first screen at once, G the end, 50% the middle, a
# search a place inside, steps across segments, in tens of MB of heap;
# the simplified view too.
. "$(dirname "$0")/../screen/lib.sh"
TMP=$(mktemp -d /tmp/yuedu-longline.XXXXXX)
trap 'tm_cleanup; rm -rf "$TMP"' EXIT
# The sanitizers keep freed memory in quarantine (256 MB): not here.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=1"

tr -d '\r\n' <"$YUEDU_DATA/shuihu_trad_gutenberg23863.txt" >"$TMP/one"
{
	for i in $(seq 65); do cat "$TMP/one"; done
	printf 'MIDDLEMARK在此'
	for i in $(seq 65); do cat "$TMP/one"; done
	printf '全書終\n'
} >"$TMP/long.txt"
{
	for i in $(seq 3); do cat "$TMP/one"; done
	printf 'SEARCHMARK在此'
	for i in $(seq 10); do cat "$TMP/one"; done
	printf '全書終\n'
} >"$TMP/20m.txt"
echo "lines: $(stat -c %s "$TMP/long.txt") and $(stat -c %s "$TMP/20m.txt") bytes"

# --dump: every row, in constant memory.
/usr/bin/time -f '%M' -o "$TMP/kb" "$YUEDU" --dump -w 80 "$TMP/20m.txt" |
	sed -n '1p;$p' >"$TMP/ends"
kb=$(tail -n 1 "$TMP/kb")
echo "--dump peak: $kb KB"
check "--dump: the first row is the line's start" \
	grep -q '^楔子　張天師祈禳瘟疫' "$TMP/ends"
check "--dump: the last row is the line's end" grep -q '全書終$' "$TMP/ends"
check "--dump: peak memory under 100 MB (was 290 MB)" [ "$kb" -lt 100000 ]

# heap_kb: the reader's heap now (file pages it maps do not count: the
# kernel takes them back at will).
heap_kb() {
	local pid
	pid=$($TM display-message -p -t "$TM_T" '#{pane_pid}')
	awk '$1 == "RssAnon:" { print $2 }' "/proc/$pid/status"
}
heap_under() {
	local kb
	kb=$(heap_kb)
	echo "heap: $kb KB"
	[ "$kb" -lt "$1" ]
}
bottom_row() { tm_cap | sed -n 23p | grep -qF -- "$1"; }

tm_start 80 24 "exec $YUEDU $TMP/long.txt"
check "the first screen within 5 s" tm_wait_row 1 "楔子　張天師祈禳瘟疫"
check "its heap is tens of MB" heap_under 100000
tm_keys G
check "G: the end of the line on the bottom row" tm_until bottom_row "全書終"
check "G: the status line says so" tm_wait "(END) 100%"
# 3000 rows up and down again cross a segment (256 KiB, some 2200 rows)
# each way: the same rows come back.
tm_keys 3000 k
check "3000k: away from the end" tm_until absent "全書終"
tm_keys 3000 j
check "3000j: the end again, on the bottom row" tm_until bottom_row "全書終"
tm_keys 50 %
check "50%: the middle of the line, where the marker is" tm_wait "MIDDLEMARK在此"
tm_keys g
check "g: the start" tm_wait_row 1 "楔子　張天師祈禳瘟疫"
check "the heap is still tens of MB" heap_under 100000
tm_keys q

# A search 5 MB into a 20 MB line (it counts the matches in all of it).
tm_start 80 24 "exec $YUEDU +/SEARCHMARK $TMP/20m.txt"
check "a search finds a place inside the line" tm_wait "SEARCHMARK在此" 10
tm_keys q

# The simplified view converts what is shown, not the line.
tm_start 80 24 "exec $YUEDU --script=simp $TMP/long.txt"
check "--script=simp: the first screen, simplified" \
	tm_wait_row 1 "楔子　张天师祈禳瘟疫"
tm_keys G
check "--script=simp: G shows the end, simplified" tm_until bottom_row "全书终"
check "--script=simp: the heap is tens of MB" heap_under 100000
tm_keys q
finish
