#!/bin/bash
# A config file of 100 MB is refused at once with a message (not read at
# every start); a FIFO planted as the config file does not hang.
. "$(dirname "$0")/lib.sh"
export XDG_CONFIG_HOME=$tmp/cfg
mkdir -p "$tmp/cfg/yuedu"
printf '第一行\n' >"$tmp/t.txt"
yes 'width = 40' | head -c 100M >"$tmp/cfg/yuedu/config"
t0=$(date +%s%N)
out=$("$YUEDU" --dump "$tmp/t.txt" 2>"$tmp/err")
rc=$?
ms=$((($(date +%s%N) - t0) / 1000000))
check "100 MB config: the text is still shown" "0:第一行" "$rc:$out"
check "100 MB config: refused with a message" 1 \
	"$(grep -c 'config: too large (104857600 bytes; a config file has at most 1048576); ignored' "$tmp/err")"
check "100 MB config: refused quickly ($ms ms; reading it took minutes)" 1 "$([ $ms -lt 5000 ] && echo 1)"

rm "$tmp/cfg/yuedu/config"
mkfifo "$tmp/cfg/yuedu/config"
out=$(timeout 10 "$YUEDU" --dump "$tmp/t.txt" 2>"$tmp/err")
check "a FIFO as config: no hang" "0:第一行" "$?:$out"
check "a FIFO as config: said" 1 "$(grep -c 'config: not a regular file; ignored' "$tmp/err")"
exit $fail
