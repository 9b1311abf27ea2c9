#!/bin/bash
# Regular expressions in the reader: a catastrophic pattern stops at once
# with a message on the status line; a slow one (under the limit) is
# stopped by a key within a moment, not after minutes.
. "$(dirname "$0")/../screen/lib.sh"
TMP=$(mktemp -d /tmp/yuedu-regex.XXXXXX)
trap '$TM kill-server 2>/dev/null; rm -rf "$TMP"' EXIT

for i in $(seq 1000); do printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n'; done \
	>"$TMP/a.txt"
tm_start 80 24 "$YUEDU --regex $TMP/a.txt"
check "the reader opened" tm_wait_in_row 24 "line 1/1000"
tm_keys '/' '(a+)+$' Enter
check "(a+)+\$: the limit is said on the status line" \
    tm_wait "exceeded the regular expression's backtracking limit" 5
tm_keys j
check "the reader still takes keys" tm_wait_in_row 24 "line 2/1000"

# 40000 lines that each take a moment: minutes of work, under the limit.
for i in $(seq 40000); do echo aaaaaaaaaaaaaaaaaaaaaaaaa; done >"$TMP/slow.txt"
tm_start 80 24 "$YUEDU --regex $TMP/slow.txt"
check "the slow file opened" tm_wait_in_row 24 "line 1/40000"
# Typed at once: the prompt searches as it is typed.
tm_keys '/' '^(a|aa)*[bc]' Enter
check "a slow search shows its progress" tm_wait "searching…" 5
tm_keys x
stopped() {	# the key stops it within 0.2 s (1 s allowed for a slow machine)
	local tries=20
	while [ $tries -gt 0 ]; do
		tm_cap | grep -q "search stopped" && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}
check "a key stops the search within a second" stopped
finish
