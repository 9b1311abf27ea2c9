#!/bin/bash
# Regular expressions do bounded work per line: a catastrophic pattern
# ends in a moment with a message and exit 2 (as grep -P), not minutes
# later or as "no match"; --heading the same.
. "$(dirname "$0")/lib.sh"

for i in $(seq 1000); do printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n'; done \
	>"$tmp/a.txt"	# 42 KB
t0=$(date +%s)
"$YUEDU" --grep='(a+)+$' --regex "$tmp/a.txt" >"$tmp/out" 2>"$tmp/err"
rc=$?
t1=$(date +%s)
check "(a+)+\$ on 42 KB: exit 2" 2 "$rc"
check "(a+)+\$: done within 5 s" 1 "$([ $((t1 - t0)) -le 5 ] && echo 1)"
check "(a+)+\$: the message says which limit, and where" \
	"yuedu: line 1: exceeded the regular expression's backtracking limit" \
	"$(cat "$tmp/err")"

printf 'hello\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx!xy\nlast xy\n' >"$tmp/x.txt"
"$YUEDU" --grep='(x+x+)+y' --regex "$tmp/x.txt" >"$tmp/out" 2>"$tmp/err"
check "(x+x+)+y on a line ending xy: exit 2, not 1" 2 "$?"
check "the message names line 2" 1 \
	"$(grep -c "line 2: exceeded the regular expression's backtracking limit" "$tmp/err")"
"$YUEDU" --grep='x+y' --regex "$tmp/x.txt" >"$tmp/out" 2>"$tmp/err"
check "a fair pattern on the same file: exit 0" 0 "$?"

# A directory of articles: the message names the file.
mkdir "$tmp/dir"
cp "$tmp/x.txt" "$tmp/dir/x.txt"
"$YUEDU" --grep='(x+x+)+y' --regex "$tmp/dir" >"$tmp/out" 2>"$tmp/err"
check "--grep DIR: exit 2" 2 "$?"
check "--grep DIR: the file and line are named" 1 \
	"$(grep -c "x.txt: line 2: exceeded" "$tmp/err")"

# --heading: the outline is not built, and says why.
t0=$(date +%s)
"$YUEDU" --outline --heading='(a+)+$' "$tmp/a.txt" >"$tmp/out" 2>"$tmp/err"
rc=$?
t1=$(date +%s)
check "--heading='(a+)+\$': exit 2" 2 "$rc"
check "--heading: done within 5 s" 1 "$([ $((t1 - t0)) -le 5 ] && echo 1)"
check "--heading: the message" 1 \
	"$(grep -c "line 1: exceeded the regular expression's backtracking limit" "$tmp/err")"
exit $fail
