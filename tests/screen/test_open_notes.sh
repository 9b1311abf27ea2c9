#!/bin/bash
# What reading a file noted is said on the reader's status line, not only
# on stderr (the terminal's other screen hides that until the reader
# quits): an empty file, and bytes that are no known encoding.
. "$(dirname "$0")/lib.sh"
: >"$TM_TMP/empty.txt"
head -c 3000 "$YUEDU" >"$TM_TMP/binary.dat"

tm_start 80 24 "'$YUEDU' '$TM_TMP/empty.txt'"
check "an empty file says so on the status line" tm_wait_in_row 24 "empty file"
tm_start 80 24 "'$YUEDU' '$TM_TMP/binary.dat'"
check "a binary file's note is on the status line" tm_wait_in_row 24 "not valid UTF-8"
tm_start 40 12 "'$YUEDU' --ui-language=zh-Hans '$TM_TMP/empty.txt'"
check "... in Chinese (--ui-language=zh-Hans)" tm_wait_in_row 12 "空文件"
finish
