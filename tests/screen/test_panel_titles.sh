# The outline panel shows titles: 西遊記's "第二回     悟徹…" (five
# spaces in the source) shows one space; the title comes before the
# figures, which drop when it does not fit; < and > change the panel's
# width, which is remembered for the next run; a filter shows the part of
# a cut title that it matched.
. "$(dirname "$0")/lib.sh"
export TM_STATE=$TM_TMP/state
XY="$YUEDU_DATA/xiyouji_trad_excerpt.txt"
Y="$YUEDU --ambiguous=narrow"
T2="第二回 悟徹菩提真妙理　斷魔歸本合元神"	# 37 columns

tm_start 80 24 "$Y $XY"
tm_wait_in_row 24 "line 1/" >/dev/null
tm_keys t
check "the panel opens" tm_wait_row 1 "Outline (12)"
check "one space after 第二回, not five" row_wait_match 3 '^  第二回 悟徹'
check "no run of spaces in any title" \
    eval '! tm_cap | sed -n 2,23p | sed "s/[|].*//" | grep -q "回  "'
check "26 columns: a long title keeps two thirds, the time stays" \
    row_matches 3 '^  第二回 悟徹.*… +[0-9]+ min[|]'

# 26 + 7 x 2 = 40 columns: the title (37) fits whole with no figures.
tm_keys '>' '>' '>' '>' '>' '>' '>'
check "> says the new width" tm_wait_in_row 24 "outline panel: 40 columns"
check "40 columns: the whole title, the figures dropped" \
    row_wait_match 3 "^  $T2 *[|]"
# 48 columns: the title and its time.
tm_keys '>' '>' '>' '>'
check "48 columns: the whole title and its time" \
    row_wait_match 3 "^  $T2 +[0-9]+ min[|]"
tm_keys '>' '>' '>'
check "the text keeps 30 columns: 49 at most" \
    tm_wait_in_row 24 "outline panel: 49 columns"
tm_keys '<' '<' '<' '<' '<'
check "< narrows it" tm_wait_in_row 24 "outline panel: 39 columns"
tm_keys q
tm_wait_in_row 24 "line 1/" >/dev/null
tm_keys q
sleep 0.3

# The next run opens the panel at the width left.
tm_start 80 24 "$Y $XY"
tm_wait_in_row 24 "line 1/" >/dev/null
tm_keys t
tm_wait_row 1 "Outline (12)" >/dev/null
check "remembered: 39 columns again (the divider in column 40)" \
    eval '[ "$(tm_cap | sed -n 1p | cut -c40)" = "|" ]'
check "remembered in the state directory" \
    grep -qx "panel-width 39" "$TM_STATE/yuedu/prefs"

# panel-width: given on the command line it wins over the width
# remembered (39) and is not remembered itself; from YUEDU_OPTS (as from
# the config file) the remembered width wins, and it applies without one.
divider_at() { [ "$(tm_cap | sed -n 1p | cut -c"$1")" = "|" ]; }
panel_open() {
	tm_start 80 24 "$*"
	tm_wait_in_row 24 "line 1/" >/dev/null
	tm_keys t
	tm_wait_row 1 "Outline (12)" >/dev/null
}
panel_open "$Y --panel-width=30 $XY"
check "--panel-width=30 wins over the remembered 39 (divider in column 31)" \
    tm_until divider_at 31
tm_keys q
tm_wait_in_row 24 "line 1/" >/dev/null
tm_keys q
sleep 0.3
check "... and leaves the remembered width alone" \
    grep -qx "panel-width 39" "$TM_STATE/yuedu/prefs"
panel_open "YUEDU_OPTS=--panel-width=30 $Y $XY"
check "YUEDU_OPTS panel-width=30: the remembered 39 wins" tm_until divider_at 40
panel_open "YUEDU_OPTS='--panel-width=30 --no-remember' $Y $XY"
check "YUEDU_OPTS panel-width=30, nothing remembered: 30 columns" \
    tm_until divider_at 31
panel_open "$Y $XY"
tm_keys '<' '<' '<' '<' '<' '<' '<' '<' '<' '<' '<' '<' '<' '<'
check "12 columns at least" tm_wait_in_row 24 "outline panel: 12 columns"

# A filter on a cut title shows the part it matched.
tm_keys / 合元神
check "the filter finds one heading" tm_wait_row 1 "/合元神 (1)"
check "... and shows the matched end of its title" \
    row_wait_match 2 '合元神'

# A screen under 60 columns: the list takes the whole screen.
tm_start 50 20 "$Y $XY"
tm_wait_in_row 20 "line 1/" >/dev/null
tm_keys t
tm_wait_row 1 "Outline (12)" >/dev/null
tm_keys '>'
check "< > on a full-screen list say why nothing changes" \
    tm_wait_in_row 20 "full-screen outline below 60 columns"
finish
