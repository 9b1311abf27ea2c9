# The word cursor and its dictionary popup: v puts the cursor on the first
# word of the top row and a popup beside it shows the headword in both
# scripts, the pinyin and the senses, below or above the word but never
# over it, inside the screen at 80x24 and 40x12 (…more when cut); w moves
# to the next word, j to the row below (the popup goes above the word at
# the bottom); Esc closes it and the reader is back.  P turns generated
# pinyin on and off; ^P in the search prompt finds 银行 by yinhang; a
# click on a word puts the cursor there (not a click on the popup).
. "$(dirname "$0")/lib.sh"

T=$TM_TMP/bank.txt
printf '银行在哪里？我们明天去银行。\n他是银行的行长。\n' > "$T"
for i in $(seq 1 30); do printf '第%d行：我们喜欢中国。\n' "$i" >> "$T"; done

# popup_ok COLS: the popup's box (+---+ rules) lies inside COLS columns,
# and the row holding the word in reverse video is outside the box.
popup_ok() {
	$TM capture-pane -e -p -t "$TM_T" | python3 -c '
import re, sys, unicodedata
W = int(sys.argv[1])
rows = sys.stdin.read().split("\n")
def plain(r): return re.sub(r"\x1b\[[0-9;]*m", "", r)
def width(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
rows = rows[:rows.index("") if "" in rows else len(rows)]
rows = rows[:-1]	# less the status line
word = [i for i, r in enumerate(rows) if "\x1b[7m" in r]
box = [i for i, r in enumerate(rows) if re.search(r"\+-{6,}\+", plain(r))]
bad = 0
if len(word) != 1: print("word rows:", word); bad = 1
if len(box) != 2: print("box rules:", box); bad = 1
if not bad and box[0] <= word[0] <= box[1]:
    print("the popup covers the word:", word, box); bad = 1
for r in rows:
    if width(plain(r)) > W: print("wider than", W, repr(plain(r))); bad = 1
sys.exit(bad)
' "$1"
}

# The reverse-video text above the status line (the word under the
# cursor), and the row holding it.
cursor_word() {
	$TM capture-pane -e -p -t "$TM_T" | sed '$d' |
	    grep -o $'\e\[7m[^\e]*' | head -1 | cut -c5-
}
cursor_row() {
	$TM capture-pane -e -p -t "$TM_T" | sed '$d' |
	    grep -n $'\e\[7m' | head -1 | cut -d: -f1
}
wait_cursor_row() {	# wait_cursor_row N: the word is on screen row N
	local tries=100
	while [ "$tries" -gt 0 ]; do
		[ "$(cursor_row)" = "$1" ] && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}
wait_word() {	# wait_word TEXT: the cursor is on TEXT
	local tries=100
	while [ "$tries" -gt 0 ]; do
		[ "$(cursor_word)" = "$1" ] && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}

tm_start 80 24 "$YUEDU $T"
check "80x24: the text shows" tm_wait_row 1 "银行在哪里？"
# A click (an X10 mouse report: ESC [ M, button+32, column+33, row+33).
click() {	# click X Y (0-based)
	tm_keys -l "$(printf '\033[M %b%b' "\\$(printf %o $(($1 + 33)))" \
	    "\\$(printf %o $(($2 + 33)))")"
	tm_keys -l "$(printf '\033[M#%b%b' "\\$(printf %o $(($1 + 33)))" \
	    "\\$(printf %o $(($2 + 33)))")"
}
click 17 0
check "click on 明天: the word cursor on it" wait_word "明天"
check "click: its popup" tm_wait "明天 [míng tiān]"
click 16 3
check "a click on the popup leaves the word" tm_wait "明天 [míng tiān]"
check "a click on the popup leaves the cursor" wait_word "明天"
click 1 1
check "a click on another row: the word there (他)" wait_word "他"
tm_keys Escape
check "Esc after a click: the reader" wait_word ""
tm_keys v
check "80x24 v: the popup shows the headword in both scripts and its pinyin" \
	tm_wait "银行 銀行 [yín háng]"
check "80x24 v: and a sense" tm_wait "|   bank"
check "80x24 v: the cursor is on the first word, 银行" wait_word "银行"
check "80x24 v: the word is not covered (row 1 is the text)" \
	tm_wait_row 1 "银行在哪里？我们明天去银行。"
check "80x24 v: longer words and the parts (银, 行)" tm_wait "银 銀 [yín]"
check "80x24 v: the status line says [word]" tm_wait_in_row 24 "[word]"
check "80x24 v: the popup is inside the screen, beside the word" popup_ok 80
tm_keys w
check "80x24 w: the next word, 在" tm_wait "在 [zài]"
check "80x24 w: the cursor moved" wait_word "在"
check "80x24 w: the popup is beside the new word" popup_ok 80
tm_keys j
check "80x24 j: the row below" wait_cursor_row 2
check "80x24 j: the word under the column (银行)" wait_word "银行"
tm_keys b
check "80x24 b: the word before it (是)" tm_wait "是 [shì]"
tm_keys Escape
check "80x24 Esc: the popup is gone" row_wait_exact 2 "他是银行的行长。"
check "80x24 Esc: no word cursor" wait_word ""
check "80x24 Esc: the status line is the reader's" row_wait_match 24 'UTF-8 line 1/32 +0%$'
check "80x24 Esc: no [word]" absent "[word]"
tm_keys j
check "80x24 Esc: then j scrolls the text again" tm_wait_row 1 "他是银行的行长。"

# Generated pinyin, on and off.
tm_keys P
check "P: generated pinyin on every Han character" \
	tm_wait_row 1 "他(tā)是(shì)银(yín)行(háng)的(·de)行(háng)长(zhǎng)。"
check "P: the status line says annotate" tm_wait_in_row 24 "annotate"
tm_keys P
check "P again: the text as it is" tm_wait_row 1 "他是银行的行长。"
check "P again: no annotate" absent "annotate"

# ^P in the prompt: pinyin search for the pattern typed.
tm_keys g /
tm_keys yinhang
check "/yinhang alone is not found" tm_wait "not found"
tm_keys C-p
check "^P: the prompt says pinyin" tm_wait "[pinyin "
check "^P: yinhang is found" row_wait_match 24 '^/yinhang +\[pinyin'
tm_keys Enter
check "^P: Enter searches 银行 by its pinyin (3 matches)" tm_wait_in_row 24 "1/3 [pinyin"
tm_keys C-p
check "^P in the reader is still a line up" tm_wait_in_row 24 "1/3"

# 40x12: the sample article.
tm_start 40 12 "$YUEDU $SAMPLE"
check "40x12: the article shows" tm_wait_in_row 12 "01-ali"
tm_keys v
check "40x12 v: headword in both scripts, pinyin" tm_wait "网 網 [wǎng]"
check "40x12 v: a sense" tm_wait "net; web"
check "40x12 v: the cursor is on 網" wait_word "網"
check "40x12 v: the word stays visible on row 1" tm_wait_row 1 "(網經社訊)"
check "40x12 v: the popup fits the screen, the word outside it" popup_ok 40
tm_keys w
check "40x12 w: the next word" wait_word "經社"
check "40x12 w: a word the dictionary lacks shows its characters" \
	tm_wait "not in the dictionary"
check "40x12 w: cut to fit, with a hint" tm_wait "…more (Space)"
check "40x12 w: the popup fits, the word outside it" popup_ok 40
tm_keys Space
check "40x12 Space: the popup scrolls a page (its first lines go)" \
	tm_until eval '! tm_cap | grep -qF "not in the dictionary"'
check "40x12 Space: the popup is still there" tm_wait "+--------"
tm_keys PPage
check "40x12 PgUp: back" tm_wait "not in the dictionary"
tm_keys 1 0 j
check "40x12 10j: the cursor on the bottom text row" wait_cursor_row 11
check "40x12 10j: the popup is above the word, inside the screen" popup_ok 40
tm_keys j
check "40x12 j past the bottom: the text scrolls a row" \
	tm_wait_row 11 "役將由多個業務方參與"
check "40x12 j: the cursor on the bottom text row" wait_cursor_row 11
check "40x12 j: the popup still beside the word" popup_ok 40
tm_keys q
check "40x12 q: closes the cursor" wait_word ""
check "40x12 q: no popup" absent "+------"
check "40x12 q: the reader stays where it was" tm_wait_row 1 "巴巴集團CEO"
tm_keys q
finish
