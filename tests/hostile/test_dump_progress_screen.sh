#!/bin/bash
# --dump --script converts through OpenCC at a few MB/s: on a terminal a
# progress line shows after a moment, and ^C stops it with status 130.
. "$(dirname "$0")/../screen/lib.sh"
TMP=$(mktemp -d /tmp/yuedu-dumpscript.XXXXXX)
trap '$TM kill-server 2>/dev/null; rm -rf "$TMP"' EXIT
line='这是一个测试行，用来看看文件在读的时候变短会怎么样。'
yes "$line" | head -n 160000 >"$TMP/big.txt"	# 12 MB

tm_start 100 10 "bash --norc --noprofile -i"
tm_keys "PS1='$ '; clear" Enter
tm_wait '$' >/dev/null
tm_keys "$YUEDU --dump --script=traditional $TMP/big.txt >$TMP/out; echo EXIT=\$?" Enter
check "a progress line shows" tm_wait "yuedu: writing $TMP/big.txt in another script…" 10
tm_keys C-c
check "^C stops it: exit status 130" tm_wait "EXIT=130" 10
check "some was written, not all" test "$(wc -c <"$TMP/out")" -lt 12000000
finish
