# Remembered per book: the script view (s) and the pinyin mode (p) come
# back with the place when the text is opened again; a script chosen on
# the command line wins over the remembered one; the record stays
# readable as before (its view lines are extra lines).
. "$(dirname "$0")/lib.sh"
export TM_STATE=$TM_TMP/state
Y="$YUEDU --ambiguous=narrow"

tm_start 100 24 "$Y $SAMPLE; echo EXIT=\$?; sleep 60"
check "opens in the original script, pinyin hidden" \
    row_wait_match 24 'UTF-8 line 1/25 +0%$'
tm_keys s
check "s: simplified" tm_wait_in_row 24 "script: simplified"
tm_keys p p
check "p p: ruby" tm_wait_in_row 24 "pinyin: ruby"
tm_keys 4 j q
check "q quits" tm_wait "EXIT=0"
check "the record names the view" \
    eval 'grep -qx "view-script simplified" "$TM_STATE"/yuedu/k-* &&
    grep -qx "view-pinyin ruby" "$TM_STATE"/yuedu/k-*'

tm_start 100 24 "$Y $SAMPLE; echo EXIT=\$?; sleep 60"
check "reopened: simplified and ruby, as left" \
    row_wait_match 24 'UTF-8 simplified ruby line [0-9]+/25 +[0-9]+%$'
check "... the text in simplified characters (网, not 網)" \
    eval 'tm_cap | grep -q "网" && ! tm_cap | grep -q "網"'
check "... the pinyin on the rows above" eval 'tm_cap | grep -q "wǎng"'
tm_keys q
tm_wait "EXIT=0" >/dev/null

tm_start 100 24 "$Y --script=trad $SAMPLE; echo EXIT=\$?; sleep 60"
check "--script=trad wins over the remembered script" \
    row_wait_match 24 'UTF-8 traditional ruby line [0-9]+/25 +[0-9]+%$'
finish
