# Every row within the width: at 80x24, 40x12 and 20x8, on the sample
# article, emoji (ZWJ, skin tones, flags, keycaps), Japanese and Korean
# (both with ambiguous “ ” …), the screen tmux shows is exactly the rows
# the layout computed (--dump at the same width), first and last page, and
# the status line is intact on the last row.  Emoji sequences the screen
# draws as their first glyph (ZWJ, skin tone) are compared that way.
. "$(dirname "$0")/lib.sh"

norm_dump() {
	perl -CSD -pe 's/(\X)/my $c = $1; $c =~ m{[\x{200D}\x{1F3FB}-\x{1F3FF}]} ? substr($c, 0, 1) : $c/ge; s/ +$//'
}

# same_rows NAME EXPECTED ACTUAL
same_rows() {
	if [ "$2" = "$3" ]; then
		return 0
	fi
	echo "--- $1: expected (layout) vs screen:"
	diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") | head -20
	return 1
}

for size in 80x24 40x12 20x8; do
	cols=${size%x*}
	rows=${size#*x}
	text_rows=$((rows - 1))
	for f in "$SAMPLE" "$YUEDU_DATA/emoji-test_excerpt.txt" \
	    "$YUEDU_DATA/uchardet_ja_utf-8.txt" \
	    "$YUEDU_DATA/uchardet_ko_utf-8.txt"; do
		name=$(basename "$f")
		dump=$("$YUEDU" --dump --ambiguous=narrow -w "$cols" "$f" |
		    norm_dump)
		tm_start "$cols" "$rows" "$YUEDU --ambiguous=narrow $f"
		if ! tm_wait_in_row "$rows" "%"; then
			not_ok "$name $size: status line"
			continue
		fi
		screen=$(tm_cap)
		want=$(printf '%s\n' "$dump" | head -n "$text_rows")
		got=$(printf '%s\n' "$screen" | head -n "$text_rows" |
		    sed 's/ *$//')
		# A short text leaves rows empty.
		want=$(printf '%s\n' "$want" "" | head -n "$text_rows")
		got=$(printf '%s\n' "$got" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}')
		want=$(printf '%s\n' "$want" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}')
		check "$name $size: first page is the layout's rows" \
		    same_rows "$name $size" "$want" "$got"
		status=$(printf '%s\n' "$screen" | sed -n "${rows}p")
		check "$name $size: status line ends with the percentage" \
		    grep -qE '[0-9]+%$' <<<"$status"
		tm_keys G
		tm_wait_in_row "$rows" "%" >/dev/null
		sleep 0.2
		screen=$(tm_cap)
		nd=$(printf '%s\n' "$dump" | wc -l)
		if [ "$nd" -ge "$text_rows" ]; then
			want=$(printf '%s\n' "$dump" | tail -n "$text_rows")
			got=$(printf '%s\n' "$screen" | head -n "$text_rows" |
			    sed 's/ *$//')
			check "$name $size: G shows the layout's last rows" \
			    same_rows "$name $size G" "$want" "$got"
		fi
		status=$(printf '%s\n' "$screen" | sed -n "${rows}p")
		check "$name $size: status line intact after G" \
		    grep -qE '[0-9]+%$' <<<"$status"
	done
done
finish
