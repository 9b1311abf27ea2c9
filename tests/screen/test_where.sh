# Where am I: with the last row on the screen the status line says
# "(END) 100%" (after G, and at once for a text that fits); Space, d and j
# there say "end of text", k at the top "top of text"; the section named
# in the status line is the one holding the top row, and the panel marks
# the same one; a heading's match count covers its whole section, as its
# length and time do, and the panel says so.
. "$(dirname "$0")/lib.sh"
Y="$YUEDU --ambiguous=narrow"

tm_start 80 24 "$Y $SAMPLE"
check "at the top: line 1/25 and 0%, no end mark" \
    row_wait_match 24 'line 1/25 +0%$'
tm_keys k
check "k at the top: top of text" tm_wait_in_row 24 "top of text"
tm_keys G
check "G: the end mark and 100%" row_wait_match 24 ' \(END\) 100%$'
last=$("$YUEDU" --dump --ambiguous=narrow -w 80 "$SAMPLE" | tail -1)
check "G: the layout's last row is the bottom text row" \
    row_wait_exact 23 "$last"
for key in Space d j; do
	tm_keys C-l
	tm_wait_row 24 "01-ali" >/dev/null
	tm_keys "$key"
	check "$key at the end: end of text" \
	    row_wait_match 24 '^end of text · .* \(END\) 100%$'
done
check "the place did not move" row_wait_exact 23 "$last"
# The top row (line 13) is in the third section, though the fourth
# heading is on the screen too.
top=$(tm_cap | sed -n 1p)
check "the top row is line 13 (the status line's line)" \
    row_matches 24 ' line 13/25 '
check "the status line names the section of the top row" \
    row_matches 24 '· 飽和式投入'
tm_keys t
tm_wait_row 1 "Outline (4)" >/dev/null
check "the panel marks the same section" row_wait_match 4 '^> +飽和式投入'
check "... and only that one" eval '[ "$(tm_cap | grep -c "^>")" = 1 ]'

# A text that fits on the screen ends on its first screen.
printf '第一行\n第二行\n' >"$TM_TMP/short.txt"
tm_start 80 24 "$Y $TM_TMP/short.txt"
check "a short text: (END) 100% at once" \
    row_wait_match 24 'line 1/2 \(END\) 100%$'

# Counts cover the whole section: "target" once in each of three
# headings' own lines, the second and third nested under the first.
cat >"$TM_TMP/nest.md" <<'EOF'
# Part one

target in the part's own lines.

## Chapter A

target in chapter A.

## Chapter B

target in chapter B.

# Part two

nothing here.
EOF
tm_start 80 24 "$Y $TM_TMP/nest.md"
tm_wait_in_row 24 "nest.md" >/dev/null
tm_keys / target Enter
tm_wait_in_row 24 "1/3" >/dev/null
tm_keys t
tm_wait_row 1 "Outline (4)" >/dev/null
# A wider panel, room for the count, the length and the time.
tm_keys '>' '>' '>' '>' '>' '>'
tm_wait_in_row 24 "outline panel: 38 columns" >/dev/null
check "Part one counts its chapters' matches too: 3" \
    row_wait_match 2 'Part one +3 +[0-9]+ +<1 min[|]'
check "Chapter A: 1" row_matches 3 'Chapter A +1 +[0-9]+ +<1 min[|]'
check "Part two: no count" row_matches 5 'Part two +[0-9]+ +<1 min[|]'
check "the panel states the rule" eval 'tm_cap | sed "s/[|].*//" |
    tr -s " \n" "  " | grep -q "each heading.s whole section, subsections included."'
finish
