# The reader on the sample article at 80x24: first screen and status line,
# ] three times, the outline panel, +N, and the help screen.
. "$(dirname "$0")/lib.sh"

tm_start 80 24 "$YUEDU --ambiguous=narrow $SAMPLE"
check "first row is the article's first row" \
    tm_wait_row 1 "(網經社訊)在第21個510阿里日到來之際,阿里巴巴集團CEO吳泳銘在內網發布了題目為《回"
check "second row continues the first line" \
    tm_wait_row 2 "歸初心 重新創業》的帖子。"
check "status line on row 24: name and position" \
    tm_wait_in_row 24 "01-ali-ai-zhanyi.txt"
check "status line shows line 1/25 and 0%" \
    row_wait_match 24 'line 1/25 +0%$'
check "the heading row is on the screen" tm_wait_row 9 "AI協同效應:從業務割裂到全局價值重構"

# Headings bold and coloured (TERM=screen inside tmux: 8 colours).
row9=$($TM capture-pane -e -p -t "$TM_T" | sed -n 9p)
check "heading row is bold" grep -qF $'\e[1m' <<<"$row9"
check "heading row is coloured (blue)" grep -qF $'\e[34m' <<<"$row9"
row1=$($TM capture-pane -e -p -t "$TM_T" | sed -n 1p)
check "body text has no attributes" test "$row1" = "$(tm_cap | sed -n 1p)"

# Mouse (X10 reports, as TERM=screen declares): wheel down 3 rows, up 3.
tm_keys -H 1b 5b 4d 61 2a 25
check "wheel down scrolls three rows" tm_wait_row 1 "價值的機會。同時"
tm_keys -H 1b 5b 4d 60 2a 25
check "wheel up scrolls back" tm_wait_row 1 "(網經社訊)"

tm_keys ']' ']' ']'
check "] x3: third heading on the top row" \
    tm_wait_row 1 "飽和式投入:聚焦核心戰役的取舍邏輯"
check "] x3: section title in the status line" \
    tm_wait_in_row 24 "01-ali-ai-zhanyi.txt · 飽和式投入:聚焦核心戰役的取舍邏輯"
check "] x3: status line says line 12" tm_wait_in_row 24 "line 12/25"
tm_keys ']' ']'
check "] at the last section: message" tm_wait_in_row 24 "no next section"
tm_keys "''"
check "'' goes back before the last jump" \
    tm_wait_row 1 "飽和式投入:聚焦核心戰役的取舍邏輯"
tm_keys '['
check "[ goes to the previous section" \
    tm_wait_row 1 "組織革命:AI驅動效率與機制創新"

tm_keys g t
check "t opens the outline panel" tm_wait_row 1 "Outline (4)"
screen=$(tm_cap)
for h in "AI協同效應" "組織革命:AI驅" "飽和式投入" "挑戰與隱憂"; do
	check "panel lists $h" grep -qF -- "$h" <<<"$screen"
done
# The side panel is 26 columns: titles keep half, then the reading time.
check "panel titles cut with … before the reading time" \
    grep -qE "…  +(<1|[0-9]+) min[|]" <<<"$screen"
check "status line shows [outline]" tm_wait_in_row 24 "[outline]"
tm_keys j Enter
check "Enter on the second heading jumps to 組織革命" \
    tm_wait_row 1 "組織革命:AI驅動效率與機制創新"
check "the panel is closed after the jump" \
    absent 'Outline ('

tm_keys t / 挑戰 Enter
check "/ filters the outline; Enter jumps to the match" \
    tm_wait_row 1 "挑戰與隱憂:技術紅利與執行落地的鴻溝"

# A click on the third entry (row 4, column 5) of the side panel.
tm_keys t
tm_wait_row 1 "Outline (4)" >/dev/null
tm_keys -H 1b 5b 4d 20 25 24
check "a click on an outline entry jumps there" \
    tm_wait_row 1 "飽和式投入:聚焦核心戰役的取舍邏輯"

tm_keys h
check "h shows the help screen" tm_wait_row 1 "yuedu keys"
check "help lists section-next" tm_wait "the next section"
tm_keys q
check "q closes the help" tm_wait_row 1 "飽和式投入"
tm_keys 1 2 g
check "12g goes to line 12" tm_wait_row 1 "飽和式投入"
tm_keys 0 %
check "0% goes to the top" tm_wait_row 1 "(網經社訊)"

tm_start 80 24 "NO_COLOR=1 $YUEDU --ambiguous=narrow $SAMPLE"
tm_wait_in_row 24 "line 1/25" >/dev/null
row9=$($TM capture-pane -e -p -t "$TM_T" | sed -n 9p)
check "NO_COLOR: heading still bold" grep -qF $'\e[1m' <<<"$row9"
no_colour() { ! grep -qE $'\e\\[3[0-7]m' <<<"$1"; }
check "NO_COLOR: no colour" no_colour "$row9"

tm_start 80 24 "$YUEDU --ambiguous=narrow +6 $SAMPLE"
check "+6 opens at line 6" tm_wait_row 1 "組織革命:AI驅動效率與機制創新"
check "+6: status line says line 6" tm_wait_in_row 24 "line 6/25"

# A narrow terminal: the outline is a full-screen list.
tm_start 40 12 "$YUEDU --ambiguous=narrow $SAMPLE"
tm_wait_in_row 12 "01-ali" >/dev/null
tm_keys Tab
check "40 columns: full-screen outline" tm_wait_row 1 "Outline (4)"
check "40 columns: entries cut by columns" tm_wait_row 4 "  飽和式投入:聚焦核心戰役…"
tm_keys Escape
check "Esc closes the panel" tm_wait_row 1 "(網經社訊)"
finish
