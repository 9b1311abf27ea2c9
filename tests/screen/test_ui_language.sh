# The interface in Chinese: LANG=zh_CN.UTF-8 gives simplified, zh_TW
# traditional (with Taiwan's words), though neither locale is installed
# here (only C.UTF-8); --ui-language and YUEDU_OPTS choose it too; C.UTF-8
# and en_US stay English.  Status words, messages, help and the shelf;
# at 40x12 the Chinese status line still fits; in a terminal drawing
# ambiguous characters wide (vtscreen.py) the screens match a ^L redraw.
. "$(dirname "$0")/lib.sh"
ZH="env -u LC_ALL LANGUAGE= LANG=zh_CN.UTF-8"
TW="env -u LC_ALL LANGUAGE= LANG=zh_TW.UTF-8"
EN="env -u LC_ALL LANGUAGE= LANG=en_US.UTF-8"

# Simplified: the status line, a message, the help screen.
tm_start 80 24 "$ZH $YUEDU $SAMPLE"
check "zh_CN: the place in Chinese (第 N/M 行)" \
    row_wait_match 24 "第 [0-9]+/[0-9]+ 行 +[0-9]+%$"
tm_keys k
check "zh_CN: a message in Chinese (at the top)" tm_wait_in_row 24 "已到开头"
tm_keys h
check "zh_CN: the help screen's title" tm_wait_row 1 "yuedu 按键（j k 滚动本帮助"
check "zh_CN: a command's help" tm_wait "下移一行（N：N 行）"
check "zh_CN: the mode word on the status line" tm_wait_in_row 24 "[帮助]"
check "zh_CN: no English help" absent "one line down"

# Traditional, Taiwan's words: 搜尋 (not 搜索), 說明 for help.
tm_start 80 24 "$TW $YUEDU $SAMPLE"
check "zh_TW: the place in Chinese" \
    row_wait_match 24 "第 [0-9]+/[0-9]+ 行 +[0-9]+%$"
tm_keys h
check "zh_TW: the help screen in traditional" tm_wait_row 1 "yuedu 按鍵"
check "zh_TW: 搜尋 for search" tm_wait "向後搜尋"
check "zh_TW: [說明] on the status line" tm_wait_in_row 24 "[說明]"
check "zh_TW: no simplified 搜索" absent "搜索"

# The shelf, both scripts.
tm_start 80 24 "$ZH $YUEDU $YUEDU_SRC/articles"
check "zh_CN shelf: the count of articles" tm_wait_in_row 1 "篇文章）"
check "zh_CN shelf: its keys" tm_wait_in_row 24 \
    "Enter 打开 · / 筛选 · h 帮助 · q 退出"
check "zh_CN shelf: lengths and times in Chinese, aligned by columns" \
    tm_until eval '[ "$(tm_cap | sed -n 2,4p |
	grep -cE "[0-9.]+k 字 +[0-9]+分钟 +([0-9]+%|-)$")" = 3 ]'
tm_keys / zzzzqqq
check "zh_CN shelf: no match said" tm_wait "没有匹配的文章"
tm_start 80 24 "$TW $YUEDU $YUEDU_SRC/articles"
check "zh_TW shelf: its keys" tm_wait_in_row 24 \
    "Enter 開啟 · / 篩選 · h 說明 · q 離開"

# --ui-language over the environment, and through YUEDU_OPTS.
tm_start 80 24 "$YUEDU --ui-language=zh-Hant $SAMPLE"
check "--ui-language=zh-Hant under C.UTF-8" \
    row_wait_match 24 "第 [0-9]+/[0-9]+ 行 +[0-9]+%$"
tm_keys t
check "--ui-language=zh-Hant: the outline panel's title" \
    tm_wait_row 1 "目錄（"
tm_start 80 24 "$ZH $YUEDU --ui-language=en $SAMPLE"
check "--ui-language=en under zh_CN" row_wait_match 24 "line [0-9]+/[0-9]+ +[0-9]+%$"
tm_start 80 24 "YUEDU_OPTS=--ui-language=zh-Hans $YUEDU $SAMPLE"
check "YUEDU_OPTS=--ui-language=zh-Hans" \
    row_wait_match 24 "第 [0-9]+/[0-9]+ 行 +[0-9]+%$"

# English where nothing says Chinese.
tm_start 80 24 "$YUEDU $SAMPLE"
check "C.UTF-8: English" row_wait_match 24 "line [0-9]+/[0-9]+ +[0-9]+%$"
tm_start 80 24 "$EN $YUEDU $SAMPLE"
check "en_US.UTF-8: English" row_wait_match 24 "line [0-9]+/[0-9]+ +[0-9]+%$"
tm_keys h
check "en_US.UTF-8: English help" tm_wait_row 1 "yuedu keys (j k scroll"

# 40x12 in Chinese: the status line keeps the percentage at the right
# edge; the help wraps its Chinese descriptions under their keys.
tm_start 40 12 "$ZH $YUEDU $SAMPLE"
check "40x12 zh_CN: the status line ends with the percentage" \
    row_wait_match 12 "[^ ] +[0-9]+%$"
tm_keys G
check "40x12 zh_CN: the end mark in Chinese" tm_wait_in_row 12 "（完）100%"
tm_keys h
check "40x12 zh_CN: help title wrapped" tm_wait_row 1 "yuedu 按键"
check "40x12 zh_CN: a long help wrapped under its key" \
    tm_until eval 'tm_cap | grep -qE "^ {4}[^ ].*行）"'
# In a terminal that draws ambiguous characters (· … “ ”) two cells wide
# (vtscreen.py, painting as xterm -cjk_width), the Chinese status line,
# help and shelf are what a full redraw (^L) shows, nothing pushed off.
PY=/usr/bin/python3
VT="$YUEDU_SRC/tests/screen/vtscreen.py"
J=$TM_TMP/vt.json
vt_same() {	# vt_same A B: snapshots A and B of $J agree, and all waits met
	$PY - "$J" "$1" "$2" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
a, b = d['snaps'][sys.argv[2]], d['snaps'][sys.argv[3]]
bad = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
for i in bad[:3]:
    print('row %d:\n  %s\n  %s' % (i + 1, a[i], b[i]))
sys.exit(0 if d['ok'] and not bad else 1)
PYEOF
}
vt_row() {	# vt_row SNAP N REGEX: row N of snapshot SNAP matches REGEX
	$PY -c "import json, re, sys; r = json.load(open('$J'))['snaps']['$1'][$2 - 1]
sys.exit(0 if re.search(sys.argv[1], r.rstrip()) else 1)" "$3"
}
$PY "$VT" --cols 40 --rows 12 --ambiguous wide --ghosts --env LANG=zh_TW.UTF-8 \
    --env LC_ALL= --env "XDG_STATE_HOME=$TM_TMP/vt" "wait:%" send:G \
    "wait:（完）" sleep:0.5 snap:end send:'\x0c' sleep:0.5 snap:end2 send:h "wait:b PgUp ^B" sleep:0.5 \
    snap:help send:'\x0c' sleep:0.5 snap:help2 -- \
    "$YUEDU" --ambiguous=wide "$SAMPLE" >"$J"
check "wide ambiguous, zh_TW: the status line at the end, as ^L draws it" \
    vt_same end end2
check "wide ambiguous, zh_TW: （完）100% at the right edge" \
    vt_row end 12 "（完）100%$"
check "wide ambiguous, zh_TW: the help screen, as ^L draws it" \
    vt_same help help2
$PY "$VT" --cols 80 --rows 8 --ambiguous wide --ghosts --env LANG=zh_CN.UTF-8 \
    --env LC_ALL= --env "XDG_STATE_HOME=$TM_TMP/vt" "wait:篇文章" sleep:0.5 send:j \
    sleep:0.5 snap:shelf send:'\x0c' sleep:0.5 snap:shelf2 -- \
    "$YUEDU" --ambiguous=wide "$YUEDU_SRC/articles" >"$J"
check "wide ambiguous, zh_CN: the shelf after a move, as ^L draws it" \
    vt_same shelf shelf2
check "wide ambiguous, zh_CN: the shelf's footer whole (· two cells)" \
    vt_row shelf 8 "^Enter 打开 · / 筛选 · h 帮助 · q 退出 +2/3$"
finish
