#!/bin/bash
# G and 50% on a 200 MB text go by byte offset, not by line count: pressed
# at once after the first screen, G shows the last line within 2 s and the
# status line says (END) 100%; the line number reads "?" until the line
# index (built in the background) knows it, then the right number; 50% shows
# the middle.  (Before, G counted every line first.)
. "$(dirname "$0")/lib.sh"
TMP=$(mktemp -d /tmp/yuedu-bigmoves.XXXXXX)
trap 'tm_cleanup; rm -rf "$TMP"' EXIT

novel=$YUEDU_DATA/shuihu_trad_gutenberg23863.txt
{
	for i in $(seq 63); do cat "$novel"; done
	echo 'MIDDLEMARK 在此，全書之半：這一行比最後一行長得多。'
	for i in $(seq 63); do cat "$novel"; done
	echo '全書終 THE END'
} >"$TMP/big.txt"
lines=$(wc -l <"$TMP/big.txt")
echo "text: $(stat -c %s "$TMP/big.txt") bytes, $lines lines"

# The status line's line number, or "?".
status_line() { tm_cap | sed -n 24p | grep -oE 'line ([0-9]+|\?)' | cut -c6-; }
line_known() { [[ "$(status_line)" =~ ^[0-9]+$ ]]; }

tm_start 80 24 "exec $YUEDU --reflow=off $TMP/big.txt"
check "the first screen" tm_wait "楔子　張天師祈禳瘟疫"
tm_keys G
check "G: the last line within 2 s" tm_wait "全書終 THE END" 2
check "G: the status line says the end" tm_wait "(END) 100%"
check "the line number is filled in once known" tm_until line_known
n=$(status_line)
echo "top row's line: $n of $lines"
check "it is the top row's line, 23 rows before the last" \
	eval '[ "$n" -gt $((lines - 23)) ] && [ "$n" -le "$lines" ]'
tm_keys 5 0 %
check "50%: the middle" tm_wait_row 1 "MIDDLEMARK 在此"
half() {	# the top row is the marker's line, half the lines in
	local n
	n=$(status_line)
	[[ "$n" =~ ^[0-9]+$ ]] && [ $((n * 2 - lines)) -ge -2 ] &&
		[ $((n * 2 - lines)) -le 2 ]
}
check "50%: the marker's line number, half of them" tm_until half
tm_keys q
finish
