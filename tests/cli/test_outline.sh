#!/bin/bash
# yuedu --outline and --heading on the command line: the output format,
# titles following --pinyin, a user's pattern, and clear failures.
. "$(dirname "$0")/lib.sh"
: "${YUEDU:?}" "${YUEDU_DATA:?}"
seed=$YUEDU_DATA/000_4230cdcea687e942.txt

# LEVEL<TAB>LINE<TAB>TITLE, exit 0.
out=$("$YUEDU" --outline "$YUEDU_DATA/xianfa_crlf.txt"); rc=$?
check "--outline exits 0" 0 "$rc"
check "--outline prints LEVEL<TAB>LINE<TAB>TITLE" \
	"$(printf '1\t3\t中华人民共和国宪法\n2\t8\t目　录\n2\t23\t序　言')" \
	"$(printf '%s\n' "$out" | head -3)"
check "every output line has three tab-separated fields" 0 \
	"$(printf '%s\n' "$out" | awk -F'\t' 'NF != 3 || $1 !~ /^[0-9]+$/ || $2 !~ /^[0-9]+$/' | wc -l)"
check "no CR left in titles of a CRLF file" 0 "$(printf '%s' "$out" | tr -cd '\r' | wc -c)"

# Titles follow --pinyin: the seed is dense with annotations.
check "--pinyin=show keeps annotations in titles" \
	"$(printf '1\t3\tAI協(xié)同效應(yīng):從業(yè)務(wù)割裂到全局價值重構(gòu)')" \
	"$("$YUEDU" --outline --pinyin=show "$seed" | head -1)"
check "--pinyin=hide drops them" \
	"$(printf '1\t3\tAI協同效應:從業務割裂到全局價值重構')" \
	"$("$YUEDU" --outline --pinyin=hide "$seed" | head -1)"
check "--pinyin=auto hides them in this article" \
	"$("$YUEDU" --outline --pinyin=hide "$seed")" "$("$YUEDU" --outline "$seed")"
check "the same headings whatever the annotation mode" \
	"$("$YUEDU" --outline --pinyin=show "$seed" | cut -f1,2)" \
	"$("$YUEDU" --outline --pinyin=hide "$seed" | cut -f1,2)"

# Standard input, read as plain text unless it looks like Markdown.
check "--outline reads standard input" \
	"$(printf '1\t1\t一\n2\t5\t二')" \
	"$(printf '# 一\n\n正文。\n\n## 二\n\n正文。\n' | "$YUEDU" --outline)"

# --heading: matching lines are headings; groups set levels.
check "--heading=REGEX overrides detection" \
	"$(printf '1\t39\t第一章　总纲\n1\t124\t第二章　公民的基本权利和义务')" \
	"$("$YUEDU" --outline --heading='^第.章' "$YUEDU_DATA/xianfa_crlf.txt" | head -2)"
check "--heading: the first group that matched is the level" \
	"$(printf '1\t173\t第三章　国家机构\n2\t175\t第一节　全国人民代表大会')" \
	"$("$YUEDU" --outline --heading='^(第.章)|^(第.节)' "$YUEDU_DATA/xianfa_crlf.txt" | sed -n 3,4p)"

# Failures: a message and exit 2, nothing on stdout.
"$YUEDU" --outline --heading='(第' "$seed" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "a bad --heading pattern exits 2" 2 "$rc"
check "... and prints nothing on stdout" "" "$(cat "$tmp/out")"
check "... and says what is wrong" \
	"yuedu: invalid --heading pattern '(第': missing closing parenthesis at offset 2" \
	"$(head -1 "$tmp/err")"
"$YUEDU" --heading='[' "$seed" >/dev/null 2>"$tmp/err"; rc=$?
check "a bad pattern is refused without --outline too" 2 "$rc"
"$YUEDU" --outline "$tmp/missing.txt" >/dev/null 2>"$tmp/err"; rc=$?
check "a missing file exits 2" 2 "$rc"
check "... with the file named" 1 "$(grep -c 'missing.txt' "$tmp/err")"
: >"$tmp/empty.txt"
check "an empty file has no headings" "" "$("$YUEDU" --outline "$tmp/empty.txt" 2>/dev/null)"
"$YUEDU" --outline "$tmp/empty.txt" >/dev/null 2>&1; rc=$?
check "... and exits 0" 0 "$rc"

# Nothing raw reaches the terminal: an ESC in a heading is made inert.
printf '# a\033[31mb\n\n正文。\n' >"$tmp/esc.md"
check "an ESC in a title is replaced" 0 \
	"$("$YUEDU" --outline "$tmp/esc.md" | tr -cd '\033' | wc -c)"

# The file read is never written.
sum=$(md5sum <"$YUEDU_DATA/jieba_README.md")
"$YUEDU" --outline "$YUEDU_DATA/jieba_README.md" >/dev/null
check "the document is not modified" "$sum" "$(md5sum <"$YUEDU_DATA/jieba_README.md")"

check "--help mentions --outline and --heading" 2 \
	"$("$YUEDU" --help | grep -c -e '--outline' -e '--heading=REGEX')"
exit $fail
