# Ambiguous width: the core's rows and ncurses' cursor agree in both modes
# (YUEDU_CHECK_CURSOR makes the reader compare, after every cell it draws,
# ncurses' cursor with the column the layout computed); in narrow mode the
# terminal (tmux) agrees too; --ambiguous=auto asks tmux and gets narrow;
# the binary exports the wcwidth() ncursesw binds to.
. "$(dirname "$0")/lib.sh"
TMP=$(mktemp -d /tmp/yuedu-amb.XXXXXX)
trap '$TM kill-server 2>/dev/null; rm -rf "$TMP"' EXIT

check "the binary exports wcwidth" \
    sh -c "nm -D --defined-only '$YUEDU' | grep -qw wcwidth"

# A row of 20 ambiguous quotes fills 20 columns when narrow, 40 when wide.
q20=$(printf '“%.0s' $(seq 20))
printf '%sX\n①②③…—·“”‘’X\n' "$q20" > "$TMP/amb.txt"

for mode in narrow wide; do
	for f in "$TMP/amb.txt" "$SAMPLE" "$YUEDU_DATA/uchardet_ko_utf-8.txt"; do
		name="$mode $(basename "$f")"
		rm -f "$TMP/check"
		tm_start 20 8 "YUEDU_CHECK_CURSOR=$TMP/check $YUEDU --ambiguous=$mode $f"
		tm_wait_in_row 8 "%" >/dev/null
		tm_keys ' ' ' ' G t j
		$TM resize-window -t "$TM_T" -x 80 -y 24
		tm_keys Escape g
		tm_wait_in_row 24 "%" >/dev/null
		tm_keys q
		for i in $(seq 100); do
			[ -s "$TMP/check" ] && grep -q checked "$TMP/check" && break
			sleep 0.05
		done
		cat "$TMP/check" 2>/dev/null | head -5
		check "$name: ncurses' cursor at the layout's column for every cell" \
		    grep -qE '^checked [1-9][0-9]+ cells, 0 mismatched$' "$TMP/check"
	done
done

# The wide layout really differs: 10 quotes a row at 20 columns.
check "wide layout: 10 quotes a row" \
    sh -c "'$YUEDU' --dump --ambiguous=wide -w 20 '$TMP/amb.txt' | head -1 | grep -qx '$(printf '“%.0s' $(seq 10))'"

# Narrow: tmux draws them narrow too, so a full row stays one row.
for how in narrow auto; do
	tm_start 20 8 "$YUEDU --ambiguous=$how $TMP/amb.txt"
	check "$how in tmux: 20 quotes fill row 1" row_wait_exact 1 "$q20"
	check "$how in tmux: the marker starts row 2" row_matches 2 '^X$'
	check "$how in tmux: ①②③…—·“”‘’X in 12 columns" \
	    row_matches 3 '^①②③…—·“”‘’X$'
done
finish
