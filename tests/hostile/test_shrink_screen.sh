#!/bin/bash
# The reader and a file that changes under it: cut short (truncate -s 4096)
# and G: no SIGBUS, the reader runs on and says so on the status line, q
# leaves a clean shell; a file appended to is noticed too.
. "$(dirname "$0")/../screen/lib.sh"
TMP=$(mktemp -d /tmp/yuedu-shrink.XXXXXX)
trap '$TM kill-server 2>/dev/null; rm -rf "$TMP"' EXIT

line='这是一个测试行，用来看看文件在读的时候变短会怎么样。'
for i in $(seq 100000); do echo "$line"; done >"$TMP/f.txt"

prompt_after_exit() {
	tm_cap | grep -A1 '^EXIT=' | tail -n 1 | grep -qx '\$ *'
}

tm_start 80 24 "bash --norc --noprofile -i"
tm_keys "PS1='$ '; clear" Enter
tm_wait '$' >/dev/null
tm_keys "$YUEDU $TMP/f.txt; echo EXIT=\$?" Enter
check "the reader opened" tm_wait_in_row 24 "line 1/"
truncate -s 4096 "$TMP/f.txt"
tm_keys G
check "G on the shrunk file: the status line says so" \
    tm_wait "the file shrank to 4096 bytes while it was read"
check "the reader still runs" absent "EXIT="
tm_keys g
check "g: the start is still there" tm_wait_row 1 "$line"
tm_keys q
check "q: exit status 0" tm_wait "EXIT=0"
check "the shell prompt follows" prompt_after_exit

# A file that grows (a log): noticed and said, the text stays.
for i in $(seq 50); do echo "$line"; done >"$TMP/g.txt"
tm_keys "clear; $YUEDU $TMP/g.txt; echo EXIT=\$?" Enter
check "the reader opened the second file" tm_wait_in_row 24 "line 1/50"
echo "one more line" >>"$TMP/g.txt"
check "the change is noticed" \
    tm_wait "the file changed on disk; this is the text as it was read"
tm_keys q
check "q: exit status 0" tm_wait "EXIT=0"
finish
