#!/bin/bash
# A pattern that is not valid UTF-8 in the Taiwan or Hong Kong view is
# never handed to OpenCC (which reads past the end of a truncated
# sequence: ASan reports a heap over-read in the sanitized build).  The
# search still runs, on the bytes as given.
. "$(dirname "$0")/lib.sh"

printf 'abcdefghijklmn\350\220 here\n軟體 and 软件\n' >"$tmp/t.txt"
bad=$(printf 'abcdefghijklmn\350\220')
for script in taiwan hongkong; do
	out=$("$YUEDU" --script=$script --grep="$bad" "$tmp/t.txt" 2>"$tmp/e")
	rc=$?
	check "--script=$script --grep with a truncated sequence: exit 0" 0 "$rc"
	check "--script=$script: the line is found" 1 \
		"$(printf '%s\n' "$out" | grep -c '^1:abcdefghijklmn')"
	check "--script=$script: no sanitizer report" 0 \
		"$(grep -c Sanitizer "$tmp/e")"
	"$YUEDU" --script=$script --highlight="$bad" --dump "$tmp/t.txt" \
		>/dev/null 2>"$tmp/e"
	check "--script=$script --highlight with a truncated sequence" \
		"0:0" "$?:$(grep -c Sanitizer "$tmp/e")"
done
out=$("$YUEDU" --script=taiwan --grep=軟體 "$tmp/t.txt" 2>/dev/null)
check "a valid pattern still finds its mainland phrase" "2:軟體 and 软件" "$out"
exit $fail
