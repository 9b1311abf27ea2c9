#!/bin/bash
# --grep DIR with an article that cannot be read: the others' matches are
# printed, the unreadable one is named on stderr, and the exit status is
# 2 (as the README promises), not 0.
. "$(dirname "$0")/lib.sh"
umask 022
mkdir "$tmp/dir"
echo "hi there" >"$tmp/dir/a.txt"
echo "hi again" >"$tmp/dir/b.txt"
echo "hi no" >"$tmp/dir/c.txt"
chmod 000 "$tmp/dir/b.txt"
# root reads anything: run as nobody then.
as_user=()
yuedu=$YUEDU
if [ "$(id -u)" = 0 ]; then
	as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$tmp")
	# nobody must reach the program and the files: a clone may sit in
	# a directory only root enters (mktemp -d makes them 0700).
	chmod 755 "$tmp"
	mkdir -m 755 "$tmp/bin"
	cp "$YUEDU" "$tmp/bin/yuedu"
	yuedu=$tmp/bin/yuedu
fi
"${as_user[@]}" "$yuedu" --grep hi "$tmp/dir" >"$tmp/out" 2>"$tmp/err"
check "exit status 2" 2 "$?"
check "the readable articles' matches are printed" \
	"$tmp/dir/a.txt:1:hi there
$tmp/dir/c.txt:1:hi no" "$(cat "$tmp/out")"
check "the unreadable one is named" "yuedu: $tmp/dir/b.txt: Permission denied" \
	"$(cat "$tmp/err")"
exit $fail
