#!/bin/bash
# A big Markdown text opens on its first screens and renders the rest on
# the other core while it is read: once the reader is idle, G goes to the
# end at once (nothing left to render); G pressed before that waits for
# the rendering with a progress line, and any key stops the wait.
. "$(dirname "$0")/lib.sh"
big=$TM_TMP/big.md
one="$YUEDU_DATA/jieba_README.md $YUEDU_DATA/copywriting-guidelines_README.zh-Hans.md"
while [ "$(stat -c %s "$big" 2>/dev/null || echo 0)" -lt 12000000 ]; do
	cat $one >>"$big"
done
last="https://github.com/mzlogin/chinese-copywriting-guidelines"

now() { date +%s%N; }
# cpu PID: its user + system clock ticks so far.
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null; }
# idle PID: wait (up to 120 s) until PID has used no CPU for 1.5 s.
idle() {
	local prev=-1 cur n=0 end=$(( $(date +%s) + 120 ))
	while [ "$(date +%s)" -lt "$end" ]; do
		cur=$(cpu "$1")
		if [ "$cur" = "$prev" ]; then
			n=$((n + 1))
			[ "$n" -ge 6 ] && return 0
		else
			n=0
		fi
		prev=$cur
		sleep 0.25
	done
	return 1
}

tm_start 80 24 "exec '$YUEDU' '$big'"
check "the first screen" tm_wait "big.md"
pid=$($TM display-message -p -t "$TM_T" '#{pane_pid}')
check "the rest rendered while the reader waits (then idle)" idle "$pid"
t0=$(now)
tm_keys G
check "G after that: the end" tm_wait "$last" 20
ms=$(( ($(now) - t0) / 1000000 ))
echo "# G on an idle reader of $(($(stat -c %s "$big") >> 20)) MB: $ms ms"
# Rendering it whole takes seconds here (debug build); G after it: less.
check "G after the rest was rendered takes under 1.5 s ($ms ms)" \
    test "$ms" -lt 1500
check "G ends at the end" tm_wait "(END) 100%"

# G at once: it waits for the rendering, saying so; a key stops the wait.
tm_start 80 24 "exec '$YUEDU' '$big'"
tm_wait "big.md" || not_ok "opens again"
tm_keys G
check "G at once: the rendering's progress" tm_wait "(any key stops)"
tm_keys j
check "a key stops the wait" tm_wait "still being rendered"
check "... and the key was not run: still at the top" tm_wait "line 1/"
tm_keys G
check "G again: the end, when it is rendered" tm_wait "$last" 60
finish
