#!/bin/bash
# Bad and unusual input on the command line: invalid UTF-8, controls and
# ESC sequences, NUL, unreadable paths, an empty file, a 10 MB line with no
# break opportunity, standard input; the file read is never modified.
. "$(dirname "$0")/lib.sh"
: "${YUEDU:?}" "${YUEDU_DATA:?}"

hex() { od -An -tx1 | tr -d ' \n'; }

# Each run of invalid bytes shows as one U+FFFD.
printf 'a\xff\xfe\xfdb\xe4\xb8c\xed\xa0\x80\xc0\xafd\n' > "$tmp/bad.txt"
check "invalid UTF-8: one U+FFFD per run" \
	"$(printf 'a\xef\xbf\xbdb\xef\xbf\xbdc\xef\xbf\xbdd\n' | hex)" \
	"$("$YUEDU" --dump "$tmp/bad.txt" | hex)"

# ESC sequences, C0 and C1 controls, DEL: shown inertly, never raw.
printf 'x\033[31mred\033[0m \033]0;title\007 \302\2331m \001\177 \302\205end\n' \
	> "$tmp/esc.txt"
out=$("$YUEDU" --dump "$tmp/esc.txt")
check "no ESC byte in --dump output" 0 "$(printf '%s' "$out" | tr -cd '\033' | wc -c)"
check "no C0 control byte in --dump output" 0 \
	"$(printf '%s' "$out" | tr -d '\n' | LC_ALL=C tr -cd '\000-\037\177' | wc -c)"
check "no C1 control in --dump output" 0 \
	"$(printf '%s' "$out" | LC_ALL=C grep -c $'\xc2[\x80-\x9f]')"
check "controls shown as ^[ ^G ^A ^? <9B> <85>" \
	'x^[[31mred^[[0m ^[]0;title^G <9B>1m ^A^? <85>end' "$out"

# NUL is shown as ^@, and the text after it is kept.
printf 'a\000b\000\000c\n' > "$tmp/nul.txt"
check "NUL shown as ^@" 'a^@b^@^@c' "$("$YUEDU" --dump "$tmp/nul.txt")"

# Tabs expand to the next multiple of 8 columns.
printf 'a\tb\n中\t文\n' > "$tmp/tab.txt"
check "tabs expand to multiples of 8" "$(printf 'a       b\n中      文')" \
	"$("$YUEDU" --dump "$tmp/tab.txt")"

# CRLF and CR line ends, a BOM: none of them reaches the output.
printf '\xef\xbb\xbf甲\r\n乙\r丙\n丁' > "$tmp/ends.txt"
check "BOM dropped, CRLF/CR/LF ends, no final newline" \
	"$(printf '甲\n乙\n丙\n丁\n' | hex)" "$("$YUEDU" --dump "$tmp/ends.txt" | hex)"

# Open errors: one line "yuedu: PATH: reason", exit 2, nothing on stdout.
open_error() {	# open_error WHAT PATH REASON [COMMAND PREFIX...]
	local what=$1 path=$2 reason=$3 out err rc
	shift 3
	out=$("$@" "$YUEDU" --dump "$path" 2>"$tmp/err"); rc=$?
	err=$(cat "$tmp/err")
	check "$what: exit 2" 2 "$rc"
	check "$what: one line on stderr" "yuedu: $path: $reason" "$err"
	check "$what: nothing on stdout" "" "$out"
}
open_error "a directory" "$tmp" "is a directory (--dump reads files; 'yuedu DIR' lists its articles)"
open_error "a missing file" "$tmp/missing.txt" "No such file or directory"
echo 秘密 > "$tmp/secret.txt"
chmod 600 "$tmp/secret.txt"
if [ "$(id -u)" -eq 0 ]; then
	# Root reads anything: drop to nobody so the check is real.
	open_error "no permission" "$tmp/secret.txt" "Permission denied" \
		setpriv --reuid=65534 --regid=65534 --clear-groups
else
	chmod 000 "$tmp/secret.txt"
	open_error "no permission" "$tmp/secret.txt" "Permission denied"
fi

# An empty file opens, says it is empty, and exits 0.
: > "$tmp/empty.txt"
out=$("$YUEDU" --dump "$tmp/empty.txt" 2>"$tmp/err"); rc=$?
check "empty file: exit 0" 0 "$rc"
check "empty file: nothing on stdout" "" "$out"
check "empty file: says it is empty" "yuedu: $tmp/empty.txt: empty file" "$(cat "$tmp/err")"

# A 10 MB line with no break opportunity: quick, rows of at most W columns,
# every byte kept.
head -c 10485760 /dev/zero | tr '\0' 'a' > "$tmp/long.txt"
echo >> "$tmp/long.txt"
start=$(date +%s)
timeout 120 "$YUEDU" --dump -w 80 "$tmp/long.txt" > "$tmp/long.out"; rc=$?
secs=$(( $(date +%s) - start ))
echo "10 MB line laid out in ${secs}s"
check "10 MB line: exit 0" 0 "$rc"
check "10 MB line: under 60 s (ASan build)" 1 "$(( secs < 60 ))"
# (Laid out in segments of 256 KiB: each of the 39 cuts ends a row early.)
rows=$(wc -l < "$tmp/long.out")
check "10 MB line: rows of at most 80 columns" 80 "$(wc -L < "$tmp/long.out")"
check "10 MB line: 131072 full rows, one short one per segment" 1 \
	"$(( rows >= 131072 && rows <= 131072 + 40 ))"
check "10 MB line: every byte kept" 10485760 "$(tr -cd a < "$tmp/long.out" | wc -c)"
rm -f "$tmp/long.txt" "$tmp/long.out"

# Standard input: a pipe, "-", and a file redirected.
check "a pipe on stdin" "中文" "$(echo 中文 | "$YUEDU")"
check "- reads stdin" "中文" "$(echo 中文 | "$YUEDU" --dump -)"
check "a file redirected to stdin" "$("$YUEDU" --dump "$tmp/tab.txt")" \
	"$("$YUEDU" --dump - < "$tmp/tab.txt")"
out=$("$YUEDU" --dump - < /dev/null 2>"$tmp/err"); rc=$?
check "empty stdin: exit 0, says it is empty" "0 yuedu: -: empty file" "$rc $(cat "$tmp/err")"

# The file read is never modified: same bytes, same mtime.
cp "$YUEDU_DATA/000_4230cdcea687e942.txt" "$tmp/article.txt"
touch -d '2001-02-03 04:05:06' "$tmp/article.txt"
before="$(sha256sum < "$tmp/article.txt") $(stat -c %Y "$tmp/article.txt")"
for opt in "" "--pinyin=show" "--pinyin=hide -w 7" "--ambiguous=wide -w 1"; do
	# shellcheck disable=SC2086
	"$YUEDU" --dump $opt "$tmp/article.txt" > /dev/null
done
"$YUEDU" --outline "$tmp/article.txt" > /dev/null
check "the file read is unchanged (checksum, mtime)" "$before" \
	"$(sha256sum < "$tmp/article.txt") $(stat -c %Y "$tmp/article.txt")"

exit $fail
