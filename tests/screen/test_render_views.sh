#!/bin/bash
# Rendered documents in the reader: R shows the source as it is and back,
# W joins a hard-wrapped novel's lines or shows them as written, both
# keeping the place; line numbers (status line, NNg) are source lines.
# Whole screens against tests/screen/expected/: a Markdown table laid out
# by display width (render_table.txt) and a reflowed novel page
# (render_reflow.txt), 80x24; --update rewrites them (read the diff).
# A big book opens on its first chapters alone: G renders the rest, and
# its place, past those chapters, comes back when it is opened again.
. "$(dirname "$0")/lib.sh"
novel=$YUEDU_DATA/sanguo_trad_gutenberg23950.txt
md=$YUEDU_DATA/jieba_README.md
update=${1:-}

# screen_is FILE WHAT: the whole screen equals FILE (waiting for it).
screen_is() {
	local exp=$YUEDU_SRC/tests/screen/expected/$1 tries=100
	if [ "$update" = --update ]; then
		sleep 1
		tm_cap >"$exp"
		echo "updated $exp"
		return
	fi
	while [ "$tries" -gt 0 ]; do
		[ "$(tm_cap)" = "$(cat "$exp")" ] && { ok "$2"; return; }
		sleep 0.05
		tries=$((tries - 1))
	done
	not_ok "$2 (differs from $exp)"
	diff <(tm_cap) "$exp" | sed 's/^/  /'
}

# Markdown: rendered, then the source at the same place, then rendered.
tm_start 80 24 "'$YUEDU' '$md'"
tm_wait "jieba_README.md" || not_ok "the Markdown file opens"
check "rendered: no heading marks" absent "# jieba"
tm_keys 1 8 0 g
tm_wait "line 180/" || not_ok "180g goes to source line 180"
top=$(tm_cap | head -1)
tm_keys R
tm_wait "the source as it is" || not_ok "R says the source is shown"
check "R keeps the source line" tm_wait "line 180/"
check "R shows the markup" tm_wait '`'
tm_keys R
tm_wait "rendered (R:" || not_ok "R again says rendered"
check "R back keeps the place" row_wait_exact 1 "$top"

# A hard-wrapped novel: joined by default; W shows its lines as written.
tm_start 80 24 "'$YUEDU' '$novel'"
tm_wait "第一回" || not_ok "the novel opens"
tm_keys / 獻帝，遂分 Enter
check "reflowed: a phrase across a line end is found" tm_wait "1/"
tm_keys Escape 9 9 g
check "99g: the source line starts the top row" row_wait_match 1 '^　　程遠志大怒'
check "the status line names source line 99" tm_wait "line 99/21295"
tm_keys W
tm_wait "lines as in the source" || not_ok "W says the lines are as written"
check "W keeps the place" row_wait_match 1 '^　　程遠志大怒'
check "W: rows end where the source's lines end" \
    row_wait_exact 2 "身落馬。程遠志見折了鄧茂，拍馬舞刀，直取張飛。雲長舞動大刀，縱馬飛迎。程遠志"
tm_keys / 獻帝，遂分 Enter
check "as written, the split phrase is not one match" tm_wait "not found"
tm_keys W
tm_wait "lines joined" || not_ok "W again joins the lines"
tm_keys g
tm_wait "詞曰" || not_ok "g goes to the top"
screen_is render_reflow.txt "a reflowed page as expected"
# W and W again, twice: the top row comes back, though the rows of the two
# views start at other places (each toggle used to move it back a row).
tm_keys 2 3 j
sleep 0.5
top=$(tm_cap | sed -n 1p)
for i in 1 2; do
	tm_keys W
	tm_wait "lines as in the source" || not_ok "W ($i)"
	tm_keys W
	tm_wait "lines joined" || not_ok "W again ($i)"
	check "W twice ($i): the same top row" row_wait_exact 1 "$top"
done
# The search and its history go along.
tm_keys / 諸葛亮 Enter
tm_wait "1/157" || not_ok "a search, 157 matches"
tm_keys W
tm_wait "lines as in the source" || not_ok "W after a search"
tm_keys n
check "n after W: the same search goes on" tm_wait "/15"
tm_keys / Up
check "the prompt's history came along" tm_wait "/諸葛亮"
tm_keys Escape

# A table laid out by display width, cells wrapped to the screen.
tm_start 80 24 "'$YUEDU' '$YUEDU_DATA/tables.md'"
tm_wait "宽表" || not_ok "the tables open"
screen_is render_table.txt "rendered tables as expected"
tm_start 40 24 "'$YUEDU' '$YUEDU_DATA/tables.md'"
tm_wait "宽表" || not_ok "the tables open at 40 columns"
check "a narrow table wraps inside its cells" tm_wait "|      |            | 支持纯文  |      |"
# A 6 MB book: its first chapters, then the rest when G needs it; the
# place at its end is found again on the next opening.
python3 "$YUEDU_DATA/make_books.py" "$TM_TMP/big" --bench-epub 6 >/dev/null
export TM_STATE=$TM_TMP/book-state
tm_start 80 24 "'$YUEDU' '$TM_TMP/big/bench.epub'; echo EXIT=\$?; sleep 60"
check "a big book opens at its first chapter" tm_wait "第1卷"
tm_keys G
check "G: the whole book, to its last chapter" tm_wait "(END) 100%" 20
# The status line names the chapter once the outline is built.
tm_wait_in_row 24 "卷" || not_ok "the chapter is named"
row=$(tm_cap | sed -n 24p)
tm_keys q
tm_wait "EXIT=0" || not_ok "q quits (the place saved)"
tm_start 80 24 "'$YUEDU' '$TM_TMP/big/bench.epub'"
check "reopened at its end: the place past the first chapters" \
    tm_wait "(END) 100%" 20
check "... in the same chapter" row_wait_exact 24 "$row"
unset TM_STATE
finish
