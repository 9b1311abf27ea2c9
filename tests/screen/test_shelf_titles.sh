# The shelf tells books apart (issue 12, part 5), on copies of real texts:
# the title a text gives itself (a 《红楼梦》曹雪芹 line, a Gutenberg
# Title:/Author: header, a Markdown H1, the first heading as a last
# resort) with its author, the file name in a column of its own,
# durations in days, columns aligned whatever the figures; counts, h and
# a filter on the author; 80x24 and 40x12 in tmux, then a terminal that
# draws ambiguous characters (the · between title and author) two cells
# wide (vtscreen.py).
. "$(dirname "$0")/lib.sh"

d=$TM_TMP/books
mkdir -p "$d"
cp "$YUEDU_DATA/hongloumeng_simp_crlf_excerpt.txt" "$d/01-hong.txt"
cp "$YUEDU_DATA/sanguo_gutenberg_header.txt" "$d/02-sanguo.txt"
cp "$YUEDU_DATA/xianfa.md" "$d/03-xianfa.md"
cp "$YUEDU_DATA/xiyouji_trad_excerpt.txt" "$d/04-xiyouji-trad-excerpt.txt"
# One character a minute: reading times of hours and of days, of unlike
# widths ("21 h 59 min", "9 d 23 h", "45 d 4 h").
Y="$YUEDU --ambiguous=narrow --cpm=1"

# col_of ROW TEXT: the screen column (1-based, as a terminal that draws
# ambiguous characters narrow counts) where TEXT starts in ROW, or 0.
col_of() {
	tm_cap | sed -n "$1p" | python3 -c '
import sys, unicodedata
row, want = sys.stdin.read().rstrip("\n"), sys.argv[1]
i = row.find(want)
w = lambda c: 0 if unicodedata.combining(c) else \
    2 if unicodedata.east_asian_width(c) in "WF" else 1
print(0 if i < 0 else 1 + sum(w(c) for c in row[:i]))' "$2"
}
# names_col COL: the file names 01-… to 04-… start at column COL, rows
# 2 to 5.
names_col() {
	for r in 2 3 4 5; do
		[ "$(col_of "$r" "0$((r - 1))-")" = "$1" ] || return 1
	done
}
# ends_col TEXT COL ROW...: TEXT ends at column COL in every ROW.
ends_col() {
	local t=$1 want=$2 c
	shift 2
	for r in "$@"; do
		c=$(col_of "$r" "$t")
		[ "$c" != 0 ] && [ $((c + ${#t} - 1)) = "$want" ] || return 1
	done
}

tm_start 80 24 "$Y $d; echo EXIT=\$?; sleep 60"
check "a title line: 红楼梦 by 曹雪芹 (not 《红楼梦》曹雪芹)" \
    row_wait_match 2 '^红楼梦 · 曹雪芹  '
check "a Gutenberg header: Title: and Author:" \
    row_wait_match 3 '^三國演義 · Luo Guanzhong  '
check "a Markdown H1" row_wait_match 4 '^中华人民共和国宪法  '
check "no title: the first heading, its spaces as one" \
    row_wait_match 5 '^第一回 靈根育孕源流出　心性修持大道生  '
check "the file names in their own column, at one column (40)" \
    tm_until names_col 40
for r in 2 3 4 5; do
	n=$(printf '01-hong\n02-sanguo\n03-xianfa\n04-xiyouji' | sed -n "$((r - 1))p")
	check "row $r shows its file name ($n)" tm_wait_in_row "$r" "$n"
done
check "durations of days in days and hours" \
    row_wait_match 2 ' 9 d 23 h  -$'
check "... beside one of hours and minutes" \
    row_wait_match 3 ' 21 h 59 min  -$'
check "the lengths end at one column" tm_until ends_col chars 64 2 3 4 5
check "the reading times end at one column" \
    tm_until eval 'ends_col "9 d 23 h" 77 2 && ends_col "21 h 59 min" 77 3 &&
    ends_col "45 d 4 h" 77 5'
check "nothing wider than the screen" test "$(tm_cap | wc -L)" -le 80

# Counts and help.
tm_keys 2 j
check "2j: two articles down" row_wait_match 24 ' 3/4$'
tm_keys 1 G
check "1G: the first article" row_wait_match 24 ' 1/4$'
tm_keys 3 g
check "3g: the third" row_wait_match 24 ' 3/4$'
tm_keys h
check "h: the help, at the shelf's keys" \
    tm_wait_row 1 "The shelf (yuedu DIR) [shelf]"
check "... which say what counts do" tm_wait "the next article (N: N articles)"
tm_keys q
check "q closes the help" tm_wait_row 1 "$d  (4 articles)"
tm_keys / 曹雪芹
check "the filter finds a book by its author" tm_wait_row 1 "/曹雪芹  (1 of 4)"
check "... 红楼梦" tm_wait_row 2 "红楼梦 · 曹雪芹"
tm_keys Escape q
check "q quits" tm_wait "EXIT=0"

# 40x12: the title first, the file name narrowed but there, the figures
# but the progress left out.
tm_start 40 12 "$Y $d; echo EXIT=\$?; sleep 60"
check "40x12: the title" row_wait_match 2 '^红楼梦 · 曹雪芹  '
check "40x12: the file name" tm_wait_in_row 2 "01-hong.txt"
check "40x12: a long name cut with …" tm_wait_in_row 5 "04-xiyouji-…"
check "40x12: the file names at one column (26)" tm_until names_col 26
check "40x12: the progress at the edge" row_wait_match 5 ' -$'
check "40x12: nothing wider than the screen" test "$(tm_cap | wc -L)" -le 40
tm_keys q
tm_wait "EXIT=0" >/dev/null

# A terminal drawing ambiguous characters (·, …) two cells wide.
PY=/usr/bin/python3
VT="$YUEDU_SRC/tests/screen/vtscreen.py"
if ! $PY -c 'import pyte' 2>/dev/null; then
	echo "python3-pyte is missing: the emulated terminal cannot run"
	exit 1
fi
J=$TM_TMP/snaps.json
tm_cap() { $PY -c "import json; print('\\n'.join(json.load(open('$J'))['screen']))"; }
# snap_rows NAME: the rows of snapshot NAME, one a line.
snap_rows() {
	$PY -c "import json; print('\\n'.join(json.load(open('$J'))['snaps']['$1']))"
}
for size in 80x24 40x12; do
	export XDG_STATE_HOME=$TM_TMP/state-$size
	$PY "$VT" --cols "${size%x*}" --rows "${size#*x}" --timeout 60 \
	    --ambiguous wide wait:'1/4' sleep:0.3 snap:shelf \
	    send:j wait:'2/4' sleep:0.3 snap:moved \
	    send:'\x0c' sleep:0.5 snap:redrawn \
	    -- $YUEDU --ambiguous=wide --cpm=1 "$d" >"$J"
	check "wide $size: the shelf came up" \
	    $PY -c "import json,sys; sys.exit(not json.load(open('$J'))['ok'])"
	check "wide $size: 红楼梦 · 曹雪芹 whole, the · two cells" \
	    eval 'snap_rows shelf | sed -n 2p | grep -q "^红楼梦 · 曹雪芹  "'
	check "wide $size: every row's progress in the last column" \
	    eval '[ "$(snap_rows shelf | sed -n 2,5p | grep -c " -$")" = 4 ]'
	check "wide $size: after j, the screen a redraw shows" \
	    eval '[ "$(snap_rows moved)" = "$(snap_rows redrawn)" ]'
done
finish
