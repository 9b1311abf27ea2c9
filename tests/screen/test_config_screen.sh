# Settings that reach the screen, at 80x24 on the sample article: a key
# bound in the config file and in YUEDU_OPTS (the new key works, help
# shows it, a bad binding is warned about and the rest applies), a colour
# on the headings, and the outline panel's lengths and reading times at
# 80x24 and 40x12 (and --cpm changing them).
. "$(dirname "$0")/lib.sh"
cfg=$(mktemp -d)
trap '$TM kill-server 2>/dev/null; rm -rf "$cfg"' EXIT
mkdir -p "$cfg/yuedu"
cat >"$cfg/yuedu/config" <<'CFG'
bind = J page-down
bind = X no-such-command
color = heading bold red
CFG
run="env XDG_CONFIG_HOME=$cfg $YUEDU --ambiguous=narrow"
# wait_sgr ROW SGR: wait until screen row ROW holds the escape SGR (the
# heading look comes with the outline, just after the first screen).
wait_sgr() {
	local tries=100
	while [ "$tries" -gt 0 ]; do
		$TM capture-pane -e -p -t "$TM_T" | sed -n "$1p" |
		    grep -qF -- "$2" && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}

# Without the binding J is not a command.
tm_start 80 24 "$YUEDU --ambiguous=narrow $SAMPLE"
tm_wait_in_row 24 "line 1/25" >/dev/null
tm_keys J
check "unbound: J is not a command" tm_wait_in_row 24 "J: not a command"

tm_start 80 24 "$run $SAMPLE 2>$cfg/err; sleep 60"
check "config file: the reader opens" tm_wait_in_row 24 "line 1/25"
tm_keys J
check "config file: J pages down" tm_wait_in_row 24 "line 9/25"
check "config file: no 'not a command'" absent "not a command"
tm_keys h
check "help: page-down lists J after its own keys" \
    tm_wait "Space f PgDn ^F J"
tm_keys q
check "a bad bind line is warned about with file and line" \
    grep -qF "$cfg/yuedu/config:2: unknown command 'no-such-command'" \
    "$cfg/err"

# The heading in the configured colour (red, 31) instead of blue (34).
tm_keys g
tm_wait_row 1 "(網經社訊)" >/dev/null
tm_wait_row 9 "AI協同效應" >/dev/null
wait_sgr 9 $'\e[1m'
row9=$($TM capture-pane -e -p -t "$TM_T" | sed -n 9p)
check "color = heading bold red: the heading is red" \
    grep -qF $'\e[31m' <<<"$row9"
check "... and bold" grep -qF $'\e[1m' <<<"$row9"
check "... and not the built-in blue" eval '! grep -qF $'"'"'\e[34m'"'"' <<<"$row9"'
row1=$($TM capture-pane -e -p -t "$TM_T" | sed -n 1p)
check "body text keeps no colour" test "$row1" = "$(tm_cap | sed -n 1p)"

# NO_COLOR: the colour is dropped, the heading still stands out.
tm_start 80 24 "NO_COLOR=1 $run $SAMPLE"
tm_wait_row 9 "AI協同效應" >/dev/null
wait_sgr 9 $'\e[1m'
row9=$($TM capture-pane -e -p -t "$TM_T" | sed -n 9p)
check "NO_COLOR: the heading is bold, not red" \
    eval 'grep -qF $'"'"'\e[1m'"'"' <<<"$row9" && ! grep -qE $'"'"'\e\[3[0-7]m'"'"' <<<"$row9"'

# Status line and match colours from the command line.
tm_start 80 24 "$YUEDU --ambiguous=narrow --color 'status black on green' --color 'match underline magenta' --highlight 阿里 $SAMPLE"
tm_wait_in_row 24 "line 1/25" >/dev/null
tm_keys / 吳泳銘 Enter
tm_wait_in_row 24 "1/" >/dev/null
row24=$($TM capture-pane -e -p -t "$TM_T" | sed -n 24p)
check "color = status black on green: the status line" \
    eval 'grep -qF $'"'"'\e[30m'"'"' <<<"$row24" && grep -qF $'"'"'\e[42m'"'"' <<<"$row24"'
check "... not in reverse video any more" \
    eval '! grep -qF $'"'"'\e[7m'"'"' <<<"$row24"'
rows=$($TM capture-pane -e -p -t "$TM_T" | sed -n 1,5p)
check "color = match underline magenta: other matches" \
    eval 'grep -qF $'"'"'\e[4m'"'"' <<<"$rows" && grep -qF $'"'"'\e[35m'"'"' <<<"$rows"'

# A 256-colour spec on an 8-colour terminal (TERM=screen): colour 208 is
# left out, the heading keeps its built-in look (bold, blue) and gains the
# underline asked for.
tm_start 80 24 "TERM=screen $YUEDU --ambiguous=narrow --color 'heading underline 208' $SAMPLE"
tm_wait_row 9 "AI協同效應" >/dev/null
wait_sgr 9 $'\e[1;4m'
row9=$($TM capture-pane -e -p -t "$TM_T" | sed -n 9p)
check "8 colours: heading 208 falls back to bold and underline" \
    grep -qF $'\e[1;4m' <<<"$row9"
check "8 colours: no colour 208, the built-in blue" \
    eval '! grep -qF "38;5;208" <<<"$row9" && grep -qF $'"'"'\e[34m'"'"' <<<"$row9"'

# YUEDU_OPTS binds too, and the command line beats it for the same key.
tm_start 80 24 "YUEDU_OPTS=\"--bind 'K page-down' --bind 'Q quit'\" $YUEDU --ambiguous=narrow --bind 'Q line-down' $SAMPLE; echo rc=\$?; sleep 60"
tm_wait_in_row 24 "line 1/25" >/dev/null
tm_keys K
check "YUEDU_OPTS: K pages down" tm_wait_in_row 24 "line 9/25"
tm_keys Q
check "command line wins for Q: one row down" tm_wait_row 1 "向;"
tm_keys k k k k k k q
check "q still quits" tm_wait "rc=0"

# The outline panel: beside each title its reading time (80 columns:
# the 26-column side panel has room for the time only) ...
tm_start 80 24 "$YUEDU --ambiguous=narrow $SAMPLE"
tm_wait_in_row 24 "line 1/25" >/dev/null
tm_keys t
tm_wait_row 1 "Outline (4)" >/dev/null
check "80x24: each entry ends with its reading time" \
    tm_until eval '[ "$(tm_cap | sed -n 2,5p | grep -cE "(<1|[0-9]+) min[|]")" = 4 ]'
# ... and at 40x12 (full-screen list) its length and time, right-aligned.
tm_start 40 12 "$YUEDU --ambiguous=narrow $SAMPLE"
tm_wait_in_row 12 "01-ali" >/dev/null
tm_keys t
tm_wait_row 1 "Outline (4)" >/dev/null
check "40x12: length and time on every entry" \
    tm_until eval '[ "$(tm_cap | sed -n 2,5p | grep -cE " [0-9.]+k? +(<1|[0-9]+) min$")" = 4 ]'
check "40x12: the last section has 451 characters" \
    row_matches 5 "挑戰與隱憂.* 451 +[0-9<]+ min$"
# A slower rate: at 30 characters a minute the last section (451
# characters, a few of them punctuation or Latin) takes 10 to 19 min.
tm_start 40 12 "$YUEDU --ambiguous=narrow --cpm 30 $SAMPLE"
tm_wait_in_row 12 "01-ali" >/dev/null
tm_keys t
tm_wait_row 1 "Outline (4)" >/dev/null
check "--cpm 30: the last section takes 10 to 19 min" \
    row_matches 5 " 451 +1[0-9] min$"

# The pinyin row and the shelf's figures take their colours too.
tm_start 80 24 "$YUEDU --ambiguous=narrow --pinyin=ruby --color='pinyin red' $SAMPLE"
tm_wait_in_row 24 "01-ali" >/dev/null
check "--color pinyin: the ruby row is red" wait_sgr 1 $'\e[31m'
mkdir -p "$TM_TMP/shelf"
cp "$SAMPLE" "$YUEDU_SRC/articles/02-zhongduan-yuedu.md" "$TM_TMP/shelf/"
tm_start 80 24 "$YUEDU --color='shelf-info green' $TM_TMP/shelf"
tm_wait_row 1 "$TM_TMP/shelf  (2 articles)" >/dev/null
check "--color shelf-info: the second row's figures are green" \
    wait_sgr 3 $'\e[32m'
finish
