#!/bin/bash
# --help and errors in Chinese, chosen by LANG (zh_CN, zh_TW: neither is
# installed here), LANGUAGE, --ui-language or YUEDU_OPTS; English under
# C.UTF-8 and en_US; what programs read (--dump, --grep, --outline,
# --print-config) the same bytes in every language.
. "$(dirname "$0")/lib.sh"
: "${YUEDU_SRC:?}" "${YUEDU_DATA:?}"
A=$YUEDU_SRC/articles/01-ali-ai-zhanyi.txt
zh() { env -u LC_ALL LANG=zh_CN.UTF-8 "$@"; }
tw() { env -u LC_ALL LANG=zh_TW.UTF-8 "$@"; }

check "LANG=zh_CN.UTF-8: --help in simplified Chinese" "用法：yuedu [选项]... [+行号 | +/模式] [文件]..." \
	"$(zh "$YUEDU" --help | head -1)"
check "LANG=zh_TW.UTF-8: --help in traditional Chinese" "用法：yuedu [選項]... [+行號 | +/模式] [檔案]..." \
	"$(tw "$YUEDU" --help | head -1)"
check "zh_TW --help: an option's help with Taiwan's words" yes \
	"$(tw "$YUEDU" --help | grep -q -- '--print-config *顯示生效的設定' && echo yes)"
check "zh_HK means traditional" "用法：yuedu [選項]... [+行號 | +/模式] [檔案]..." \
	"$(env -u LC_ALL LANG=zh_HK.UTF-8 "$YUEDU" --help | head -1)"
check "LANGUAGE=zh_TW over LANG=zh_CN" "用法：yuedu [選項]... [+行號 | +/模式] [檔案]..." \
	"$(LANGUAGE=zh_TW zh "$YUEDU" --help | head -1)"
check "--ui-language=zh-Hans under C.UTF-8" "用法：yuedu [选项]... [+行号 | +/模式] [文件]..." \
	"$("$YUEDU" --ui-language=zh-Hans --help | head -1)"
check "YUEDU_OPTS=--ui-language=zh-Hant" "用法：yuedu [選項]... [+行號 | +/模式] [檔案]..." \
	"$(YUEDU_OPTS=--ui-language=zh-Hant "$YUEDU" --help | head -1)"
check "--ui-language=en under zh_CN" "Usage: yuedu [OPTION]... [+LINE | +/PATTERN] [FILE]..." \
	"$(zh "$YUEDU" --ui-language=en --help | head -1)"
check "C.UTF-8: English" "Usage: yuedu [OPTION]... [+LINE | +/PATTERN] [FILE]..." \
	"$("$YUEDU" --help | head -1)"
check "en_US.UTF-8: English" "Usage: yuedu [OPTION]... [+LINE | +/PATTERN] [FILE]..." \
	"$(env -u LC_ALL LANG=en_US.UTF-8 "$YUEDU" --help | head -1)"
check "LANGUAGE is ignored in the C locale (as gettext)" "Usage: yuedu [OPTION]... [+LINE | +/PATTERN] [FILE]..." \
	"$(LC_ALL=C LANGUAGE=zh_CN "$YUEDU" --help | head -1)"
check "a bad value of --ui-language is an error" 2 \
	"$("$YUEDU" --ui-language=fr --help >/dev/null 2>&1; echo $?)"
wide=$(zh "$YUEDU" --help | while IFS= read -r l; do
	[ "$(printf '%s' "$l" | wc -L)" -gt 79 ] && echo "$l"; done)
check "zh_CN --help: no line wider than 79 columns" "" "$wide"

# Errors in the language chosen, their exit status unchanged.
out=$(zh "$YUEDU" --dump /nonexistent/file 2>&1); rc=$?
check "zh_CN: a missing file's error, exit 2" "2 yes" \
	"$rc $(printf '%s' "$out" | grep -q '^yuedu: /nonexistent/file：' && echo yes)"
out=$(zh "$YUEDU" -w 40 "$A" "$A" 2>&1 >/dev/null); rc=$?
check "zh_CN: a usage error in Chinese with the hint" "2 请用 'yuedu --help' 查看更多信息。" \
	"$rc $(printf '%s' "$out" | tail -1)"

# What programs read does not change.
for what in "--dump -w 40" "--grep 阿里" "--outline" "--print-config"; do
	check "$what: the same output under zh_CN and C.UTF-8" \
		"$("$YUEDU" $what "$A" 2>&1 | md5sum)" \
		"$(zh "$YUEDU" $what "$A" 2>&1 | md5sum)"
done
check "the shelf's list (output not a terminal): the same under zh_CN" \
	"$("$YUEDU" "$YUEDU_SRC/articles" 2>&1 | md5sum)" \
	"$(zh "$YUEDU" "$YUEDU_SRC/articles" 2>&1 | md5sum)"
exit $fail
