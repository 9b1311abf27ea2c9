#!/bin/bash
# Reading aids on the command line: --define prints a word's entries in
# either script and exits 0, 1 when the dictionary lacks it, 2 without the
# data; --annotate --dump gives every Han character its reading, words
# first (銀行 yín háng, 行長 háng zhǎng), in either script, shown inline,
# as ruby or hidden; the text's own annotations win.
. "$(dirname "$0")/lib.sh"

out=$("$YUEDU" --define 银行); rc=$?
check "--define 银行 exits 0" 0 "$rc"
check "--define 银行: headword in both scripts" "银行 銀行 [yín háng]" "$(printf '%s\n' "$out" | head -1)"
case $out in *"  bank"*) r=yes ;; *) r=no ;; esac
check "--define 银行: a sense a line" yes "$r"
case $out in *"longer: "*银行家*) r=yes ;; *) r=no ;; esac
check "--define 银行: longer words" yes "$r"
case $out in *"银 銀 [yín] silver"*"行 [háng]"*"行 [xíng]"*) r=yes ;; *) r=no ;; esac
check "--define 银行: its parts 银 and 行 (both readings)" yes "$r"
check "--define 銀行 (traditional) finds the same" "银行 銀行 [yín háng]" "$("$YUEDU" --define 銀行 | head -1)"
err=$("$YUEDU" --define 银行银行银 2>&1 >/dev/null); rc=$?
check "--define of no word exits 1" 1 "$rc"
check "--define of no word says so" "yuedu: 银行银行银: not in the dictionary" "$err"
YUEDU_LEXICON=/nonexistent "$YUEDU" --define 银行 >/dev/null 2>"$tmp/err"; rc=$?
check "--define without the data exits 2" 2 "$rc"
check "--define without the data says so" "yuedu: the dictionary data is not installed (words.bin, cedict.bin)" "$(cat "$tmp/err")"

printf '我去银行找行长还钱。\n銀行行長說不要還錢。\n他长大了, AI 技术。\n' > "$tmp/a.txt"
check "--annotate --dump: simplified, polyphones by word" \
	"我(wǒ)去(qù)银(yín)行(háng)找(zhǎo)行(háng)长(zhǎng)还(huán)钱(qián)。" \
	"$("$YUEDU" --annotate --dump -w 200 "$tmp/a.txt" | sed -n 1p)"
check "--annotate --dump: traditional" \
	"銀(yín)行(háng)行(háng)長(zhǎng)說(shuō)不(bú)要(yào)還(huán)錢(qián)。" \
	"$("$YUEDU" --annotate --dump -w 200 "$tmp/a.txt" | sed -n 2p)"
check "--annotate --dump: Latin text untouched" \
	"他(tā)长(zhǎng)大(dà)了(·le), AI 技(jì)术(shù)。" \
	"$("$YUEDU" --annotate --dump -w 200 "$tmp/a.txt" | sed -n 3p)"
check "--annotate --pinyin=hide: the text as it is" \
	"$(cat "$tmp/a.txt")" "$("$YUEDU" --annotate --pinyin=hide --dump -w 200 "$tmp/a.txt")"
check "--annotate --pinyin=ruby: readings above" \
	"wǒ qù yín háng" "$("$YUEDU" --annotate --pinyin=ruby --dump -w 200 "$tmp/a.txt" | sed -n 1p | sed 's/  */ /g;s/^ //' | cut -d' ' -f1-4)"
# The text's own annotation wins, even when it differs from ours.
printf "银(yíng)行\n" > "$tmp/b.txt"
check "--annotate: the text's own annotation wins" "银(yíng)行(háng)" \
	"$("$YUEDU" --annotate --pinyin=show --dump "$tmp/b.txt")"
# The sample article: its 149 annotations are kept as written, and every
# other Han character gains one.
A=$YUEDU_SRC/tests/data/000_4230cdcea687e942.txt
"$YUEDU" --annotate --dump -w 10000 "$A" > "$tmp/ann.txt"
check "--annotate on the sample article keeps its annotations" \
	"$(grep -o '網(wǎng)\|戰(zhàn)\|應(yīng)' "$A" | sort | uniq -c)" \
	"$(grep -o '網(wǎng)\|戰(zhàn)\|應(yīng)' "$tmp/ann.txt" | sort | uniq -c)"
bare=$(python3 - "$tmp/ann.txt" <<'PY'
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
print(len(re.findall(r"[\u4e00-\u9fff](?![(（])", t)))
PY
)
check "--annotate: no Han character of the article is left bare" 0 "$bare"

# --pinyin-search: Latin letters find the Han text whose readings spell
# them, in either script; the letters themselves still match.
printf '诸葛亮\n他去銀行了\nyinhang 银行\n没有\n' > "$tmp/p.txt"
check "--pinyin-search yinhang finds 銀行 and 银行 and the letters" \
	"$(printf '2:他去銀行了\n3:yinhang 银行')" \
	"$("$YUEDU" --pinyin-search --grep yinhang "$tmp/p.txt")"
check "--pinyin-search zhuge finds 諸葛's simplified 诸葛" "1:诸葛亮" \
	"$("$YUEDU" --pinyin-search --grep zhuge "$tmp/p.txt")"
check "without --pinyin-search only the letters match" "3:yinhang 银行" \
	"$("$YUEDU" --grep yinhang "$tmp/p.txt")"
printf '諸葛亮\n' > "$tmp/t.txt"
check "--pinyin-search zhuge finds 諸葛" "1:諸葛亮" \
	"$("$YUEDU" --pinyin-search --grep zhuge "$tmp/t.txt")"
check "--pinyin-search: a syllable cut short is no match" "" \
	"$("$YUEDU" --pinyin-search --grep zhug "$tmp/t.txt")"
exit $fail
