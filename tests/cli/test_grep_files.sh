#!/bin/bash
# yuedu --grep on a directory (every article the shelf would list, in
# shelf order) and on several files: FILE:LINE:TEXT as grep prints it,
# and grep's exit codes (0 a match, 1 none, 2 an error, the other files
# still searched).
. "$(dirname "$0")/lib.sh"
: "${YUEDU_SRC:?}"

d=$tmp/shelf
mkdir "$d" "$d/sub"
printf '第一行\n读书的人\n' >"$d/b.txt"
printf '# 标题\n\n没有\n读书\n' >"$d/a.md"
printf '读书 in a subdirectory\n' >"$d/sub/c.txt"
printf '读书 but not an article\n' >"$d/notes.json"
printf '读书\0binary\n' >"$d/blob.txt"
printf '读书 hidden\n' >"$d/.hidden.txt"
printf '读書 (traditional)\n' >"$d/10-trad.txt"
printf '读书 two\n' >"$d/9-two.txt"

out=$("$YUEDU" --grep 读书 "$d"); rc=$?
check "directory: exit 0 on a match" 0 "$rc"
check "directory: FILE:LINE:TEXT for each article, in shelf order" \
"$d/9-two.txt:1:读书 two
$d/10-trad.txt:1:读書 (traditional)
$d/a.md:4:没有读书
$d/b.txt:2:读书的人" "$out"
check "a trailing slash is kept as given" "$d/a.md:4:没有读书" \
	"$("$YUEDU" --grep 读书 "$d/" | grep a.md)"
"$YUEDU" --grep 没有这个 "$d" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "directory: exit 1 when nothing matches" "1:0:0" \
	"$rc:$(wc -c <"$tmp/out"):$(wc -c <"$tmp/err")"

f1=$YUEDU_SRC/articles/01-ali-ai-zhanyi.txt
f2=$d/b.txt
out=$("$YUEDU" --grep 网经社 "$f1" "$f2"); rc=$?
check "several files: exit 0" 0 "$rc"
check "several files: each line has its file" \
	"$f1:1 $f1:4" "$(printf '%s\n' "$out" | cut -d: -f1,2 | tr '\n' ' ' |
	sed 's/ $//')"
check "several files: the text follows as in one file" \
	"$("$YUEDU" --grep 网经社 "$f1" | sed -n 2p)" \
	"$(printf '%s\n' "$out" | sed -n 2p | cut -d: -f2-)"
check "several files: no match, exit 1" 1 \
	"$("$YUEDU" --grep 没有这个 "$f1" "$f2" >/dev/null; echo $?)"
"$YUEDU" --grep 读书 "$tmp/missing.txt" "$f2" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "a missing file: exit 2 after searching the others" 2 "$rc"
check "a missing file: the others still print" "$f2:2:读书的人" \
	"$(cat "$tmp/out")"
check "a missing file: one line on stderr names it" 1 \
	"$(grep -c "missing.txt: No such file" "$tmp/err")"
"$YUEDU" --regex --grep '(' "$d" "$f1" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "a bad regex: exit 2, said once" "2:1" "$rc:$(wc -l <"$tmp/err")"
check "one file keeps LINE:TEXT" "2:读书的人" "$("$YUEDU" --grep 读书 "$f2")"
check "--dump on a directory is still an error" 2 \
	"$("$YUEDU" --dump "$d" >/dev/null 2>&1; echo $?)"

exit $fail
