# A long search shows its progress on the status line and stops on a key
# or ^C, with a message, leaving the reader running.  The text is 20 MB
# made in a temporary directory; the pattern is a regular expression that
# makes PCRE2 work on every line (about 2 s unsanitized).
. "$(dirname "$0")/lib.sh"

tmp=$(mktemp -d)
trap '$TM kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
yes "$(printf '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸%.0s' 1 2 3 4 5 6)" |
    head -c 20000000 >"$tmp/big.txt"

tm_start 80 24 "$YUEDU --ambiguous=narrow --regex '+/(..)+\\d' $tmp/big.txt"
check "a long search shows its progress" tm_wait "searching…" 10
check "... with the way out" tm_wait "(any key stops)"
tm_keys x
check "a key stops it, with a message" tm_wait "search stopped" 10
check "the reader goes on (text on screen)" tm_wait_row 1 "一二三四五六七八九十"
check "no count is made up" tm_wait "?/? [regex"

tm_keys '/' '(..)+\d' Enter
check "/ with a slow regex: progress again" tm_wait "searching…" 10
tm_keys C-c
check "^C stops the search, not the reader" tm_wait "search stopped" 10
sleep 0.3
check "the reader is still running" tm_wait_row 1 "一二三四五六七八九十"
tm_keys q
finish
