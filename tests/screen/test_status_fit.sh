# The status line fits: as the screen narrows its parts go in order of
# least use — the reading aids, the file name, the line numbers, the
# search's figures — and the section title stays longest; the help
# screen wraps its descriptions (indented under their keys) and scrolls.
. "$(dirname "$0")/lib.sh"
XY="$YUEDU_DATA/xiyouji_trad_excerpt.txt"
Y="$YUEDU --ambiguous=narrow"
name=xiyouji_trad_excerpt.txt
T1="第一回 靈根育孕源流出　心性修持大道生"

# status COLS ROWS [KEYS...]: start at COLS x ROWS, 12 lines down, then KEYS.
status_at() {
	local cols=$1 rows=$2
	shift 2
	tm_start "$cols" "$rows" "$Y $XY"
	tm_wait_in_row "$rows" "%" >/dev/null
	tm_keys 1 2 j "$@"
}

status_at 100 24
check "100 columns: file, whole title, encoding, line and percentage" \
    row_wait_match 24 "^$name · $T1 +UTF-8 line [0-9]+/[0-9]+ +0%$"
status_at 70 24
check "70 columns: the aids go; file, title and line stay" \
    row_wait_match 24 "^$name · 第一回 靈根育孕.*… line [0-9]+/[0-9]+ +0%$"
status_at 56 24
check "56 columns: the file goes; title and line stay" \
    row_wait_match 24 "^第一回 靈根育孕.* line [0-9]+/[0-9]+ +0%$"
status_at 40 12
check "40 columns: the title and the percentage, the file gone" \
    row_wait_match 12 "^第一回 靈根育孕.* [0-9]+%$"

# A search's figures stay longer than the file name, not than the title.
status_at 64 24 / 第 Enter
check "64 columns, a search: the title, the match figures, no file" \
    row_wait_match 24 "^第一回 .* 2/18 \\[.*[0-9]+%$"
status_at 40 12 / 第 Enter
check "40 columns, a search: the title stays, the figures go" \
    row_wait_match 12 "^第一回 靈根育孕.* [0-9]+%$"

# A message comes first, and the title is still there behind it.
status_at 70 24 m a
check "a message (mark a set) and the title" \
    row_wait_match 24 "^mark a set · .*第一回"

# The help at 40 columns: wrapped, indented, scrolled by j.
tm_start 40 12 "$Y $XY"
tm_wait_in_row 12 "%" >/dev/null
tm_keys h
check "help: the title wraps" tm_wait_row 2 "Esc closes it)"
check "help: a description under its keys, indented" \
    row_wait_match 6 '^    one line down \(N: N lines\)$'
check "help: nothing cut" eval '! tm_cap | grep -q "…"'
tm_keys j j j
check "help: j scrolls it" tm_wait_row 1 "Reading [reader]"
finish
