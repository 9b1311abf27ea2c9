# The shelf in tmux, on a directory of three articles and with its own
# XDG_STATE_HOME: titles, Enter and q, progress after reading, the / filter
# (Chinese typed in, Backspace, Esc), 80x24 and 40x12; several files on
# the command line with :n and :p.
. "$(dirname "$0")/lib.sh"

d=$TM_TMP/articles
mkdir -p "$d"
cp "$YUEDU_SRC/articles/01-ali-ai-zhanyi.txt" "$d/01-ali.txt"
cp "$YUEDU_SRC/articles/02-zhongduan-yuedu.md" "$d/02-zhongduan.md"
cp "$YUEDU_DATA/xianfa.md" "$d/03-xianfa.md"
export TM_STATE=$TM_TMP/state
Y="$YUEDU --ambiguous=narrow"
T1="AI協同效應:從業務割裂到全局價值重構"
T2="在终端里读中文"
T3="中华人民共和国宪法"

tm_start 80 24 "$Y $d; echo EXIT=\$?; sleep 60"
check "header: the directory and three articles" \
    tm_wait_row 1 "$d  (3 articles)"
check "row 2: the first title" tm_wait_row 2 "$T1"
check "row 3: the second title" tm_wait_row 3 "$T2"
check "row 4: the third title" tm_wait_row 4 "$T3"
check "length, reading time and progress on each row" \
    row_wait_match 4 '[0-9.]+k chars +([0-9]+ h )?[0-9]+ min +-$'
check "never read: progress -" row_wait_match 2 ' -$'
check "status line: keys and position" \
    row_wait_match 24 '^Enter opens · / filters · h help · q quits +1/3$'
check "the cursor row is reverse video" \
    grep -qE $'\e\\[([0-9]*;)*7m' <<<"$($TM capture-pane -e -p -t "$TM_T" | sed -n 2p)"
check "the other rows are not" grep -qvE $'\e\\[([0-9]*;)*7m' \
    <<<"$($TM capture-pane -e -p -t "$TM_T" | sed -n 3p)"

tm_keys G
check "G: the last entry (status 3/3)" row_wait_match 24 ' 3/3$'
tm_keys Enter
check "Enter opens the article under the cursor" \
    tm_wait_in_row 24 "03-xianfa.md (file 3/3)"
tm_keys 101 g
check "scroll in the article" tm_wait_in_row 24 "line 101/"
tm_keys q
check "q comes back to the shelf" tm_wait_row 1 "$d  (3 articles)"
check "the cursor stays on the article read" row_wait_match 24 ' 3/3$'
check "its progress is now above 0%" row_wait_match 4 ' ([1-9][0-9]?|100)%$'
check "the others are still unread" row_wait_match 2 ' -$'

tm_keys g Enter
check "g Enter: the first article" tm_wait_in_row 24 "01-ali.txt (file 1/3)"
tm_keys :n
check ":n from an article of the shelf: the next one" \
    tm_wait_in_row 24 "02-zhongduan.md (file 2/3)"
tm_keys q
check "q back: the cursor on the last read" tm_wait_in_row 24 \
    "Enter opens · / filters · h help · q quits"
check "... which is the second" row_wait_match 24 ' 2/3$'
check "both read show progress" row_wait_match 2 ' [0-9]+%$'
row_wait_match 3 ' [0-9]+%$' && ok "second one too" || not_ok "second one too"

tm_keys / 宪
check "/ starts the filter, Chinese typed in" tm_wait_row 1 "/宪  (1 of 3)"
check "the filter narrows to one article" tm_wait_row 2 "$T3"
check "only one row left" test -z "$(tm_cap | sed -n 3p | tr -d ' ')"
tm_keys BSpace
check "Backspace erases a whole character" tm_wait_row 1 "/  (3 of 3)"
tm_keys z h o n g d
check "the filter matches file names too" tm_wait_row 1 "/zhongd  (1 of 3)"
check "... the second article" tm_wait_row 2 "$T2"
tm_keys Escape
check "Esc clears the filter" tm_wait_row 1 "$d  (3 articles)"
check "all three back" tm_wait_row 4 "$T3"
tm_keys / 宪 法 Enter
check "Enter in the filter opens the one match" \
    tm_wait_in_row 24 "03-xianfa.md · "
tm_keys q
check "q: the filter is kept" tm_wait_row 1 "/宪法  (1 of 3)"
tm_keys Escape q
check "q on the shelf quits" tm_wait "EXIT=0"

# 40x12: the rows still fit, narrow columns dropped first.
tm_start 40 12 "$Y $d; echo EXIT=\$?; sleep 60"
check "40x12: the first title (cut)" tm_wait_row 2 "AI協同效應"
check "40x12: progress still shown" row_wait_match 4 ' [0-9]+%$'
check "40x12: nothing wider than the screen" \
    test "$(tm_cap | wc -L)" -le 40
check "40x12: the status line" tm_wait_in_row 12 "Enter opens"
tm_keys j Enter
check "40x12: Enter opens (its title on the status line)" \
    tm_wait_in_row 12 "$T2"
tm_keys q
check "40x12: q back" tm_wait_in_row 12 "Enter opens"
# The mouse: a click on a row opens it (X10 report, row 4 = 0x24).
tm_keys -H 1b 5b 4d 20 21 24
check "a click on a row opens that article (785 lines)" \
    tm_wait_in_row 12 "/785 "
tm_keys q q
check "40x12: q q quits" tm_wait "EXIT=0"

# An article gone since the shelf was read: a message, the shelf stays.
mkdir -p "$TM_TMP/gone"
cp "$d/01-ali.txt" "$TM_TMP/gone/a.txt"
tm_start 80 24 "$Y $TM_TMP/gone; echo EXIT=\$?; sleep 60"
check "one article" tm_wait_row 2 "$T1"
rm "$TM_TMP/gone/a.txt"
tm_keys Enter
check "a vanished article: the reason on the status line" \
    tm_wait_in_row 24 "$TM_TMP/gone/a.txt: No such file or directory"
check "... and the shelf stays" tm_wait_row 1 "$TM_TMP/gone  (1 article)"
tm_keys q
check "... and q quits" tm_wait "EXIT=0"

# Several files: :n and :p, messages at the ends, "(file 2/3)".
tm_start 80 24 "$Y $d/01-ali.txt $d/02-zhongduan.md $d/03-xianfa.md; echo EXIT=\$?; sleep 60"
check "several files: the first opens" tm_wait_in_row 24 "01-ali.txt (file 1/3)"
tm_keys :p
check ":p at the first: a message" tm_wait_in_row 24 "no previous file"
tm_keys 5 g :n
check ":n: the second file" tm_wait_in_row 24 "02-zhongduan.md (file 2/3)"
tm_keys :n
check ":n: the third file" tm_wait_in_row 24 "03-xianfa.md (file 3/3)"
tm_keys :n
check ":n at the last: a message" tm_wait_in_row 24 "no next file"
tm_keys :p :p
check ":p :p: back at the first" tm_wait_in_row 24 "01-ali.txt (file 1/3)"
check "... at the place left there (line 5)" tm_wait_in_row 24 "line 5/"
tm_keys : x
check ":x is no command" tm_wait_in_row 24 ":x: not a command"
tm_keys q
check "q quits from any file" tm_wait "EXIT=0"

# SIGTERM in an article read from the shelf: saved, terminal restored.
tm_start 80 24 "$Y $d; echo EXIT=\$?; sleep 60"
tm_wait_row 2 "$T1"
tm_keys G Enter 49 g
check "at line 49 of the third article" tm_wait_in_row 24 "line 49/"
kill -TERM "$(pgrep -P "$($TM display -p -t "$TM_T" '#{pane_pid}')" yuedu)"
check "SIGTERM from the shelf's reader: exit 143" tm_wait "EXIT=143"
check "SIGTERM: out of the alternate screen" \
    test "$($TM display -p -t "$TM_T" '#{alternate_on}')" = 0
tm_start 80 24 "$Y $d; echo EXIT=\$?; sleep 60"
tm_wait_row 2 "$T1"
tm_keys G Enter
check "SIGTERM saved the place (line 49)" tm_wait_in_row 24 "line 49/"
kill -TERM "$(pgrep -P "$($TM display -p -t "$TM_T" '#{pane_pid}')" yuedu)"
tm_wait "EXIT=143"

# Corrupt state files: the shelf and the reader warn on one line and go on.
# (both records of each text: one alone is mended from the other)
for f in "$TM_STATE"/yuedu/[kp]-*; do printf 'garbage\n' >"$f"; done
tm_start 80 24 "$Y $d; echo EXIT=\$?; sleep 60"
check "corrupt state: the shelf opens, with a warning" \
    tm_wait_in_row 24 "progress unknown: not a yuedu state file"
check "corrupt state: progress unknown (-)" row_wait_match 2 ' -$'
tm_keys Enter
check "corrupt state: the article opens at the top, with a warning" \
    tm_wait_in_row 24 "place not restored: not a yuedu state file"
check "... at the top" row_wait_match 24 ' 0%$'
tm_keys q
check "corrupt state: back on the shelf" \
    tm_wait_row 1 "$d  (3 articles)"
check "... the record saved again, so its progress shows" \
    row_wait_match 2 ' [0-9]+%$'
tm_keys q
tm_wait "EXIT=0"

finish
