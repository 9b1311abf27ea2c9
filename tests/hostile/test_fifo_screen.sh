#!/bin/bash
# A FIFO given as FILE waits for its writer: it says so instead of
# blocking silently, ^C there exits 130 (not 2, "Interrupted system
# call"), and once written to, the text is read.
. "$(dirname "$0")/../screen/lib.sh"
TMP=$(mktemp -d /tmp/yuedu-fifo.XXXXXX)
trap '$TM kill-server 2>/dev/null; rm -rf "$TMP"' EXIT
mkfifo "$TMP/p"

tm_start 80 24 "bash --norc --noprofile -i"
tm_keys "PS1='$ '; clear" Enter
tm_wait '$' >/dev/null
tm_keys "$YUEDU $TMP/p; echo EXIT=\$?" Enter
check "the wait for a writer is said" tm_wait "yuedu: reading from the pipe $TMP/p…"
tm_keys C-c
check "^C while waiting: exit status 130" tm_wait "EXIT=130"

tm_keys "clear; $YUEDU $TMP/p; echo EXIT=\$?" Enter
check "waiting again" tm_wait "reading from the pipe"
printf '管道里的文字\n第二行\n' >"$TMP/p"
check "written to: the text is shown" tm_wait_row 1 "管道里的文字"
tm_keys q
check "q: exit status 0" tm_wait "EXIT=0"
finish
