# Every cell counted alike by yuedu and by a terminal that draws East Asian
# ambiguous characters two cells wide (xterm -cjk_width), emulated by
# vtscreen.py (pyte): with the outline panel open, each row of text is the
# layout's row, whole (the divider takes one cell); after p (pinyin shown,
# then ruby) and on the shelf after a move, the screen is what a full
# redraw (^L) shows.  The same in narrow mode.  The emulator paints as
# xterm does (--ghosts): an ambiguous character's narrow glyph leaves what
# was painted in its second cell, so a row drawn over without being blanked
# first shows stray characters.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
VT="$YUEDU_SRC/tests/screen/vtscreen.py"
if ! $PY -c 'import pyte' 2>/dev/null; then
	echo "python3-pyte is missing: the emulated terminal cannot run"
	exit 1
fi
export XDG_STATE_HOME=$TM_TMP/state
J=$TM_TMP/snaps.json
# A failure shows the emulator's last screen (there is no tmux here).
tm_cap() { $PY -c "import json; print('\\n'.join(json.load(open('$J'))['screen']))"; }

# snaps_equal A B [ROWS]: snapshots A and B of $J agree (on their first
# ROWS rows when given).
snaps_equal() {
	$PY - "$J" "$1" "$2" "${3:-0}" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
a, b, n = d['snaps'][sys.argv[2]], d['snaps'][sys.argv[3]], int(sys.argv[4])
if n:
    a, b = a[:n], b[:n]
bad = [i + 1 for i, (x, y) in enumerate(zip(a, b)) if x != y]
for i in bad[:5]:
    print('row %d:\n  %s\n  %s' % (i, a[i - 1], b[i - 1]))
sys.exit(1 if bad or len(a) != len(b) else 0)
EOF
}

# text_right_of_divider SNAP COLS FILE: each text row of SNAP, right of the
# panel's divider, is the layout's row (--dump at the text's width): none
# pushed right, none cut.
text_right_of_divider() {
	"$YUEDU" --dump --ambiguous="$mode" -w "$2" "$3" >"$TM_TMP/dump"
	$PY - "$J" "$1" "$TM_TMP/dump" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
rows = d['snaps'][sys.argv[2]][:-1]
want = open(sys.argv[3], encoding='utf-8').read().split('\n')
bad = 0
for i, r in enumerate(rows):
    if '|' not in r:
        print('row %d: no divider: %r' % (i + 1, r)); bad += 1; continue
    got = r.split('|', 1)[1].rstrip()
    if got != want[i].rstrip():
        print('row %d: %r\n   want %r' % (i + 1, got, want[i])); bad += 1
sys.exit(1 if bad else 0)
EOF
}

for mode in wide narrow; do
	# A fresh state each time: the pinyin mode left is remembered.
	export XDG_STATE_HOME=$TM_TMP/state-$mode
	$PY "$VT" --ghosts --timeout 120 --ambiguous "$mode" wait:% send:t wait:'Outline (4)' \
	    sleep:0.3 snap:panel send:'\x0c' sleep:0.3 snap:panel_r \
	    send:p wait:'pinyin: show' sleep:0.3 snap:p1 \
	    send:'\x0c' gone:'pinyin: show' sleep:0.3 snap:p1_r \
	    send:p wait:'pinyin: ruby' sleep:0.3 snap:p2 \
	    send:'\x0c' gone:'pinyin: ruby' sleep:0.3 snap:p2_r \
	    -- "$YUEDU" --ambiguous="$mode" "$SAMPLE" >"$J"
	check "$mode: the reader came up in the emulator" \
	    $PY -c "import json,sys; sys.exit(not json.load(open('$J'))['ok'])"
	check "$mode: panel open, every row as a redraw shows it" \
	    snaps_equal panel panel_r
	check "$mode: text rows whole right of a one-cell divider" \
	    text_right_of_divider panel 53 "$SAMPLE"
	check "$mode: after p (pinyin shown), as a redraw shows it" \
	    snaps_equal p1 p1_r 23
	check "$mode: after p again (ruby), as a redraw shows it" \
	    snaps_equal p2 p2_r 23

	mkdir -p "$TM_TMP/shelf"
	cp "$SAMPLE" "$TM_TMP/shelf/a.txt"
	cp "$YUEDU_DATA/hongloumeng_trad_ch1-5.txt" "$TM_TMP/shelf/b.txt"
	$PY "$VT" --ghosts --timeout 120 --ambiguous "$mode" wait:'1/2' sleep:0.3 send:j wait:'2/2' \
	    sleep:0.3 snap:shelf send:'\x0c' sleep:0.3 snap:shelf_r \
	    -- "$YUEDU" --ambiguous="$mode" "$TM_TMP/shelf" >"$J"
	check "$mode: shelf after j, as a redraw shows it" \
	    snaps_equal shelf shelf_r
done
finish
