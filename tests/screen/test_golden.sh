#!/bin/bash
# Whole screens at 80x24 against the expected screens in
# tests/screen/golden/NAME.txt: the reader on the sample article, its
# outline panel, the help screen, the shelf of articles/, a search with
# its matches highlighted, and the outline panel of a Markdown file.
#
# Each expected screen is the 24 rows as text, then the styled runs of
# each row (bold, reverse, colours) with their text, so a highlight that
# moves or vanishes fails too.  The program runs with its own HOME and
# XDG directories, TERM=screen and the C.UTF-8 locale, and the screen is
# read only once it has stopped changing.
#
#   UPDATE=1 tests/screen/test_golden.sh   (or --update) rewrites the
#   expected screens; read the diff (git diff tests/screen/golden) before
#   committing it.  Run it from ctest, or set YUEDU, YUEDU_SRC, YUEDU_DATA.
. "$(dirname "$0")/lib.sh"
gold=$YUEDU_SRC/tests/screen/golden
update=${UPDATE:-0}
[ "${1:-}" = --update ] && update=1
[ "$update" = 0 ] || mkdir -p "$gold"

# A fixed world: the articles copied to a working directory under their
# own names (the shelf shows the path it was given), an empty config.
w=$TM_TMP/w
mkdir -p "$w" "$TM_TMP/home" "$TM_TMP/config" "$TM_TMP/data" "$TM_TMP/cache"
cp -R "$YUEDU_SRC/articles" "$w/articles"
cp "$YUEDU_DATA/xianfa.md" "$w/xianfa.md"

# run ARGS...: yuedu ARGS at 80x24 in $w.  (lib.sh's tm_start sets a fresh
# XDG_STATE_HOME: nothing was read before.)
run() {
	tm_start 80 24 "cd '$w' && exec env -u YUEDU_OPTS -u COLUMNS \
	    -u LINES -u COLORTERM -u NO_COLOR HOME='$TM_TMP/home' \
	    XDG_CONFIG_HOME='$TM_TMP/config' XDG_DATA_HOME='$TM_TMP/data' \
	    XDG_CACHE_HOME='$TM_TMP/cache' TERM=screen LANG=C.UTF-8 \
	    LC_ALL=C.UTF-8 '$YUEDU' $*"
}

# The screen with its styles, as tmux holds it (SGR sequences kept).
cap_styled() { $TM capture-pane -e -p -t "$TM_T"; }

# wait_stable: wait until the screen has not changed for a second (the
# background outline, reading times and line count are done), at most
# 20 seconds.
wait_stable() {
	local last= now same=0 tries=200
	while [ "$tries" -gt 0 ]; do
		now=$(cap_styled)
		if [ "$now" = "$last" ]; then
			same=$((same + 1))
			[ "$same" -ge 10 ] && return 0
		else
			same=0
			last=$now
		fi
		sleep 0.1
		tries=$((tries - 1))
	done
	return 1
}

# The screen as an expected file: the rows as text (trailing blanks cut),
# then "--- styles" and one line per styled run: ROW: STYLE "TEXT".
screen_text() {
	cap_styled | python3 -c '
import re, sys

COLOURS = ["black", "red", "green", "yellow", "blue", "magenta", "cyan",
           "white"]

def colour(codes, i, base):
    c = codes[i]
    if c in (38, 48):               # 38;5;N or 38;2;R;G;B
        if i + 2 < len(codes) and codes[i + 1] == 5:
            return "%d" % codes[i + 2], i + 3
        if i + 4 < len(codes) and codes[i + 1] == 2:
            return "#%02x%02x%02x" % tuple(codes[i + 2:i + 5]), i + 5
        return "?", len(codes)
    if base + 60 <= c <= base + 67:
        return "bright-" + COLOURS[c - base - 60], i + 1
    return COLOURS[c - base], i + 1

def apply(st, params):
    codes = [int(x) if x else 0 for x in params.split(";")] if params \
        else [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            st.clear()
        elif c in (1, 2, 3, 4, 5, 7, 8, 9):
            st[{1: "bold", 2: "dim", 3: "italic", 4: "underline",
                5: "blink", 7: "reverse", 8: "hidden", 9: "strike"}[c]] = 1
        elif c == 22:
            st.pop("bold", None); st.pop("dim", None)
        elif c in (23, 24, 25, 27, 28, 29):
            st.pop({23: "italic", 24: "underline", 25: "blink",
                    27: "reverse", 28: "hidden", 29: "strike"}[c], None)
        elif 30 <= c <= 37 or 90 <= c <= 97 or c == 38:
            st["fg"], i = colour(codes, i, 30)
            continue
        elif 40 <= c <= 47 or 100 <= c <= 107 or c == 48:
            st["bg"], i = colour(codes, i, 40)
            continue
        elif c == 39:
            st.pop("fg", None)
        elif c == 49:
            st.pop("bg", None)
        i += 1

def name(st):
    out = [k for k in ("bold", "dim", "italic", "underline", "blink",
                       "reverse", "hidden", "strike") if k in st]
    out += ["%s=%s" % (k, st[k]) for k in ("fg", "bg") if k in st]
    return " ".join(out)

rows, runs = [], []
for n, line in enumerate(sys.stdin.read().split("\n")[:24], 1):
    st, text, cur, style = {}, "", "", ""
    for part in re.split(r"(\x1b\[[0-9;]*m)", line):
        m = re.fullmatch(r"\x1b\[([0-9;]*)m", part)
        if m:
            apply(st, m.group(1))
            continue
        if not part:
            continue
        s = name(st)
        if s != style:
            if style and cur:
                runs.append("%d: %s \"%s\"" % (n, style, cur))
            cur, style = "", s
        cur += part
        text += part
    if style and cur:
        runs.append("%d: %s \"%s\"" % (n, style, cur))
    rows.append(text.rstrip(" "))
while len(rows) < 24:
    rows.append("")
print("\n".join(rows))
print("--- styles (row: style \"text\")")
print("\n".join(runs))
'
}

# golden NAME WHAT: compare the screen, once stable, with golden/NAME.txt
# (or write it when updating).
golden() {
	local name=$1 what=$2 got
	wait_stable || not_ok "$what: the screen settles"
	got=$(screen_text)
	if [ "$update" != 0 ]; then
		printf '%s\n' "$got" >"$gold/$name.txt"
		echo "updated $gold/$name.txt"
	elif [ "$got" = "$(cat "$gold/$name.txt" 2>/dev/null)" ]; then
		ok "$what: the whole screen is as expected ($name.txt)"
	else
		not_ok "$what: the screen differs from golden/$name.txt"
		diff -u "$gold/$name.txt" <(printf '%s\n' "$got") | sed 's/^/  /'
	fi
}

# The reader on the bundled sample article.
run articles/01-ali-ai-zhanyi.txt
tm_wait "工具層面" || not_ok "the sample article opens"
golden reader "the reader"

# Its outline panel.
tm_keys t
tm_wait "AI協同效應:從業務割裂到全局價值重構" &&
    tm_wait "Outline (4)" || not_ok "the outline panel opens"
golden outline "the outline panel"

# The help screen.
tm_keys Escape h
tm_wait "one line down" || not_ok "the help screen opens"
golden help "the help screen"

# A search: the matches highlighted, i/N on the status line.
tm_keys q
tm_wait_row 1 "(網經社訊)" || not_ok "help closes"
tm_keys / 協同 Enter
tm_wait "1/9" || not_ok "the search finds 9 matches"
golden search "a search"

# The shelf of articles/.
run articles
tm_wait "孙子兵法" || not_ok "the shelf opens"
golden shelf "the shelf"

# The outline panel of a Markdown file: it once said "no headings", as a
# view of the document for the background outline lost its rendering.
run xianfa.md
tm_wait "中华人民共和国宪法" || not_ok "the Markdown file opens"
tm_keys t
check "Markdown: the panel lists the rendered headings" \
    tm_wait "第三章 国家机"
check "... and does not say there are none" absent "no headings"
golden outline_md "the outline panel of a Markdown file"
finish
