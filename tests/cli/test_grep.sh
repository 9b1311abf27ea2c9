#!/bin/bash
# yuedu --grep on real files: which lines match (with folding: simplified
# finds traditional through annotations, half-width finds full-width),
# the LINE:TEXT format, colour only on a terminal, exit codes, every
# folding switch, inert controls and invalid UTF-8.
. "$(dirname "$0")/lib.sh"
: "${YUEDU:?}" "${YUEDU_DATA:?}" "${YUEDU_SRC:?}"
article=$YUEDU_SRC/articles/01-ali-ai-zhanyi.txt
guide=$YUEDU_DATA/copywriting-guidelines_README.zh-Hans.md

lines() { cut -d: -f1 | tr '\n' ' ' | sed 's/ $//'; }

# The article writes 網(wǎng)經(jīng)社 with pinyin in the middle: grep
# itself finds it on lines 1 and 4 only through the annotated form.
check "the article has 網(wǎng)經(jīng)社 on lines 1 and 4" "1 4" \
	"$(grep -n '網(wǎng)經(jīng)社' "$article" | lines)"
check "plain grep cannot find 网经社 in it" 0 "$(grep -c '网经社' "$article")"
out=$("$YUEDU" --grep 网经社 "$article"); rc=$?
check "--grep 网经社 exits 0" 0 "$rc"
check "--grep 网经社 finds lines 1 and 4" "1 4" "$(printf '%s\n' "$out" | lines)"
check "LINE:TEXT is the source line as it is" \
	"4:$(sed -n 4p "$article")" "$(printf '%s\n' "$out" | sed -n 2p)"
check "no colour when stdout is not a terminal" 0 \
	"$(printf '%s' "$out" | tr -cd '\033' | wc -c)"
check "traditional pattern, same lines" "1 4" \
	"$("$YUEDU" --grep 網經社 "$article" | lines)"
check "--pinyin=show: 网经社 no longer matches across annotations" 1 \
	"$("$YUEDU" --pinyin=show --grep 网经社 "$article" >/dev/null; echo $?)"
check "--pinyin=show: the syllable wǎng is found on line 1" "1" \
	"$("$YUEDU" --pinyin=show --grep wǎng "$article" | lines | cut -d' ' -f1)"
check "--pinyin=show agrees with grep -n for wǎng" \
	"$(grep -n 'wǎng' "$article" | lines)" \
	"$("$YUEDU" --pinyin=show --grep wǎng "$article" | lines)"
check "--no-fold-script: 网经社 finds nothing" 1 \
	"$("$YUEDU" --no-fold-script --grep 网经社 "$article" >/dev/null; echo $?)"
check "--no-fold-script: 網經社 still found" "1 4" \
	"$("$YUEDU" --no-fold-script --grep 網經社 "$article" | lines)"
check "ai finds the lines with AI, as grep -i does" \
	"$(grep -n -i 'ai' "$article" | lines)" \
	"$("$YUEDU" --grep ai "$article" | lines)"

# Colour on a terminal: the match, and only it, between SGR codes.
script -qec "$YUEDU --grep 网经社 $article" /dev/null >"$tmp/tty" 2>&1
check "on a terminal the match is coloured" 2 \
	"$(grep -c $'\033\\[1;31m網(wǎng)經(jīng)社\033\\[m' "$tmp/tty")"
NO_COLOR=1 script -qec "$YUEDU --grep 网经社 $article" /dev/null >"$tmp/tty" 2>&1
check "NO_COLOR: no colour even on a terminal" "0 2" \
	"$(LC_ALL=C tr -cd '\033' <"$tmp/tty" | wc -c) $(grep -c '網(wǎng)經(jīng)社' "$tmp/tty")"

# Full-width digits in the copywriting guidelines (line 143: １０００).
check "the guide writes １０００ on line 143 and 1000 on 139" "139 143" \
	"$(grep -n -e '1000' -e '１０００' "$guide" | lines)"
check "--grep 1000 finds both" "139 143" "$("$YUEDU" --grep 1000 "$guide" | lines)"
check "--grep １０００ finds both" "139 143" "$("$YUEDU" --grep １０００ "$guide" | lines)"
check "--no-fold-width --grep 1000 finds 139 only" "139" \
	"$("$YUEDU" --no-fold-width --grep 1000 "$guide" | lines)"
# Case: smart, and --case-sensitive.
check "github (lower case) ignores case like grep -i" \
	"$(grep -n -i github "$guide" | lines)" "$("$YUEDU" --grep github "$guide" | lines)"
check "GitHub (a capital) is exact" "$(grep -n GitHub "$guide" | lines)" \
	"$("$YUEDU" --grep GitHub "$guide" | lines)"
check "--case-sensitive github is exact" "$(grep -n github "$guide" | lines)" \
	"$("$YUEDU" --case-sensitive --grep github "$guide" | lines)"
# Regular expressions.
check "--regex 'Git[Hh]ub、' " "$(grep -n 'Git[Hh]ub、' "$guide" | lines)" \
	"$("$YUEDU" --regex --case-sensitive --grep 'Git[Hh]ub、' "$guide" | lines)"
# The quote marker is source: --raw searches the source as it is.
check "--raw --regex '^> 这个蛋糕只卖 \\d+ 元' folds １０００" "139 143" \
	"$("$YUEDU" --raw --regex --grep '^> 这个蛋糕只卖 \d+ 元' "$guide" | lines)"
# Rendered, the quote is a bar and the match still gives source lines.
check "--regex '^\\| 这个蛋糕只卖 \\d+ 元' in the rendered quote" "139 143" \
	"$("$YUEDU" --regex --grep '^\| 这个蛋糕只卖 \d+ 元' "$guide" | lines)"

# Exit codes.
"$YUEDU" --grep 没有这个词 "$article" >/dev/null; check "no match exits 1" 1 $?
"$YUEDU" --regex --grep '(' "$article" >/dev/null 2>"$tmp/err"
check "bad regex exits 2" 2 $?
check "bad regex is explained" 1 \
	"$(grep -c "invalid regular expression '(': missing closing parenthesis" "$tmp/err")"
"$YUEDU" --grep x "$tmp/nonexistent" >/dev/null 2>"$tmp/err"
check "unreadable file exits 2" 2 $?
check "and says why" 1 "$(grep -c 'No such file' "$tmp/err")"
"$YUEDU" --grep '' "$article" >/dev/null 2>&1; check "empty pattern exits 2" 2 $?
"$YUEDU" --grep >/dev/null 2>&1; check "--grep without a pattern exits 2" 2 $?

# Controls are inert, invalid UTF-8 does not crash.
printf 'ok 网经社\033[2J\033]0;title\007\n\377\376 網經社 \302\233x\n' >"$tmp/ctl.txt"
out=$("$YUEDU" --grep 网经社 "$tmp/ctl.txt" 2>/dev/null); rc=$?
check "controls and invalid bytes: exit 0" 0 "$rc"
check "no raw ESC, BEL or C1 in the output" 0 \
	"$(printf '%s' "$out" | LC_ALL=C grep -c -P '[\x1b\x07]|\xc2[\x80-\x9f]')"
check "controls shown as ^[ and ^G" "1:ok 网经社^[[2J^[]0;title^G" \
	"$(printf '%s\n' "$out" | head -1)"
check "invalid bytes shown as U+FFFD, C1 as <9B>" "2:� 網經社 <9B>x" \
	"$(printf '%s\n' "$out" | sed -n 2p)"
script -qec "$YUEDU --grep 网经社 $tmp/ctl.txt" /dev/null >"$tmp/tty" 2>&1
check "on a terminal only our SGR codes are ESC" 4 \
	"$(grep -v 'not valid UTF-8' "$tmp/tty" | LC_ALL=C tr -cd '\033' | wc -c)"

# In the Taiwan view, a Taiwan phrase finds the mainland phrase it shows.
printf '把文件存到U盘里\n软件和内存\n' >"$tmp/tw.txt"
check "--script=taiwan: 隨身碟 finds U盘, 軟體 finds 软件" "1 2" \
	"$( { "$YUEDU" --script=taiwan --grep 隨身碟 "$tmp/tw.txt"; \
	"$YUEDU" --script=taiwan --grep 軟體 "$tmp/tw.txt"; } | lines)"
check "... but not in the original script" 1 \
	"$("$YUEDU" --grep 隨身碟 "$tmp/tw.txt" >/dev/null; echo $?)"

exit $fail
