#!/bin/bash
# Options: --help and --version, bad options and values (a message, a hint
# to --help, exit 2), -w, --ambiguous and --pinyin as a user sees them in
# --dump output.
. "$(dirname "$0")/lib.sh"
: "${YUEDU:?}" "${YUEDU_DATA:?}"
seed=$YUEDU_DATA/000_4230cdcea687e942.txt

# --help lists every option, GNU style, on stdout; exit 0.
out=$("$YUEDU" --help); rc=$?
check "--help exits 0" 0 "$rc"
for opt in --dump "-w, --width=N" --ambiguous= --pinyin= --outline --heading= \
	"-h, --help" "-V, --version"; do
	check "--help mentions $opt" 1 "$(printf '%s\n' "$out" | grep -cF -- "$opt")"
done
check "-h is --help" "$out" "$("$YUEDU" -h)"
check "--help starts with Usage:" "Usage: yuedu [OPTION]... [+LINE | +/PATTERN] [FILE]..." \
	"$(printf '%s\n' "$out" | head -1)"
out=$("$YUEDU" --version); rc=$?
check "--version exits 0" 0 "$rc"
check "--version prints 'yuedu VERSION'" 1 "$(printf '%s\n' "$out" | grep -cE '^yuedu [0-9]+\.[0-9]+\.[0-9]+$')"
check "-V is --version" "$out" "$("$YUEDU" -V)"

# Bad options and values: the message, then the hint, exit 2, no stdout.
bad() {	# bad MESSAGE ARGS...
	local msg=$1 out rc
	shift
	out=$("$YUEDU" "$@" "$seed" 2>"$tmp/err"); rc=$?
	check "yuedu $*: exit 2" 2 "$rc"
	check "yuedu $*: message and hint" \
		"$(printf 'yuedu: %s\nTry '\''yuedu --help'\'' for more information.' "$msg")" \
		"$(cat "$tmp/err")"
	check "yuedu $*: nothing on stdout" "" "$out"
}
bad "unknown option '--bogus'" --bogus
bad "unknown option '-x'" -x
bad "invalid width '0' (expected 1 to 10000)" -w 0
bad "invalid width 'abc' (expected 1 to 10000)" --width=abc
bad "invalid width '-5' (expected 1 to 10000)" -w -5
bad "invalid width '99999' (expected 1 to 10000)" -w 99999
bad "invalid width '80x' (expected 1 to 10000)" -w 80x
bad "invalid --ambiguous 'huge' (expected auto, narrow or wide)" --ambiguous=huge
bad "invalid --pinyin 'maybe' (expected auto, show, hide or ruby)" --pinyin=maybe
bad "invalid line number '+0'" +0
out=$("$YUEDU" --dump --width 2>"$tmp/err"); rc=$?
check "--width without a value: exit 2 and a hint" "2 yuedu: option '--width' needs a value" \
	"$rc $(head -1 "$tmp/err")"
out=$("$YUEDU" --dump "$seed" "$seed" 2>"$tmp/err"); rc=$?
check "two files with --dump: exit 2" "2 yuedu: --dump takes one file at a time" "$rc $(head -1 "$tmp/err")"
out=$("$YUEDU" "$seed" "$seed" 2>"$tmp/err"); rc=$?
check "two files, output not a terminal: exit 2" \
	"2 yuedu: one file at a time when output is not a terminal" "$rc $(head -1 "$tmp/err")"
check "two files, output not a terminal: nothing printed" "" "$out"

# -w N: no row wider than N columns (wc -L measures with the C library).
for w in 1 2 3 7 20 41 80 200; do
	out=$("$YUEDU" --dump -w "$w" "$YUEDU_DATA/hongloumeng_trad_ch1-5.txt" | wc -L)
	check "-w $w: widest row <= $w" 1 "$(( out <= (w < 2 ? 2 : w) ))"
done
check "without -w and not a terminal: 80 columns" 80 "$("$YUEDU" "$seed" | wc -L)"

# --ambiguous: “ ” — … take 1 or 2 columns (24 narrow, 40 wide here).
printf '“中”——“中”……“中”——“中”……\n' > "$tmp/amb.txt"
check "--ambiguous=narrow: one row at -w 24" 1 \
	"$("$YUEDU" --dump -w 24 --ambiguous=narrow "$tmp/amb.txt" | wc -l)"
check "--ambiguous=narrow is the default" \
	"$("$YUEDU" --dump -w 24 --ambiguous=narrow "$tmp/amb.txt")" \
	"$("$YUEDU" --dump -w 24 "$tmp/amb.txt")"
out=$("$YUEDU" --dump -w 24 --ambiguous=wide "$tmp/amb.txt")
check "--ambiguous=wide: two rows at -w 24" 2 "$(printf '%s\n' "$out" | wc -l)"
check "--ambiguous=wide: the rows join to the line" "$(cat "$tmp/amb.txt")" \
	"$(printf '%s' "$out" | tr -d '\n')"
check "--ambiguous=wide: one row at -w 40" 1 \
	"$("$YUEDU" --dump -w 40 --ambiguous=wide "$tmp/amb.txt" | wc -l)"

# --pinyin: the sample article is dense with annotations, so auto hides.
show=$("$YUEDU" --dump -w 20 --pinyin=show "$seed")
hide=$("$YUEDU" --dump -w 20 --pinyin=hide "$seed")
check "--pinyin=auto hides them in the sample article" "$hide" \
	"$("$YUEDU" --dump -w 20 "$seed")"
# An annotation: a Han character, then a toned syllable in parentheses.
py='(\(|（)[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*(\)|）)'
annots() { perl -Mutf8 -CSD -ne 'while (/\p{Han}'"$py"'/g) { $n++ } END { print $n + 0, "\n" }'; }
n_in=$(annots < "$seed")
check "the sample article has annotations" 1 "$(( n_in > 100 ))"
check "--pinyin=show: every annotation whole on a row" "$n_in" \
	"$(printf '%s\n' "$show" | annots)"
check "--pinyin=show: 網(wǎng) kept" 1 "$(( $(printf '%s\n' "$show" | grep -c '網(wǎng)') > 0 ))"
check "--pinyin=hide: none left" 0 "$(printf '%s\n' "$hide" | annots)"
check "--pinyin=hide: (DR.100EC.CN) kept" 1 \
	"$(printf '%s' "$hide" | tr -d '\n' | grep -c '(DR.100EC.CN)')"
check "--pinyin=hide: the text is the article less annotations" \
	"$(perl -Mutf8 -CSD -pe 's/(\p{Han})'"$py"'/$1/g' "$seed" | tr -d '\n ')" \
	"$(printf '%s' "$hide" | tr -d '\n ')"
printf '這個網(wǎng)字有注音，其餘都是普通的句子。\n' > "$tmp/one.txt"
check "--pinyin=auto shows them in ordinary text" "這個網(wǎng)字有注音，其餘都是普通的句子。" \
	"$("$YUEDU" --dump "$tmp/one.txt")"

# Value aliases: the status line says simp, trad, tw, hk; so do these.
trad=$YUEDU_DATA/sunzi-bingfa-traditional-utf-8.txt
head -n 20 "$trad" >"$tmp/trad.txt"
orig=$("$YUEDU" --dump -w 40 "$tmp/trad.txt")
for pair in simp:simplified trad:traditional tw:taiwan hk:hongkong orig:original; do
	short=${pair%%:*} long=${pair#*:}
	want=$("$YUEDU" --dump -w 40 --script="$long" "$tmp/trad.txt")
	check "--script=$short is --script=$long" "$want" \
		"$("$YUEDU" --dump -w 40 --script="$short" "$tmp/trad.txt")"
done
check "--script=simp converts (孫子 becomes 孙子)" 1 \
	"$("$YUEDU" --dump -w 40 --script=simp "$tmp/trad.txt" | grep -c '孙子' | sed 's/^[1-9][0-9]*$/1/')"
check "--script=orig leaves the text" "$orig" \
	"$("$YUEDU" --dump -w 40 --script=orig "$tmp/trad.txt")"
printf '# 標題\n\n正文\n' >"$tmp/doc.txt"
check "--format=md renders a .txt as Markdown" \
	"$("$YUEDU" --dump --format=markdown "$tmp/doc.txt")" \
	"$("$YUEDU" --dump --format=md "$tmp/doc.txt")"
bad "invalid --script 'simple' (expected original, simplified, traditional, taiwan or hongkong)" --script=simple
bad "invalid --format 'doc' (expected auto, text, markdown, html or epub)" --format=doc
bad "invalid --reflow 'maybe' (expected auto, on or off)" --reflow=maybe
bad "option '--dump' takes no value" --dump=yes
# The same aliases in the config file and YUEDU_OPTS.
mkdir -p "$tmp/cfg/yuedu"
printf 'script = simp\n' >"$tmp/cfg/yuedu/config"
check "script = simp in the config file" \
	"$("$YUEDU" --dump -w 40 --script=simplified "$tmp/trad.txt")" \
	"$(XDG_CONFIG_HOME=$tmp/cfg "$YUEDU" --dump -w 40 "$tmp/trad.txt" 2>&1)"
check "YUEDU_OPTS=--script=tw" \
	"$("$YUEDU" --dump -w 40 --script=taiwan "$tmp/trad.txt")" \
	"$(YUEDU_OPTS=--script=tw "$YUEDU" --dump -w 40 "$tmp/trad.txt" 2>&1)"
printf 'script = simple\n' >"$tmp/cfg/yuedu/config"
check "a bad value in the config file: a warning naming the values" \
	"yuedu: $tmp/cfg/yuedu/config:1: invalid --script 'simple' (expected original, simplified, traditional, taiwan or hongkong)" \
	"$(XDG_CONFIG_HOME=$tmp/cfg "$YUEDU" --dump "$tmp/trad.txt" 2>&1 >/dev/null)"

exit $fail
