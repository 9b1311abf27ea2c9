# Reading a slow pipe: after a moment stderr says how much has come; a
# key opens what came so far (the status line says the rest is not
# shown), ^C quits with a message and status 130; a quick pipe shows
# nothing.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap '$TM kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
# [OUT=FILE] slow ARGS...: yuedu on a pipe that gives the sample, then
# waits.  The pipe is a process substitution so the shell does not wait
# for it.
cat >"$tmp/slow" <<SH
"$YUEDU" "\$@" < <(cat "$SAMPLE"; sleep 30; cat "$SAMPLE") >"\${OUT:-/dev/tty}"
echo rc=\$?
sleep 60
SH
kb=$(( $(wc -c <"$SAMPLE") / 1000 ))

tm_start 80 24 "bash $tmp/slow --ambiguous=narrow"
check "a slow pipe: stderr shows the bytes read so far" \
    tm_wait "yuedu: reading standard input… $kb kB (any key opens what came, ^C quits)"
tm_keys x
check "a key opens what came: the first row" tm_wait_row 1 "(網經社訊)"
check "the status line says reading stopped" \
    tm_wait_in_row 24 "stopped reading: only what came before the key is shown"
tm_keys G
check "the text is the first copy alone (25 lines)" tm_wait "/25 "
tm_keys q
check "q quits with status 0" tm_wait "rc=0"
check "after quitting, stderr says what was kept" \
    tm_wait "yuedu: stopped reading standard input after $kb kB; the rest is not shown"

tm_start 80 24 "bash $tmp/slow --ambiguous=narrow"
tm_wait "yuedu: reading standard input…" >/dev/null
tm_keys C-c
check "^C while reading: a message" \
    tm_wait "yuedu: interrupted while reading standard input"
check "^C while reading: status 130" tm_wait "rc=130"
check "^C while reading: the progress line is gone" \
    absent "any key opens what came"

# --dump to a file: progress still on the terminal, a key keeps the part.
tm_start 80 24 "OUT=$tmp/out bash $tmp/slow --dump"
tm_wait "yuedu: reading standard input…" >/dev/null
tm_keys Enter
check "--dump: a key ends the read, status 0" tm_wait "rc=0"
check "--dump: what came is dumped" \
    test "$(grep -c '' "$tmp/out")" = "$($YUEDU --dump <"$SAMPLE" | grep -c '')"

# A quick pipe: no progress line at all.
tm_start 80 24 "cat $SAMPLE | $YUEDU --dump >/dev/null; echo rc=\$?; sleep 60"
check "a quick pipe: done" tm_wait "rc=0"
check "a quick pipe: no progress line" absent "reading standard input"
# A long outline build (55 MB, 40000 headings): a key that needs the
# outline waits with progress on the status line; another key stops the
# wait, and the outline comes when it is done.
for i in $(seq 200); do cat "$SAMPLE"; done >"$tmp/chunk"
for i in $(seq 50); do cat "$tmp/chunk"; done >"$tmp/big.txt"
rm "$tmp/chunk"
tm_start 80 24 "$YUEDU --ambiguous=narrow $tmp/big.txt"
tm_wait_in_row 24 "big.txt" >/dev/null
tm_keys t
check "t while the outline is built: progress on the status line" \
    tm_wait "building the outline…"
tm_keys x
check "a key stops waiting, with a message" \
    tm_wait "the outline is not ready yet"
check "the reader goes on (the text is still shown)" tm_wait_row 1 "(網經社訊)"
tm_keys t
check "t again: the outline, when done" tm_wait "Outline (40000)" 30

# Converting a big GB18030 text: progress in per cent, a key quits.
iconv -f UTF-8 -t GB18030 "$tmp/big.txt" >"$tmp/gb.txt"
rm "$tmp/big.txt"
tm_start 80 24 "$YUEDU --dump $tmp/gb.txt >/dev/null; echo rc=\$?; sleep 60"
check "converting: progress on stderr" \
    tm_wait "yuedu: converting $tmp/gb.txt… "
tm_keys x
check "a key stops the conversion with a message" \
    tm_wait "yuedu: $tmp/gb.txt: conversion from GB18030 interrupted"
check "... and status 130" tm_wait "rc=130"
finish
