#!/bin/bash
# `yuedu DIR` when output is not a terminal: the shelf as tab-separated
# lines (path, title, characters, reading time, progress); --dump and
# --outline on a directory are errors (exit 2).
. "$(dirname "$0")/lib.sh"
: "${YUEDU:?}" "${YUEDU_DATA:?}"
export XDG_CONFIG_HOME=$tmp/config XDG_STATE_HOME=$tmp/state HOME=$tmp
unset YUEDU_OPTS

d=$tmp/articles
mkdir -p "$d/sub.txt"
cp "$YUEDU_DATA/000_4230cdcea687e942.txt" "$d/1-ali.txt"
cp "$YUEDU_DATA/xianfa.md" "$d/10-xianfa.md"
cp "$YUEDU_DATA/sunzi-bingfa-simplified-gbk.txt" "$d/2-sunzi"
printf '隐藏的\n' >"$d/.hidden.txt"
printf 'PK\003\004\000\000' >"$d/archive.zip"
printf 'bin\000ary' >"$d/binary.txt"

"$YUEDU" "$d" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "yuedu DIR | cat exits 0" 0 "$rc"
check "no warnings" "" "$(cat "$tmp/err")"
check "three articles in natural order, hidden/binary/other left out" \
	"$d/1-ali.txt
$d/2-sunzi
$d/10-xianfa.md" "$(cut -f1 "$tmp/out")"
check "titles: first headings (GBK decoded, annotations hidden)" \
	"AI協同效應:從業務割裂到全局價值重構
始计第一
中华人民共和国宪法" "$(cut -f2 "$tmp/out")"
check "five fields on every line" 0 "$(awk -F'\t' 'NF != 5' "$tmp/out" | wc -l)"
check "lengths in characters are numbers" 3 "$(cut -f3 "$tmp/out" | grep -c '^[0-9][0-9]*$')"
check "the sample article reads in 5 min at 300 a minute" "5 min" \
	"$(sed -n 1p "$tmp/out" | cut -f4)"
check "at --cpm=150 the Chinese part takes twice as long" "9 min" \
	"$("$YUEDU" --cpm=150 "$d" | sed -n 1p | cut -f4)"
check "never opened: progress -" "- - -" "$(cut -f5 "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"

for opt in --dump --outline; do
	"$YUEDU" $opt "$d" >"$tmp/out" 2>"$tmp/err"; rc=$?
	check "$opt DIR exits 2" 2 "$rc"
	check "$opt DIR says why" \
		"yuedu: $d: is a directory ($opt reads files; 'yuedu DIR' lists its articles)" \
		"$(cat "$tmp/err")"
	check "$opt DIR prints nothing" "" "$(cat "$tmp/out")"
done
"$YUEDU" "$tmp/nope" >/dev/null 2>"$tmp/err"; rc=$?
check "a missing path exits 2" 2 "$rc"

exit $fail
