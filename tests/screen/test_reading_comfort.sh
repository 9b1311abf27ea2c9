# Reading comfort (issue 12, part 6): --paragraph=indent gives each
# paragraph a first-line indent of two full-width columns (not headings,
# numbered clauses or a paragraph the source already indents), =space a
# blank row after each (none where the source has one), i goes round
# them; --align=center centres a text column narrower than the screen
# (-w), c switches; both from YUEDU_OPTS too.  80x24 and 40x12 in tmux,
# then a terminal drawing ambiguous characters (the report's ——) two
# cells wide (vtscreen.py).
. "$(dirname "$0")/lib.sh"

R="$YUEDU_DATA/zhengfu_gongzuo_baogao_2024.txt"	# no indents, no blank lines
H="$YUEDU_DATA/hongloumeng_simp_crlf_excerpt.txt"	# indented 4 spaces
M="$YUEDU_DATA/xianfa.md"
Y="$YUEDU --ambiguous=narrow"
# has REGEX: a row of the screen matches REGEX (extended).
has() { tm_cap | grep -qE -- "$1"; }
# after REGEX NEXT: the row after the first one matching REGEX matches
# NEXT.
after() { tm_cap | grep -A1 -m1 -E -- "$1" | tail -n +2 | grep -qE -- "$2"; }

tm_start 80 24 "$Y --paragraph=indent $R"
check "indent: a paragraph starts two full-width columns in" \
    row_wait_exact 2 "    各位代表："
check "indent: the next paragraph too" \
    row_wait_match 3 '^    现在，我代表国务院'
check "indent: a numbered heading is not indented" \
    row_wait_exact 4 "一、2023年工作回顾"
check "indent: the paragraph's second row is not indented" \
    row_wait_match 6 '^[^ ]'
tm_keys i
check "i: paragraphs spaced (a message says so)" \
    tm_wait_in_row 24 "paragraphs: a blank row after each"
check "space: a blank row after 各位代表：" row_wait_exact 3 ""
check "space: ... and the next paragraph after it, not indented" \
    row_wait_match 4 '^现在，我代表国务院'
check "space: none between a heading and its text" \
    eval 'row_wait_exact 6 "一、2023年工作回顾" && row_wait_match 7 "^过去一年"'
tm_keys j j j
check "j moves over the blank rows: 现在 on top after three" \
    row_wait_match 1 '^现在，我代表国务院'
tm_keys k
check "k: the blank row above it on top" row_wait_exact 1 ""
tm_keys i
check "i: as the source sets them" \
    tm_wait_in_row 24 "paragraphs: as the source sets them"
check "asis: no indent, no blank row" \
    eval 'row_wait_exact 1 "各位代表：" && row_wait_match 2 "^现在，我代表"'
tm_keys i
check "i: indented again" tm_wait_in_row 24 "paragraphs: first lines indented"
check "... the top row indented" row_wait_exact 1 "    各位代表："
tm_keys q

# A source that indents its paragraphs (4 spaces): nothing added.
tm_start 80 24 "$Y --paragraph=indent $H"
check "already indented: 4 columns, not 8" \
    tm_until has '^    此开卷第一回也'
tm_keys q
# Markdown: paragraphs indented, headings not.
tm_start 80 24 "$Y --paragraph=indent $M"
check "Markdown: the H1 is not indented" row_wait_exact 1 "中华人民共和国宪法"
check "Markdown: a paragraph is" row_wait_match 3 '^    1982年12月4日'
tm_keys q

# Centred: a 40-column text in 80 columns has 20 on each side.
tm_start 80 24 "$Y -w 40 --align=center $R"
check "center: the text column starts at column 21" \
    row_wait_match 3 '^ {20}各位代表：$'
check "center: a full row ends at column 60" \
    eval '[ "$(tm_cap | sed -n 4p | wc -L)" = 60 ]'
tm_keys c
check "c: at the left (a message says so)" \
    tm_wait_in_row 24 "text column at the left"
check "c: the text at column 1" row_wait_exact 3 "各位代表："
tm_keys c
check "c again: centred" row_wait_match 3 '^ {20}各位代表：$'
tm_keys q

# From YUEDU_OPTS (as from the config file), at 40x12: a 20-column text
# has 10 columns on each side; paragraphs spaced.
tm_start 40 12 "YUEDU_OPTS='--align=center --paragraph=space -w 20' $Y $R"
check "40x12 YUEDU_OPTS: centred, 10 columns in" \
    tm_until has '^ {10}各位代表：$'
check "40x12 YUEDU_OPTS: spaced (a blank row after it)" \
    tm_until after '各位代表：$' '^$'
check "40x12: nothing wider than the screen" test "$(tm_cap | wc -L)" -le 40
tm_keys i
check "40x12 i: as the source" \
    tm_until after '^ {10}各位代表：$' '^ {10}现在，我代表'
tm_keys i
check "40x12 i: indented inside the centred column" \
    tm_until has '^ {14}各位代表：$'
tm_keys q

# A terminal drawing ambiguous characters two cells wide: the report's
# title has —— (ambiguous); a 30-column text centred in 80 and indented.
PY=/usr/bin/python3
VT="$YUEDU_SRC/tests/screen/vtscreen.py"
if ! $PY -c 'import pyte' 2>/dev/null; then
	echo "python3-pyte is missing: the emulated terminal cannot run"
	exit 1
fi
export XDG_STATE_HOME=$TM_TMP/state-vt
J=$TM_TMP/snaps.json
tm_cap() { $PY -c "import json; print('\\n'.join(json.load(open('$J'))['screen']))"; }
snap_row() {	# snap_row NAME ROW: that row, its trailing blanks gone
	$PY -c "import json; print(json.load(open('$J'))['snaps']['$1'][$2 - 1].rstrip())"
}
$PY "$VT" --cols 80 --rows 24 --timeout 60 --ambiguous wide \
    wait:'line 1/' sleep:0.3 snap:first send:i wait:'blank row after' \
    sleep:0.3 snap:spaced send:'\x0c' gone:'blank row after' sleep:0.3 \
    snap:spaced_r \
    -- $YUEDU --ambiguous=wide -w 30 --align=center --paragraph=indent "$R" >"$J"
check "wide: the reader came up" \
    $PY -c "import json,sys; sys.exit(not json.load(open('$J'))['ok'])"
check "wide: the long title indented in the centred column (col 30)" \
    eval 'snap_row first 1 | grep -q "^ \{29\}政府工作报告——"'
check "wide: —— counted two cells each: its row ends at 3月5" \
    eval 'snap_row first 1 | grep -q "3月5$" &&
    snap_row first 2 | grep -q "^ \{25\}日在第十四届"'
check "wide: a paragraph indented inside the centred column" \
    eval 'snap_row first 4 | grep -q "^ \{29\}各位代表："'
check "wide: after i, the screen a redraw shows" \
    eval '[ "$($PY -c "import json; d=json.load(open(\"$J\"))[\"snaps\"];
print(d[\"spaced\"][:23] == d[\"spaced_r\"][:23])")" = True ]'
finish
